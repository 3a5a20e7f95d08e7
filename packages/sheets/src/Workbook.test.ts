/**
 * Hostile workbooks, generated here (no binary is committed): each is refused
 * cleanly, with the problem at its cell, and read with bounded memory (the
 * reading stops at the cap or the row limit).
 */
import { readFileSync } from "node:fs"
import { promisify } from "node:util"
import { deflateRaw } from "node:zlib"
import { Territory } from "@welfare/core"
import * as Either from "effect/Either"
import { describe, expect, it } from "vitest"
import { Table, Workbook } from "./index.js"

const deflate = promisify(deflateRaw)
/** Lets the test worker answer its runner between heavy steps (a saturated CI machine times it out otherwise). */
const breathe = () => new Promise((resolve) => setImmediate(resolve))

/**
 * A zip of these entries, deflated off the main thread; `declare` overrides
 * the uncompressed sizes the directory states.
 */
const zipOf = async (
  files: Record<string, string | Uint8Array>,
  declare: Record<string, number> = {}
): Promise<Uint8Array> => {
  const locals: Array<Buffer> = []
  const centrals: Array<Buffer> = []
  let offset = 0
  for (const [name, content] of Object.entries(files)) {
    const raw = typeof content === "string" ? Buffer.from(content, "utf8") : Buffer.from(content)
    const data = await deflate(raw)
    const nameBytes = Buffer.from(name)
    const size = declare[name] ?? raw.length
    const local = Buffer.alloc(30)
    local.writeUInt32LE(0x04034b50, 0)
    local.writeUInt16LE(8, 8)
    local.writeUInt32LE(data.length, 18)
    local.writeUInt32LE(size, 22)
    local.writeUInt16LE(nameBytes.length, 26)
    const central = Buffer.alloc(46)
    central.writeUInt32LE(0x02014b50, 0)
    central.writeUInt16LE(8, 10)
    central.writeUInt32LE(data.length, 20)
    central.writeUInt32LE(size, 24)
    central.writeUInt16LE(nameBytes.length, 28)
    central.writeUInt32LE(offset, 42)
    locals.push(local, nameBytes, data)
    centrals.push(central, nameBytes)
    offset += local.length + nameBytes.length + data.length
  }
  const directory = Buffer.concat(centrals)
  const end = Buffer.alloc(22)
  end.writeUInt32LE(0x06054b50, 0)
  end.writeUInt16LE(Object.keys(files).length, 8)
  end.writeUInt16LE(Object.keys(files).length, 10)
  end.writeUInt32LE(directory.length, 12)
  end.writeUInt32LE(offset, 16)
  return new Uint8Array(Buffer.concat([...locals, directory, end]))
}

const ns = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
const rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

