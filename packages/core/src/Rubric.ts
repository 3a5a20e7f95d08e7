/**
 * Rubrics: the weights of the traits and of the dimensions, the class
 * thresholds and the evidence settings (minimum coverage, minimum depth, the
 * ranking rule of recommendations, the sensitivity analysis) that turn
 * observed traits into a profile. The seeds give no number: every number of
 * the default rubric is an **editorial** choice of this library, listed with
 * its reason in {@link provenance} (and in the guide "The framework"), and
 * `Sensitivity` shows how much a verdict depends on them. Users can supply
 * their own rubric, checked by
 * {@link make} and {@link decode}, which report every problem at once:
 * negative or non-finite weights, unknown trait ids, a dimension that could
 * not reach one of its poles, thresholds out of order.
 *
 * @since 0.1.0
 */

import type * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Schema from "effect/Schema"
import * as Decoder from "./Decoder.js"
import * as Dimension from "./Dimension.js"
import { referencesNothing, toEffect } from "./internal/contract.js"
import { optional } from "./internal/schema.js"
import type { Labels } from "./Label.js"
import * as Problem from "./Problem.js"
import * as Trait from "./Trait.js"

/**
 * Every class, from traditional to generative.
 *
 * @category constants
 * @since 0.1.0
 */
export const classes = ["traditional", "transitional", "generative"] as const

/**
 * The class of a profile: traditional, transitional or generative.
 *
 * @category models
 * @since 0.1.0
 */
export type Class = (typeof classes)[number]

/**
 * Every verdict: a class, or `insufficient-evidence` when too little was
 * observed to say (FRAMEWORK section 5: "too little evidence gives no class,
 * never a middle class").
 *
 * @category constants
 * @since 0.2.0
 */
export const verdicts = ["insufficient-evidence", ...classes] as const

/**
 * The verdict of a profile: a class, or `insufficient-evidence`.
 *
 * @category models
 * @since 0.2.0
 */
export type Verdict = (typeof verdicts)[number]

/**
 * Italian and English labels of the verdicts.
 *
 * @category labels
 * @since 0.2.0
 */
export const verdictLabels: Labels<Verdict> = {
  "insufficient-evidence": { it: "Evidenze insufficienti", en: "Insufficient evidence" },
  traditional: { it: "Tradizionale", en: "Traditional" },
  transitional: { it: "In transizione", en: "Transitional" },
  generative: { it: "Generativo", en: "Generative" }
}

/**
 * How recommendations are ranked:
 * - `seed-priorities` (default): the changes the seeds put first (co-design
 *   with the recipients, the needs analysis co-designed, the citizens' and
 *   the community's own resources, the path of responsibility: priority 1 in
 *   `Trait.Action`) before the others; within a priority, by the gain of
 *   index plus the gain of depth;
 * - `index-gain`: by the gain of index alone (the 0.1 behaviour).
 *
 * @category models
 * @since 0.2.0
 */
export type Ranking = "seed-priorities" | "index-gain"

/**
 * The settings of the sensitivity analysis: each trait weight and dimension
 * weight is multiplied by a factor drawn uniformly in `[1 - spread, 1 +
 * spread]`, each threshold moved by up to `thresholdSpread`, `draws` times,
 * from the pseudo-random `seed` (reproducible). A verdict is robust when at
 * least `robustShare` of the draws give the same verdict.
 *
 * @category models
 * @since 0.2.0
 */
export interface SensitivitySettings {
  readonly spread: number
  readonly thresholdSpread: number
  readonly draws: number
  readonly seed: number
  readonly robustShare: number
}

/**
 * How a profile's evidence is judged before it is classed:
 * - `minCoverage`: the least coverage (weight of the traits whose facts are
 *   recorded over all the weight of the catalogue) with which a class is given;
 * - `minDimensions`: the least number of observed dimensions;
 * - `minDepth`: the least depth (generative weight present over generative
 *   weight available) with which an index at the generative threshold gives
 *   the generative class; below it, the class is transitional;
 * - `contradiction`: the severity of a declared fact that the records contradict.
 *
 * @category models
 * @since 0.2.0
 */
