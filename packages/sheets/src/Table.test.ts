import { readFileSync } from "node:fs"
import { Territory } from "@welfare/core"
import * as Arb from "@welfare/core/testing"
import * as Either from "effect/Either"
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { Csv, Layout, Table } from "../src/index.js"

const legnano = (): Territory.Territory => {
  const decoded = Territory.decode(
    JSON.parse(readFileSync(new URL("../../../examples/territories/legnano.json", import.meta.url), "utf8"))
  )
  if (Either.isLeft(decoded)) throw new Error("legnano.json does not decode")
  return decoded.right
}

/**
 * The canonical form the sheets keep: an optional list of records left empty
 * has no row to show it, so it reads back as absent (a required one as empty).
 */
const canonical = (value: unknown, layout = Layout.territory()): unknown => {
  const optionalLists = new Set(
    layout.sheets.filter((s) => s.parent > 0 && !s.required).map((s) => s.property)
  )
  const walk = (v: unknown, depth: number): unknown => {
    if (Array.isArray(v)) return v.map((x) => walk(x, depth + 1))
    if (typeof v !== "object" || v === null) return v
    return Object.fromEntries(
      Object.entries(v)
        .filter(([k, x]) => !(depth > 0 && optionalLists.has(k) && Array.isArray(x) && x.length === 0))
        .map(([k, x]) => [k, walk(x, depth + 1)])
    )
  }
  return walk(value, 0)
}

const sheet = (name: string, rows: ReadonlyArray<ReadonlyArray<Table.Cell>>): Table.RawSheet => ({
  name,
  rows: rows.map((cells, i) => ({ row: i + 1, cells }))
})

const base = [
  sheet("Territorio", [["name"], ["Ambito di Legnano"]]),
  sheet("Comuni", [
    ["id", "name"],
    ["legnano", "Legnano"]
  ])
]

describe("Layout", () => {
  it("derives one sheet per list of records, with every enumeration's values from the schemas", () => {
    const layout = Layout.territory()
    const names = layout.sheets.map((s) => s.name)
    for (const n of [
      "Territorio",
      "Comuni",
      "Attori",
      "Attori.risorse",
      "Interventi",
      "Interventi.risorse",
      "Misurazioni",
      "Carta",
      "Patto.firmatari"
    ])
      expect(names).toContain(n)
    const actors = layout.sheets.find((s) => s.name === "Attori")!
    expect(actors.columns.find((c) => c.key === "kind")!.values).toContain("social-cooperative")
    const resources = layout.sheets.find((s) => s.name === "Attori.risorse")!
    expect(resources.keys.map((k) => [k.key, k.field])).toEqual([["@actors", "id"]])
    // Every enumeration of an intervention's facts is a column with its values: new facts flow through.
    const interventions = layout.sheets.find((s) => s.name === "Interventi")!
    expect(interventions.columns.find((c) => c.key === "worksOn")!.values).toEqual([
      "lack",
      "interactions",
      "both"
    ])
    expect(new Set(names).size).toBe(names.length)
    expect(names.every((n) => n.length <= 31)).toBe(true)
  })
})

describe("Layout of the Italian reference data", () => {
  it("the territory sheet carries the planning district as dotted columns, the municipalities their ISTAT code", () => {
    const layout = Layout.territory()
    const territory = layout.sheets.find((s) => s.name === "Territorio")!
    expect(territory.columns.map((c) => [c.key, c.header.it, c.required])).toEqual([
      ["id", "codice", false],
      ["name", "nome", true],
      ["district.name", "ambito territoriale sociale · nome", false],
      ["district.code", "ambito territoriale sociale · codice", false],
      ["district.region", "ambito territoriale sociale · regione", false],
      ["district.zonePlan.start", "ambito territoriale sociale · Piano di Zona · inizio", false],
      ["district.zonePlan.end", "ambito territoriale sociale · Piano di Zona · fine", false]
    ])
    expect(territory.columns.find((c) => c.key === "district.code")!.pattern).toBe(
      "^[A-Za-z0-9][A-Za-z0-9 ._/-]{0,31}$"
    )
    const municipalities = layout.sheets.find((s) => s.name === "Comuni")!
    const istat = municipalities.columns.find((c) => c.key === "istatCode")!
    expect([istat.header.it, istat.pattern, istat.required]).toEqual(["codice ISTAT", "^[0-9]{6}$", false])
    expect(layout.sheets.some((s) => s.property === "district")).toBe(false)
  })

  it("reads the example territory's district and ISTAT codes back from its sheets", () => {
    const sheets = Table.write(Territory.encode(legnano()))
    const back = Table.decode(sheets)
    expect(Either.isRight(back)).toBe(true)
    if (Either.isLeft(back)) return
    expect(back.right.district?.zonePlan).toEqual({ start: "2015-01-01", end: "2017-12-31" })
    expect(back.right.municipalities.map((m) => m.istatCode)).toContain("015118")
  })
})

