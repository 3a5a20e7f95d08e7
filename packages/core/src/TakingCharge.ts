/**
 * Taking charge (presa in carico): the traceable path need, demand, choice
 * ("strumenti perché il processo di presa in carico sia tracciabile e
 * riconoscibile (bisogno – domanda – scelta)", seed 003 row 29), brought into
 * a community response ("dentro un processo di risposta comunitaria,
 * collettiva", seed 003 row 32), event-sourced.
 *
 * A case is a list of events; {@link replay} folds them into a
 * {@link CaseState} or returns every {@link StepProblem}, each naming the
 * event by id and index. An event that breaks a rule is never half-applied:
 * the state stays what it was before it. Invariant 10 (traceability) holds:
 * a choice needs a demand and a demand needs a need, the path moves only
 * forward, time never goes back and the history is append-only.
 *
 * Events carry ids, times, enumerations and resources only: no free text, so
 * traces and problems never copy anything personal.
 *
 * @since 0.1.0
 */
import type * as Brand from "effect/Brand"
import * as Either from "effect/Either"
import * as Schema from "effect/Schema"
import * as Actor from "./Actor.js"
import { id, literals, optional } from "./internal/schema.js"
import type { Labels, Lang } from "./Label.js"
import { NeedId } from "./Need.js"
import { PersonId } from "./Person.js"
import * as Problem from "./Problem.js"
import * as Resource from "./Resource.js"

/**
 * The id of a taking-charge case.
 *
 * @category models
 * @since 0.1.0
 */
export const CaseId = id("CaseId", "case", "The id of a taking-charge case.")

/**
 * @category models
 * @since 0.1.0
 */
export type CaseId = typeof CaseId.Type

/**
 * The id of one event of a taking-charge history.
 *
 * @category models
 * @since 0.1.0
 */
export const EventId = id("EventId", "ev", "The id of one event of a taking-charge history.")

/**
 * @category models
 * @since 0.1.0
 */
export type EventId = typeof EventId.Type

const timestampPattern = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d:[0-5]\dZ$/

/**
 * Whether a string is an ISO 8601 UTC timestamp to the second, such as
 * `2025-02-03T09:30:00Z`, naming a real day. This one fixed form makes
 * comparing two timestamps as strings the same as comparing the times.
 *
 * @category predicates
 * @since 0.1.0
 */
export const isTimestamp = (s: string): boolean => {
  if (!timestampPattern.test(s)) return false
  const t = Date.parse(s)
  return Number.isFinite(t) && new Date(t).toISOString().slice(0, 19) === s.slice(0, 19)
}

const iso = (ms: number): string => `${new Date(Math.floor(ms / 1000) * 1000).toISOString().slice(0, 19)}Z`

const minArbitraryTime = Date.UTC(2015, 0, 1)
const maxArbitraryTime = Date.UTC(2030, 11, 31)

/**
 * An ISO 8601 UTC timestamp to the second (`2025-02-03T09:30:00Z`).
 *
 * @category models
 * @since 0.1.0
 */
export const Timestamp = Schema.String.pipe(
  Schema.filter(
    (s) =>
      isTimestamp(s) ||
      `expected a UTC time such as 2025-02-03T09:30:00Z (date, "T", time to the second, "Z"), got ${JSON.stringify(s.length > 40 ? `${s.slice(0, 40)}…` : s)}`,
    {
      jsonSchema: {
        pattern: "^\\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])T([01]\\d|2[0-3]):[0-5]\\d:[0-5]\\dZ$"
      }
    }
  ),
  Schema.brand("Timestamp"),
  Schema.annotations({
    identifier: "Timestamp",
    description: "An ISO 8601 UTC time to the second, for example 2025-02-03T09:30:00Z.",
    arbitrary: () => (fc) =>
      fc
        .integer({ min: minArbitraryTime / 1000, max: maxArbitraryTime / 1000 })
        .map((s) => iso(s * 1000) as string & Brand.Brand<"Timestamp">)
  })
)

/**
 * @category models
 * @since 0.1.0
 */
export type Timestamp = typeof Timestamp.Type

/**
 * The timestamp of a time in milliseconds since 1970 (to the second, UTC).
 *
 * @category constructors
 * @since 0.1.0
 */
export const timestampOf = (ms: number): Timestamp => iso(ms) as Timestamp

const nonEmpty = <S extends Schema.Schema.Any>(item: S, message: string) =>
  Schema.Array(item).pipe(Schema.filter((a) => a.length > 0 || message, { jsonSchema: { minItems: 1 } }))

const header = {
  eventId: EventId,
  caseId: CaseId,
  at: Timestamp,
  by: Actor.ActorId
}

/**
 * Every outcome of a review.
 *
 * @category constants
 * @since 0.1.0
 */
export const reviewOutcomes = ["on-track", "to-adjust", "goal-reached"] as const

/**
 * The outcome of a review.
 *
 * @category models
 * @since 0.1.0
 */
export const ReviewOutcome = literals("ReviewOutcome", reviewOutcomes, "The outcome of a review of the path.")

/**
 * @category models
 * @since 0.1.0
 */
export type ReviewOutcome = typeof ReviewOutcome.Type

/**
 * Italian and English labels of the review outcomes.
 *
 * @category labels
 * @since 0.1.0
 */
export const reviewOutcomeLabels: Labels<ReviewOutcome> = {
  "on-track": { it: "In linea con il progetto", en: "On track" },
  "to-adjust": { it: "Da riprogettare", en: "To adjust" },
  "goal-reached": { it: "Obiettivo raggiunto", en: "Goal reached" }
}

/**
 * Every reason to close a case.
 *
 * @category constants
 * @since 0.1.0
 */
export const closeReasons = ["goal-reached", "withdrawn", "transferred", "no-demand"] as const

