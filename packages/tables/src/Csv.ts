/**
 * Result rows as CSV text (RFC 4180, written by Papa Parse): a header line of
 * column names, then one line per row, in the columns' order. `null` is an
 * empty field, booleans are `true`/`false`, numbers are written in full with
 * a dot (the form DuckDB, polars, R and spreadsheets read without a locale).
 *
 * @since 0.1.0
 */
import Papa from "papaparse"
import type { Rows, Value } from "./Rows.js"

/**
 * Options of {@link format}: the field delimiter (`,` by default; `;` for
 * spreadsheets set to an Italian locale) and the line ending (`\n` by
 * default).
 *
 * @category models
 * @since 0.1.0
 */
export interface Options {
  readonly delimiter?: "," | ";" | "\t"
  readonly newline?: "\n" | "\r\n"
}

const field = (v: Value | undefined): string | number | boolean =>
  v === null || v === undefined ? "" : typeof v === "number" && !Number.isFinite(v) ? String(v) : v

/**
 * The rows as CSV text, ending with a newline.
 *
 * @example
 * ```ts
 * import * as assert from "node:assert"
 * import { Csv } from "@welfare/tables"
 *
 * const text = Csv.format({
 *   name: "example",
 *   columns: [
 *     { name: "id", type: "string", nullable: false, description: { it: "Id", en: "Id" } },
 *     { name: "value", type: "number", nullable: true, description: { it: "Valore", en: "Value" } }
 *   ],
 *   rows: [{ id: "a, b", value: 0.5 }, { id: "c", value: null }]
 * })
 * assert.strictEqual(text, 'id,value\n"a, b",0.5\nc,\n')
 * ```
 *
 * @category encoding
 * @since 0.1.0
 */
export const format = (rows: Rows, options: Options = {}): string => {
  const names = rows.columns.map((c) => c.name)
  const newline = options.newline ?? "\n"
  return `${Papa.unparse(
    { fields: names, data: rows.rows.map((r) => names.map((n) => field(r[n]))) },
    { delimiter: options.delimiter ?? ",", newline, quotes: false, escapeFormulae: false }
  )}${newline}`
}

/**
 * Reads CSV text written by {@link format} back into rows of the given
 * columns (an empty field is `null`; numbers, integers and booleans are
 * parsed by the column's type). Used to check round trips; an unknown value
 * of a typed column is kept as text.
 *
 * @category decoding
 * @since 0.1.0
 */
export const parse = (text: string, like: Pick<Rows, "name" | "columns">, options: Options = {}): Rows => {
  // an empty line is no row: every row has a field per column, so at least one delimiter
  const result = Papa.parse<Array<string>>(text, {
    delimiter: options.delimiter ?? ",",
    skipEmptyLines: true
  })
  const [, ...body] = result.data
  return {
    name: like.name,
    columns: like.columns,
    rows: body.map((cells) =>
      Object.fromEntries(
        like.columns.map((c, i) => {
          const s = cells[i] ?? ""
          if (s === "") return [c.name, c.type === "string" && !c.nullable ? "" : null]
          if (c.type === "number" || c.type === "integer") {
            const n = Number(s)
            return [c.name, Number.isNaN(n) && s !== "NaN" ? s : n]
          }
          if (c.type === "boolean") return [c.name, s === "true" ? true : s === "false" ? false : s]
          return [c.name, s]
        })
      )
    )
  }
}
