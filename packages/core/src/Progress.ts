/**
 * Progress of an assigned indicator, period by period: the actual value (from
 * the measurements, combined by the definition's aggregation), the target,
 * the share of the target reached, the trend against the previous period (or
 * the baseline), and an achievement status. Direction-aware: more is better,
 * less is better, inside a range is better, or a higher (or lower) level of a
 * qualitative scale is better.
 *
 * Progress is computed from a `Summary`, so a district's progress is the
 * progress of the merged summaries of its municipalities.
 *
 * @since 0.1.0
 */
import * as Indicator from "./Indicator.js"
import type * as IndicatorAssignment from "./IndicatorAssignment.js"
import type { Labels } from "./Label.js"
import type * as Measurement from "./Measurement.js"
import * as Summary from "./Summary.js"

/**
 * Every achievement status.
 *
 * - `achieved`: the actual meets the target.
 * - `not-attainable`: the period is over (as of the date of the check) and the target was not met.
 * - `improving`, `worsening`, `stable`: no target met yet (or none set), compared with the previous period or the baseline.
 * - `no-data`: no measurement for the period.
 *
 * @category constants
 * @since 0.1.0
 */
export const statuses = ["achieved", "improving", "stable", "worsening", "not-attainable", "no-data"] as const

/**
 * An achievement status.
 *
 * @category models
 * @since 0.1.0
 */
export type Status = (typeof statuses)[number]

/**
 * Italian and English labels of the statuses.
 *
 * @category labels
 * @since 0.1.0
 */
export const statusLabels: Labels<Status> = {
  achieved: { it: "Obiettivo raggiunto", en: "Achieved" },
  improving: { it: "In miglioramento", en: "Improving" },
  stable: { it: "Stabile", en: "Stable" },
  worsening: { it: "In peggioramento", en: "Worsening" },
  "not-attainable": { it: "Obiettivo non raggiungibile", en: "Not attainable" },
  "no-data": { it: "Dati assenti", en: "No data" }
}

/**
 * A trend against the previous reference (the previous period with data, or the baseline).
 *
 * @category models
 * @since 0.1.0
 */
export type Trend = "improving" | "stable" | "worsening"

/**
 * The progress of one period.
 *
 * - `actual`: the combined value (quantitative) or the median level index
 *   (qualitative), with `level` its code.
 * - `share`: the share of the target reached, from the baseline when there is
 *   one (0 at the baseline, 1 at the target; not clamped, so 1.2 is 20% beyond
 *   and a negative share is worse than the baseline); for a range, 1 inside it.
 *
 * @category models
 * @since 0.1.0
 */
export interface PeriodProgress {
  readonly period: IndicatorAssignment.Period
  readonly target?: IndicatorAssignment.Target
  readonly measurements: number
  readonly persons: number
  readonly actual?: number
  readonly level?: string
  readonly share?: number
  readonly trend?: Trend
  readonly status: Status
}

/**
 * The progress of an assignment: every period in time order.
 *
 * @category models
 * @since 0.1.0
 */
export interface AssignmentProgress {
  readonly assignment: IndicatorAssignment.AssignmentId
  readonly indicator: Indicator.IndicatorId
  readonly direction: Indicator.Direction
  readonly periods: ReadonlyArray<PeriodProgress>
}

const medianLevel = (
  definition: Indicator.Qualitative,
  levels: { readonly [l: string]: number }
): number | undefined => {
  const counts = definition.scale.map((l) => levels[l.code] ?? 0)
  const n = counts.reduce((a, b) => a + b, 0)
  if (n === 0) return undefined
  let seen = 0
  for (const [i, c] of counts.entries()) {
    seen += c
    if (seen * 2 >= n) return i
  }
  return undefined
}

/** A number where higher is better, so that comparisons read the same for every direction. */
const goodness = (
  definition: Indicator.IndicatorDefinition,
  value: number,
  target: IndicatorAssignment.Target | undefined
): number => {
  if (definition.direction === "decrease") return -value
  if (
    definition.direction === "target-range" &&
    target !== undefined &&
    typeof target === "object" &&
    "min" in target
  )
    return value < target.min ? value - target.min : value > target.max ? target.max - value : 0
  return value
}

const targetValue = (
  definition: Indicator.IndicatorDefinition,
  target: IndicatorAssignment.Target | undefined
): number | undefined => {
  if (target === undefined) return undefined
  if (typeof target === "number") return definition.kind === "quantitative" ? target : undefined
  if ("level" in target)
    return definition.kind === "qualitative" ? Indicator.levelIndex(definition, target.level) : undefined
  return undefined
}

const meets = (
  definition: Indicator.IndicatorDefinition,
  actual: number,
  target: IndicatorAssignment.Target
): boolean | undefined => {
  if (typeof target === "object" && "min" in target) return actual >= target.min && actual <= target.max
  const t = targetValue(definition, target)
  if (t === undefined) return undefined
  return definition.direction === "decrease" ? actual <= t : actual >= t
}