describe("Table", () => {
  it("writes the example territory and reads it back unchanged, as sheets and as CSV", () => {
    const encoded = Territory.encode(legnano())
    const sheets = Table.write(encoded)
    const interventions = sheets.find((s) => s.name === "Interventi")!
    expect(interventions.rows).toHaveLength(2 + 4)
    const back = Table.decode(sheets)
    expect(Either.isRight(back) && Territory.encode(back.right)).toEqual(encoded)
    const csv = Table.write(encoded, { headers: "keys" }).map((s) => Csv.parse(s.name, Csv.format(s)))
    const fromCsv = Table.decode(csv)
    expect(Either.isRight(fromCsv) && Territory.encode(fromCsv.right)).toEqual(encoded)
  })

  it("property: document -> sheets -> document is the identity on canonical documents (invariant 14)", () => {
    fc.assert(
      fc.property(Arb.fullTerritory(), (t) => {
        const written = Territory.encode(t)
        const encoded = canonical(written)
        const back = Table.decode(Table.write(written))
        if (Either.isLeft(back))
          expect(back.left.map((p) => `${Table.format(p, "en")} ${JSON.stringify(p.path)}`)).toEqual([])
        else expect(canonical(Territory.encode(back.right))).toEqual(encoded)
        const csv = Table.write(written, { headers: "keys" }).map((s) => Csv.parse(s.name, Csv.format(s)))
        const fromCsv = Table.decode(csv)
        if (Either.isRight(fromCsv)) expect(canonical(Territory.encode(fromCsv.right))).toEqual(encoded)
        else expect(fromCsv.left).toEqual([])
      }),
      { numRuns: 40 }
    )
  }, 120_000)

  it("locates every problem at its sheet, row and column, all at once, with the JSON decoder's codes", () => {
    const result = Table.decode([
      ...base,
      sheet("Attori", [
        ["tipo", "codice"],
        ["id", "kind", "municipality"],
        ["coop-1", "cooperativa", "legnano"],
        ["coop-1", "business", "rho"]
      ]),
      sheet("Attori.risorse", [
        ["@actors", "kind", "amount", "unit"],
        ["coop-1", "care", "molte", "hour"],
        ["coop-9", "care", 3, "hour"]
      ])
    ])
    expect(Either.isLeft(result)).toBe(true)
    if (Either.isRight(result)) return
    const lines = result.left.map((p) => `${Table.address(p)} ${p.code} ${p.header ?? ""}`)
    expect(lines).toEqual([
      "Attori.risorse!A3 unknown-reference @actors",
      "Attori!B3 invalid-value kind",
      "Attori.risorse!C2 invalid-value amount"
    ])
    const kind = result.left[1]!
    expect(kind.message.it).toContain("atteso uno di: local-authority")
    // Never the value itself (it may be personal text): its description.
    expect(kind.message.en).toContain("got a text of 11 characters")
    expect(kind.message.en).not.toContain("cooperativa")
    expect(Table.format(result.left[2]!, "it")).toBe(
      "Attori.risorse!C2: atteso un numero (nei limiti ammessi) [invalid-value]"
    )
    // Once the shapes are right, the integrity problems (as with the JSON decoder), at their cells.
    const fixed = Table.decode([
      ...base,
      sheet("Attori", [
        ["id", "kind", "municipality"],
        ["coop-1", "social-cooperative", "legnano"],
        ["coop-1", "business", "rho"]
      ])
    ])
    if (Either.isRight(fixed)) throw new Error("expected problems")
    expect(fixed.left.map((p) => `${Table.address(p)} ${p.code}`)).toEqual([
      "Attori!A3 duplicate-id",
      "Attori!C3 unknown-reference"
    ])
  })

  it("reports unknown sheets and columns, orphan rows and unreadable cells without reading them silently", () => {
    const result = Table.decode([
      ...base,
      sheet("Foglio1", [["x"]]),
      sheet("Attori", [
        ["id", "kind", "colore"],
        ["coop-1", "business", "rosso"]
      ]),
      sheet("Misurazioni", [
        ["indicator", "assignment", "period.start", "period.end", "measuredBy", "source", "value", "unit"],
        ["ind", "asg", 45000, "2025-12-31", "coop-1", "administrative", 3, "count"]
      ]),
      sheet("Interventi", [
        ["id", "actors"],
        ["int-1", "[not json"]
      ])
    ])
    if (Either.isRight(result)) throw new Error("expected problems")
    const lines = result.left.map((p) => `${Table.address(p)} ${p.code}`)
    expect(lines.slice(0, 4)).toEqual([
      "Foglio1 invalid-value",
      "Attori!C1 invalid-value",
      "Interventi!B2 invalid-value",
      "Misurazioni!C2 invalid-value"
    ])
    expect(result.left[3]!.message.en).toContain("a date stored as a number")
    // The decoder's own problem about the same cell is not repeated.
    expect(lines.filter((l) => l.startsWith("Misurazioni!C2"))).toHaveLength(1)
  })

  it("reads Italian headers, Italian sheet names in any case, semicolon CSV and decimal commas", () => {
    const csv = Csv.parse("attori.risorse", "@actors;kind;amount;unit\r\ncoop-1;care;2,5;hour\r\n")
    const result = Table.decode([
      ...base,
      sheet("ATTORI", [
        ["codice", "tipo"],
        ["coop-1", "social-cooperative"]
      ]),
      csv
    ])
    expect(Either.isRight(result)).toBe(true)
    if (Either.isRight(result))
      expect(result.right.actors[0]!.resources).toEqual([{ kind: "care", amount: 2.5, unit: "hour" }])
  })
})
