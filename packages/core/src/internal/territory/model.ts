import type * as Actor from "../../Actor.js"
import type * as Derivation from "../../Derivation.js"
import type * as Dimension from "../../Dimension.js"
import type * as Intervention from "../../Intervention.js"
import type { Text } from "../../Label.js"
import type * as Rubric from "../../Rubric.js"
import type * as Trait from "../../Trait.js"

/**
 * The slice of a territory the assessment reads. Every field but `actors` may
 * be absent (read as none).
 *
 * @category models
 * @since 0.1.0
 */
export interface TerritoryLike extends Derivation.Records {
  readonly actors: ReadonlyArray<{ readonly id: string; readonly kind: Actor.ActorKind }>
  readonly needs?: ReadonlyArray<{
    readonly id: string
    readonly status: string
    readonly policyAreas?: ReadonlyArray<string>
  }>
  readonly interventions?: ReadonlyArray<Intervention.InterventionInput>
  readonly partnerships?: ReadonlyArray<{
    readonly id: string
    readonly governance?: string
    readonly policyAreas?: ReadonlyArray<string>
    readonly members: ReadonlyArray<{
      readonly actor: string
      readonly commitments?: ReadonlyArray<unknown>
      readonly responsibilities?: ReadonlyArray<unknown>
    }>
  }>
  readonly takingCharge?: ReadonlyArray<Derivation.CaseEvent & { readonly actors?: ReadonlyArray<string> }>
  readonly evaluations?: ReadonlyArray<{
    readonly id: string
    readonly evaluators: ReadonlyArray<string>
    readonly finalRecipients?: { readonly count: number }
  }>
}

/**
 * A piece of evidence of a checklist item or system check: what was counted
 * (fixed wording), how many, out of how many where a share is meant, and up
 * to five example ids (the smallest, so that the evidence never depends on
 * the order of the input).
 *
 * @category models
 * @since 0.1.0
 */
export interface Count {
  readonly what: Text
  readonly count: number
  readonly of?: number
  readonly examples: ReadonlyArray<string>
}

/**
 * The status of a checklist item: met at or above its threshold, partly met
 * above zero, not met at zero.
 *
 * @category models
 * @since 0.2.0
 */
export type Status = "met" | "partly" | "not-met"

/**
 * One item of a maturity checklist: what it reads (`reads`, fixed wording),
 * its value in [0, 1], the threshold at which it is met (editorial), its
 * status, its seed source and its evidence.
 *
 * @category models
 * @since 0.1.0
 */
export interface ChecklistItem {
  readonly id: string
  readonly text: Text
  readonly reads: Text
  readonly source: Dimension.Source
  readonly value: number
  readonly threshold: number
  readonly status: Status
  /** Whether the status is `met`. */
  readonly met: boolean
  readonly evidence: ReadonlyArray<Count>
}

/**
 * A maturity checklist: its items, the mean of their values (`maturity`) and
 * how many are met, partly met and not met.
 *
 * @category models
 * @since 0.1.0
 */
export interface Checklist {
  readonly items: ReadonlyArray<ChecklistItem>
  readonly maturity: number
  readonly met: number
  readonly partly: number
}

/**
 * A system check in [0, 1] with its evidence.
 *
 * @category models
 * @since 0.1.0
 */
export interface SystemCheck {
  readonly id: "network-reach" | "network-logic" | "interventions-in-network" | "co-designed-interventions"
  readonly text: Text
  readonly source: Dimension.Source
  readonly value: number
  readonly evidence: ReadonlyArray<Count>
}

/**
 * The forms of community welfare of seed 002 (row 13), from the first rung to the last.
 *
 * @category constants
 * @since 0.1.0
 */
export const communityForms = ["demand-aggregation", "mutual-aid", "active-collaboration"] as const

/**
 * A form of community welfare.
 *
 * @category models
 * @since 0.1.0
 */
export type CommunityForm = (typeof communityForms)[number]

/**
 * The ladder of community welfare: the interventions found on each rung and
 * the highest rung reached (none when no intervention is on the ladder).
 *
 * @category models
 * @since 0.1.0
 */
export interface Ladder {
  readonly rungs: ReadonlyArray<{
    readonly form: CommunityForm
    readonly text: Text
    readonly evidence: Count
  }>
  readonly reached?: CommunityForm
}

/**
 * The interventions' reading of one dimension.
 *
 * @category models
 * @since 0.1.0
 */
export interface TerritoryDimension {
  readonly dimension: Dimension.Dimension
  /** The mean position of the interventions that observe it; undefined when none does. */
  readonly position: number | undefined
  /** How many interventions observe this dimension. */
  readonly observedIn: number
  /** The mean coverage of this dimension over all interventions. */
  readonly coverage: number
  /** The mean depth of this dimension over all interventions. */
  readonly depth: number
}

/**
 * How many interventions show a trait, with the trait's words and source.
 *
 * @category models
 * @since 0.1.0
 */
export interface TraitCount {
  readonly trait: Trait.TraitId
  readonly dimension: Dimension.Dimension
  readonly pole: Dimension.Pole
  readonly interventions: number
  readonly text: Text
  readonly source: Dimension.Source
}

/**
 * One intervention's line in a territory profile.
 *
 * @category models
 * @since 0.2.0
 */
export interface InterventionLine {
  readonly id: Intervention.InterventionId
  readonly index: number | undefined
  readonly class: Rubric.Verdict
  readonly coverage: number
  readonly depth: number
  /** The share of its weight present that rests on facts derived from the records. */
  readonly derivedShare: number
}

/**
 * The profile of a territory: the interventions' reading and the system
 * reading side by side, the verdict, the checklists and the ladder.
 *
 * @category models
 * @since 0.1.0
 */
export interface TerritoryProfile {
  readonly interventions: ReadonlyArray<InterventionLine>
  readonly dimensions: { readonly [D in Dimension.Dimension]: TerritoryDimension }
  readonly traits: ReadonlyArray<TraitCount>
  /** The interventions' reading: mean positions over the observed dimensions (undefined with none). */
  readonly interventionIndex: number | undefined
  readonly interventionClass: Rubric.Verdict
  readonly coverage: number
  readonly depth: number
  readonly system: ReadonlyArray<SystemCheck>
  readonly systemIndex: number
  readonly systemClass: Rubric.Class
  /** The mean of the two readings (undefined when the interventions' reading is). */
  readonly index: number | undefined
  readonly class: Rubric.Verdict
  /** Whether the interventions' generative class was capped at transitional because the system reading is not generative. */
  readonly capped: boolean
  /** Organisations in no generative partnership: opportunities to widen the network. */
  readonly opportunities: Count
  /** Every declared fact the records contradict, by intervention. */
  readonly contradictions: ReadonlyArray<Derivation.Contradiction>
  readonly moves: Checklist
  readonly characteristics: Checklist
  readonly ladder: Ladder
  /** Why the checklists and the verdict tell different stories, when they do. */
  readonly explanation?: Text
}
