/**
 * Workbooks (`.xlsx`) for Node: written with exceljs 4.4 (the template
 * generated from the schemas, a sheet per list of records with Italian and
 * English headers, drop-down lists for every enumeration, a sheet explaining
 * every column; the territory written as a workbook), and read back with
 * `Workbook`'s lean streaming reader (re-exported here as `read` and
 * `decode`).
 *
 * Reading refuses hostile workbooks cleanly and with bounded memory (see
 * `Workbook`): zip bombs stop at their caps, a sheet beyond the row limit is
 * refused at that row; formulas, merged cells, dates typed as dates and
 * error cells are problems located at their cells, never read silently.
 *
 * @packageDocumentation
 * @since 0.1.0
 */
import { Territory } from "@welfare/core"
import type * as Either from "effect/Either"
import ExcelJS from "exceljs"
import * as Layout from "./Layout.js"
import * as Table from "./Table.js"
import * as Workbook from "./Workbook.js"

/**
 * The limits of {@link read} (see `Workbook.Limits`).
 *
 * @category models
 * @since 0.1.0
 */
export type Limits = Workbook.Limits

/**
 * The sheets read from a workbook and the problems of its cells (see `Workbook.WorkbookReading`).
 *
 * @category models
 * @since 0.1.0
 */
export type WorkbookReading = Workbook.WorkbookReading

/**
 * Reads a workbook into sheets, holding every row: `Workbook.read`, the
 * lean streaming reader that also runs in browsers and Deno (exceljs is no
 * longer used to read). Never throws: a workbook it cannot read comes back
 * as one problem.
 *
 * @category decoding
 * @since 0.1.0
 */
export const read: (file: Uint8Array, limits?: Limits) => Promise<WorkbookReading> = Workbook.read

/**
 * Reads a workbook into a territory: `Workbook.decode`, its rows streamed
 * into the document, every problem located at its cell, all at once.
 *
 * @category decoding
 * @since 0.1.0
 */
export const decode = (
  file: Uint8Array,
  limits: Limits = {}
): Promise<Either.Either<Territory.Territory, ReadonlyArray<Table.SheetProblem>>> =>
  Workbook.decode(file, limits)

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
  const instructions = instructionsSheet(workbook)
  const values = workbook.addWorksheet("Valori")
  const enums = enumColumns(layout)
  describeColumns(instructions, layout)
  listValues(values, enums)
  sheets.forEach((raw, s) => {
    dataSheet(workbook, raw, layout.sheets[s]!, enums)
  })
  const buffer = await workbook.xlsx.writeBuffer()
  return new Uint8Array(buffer as ArrayBuffer)
}

/** The `Istruzioni` sheet: its header and how to fill the workbook. */
const instructionsSheet = (workbook: ExcelJS.Workbook): ExcelJS.Worksheet => {
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
  return instructions
}

/** A row of `Istruzioni` per sheet, per key and per column. */
const describeColumns = (instructions: ExcelJS.Worksheet, layout: Layout.Layout): void => {
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
}

/** The `Valori` sheet: a column of allowed values per enumerated column. */
const listValues = (values: ExcelJS.Worksheet, enums: ReturnType<typeof enumColumns>): void => {
  enums.forEach(({ sheet, column }, i) => {
    const col = values.getColumn(i + 1)
    col.width = 28
    values.getCell(1, i + 1).value = `${sheet.name}.${column.key}`
    column.values!.forEach((v, j) => {
      values.getCell(j + 2, i + 1).value = v
    })
  })
  values.getRow(1).font = { bold: true }
}

/** A data sheet: its rows, header and key rows frozen, widths, drop-down lists and text columns. */
const dataSheet = (
  workbook: ExcelJS.Workbook,
  raw: { readonly name: string; readonly rows: ReadonlyArray<Table.Row> },
  sheet: Layout.Sheet,
  enums: ReturnType<typeof enumColumns>
): void => {
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
}

/**
 * Writes a territory (decoded) as a workbook: `write(Territory.encode(territory))`.
 *
 * @category encoding
 * @since 0.1.0
 */
export const fromTerritory = (territory: Territory.Territory): Promise<Uint8Array> =>
  write(Territory.encode(territory))
