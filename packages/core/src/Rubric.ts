/**
 * Rubrics: the weights of the traits and of the dimensions, and the class
 * thresholds, that turn observed traits into a profile. The default rubric is
 * derived from the seeds (see `Trait`); users can supply their own, checked by
 * {@link make} and {@link decode}, which report every problem at once:
 * negative or non-finite weights, unknown trait ids, a dimension that could
 * not reach one of its poles, thresholds out of order.
 *
 * @since 0.1.0
 */
import * as Either from "effect/Either"
import * as Schema from "effect/Schema"
import * as Dimension from "./Dimension.js"
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
}

/**
 * The default rubric: the catalogue's weights (2 for a trait of the first
 * paragraph of its cell in seed 000, 1 otherwise), the seven dimensions
 * weighing the same, and the index split in thirds (transitional from 1/3,
 * generative from 2/3).
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
  thresholds: { transitional: 1 / 3, generative: 2 / 3 }
}

/**
 * The class of an index under a rubric's thresholds. Monotone: a higher index
 * never has a lower class.
 *
 * @category classification
 * @since 0.1.0
 */
export const classify = (index: number, rubric: Pick<Rubric, "thresholds"> = defaultRubric): Class =>
  index >= rubric.thresholds.generative
    ? "generative"
    : index >= rubric.thresholds.transitional
      ? "transitional"
      : "traditional"

/**
 * The rank of a class: 0 traditional, 1 transitional, 2 generative.
 *
 * @category classification
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
 * non-finite or out of order (`0 < transitional <= generative <= 1`); a
 * version other than the catalogue's.
 *
 * @category validation
 * @since 0.1.0
 */
export const validate = (rubric: Rubric): Array<Problem.Problem> => {
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
    thresholds: { ...defaultRubric.thresholds, ...input.thresholds }
  }
  return Problem.fromProblems(rubric, [...out, ...validate(rubric)])
}

const decodeInput = Problem.decoder(RubricInput)

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
  const compiled: Compiled = {
    rubric,
    weights,
    dimensionOf,
    generative,
    dimensionWeights,
    totalDimensionWeight
  }
  cache.set(rubric, compiled)
  return compiled
}
