/**
 * Workbooks (`.xlsx`) read in Node, Deno and browsers alike, with a lean
 * streaming reader of their XML (no exceljs, no Node API): each sheet's text
 * is inflated a chunk at a time (the platform's `DecompressionStream`) and
 * its rows go straight into the document being built ({@link Table.builder}),
 * so memory holds the document, one chunk and the shared strings, never a
 * sheet's rows. Writing workbooks stays with `@welfare/sheets/xlsx` (Node,
 * exceljs).
 *
 * Hostile workbooks are refused cleanly and with bounded memory: a file
 * beyond its size, an archive that declares too much, shared strings or
 * sheets that inflate beyond their caps (a zip bomb stops at the cap, the
 * real sizes count), a sheet beyond the row limit (refused at that row, its
 * rows never read), a row larger than 16 MB of XML; formulas, merged cells,
 * cells formatted as dates and error cells are problems located at their
 * cells, never read silently.
 *
 * @example
 * ```ts
 * import * as assert from "node:assert"
 * import { Workbook } from "@welfare/sheets"
 * import * as Either from "effect/Either"
 *
 * // in a page: Workbook.decode(new Uint8Array(await file.arrayBuffer())); in Node: readFileSync(path)
 * const result = await Workbook.decode(new TextEncoder().encode("name;kind\ncoop-1;business"))
 * assert.ok(Either.isLeft(result))
 * assert.strictEqual(result.left[0]!.message.en, "the file is not a readable .xlsx workbook (not a zip archive)")
 * ```
 *
 * @since 0.2.0
 */
import type { Territory } from "@welfare/core"
import * as Either from "effect/Either"
import { dateStyles, OoxmlError, SharedStrings, Worksheet, workbookParts } from "./internal/ooxml.js"
import { builder, conclude } from "./internal/table/build.js"
import {
  columnLetter,
  type ProblemSink,
  type RawSheet,
  type Row,
  type SheetProblem
} from "./internal/table/model.js"
import { problemSink } from "./internal/table/sink.js"
import * as Zip from "./internal/zip.js"
import type * as Layout from "./Layout.js"

/**
 * The limits of {@link read} and {@link decode}. The defaults are editorial
 * choices sized for a territory (hundreds of thousands of measurements) and
 * the 300 MB of a modest machine: the file 64 MB, everything inflated 512
 * MB, shared strings 64 MB, 500,000 rows a sheet.
 *
 * @category models
 * @since 0.2.0
 */
export interface Limits {
  /** The size of the file, in bytes. */
  readonly maxFileBytes?: number
  /** The size of all the entries once inflated, in bytes. */
  readonly maxInflatedBytes?: number
  /** The size of the shared strings once inflated, in bytes. */
  readonly maxSharedStringsBytes?: number
  /** The last row number a sheet may use. */
  readonly maxRows?: number
}

/**
 * The default {@link Limits}.
 *
 * @category constants
 * @since 0.2.0
 */
export const defaultLimits: Required<Limits> = {
  maxFileBytes: 64 * 1024 * 1024,
  maxInflatedBytes: 512 * 1024 * 1024,
  maxSharedStringsBytes: 64 * 1024 * 1024,
  maxRows: 500_000
}

/**
 * The sheets read from a workbook and the problems of its cells.
 *
 * @category models
 * @since 0.2.0
 */
export interface WorkbookReading {
  readonly sheets: ReadonlyArray<RawSheet>
  readonly problems: ReadonlyArray<SheetProblem>
}

const problemOf = (it: string, en: string): SheetProblem => ({
  code: "invalid-value",
  sheet: "",
  path: [],
  message: { it, en }
})

const unreadable = (detail?: string): SheetProblem =>
  problemOf(
    `il file non è una cartella di lavoro .xlsx leggibile${detail === undefined ? "" : ` (${detail})`}`,
    `the file is not a readable .xlsx workbook${detail === undefined ? "" : ` (${detail})`}`
  )

