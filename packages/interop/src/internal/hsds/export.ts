import { Actor, Intervention, type Territory } from "@welfare/core"
import { uuidOf } from "../../internal/uuid.js"
import {
  type AttributeRow,
  actorIdentifierType,
  type Dataset,
  factNames,
  fixedTerms,
  identifierScheme,
  type LocationRow,
  municipalityIdentifierType,
  type OrganizationIdentifierRow,
  type OrganizationRow,
  resourceValue,
  type ServiceAtLocationRow,
  type ServiceRow,
  type TaxonomyTermRow,
  type Term,
  taxonomyName,
  term,
  territoryIdentifierType
} from "./model.js"

/**
 * Exports a territory's organisations and interventions as an HSDS 3.0
 * dataset (tabular form). Citizens are never exported; neither are cases,
 * needs or anything about a person.
 *
 * @example
 * ```ts
 * import * as assert from "node:assert"
 * import { Actor, Territory } from "@welfare/core"
 * import { Hsds } from "@welfare/interop"
 *
 * const territory = Territory.empty({
 *   name: "Ambito di Legnano",
 *   municipalities: [{ id: Actor.MunicipalityId.make("legnano"), name: "Legnano" }],
 *   actors: [
 *     Actor.unsafeMake({
 *       id: Actor.ActorId.make("coop-melograno"),
 *       kind: "social-cooperative",
 *       name: "Cooperativa Sociale Il Melograno",
 *       municipality: Actor.MunicipalityId.make("legnano")
 *     }),
 *     Actor.unsafeMake({ id: Actor.ActorId.make("p-0017"), kind: "citizen" })
 *   ]
 * })
 * const dataset = Hsds.fromTerritory(territory)
 * // the territory itself and the cooperative; never the citizen
 * assert.deepStrictEqual(
 *   dataset.organization.map((o) => o.name),
 *   ["Ambito di Legnano", "Cooperativa Sociale Il Melograno"]
 * )
 * assert.strictEqual(dataset.location[0]?.name, "Legnano")
 * ```
 *
 * @category encoding
 * @since 0.1.0
 */
export const fromTerritory = (territory: Territory.TerritoryInput): Dataset => {
  const taxonomyId = uuidOf("taxonomy", taxonomyName)
  const terms = new Map<string, TaxonomyTermRow>()
  const termId = (t: Term): string => {
    const id = uuidOf("taxonomy_term", t.code)
    if (!terms.has(t.code))
      terms.set(t.code, {
        id,
        code: t.code,
        name: t.it,
        description: t.en,
        taxonomy: taxonomyName,
        taxonomy_id: taxonomyId,
        language: "it"
      })
    return id
  }
  for (const t of fixedTerms) termId(t)
  const attributes: Array<AttributeRow> = []
  const attribute = (entity: "organization" | "service", linkId: string, t: Term, value?: string): void => {
    const taxonomy_term_id = termId(t)
    const n = attributes.length
    attributes.push({
      id: uuidOf("attribute", `${linkId}:${n}`),
      link_id: linkId,
      link_type: entity === "organization" ? "organization_attribute" : "service_attribute",
      link_entity: entity,
      taxonomy_term_id,
      ...(value === undefined ? {} : { value })
    })
  }
  const municipalityName = new Map(territory.municipalities.map((m) => [m.id as string, m.name]))
  const territoryKey = territory.id ?? territory.name
  const territoryOrg: OrganizationRow = {
    id: uuidOf("organization", `territory:${territoryKey}`),
    name: territory.name,
    description: "Ambito territoriale (territorial area): the planning body of the territory."
  }
  const organizations: Array<OrganizationRow> = [territoryOrg]
  const identifiers: Array<OrganizationIdentifierRow> = [
    {
      id: uuidOf("organization_identifier", `territory:${territoryKey}`),
      organization_id: territoryOrg.id,
      identifier_scheme: identifierScheme,
      identifier_type: territoryIdentifierType,
      identifier: territoryKey
    }
  ]
  const orgId = new Map<string, string>()
  const orgMunicipality = new Map<string, string>()
  for (const actor of territory.actors) {
    if (Actor.isPerson(actor)) continue
    const id = uuidOf("organization", actor.id)
    orgId.set(actor.id, id)
    if (actor.municipality !== undefined) orgMunicipality.set(actor.id, actor.municipality)
    const kind = Actor.kindLabels[actor.kind]
    organizations.push({
      id,
      name: actor.name ?? `${kind.it} ${actor.id}`,
      description: `${kind.it} (${kind.en})`
    })
    identifiers.push({
      id: uuidOf("organization_identifier", actor.id),
      organization_id: id,
      identifier_scheme: identifierScheme,
      identifier_type: actorIdentifierType,
      identifier: actor.id
    })
    if (actor.municipality !== undefined) attribute("organization", id, fixedTerms[4]!, actor.municipality)
    attribute("organization", id, term.kind(actor.kind))
    attribute("organization", id, term.sector(Actor.sectorOf(actor)))
    for (const area of actor.policyAreas ?? []) attribute("organization", id, term.area(area))
    for (const r of actor.resources)
      attribute(
        "organization",
        id,
        term.resource(r.kind),
        resourceValue({ amount: { value: r.amount, unit: r.unit } })
      )
  }
  for (const p of territory.partnerships)
    for (const m of p.members) {
      const id = orgId.get(m.actor)
      if (id !== undefined) attribute("organization", id, term.partnership(p), m.roles.join(", "))
    }
  const locations = new Map<string, LocationRow>()
  const locationOf = (municipality: string): string => {
    const id = uuidOf("location", municipality)
    if (!locations.has(municipality))
      locations.set(municipality, {
        id,
        location_type: "physical",
        name: municipalityName.get(municipality) ?? municipality,
        external_identifier: municipality,
        external_identifier_type: municipalityIdentifierType
      })
    return id
  }
  for (const m of territory.municipalities) locationOf(m.id)
  const services: Array<ServiceRow> = []
  const serviceAtLocations: Array<ServiceAtLocationRow> = []
  for (const intervention of territory.interventions) {
    const id = uuidOf("service", intervention.id)
    const delivering = (intervention.actors ?? []).filter((a) => orgId.has(a))
    const organization_id = delivering.length > 0 ? orgId.get(delivering[0]!)! : territoryOrg.id
    services.push({
      id,
      organization_id,
      name: intervention.name ?? `Intervento ${intervention.id}`,
      status: "active"
    })
    attribute("service", id, fixedTerms[0]!, intervention.id)
    for (const other of delivering.slice(1)) attribute("service", id, fixedTerms[1]!, other)
    if (intervention.assistanceBenefit !== undefined)
      attribute("service", id, fixedTerms[2]!, String(intervention.assistanceBenefit))
    if (intervention.designSplit !== undefined)
      attribute("service", id, fixedTerms[3]!, String(intervention.designSplit))
    for (const fact of factNames) {
      const value = intervention[fact]
      if (value !== undefined) attribute("service", id, term.fact(fact, value))
    }
    for (const use of intervention.resources ?? []) {
      const kind = Intervention.kindOf(use)
      if (kind === undefined) continue
      attribute(
        "service",
        id,
        term.resource(kind),
        resourceValue({
          ...(use.resource === undefined
            ? {}
            : { amount: { value: use.resource.amount, unit: use.resource.unit } }),
          from: use.from,
          ...(use.mode === undefined ? {} : { mode: use.mode }),
          ...(use.form === undefined ? {} : { form: use.form }),
          ...(use.actor !== undefined && orgId.has(use.actor) ? { actor: use.actor } : {})
        })
      )
    }
    for (const p of intervention.partnerships ?? []) {
      const partnership = territory.partnerships.find((q) => q.id === p)
      if (partnership !== undefined) attribute("service", id, term.partnership(partnership))
    }
    const seen = new Set<string>()
    for (const a of delivering) {
      const m = orgMunicipality.get(a)
      if (m === undefined || seen.has(m)) continue
      seen.add(m)
      serviceAtLocations.push({
        id: uuidOf("service_at_location", `${intervention.id}@${m}`),
        service_id: id,
        location_id: locationOf(m)
      })
    }
  }
  return {
    organization: organizations,
    organization_identifier: identifiers,
    service: services,
    location: [...locations.values()],
    service_at_location: serviceAtLocations,
    taxonomy: [
      {
        id: taxonomyId,
        name: taxonomyName,
        description:
          "Tassonomia italiana del welfare generativo (@welfare): tipi di attori, settori, aree di policy, capacità, caratteristiche degli interventi, partenariati.",
        version: "0.1.0"
      }
    ],
    taxonomy_term: [...terms.values()],
    attribute: attributes
  }
}

