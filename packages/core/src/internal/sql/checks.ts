import type * as Indicator from "../../Indicator.js"
import * as Measurement from "../../Measurement.js"
import * as Problem from "../../Problem.js"
import {
  type CheckOptions,
  type Columns,
  type Field,
  flatColumns,
  optionalFields,
  type Query,
  type QueryOptions,
  type ResultRow,
  requiredFields,
  type Shape,
  type TypeKind
} from "./model.js"
import { columnName, columnRef, paramsFor, pathOf, quote, sourceSql, textType } from "./quote.js"
import { fieldExpressions, text } from "./summary.js"

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

export const allowed: { readonly [F in Field]: ReadonlyArray<TypeKind> } = {
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

export const expectedType: { readonly [F in Field]: string } = {
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

/** The checks, in the order a row is reported by (the first that fails). */
export const checkCodes = [
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

export type CheckCode = (typeof checkCodes)[number]

export const datePattern = "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"

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
  const params = paramsFor(dialect)
  const from = sourceSql(options, params)
  const conditions = [...rowConditions(options, params), ...referenceConditions(options, params)]
  const limit = Math.max(1, Math.floor(options.limit ?? 100))
  const q = (name: string): string => quote(dialect, name)
  const sql = `-- @welfare/core SummarySql: rows a summary cannot be trusted with (${dialect})
WITH measurements AS (
${checkedColumns(options)}
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

type Params = ReturnType<typeof paramsFor>
type Condition = readonly [CheckCode, string | undefined]

// The SELECT of the measurements' columns as the checks read them (dates as they are in a date column).
const checkedColumns = (options: CheckOptions): string => {
  const { dialect } = options
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
  return `  SELECT
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
    ${f.personsRaw ?? "NULL"} AS ${q("persons_raw")}`
}

// A list of parameters, or NULL (an IN of nothing).
const listOf = (params: Params, values: ReadonlyArray<string>): string =>
  values.length === 0 ? "NULL" : values.map((v) => params.add(v)).join(", ")

// The checks of a row on its own: missing fields, dates, numbers, value or level, unit, range, source.
const rowConditions = (options: CheckOptions, params: Params): Array<Condition> => {
  const { dialect } = options
  const q = (name: string): string => quote(dialect, name)
  const kinds = options.shape?.kinds
  const matches = (e: string): string =>
    dialect === "postgres"
      ? `${e} ~ '${datePattern}'`
      : dialect === "spark"
        ? `${e} RLIKE '${datePattern}'`
        : `regexp_full_match(${e}, '${datePattern}')`
  const v = q("value")
  return [
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
    ["bad-source", `${q("source")} NOT IN (${listOf(params, Measurement.sources)})`]
  ]
}

// The checks against the territory: known ids, and each indicator's unit and kind.
const referenceConditions = (options: CheckOptions, params: Params): Array<Condition> => {
  const q = (name: string): string => quote(options.dialect, name)
  const notIn = (e: string, values: ReadonlyArray<string> | undefined): string | undefined =>
    values === undefined
      ? undefined
      : values.length === 0
        ? `${e} IS NOT NULL`
        : `${e} NOT IN (${listOf(params, values)})`
  const definitions = options.indicators ?? []
  const quantitative = definitions.filter((d): d is Indicator.Quantitative => d.kind === "quantitative")
  const qualitative = definitions.filter((d) => d.kind === "qualitative")
  const v = q("value")
  return [
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
        : `${v} IS NOT NULL AND ${q("indicator")} IN (${listOf(
            params,
            qualitative.map((d) => d.id)
          )})`
    ],
    [
      "wrong-kind-level",
      quantitative.length === 0
        ? undefined
        : `${v} IS NULL AND ${q("indicator")} IN (${listOf(
            params,
            quantitative.map((d) => d.id)
          )})`
    ]
  ]
}

export const checkField = (code: CheckCode): Field => {
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
    const message = checkMessage(code, { column, field, indicator, unit: text(row.unit), units })
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

// The problem code and the sentence of a check's code, at a column of a row.
const checkMessage = (
  code: CheckCode,
  at: {
    readonly column: string
    readonly field: Field
    readonly indicator: string
    readonly unit: string | undefined
    readonly units: ReadonlyMap<string, string>
  }
): [Problem.ProblemCode, string] => {
  const { column, field, indicator } = at
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
        `the indicator "${indicator}" is measured in ${at.units.get(indicator) ?? "another unit"}, got ${at.unit ?? "none"}: convert the value or correct the unit`
      ]
    case "wrong-kind-value":
      return [
        "invalid-value",
        `the indicator "${indicator}" is qualitative: record a level of its scale, not a number`
      ]
    case "wrong-kind-level":
      return ["invalid-value", `the indicator "${indicator}" is quantitative: record a value, not a level`]
  }
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
  const params = paramsFor(dialect)
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
  const params = paramsFor(options.dialect)
  const from = sourceSql(options, params)
  const sql =
    options.dialect === "duckdb"
      ? `DESCRIBE SELECT * FROM ${from}`
      : options.dialect === "spark"
        ? `DESCRIBE QUERY SELECT * FROM ${from}`
        : `SELECT * FROM ${from} LIMIT 0`
  return { sql, params: params.values }
}
