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
import { canon, isEmpty, italianFor, readCell, setAt } from "./cells.js"
import {
  address,
  columnLetter,
  type ProblemSink,
  type RawSheet,
  type Reading,
  type Row,
  type SheetProblem
} from "./model.js"
import { at, childrenOf } from "./write.js"

/** The rows of one sheet, given in order, then its end. @internal */
export interface SheetRows {
  readonly row: (row: Row) => void
  readonly end: () => void
}

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

type Attached = { record: Record<string, unknown>; path: Array<Problem.PathSegment> }

const noRows: SheetRows = { row: () => undefined, end: () => undefined }

/** A record's row and sheet packed in one number (a layout has fewer than 256 sheets). */
const pack = (sheet: number, row: number): number => row * 256 + sheet

/** See `Table.builder`. @internal */
export const builder = (names: ReadonlyArray<string>, options: BuilderOptions = {}): Builder => {
  const layout = options.layout ?? territoryLayout()
  const own: Array<SheetProblem> = []
  const sink = options.problems
  const push = sink === undefined ? (p: SheetProblem) => own.push(p) : sink.push
  const sheetNames = layout.sheets.map((s) => s.name)
  const columnsOf: Array<Map<string, number>> = layout.sheets.map(() => new Map())
  const given: Array<string | undefined> = layout.sheets.map(() => undefined)
  for (const name of names) {
    const wanted = canon(name)
    const index = layout.sheets.findIndex(
      (s) =>
        canon(s.name) === wanted ||
        canon(s.nameEn) === wanted ||
        canon(s.path.filter((p) => p !== "*").join(".")) === wanted
    )
    if (index === -1) {
      if (!ignoredSheets.has(wanted))
        push({
          code: "invalid-value",
          sheet: name,
          path: [],
          message: {
            it: `foglio sconosciuto: i fogli ammessi sono ${layout.sheets.map((s) => s.name).join(", ")}; rinominarlo o eliminarlo`,
            en: `unknown sheet: the sheets allowed are ${layout.sheets.map((s) => s.nameEn).join(", ")}; rename or delete it`
          }
        })
      continue
    }
    if (given[index] !== undefined) {
      push({
        code: "duplicate-id",
        sheet: name,
        path: [],
        message: {
          it: "foglio presente due volte: unirne le righe in uno",
          en: "sheet present twice: merge its rows into one"
        }
      })
      continue
    }
    given[index] = name
    sheetNames[index] = name
  }

  const document: Record<string, unknown> = {}
  // Where each record came from: the record object -> its sheet and row (packed).
  const located = new Map<object, number>()
  const children = childrenOf(layout)
  // Records by sheet, for the sheets that have children only: the key tuple of the record (joined) -> the record and its path.
  const index: Array<Map<string, Attached> | undefined> = layout.sheets.map((_, s) =>
    children[s]!.length > 0 ? new Map() : undefined
  )
  const attachedBySheet: Array<Array<Attached> | undefined> = layout.sheets.map(() => undefined)
  let next = 0

  const finish = (s: number, attached: Array<Attached>): void => {
    attachedBySheet[s] = attached
    const sheet = layout.sheets[s]!
    // Required lists of records read as empty lists when no row fills them.
    if (sheet.parent === -1) return
    if (sheet.parent === 0) {
      if (sheet.cardinality === "many" && sheet.required && document[sheet.property] === undefined)
        document[sheet.property] = []
      return
    }
    const parent = layout.sheets[sheet.parent]!
    for (const owner of attachedBySheet[sheet.parent] ?? []) {
      if (owner.record[sheet.property] !== undefined) continue
      const tag = parent.discriminator === undefined ? undefined : owner.record[parent.discriminator]
      if (
        sheet.required ||
        (sheet.requiredWhen !== undefined && typeof tag === "string" && sheet.requiredWhen.includes(tag))
      )
        owner.record[sheet.property] = []
    }
  }

  /** Finishes the sheets before `s` that no rows were given for. */
  const skipTo = (s: number): void => {
    for (; next < s; next++) if (attachedBySheet[next] === undefined) finish(next, [])
  }

  const start = (s: number): SheetRows => {
    const sheet = layout.sheets[s]!
    const name = sheetNames[s]!
    const parent = sheet.parent >= 0 ? layout.sheets[sheet.parent]! : undefined
    const keeps = children[s]!.length > 0
    const attached: Array<Attached> = []
    // The header row: the last of rows 1 and 2 that names the most columns.
    const lookup = new Map<string, string>()
    for (const k of sheet.keys) {
      lookup.set(canon(k.key), k.key)
      lookup.set(canon(k.header.it), k.key)
    }
    for (const c of sheet.columns) {
      lookup.set(canon(c.key), c.key)
      lookup.set(canon(c.header.it), c.key)
    }
    const columns = columnsOf[s]!
    const columnByKey = new Map(sheet.columns.map((c) => [c.key, c]))
    const early: Array<Row> = []
    let state: "header" | "data" | "headless" = "header"
    let headless = false
    let header: Row | undefined
    const keyOfColumn: Array<string | undefined> = []
    let count = 0

    const noHeader = (): void => {
      if (headless) return
      headless = true
      push({
        code: "missing",
        sheet: name,
        row: 1,
        path: [],
        message: {
          it: `intestazione mancante: la riga 1 o 2 deve nominare le colonne (${sheet.columns.map((c) => c.key).join(", ")})`,
          en: `header missing: row 1 or 2 must name the columns (${sheet.columns.map((c) => c.key).join(", ")})`
        }
      })
    }

    const decide = (): void => {
      let best = 0
      for (const r of early) {
        const hits = r.cells.filter((c) => typeof c === "string" && lookup.has(canon(c))).length
        if (hits > 0 && hits >= best) {
          best = hits
          header = r
        }
      }
      if (header === undefined) {
        state = "headless"
        if (early.some((r) => r.cells.some((c) => !isEmpty(c)))) noHeader()
        early.length = 0
        return
      }
      const h = header
      h.cells.forEach((c, i) => {
        if (isEmpty(c)) {
          keyOfColumn.push(undefined)
          return
        }
        const key = typeof c === "string" ? lookup.get(canon(c)) : undefined
        if (key === undefined || columns.has(key)) {
          keyOfColumn.push(undefined)
          push({
            code: "invalid-value",
            sheet: name,
            row: h.row,
            column: columnLetter(i),
            path: [],
            message:
              key === undefined
                ? {
                    it: "colonna sconosciuta: rinominarla come nel modello o eliminarla",
                    en: "unknown column: name it as the template does or delete it"
                  }
                : { it: "colonna ripetuta: tenerne una sola", en: "column repeated: keep only one" }
          })
          return
        }
        keyOfColumn.push(key)
        columns.set(key, i)
      })
      state = "data"
      const rows = early.splice(0)
      for (const r of rows) if (r.row > h.row) data(r)
    }

    const data = (r: Row): void => {
      const h = header!
      if (r.cells.every(isEmpty)) return
      const record: Record<string, unknown> = {}
      const keyCells: Array<string> = []
      r.cells.forEach((cell, i) => {
        const key = keyOfColumn[i]
        if (key === undefined) {
          if (!isEmpty(cell) && i >= h.cells.length)
            push({
              code: "invalid-value",
              sheet: name,
              row: r.row,
              column: columnLetter(i),
              path: [],
              message: {
                it: "valore in una colonna senza intestazione: spostarlo o eliminarlo",
                en: "value in a column without a header: move or delete it"
              }
            })
          return
        }
        if (isEmpty(cell)) return
        if (key.startsWith("@")) return
        const column = columnByKey.get(key)!
        const converted = readCell(column, cell)
        if (!converted.ok) {
          push({
            code: "invalid-value",
            sheet: name,
            row: r.row,
            column: columnLetter(i),
            header: key,
            path: [],
            message: { it: converted.it, en: converted.en }
          })
          return
        }
        setAt(record, column.path, converted.value)
      })
      // Required lists left empty read as empty lists.
      for (const column of sheet.columns)
        if (column.kind === "list" && column.required && at(record, column.path) === undefined)
          setAt(record, column.path, [])
      for (const k of sheet.keys) {
        const i = columns.get(k.key)
        const cell = i === undefined ? null : (r.cells[i] ?? null)
        keyCells.push(isEmpty(cell) ? "" : String(cell).trim())
      }
      // The record's parent.
      let path: Array<Problem.PathSegment>
      if (parent === undefined || sheet.parent === 0) {
        if (sheet.cardinality === "one") {
          if (count > 0) {
            push({
              code: "invalid-value",
              sheet: name,
              row: r.row,
              path: [],
              message: {
                it: "questo foglio ha una sola riga di dati",
                en: "this sheet has a single data row"
              }
            })
            return
          }
          path = sheet.parent === -1 ? [] : [sheet.property]
        } else path = [sheet.property, count]
        count++
        if (sheet.parent === -1) {
          Object.assign(document, record)
          located.set(document, pack(s, r.row))
        } else {
          if (sheet.cardinality === "one") document[sheet.property] = record
          else {
            if (document[sheet.property] === undefined) document[sheet.property] = []
            ;(document[sheet.property] as Array<unknown>).push(record)
          }
          located.set(record, pack(s, r.row))
        }
      } else {
        const parentKey = keyCells.join("\u0000")
        const owner =
          parent.cardinality === "one"
            ? (attachedBySheet[sheet.parent] ?? [])[0]
            : index[sheet.parent]!.get(parentKey)
        if (owner === undefined) {
          const k = sheet.keys[sheet.keys.length - 1]
          const i = k === undefined ? undefined : columns.get(k.key)
          const blank = keyCells.some((c) => c === "")
          push({
            code: blank ? "missing" : "unknown-reference",
            sheet: name,
            row: r.row,
            ...(i === undefined ? {} : { column: columnLetter(i), header: k!.key }),
            path: [],
            message: blank
              ? {
                  it: `indicare a quale riga di ${parent.name} appartiene (colonne ${sheet.keys.map((x) => x.key).join(", ")})`,
                  en: `say which row of ${parent.nameEn} it belongs to (columns ${sheet.keys.map((x) => x.key).join(", ")})`
                }
              : {
                  it: `nessuna riga di ${parent.name} ha questo codice: correggerlo o aggiungere la riga`,
                  en: `no row of ${parent.nameEn} has this id: fix it or add the row`
                }
          })
          return
        }
        if (owner.record[sheet.property] === undefined) owner.record[sheet.property] = []
        const list = owner.record[sheet.property]
        if (!Array.isArray(list)) return
        path = [...owner.path, sheet.property, list.length]
        list.push(record)
        located.set(record, pack(s, r.row))
      }
      if (keeps) {
        const entry = { record, path }
        attached.push(entry)
        if (sheet.cardinality === "many") {
          const own = sheet.idField === undefined ? String(r.row) : String(at(record, [sheet.idField]) ?? "")
          const key = [...keyCells, own].join("\u0000")
          if (!index[s]!.has(key)) index[s]!.set(key, entry)
        }
      }
    }

    return {
      row: (r) => {
        if (state === "header") {
          if (r.row <= 2) {
            early.push(r)
            return
          }
          decide()
        }
        if (state === "data") data(r)
        else if (!headless && r.cells.some((c) => !isEmpty(c))) noHeader()
      },
      end: () => {
        if (state === "header") decide()
        finish(s, attached)
        next = Math.max(next, s + 1)
      }
    }
  }

  const wanted = new Map<string, number>()
  given.forEach((name, s) => {
    if (name !== undefined) wanted.set(name, s)
  })
  const started = new Set<number>()

  const locate = (problem: Problem.Problem): SheetProblem => {
    // The deepest record on the path.
    let found: number | undefined
    let depth = 0
    let cur: unknown = document
    for (let i = 0; typeof cur === "object" && cur !== null; i++) {
      const hit = located.get(cur)
      if (hit !== undefined) {
        found = hit
        depth = i
      }
      if (i === problem.path.length) break
      cur = (cur as Record<PropertyKey, unknown>)[problem.path[i]!]
    }
    if (found === undefined) {
      // A whole section (`actors`) or a record that no row made.
      const first = problem.path[0]
      const s = Math.max(
        0,
        layout.sheets.findIndex((x) => x.parent === 0 && x.property === first)
      )
      return {
        code: problem.code,
        sheet: sheetNames[s]!,
        path: problem.path,
        message: { it: italianFor(problem.code, undefined), en: problem.message }
      }
    }
    const s = found % 256
    const row = (found - s) / 256
    const sheet = layout.sheets[s]!
    const rest = problem.path.slice(depth).map(String)
    let column: Layout.Column | undefined
    for (const c of sheet.columns)
      if (c.path.length <= rest.length && c.path.every((p, i) => p === rest[i]))
        if (column === undefined || c.path.length > column.path.length) column = c
    if (column === undefined && rest.length > 0) {
      // A nested object that is missing as a whole: point at its first column.
      column = sheet.columns.find((c) => c.path.length > rest.length && rest.every((p, i) => c.path[i] === p))
    }
    const i = column === undefined ? undefined : columnsOf[s]!.get(column.key)
    const it = italianFor(problem.code, column)
    return {
      code: problem.code,
      sheet: sheetNames[s]!,
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

  return {
    order: given.filter((n): n is string => n !== undefined),
    sheet: (name) => {
      const s = wanted.get(name)
      if (s === undefined || started.has(s)) return noRows
      started.add(s)
      skipTo(s)
      return start(s)
    },
    finish: () => {
      skipTo(layout.sheets.length)
      return { document, problems: own, locate }
    }
  }
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
