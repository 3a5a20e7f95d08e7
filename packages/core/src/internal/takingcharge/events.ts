/**
 * The events of a taking-charge history: ids, enumerations and the six
 * tagged events of the path need, demand, choice, community response,
 * review, closing.
 * @internal
 */
import * as Schema from "effect/Schema"
import * as Actor from "../../Actor.js"
import { NeedId } from "../../Need.js"
import { PersonId } from "../../Person.js"
import * as Resource from "../../Resource.js"
import * as Timestamp from "../../Timestamp.js"
import { id, literals, optional } from "../schema.js"

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

const nonEmpty = <S extends Schema.Schema.Any>(item: S, message: string) =>
  Schema.Array(item).pipe(Schema.filter((a) => a.length > 0 || message, { jsonSchema: { minItems: 1 } }))

const header = {
  eventId: EventId,
  caseId: CaseId,
  at: Timestamp.Timestamp,
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
