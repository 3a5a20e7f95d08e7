/**
 * Open Referral HSDS 3.0 (the Human Services Data Specification): a
 * territory's organisations and interventions as a human-services directory,
 * and back.
 *
 * - actors (never citizens) become `organization`s, with the actor id kept as
 *   an `organization_identifier` (scheme `welfare`);
 * - interventions become `service`s, at a `location` per municipality of the
 *   organisations delivering them (`service_at_location`);
 * - actor kinds, sectors, policy areas, intervention facts, resources
 *   (capacity) and partnerships become `attribute`s coded with an Italian
 *   taxonomy published with the export (`taxonomy`, `taxonomy_term`).
 *
 * Every id is a name-based UUID (version 5), so the same territory always
 * exports to the same ids. See the guide "HSDS 3.0" for the mapping table.
 *
 * @since 0.1.0
 */
import {
  Actor,
  Intervention,
  type Label,
  type Partnership,
  PolicyArea,
  Resource,
  type Territory
} from "@welfare/core"
import { uuidOf } from "./internal/uuid.js"

/**
 * An HSDS `organization` row (the fields this export fills).
 *
 * @category models
 * @since 0.1.0
 */
export interface OrganizationRow {
  readonly id: string
  readonly name: string
  readonly description: string
}

/**
 * An HSDS `organization_identifier` row.
 *
 * @category models
 * @since 0.1.0
 */
export interface OrganizationIdentifierRow {
  readonly id: string
  readonly organization_id: string
  readonly identifier_scheme: string
  readonly identifier_type: string
  readonly identifier: string
}

/**
 * An HSDS `service` row.
 *
 * @category models
 * @since 0.1.0
 */
export interface ServiceRow {
  readonly id: string
  readonly organization_id: string
  readonly name: string
  readonly status: "active"
}

/**
 * An HSDS `location` row: a municipality of the territory.
 *
 * @category models
 * @since 0.1.0
 */
export interface LocationRow {
  readonly id: string
  readonly location_type: "physical"
  readonly name: string
  readonly external_identifier: string
  readonly external_identifier_type: string
}

/**
 * An HSDS `service_at_location` row.
 *
 * @category models
 * @since 0.1.0
 */
export interface ServiceAtLocationRow {
  readonly id: string
  readonly service_id: string
  readonly location_id: string
}

/**
 * An HSDS `taxonomy` row.
 *
 * @category models
 * @since 0.1.0
 */
export interface TaxonomyRow {
  readonly id: string
  readonly name: string
  readonly description: string
  readonly version: string
}

/**
 * An HSDS `taxonomy_term` row: a term of the Italian taxonomy.
 *
 * @category models
 * @since 0.1.0
 */
export interface TaxonomyTermRow {
  readonly id: string
  readonly code: string
  readonly name: string
  readonly description: string
  readonly taxonomy: string
  readonly taxonomy_id: string
  readonly language: "it"
}

/**
 * An HSDS `attribute` row: a taxonomy term (and a value) attached to an
 * organisation or a service.
 *
 * @category models
 * @since 0.1.0
 */
export interface AttributeRow {
  readonly id: string
  readonly link_id: string
  readonly link_type: string
  readonly link_entity: "organization" | "service"
  readonly taxonomy_term_id: string
  readonly value?: string
}

/**
 * An HSDS dataset in its tabular form: one array of rows per table, joined by
 * foreign keys (the form of the HSDS data package, one CSV file per table).
 *
 * @category models
 * @since 0.1.0
 */
export interface Dataset {
  readonly organization: ReadonlyArray<OrganizationRow>
  readonly organization_identifier: ReadonlyArray<OrganizationIdentifierRow>
  readonly service: ReadonlyArray<ServiceRow>
  readonly location: ReadonlyArray<LocationRow>
  readonly service_at_location: ReadonlyArray<ServiceAtLocationRow>
  readonly taxonomy: ReadonlyArray<TaxonomyRow>
  readonly taxonomy_term: ReadonlyArray<TaxonomyTermRow>
  readonly attribute: ReadonlyArray<AttributeRow>
}

/**
 * The tables of a {@link Dataset}, in the order of the HSDS data package.
 *
 * @category constants
 * @since 0.1.0
 */
export const tables = [
  "organization",
  "organization_identifier",
  "service",
  "location",
  "service_at_location",
  "taxonomy",
  "taxonomy_term",
  "attribute"
] as const satisfies ReadonlyArray<keyof Dataset>

