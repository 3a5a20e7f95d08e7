import type { Published } from "@welfare/core"
import { Summary as SummaryModule } from "@welfare/core"
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

// The values of one row, in column order, written into `v` (one array reused
// for every row: the rows and the columnar Arrow path read the same values
// from one place, and neither allocates per value).
const fill = (v: Array<Value>, scope: "cell" | "total", c: Published.Cell): void => {
  v[0] = scope
  v[1] = c.indicator
  v[2] = c.period.start
  v[3] = c.period.end
  v[4] = scope === "total" || c.municipality === undefined ? null : c.municipality
  v[5] = c.suppressed
  if (c.suppressed) {
    v[6] = c.hidden
    for (let j = 7; j < 14; j++) v[j] = null
    return
  }
  v[6] = null
  v[7] = c.count
  v[8] = c.personCounted > 0 ? c.persons : null
  v[9] = c.numeric > 0 ? SummaryModule.sum(c) : null
  v[10] = orNull(SummaryModule.mean(c))
  v[11] = c.min
  v[12] = c.max
  let levels: string | null = null
  // A judgement counts in `count` but not in `numeric`: with none, the levels
  // are not read at all (a million cells are read faster without them).
  if (c.count !== c.numeric)
    for (const _ in c.levels) {
      const codes = Object.keys(c.levels).sort()
      levels = JSON.stringify(Object.fromEntries(codes.map((l) => [l, c.levels[l]])))
      break
    }
  v[13] = levels
}

/**
 * The keys of the rows {@link summary} gives: every cell, then every total, each in code-unit order.
 *
 * @internal
 */
export const summaryKeys = (
  published: Published.Published
): { readonly cells: ReadonlyArray<string>; readonly totals: ReadonlyArray<string> } => ({
  // keys in code-unit order (the default sort)
  cells: Object.keys(published.cells).sort(),
  totals: Object.keys(published.totals).sort()
})

/**
 * Visits the rows of {@link summary} in order (a row per cell, then a row per
 * total, each sorted by key), without building them: `visit` receives the
 * values of each row in column order, in an array reused for the next row.
 *
 * @internal
 */
export const visitSummary = (
  published: Published.Published,
  keys: { readonly cells: ReadonlyArray<string>; readonly totals: ReadonlyArray<string> },
  visit: (values: ReadonlyArray<Value>) => void
): void => {
  const v: Array<Value> = new Array(summaryColumns.length).fill(null)
  for (const k of keys.cells) {
    fill(v, "cell", published.cells[k]!)
    visit(v)
  }
  for (const k of keys.totals) {
    fill(v, "total", published.totals[k]!)
    visit(v)
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
  // Rows are object literals with every column in order (never spread from a
  // shared key object: a spread row is about a hundred times slower to build).
  visitSummary(published, summaryKeys(published), (v) =>
    rows.push({
      scope: v[0],
      indicator: v[1],
      period_start: v[2],
      period_end: v[3],
      municipality: v[4],
      suppressed: v[5],
      hidden: v[6],
      count: v[7],
      persons: v[8],
      sum: v[9],
      mean: v[10],
      min: v[11],
      max: v[12],
      levels: v[13]
    } as SummaryRow)
  )
  return { name: "summary", columns: summaryColumns, rows }
}
