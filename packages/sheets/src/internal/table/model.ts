/**
 * The types of the mapping between sheets and the territory document (see
 * `Table`): cells, rows, sheets, located problems, the reading and the
 * problem sink.
 *
 * @internal
 */
import type { Problem } from "@welfare/core"

/**
 * The value of one cell: text, a number, a truth value or nothing.
 *
 * @category models
 * @since 0.1.0
 */
export type Cell = string | number | boolean | null

/**
 * One row of a sheet with its number as the spreadsheet shows it (1 is the first row).
 *
 * @category models
 * @since 0.1.0
 */
export interface Row {
  readonly row: number
  readonly cells: ReadonlyArray<Cell>
}

/**
 * A sheet as rows of cells, header rows included.
 *
 * @category models
 * @since 0.1.0
 */
export interface RawSheet {
  readonly name: string
  readonly rows: ReadonlyArray<Row>
}

/**
 * A problem located in a workbook: the problem code of the JSON decoder, the
 * sheet, row and column (letter and header) it points at, the path in the
 * territory document and a sentence in Italian and English.
 *
 * @category models
 * @since 0.1.0
 */
export interface SheetProblem {
  readonly code: Problem.ProblemCode
  /** The sheet name as found in the workbook (or as the template names it). */
  readonly sheet: string
  /** The row number (1 is the first), absent for a problem of a whole sheet. */
  readonly row?: number
  /** The column letter (`F`), absent for a problem of a whole row or sheet. */
  readonly column?: string
  /** The column's key (`worksOn`), when the column is known. */
  readonly header?: string
  /** The path in the territory document, when there is one. */
  readonly path: ReadonlyArray<Problem.PathSegment>
  /** What is wrong and how to fix it, in Italian and English. */
  readonly message: { readonly it: string; readonly en: string }
}

/**
 * How the header is written: `both` writes the Italian header on row 1 and
 * the key on row 2 (workbooks); `keys` writes only the keys on row 1 (CSV).
 *
 * @category models
 * @since 0.1.0
 */
export type Headers = "both" | "keys"

/**
 * The outcome of reading sheets: the document built (to decode), the
 * problems found while reading cells, and a way to locate any problem of
 * the document at its cell.
 *
 * @category models
 * @since 0.1.0
 */
export interface Reading {
  /** The territory document, in its JSON form, before decoding. */
  readonly document: Record<string, unknown>
  /** Problems of the sheets themselves: unknown sheets and columns, cells that cannot be read. */
  readonly problems: ReadonlyArray<SheetProblem>
  /** Locates a problem of the document (a path in it) at its sheet, row and column. */
  readonly locate: (problem: Problem.Problem) => SheetProblem
}

/**
 * Problems of sheets under a cap (issue 14: memory bounded however many
 * cells are wrong): `push` keeps the first `max` (default
 * `Problem.defaultMaxProblems`) and counts the others by kind; `result` gives
 * the kept ones and, when some were left out, one last problem of the whole
 * workbook that says how many, by kind, in Italian and English.
 *
 * @category models
 * @since 0.2.0
 */
export interface ProblemSink {
  /** Keeps the problem, or counts it when `max` are kept already. */
  readonly push: (problem: SheetProblem) => void
  /** Counts problems of this kind that are not kept (a capped list's rest). */
  readonly skip: (code: Problem.ProblemCode, count: number) => void
  /** The kept problems, then one problem that counts the others by kind when there are any. */
  readonly result: () => Array<SheetProblem>
}

/** 0-based column index -> its letters (0 is `A`, 26 is `AA`). @internal */
export const columnLetter = (index: number): string => {
  let n = index + 1
  let out = ""
  while (n > 0) {
    const r = (n - 1) % 26
    out = String.fromCharCode(65 + r) + out
    n = Math.floor((n - 1) / 26)
  }
  return out
}

/** `Interventi!F12`, `Interventi!12` or `Interventi`. @internal */
export const address = (problem: SheetProblem): string =>
  problem.row === undefined ? problem.sheet : `${problem.sheet}!${problem.column ?? ""}${problem.row}`
