/**
 * HL7 FHIR R4, after the SDOH Clinical Care implementation guide (Gravity
 * Project): a taking-charge path as a closed-loop referral Bundle, and back.
 *
 * | event | resources |
 * | --- | --- |
 * | `NeedRecorded` | `Condition` (SDOHCC Condition) |
 * | `DemandExpressed` | `ServiceRequest` (SDOHCC ServiceRequest) and `Consent` (SDOHCC Consent) |
 * | `ChoiceMade` | `Task` (accepted) and `Goal` (the person's agreed contribution) |
 * | `CommunityResponseLinked` | `Task` (in progress, owned by the community organisation) and `Procedure` |
 * | `Reviewed` | `Task` (in progress or completed) |
 * | `Closed` | `Task` (completed or cancelled) |
 *
 * The person is a `Patient` with only a pseudonymous identifier: no name,
 * address, birth date, telecom or narrative. The receiving organisations
 * follow the "Referral Recipient - Light" pattern: they own the `Task`s and
 * need no FHIR server of their own. See the guide "FHIR R4 (SDOH)".
 *
 * @since 0.1.0
 */
import { type Actor, type Need, type PolicyArea, Problem, type Resource, TakingCharge } from "@welfare/core"
import { uuidOf } from "./internal/uuid.js"

/**
 * A FHIR resource or element as plain JSON.
 *
 * @category models
 * @since 0.1.0
 */
export type Json = { readonly [key: string]: unknown }

/**
 * A FHIR R4 `Bundle` of type `collection`: one taking-charge path.
 *
 * @category models
 * @since 0.1.0
 */
export interface Bundle {
  readonly resourceType: "Bundle"
  readonly id: string
  readonly identifier: { readonly system: string; readonly value: string }
  readonly type: "collection"
  readonly timestamp: string
  readonly entry: ReadonlyArray<{ readonly fullUrl: string; readonly resource: Json }>
}

/**
 * The systems (URIs) of @welfare's identifiers and codes in FHIR.
 *
 * @category constants
 * @since 0.1.0
 */
export const systems = {
  case: "urn:welfare:case",
  event: "urn:welfare:event",
  person: "urn:welfare:person",
  actor: "urn:welfare:actor",
  need: "urn:welfare:need",
  eventKind: "urn:welfare:taking-charge-event",
  resource: "urn:welfare:resource",
  unit: "urn:welfare:resource-unit",
  path: "urn:welfare:taking-charge",
  recordedBy: "urn:welfare:fhir:extension:recorded-by",
  personRecorded: "urn:welfare:fhir:extension:person-recorded"
} as const

const sdoh = "http://hl7.org/fhir/us/sdoh-clinicalcare"

/**
 * The SDOH Clinical Care profiles each resource claims in `meta.profile`.
 *
 * @category constants
 * @since 0.1.0
 */
export const profiles = {
  Condition: `${sdoh}/StructureDefinition/SDOHCC-Condition`,
  ServiceRequest: `${sdoh}/StructureDefinition/SDOHCC-ServiceRequest`,
  Task: `${sdoh}/StructureDefinition/SDOHCC-TaskForReferralManagement`,
  Goal: `${sdoh}/StructureDefinition/SDOHCC-Goal`,
  Procedure: `${sdoh}/StructureDefinition/SDOHCC-Procedure`,
  Consent: `${sdoh}/StructureDefinition/SDOHCC-Consent`
} as const

const sdohCategories = `${sdoh}/CodeSystem/SDOHCC-CodeSystemTemporaryCodes`

/**
 * The SDOH domain (SDOHCC temporary code) of each policy area: an editorial
 * mapping (the Italian policy areas and the Gravity domains are cut
 * differently), chosen as the closest domain; areas without one map to
 * `sdoh-category-unspecified`.
 *
 * @category constants
 * @since 0.1.0
 */