/**
 * Why a case was closed.
 *
 * @category models
 * @since 0.1.0
 */
export const CloseReason = literals("CloseReason", closeReasons, "Why a taking-charge case was closed.")

/**
 * @category models
 * @since 0.1.0
 */
export type CloseReason = typeof CloseReason.Type

/**
 * Italian and English labels of the reasons to close a case.
 *
 * @category labels
 * @since 0.1.0
 */
export const closeReasonLabels: Labels<CloseReason> = {
  "goal-reached": { it: "Obiettivo raggiunto", en: "Goal reached" },
  withdrawn: { it: "Ritiro della persona", en: "Withdrawn by the person" },
  transferred: { it: "Trasferito ad altro servizio", en: "Transferred to another service" },
  "no-demand": { it: "Il bisogno non è diventato domanda", en: "The need did not become a demand" }
}

/**
 * A need is recorded in the case (bisogno), optionally naming the
 * pseudonymous person concerned. A case opens with this event; recording
 * several needs makes an integrated taking charge of a complex need.
 *
 * @category events
 * @since 0.1.0
 */
export const NeedRecorded = Schema.TaggedStruct("NeedRecorded", {
  ...header,
  need: NeedId,
  person: optional(PersonId)
}).annotations({ identifier: "NeedRecorded", description: "A need is recorded in the case." })

/**
 * @category events
 * @since 0.1.0
 */
export interface NeedRecorded extends Schema.Schema.Type<typeof NeedRecorded> {}

/**
 * The need is translated into an expressed demand (domanda espressa, seed 003 row 28).
 *
 * @category events
 * @since 0.1.0
 */
export const DemandExpressed = Schema.TaggedStruct("DemandExpressed", {
  ...header,
  needs: nonEmpty(NeedId, "a demand expresses at least one recorded need: list the ids of its needs")
}).annotations({
  identifier: "DemandExpressed",
  description: "The recorded needs become an expressed demand."
})

/**
 * @category events
 * @since 0.1.0
 */
export interface DemandExpressed extends Schema.Schema.Type<typeof DemandExpressed> {}

/**
 * The choice taken with the person (scelta): what the person brings
 * (resources and competences, move 7 of seed 001, rows 39-41) and the benefits
 * they receive.
 *
 * @category events
 * @since 0.1.0
 */
export const ChoiceMade = Schema.TaggedStruct("ChoiceMade", {
  ...header,
  contribution: Schema.Array(Resource.Resource),
  benefits: Schema.Array(Resource.Resource)
}).annotations({
  identifier: "ChoiceMade",
  description: "The choice taken with the person: their own contribution and the benefits received."
})

/**
 * @category events
 * @since 0.1.0
 */
export interface ChoiceMade extends Schema.Schema.Type<typeof ChoiceMade> {}

/**
 * A community response is linked to the case: the actors brought in and the
 * resources they put in (seed 003, row 32).
 *
 * @category events
 * @since 0.1.0
 */
export const CommunityResponseLinked = Schema.TaggedStruct("CommunityResponseLinked", {
  ...header,
  actors: nonEmpty(
    Actor.ActorId,
    "a community response brings in at least one actor: list the ids of its actors"
  ),
  resources: Schema.Array(Resource.Resource)
}).annotations({
  identifier: "CommunityResponseLinked",
  description: "A community response: the actors brought in and their resources."
})

/**
 * @category events
 * @since 0.1.0
 */
export interface CommunityResponseLinked extends Schema.Schema.Type<typeof CommunityResponseLinked> {}

/**
 * The path is reviewed with the person (shared evaluation, move 6 of seed 001).
 *
 * @category events
 * @since 0.1.0
 */
export const Reviewed = Schema.TaggedStruct("Reviewed", {
  ...header,
  outcome: ReviewOutcome
}).annotations({ identifier: "Reviewed", description: "The path is reviewed." })

/**
 * @category events
 * @since 0.1.0
 */
export interface Reviewed extends Schema.Schema.Type<typeof Reviewed> {}

/**
 * The case is closed. Nothing can follow.
 *
 * @category events
 * @since 0.1.0
 */
export const Closed = Schema.TaggedStruct("Closed", {
  ...header,
  reason: CloseReason
}).annotations({ identifier: "Closed", description: "The case is closed." })

/**
 * @category events
 * @since 0.1.0
 */
export interface Closed extends Schema.Schema.Type<typeof Closed> {}

/**
 * Any event of a taking-charge history. Every event carries its `eventId`,
 * its `caseId`, the time `at` and the actor `by` who recorded it.
 *
 * @example
 * ```ts
 * import * as assert from "node:assert"
 * import { Either } from "effect"
 * import { Problem, TakingCharge } from "@welfare/core"
 *
 * const decode = Problem.decoder(TakingCharge.Event)
 * const result = decode({
 *   _tag: "NeedRecorded",
 *   eventId: "ev-1",
 *   caseId: "case-0042",
 *   at: "2025-02-03 09:00",
 *   by: "oratorio-san-domenico",
 *   need: "need-casa-lavoro-01"
 * })
 * assert.ok(Either.isLeft(result))
 * assert.strictEqual(
 *   Problem.format(result.left[0]),
 *   'at: expected a UTC time such as 2025-02-03T09:30:00Z (date, "T", time to the second, "Z"), got "2025-02-03 09:00"'
 * )
 * ```
 *
 * @category events
 * @since 0.1.0
 */
export const Event = Schema.Union(
  NeedRecorded,
  DemandExpressed,
  ChoiceMade,
  CommunityResponseLinked,
  Reviewed,
  Closed
).annotations({ identifier: "TakingChargeEvent", title: "Taking-charge event" })

/**
 * @category events
 * @since 0.1.0
 */
export type Event = NeedRecorded | DemandExpressed | ChoiceMade | CommunityResponseLinked | Reviewed | Closed

