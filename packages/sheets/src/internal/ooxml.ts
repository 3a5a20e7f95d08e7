/**
 * A lean streaming reader of the parts of a workbook (SpreadsheetML,
 * ECMA-376 part 1 section 18) that the import needs: the workbook's sheet
 * names and their parts, the shared strings, the cell formats that are
 * dates, and each worksheet's rows, read as the text of a part arrives in
 * chunks. Plain string scanning (`indexOf`), no DOM and no XML library: it
 * runs in Node, Deno and browsers, and holds one chunk and one incomplete
 * row at a time.
 *
 * What it reads of a cell: its reference (`r`), type (`t`), format (`s`), a
 * formula (`f`, refused), its value (`v`) and an inline string (`is`).
 * Texts are unescaped as XML and as Excel's `_xHHHH_` escapes (as exceljs
 * reads them).
 *
 * @internal
 */
import type { Cell } from "./table/model.js"

/** A workbook part that breaks a rule of the reader (a row larger than its cap). @internal */
export class OoxmlError extends Error {}

const entity = /&(lt|gt|amp|quot|apos|#\d+|#x[0-9a-fA-F]+);/g
const entities: Readonly<Record<string, string>> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" }
const unescapeXml = (s: string): string =>
  s.indexOf("&") === -1
    ? s
    : s.replace(entity, (_, e: string) =>
        e[0] === "#"
          ? String.fromCodePoint(e[1] === "x" ? Number.parseInt(e.slice(2), 16) : Number(e.slice(1)))
          : entities[e]!
      )
const excelEscape = /_x([0-9A-F]{4})_/g
const unescapeText = (s: string): string => {
  const t = unescapeXml(s)
  return t.indexOf("_x") === -1
    ? t
    : t.replace(excelEscape, (_, h: string) => String.fromCharCode(Number.parseInt(h, 16)))
}

/** The value of an attribute of a start tag (`tag` is the text from `<` to `>`). @internal */
export const attribute = (tag: string, name: string): string | undefined => {
  let at = 0
  for (;;) {
    at = tag.indexOf(`${name}=`, at)
    if (at === -1) return undefined
    const before = tag.charCodeAt(at - 1)
    // a whole attribute name: preceded by white space
    if (before === 32 || before === 9 || before === 10 || before === 13) {
      const quote = tag[at + name.length + 1]
      if (quote === '"' || quote === "'") {
        const start = at + name.length + 2
        const end = tag.indexOf(quote, start)
        return end === -1 ? undefined : unescapeXml(tag.slice(start, end))
      }
    }
    at += name.length
  }
}

/** The namespace prefix of a part's elements (`x:` in `<x:worksheet>`), or "". @internal */
const prefixOf = (text: string, root: string): string | undefined => {
  const m = new RegExp(`<([A-Za-z_][\\w.-]*:)?${root}[\\s>/]`).exec(text)
  return m === null ? undefined : (m[1] ?? "")
}

/** Every start tag `<name ...>` of a small part, with its attributes. */
const tags = (text: string, name: string): Array<string> => {
  const p = prefixOf(text, name) ?? ""
  const out: Array<string> = []
  const open = `<${p}${name}`
  let at = text.indexOf(open)
  while (at !== -1) {
    const next = text.charCodeAt(at + open.length)
    const end = text.indexOf(">", at)
    if (end === -1) break
    if (next === 32 || next === 47 || next === 62 || next === 9 || next === 10 || next === 13)
      out.push(text.slice(at, end + 1))
    at = text.indexOf(open, end)
  }
  return out
}

/** A part's path in the archive from a relationship's target, relative to `xl/` or absolute. */
const resolve = (target: string): string => {
  if (target.startsWith("/")) return target.slice(1)
  const parts = ["xl"]
  for (const p of target.split("/")) {
    if (p === "..") parts.pop()
    else if (p !== "." && p !== "") parts.push(p)
  }
  return parts.join("/")
}

/**
 * The sheets of a workbook in their order (name and part), and its shared
 * strings and styles parts, from `xl/workbook.xml` and its relationships.
 *
 * @internal
 */
export const workbookParts = (
  workbook: string,
  rels: string
): {
  readonly sheets: ReadonlyArray<{ readonly name: string; readonly part: string }>
  readonly sharedStrings: string
  readonly styles: string
} => {
  const targets = new Map<string, string>()
  let sharedStrings = "xl/sharedStrings.xml"
  let styles = "xl/styles.xml"
  for (const tag of tags(rels, "Relationship")) {
    const id = attribute(tag, "Id")
    const target = attribute(tag, "Target")
    const type = attribute(tag, "Type") ?? ""
    if (target === undefined || attribute(tag, "TargetMode") === "External") continue
    if (id !== undefined) targets.set(id, resolve(target))
    if (type.endsWith("/sharedStrings")) sharedStrings = resolve(target)
    if (type.endsWith("/styles")) styles = resolve(target)
  }
  const sheets: Array<{ name: string; part: string }> = []
  for (const tag of tags(workbook, "sheet")) {
    const name = attribute(tag, "name")
    const rid = attribute(tag, "r:id")
    const part = rid === undefined ? undefined : targets.get(rid)
    if (name !== undefined && part !== undefined) sheets.push({ name, part })
  }
  return { sheets, sharedStrings, styles }
}

// Built-in number formats that show dates or times (ECMA-376 18.8.30, and the East Asian ones).
const builtinDates = new Set([
  14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54,
  55, 56, 57, 58
])

/** Whether a format code shows a date (exceljs' rule: a date letter outside quotes and brackets). */
const isDateFormat = (code: string): boolean =>
  /[ymdhMsb]/.test(code.replace(/\[[^\]]*]/g, "").replace(/"[^"]*"/g, ""))

/**
 * The indexes of the cell formats (`s` of a cell) that show a date, from
 * `xl/styles.xml`.
 *
 * @internal
 */
export const dateStyles = (styles: string): ReadonlySet<number> => {
  const custom = new Map<number, string>()
  for (const tag of tags(styles, "numFmt")) {
    const id = Number(attribute(tag, "numFmtId"))
    const code = attribute(tag, "formatCode")
    if (Number.isInteger(id) && code !== undefined) custom.set(id, code)
  }
  const out = new Set<number>()
  const p = prefixOf(styles, "cellXfs")
  if (p === undefined) return out
  const start = styles.indexOf(`<${p}cellXfs`)
  const end = styles.indexOf(`</${p}cellXfs>`, start)
  if (end === -1) return out
  tags(styles.slice(start, end), "xf").forEach((tag, i) => {
    const id = Number(attribute(tag, "numFmtId") ?? "0")
    const code = custom.get(id)
    if (code !== undefined ? isDateFormat(code) : builtinDates.has(id)) out.add(i)
  })
  return out
}

/** The text of a string item (`<si>` or `<is>`): its `t` elements joined, phonetic runs left out. */
const itemText = (s: string, from: number, to: number, p: string): string => {
  let item = s.slice(from, to)
  if (item.indexOf(`<${p}rPh`) !== -1)
    item = item.replace(new RegExp(`<${p}rPh[\\s\\S]*?</${p}rPh>`, "g"), "")
  const open = `<${p}t`
  const close = `</${p}t>`
  let out = ""
  let at = item.indexOf(open)
  while (at !== -1) {
    const next = item.charCodeAt(at + open.length)
    const end = item.indexOf(">", at)
    if (end === -1) break
    if (next !== 62 && next !== 32 && next !== 47 && next !== 9 && next !== 10 && next !== 13) {
      at = item.indexOf(open, end)
      continue
    }
    if (item.charCodeAt(end - 1) === 47) {
      at = item.indexOf(open, end)
      continue
    }
    const stop = item.indexOf(close, end)
    if (stop === -1) break
    out += item.slice(end + 1, stop)
    at = item.indexOf(open, stop)
  }
  return unescapeText(out)
}

/**
 * Reads the shared strings part as its text arrives: `push` each chunk,
 * then `end`; `strings` holds the items read.
 *
 * @internal
 */
export class SharedStrings {
  readonly strings: Array<string> = []
  private buffer = ""
  private prefix: string | undefined

  push(text: string): void {
    // a string cut by the chunk is kept; its end is looked for in the new text only
    const base = this.buffer.length
    let s = this.buffer + text
    if (this.prefix === undefined) {
      this.prefix = prefixOf(s, "sst")
      if (this.prefix === undefined) {
        // nothing before the root is needed: keep only what a cut tag may start in
        this.buffer = s.slice(Math.max(0, s.length - 64))
        return
      }
    }
    const p = this.prefix
    const open = `<${p}si`
    const close = `</${p}si>`
    let at = s.indexOf(open)
    let kept = s.length
    while (at !== -1) {
      const next = s.charCodeAt(at + open.length)
      if (next !== 62 && next !== 32 && next !== 47 && next !== 9 && next !== 10 && next !== 13) {
        at = s.indexOf(open, at + open.length)
        continue
      }
      const end = s.indexOf(">", at)
      if (end === -1) {
        kept = at
        break
      }
      if (s.charCodeAt(end - 1) === 47) {
        this.strings.push("")
        at = s.indexOf(open, end)
        continue
      }
      const stop = s.indexOf(close, Math.max(end, base - close.length))
      if (stop === -1) {
        kept = at
        break
      }
      this.strings.push(itemText(s, end + 1, stop, p))
      at = s.indexOf(open, stop)
    }
    s = kept === s.length ? s.slice(Math.max(kept - open.length, 0)) : s.slice(kept)
    this.buffer = s
  }

  end(): void {
    this.buffer = ""
  }
}

/** 0-based column index of a cell reference's letters (`C7` -> 2), or -1. */
const columnOf = (s: string, from: number, to: number): number => {
  let n = 0
  let i = from
  for (; i < to; i++) {
    const c = s.charCodeAt(i)
    if (c >= 65 && c <= 90) n = n * 26 + (c - 64)
    else if (c >= 97 && c <= 122) n = n * 26 + (c - 96)
    else break
  }
  return i === from ? -1 : n - 1
}

/** Where a cell is and what is wrong with it, for the caller to locate. @internal */
export type CellProblem = (row: number, column: number, it: string, en: string) => void

/** The problems of cells, in Italian and English (the same sentences as before the lean reader). */
const messages = {
  number: ["numero non valido", "not a valid number"],
  date: [
    "cella in formato data: scrivere la data come testo AAAA-MM-GG (formato cella Testo)",
    "a cell formatted as a date: write the date as text YYYY-MM-DD (cell format Text)"
  ],
  formula: [
    "formula: le formule non sono lette, incollare il valore (Incolla speciale > Valori)",
    "formula: formulas are not read, paste the value instead (Paste special > Values)"
  ],
  error: ["cella in errore (#N/D, #VALORE!...)", "error cell (#N/A, #VALUE!...)"],
  unreadable: ["contenuto della cella non leggibile", "cell content that cannot be read"]
} as const

/**
 * The options of a {@link Worksheet} reader: the shared strings, the cell
 * formats that are dates, where rows and problems go, and the largest
 * incomplete row held (bytes of text).
 *
 * @internal
 */
export interface WorksheetOptions {
  readonly strings: ReadonlyArray<string>
  readonly dates: ReadonlySet<number>
  /** A row with cells (empty rows are left out); returns `false` to stop reading the sheet. */
  readonly row: (row: number, cells: Array<Cell>) => boolean
  readonly problem: CellProblem
  /** A merged range (`A6:B6`), at most `maxMerges` of them. */
  readonly merged: (ref: string) => void
  readonly maxRowText?: number
  readonly maxMerges?: number
}

/**
 * Reads a worksheet part as its text arrives: `push` each chunk (false once
 * the reader asked to stop), then `end`.
 *
 * @internal
 */
export class Worksheet {
  private buffer = ""
  private prefix: string | undefined
  private phase: "before" | "rows" | "after" | "stopped" = "before"
  private lastRow = 0
  private merges = 0
  private readonly maxRowText: number

  constructor(private readonly options: WorksheetOptions) {
    this.maxRowText = options.maxRowText ?? 16 * 1024 * 1024
  }

  push(text: string): boolean {
    // `base`: where the new text starts in `s`; searches look at the new text (and the few
    // characters before it that a tag cut in two may start in), never again at what was kept
    let base = this.buffer.length
    let s = base === 0 ? text : this.buffer + text
    this.buffer = ""
    for (;;) {
      if (this.phase === "stopped") return false
      const from = Math.max(0, base - 32)
      if (this.phase === "before") {
        if (this.prefix === undefined) this.prefix = prefixOf(s.slice(from), "worksheet")
        const open = `<${this.prefix ?? ""}sheetData`
        const at = this.prefix === undefined ? -1 : s.indexOf(open, from)
        const end = at === -1 ? -1 : s.indexOf(">", at)
        if (end === -1) {
          // nothing before the rows is needed: keep only what a cut tag may start in
          this.buffer = s.slice(at === -1 ? Math.max(0, s.length - 64) : at)
          if (this.buffer.length > this.maxRowText) throw new OoxmlError("no sheetData element")
          return true
        }
        this.phase = s.charCodeAt(end - 1) === 47 ? "after" : "rows"
        s = s.slice(end + 1)
        base = 0
        continue
      }
      if (this.phase === "rows") {
        const p = this.prefix!
        const close = s.indexOf(`</${p}sheetData>`, from)
        if (close !== -1) {
          this.rows(s, close)
          if (this.phase === "rows") this.phase = "after"
          s = s.slice(close)
          base = 0
          continue
        }
        // every row before the last one that opens is complete
        const open = `<${p}row`
        let last = -1
        for (let at = s.indexOf(open, from); at !== -1; at = s.indexOf(open, at + open.length)) last = at
        if (last === -1 && s.startsWith(open)) last = 0
        if (last > 0) this.rows(s, last)
        const kept = last === -1 ? s.slice(Math.max(0, s.length - 64)) : s.slice(last)
        if (kept.length > this.maxRowText)
          throw new OoxmlError(`a row larger than ${this.maxRowText} bytes of text`)
        this.buffer = kept
        return (this.phase as string) !== "stopped"
      }
      // after the rows: merged cells
      const p = this.prefix!
      const open = `<${p}mergeCell `
      let at = s.indexOf(open, from)
      while (at !== -1) {
        const end = s.indexOf(">", at)
        if (end === -1) break
        if (this.merges < (this.options.maxMerges ?? 20)) {
          this.merges++
          this.options.merged(attribute(s.slice(at, end + 1), "ref") ?? "")
        }
        at = s.indexOf(open, end)
      }
      this.buffer = at === -1 ? s.slice(Math.max(0, s.length - 64)) : s.slice(at)
      if (this.buffer.length > this.maxRowText) this.buffer = ""
      return true
    }
  }

  end(): void {
    if (this.phase === "rows" && this.buffer.length > 0) this.rows(this.buffer, this.buffer.length)
    this.buffer = ""
  }

  /** Reads the complete rows of `s` before `to`. */
  private rows(s: string, to: number): void {
    const p = this.prefix!
    const open = `<${p}row`
    const closeRow = `</${p}row>`
    let at = s.indexOf(open)
    while (at !== -1 && at < to) {
      const next = s.charCodeAt(at + open.length)
      const tagEnd = s.indexOf(">", at)
      if (tagEnd === -1 || tagEnd >= to) return
      if (next !== 32 && next !== 62 && next !== 47 && next !== 9 && next !== 10 && next !== 13) {
        at = s.indexOf(open, tagEnd)
        continue
      }
      const r = attribute(s.slice(at, tagEnd + 1), "r")
      const number = r === undefined ? this.lastRow + 1 : Number(r)
      this.lastRow = number
      if (s.charCodeAt(tagEnd - 1) === 47) {
        at = s.indexOf(open, tagEnd)
        continue
      }
      let stop = s.indexOf(closeRow, tagEnd)
      if (stop === -1 || stop > to) stop = to
      const cells = this.cells(s, tagEnd + 1, stop, number)
      if (cells.length > 0 && !this.options.row(number, cells)) {
        this.phase = "stopped"
        return
      }
      at = s.indexOf(open, stop)
    }
  }

  /** The cells of one row, from the text between `<row ...>` and `</row>`. */
  private cells(s: string, from: number, to: number, row: number): Array<Cell> {
    const p = this.prefix!
    const open = `<${p}c`
    const closeCell = `</${p}c>`
    const cells: Array<Cell> = []
    let column = -1
    let at = s.indexOf(open, from)
    while (at !== -1 && at < to) {
      const next = s.charCodeAt(at + open.length)
      const tagEnd = s.indexOf(">", at)
      if (tagEnd === -1 || tagEnd > to) break
      if (next !== 32 && next !== 62 && next !== 47 && next !== 9 && next !== 10 && next !== 13) {
        at = s.indexOf(open, tagEnd)
        continue
      }
      const tag = s.slice(at, tagEnd + 1)
      const ref = tag.indexOf(' r="')
      const c = ref === -1 ? column + 1 : columnOf(tag, ref + 4, tag.length)
      column = c < 0 ? column + 1 : c
      if (s.charCodeAt(tagEnd - 1) === 47) {
        at = s.indexOf(open, tagEnd)
        continue
      }
      let stop = s.indexOf(closeCell, tagEnd)
      if (stop === -1 || stop > to) stop = to
      const value = this.value(s, tag, tagEnd + 1, stop, row, column, p)
      if (value !== null) {
        while (cells.length < column) cells.push(null)
        cells[column] = value
      }
      at = s.indexOf(open, stop)
    }
    return cells
  }

  private value(
    s: string,
    tag: string,
    from: number,
    to: number,
    row: number,
    column: number,
    p: string
  ): Cell {
    const problem = (m: readonly [string, string]): null => {
      this.options.problem(row, column, m[0], m[1])
      return null
    }
    // the cell's own content: searches never run past it
    const inner = s.slice(from, to)
    const formula = inner.indexOf(`<${p}f`)
    if (formula !== -1) {
      const next = inner.charCodeAt(formula + p.length + 2)
      if (next === 32 || next === 62 || next === 47) return problem(messages.formula)
    }
    const type = attribute(tag, "t") ?? "n"
    if (type === "inlineStr") {
      const is = inner.indexOf(`<${p}is`)
      return is === -1 ? null : itemText(inner, is, inner.length, p)
    }
    const v = inner.indexOf(`<${p}v`)
    if (v === -1) return null
    const vEnd = inner.indexOf(">", v)
    if (vEnd === -1 || inner.charCodeAt(vEnd - 1) === 47) return null
    const vStop = inner.indexOf(`</${p}v>`, vEnd)
    if (vStop === -1) return null
    const raw = inner.slice(vEnd + 1, vStop)
    switch (type) {
      case "s": {
        const text = this.options.strings[Number(raw)]
        return text === undefined ? problem(messages.unreadable) : text
      }
      case "str":
        return unescapeXml(raw)
      case "b":
        return raw === "1" || raw === "true"
      case "e":
        return problem(messages.error)
      case "d":
        return problem(messages.date)
      case "n": {
        const n = Number(raw)
        if (raw.trim() === "" || !Number.isFinite(n)) return problem(messages.number)
        const style = attribute(tag, "s")
        if (style !== undefined && this.options.dates.has(Number(style))) return problem(messages.date)
        return n
      }
      default:
        return problem(messages.unreadable)
    }
  }
}
