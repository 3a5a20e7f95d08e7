/**
 * Workbooks (`.xlsx`) for Node, with exceljs 4.4: the template generated
 * from the schemas (a sheet per list of records with Italian and English
 * headers, drop-down lists for every enumeration, a sheet explaining every
 * column), the territory written as a workbook, and a workbook read back
 * with its streaming reader.
 *
 * Reading refuses hostile workbooks cleanly and with bounded memory: before
 * exceljs sees the file, its zip directory is read and every worksheet and
 * the shared strings are inflated with a cap (a zip bomb stops at the cap);
 * a sheet beyond the row limit, formulas, merged cells, dates typed as dates
 * and error cells are problems located at their cells, never read silently.
 *
 * @packageDocumentation
 * @since 0.1.0
 */
import { Readable } from "node:stream"
import { Territory } from "@welfare/core"
import * as Either from "effect/Either"
import ExcelJS from "exceljs"
import * as Zip from "./internal/zip.js"
import * as Layout from "./Layout.js"
import * as Table from "./Table.js"

/**
 * The limits of {@link read}. The defaults are editorial choices sized for
 * a territory (hundreds of thousands of measurements) and the 300 MB of a
 * modest machine: the file 64 MB, everything inflated 512 MB, shared strings
 * 64 MB, 500,000 rows a sheet.
 *
 * @category models
 * @since 0.1.0
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

const defaults = {
  maxFileBytes: 64 * 1024 * 1024,
  maxInflatedBytes: 512 * 1024 * 1024,
  maxSharedStringsBytes: 64 * 1024 * 1024,
  maxRows: 500_000
} satisfies Required<Limits>

/**
 * The sheets read from a workbook and the problems of its cells.
 *
 * @category models
 * @since 0.1.0
 */
export interface WorkbookReading {
  readonly sheets: ReadonlyArray<Table.RawSheet>
  readonly problems: ReadonlyArray<Table.SheetProblem>
}

const refuse = (it: string, en: string): WorkbookReading => ({
  sheets: [],
  problems: [{ code: "invalid-value", sheet: "", path: [], message: { it, en } }]
})

const attribute = (tag: string, name: string): string | undefined => {
  const m = new RegExp(`\\s${name}="([^"]*)"`).exec(tag)
  return m?.[1]
}

const unescapeXml = (s: string): string =>
  s
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, "&")

/** Sheet file number (`sheet3.xml` -> "3") -> sheet name, from the workbook and its relations. */
const sheetNames = (zip: Buffer, entries: ReadonlyArray<Zip.Entry>): Map<string, string> => {
  const find = (name: string) => entries.find((e) => e.name === name)
  const workbook = find("xl/workbook.xml")
  const rels = find("xl/_rels/workbook.xml.rels")
  const names = new Map<string, string>()
  if (workbook === undefined || rels === undefined) return names
  const targets = new Map<string, string>()
  for (const tag of Zip.read(zip, rels, 4 * 1024 * 1024)
    .toString("utf8")
    .match(/<Relationship\b[^>]*>/g) ?? []) {
    const id = attribute(tag, "Id")
    const target = attribute(tag, "Target")
    if (id !== undefined && target !== undefined) targets.set(id, target)
  }
  for (const tag of Zip.read(zip, workbook, 4 * 1024 * 1024)
    .toString("utf8")
    .match(/<sheet\b[^>]*>/g) ?? []) {
    const name = attribute(tag, "name")
    const rid = attribute(tag, "r:id")
    const target = rid === undefined ? undefined : targets.get(rid)
    const n = target === undefined ? undefined : /sheet(\d+)\.xml$/.exec(target)?.[1]
    if (name !== undefined && n !== undefined) names.set(n, unescapeXml(name))
  }
  return names
}

type ExcelValue = ExcelJS.CellValue

