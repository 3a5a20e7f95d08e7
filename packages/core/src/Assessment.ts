/**
 * The assessment: places an intervention on each of the seven dimensions of
 * seed 000, from traditional (0) to generative (1), says how much of the
 * evidence it rests on, explains every point of the score with the seed's own
 * words and the provenance of each fact, gives a verdict, compares two
 * profiles and recommends the changes that would make it more generative.
 *
 * How a profile is computed (see also the guide "The framework"):
 * - the facts of the intervention are read by the trait catalogue: each
 *   trait present to a degree `d` with rubric weight `w` brings `w * d` to
 *   its pole on its dimension; a trait is *observed* when a fact it reads is
 *   recorded, even to degree 0;
 * - a dimension's **coverage** is the weight of its observed traits over the
 *   weight of all its traits; its **position** (balance) is `G / (G + T)`, the
 *   generative weight present over all the weight present, and its **depth**
 *   `G` over the generative weight available. A dimension with nothing
 *   observed is **unobserved**: it has no position and is left out of the
 *   index (it is not 0.5);
 * - the **index** is the weighted mean of the positions of the observed
 *   dimensions (undefined when none is); **coverage** and **depth** of the
 *   profile are the weighted means over all seven dimensions;
 * - the **verdict** (`Rubric.verdict`) is `insufficient-evidence` below the
 *   rubric's minimum coverage, otherwise the class of the index, with the
 *   generative class only at the rubric's minimum depth.
 *
 * Every evidence item names its trait, dimension, pole, weight (with its
 * provenance), degree, seed source, and whether the facts behind it were
 * declared or derived from the territory's records (with the record ids);
 * the `indexContribution`s of the evidence sum to the index, and
 * `provenance` splits it between derived and declared evidence.
 *
 * Try it in the page: the playground's "Assess an intervention"
 * (`playground/assess.html` of the API site). In a browser bundle, import the
 * module alone (`@welfare/core/Assessment`): it leaves the others out.
 *
 * @example
 * ```ts
 * import * as assert from "node:assert"
 * import * as Assessment from "@welfare/core/Assessment"
 * import * as Intervention from "@welfare/core/Intervention"
 *
 * // A home-care service as the seed's traditional column describes it.
 * const service = {
 *   id: Intervention.InterventionId.make("int-sad"),
 *   designed: "by-for",
 *   delivery: "request-benefit",
 *   governance: "vertical",
 *   userRole: "passive-beneficiary",
 *   operatorRole: "specialist",
 *   access: "overt-need-only"
 * } as const
 * const profile = Assessment.assess(service)
 * assert.strictEqual(profile.index, 0)
 * // Six facts cover a quarter of the evidence: too little for a class.
 * assert.strictEqual(profile.class, "insufficient-evidence")
 * // The first recommendation: design it with the people it is for.
 * const [first] = Assessment.recommend(service)
 * assert.strictEqual(first?.trait, "designed-with")
 * const after = Assessment.assess(Assessment.applyRecommendation(service, first!))
 * assert.strictEqual(after.index, 0.25)
 * ```
 *
 * The implementation lives in `internal/assessment/` (model, score,
 * compare); this module is its public face, with the recommendations.
 *
 * @since 0.1.0
 */
import { dual } from "effect/Function"
import type * as Dimension from "./Dimension.js"
import type * as Intervention from "./Intervention.js"
import { assess, catalogue } from "./internal/assessment/score.js"
import type { Text } from "./Label.js"
import * as Rubric from "./Rubric.js"
import * as Trait from "./Trait.js"

export type { Comparison, DimensionChange } from "./internal/assessment/compare.js"
export { compare } from "./internal/assessment/compare.js"
export type {
  DimensionScore,
  Evidence,
  EvidenceProvenance,
  Observation,
  Profile,
  ProvenanceSummary
} from "./internal/assessment/model.js"
export type { Kernel } from "./internal/assessment/score.js"
export {
  assess,
  assessIn,
  assessResolved,
  classify,
  compute,
  fromObservations,
  isObserved,
  kernel,
  observe,
  read
} from "./internal/assessment/score.js"

/**
 * A recommended change: the generative trait it makes present, the change of
 * facts (`patch`) that does it, the gain of index and of depth it brings,
 * its priority by the seeds, who could act on it (actor kinds) and why (the
 * seed's words).
 *
 * @category models
 * @since 0.1.0
 */
