/**
 * The assessment: places an intervention on each of the seven dimensions of
 * seed 000, from traditional (0) to generative (1), explains every point of
 * the score with the seed's own words, classifies it, compares two profiles
 * and recommends the changes that would make it more generative.
 *
 * How a profile is computed (see also the guide "The framework"):
 * - the facts of the intervention are read by the trait catalogue: each
 *   trait present to a degree `d` (usually 1) with rubric weight `w` brings
 *   `w * d` to its pole on its dimension;
 * - a dimension's position is `G / (G + T)`, the generative weight present
 *   over all the weight present; when no trait of a dimension is observed
 *   (`G + T = 0`) the position is the neutral 0.5 and the dimension is marked
 *   `observed: false`;
 * - the index is the weighted mean of the positions (dimension weights of the
 *   rubric), and the class follows from the rubric's thresholds.
 *
 * Every evidence item names its trait, dimension, pole, weight, degree and
 * seed source; its `contribution` (for generative traits) is the part of the
 * position it brings, so the contributions of a dimension sum to its position.
 *
 * @since 0.1.0
 */
import { dual } from "effect/Function"
import * as Dimension from "./Dimension.js"
import type * as Intervention from "./Intervention.js"
import type { Text } from "./Label.js"
import * as Rubric from "./Rubric.js"
import * as Trait from "./Trait.js"

/**
 * A trait observed in some facts, to a degree in (0, 1].
 *
 * @category models
 * @since 0.1.0
 */
export interface Observation {
  readonly trait: Trait.TraitId
  readonly degree: number
}

/**
 * One evidence item: a trait observed, what it weighs, and the part of the
 * score it explains.
 *
 * - `share`: its weight present over all the weight present on its dimension
 *   (the shares of a dimension sum to 1);
 * - `contribution`: the part of the dimension's position it brings (its share
 *   for a generative trait, 0 for a traditional one): the contributions of a
 *   dimension sum to its position;
 * - `indexContribution`: its contribution to the overall index.
 *
 * @category models
 * @since 0.1.0
 */
export interface Evidence {
  readonly trait: Trait.TraitId
  readonly dimension: Dimension.Dimension
  readonly pole: Dimension.Pole
  readonly weight: number
  readonly degree: number
  readonly share: number
  readonly contribution: number
  readonly indexContribution: number
  readonly source: Dimension.Source
  readonly text: Text
}

/**
 * The position of a profile on one dimension, with its evidence.
 *
 * @category models
 * @since 0.1.0
 */
export interface DimensionScore {
  readonly dimension: Dimension.Dimension
  /** In [0, 1]: 0 traditional, 1 generative; 0.5 when nothing was observed. */
  readonly position: number
  /** Whether any weighed trait of the dimension was observed. */
  readonly observed: boolean
  /** The generative weight present. */
  readonly generative: number
  /** The traditional weight present. */
  readonly traditional: number
  readonly evidence: ReadonlyArray<Evidence>
}

/**
 * The profile of an intervention: a position per dimension, an overall index
 * in [0, 1], a class, and every evidence item behind them (in catalogue order).
 * `neutral` is the part of the index due to unobserved dimensions (0.5 each,
 * weighted), so that `index = neutral + sum of indexContribution`.
 *
 * @category models
 * @since 0.1.0
 */
export interface Profile {
  readonly intervention?: Intervention.InterventionId
  readonly dimensions: { readonly [D in Dimension.Dimension]: DimensionScore }
  readonly index: number
  readonly class: Rubric.Class
  readonly neutral: number
  readonly evidence: ReadonlyArray<Evidence>
}

const catalogue = Trait.catalogue
const n = catalogue.length
const nd = Dimension.values.length
const degreeOf = catalogue.map((t) => t.degree)

// biome-ignore lint/complexity/useMathMinMax: a NaN degree must read as 0, which Math.max would not do
const clamp01 = (x: number): number => (x > 1 ? 1 : x > 0 ? x : 0)

/**
 * The traits the facts show, in catalogue order, with their degree (only
 * those with a degree above 0).
 *
 * @category observation
 * @since 0.1.0
 */