/**
 * The encoded (JSON) form of an event.
 *
 * @category events
 * @since 0.1.0
 */
export type EventEncoded = Schema.Schema.Encoded<typeof Event>

/**
 * Every kind of event, in the order of the path.
 *
 * @category constants
 * @since 0.1.0
 */
export const eventKinds = [
  "NeedRecorded",
  "DemandExpressed",
  "ChoiceMade",
  "CommunityResponseLinked",
  "Reviewed",
  "Closed"
] as const

/**
 * The kind of an event.
 *
 * @category models
 * @since 0.1.0
 */
export type EventKind = Event["_tag"]

/**
 * Italian and English labels of the kinds of event.
 *
 * @category labels
 * @since 0.1.0
 */
export const eventLabels: Labels<EventKind> = {
  NeedRecorded: { it: "Bisogno registrato", en: "Need recorded" },
  DemandExpressed: { it: "Domanda espressa", en: "Demand expressed" },
  ChoiceMade: { it: "Scelta condivisa con la persona", en: "Choice made with the person" },
  CommunityResponseLinked: { it: "Risposta comunitaria collegata", en: "Community response linked" },
  Reviewed: { it: "Verifica del percorso", en: "Path reviewed" },
  Closed: { it: "Chiusura del percorso", en: "Path closed" }
}

const decodeEvents = Problem.decoder(Schema.Array(Event))

/**
 * Decodes unknown input (a JSON list) into events, or returns every problem
 * with its path. Never throws. The order of the events is checked by {@link replay}.
 *
 * @category decoding
 * @since 0.1.0
 */
export const decodeHistory = (input: unknown): Problem.Result<ReadonlyArray<Event>> => decodeEvents(input)

/**
 * Encodes events to their JSON form.
 *
 * @category encoding
 * @since 0.1.0
 */
export const encodeHistory: (events: ReadonlyArray<Event>) => ReadonlyArray<EventEncoded> = Schema.encodeSync(
  Schema.Array(Event)
)

/**
 * Every stage of a path, in order: a path only moves forward.
 *
 * @category constants
 * @since 0.1.0
 */
export const stages = ["need", "demand", "choice", "response", "review", "closed"] as const

/**
 * The stage a case has reached.
 *
 * @category models
 * @since 0.1.0
 */
export type Stage = (typeof stages)[number]

/**
 * Italian and English labels of the stages.
 *
 * @category labels
 * @since 0.1.0
 */
export const stageLabels: Labels<Stage> = {
  need: { it: "Bisogno", en: "Need" },
  demand: { it: "Domanda", en: "Demand" },
  choice: { it: "Scelta", en: "Choice" },
  response: { it: "Risposta comunitaria", en: "Community response" },
  review: { it: "Verifica", en: "Review" },
  closed: { it: "Chiuso", en: "Closed" }
}

/**
 * The stage each kind of event moves a case to.
 *
 * @category constants
 * @since 0.1.0
 */
export const stageOfEvent: { readonly [K in EventKind]: Stage } = {
  NeedRecorded: "need",
  DemandExpressed: "demand",
  ChoiceMade: "choice",
  CommunityResponseLinked: "response",
  Reviewed: "review",
  Closed: "closed"
}

const rank: { readonly [S in Stage]: number } = {
  need: 0,
  demand: 1,
  choice: 2,
  response: 3,
  review: 4,
  closed: 5
}

/**
 * The rank of a stage, 0 for `need` to 5 for `closed`.
 *
 * @category getters
 * @since 0.1.0
 */
export const stageRank = (stage: Stage): number => rank[stage]

/**
 * The state of one case after its events: the stage reached, the needs, the
 * demand, the choice with the person, the community responses, the reviews
 * and the closing, with the first and last time and the ids of every event
 * applied.
 *
 * @category models
 * @since 0.1.0
 */
export interface CaseState {
  readonly caseId: CaseId
  readonly stage: Stage
  /** The person the case concerns, once a recorded need names one. */
  readonly person: PersonId | undefined
  readonly needs: ReadonlyArray<NeedId>
  readonly demand: ReadonlyArray<NeedId>
  /** The choice with the person, once made. */
  readonly choice:
    | {
        readonly at: Timestamp
        readonly by: Actor.ActorId
        readonly contribution: ReadonlyArray<Resource.Resource>
        readonly benefits: ReadonlyArray<Resource.Resource>
      }
    | undefined
  readonly responses: ReadonlyArray<{
    readonly at: Timestamp
    readonly by: Actor.ActorId
    readonly actors: ReadonlyArray<Actor.ActorId>
    readonly resources: ReadonlyArray<Resource.Resource>
  }>
  readonly reviews: ReadonlyArray<{
    readonly at: Timestamp
    readonly by: Actor.ActorId
    readonly outcome: ReviewOutcome
  }>
  /** The closing, once closed. */
  readonly closed:
    | { readonly at: Timestamp; readonly by: Actor.ActorId; readonly reason: CloseReason }
    | undefined
  readonly openedAt: Timestamp
  readonly lastAt: Timestamp
  readonly eventIds: ReadonlyArray<EventId>
}

const allowedAfter: { readonly [S in Stage]: ReadonlyArray<EventKind> } = {
  need: ["NeedRecorded", "DemandExpressed", "Closed"],
  demand: ["ChoiceMade", "Closed"],
  choice: ["CommunityResponseLinked", "Reviewed", "Closed"],
  response: ["CommunityResponseLinked", "Reviewed", "Closed"],
  review: ["Reviewed", "Closed"],
  closed: []
}

const opening: ReadonlyArray<EventKind> = ["NeedRecorded"]

