/**
 * The pure mapping between a territory document and its sheets: rows of
 * plain cells, with the row numbers a spreadsheet shows. No file format here
 * (see {@link Workbook} and {@link Csv}): this module runs in browsers.
 *
 * Reading builds the document from every sheet, decodes it with the same
 * decoder as the JSON document (`Territory.decode`, so the problem codes are
 * the same) and locates every problem at its sheet, row and column,
 * `Interventi!F12`, with a sentence in Italian and in English. A
 * {@link builder} takes the rows of each sheet as they arrive (a workbook
 * reader streams them), so no sheet's rows are ever held.
 *
 * @since 0.1.0
 */
import type { Territory } from "@welfare/core"
import type * as Either from "effect/Either"
import * as Build from "./internal/table/build.js"
import * as Model from "./internal/table/model.js"
import * as Sink from "./internal/table/sink.js"
import * as Writing from "./internal/table/write.js"
import type * as Layout from "./Layout.js"

export type {
  Cell,
  Headers,
  ProblemSink,
  RawSheet,
  Reading,
  Row,
  SheetProblem
} from "./internal/table/model.js"

/**
 * The column letters of a 0-based column index: 0 is `A`, 26 is `AA`.
 *
 * @example
 * ```ts
 * import * as assert from "node:assert"
 * import { Table } from "@welfare/sheets"
 *
 * assert.strictEqual(Table.columnLetter(5), "F")
 * assert.strictEqual(Table.columnLetter(27), "AB")
 * ```
 *
 * @category formatting
 * @since 0.1.0
 */
export const columnLetter: (index: number) => string = Model.columnLetter

/**
 * Where a problem is, as a spreadsheet writes it: `Interventi!F12`,
 * `Interventi!12` for a whole row, `Interventi` for the sheet.
 *
 * @category formatting
 * @since 0.1.0
 */
export const address: (problem: Model.SheetProblem) => string = Model.address

/**
 * One line for a problem: its cell, the sentence in the language asked for, and its code.
 *
 * @example
 * ```ts
 * import * as assert from "node:assert"
 * import { Table } from "@welfare/sheets"
 *
 * const line = Table.format(
 *   { code: "missing", sheet: "Attori", row: 4, column: "B", path: ["actors", 1, "kind"], message: { it: "valore obbligatorio mancante", en: "is required but missing" } },
 *   "it"
 * )
 * assert.strictEqual(line, "Attori!B4: valore obbligatorio mancante [missing]")
 * ```
 *
 * @category formatting
 * @since 0.1.0
 */
export const format = (problem: Model.SheetProblem, lang: "it" | "en"): string =>
  `${address(problem)}: ${problem.message[lang]} [${problem.code}]`

// ---------------------------------------------------------------------------
// Writing

/**
 * The rows of the header of a sheet.
 *
 * @category encoding
 * @since 0.1.0
 */
export const headerRows: (sheet: Layout.Sheet, headers: Model.Headers) => Array<Model.Row> =
  Writing.headerRows

/**
 * The sheets of a territory document (its JSON form, `Territory.encode`),
 * one per sheet of the layout, in its order, header rows first. Writing then
 * reading gives the document back (see {@link read}).
 *
 * @example
 * ```ts
 * import * as assert from "node:assert"
 * import { Table } from "@welfare/sheets"
 *
 * const sheets = Table.write({
 *   name: "Ambito di Legnano",
 *   municipalities: [{ id: "legnano", name: "Legnano" }],
 *   actors: [{ id: "coop-1", kind: "social-cooperative", resources: [{ kind: "care", amount: 400, unit: "hour" }] }]
 * })
 * const actors = sheets.find((s) => s.name === "Attori")!
 * assert.deepStrictEqual(actors.rows[1]!.cells, ["id", "kind", "name", "municipality", "policyAreas"])
 * assert.deepStrictEqual(actors.rows[2]!.cells, ["coop-1", "social-cooperative", null, null, null])
 * ```
 *
 * @category encoding
 * @since 0.1.0
 */
export const write: (
  document: unknown,
  options?: { readonly headers?: Model.Headers; readonly layout?: Layout.Layout }
) => Array<Model.RawSheet> = Writing.write

// ---------------------------------------------------------------------------
// Reading

/**
 * The rows of one sheet given to a {@link Builder}: each row in order (a
 * row is read as it comes and not kept), then `end`.
 *
 * @category models
 * @since 0.2.0
 */
export interface SheetRows {
  /** Reads one row into its record (rows in increasing order; rows 1 and 2 may be the header). */
  readonly row: (row: Model.Row) => void
  /** The sheet is over. */
  readonly end: () => void
}

/**
 * Builds the territory document from sheets whose rows arrive one at a time
 * (a workbook read as a stream): `order` names the sheets to give, as found,
 * in the order they must be given (parents before children, the layout's);
 * `sheet(name)` takes one of them; `finish` gives the {@link Reading}. A
 * sheet left out of `order` is not read: an unknown one is a problem
 * already, the template's `Istruzioni` and `Valori` are skipped.
 *
 * @category models
 * @since 0.2.0
 */
export interface Builder {
  /** The sheets to give, as named in the workbook, in the order they must be given. */
  readonly order: ReadonlyArray<string>
  /** The rows of one sheet of `order` (a sheet given twice or not in `order` reads nothing). */
  readonly sheet: (name: string) => SheetRows
  /** The document built and the way to locate problems at their cells. */
  readonly finish: () => Model.Reading
}

