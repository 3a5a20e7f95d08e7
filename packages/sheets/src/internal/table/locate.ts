/**
 * Locating a decoder's problem at its cell (see `build.ts`): the deepest
 * record on its path gives the sheet and row, the rest of the path the column.
 *
 * @internal
 */
import type { Problem } from "@welfare/core"
import type * as Layout from "../../Layout.js"
import { italianFor } from "./cells.js"
import { columnLetter, type SheetProblem } from "./model.js"
import type { Build } from "./state.js"

/** A decoder's problem at its sheet, row and column. @internal */
export const locate = (b: Build, problem: Problem.Problem): SheetProblem => {
  const { found, depth } = deepestRecord(b, problem.path)
  if (found === undefined) return atSection(b, problem)
  const s = found % 256
  const row = (found - s) / 256
  const column = columnAt(b.layout.sheets[s]!, problem.path.slice(depth).map(String))
  const i = column === undefined ? undefined : b.columnsOf[s]!.get(column.key)
  const it = italianFor(problem.code, column)
  return {
    code: problem.code,
    sheet: b.sheetNames[s]!,
    row,
    ...(i === undefined ? {} : { column: columnLetter(i) }),
    ...(column === undefined ? {} : { header: column.key }),
    path: problem.path,
    message: {
      it: column !== undefined && i === undefined ? `colonna ${column.key} assente: ${it}` : it,
      en:
        column !== undefined && i === undefined
          ? `column ${column.key} absent: ${problem.message}`
          : problem.message
    }
  }
}

/** The deepest record on a path that a row made (its packed sheet and row), and its depth. */
const deepestRecord = (
  b: Build,
  path: ReadonlyArray<Problem.PathSegment>
): { readonly found: number | undefined; readonly depth: number } => {
  let found: number | undefined
  let depth = 0
  let cur: unknown = b.document
  for (let i = 0; typeof cur === "object" && cur !== null; i++) {
    const hit = b.located.get(cur)
    if (hit !== undefined) {
      found = hit
      depth = i
    }
    if (i === path.length) break
    cur = (cur as Record<PropertyKey, unknown>)[path[i]!]
  }
  return { found, depth }
}

/** A problem of a whole section (`actors`) or of a record that no row made: at the section's sheet. */
const atSection = (b: Build, problem: Problem.Problem): SheetProblem => {
  const first = problem.path[0]
  const s = Math.max(
    0,
    b.layout.sheets.findIndex((x) => x.parent === 0 && x.property === first)
  )
  return {
    code: problem.code,
    sheet: b.sheetNames[s]!,
    path: problem.path,
    message: { it: italianFor(problem.code, undefined), en: problem.message }
  }
}

/** The column of the rest of a path within a record: the longest that holds it, else a nested object's first. */
const columnAt = (sheet: Layout.Sheet, rest: ReadonlyArray<string>): Layout.Column | undefined => {
  let column: Layout.Column | undefined
  for (const c of sheet.columns)
    if (c.path.length <= rest.length && c.path.every((p, i) => p === rest[i]))
      if (column === undefined || c.path.length > column.path.length) column = c
  if (column === undefined && rest.length > 0) {
    // A nested object that is missing as a whole: point at its first column.
    column = sheet.columns.find((c) => c.path.length > rest.length && rest.every((p, i) => c.path[i] === p))
  }
  return column
}
