/**
 * View models: the small, documented shapes the renderers draw. They hold
 * only what a chart or a table shows (bilingual texts already chosen from the
 * `labels` tables of `@welfare/core`), so that renderers stay independent of
 * how an assessment or an evaluation is computed. The adapters of
 * {@link From} build them from the models of `@welfare/core`.
 *
 * Every renderer is total over these types: a non-finite number is shown as
 * "n.d." and never drawn, a value outside `[0, 1]` is drawn at the nearest
 * bound (and printed as it is), an edge to an unknown node is skipped.
 *
 * @since 0.1.0
 */
import type { Actor } from "@welfare/core"
import type { Str } from "./Labels.js"

/**
 * One axis of a radar: a dimension, with its key and bilingual name.
 *
 * @category models
 * @since 0.1.0
 */
export interface RadarAxis {
  readonly key: string
  readonly label: Str
}

/**
 * One profile drawn on a radar: a value in `[0, 1]` per axis, in the axes'
 * order (`null` when not available).
 *
 * @category models
 * @since 0.1.0
 */
export interface RadarSeries {
  readonly name: Str
  readonly values: ReadonlyArray<number | null>
}

/**
 * A radar of the seven dimensions: 0 at the centre is the traditional pole, 1
 * on the outer ring the generative pole. One series for a profile, two for a
 * comparison (drawn overlaid, the second dashed with square markers).
 *
 * @category models
 * @since 0.1.0
 */
export interface RadarData {
  readonly title: Str
  readonly axes: ReadonlyArray<RadarAxis>
  readonly series: ReadonlyArray<RadarSeries>
}

/**
 * One indicator's progress: `value` is the share of the way from baseline to
 * target (`0` at baseline, `1` at target; beyond both is possible), `null`
 * when it cannot be computed or was suppressed.
 *
 * @category models
 * @since 0.1.0
 */
export interface ProgressBar {
  readonly key: string
  readonly label: Str
  readonly value: number | null
  readonly note?: Str
}

/**
 * A bar chart of indicator progress.
 *
 * @category models
 * @since 0.1.0
 */
export interface ProgressBars {
  readonly title: Str
  readonly bars: ReadonlyArray<ProgressBar>
}

/**
 * An actor in the network, with its sector (which decides its arc, colour and
 * marker shape).
 *
 * @category models
 * @since 0.1.0
 */
export interface NetworkNode {
  readonly id: string
  readonly label: Str
  readonly sector: Actor.Sector
}

/**
 * A link between two actors (shared partnerships), with a positive weight.
 *
 * @category models
 * @since 0.1.0
 */
export interface NetworkEdge {
  readonly source: string
  readonly target: string
  readonly weight: number
}

/**
 * The partnership network: actors as nodes, shared partnerships as edges.
 *
 * @category models
 * @since 0.1.0
 */
export interface NetworkView {
  readonly title: Str
  readonly nodes: ReadonlyArray<NetworkNode>
  readonly edges: ReadonlyArray<NetworkEdge>
}

/**
 * A count of persons that may have been suppressed for privacy: `value` is
 * the count, or `null` when it is below `threshold` (shown as "< 5").
 *
 * @category models
 * @since 0.1.0
 */
export interface Count {
  readonly _tag: "Count"
  readonly value: number | null
  readonly threshold: number
  /**
   * Why a hidden count is hidden, when it is not small itself: `"complementary"`
   * for a count hidden so that a small one cannot be found by subtraction
   * (shown as "hidden to protect another cell", never as "< 5", issue 14).
   */
  readonly hidden?: "complementary"
}

/**
 * A share in `[0, 1]`, shown as a percentage.
 *
 * @category models
 * @since 0.1.0
 */
export interface Percent {
  readonly _tag: "Percent"
  readonly value: number
}

/**
 * A table cell: a text, a number, a count of persons, a percentage, or `null`
 * for "not available" ("n.d.").
 *
 * @category models
 * @since 0.1.0
 */
export type Cell = Str | number | Count | Percent | null

/**
 * A table row: its header (the first column, a `<th scope="row">`) and cells.
 *
 * @category models
 * @since 0.1.0
 */
export interface Row {
  readonly header: Str
  readonly cells: ReadonlyArray<Cell>
}

/**
 * A table with a caption, column headers (the first one heads the row headers)
 * and rows.
 *
 * @category models
 * @since 0.1.0
 */
export interface Table {
  readonly caption: Str
  readonly columns: ReadonlyArray<Str>
  readonly rows: ReadonlyArray<Row>
}

/**
 * A count of persons as a cell: suppressed (`null` value) when below
 * `threshold` (default 5). Use the counts that core's summaries already
 * suppressed; this constructor also suppresses a small count it is given.
 *
 * @example
 * ```ts
 * import * as assert from "node:assert"
 * import { View } from "@welfare/report"
 *
 * assert.deepStrictEqual(View.count(3), { _tag: "Count", value: null, threshold: 5 })
 * assert.strictEqual(View.count(12).value, 12)
 * ```
 *
 * @category constructors
 * @since 0.1.0
 */
export const count = (value: number | null, threshold = 5): Count => ({
  _tag: "Count",
  value: value === null || !Number.isFinite(value) || (value > 0 && value < threshold) ? null : value,
  threshold
})

/**
 * A count hidden by complementary suppression: not small itself, hidden so
 * that a small count of the same table cannot be found by subtraction. Shown
 * as "hidden to protect another cell" ("nascosto per proteggere un'altra
 * cella"), never as "< 5".
 *
 * @example
 * ```ts
 * import * as assert from "node:assert"
 * import { Report, View } from "@welfare/report"
 *
 * assert.strictEqual(Report.cellText(View.complementary(), "en"), "hidden to protect another cell")
 * ```
 *
 * @category constructors
 * @since 0.1.0
 */
export const complementary = (threshold = 5): Count => ({
  _tag: "Count",
  value: null,
  threshold,
  hidden: "complementary"
})

/**
 * A percentage cell.
 *
 * @category constructors
 * @since 0.1.0
 */
export const percent = (value: number): Percent => ({ _tag: "Percent", value })

/**
 * Whether a cell is a count of persons.
 *
 * @category predicates
 * @since 0.1.0
 */
export const isCount = (cell: Cell): cell is Count =>
  typeof cell === "object" && cell !== null && "_tag" in cell && cell._tag === "Count"

/**
 * Whether a cell is a percentage.
 *
 * @category predicates
 * @since 0.1.0
 */
export const isPercent = (cell: Cell): cell is Percent =>
  typeof cell === "object" && cell !== null && "_tag" in cell && cell._tag === "Percent"
