import { Actor, Intervention, PolicyArea, Resource } from "@welfare/core"
import {
  actorIdentifierType,
  type Dataset,
  factNames,
  identifierScheme,
  parseResourceValue,
  type ResourceValue,
  tables,
  territoryIdentifierType
} from "./model.js"

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

export const known: { readonly [T in keyof Dataset]: ReadonlySet<string> } = {
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

export const isEmpty = (v: unknown): boolean =>
  v === undefined || v === null || v === "" || (Array.isArray(v) && v.length === 0)

export const idPattern = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/

export const asRows = (input: unknown, table: string): ReadonlyArray<Record<string, unknown>> => {
  const v = (input as Record<string, unknown> | null)?.[table]
  return Array.isArray(v)
    ? v.filter((r): r is Record<string, unknown> => typeof r === "object" && r !== null)
    : []
}

export const str = (v: unknown): string | undefined => (typeof v === "string" && v.length > 0 ? v : undefined)

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
  unknownFields(input, unmapped)
  const attributesOf = attributesByLink(input, unmapped)
  const ids = organizationIds(input)
  const actors: Array<Actor.Actor> = []
  const orgActor = new Map<string, Actor.ActorId>()
  asRows(input, "organization").forEach((o, i) => {
    const actor = importOrganization(o, i, ids, attributesOf, unmapped)
    if (actor === undefined) return
    orgActor.set(str(o.id)!, actor.id)
    actors.push(actor)
  })
  const interventions: Array<Intervention.InterventionInput> = []
  asRows(input, "service").forEach((s, i) => {
    const intervention = importService(s, i, attributesOf, orgActor, unmapped)
    if (intervention !== undefined) interventions.push(intervention)
  })
  return { actors, interventions, unmapped }
}

/** An attribute of the welfare-generativo taxonomy: its term's code, its value, its row. */
interface Attribute {
  readonly code: string
  readonly value: string | undefined
  readonly index: number
}

/**
 * Lists every non-empty top-level entry that is not one of the tables read
 * (a misspelt table name would otherwise leave its rows out unseen), a table
 * that is not a list, and a row that is not an object.
 */
const unknownTables = (input: unknown, unmapped: Array<Unmapped>): void => {
  if (typeof input !== "object" || input === null || Array.isArray(input)) return
  const entries = input as Record<string, unknown>
  for (const key of Object.keys(entries)) {
    const value = entries[key]
    if (!(tables as ReadonlyArray<string>).includes(key)) {
      if (!isEmpty(value))
        unmapped.push({
          path: [key],
          message: `${key} is not a table this import reads (${tables.join(", ")}): it was left out; check its name`
        })
    } else if (!Array.isArray(value)) {
      if (!isEmpty(value))
        unmapped.push({ path: [key], message: `the table ${key} is not a list of rows: it was left out` })
    } else
      value.forEach((row, i) => {
        if (typeof row !== "object" || row === null || Array.isArray(row))
          unmapped.push({ path: [key, i], message: `a row of ${key} that is not an object was left out` })
      })
  }
}

/** Lists every non-empty field the import has no place for. */
const unknownFields = (input: unknown, unmapped: Array<Unmapped>): void => {
  unknownTables(input, unmapped)
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
}

/** The attributes of each organisation or service, by its HSDS id; those not of the taxonomy are listed. */
const attributesByLink = (input: unknown, unmapped: Array<Unmapped>): Map<string, Array<Attribute>> => {
  const termCode = new Map<string, string>()
  for (const t of asRows(input, "taxonomy_term")) {
    const id = str(t.id)
    const code = str(t.code)
    if (id !== undefined && code !== undefined) termCode.set(id, code)
  }
  const attributesOf = new Map<string, Array<Attribute>>()
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
  return attributesOf
}

/** What the welfare identifiers say of the organisations: their actor ids, and which is the territory. */
interface OrganizationIds {
  readonly actorIdOf: ReadonlyMap<string, string>
  readonly territoryOrgs: ReadonlySet<string>
}

