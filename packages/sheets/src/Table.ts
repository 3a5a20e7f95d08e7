/**
 * The pure mapping between a territory document and its sheets: rows of
 * plain cells, with the row numbers a spreadsheet shows. No file format here
 * (see `@welfare/sheets/xlsx` and {@link Csv}): this module runs in browsers.
 *
 * Reading builds the document from every sheet, decodes it with the same
 * decoder as the JSON document (`Territory.decode`, so the problem codes are
 * the same) and locates every problem at its sheet, row and column,
 * `Interventi!F12`, with a sentence in Italian and in English.
 *
 * @since 0.1.0
 */
import { Problem, Territory } from "@welfare/core"
import * as Either from "effect/Either"
import type * as Layout from "./Layout.js"
import { territory as territoryLayout } from "./Layout.js"

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

/**
 * Where a problem is, as a spreadsheet writes it: `Interventi!F12`,
 * `Interventi!12` for a whole row, `Interventi` for the sheet.
 *
 * @category formatting
 * @since 0.1.0
 */
export const address = (problem: SheetProblem): string =>
  problem.row === undefined ? problem.sheet : `${problem.sheet}!${problem.column ?? ""}${problem.row}`

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
export const format = (problem: SheetProblem, lang: "it" | "en"): string =>
  `${address(problem)}: ${problem.message[lang]} [${problem.code}]`

// ---------------------------------------------------------------------------
// Writing

const isRecord = (u: unknown): u is Readonly<Record<string, unknown>> =>
  typeof u === "object" && u !== null && !Array.isArray(u)

const at = (value: unknown, path: ReadonlyArray<string>): unknown => {
  let v = value
  for (const p of path) {
    if (!isRecord(v)) return undefined
    v = v[p]
  }
  return v
}

const plainItem = (item: unknown): boolean =>
  typeof item === "number"
    ? Number.isFinite(item)
    : typeof item === "boolean" ||
      (typeof item === "string" &&
        item.trim() === item &&
        item !== "" &&
        !item.includes(";") &&
        !item.startsWith("["))

const writeCell = (column: Layout.Column, value: unknown): Cell => {
  if (value === undefined) return null
  switch (column.kind) {
    case "list": {
      if (!Array.isArray(value)) return JSON.stringify(value)
      if (value.length === 0) return column.required ? null : "[]"
      return value.every(plainItem) ? value.map(String).join("; ") : JSON.stringify(value)
    }
    case "json":
      return JSON.stringify(value)
    case "string":
      // A text that reading would change (blank, padded, or opening with a quote) is written as a JSON string.
      return typeof value === "string" && value.trim() === value && value !== "" && !value.startsWith('"')
        ? value
        : JSON.stringify(value)
    default:
      return typeof value === "number" || typeof value === "boolean" ? value : JSON.stringify(value)
  }
}

/**
 * The rows of the header of a sheet.
 *
 * @category encoding
 * @since 0.1.0
 */
export const headerRows = (sheet: Layout.Sheet, headers: Headers): Array<Row> => {
  const keys: Array<Cell> = [...sheet.keys.map((k) => k.key), ...sheet.columns.map((c) => c.key)]
  if (headers === "keys") return [{ row: 1, cells: keys }]
  const it: Array<Cell> = [...sheet.keys.map((k) => k.header.it), ...sheet.columns.map((c) => c.header.it)]
  return [
    { row: 1, cells: it },
    { row: 2, cells: keys }
  ]
}

const childrenOf = (layout: Layout.Layout): ReadonlyArray<ReadonlyArray<number>> => {
  const children: Array<Array<number>> = layout.sheets.map(() => [])
  layout.sheets.forEach((s, i) => {
    if (s.parent >= 0) children[s.parent]!.push(i)
  })
  return children
}

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
export const write = (
  document: unknown,
  options: { readonly headers?: Headers; readonly layout?: Layout.Layout } = {}
): Array<RawSheet> => {
  const layout = options.layout ?? territoryLayout()
  const headers = options.headers ?? "both"
  const children = childrenOf(layout)
  const out: Array<Array<Row>> = layout.sheets.map((s) => headerRows(s, headers))
  const emit = (index: number, records: ReadonlyArray<unknown>, keys: ReadonlyArray<Cell>): void => {
    const sheet = layout.sheets[index]!
    const rows = out[index]!
    for (const record of records) {
      const number = rows.length + 1
      const cells: Array<Cell> = [...keys, ...sheet.columns.map((c) => writeCell(c, at(record, c.path)))]
      rows.push({ row: number, cells })
      const ownKey: ReadonlyArray<Cell> =
        sheet.cardinality === "one"
          ? keys
          : [...keys, sheet.idField === undefined ? number : ((at(record, [sheet.idField]) as Cell) ?? null)]
      for (const child of children[index]!) {
        const list = at(record, [layout.sheets[child]!.property])
        if (Array.isArray(list)) emit(child, list, ownKey)
        else if (isRecord(list)) emit(child, [list], ownKey)
      }
    }
  }
  emit(0, [document], [])
  return layout.sheets.map((s, i) => ({ name: s.name, rows: out[i]! }))
}