/**
 * The options of a {@link builder}: the layout (default `Layout.territory()`)
 * and a {@link ProblemSink} that takes the problems of the sheets as they are
 * found (then `Reading.problems` is empty); without it they are in
 * `Reading.problems`.
 *
 * @category models
 * @since 0.2.0
 */
export interface BuilderOptions {
  readonly layout?: Layout.Layout
  readonly problems?: Model.ProblemSink
}

/**
 * Makes a {@link Builder} for a workbook whose sheets have these names.
 * Memory holds the document being built, never a sheet's rows.
 *
 * @example
 * ```ts
 * import * as assert from "node:assert"
 * import { Table } from "@welfare/sheets"
 *
 * const b = Table.builder(["Istruzioni", "Attori", "Comuni", "Territorio"])
 * assert.deepStrictEqual(b.order, ["Territorio", "Comuni", "Attori"])
 * const rows: Record<string, Array<Array<string>>> = {
 *   Territorio: [["name"], ["Ambito di Legnano"]],
 *   Comuni: [["id", "name"], ["legnano", "Legnano"]],
 *   Attori: [["id", "kind"], ["coop-1", "social-cooperative"]]
 * }
 * for (const name of b.order) {
 *   const sheet = b.sheet(name)
 *   rows[name]!.forEach((cells, i) => sheet.row({ row: i + 1, cells }))
 *   sheet.end()
 * }
 * const reading = b.finish()
 * assert.deepStrictEqual(reading.document.actors, [{ id: "coop-1", kind: "social-cooperative", resources: [] }])
 * ```
 *
 * @category constructors
 * @since 0.2.0
 */
export const builder: (names: ReadonlyArray<string>, options?: BuilderOptions) => Builder = Build.builder

/**
 * Builds the territory document from sheets (a workbook's or a folder of
 * CSV files'). The header row is the last of the first two rows whose cells
 * are column keys or Italian headers; the data follow it.
 *
 * @category decoding
 * @since 0.1.0
 */
export const read: (
  sheets: ReadonlyArray<Model.RawSheet>,
  options?: { readonly layout?: Layout.Layout }
) => Model.Reading = Build.read

/**
 * Makes a {@link ProblemSink}.
 *
 * @example
 * ```ts
 * import * as assert from "node:assert"
 * import { Table } from "@welfare/sheets"
 *
 * const sink = Table.problemSink(1)
 * for (const row of [3, 4, 5]) sink.push({ code: "invalid-value", sheet: "Attori", row, column: "B", path: [], message: { it: "formula", en: "formula" } })
 * const problems = sink.result()
 * assert.strictEqual(problems.length, 2)
 * assert.strictEqual(problems[1]!.message.en, "... and 2 more problems not shown (2 invalid-value): only the first 1 are kept")
 * ```
 *
 * @category constructors
 * @since 0.2.0
 */
export const problemSink: (max?: number) => Model.ProblemSink = Sink.problemSink

/**
 * Reads sheets into a territory, decoded with `Territory.decode` (so every
 * problem carries the JSON decoder's code), every problem located at its
 * cell, all at once. A cell that cannot be read is reported once, and the
 * decoder's problems about the same cell are left out.
 *
 * @example
 * ```ts
 * import * as assert from "node:assert"
 * import { Table } from "@welfare/sheets"
 * import * as Either from "effect/Either"
 *
 * const result = Table.decode([
 *   { name: "Territorio", rows: [{ row: 1, cells: ["name"] }, { row: 2, cells: ["Ambito di Legnano"] }] },
 *   { name: "Comuni", rows: [{ row: 1, cells: ["id", "name"] }, { row: 2, cells: ["legnano", "Legnano"] }] },
 *   {
 *     name: "Attori",
 *     rows: [
 *       { row: 1, cells: ["id", "kind", "municipality"] },
 *       { row: 2, cells: ["coop-1", "cooperativa", "legnano"] }
 *     ]
 *   }
 * ])
 * assert.ok(Either.isLeft(result))
 * assert.deepStrictEqual(result.left.map((p) => `${Table.address(p)} ${p.code}`), ["Attori!B2 invalid-value"])
 * ```
 *
 * @category decoding
 * @since 0.1.0
 */
export const decode = (
  sheets: ReadonlyArray<Model.RawSheet>,
  options: { readonly layout?: Layout.Layout; readonly problems?: ReadonlyArray<Model.SheetProblem> } = {}
): Either.Either<Territory.Territory, ReadonlyArray<Model.SheetProblem>> => {
  // the first problems kept, the others counted (issue 14)
  const sink = Sink.problemSink()
  for (const p of options.problems ?? []) sink.push(p)
  const reading = Build.read(sheets, {
    ...(options.layout === undefined ? {} : { layout: options.layout }),
    problems: sink
  })
  return Build.conclude(reading, sink)
}

/**
 * Decodes the document a {@link builder} made, as {@link decode} does: the
 * problems of the sheets (in `sink` already, or in `reading.problems`) come
 * first, then the decoder's problems located at their cells (one at a cell
 * already reported is left out); all under the sink's cap.
 *
 * @category decoding
 * @since 0.2.0
 */
export const conclude: (
  reading: Model.Reading,
  sink: Model.ProblemSink
) => Either.Either<Territory.Territory, ReadonlyArray<Model.SheetProblem>> = Build.conclude