/**
 * The kinds of event a case allows next (`NeedRecorded` only before its
 * first event; nothing once closed).
 *
 * @example
 * ```ts
 * import * as assert from "node:assert"
 * import { TakingCharge } from "@welfare/core"
 *
 * assert.deepStrictEqual(TakingCharge.next(undefined), ["NeedRecorded"])
 * ```
 *
 * @category getters
 * @since 0.1.0
 */
export const next = (state: CaseState | undefined): ReadonlyArray<EventKind> =>
  state === undefined ? opening : allowedAfter[state.stage]

/**
 * Every kind of problem an event can have in its history.
 *
 * - `other-case`: the event belongs to another case than the one replayed.
 * - `after-close`: the case was already closed.
 * - `duplicate-event`: an event with the same id was already applied.
 * - `time-goes-back`: the event is earlier than the previous one.
 * - `demand-without-need`: a demand, or anything else, before any need.
 * - `choice-without-demand`: a choice before the demand.
 * - `step-goes-back`: the event belongs to an earlier stage than the one reached.
 * - `out-of-order`: the event skips a step or repeats one that happens once.
 * - `unknown-need`: the recorded need is not a need of the territory.
 * - `need-not-in-case`: the demand names a need not recorded in this case.
 * - `need-already-recorded`: the need was already recorded in this case.
 * - `other-person`: the need concerns another person than the case.
 *
 * @category constants
 * @since 0.1.0
 */
export const stepProblemKinds = [
  "other-case",
  "after-close",
  "duplicate-event",
  "time-goes-back",
  "demand-without-need",
  "choice-without-demand",
  "step-goes-back",
  "out-of-order",
  "unknown-need",
  "need-not-in-case",
  "need-already-recorded",
  "other-person"
] as const

/**
 * A kind of step problem.
 *
 * @category models
 * @since 0.1.0
 */
export type StepProblemKind = (typeof stepProblemKinds)[number]

/**
 * Italian and English labels of the step problems.
 *
 * @category labels
 * @since 0.1.0
 */
export const stepProblemLabels: Labels<StepProblemKind> = {
  "other-case": { it: "Evento di un altro percorso", en: "Event of another case" },
  "after-close": { it: "Evento dopo la chiusura", en: "Event after closing" },
  "duplicate-event": { it: "Evento duplicato", en: "Duplicate event" },
  "time-goes-back": { it: "Il tempo torna indietro", en: "Time goes back" },
  "demand-without-need": { it: "Domanda senza bisogno", en: "Demand without a need" },
  "choice-without-demand": { it: "Scelta senza domanda", en: "Choice without a demand" },
  "step-goes-back": { it: "Passo all'indietro", en: "Step goes back" },
  "out-of-order": { it: "Passo fuori ordine", en: "Step out of order" },
  "unknown-need": { it: "Bisogno sconosciuto", en: "Unknown need" },
  "need-not-in-case": { it: "Bisogno non registrato nel percorso", en: "Need not recorded in the case" },
  "need-already-recorded": { it: "Bisogno già registrato", en: "Need already recorded" },
  "other-person": { it: "Bisogno di un'altra persona", en: "Need of another person" }
}

/**
 * A problem of one event in its history: what kind, which event (by id and
 * by its index in the list replayed), its case, and the kinds of event that
 * were allowed at that point. `need` names the need at fault for
 * `unknown-need`, `need-not-in-case` and `need-already-recorded`.
 *
 * @category models
 * @since 0.1.0
 */
export interface StepProblem {
  readonly kind: StepProblemKind
  readonly index: number
  readonly eventId: EventId
  readonly caseId: CaseId
  readonly allowed: ReadonlyArray<EventKind>
  readonly need?: NeedId
}

/**
 * Options of {@link apply}, {@link replay} and {@link replayAll}: the index of
 * the event (for the problems) and the needs of the territory, when recorded
 * needs must be among them.
 *
 * @category models
 * @since 0.1.0
 */
export interface Options {
  readonly index?: number
  readonly needs?: ReadonlySet<string>
}

const fail = (
  kind: StepProblemKind,
  event: Event,
  index: number,
  allowed: ReadonlyArray<EventKind>,
  need?: NeedId
): Either.Either<never, StepProblem> =>
  Either.left(
    need === undefined
      ? { kind, index, eventId: event.eventId, caseId: event.caseId, allowed }
      : { kind, index, eventId: event.eventId, caseId: event.caseId, allowed, need }
  )

const transitionProblem = (state: CaseState | undefined, event: Event): StepProblemKind | undefined => {
  const allowed = next(state)
  if (allowed.includes(event._tag)) return undefined
  if (state === undefined) return "demand-without-need"
  if (event._tag === "ChoiceMade" && state.stage === "need") return "choice-without-demand"
  if (rank[stageOfEvent[event._tag]] < rank[state.stage]) return "step-goes-back"
  return "out-of-order"
}

/**
 * Applies one event to the state of its case (`undefined` before the first
 * event), or returns the problem that keeps it from applying. Never
 * half-applies: on a problem the state is untouched, and a new state never
 * shares a mutable part with the old one.
 *
 * @example
 * ```ts
 * import * as assert from "node:assert"
 * import { Either } from "effect"
 * import { Actor, TakingCharge } from "@welfare/core"
 *
 * const choice: TakingCharge.Event = {
 *   _tag: "ChoiceMade",
 *   eventId: TakingCharge.EventId.make("ev-3"),
 *   caseId: TakingCharge.CaseId.make("case-0042"),
 *   at: TakingCharge.timestampOf(Date.UTC(2025, 1, 10, 9)),
 *   by: Actor.ActorId.make("comune-legnano"),
 *   contribution: [],
 *   benefits: []
 * }
 * const result = TakingCharge.apply(undefined, choice)
 * assert.ok(Either.isLeft(result))
 * assert.strictEqual(result.left.kind, "demand-without-need")
 * assert.strictEqual(result.left.eventId, "ev-3")
 * ```
 *
 * @category calculators
 * @since 0.1.0
 */