export const sdohDomainOf: { readonly [A in PolicyArea.PolicyArea]: string } = {
  labour: "employment-status",
  housing: "housing-instability",
  territory: "social-connection",
  transport: "transportation-insecurity",
  education: "educational-attainment",
  "vocational-training": "educational-attainment",
  "social-and-health-services": "sdoh-category-unspecified",
  "local-taxation-and-tariffs": "financial-insecurity"
}

const coding = (system: string, code: string) => ({ coding: [{ system, code }] })

const ref = (uuid: string) => ({ reference: `urn:uuid:${uuid}` })

const quantity = (r: Resource.Resource) => ({
  value: r.amount,
  unit: r.unit,
  system: systems.unit,
  code: r.unit
})

/**
 * What a Bundle may use beside the events: the territory's needs (for the SDOH
 * domain of each Condition) and actors (for organisation names).
 *
 * @category models
 * @since 0.1.0
 */
export interface Context {
  readonly needs?: ReadonlyArray<Pick<Need.Need, "id" | "policyAreas">>
  readonly actors?: ReadonlyArray<Pick<Actor.Actor, "id" | "kind" | "name">>
}

/**
 * The closed-loop referral Bundle of one taking-charge path (the events of
 * one case, in order).
 *
 * @example
 * ```ts
 * import * as assert from "node:assert"
 * import { Actor, Need, Person, TakingCharge } from "@welfare/core"
 * import { Fhir } from "@welfare/interop"
 *
 * const header = (n: number, at: string) => ({
 *   eventId: TakingCharge.EventId.make(`ev-${n}`),
 *   caseId: TakingCharge.CaseId.make("case-1"),
 *   at: TakingCharge.Timestamp.make(at),
 *   by: Actor.ActorId.make("comune-legnano")
 * })
 * const bundle = Fhir.bundle([
 *   { _tag: "NeedRecorded", ...header(1, "2025-02-03T09:30:00Z"), need: Need.NeedId.make("need-casa"), person: Person.PersonId.make("p-0017") },
 *   { _tag: "DemandExpressed", ...header(2, "2025-02-10T10:00:00Z"), needs: [Need.NeedId.make("need-casa")] }
 * ])
 * assert.deepStrictEqual(
 *   bundle.entry.map((e) => e.resource.resourceType),
 *   ["Patient", "Organization", "Condition", "ServiceRequest", "Consent"]
 * )
 * // the person is only a pseudonymous identifier
 * assert.deepStrictEqual(Object.keys(bundle.entry[0]!.resource).sort(), ["active", "id", "identifier", "resourceType"])
 * ```
 *
 * @category encoding
 * @since 0.1.0
 */
export const bundle = (events: ReadonlyArray<TakingCharge.Event>, context: Context = {}): Bundle => {
  const caseId = events[0]?.caseId ?? "case-empty"
  const w = writer(events, context)
  for (const e of events) {
    organisation(w, e.by)
    if (e._tag === "CommunityResponseLinked") for (const a of e.actors) organisation(w, a)
  }
  for (const e of events) writeEvent(w, e)
  return {
    resourceType: "Bundle",
    id: uuidOf("bundle", caseId),
    identifier: { system: systems.case, value: caseId },
    type: "collection",
    timestamp: events.at(-1)?.at ?? "1970-01-01T00:00:00Z",
    entry: w.entries
  }
}

// What the writing of one Bundle keeps: its entries so far, the organisations
// already written, the Condition of each need and the ServiceRequest (the demand).
interface Writer {
  readonly patient: { readonly reference: string }
  readonly areas: ReadonlyMap<string, ReadonlyArray<PolicyArea.PolicyArea>>
  readonly names: ReadonlyMap<string, Pick<Actor.Actor, "id" | "kind" | "name">>
  readonly entries: Array<{ fullUrl: string; resource: Json }>
  readonly organisations: Set<string>
  readonly conditionOf: Map<string, string>
  request: string | undefined
  readonly closed: boolean
}