export const observe = (facts: Intervention.InterventionInput): ReadonlyArray<Observation> => {
  const out: Array<Observation> = []
  for (let i = 0; i < n; i++) {
    const d = clamp01(degreeOf[i]!(facts))
    if (d > 0) out.push({ trait: catalogue[i]!.id, degree: d })
  }
  return out
}

// Scratch buffers: `score` is synchronous and never re-entered, so reusing
// them keeps assessing a tight loop without changing any result.
const scratchG = new Float64Array(nd)
const scratchT = new Float64Array(nd)
const scratchDegrees = new Float64Array(n)

// The catalogue is grouped by dimension: the traits of dimension d are the
// indices [dimensionStart[d], dimensionStart[d + 1]).
const dimensionStart: ReadonlyArray<number> = Dimension.values
  .map((d) => catalogue.findIndex((t) => t.dimension === d))
  .concat([n])

const score = (
  degrees: Float64Array,
  c: Rubric.Compiled,
  id: Intervention.InterventionId | undefined
): Profile => {
  const g = scratchG
  const t = scratchT
  g.fill(0)
  t.fill(0)
  for (let i = 0; i < n; i++) {
    const wd = c.weights[i]! * degrees[i]!
    if (wd > 0) {
      if (c.generative[i] === 1) g[c.dimensionOf[i]!]! += wd
      else t[c.dimensionOf[i]!]! += wd
    }
  }
  let weighted = 0
  let neutralWeighted = 0
  const evidence: Array<Evidence> = []
  const dimensions = {} as { [D in Dimension.Dimension]: DimensionScore }
  for (let d = 0; d < nd; d++) {
    const gd = g[d]!
    const total = gd + t[d]!
    const position = total > 0 ? gd / total : 0.5
    const dw = c.dimensionWeights[d]!
    weighted += dw * position
    if (total <= 0) neutralWeighted += dw * 0.5
    const own: Array<Evidence> = []
    for (let i = dimensionStart[d]!; i < dimensionStart[d + 1]!; i++) {
      const w = c.weights[i]!
      const degree = degrees[i]!
      if (w * degree > 0) {
        const trait = catalogue[i]!
        const share = (w * degree) / total
        const contribution = c.generative[i] === 1 ? share : 0
        const e: Evidence = {
          trait: trait.id,
          dimension: trait.dimension,
          pole: trait.pole,
          weight: w,
          degree,
          share,
          contribution,
          indexContribution: (contribution * dw) / c.totalDimensionWeight,
          source: trait.source,
          text: trait.text
        }
        own.push(e)
        evidence.push(e)
      }
    }
    const dimension = Dimension.values[d]!
    dimensions[dimension] = {
      dimension,
      position,
      observed: total > 0,
      generative: gd,
      traditional: t[d]!,
      evidence: own
    }
  }
  const index = clamp01(weighted / c.totalDimensionWeight)
  const profile = {
    dimensions,
    index,
    class: Rubric.classify(index, c.rubric),
    neutral: neutralWeighted / c.totalDimensionWeight,
    evidence
  }
  return id === undefined ? profile : { intervention: id, ...profile }
}

/**
 * Reads the facts of an intervention into `degrees` (catalogue order) and its
 * positions into `positions` (dimension order), returning its index: the
 * allocation-free core used by territory assessment.
 *
 * @internal
 */
export const scoreInto = (
  facts: Intervention.InterventionInput,
  c: Rubric.Compiled,
  degrees: Float64Array,
  positions: Float64Array,
  observed: Uint8Array
): number => {
  const g = scratchG
  const t = scratchT
  g.fill(0)
  t.fill(0)
  for (let i = 0; i < n; i++) {
    const d = clamp01(degreeOf[i]!(facts))
    degrees[i] = d
    const wd = c.weights[i]! * d
    if (wd > 0) {
      if (c.generative[i] === 1) g[c.dimensionOf[i]!]! += wd
      else t[c.dimensionOf[i]!]! += wd
    }
  }
  let weighted = 0
  for (let d = 0; d < nd; d++) {
    const total = g[d]! + t[d]!
    positions[d] = total > 0 ? g[d]! / total : 0.5
    observed[d] = total > 0 ? 1 : 0
    weighted += c.dimensionWeights[d]! * positions[d]!
  }
  return clamp01(weighted / c.totalDimensionWeight)
}

