/**
 * Writing a territory document (its JSON form) as rows of cells, one sheet
 * per sheet of the layout (see `Table.write`).
 *
 * @internal
 */
import type * as Layout from "../../Layout.js"
import { territory as territoryLayout } from "../../Layout.js"
import type { Cell, Headers, RawSheet, Row } from "./model.js"

export const isRecord = (u: unknown): u is Readonly<Record<string, unknown>> =>
  typeof u === "object" && u !== null && !Array.isArray(u)

export const at = (value: unknown, path: ReadonlyArray<string>): unknown => {
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

/** The header rows of a sheet (see `Table.headerRows`). @internal */
export const headerRows = (sheet: Layout.Sheet, headers: Headers): Array<Row> => {
  const keys: Array<Cell> = [...sheet.keys.map((k) => k.key), ...sheet.columns.map((c) => c.key)]
  if (headers === "keys") return [{ row: 1, cells: keys }]
  const it: Array<Cell> = [...sheet.keys.map((k) => k.header.it), ...sheet.columns.map((c) => c.header.it)]
  return [
    { row: 1, cells: it },
    { row: 2, cells: keys }
  ]
}

export const childrenOf = (layout: Layout.Layout): ReadonlyArray<ReadonlyArray<number>> => {
  const children: Array<Array<number>> = layout.sheets.map(() => [])
  layout.sheets.forEach((s, i) => {
    if (s.parent >= 0) children[s.parent]!.push(i)
  })
  return children
}

/** A territory document as sheets (see `Table.write`). @internal */
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
