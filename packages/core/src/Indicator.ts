/**
 * Indicator definitions: what is measured, kept apart from its assignments
 * (`IndicatorAssignment`) and from its measurements (`Measurement`), as the
 * Common Impact Data Standard and IATI results keep them apart.
 *
 * A definition says what one figure means: its unit, whether it is a number
 * or a judgement on an ordered scale, which direction is an improvement, how
 * the figures of several measurers add up, and where it sits in the frames of
 * the domain: a dimension of seed 000 (`Dimension`), a move of responsible welfare (seed
 * 001), an ISTAT BES domain, a generative lens, and a Results-Based
 * Accountability category (how much did we do, how well did we do it, is
 * anyone better off).
 *
 * Validators of the evaluation modules report {@link Diagnostic}s (`Problem.Diagnostic`): a code, a
 * severity, a path, an actionable sentence and the rule's source.
 *
 * @since 0.1.0
 */

import type * as Effect from "effect/Effect"
import { dual } from "effect/Function"
import * as Schema from "effect/Schema"
import * as Decoder from "./Decoder.js"
import * as Dimension from "./Dimension.js"
import { toEffect, validator } from "./internal/contract.js"
import { duplicateIds } from "./internal/integrity.js"
import { id, literals, optional, text } from "./internal/schema.js"
import type { Labels } from "./Label.js"
import * as Problem from "./Problem.js"

export {
  aggregationLabels,
  besDomainLabels,
  directionLabels,
  lensLabels,
  moveLabels,
  rbaLabels,
  unitLabels
} from "./internal/indicator/labels.js"

/**
 * The id of an indicator definition.
 *
 * @category models
 * @since 0.1.0
 */
export const IndicatorId = id("IndicatorId", "ind", "The id of an indicator definition.")

/**
 * @category models
 * @since 0.1.0
 */
export type IndicatorId = typeof IndicatorId.Type

/**
 * The units a quantitative indicator is measured in.
 *
 * @category constants
 * @since 0.1.0
 */
export const units = ["count", "person", "percent", "euro", "hour", "session", "day"] as const

/**
 * The unit of a quantitative indicator.
 *
 * @category models
 * @since 0.1.0
 */
export const Unit = literals("IndicatorUnit", units, "The unit a quantitative indicator is measured in.")

/**
 * @category models
 * @since 0.1.0
 */
export type Unit = typeof Unit.Type

/**
 * The directions of improvement: more is better, less is better, or a value
 * inside the target range is what is wanted.
 *
 * @category constants
 * @since 0.1.0
 */
export const directions = ["increase", "decrease", "target-range"] as const

/**
 * The direction of improvement of an indicator.
 *
 * @category models
 * @since 0.1.0
 */
export const Direction = literals("Direction", directions, "Which way an indicator improves.")

/**
 * @category models
 * @since 0.1.0
 */
export type Direction = typeof Direction.Type

/**
 * How the figures of one period (from several measurers or municipalities)
 * combine into its actual value.
 *
 * @category constants
 * @since 0.1.0
 */
export const aggregations = ["sum", "mean", "min", "max"] as const

/**
 * How the figures of one period combine.
 *
 * @category models
 * @since 0.1.0
 */
export const Aggregation = literals("Aggregation", aggregations, "How the figures of one period combine.")

/**
 * @category models
 * @since 0.1.0
 */
export type Aggregation = typeof Aggregation.Type

/**
 * The Results-Based Accountability categories: how much did we do, how well
 * did we do it, is anyone better off.
 *
 * @category constants
 * @since 0.1.0
 */
export const rbaCategories = ["how-much", "how-well", "better-off"] as const

/**
 * A Results-Based Accountability category.
 *
 * @category models
 * @since 0.1.0
 */
export const RbaCategory = literals(
  "RbaCategory",
  rbaCategories,
  "Results-Based Accountability: how much did we do, how well did we do it, is anyone better off."
)

/**
 * @category models
 * @since 0.1.0
 */
export type RbaCategory = typeof RbaCategory.Type

/**
 * The seven moves of responsible welfare (seed 001).
 *
 * @category constants
 * @since 0.1.0
 */
export const moves = [
  "person-activation",
  "community-activation",
  "community-actors-involvement",
  "local-networking",
  "co-action-in-governance",
  "shared-accountability",
  "personalisation"
] as const

/**
 * A move of responsible welfare (seed 001) an indicator speaks to.
 *
 * @category models
 * @since 0.1.0
 */
export const Move = literals("ResponsibleWelfareMove", moves, "A move of responsible welfare (seed 001).")