export const apply = (
  state: CaseState | undefined,
  event: Event,
  options: Options = {}
): Either.Either<CaseState, StepProblem> =>
  applyAt(state, event, options.index ?? (state === undefined ? 0 : state.eventIds.length), options.needs)

// Every state is built here, with all its fields in one order (one hidden class, fast replays).
const advance = (
  s: CaseState,
  event: Event,
  stage: Stage,
  person: CaseState["person"],
  needs: CaseState["needs"],
  demand: CaseState["demand"],
  choice: CaseState["choice"],
  responses: CaseState["responses"],
  reviews: CaseState["reviews"],
  closed: CaseState["closed"]
): CaseState => ({
  caseId: s.caseId,
  stage,
  person,
  needs,
  demand,
  choice,
  responses,
  reviews,
  closed,
  openedAt: s.openedAt,
  lastAt: event.at,
  eventIds: [...s.eventIds, event.eventId]
})

const applyAt = (
  state: CaseState | undefined,
  event: Event,
  index: number,
  knownNeeds: ReadonlySet<string> | undefined
): Either.Either<CaseState, StepProblem> => {
  const allowed = next(state)
  if (state !== undefined) {
    if (event.caseId !== state.caseId) return fail("other-case", event, index, allowed)
    if (state.stage === "closed") return fail("after-close", event, index, allowed)
    if (state.eventIds.includes(event.eventId)) return fail("duplicate-event", event, index, allowed)
    if (event.at < state.lastAt) return fail("time-goes-back", event, index, allowed)
  }
  const wrong = transitionProblem(state, event)
  if (wrong !== undefined) return fail(wrong, event, index, allowed)
  if (state === undefined) {
    // transitionProblem lets only NeedRecorded open a case
    const opening = event as NeedRecorded
    if (knownNeeds !== undefined && !knownNeeds.has(opening.need))
      return fail("unknown-need", event, index, allowed, opening.need)
    return Either.right({
      caseId: event.caseId,
      stage: "need",
      person: opening.person,
      needs: [opening.need],
      demand: [],
      choice: undefined,
      responses: [],
      reviews: [],
      closed: undefined,
      openedAt: event.at,
      lastAt: event.at,
      eventIds: [event.eventId]
    })
  }
  const s = state
  switch (event._tag) {
    case "NeedRecorded": {
      if (knownNeeds !== undefined && !knownNeeds.has(event.need))
        return fail("unknown-need", event, index, allowed, event.need)
      if (s.needs.includes(event.need))
        return fail("need-already-recorded", event, index, allowed, event.need)
      if (event.person !== undefined && s.person !== undefined && event.person !== s.person)
        return fail("other-person", event, index, allowed)
      return Either.right(
        advance(
          s,
          event,
          "need",
          s.person ?? event.person,
          [...s.needs, event.need],
          s.demand,
          s.choice,
          s.responses,
          s.reviews,
          s.closed
        )
      )
    }
    case "DemandExpressed": {
      for (const need of event.needs)
        if (!s.needs.includes(need)) return fail("need-not-in-case", event, index, allowed, need)
      return Either.right(
        advance(
          s,
          event,
          "demand",
          s.person,
          s.needs,
          [...event.needs],
          s.choice,
          s.responses,
          s.reviews,
          s.closed
        )
      )
    }
    case "ChoiceMade":
      return Either.right(
        advance(
          s,
          event,
          "choice",
          s.person,
          s.needs,
          s.demand,
          { at: event.at, by: event.by, contribution: event.contribution, benefits: event.benefits },
          s.responses,
          s.reviews,
          s.closed
        )
      )
    case "CommunityResponseLinked":
      return Either.right(
        advance(
          s,
          event,
          "response",
          s.person,
          s.needs,
          s.demand,
          s.choice,
          [...s.responses, { at: event.at, by: event.by, actors: event.actors, resources: event.resources }],
          s.reviews,
          s.closed
        )
      )
    case "Reviewed":
      return Either.right(
        advance(
          s,
          event,
          "review",
          s.person,
          s.needs,
          s.demand,
          s.choice,
          s.responses,
          [...s.reviews, { at: event.at, by: event.by, outcome: event.outcome }],
          s.closed
        )
      )
    case "Closed":
      return Either.right(
        advance(s, event, "closed", s.person, s.needs, s.demand, s.choice, s.responses, s.reviews, {
          at: event.at,
          by: event.by,
          reason: event.reason
        })
      )
  }
}

/**
 * Replays the history of one case: the state after every event, or every
 * problem, each naming its event by id and index. An event with a problem is
 * skipped (never half-applied) and the following events are checked against
 * the state before it, so all the problems are reported at once. An empty
 * history replays to `undefined` (no case yet).
 *
 * @example
 * ```ts
 * import * as assert from "node:assert"
 * import { Either } from "effect"
 * import { Actor, Need, TakingCharge } from "@welfare/core"
 *
 * const common = {
 *   caseId: TakingCharge.CaseId.make("case-0042"),
 *   by: Actor.ActorId.make("comune-legnano")
 * }
 * const at = (day: number) => TakingCharge.timestampOf(Date.UTC(2025, 1, day, 9))
 * const need = Need.NeedId.make("need-casa-lavoro-01")
 * const history: ReadonlyArray<TakingCharge.Event> = [
 *   { _tag: "NeedRecorded", ...common, eventId: TakingCharge.EventId.make("ev-1"), at: at(3), need },
 *   { _tag: "DemandExpressed", ...common, eventId: TakingCharge.EventId.make("ev-2"), at: at(5), needs: [need] },
 *   { _tag: "Reviewed", ...common, eventId: TakingCharge.EventId.make("ev-3"), at: at(4), outcome: "on-track" }
 * ]
 * const result = TakingCharge.replay(history)
 * assert.ok(Either.isLeft(result))
 * assert.deepStrictEqual(
 *   result.left.map((p) => [p.kind, p.eventId, p.index]),
 *   [["time-goes-back", "ev-3", 2]]
 * )
 * assert.deepStrictEqual(TakingCharge.replay(history.slice(0, 2)).pipe(Either.map((s) => s?.stage)), Either.right("demand"))
 * ```
 *
 * @category calculators
 * @since 0.1.0
 */
