/**
 * Step problems as sentences and as `Problem`s, and the references of an
 * event log (the check a territory runs on its taking-charge histories).
 * @internal
 */
import * as Problem from "../../Problem.js"
import type { Event } from "./events.js"
import { fieldOf, message } from "./message.js"
import { replayAll } from "./replay.js"
import type { Options, StepDiagnostic, StepProblemKind } from "./rules.js"

export { message }

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

/**
 * A step problem as a {@link Problem.Problem} at `path` (where the event list
 * sits), pointing at the event's index and, where it helps, its field.
 *
 * @category conversions
 * @since 0.1.0
 */
export const toProblem = (p: StepDiagnostic, path: ReadonlyArray<string | number>): Problem.Problem =>
  Problem.make(codeOf[p.code], [...path, p.index, ...fieldOf[p.code]], message(p))

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