/**
 * @category models
 * @since 0.1.0
 */
export type Move = typeof Move.Type

/**
 * The twelve domains of ISTAT's BES (Benessere equo e sostenibile).
 *
 * @category constants
 * @since 0.1.0
 */
export const besDomains = [
  "health",
  "education-and-training",
  "work-and-life-balance",
  "economic-well-being",
  "social-relationships",
  "politics-and-institutions",
  "safety",
  "subjective-well-being",
  "landscape-and-cultural-heritage",
  "environment",
  "innovation-research-creativity",
  "quality-of-services"
] as const

/**
 * An ISTAT BES domain.
 *
 * @category models
 * @since 0.1.0
 */
export const BesDomain = literals(
  "BesDomain",
  besDomains,
  "A domain of ISTAT's Benessere equo e sostenibile."
)

/**
 * @category models
 * @since 0.1.0
 */
export type BesDomain = typeof BesDomain.Type

/**
 * The five verbs of Fondazione Zancan's generative welfare: collect
 * (raccogliere), redistribute (redistribuire), regenerate (rigenerare), make
 * resources yield (rendere) and make responsible (responsabilizzare).
 *
 * @category constants
 * @since 0.1.0
 */
export const lenses = ["collect", "redistribute", "regenerate", "make-yield", "make-responsible"] as const

/**
 * A generative lens (Fondazione Zancan).
 *
 * @category models
 * @since 0.1.0
 */
export const Lens = literals("GenerativeLens", lenses, "A verb of generative welfare (Fondazione Zancan).")

/**
 * @category models
 * @since 0.1.0
 */
export type Lens = typeof Lens.Type

/**
 * A text in Italian and English.
 *
 * @category models
 * @since 0.1.0
 */
export const BilingualText = Schema.Struct({
  it: text("ItalianText", "The Italian text."),
  en: text("EnglishText", "The English text.")
}).annotations({ identifier: "BilingualText", title: "BilingualText" })

/**
 * One level of a qualitative scale: a code and its labels.
 *
 * @category models
 * @since 0.1.0
 */
export const Level = Schema.Struct({
  code: id("LevelCode", "lvl", "The code of a level of a qualitative scale."),
  label: BilingualText
}).annotations({ identifier: "Level", title: "Level" })

/**
 * @category models
 * @since 0.1.0
 */
export interface Level extends Schema.Schema.Type<typeof Level> {}

const tags = {
  rba: RbaCategory,
  dimensions: optional(Schema.Array(Dimension.Dimension)),
  moves: optional(Schema.Array(Move)),
  besDomains: optional(Schema.Array(BesDomain)),
  lenses: optional(Schema.Array(Lens))
}

/**
 * A quantitative indicator: a number in its unit.
 *
 * @category models
 * @since 0.1.0
 */
export const Quantitative = Schema.Struct({
  id: IndicatorId,
  kind: Schema.Literal("quantitative"),
  label: BilingualText,
  unit: Unit,
  direction: Direction,
  aggregation: Aggregation,
  ...tags
}).annotations({ identifier: "QuantitativeIndicator", title: "QuantitativeIndicator" })

/**
 * @category models
 * @since 0.1.0
 */
export interface Quantitative extends Schema.Schema.Type<typeof Quantitative> {}

/**
 * A qualitative indicator: a judgement on an ordered scale, from the worst
 * level to the best (for `increase`) or from the best to the worst (for
 * `decrease`).
 *
 * @category models
 * @since 0.1.0
 */
export const Qualitative = Schema.Struct({
  id: IndicatorId,
  kind: Schema.Literal("qualitative"),
  label: BilingualText,
  scale: Schema.Array(Level).pipe(
    Schema.filter((levels) => {
      if (levels.length < 2) return `expected a scale of at least 2 levels, got ${levels.length}`
      const seen = new Set<string>()
      for (const [i, l] of levels.entries()) {
        if (seen.has(l.code))
          return {
            path: [i, "code"],
            message: `the level code "${l.code}" is used twice: give every level its own code`
          }
        seen.add(l.code)
      }
      return true
    })
  ),
  direction: Schema.Literal("increase", "decrease"),
  ...tags
}).annotations({ identifier: "QualitativeIndicator", title: "QualitativeIndicator" })

/**
 * @category models
 * @since 0.1.0
 */
export interface Qualitative extends Schema.Schema.Type<typeof Qualitative> {}

