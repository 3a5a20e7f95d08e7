/**
 * Indicator assignments: an indicator definition applied to a scope (a
 * project of the Citizenship Charter, the territory or one municipality, or a
 * population), with the actors responsible for it, an optional baseline and
 * the periods it is followed over, each with its target (IATI results:
 * result -> indicator -> baseline -> period with target and actual).
 *
 * Periods are `{ start, end }` ISO dates, both days included. Their rules are
 * checked by {@link validate}, which returns every finding at once.
 *
 * @since 0.1.0
 */

import type * as Effect from "effect/Effect"
import { dual } from "effect/Function"
import * as Schema from "effect/Schema"
import * as Actor from "./Actor.js"
import * as CitizenshipCharter from "./CitizenshipCharter.js"
import * as Decoder from "./Decoder.js"
import * as Indicator from "./Indicator.js"
import { toEffect, validator } from "./internal/contract.js"
import { duplicateIds, unknownReference } from "./internal/integrity.js"
import { isCalendarDate } from "./internal/kernel/date.js"
import { id, optional, text } from "./internal/schema.js"
import type { Labels } from "./Label.js"
import * as Problem from "./Problem.js"

/**
 * The id of an indicator assignment.
 *
 * @category models
 * @since 0.1.0
 */
export const AssignmentId = id("AssignmentId", "asg", "The id of an indicator assignment.")

/**
 * @category models
 * @since 0.1.0
 */
export type AssignmentId = typeof AssignmentId.Type

/**
 * A calendar date in ISO 8601 form, `YYYY-MM-DD`. Dates compare as texts.
 *
 * @category models
 * @since 0.1.0
 */
export const IsoDate = Schema.String.pipe(
  Schema.filter(
    (s) =>
      isCalendarDate(s) ||
      `expected a calendar date such as 2016-06-30, got ${JSON.stringify(s.slice(0, 20))}`,
    {
      jsonSchema: { pattern: "^\\d{4}-\\d{2}-\\d{2}$" }
    }
  ),
  Schema.annotations({
    identifier: "IsoDate",
    description: "A calendar date, YYYY-MM-DD.",
    arbitrary: () => (fc) =>
      fc
        .date({
          min: new Date("2015-01-01T00:00:00Z"),
          max: new Date("2030-12-31T00:00:00Z"),
          noInvalidDate: true
        })
        .map((d) => d.toISOString().slice(0, 10))
  })
)

/**
 * A period: its first and its last day, both included.
 *
 * @category models
 * @since 0.1.0
 */
export const Period = Schema.Struct({ start: IsoDate, end: IsoDate }).pipe(
  Schema.annotations({
    identifier: "Period",
    title: "Period",
    description: "A period from its first to its last day, both included."
  }),
  // A reversed period (end before start) was valid before issue 14.
  Schema.filter((p) =>
    p.start <= p.end
      ? undefined
      : {
          path: ["end"],
          message: `the period ends on ${p.end}, before it starts on ${p.start}: swap the two dates or correct one`
        }
  )
)

/**
 * @category models
 * @since 0.1.0
 */
export interface Period extends Schema.Schema.Type<typeof Period> {}

/**
 * The key of a period in ISO 8601 interval notation: `2016-01-01/2016-12-31`.
 *
 * @category getters
 * @since 0.1.0
 */
export const periodKey = (period: Period): string => `${period.start}/${period.end}`

/**
 * Whether two periods share at least one day.
 *
 * @category predicates
 * @since 0.1.0
 */
export const overlaps = (a: Period, b: Period): boolean => a.start <= b.end && b.start <= a.end

/**
 * Whether two periods are the same days.
 *
 * @category predicates
 * @since 0.1.0
 */
export const samePeriod = (a: Period, b: Period): boolean => a.start === b.start && a.end === b.end

/**
 * A finite number. NaN and the infinities are refused with a readable
 * message: JSON cannot carry them (`JSON.stringify` writes them as `null`),
 * so a document holding one would not decode back to what was encoded.
 *
 * @example
 * ```ts
 * import * as assert from "node:assert"
 * import { Either } from "effect"
 * import { Decoder, IndicatorAssignment, Problem } from "@welfare/core"
 *
 * const decode = Decoder.lazy(IndicatorAssignment.Range)
 * const result = decode({ min: 40, max: Number.POSITIVE_INFINITY })
 * assert.ok(Either.isLeft(result))
 * assert.strictEqual(
 *   Problem.format(result.left[0]),
 *   "max: expected a finite number, got Infinity: NaN and Infinity cannot be written in JSON (they become null), give a number"
 * )
 * ```
 *
 * @category models
 * @since 0.1.0
 */
