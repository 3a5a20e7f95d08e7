/**
 * The rows of one sheet as they arrive (see `build.ts`): the header row is
 * found among rows 1 and 2, then each data row becomes its record, attached
 * to the document or to its parent record, and is dropped.
 *
 * @internal
 */
import type { Problem } from "@welfare/core"
import type * as Layout from "../../Layout.js"
import { canon, isEmpty, readCell, setAt } from "./cells.js"
import { columnLetter, type Row } from "./model.js"
import { type Attached, type Build, finishSheet, pack } from "./state.js"
import { at } from "./write.js"

/** The rows of one sheet, given in order, then its end. @internal */
export interface SheetRows {
  readonly row: (row: Row) => void
  readonly end: () => void
}

/** The state of one sheet being read. */
interface SheetBuild {
  readonly b: Build
  readonly s: number
  readonly sheet: Layout.Sheet
  readonly name: string
  readonly parent: Layout.Sheet | undefined
  /** Whether its records are kept for the sheets that attach to them. */
  readonly keeps: boolean
  readonly attached: Array<Attached>
  /** A header's spelling (canon) -> the key of its column. */
  readonly lookup: ReadonlyMap<string, string>
  readonly columns: Map<string, number>
  readonly columnByKey: ReadonlyMap<string, Layout.Column>
  /** Rows 1 and 2, until the header is decided. */
  readonly early: Array<Row>
  state: "header" | "data" | "headless"
  headless: boolean
  header: Row | undefined
  readonly keyOfColumn: Array<string | undefined>
  count: number
}

/** The header spellings of a sheet's keys and columns: the key and the Italian header. */
const headerLookup = (sheet: Layout.Sheet): Map<string, string> => {
  const lookup = new Map<string, string>()
  for (const k of sheet.keys) {
    lookup.set(canon(k.key), k.key)
    lookup.set(canon(k.header.it), k.key)
  }
  for (const c of sheet.columns) {
    lookup.set(canon(c.key), c.key)
    lookup.set(canon(c.header.it), c.key)
  }
  return lookup
}

/** Starts reading sheet `s` of the layout. @internal */
export const startSheet = (b: Build, s: number): SheetRows => {
  const sheet = b.layout.sheets[s]!
  const sb: SheetBuild = {
    b,
    s,
    sheet,
    name: b.sheetNames[s]!,
    parent: sheet.parent >= 0 ? b.layout.sheets[sheet.parent]! : undefined,
    keeps: b.children[s]!.length > 0,
    attached: [],
    lookup: headerLookup(sheet),
    columns: b.columnsOf[s]!,
    columnByKey: new Map(sheet.columns.map((c) => [c.key, c])),
    early: [],
    state: "header",
    headless: false,
    header: undefined,
    keyOfColumn: [],
    count: 0
  }
  return {
    row: (r) => {
      if (sb.state === "header") {
        if (r.row <= 2) {
          sb.early.push(r)
          return
        }
        decide(sb)
      }
      if (sb.state === "data") data(sb, r)
      else if (!sb.headless && r.cells.some((c) => !isEmpty(c))) noHeader(sb)
    },
    end: () => {
      if (sb.state === "header") decide(sb)
      finishSheet(b, s, sb.attached)
      b.next = Math.max(b.next, s + 1)
    }
  }
}

const noHeader = (sb: SheetBuild): void => {
  if (sb.headless) return
  sb.headless = true
  const keys = sb.sheet.columns.map((c) => c.key).join(", ")
  sb.b.push({
    code: "missing",
    sheet: sb.name,
    row: 1,
    path: [],
    message: {
      it: `intestazione mancante: la riga 1 o 2 deve nominare le colonne (${keys})`,
      en: `header missing: row 1 or 2 must name the columns (${keys})`
    }
  })
}

/** The header row: the last of rows 1 and 2 that names the most columns; then the rows held so far. */
const decide = (sb: SheetBuild): void => {
  let best = 0
  for (const r of sb.early) {
    const hits = r.cells.filter((c) => typeof c === "string" && sb.lookup.has(canon(c))).length
    if (hits > 0 && hits >= best) {
      best = hits
      sb.header = r
    }
  }
  if (sb.header === undefined) {
    sb.state = "headless"
    if (sb.early.some((r) => r.cells.some((c) => !isEmpty(c)))) noHeader(sb)
    sb.early.length = 0
    return
  }
  const h = sb.header
  h.cells.forEach((c, i) => {
    headerCell(sb, h, c, i)
  })
  sb.state = "data"
  const rows = sb.early.splice(0)
  for (const r of rows) if (r.row > h.row) data(sb, r)
}

