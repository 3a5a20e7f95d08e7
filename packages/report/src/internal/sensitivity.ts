/**
 * The sensitivity of a territory's interventions' reading to the rubric's
 * editorial choices: the same seeded Monte Carlo as the core's
 * `Sensitivity.analyse` (each trait and dimension weight multiplied by a
 * factor in `[1 - spread, 1 + spread]`, each threshold moved by up to
 * `thresholdSpread`), applied to the whole reading: in each draw every
 * intervention is scored again, each dimension is the mean position of the
 * interventions that observe it, and the verdict is given on the mean
 * coverage and depth, as `TerritoryAssessment.assessTerritory` does.
 *
 * The work is `draws x interventions x traits`: beyond 2,000,000
 * intervention-draws the number of draws is lowered (never below 50) and
 * said in the result's `draws`.
 *
 * @internal
 */
import { Assessment, Dimension, Rubric, type Sensitivity, Trait } from "@welfare/core"

const budget = 2_000_000

// xorshift32, as in the core's Sensitivity.
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

const percentile = (sorted: Float64Array, p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.max(0, Math.round(p * (sorted.length - 1))))]!

export const territorySensitivity = (
  observations: ReadonlyArray<ReadonlyArray<Assessment.Observation>>,
  rubric: Rubric.Rubric,
  base: { readonly index: number | undefined; readonly class: Rubric.Verdict }
): Sensitivity.Sensitivity => {
  const settings = rubric.sensitivity
  const n = Trait.ids.length
  const nd = Dimension.values.length
  const m = observations.length
  const draws = Math.max(
    Math.min(50, settings.draws),
    Math.min(settings.draws, Math.floor(budget / Math.max(1, m)))
  )
  const c = Rubric.compile(rubric)
  const degrees = observations.map((obs) => {
    const d = new Float64Array(n)
    for (const o of obs) {
      const i = Trait.ids.indexOf(o.trait)
      if (i >= 0) d[i] = o.degree
    }
    return d
  })
  const seen = observations.map((obs) => {
    const s = new Uint8Array(n)
    for (const o of obs) {
      const i = Trait.ids.indexOf(o.trait)
      if (i >= 0) s[i] = 1
    }
    return s
  })
  const random = generator(settings.seed)
  const weights = new Float64Array(n)
  const dimensionWeights = new Float64Array(nd)
  const sums = new Float64Array(nd)
  const counts = new Int32Array(nd)
  const k = Assessment.kernel()
  const indices = new Float64Array(draws)
  const verdicts: Record<Rubric.Verdict, number> = {
    "insufficient-evidence": 0,
    traditional: 0,
    transitional: 0,
    generative: 0
  }
  let defined = 0
  const factor = () => 1 - settings.spread + 2 * settings.spread * random()
  for (let draw = 0; draw < draws; draw++) {
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
    if (index !== undefined) indices[defined++] = index
    const v = Rubric.verdict(
      { index, coverage: coverage / m, depth: depth / m, observedDimensions },
      { thresholds: { transitional, generative }, evidence: rubric.evidence }
    )
    verdicts[v]++
  }
  const sorted = indices.subarray(0, defined).sort()
  const shares = Object.fromEntries(
    Rubric.verdicts.map((v) => [v, draws > 0 ? verdicts[v] / draws : 0])
  ) as Sensitivity.Sensitivity["verdicts"]
  const stability = shares[base.class]
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
    verdicts: shares,
    stability,
    robust: stability >= settings.robustShare
  }
}