export interface EvidenceSettings {
  readonly minCoverage: number
  readonly minDimensions: number
  readonly minDepth: number
  readonly contradiction: "error" | "warning"
}

/**
 * Italian and English labels of the classes.
 *
 * @category labels
 * @since 0.1.0
 */
export const classLabels: Labels<Class> = {
  traditional: { it: "Tradizionale", en: "Traditional" },
  transitional: { it: "In transizione", en: "Transitional" },
  generative: { it: "Generativo", en: "Generative" }
}

/**
 * The class thresholds: an index below `transitional` is traditional, an
 * index at or above `generative` is generative, anything between is
 * transitional. Valid when `0 < transitional <= generative <= 1`.
 *
 * @category models
 * @since 0.1.0
 */
export interface Thresholds {
  readonly transitional: number
  readonly generative: number
}

/**
 * A rubric: one weight per trait, one per dimension, and the class thresholds.
 *
 * @category models
 * @since 0.1.0
 */
export interface Rubric {
  readonly version: string
  readonly weights: { readonly [K in Trait.TraitId]: number }
  readonly dimensionWeights: { readonly [D in Dimension.Dimension]: number }
  readonly thresholds: Thresholds
  readonly evidence: EvidenceSettings
  readonly ranking: Ranking
  readonly sensitivity: SensitivitySettings
}

/**
 * The default rubric, every number editorial (see {@link provenance}): the
 * catalogue's weights (2 for a trait of the first paragraph of its cell in
 * seed 000, 1 otherwise), the seven dimensions weighing the same, the index
 * split in thirds (transitional from 1/3, generative from 2/3), a class only
 * with coverage of at least 0.5 over at least 4 dimensions, the generative
 * class only with depth of at least 0.5, recommendations by the seeds'
 * priorities, and a sensitivity analysis of 1,000 draws with weights within
 * plus or minus 50% and thresholds within plus or minus 0.05.
 *
 * @example
 * ```ts
 * import * as assert from "node:assert"
 * import { Rubric } from "@welfare/core"
 *
 * assert.strictEqual(Rubric.defaultRubric.weights["responsibility-path"], 2)
 * assert.strictEqual(Rubric.classify(0.7, Rubric.defaultRubric), "generative")
 * assert.strictEqual(Rubric.classify(0.5, Rubric.defaultRubric), "transitional")
 * ```
 *
 * @category constants
 * @since 0.1.0
 */
export const defaultRubric: Rubric = {
  version: Trait.version,
  weights: Object.fromEntries(Trait.catalogue.map((t) => [t.id, t.weight])) as Rubric["weights"],
  dimensionWeights: Object.fromEntries(Dimension.values.map((d) => [d, 1])) as Rubric["dimensionWeights"],
  thresholds: { transitional: 1 / 3, generative: 2 / 3 },
  evidence: { minCoverage: 0.5, minDimensions: 4, minDepth: 0.5, contradiction: "warning" },
  ranking: "seed-priorities",
  sensitivity: { spread: 0.5, thresholdSpread: 0.05, draws: 1000, seed: 20150512, robustShare: 0.95 }
}

/**
 * One number (or rule) of the default rubric and where it comes from.
 *
 * @category models
 * @since 0.2.0
 */
export interface Setting {
  readonly name: string
  readonly value: string
  readonly provenance: Trait.Provenance
}

const editorial = (it: string, en: string): Trait.Provenance => ({ kind: "editorial", rationale: { it, en } })

/**
 * Where every number and rule of the default rubric comes from: no number is
 * given by the seeds, so each is `editorial`, with its reason; the ranking
 * rule of recommendations quotes the seed row it follows. The trait weights
 * carry their own provenance (`Trait.weightProvenance`).
 *
 * @example
 * ```ts
 * import * as assert from "node:assert"
 * import { Rubric } from "@welfare/core"
 *
 * // Every number is editorial; only the ranking rule quotes a seed.
 * assert.ok(Rubric.provenance.every((s) => s.provenance.kind === "editorial" || s.name === "ranking"))
 * assert.ok(Rubric.provenance.some((s) => s.name === "evidence.minCoverage"))
 * ```
 *
 * @category constants
 * @since 0.2.0
 */
