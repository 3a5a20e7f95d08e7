/**
 * The values of an assessment: observations, evidence, dimension scores, the profile.
 * @internal
 */
import type * as Derivation from "../../Derivation.js"
import type * as Dimension from "../../Dimension.js"
import type * as Intervention from "../../Intervention.js"
import type { Text } from "../../Label.js"
import type * as Rubric from "../../Rubric.js"
import type * as Trait from "../../Trait.js"

/**
 * A trait observed in some facts, to a degree in [0, 1]. A degree of 0 says
 * the trait's facts are recorded and show it absent.
 *
 * @category models
 * @since 0.1.0
 */
export interface Observation {
  readonly trait: Trait.TraitId
  readonly degree: number
}

/**
 * Whether the facts behind an evidence item were typed by a user or read
 * from the territory's records (with the ids of those records).
 *
 * @category models
 * @since 0.2.0
 */
export type EvidenceProvenance =
  | { readonly kind: "declared" }
  | {
      readonly kind: "derived"
      readonly rules: ReadonlyArray<Derivation.Rule>
      readonly records: ReadonlyArray<string>
    }

/**
 * One evidence item: a trait present, what it weighs, and the part of the
 * score it explains.
 *
 * - `share`: its weight present over all the weight present on its dimension
 *   (the shares of a dimension sum to 1);
 * - `contribution`: the part of the dimension's position it brings (its share
 *   for a generative trait, 0 for a traditional one): the contributions of a
 *   dimension sum to its position;
 * - `indexContribution`: its contribution to the overall index (the
 *   contributions of all evidence sum to the index);
 * - `provenance`: declared, or derived from the records.
 *
 * @category models
 * @since 0.1.0
 */
export interface Evidence {
  readonly trait: Trait.TraitId
  readonly dimension: Dimension.Dimension
  readonly pole: Dimension.Pole
  readonly weight: number
  readonly weightProvenance: Trait.Provenance
  readonly degree: number
  readonly share: number
  readonly contribution: number
  readonly indexContribution: number
  readonly source: Dimension.Source
  readonly text: Text
  readonly provenance: EvidenceProvenance
}

/**
 * The reading of a profile on one dimension, with its evidence.
 *
 * @category models
 * @since 0.1.0
 */
export interface DimensionScore {
  readonly dimension: Dimension.Dimension
  /** Balance in [0, 1] (0 traditional, 1 generative); undefined when nothing was observed. */
  readonly position: number | undefined
  /** Whether any weighed trait of the dimension is present. */
  readonly observed: boolean
  /** The weight of its observed traits over the weight of all its traits, in [0, 1]. */
  readonly coverage: number
  /** The generative weight present over the generative weight available, in [0, 1]. */
  readonly depth: number
  /** The generative weight present. */
  readonly generative: number
  /** The traditional weight present. */
  readonly traditional: number
  readonly evidence: ReadonlyArray<Evidence>
}

/**
 * How the index splits between evidence derived from the records and
 * evidence declared by a user (`derived + declared = index`), and the same
 * split of the weight present.
 *
 * @category models
 * @since 0.2.0
 */
export interface ProvenanceSummary {
  readonly derived: number
  readonly declared: number
  /** The share of the weight present that rests on derived facts, in [0, 1]. */
  readonly derivedWeightShare: number
}

/**
 * The profile of an intervention: a reading per dimension, the index (the
 * balance over the observed dimensions; undefined when none is), coverage,
 * depth, the verdict, every evidence item behind them (in catalogue order),
 * the traits observed, the provenance summary, and the contradictions
 * between declared facts and the records.
 *
 * @category models
 * @since 0.1.0
 */
export interface Profile {
  readonly intervention?: Intervention.InterventionId
  readonly dimensions: { readonly [D in Dimension.Dimension]: DimensionScore }
  readonly index: number | undefined
  readonly coverage: number
  readonly depth: number
  readonly observedDimensions: number
  readonly class: Rubric.Verdict
  readonly evidence: ReadonlyArray<Evidence>
  /** The traits whose facts are recorded (present or not), in catalogue order. */
  readonly observed: ReadonlyArray<Observation>
  readonly provenance: ProvenanceSummary
  readonly contradictions: ReadonlyArray<Derivation.Contradiction>
}