/** The parts of a workbook with these sheets (name -> the XML of its rows), and shared strings. */
const workbook = (
  sheets: Record<string, string>,
  extra: { readonly strings?: string; readonly styles?: string; readonly after?: Record<string, string> } = {}
): Record<string, string> => {
  const names = Object.keys(sheets)
  const files: Record<string, string> = {
    "xl/workbook.xml": `<?xml version="1.0"?><workbook ${ns} xmlns:r="${rel}"><sheets>${names
      .map((n, i) => `<sheet name="${n}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`)
      .join("")}</sheets></workbook>`,
    "xl/_rels/workbook.xml.rels": `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${names
      .map(
        (_, i) =>
          `<Relationship Id="rId${i + 1}" Type="${rel}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`
      )
      .join("")}</Relationships>`
  }
  names.forEach((n, i) => {
    files[`xl/worksheets/sheet${i + 1}.xml`] =
      `<?xml version="1.0"?><worksheet ${ns}><sheetData>${sheets[n]}</sheetData>${extra.after?.[n] ?? ""}</worksheet>`
  })
  if (extra.strings !== undefined) files["xl/sharedStrings.xml"] = extra.strings
  if (extra.styles !== undefined) files["xl/styles.xml"] = extra.styles
  return files
}

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;")
/** A row of inline strings (null leaves the cell out). */
const row = (n: number, cells: ReadonlyArray<string | number | null>): string =>
  `<row r="${n}">${cells
    .map((c, i) => {
      const ref = `${Table.columnLetter(i)}${n}`
      if (c === null) return ""
      return typeof c === "number"
        ? `<c r="${ref}"><v>${c}</v></c>`
        : `<c r="${ref}" t="inlineStr"><is><t>${esc(c)}</t></is></c>`
    })
    .join("")}</row>`

const minimal = {
  Territorio: row(1, ["name"]) + row(2, ["Ambito di Legnano"]),
  Comuni: row(1, ["id", "name"]) + row(2, ["legnano", "Legnano"])
}

const addresses = (problems: ReadonlyArray<Table.SheetProblem>) =>
  problems.map((p) => `${Table.address(p)} ${p.message.en.split(":")[0]}`)

describe("Workbook (lean streaming reader)", () => {
  it("reads the example workbook as the example territory, in Node as in browsers (no Node API)", async () => {
    const file = new Uint8Array(
      readFileSync(new URL("../../../examples/territories/legnano.xlsx", import.meta.url))
    )
    const json = JSON.parse(
      readFileSync(new URL("../../../examples/territories/legnano.json", import.meta.url), "utf8")
    )
    const result = await Workbook.decode(file)
    if (Either.isLeft(result)) throw new Error(Table.format(result.left[0]!, "en"))
    const expected = Territory.decode(json)
    expect(Either.isRight(expected) && Territory.encode(result.right)).toEqual(
      Either.isRight(expected) && Territory.encode(expected.right)
    )
  }, 60_000)

  it("reads shared strings (rich text runs, phonetic runs left out, XML and _xHHHH_ escapes), booleans and numbers", async () => {
    const strings = `<sst ${ns}><si><t>coop-1</t></si><si><r><t>social-</t></r><r><rPr><b/></rPr><t>cooperative</t></r><rPh><t>x</t></rPh></si><si><t xml:space="preserve">Caf&#xE8; &amp; Co_x0021_</t></si></sst>`
    const file = await zipOf(
      workbook(
        {
          Attori: `${row(1, ["id", "kind", "name"])}<row r="2"><c r="A2" t="s"><v>0</v></c><c r="B2" t="s"><v>1</v></c><c r="C2" t="s"><v>2</v></c><c r="D2" t="b"><v>1</v></c><c r="E2"><v>2.5</v></c></row>`
        },
        { strings }
      )
    )
    const reading = await Workbook.read(file)
    expect(reading.sheets[0]!.rows[1]!.cells).toEqual([
      "coop-1",
      "social-cooperative",
      "Cafè & Co!",
      true,
      2.5
    ])
  })

  it("refuses a sheet of 1,048,576 rows at the row limit: the rows after it are never read", async () => {
    const rows: Array<string> = [row(1, ["id", "kind"])]
    for (let n = 2; n <= 1_048_576; n++) {
      rows.push(`<row r="${n}"><c r="A${n}"><v>${n}</v></c></row>`)
      if (n % 100_000 === 0) await breathe()
    }
    const file = await zipOf(workbook({ ...minimal, Attori: rows.join("") }))
    rows.length = 0
    const reading = await Workbook.read(file, { maxRows: 1000 })
    expect(reading.problems.map((p) => Table.address(p))).toEqual(["Attori!1001"])
    expect(reading.problems[0]!.message.en).toBe(
      "the sheet goes beyond row 1000: split it into several files or delete the rows at its end"
    )
    // the rows before the limit were read, none after it
    expect(reading.sheets.find((s) => s.name === "Attori")!.rows.at(-1)!.row).toBe(1000)
    // and the default limit is 500,000 rows: a sheet that uses row 1,048,576 is refused at that row
    const last = await zipOf(workbook({ ...minimal, Attori: row(1, ["id"]) + row(1_048_576, ["x"]) }))
    const result = await Workbook.decode(last)
    expect(Either.isLeft(result) && addresses(result.left)).toEqual([
      "Attori!1048576 the sheet goes beyond row 500000"
    ])
  }, 120_000)

  it("refuses shared strings beyond their cap, and locates a huge text at its cell without quoting it", async () => {
    const huge = "x".repeat(2 * 1024 * 1024)
    const strings = `<sst ${ns}><si><t>coop-1</t></si><si><t>${huge}</t></si></sst>`
    const sheet = `${row(1, ["id", "kind", "name"])}<row r="2"><c r="A2" t="s"><v>0</v></c><c r="B2" t="inlineStr"><is><t>business</t></is></c><c r="C2" t="s"><v>1</v></c></row>`
    const capped = await Workbook.read(await zipOf(workbook({ Attori: sheet }, { strings })), {
      maxSharedStringsBytes: 1024 * 1024
    })
    expect(capped.sheets).toEqual([])
    expect(capped.problems.map((p) => p.message.en)).toEqual([
      "shared strings beyond 1048576 bytes: a suspicious or too large file"
    ])
    const result = await Workbook.decode(await zipOf(workbook({ ...minimal, Attori: sheet }, { strings })))
    if (Either.isRight(result)) throw new Error("expected problems")
    expect(result.left.map((p) => Table.address(p))).toEqual(["Attori!C2"])
    expect(JSON.stringify(result.left)).not.toContain("xxxxxxxxxx")
  }, 60_000)

  it("refuses zip bombs within the caps: a sheet, the shared strings, and sizes declared too large", async () => {
    const bomb = new Uint8Array(64 * 1024 * 1024).fill(0x3c)
    const inSheet = workbook({ ...minimal, Attori: row(1, ["id"]) })
    const sheetBomb = await zipOf(
      { ...inSheet, "xl/worksheets/sheet3.xml": bomb },
      {
        "xl/worksheets/sheet3.xml": 1000
      }
    )
    const a = await Workbook.read(sheetBomb, { maxInflatedBytes: 8 * 1024 * 1024 })
    expect(a.sheets).toEqual([])
    expect(a.problems).toHaveLength(1)
    expect(a.problems[0]!.message.en).toMatch(
      /^the file is not a readable \.xlsx workbook \(xl\/worksheets\/sheet3\.xml inflates beyond \d+ bytes\)$/
    )
    const stringsBomb = await zipOf(
      { ...inSheet, "xl/sharedStrings.xml": bomb },
      {
        "xl/sharedStrings.xml": 1000
      }
    )
    const b = await Workbook.decode(stringsBomb, { maxSharedStringsBytes: 8 * 1024 * 1024 })
    expect(Either.isLeft(b) && b.left.map((p) => p.message.en)).toEqual([
      "shared strings beyond 8388608 bytes: a suspicious or too large file"
    ])
    const declared = await zipOf(inSheet, { "xl/worksheets/sheet1.xml": 600 * 1024 * 1024 })
    const c = await Workbook.decode(declared)
    expect(Either.isLeft(c) && c.left.map((p) => p.message.en)).toEqual([
      "workbook too large once inflated: split it into several files"
    ])
  }, 120_000)

  it("refuses formulas, error cells, merged cells, date cells and dates stored as numbers, each at its cell", async () => {
    const styles = `<styleSheet ${ns}><numFmts count="1"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/></numFmts><cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"/></cellXfs></styleSheet>`
    const actors = [
      row(1, ["id", "kind", "name"]),
      `<row r="2"><c r="A2" t="inlineStr"><is><t>coop-1</t></is></c><c r="B2" t="str"><f>CONCAT("busi","ness")</f><v>business</v></c></row>`,
      `<row r="3"><c r="A3" t="inlineStr"><is><t>coop-2</t></is></c><c r="B3" t="e"><v>#N/A</v></c></row>`,
      `<row r="4"><c r="A4" t="inlineStr"><is><t>coop-3</t></is></c><c r="B4" t="inlineStr"><is><t>business</t></is></c><c r="C4" s="1"><v>45658</v></c></row>`,
      `<row r="5"><c r="A5" t="inlineStr"><is><t>coop-4</t></is></c><c r="B5" t="inlineStr"><is><t>business</t></is></c><c r="C5" s="2"><v>45658</v></c></row>`,
      row(6, ["coop-5", "business"])
    ].join("")
    const measurements = row(1, ["id", "recordedOn"]) + row(2, ["msr-1", 45658])
    const file = await zipOf(
      workbook(
        { ...minimal, Attori: actors, Misurazioni: measurements },
        { styles, after: { Attori: '<mergeCells count="1"><mergeCell ref="A6:B6"/></mergeCells>' } }
      )
    )
    const result = await Workbook.decode(file)
    if (Either.isRight(result)) throw new Error("expected problems")
    const lines = addresses(result.left)
    expect(lines).toContain("Attori!B2 formula")
    expect(lines).toContain("Attori!B3 error cell (#N/A, #VALUE!...)")
    expect(lines).toContain("Attori!C4 a cell formatted as a date")
    expect(lines).toContain("Attori!C5 a cell formatted as a date")
    expect(lines).toContain("Attori!A6 merged cells (A6")
    expect(lines).toContain("Misurazioni!B2 a date stored as a number (45658)")
  }, 60_000)

  it("keeps the first 1,000 problems of 200,000 formula cells and counts the rest, never holding the rows", async () => {
    const rows = [row(1, ["id", "kind"])]
    for (let n = 2; n <= 200_001; n++) {
      rows.push(`<row r="${n}"><c r="A${n}"><f>1+1</f><v>2</v></c></row>`)
      if (n % 100_000 === 0) await breathe()
    }
    const file = await zipOf(workbook({ ...minimal, Attori: rows.join("") }))
    rows.length = 0
    const result = await Workbook.decode(file)
    if (Either.isRight(result)) throw new Error("expected problems")
    expect(result.left).toHaveLength(1_001)
    expect(Table.address(result.left[0]!)).toBe("Attori!A2")
    expect(result.left[1_000]!.message.en).toMatch(/^\.\.\. and \d+ more problems not shown \(/)
  }, 120_000)
})
