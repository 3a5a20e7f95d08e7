import type { Dialect, QueryOptions, Source } from "./model.js"

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

export const pathOf = (column: string | ReadonlyArray<string>): ReadonlyArray<string> =>
  typeof column === "string" ? [column] : column

export const columnRef = (dialect: Dialect, column: string | ReadonlyArray<string>): string => {
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
export const columnName = (column: string | ReadonlyArray<string>): string => pathOf(column).join(".")

/** The parameters of a query, numbered in the dialect's style as they are added. */
export interface Params {
  readonly values: ReadonlyArray<string>
  readonly add: (value: string) => string
}

export const paramsFor = (dialect: Dialect): Params => {
  const values: Array<string> = []
  return {
    values,
    add: (value) => {
      values.push(value)
      return dialect === "spark" ? "?" : `$${values.length}`
    }
  }
}

export const ndjsonTypes = [
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

export const sourceSql = (options: QueryOptions, params: Params): string => {
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

export const textType = (dialect: Dialect): string =>
  dialect === "spark" ? "STRING" : dialect === "postgres" ? "text" : "VARCHAR"

export const doubleType = (dialect: Dialect): string =>
  dialect === "postgres" ? "double precision" : "DOUBLE"

// ---------------------------------------------------------------------------
// the per-row expressions
