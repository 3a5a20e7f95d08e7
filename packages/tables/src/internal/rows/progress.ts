import type { Progress } from "@welfare/core"
import { Published as PublishedModule } from "@welfare/core"
import { type Column, col, orNull, periodColumns, type Rows, type Value } from "./model.js"

/**
 * A row of {@link progress}: one period of one assignment.
 *
 * @category models
 * @since 0.1.0
 */
export interface ProgressRow {
  readonly [column: string]: Value
  readonly assignment: string
  readonly indicator: string
  readonly direction: string
  readonly period_start: string
  readonly period_end: string
  readonly target: string | null
  readonly suppressed: boolean
  readonly measurements: number | null
  readonly persons: number | null
  readonly actual: number | null
  readonly level: string | null
  readonly share: number | null
  readonly trend: Progress.Trend | null
  readonly status: Progress.Status
}

/**
 * The columns of {@link progress}, in order.
 *
 * @category constants
 * @since 0.1.0
 */
export const progressColumns: ReadonlyArray<Column> = [
  col("assignment", "string", false, "Id dell'assegnazione", "Id of the assignment"),
  col("indicator", "string", false, "Id dell'indicatore", "Id of the indicator"),
  col("direction", "string", false, "Direzione buona dell'indicatore", "Good direction of the indicator"),
  ...periodColumns,
  col("target", "string", true, "Obiettivo del periodo (JSON)", "Target of the period (JSON)"),
  col(
    "suppressed",
    "boolean",
    false,
    "Se è oscurato (meno persone della soglia): valori vuoti",
    "Whether it is suppressed (fewer persons than the threshold): figures empty"
  ),
  col("measurements", "integer", true, "Misurazioni", "Measurements"),
  col("persons", "integer", true, "Persone", "Persons"),
  col("actual", "number", true, "Valore del periodo", "Value of the period"),
  col("level", "string", true, "Livello mediano (qualitativo)", "Median level (qualitative)"),
  col("share", "number", true, "Quota del cammino verso l'obiettivo", "Share of the way to the target"),
  col("trend", "string", true, "Andamento sul periodo precedente", "Trend on the previous period"),
  col("status", "string", false, "Stato", "Status")
]

/**
 * The progress of assignments towards their targets (`Progress.progress`):
 * a row per assignment and period. A period about fewer persons than
 * `threshold` (default `Published.defaultThreshold`, 5) is suppressed like a
 * summary cell: its figures (measurements, persons, actual, level, share,
 * trend) are `null` and its status reads `no-data`, so no small count of
 * persons leaves through progress.
 *
 * @example
 * ```ts
 * import * as assert from "node:assert"
 * import { Rows } from "@welfare/tables"
 *
 * const period = (year: number, persons: number) => ({
 *   period: { start: `${year}-01-01`, end: `${year}-12-31` },
 *   measurements: 1,
 *   persons,
 *   actual: persons,
 *   share: persons / 50,
 *   status: "improving" as const
 * })
 * const rows = Rows.progress([
 *   { assignment: "asg-1" as never, indicator: "ind-1" as never, direction: "increase", periods: [period(2023, 3), period(2024, 30)] }
 * ]).rows
 * assert.deepStrictEqual(rows.map((r) => r.suppressed), [true, false])
 * assert.strictEqual(rows[0]!.actual, null)
 * assert.strictEqual(rows[1]!.share, 0.6)
 * ```
 *
 * @category conversions
 * @since 0.1.0
 */
export const progress = (
  items: ReadonlyArray<Progress.AssignmentProgress>,
  options: { readonly threshold?: number } = {}
): Rows<ProgressRow> => {
  const threshold = options.threshold ?? PublishedModule.defaultThreshold
  return {
    name: "progress",
    columns: progressColumns,
    rows: items.flatMap((a) =>
      a.periods.map((p): ProgressRow => {
        const small = p.persons > 0 && p.persons < threshold
        return {
          assignment: a.assignment,
          indicator: a.indicator,
          direction: a.direction,
          period_start: p.period.start,
          period_end: p.period.end,
          target: p.target === undefined ? null : JSON.stringify(p.target),
          suppressed: small,
          measurements: small ? null : p.measurements,
          persons: small || p.persons === 0 ? null : p.persons,
          actual: small ? null : orNull(p.actual),
          level: small ? null : orNull(p.level),
          share: small ? null : orNull(p.share),
          trend: small ? null : orNull(p.trend),
          status: small ? "no-data" : p.status
        }
      })
    )
  }
}
