/**
 * The state of a taking-charge case: the stages of the path, the state
 * after its events, and the kinds of event each stage allows next.
 * @internal
 */
import type * as Actor from "../../Actor.js"
import type { NeedId } from "../../Need.js"
import type { PersonId } from "../../Person.js"
import type * as Resource from "../../Resource.js"
import type { Timestamp } from "../../Timestamp.js"
import type { CaseId, CloseReason, EventId, EventKind, ReviewOutcome } from "./events.js"

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

export const rank: { readonly [S in Stage]: number } = {
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

export const next = (state: CaseState | undefined): ReadonlyArray<EventKind> =>
  state === undefined ? opening : allowedAfter[state.stage]
