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
  const person = events.find((e) => e._tag === "NeedRecorded" && e.person !== undefined) as
    | TakingCharge.NeedRecorded
    | undefined
  const patientId = uuidOf("patient", person?.person ?? `case:${caseId}`)
  const patient = ref(patientId)
  const areas = new Map((context.needs ?? []).map((n) => [n.id as string, n.policyAreas]))
  const names = new Map((context.actors ?? []).map((a) => [a.id as string, a]))
  const entries: Array<{ fullUrl: string; resource: Json }> = [
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
  ]
  const organisations = new Set<string>()
  const org = (actor: string) => {
    const id = uuidOf("organization", actor)
    if (!organisations.has(actor)) {
      organisations.add(actor)
      const known = names.get(actor)
      entries.push({
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
  for (const e of events) {
    org(e.by)
    if (e._tag === "CommunityResponseLinked") for (const a of e.actors) org(a)
  }
  const domains = (needs: ReadonlyArray<string>) => {
    const set = new Set<string>()
    for (const n of needs) for (const a of areas.get(n) ?? []) set.add(sdohDomainOf[a])
    if (set.size === 0) set.add("sdoh-category-unspecified")
    return [...set].sort().map((code) => coding(sdohCategories, code))
  }
  const conditionOf = new Map<string, string>()
  let request: string | undefined
  const closed = events.find((e) => e._tag === "Closed")
  const taskBase = (e: TakingCharge.Event, status: string, focus: string | undefined) => ({
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
    for: patient,
    authoredOn: e.at,
    lastModified: e.at,
    requester: org(e.by)
  })
  const push = (resource: Json & { readonly id: string }) =>
    entries.push({ fullUrl: `urn:uuid:${resource.id}`, resource })
  for (const e of events) {
    const focus = request ?? [...conditionOf.values()][0]
    switch (e._tag) {
      case "NeedRecorded": {
        const id = uuidOf("condition", e.eventId)
        conditionOf.set(e.need, id)
        push({
          resourceType: "Condition",
          id,
          meta: { profile: [profiles.Condition] },
          extension: [
            { url: systems.recordedBy, valueReference: org(e.by) },
            ...(e.person === undefined ? [] : [{ url: systems.personRecorded, valueBoolean: true }])
          ],
          identifier: [{ system: systems.event, value: e.eventId }],
          clinicalStatus: coding("http://terminology.hl7.org/CodeSystem/condition-clinical", "active"),
          verificationStatus: coding(
            "http://terminology.hl7.org/CodeSystem/condition-ver-status",
            "unconfirmed"
          ),
          category: [
            coding("http://hl7.org/fhir/us/core/CodeSystem/condition-category", "health-concern"),
            ...domains([e.need])
          ],
          code: coding(systems.need, e.need),
          subject: patient,
          recordedDate: e.at
        })
        break
      }
      case "DemandExpressed": {
        const id = uuidOf("servicerequest", e.eventId)
        request = id
        push({
          resourceType: "ServiceRequest",
          id,
          meta: { profile: [profiles.ServiceRequest] },
          identifier: [{ system: systems.event, value: e.eventId }],
          status: closed === undefined ? "active" : "completed",
          intent: "order",
          category: domains(e.needs),
          code: coding(systems.path, "taking-charge-path"),
          subject: patient,
          authoredOn: e.at,
          requester: org(e.by),
          reasonCode: e.needs.map((n) => coding(systems.need, n)),
          reasonReference: e.needs.flatMap((n) => {
            const c = conditionOf.get(n)
            return c === undefined ? [] : [ref(c)]
          })
        })
        push({
          resourceType: "Consent",
          id: uuidOf("consent", e.eventId),
          meta: { profile: [profiles.Consent] },
          status: "active",
          scope: coding("http://terminology.hl7.org/CodeSystem/consentscope", "patient-privacy"),
          category: [coding("http://loinc.org", "59284-0")],
          patient,
          dateTime: e.at,
          organization: [org(e.by)],
          policyRule: coding("http://terminology.hl7.org/CodeSystem/v3-ActCode", "OPTIN"),
          provision: { type: "permit", data: [{ meaning: "related", reference: ref(id) }] }
        })
        break
      }
      case "ChoiceMade": {
        push({
          ...taskBase(e, "accepted", focus),
          owner: org(e.by),
          input: e.contribution.map((r) => ({
            type: coding(systems.resource, `contribution:${r.kind}`),
            valueQuantity: quantity(r)
          })),
          output: e.benefits.map((r) => ({
            type: coding(systems.resource, `benefit:${r.kind}`),
            valueQuantity: quantity(r)
          }))
        })
        push({
          resourceType: "Goal",
          id: uuidOf("goal", e.eventId),
          meta: { profile: [profiles.Goal] },
          lifecycleStatus: "accepted",
          achievementStatus: coding("http://terminology.hl7.org/CodeSystem/goal-achievement", "in-progress"),
          category: domains([...conditionOf.keys()]),
          description: coding(systems.path, "agreed-contribution"),
          subject: patient,
          startDate: e.at.slice(0, 10),
          expressedBy: patient,
          addresses: [...conditionOf.values()].map(ref),
          ...(e.contribution.length === 0
            ? {}
            : {
                target: e.contribution.map((r) => ({
                  measure: coding(systems.resource, r.kind),
                  detailQuantity: quantity(r)
                }))
              })
        })
        break
      }
      case "CommunityResponseLinked": {
        const procedure = uuidOf("procedure", e.eventId)
        push({
          ...taskBase(e, "in-progress", focus),
          owner: org(e.actors[0]!),
          input: e.actors.map((a) => ({ type: coding(systems.path, "responder"), valueReference: org(a) })),
          output: [
            ...e.resources.map((r) => ({
              type: coding(systems.resource, `response:${r.kind}`),
              valueQuantity: quantity(r)
            })),
            { type: coding(systems.path, "procedure"), valueReference: ref(procedure) }
          ]
        })
        push({
          resourceType: "Procedure",
          id: procedure,
          meta: { profile: [profiles.Procedure] },
          ...(request === undefined ? {} : { basedOn: [ref(request)] }),
          status: "in-progress",
          category: domains([...conditionOf.keys()])[0],
          code: coding(systems.path, "community-response"),
          subject: patient,
          performedDateTime: e.at,
          performer: e.actors.map((a) => ({ actor: org(a) }))
        })
        break
      }
      case "Reviewed":
        push({
          ...taskBase(e, e.outcome === "goal-reached" ? "completed" : "in-progress", focus),
          owner: org(e.by)
        })
        break
      case "Closed":
        push({
          ...taskBase(
            e,
            e.reason === "withdrawn" || e.reason === "no-demand" ? "cancelled" : "completed",
            focus
          ),
          owner: org(e.by)
        })
        break
    }
  }
  return {
    resourceType: "Bundle",
    id: uuidOf("bundle", caseId),
    identifier: { system: systems.case, value: caseId },
    type: "collection",
    timestamp: events.at(-1)?.at ?? "1970-01-01T00:00:00Z",
    entry: entries
  }
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
 * Reads the taking-charge events back from a Bundle this module wrote (or one
 * that follows the same conventions). Never throws: the events are decoded
 * with `TakingCharge.decodeHistory`, so every problem comes back with its path.
 * `Goal`, `Procedure` and `Consent` are derived resources and are not read.
 *
 * @category decoding
 * @since 0.1.0
 */
export const events = (input: unknown): Problem.Result<ReadonlyArray<TakingCharge.Event>> => {
  const root = obj(input)
  if (root === undefined || root.resourceType !== "Bundle")
    return Problem.fromProblems(undefined as never, [
      Problem.make("invalid-value", [], "expected a FHIR Bundle (an object whose resourceType is Bundle)")
    ])
  const caseId = obj(root.identifier)?.system === systems.case ? obj(root.identifier)?.value : undefined
  if (typeof caseId !== "string")
    return Problem.fromProblems(undefined as never, [
      Problem.make(
        "missing",
        ["identifier"],
        `the Bundle has no identifier of system ${systems.case}: it names no case`
      )
    ])
  const byUrl = new Map<string, Record<string, unknown>>()
  for (const entry of arr(root.entry)) {
    const e = obj(entry)
    const r = obj(e?.resource)
    if (typeof e?.fullUrl === "string" && r !== undefined) byUrl.set(e.fullUrl, r)
  }
  const actorOf = (reference: unknown): string | undefined => {
    const target = byUrl.get(String(obj(reference)?.reference))
    return target === undefined ? undefined : identifierOf(target, systems.actor)
  }
  const patient = [...byUrl.values()].find((r) => r.resourceType === "Patient")
  const person = patient === undefined ? undefined : identifierOf(patient, systems.person)
  const out: Array<unknown> = []
  for (const entry of arr(root.entry)) {
    const r = obj(obj(entry)?.resource)
    if (r === undefined) continue
    const eventId = identifierOf(r, systems.event)
    if (eventId === undefined) continue
    const header = { eventId, caseId }
    switch (r.resourceType) {
      case "Condition": {
        const ext = arr(r.extension).map(obj)
        const by = actorOf(ext.find((x) => x?.url === systems.recordedBy)?.valueReference)
        const withPerson = ext.some((x) => x?.url === systems.personRecorded && x.valueBoolean === true)
        out.push({
          _tag: "NeedRecorded",
          ...header,
          at: r.recordedDate,
          by,
          need: codeOf(r.code, systems.need),
          ...(withPerson && person !== undefined ? { person } : {})
        })
        break
      }
      case "ServiceRequest":
        out.push({
          _tag: "DemandExpressed",
          ...header,
          at: r.authoredOn,
          by: actorOf(r.requester),
          needs: arr(r.reasonCode).map((c) => codeOf(c, systems.need))
        })
        break
      case "Task": {
        const status = codeOf(r.businessStatus, systems.eventKind) ?? ""
        const [tag, detail] = status.split(":")
        const common = { ...header, at: r.lastModified, by: actorOf(r.requester) }
        if (tag === "ChoiceMade")
          out.push({
            _tag: tag,
            ...common,
            contribution: resourcesOf(r.input, "contribution:"),
            benefits: resourcesOf(r.output, "benefit:")
          })
        else if (tag === "CommunityResponseLinked")
          out.push({
            _tag: tag,
            ...common,
            actors: arr(r.input)
              .filter((i) => codeOf(obj(i)?.type, systems.path) === "responder")
              .map((i) => actorOf(obj(i)?.valueReference)),
            resources: resourcesOf(r.output, "response:")
          })
        else if (tag === "Reviewed") out.push({ _tag: tag, ...common, outcome: detail })
        else if (tag === "Closed") out.push({ _tag: tag, ...common, reason: detail })
        else out.push({ _tag: status, ...common })
        break
      }
    }
  }
  return TakingCharge.decodeHistory(out)
}
