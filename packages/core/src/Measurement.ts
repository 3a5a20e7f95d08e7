/**
 * Measurements: one figure of an assigned indicator for one period, a value
 * in the definition's unit or a judgement on its scale, with who measured it
 * and the source it comes from. A measurement may say how many people the
 * figure is about (`persons`), so that reports can suppress small cells.
 *
 * {@link validate} checks measurements against the definitions and the
 * assignments (unknown indicators and periods, wrong unit or kind, actuals
 * before their period ends, periods with neither target nor actual) and
 * returns every finding at once; it reads measurements as an `Iterable`, so a
 * stream of millions is checked in one pass.
 *
 * @since 0.1.0
 */

import type * as Effect from "effect/Effect"
import * as Schema from "effect/Schema"
import * as Actor from "./Actor.js"
import * as Decoder from "./Decoder.js"
import * as Indicator from "./Indicator.js"
import * as IndicatorAssignment from "./IndicatorAssignment.js"
import { toEffect, validator } from "./internal/contract.js"
import { unknownReference } from "./internal/integrity.js"
import { TextReaderId, textReader, vocabularyOf } from "./internal/kernel/text.js"
import { id, literals, optional } from "./internal/schema.js"
import type * as Kernel from "./kernel.js"
import type { Labels } from "./Label.js"
import * as Problem from "./Problem.js"

/**
 * The id of a measurement (optional on a measurement: streams of figures may
 * go without).
 *
 * @category models
 * @since 0.1.0
 */
export const MeasurementId = id("MeasurementId", "msr", "The id of a measurement.")

/**
 * @category models
 * @since 0.1.0
 */
export type MeasurementId = typeof MeasurementId.Type

/**
 * Where a figure comes from.
 *
 * @category constants
 * @since 0.1.0
 */
export const sources = [
  "administrative-data",
  "case-records",
  "survey",
  "interview",
  "focus-group",
  "self-assessment",
  "observation"
] as const

/**
 * The source of a measurement.
 *
 * @category models
 * @since 0.1.0
 */
export const Source = literals("MeasurementSource", sources, "Where a figure comes from.")

/**
 * @category models
 * @since 0.1.0
 */
export type Source = typeof Source.Type

/**
 * Italian and English labels of the sources.
 *
 * @category labels
 * @since 0.1.0
 */
export const sourceLabels: Labels<Source> = {
  "administrative-data": { it: "Dati amministrativi", en: "Administrative data" },
  "case-records": { it: "Cartelle dei percorsi di presa in carico", en: "Taking-charge case records" },
  survey: { it: "Questionario", en: "Survey" },
  interview: { it: "Intervista", en: "Interview" },
  "focus-group": { it: "Focus group", en: "Focus group" },
  "self-assessment": { it: "Autovalutazione", en: "Self-assessment" },
  observation: { it: "Osservazione", en: "Observation" }
}

/**
 * The largest magnitude of one value (one thousand billion), so that the sums
 * of a `Summary` stay exact.
 *
 * @category constants
 * @since 0.1.0
 */
export const maxValue = 1e12

/**
 * A finite number of magnitude at most {@link maxValue}.
 *
 * @category models
 * @since 0.1.0
 */
export const Value = Schema.Number.pipe(
  Schema.filter(
    (n) =>
      (Number.isFinite(n) && Math.abs(n) <= maxValue) ||
      (Number.isFinite(n)
        ? `expected a value between -${maxValue} and ${maxValue}, got ${n}`
        : `expected a finite value, got ${n}`),
    { jsonSchema: { minimum: -maxValue, maximum: maxValue } }
  ),
  Schema.annotations({
    identifier: "MeasurementValue",
    arbitrary: () => (fc) => fc.integer({ min: 0, max: 100_000 }).map((n) => n / 100)
  })
)