/** What to do with the sheets of a workbook: which to read, in which order, and where their rows go. */
interface Visitor {
  readonly order: (names: ReadonlyArray<string>) => ReadonlyArray<string>
  readonly sheet: (name: string) => { readonly row: (row: Row) => void; readonly end: () => void }
}

/**
 * Reads a workbook sheet by sheet into a visitor, its cells' problems into
 * the sink. A problem that stops the reading (the file is not a workbook, a
 * cap is passed) comes back; `undefined` when it was read through.
 */
const visit = async (
  file: Uint8Array,
  limits: Limits,
  sink: ProblemSink,
  visitor: Visitor
): Promise<SheetProblem | undefined> => {
  const l = { ...defaultLimits, ...limits }
  if (file.byteLength > l.maxFileBytes)
    return problemOf(
      `file troppo grande (${file.byteLength} byte, al massimo ${l.maxFileBytes})`,
      `file too large (${file.byteLength} bytes, at most ${l.maxFileBytes})`
    )
  try {
    const list = Zip.entries(file)
    const declared = list.reduce((n, e) => n + e.size, 0)
    if (declared > l.maxInflatedBytes || list.length > 10_000)
      return problemOf(
        "cartella di lavoro troppo grande una volta decompressa: dividerla in più file",
        "workbook too large once inflated: split it into several files"
      )
    const byName = new Map(list.map((e) => [e.name, e]))
    const workbook = byName.get("xl/workbook.xml")
    const rels = byName.get("xl/_rels/workbook.xml.rels")
    const parts =
      workbook === undefined
        ? undefined
        : workbookParts(
            await Zip.text(file, workbook, small),
            rels === undefined ? "" : await Zip.text(file, rels, small)
          )
    // the real sizes count, not the declared ones
    const budget = { left: l.maxInflatedBytes }
    const strings = new SharedStrings()
    const stringsEntry = byName.get(parts?.sharedStrings ?? "xl/sharedStrings.xml")
    if (stringsEntry !== undefined) {
      const refused = await readSharedStrings(
        file,
        stringsEntry,
        Math.min(l.maxSharedStringsBytes, budget.left),
        strings,
        budget
      )
      if (refused !== undefined) return refused
    }
    if (parts === undefined) return unreadable("xl/workbook.xml missing")
    const stylesEntry = byName.get(parts.styles)
    const dates =
      stylesEntry === undefined ? new Set<number>() : dateStyles(await Zip.text(file, stylesEntry, small))
    const partOf = new Map(parts.sheets.map((s) => [s.name, s.part]))
    for (const name of visitor.order(parts.sheets.map((s) => s.name))) {
      const entry = byName.get(partOf.get(name)!)
      const rows = visitor.sheet(name)
      if (entry !== undefined) {
        const sheet = worksheet(name, { strings: strings.strings, dates, maxRows: l.maxRows, sink, rows })
        await streamSheet(file, entry, sheet, budget)
      }
      rows.end()
    }
    return undefined
  } catch (e) {
    if (e instanceof Zip.ZipError || e instanceof OoxmlError) return unreadable(e.message)
    return unreadable()
  }
}

/** The largest workbook, relationships and styles parts read whole. */
const small = 4 * 1024 * 1024

/** Reads the shared strings, at most `cap` bytes of them; a problem when they go beyond. */
const readSharedStrings = async (
  file: Uint8Array,
  entry: Zip.Entry,
  cap: number,
  strings: SharedStrings,
  budget: { left: number }
): Promise<SheetProblem | undefined> => {
  const decoder = new TextDecoder("utf-8")
  try {
    for await (const chunk of Zip.chunks(file, entry, cap)) {
      budget.left -= chunk.length
      strings.push(decoder.decode(chunk, { stream: true }))
    }
  } catch (e) {
    if (e instanceof Zip.ZipError && e.message.includes("beyond"))
      return problemOf(
        `testi condivisi (sharedStrings) oltre ${cap} byte: file sospetto o troppo grande`,
        `shared strings beyond ${cap} bytes: a suspicious or too large file`
      )
    throw e
  }
  strings.push(decoder.decode())
  strings.end()
  return undefined
}

