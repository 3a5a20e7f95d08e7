/**
 * How much a verdict depends on the editorial numbers. The seeds give the
 * traits, not their weights nor the class thresholds (see `Rubric.provenance`):
 * the sensitivity analysis redraws every trait weight and dimension weight
 * within a documented range and moves the thresholds a little, many times
 * from a fixed seed, and reports how far the index moves and how often the
 * verdict stays the same. A verdict that survives 95% of the draws (the
 * rubric's `sensitivity.robustShare`) is *robust*; otherwise it is *fragile*
 * and reports should say so.
 *
 * The analysis is deterministic: the same profile, rubric and settings give
 * the same result on every machine (a 32-bit xorshift generator seeded from
 * `sensitivity.seed`).
 *
 * @since 0.2.0
 */
import * as Assessment from "./Assessment.js"
import * as Dimension from "./Dimension.js"
import type { Labels } from "./Label.js"
import * as Rubric from "./Rubric.js"
import * as Trait from "./Trait.js"

/**
 * The result of a sensitivity analysis of one profile.
 *
 * - `index`: the index under the rubric (`base`), its least and greatest
 *   value over the draws and the 5th and 95th percentiles (all undefined when
 *   no dimension is observed);
 * - `verdicts`: the share of draws giving each verdict;
 * - `stability`: the share of draws giving the base verdict;
 * - `robust`: whether that share reaches the rubric's `robustShare`.
 *
 * @category models
 * @since 0.2.0
 */
export interface Sensitivity {
  readonly draws: number
  readonly seed: number
  readonly spread: number
  readonly thresholdSpread: number
  readonly verdict: Rubric.Verdict
  readonly index: {
    readonly base: number | undefined
    readonly min: number | undefined
    readonly max: number | undefined
    readonly p05: number | undefined
    readonly p95: number | undefined
  }
  readonly verdicts: { readonly [V in Rubric.Verdict]: number }
  readonly stability: number
  readonly robust: boolean
}

/**
 * Italian and English labels of robust and fragile verdicts.
 *
 * @category labels
 * @since 0.2.0
 */
export const robustnessLabels: Labels<"robust" | "fragile"> = {
  robust: { it: "Robusto rispetto alle scelte editoriali", en: "Robust to the editorial choices" },
  fragile: { it: "Fragile rispetto alle scelte editoriali", en: "Fragile to the editorial choices" }
}

// xorshift32: tiny, fast and the same everywhere.
const generator = (seed: number) => {
  let x = seed >>> 0 || 0x9e3779b9
  return (): number => {
    x ^= x << 13
    x >>>= 0
    x ^= x >>> 17
    x ^= x << 5
    x >>>= 0
    return x / 4294967296
  }
}

const n = Trait.catalogue.length
const nd = Dimension.values.length

const percentile = (sorted: Float64Array, p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.max(0, Math.round(p * (sorted.length - 1))))]!

/**
 * The most interventions times draws an analysis of a territory's reading
 * computes: beyond it the number of draws is lowered (never below 50, or the
 * settings' draws if fewer) and said in the result's `draws`.
 *
 * @category constants
 * @since 0.2.0
 */
export const budget = 2_000_000

/**
 * Analyses how much the interventions' reading of a territory (or one
 * profile, a reading of one) depends on the rubric's editorial numbers: in
 * each draw every intervention is scored again from its observed traits, each
 * dimension is the mean position of the interventions that observe it, and
 * the verdict is given on the mean coverage and depth, as
 * `TerritoryAssessment.assessTerritory` does. `base` is the reading's index
 * and verdict under the rubric itself.
 *
 * @example
 * ```ts
 * import * as assert from "node:assert"
 * import { Assessment, Sensitivity } from "@welfare/core"
 * import { interventions } from "@welfare/core/testing"
 *
 * const profiles = [interventions.traditional, interventions.generative].map((i) => Assessment.assess(i))
 * const s = Sensitivity.analyseReading(profiles.map((p) => p.observed), { index: 0.5, class: "transitional" })
 * // One intervention at each pole: the reading sits in the middle whatever the weights.
 * assert.strictEqual(s.verdict, "transitional")
 * ```
 *
 * @category calculators
 * @since 0.2.0
 */
export const analyseReading = (
  observations: ReadonlyArray<ReadonlyArray<Assessment.Observation>>,
  base: { readonly index: number | undefined; readonly class: Rubric.Verdict },
  rubric: Rubric.Rubric = Rubric.defaultRubric,
  options: Partial<Rubric.SensitivitySettings> = {}
): Sensitivity => {
  const settings = { ...rubric.sensitivity, ...options }
  const m = observations.length
  const draws = Math.max(
    Math.min(50, settings.draws),
    Math.min(settings.draws, Math.floor(budget / Math.max(1, m)))
  )
  const c = Rubric.compile(rubric)
  const { degrees, seen } = observed(observations)
  const random = generator(settings.seed)
  const buffers = drawBuffers(draws)
  const tally: Record<Rubric.Verdict, number> = {
    "insufficient-evidence": 0,
    traditional: 0,
    transitional: 0,
    generative: 0
  }
  for (let draw = 0; draw < draws; draw++)
    tally[drawOnce(buffers, degrees, seen, c, rubric, settings, random)]++
  const defined = buffers.defined
  const sorted = buffers.indices.subarray(0, defined).sort()
  const verdicts = Object.fromEntries(
    Rubric.verdicts.map((v) => [v, draws > 0 ? tally[v] / draws : 0])
  ) as Sensitivity["verdicts"]
  const stability = verdicts[base.class]
  return {
    draws,
    seed: settings.seed,
    spread: settings.spread,
    thresholdSpread: settings.thresholdSpread,
    verdict: base.class,
    index: {
      base: base.index,
      min: defined > 0 ? sorted[0] : undefined,
      max: defined > 0 ? sorted[defined - 1] : undefined,
      p05: defined > 0 ? percentile(sorted, 0.05) : undefined,
      p95: defined > 0 ? percentile(sorted, 0.95) : undefined
    },
    verdicts,
    stability,
    robust: stability >= settings.robustShare
  }
}

