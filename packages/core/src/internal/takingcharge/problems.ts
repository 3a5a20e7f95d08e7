/**
 * Step problems as sentences and as `Problem`s, and the references of an
 * event log (the check a territory runs on its taking-charge histories).
 * @internal
 */
import * as Problem from "../../Problem.js"
import type { Event, EventKind } from "./events.js"
import { replayAll } from "./replay.js"
import type { Options, StepProblem, StepProblemKind } from "./rules.js"

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