/**
 * A measurement: a value with its unit, or a level of a qualitative scale
 * (never both), for one indicator, assignment and period, optionally for one
 * municipality.
 *
 * @example
 * ```ts
 * import * as assert from "node:assert"
 * import { Either } from "effect"
 * import { Decoder, Measurement, Problem } from "@welfare/core"
 *
 * const decode = Decoder.lazy(Measurement.Measurement)
 * const both = decode({
 *   indicator: "ind-1", assignment: "asg-1", period: { start: "2016-01-01", end: "2016-12-31" },
 *   value: 3, unit: "count", level: "lvl-good", measuredBy: "comune-legnano", source: "survey"
 * })
 * assert.ok(Either.isLeft(both))
 * assert.strictEqual(
 *   Problem.format(both.left[0]),
 *   "level: a measurement carries a value with its unit or a level of a scale, not both: remove one"
 * )
 * ```
 *
 * @category models
 * @since 0.1.0
 */
export const Measurement = Schema.Struct({
  id: optional(MeasurementId),
  indicator: Indicator.IndicatorId,
  assignment: IndicatorAssignment.AssignmentId,
  period: IndicatorAssignment.Period,
  municipality: optional(Actor.MunicipalityId),
  value: optional(Value),
  unit: optional(Indicator.Unit),
  level: optional(Schema.String),
  measuredBy: Actor.ActorId,
  source: Source,
  persons: optional(Schema.Int.pipe(Schema.nonNegative(), Schema.annotations({ identifier: "PersonCount" }))),
  recordedOn: optional(IndicatorAssignment.IsoDate)
}).pipe(
  Schema.filter((m) => {
    if (m.value !== undefined && m.level !== undefined)
      return {
        path: ["level"],
        message: "a measurement carries a value with its unit or a level of a scale, not both: remove one"
      }
    if (m.value === undefined && m.level === undefined)
      return {
        path: ["value"],
        message: "a measurement carries a value with its unit or a level of a scale: add one"
      }
    if (m.value !== undefined && m.unit === undefined)
      return { path: ["unit"], message: "a value needs its unit: add the unit of the indicator" }
    if (m.value === undefined && m.unit !== undefined)
      return { path: ["unit"], message: "a level has no unit: remove the unit" }
    return true
  }),
  Schema.annotations({
    identifier: "Measurement",
    title: "Measurement",
    description: "One figure of an assigned indicator for one period, with who measured it and its source.",
    // NDJSON lines of measurements are read by the kernel's line reader (no JSON.parse) when
    // it vouches for them: `Decoder.compile` hands it to `Ndjson` (see internal/kernel/text.ts)
    [TextReaderId]: () => textReader(vocabulary)
  })
)

/**
 * What the kernel's line reader (`@welfare/core/kernel`) needs of this
 * schema: the units of `Indicator.units`, the {@link sources}, {@link maxValue},
 * and whether the schema has exactly the fields the reader knows.
 *
 * @category constants
 * @since 0.2.0
 */
export const vocabulary: Kernel.Vocabulary = vocabularyOf({
  fields: Object.keys(Measurement.from.fields),
  periodFields: Object.keys(IndicatorAssignment.Period.from.fields),
  units: Indicator.units,
  sources,
  maxValue
})

/**
 * @category models
 * @since 0.1.0
 */
export interface Measurement extends Schema.Schema.Type<typeof Measurement> {}

/**
 * The encoded (JSON) form of a measurement.
 *
 * @category models
 * @since 0.1.0
 */
export interface MeasurementEncoded extends Schema.Schema.Encoded<typeof Measurement> {}

/**
 * What {@link validate} reads: definitions, assignments and measurements.
 *
 * @category models
 * @since 0.1.0
 */
export interface ValidationInput {
  readonly indicators: ReadonlyArray<Indicator.IndicatorDefinition>
  readonly assignments: ReadonlyArray<IndicatorAssignment.IndicatorAssignment>
  readonly measurements: Iterable<Measurement>
}

type Diagnostics = Array<Indicator.Diagnostic>
type At = ReadonlyArray<Problem.PathSegment>