const cellOf = (
  value: ExcelValue,
  where: { sheet: string; row: number; column: number },
  problems: Table.ProblemSink
): Table.Cell => {
  const problem = (it: string, en: string): null => {
    problems.push({
      code: "invalid-value",
      sheet: where.sheet,
      row: where.row,
      column: Table.columnLetter(where.column),
      path: [],
      message: { it, en }
    })
    return null
  }
  if (value === null || value === undefined) return null
  if (typeof value === "string" || typeof value === "boolean") return value
  if (typeof value === "number")
    return Number.isFinite(value) ? value : problem("numero non valido", "not a valid number")
  if (value instanceof Date)
    return problem(
      "cella in formato data: scrivere la data come testo AAAA-MM-GG (formato cella Testo)",
      "a cell formatted as a date: write the date as text YYYY-MM-DD (cell format Text)"
    )
  if (typeof value === "object") {
    if ("formula" in value || "sharedFormula" in value)
      return problem(
        "formula: le formule non sono lette, incollare il valore (Incolla speciale > Valori)",
        "formula: formulas are not read, paste the value instead (Paste special > Values)"
      )
    if ("error" in value)
      return problem("cella in errore (#N/D, #VALORE!...)", "error cell (#N/A, #VALUE!...)")
    if ("richText" in value && Array.isArray(value.richText))
      return value.richText.map((r) => r.text).join("")
    if ("text" in value && typeof value.text === "string") return value.text
  }
  return problem("contenuto della cella non leggibile", "cell content that cannot be read")
}

/**
 * Reads a workbook into sheets, with exceljs's streaming reader, after
 * checking the file against the {@link Limits}. Never throws: a workbook it
 * cannot read comes back as one problem.
 *
 * @category decoding
 * @since 0.1.0
 */
export const read = async (file: Uint8Array, limits: Limits = {}): Promise<WorkbookReading> => {
  const l = { ...defaults, ...limits }
  if (file.byteLength > l.maxFileBytes)
    return refuse(
      `file troppo grande (${file.byteLength} byte, al massimo ${l.maxFileBytes})`,
      `file too large (${file.byteLength} bytes, at most ${l.maxFileBytes})`
    )
  const zip = Buffer.from(file.buffer, file.byteOffset, file.byteLength)
  // the first problems kept, the others counted: a sheet of a million formulas holds a thousand (issue 14)
  const problems = Table.problemSink()
  let names: Map<string, string>
  try {
    const list = Zip.entries(zip)
    const declared = list.reduce((n, e) => n + e.size, 0)
    if (declared > l.maxInflatedBytes || list.length > 10_000)
      return refuse(
        "cartella di lavoro troppo grande una volta decompressa: dividerla in più file",
        "workbook too large once inflated: split it into several files"
      )
    names = sheetNames(zip, list)
    // Inflate what exceljs would hold in memory, and every worksheet, with caps:
    // the real sizes, not the declared ones, count.
    let budget = l.maxInflatedBytes
    for (const entry of list) {
      const isSheet = /^xl\/worksheets\/sheet(\d+)\.xml$/.exec(entry.name)
      const isStrings = entry.name === "xl/sharedStrings.xml"
      if (!isSheet && !isStrings) continue
      const cap = isStrings ? Math.min(l.maxSharedStringsBytes, budget) : budget
      let content: Buffer
      try {
        content = Zip.read(zip, entry, cap)
      } catch (e) {
        if (isStrings)
          return refuse(
            `testi condivisi (sharedStrings) oltre ${cap} byte: file sospetto o troppo grande`,
            `shared strings beyond ${cap} bytes: a suspicious or too large file`
          )
        throw e
      }
      budget -= content.length
      if (isSheet) {
        const sheet = names.get(isSheet[1]!) ?? `Sheet${isSheet[1]}`
        let at = content.indexOf("<mergeCell ")
        let reported = 0
        while (at !== -1 && reported < 20) {
          const end = content.indexOf(">", at)
          const ref = attribute(content.toString("utf8", at, end + 1), "ref") ?? ""
          const first = /^([A-Z]+)(\d+)/.exec(ref)
          problems.push({
            code: "invalid-value",
            sheet,
            ...(first === null ? {} : { row: Number(first[2]), column: first[1]! }),
            path: [],
            message: {
              it: `celle unite (${ref}): separarle e scrivere il valore in ogni cella`,
              en: `merged cells (${ref}): unmerge them and write the value in every cell`
            }
          })
          reported++
          at = content.indexOf("<mergeCell ", end)
        }
      }
    }
  } catch (e) {
    if (e instanceof Zip.ZipError)
      return refuse(
        `il file non è una cartella di lavoro .xlsx leggibile (${e.message})`,
        `the file is not a readable .xlsx workbook (${e.message})`
      )
    return refuse(
      "il file non è una cartella di lavoro .xlsx leggibile",
      "the file is not a readable .xlsx workbook"
    )
  }
  const sheets: Array<Table.RawSheet> = []
  try {
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([zip]), {
      sharedStrings: "cache",
      hyperlinks: "ignore",
      styles: "cache",
      worksheets: "emit",
      entries: "ignore"
    })
    for await (const worksheet of reader) {
      const id = String((worksheet as unknown as { id: string | number }).id)
      const name = names.get(id) ?? `Sheet${id}`
      const rows: Array<Table.Row> = []
      for await (const row of worksheet) {
        if (row.number > l.maxRows) {
          problems.push({
            code: "invalid-value",
            sheet: name,
            row: row.number,
            path: [],
            message: {
              it: `il foglio va oltre la riga ${l.maxRows}: dividerlo in più file o eliminare le righe in fondo`,
              en: `the sheet goes beyond row ${l.maxRows}: split it into several files or delete the rows at its end`
            }
          })
          break
        }
        const values = row.values as Array<ExcelValue>
        const cells: Array<Table.Cell> = []
        for (let c = 1; c < values.length; c++)
          cells.push(cellOf(values[c], { sheet: name, row: row.number, column: c - 1 }, problems))
        rows.push({ row: row.number, cells })
      }
      sheets.push({ name, rows })
    }
  } catch {
    return refuse(
      "il file non è una cartella di lavoro .xlsx leggibile",
      "the file is not a readable .xlsx workbook"
    )
  }
  return { sheets, problems: problems.result() }
}

