/**
 * Taking charge (presa in carico): the traceable path need, demand, choice
 * ("strumenti perché il processo di presa in carico sia tracciabile e
 * riconoscibile (bisogno – domanda – scelta)", seed 003 row 29), brought into
 * a community response ("dentro un processo di risposta comunitaria,
 * collettiva", seed 003 row 32), event-sourced.
 *
 * A case is a list of tagged events (`_tag`) stamped with the library's one
 * branded `Timestamp`; {@link apply} applies one event to a state and
 * returns the new state or a non-empty list of {@link StepDiagnostic}s (the
 * shape `CoDesign.apply` shares), {@link replay} is the fold of that step
 * and returns the state or every problem, each naming the event by id and
 * index. An event that breaks a rule is never half-applied:
 * the state stays what it was before it. Invariant 10 (traceability) holds:
 * a choice needs a demand and a demand needs a need, the path moves only
 * forward, time never goes back and the history is append-only.
 *
 * Events carry ids, times, enumerations and resources only: no free text, so
 * traces and problems never copy anything personal.
 *
 * The implementation lives in `internal/takingcharge/` (events, state,
 * rules, replay, trace, personalisation, problems, labels); this module is
 * its public face.
 *
 * @since 0.1.0
 */

import type * as Effect from "effect/Effect"
import type * as Either from "effect/Either"
import { dual } from "effect/Function"
import * as Schema from "effect/Schema"
import * as Decoder from "./Decoder.js"
import { toEffect, validator } from "./internal/contract.js"
import type { Event } from "./internal/takingcharge/events.js"
import * as Events from "./internal/takingcharge/events.js"
import * as Personalisation from "./internal/takingcharge/personalisation.js"
import * as Replay from "./internal/takingcharge/replay.js"
import type { StepDiagnostic } from "./internal/takingcharge/rules.js"
import * as Rules from "./internal/takingcharge/rules.js"
import type { CaseState } from "./internal/takingcharge/state.js"
import * as State from "./internal/takingcharge/state.js"
import * as Trace from "./internal/takingcharge/trace.js"
import type { Labels, Lang } from "./Label.js"
import type * as Problem from "./Problem.js"
import * as Time from "./Timestamp.js"

export type { EventEncoded, EventKind } from "./internal/takingcharge/events.js"
export {
  CaseId,
  ChoiceMade,
  Closed,
  CloseReason,
  CommunityResponseLinked,
  closeReasons,
  DemandExpressed,
  Event,
  EventId,
  eventKinds,
  NeedRecorded,
  Reviewed,
  ReviewOutcome,
  reviewOutcomes
} from "./internal/takingcharge/events.js"
export {
  closeReasonLabels,
  eventLabels,
  personalisationLabels,
  reviewOutcomeLabels,
  stageLabels,
  stepProblemLabels
} from "./internal/takingcharge/labels.js"
export type { StepFacts } from "./internal/takingcharge/message.js"
export type { Personalisation, PersonalisationKind } from "./internal/takingcharge/personalisation.js"
export { hasPersonContribution, personalisationKinds } from "./internal/takingcharge/personalisation.js"
export type { Known } from "./internal/takingcharge/problems.js"
export { historyProblems, message, referenceProblems, toProblem } from "./internal/takingcharge/problems.js"
export type { ClosedSummary, Replayed } from "./internal/takingcharge/replay.js"
export type { Options, StepDiagnostic, StepProblemKind } from "./internal/takingcharge/rules.js"
export { stepProblemKinds } from "./internal/takingcharge/rules.js"
export type { CaseState, Stage } from "./internal/takingcharge/state.js"
export { stageOfEvent, stageRank, stages } from "./internal/takingcharge/state.js"
export type { Step } from "./internal/takingcharge/trace.js"

/**
 * An ISO 8601 UTC timestamp to the second (`2025-02-03T09:30:00Z`): the
 * library's one branded timestamp, `Timestamp.Timestamp`, shared with
 * `CoDesign`.
 *
 * @category models
 * @since 0.1.0
 */
export const Timestamp = Time.Timestamp

/**
 * @category models
 * @since 0.1.0
 */
export type Timestamp = Time.Timestamp

/**
 * Whether a string is an ISO 8601 UTC timestamp to the second (the same as
 * `Timestamp.isTimestamp`).
 *
 * @category predicates
 * @since 0.1.0
 */
export const isTimestamp: (s: string) => boolean = Time.isTimestamp

/**
 * The timestamp of a time in milliseconds since 1970, to the second, UTC
 * (the same as `Timestamp.fromMillis`).
 *
 * @category constructors
 * @since 0.1.0
 */
export const timestampOf: (ms: number) => Timestamp = Time.fromMillis

const decodeEvents = Decoder.lazy(Schema.Array(Events.Event))

/**
 * Decodes unknown input (a JSON list) into events, or returns every problem
 * with its path. Never throws. The order of the events is checked by {@link replay}.
 *
 * @example
 * ```ts
 * import * as assert from "node:assert"
 * import { Either } from "effect"
 * import { Problem, TakingCharge } from "@welfare/core"
 *
 * const result = TakingCharge.decodeHistory([{
 *   _tag: "NeedRecorded",
 *   eventId: "ev-1",
 *   caseId: "case-0042",
 *   at: "2025-02-03 09:00",
 *   by: "oratorio-san-domenico",
 *   need: "need-casa-lavoro-01"
 * }])
 * assert.ok(Either.isLeft(result))
 * assert.strictEqual(
 *   Problem.format(result.left[0]),
 *   '[0].at: expected a UTC time such as 2025-02-03T09:30:00Z (date, "T", time to the second, "Z"), got a text of 16 characters'
 * )
 * ```
 *
 * @category decoding
 * @since 0.1.0
 */ export const decodeHistory = (input: unknown): Problem.Result<ReadonlyArray<Event>> => decodeEvents(input)