export const FiniteNumber = Schema.Number.pipe(
  Schema.finite({
    message: (issue) =>
      `expected a finite number, got ${String(issue.actual)}: NaN and Infinity cannot be written in JSON (they become null), give a number`
  }),
  Schema.annotations({
    identifier: "FiniteNumber",
    description: "A finite number (never NaN or Infinity).",
    arbitrary: () => (fc) => fc.integer({ min: -100_000, max: 10_000_000 }).map((n) => n / 100)
  })
)

/**
 * A target range: the value should lie between `min` and `max`, both included.
 *
 * @category models
 * @since 0.1.0
 */
export const Range = Schema.Struct({ min: FiniteNumber, max: FiniteNumber }).annotations({
  identifier: "TargetRange",
  title: "TargetRange"
})

/**
 * A target level of a qualitative scale.
 *
 * @category models
 * @since 0.1.0
 */
export const TargetLevel = Schema.Struct({ level: Schema.String }).annotations({
  identifier: "TargetLevel",
  title: "TargetLevel"
})

/**
 * A target: a number (for `increase` or `decrease`), a range (for
 * `target-range`), or a level (for a qualitative indicator).
 *
 * @category models
 * @since 0.1.0
 */
export const Target = Schema.Union(FiniteNumber, Range, TargetLevel).annotations({
  identifier: "Target",
  title: "Target"
})

/**
 * @category models
 * @since 0.1.0
 */
export type Target = typeof Target.Type

/**
 * A period of an assignment with its optional target.
 *
 * @category models
 * @since 0.1.0
 */
export const PeriodPlan = Schema.Struct({
  start: IsoDate,
  end: IsoDate,
  target: optional(Target)
}).annotations({ identifier: "PeriodPlan", title: "PeriodPlan" })

/**
 * @category models
 * @since 0.1.0
 */
export interface PeriodPlan extends Schema.Schema.Type<typeof PeriodPlan> {}

/**
 * The value an indicator had before the first period: a number or a level,
 * on a date.
 *
 * @category models
 * @since 0.1.0
 */
export const Baseline = Schema.Struct({
  date: IsoDate,
  value: optional(FiniteNumber),
  level: optional(Schema.String)
}).annotations({ identifier: "Baseline", title: "Baseline" })

/**
 * @category models
 * @since 0.1.0
 */
export interface Baseline extends Schema.Schema.Type<typeof Baseline> {}

/**
 * The kinds of scope an indicator can be assigned to.
 *
 * @category constants
 * @since 0.1.0
 */
export const scopeTypes = ["project", "territory", "population"] as const

/**
 * @category models
 * @since 0.1.0
 */
export type ScopeType = (typeof scopeTypes)[number]

/**
 * What an indicator is assigned to: a project of the Charter, the territory
 * (or one of its municipalities), or a population described in words (a
 * group, never a person).
 *
 * @category models
 * @since 0.1.0
 */
export const Scope = Schema.Union(
  Schema.Struct({ type: Schema.Literal("project"), project: CitizenshipCharter.ProjectId }),
  Schema.Struct({ type: Schema.Literal("territory"), municipality: optional(Actor.MunicipalityId) }),
  Schema.Struct({
    type: Schema.Literal("population"),
    population: text("Population", "A group of the population, for example families with minors.")
  })
).annotations({ identifier: "AssignmentScope", title: "AssignmentScope" })

/**
 * @category models
 * @since 0.1.0
 */
export type Scope = typeof Scope.Type

/**
 * An indicator assigned to a scope, with the actors responsible for it, an
 * optional baseline and its periods.
 *
 * @example
 * ```ts
 * import * as assert from "node:assert"
 * import { Either } from "effect"
 * import { Decoder, IndicatorAssignment } from "@welfare/core"
 *
 * const decode = Decoder.lazy(IndicatorAssignment.IndicatorAssignment)
 * const result = decode({
 *   id: "asg-volunteer-hours",
 *   indicator: "ind-volunteer-hours",
 *   scope: { type: "territory" },
 *   responsible: ["casa-volontariato"],
 *   baseline: { date: "2015-12-31", value: 4200 },
 *   periods: [
 *     { start: "2016-01-01", end: "2016-12-31", target: 4600 },
 *     { start: "2017-01-01", end: "2017-12-31", target: 5000 }
 *   ]
 * })
 * assert.ok(Either.isRight(result))
 * ```
 *
 * @category models
 * @since 0.1.0
 */