export const replay = (
  events: Iterable<Event>,
  options: Omit<Options, "index"> = {}
): Either.Either<CaseState | undefined, readonly [StepProblem, ...Array<StepProblem>]> => {
  let state: CaseState | undefined
  const problems: Array<StepProblem> = []
  let index = 0
  let caseId: CaseId | undefined
  for (const event of events) {
    if (caseId === undefined) caseId = event.caseId
    if (event.caseId !== caseId)
      problems.push({
        kind: "other-case",
        index,
        eventId: event.eventId,
        caseId: event.caseId,
        allowed: next(state)
      })
    else {
      const result = applyAt(state, event, index, options.needs)
      if (Either.isLeft(result)) problems.push(result.left)
      else state = result.right
    }
    index++
  }
  return problems.length === 0
    ? Either.right(state)
    : Either.left(problems as unknown as readonly [StepProblem, ...Array<StepProblem>])
}

/**
 * What is kept of a closed case by {@link replayAll}: counts and times, not
 * its events.
 *
 * @category models
 * @since 0.1.0
 */
export interface ClosedSummary {
  readonly caseId: CaseId
  readonly openedAt: Timestamp
  readonly closedAt: Timestamp
  readonly reason: CloseReason
  readonly events: number
  readonly needs: number
  readonly responses: number
  readonly personContribution: boolean
}

/**
 * The result of {@link replayAll}: the state of every open case, a summary of
 * every closed case, every problem (indices are positions in the whole
 * stream) and the number of events read.
 *
 * @category models
 * @since 0.1.0
 */
export interface Replayed {
  readonly open: ReadonlyMap<CaseId, CaseState>
  readonly closed: ReadonlyMap<CaseId, ClosedSummary>
  readonly problems: ReadonlyArray<StepProblem>
  readonly events: number
}

const summarise = (s: CaseState): ClosedSummary => ({
  caseId: s.caseId,
  openedAt: s.openedAt,
  closedAt: s.lastAt,
  reason: s.closed!.reason,
  events: s.eventIds.length,
  needs: s.needs.length,
  responses: s.responses.length,
  personContribution: hasPersonContribution(s)
})

/**
 * Replays one flat stream of events of many cases (in the order of the
 * stream; the cases may interleave). Memory grows with the open cases and
 * their events, never with the whole stream: a case is summarised
 * ({@link ClosedSummary}) as soon as it closes. An event of a closed case is
 * an `after-close` problem. Event ids are checked unique within their case;
 * {@link referenceProblems} checks them across the whole log. The result for
 * each case does not depend on how the cases interleave (invariant 4).
 *
 * @example
 * ```ts
 * import * as assert from "node:assert"
 * import { Actor, Need, TakingCharge } from "@welfare/core"
 *
 * const event = (caseId: string, n: number): TakingCharge.Event => ({
 *   _tag: "NeedRecorded",
 *   eventId: TakingCharge.EventId.make(`ev-${caseId}-${n}`),
 *   caseId: TakingCharge.CaseId.make(caseId),
 *   at: TakingCharge.timestampOf(Date.UTC(2025, 1, n)),
 *   by: Actor.ActorId.make("comune-legnano"),
 *   need: Need.NeedId.make(`need-${caseId}-${n}`)
 * })
 * const all = TakingCharge.replayAll([event("case-1", 1), event("case-2", 1), event("case-1", 2)])
 * assert.strictEqual(all.open.size, 2)
 * assert.strictEqual(all.open.get(TakingCharge.CaseId.make("case-1"))?.needs.length, 2)
 * assert.strictEqual(all.problems.length, 0)
 * ```
 *
 * @category calculators
 * @since 0.1.0
 */
export const replayAll = (events: Iterable<Event>, options: Omit<Options, "index"> = {}): Replayed => {
  const open = new Map<CaseId, CaseState>()
  const closed = new Map<CaseId, ClosedSummary>()
  const problems: Array<StepProblem> = []
  let index = 0
  for (const event of events) {
    if (closed.has(event.caseId)) {
      problems.push({ kind: "after-close", index, eventId: event.eventId, caseId: event.caseId, allowed: [] })
    } else {
      const result = applyAt(open.get(event.caseId), event, index, options.needs)
      if (Either.isLeft(result)) problems.push(result.left)
      else if (result.right.stage === "closed") {
        open.delete(event.caseId)
        closed.set(event.caseId, summarise(result.right))
      } else open.set(event.caseId, result.right)
    }
    index++
  }
  return { open, closed, problems, events: index }
}

/**
 * One step of a trace: when, who, what, and the stage reached.
 *
 * @category models
 * @since 0.1.0
 */
export interface Step {
  readonly index: number
  readonly eventId: EventId
  readonly caseId: CaseId
  readonly at: Timestamp
  readonly by: Actor.ActorId
  readonly kind: EventKind
  readonly stage: Stage
  /** The ids the step names: needs, or the actors brought in. */
  readonly refs: ReadonlyArray<string>
}

const refsOf = (event: Event): ReadonlyArray<string> => {
  switch (event._tag) {
    case "NeedRecorded":
      return event.person === undefined ? [event.need] : [event.need, event.person]
    case "DemandExpressed":
      return event.needs
    case "CommunityResponseLinked":
      return event.actors
    case "ChoiceMade":
      return []
    case "Reviewed":
      return [event.outcome]
    case "Closed":
      return [event.reason]
  }
}