// The writer of one case's Bundle, whose first entry is the Patient.
const writer = (events: ReadonlyArray<TakingCharge.Event>, context: Context): Writer => {
  const caseId = events[0]?.caseId ?? "case-empty"
  const person = events.find((e) => e._tag === "NeedRecorded" && e.person !== undefined) as
    | TakingCharge.NeedRecorded
    | undefined
  const patientId = uuidOf("patient", person?.person ?? `case:${caseId}`)
  return {
    patient: ref(patientId),
    areas: new Map((context.needs ?? []).map((n) => [n.id as string, n.policyAreas])),
    names: new Map((context.actors ?? []).map((a) => [a.id as string, a])),
    entries: [
      {
        fullUrl: `urn:uuid:${patientId}`,
        resource: {
          resourceType: "Patient",
          id: patientId,
          ...(person?.person === undefined
            ? {}
            : { identifier: [{ system: systems.person, value: person.person }] }),
          active: true
        }
      }
    ],
    organisations: new Set<string>(),
    conditionOf: new Map<string, string>(),
    request: undefined,
    closed: events.some((e) => e._tag === "Closed")
  }
}

// A reference to the Organization of an actor, written the first time it is named.
const organisation = (w: Writer, actor: string) => {
  const id = uuidOf("organization", actor)
  if (!w.organisations.has(actor)) {
    w.organisations.add(actor)
    const known = w.names.get(actor)
    w.entries.push({
      fullUrl: `urn:uuid:${id}`,
      resource: {
        resourceType: "Organization",
        id,
        identifier: [{ system: systems.actor, value: actor }],
        active: true,
        ...(known?.name !== undefined && known.kind !== "citizen" ? { name: known.name } : {})
      }
    })
  }
  return ref(id)
}

// The SDOH domains of needs (by their policy areas), sorted; unspecified when none.
const domains = (w: Writer, needs: ReadonlyArray<string>) => {
  const set = new Set<string>()
  for (const n of needs) for (const a of w.areas.get(n) ?? []) set.add(sdohDomainOf[a])
  if (set.size === 0) set.add("sdoh-category-unspecified")
  return [...set].sort().map((code) => coding(sdohCategories, code))
}

const push = (w: Writer, resource: Json & { readonly id: string }) =>
  w.entries.push({ fullUrl: `urn:uuid:${resource.id}`, resource })

// The elements every Task of an event shares.
const taskBase = (w: Writer, e: TakingCharge.Event, status: string, focus: string | undefined) => ({
  resourceType: "Task",
  id: uuidOf("task", e.eventId),
  meta: { profile: [profiles.Task] },
  identifier: [{ system: systems.event, value: e.eventId }],
  status,
  businessStatus: coding(
    systems.eventKind,
    e._tag === "Reviewed" ? `Reviewed:${e.outcome}` : e._tag === "Closed" ? `Closed:${e.reason}` : e._tag
  ),
  intent: "order",
  code: coding("http://hl7.org/fhir/CodeSystem/task-code", "fulfill"),
  ...(focus === undefined ? {} : { focus: ref(focus) }),
  for: w.patient,
  authoredOn: e.at,
  lastModified: e.at,
  requester: organisation(w, e.by)
})

// The resources of one event, in the order the module table gives.
const writeEvent = (w: Writer, e: TakingCharge.Event) => {
  const focus = w.request ?? [...w.conditionOf.values()][0]
  switch (e._tag) {
    case "NeedRecorded":
      return writeNeedRecorded(w, e)
    case "DemandExpressed":
      return writeDemandExpressed(w, e)
    case "ChoiceMade":
      return writeChoiceMade(w, e, focus)
    case "CommunityResponseLinked":
      return writeCommunityResponse(w, e, focus)
    case "Reviewed":
      push(w, {
        ...taskBase(w, e, e.outcome === "goal-reached" ? "completed" : "in-progress", focus),
        owner: organisation(w, e.by)
      })
      return
    case "Closed":
      push(w, {
        ...taskBase(
          w,
          e,
          e.reason === "withdrawn" || e.reason === "no-demand" ? "cancelled" : "completed",
          focus
        ),
        owner: organisation(w, e.by)
      })
      return
  }
}