export const provenance: ReadonlyArray<Setting> = [
  {
    name: "weights",
    value: "2 or 1",
    provenance: editorial(
      "2 per un tratto del primo paragrafo della cella (seme 000), che definisce il polo; 1 per i paragrafi successivi.",
      "2 for a trait of the first paragraph of its cell (seed 000), which defines the pole; 1 for later paragraphs."
    )
  },
  {
    name: "dimensionWeights",
    value: "1 each",
    provenance: editorial(
      "La tabella del seme 000 non ordina le sette dimensioni per importanza: pesano uguale.",
      "The table of seed 000 does not rank its seven dimensions: they weigh the same."
    )
  },
  {
    name: "thresholds",
    value: "1/3, 2/3",
    provenance: editorial(
      "L'indice è diviso in terzi: nessuna fonte dà soglie; i terzi non privilegiano alcuna classe.",
      "The index is split in thirds: no source gives thresholds; thirds favour no class."
    )
  },
  {
    name: "evidence.minCoverage",
    value: "0.5",
    provenance: editorial(
      "Una classe richiede che sia registrata almeno metà del peso dei tratti: con meno, la maggior parte del quadro resta ignota.",
      "A class needs at least half of the traits' weight recorded: with less, most of the picture is unknown."
    )
  },
  {
    name: "evidence.minDimensions",
    value: "4",
    provenance: editorial(
      "Una classe richiede la maggioranza delle sette dimensioni osservata.",
      "A class needs a majority of the seven dimensions observed."
    )
  },
  {
    name: "evidence.minDepth",
    value: "0.5",
    provenance: editorial(
      "Il polo generativo richiede almeno metà del peso generativo disponibile: un solo tratto per dimensione mostra una direzione, non la profondità.",
      "The generative class needs at least half of the generative weight available: one trait per dimension shows direction, not depth."
    )
  },
  {
    name: "mixedDegree",
    value: String(Trait.mixedDegree),
    provenance: editorial(
      "Un valore misto («entrambi») è metà evidenza per ciascun polo.",
      "A mixed value («both») is half evidence for each pole."
    )
  },
  {
    name: "hourValue",
    value: `${Trait.hourValue} euro`,
    provenance: editorial(
      "Per confrontare denaro e tempo donato: l'ordine di grandezza di un'ora di lavoro sociale in Italia.",
      "To compare money and time given: the order of magnitude of an hour of social work in Italy."
    )
  },
  {
    name: "ranking",
    value: "seed-priorities",
    provenance: {
      kind: "seed",
      quote:
        "gli stakeholder coinvolti devono avere pari dignità nelle fasi di ideazione, costruzione e realizzazione di progettualità",
      source: { file: "003_5df635cd6d484fa5.txt", row: 51 }
    }
  },
  {
    name: "sensitivity",
    value: "1000 draws, weights x[0.5, 1.5], thresholds +-0.05, robust at 95%",
    provenance: editorial(
      "Ogni numero editoriale può ragionevolmente variare della metà; un verdetto è robusto se 19 estrazioni su 20 lo confermano.",
      "Each editorial number may reasonably vary by half; a verdict is robust when 19 draws in 20 confirm it."
    )
  }
]

/**
 * The class of an index under a rubric's thresholds. Monotone: a higher index
 * never has a lower class.
 *
 * @category calculators
 * @since 0.1.0
 */
export const classify = (index: number, rubric: Pick<Rubric, "thresholds"> = defaultRubric): Class =>
  index >= rubric.thresholds.generative
    ? "generative"
    : index >= rubric.thresholds.transitional
      ? "transitional"
      : "traditional"

/**
 * What a verdict reads of a profile: its index (undefined when no dimension is
 * observed), depth, coverage and the number of observed dimensions.
 *
 * @category models
 * @since 0.2.0
 */