// ---------------------------------------------------------------------------
// Reading

const numeric = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/
const commaDecimal = /^[+-]?\d+,\d+$/

const isEmpty = (cell: Cell | undefined): boolean =>
  cell === null || cell === undefined || (typeof cell === "string" && cell.trim() === "")

type Converted =
  | { readonly ok: true; readonly value: unknown }
  | { readonly ok: false; readonly it: string; readonly en: string }

const scalar = (
  kind: "string" | "number" | "integer" | "boolean",
  cell: Cell,
  pattern?: string
): Converted => {
  switch (kind) {
    case "string":
      if (typeof cell === "number" && pattern !== undefined && pattern.includes("\\d{4}-"))
        return {
          ok: false,
          it: `una data scritta come numero (${cell}): scrivere la data come testo AAAA-MM-GG`,
          en: `a date stored as a number (${cell}): write the date as text YYYY-MM-DD`
        }
      return { ok: true, value: typeof cell === "string" ? cell : String(cell) }
    case "number":
    case "integer": {
      if (typeof cell === "number") return { ok: true, value: cell }
      const text = String(cell).trim()
      if (numeric.test(text)) return { ok: true, value: Number(text) }
      if (commaDecimal.test(text)) return { ok: true, value: Number(text.replace(",", ".")) }
      return { ok: true, value: text }
    }
    case "boolean": {
      if (typeof cell === "boolean") return { ok: true, value: cell }
      const text = String(cell).trim().toLowerCase()
      if (text === "true" || text === "vero") return { ok: true, value: true }
      if (text === "false" || text === "falso") return { ok: true, value: false }
      return { ok: true, value: text }
    }
  }
}

const parseJson = (text: string): Converted => {
  try {
    return { ok: true, value: JSON.parse(text) }
  } catch {
    return {
      ok: false,
      it: "il contenuto non è JSON valido: correggerlo o svuotare la cella",
      en: "the content is not valid JSON: fix it or empty the cell"
    }
  }
}

const readCell = (column: Layout.Column, cell: Cell): Converted => {
  switch (column.kind) {
    case "list": {
      if (typeof cell !== "string")
        return { ok: true, value: [scalar(column.item ?? "string", cell).ok ? cell : cell] }
      const text = cell.trim()
      if (text.startsWith("[")) return parseJson(text)
      const items = text.split(";").map((s) => s.trim())
      const values: Array<unknown> = []
      for (const item of items) {
        const c = scalar(column.item ?? "string", item)
        if (!c.ok) return c
        values.push(c.value)
      }
      return { ok: true, value: values }
    }
    case "json":
      return typeof cell === "string" ? parseJson(cell.trim()) : { ok: true, value: cell }
    case "string": {
      if (typeof cell === "string" && cell.startsWith('"') && cell.endsWith('"') && cell.length > 1) {
        const parsed = parseJson(cell)
        if (parsed.ok && typeof parsed.value === "string") return parsed
      }
      return scalar("string", cell, column.pattern)
    }
    default:
      return scalar(column.kind, cell, column.pattern)
  }
}

const setAt = (target: Record<string, unknown>, path: ReadonlyArray<string>, value: unknown): void => {
  let t = target
  for (let i = 0; i < path.length - 1; i++) {
    const p = path[i]!
    const next = t[p]
    if (isRecord(next)) t = next as Record<string, unknown>
    else {
      const fresh: Record<string, unknown> = {}
      t[p] = fresh
      t = fresh
    }
  }
  t[path[path.length - 1]!] = value
}

interface Located {
  readonly sheet: number
  readonly row: number
}