const writeNeedRecorded = (w: Writer, e: TakingCharge.NeedRecorded) => {
  const id = uuidOf("condition", e.eventId)
  w.conditionOf.set(e.need, id)
  push(w, {
    resourceType: "Condition",
    id,
    meta: { profile: [profiles.Condition] },
    extension: [
      { url: systems.recordedBy, valueReference: organisation(w, e.by) },
      ...(e.person === undefined ? [] : [{ url: systems.personRecorded, valueBoolean: true }])
    ],
    identifier: [{ system: systems.event, value: e.eventId }],
    clinicalStatus: coding("http://terminology.hl7.org/CodeSystem/condition-clinical", "active"),
    verificationStatus: coding("http://terminology.hl7.org/CodeSystem/condition-ver-status", "unconfirmed"),
    category: [
      coding("http://hl7.org/fhir/us/core/CodeSystem/condition-category", "health-concern"),
      ...domains(w, [e.need])
    ],
    code: coding(systems.need, e.need),
    subject: w.patient,
    recordedDate: e.at
  })
}

const writeDemandExpressed = (w: Writer, e: TakingCharge.DemandExpressed) => {
  const id = uuidOf("servicerequest", e.eventId)
  w.request = id
  push(w, {
    resourceType: "ServiceRequest",
    id,
    meta: { profile: [profiles.ServiceRequest] },
    identifier: [{ system: systems.event, value: e.eventId }],
    status: w.closed ? "completed" : "active",
    intent: "order",
    category: domains(w, e.needs),
    code: coding(systems.path, "taking-charge-path"),
    subject: w.patient,
    authoredOn: e.at,
    requester: organisation(w, e.by),
    reasonCode: e.needs.map((n) => coding(systems.need, n)),
    reasonReference: e.needs.flatMap((n) => {
      const c = w.conditionOf.get(n)
      return c === undefined ? [] : [ref(c)]
    })
  })
  push(w, {
    resourceType: "Consent",
    id: uuidOf("consent", e.eventId),
    meta: { profile: [profiles.Consent] },
    status: "active",
    scope: coding("http://terminology.hl7.org/CodeSystem/consentscope", "patient-privacy"),
    category: [coding("http://loinc.org", "59284-0")],
    patient: w.patient,
    dateTime: e.at,
    organization: [organisation(w, e.by)],
    policyRule: coding("http://terminology.hl7.org/CodeSystem/v3-ActCode", "OPTIN"),
    provision: { type: "permit", data: [{ meaning: "related", reference: ref(id) }] }
  })
}

const writeChoiceMade = (w: Writer, e: TakingCharge.ChoiceMade, focus: string | undefined) => {
  push(w, {
    ...taskBase(w, e, "accepted", focus),
    owner: organisation(w, e.by),
    input: e.contribution.map((r) => ({
      type: coding(systems.resource, `contribution:${r.kind}`),
      valueQuantity: quantity(r)
    })),
    output: e.benefits.map((r) => ({
      type: coding(systems.resource, `benefit:${r.kind}`),
      valueQuantity: quantity(r)
    }))
  })
  push(w, {
    resourceType: "Goal",
    id: uuidOf("goal", e.eventId),
    meta: { profile: [profiles.Goal] },
    lifecycleStatus: "accepted",
    achievementStatus: coding("http://terminology.hl7.org/CodeSystem/goal-achievement", "in-progress"),
    category: domains(w, [...w.conditionOf.keys()]),
    description: coding(systems.path, "agreed-contribution"),
    subject: w.patient,
    startDate: e.at.slice(0, 10),
    expressedBy: w.patient,
    addresses: [...w.conditionOf.values()].map(ref),
    ...(e.contribution.length === 0
      ? {}
      : {
          target: e.contribution.map((r) => ({
            measure: coding(systems.resource, r.kind),
            detailQuantity: quantity(r)
          }))
        })
  })
}