export interface Reading {
  readonly index: number | undefined
  readonly depth: number
  readonly coverage: number
  readonly observedDimensions: number
}

/**
 * The verdict on a reading under a rubric: `insufficient-evidence` when its
 * coverage is below `evidence.minCoverage` or fewer than
 * `evidence.minDimensions` dimensions are observed; otherwise the class of its
 * index, except that an index at the generative threshold with depth below
 * `evidence.minDepth` is transitional (balance is not depth).
 *
 * @example
 * ```ts
 * import * as assert from "node:assert"
 * import { Rubric } from "@welfare/core"
 *
 * assert.strictEqual(Rubric.verdict({ index: 1, depth: 0.9, coverage: 0.8, observedDimensions: 7 }), "generative")
 * assert.strictEqual(Rubric.verdict({ index: 1, depth: 0.2, coverage: 0.8, observedDimensions: 7 }), "transitional")
 * assert.strictEqual(Rubric.verdict({ index: 1, depth: 0.2, coverage: 0.3, observedDimensions: 7 }), "insufficient-evidence")
 * ```
 *
 * @category calculators
 * @since 0.2.0
 */
export const verdict = (
  reading: Reading,
  rubric: Pick<Rubric, "thresholds" | "evidence"> = defaultRubric
): Verdict => {
  const { index, depth, coverage, observedDimensions } = reading
  if (
    index === undefined ||
    coverage < rubric.evidence.minCoverage ||
    observedDimensions < rubric.evidence.minDimensions
  )
    return "insufficient-evidence"
  const c = classify(index, rubric)
  return c === "generative" && depth < rubric.evidence.minDepth ? "transitional" : c
}

/**
 * The rank of a verdict: -1 for insufficient evidence, then 0 traditional,
 * 1 transitional, 2 generative.
 *
 * @category calculators
 * @since 0.2.0
 */
export const verdictRank = (v: Verdict): number => verdicts.indexOf(v) - 1

/**
 * The rank of a class: 0 traditional, 1 transitional, 2 generative.
 *
 * @category calculators
 * @since 0.1.0
 */
export const rank = (c: Class): number => classes.indexOf(c)

/**
 * The input of {@link make}: any part of a rubric, the rest taken from the
 * default rubric. Weights may name trait ids not in the catalogue: they are
 * reported, not ignored.
 *
 * @category models
 * @since 0.1.0
 */
export const RubricInput = Schema.Struct({
  version: optional(Schema.String),
  weights: optional(Schema.Record({ key: Schema.String, value: Schema.Number })),
  dimensionWeights: optional(Schema.Record({ key: Schema.String, value: Schema.Number })),
  thresholds: optional(
    Schema.Struct({ transitional: optional(Schema.Number), generative: optional(Schema.Number) })
  ),
  evidence: optional(
    Schema.Struct({
      minCoverage: optional(Schema.Number),
      minDimensions: optional(Schema.Number),
      minDepth: optional(Schema.Number),
      contradiction: optional(Schema.Literal("error", "warning"))
    })
  ),
  ranking: optional(Schema.Literal("seed-priorities", "index-gain")),
  sensitivity: optional(
    Schema.Struct({
      spread: optional(Schema.Number),
      thresholdSpread: optional(Schema.Number),
      draws: optional(Schema.Number),
      seed: optional(Schema.Number),
      robustShare: optional(Schema.Number)
    })
  )
}).annotations({ identifier: "RubricInput", title: "Rubric" })

/**
 * @category models
 * @since 0.1.0
 */
export interface RubricInput extends Schema.Schema.Type<typeof RubricInput> {}

const weightProblem = (w: number, path: ReadonlyArray<Problem.PathSegment>): Array<Problem.Problem> =>
  Number.isFinite(w) && w >= 0
    ? []
    : [
        Problem.make(
          "invalid-value",
          path,
          `expected a finite, non-negative weight, got ${w}: use 0 to ignore a trait, a positive number to count it`
        )
      ]