/** A measurement's indicator and assignment: known, agreeing, and the period one of the plan's. */
const referenceDiagnostics = (
  m: Measurement,
  at: At,
  definition: Indicator.IndicatorDefinition | undefined,
  assignment: IndicatorAssignment.IndicatorAssignment | undefined,
  withActual: Set<string>,
  out: Diagnostics
): void => {
  if (definition === undefined)
    out.push(
      Problem.diagnostic(
        "unknown-indicator",
        "error",
        [...at, "indicator"],
        `no indicator has the id "${m.indicator}": add it to indicators or correct the id`,
        "Common Impact Data Standard"
      )
    )
  if (assignment === undefined) {
    out.push(
      Problem.diagnostic(
        "unknown-assignment",
        "error",
        [...at, "assignment"],
        `no assignment has the id "${m.assignment}": add it to assignments or correct the id`,
        "Common Impact Data Standard"
      )
    )
    return
  }
  if (assignment.indicator !== m.indicator)
    out.push(
      Problem.diagnostic(
        "indicator-mismatch",
        "error",
        [...at, "indicator"],
        `the assignment "${assignment.id}" follows the indicator "${assignment.indicator}", not "${m.indicator}": correct the indicator or the assignment`,
        "IATI"
      )
    )
  const plan = IndicatorAssignment.findPeriod(assignment, m.period)
  if (plan === undefined)
    out.push(
      Problem.diagnostic(
        "unknown-period",
        "error",
        [...at, "period"],
        `the assignment "${assignment.id}" has no period ${IndicatorAssignment.periodKey(m.period)}: use one of ${assignment.periods.map(IndicatorAssignment.periodKey).join(", ") || "its periods (it has none yet)"}`,
        "IATI"
      )
    )
  else withActual.add(`${assignment.id}|${IndicatorAssignment.periodKey(m.period)}`)
}

/** A measurement's value or level, and its unit, as its indicator's kind asks. */
const kindDiagnostics = (
  m: Measurement,
  at: At,
  definition: Indicator.IndicatorDefinition,
  out: Diagnostics
): void => {
  if (definition.kind === "qualitative") {
    if (m.value !== undefined)
      out.push(
        Problem.diagnostic(
          "wrong-kind",
          "error",
          [...at, "value"],
          `the indicator "${definition.id}" is qualitative: record a level of its scale (${definition.scale.map((l) => l.code).join(", ")}), not a number`,
          "IATI"
        )
      )
    else if (m.level !== undefined) out.push(...Indicator.unknownLevel(definition, m.level, [...at, "level"]))
  } else if (m.level !== undefined)
    out.push(
      Problem.diagnostic(
        "wrong-kind",
        "error",
        [...at, "level"],
        `the indicator "${definition.id}" is quantitative: record a value in ${definition.unit}, not a level`,
        "IATI"
      )
    )
  else if (m.unit !== undefined && m.unit !== definition.unit)
    out.push(
      Problem.diagnostic(
        "wrong-unit",
        "error",
        [...at, "unit"],
        `the indicator "${definition.id}" is measured in ${definition.unit}, got ${m.unit}: convert the value or correct the unit`,
        "IATI"
      )
    )
}

/** An actual recorded once its period has ended: an error at the date of the check, a warning when recorded before. */
const timingDiagnostics = (m: Measurement, at: At, asOf: string, out: Diagnostics): void => {
  if (asOf < m.period.end)
    out.push(
      Problem.diagnostic(
        "actual-before-period-end",
        "error",
        [...at, "period", "end"],
        `the period ends on ${m.period.end}, after the date of the check ${asOf}: record the actual once the period has ended`,
        "IATI"
      )
    )
  else if (m.recordedOn !== undefined && m.recordedOn < m.period.end)
    out.push(
      Problem.diagnostic(
        "actual-before-period-end",
        "warning",
        [...at, "recordedOn"],
        `the actual was recorded on ${m.recordedOn}, before its period ends on ${m.period.end}: record it again once the period has ended`,
        "IATI"
      )
    )
}

/** Every planned period with neither a target nor an actual: an error once it has ended, a warning before. */
const emptyPeriodDiagnostics = (
  assignments: ReadonlyArray<IndicatorAssignment.IndicatorAssignment>,
  withActual: ReadonlySet<string>,
  asOf: string,
  out: Diagnostics
): void =>
  assignments.forEach((a, ai) => {
    a.periods.forEach((p, pi) => {
      if (p.target === undefined && !withActual.has(`${a.id}|${IndicatorAssignment.periodKey(p)}`))
        out.push(
          Problem.diagnostic(
            "period-without-target-or-actual",
            p.end <= asOf ? "error" : "warning",
            ["assignments", ai, "periods", pi],
            `the period ${IndicatorAssignment.periodKey(p)} of "${a.id}" has neither a target nor an actual: set a target or record a measurement`,
            "IATI"
          )
        )
    })
  })