/**
 * The profile of a list of observations (see {@link observe}) under a rubric.
 * Useful to reason about traits directly; {@link assess} reads the facts first.
 *
 * @category assessment
 * @since 0.1.0
 */
export const fromObservations = (
  observations: ReadonlyArray<Observation>,
  rubric: Rubric.Rubric = Rubric.defaultRubric
): Profile => {
  const degrees = new Float64Array(n)
  for (const o of observations) {
    const i = Trait.ids.indexOf(o.trait)
    if (i >= 0) degrees[i] = Math.max(degrees[i]!, clamp01(o.degree))
  }
  return score(degrees, Rubric.compile(rubric), undefined)
}

/**
 * Assesses an intervention: its position on each of the seven dimensions,
 * its overall index and class, and the evidence behind every point.
 *
 * @example
 * ```ts
 * import * as assert from "node:assert"
 * import { Assessment, Intervention } from "@welfare/core"
 *
 * const profile = Assessment.assess({
 *   id: Intervention.InterventionId.make("int-contributo"),
 *   worksOn: "lack",
 *   delivery: "request-benefit",
 *   access: "overt-need-only"
 * })
 * assert.strictEqual(profile.dimensions["delivery-chain"].position, 0)
 * assert.strictEqual(profile.dimensions.organisation.observed, false)
 * assert.strictEqual(profile.class, "traditional")
 * assert.deepStrictEqual(profile.evidence.map((e) => e.trait), ["works-on-lack", "request-benefit", "overt-need-access"])
 * assert.strictEqual(profile.evidence[1]?.text.it, "Utente fa Richiesta ➔ Operatore risponde offrendo prestazioni")
 * ```
 *
 * @category assessment
 * @since 0.1.0
 */
export const assess = (
  intervention: Intervention.InterventionInput,
  rubric: Rubric.Rubric = Rubric.defaultRubric
): Profile => {
  const degrees = scratchDegrees
  for (let i = 0; i < n; i++) degrees[i] = clamp01(degreeOf[i]!(intervention))
  return score(degrees, Rubric.compile(rubric), intervention.id)
}

/**
 * The class of an index under a rubric (the default rubric when omitted).
 *
 * @category assessment
 * @since 0.1.0
 */
export const classify: (index: number, rubric?: Pick<Rubric.Rubric, "thresholds">) => Rubric.Class =
  Rubric.classify

/**
 * How one dimension changed between two profiles: `delta = to - from`, and
 * the evidence that appeared, disappeared or changed weight or degree.
 *
 * @category models
 * @since 0.1.0
 */
export interface DimensionChange {
  readonly dimension: Dimension.Dimension
  readonly from: number
  readonly to: number
  readonly delta: number
  readonly added: ReadonlyArray<Evidence>
  readonly removed: ReadonlyArray<Evidence>
  readonly changed: ReadonlyArray<{ readonly from: Evidence; readonly to: Evidence }>
}

/**
 * The comparison of two profiles (for example two years of a service, or two
 * territories): per-dimension deltas with the evidence that changed, and the
 * change of index and class.
 *
 * @category models
 * @since 0.1.0
 */
export interface Comparison {
  readonly dimensions: { readonly [D in Dimension.Dimension]: DimensionChange }
  readonly index: { readonly from: number; readonly to: number; readonly delta: number }
  readonly class: { readonly from: Rubric.Class; readonly to: Rubric.Class }
}

const compareDimension = (a: DimensionScore, b: DimensionScore): DimensionChange => {
  const before = new Map(a.evidence.map((e) => [e.trait, e]))
  const after = new Map(b.evidence.map((e) => [e.trait, e]))
  const changed: Array<{ from: Evidence; to: Evidence }> = []
  for (const e of b.evidence) {
    const old = before.get(e.trait)
    if (old !== undefined && (old.weight !== e.weight || old.degree !== e.degree))
      changed.push({ from: old, to: e })
  }
  return {
    dimension: a.dimension,
    from: a.position,
    to: b.position,
    delta: b.position - a.position,
    added: b.evidence.filter((e) => !before.has(e.trait)),
    removed: a.evidence.filter((e) => !after.has(e.trait)),
    changed
  }
}