/**
 * The trace of a history: each step with its time, its actor, its kind and
 * the stage it reaches, in the order of the history (what an auditor reads
 * back, move 6 of seed 001: "tracciabilità delle procedure e delle
 * responsabilità degli attori").
 *
 * @category calculators
 * @since 0.1.0
 */
export const trace = (events: Iterable<Event>): ReadonlyArray<Step> => {
  const out: Array<Step> = []
  let index = 0
  for (const event of events)
    out.push({
      index: index++,
      eventId: event.eventId,
      caseId: event.caseId,
      at: event.at,
      by: event.by,
      kind: event._tag,
      stage: stageOfEvent[event._tag],
      refs: refsOf(event)
    })
  return out
}

/**
 * One line of a trace in a language: `time  actor  label [ids]`. Only ids,
 * times and labels: nothing personal.
 *
 * @example
 * ```ts
 * import * as assert from "node:assert"
 * import { Actor, Need, TakingCharge } from "@welfare/core"
 *
 * const [step] = TakingCharge.trace([{
 *   _tag: "NeedRecorded",
 *   eventId: TakingCharge.EventId.make("ev-1"),
 *   caseId: TakingCharge.CaseId.make("case-0042"),
 *   at: TakingCharge.timestampOf(Date.UTC(2025, 1, 3, 9)),
 *   by: Actor.ActorId.make("oratorio-san-domenico"),
 *   need: Need.NeedId.make("need-casa-lavoro-01")
 * }])
 * assert.strictEqual(
 *   TakingCharge.formatStep(step!, "it"),
 *   "2025-02-03T09:00:00Z  oratorio-san-domenico  Bisogno registrato [need-casa-lavoro-01]"
 * )
 * ```
 *
 * @category calculators
 * @since 0.1.0
 */
export const formatStep = (step: Step, lang: Lang): string => {
  const refs =
    step.kind === "Reviewed"
      ? [reviewOutcomeLabels[step.refs[0] as ReviewOutcome][lang]]
      : step.kind === "Closed"
        ? [closeReasonLabels[step.refs[0] as CloseReason][lang]]
        : step.refs
  return `${step.at}  ${step.by}  ${eventLabels[step.kind][lang]}${refs.length > 0 ? ` [${refs.join(", ")}]` : ""}`
}

/**
 * How personal a path is (move 7 of seed 001, rows 39-41: personalisation
 * and capacitation, against standardised benefits).
 *
 * - `no-choice-yet`: no choice taken with the person yet.
 * - `benefits-only`: the choice brings no contribution of the person: a
 *   beneficiary, not a bearer of resources (seed 000, row 8).
 * - `co-produced`: the person brings resources or competences and receives benefits.
 * - `contribution-only`: the person brings resources and receives none.
 *
 * @category constants
 * @since 0.1.0
 */
export const personalisationKinds = [
  "no-choice-yet",
  "benefits-only",
  "co-produced",
  "contribution-only"
] as const

/**
 * A kind of personalisation.
 *
 * @category models
 * @since 0.1.0
 */
export type PersonalisationKind = (typeof personalisationKinds)[number]

/**
 * Italian and English labels of the personalisation kinds.
 *
 * @category labels
 * @since 0.1.0
 */
export const personalisationLabels: Labels<PersonalisationKind> = {
  "no-choice-yet": { it: "Nessuna scelta ancora", en: "No choice yet" },
  "benefits-only": { it: "Solo prestazioni ricevute", en: "Benefits only" },
  "co-produced": { it: "Coprodotto con la persona", en: "Co-produced with the person" },
  "contribution-only": { it: "Solo contributo della persona", en: "Contribution of the person only" }
}

/**
 * Whether the choice records a contribution of the person: a resource or a
 * competence with a positive amount.
 *
 * @category predicates
 * @since 0.1.0
 */
export const hasPersonContribution = (state: Pick<CaseState, "choice">): boolean =>
  state.choice?.contribution.some((r) => r.amount > 0) === true

/**
 * The personalisation of a path: its kind, and the kinds of resource the
 * person brings and receives.
 *
 * @category models
 * @since 0.1.0
 */
export interface Personalisation {
  readonly kind: PersonalisationKind
  readonly contribution: ReadonlyArray<Resource.ResourceKind>
  readonly benefits: ReadonlyArray<Resource.ResourceKind>
}

/**
 * Reads how personal a path is. A path whose choice brings no contribution
 * of the person is reported as `benefits-only`.
 *
 * @example
 * ```ts
 * import * as assert from "node:assert"
 * import { Actor, Resource, TakingCharge } from "@welfare/core"
 *
 * const p = TakingCharge.personalisation({
 *   choice: {
 *     at: TakingCharge.timestampOf(Date.UTC(2025, 1, 10)),
 *     by: Actor.ActorId.make("comune-legnano"),
 *     contribution: [Resource.make("competence", 10)],
 *     benefits: [Resource.make("economic", 600)]
 *   }
 * })
 * assert.deepStrictEqual(p, { kind: "co-produced", contribution: ["competence"], benefits: ["economic"] })
 * ```
 *
 * @category getters
 * @since 0.1.0
 */
export const personalisation = (state: Pick<CaseState, "choice">): Personalisation => {
  if (state.choice === undefined) return { kind: "no-choice-yet", contribution: [], benefits: [] }
  const contribution = Resource.kindsOf(state.choice.contribution)
  const benefits = Resource.kindsOf(state.choice.benefits)
  const kind: PersonalisationKind =
    contribution.length === 0 ? "benefits-only" : benefits.length === 0 ? "contribution-only" : "co-produced"
  return { kind, contribution, benefits }
}