export const IndicatorAssignment = Schema.Struct({
  id: AssignmentId,
  indicator: Indicator.IndicatorId,
  scope: Scope,
  responsible: Schema.Array(Actor.ActorId),
  baseline: optional(Baseline),
  periods: Schema.Array(PeriodPlan)
}).annotations({
  identifier: "IndicatorAssignment",
  title: "IndicatorAssignment",
  description: "An indicator assigned to a scope, with baseline, periods and targets."
})

/**
 * @category models
 * @since 0.1.0
 */
export interface IndicatorAssignment extends Schema.Schema.Type<typeof IndicatorAssignment> {}

/**
 * The encoded (JSON) form of an assignment.
 *
 * @category models
 * @since 0.1.0
 */
export interface IndicatorAssignmentEncoded extends Schema.Schema.Encoded<typeof IndicatorAssignment> {}

/**
 * The plan of a period of an assignment, or `undefined` when the assignment
 * does not follow that period.
 *
 * @category getters
 * @since 0.1.0
 */
export const findPeriod: {
  (period: Period): (assignment: Pick<IndicatorAssignment, "periods">) => PeriodPlan | undefined
  (assignment: Pick<IndicatorAssignment, "periods">, period: Period): PeriodPlan | undefined
} = dual(2, (assignment: Pick<IndicatorAssignment, "periods">, period: Period): PeriodPlan | undefined =>
  assignment.periods.find((p) => samePeriod(p, period))
)

const describeTarget = (t: Target): string =>
  typeof t === "number" ? "a number" : "level" in t ? "a level" : "a range"

/**
 * Every finding of the periods of one assignment against its definition:
 * periods that end before they start or overlap, a baseline that does not
 * precede the periods, targets and baselines of the wrong kind or off the
 * scale. `path` is where the assignment sits (for a territory,
 * `["assignments", i]`).
 *
 * @example
 * ```ts
 * import * as assert from "node:assert"
 * import { IndicatorAssignment } from "@welfare/core"
 *
 * const findings = IndicatorAssignment.periodFindings(
 *   {
 *     periods: [
 *       { start: "2016-01-01", end: "2016-12-31" },
 *       { start: "2016-06-01", end: "2016-03-31" },
 *       { start: "2016-10-01", end: "2017-03-31" }
 *     ]
 *   },
 *   undefined,
 *   ["assignments", 0]
 * )
 * assert.deepStrictEqual(
 *   findings.map((f) => `${f.code} ${f.path.join(".")}`),
 *   ["period-ends-before-start assignments.0.periods.1.end", "overlapping-periods assignments.0.periods.2"]
 * )
 * ```
 *
 * @category validation
 * @since 0.1.0
 */
export const periodFindings = (
  assignment: Pick<IndicatorAssignment, "periods"> & { readonly baseline?: Baseline },
  definition: Indicator.IndicatorDefinition | undefined,
  path: ReadonlyArray<Problem.PathSegment>
): Array<Indicator.Diagnostic> => {
  const out: Array<Indicator.Diagnostic> = []
  const periods = assignment.periods
  periods.forEach((p, i) => {
    if (p.end < p.start)
      out.push(
        Problem.diagnostic(
          "period-ends-before-start",
          "error",
          [...path, "periods", i, "end"],
          `the period ends on ${p.end}, before it starts on ${p.start}: swap or correct the dates`,
          "IATI"
        )
      )
  })
  periods.forEach((p, i) => {
    for (let j = 0; j < i; j++) {
      const q = periods[j]!
      if (p.end >= p.start && q.end >= q.start && overlaps(p, q))
        out.push(
          Problem.diagnostic(
            "overlapping-periods",
            "error",
            [...path, "periods", i],
            `the period ${periodKey(p)} overlaps ${periodKey(q)} (${Problem.formatPath([...path, "periods", j])}): periods of one assignment share no day`,
            "IATI"
          )
        )
    }
  })
  const baseline = assignment.baseline
  if (baseline !== undefined) {
    const firstStart = periods.reduce<string | undefined>(
      (m, p) => (m === undefined || p.start < m ? p.start : m),
      undefined
    )
    if (firstStart !== undefined && baseline.date >= firstStart)
      out.push(
        Problem.diagnostic(
          "baseline-not-before-periods",
          "error",
          [...path, "baseline", "date"],
          `the baseline is dated ${baseline.date}, not before the first period starting on ${firstStart}: date the baseline before the periods`,
          "IATI"
        )
      )
  }
  if (definition !== undefined) {
    targetFindings(periods, definition, path, out)
    if (assignment.baseline !== undefined) baselineFindings(assignment.baseline, definition, path, out)
  }
  return out
}

