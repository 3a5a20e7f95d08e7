/**
 * The rules of a taking-charge path: the problems an event can have, and the
 * step that applies one event to the state of its case (one function per
 * kind of event), never half-applying it.
 * @internal
 */
import * as Either from "effect/Either"
import type { NeedId } from "../../Need.js"
import type * as Problem from "../../Problem.js"
import * as Lifecycle from "../lifecycle/kernel.js"
import type {
  CaseId,
  ChoiceMade,
  Closed,
  CommunityResponseLinked,
  DemandExpressed,
  Event,
  EventId,
  EventKind,
  NeedRecorded,
  Reviewed
} from "./events.js"
import { fieldOf, message, source } from "./message.js"
import { type CaseState, next, rank, type Stage, stageOfEvent } from "./state.js"

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
 * A problem of one event in its history, as a `Problem.Diagnostic` (code:
 * its kind; severity: always `error`; path: the event's index in the list
 * replayed, and its field where it helps; source: the seed rule of the
 * traceable path) with which event (by id and index), its case, and the
 * kinds of event that were allowed at that point. `need` names the need at
 * fault for `unknown-need`, `need-not-in-case` and `need-already-recorded`.
 *
 * @category models
 * @since 0.3.0
 */
export interface StepDiagnostic extends Problem.Diagnostic<StepProblemKind> {
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

/** The result of applying one event: the new state, or its problem. */
export type Applied = Lifecycle.Applied<CaseState, StepDiagnostic>

/** The diagnostic of one event's problem, whole (its sentence and path computed once). */
export const diagnose = (
  kind: StepProblemKind,
  event: Pick<Event, "eventId" | "caseId">,
  index: number,
  allowed: ReadonlyArray<EventKind>,
  need?: NeedId
): StepDiagnostic => {
  const facts =
    need === undefined
      ? { eventId: event.eventId, caseId: event.caseId, allowed }
      : { eventId: event.eventId, caseId: event.caseId, allowed, need }
  return {
    code: kind,
    severity: "error",
    path: [index, ...fieldOf[kind]],
    message: message({ code: kind, ...facts }),
    source,
    ...facts,
    index
  }
}

const fail = (
  kind: StepProblemKind,
  event: Event,
  index: number,
  allowed: ReadonlyArray<EventKind>,
  need?: NeedId
): Applied => Lifecycle.fail(diagnose(kind, event, index, allowed, need))

const transitionProblem = (state: CaseState | undefined, event: Event): StepProblemKind | undefined => {
  const allowed = next(state)
  if (allowed.includes(event._tag)) return undefined
  if (state === undefined) return "demand-without-need"
  if (event._tag === "ChoiceMade" && state.stage === "need") return "choice-without-demand"
  if (rank[stageOfEvent[event._tag]] < rank[state.stage]) return "step-goes-back"
  return "out-of-order"
}

// Every state is built here, with all its fields in one order (one hidden class, fast replays).
const advance = (s: CaseState, event: Event, stage: Stage, change: Partial<CaseState>): Applied =>
  Either.right({
    caseId: s.caseId,
    stage,
    person: "person" in change ? change.person : s.person,
    needs: change.needs ?? s.needs,
    demand: change.demand ?? s.demand,
    choice: "choice" in change ? change.choice : s.choice,
    responses: change.responses ?? s.responses,
    reviews: change.reviews ?? s.reviews,
    closed: "closed" in change ? change.closed : s.closed,
    openedAt: s.openedAt,
    lastAt: event.at,
    eventIds: [...s.eventIds, event.eventId]
  })

/** What the rules of one kind of event read. */
interface Context {
  readonly s: CaseState
  readonly index: number
  readonly allowed: ReadonlyArray<EventKind>
  readonly knownNeeds: ReadonlySet<string> | undefined
}

const open = (x: Omit<Context, "s">, event: NeedRecorded): Applied => {
  if (x.knownNeeds !== undefined && !x.knownNeeds.has(event.need))
    return fail("unknown-need", event, x.index, x.allowed, event.need)
  return Either.right({
    caseId: event.caseId,
    stage: "need",
    person: event.person,
    needs: [event.need],
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

const needRecorded = (x: Context, event: NeedRecorded): Applied => {
  const { s, index, allowed } = x
  if (x.knownNeeds !== undefined && !x.knownNeeds.has(event.need))
    return fail("unknown-need", event, index, allowed, event.need)
  if (s.needs.includes(event.need)) return fail("need-already-recorded", event, index, allowed, event.need)
  if (event.person !== undefined && s.person !== undefined && event.person !== s.person)
    return fail("other-person", event, index, allowed)
  return advance(s, event, "need", { person: s.person ?? event.person, needs: [...s.needs, event.need] })
}

const demandExpressed = (x: Context, event: DemandExpressed): Applied => {
  for (const need of event.needs)
    if (!x.s.needs.includes(need)) return fail("need-not-in-case", event, x.index, x.allowed, need)
  return advance(x.s, event, "demand", { demand: [...event.needs] })
}

/** The rules and the new state of each kind of event, once the path allows it (a table). */
const byKind: { readonly [K in EventKind]: (x: Context, event: Extract<Event, { _tag: K }>) => Applied } = {
  NeedRecorded: needRecorded,
  DemandExpressed: demandExpressed,
  ChoiceMade: ({ s }, e: ChoiceMade) =>
    advance(s, e, "choice", {
      choice: { at: e.at, by: e.by, contribution: e.contribution, benefits: e.benefits }
    }),
  CommunityResponseLinked: ({ s }, e: CommunityResponseLinked) =>
    advance(s, e, "response", {
      responses: [...s.responses, { at: e.at, by: e.by, actors: e.actors, resources: e.resources }]
    }),
  Reviewed: ({ s }, e: Reviewed) =>
    advance(s, e, "review", { reviews: [...s.reviews, { at: e.at, by: e.by, outcome: e.outcome }] }),
  Closed: ({ s }, e: Closed) => advance(s, e, "closed", { closed: { at: e.at, by: e.by, reason: e.reason } })
}

/** The problem an event has in any open case, before the rules of its kind. */
const sequenceProblem = (state: CaseState, event: Event): StepProblemKind | undefined => {
  if (event.caseId !== state.caseId) return "other-case"
  if (state.stage === "closed") return "after-close"
  if (state.eventIds.includes(event.eventId)) return "duplicate-event"
  if (event.at < state.lastAt) return "time-goes-back"
  return undefined
}

/**
 * Applies one event at `index` to the state of its case (`undefined` before
 * its first event), or returns its problem.
 */
export const applyAt = (
  state: CaseState | undefined,
  event: Event,
  index: number,
  knownNeeds: ReadonlySet<string> | undefined
): Applied => {
  const allowed = next(state)
  const wrong =
    (state === undefined ? undefined : sequenceProblem(state, event)) ?? transitionProblem(state, event)
  if (wrong !== undefined) return fail(wrong, event, index, allowed)
  // transitionProblem lets only NeedRecorded open a case
  if (state === undefined) return open({ index, allowed, knownNeeds }, event as NeedRecorded)
  return (byKind[event._tag] as (x: Context, event: Event) => Applied)(
    { s: state, index, allowed, knownNeeds },
    event
  )
}
