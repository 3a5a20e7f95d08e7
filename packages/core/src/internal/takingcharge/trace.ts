/**
 * The trace of a taking-charge history: one step per event.
 * @internal
 */
import type * as Actor from "../../Actor.js"
import type { Lang } from "../../Label.js"
import type { Timestamp } from "../../Timestamp.js"
import * as Lifecycle from "../lifecycle/kernel.js"
import type { CaseId, CloseReason, Event, EventId, EventKind, ReviewOutcome } from "./events.js"
import { closeReasonLabels, eventLabels, reviewOutcomeLabels } from "./labels.js"
import { type Stage, stageOfEvent } from "./state.js"

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

export const trace = (events: Iterable<Event>): ReadonlyArray<Step> =>
  Lifecycle.trace(events, (event, index) => ({
    index,
    eventId: event.eventId,
    caseId: event.caseId,
    at: event.at,
    by: event.by,
    kind: event._tag,
    stage: stageOfEvent[event._tag],
    refs: refsOf(event)
  }))

export const formatStep = (step: Step, lang: Lang): string => {
  const refs =
    step.kind === "Reviewed"
      ? [reviewOutcomeLabels[step.refs[0] as ReviewOutcome][lang]]
      : step.kind === "Closed"
        ? [closeReasonLabels[step.refs[0] as CloseReason][lang]]
        : step.refs
  return `${step.at}  ${step.by}  ${eventLabels[step.kind][lang]}${refs.length > 0 ? ` [${refs.join(", ")}]` : ""}`
}