/**
 * Compares two profiles: `delta = b - a` on every dimension and on the
 * index, with the evidence that changed. `compare(a, a)` is all zeros.
 *
 * @example
 * ```ts
 * import * as assert from "node:assert"
 * import { Assessment, Intervention } from "@welfare/core"
 *
 * const id = Intervention.InterventionId.make("int-1")
 * const before = Assessment.assess({ id, delivery: "request-benefit" })
 * const after = Assessment.assess({ id, delivery: "resources-responsibility-path" })
 * const c = Assessment.compare(before, after)
 * assert.strictEqual(c.dimensions["delivery-chain"].delta, 1)
 * assert.deepStrictEqual(c.dimensions["delivery-chain"].added.map((e) => e.trait), ["responsibility-path"])
 * ```
 *
 * @category comparison
 * @since 0.1.0
 */
export const compare: {
  (b: Profile): (a: Profile) => Comparison
  (a: Profile, b: Profile): Comparison
} = dual(2, (a: Profile, b: Profile): Comparison => {
  const dimensions = {} as { [D in Dimension.Dimension]: DimensionChange }
  for (const d of Dimension.values) dimensions[d] = compareDimension(a.dimensions[d], b.dimensions[d])
  return {
    dimensions,
    index: { from: a.index, to: b.index, delta: b.index - a.index },
    class: { from: a.class, to: b.class }
  }
})

/**
 * A recommended change: the generative trait it makes present, the change of
 * facts (`patch`) that does it, and the gain of overall index it brings.
 *
 * @category models
 * @since 0.1.0
 */
export interface Recommendation {
  readonly trait: Trait.TraitId
  readonly dimension: Dimension.Dimension
  readonly gain: number
  readonly text: Text
  readonly change: Text
  readonly source: Dimension.Source
  readonly patch: Trait.Patch
}

/**
 * The generative traits an intervention misses (or shows only in part),
 * ranked by the gain of overall index each would bring on its own (ties in
 * catalogue order). Only changes that raise the index are listed; each gain
 * is exactly what {@link apply} then {@link assess} would show.
 *
 * @example
 * ```ts
 * import * as assert from "node:assert"
 * import { Assessment, Intervention } from "@welfare/core"
 *
 * const service = { id: Intervention.InterventionId.make("int-1"), delivery: "request-benefit", access: "overt-need-only" } as const
 * const [first] = Assessment.recommend(service)
 * assert.ok(first !== undefined && first.gain > 0)
 * const after = Assessment.assess(Assessment.apply(service, first))
 * assert.ok(Math.abs(after.index - Assessment.assess(service).index - first.gain) < 1e-12)
 * ```
 *
 * @category recommendation
 * @since 0.1.0
 */
export const recommend = (
  intervention: Intervention.InterventionInput,
  rubric: Rubric.Rubric = Rubric.defaultRubric
): ReadonlyArray<Recommendation> => {
  const base = assess(intervention, rubric).index
  const out: Array<Recommendation> = []
  for (const trait of catalogue) {
    if (trait.promote === undefined || trait.change === undefined) continue
    if (trait.degree(intervention) >= 1) continue
    const patch = trait.promote(intervention)
    const gain = assess(Trait.applyPatch(intervention, patch), rubric).index - base
    if (gain > 0)
      out.push({
        trait: trait.id,
        dimension: trait.dimension,
        gain,
        text: trait.text,
        change: trait.change,
        source: trait.source,
        patch
      })
  }
  const order = (r: Recommendation) => Trait.ids.indexOf(r.trait)
  return out.sort((x, y) => y.gain - x.gain || order(x) - order(y))
}

/**
 * Applies a recommendation to an intervention's facts.
 *
 * @category recommendation
 * @since 0.1.0
 */
export const apply: {
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
