import { Published, Summary as SummaryModule } from "@welfare/core"
import { type Column, col, orNull, periodColumns, type Rows, type Value } from "./model.js"

/**
 * A row of {@link summary}: one published cell or total. A suppressed one
 * carries its key only (every figure `null`).
 *
 * @category models
 * @since 0.1.0
 */
export interface SummaryRow {
  readonly [column: string]: Value
  readonly scope: "cell" | "total"
  readonly indicator: string
  readonly period_start: string
  readonly period_end: string
  readonly municipality: string | null
  readonly suppressed: boolean
  readonly hidden: Published.Hidden | null
  readonly count: number | null
  readonly persons: number | null
  readonly sum: number | null
  readonly mean: number | null
  readonly min: number | null
  readonly max: number | null
  readonly levels: string | null
}

/**
 * The columns of {@link summary}, in order.
 *
 * @category constants
 * @since 0.1.0
 */
export const summaryColumns: ReadonlyArray<Column> = [
  col(
    "scope",
    "string",
    false,
    "cell (un comune, o nessun comune) o total (totale sui comuni)",
    "cell (one municipality, or none) or total (over the municipalities)"
  ),
  col("indicator", "string", false, "Id dell'indicatore", "Id of the indicator"),
  ...periodColumns,
  col(
    "municipality",
    "string",
    true,
    "Id del comune; vuoto per i totali",
    "Id of the municipality; empty for totals"
  ),
  col(
    "suppressed",
    "boolean",
    false,
    "Se è oscurata (meno persone della soglia, o per proteggerne un'altra)",
    "Whether it is hidden (fewer persons than the threshold, or to protect another cell)"
  ),
  col(
    "hidden",
    "string",
    true,
    "Perché è oscurata: small (poche persone) o complementary (per proteggerne un'altra)",
    "Why it is hidden: small (few persons) or complementary (to protect another cell)"
  ),
  col("count", "integer", true, "Misurazioni", "Measurements"),
  col(
    "persons",
    "integer",
    true,
    "Persone; vuoto se non riguarda persone",
    "Persons; empty when not about persons"
  ),
  col("sum", "number", true, "Somma dei valori numerici", "Sum of the numeric values"),
  col("mean", "number", true, "Media dei valori numerici", "Mean of the numeric values"),
  col("min", "number", true, "Minimo", "Minimum"),
  col("max", "number", true, "Massimo", "Maximum"),
  col("levels", "string", true, "Giudizi per livello (JSON)", "Judgements per level (JSON)")
]

/** The persons of a shown cell, or `null` when it is not about persons. @internal */
export const personsOf = (c: SummaryModule.Cell): number | null => (c.personCounted > 0 ? c.persons : null)

/** The sum of a shown cell's numeric values, or `null` when it has none. @internal */
export const sumOf = (c: SummaryModule.Cell): number | null => (c.numeric > 0 ? SummaryModule.sum(c) : null)

/** The mean of a shown cell's numeric values, or `null` when it has none. @internal */
export const meanOf = (c: SummaryModule.Cell): number | null => orNull(SummaryModule.mean(c))

/** A shown cell's judgements per level as JSON (levels sorted), or `null` when it has none. @internal */
export const levelsOf = (c: SummaryModule.Cell): string | null => {
  for (const _ in c.levels) {
    const codes = Object.keys(c.levels).sort()
    return JSON.stringify(Object.fromEntries(codes.map((l) => [l, c.levels[l]])))
  }
  return null
}

/** The municipality column of a cell or total. @internal */
export const municipalityOf = (scope: "cell" | "total", c: Published.Cell): string | null =>
  scope === "total" || c.municipality === undefined ? null : c.municipality

// Rows are object literals with every column in order (never spread from a
// shared key object: a spread row is about a hundred times slower to build).
const summaryRow = (scope: "cell" | "total", c: Published.Cell): SummaryRow => {
  const municipality = municipalityOf(scope, c)
  if (c.suppressed)
    return {
      scope,
      indicator: c.indicator,
      period_start: c.period.start,
      period_end: c.period.end,
      municipality,
      suppressed: true,
      hidden: c.hidden,
      count: null,
      persons: null,
      sum: null,
      mean: null,
      min: null,
      max: null,
      levels: null
    }
  return {
    scope,
    indicator: c.indicator,
    period_start: c.period.start,
    period_end: c.period.end,
    municipality,
    suppressed: false,
    hidden: null,
    count: c.count,
    persons: personsOf(c),
    sum: sumOf(c),
    mean: meanOf(c),
    min: c.min,
    max: c.max,
    levels: levelsOf(c)
  }
}

/**
 * A published summary (`Published.publish`, or `Ledger.publish`): a row per
 * cell, then a row per total over the municipalities, each sorted by key. It
 * takes only a `Published` summary, so what it exports is what a report may
 * show: a suppressed cell keeps its key and loses every figure.
 *
 * @example
 * ```ts
 * import * as assert from "node:assert"
 * import * as Either from "effect/Either"
 * import { Published, Summary } from "@welfare/core"
 * import { Rows } from "@welfare/tables"
 *
 * const period = { start: "2024-01-01", end: "2024-12-31" }
 * const m = (municipality: string, persons: number) =>
 *   ({ indicator: "ind-families-reached", assignment: "asg-1", period, municipality, value: persons, unit: "person", persons, measuredBy: "ente-comune", source: "administrative-data" }) as never
 * const published = Either.getOrThrow(Published.publish(Summary.fromMeasurements([m("legnano", 40), m("parabiago", 30), m("canegrate", 12), m("rescaldina", 3)])))
 * const rows = Rows.summary(published).rows
 * const small = rows.find((r) => r.municipality === "rescaldina")!
 * assert.strictEqual(small.suppressed, true)
 * assert.strictEqual(small.persons, null)
 * assert.strictEqual(rows.find((r) => r.municipality === "legnano")!.persons, 40)
 * ```
 *
 * @category conversions
 * @since 0.1.0
 */
export const summary = (published: Published.Published): Rows<SummaryRow> => {
  const rows: Array<SummaryRow> = []
  for (const c of Published.cells(published)) rows.push(summaryRow("cell", c))
  for (const c of Published.totalCells(published)) rows.push(summaryRow("total", c))
  return { name: "summary", columns: summaryColumns, rows }
}
