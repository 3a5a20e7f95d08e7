/**
 * The shape of result rows (columns, values) and the helpers every row-shaping
 * module shares. Public through `Rows`.
 *
 * @internal
 */
/**
 * The type of a column: `string` (UTF-8 text), `number` (a 64-bit float),
 * `integer` (a 32-bit signed integer: counts) or `boolean`. The names are
 * Frictionless Table Schema's.
 *
 * @category models
 * @since 0.1.0
 */
export type ColumnType = "string" | "number" | "integer" | "boolean"

/**
 * A column: its name, type, whether it may be `null`, and what it holds in
 * Italian and English.
 *
 * @category models
 * @since 0.1.0
 */
export interface Column {
  readonly name: string
  readonly type: ColumnType
  readonly nullable: boolean
  readonly description: { readonly it: string; readonly en: string }
}

/**
 * A cell value.
 *
 * @category models
 * @since 0.1.0
 */
export type Value = string | number | boolean | null

/**
 * A table of results: its name (a file or SQL table name), its columns in
 * order and its rows, each a record with one value per column.
 *
 * @category models
 * @since 0.1.0
 */
export interface Rows<R extends { readonly [column: string]: Value } = { readonly [column: string]: Value }> {
  readonly name: string
  readonly columns: ReadonlyArray<Column>
  readonly rows: ReadonlyArray<R>
}

/** @internal */
export const col = (name: string, type: ColumnType, nullable: boolean, it: string, en: string): Column => ({
  name,
  type,
  nullable,
  description: { it, en }
})

/** @internal */
export const orNull = <A>(a: A | undefined): A | null => (a === undefined ? null : a)

/** @internal */
export const periodColumns = [
  col("period_start", "string", false, "Inizio del periodo (data ISO)", "Start of the period (ISO date)"),
  col("period_end", "string", false, "Fine del periodo (data ISO)", "End of the period (ISO date)")
]

/**
 * The values of one column, in row order.
 *
 * @category getters
 * @since 0.1.0
 */
export const column = (rows: Rows, name: string): ReadonlyArray<Value> =>
  rows.rows.map((r) => r[name] ?? null)