/** Each profile's observations as degrees and an observed mask (catalogue order). */
const observed = (
  observations: ReadonlyArray<ReadonlyArray<Assessment.Observation>>
): { readonly degrees: Array<Float64Array>; readonly seen: Array<Uint8Array> } => {
  const degrees = observations.map(() => new Float64Array(n))
  const seen = observations.map(() => new Uint8Array(n))
  observations.forEach((obs, j) => {
    for (const o of obs) {
      const i = Trait.ids.indexOf(o.trait)
      if (i >= 0) {
        seen[j]![i] = 1
        degrees[j]![i] = o.degree
      }
    }
  })
  return { degrees, seen }
}

/** The arrays of the draws, allocated once; `indices[0 .. defined)` are the defined indices drawn so far. */
interface DrawBuffers {
  readonly weights: Float64Array
  readonly dimensionWeights: Float64Array
  readonly sums: Float64Array
  readonly counts: Int32Array
  readonly k: Assessment.Kernel
  readonly indices: Float64Array
  defined: number
}

const drawBuffers = (draws: number): DrawBuffers => ({
  weights: new Float64Array(n),
  dimensionWeights: new Float64Array(nd),
  sums: new Float64Array(nd),
  counts: new Int32Array(nd),
  k: Assessment.kernel(),
  indices: new Float64Array(draws),
  defined: 0
})

/**
 * One draw: weights and thresholds perturbed (in this order, from `random`),
 * the reading recomputed over every profile; records its index and returns
 * its verdict.
 */
const drawOnce = (
  b: DrawBuffers,
  degrees: ReadonlyArray<Float64Array>,
  seen: ReadonlyArray<Uint8Array>,
  c: Rubric.Compiled,
  rubric: Rubric.Rubric,
  settings: Rubric.SensitivitySettings,
  random: () => number
): Rubric.Verdict => {
  const { weights, dimensionWeights, sums, counts, k } = b
  const m = degrees.length
  const factor = () => 1 - settings.spread + 2 * settings.spread * random()
  for (let i = 0; i < n; i++) weights[i] = c.weights[i]! * factor()
  for (let d = 0; d < nd; d++) dimensionWeights[d] = c.dimensionWeights[d]! * factor()
  const shift = () => (2 * random() - 1) * settings.thresholdSpread
  const transitional = Math.min(1, Math.max(1e-9, rubric.thresholds.transitional + shift()))
  const generative = Math.min(1, Math.max(transitional, rubric.thresholds.generative + shift()))
  sums.fill(0)
  counts.fill(0)
  let coverage = 0
  let depth = 0
  for (let j = 0; j < m; j++) {
    Assessment.compute(degrees[j]!, seen[j]!, weights, dimensionWeights, c, k)
    for (let d = 0; d < nd; d++)
      if (!Number.isNaN(k.positions[d]!)) {
        sums[d]! += k.positions[d]!
        counts[d]!++
      }
    coverage += k.coverage
    depth += k.depth
  }
  let weighted = 0
  let observedWeight = 0
  let observedDimensions = 0
  for (let d = 0; d < nd; d++)
    if (counts[d]! > 0) {
      weighted += dimensionWeights[d]! * (sums[d]! / counts[d]!)
      observedWeight += dimensionWeights[d]!
      observedDimensions++
    }
  const index = observedWeight > 0 ? Math.min(1, Math.max(0, weighted / observedWeight)) : undefined
  if (index !== undefined) b.indices[b.defined++] = index
  return Rubric.verdict(
    { index, coverage: m > 0 ? coverage / m : 0, depth: m > 0 ? depth / m : 0, observedDimensions },
    { thresholds: { transitional, generative }, evidence: rubric.evidence }
  )
}

/**
 * Analyses how much a profile's index and verdict depend on the rubric's
 * editorial numbers (see {@link Sensitivity}): {@link analyseReading} of a
 * reading of one. The profile must have been computed under the same rubric;
 * only its observed traits and their degrees are read. Options override the
 * rubric's `sensitivity` settings.
 *
 * @example
 * ```ts
 * import * as assert from "node:assert"
 * import { Assessment, Sensitivity } from "@welfare/core"
 * import { interventions } from "@welfare/core/testing"
 *
 * const generative = Assessment.assess(interventions.generative)
 * const s = Sensitivity.analyse(generative)
 * assert.strictEqual(s.verdict, "generative")
 * assert.strictEqual(s.robust, true)
 * // Reproducible: the same seed gives the same draws.
 * assert.deepStrictEqual(Sensitivity.analyse(generative), s)
 * ```
 *
 * @category calculators
 * @since 0.2.0
 */
export const analyse = (
  profile: Pick<Assessment.Profile, "observed" | "class" | "index">,
  rubric: Rubric.Rubric = Rubric.defaultRubric,
  options: Partial<Rubric.SensitivitySettings> = {}
): Sensitivity => analyseReading([profile.observed], profile, rubric, options)