/**
 * An indicator definition: quantitative (a number in a unit) or qualitative
 * (a level of an ordered scale).
 *
 * @example
 * ```ts
 * import * as assert from "node:assert"
 * import { Either } from "effect"
 * import { Decoder, Indicator } from "@welfare/core"
 *
 * const decode = Decoder.lazy(Indicator.IndicatorDefinition)
 * const result = decode({
 *   id: "ind-volunteer-hours",
 *   kind: "quantitative",
 *   label: { it: "Ore di volontariato", en: "Volunteer hours" },
 *   unit: "hour",
 *   direction: "increase",
 *   aggregation: "sum",
 *   rba: "how-much",
 *   lenses: ["collect"]
 * })
 * assert.ok(Either.isRight(result))
 * ```
 *
 * @category models
 * @since 0.1.0
 */
export const IndicatorDefinition = Schema.Union(Quantitative, Qualitative).annotations({
  identifier: "IndicatorDefinition",
  title: "IndicatorDefinition",
  description: "What is measured: unit or scale, direction of improvement, labels and tags."
})

/**
 * @category models
 * @since 0.1.0
 */
export type IndicatorDefinition = Quantitative | Qualitative

/**
 * The encoded (JSON) form of an indicator definition.
 *
 * @category models
 * @since 0.1.0
 */
export type IndicatorDefinitionEncoded = Schema.Schema.Encoded<typeof IndicatorDefinition>

/**
 * The position of a level on a qualitative scale (0 for the first), or
 * `undefined` for a code the scale does not hold.
 *
 * @category getters
 * @since 0.1.0
 */
export const levelIndex: {
  (code: string): (definition: Qualitative) => number | undefined
  (definition: Qualitative, code: string): number | undefined
} = dual(2, (definition: Qualitative, code: string): number | undefined => {
  const i = definition.scale.findIndex((l) => l.code === code)
  return i < 0 ? undefined : i
})

/**
 * Every problem of a list of definitions: duplicate ids, all at once.
 *
 * @category validation
 * @since 0.1.0
 */
export const referenceProblems = (
  items: ReadonlyArray<IndicatorDefinition>,
  _known: { readonly [k: string]: ReadonlySet<string> } = {},
  path: ReadonlyArray<Problem.PathSegment> = ["indicators"]
): Array<Problem.Problem> => duplicateIds(items, (d) => d.id, path, "indicator")

/**
 * What a validator of the evaluation modules found.
 *
 * @category constants
 * @since 0.1.0
 */
export const findingCodes = [
  "unknown-indicator",
  "unknown-assignment",
  "unknown-period",
  "wrong-unit",
  "wrong-kind",
  "unknown-level",
  "period-ends-before-start",
  "overlapping-periods",
  "baseline-not-before-periods",
  "period-without-target-or-actual",
  "actual-before-period-end",
  "target-of-wrong-kind",
  "indicator-mismatch",
  "one-sector-evaluation",
  "no-final-recipients",
  "duplicate-id",
  "unknown-reference"
] as const

/**
 * The code of a finding.
 *
 * @category models
 * @since 0.1.0
 */
export const FindingCode = literals("FindingCode", findingCodes, "What a validator found.")

/**
 * @category models
 * @since 0.1.0
 */
export type FindingCode = typeof FindingCode.Type

/**
 * Italian and English labels of the finding codes.
 *
 * @category labels
 * @since 0.1.0
 */
export const findingCodeLabels: Labels<FindingCode> = {
  "unknown-indicator": { it: "Indicatore sconosciuto", en: "Unknown indicator" },
  "unknown-assignment": { it: "Assegnazione sconosciuta", en: "Unknown assignment" },
  "unknown-period": { it: "Periodo sconosciuto", en: "Unknown period" },
  "wrong-unit": { it: "Unità di misura errata", en: "Wrong unit" },
  "wrong-kind": { it: "Tipo di misura errato", en: "Wrong kind of measure" },
  "unknown-level": { it: "Livello fuori scala", en: "Level not on the scale" },
  "period-ends-before-start": {
    it: "Periodo che finisce prima di iniziare",
    en: "Period ends before it starts"
  },
  "overlapping-periods": { it: "Periodi sovrapposti", en: "Overlapping periods" },
  "baseline-not-before-periods": {
    it: "Valore di partenza non precedente",
    en: "Baseline not before the periods"
  },
  "period-without-target-or-actual": {
    it: "Periodo senza obiettivo né valore rilevato",
    en: "Period without a target or an actual"
  },
  "actual-before-period-end": {
    it: "Valore rilevato prima della fine del periodo",
    en: "Actual before the period ends"
  },
  "target-of-wrong-kind": { it: "Obiettivo di tipo errato", en: "Target of the wrong kind" },
  "indicator-mismatch": {
    it: "Indicatore diverso dall'assegnazione",
    en: "Indicator differs from the assignment"
  },
  "one-sector-evaluation": { it: "Valutazione di un solo settore", en: "Evaluation by one sector only" },
  "no-final-recipients": { it: "Destinatari finali assenti", en: "No final recipients" },
  "duplicate-id": { it: "Identificativo duplicato", en: "Duplicate id" },
  "unknown-reference": { it: "Riferimento sconosciuto", en: "Unknown reference" }
}

