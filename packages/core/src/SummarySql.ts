/**
 * Summaries computed where the data lives: the SQL that folds a table of
 * measurements into the partial cells of a `Summary` (DuckDB, PostgreSQL,
 * Spark SQL), the reading of its rows back into a `Summary` that merges,
 * suppresses and renders like any other, and the checks that turn a missing
 * column, a wrong type, a NULL or a wrong unit into problems naming the
 * table, the column and the row.
 *
 * Exactness: a `Summary` keeps each sum as whole units plus millionths, each
 * value split as `trunc(v)` and `round((v - trunc(v)) * 1e6)` in IEEE
 * doubles. The SQL does the very same split per row, in doubles, and sums the
 * two parts as integers (PostgreSQL `numeric`, Spark `BIGINT`, DuckDB doubles
 * holding only integers, exact below 2^53, a bound {@link fromRows} checks),
 * so no fractional value is ever summed and the order of the rows, the
 * partitions and the engine's parallelism cannot change a digit: the engine's
 * summary equals `Summary.fromMeasurements` over the same measurements, and
 * partial summaries of any split merge to it.
 *
 * Safety: identifiers (table, columns) are always quoted; every value that
 * comes from a document (ids, units, file paths) is a parameter of the query,
 * never text of the SQL.
 *
 * Pure and engine-free (it runs in browsers): the CLI runs the queries on
 * DuckDB and PostgreSQL (`@welfare/cli/sql`); a Spark job runs the `spark`
 * dialect (see the guide "SQL engines").
 *
 * @since 0.1.0
 */