/**
 * Reads a workbook into a territory: {@link read}, then `Table.decode`,
 * every problem located at its cell, all at once.
 *
 * @category decoding
 * @since 0.1.0
 */
export const decode = async (
  file: Uint8Array,
  limits: Limits = {}
): Promise<Either.Either<Territory.Territory, ReadonlyArray<Table.SheetProblem>>> => {
  const reading = await read(file, limits)
  if (reading.sheets.length === 0 && reading.problems.length > 0) return Either.left(reading.problems)
  return Table.decode(reading.sheets, { problems: reading.problems })
}

const enumColumns = (layout: Layout.Layout) =>
  layout.sheets.flatMap((sheet) =>
    sheet.columns.filter((c) => c.values !== undefined).map((column) => ({ sheet, column }))
  )

/** Rows of a template sheet that carry the drop-down lists (an editorial choice: room for a large territory). */
const validatedRows = 5000

const kindLabel = (c: Layout.Column): { it: string; en: string } => {
  if (c.values !== undefined)
    return c.kind === "list"
      ? { it: "elenco di valori ammessi, separati da ;", en: "list of allowed values, separated by ;" }
      : { it: "uno dei valori ammessi", en: "one of the allowed values" }
  switch (c.kind) {
    case "number":
      return { it: "numero", en: "number" }
    case "integer":
      return { it: "numero intero", en: "integer" }
    case "boolean":
      return { it: "vero / falso (true / false)", en: "true / false" }
    case "list":
      return { it: "elenco separato da ;", en: "list separated by ;" }
    case "json":
      return { it: "JSON", en: "JSON" }
    default:
      return c.pattern?.includes("T(")
        ? { it: "istante AAAA-MM-GGThh:mm:ssZ", en: "instant YYYY-MM-DDThh:mm:ssZ" }
        : c.pattern?.includes("\\d{4}-")
          ? { it: "data AAAA-MM-GG (testo)", en: "date YYYY-MM-DD (text)" }
          : c.pattern?.startsWith("^[A-Za-z0-9]")
            ? { it: "codice (lettere, cifre, . _ : -)", en: "id (letters, digits, . _ : -)" }
            : { it: "testo", en: "text" }
  }
}

/**
 * Writes a workbook: the territory given (its JSON form), or an empty
 * template when it is absent. Every sheet has the Italian header on row 1
 * and the key on row 2, frozen; every enumerated column a drop-down list
 * (from the `Valori` sheet); the `Istruzioni` sheet explains every column.
 *
 * @category encoding
 * @since 0.1.0
 */