/**
 * A nested HSDS `service` (the JSON form of the HSDS API's `/services/{id}`):
 * the service with its organisation, attributes and locations inline.
 *
 * @category models
 * @since 0.1.0
 */
export interface NestedService extends ServiceRow {
  readonly organization: OrganizationRow & {
    readonly organization_identifiers: ReadonlyArray<OrganizationIdentifierRow>
  }
  readonly attributes: ReadonlyArray<AttributeRow & { readonly taxonomy_term: TaxonomyTermRow }>
  readonly service_at_locations: ReadonlyArray<ServiceAtLocationRow & { readonly location: LocationRow }>
}

/**
 * The services of a dataset in their nested JSON form.
 *
 * @category encoding
 * @since 0.1.0
 */
export const nestedServices = (dataset: Dataset): ReadonlyArray<NestedService> => {
  const orgs = new Map(dataset.organization.map((o) => [o.id, o]))
  const terms = new Map(dataset.taxonomy_term.map((t) => [t.id, t]))
  const locations = new Map(dataset.location.map((l) => [l.id, l]))
  return dataset.service.map((s) => ({
    ...s,
    organization: {
      ...orgs.get(s.organization_id)!,
      organization_identifiers: dataset.organization_identifier.filter(
        (i) => i.organization_id === s.organization_id
      )
    },
    attributes: dataset.attribute
      .filter((a) => a.link_id === s.id)
      .map((a) => ({ ...a, taxonomy_term: terms.get(a.taxonomy_term_id)! })),
    service_at_locations: dataset.service_at_location
      .filter((l) => l.service_id === s.id)
      .map((l) => ({ ...l, location: locations.get(l.location_id)! }))
  }))
}

export const csvCell = (value: unknown): string => {
  if (value === undefined || value === null) return ""
  const s = String(value)
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s
}

/**
 * One table of a dataset as CSV text with the given columns (the fields of
 * the HSDS data package's resource, in its order).
 *
 * @category encoding
 * @since 0.1.0
 */
export const toCsv = (rows: ReadonlyArray<object>, columns: ReadonlyArray<string>): string =>
  [
    columns.join(","),
    ...rows.map((row) => columns.map((c) => csvCell((row as Record<string, unknown>)[c])).join(","))
  ].join("\r\n") + "\r\n"