const writeCommunityResponse = (
  w: Writer,
  e: TakingCharge.CommunityResponseLinked,
  focus: string | undefined
) => {
  const procedure = uuidOf("procedure", e.eventId)
  push(w, {
    ...taskBase(w, e, "in-progress", focus),
    owner: organisation(w, e.actors[0]!),
    input: e.actors.map((a) => ({
      type: coding(systems.path, "responder"),
      valueReference: organisation(w, a)
    })),
    output: [
      ...e.resources.map((r) => ({
        type: coding(systems.resource, `response:${r.kind}`),
        valueQuantity: quantity(r)
      })),
      { type: coding(systems.path, "procedure"), valueReference: ref(procedure) }
    ]
  })
  push(w, {
    resourceType: "Procedure",
    id: procedure,
    meta: { profile: [profiles.Procedure] },
    ...(w.request === undefined ? {} : { basedOn: [ref(w.request)] }),
    status: "in-progress",
    category: domains(w, [...w.conditionOf.keys()])[0],
    code: coding(systems.path, "community-response"),
    subject: w.patient,
    performedDateTime: e.at,
    performer: e.actors.map((a) => ({ actor: organisation(w, a) }))
  })
}

/**
 * One Bundle per taking-charge case of a territory, in the order of the cases'
 * first events.
 *
 * @category encoding
 * @since 0.1.0
 */
export const bundles = (
  territory: {
    readonly takingCharge: ReadonlyArray<TakingCharge.Event>
  } & Context
): ReadonlyArray<Bundle> => {
  const cases = new Map<string, Array<TakingCharge.Event>>()
  for (const e of territory.takingCharge) {
    const list = cases.get(e.caseId)
    if (list === undefined) cases.set(e.caseId, [e])
    else list.push(e)
  }
  return [...cases.values()].map((events) => bundle(events, territory))
}

const obj = (v: unknown): Record<string, unknown> | undefined =>
  typeof v === "object" && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined

const arr = (v: unknown): ReadonlyArray<unknown> => (Array.isArray(v) ? v : [])

const codeOf = (concept: unknown, system: string): string | undefined => {
  for (const c of arr(obj(concept)?.coding)) {
    const o = obj(c)
    if (o?.system === system && typeof o.code === "string") return o.code
  }
  return undefined
}

const identifierOf = (resource: Record<string, unknown>, system: string): string | undefined => {
  for (const i of arr(resource.identifier)) {
    const o = obj(i)
    if (o?.system === system && typeof o.value === "string") return o.value
  }
  return undefined
}

const resourcesOf = (items: unknown, prefix: string): Array<Resource.Resource> =>
  arr(items).flatMap((item) => {
    const o = obj(item)
    const kind = codeOf(o?.type, systems.resource)
    const q = obj(o?.valueQuantity)
    if (kind === undefined || !kind.startsWith(prefix) || q === undefined) return []
    return [
      { kind: kind.slice(prefix.length), amount: q.value, unit: q.code } as unknown as Resource.Resource
    ]
  })

/**
 * A part of a Bundle that {@link read} did not carry into the events: where it
 * is and why. Contents are never quoted.
 *
 * @category models
 * @since 0.3.0
 */
export interface Unmapped {
  readonly path: ReadonlyArray<string | number>
  readonly message: string
}

/**
 * What a Bundle becomes: its taking-charge events (or every problem with its
 * path) and every entry that was not read.
 *
 * @category models
 * @since 0.3.0
 */