export const write = async (
  document?: unknown,
  options: { readonly layout?: Layout.Layout } = {}
): Promise<Uint8Array> => {
  const layout = options.layout ?? Layout.territory()
  const sheets =
    document === undefined
      ? layout.sheets.map((s) => ({ name: s.name, rows: Table.headerRows(s, "both") }))
      : Table.write(document, { layout })
  const workbook = new ExcelJS.Workbook()
  workbook.creator = "@welfare/sheets"
  const instructions = workbook.addWorksheet("Istruzioni")
  instructions.columns = [
    { header: "foglio / sheet", width: 26 },
    { header: "colonna (chiave) / column (key)", width: 28 },
    { header: "intestazione", width: 28 },
    { header: "obbligatoria / required", width: 14 },
    { header: "contenuto", width: 30 },
    { header: "content", width: 30 },
    { header: "valori ammessi / allowed values", width: 50 },
    { header: "description", width: 80 }
  ]
  instructions.getRow(1).font = { bold: true }
  instructions.views = [{ state: "frozen", ySplit: 1 }]
  instructions.addRow([
    "",
    "",
    "Compilare un foglio per elenco, una riga per voce, dalla riga 3. La riga 2 (chiavi) non va modificata.",
    "",
    "",
    "Fill one sheet per list, one row per record, from row 3. Do not change row 2 (keys)."
  ])
  const values = workbook.addWorksheet("Valori")
  const enums = enumColumns(layout)
  for (const sheet of layout.sheets) {
    instructions.addRow([sheet.name, "", "", "", "", sheet.nameEn, "", sheet.description])
    for (const k of sheet.keys)
      instructions.addRow([
        sheet.name,
        k.key,
        k.header.it,
        "sì / yes",
        "riga a cui appartiene",
        "row it belongs to",
        "",
        k.header.en
      ])
    for (const c of sheet.columns) {
      const kind = kindLabel(c)
      instructions.addRow([
        sheet.name,
        c.key,
        c.header.it,
        c.required ? "sì / yes" : "",
        kind.it,
        kind.en,
        c.values?.join(", ") ?? "",
        c.description
      ])
    }
  }
  enums.forEach(({ sheet, column }, i) => {
    const col = values.getColumn(i + 1)
    col.width = 28
    values.getCell(1, i + 1).value = `${sheet.name}.${column.key}`
    column.values!.forEach((v, j) => {
      values.getCell(j + 2, i + 1).value = v
    })
  })
  values.getRow(1).font = { bold: true }
  sheets.forEach((raw, s) => {
    const sheet = layout.sheets[s]!
    const ws = workbook.addWorksheet(raw.name)
    for (const row of raw.rows) {
      const r = ws.getRow(row.row)
      row.cells.forEach((cell, c) => {
        if (cell !== null) r.getCell(c + 1).value = cell
      })
    }
    ws.getRow(1).font = { bold: true }
    ws.getRow(2).font = { italic: true, color: { argb: "FF666666" } }
    ws.views = [{ state: "frozen", ySplit: 2 }]
    const offset = sheet.keys.length
    const all = [...sheet.keys.map((k) => ({ key: k.key })), ...sheet.columns]
    all.forEach((c, i) => {
      ws.getColumn(i + 1).width = Math.min(40, Math.max(12, c.key.length + 4))
    })
    sheet.columns.forEach((column, i) => {
      const letter = Table.columnLetter(offset + i)
      if (column.kind === "string" && column.values !== undefined) {
        const v = enums.findIndex((e) => e.sheet === sheet && e.column === column)
        const valuesColumn = Table.columnLetter(v)
        ;(
          ws as unknown as { dataValidations: { add: (range: string, v: object) => void } }
        ).dataValidations.add(`${letter}3:${letter}${validatedRows}`, {
          type: "list",
          allowBlank: true,
          formulae: [`Valori!$${valuesColumn}$2:$${valuesColumn}$${column.values.length + 1}`],
          showErrorMessage: true,
          errorTitle: "Valore non ammesso / Value not allowed",
          error: `${column.values.join(", ")}`
        })
      }
      // Text columns stay text: a date or an id typed there is not turned into a number.
      if (column.kind === "string" || column.kind === "list" || column.kind === "json")
        ws.getColumn(offset + i + 1).numFmt = "@"
    })
  })
  const buffer = await workbook.xlsx.writeBuffer()
  return new Uint8Array(buffer as ArrayBuffer)
}

/**
 * Writes a territory (decoded) as a workbook: `write(Territory.encode(territory))`.
 *
 * @category encoding
 * @since 0.1.0
 */
export const fromTerritory = (territory: Territory.Territory): Promise<Uint8Array> =>
  write(Territory.encode(territory))