/**
 * Every finding of measurements against definitions and assignments, all at
 * once: unknown indicators, assignments and periods; an indicator that is not
 * the assignment's; a numeric value for a qualitative indicator or a level for
 * a quantitative one; a unit that is not the definition's; a level off the
 * scale; an actual before its period ends (as of `asOf`, or recorded before
 * the end); and periods of an assignment that have neither target nor actual.
 *
 * Pure: the date of the check is the `asOf` parameter, never the clock.
 *
 * @example
 * ```ts
 * import * as assert from "node:assert"
 * import { Measurement } from "@welfare/core"
 *
 * const findings = Measurement.validate(
 *   {
 *     indicators: [{ id: "ind-hours", kind: "quantitative", label: { it: "Ore", en: "Hours" }, unit: "hour", direction: "increase", aggregation: "sum", rba: "how-much" } as never],
 *     assignments: [{ id: "asg-1", indicator: "ind-hours", scope: { type: "territory" }, responsible: [], periods: [{ start: "2016-01-01", end: "2016-12-31", target: 100 }] } as never],
 *     measurements: [
 *       { indicator: "ind-hours", assignment: "asg-1", period: { start: "2016-01-01", end: "2016-12-31" }, value: 20, unit: "euro", measuredBy: "casa-volontariato", source: "administrative-data" } as never
 *     ]
 *   },
 *   { asOf: "2017-02-01" }
 * )
 * assert.deepStrictEqual(findings.map((f) => `${f.code} ${f.path.join(".")}`), ["wrong-unit measurements.0.unit"])
 * ```
 *
 * @category validation
 * @since 0.1.0
 */
export const validate = (
  input: ValidationInput,
  options: { readonly asOf: string; readonly path?: ReadonlyArray<Problem.PathSegment> }
): Array<Indicator.Diagnostic> => {
  const path = options.path ?? ["measurements"]
  const definitions = new Map(input.indicators.map((d) => [d.id as string, d]))
  const assignments = new Map(input.assignments.map((a) => [a.id as string, a]))
  const withActual = new Set<string>()
  const out: Diagnostics = []
  let i = 0
  for (const m of input.measurements) {
    const at = [...path, i]
    i++
    const definition = definitions.get(m.indicator)
    referenceDiagnostics(m, at, definition, assignments.get(m.assignment), withActual, out)
    if (definition !== undefined) kindDiagnostics(m, at, definition, out)
    timingDiagnostics(m, at, options.asOf, out)
  }
  emptyPeriodDiagnostics(input.assignments, withActual, options.asOf, out)
  return out
}

/**
 * Every measurement that its plan refuses (issue 14): a value in a unit that is
 * not its indicator's (euro for an hour indicator would otherwise count, and
 * could report "Achieved"), and a period that is none of its assignment's
 * periods (it would otherwise be silently ignored). Each is a `rule` problem
 * with the measurement's path; unknown ids are {@link referenceProblems}'.
 *
 * @example
 * ```ts
 * import * as assert from "node:assert"
 * import { Measurement, Problem } from "@welfare/core"
 *
 * const problems = Measurement.planProblems(
 *   [{ indicator: "ind-hours", assignment: "asg-1", period: { start: "2016-01-01", end: "2016-06-30" }, value: 20, unit: "euro", measuredBy: "casa-volontariato", source: "administrative-data" } as never],
 *   {
 *     indicators: [{ id: "ind-hours", kind: "quantitative", label: { it: "Ore", en: "Hours" }, unit: "hour", direction: "increase", aggregation: "sum", rba: "how-much" } as never],
 *     assignments: [{ id: "asg-1", indicator: "ind-hours", scope: { type: "territory" }, responsible: [], periods: [{ start: "2016-01-01", end: "2016-12-31", target: 100 }] } as never]
 *   }
 * )
 * assert.deepStrictEqual(problems.map((p) => Problem.formatPath(p.path)), ["measurements[0].period", "measurements[0].unit"])
 * ```
 *
 * @category validation
 * @since 0.1.0
 */