const shareOf = (
  definition: Indicator.IndicatorDefinition,
  actual: number,
  target: IndicatorAssignment.Target | undefined,
  baseline: number | undefined
): number | undefined => {
  if (target === undefined) return undefined
  if (typeof target === "object" && "min" in target) {
    if (actual >= target.min && actual <= target.max) return 1
    if (baseline === undefined) return 0
    const d0 = Math.abs(goodness(definition, baseline, target))
    const d1 = Math.abs(goodness(definition, actual, target))
    return d0 === 0 ? 0 : 1 - d1 / d0
  }
  const t = targetValue(definition, target)
  if (t === undefined) return undefined
  const from = baseline ?? 0
  if (t === from) return meets(definition, actual, target) ? 1 : 0
  return (actual - from) / (t - from)
}

/**
 * The progress of an assignment from a summary of its measurements (for
 * example the merge of the municipalities' summaries). `asOf` is the date of
 * the check (a target not met in a period that ended before it is
 * `not-attainable`); without it every period with data counts as closed.
 *
 * @category calculators
 * @since 0.1.0
 */
export const fromSummary = (
  definition: Indicator.IndicatorDefinition,
  assignment: IndicatorAssignment.IndicatorAssignment,
  summary: Summary.Summary,
  options: { readonly asOf?: string } = {}
): AssignmentProgress => {
  const baseline =
    assignment.baseline === undefined
      ? undefined
      : definition.kind === "qualitative"
        ? assignment.baseline.level === undefined
          ? undefined
          : Indicator.levelIndex(definition, assignment.baseline.level)
        : assignment.baseline.value
  const periods = [...assignment.periods].sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0))
  let previous = baseline
  const out: Array<PeriodProgress> = []
  for (const plan of periods) {
    const period = { start: plan.start, end: plan.end }
    const cell = Summary.total(summary, assignment.indicator, period)
    const base = { period, ...(plan.target === undefined ? {} : { target: plan.target }) }
    const actual =
      cell === undefined
        ? undefined
        : definition.kind === "qualitative"
          ? medianLevel(definition, cell.levels)
          : Summary.aggregate(cell, definition.aggregation)
    if (cell === undefined || actual === undefined) {
      out.push({
        ...base,
        measurements: cell?.count ?? 0,
        persons: cell?.persons ?? 0,
        status: "no-data"
      })
      continue
    }
    const trend: Trend | undefined =
      previous === undefined
        ? undefined
        : (() => {
            const d = goodness(definition, actual, plan.target) - goodness(definition, previous, plan.target)
            return d > 0 ? "improving" : d < 0 ? "worsening" : "stable"
          })()
    const met = plan.target === undefined ? undefined : meets(definition, actual, plan.target)
    const closed = options.asOf === undefined || plan.end <= options.asOf
    const status: Status =
      met === true ? "achieved" : met === false && closed ? "not-attainable" : (trend ?? "stable")
    const share = shareOf(definition, actual, plan.target, baseline)
    out.push({
      ...base,
      measurements: cell.count,
      persons: cell.persons,
      actual,
      ...(definition.kind === "qualitative" ? { level: definition.scale[actual]!.code } : {}),
      ...(share === undefined || !Number.isFinite(share) ? {} : { share }),
      ...(trend === undefined ? {} : { trend }),
      status
    })
    previous = actual
  }
  return {
    assignment: assignment.id,
    indicator: assignment.indicator,
    direction: definition.direction,
    periods: out
  }
}

/**
 * The progress of an assignment from measurements: only those of this
 * assignment count. See {@link fromSummary}.
 *
 * @example
 * ```ts
 * import * as assert from "node:assert"
 * import { Progress } from "@welfare/core"
 *
 * const definition = { id: "ind-hours", kind: "quantitative", label: { it: "Ore di volontariato", en: "Volunteer hours" }, unit: "hour", direction: "increase", aggregation: "sum", rba: "how-much" } as never
 * const y = (year: number) => ({ start: `${year}-01-01`, end: `${year}-12-31` })
 * const assignment = { id: "asg-hours", indicator: "ind-hours", scope: { type: "territory" }, responsible: ["casa-volontariato"], baseline: { date: "2015-12-31", value: 4200 }, periods: [{ ...y(2016), target: 4600 }, { ...y(2017), target: 5000 }] } as never
 * const m = (year: number, value: number) => ({ indicator: "ind-hours", assignment: "asg-hours", period: y(year), value, unit: "hour", measuredBy: "casa-volontariato", source: "administrative-data" }) as never
 * const p = Progress.progress(definition, assignment, [m(2016, 4700), m(2017, 4400)])
 * assert.deepStrictEqual(p.periods.map((x) => [x.status, x.share]), [["achieved", 1.25], ["not-attainable", 0.25]])
 * assert.strictEqual(p.periods[1]!.trend, "worsening")
 * ```
 *
 * @category calculators
 * @since 0.1.0
 */
export const progress = (
  definition: Indicator.IndicatorDefinition,
  assignment: IndicatorAssignment.IndicatorAssignment,
  measurements: Iterable<Measurement.Measurement>,
  options: { readonly asOf?: string } = {}
): AssignmentProgress => {
  const acc = Summary.accumulator()
  for (const m of measurements)
    if (m.assignment === assignment.id && m.indicator === assignment.indicator) acc.add(m)
  return fromSummary(definition, assignment, acc.result(), options)
}