/** Where each record of the document came from, and how each sheet's columns were laid out. */
interface Origin {
  /** Sheet name as found, per layout sheet. */
  readonly names: Array<string>
  /** For each layout sheet, column key -> 0-based column index as found. */
  readonly columns: Array<Map<string, number>>
  /** Record path (segments joined by "\u0000") -> its row. */
  readonly records: Map<string, Located>
}

const pathKey = (path: ReadonlyArray<Problem.PathSegment>): string => path.join("\u0000")

const canon = (s: string): string => s.trim().toLowerCase()

const italianFor = (code: Problem.ProblemCode, column: Layout.Column | undefined): string => {
  switch (code) {
    case "missing":
      return "valore obbligatorio mancante"
    case "duplicate-id":
      return "codice già usato da un'altra riga: usare un codice diverso"
    case "unknown-reference":
      return "il codice non corrisponde a nessuna riga del foglio a cui rimanda: correggerlo o aggiungere la riga"
    case "rule":
      return "regola non rispettata"
    case "out-of-order":
      return "evento fuori sequenza: controllare l'ordine e le date degli eventi"
    case "invalid-value": {
      if (column === undefined) return "valore non valido"
      if (column.values !== undefined)
        return `${column.kind === "list" ? "attesi valori tra" : "atteso uno di"}: ${column.values.join(", ")}`
      if (column.kind === "number") return "atteso un numero (nei limiti ammessi)"
      if (column.kind === "integer") return "atteso un numero intero (nei limiti ammessi)"
      if (column.kind === "boolean") return "atteso vero o falso (true / false)"
      if (column.pattern?.includes("T(")) return "atteso un istante AAAA-MM-GGThh:mm:ssZ"
      if (column.pattern?.includes("\\d{4}-")) return "attesa una data AAAA-MM-GG"
      if (column.pattern?.startsWith("^[A-Za-z0-9]"))
        return "atteso un codice di lettere, cifre e . _ : - (senza spazi)"
      return "valore non valido"
    }
  }
}

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

/** Sheets that a workbook may carry besides the data: the template's explanation and value lists. */
const ignoredSheets = new Set(["istruzioni", "instructions", "valori", "values", "leggimi", "readme"])

/**
 * Builds the territory document from sheets (a workbook's or a folder of
 * CSV files'). The header row is the last of the first two rows whose cells
 * are column keys or Italian headers; the data follow it.
 *
 * @category decoding
 * @since 0.1.0
 */
