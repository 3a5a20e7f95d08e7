import type * as Indicator from "../../Indicator.js"
import type { checkQuery, describe } from "./checks.js"
import type { fromRows, summaryQuery } from "./summary.js"

/**
 * The SQL dialects the queries are written for.
 *
 * @category models
 * @since 0.1.0
 */
export type Dialect = "duckdb" | "postgres" | "spark"

/**
 * The fields of a measurement as they are read from a table.
 *
 * @category models
 * @since 0.1.0
 */
export type Field =
  | "id"
  | "indicator"
  | "assignment"
  | "periodStart"
  | "periodEnd"
  | "municipality"
  | "value"
  | "unit"
  | "level"
  | "measuredBy"
  | "source"
  | "persons"

/**
 * Where each field is in the table: a column name, or a path into a nested
 * column (`["period", "start"]` for NDJSON's `period.start`).
 *
 * @category models
 * @since 0.1.0
 */
export type Columns = { readonly [F in Field]: string | ReadonlyArray<string> }

/**
 * The columns of a flat measurements table (snake case), the layout of the
 * Parquet, CSV and SQL tables the library reads by default.
 *
 * @category constants
 * @since 0.1.0
 */
export const flatColumns: Columns = {
  id: "id",
  indicator: "indicator",
  assignment: "assignment",
  periodStart: "period_start",
  periodEnd: "period_end",
  municipality: "municipality",
  value: "value",
  unit: "unit",
  level: "level",
  measuredBy: "measured_by",
  source: "source",
  persons: "persons"
}

/**
 * The columns of NDJSON measurements (the JSON form of `Measurement`), read
 * as a table (DuckDB's `read_json`).
 *
 * @category constants
 * @since 0.1.0
 */
export const jsonColumns: Columns = {
  ...flatColumns,
  periodStart: ["period", "start"],
  periodEnd: ["period", "end"],
  measuredBy: "measuredBy"
}

/**
 * The fields a table must have.
 *
 * @category constants
 * @since 0.1.0
 */
export const requiredFields: ReadonlyArray<Field> = [
  "indicator",
  "assignment",
  "periodStart",
  "periodEnd",
  "value",
  "unit",
  "measuredBy",
  "source"
]

/**
 * The fields a table may go without (they are then NULL in every row).
 *
 * @category constants
 * @since 0.1.0
 */
export const optionalFields: ReadonlyArray<Field> = ["id", "municipality", "level", "persons"]

/**
 * What a query reads: a table (its name, schema-qualified as a path), or a
 * file scanned by the engine (DuckDB's `read_parquet`, `read_csv`,
 * `read_json`; Spark's `parquet.`path``), the path being a parameter.
 *
 * @category models
 * @since 0.1.0
 */
export type Source =
  | { readonly _tag: "Table"; readonly name: string | ReadonlyArray<string> }
  | { readonly _tag: "File"; readonly format: "parquet" | "csv" | "ndjson"; readonly path: string }

/**
 * The kind of a column's type, as the engine describes it.
 *
 * @category models
 * @since 0.1.0
 */
export type TypeKind = "text" | "integer" | "number" | "date" | "other"

/**
 * What a query needs to know of the table: which optional fields it has and
 * the kind of each column (from {@link describe} of the engine's description).
 *
 * @category models
 * @since 0.1.0
 */
export interface Shape {
  readonly kinds: { readonly [F in Field]?: TypeKind }
}

/**
 * Options of every query: the dialect, the source, where the fields are
 * (default {@link flatColumns}) and the table's shape (default: every field
 * present, of its natural type).
 *
 * @category models
 * @since 0.1.0
 */
export interface QueryOptions {
  readonly dialect: Dialect
  readonly source: Source
  readonly columns?: Columns
  readonly shape?: Shape
}

/**
 * A query: its SQL text and its positional parameters.
 *
 * @category models
 * @since 0.1.0
 */
export interface Query {
  readonly sql: string
  readonly params: ReadonlyArray<string>
}

// ---------------------------------------------------------------------------
// quoting and parameters

/**
 * Options of {@link summaryQuery}: `detail` groups by assignment and
 * measuring actor too (what the CLI's evaluation needs); `partition`, a
 * column whose values split the table into parts summarised apart (a
 * partition id: the rows then hold partial cells, merged by
 * {@link fromRows}).
 *
 * @category models
 * @since 0.1.0
 */
export interface SummaryQueryOptions extends QueryOptions {
  readonly detail?: boolean
  readonly partition?: string
}

/**
 * One row of the {@link summaryQuery}'s result, as a driver returns it
 * (numbers may come as `bigint` or as decimal text).
 *
 * @category models
 * @since 0.1.0
 */
export interface ResultRow {
  readonly [column: string]: unknown
}

/**
 * Options of {@link fromRows}: `indicatorOf` names the cell's indicator from
 * the row's indicator, assignment and measuring actor (with `detail` rows;
 * default the indicator); `source`, the name of what was read, for messages.
 *
 * @category models
 * @since 0.1.0
 */
export interface FromRowsOptions {
  /** The indicator a cell is filed under, from the row's indicator, assignment and measuring actor. */
  readonly indicatorOf?: (indicator: string, assignment: string, measuredBy: string) => string
  readonly source?: string
}

/**
 * What {@link checkQuery} checks besides the table's own rules: the
 * indicator definitions (a value's unit must be its indicator's, a
 * qualitative indicator takes a level and a quantitative one a value) and,
 * when given, the ids a measurement may refer to.
 *
 * @category models
 * @since 0.1.0
 */
export interface CheckOptions extends QueryOptions {
  readonly indicators?: ReadonlyArray<Indicator.IndicatorDefinition>
  readonly known?: {
    readonly indicators?: ReadonlyArray<string>
    readonly assignments?: ReadonlyArray<string>
    readonly actors?: ReadonlyArray<string>
    readonly municipalities?: ReadonlyArray<string>
  }
  /** The most rows reported (default 100); the total is counted. */
  readonly limit?: number
}