/**
 * The file of each table in the HSDS data package (its `path`) and the columns
 * this export writes, in the order of the data package's fields.
 *
 * @category constants
 * @since 0.1.0
 */
export const files: {
  readonly [T in (typeof tables)[number]]: { readonly path: string; readonly columns: ReadonlyArray<string> }
} = {
  organization: { path: "organizations.csv", columns: ["id", "name", "description"] },
  organization_identifier: {
    path: "organization_identifiers.csv",
    columns: ["id", "organization_id", "identifier_scheme", "identifier_type", "identifier"]
  },
  service: { path: "services.csv", columns: ["id", "organization_id", "name", "status"] },
  location: {
    path: "locations.csv",
    columns: ["id", "location_type", "name", "external_identifier", "external_identifier_type"]
  },
  service_at_location: { path: "service_at_location.csv", columns: ["id", "service_id", "location_id"] },
  taxonomy: { path: "taxonomies.csv", columns: ["id", "name", "description", "version"] },
  taxonomy_term: {
    path: "taxonomy_terms.csv",
    columns: ["id", "code", "name", "description", "taxonomy", "language", "taxonomy_id"]
  },
  attribute: {
    path: "attributes.csv",
    columns: ["id", "link_id", "taxonomy_term_id", "link_type", "link_entity", "value"]
  }
}

/**
 * The name of the Italian taxonomy published with every export.
 *
 * @category constants
 * @since 0.1.0
 */
export const taxonomyName = "welfare-generativo"

/**
 * The `identifier_scheme` of the actor ids kept on organisations.
 *
 * @category constants
 * @since 0.1.0
 */
export const identifierScheme = "welfare"

const territoryIdentifierType = "welfare-territory"
const actorIdentifierType = "welfare-actor-id"
const municipalityIdentifierType = "welfare-municipality-id"

// the facts of an intervention itself (contributor, mode and form describe its resources)
type FactName = Exclude<Intervention.FactName, "contributor" | "mode" | "form">

const factNames = Object.keys({
  worksOn: 0,
  practice: 0,
  focus: 0,
  resourcesAim: 0,
  applicant: 0,
  needsTools: 0,
  needReadBy: 0,
  needReadWhere: 0,
  designed: 0,
  responses: 0,
  delivery: 0,
  governance: 0,
  thirdSector: 0,
  userRole: 0,
  operatorRole: 0,
  mediators: 0,
  organisation: 0,
  access: 0,
  orientation: 0,
  culture: 0
} satisfies { readonly [F in FactName]: 0 }) as ReadonlyArray<FactName>

interface Term {
  readonly code: string
  readonly it: string
  readonly en: string
}

const sectorLabels: Label.Labels<Actor.Sector> = {
  public: { it: "Settore pubblico", en: "Public sector" },
  "third-sector": { it: "Terzo settore", en: "Third sector" },
  "social-partners": { it: "Parti sociali (sindacati)", en: "Social partners (trade unions)" },
  market: { it: "Mercato", en: "Market" },
  community: { it: "Comunità", en: "Community" }
}

const resourceLabels: Label.Labels<Resource.ResourceKind> = {
  time: { it: "Capacità: tempo", en: "Capacity: time" },
  care: { it: "Capacità: cura", en: "Capacity: care" },
  competence: { it: "Capacità: competenze", en: "Capacity: competences" },
  economic: { it: "Capacità: risorse economiche", en: "Capacity: economic resources" }
}

const fixedTerms: ReadonlyArray<Term> = [
  { code: "welfare-id:intervention", it: "Codice dell'intervento", en: "Intervention id" },
  { code: "delivered-with", it: "Realizzato anche con", en: "Also delivered with" },
  { code: "assistance-benefit", it: "Prestazione assistenziale", en: "Assistance benefit" },
  {
    code: "design-split",
    it: "Quota progettata con le persone",
    en: "Share designed with the people"
  },
  { code: "municipality", it: "Comune", en: "Municipality" }
]

const term = {
  kind: (k: Actor.ActorKind): Term => ({ code: `actor-kind:${k}`, ...Actor.kindLabels[k] }),
  sector: (s: Actor.Sector): Term => ({ code: `sector:${s}`, ...sectorLabels[s] }),
  area: (a: PolicyArea.PolicyArea): Term => ({ code: `policy-area:${a}`, ...PolicyArea.labels[a] }),
  resource: (k: Resource.ResourceKind): Term => ({ code: `resource:${k}`, ...resourceLabels[k] }),
  fact: (fact: FactName, value: string): Term => {
    const label = (Intervention.factLabels[fact] as { readonly [V in string]?: Label.Text })[value]
    return { code: `fact:${fact}:${value}`, it: label?.it ?? value, en: label?.en ?? value }
  },
  partnership: (p: Pick<Partnership.PartnershipInput, "id" | "name">): Term => ({
    code: `partnership:${p.id}`,
    it: p.name,
    en: p.name
  })
}