export interface Recommendation {
  readonly trait: Trait.TraitId
  readonly dimension: Dimension.Dimension
  /** The gain of index (0 when the index was or stays undefined). */
  readonly gain: number
  /** The gain of depth. */
  readonly depthGain: number
  /** 1 for the changes the seeds put first, 2 for the others. */
  readonly priority: 1 | 2
  readonly actors: ReadonlyArray<Trait.Action["actors"][number]>
  readonly why: Text
  readonly whySource: Dimension.Source
  readonly text: Text
  readonly change: Text
  readonly source: Dimension.Source
  readonly patch: Trait.Patch
}

const defaultAction = (t: Trait.Trait): Trait.Action => ({
  priority: 2,
  actors: [],
  why: t.text,
  source: t.source
})

/**
 * The generative traits an intervention misses (or shows only in part), each
 * with the change of facts that makes it present, ranked by the rubric's
 * `ranking` rule: by default (`seed-priorities`) the changes the seeds put
 * first (co-design with the recipients and the needs analysis read with them,
 * the citizens' and the community's own resources, the path of
 * responsibility) before the others, and within a priority by the gain of
 * index plus the gain of depth (ties in catalogue order); `index-gain` ranks
 * by the index gain alone. Only changes that raise the index or the depth are
 * listed; each gain is exactly what {@link applyRecommendation} then {@link assess} would show.
 *
 * @example
 * ```ts
 * import * as assert from "node:assert"
 * import { Assessment, Intervention } from "@welfare/core"
 *
 * const service = { id: Intervention.InterventionId.make("int-1"), delivery: "request-benefit", access: "overt-need-only" } as const
 * const [first] = Assessment.recommend(service)
 * assert.ok(first !== undefined && first.priority === 1)
 * const after = Assessment.assess(Assessment.applyRecommendation(service, first))
 * assert.ok(Math.abs((after.index ?? 0) - (Assessment.assess(service).index ?? 0) - first.gain) < 1e-12)
 * ```
 *
 * @category calculators
 * @since 0.1.0
 */
export const recommend = (
  intervention: Intervention.InterventionInput,
  rubric: Rubric.Rubric = Rubric.defaultRubric
): ReadonlyArray<Recommendation> => {
  const before = assess(intervention, rubric)
  const base = before.index
  const baseDepth = before.depth
  const out: Array<Recommendation> = []
  for (const trait of catalogue) {
    if (trait.promote === undefined || trait.change === undefined) continue
    if (trait.degree(intervention) >= 1) continue
    const patch = trait.promote(intervention)
    const after = assess(Trait.applyPatch(intervention, patch), rubric)
    const gain = base === undefined || after.index === undefined ? 0 : after.index - base
    const depthGain = after.depth - baseDepth
    if (gain > 0 || depthGain > 0) {
      const action = trait.action ?? defaultAction(trait)
      out.push({
        trait: trait.id,
        dimension: trait.dimension,
        gain,
        depthGain,
        priority: action.priority,
        actors: action.actors,
        why: action.why,
        whySource: action.source,
        text: trait.text,
        change: trait.change,
        source: trait.source,
        patch
      })
    }
  }
  const order = (r: Recommendation) => Trait.ids.indexOf(r.trait)
  return rubric.ranking === "index-gain"
    ? out.sort((x, y) => y.gain - x.gain || y.depthGain - x.depthGain || order(x) - order(y))
    : out.sort(
        (x, y) =>
          x.priority - y.priority || y.gain + y.depthGain - (x.gain + x.depthGain) || order(x) - order(y)
      )
}

/**
 * Applies a recommendation to an intervention's facts: the facts with the
 * recommendation's patch set. Dual: `pipe(facts,
 * Assessment.applyRecommendation(r))` reads the same. (Named apart from the
 * lifecycles' `apply`, which appends an event to a history.)
 *
 * @category combinators
 * @since 0.3.0
 */
export const applyRecommendation: {
  (
    recommendation: Pick<Recommendation, "patch">
  ): <I extends Intervention.InterventionInput>(intervention: I) => I
  <I extends Intervention.InterventionInput>(
    intervention: I,
    recommendation: Pick<Recommendation, "patch">
  ): I
} = dual(
  2,
  <I extends Intervention.InterventionInput>(
    intervention: I,
    recommendation: Pick<Recommendation, "patch">
  ): I => Trait.applyPatch(intervention, recommendation.patch)
)