export const planProblems = (
  items: Iterable<Measurement>,
  plans: {
    readonly indicators: ReadonlyArray<Indicator.IndicatorDefinition>
    readonly assignments: ReadonlyArray<IndicatorAssignment.IndicatorAssignment>
  },
  path: ReadonlyArray<Problem.PathSegment> = ["measurements"]
): Array<Problem.Problem> =>
  validate({ ...plans, measurements: items }, { asOf: "9999-12-31", path })
    .filter((f) => f.code === "wrong-unit" || f.code === "unknown-period")
    .map((f) => Problem.make("rule", f.path, f.message))

/**
 * Every reference problem of a list of measurements: duplicate ids (of the
 * measurements that have one), unknown indicators, assignments, measuring
 * actors and (when `known.municipalities` is given) municipalities.
 *
 * @category validation
 * @since 0.1.0
 */
export const referenceProblems = (
  items: ReadonlyArray<Measurement>,
  known: {
    readonly indicators: ReadonlySet<string>
    readonly assignments: ReadonlySet<string>
    readonly actors: ReadonlySet<string>
    readonly municipalities?: ReadonlySet<string>
  },
  path: ReadonlyArray<Problem.PathSegment> = ["measurements"]
): Array<Problem.Problem> => {
  const problems: Array<Problem.Problem> = []
  const first = new Map<string, number>()
  items.forEach((m, i) => {
    if (m.id === undefined) return
    const at = first.get(m.id)
    if (at === undefined) first.set(m.id, i)
    else
      problems.push(
        Problem.make(
          "duplicate-id",
          [...path, i, "id"],
          `the measurement id "${m.id}" is already used by ${Problem.formatPath([...path, at])}: give every measurement its own id`
        )
      )
  })
  items.forEach((m, i) => {
    problems.push(
      ...unknownReference(known.indicators, m.indicator, [...path, i, "indicator"], "indicator", "indicators")
    )
    problems.push(
      ...unknownReference(
        known.assignments,
        m.assignment,
        [...path, i, "assignment"],
        "assignment",
        "assignments"
      )
    )
    problems.push(
      ...unknownReference(known.actors, m.measuredBy, [...path, i, "measuredBy"], "actor", "actors")
    )
    if (m.municipality !== undefined && known.municipalities !== undefined)
      problems.push(
        ...unknownReference(
          known.municipalities,
          m.municipality,
          [...path, i, "municipality"],
          "municipality",
          "municipalities"
        )
      )
  })
  return problems
}

/**
 * Decodes a measurement from unknown input (parsed JSON), with every problem at
 * once, each with its path; unknown properties are problems.
 *
 * @category decoding
 * @since 0.2.0
 */
export const decode: (input: unknown) => Problem.Result<Measurement> = Decoder.lazy(Measurement)

/**
 * {@link decode} as an `Effect` that fails with a `Problem.ValidationError`.
 *
 * @category decoding
 * @since 0.2.0
 */
export const decodeEffect: (input: unknown) => Effect.Effect<Measurement, Problem.ValidationError> =
  toEffect(decode)

/**
 * Encodes a measurement to its JSON form.
 *
 * @category encoding
 * @since 0.2.0
 */
export const encode: (value: Measurement) => MeasurementEncoded = Schema.encodeSync(Measurement)

/**
 * Builds a Measurement from typed fields without checking them, for trusted
 * builders (fixtures, generators, code that built them from checked values);
 * {@link make} is the checked way.
 *
 * @category constructors
 * @since 0.3.0
 */
export const unsafeMake = (fields: Measurement): Measurement => fields

const checkFields = validator(Measurement)

/**
 * Builds a Measurement from typed fields, checked against its schema (the
 * refinements and cross-field rules {@link decode} applies): the value, or
 * every problem with its path. Never throws.
 *
 * @category constructors
 * @since 0.3.0
 */
export const make = (fields: Measurement): Problem.Result<Measurement> => checkFields(fields)

/**
 * The module's words in Italian and English: the entity's name and the
 * headings of its main fields (its enumerations have their own tables).
 *
 * @category labels
 * @since 0.3.0
 */
export const labels: Labels<"measurement" | "measurements" | "period" | "value" | "source"> = {
  measurement: { it: "Misurazione", en: "Measurement" },
  measurements: { it: "Misurazioni", en: "Measurements" },
  period: { it: "Periodo", en: "Period" },
  value: { it: "Valore", en: "Value" },
  source: { it: "Fonte", en: "Source" }
}
