/**
 * Result rows as CSV text (RFC 4180, written by Papa Parse): a header line of
 * column names, then one line per row, in the columns' order. `null` is an
 * empty field, booleans are `true`/`false`, numbers are written in full with
 * a dot (the form DuckDB, polars, R and spreadsheets read without a locale).
 *
 * @since 0.1.0
 */
import { Problem } from "@welfare/core"
import Papa from "papaparse"
import { fitsInt32, locate, put, type Read, type Row, result, sinkOf } from "./internal/read/columns.js"
import type { Column, Rows, Value } from "./Rows.js"

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
 * Options of {@link parse}: those of {@link format} (the delimiter; any line
 * ending is read) and `maxProblems`, the most problems kept (default
 * `Problem.defaultMaxProblems`; the rest are counted by kind).
 *
 * @category models
 * @since 0.2.0
 */
export interface ParseOptions extends Options {
  readonly maxProblems?: number
}

// one field of a typed column: its value, or the problem's sentence (values are never quoted:
// a field may hold anything a person typed)
const fieldValue = (s: string, c: Column): Read => {
  if (s === "")
    return c.nullable ? null : c.type === "string" ? "" : { code: "missing", problem: "is empty: fill it in" }
  switch (c.type) {
    case "string":
      return s
    case "boolean":
      return s === "true"
        ? true
        : s === "false"
          ? false
          : { code: "invalid-value", problem: "expected true or false" }
    case "number": {
      const n = s.trim() === s ? Number(s) : Number.NaN
      return Number.isNaN(n) && s !== "NaN"
        ? {
            code: "invalid-value",
            problem:
              "expected a number, written with a dot for decimals (as 2.5), without thousands separators"
          }
        : n
    }
    case "integer": {
      const n = s.trim() === s ? Number(s) : Number.NaN
      return Number.isInteger(n) && fitsInt32(n)
        ? n
        : {
            code: "invalid-value",
            problem: "expected a whole number from -2147483648 to 2147483647, written without separators"
          }
    }
  }
}

/**
 * Reads CSV text, as {@link format} writes it, back into rows of the given
 * columns. The header is read by name, so the columns may come in any order;
 * every problem comes back at once, each with its path (`[row].column`, the
 * row counted from 0 after the header, or `header.column`) and a sentence
 * that gives the row as a spreadsheet numbers it:
 *
 * - a column missing from the header, one it names twice, or one that is not
 *   a column of these rows (a misspelt name would otherwise be read as
 *   missing values);
 * - a row with more or fewer fields than the header (a wrong delimiter, an
 *   unclosed quote);
 * - a value that is not of its column's type (a number with a decimal comma,
 *   a whole number out of range, a boolean other than `true`/`false`), or an
 *   empty field in a column that may not be `null`.
 *
 * An empty field is `null` (the empty text in a text column that may not be
 * `null`). Values are never quoted in a problem. Memory stays bounded: past
 * `maxProblems`, problems are counted by kind.
 *
 * @example
 * ```ts
 * import * as assert from "node:assert"
 * import * as Either from "effect/Either"
 * import { Problem } from "@welfare/core"
 * import { Csv } from "@welfare/tables"
 *
 * const like = {
 *   name: "example",
 *   columns: [
 *     { name: "id", type: "string", nullable: false, description: { it: "Id", en: "Id" } },
 *     { name: "value", type: "number", nullable: true, description: { it: "Valore", en: "Value" } }
 *   ]
 * } as const
 * // columns in another order read by name
 * const read = Csv.parse("value,id\n0.5,a\n,b\n", like)
 * assert.deepStrictEqual(Either.getOrThrow(read).rows, [{ id: "a", value: 0.5 }, { id: "b", value: null }])
 * // a decimal comma, and a misspelt column
 * const bad = Csv.parse('id,valeu\na,"0,5"\n', like)
 * assert.ok(Either.isLeft(bad))
 * assert.deepStrictEqual(bad.left.kept.map(Problem.format), [
 *   'header.valeu: column 2 is not a column of "example": remove it or correct its name (the columns are id, value)',
 *   'header.value: the column is missing: add it (the columns of "example" are id, value)'
 * ])
 * ```
 *
 * @category decoding
 * @since 0.1.0
 */
export const parse = (
  text: string,
  like: Pick<Rows, "name" | "columns">,
  options: ParseOptions = {}
): Problem.CappedResult<Rows> => {
  const sink = sinkOf(options.maxProblems)
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
  const parsed = Papa.parse<Array<string>>(body, {
    delimiter: options.delimiter ?? ",",
    skipEmptyLines: false
  })
  const records = parsed.data
  // a blank line (one empty field) is no row; a file may end with one
  const isBlank = (r: ReadonlyArray<string>): boolean => r.length === 1 && r[0] === ""
  const header = records[0] ?? []
  // with no header no column can be found, nor any row read: one problem says so
  if (records.length === 0 || isBlank(header)) {
    sink.add(
      Problem.make(
        "missing",
        ["header"],
        `the header is missing: the first line names the columns (${like.columns.map((c) => c.name).join(", ")})`
      )
    )
    return result(sink, like, [])
  }
  const at = locate(header, like.columns, like.name, sink)
  const unclosed = new Set(parsed.errors.filter((e) => e.code === "MissingQuotes").map((e) => e.row))
  const rows: Array<Row> = []
  for (let r = 1; r < records.length; r++) {
    const cells = records[r]!
    if (isBlank(cells)) continue
    const i = rows.length
    const where = `row ${r + 1} of the CSV`
    if (unclosed.has(r)) {
      sink.add(
        Problem.make("invalid-value", [i], `${where} has a quoted field that is not closed: close the quote`)
      )
      rows.push({})
      continue
    }
    if (cells.length !== header.length) {
      sink.add(
        Problem.make(
          "invalid-value",
          [i],
          `${where} has ${cells.length} fields where the header has ${header.length}: check the delimiter and the quotes`
        )
      )
      rows.push({})
      continue
    }
    const row: Row = {}
    like.columns.forEach((c, k) => {
      if (at[k]! < 0) return
      put(sink, row, c, i, where, fieldValue(cells[at[k]!]!, c))
    })
    rows.push(row)
  }
  return result(sink, like, rows)
}