/**
 * A diagnostic of the evaluation validators (`validate` of `Measurement`,
 * `IndicatorAssignment` and `Evaluation`): a `Problem.Diagnostic` whose code
 * is a {@link FindingCode}.
 *
 * @category models
 * @since 0.3.0
 */
export type Diagnostic = Problem.Diagnostic<FindingCode>

/**
 * The finding for a level that is not on the scale of a qualitative
 * indicator, or none when it is: one check for targets, baselines and
 * measurements alike.
 *
 * @category validation
 * @since 0.1.0
 */
export const unknownLevel = (
  definition: Qualitative,
  level: string,
  path: ReadonlyArray<Problem.PathSegment>
): Array<Diagnostic> =>
  levelIndex(definition, level) === undefined
    ? [
        Problem.diagnostic(
          "unknown-level",
          "error",
          path,
          `the level "${level}" is not on the scale of "${definition.id}": use one of ${definition.scale.map((l) => l.code).join(", ")}`,
          "IATI"
        )
      ]
    : []

/**
 * The findings of severity `error` as problems (code `unknown-reference` for
 * references to nothing, `duplicate-id` for duplicates, `invalid-value` for a
 * wrong unit, kind or level, `rule` otherwise), to feed an integrity check.
 *
 * @category conversions
 * @since 0.1.0
 */
export const errorsAsProblems = (findings: ReadonlyArray<Diagnostic>): Array<Problem.Problem> =>
  findings
    .filter((f) => f.severity === "error")
    .map((f) =>
      Problem.make(
        f.code === "unknown-indicator" || f.code === "unknown-assignment" || f.code === "unknown-reference"
          ? "unknown-reference"
          : f.code === "duplicate-id"
            ? "duplicate-id"
            : f.code === "wrong-unit" ||
                f.code === "wrong-kind" ||
                f.code === "unknown-level" ||
                f.code === "target-of-wrong-kind"
              ? "invalid-value"
              : "rule",
        f.path,
        f.message
      )
    )

/**
 * Decodes an indicator definition from unknown input (parsed JSON), with every problem at
 * once, each with its path; unknown properties are problems.
 *
 * @category decoding
 * @since 0.2.0
 */
export const decode: (input: unknown) => Problem.Result<IndicatorDefinition> =
  Decoder.lazy(IndicatorDefinition)

/**
 * {@link decode} as an `Effect` that fails with a `Problem.ValidationError`.
 *
 * @category decoding
 * @since 0.2.0
 */
export const decodeEffect: (input: unknown) => Effect.Effect<IndicatorDefinition, Problem.ValidationError> =
  toEffect(decode)

/**
 * Encodes an indicator definition to its JSON form.
 *
 * @category encoding
 * @since 0.2.0
 */
export const encode: (value: IndicatorDefinition) => IndicatorDefinitionEncoded =
  Schema.encodeSync(IndicatorDefinition)

/**
 * Builds an indicator definition from typed fields without checking them, for trusted
 * builders (fixtures, generators, code that built them from checked values);
 * {@link make} is the checked way.
 *
 * @category constructors
 * @since 0.3.0
 */
export const unsafeMake = (fields: IndicatorDefinition): IndicatorDefinition => fields

const checkFields = validator(IndicatorDefinition)

/**
 * Builds an indicator definition from typed fields, checked against its schema (the
 * refinements and cross-field rules {@link decode} applies): the value, or
 * every problem with its path. Never throws.
 *
 * @category constructors
 * @since 0.3.0
 */
export const make = (fields: IndicatorDefinition): Problem.Result<IndicatorDefinition> => checkFields(fields)

/**
 * The module's words in Italian and English: the entity's name and the
 * headings of its main fields (its enumerations have their own tables).
 *
 * @category labels
 * @since 0.3.0
 */
export const labels: Labels<"indicator" | "indicators" | "unit" | "direction"> = {
  indicator: { it: "Indicatore", en: "Indicator" },
  indicators: { it: "Indicatori", en: "Indicators" },
  unit: { it: "Unità", en: "Unit" },
  direction: { it: "Direzione", en: "Direction" }
}
