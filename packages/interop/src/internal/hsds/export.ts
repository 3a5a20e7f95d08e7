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
  const rows = sharedRows(territory)
  for (const t of fixedTerms) termId(rows, t)
  const orgs = organizationsOf(territory, rows)
  for (const p of territory.partnerships)
    for (const m of p.members) {
      const id = orgs.id.get(m.actor)
      if (id !== undefined) attribute(rows, "organization", id, term.partnership(p), m.roles.join(", "))
    }
  for (const m of territory.municipalities) locationOf(rows, m.id)
  const services: Array<ServiceRow> = []
  const serviceAtLocations: Array<ServiceAtLocationRow> = []
  for (const intervention of territory.interventions)
    exportIntervention(territory, intervention, rows, orgs, services, serviceAtLocations)
  return {
    organization: orgs.rows,
    organization_identifier: orgs.identifiers,
    service: services,
    location: [...rows.locations.values()],
    service_at_location: serviceAtLocations,
    taxonomy: [
      {
        id: rows.taxonomyId,
        name: taxonomyName,
        description:
          "Tassonomia italiana del welfare generativo (@welfare): tipi di attori, settori, aree di policy, capacità, caratteristiche degli interventi, partenariati.",
        version: "0.1.0"
      }
    ],
    taxonomy_term: [...rows.terms.values()],
    attribute: rows.attributes
  }
}

/** The rows every part of an export adds to: taxonomy terms and locations (each once), attributes. */
interface SharedRows {
  readonly taxonomyId: string
  readonly terms: Map<string, TaxonomyTermRow>
  readonly attributes: Array<AttributeRow>
  readonly locations: Map<string, LocationRow>
  readonly municipalityName: ReadonlyMap<string, string>
}

const sharedRows = (territory: Territory.TerritoryInput): SharedRows => ({
  taxonomyId: uuidOf("taxonomy", taxonomyName),
  terms: new Map(),
  attributes: [],
  locations: new Map(),
  municipalityName: new Map(territory.municipalities.map((m) => [m.id as string, m.name]))
})

/** The id of a taxonomy term, adding its row the first time. */
const termId = (rows: SharedRows, t: Term): string => {
  const id = uuidOf("taxonomy_term", t.code)
  if (!rows.terms.has(t.code))
    rows.terms.set(t.code, {
      id,
      code: t.code,
      name: t.it,
      description: t.en,
      taxonomy: taxonomyName,
      taxonomy_id: rows.taxonomyId,
      language: "it"
    })
  return id
}

/** Adds an attribute (a taxonomy term, with an optional value) to an organisation or a service. */
const attribute = (
  rows: SharedRows,
  entity: "organization" | "service",
  linkId: string,
  t: Term,
  value?: string
): void => {
  const taxonomy_term_id = termId(rows, t)
  const n = rows.attributes.length
  rows.attributes.push({
    id: uuidOf("attribute", `${linkId}:${n}`),
    link_id: linkId,
    link_type: entity === "organization" ? "organization_attribute" : "service_attribute",
    link_entity: entity,
    taxonomy_term_id,
    ...(value === undefined ? {} : { value })
  })
}

/** The id of a municipality's location, adding its row the first time. */
const locationOf = (rows: SharedRows, municipality: string): string => {
  const id = uuidOf("location", municipality)
  if (!rows.locations.has(municipality))
    rows.locations.set(municipality, {
      id,
      location_type: "physical",
      name: rows.municipalityName.get(municipality) ?? municipality,
      external_identifier: municipality,
      external_identifier_type: municipalityIdentifierType
    })
  return id
}

/** The organisations of an export (the territory first, then every actor but persons) and their ids. */
interface Organizations {
  readonly rows: Array<OrganizationRow>
  readonly identifiers: Array<OrganizationIdentifierRow>
  readonly territoryId: string
  /** The organisation id of each exported actor. */
  readonly id: Map<string, string>
  readonly municipality: Map<string, string>
}

const organizationsOf = (territory: Territory.TerritoryInput, rows: SharedRows): Organizations => {
  const territoryKey = territory.id ?? territory.name
  const territoryOrg: OrganizationRow = {
    id: uuidOf("organization", `territory:${territoryKey}`),
    name: territory.name,
    description: "Ambito territoriale (territorial area): the planning body of the territory."
  }
  const orgs: Organizations = {
    rows: [territoryOrg],
    identifiers: [
      {
        id: uuidOf("organization_identifier", `territory:${territoryKey}`),
        organization_id: territoryOrg.id,
        identifier_scheme: identifierScheme,
        identifier_type: territoryIdentifierType,
        identifier: territoryKey
      }
    ],
    territoryId: territoryOrg.id,
    id: new Map(),
    municipality: new Map()
  }
  for (const actor of territory.actors) if (!Actor.isPerson(actor)) exportActor(actor, rows, orgs)
  return orgs
}