export const read = (
  sheets: ReadonlyArray<RawSheet>,
  options: { readonly layout?: Layout.Layout } = {}
): Reading => {
  const layout = options.layout ?? territoryLayout()
  const problems: Array<SheetProblem> = []
  const origin: Origin = {
    names: layout.sheets.map((s) => s.name),
    columns: layout.sheets.map(() => new Map()),
    records: new Map()
  }
  const bySheet: Array<RawSheet | undefined> = layout.sheets.map(() => undefined)
  for (const raw of sheets) {
    const wanted = canon(raw.name)
    const index = layout.sheets.findIndex(
      (s) =>
        canon(s.name) === wanted ||
        canon(s.nameEn) === wanted ||
        canon(s.path.filter((p) => p !== "*").join(".")) === wanted
    )
    if (index === -1) {
      if (!ignoredSheets.has(wanted))
        problems.push({
          code: "invalid-value",
          sheet: raw.name,
          path: [],
          message: {
            it: `foglio sconosciuto: i fogli ammessi sono ${layout.sheets.map((s) => s.name).join(", ")}; rinominarlo o eliminarlo`,
            en: `unknown sheet: the sheets allowed are ${layout.sheets.map((s) => s.nameEn).join(", ")}; rename or delete it`
          }
        })
      continue
    }
    if (bySheet[index] !== undefined) {
      problems.push({
        code: "duplicate-id",
        sheet: raw.name,
        path: [],
        message: {
          it: "foglio presente due volte: unirne le righe in uno",
          en: "sheet present twice: merge its rows into one"
        }
      })
      continue
    }
    bySheet[index] = raw
    origin.names[index] = raw.name
  }

  const document: Record<string, unknown> = {}
  // Records by sheet: the key tuple of the record (joined) -> the record and its path.
  const index: Array<Map<string, { record: Record<string, unknown>; path: Array<Problem.PathSegment> }>> =
    layout.sheets.map(() => new Map())

  const attachedBySheet: Array<
    Array<{ record: Record<string, unknown>; path: Array<Problem.PathSegment> }> | undefined
  > = layout.sheets.map(() => undefined)

  layout.sheets.forEach((sheet, s) => {
    const raw = bySheet[s]
    const parent = sheet.parent >= 0 ? layout.sheets[sheet.parent]! : undefined
    const attached: Array<{ record: Record<string, unknown>; path: Array<Problem.PathSegment> }> = []
    if (raw !== undefined) {
      const name = raw.name
      // The header row.
      const lookup = new Map<string, string>()
      for (const k of sheet.keys) {
        lookup.set(canon(k.key), k.key)
        lookup.set(canon(k.header.it), k.key)
      }
      for (const c of sheet.columns) {
        lookup.set(canon(c.key), c.key)
        lookup.set(canon(c.header.it), c.key)
      }
      let header: Row | undefined
      let best = 0
      for (const r of raw.rows) {
        if (r.row > 2) break
        const hits = r.cells.filter((c) => typeof c === "string" && lookup.has(canon(c))).length
        if (hits > 0 && hits >= best) {
          best = hits
          header = r
        }
      }
      if (header === undefined) {
        if (raw.rows.some((r) => r.cells.some((c) => !isEmpty(c))))
          problems.push({
            code: "missing",
            sheet: name,
            row: 1,
            path: [],
            message: {
              it: `intestazione mancante: la riga 1 o 2 deve nominare le colonne (${sheet.columns.map((c) => c.key).join(", ")})`,
              en: `header missing: row 1 or 2 must name the columns (${sheet.columns.map((c) => c.key).join(", ")})`
            }
          })
        finish(s, attached)
        return
      }
      const columns = origin.columns[s]!
      const keyOfColumn: Array<string | undefined> = []
      header.cells.forEach((c, i) => {
        if (isEmpty(c)) {
          keyOfColumn.push(undefined)
          return
        }
        const key = typeof c === "string" ? lookup.get(canon(c)) : undefined
        if (key === undefined || columns.has(key)) {
          keyOfColumn.push(undefined)
          problems.push({
            code: "invalid-value",
            sheet: name,
            row: header.row,
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
      const columnByKey = new Map(sheet.columns.map((c) => [c.key, c]))
      let count = 0
      for (const r of raw.rows) {
        if (r.row <= header.row) continue
        if (r.cells.every(isEmpty)) continue
        const record: Record<string, unknown> = {}
        const keyCells: Array<string> = []
        r.cells.forEach((cell, i) => {
          const key = keyOfColumn[i]
          if (key === undefined) {
            if (!isEmpty(cell) && i >= header.cells.length)
              problems.push({
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
            problems.push({
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
              problems.push({
                code: "invalid-value",
                sheet: name,
                row: r.row,
                path: [],
                message: {
                  it: "questo foglio ha una sola riga di dati",
                  en: "this sheet has a single data row"
                }
              })
              continue
            }
            path = sheet.parent === -1 ? [] : [sheet.property]
          } else path = [sheet.property, count]
          count++
          if (sheet.parent === -1) Object.assign(document, record)
          else if (sheet.cardinality === "one") document[sheet.property] = record
          else {
            if (document[sheet.property] === undefined) document[sheet.property] = []
            ;(document[sheet.property] as Array<unknown>).push(record)
          }
        } else {
          const parentKey = keyCells.join("\u0000")
          const owner =
            parent.cardinality === "one"
              ? (attachedOf(sheet.parent) ?? [])[0]
              : index[sheet.parent]!.get(parentKey)
          if (owner === undefined) {
            const k = sheet.keys[sheet.keys.length - 1]
            const i = k === undefined ? undefined : columns.get(k.key)
            problems.push({
              code: keyCells.some((c) => c === "") ? "missing" : "unknown-reference",
              sheet: name,
              row: r.row,
              ...(i === undefined ? {} : { column: columnLetter(i), header: k!.key }),
              path: [],
              message: keyCells.some((c) => c === "")
                ? {
                    it: `indicare a quale riga di ${parent.name} appartiene (colonne ${sheet.keys.map((x) => x.key).join(", ")})`,
                    en: `say which row of ${parent.nameEn} it belongs to (columns ${sheet.keys.map((x) => x.key).join(", ")})`
                  }
                : {
                    it: `nessuna riga di ${parent.name} ha questo codice: correggerlo o aggiungere la riga`,
                    en: `no row of ${parent.nameEn} has this id: fix it or add the row`
                  }
            })
            continue
          }
          if (owner.record[sheet.property] === undefined) owner.record[sheet.property] = []
          const list = owner.record[sheet.property]
          if (!Array.isArray(list)) continue
          path = [...owner.path, sheet.property, list.length]
          list.push(record)
        }
        origin.records.set(pathKey(path), { sheet: s, row: r.row })
        const entry = { record, path }
        attached.push(entry)
        if (sheet.cardinality === "many") {
          const own = sheet.idField === undefined ? String(r.row) : String(at(record, [sheet.idField]) ?? "")
          const key = [...keyCells, own].join("\u0000")
          if (!index[s]!.has(key)) index[s]!.set(key, entry)
        }
      }
    }
    finish(s, attached)
  })

  function attachedOf(
    s: number
  ): Array<{ record: Record<string, unknown>; path: Array<Problem.PathSegment> }> | undefined {
    return attachedBySheet[s]
  }

  function finish(
    s: number,
    attached: Array<{ record: Record<string, unknown>; path: Array<Problem.PathSegment> }>
  ): void {
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

  const locate = (problem: Problem.Problem): SheetProblem => {
    // The deepest record on the path.
    let found: Located | undefined
    let depth = 0
    for (let i = problem.path.length; i >= 0; i--) {
      const hit = origin.records.get(pathKey(problem.path.slice(0, i)))
      if (hit !== undefined) {
        found = hit
        depth = i
        break
      }
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
        sheet: origin.names[s]!,
        path: problem.path,
        message: { it: italianFor(problem.code, undefined), en: problem.message }
      }
    }
    const sheet = layout.sheets[found.sheet]!
    const rest = problem.path.slice(depth).map(String)
    let column: Layout.Column | undefined
    for (const c of sheet.columns)
      if (c.path.length <= rest.length && c.path.every((p, i) => p === rest[i]))
        if (column === undefined || c.path.length > column.path.length) column = c
    if (column === undefined && rest.length > 0) {
      // A nested object that is missing as a whole: point at its first column.
      column = sheet.columns.find((c) => c.path.length > rest.length && rest.every((p, i) => c.path[i] === p))
    }
    const i = column === undefined ? undefined : origin.columns[found.sheet]!.get(column.key)
    const it = italianFor(problem.code, column)
    return {
      code: problem.code,
      sheet: origin.names[found.sheet]!,
      row: found.row,
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

  return { document, problems, locate }
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
export const problemSink = (max: number = Problem.defaultMaxProblems): ProblemSink => {
  const kept: Array<SheetProblem> = []
  const omitted = new Map<string, number>()
  let rest = 0
  const skip = (code: Problem.ProblemCode, count: number): void => {
    if (count <= 0) return
    rest += count
    omitted.set(code, (omitted.get(code) ?? 0) + count)
  }
  return {
    push: (problem) => {
      if (kept.length < max) kept.push(problem)
      else skip(problem.code, 1)
    },
    skip,
    result: () => {
      if (rest === 0) return kept.slice()
      const byCode = [...omitted].map(([code, n]) => `${n} ${code}`).join(", ")
      return [
        ...kept,
        {
          code: "invalid-value",
          sheet: "",
          path: [],
          message: {
            it: `... e altri ${rest} problemi non mostrati (${byCode}): sono tenuti solo i primi ${kept.length}`,
            en: `... and ${rest} more problems not shown (${byCode}): only the first ${kept.length} are kept`
          }
        }
      ]
    }
  }
}

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
  sheets: ReadonlyArray<RawSheet>,
  options: { readonly layout?: Layout.Layout; readonly problems?: ReadonlyArray<SheetProblem> } = {}
): Either.Either<Territory.Territory, ReadonlyArray<SheetProblem>> => {
  const reading = read(sheets, options.layout === undefined ? {} : { layout: options.layout })
  const early = [...(options.problems ?? []), ...reading.problems]
  // the first problems kept, the others counted (issue 14)
  const decoded = Territory.decodeCapped(reading.document)
  if (Either.isRight(decoded) && early.length === 0) return Either.right(decoded.right)
  const seen = new Set(early.filter((p) => p.column !== undefined).map((p) => address(p)))
  const sink = problemSink()
  for (const p of early) sink.push(p)
  if (Either.isLeft(decoded)) {
    for (const p of decoded.left.kept) {
      const located = reading.locate(p)
      if (located.column === undefined || !seen.has(address(located))) sink.push(located)
    }
    for (const [code, n] of Object.entries(decoded.left.omitted)) sink.skip(code as Problem.ProblemCode, n)
  }
  return Either.left(sink.result())
}