/** The column a header cell names, or a problem when it names none or one already named. */
const headerCell = (sb: SheetBuild, h: Row, c: Row["cells"][number], i: number): void => {
  if (isEmpty(c)) {
    sb.keyOfColumn.push(undefined)
    return
  }
  const key = typeof c === "string" ? sb.lookup.get(canon(c)) : undefined
  if (key === undefined || sb.columns.has(key)) {
    sb.keyOfColumn.push(undefined)
    sb.b.push({
      code: "invalid-value",
      sheet: sb.name,
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
  sb.keyOfColumn.push(key)
  sb.columns.set(key, i)
}

/** A data row: its record, attached to the document or to its parent's record. */
const data = (sb: SheetBuild, r: Row): void => {
  if (r.cells.every(isEmpty)) return
  const record = recordOf(sb, r)
  const keyCells: Array<string> = []
  for (const k of sb.sheet.keys) {
    const i = sb.columns.get(k.key)
    const cell = i === undefined ? null : (r.cells[i] ?? null)
    keyCells.push(isEmpty(cell) ? "" : String(cell).trim())
  }
  const path =
    sb.parent === undefined || sb.sheet.parent === 0
      ? attachToDocument(sb, r, record)
      : attachToOwner(sb, sb.parent, r, record, keyCells)
  if (path !== undefined && sb.keeps) keep(sb, r, record, path, keyCells)
}

/** The record of a row's cells (a cell that cannot be read is reported and left out). */
const recordOf = (sb: SheetBuild, r: Row): Record<string, unknown> => {
  const h = sb.header!
  const record: Record<string, unknown> = {}
  r.cells.forEach((cell, i) => {
    const key = sb.keyOfColumn[i]
    if (key === undefined) {
      if (!isEmpty(cell) && i >= h.cells.length)
        sb.b.push({
          code: "invalid-value",
          sheet: sb.name,
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
    const column = sb.columnByKey.get(key)!
    const converted = readCell(column, cell)
    if (!converted.ok) {
      sb.b.push({
        code: "invalid-value",
        sheet: sb.name,
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
  for (const column of sb.sheet.columns)
    if (column.kind === "list" && column.required && at(record, column.path) === undefined)
      setAt(record, column.path, [])
  return record
}

/** A record of the document itself or of one of its sections; its path, or undefined when it is refused. */
const attachToDocument = (
  sb: SheetBuild,
  r: Row,
  record: Record<string, unknown>
): Array<Problem.PathSegment> | undefined => {
  const { b, sheet } = sb
  let path: Array<Problem.PathSegment>
  if (sheet.cardinality === "one") {
    if (sb.count > 0) {
      b.push({
        code: "invalid-value",
        sheet: sb.name,
        row: r.row,
        path: [],
        message: { it: "questo foglio ha una sola riga di dati", en: "this sheet has a single data row" }
      })
      return undefined
    }
    path = sheet.parent === -1 ? [] : [sheet.property]
  } else path = [sheet.property, sb.count]
  sb.count++
  if (sheet.parent === -1) {
    Object.assign(b.document, record)
    b.located.set(b.document, pack(sb.s, r.row))
  } else {
    if (sheet.cardinality === "one") b.document[sheet.property] = record
    else {
      if (b.document[sheet.property] === undefined) b.document[sheet.property] = []
      ;(b.document[sheet.property] as Array<unknown>).push(record)
    }
    b.located.set(record, pack(sb.s, r.row))
  }
  return path
}

/** A record of a nested list, attached to the record its key cells name; its path, or undefined when there is none. */
const attachToOwner = (
  sb: SheetBuild,
  parent: Layout.Sheet,
  r: Row,
  record: Record<string, unknown>,
  keyCells: ReadonlyArray<string>
): Array<Problem.PathSegment> | undefined => {
  const { b, sheet } = sb
  const owner =
    parent.cardinality === "one"
      ? (b.attachedBySheet[sheet.parent] ?? [])[0]
      : b.index[sheet.parent]!.get(keyCells.join("\u0000"))
  if (owner === undefined) {
    noOwner(sb, parent, r, keyCells)
    return undefined
  }
  if (owner.record[sheet.property] === undefined) owner.record[sheet.property] = []
  const list = owner.record[sheet.property]
  if (!Array.isArray(list)) return undefined
  const path = [...owner.path, sheet.property, list.length]
  list.push(record)
  b.located.set(record, pack(sb.s, r.row))
  return path
}

const noOwner = (sb: SheetBuild, parent: Layout.Sheet, r: Row, keyCells: ReadonlyArray<string>): void => {
  const { sheet } = sb
  const k = sheet.keys[sheet.keys.length - 1]
  const i = k === undefined ? undefined : sb.columns.get(k.key)
  const blank = keyCells.some((c) => c === "")
  const keys = sheet.keys.map((x) => x.key).join(", ")
  sb.b.push({
    code: blank ? "missing" : "unknown-reference",
    sheet: sb.name,
    row: r.row,
    ...(i === undefined ? {} : { column: columnLetter(i), header: k!.key }),
    path: [],
    message: blank
      ? {
          it: `indicare a quale riga di ${parent.name} appartiene (colonne ${keys})`,
          en: `say which row of ${parent.nameEn} it belongs to (columns ${keys})`
        }
      : {
          it: `nessuna riga di ${parent.name} ha questo codice: correggerlo o aggiungere la riga`,
          en: `no row of ${parent.nameEn} has this id: fix it or add the row`
        }
  })
}

/** Keeps a record for the sheets that attach to it, by its key cells and its own id. */
const keep = (
  sb: SheetBuild,
  r: Row,
  record: Record<string, unknown>,
  path: Array<Problem.PathSegment>,
  keyCells: ReadonlyArray<string>
): void => {
  const entry = { record, path }
  sb.attached.push(entry)
  if (sb.sheet.cardinality === "many") {
    const own = sb.sheet.idField === undefined ? String(r.row) : String(at(record, [sb.sheet.idField]) ?? "")
    const key = [...keyCells, own].join("\u0000")
    const index = sb.b.index[sb.s]!
    if (!index.has(key)) index.set(key, entry)
  }
}