/**
 * Every problem of a rubric, at once: a negative or non-finite weight; no
 * dimension weighing anything; a dimension whose traditional (or generative)
 * traits all weigh zero, so that it could never reach that pole; thresholds
 * non-finite or out of order (`0 < transitional <= generative <= 1`);
 * evidence and sensitivity settings out of range; a version other than the
 * catalogue's.
 *
 * @category validation
 * @since 0.1.0
 */
export const validate = (rubric: Rubric): Array<Problem.ProblemDiagnostic> =>
  Problem.asDiagnostics(rulesOf(rubric), "Rubric (the library's settings rules)")

const rulesOf = (rubric: Rubric): Array<Problem.Problem> => {
  const out: Array<Problem.Problem> = []
  if (rubric.version !== Trait.version)
    out.push(
      Problem.make(
        "invalid-value",
        ["version"],
        `this rubric was written for catalogue version "${rubric.version}", but the catalogue is version "${Trait.version}": review the weights and set version to "${Trait.version}"`
      )
    )
  for (const t of Trait.catalogue) out.push(...weightProblem(rubric.weights[t.id], ["weights", t.id]))
  for (const d of Dimension.values)
    out.push(...weightProblem(rubric.dimensionWeights[d], ["dimensionWeights", d]))
  if (!Dimension.values.some((d) => rubric.dimensionWeights[d] > 0))
    out.push(
      Problem.make(
        "rule",
        ["dimensionWeights"],
        "every dimension weighs zero, so no index can be computed: give at least one dimension a positive weight"
      )
    )
  for (const d of Dimension.values)
    for (const pole of Dimension.poles)
      if (!Trait.of(d, pole).some((t) => rubric.weights[t.id] > 0))
        out.push(
          Problem.make(
            "rule",
            ["weights"],
            `every ${pole} trait of the dimension "${d}" weighs zero, so it could never reach its ${pole} pole: give one of ${Trait.of(
              d,
              pole
            )
              .map((t) => t.id)
              .join(", ")} a positive weight`
          )
        )
  const { transitional, generative } = rubric.thresholds
  if (!Number.isFinite(transitional) || transitional <= 0 || transitional > 1)
    out.push(
      Problem.make(
        "invalid-value",
        ["thresholds", "transitional"],
        `expected a threshold greater than 0 and at most 1, got ${transitional}`
      )
    )
  if (!Number.isFinite(generative) || generative <= 0 || generative > 1)
    out.push(
      Problem.make(
        "invalid-value",
        ["thresholds", "generative"],
        `expected a threshold greater than 0 and at most 1, got ${generative}`
      )
    )
  const unit = (x: number, path: ReadonlyArray<Problem.PathSegment>, what: string) => {
    if (!Number.isFinite(x) || x < 0 || x > 1)
      out.push(Problem.make("invalid-value", path, `expected ${what} from 0 to 1, got ${x}`))
  }
  const whole = (x: number, min: number, max: number, path: ReadonlyArray<Problem.PathSegment>) => {
    if (!Number.isInteger(x) || x < min || x > max)
      out.push(Problem.make("invalid-value", path, `expected a whole number from ${min} to ${max}, got ${x}`))
  }
  unit(rubric.evidence.minCoverage, ["evidence", "minCoverage"], "a coverage")
  whole(rubric.evidence.minDimensions, 0, Dimension.values.length, ["evidence", "minDimensions"])
  unit(rubric.evidence.minDepth, ["evidence", "minDepth"], "a depth")
  unit(rubric.sensitivity.spread, ["sensitivity", "spread"], "a spread")
  unit(rubric.sensitivity.thresholdSpread, ["sensitivity", "thresholdSpread"], "a spread")
  whole(rubric.sensitivity.draws, 1, 1_000_000, ["sensitivity", "draws"])
  whole(rubric.sensitivity.seed, 0, 2 ** 32 - 1, ["sensitivity", "seed"])
  unit(rubric.sensitivity.robustShare, ["sensitivity", "robustShare"], "a share")
  if (Number.isFinite(transitional) && Number.isFinite(generative) && transitional > generative)
    out.push(
      Problem.make(
        "out-of-order",
        ["thresholds"],
        `the transitional threshold (${transitional}) is above the generative one (${generative}): the classes must go traditional < transitional <= generative, so swap them or lower transitional`
      )
    )
  return out
}