const organizationIds = (input: unknown): OrganizationIds => {
  const actorIdOf = new Map<string, string>()
  const territoryOrgs = new Set<string>()
  for (const i of asRows(input, "organization_identifier")) {
    const org = str(i.organization_id)
    const value = str(i.identifier)
    if (org === undefined || value === undefined || i.identifier_scheme !== identifierScheme) continue
    if (i.identifier_type === actorIdentifierType && idPattern.test(value)) actorIdOf.set(org, value)
    if (i.identifier_type === territoryIdentifierType) territoryOrgs.add(org)
  }
  return { actorIdOf, territoryOrgs }
}

/** The actor of organisation row `i`; undefined for the territory and for an organisation without a usable id. */
const importOrganization = (
  o: Record<string, unknown>,
  i: number,
  ids: OrganizationIds,
  attributesOf: ReadonlyMap<string, ReadonlyArray<Attribute>>,
  unmapped: Array<Unmapped>
): Actor.Actor | undefined => {
  const hsdsId = str(o.id)
  if (hsdsId === undefined || ids.territoryOrgs.has(hsdsId)) return undefined
  const rawId = ids.actorIdOf.get(hsdsId) ?? hsdsId
  if (!idPattern.test(rawId)) {
    unmapped.push({
      path: ["organization", i, "id"],
      message: "an organisation without a usable id was left out"
    })
    return undefined
  }
  const id = Actor.ActorId.make(rawId)
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
  const resources = actorResources(attrs, unmapped)
  const actorKind = kind ?? "social-private-body"
  const named = str(o.name)
  // the name the export gives an unnamed actor is not a name: it is dropped
  const name = named === `${Actor.kindLabels[actorKind].it} ${id}` ? undefined : named
  const municipality = attrs.find((a) => a.code === "municipality")?.value
  return {
    id,
    kind: actorKind,
    ...(name !== undefined && actorKind !== "citizen" ? { name } : {}),
    ...(municipality !== undefined && idPattern.test(municipality)
      ? { municipality: Actor.MunicipalityId.make(municipality) }
      : {}),
    ...(policyAreas.length > 0 ? { policyAreas } : {}),
    resources
  }
}

/** An organisation's capacities, from its `resource:` attributes; a value that is not an amount is listed. */
const actorResources = (
  attrs: ReadonlyArray<Attribute>,
  unmapped: Array<Unmapped>
): Array<Resource.Resource> =>
  attrs.flatMap((a) => {
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

/** The intervention of service row `i`; undefined for a service without a usable id. */
const importService = (
  s: Record<string, unknown>,
  i: number,
  attributesOf: ReadonlyMap<string, ReadonlyArray<Attribute>>,
  orgActor: ReadonlyMap<string, Actor.ActorId>,
  unmapped: Array<Unmapped>
): Intervention.InterventionInput | undefined => {
  const hsdsId = str(s.id)
  if (hsdsId === undefined) return undefined
  const attrs = attributesOf.get(hsdsId) ?? []
  const rawId = attrs.find((a) => a.code === "welfare-id:intervention")?.value ?? hsdsId
  if (!idPattern.test(rawId)) {
    unmapped.push({ path: ["service", i, "id"], message: "a service without a usable id was left out" })
    return undefined
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
  const resources = serviceResources(attrs, unmapped)
  if (resources.length > 0) out.resources = resources
  return out as unknown as Intervention.InterventionInput
}

/** A service's resource uses, from its `resource:` attributes; a value that does not parse is listed. */
const serviceResources = (attrs: ReadonlyArray<Attribute>, unmapped: Array<Unmapped>): Array<unknown> =>
  attrs.flatMap((a) => {
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

export const resourceOf = (
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

export const isOneOf = <const L extends ReadonlyArray<string>>(
  values: L,
  v: string | undefined
): v is L[number] => v !== undefined && values.includes(v)