const codeOf: { readonly [K in StepProblemKind]: Problem.ProblemCode } = {
  "other-case": "rule",
  "after-close": "out-of-order",
  "duplicate-event": "duplicate-id",
  "time-goes-back": "out-of-order",
  "demand-without-need": "out-of-order",
  "choice-without-demand": "out-of-order",
  "step-goes-back": "out-of-order",
  "out-of-order": "out-of-order",
  "unknown-need": "unknown-reference",
  "need-not-in-case": "unknown-reference",
  "need-already-recorded": "rule",
  "other-person": "rule"
}

const fieldOf: { readonly [K in StepProblemKind]: ReadonlyArray<string> } = {
  "other-case": ["caseId"],
  "after-close": [],
  "duplicate-event": ["eventId"],
  "time-goes-back": ["at"],
  "demand-without-need": [],
  "choice-without-demand": [],
  "step-goes-back": [],
  "out-of-order": [],
  "unknown-need": ["need"],
  "need-not-in-case": ["needs"],
  "need-already-recorded": ["need"],
  "other-person": ["person"]
}

const allowedText = (allowed: ReadonlyArray<EventKind>): string =>
  allowed.length === 0 ? "nothing (the case is closed)" : allowed.join(" or ")

/**
 * An English sentence for a step problem: which event, what is wrong, what
 * the case allowed, and how to fix it. Only ids and kinds, never free text.
 *
 * @category formatting
 * @since 0.1.0
 */
export const message = (p: StepProblem): string => {
  const ev = `event "${p.eventId}" of case "${p.caseId}"`
  switch (p.kind) {
    case "other-case":
      return `${ev} belongs to another case than the one replayed: replay each case on its own, or use replayAll`
    case "after-close":
      return `${ev} comes after the case was closed: open a new case instead`
    case "duplicate-event":
      return `${ev} repeats an event id already applied: give every event its own id, or drop the copy`
    case "time-goes-back":
      return `${ev} is earlier than the event before it: time never goes back; correct its time or its place in the history`
    case "demand-without-need":
      return `${ev} comes before any need: a case opens with NeedRecorded (a demand needs a need)`
    case "choice-without-demand":
      return `${ev} is a choice without a demand: record DemandExpressed first (expected ${allowedText(p.allowed)})`
    case "step-goes-back":
      return `${ev} goes back to an earlier step: the path only moves forward (expected ${allowedText(p.allowed)})`
    case "out-of-order":
      return `${ev} is out of order: expected ${allowedText(p.allowed)}`
    case "unknown-need":
      return `${ev} records the need "${p.need}", which is not a need of the territory: add it to needs or correct the id`
    case "need-not-in-case":
      return `${ev} names the need "${p.need}", which is not recorded in this case: record it with NeedRecorded first or correct the id`
    case "need-already-recorded":
      return `${ev} records the need "${p.need}" a second time: record each need once per case`
    case "other-person":
      return `${ev} concerns another person than the case: open a separate case for each person`
  }
}

/**
 * A step problem as a {@link Problem.Problem} at `path` (where the event list
 * sits), pointing at the event's index and, where it helps, its field.
 *
 * @category conversions
 * @since 0.1.0
 */
export const toProblem = (p: StepProblem, path: ReadonlyArray<string | number>): Problem.Problem =>
  Problem.make(codeOf[p.kind], [...path, p.index, ...fieldOf[p.kind]], message(p))

/**
 * Every problem of a flat event log of many cases as {@link Problem.Problem}s
 * at `path` (for the territory's integrity check).
 *
 * @category validation
 * @since 0.1.0
 */
export const historyProblems = (
  events: ReadonlyArray<Event>,
  path: ReadonlyArray<string | number>,
  options: Omit<Options, "index"> = {}
): Array<Problem.Problem> => replayAll(events, options).problems.map((p) => toProblem(p, path))

/**
 * The ids an event log refers to, for {@link referenceProblems}.
 *
 * @category models
 * @since 0.1.0
 */
export interface Known {
  readonly actors: ReadonlySet<string>
  readonly needs: ReadonlySet<string>
}

/**
 * Every referential problem of a flat event log: event ids used twice
 * (across all cases), needs that the territory does not hold, and recording
 * or responding actors that are not actors of the territory.
 *
 * @category validation
 * @since 0.1.0
 */
export const referenceProblems = (
  events: ReadonlyArray<Event>,
  known: Known,
  path: ReadonlyArray<string | number>
): Array<Problem.Problem> => {
  const problems: Array<Problem.Problem> = []
  const first = new Map<string, number>()
  events.forEach((event, i) => {
    const at = first.get(event.eventId)
    if (at === undefined) first.set(event.eventId, i)
    else
      problems.push(
        Problem.make(
          "duplicate-id",
          [...path, i, "eventId"],
          `the event id "${event.eventId}" is already used by ${Problem.formatPath([...path, at])}: give every event its own id`
        )
      )
    const ref = (
      set: ReadonlySet<string>,
      id: string,
      where: ReadonlyArray<string | number>,
      what: string
    ) => {
      if (!set.has(id))
        problems.push(
          Problem.make(
            "unknown-reference",
            [...path, i, ...where],
            `no ${what} has the id "${id}": add it to ${what === "need" ? "needs" : "actors"} or correct the id`
          )
        )
    }
    ref(known.actors, event.by, ["by"], "actor")
    if (event._tag === "NeedRecorded") ref(known.needs, event.need, ["need"], "need")
    if (event._tag === "DemandExpressed")
      event.needs.forEach((n, j) => {
        ref(known.needs, n, ["needs", j], "need")
      })
    if (event._tag === "CommunityResponseLinked")
      event.actors.forEach((a, j) => {
        ref(known.actors, a, ["actors", j], "actor")
      })
  })
  return problems
}