/**
 * Builds a rubric from any part of one (the rest from {@link defaultRubric}),
 * or returns every problem: unknown trait ids or dimensions, then
 * {@link validate}.
 *
 * @example
 * ```ts
 * import * as assert from "node:assert"
 * import { Either } from "effect"
 * import { Rubric } from "@welfare/core"
 *
 * const result = Rubric.make({
 *   weights: { "designed-with": -1, "made-up": 2 },
 *   thresholds: { transitional: 0.8, generative: 0.6 }
 * })
 * assert.ok(Either.isLeft(result))
 * assert.deepStrictEqual(result.left.map((p) => p.code), ["unknown-reference", "invalid-value", "out-of-order"])
 * ```
 *
 * @category constructors
 * @since 0.1.0
 */
export const make = (input: RubricInput): Problem.Result<Rubric> => {
  const { rubric, problems } = assemble(input)
  return Problem.fromProblems(rubric, [...problems, ...rulesOf(rubric)])
}

/**
 * Builds a rubric from its input without checking it, for trusted builders
 * (the settings a program wrote itself): the defaults fill what the input
 * leaves out, and an unknown trait or dimension in the weights is ignored.
 * {@link make} is the checked way.
 *
 * @category constructors
 * @since 0.3.0
 */
export const unsafeMake = (input: RubricInput): Rubric => assemble(input).rubric

const assemble = (
  input: RubricInput
): { readonly rubric: Rubric; readonly problems: Array<Problem.Problem> } => {
  const out: Array<Problem.Problem> = []
  const weights: Record<string, number> = { ...defaultRubric.weights }
  for (const [k, w] of Object.entries(input.weights ?? {})) {
    if (Trait.isTraitId(k)) weights[k] = w
    else
      out.push(
        Problem.make(
          "unknown-reference",
          ["weights", k],
          `no trait of catalogue version ${Trait.version} has the id "${k}": use one of the ids in Trait.ids`
        )
      )
  }
  const dimensionWeights: Record<string, number> = { ...defaultRubric.dimensionWeights }
  for (const [k, w] of Object.entries(input.dimensionWeights ?? {})) {
    if ((Dimension.values as ReadonlyArray<string>).includes(k)) dimensionWeights[k] = w
    else
      out.push(
        Problem.make(
          "unknown-reference",
          ["dimensionWeights", k],
          `no dimension is called "${k}": use one of ${Dimension.values.join(", ")}`
        )
      )
  }
  const rubric: Rubric = {
    version: input.version ?? Trait.version,
    weights: weights as Rubric["weights"],
    dimensionWeights: dimensionWeights as Rubric["dimensionWeights"],
    thresholds: { ...defaultRubric.thresholds, ...input.thresholds },
    evidence: { ...defaultRubric.evidence, ...input.evidence },
    ranking: input.ranking ?? defaultRubric.ranking,
    sensitivity: { ...defaultRubric.sensitivity, ...input.sensitivity }
  }
  return { rubric, problems: out }
}

const decodeInput = Decoder.lazy(RubricInput)

/**
 * Decodes unknown input (for example a JSON file) into a rubric, or returns
 * every problem. Never throws.
 *
 * @category decoding
 * @since 0.1.0
 */
export const decode = (input: unknown): Problem.Result<Rubric> => Either.flatMap(decodeInput(input), make)

/**
 * A rubric precompiled into arrays, so that assessing is a tight loop. Build
 * it with {@link compile}; assessing functions compile (and cache) it for you.
 *
 * @category models
 * @since 0.1.0
 */