export interface Imported {
  readonly events: Problem.Result<ReadonlyArray<TakingCharge.Event>>
  readonly unmapped: ReadonlyArray<Unmapped>
}

/**
 * Reads the taking-charge events back from a Bundle this module wrote (or one
 * that follows the same conventions). Never throws: the events are decoded
 * with `TakingCharge.decodeHistory`, so every problem comes back with its path.
 * `Goal`, `Procedure` and `Consent` are derived resources and are not read;
 * {@link read} also lists what else was left out.
 *
 * @category decoding
 * @since 0.1.0
 */
export const events = (input: unknown): Problem.Result<ReadonlyArray<TakingCharge.Event>> =>
  read(input).events

/**
 * Reads a Bundle like {@link events}, and lists in `unmapped`, each with its
 * path and without quoting it, every entry that was not read: an entry with
 * no resource, a `Condition`, `ServiceRequest` or `Task` without a
 * `urn:welfare:event` identifier (not a taking-charge event of this module),
 * and a resource of a type the module neither reads nor writes. The derived
 * `Goal`, `Procedure` and `Consent` and the `Patient` and `Organization`s are
 * not listed.
 *
 * @example
 * ```ts
 * import * as assert from "node:assert"
 * import { Fhir } from "@welfare/interop"
 *
 * const imported = Fhir.read({
 *   resourceType: "Bundle",
 *   identifier: { system: Fhir.systems.case, value: "case-1" },
 *   entry: [{ fullUrl: "urn:uuid:1", resource: { resourceType: "Task", status: "requested" } }]
 * })
 * assert.deepStrictEqual(imported.unmapped.map((u) => u.path.join(".")), ["entry.0.resource.identifier"])
 * ```
 *
 * @category decoding
 * @since 0.3.0
 */
export const read = (input: unknown): Imported => {
  const root = obj(input)
  if (root === undefined || root.resourceType !== "Bundle")
    return refused(
      Problem.make("invalid-value", [], "expected a FHIR Bundle (an object whose resourceType is Bundle)")
    )
  const caseId = obj(root.identifier)?.system === systems.case ? obj(root.identifier)?.value : undefined
  if (typeof caseId !== "string")
    return refused(
      Problem.make(
        "missing",
        ["identifier"],
        `the Bundle has no identifier of system ${systems.case}: it names no case`
      )
    )
  const reader = readerOf(root)
  const out: Array<unknown> = []
  const unmapped: Array<Unmapped> = []
  arr(root.entry).forEach((entry, i) => {
    const r = obj(obj(entry)?.resource)
    if (r === undefined) {
      unmapped.push(noResource(i))
      return
    }
    const skipped = skippedResource(r, i)
    if (skipped !== undefined) unmapped.push(skipped)
    const eventId = identifierOf(r, systems.event)
    const event = eventId === undefined ? undefined : eventOf(reader, r, { eventId, caseId })
    if (event !== undefined) out.push(event)
  })
  return { events: TakingCharge.decodeHistory(out), unmapped }
}

const refused = (problem: Problem.Problem): Imported => ({
  events: Problem.fromProblems(undefined as never, [problem]),
  unmapped: []
})

const noResource = (i: number): Unmapped => ({
  path: ["entry", i],
  message: "this entry holds no resource (an object): it was not read"
})

// The resources read as events, and those read or written otherwise (never listed as unmapped).
const eventTypes: ReadonlySet<unknown> = new Set(["Condition", "ServiceRequest", "Task"])
const otherTypes: ReadonlySet<unknown> = new Set(["Patient", "Organization", "Goal", "Procedure", "Consent"])

