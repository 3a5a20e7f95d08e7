/**
 * Building the territory document from sheets as their rows arrive (see
 * `Table.builder`): each row becomes its record at once and is dropped, so
 * a workbook of 100,000 measurements never holds its rows, only the
 * document; and locating the decoder's problems at their cells.
 *
 * @internal
 */
import { type Problem, Territory } from "@welfare/core"
import * as Either from "effect/Either"
import type * as Layout from "../../Layout.js"
import { territory as territoryLayout } from "../../Layout.js"
import { canon } from "./cells.js"
import { locate } from "./locate.js"
import { address, type ProblemSink, type RawSheet, type Reading, type SheetProblem } from "./model.js"
import { type SheetRows, startSheet } from "./rows.js"
import { type Build, newBuild, skipTo } from "./state.js"

export type { SheetRows } from "./rows.js"

/** See `Table.Builder`. @internal */
export interface Builder {
  readonly order: ReadonlyArray<string>
  readonly sheet: (name: string) => SheetRows
  readonly finish: () => Reading
}

/** See `Table.BuilderOptions`. @internal */
export interface BuilderOptions {
  readonly layout?: Layout.Layout
  readonly problems?: ProblemSink
}

/** Sheets that a workbook may carry besides the data: the template's explanation and value lists. */
const ignoredSheets = new Set(["istruzioni", "instructions", "valori", "values", "leggimi", "readme"])

const noRows: SheetRows = { row: () => undefined, end: () => undefined }

/** See `Table.builder`. @internal */
export const builder = (names: ReadonlyArray<string>, options: BuilderOptions = {}): Builder => {
  const b = newBuild(options.layout ?? territoryLayout(), options.problems?.push)
  for (const name of names) matchSheet(b, name)
  const wanted = new Map<string, number>()
  b.given.forEach((name, s) => {
    if (name !== undefined) wanted.set(name, s)
  })
  const started = new Set<number>()
  return {
    order: b.given.filter((n): n is string => n !== undefined),
    sheet: (name) => {
      const s = wanted.get(name)
      if (s === undefined || started.has(s)) return noRows
      started.add(s)
      skipTo(b, s)
      return startSheet(b, s)
    },
    finish: () => {
      skipTo(b, b.layout.sheets.length)
      return { document: b.document, problems: b.own, locate: (problem) => locate(b, problem) }
    }
  }
}

/** Matches a workbook's sheet to the layout's (by its Italian or English name or its path), or reports it. */
const matchSheet = (b: Build, name: string): void => {
  const { layout } = b
  const wanted = canon(name)
  const index = layout.sheets.findIndex(
    (s) =>
      canon(s.name) === wanted ||
      canon(s.nameEn) === wanted ||
      canon(s.path.filter((p) => p !== "*").join(".")) === wanted
  )
  if (index === -1) {
    if (!ignoredSheets.has(wanted))
      b.push({
        code: "invalid-value",
        sheet: name,
        path: [],
        message: {
          it: `foglio sconosciuto: i fogli ammessi sono ${layout.sheets.map((s) => s.name).join(", ")}; rinominarlo o eliminarlo`,
          en: `unknown sheet: the sheets allowed are ${layout.sheets.map((s) => s.nameEn).join(", ")}; rename or delete it`
        }
      })
    return
  }
  if (b.given[index] !== undefined) {
    b.push({
      code: "duplicate-id",
      sheet: name,
      path: [],
      message: {
        it: "foglio presente due volte: unirne le righe in uno",
        en: "sheet present twice: merge its rows into one"
      }
    })
    return
  }
  b.given[index] = name
  b.sheetNames[index] = name
}

/** See `Table.read`: every sheet given to a {@link builder}, in its order. @internal */
export const read = (sheets: ReadonlyArray<RawSheet>, options: BuilderOptions = {}): Reading => {
  const b = builder(
    sheets.map((s) => s.name),
    options
  )
  for (const name of b.order) {
    const raw = sheets.find((s) => s.name === name)!
    const rows = b.sheet(name)
    for (const r of raw.rows) rows.row(r)
    rows.end()
  }
  return b.finish()
}

/**
 * Decodes the document a builder made (`Territory.decodeCapped`) and adds
 * its problems, located at their cells, to the sink that holds the
 * problems of the sheets already: the territory, or every problem. A
 * decoder's problem at a cell already reported is left out.
 *
 * @internal
 */
export const conclude = (
  reading: Reading,
  sink: ProblemSink
): Either.Either<Territory.Territory, ReadonlyArray<SheetProblem>> => {
  for (const p of reading.problems) sink.push(p)
  const decoded = Territory.decodeCapped(reading.document)
  const early = sink.result()
  if (Either.isRight(decoded) && early.length === 0) return Either.right(decoded.right)
  if (Either.isLeft(decoded)) {
    const seen = new Set(early.filter((p) => p.column !== undefined).map((p) => address(p)))
    for (const p of decoded.left.kept) {
      const located = reading.locate(p)
      if (located.column === undefined || !seen.has(address(located))) sink.push(located)
    }
    for (const [code, n] of Object.entries(decoded.left.omitted)) sink.skip(code as Problem.ProblemCode, n)
  }
  return Either.left(sink.result())
}