interface ResourceValue {
  readonly amount?: { readonly value: number; readonly unit: string }
  readonly from?: string
  readonly mode?: string
  readonly form?: string
  readonly actor?: string
}

// "<amount> <unit>" (or "amount unknown"), then "; from=...; mode=...; form=...; actor=..."
const resourceValue = (v: ResourceValue): string =>
  [
    v.amount === undefined ? "amount unknown" : `${v.amount.value} ${v.amount.unit}`,
    ...(["from", "mode", "form", "actor"] as const).flatMap((k) =>
      v[k] === undefined ? [] : [`${k}=${v[k]}`]
    )
  ].join("; ")

const parseResourceValue = (value: string): ResourceValue | undefined => {
  const [head, ...rest] = value.split("; ")
  const m = /^(\d+(?:\.\d+)?(?:e[+-]?\d+)?) (\w+)$/.exec(head ?? "")
  if (m === null && head !== "amount unknown") return undefined
  const out: { -readonly [K in keyof ResourceValue]: ResourceValue[K] } = {}
  if (m !== null) out.amount = { value: Number(m[1]), unit: m[2]! }
  for (const part of rest) {
    const kv = /^(from|mode|form|actor)=(\S+)$/.exec(part)
    if (kv === null) return undefined
    out[kv[1] as "from" | "mode" | "form" | "actor"] = kv[2]!
  }
  return out
}

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
 *     Actor.make({
 *       id: Actor.ActorId.make("coop-melograno"),
 *       kind: "social-cooperative",
 *       name: "Cooperativa Sociale Il Melograno",
 *       municipality: Actor.MunicipalityId.make("legnano")
 *     }),
 *     Actor.make({ id: Actor.ActorId.make("p-0017"), kind: "citizen" })
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