// Why a resource is not read as an event, unless it is one (or one the module writes beside them).
const skippedResource = (r: Record<string, unknown>, i: number): Unmapped | undefined => {
  if (eventTypes.has(r.resourceType))
    return identifierOf(r, systems.event) === undefined
      ? {
          path: ["entry", i, "resource", "identifier"],
          message: `this ${String(r.resourceType)} has no identifier of system ${systems.event}: it is not a taking-charge event written by @welfare, and was not read`
        }
      : undefined
  if (otherTypes.has(r.resourceType)) return undefined
  return {
    path: ["entry", i, "resource", "resourceType"],
    message: `${
      typeof r.resourceType === "string" && /^[A-Z][A-Za-z]{0,63}$/.test(r.resourceType)
        ? `a resource of type ${r.resourceType}`
        : "a resource without a FHIR resourceType"
    } is not read: only Condition, ServiceRequest and Task resources carry taking-charge events`
  }
}

// What reading the events of a Bundle needs: the resources by full URL and the person.
interface Reader {
  readonly byUrl: ReadonlyMap<string, Record<string, unknown>>
  readonly person: string | undefined
}

const readerOf = (root: Record<string, unknown>): Reader => {
  const byUrl = new Map<string, Record<string, unknown>>()
  for (const entry of arr(root.entry)) {
    const e = obj(entry)
    const r = obj(e?.resource)
    if (typeof e?.fullUrl === "string" && r !== undefined) byUrl.set(e.fullUrl, r)
  }
  const patient = [...byUrl.values()].find((r) => r.resourceType === "Patient")
  return { byUrl, person: patient === undefined ? undefined : identifierOf(patient, systems.person) }
}

// The actor id of the Organization a reference points to.
const actorOf = (reader: Reader, reference: unknown): string | undefined => {
  const target = reader.byUrl.get(String(obj(reference)?.reference))
  return target === undefined ? undefined : identifierOf(target, systems.actor)
}

// The event (still to be decoded) a Condition, ServiceRequest or Task carries.
const eventOf = (
  reader: Reader,
  r: Record<string, unknown>,
  header: { readonly eventId: string; readonly caseId: string }
): unknown => {
  switch (r.resourceType) {
    case "Condition": {
      const ext = arr(r.extension).map(obj)
      const by = actorOf(reader, ext.find((x) => x?.url === systems.recordedBy)?.valueReference)
      const withPerson = ext.some((x) => x?.url === systems.personRecorded && x.valueBoolean === true)
      return {
        _tag: "NeedRecorded",
        ...header,
        at: r.recordedDate,
        by,
        need: codeOf(r.code, systems.need),
        ...(withPerson && reader.person !== undefined ? { person: reader.person } : {})
      }
    }
    case "ServiceRequest":
      return {
        _tag: "DemandExpressed",
        ...header,
        at: r.authoredOn,
        by: actorOf(reader, r.requester),
        needs: arr(r.reasonCode).map((c) => codeOf(c, systems.need))
      }
    case "Task":
      return taskEvent(reader, r, header)
  }
  return undefined
}

const taskEvent = (
  reader: Reader,
  r: Record<string, unknown>,
  header: { readonly eventId: string; readonly caseId: string }
): unknown => {
  const status = codeOf(r.businessStatus, systems.eventKind) ?? ""
  const [tag, detail] = status.split(":")
  const common = { ...header, at: r.lastModified, by: actorOf(reader, r.requester) }
  if (tag === "ChoiceMade")
    return {
      _tag: tag,
      ...common,
      contribution: resourcesOf(r.input, "contribution:"),
      benefits: resourcesOf(r.output, "benefit:")
    }
  if (tag === "CommunityResponseLinked")
    return {
      _tag: tag,
      ...common,
      actors: arr(r.input)
        .filter((i) => codeOf(obj(i)?.type, systems.path) === "responder")
        .map((i) => actorOf(reader, obj(i)?.valueReference)),
      resources: resourcesOf(r.output, "response:")
    }
  if (tag === "Reviewed") return { _tag: tag, ...common, outcome: detail }
  if (tag === "Closed") return { _tag: tag, ...common, reason: detail }
  return { _tag: status, ...common }
}
