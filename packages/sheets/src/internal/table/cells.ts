/**
 * Reading one cell as the value its column holds (a number, a list, JSON...),
 * and the Italian sentences of the decoder's problems (see `Table.read`).
 *
 * @internal
 */
import type { Problem } from "@welfare/core"
import type * as Layout from "../../Layout.js"
import type { Cell } from "./model.js"
import { isRecord } from "./write.js"

const numeric = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/
const commaDecimal = /^[+-]?\d+,\d+$/

export const isEmpty = (cell: Cell | undefined): boolean =>
  cell === null || cell === undefined || (typeof cell === "string" && cell.trim() === "")

export type Converted =
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

export const readCell = (column: Layout.Column, cell: Cell): Converted => {
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

export const setAt = (target: Record<string, unknown>, path: ReadonlyArray<string>, value: unknown): void => {
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

export const canon = (s: string): string => s.trim().toLowerCase()

export const italianFor = (code: Problem.ProblemCode, column: Layout.Column | undefined): string => {
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
