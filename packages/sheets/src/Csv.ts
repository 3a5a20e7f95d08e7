/**
 * CSV text to and from sheets, with Papa Parse (RFC 4180: quoted fields,
 * embedded newlines and quotes; the delimiter, comma or semicolon as Italian
 * spreadsheets write it, is detected). A folder of CSV files, one per sheet
 * named like the sheet (`Interventi.csv`), reads like a workbook.
 *
 * @since 0.1.0
 */
import Papa from "papaparse"
import type { Cell, RawSheet, Row } from "./Table.js"

/** The delimiter is the most frequent of comma, semicolon and tab on the first line (the header, whose keys hold none of them). */
const delimiterOf = (text: string): string => {
  const end = text.search(/\r?\n/)
  const first = end === -1 ? text : text.slice(0, end)
  let best = ","
  let most = -1
  for (const d of [",", ";", "\t"]) {
    const n = first.split(d).length
    if (n > most) {
      most = n
      best = d
    }
  }
  return best
}

/**
 * Parses CSV text into the rows of a sheet (every cell a string, an empty
 * cell `null`). A byte order mark is dropped.
 *
 * @example
 * ```ts
 * import * as assert from "node:assert"
 * import { Csv } from "@welfare/sheets"
 *
 * const sheet = Csv.parse("Comuni", 'id;name\nlegnano;"Legnano"\n')
 * assert.deepStrictEqual(sheet.rows, [
 *   { row: 1, cells: ["id", "name"] },
 *   { row: 2, cells: ["legnano", "Legnano"] }
 * ])
 * ```
 *
 * @category decoding
 * @since 0.1.0
 */
export const parse = (name: string, text: string): RawSheet => {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
  const result = Papa.parse<Array<string>>(body, { skipEmptyLines: false, delimiter: delimiterOf(body) })
  const rows: Array<Row> = []
  result.data.forEach((cells, i) => {
    if (cells.length === 1 && cells[0] === "" && i === result.data.length - 1) return
    rows.push({ row: i + 1, cells: cells.map((c): Cell => (c === "" ? null : c)) })
  })
  return { name, rows }
}

/**
 * Writes the rows of a sheet as CSV text (comma-separated, CRLF line ends,
 * quoted where needed), ready for {@link parse}.
 *
 * @category formatting
 * @since 0.1.0
 */
export const format = (sheet: RawSheet): string =>
  `${Papa.unparse(
    sheet.rows.map((r) => r.cells.map((c) => (c === null ? "" : typeof c === "string" ? c : String(c)))),
    { newline: "\r\n", quotes: false }
  )}\r\n`