/** Each period's target is of the kind its indicator takes (a level, a range, a number), and well formed. */
const targetFindings = (
  periods: IndicatorAssignment["periods"],
  definition: Indicator.IndicatorDefinition,
  path: ReadonlyArray<Problem.PathSegment>,
  out: Array<Indicator.Diagnostic>
): void => {
  periods.forEach((p, i) => {
    const t = p.target
    if (t === undefined) return
    const at = [...path, "periods", i, "target"]
    const expected =
      definition.kind === "qualitative"
        ? "a level"
        : definition.direction === "target-range"
          ? "a range"
          : "a number"
    if (describeTarget(t) !== expected)
      out.push(
        Problem.diagnostic(
          "target-of-wrong-kind",
          "error",
          at,
          `the indicator "${definition.id}" takes ${expected} as target, got ${describeTarget(t)}`,
          "IATI"
        )
      )
    else if (typeof t === "object" && "level" in t && definition.kind === "qualitative")
      out.push(...Indicator.unknownLevel(definition, t.level, [...at, "level"]))
    else if (typeof t === "object" && "min" in t && t.max < t.min)
      out.push(
        Problem.diagnostic(
          "target-of-wrong-kind",
          "error",
          at,
          `the target range ends at ${t.max}, below its start ${t.min}: swap min and max`,
          "IATI"
        )
      )
  })
}

/** The baseline has a level for a qualitative indicator and a value for a quantitative one. */
const baselineFindings = (
  baseline: Baseline,
  definition: Indicator.IndicatorDefinition,
  path: ReadonlyArray<Problem.PathSegment>,
  out: Array<Indicator.Diagnostic>
): void => {
  const at = [...path, "baseline"]
  if (definition.kind === "qualitative") {
    if (baseline.value !== undefined)
      out.push(
        Problem.diagnostic(
          "wrong-kind",
          "error",
          [...at, "value"],
          `the indicator "${definition.id}" is qualitative: give the baseline a level, not a number`,
          "IATI"
        )
      )
    if (baseline.level !== undefined)
      out.push(...Indicator.unknownLevel(definition, baseline.level, [...at, "level"]))
  } else if (baseline.level !== undefined)
    out.push(
      Problem.diagnostic(
        "wrong-kind",
        "error",
        [...at, "level"],
        `the indicator "${definition.id}" is quantitative: give the baseline a value in ${definition.unit}, not a level`,
        "IATI"
      )
    )
}

/**
 * Every finding of a list of assignments against the definitions: assignments
 * of unknown indicators, then {@link periodFindings} of each.
 *
 * @category validation
 * @since 0.1.0
 */
export const validate = (
  assignments: ReadonlyArray<IndicatorAssignment>,
  definitions: ReadonlyArray<Indicator.IndicatorDefinition>,
  path: ReadonlyArray<Problem.PathSegment> = ["assignments"]
): Array<Indicator.Diagnostic> => {
  const byId = new Map(definitions.map((d) => [d.id as string, d]))
  return assignments.flatMap((a, i) => {
    const definition = byId.get(a.indicator)
    const unknown =
      definition === undefined
        ? [
            Problem.diagnostic(
              "unknown-indicator",
              "error",
              [...path, i, "indicator"],
              `no indicator has the id "${a.indicator}": add it to indicators or correct the id`,
              "Common Impact Data Standard"
            )
          ]
        : []
    return [...unknown, ...periodFindings(a, definition, [...path, i])]
  })
}

/**
 * Every reference problem of a list of assignments: duplicate ids, unknown
 * indicators and responsible actors, and (when `known.projects` or
 * `known.municipalities` is given) unknown projects and municipalities.
 *
 * @example
 * ```ts
 * import * as assert from "node:assert"
 * import { Problem } from "@welfare/core"
 * import { IndicatorAssignment } from "@welfare/core"
 *
 * const problems = IndicatorAssignment.referenceProblems(
 *   [
 *     {
 *       id: IndicatorAssignment.AssignmentId.make("asg-1"),
 *       indicator: "ind-x" as never,
 *       scope: { type: "territory" },
 *       responsible: ["nobody" as never],
 *       periods: []
 *     }
 *   ],
 *   { indicators: new Set(["ind-x"]), actors: new Set(["comune-legnano"]) },
 *   ["assignments"]
 * )
 * assert.deepStrictEqual(problems.map(Problem.format), [
 *   'assignments[0].responsible[0]: no actor has the id "nobody": add it to actors or correct the id'
 * ])
 * ```
 *
 * @category validation
 * @since 0.1.0
 */
