import type * as Indicator from "../../Indicator.js"
import * as Problem from "../../Problem.js"
import * as Summary from "../../Summary.js"
import {
  type Dialect,
  type Field,
  type FromRowsOptions,
  flatColumns,
  optionalFields,
  type Query,
  type QueryOptions,
  type ResultRow,
  requiredFields,
  type SummaryQueryOptions
} from "./model.js"
import { columnRef, doubleType, paramsFor, quote, sourceSql, textType } from "./quote.js"

export interface Row {
  readonly [field: string]: string
}

export const numberPattern = "^ *[-+]?([0-9]+[.]?[0-9]*|[.][0-9]+)([eE][-+]?[0-9]+)? *$"

export const integerPattern = "^ *[-+]?[0-9]+ *$"

/** A text read as a number, or NULL when it is not one (never an error). */
export const tryNumber = (dialect: Dialect, e: string, integer: boolean): string => {
  const type = integer ? "BIGINT" : doubleType(dialect)
  if (dialect === "postgres")
    return `CASE WHEN ${e} ~ '${integer ? integerPattern : numberPattern}' THEN CAST(${e} AS ${type}) END`
  return `${dialect === "spark" ? "try_cast" : "TRY_CAST"}(${e} AS ${type})`
}

/** A date as `YYYY-MM-DD` text. */
export const formatDate = (dialect: Dialect, e: string): string =>
  dialect === "postgres"
    ? `to_char(${e}, 'YYYY-MM-DD')`
    : dialect === "spark"
      ? `date_format(${e}, 'yyyy-MM-dd')`
      : `strftime(${e}, '%Y-%m-%d')`

/**
 * The expression of each field in one row, NULL for an absent optional field;
 * `lenient`: a text that is not a number reads as NULL (for the checks).
 */
export const fieldExpressions = (options: QueryOptions, lenient = false): Row => {
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
  const params = paramsFor(dialect)
  const from = sourceSql(options, params)
  const f = fieldExpressions(options)
  const q = (name: string): string => quote(dialect, name)
  const keys = groupKeys(options, f)
  const keyNames = keys.map(([name]) => q(name))
  const whole =
    dialect === "spark"
      ? `CASE WHEN ${q("value")} < 0 THEN ceil(${q("value")}) ELSE floor(${q("value")}) END`
      : `trunc(${q("value")})`
  const sums = exactSums(dialect)
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

// The keys a cell is grouped by: its name, the expression of a row and the expression of the result.
const groupKeys = (
  options: SummaryQueryOptions,
  f: Row
): ReadonlyArray<readonly [string, string, string]> => {
  const { dialect } = options
  const q = (name: string): string => quote(dialect, name)
  const kinds = options.shape?.kinds
  // dates are grouped as they are and written as text once per cell, not once per row
  const isDate = (field: Field): boolean => kinds?.[field] === "date"
  const columns = options.columns ?? flatColumns
  const raw = (field: Field): string => (isDate(field) ? columnRef(dialect, columns[field]) : f[field]!)
  const out = (field: Field, name: string): string => (isDate(field) ? formatDate(dialect, q(name)) : q(name))
  return [
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
}

// The sums of the whole units and of the millionths of the values.
const exactSums = (dialect: Dialect): readonly [string, string] => {
  const q = (name: string): string => quote(dialect, name)
  // Math.round is floor(x + 0.5), but for the one double just below 0.5, which x + 0.5 rounds up
  const millionths = `floor(${q("fraction")} + 0.5) - CAST(${q("fraction")} = 0.49999999999999994 AS ${dialect === "duckdb" ? "DOUBLE" : "INTEGER"})`
  // DuckDB sums the whole units and the millionths as doubles: each is an integer, so every
  // partial sum is exact while below 2^53 (fromRows refuses a cell that could pass it); the
  // servers sum them as integers
  return dialect === "duckdb"
    ? [`sum(${q("whole")})`, `sum(${millionths})`]
    : [
        `sum(CAST(${q("whole")} AS BIGINT))`,
        `sum(CAST(${millionths} AS ${dialect === "postgres" ? "INTEGER" : "BIGINT"}))`
      ]
}

// ---------------------------------------------------------------------------
// reading rows back

/** An exact integer from a driver's number, bigint or decimal text, or undefined. */
export const integer = (v: unknown): number | undefined => {
  if (v === null || v === undefined) return 0
  if (typeof v === "number") return Number.isSafeInteger(v) ? v : undefined
  if (typeof v === "bigint")
    return v <= BigInt(Number.MAX_SAFE_INTEGER) && v >= BigInt(Number.MIN_SAFE_INTEGER)
      ? Number(v)
      : undefined
  if (typeof v === "string" && /^-?\d+$/.test(v)) return integer(BigInt(v))
  return undefined
}

export const double = (v: unknown): number | null => {
  if (v === null || v === undefined) return null
  const n = typeof v === "number" ? v : Number(v)
  // never a negative zero, as Summary keeps them
  return n + 0
}

export const text = (v: unknown): string | undefined =>
  v === null || v === undefined ? undefined : String(v)

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