/** Adds an organisation (not a person) with its identifier and attributes. */
const exportActor = (actor: Actor.Actor, rows: SharedRows, orgs: Organizations): void => {
  const id = uuidOf("organization", actor.id)
  orgs.id.set(actor.id, id)
  if (actor.municipality !== undefined) orgs.municipality.set(actor.id, actor.municipality)
  const kind = Actor.kindLabels[actor.kind]
  orgs.rows.push({
    id,
    name: actor.name ?? `${kind.it} ${actor.id}`,
    description: `${kind.it} (${kind.en})`
  })
  orgs.identifiers.push({
    id: uuidOf("organization_identifier", actor.id),
    organization_id: id,
    identifier_scheme: identifierScheme,
    identifier_type: actorIdentifierType,
    identifier: actor.id
  })
  if (actor.municipality !== undefined)
    attribute(rows, "organization", id, fixedTerms[4]!, actor.municipality)
  attribute(rows, "organization", id, term.kind(actor.kind))
  attribute(rows, "organization", id, term.sector(Actor.sectorOf(actor)))
  for (const area of actor.policyAreas ?? []) attribute(rows, "organization", id, term.area(area))
  for (const r of actor.resources)
    attribute(
      rows,
      "organization",
      id,
      term.resource(r.kind),
      resourceValue({ amount: { value: r.amount, unit: r.unit } })
    )
}

type InterventionOf = Territory.TerritoryInput["interventions"][number]

/**
 * Adds an intervention as a service of its first delivering organisation (the
 * territory when none is exported), with its attributes and one
 * service-at-location per municipality of its delivering organisations.
 */
const exportIntervention = (
  territory: Territory.TerritoryInput,
  intervention: InterventionOf,
  rows: SharedRows,
  orgs: Organizations,
  services: Array<ServiceRow>,
  serviceAtLocations: Array<ServiceAtLocationRow>
): void => {
  const id = uuidOf("service", intervention.id)
  const delivering = (intervention.actors ?? []).filter((a) => orgs.id.has(a))
  const organization_id = delivering.length > 0 ? orgs.id.get(delivering[0]!)! : orgs.territoryId
  services.push({
    id,
    organization_id,
    name: intervention.name ?? `Intervento ${intervention.id}`,
    status: "active"
  })
  serviceAttributes(territory, intervention, id, delivering, rows, orgs)
  const seen = new Set<string>()
  for (const a of delivering) {
    const m = orgs.municipality.get(a)
    if (m === undefined || seen.has(m)) continue
    seen.add(m)
    serviceAtLocations.push({
      id: uuidOf("service_at_location", `${intervention.id}@${m}`),
      service_id: id,
      location_id: locationOf(rows, m)
    })
  }
}

/** The attributes of a service: its id, co-deliverers, facts, resources used and partnerships. */
const serviceAttributes = (
  territory: Territory.TerritoryInput,
  intervention: InterventionOf,
  id: string,
  delivering: ReadonlyArray<string>,
  rows: SharedRows,
  orgs: Organizations
): void => {
  attribute(rows, "service", id, fixedTerms[0]!, intervention.id)
  for (const other of delivering.slice(1)) attribute(rows, "service", id, fixedTerms[1]!, other)
  if (intervention.assistanceBenefit !== undefined)
    attribute(rows, "service", id, fixedTerms[2]!, String(intervention.assistanceBenefit))
  if (intervention.designSplit !== undefined)
    attribute(rows, "service", id, fixedTerms[3]!, String(intervention.designSplit))
  for (const fact of factNames) {
    const value = intervention[fact]
    if (value !== undefined) attribute(rows, "service", id, term.fact(fact, value))
  }
  for (const use of intervention.resources ?? []) {
    const kind = Intervention.kindOf(use)
    if (kind === undefined) continue
    attribute(
      rows,
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
        ...(use.actor !== undefined && orgs.id.has(use.actor) ? { actor: use.actor } : {})
      })
    )
  }
  for (const p of intervention.partnerships ?? []) {
    const partnership = territory.partnerships.find((q) => q.id === p)
    if (partnership !== undefined) attribute(rows, "service", id, term.partnership(partnership))
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