export const referenceProblems = (
  items: ReadonlyArray<IndicatorAssignment>,
  known: {
    readonly indicators: ReadonlySet<string>
    readonly actors: ReadonlySet<string>
    readonly projects?: ReadonlySet<string>
    readonly municipalities?: ReadonlySet<string>
  },
  path: ReadonlyArray<Problem.PathSegment> = ["assignments"]
): Array<Problem.Problem> => {
  const problems = duplicateIds(items, (a) => a.id, path, "assignment")
  items.forEach((a, i) => {
    problems.push(
      ...unknownReference(known.indicators, a.indicator, [...path, i, "indicator"], "indicator", "indicators")
    )
    a.responsible.forEach((r, j) => {
      problems.push(...unknownReference(known.actors, r, [...path, i, "responsible", j], "actor", "actors"))
    })
    if (a.scope.type === "project" && known.projects !== undefined)
      problems.push(
        ...unknownReference(
          known.projects,
          a.scope.project,
          [...path, i, "scope", "project"],
          "project",
          "the projects of the charter"
        )
      )
    if (
      a.scope.type === "territory" &&
      a.scope.municipality !== undefined &&
      known.municipalities !== undefined
    )
      problems.push(
        ...unknownReference(
          known.municipalities,
          a.scope.municipality,
          [...path, i, "scope", "municipality"],
          "municipality",
          "municipalities"
        )
      )
  })
  return problems
}

/**
 * Italian and English labels of the scope types.
 *
 * @category labels
 * @since 0.1.0
 */
export const scopeTypeLabels: Labels<ScopeType> = {
  project: { it: "Progetto della Carta", en: "Charter project" },
  territory: { it: "Territorio", en: "Territory" },
  population: { it: "Popolazione", en: "Population" }
}

/**
 * Decodes an indicator assignment from unknown input (parsed JSON), with every problem at
 * once, each with its path; unknown properties are problems.
 *
 * @category decoding
 * @since 0.2.0
 */
export const decode: (input: unknown) => Problem.Result<IndicatorAssignment> =
  Decoder.lazy(IndicatorAssignment)

/**
 * {@link decode} as an `Effect` that fails with a `Problem.ValidationError`.
 *
 * @category decoding
 * @since 0.2.0
 */
export const decodeEffect: (input: unknown) => Effect.Effect<IndicatorAssignment, Problem.ValidationError> =
  toEffect(decode)

/**
 * Encodes an indicator assignment to its JSON form.
 *
 * @category encoding
 * @since 0.2.0
 */
export const encode: (value: IndicatorAssignment) => IndicatorAssignmentEncoded =
  Schema.encodeSync(IndicatorAssignment)

/**
 * Builds an indicator assignment from typed fields without checking them, for trusted
 * builders (fixtures, generators, code that built them from checked values);
 * {@link make} is the checked way.
 *
 * @category constructors
 * @since 0.3.0
 */
export const unsafeMake = (fields: IndicatorAssignment): IndicatorAssignment => fields

const checkFields = validator(IndicatorAssignment)

/**
 * Builds an indicator assignment from typed fields, checked against its schema (the
 * refinements and cross-field rules {@link decode} applies): the value, or
 * every problem with its path. Never throws.
 *
 * @category constructors
 * @since 0.3.0
 */
export const make = (fields: IndicatorAssignment): Problem.Result<IndicatorAssignment> => checkFields(fields)

/**
 * The module's words in Italian and English: the entity's name and the
 * headings of its main fields (its enumerations have their own tables).
 *
 * @category labels
 * @since 0.3.0
 */
export const labels: Labels<"assignment" | "assignments" | "scope" | "baseline" | "target"> = {
  assignment: { it: "Assegnazione di indicatore", en: "Indicator assignment" },
  assignments: { it: "Assegnazioni di indicatori", en: "Indicator assignments" },
  scope: { it: "Ambito di applicazione", en: "Scope" },
  baseline: { it: "Valore di partenza", en: "Baseline" },
  target: { it: "Obiettivo", en: "Target" }
}
