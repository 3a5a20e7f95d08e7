import { Actor, Intervention, type Label, type Partnership, PolicyArea, type Resource } from "@welfare/core"

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

export const territoryIdentifierType = "welfare-territory"

export const actorIdentifierType = "welfare-actor-id"

export const municipalityIdentifierType = "welfare-municipality-id"

// the facts of an intervention itself (contributor, mode and form describe its resources)
export type FactName = Exclude<Intervention.FactName, "contributor" | "mode" | "form">

export const factNames = Object.keys({
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

export interface Term {
  readonly code: string
  readonly it: string
  readonly en: string
}

export const sectorLabels: Label.Labels<Actor.Sector> = {
  public: { it: "Settore pubblico", en: "Public sector" },
  "third-sector": { it: "Terzo settore", en: "Third sector" },
  "social-partners": { it: "Parti sociali (sindacati)", en: "Social partners (trade unions)" },
  market: { it: "Mercato", en: "Market" },
  community: { it: "Comunità", en: "Community" }
}

export const resourceLabels: Label.Labels<Resource.ResourceKind> = {
  time: { it: "Capacità: tempo", en: "Capacity: time" },
  care: { it: "Capacità: cura", en: "Capacity: care" },
  competence: { it: "Capacità: competenze", en: "Capacity: competences" },
  economic: { it: "Capacità: risorse economiche", en: "Capacity: economic resources" }
}

export const fixedTerms: ReadonlyArray<Term> = [
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

export const term = {
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

export interface ResourceValue {
  readonly amount?: { readonly value: number; readonly unit: string }
  readonly from?: string
  readonly mode?: string
  readonly form?: string
  readonly actor?: string
}

// "<amount> <unit>" (or "amount unknown"), then "; from=...; mode=...; form=...; actor=..."
export const resourceValue = (v: ResourceValue): string =>
  [
    v.amount === undefined ? "amount unknown" : `${v.amount.value} ${v.amount.unit}`,
    ...(["from", "mode", "form", "actor"] as const).flatMap((k) =>
      v[k] === undefined ? [] : [`${k}=${v[k]}`]
    )
  ].join("; ")

export const parseResourceValue = (value: string): ResourceValue | undefined => {
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