/**
 * Encodes events to their JSON form.
 *
 * @category encoding
 * @since 0.1.0
 */ export const encodeHistory: (events: ReadonlyArray<Event>) => ReadonlyArray<Events.EventEncoded> =
  Schema.encodeSync(Schema.Array(Events.Event))

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
 */ export const next: (state: CaseState | undefined) => ReadonlyArray<Events.EventKind> = State.next

const isEvent = (u: unknown): boolean =>
  typeof u === "object" && u !== null && "_tag" in u && "eventId" in u && "caseId" in u

/**
 * Applies one event to the state of its case (`undefined` before the first
 * event), or returns the problem that keeps it from applying (as a
 * non-empty list, the shape every lifecycle of the library shares). Dual:
 * `pipe(state, TakingCharge.apply(event))` reads the same. Never
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
 * assert.strictEqual(result.left[0].code, "demand-without-need")
 * assert.strictEqual(result.left[0].eventId, "ev-3")
 * ```
 *
 * @category calculators
 * @since 0.1.0
 */ export const apply: {
  (
    event: Event,
    options?: Rules.Options
  ): (
    state: CaseState | undefined
  ) => Either.Either<CaseState, readonly [StepDiagnostic, ...Array<StepDiagnostic>]>
  (
    state: CaseState | undefined,
    event: Event,
    options?: Rules.Options
  ): Either.Either<CaseState, readonly [StepDiagnostic, ...Array<StepDiagnostic>]>
} = dual(
  (args) => args.length >= 2 && isEvent(args[1]),
  (state: CaseState | undefined, event: Event, options: Rules.Options = {}) =>
    Rules.applyAt(
      state,
      event,
      options.index ?? (state === undefined ? 0 : state.eventIds.length),
      options.needs
    )
)

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
 *   result.left.map((p) => [p.code, p.eventId, p.index]),
 *   [["time-goes-back", "ev-3", 2]]
 * )
 * assert.deepStrictEqual(TakingCharge.replay(history.slice(0, 2)).pipe(Either.map((s) => s?.stage)), Either.right("demand"))
 * ```
 *
 * @category calculators
 * @since 0.1.0
 */ export const replay: (
  events: Iterable<Event>,
  options?: Omit<Rules.Options, "index">
) => Either.Either<CaseState | undefined, readonly [StepDiagnostic, ...Array<StepDiagnostic>]> = Replay.replay

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
 */ export const replayAll: (
  events: Iterable<Event>,
  options?: Omit<Rules.Options, "index">
) => Replay.Replayed = Replay.replayAll

/**
 * The trace of a history: each step with its time, its actor, its kind and
 * the stage it reaches, in the order of the history (what an auditor reads
 * back, move 6 of seed 001: "tracciabilità delle procedure e delle
 * responsabilità degli attori").
 *
 * @category calculators
 * @since 0.1.0
 */ export const trace: (events: Iterable<Event>) => ReadonlyArray<Trace.Step> = Trace.trace

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
 */ export const formatStep: (step: Trace.Step, lang: Lang) => string = Trace.formatStep

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
 *     contribution: [Resource.unsafeMake("competence", 10)],
 *     benefits: [Resource.unsafeMake("economic", 600)]
 *   }
 * })
 * assert.deepStrictEqual(p, { kind: "co-produced", contribution: ["competence"], benefits: ["economic"] })
 * ```
 *
 * @category getters
 * @since 0.1.0
 */ export const personalisation: (state: Pick<CaseState, "choice">) => Personalisation.Personalisation =
  Personalisation.personalisation

const decodeOne = Decoder.lazy(Events.Event)

/**
 * Decodes one event of a case from unknown input (parsed JSON), with every
 * problem at once, each with its path; unknown properties are problems.
 * Never throws. {@link decodeHistory} decodes a list; {@link replay} checks
 * the order.
 *
 * @category decoding
 * @since 0.3.0
 */
export const decode = (input: unknown): Problem.Result<Event> => decodeOne(input)

/**
 * {@link decode} as an `Effect` that fails with a `Problem.ValidationError`.
 *
 * @category decoding
 * @since 0.3.0
 */
export const decodeEffect: (input: unknown) => Effect.Effect<Event, Problem.ValidationError> =
  toEffect(decode)

/**
 * Encodes one event to its JSON form.
 *
 * @category encoding
 * @since 0.3.0
 */
export const encode: (event: Event) => Events.EventEncoded = Schema.encodeSync(Events.Event)

/**
 * Builds an event from typed fields without checking them, for trusted
 * builders (fixtures, generators, code that built it from checked values);
 * {@link make} is the checked way.
 *
 * @category constructors
 * @since 0.3.0
 */
export const unsafeMake = (event: Event): Event => event

const checkEvent = validator(Events.Event)

/**
 * Builds an event from typed fields, checked against its schema: the event
 * or every problem with its path. Whether it may follow the case's history
 * is {@link apply}'s question.
 *
 * @category constructors
 * @since 0.3.0
 */
export const make = (event: Event): Problem.Result<Event> => checkEvent(event)

/**
 * The module's words in Italian and English: the entity's name and its main
 * fields (events, stages, outcomes and problems have their own tables).
 *
 * @category labels
 * @since 0.3.0
 */
export const labels: Labels<"event" | "events" | "case" | "at" | "by"> = {
  event: { it: "Evento della presa in carico", en: "Taking-charge event" },
  events: { it: "Eventi della presa in carico", en: "Taking-charge events" },
  case: { it: "Caso", en: "Case" },
  at: { it: "Quando", en: "When" },
  by: { it: "Chi", en: "By" }
}