export interface Compiled {
  readonly rubric: Rubric
  /** The weight of each trait, in catalogue order. */
  readonly weights: Float64Array
  /** The dimension index (in `Dimension.values`) of each trait. */
  readonly dimensionOf: Uint8Array
  /** 1 for a generative trait, 0 for a traditional one. */
  readonly generative: Uint8Array
  /** The weight of each dimension, in `Dimension.values` order. */
  readonly dimensionWeights: Float64Array
  /** The sum of the dimension weights. */
  readonly totalDimensionWeight: number
  /** The weight of every trait of each dimension (what coverage divides by). */
  readonly available: Float64Array
  /** The weight of the generative traits of each dimension (what depth divides by). */
  readonly availableGenerative: Float64Array
}

const cache = new WeakMap<Rubric, Compiled>()

/**
 * Precompiles a rubric into arrays (cached per rubric object).
 *
 * @category constructors
 * @since 0.1.0
 */
export const compile = (rubric: Rubric): Compiled => {
  const hit = cache.get(rubric)
  if (hit !== undefined) return hit
  const n = Trait.catalogue.length
  const weights = new Float64Array(n)
  const dimensionOf = new Uint8Array(n)
  const generative = new Uint8Array(n)
  Trait.catalogue.forEach((t, i) => {
    weights[i] = rubric.weights[t.id]
    dimensionOf[i] = Dimension.values.indexOf(t.dimension)
    generative[i] = t.pole === "generative" ? 1 : 0
  })
  const dimensionWeights = new Float64Array(Dimension.values.map((d) => rubric.dimensionWeights[d]))
  let totalDimensionWeight = 0
  for (const w of dimensionWeights) totalDimensionWeight += w
  const available = new Float64Array(Dimension.values.length)
  const availableGenerative = new Float64Array(Dimension.values.length)
  for (let i = 0; i < n; i++) {
    available[dimensionOf[i]!]! += weights[i]!
    if (generative[i] === 1) availableGenerative[dimensionOf[i]!]! += weights[i]!
  }
  const compiled: Compiled = {
    rubric,
    weights,
    dimensionOf,
    generative,
    dimensionWeights,
    totalDimensionWeight,
    available,
    availableGenerative
  }
  cache.set(rubric, compiled)
  return compiled
}

/**
 * {@link decode} as an `Effect` that fails with a `Problem.ValidationError`.
 *
 * @category decoding
 * @since 0.2.0
 */
export const decodeEffect: (input: unknown) => Effect.Effect<Rubric, Problem.ValidationError> =
  toEffect(decode)

/**
 * The encoded (JSON) form of a rubric: its input, every setting given.
 *
 * @category models
 * @since 0.3.0
 */
export interface RubricEncoded extends Schema.Schema.Encoded<typeof RubricInput> {}

/**
 * Encodes a rubric to its JSON form, every setting written out: decoding it
 * gives the same rubric back.
 *
 * @category encoding
 * @since 0.3.0
 */
export const encode = (rubric: Rubric): RubricEncoded => encodeInput(rubric)

const encodeInput = Schema.encodeSync(RubricInput)

/**
 * The dangling ids of a rubric: always none, since a rubric references no
 * entity (its trait and dimension ids are checked by {@link make}). Here for
 * the module contract.
 *
 * @category validation
 * @since 0.3.0
 */
export const referenceProblems: (
  rubric: Rubric,
  known?: unknown,
  path?: ReadonlyArray<Problem.PathSegment>
) => Array<Problem.Problem> = referencesNothing

/**
 * The module's words in Italian and English: the entity's name and its
 * settings (verdicts and classes have their own tables).
 *
 * @category labels
 * @since 0.3.0
 */
export const labels: Labels<
  "rubric" | "weights" | "dimensionWeights" | "thresholds" | "evidence" | "ranking"
> = {
  rubric: { it: "Rubrica di valutazione", en: "Rubric" },
  weights: { it: "Pesi dei tratti", en: "Trait weights" },
  dimensionWeights: { it: "Pesi delle dimensioni", en: "Dimension weights" },
  thresholds: { it: "Soglie delle classi", en: "Class thresholds" },
  evidence: { it: "Requisiti di evidenza", en: "Evidence settings" },
  ranking: { it: "Ordinamento delle raccomandazioni", en: "Ranking of recommendations" }
}