import type * as Indicator from "./Indicator.js"
import * as Measurement from "./Measurement.js"
import * as Problem from "./Problem.js"
import * as Summary from "./Summary.js"

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
 * Quotes an identifier for a dialect (double quotes, or Spark's backticks),
 * doubling the quote character inside it: any text is a safe identifier.
 *
 * @example
 * ```ts
 * import * as assert from "node:assert"
 * import { SummarySql } from "@welfare/core"
 *
 * assert.strictEqual(SummarySql.quote("duckdb", 'x"; DROP TABLE t; --'), '"x""; DROP TABLE t; --"')
 * assert.strictEqual(SummarySql.quote("spark", "a`b"), "`a``b`")
 * ```
 *
 * @category engines
 * @since 0.1.0
 */
export const quote = (dialect: Dialect, identifier: string): string =>
  dialect === "spark" ? `\`${identifier.replaceAll("`", "``")}\`` : `"${identifier.replaceAll('"', '""')}"`

const pathOf = (column: string | ReadonlyArray<string>): ReadonlyArray<string> =>
  typeof column === "string" ? [column] : column

const columnRef = (dialect: Dialect, column: string | ReadonlyArray<string>): string => {
  const path = pathOf(column)
  // PostgreSQL reads a field of a composite column as (column).field
  if (dialect === "postgres" && path.length > 1)
    return `(${quote(dialect, path[0]!)}).${path
      .slice(1)
      .map((p) => quote(dialect, p))
      .join(".")}`
  return path.map((p) => quote(dialect, p)).join(".")
}

/** The name of a column as the user wrote it, for messages. */
const columnName = (column: string | ReadonlyArray<string>): string => pathOf(column).join(".")

class Params {
  readonly values: Array<string> = []
  constructor(readonly dialect: Dialect) {}
  add(value: string): string {
    this.values.push(value)
    return this.dialect === "spark" ? "?" : `$${this.values.length}`
  }
}

const ndjsonTypes = [
  "id: 'VARCHAR'",
  "indicator: 'VARCHAR'",
  "assignment: 'VARCHAR'",
  'period: \'STRUCT("start" VARCHAR, "end" VARCHAR)\'',
  "municipality: 'VARCHAR'",
  "value: 'VARCHAR'",
  "unit: 'VARCHAR'",
  "level: 'VARCHAR'",
  "measuredBy: 'VARCHAR'",
  "source: 'VARCHAR'",
  "persons: 'VARCHAR'"
].join(", ")

const sourceSql = (options: QueryOptions, params: Params): string => {
  const { dialect, source } = options
  if (source._tag === "Table") {
    const name = typeof source.name === "string" ? [source.name] : source.name
    return name.map((p) => quote(dialect, p)).join(".")
  }
  if (dialect === "duckdb") {
    const path = params.add(source.path)
    switch (source.format) {
      case "parquet":
        return `read_parquet(${path})`
      case "csv":
        return `read_csv(${path})`
      case "ndjson":
        // the JSON form of a measurement, typed here: numbers are read as text, so that
        // one that is not a number is a problem at its row, not a failed scan
        return `read_json(${path}, format = 'newline_delimited', columns = {${ndjsonTypes}})`
    }
  }
  if (dialect === "spark")
    return `${source.format === "ndjson" ? "json" : source.format}.${quote(dialect, source.path)}`
  throw new Error(`PostgreSQL reads tables, not files: load ${source.path} into a table first`)
}

/**
 * The name of a source, for messages: the file's path or the table's name.
 *
 * @category getters
 * @since 0.1.0
 */
export const sourceName = (source: Source): string =>
  source._tag === "File" ? source.path : typeof source.name === "string" ? source.name : source.name.join(".")

const textType = (dialect: Dialect): string =>
  dialect === "spark" ? "STRING" : dialect === "postgres" ? "text" : "VARCHAR"
const doubleType = (dialect: Dialect): string => (dialect === "postgres" ? "double precision" : "DOUBLE")

// ---------------------------------------------------------------------------
// the per-row expressions

interface Row {
  readonly [field: string]: string
}

const numberPattern = "^ *[-+]?([0-9]+[.]?[0-9]*|[.][0-9]+)([eE][-+]?[0-9]+)? *$"
const integerPattern = "^ *[-+]?[0-9]+ *$"

/** A text read as a number, or NULL when it is not one (never an error). */
const tryNumber = (dialect: Dialect, e: string, integer: boolean): string => {
  const type = integer ? "BIGINT" : doubleType(dialect)
  if (dialect === "postgres")
    return `CASE WHEN ${e} ~ '${integer ? integerPattern : numberPattern}' THEN CAST(${e} AS ${type}) END`
  return `${dialect === "spark" ? "try_cast" : "TRY_CAST"}(${e} AS ${type})`
}

/** A date as `YYYY-MM-DD` text. */
const formatDate = (dialect: Dialect, e: string): string =>
  dialect === "postgres"
    ? `to_char(${e}, 'YYYY-MM-DD')`
    : dialect === "spark"
      ? `date_format(${e}, 'yyyy-MM-dd')`
      : `strftime(${e}, '%Y-%m-%d')`

/**
 * The expression of each field in one row, NULL for an absent optional field;
 * `lenient`: a text that is not a number reads as NULL (for the checks).
 */
const fieldExpressions = (options: QueryOptions, lenient = false): Row => {
  const { dialect } = options
  const columns = options.columns ?? flatColumns
  const kinds = options.shape?.kinds
  const present = (f: Field): boolean => kinds === undefined || kinds[f] !== undefined
  const out: { [field: string]: string } = {}
  for (const f of [...requiredFields, ...optionalFields]) {
    if (!present(f)) {
      // typed, so that PostgreSQL compares an absent persons column with a number
      out[f] =
        f === "persons"
          ? "CAST(NULL AS BIGINT)"
          : f === "value"
            ? `CAST(NULL AS ${doubleType(dialect)})`
            : `CAST(NULL AS ${textType(dialect)})`
      continue
    }
    const ref = columnRef(dialect, columns[f])
    const kind = kinds?.[f]
    if (f === "value" || f === "persons") {
      const integer = f === "persons"
      out[f] =
        lenient && kind === "text"
          ? tryNumber(dialect, ref, integer)
          : `CAST(${ref} AS ${integer ? "BIGINT" : doubleType(dialect)})`
      // the column as it is, to tell a NULL from a text that is not a number
      out[`${f}Raw`] = ref
    } else if ((f === "periodStart" || f === "periodEnd") && kind === "date")
      out[f] = formatDate(dialect, ref)
    else out[f] = kind === undefined || kind === "text" ? ref : `CAST(${ref} AS ${textType(dialect)})`
  }
  return out
}

// ---------------------------------------------------------------------------
// the summary query

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
 * The SQL that summarises a measurements table: one row per indicator,
 * period, municipality and judged level (and assignment and measuring actor
 * with `detail`), with the count, the count of values, the exact sum as
 * whole units and millionths (integers), the minimum, the maximum, the
 * persons and the measurements that counted them. {@link fromRows} reads the
 * rows into a `Summary`.
 *
 * @example
 * ```ts
 * import * as assert from "node:assert"
 * import { SummarySql } from "@welfare/core"
 *
 * const q = SummarySql.summaryQuery({ dialect: "duckdb", source: { _tag: "File", format: "parquet", path: "data.parquet" } })
 * assert.deepStrictEqual(q.params, ["data.parquet"])
 * assert.ok(q.sql.includes("FROM read_parquet($1)"))
 * assert.ok(q.sql.includes("GROUP BY"))
 * ```
 *
 * @category engines
 * @since 0.1.0
 */
export const summaryQuery = (options: SummaryQueryOptions): Query => {
  const { dialect } = options
  const params = new Params(dialect)
  const from = sourceSql(options, params)
  const f = fieldExpressions(options)
  const q = (name: string): string => quote(dialect, name)
  const kinds = options.shape?.kinds
  // dates are grouped as they are and written as text once per cell, not once per row
  const isDate = (field: Field): boolean => kinds?.[field] === "date"
  const columns = options.columns ?? flatColumns
  const raw = (field: Field): string => (isDate(field) ? columnRef(dialect, columns[field]) : f[field]!)
  const out = (field: Field, name: string): string => (isDate(field) ? formatDate(dialect, q(name)) : q(name))
  const keys: ReadonlyArray<readonly [string, string, string]> = [
    ["indicator", f.indicator!, q("indicator")],
    ...(options.detail === true
      ? [
          ["assignment", f.assignment!, q("assignment")] as const,
          ["measured_by", f.measuredBy!, q("measured_by")] as const
        ]
      : []),
    ["period_start", raw("periodStart"), out("periodStart", "period_start")],
    ["period_end", raw("periodEnd"), out("periodEnd", "period_end")],
    ["municipality", f.municipality!, q("municipality")],
    ...(options.partition === undefined
      ? []
      : [["part", columnRef(dialect, options.partition), q("part")] as const])
  ]
  const keyNames = keys.map(([name]) => q(name))
  const whole =
    dialect === "spark"
      ? `CASE WHEN ${q("value")} < 0 THEN ceil(${q("value")}) ELSE floor(${q("value")}) END`
      : `trunc(${q("value")})`
  // Math.round is floor(x + 0.5), but for the one double just below 0.5, which x + 0.5 rounds up
  const millionths = `floor(${q("fraction")} + 0.5) - CAST(${q("fraction")} = 0.49999999999999994 AS ${dialect === "duckdb" ? "DOUBLE" : "INTEGER"})`
  // DuckDB sums the whole units and the millionths as doubles: each is an integer, so every
  // partial sum is exact while below 2^53 (fromRows refuses a cell that could pass it); the
  // servers sum them as integers
  const sums =
    dialect === "duckdb"
      ? [`sum(${q("whole")})`, `sum(${millionths})`]
      : [
          `sum(CAST(${q("whole")} AS BIGINT))`,
          `sum(CAST(${millionths} AS ${dialect === "postgres" ? "INTEGER" : "BIGINT"}))`
        ]
  const sql = `-- @welfare/core SummarySql: partial Summary cells (${dialect})
WITH measurements AS (
  SELECT
${keys.map(([name, e]) => `    ${e} AS ${q(name)},`).join("\n")}
    ${f.value} AS ${q("value")},
    ${f.level} AS ${q("level")},
    ${f.persons} AS ${q("persons")}
  FROM ${from}
),
split AS (
  -- each value as whole units and millionths, exactly as Summary splits it in doubles
  SELECT *, ${whole} AS ${q("whole")}
  FROM measurements
),
scaled AS (
  SELECT *, (${q("value")} - ${q("whole")}) * 1000000 AS ${q("fraction")}
  FROM split
),
cells AS (
  -- a level is a judgement in the rows without a value: count - numeric of its row
  SELECT
${keyNames.map((k) => `    ${k},`).join("\n")}
    ${q("level")},
    count(*) AS ${q("count")},
    count(${q("value")}) AS ${q("numeric")},
    ${sums[0]} AS ${q("units")},
    ${sums[1]} AS ${q("micros")},
    min(${q("value")}) AS ${q("min")},
    max(${q("value")}) AS ${q("max")},
    sum(${q("persons")}) AS ${q("persons")},
    count(${q("persons")}) AS ${q("person_counted")}
  FROM scaled
  GROUP BY ${[...keyNames, q("level")].join(", ")}
)
SELECT
${keys.map(([name, , e]) => `  ${e} AS ${q(name)},`).join("\n")}
  ${[q("level"), q("count"), q("numeric"), q("units"), q("micros"), q("min"), q("max"), q("persons"), q("person_counted")].join(", ")}
FROM cells`
  return { sql, params: params.values }
}

// ---------------------------------------------------------------------------
// reading rows back

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

/** An exact integer from a driver's number, bigint or decimal text, or undefined. */
const integer = (v: unknown): number | undefined => {
  if (v === null || v === undefined) return 0
  if (typeof v === "number") return Number.isSafeInteger(v) ? v : undefined
  if (typeof v === "bigint")
    return v <= BigInt(Number.MAX_SAFE_INTEGER) && v >= BigInt(Number.MIN_SAFE_INTEGER)
      ? Number(v)
      : undefined
  if (typeof v === "string" && /^-?\d+$/.test(v)) return integer(BigInt(v))
  return undefined
}

const double = (v: unknown): number | null => {
  if (v === null || v === undefined) return null
  const n = typeof v === "number" ? v : Number(v)
  // never a negative zero, as Summary keeps them
  return n + 0
}

const text = (v: unknown): string | undefined => (v === null || v === undefined ? undefined : String(v))

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
 * Reads the rows of a {@link summaryQuery} (of one engine, or of several
 * partitions or engines together) into a `Summary`: the partial cells of one
 * key merge exactly. Sums that would not be exact in JavaScript numbers
 * (beyond 9 x 10^15) are a problem, never a rounded figure.
 *
 * @example
 * ```ts
 * import * as assert from "node:assert"
 * import { Either } from "effect"
 * import { Summary, SummarySql } from "@welfare/core"
 *
 * const row = { indicator: "ind-hours", period_start: "2016-01-01", period_end: "2016-12-31", municipality: "legnano", level: null, count: 2n, numeric: 2n, units: 12n, micros: 500000n, min: 4.25, max: 8.25, persons: null, person_counted: 0n }
 * const s = SummarySql.fromRows([row, { ...row, municipality: "canegrate" }])
 * assert.ok(Either.isRight(s))
 * const total = Summary.total(s.right, "ind-hours", { start: "2016-01-01", end: "2016-12-31" })!
 * assert.strictEqual(Summary.sum(total), 25)
 * ```
 *
 * @category engines
 * @since 0.1.0
 */
export const fromRows = (
  rows: Iterable<ResultRow>,
  options: FromRowsOptions = {}
): Problem.Result<Summary.Summary> => {
  const acc = Summary.accumulator()
  const problems: Array<Problem.Problem> = []
  let i = 0
  for (const row of rows) {
    const at = i++
    const indicator = text(row.indicator) ?? ""
    const start = text(row.period_start) ?? ""
    const end = text(row.period_end) ?? ""
    const municipality = text(row.municipality)
    const level = text(row.level)
    const figures = {
      count: integer(row.count),
      numeric: integer(row.numeric),
      units: integer(row.units),
      micros: integer(row.micros),
      persons: integer(row.persons),
      personCounted: integer(row.person_counted)
    }
    const inexact = Object.entries(figures).filter(([, v]) => v === undefined)
    if (inexact.length > 0) {
      problems.push(
        Problem.make(
          "invalid-value",
          [options.source ?? "rows", at, inexact[0]![0]],
          `the ${inexact.map(([k]) => k).join(", ")} of ${indicator} ${start}/${end} is not an integer JavaScript holds exactly (got ${String(row[inexact[0]![0] === "personCounted" ? "person_counted" : inexact[0]![0]])}): summarise smaller parts and merge them`
        )
      )
      continue
    }
    // every partial sum of the cell's values stays below 2^53 (so is exact in doubles) when
    // the count of values times their largest magnitude does
    const largest = Math.max(Math.abs(double(row.min) ?? 0), Math.abs(double(row.max) ?? 0))
    if (figures.numeric! * largest >= 2 ** 53) {
      problems.push(
        Problem.make(
          "invalid-value",
          [options.source ?? "rows", at, "units"],
          `the values of ${indicator} ${start}/${end} could add up beyond 9 x 10^15, where sums stop being exact: summarise smaller parts (a partition column) and merge them`
        )
      )
      continue
    }
    const name =
      options.indicatorOf === undefined
        ? indicator
        : options.indicatorOf(indicator, text(row.assignment) ?? "", text(row.measured_by) ?? "")
    const count = figures.count!
    const numeric = figures.numeric!
    const cell: Summary.Cell = {
      indicator: name as Indicator.IndicatorId,
      period: { start, end },
      ...(municipality === undefined ? {} : { municipality: municipality as never }),
      count,
      numeric,
      units: figures.units!,
      micros: figures.micros!,
      min: double(row.min),
      max: double(row.max),
      persons: figures.persons!,
      personCounted: figures.personCounted!,
      levels: level === undefined || count === numeric ? {} : { [level]: count - numeric }
    }
    acc.addSummary({ _tag: "Summary", cells: { [Summary.keyOf(name, cell.period, municipality)]: cell } })
  }
  return Problem.fromProblems(acc.result(), problems)
}

// ---------------------------------------------------------------------------
// shape and row checks

/**
 * The kind of an engine's type name (DuckDB `VARCHAR`, `DOUBLE`,
 * `DECIMAL(18,3)`; PostgreSQL `character varying`, `double precision`;
 * Spark `string`, `bigint`).
 *
 * @category engines
 * @since 0.1.0
 */
export const typeKind = (type: string): TypeKind => {
  const t = type.toLowerCase().trim()
  if (/^(varchar|text|string|character varying|character|char|bpchar|name)\b/.test(t)) return "text"
  if (
    /^(tinyint|smallint|integer|int|int2|int4|int8|bigint|hugeint|long|short|byte|ubigint|uinteger|usmallint|utinyint)\b/.test(
      t
    )
  )
    return "integer"
  if (/^(double|float|float4|float8|real|decimal|numeric|double precision)\b/.test(t)) return "number"
  if (t === "date") return "date"
  return "other"
}

const allowed: { readonly [F in Field]: ReadonlyArray<TypeKind> } = {
  id: ["text", "integer"],
  indicator: ["text"],
  assignment: ["text"],
  periodStart: ["text", "date"],
  periodEnd: ["text", "date"],
  municipality: ["text"],
  value: ["integer", "number", "text"],
  unit: ["text"],
  level: ["text"],
  measuredBy: ["text"],
  source: ["text"],
  persons: ["integer", "text"]
}

const expectedType: { readonly [F in Field]: string } = {
  id: "a text or an integer",
  indicator: "a text (an indicator id)",
  assignment: "a text (an assignment id)",
  periodStart: "a date or a YYYY-MM-DD text",
  periodEnd: "a date or a YYYY-MM-DD text",
  municipality: "a text (a municipality id)",
  value: "a number (or a text holding one)",
  unit: "a text (a unit)",
  level: "a text (a level code)",
  measuredBy: "a text (an actor id)",
  source: "a text (a source)",
  persons: "an integer (or a text holding one)"
}

/**
 * The shape of a table from the engine's description of its columns (name
 * and type), with a problem for each required column that is missing and
 * each column of the wrong type, naming the table and the column. Nested
 * fields (paths) are taken as present and cast by the query.
 *
 * @example
 * ```ts
 * import * as assert from "node:assert"
 * import { Either } from "effect"
 * import { Problem, SummarySql } from "@welfare/core"
 *
 * const described = [
 *   { name: "indicator", type: "VARCHAR" }, { name: "assignment", type: "VARCHAR" },
 *   { name: "period_start", type: "DATE" }, { name: "period_end", type: "DATE" },
 *   { name: "value", type: "TIMESTAMP" }, { name: "unit", type: "VARCHAR" }, { name: "source", type: "VARCHAR" }
 * ]
 * const shape = SummarySql.describe(described, { source: "measurements" })
 * assert.ok(Either.isLeft(shape))
 * assert.deepStrictEqual(shape.left.map(Problem.format), [
 *   "measurements.value: the column value is TIMESTAMP, expected a number (or a text holding one): store the measurements' value as a number",
 *   "measurements.measured_by: the table has no column measured_by: add it (the measuredBy of each measurement) or map the field to its column"
 * ])
 * ```
 *
 * @category validation
 * @since 0.1.0
 */
export const describe = (
  described: ReadonlyArray<{ readonly name: string; readonly type: string }>,
  options: { readonly source: string; readonly columns?: Columns }
): Problem.Result<Shape> => {
  const columns = options.columns ?? flatColumns
  const byName = new Map(described.map((c) => [c.name, c.type]))
  const kinds: { [F in Field]?: TypeKind } = {}
  const problems: Array<Problem.Problem> = []
  for (const f of [...requiredFields, ...optionalFields]) {
    const path = pathOf(columns[f])
    const name = columnName(columns[f])
    const type = byName.get(path[0]!)
    if (type === undefined) {
      if (requiredFields.includes(f))
        problems.push(
          Problem.make(
            "missing",
            [options.source, name],
            `the table has no column ${name}: add it (the ${f} of each measurement) or map the field to its column`
          )
        )
      continue
    }
    if (path.length > 1) {
      kinds[f] = f === "value" ? "number" : f === "persons" ? "integer" : "text"
      continue
    }
    const kind = typeKind(type)
    if (!allowed[f].includes(kind))
      problems.push(
        Problem.make(
          "invalid-value",
          [options.source, name],
          `the column ${name} is ${type}, expected ${expectedType[f]}: store the measurements' ${f} as ${expectedType[f].replace(/ \(.*\)$/, "")}`
        )
      )
    else kinds[f] = kind
  }
  return Problem.fromProblems({ kinds }, problems)
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

/** The checks, in the order a row is reported by (the first that fails). */
const checkCodes = [
  "null-indicator",
  "null-assignment",
  "null-periodStart",
  "null-periodEnd",
  "null-measuredBy",
  "null-source",
  "bad-periodStart",
  "bad-periodEnd",
  "no-value-or-level",
  "value-and-level",
  "value-not-a-number",
  "persons-not-an-integer",
  "value-without-unit",
  "level-with-unit",
  "value-out-of-range",
  "negative-persons",
  "bad-source",
  "unknown-indicator",
  "unknown-assignment",
  "unknown-measuredBy",
  "unknown-municipality",
  "wrong-unit",
  "wrong-kind-value",
  "wrong-kind-level"
] as const

type CheckCode = (typeof checkCodes)[number]

const datePattern = "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"

/**
 * The SQL that finds the rows a summary cannot be trusted with: a NULL where
 * a value is required, a date that is not `YYYY-MM-DD`, a value and a level
 * (or neither), a value without its unit, a value beyond ±10^12 (or not
 * finite), negative persons, an unknown source, an unknown id (of `known`),
 * a unit that is not the indicator's, a value for a qualitative indicator or
 * a level for a quantitative one. One row per offending measurement (the
 * first check it fails), at most `limit`, each with its key (the `id`
 * column, or the engine's row number) and the total count. Ids, units and
 * sources are parameters.
 *
 * @category validation
 * @since 0.1.0
 */
export const checkQuery = (options: CheckOptions): Query => {
  const { dialect } = options
  const params = new Params(dialect)
  const from = sourceSql(options, params)
  const f = fieldExpressions(options, true)
  const q = (name: string): string => quote(dialect, name)
  const kinds = options.shape?.kinds
  const hasId = kinds === undefined || kinds.id !== undefined
  const rowKey = hasId
    ? `CAST(${columnRef(dialect, (options.columns ?? flatColumns).id)} AS ${textType(dialect)})`
    : dialect === "postgres"
      ? "CAST(ctid AS text)"
      : dialect === "spark"
        ? "CAST(monotonically_increasing_id() AS STRING)"
        : "CAST(row_number() OVER () AS VARCHAR)"
  const matches = (e: string): string =>
    dialect === "postgres"
      ? `${e} ~ '${datePattern}'`
      : dialect === "spark"
        ? `${e} RLIKE '${datePattern}'`
        : `regexp_full_match(${e}, '${datePattern}')`
  const list = (values: ReadonlyArray<string>): string =>
    values.length === 0 ? "NULL" : values.map((v) => params.add(v)).join(", ")
  const notIn = (e: string, values: ReadonlyArray<string> | undefined): string | undefined =>
    values === undefined
      ? undefined
      : values.length === 0
        ? `${e} IS NOT NULL`
        : `${e} NOT IN (${list(values)})`
  const definitions = options.indicators ?? []
  const quantitative = definitions.filter((d): d is Indicator.Quantitative => d.kind === "quantitative")
  const qualitative = definitions.filter((d) => d.kind === "qualitative")
  const v = q("value")
  const conditions: ReadonlyArray<readonly [CheckCode, string | undefined]> = [
    ["null-indicator", `${q("indicator")} IS NULL`],
    ["null-assignment", `${q("assignment")} IS NULL`],
    ["null-periodStart", `${q("period_start")} IS NULL`],
    ["null-periodEnd", `${q("period_end")} IS NULL`],
    ["null-measuredBy", `${q("measured_by")} IS NULL`],
    ["null-source", `${q("source")} IS NULL`],
    // a date column holds dates: only a text one is read for its form
    ["bad-periodStart", kinds?.periodStart === "date" ? undefined : `NOT (${matches(q("period_start"))})`],
    ["bad-periodEnd", kinds?.periodEnd === "date" ? undefined : `NOT (${matches(q("period_end"))})`],
    ["value-not-a-number", `${v} IS NULL AND ${q("value_raw")} IS NOT NULL`],
    ["persons-not-an-integer", `${q("persons")} IS NULL AND ${q("persons_raw")} IS NOT NULL`],
    ["no-value-or-level", `${v} IS NULL AND ${q("level")} IS NULL`],
    ["value-and-level", `${v} IS NOT NULL AND ${q("level")} IS NOT NULL`],
    ["value-without-unit", `${v} IS NOT NULL AND ${q("unit")} IS NULL`],
    ["level-with-unit", `${v} IS NULL AND ${q("unit")} IS NOT NULL`],
    ["value-out-of-range", `${v} IS NOT NULL AND NOT (abs(${v}) <= ${Measurement.maxValue})`],
    ["negative-persons", `${q("persons")} < 0`],
    ["bad-source", `${q("source")} NOT IN (${list(Measurement.sources)})`],
    ["unknown-indicator", notIn(q("indicator"), options.known?.indicators)],
    ["unknown-assignment", notIn(q("assignment"), options.known?.assignments)],
    ["unknown-measuredBy", notIn(q("measured_by"), options.known?.actors)],
    [
      "unknown-municipality",
      options.known?.municipalities === undefined
        ? undefined
        : `${q("municipality")} IS NOT NULL AND ${notIn(q("municipality"), options.known.municipalities)}`
    ],
    [
      "wrong-unit",
      quantitative.length === 0
        ? undefined
        : `${v} IS NOT NULL AND (${quantitative
            .map((d) => `(${q("indicator")} = ${params.add(d.id)} AND ${q("unit")} <> ${params.add(d.unit)})`)
            .join(" OR ")})`
    ],
    [
      "wrong-kind-value",
      qualitative.length === 0
        ? undefined
        : `${v} IS NOT NULL AND ${q("indicator")} IN (${list(qualitative.map((d) => d.id))})`
    ],
    [
      "wrong-kind-level",
      quantitative.length === 0
        ? undefined
        : `${v} IS NULL AND ${q("indicator")} IN (${list(quantitative.map((d) => d.id))})`
    ]
  ]
  const limit = Math.max(1, Math.floor(options.limit ?? 100))
  const sql = `-- @welfare/core SummarySql: rows a summary cannot be trusted with (${dialect})
WITH measurements AS (
  SELECT
    ${rowKey} AS ${q("row_key")},
    ${f.indicator} AS ${q("indicator")},
    ${f.assignment} AS ${q("assignment")},
    ${kinds?.periodStart === "date" ? columnRef(dialect, (options.columns ?? flatColumns).periodStart) : f.periodStart} AS ${q("period_start")},
    ${kinds?.periodEnd === "date" ? columnRef(dialect, (options.columns ?? flatColumns).periodEnd) : f.periodEnd} AS ${q("period_end")},
    ${f.municipality} AS ${q("municipality")},
    ${f.value} AS ${q("value")},
    ${f.valueRaw ?? "NULL"} AS ${q("value_raw")},
    ${f.unit} AS ${q("unit")},
    ${f.level} AS ${q("level")},
    ${f.measuredBy} AS ${q("measured_by")},
    ${f.source} AS ${q("source")},
    ${f.persons} AS ${q("persons")},
    ${f.personsRaw ?? "NULL"} AS ${q("persons_raw")}
  FROM ${from}
),
checked AS (
  SELECT ${q("row_key")}, ${q("indicator")}, ${q("unit")},
    CASE
${conditions
  .filter(([, c]) => c !== undefined)
  .map(([code, c]) => `      WHEN ${c} THEN '${code}'`)
  .join("\n")}
    END AS ${q("problem")}
  FROM measurements
)
SELECT ${q("row_key")}, ${q("indicator")}, ${q("unit")}, ${q("problem")}, count(*) OVER () AS ${q("total")}
FROM checked
WHERE ${q("problem")} IS NOT NULL
ORDER BY ${q("row_key")}
LIMIT ${limit}`
  return { sql, params: params.values }
}

const checkField = (code: CheckCode): Field => {
  switch (code) {
    case "null-indicator":
    case "unknown-indicator":
      return "indicator"
    case "null-assignment":
    case "unknown-assignment":
      return "assignment"
    case "null-periodStart":
    case "bad-periodStart":
      return "periodStart"
    case "null-periodEnd":
    case "bad-periodEnd":
      return "periodEnd"
    case "null-measuredBy":
    case "unknown-measuredBy":
      return "measuredBy"
    case "null-source":
    case "bad-source":
      return "source"
    case "no-value-or-level":
    case "value-out-of-range":
    case "wrong-kind-value":
      return "value"
    case "value-not-a-number":
      return "value"
    case "persons-not-an-integer":
      return "persons"
    case "value-and-level":
    case "wrong-kind-level":
      return "level"
    case "value-without-unit":
    case "level-with-unit":
    case "wrong-unit":
      return "unit"
    case "negative-persons":
      return "persons"
    case "unknown-municipality":
      return "municipality"
  }
}

/**
 * The problems of the rows a {@link checkQuery} found: each names the table,
 * the row (by its key) and the column, and says how to fix it; with more
 * offending rows than reported, a last problem counts the others. Never
 * quotes a row's free text (only ids, units and the row key).
 *
 * @category validation
 * @since 0.1.0
 */
export const checkProblems = (
  rows: Iterable<ResultRow>,
  options: {
    readonly source: string
    readonly columns?: Columns
    readonly indicators?: ReadonlyArray<Indicator.IndicatorDefinition>
  }
): Array<Problem.Problem> => {
  const columns = options.columns ?? flatColumns
  const units = new Map(
    (options.indicators ?? []).flatMap((d) => (d.kind === "quantitative" ? [[d.id as string, d.unit]] : []))
  )
  const out: Array<Problem.Problem> = []
  let total = 0
  for (const row of rows) {
    total = Number(row.total ?? 0)
    const code = String(row.problem) as CheckCode
    if (!checkCodes.includes(code)) continue
    const field = checkField(code)
    const column = columnName(columns[field])
    const key = String(row.row_key ?? "?")
    const indicator = text(row.indicator) ?? ""
    const message = ((): [Problem.ProblemCode, string] => {
      switch (code) {
        case "null-indicator":
        case "null-assignment":
        case "null-periodStart":
        case "null-periodEnd":
        case "null-measuredBy":
        case "null-source":
          return ["missing", `the column ${column} is NULL: every measurement needs its ${field}`]
        case "bad-periodStart":
        case "bad-periodEnd":
          return ["invalid-value", `expected a date such as 2016-06-30 in ${column}`]
        case "no-value-or-level":
          return ["missing", "the row has neither a value nor a level: a measurement carries one of them"]
        case "value-and-level":
          return [
            "invalid-value",
            "the row has both a value and a level: a measurement carries one of them, remove the other"
          ]
        case "value-not-a-number":
          return ["invalid-value", `expected a number in ${column} (a decimal point, no thousands separator)`]
        case "persons-not-an-integer":
          return ["invalid-value", `expected a whole count of persons in ${column}`]
        case "value-without-unit":
          return ["missing", `the value has no unit: add the unit of ${indicator} in ${column}`]
        case "level-with-unit":
          return ["invalid-value", `a level has no unit: empty ${column}`]
        case "value-out-of-range":
          return [
            "invalid-value",
            `expected a finite value between -${Measurement.maxValue} and ${Measurement.maxValue}`
          ]
        case "negative-persons":
          return ["invalid-value", "expected a count of persons of at least 0"]
        case "bad-source":
          return ["invalid-value", `expected one of ${Measurement.sources.join(", ")} in ${column}`]
        case "unknown-indicator":
          return [
            "unknown-reference",
            `no indicator has the id "${indicator}": add it to indicators or correct the id`
          ]
        case "unknown-assignment":
          return [
            "unknown-reference",
            "the assignment is not in the territory's assignments: add it or correct the id"
          ]
        case "unknown-measuredBy":
          return [
            "unknown-reference",
            "the measuring actor is not in the territory's actors: add it or correct the id"
          ]
        case "unknown-municipality":
          return [
            "unknown-reference",
            "the municipality is not in the territory's municipalities: add it or correct the id"
          ]
        case "wrong-unit":
          return [
            "invalid-value",
            `the indicator "${indicator}" is measured in ${units.get(indicator) ?? "another unit"}, got ${text(row.unit) ?? "none"}: convert the value or correct the unit`
          ]
        case "wrong-kind-value":
          return [
            "invalid-value",
            `the indicator "${indicator}" is qualitative: record a level of its scale, not a number`
          ]
        case "wrong-kind-level":
          return [
            "invalid-value",
            `the indicator "${indicator}" is quantitative: record a value, not a level`
          ]
      }
    })()
    out.push(Problem.make(message[0], [options.source, `row ${key}`, column], message[1]))
  }
  if (total > out.length)
    out.push(
      Problem.make(
        "rule",
        [options.source],
        `${total - out.length} more rows have problems (${total} in all): fix the ones above and check again`
      )
    )
  return out
}

/**
 * The SQL that finds the ids two or more rows share (or that `used` ids,
 * the document's own measurements', already have): one row per id, at most
 * `limit`, with how many rows hold it and the total count. Only for a table
 * with an id column.
 *
 * @category validation
 * @since 0.1.0
 */
export const duplicatesQuery = (
  options: QueryOptions & { readonly limit?: number; readonly used?: ReadonlyArray<string> }
): Query => {
  const { dialect } = options
  const params = new Params(dialect)
  const from = sourceSql(options, params)
  const id = columnRef(dialect, (options.columns ?? flatColumns).id)
  const q = (name: string): string => quote(dialect, name)
  const used = options.used ?? []
  const limit = Math.max(1, Math.floor(options.limit ?? 100))
  const text = `CAST(${id} AS ${textType(dialect)})`
  // a 64-bit hash of every id first (8 bytes a row to group, not the text), then the rows of
  // the hashes seen twice, grouped by the ids themselves: a collision is never reported
  const hash =
    dialect === "postgres"
      ? `hashtextextended(${text}, 0)`
      : dialect === "spark"
        ? `xxhash64(${text})`
        : `hash(${text})`
  // the source once more, for the second pass (DuckDB's file path is a parameter again); then
  // the used ids, once for WHERE and once for HAVING (Spark's ? markers are taken in order)
  const again = sourceSql(options, params)
  const usedList = used.map((u) => params.add(u))
  const usedAgain = used.map((u) => params.add(u))
  const sql = `-- @welfare/core SummarySql: ids that rows share (${dialect})
WITH hashed AS (
  SELECT ${hash} AS ${q("h")} FROM ${from} WHERE ${id} IS NOT NULL
),
shared AS (
  SELECT ${q("h")} FROM hashed GROUP BY ${q("h")} HAVING count(*) > 1
)
SELECT ${text} AS ${q("row_key")}, count(*) AS ${q("rows")}, count(*) OVER () AS ${q("total")}
FROM ${again}
WHERE ${id} IS NOT NULL AND (${hash} IN (SELECT ${q("h")} FROM shared)${usedList.length === 0 ? "" : ` OR ${text} IN (${usedList.join(", ")})`})
GROUP BY ${id}
HAVING count(*) > 1${usedAgain.length === 0 ? "" : ` OR ${text} IN (${usedAgain.join(", ")})`}
ORDER BY 1
LIMIT ${limit}`
  return { sql, params: params.values }
}

/**
 * The problems of the ids a {@link duplicatesQuery} found, each naming the
 * table, the id and the column.
 *
 * @category validation
 * @since 0.1.0
 */
export const duplicateProblems = (
  rows: Iterable<ResultRow>,
  options: { readonly source: string; readonly columns?: Columns; readonly used?: ReadonlyArray<string> }
): Array<Problem.Problem> => {
  const column = columnName((options.columns ?? flatColumns).id)
  const used = new Set(options.used ?? [])
  const out: Array<Problem.Problem> = []
  let total = 0
  for (const row of rows) {
    total = Number(row.total ?? 0)
    const key = String(row.row_key)
    const n = Number(row.rows ?? 0)
    out.push(
      Problem.make(
        "duplicate-id",
        [options.source, `row ${key}`, column],
        used.has(key)
          ? `the measurement id "${key}" is already used by a measurement of the document${n > 1 ? ` and by ${n} rows` : ""}: give every measurement its own id`
          : `the measurement id "${key}" is used by ${n} rows: give every measurement its own id`
      )
    )
  }
  if (total > out.length)
    out.push(
      Problem.make(
        "rule",
        [options.source],
        `${total - out.length} more ids are shared (${total} in all): fix the ones above and check again`
      )
    )
  return out
}

/**
 * The SQL that describes a source's columns: DuckDB's `DESCRIBE SELECT`
 * (rows of `column_name`, `column_type`), Spark's `DESCRIBE QUERY` (rows of
 * `col_name`, `data_type`), and for PostgreSQL an empty `SELECT` whose
 * fields carry the type ids.
 *
 * @category engines
 * @since 0.1.0
 */
export const describeQuery = (options: Pick<QueryOptions, "dialect" | "source">): Query => {
  const params = new Params(options.dialect)
  const from = sourceSql(options, params)
  const sql =
    options.dialect === "duckdb"
      ? `DESCRIBE SELECT * FROM ${from}`
      : options.dialect === "spark"
        ? `DESCRIBE QUERY SELECT * FROM ${from}`
        : `SELECT * FROM ${from} LIMIT 0`
  return { sql, params: params.values }
}
