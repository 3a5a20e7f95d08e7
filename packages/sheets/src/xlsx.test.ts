import { readFileSync } from "node:fs"
import { deflateRawSync } from "node:zlib"
import { Territory } from "@welfare/core"
import * as Either from "effect/Either"
import ExcelJS from "exceljs"
import { describe, expect, it } from "vitest"
import { Table } from "../src/index.js"
import * as Xlsx from "../src/xlsx.js"

const legnano = (): Territory.Territory => {
  const decoded = Territory.decode(
    JSON.parse(readFileSync(new URL("../../../examples/territories/legnano.json", import.meta.url), "utf8"))
  )
  if (Either.isLeft(decoded)) throw new Error("legnano.json does not decode")
  return decoded.right
}

const workbook = async (fill: (wb: ExcelJS.Workbook) => void): Promise<Uint8Array> => {
  const wb = new ExcelJS.Workbook()
  fill(wb)
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer)
}

const minimal = (wb: ExcelJS.Workbook) => {
  const t = wb.addWorksheet("Territorio")
  t.addRow(["name"])
  t.addRow(["Ambito di Legnano"])
  const m = wb.addWorksheet("Comuni")
  m.addRow(["id", "name"])
  m.addRow(["legnano", "Legnano"])
  return wb.addWorksheet("Attori")
}

/** A zip of one stored-as-deflated entry whose directory declares a small size. */
const bomb = (entry = "xl/sharedStrings.xml"): Uint8Array => {
  const name = Buffer.from(entry)
  const content = deflateRawSync(Buffer.alloc(32 * 1024 * 1024, 0x61))
  const local = Buffer.alloc(30)
  local.writeUInt32LE(0x04034b50, 0)
  local.writeUInt16LE(8, 8)
  local.writeUInt32LE(content.length, 18)
  local.writeUInt32LE(1000, 22)
  local.writeUInt16LE(name.length, 26)
  const central = Buffer.alloc(46)
  central.writeUInt32LE(0x02014b50, 0)
  central.writeUInt16LE(8, 10)
  central.writeUInt32LE(content.length, 20)
  central.writeUInt32LE(1000, 24)
  central.writeUInt16LE(name.length, 28)
  central.writeUInt32LE(0, 42)
  const cdOffset = local.length + name.length + content.length
  const end = Buffer.alloc(22)
  end.writeUInt32LE(0x06054b50, 0)
  end.writeUInt16LE(1, 8)
  end.writeUInt16LE(1, 10)
  end.writeUInt32LE(central.length + name.length, 12)
  end.writeUInt32LE(cdOffset, 16)
  return new Uint8Array(Buffer.concat([local, name, content, central, name, end]))
}

describe("xlsx", () => {
  it("writes the example territory as a workbook and reads it back unchanged", async () => {
    const encoded = Territory.encode(legnano())
    const back = await Xlsx.decode(await Xlsx.write(encoded))
    expect(Either.isRight(back) && Territory.encode(back.right)).toEqual(encoded)
  }, 60_000)

  it("writes a template with Istruzioni, Valori and a sheet per list, that reads as an empty territory", async () => {
    const reading = await Xlsx.read(await Xlsx.write())
    const names = reading.sheets.map((s) => s.name)
    expect(names.slice(0, 4)).toEqual(["Istruzioni", "Valori", "Territorio", "Comuni"])
    const interventions = reading.sheets.find((s) => s.name === "Interventi")!
    expect(interventions.rows[0]!.cells[2]).toBe("lavora su")
    expect(interventions.rows[1]!.cells[2]).toBe("worksOn")
    const result = Table.decode(reading.sheets)
    expect(Either.isLeft(result) && result.left.map((p) => `${Table.address(p)} ${p.code}`)).toEqual([
      "Territorio missing"
    ])
  }, 60_000)

  it("refuses formulas, merged cells, date cells and error cells at their cells", async () => {
    const file = await workbook((wb) => {
      const actors = minimal(wb)
      actors.addRow(["id", "kind", "name"])
      actors.addRow(["coop-1", "social-cooperative", { formula: 'CONCAT("a","b")', result: "ab" }])
      actors.addRow(["coop-2", "business", new Date(Date.UTC(2025, 0, 1))])
      actors.addRow(["coop-3", "business", { error: "#N/A" }])
      actors.mergeCells("A6:B6")
    })
    const result = await Xlsx.decode(file)
    if (Either.isRight(result)) throw new Error("expected problems")
    const lines = result.left.map((p) => `${Table.address(p)} ${p.message.en.split(":")[0]}`)
    expect(lines).toContain("Attori!A6 merged cells (A6")
    expect(lines).toContain("Attori!C2 formula")
    expect(lines).toContain("Attori!C3 a cell formatted as a date")
    expect(lines).toContain("Attori!C4 error cell (#N/A, #VALUE!...)")
  }, 60_000)

  it("refuses a sheet beyond the row limit without reading its rows", async () => {
    const file = await workbook((wb) => {
      const actors = minimal(wb)
      actors.addRow(["id", "kind"])
      actors.getCell("A1048576").value = "x"
    })
    const reading = await Xlsx.read(file, { maxRows: 1000 })
    expect(reading.problems.map((p) => Table.address(p))).toEqual(["Attori!1048576"])
  }, 60_000)

  it("refuses a zip bomb and files that are not workbooks, within the caps", async () => {
    const bombed = await Xlsx.read(bomb(), { maxSharedStringsBytes: 8 * 1024 * 1024 })
    expect(bombed.sheets).toEqual([])
    expect(bombed.problems[0]!.message.en).toContain("shared strings beyond")
    const text = await Xlsx.read(new TextEncoder().encode("not a workbook"))
    expect(text.problems[0]!.message.en).toContain("not a readable .xlsx workbook")
    const big = await Xlsx.read(new Uint8Array(16), { maxFileBytes: 8 })
    expect(big.problems[0]!.message.en).toContain("file too large")
  }, 60_000)

  it("refuses a worksheet that inflates beyond the cap (a zip bomb in a sheet), within the cap", async () => {
    const bombed = await Xlsx.read(bomb("xl/worksheets/sheet1.xml"), { maxInflatedBytes: 8 * 1024 * 1024 })
    expect(bombed.sheets).toEqual([])
    expect(bombed.problems).toHaveLength(1)
    expect(bombed.problems[0]!.message.en).toContain("not a readable .xlsx workbook")
  }, 60_000)

  it("keeps the first 1,000 problems of a sheet of 1,500 formulas and counts the rest (issue 14)", async () => {
    const file = await workbook((wb) => {
      const actors = minimal(wb)
      actors.addRow(["id", "kind"])
      for (let i = 0; i < 1_500; i++) actors.addRow([{ formula: "1+1", result: 2 }, "business"])
    })
    const reading = await Xlsx.read(file)
    expect(reading.problems).toHaveLength(1_001)
    expect(Table.address(reading.problems[0]!)).toBe("Attori!A2")
    expect(reading.problems[1_000]!.message.en).toBe(
      "... and 500 more problems not shown (500 invalid-value): only the first 1000 are kept"
    )
    expect(reading.problems[1_000]!.message.it).toBe(
      "... e altri 500 problemi non mostrati (500 invalid-value): sono tenuti solo i primi 1000"
    )
  }, 60_000)
})