/** The reader of one worksheet: its rows to the visitor (up to the row cap), its cells' problems to the sink. */
const worksheet = (
  name: string,
  context: {
    readonly strings: SharedStrings["strings"]
    readonly dates: ReadonlySet<number>
    readonly maxRows: number
    readonly sink: ProblemSink
    readonly rows: { readonly row: (row: Row) => void }
  }
): Worksheet => {
  const { sink, rows, maxRows } = context
  return new Worksheet({
    strings: context.strings,
    dates: context.dates,
    row: (row, cells) => {
      if (row > maxRows) {
        sink.push({
          code: "invalid-value",
          sheet: name,
          row,
          path: [],
          message: {
            it: `il foglio va oltre la riga ${maxRows}: dividerlo in più file o eliminare le righe in fondo`,
            en: `the sheet goes beyond row ${maxRows}: split it into several files or delete the rows at its end`
          }
        })
        return false
      }
      rows.row({ row, cells })
      return true
    },
    problem: (row, column, it, en) =>
      sink.push({
        code: "invalid-value",
        sheet: name,
        row,
        column: columnLetter(column),
        path: [],
        message: { it, en }
      }),
    merged: (ref) => {
      const first = /^([A-Z]+)(\d+)/.exec(ref)
      sink.push({
        code: "invalid-value",
        sheet: name,
        ...(first === null ? {} : { row: Number(first[2]), column: first[1]! }),
        path: [],
        message: {
          it: `celle unite (${ref}): separarle e scrivere il valore in ogni cella`,
          en: `merged cells (${ref}): unmerge them and write the value in every cell`
        }
      })
    }
  })
}

/** Streams a worksheet's part into its reader, within what is left of the inflated budget. */
const streamSheet = async (
  file: Uint8Array,
  entry: Zip.Entry,
  sheet: Worksheet,
  budget: { left: number }
): Promise<void> => {
  const decoder = new TextDecoder("utf-8")
  for await (const chunk of Zip.chunks(file, entry, budget.left)) {
    budget.left -= chunk.length
    if (!sheet.push(decoder.decode(chunk, { stream: true }))) break
  }
  sheet.push(decoder.decode())
  sheet.end()
}

/**
 * Reads every sheet of a workbook into rows of cells, holding them all
 * (for small workbooks, a template, tests; {@link decode} streams). Never
 * throws: a workbook it cannot read comes back as one problem.
 *
 * @category decoding
 * @since 0.2.0
 */
export const read = async (file: Uint8Array, limits: Limits = {}): Promise<WorkbookReading> => {
  // the first problems kept, the others counted: a sheet of a million formulas holds a thousand (issue 14)
  const sink = problemSink()
  const sheets: Array<RawSheet> = []
  const stop = await visit(file, limits, sink, {
    order: (names) => names,
    sheet: (name) => {
      const rows: Array<Row> = []
      return {
        row: (row) => {
          rows.push(row)
        },
        end: () => {
          sheets.push({ name, rows })
        }
      }
    }
  })
  if (stop !== undefined) return { sheets: [], problems: [stop] }
  return { sheets, problems: sink.result() }
}

/**
 * Reads a workbook into a territory, its rows streamed into the document
 * ({@link Table.builder}), then decoded as `Table.decode` does: every problem
 * located at its cell, all at once (the first 1,000 kept, the rest counted).
 * Never throws.
 *
 * @category decoding
 * @since 0.2.0
 */
export const decode = async (
  file: Uint8Array,
  limits: Limits = {},
  options: { readonly layout?: Layout.Layout } = {}
): Promise<Either.Either<Territory.Territory, ReadonlyArray<SheetProblem>>> => {
  const sink = problemSink()
  let b: ReturnType<typeof builder> | undefined
  const stop = await visit(file, limits, sink, {
    order: (names) => {
      b = builder(names, { ...options, problems: sink })
      return b.order
    },
    sheet: (name) => b!.sheet(name)
  })
  if (stop !== undefined || b === undefined) return Either.left([stop ?? unreadable()])
  return conclude(b.finish(), sink)
}