const csvCell = (value: unknown): string => {
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

/**
 * A field of an HSDS dataset that the import could not carry into the
 * territory: where it is and why. Values are never quoted (they may hold
 * contact details).
 *
 * @category models
 * @since 0.1.0
 */
export interface Unmapped {
  readonly path: ReadonlyArray<string | number>
  readonly message: string
}

/**
 * What an HSDS dataset becomes: actors and interventions, and every field
 * that could not be carried.
 *
 * @category models
 * @since 0.1.0
 */
export interface Imported {
  readonly actors: ReadonlyArray<Actor.Actor>
  readonly interventions: ReadonlyArray<Intervention.InterventionInput>
  readonly unmapped: ReadonlyArray<Unmapped>
}

const known: { readonly [T in keyof Dataset]: ReadonlySet<string> } = {
  organization: new Set(["id", "name", "description"]),
  organization_identifier: new Set([
    "id",
    "organization_id",
    "identifier_scheme",
    "identifier_type",
    "identifier"
  ]),
  service: new Set(["id", "organization_id", "name", "status"]),
  location: new Set(["id", "location_type", "name", "external_identifier", "external_identifier_type"]),
  service_at_location: new Set(["id", "service_id", "location_id"]),
  taxonomy: new Set(["id", "name", "description", "version"]),
  taxonomy_term: new Set(["id", "code", "name", "description", "taxonomy", "taxonomy_id", "language"]),
  attribute: new Set(["id", "link_id", "link_type", "link_entity", "taxonomy_term_id", "value"])
}

const isEmpty = (v: unknown): boolean =>
  v === undefined || v === null || v === "" || (Array.isArray(v) && v.length === 0)

const idPattern = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/

const asRows = (input: unknown, table: string): ReadonlyArray<Record<string, unknown>> => {
  const v = (input as Record<string, unknown> | null)?.[table]
  return Array.isArray(v)
    ? v.filter((r): r is Record<string, unknown> => typeof r === "object" && r !== null)
    : []
}

const str = (v: unknown): string | undefined => (typeof v === "string" && v.length > 0 ? v : undefined)

/**
 * Imports an HSDS dataset (tabular form, any publisher) into actors and
 * interventions. Never throws: what cannot be carried is listed in
 * `unmapped`, each with its path, and the rest is imported.
 *
 * Organisations become actors (their `welfare` identifier, else their UUID,
 * is the actor id; their kind comes from an `actor-kind` attribute, else
 * `social-private-body` is assumed and reported); services become
 * interventions with the facts, resources and partners their attributes carry.
 *
 * @example
 * ```ts
 * import * as assert from "node:assert"
 * import { Hsds } from "@welfare/interop"
 *
 * const imported = Hsds.toTerritory({
 *   organization: [
 *     { id: "0b1c2d3e-4f50-4612-8734-95a6b7c8d9e0", name: "Auser Legnano", description: "Volontariato", email: "x@example.org" }
 *   ],
 *   service: []
 * })
 * assert.strictEqual(imported.actors[0]?.name, "Auser Legnano")
 * assert.deepStrictEqual(
 *   imported.unmapped.map((u) => u.path.join(".")),
 *   ["organization.0.email", "organization.0.attributes"]
 * )
 * ```
 *
 * @category decoding
 * @since 0.1.0
 */
export const toTerritory = (input: unknown): Imported => {
  const unmapped: Array<Unmapped> = []
  for (const table of tables) {
    asRows(input, table).forEach((row, i) => {
      for (const key of Object.keys(row))
        if (!known[table].has(key) && !isEmpty(row[key]))
          unmapped.push({
            path: [table, i, key],
            message: `the field ${table}.${key} has no place in a territory's actors or interventions: it was left out`
          })
    })
  }
  const termCode = new Map<string, string>()
  for (const t of asRows(input, "taxonomy_term")) {
    const id = str(t.id)
    const code = str(t.code)
    if (id !== undefined && code !== undefined) termCode.set(id, code)
  }
  const attributesOf = new Map<string, Array<{ code: string; value: string | undefined; index: number }>>()
  asRows(input, "attribute").forEach((a, index) => {
    const link = str(a.link_id)
    const code = termCode.get(str(a.taxonomy_term_id) ?? "")
    if (link === undefined || code === undefined) {
      unmapped.push({
        path: ["attribute", index],
        message:
          "an attribute without a link or with a taxonomy term that is not in the welfare-generativo taxonomy was left out"
      })
      return
    }
    const list = attributesOf.get(link) ?? []
    list.push({ code, value: str(a.value), index })
    attributesOf.set(link, list)
  })
  const actorIdOf = new Map<string, string>()
  const territoryOrgs = new Set<string>()
  for (const i of asRows(input, "organization_identifier")) {
    const org = str(i.organization_id)
    const value = str(i.identifier)
    if (org === undefined || value === undefined || i.identifier_scheme !== identifierScheme) continue
    if (i.identifier_type === actorIdentifierType && idPattern.test(value)) actorIdOf.set(org, value)
    if (i.identifier_type === territoryIdentifierType) territoryOrgs.add(org)
  }
  const actors: Array<Actor.Actor> = []
  const orgActor = new Map<string, Actor.ActorId>()
  asRows(input, "organization").forEach((o, i) => {
    const hsdsId = str(o.id)
    if (hsdsId === undefined || territoryOrgs.has(hsdsId)) return
    const rawId = actorIdOf.get(hsdsId) ?? hsdsId
    if (!idPattern.test(rawId)) {
      unmapped.push({
        path: ["organization", i, "id"],
        message: "an organisation without a usable id was left out"
      })
      return
    }
    const id = Actor.ActorId.make(rawId)
    orgActor.set(hsdsId, id)
    const attrs = attributesOf.get(hsdsId) ?? []
    const kindCode = attrs.find((a) => a.code.startsWith("actor-kind:"))?.code.slice("actor-kind:".length)
    const kind = (Actor.kinds as ReadonlyArray<string>).includes(kindCode ?? "")
      ? (kindCode as Actor.ActorKind)
      : undefined
    if (kind === undefined)
      unmapped.push({
        path: ["organization", i, "attributes"],
        message:
          'the organisation has no actor-kind attribute of the welfare-generativo taxonomy: imported as "social-private-body", correct its kind'
      })
    const policyAreas = attrs
      .filter((a) => a.code.startsWith("policy-area:"))
      .map((a) => a.code.slice("policy-area:".length))
      .filter((a): a is PolicyArea.PolicyArea => (PolicyArea.values as ReadonlyArray<string>).includes(a))
    const resources = attrs.flatMap((a) => {
      if (!a.code.startsWith("resource:")) return []
      const r = resourceOf(a.code.slice("resource:".length), a.value)
      if (r?.resource === undefined) {
        unmapped.push({
          path: ["attribute", a.index, "value"],
          message: 'a capacity attribute whose value is not "<amount> <unit>" was left out'
        })
        return []
      }
      return [r.resource]
    })
    const actorKind = kind ?? "social-private-body"
    const named = str(o.name)
    // the name the export gives an unnamed actor is not a name: it is dropped
    const name = named === `${Actor.kindLabels[actorKind].it} ${id}` ? undefined : named
    const municipality = attrs.find((a) => a.code === "municipality")?.value
    actors.push({
      id,
      kind: actorKind,
      ...(name !== undefined && actorKind !== "citizen" ? { name } : {}),
      ...(municipality !== undefined && idPattern.test(municipality)
        ? { municipality: Actor.MunicipalityId.make(municipality) }
        : {}),
      ...(policyAreas.length > 0 ? { policyAreas } : {}),
      resources
    })
  })
  const interventions: Array<Intervention.InterventionInput> = []
  asRows(input, "service").forEach((s, i) => {
    const hsdsId = str(s.id)
    if (hsdsId === undefined) return
    const attrs = attributesOf.get(hsdsId) ?? []
    const rawId = attrs.find((a) => a.code === "welfare-id:intervention")?.value ?? hsdsId
    if (!idPattern.test(rawId)) {
      unmapped.push({ path: ["service", i, "id"], message: "a service without a usable id was left out" })
      return
    }
    const out: Record<string, unknown> = { id: rawId }
    const name = str(s.name)
    if (name !== undefined && name !== `Intervento ${rawId}`) out.name = name
    for (const a of attrs) {
      if (a.code.startsWith("fact:")) {
        const [, fact, value] = a.code.split(":")
        if ((factNames as ReadonlyArray<string>).includes(fact!)) out[fact!] = value
      } else if (a.code === "assistance-benefit") out.assistanceBenefit = a.value === "true"
      else if (a.code === "design-split") out.designSplit = Number(a.value)
    }
    const first = orgActor.get(str(s.organization_id) ?? "")
    const others = attrs
      .filter((a) => a.code === "delivered-with" && a.value !== undefined)
      .map((a) => a.value!)
    const actorIds = [...(first === undefined ? [] : [first]), ...others]
    if (actorIds.length > 0) out.actors = actorIds
    const resources = attrs.flatMap((a) => {
      if (!a.code.startsWith("resource:")) return []
      const r = resourceOf(a.code.slice("resource:".length), a.value)
      const from = r?.use.from
      const mode = r?.use.mode
      const form = r?.use.form
      const actor = r?.use.actor
      if (
        r === undefined ||
        !isOneOf(Intervention.factValues.contributor, from) ||
        (mode !== undefined && !isOneOf(Intervention.factValues.mode, mode)) ||
        (form !== undefined && !isOneOf(Intervention.factValues.form, form)) ||
        (actor !== undefined && !idPattern.test(actor))
      ) {
        unmapped.push({
          path: ["attribute", a.index, "value"],
          message:
            'a resource attribute of a service whose value is not "<amount> <unit>; from=<contributor>[; mode=...][; form=...][; actor=...]" was left out'
        })
        return []
      }
      return [
        {
          ...(r.resource === undefined ? { kind: r.kind } : { resource: r.resource }),
          from,
          ...(mode === undefined ? {} : { mode }),
          ...(form === undefined ? {} : { form }),
          ...(actor === undefined ? {} : { actor })
        }
      ]
    })
    if (resources.length > 0) out.resources = resources
    interventions.push(out as unknown as Intervention.InterventionInput)
  })
  return { actors, interventions, unmapped }
}

const resourceOf = (
  kind: string,
  value: string | undefined
): { kind: Resource.ResourceKind; resource?: Resource.Resource; use: ResourceValue } | undefined => {
  if (value === undefined || !(Resource.kinds as ReadonlyArray<string>).includes(kind)) return undefined
  const parsed = parseResourceValue(value)
  if (parsed === undefined) return undefined
  const k = kind as Resource.ResourceKind
  if (parsed.amount === undefined) return { kind: k, use: parsed }
  const { value: amount, unit } = parsed.amount
  if (!(Resource.unitsByKind[k] as ReadonlyArray<string>).includes(unit)) return undefined
  if (!Number.isFinite(amount) || amount < 0 || amount > Resource.maxAmount) return undefined
  return { kind: k, resource: { kind: k, amount, unit: unit as Resource.ResourceUnit }, use: parsed }
}

const isOneOf = <const L extends ReadonlyArray<string>>(values: L, v: string | undefined): v is L[number] =>
  v !== undefined && values.includes(v)
