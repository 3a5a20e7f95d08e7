/**
 * Replaying taking-charge histories: one case (the fold of the step of
 * `rules.ts`), or a flat stream of many interleaved cases.
 * @internal
 */
import * as Either from "effect/Either"
import type { Timestamp } from "../../Timestamp.js"
import * as Lifecycle from "../lifecycle/kernel.js"
import type { CaseId, CloseReason, Event } from "./events.js"
import { hasPersonContribution } from "./personalisation.js"
import { type Applied, applyAt, diagnose, type Options, type StepDiagnostic } from "./rules.js"
import { type CaseState, next } from "./state.js"

export const replay = (
  events: Iterable<Event>,
  options: Omit<Options, "index"> = {}
): Either.Either<CaseState | undefined, Lifecycle.Diagnostics<StepDiagnostic>> => {
  let caseId: CaseId | undefined
  const step = (state: CaseState | undefined, event: Event, index: number): Applied => {
    if (caseId === undefined) caseId = event.caseId
    if (event.caseId !== caseId) return Lifecycle.fail(diagnose("other-case", event, index, next(state)))
    return applyAt(state, event, index, options.needs)
  }
  const { state, problems } = Lifecycle.fold<CaseState | undefined, Event, StepDiagnostic>(
    step,
    undefined,
    events
  )
  return Lifecycle.result(state, problems)
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
  readonly problems: ReadonlyArray<StepDiagnostic>
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

export const replayAll = (events: Iterable<Event>, options: Omit<Options, "index"> = {}): Replayed => {
  const open = new Map<CaseId, CaseState>()
  const closed = new Map<CaseId, ClosedSummary>()
  const problems: Array<StepDiagnostic> = []
  let index = 0
  for (const event of events) {
    if (closed.has(event.caseId)) {
      problems.push(diagnose("after-close", event, index, []))
    } else {
      const result = applyAt(open.get(event.caseId), event, index, options.needs)
      if (Either.isLeft(result)) problems.push(...result.left)
      else if (result.right.stage === "closed") {
        open.delete(event.caseId)
        closed.set(event.caseId, summarise(result.right))
      } else open.set(event.caseId, result.right)
    }
    index++
  }
  return { open, closed, problems, events: index }
}
