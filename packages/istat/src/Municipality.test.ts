import * as fc from "fast-check"
import { describe, expect, it } from "vitest"
import * as Municipality from "./Municipality.js"

const t = Municipality.table()
const entry = fc.constantFrom(...t.entries)
const day = fc
  .date({ min: new Date("1861-03-17T00:00:00Z"), max: new Date("2030-12-31T00:00:00Z"), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10))

// The ten municipalities of the example territory (examples/territories/legnano.base.json), checked
// against ISTAT's Elenco comuni italiani: all in the Città metropolitana di Milano, Lombardia.
const legnano = [
  ["015118", "Legnano"],
  ["015072", "Cerro Maggiore"],
  ["015181", "Rescaldina"],
  ["015201", "San Vittore Olona"],
  ["015046", "Canegrate"],
  ["015168", "Parabiago"],
  ["015154", "Nerviano"],
  ["015248", "Villa Cortese"],
  ["015041", "Busto Garolfo"],
  ["015099", "Dairago"]
] as const

describe("Municipality", () => {
  it("holds ISTAT's 7,901 codes in force and 2,437 suppressed ones, one entry each", () => {
    expect(t.entries.filter((e) => e.validTo === undefined)).toHaveLength(7901)
    expect(t.entries.filter((e) => e.validTo !== undefined)).toHaveLength(2437)
    expect(t.byCode.size).toBe(t.entries.length)
    expect(t.asOf).toBe("2023-11-10")
  })

  it("knows the municipalities of the Ambito di Legnano by their ISTAT codes", () => {
    for (const [code, name] of legnano) {
      const e = Municipality.lookup(code)
      expect(e && [e.name, e.province, e.provinceName, e.region]).toEqual([name, "MI", "Milano", "Lombardia"])
    }
    expect(Municipality.lookup("015118")?.validFrom).toBe("1861-03-17")
    // Dairago (re-established 1958): ANPR has three records of 015099 without a gap since 1958-01-22.
    expect(Municipality.lookup("015099")?.validFrom).toBe("1958-01-22")
  })

  it("records mergers with their date and successor (ISTAT, Elenco dei comuni soppressi)", () => {
    // 2018: Caminata, Nibbiano and Pecorara (PC) became Alta Val Tidone.
    for (const code of ["033009", "033029", "033031"]) {
      const [e] = Municipality.history(code)
      expect([e?.validTo, e?.successors]).toEqual(["2018-01-01", ["033049"]])
    }
    expect(Municipality.lookup("033049")?.validFrom).toBe("2018-01-01")
    expect(Municipality.lookup("033049", "2017-12-31")).toBeUndefined()
    // 2019: Vermezzo and Zelo Surrigone (MI) became Vermezzo con Zelo, on 8 February.
    expect(Municipality.successorsAt("015246", "2019-02-08").map((e) => e.name)).toEqual([
      "Vermezzo con Zelo"
    ])
    expect(Municipality.successorsAt("015246", "2019-02-07").map((e) => e.name)).toEqual(["Zelo Surrigone"])
  })

  it("keeps the other official name of bilingual municipalities and the code's latest run (Aggius, 2016)", () => {
    expect(Municipality.lookup("021008")).toMatchObject({
      name: "Bolzano",
      otherName: "Bozen",
      province: "BZ"
    })
    // Aggius's code 090001 was given again when the Sardinian provinces were redrawn.
    expect(Municipality.lookup("090001")?.validFrom).toBe("2016-04-28")
  })

  it("property: lookup finds an entry exactly on the days it is valid, and validity is an interval", () => {
    fc.assert(
      fc.property(entry, day, day, (e, a, b) => {
        const found = Municipality.lookup(e.code, a)
        expect(found === e).toBe(Municipality.isValidAt(e, a))
        const [start, end] = a <= b ? [a, b] : [b, a]
        expect(Municipality.isValidThroughout(e, { start, end })).toBe(
          Municipality.isValidAt(e, start) && Municipality.isValidAt(e, end)
        )
      }),
      { numRuns: 2000 }
    )
  })

  it("property: every entry is well formed (six-digit code, names, interval in order, successors known codes)", () => {
    fc.assert(
      fc.property(entry, (e) => {
        expect(e.code).toMatch(/^\d{6}$/)
        expect(e.name.trim().length).toBeGreaterThan(0)
        if (e.validFrom !== undefined && e.validTo !== undefined) expect(e.validFrom <= e.validTo).toBe(true)
        if (e.validTo === undefined) {
          expect(e.successors).toEqual([])
          expect(e.region.length).toBeGreaterThan(0)
        }
        for (const s of e.successors) expect(s).toMatch(/^\d{6}$/)
      }),
      { numRuns: 2000 }
    )
  })

  it("property: successorsAt returns entries valid on the day, and a valid code leads to itself", () => {
    fc.assert(
      fc.property(entry, day, (e, d) => {
        const heirs = Municipality.successorsAt(e.code, d)
        for (const h of heirs) expect(Municipality.isValidAt(h, d)).toBe(true)
        if (Municipality.isValidAt(e, d)) expect(heirs).toEqual([e])
      }),
      { numRuns: 1000 }
    )
  })

  it("property: a name matches its entry whatever its case and spacing, and normalise is idempotent", () => {
    fc.assert(
      fc.property(entry, fc.boolean(), (e, upper) => {
        const written = ` ${upper ? e.name.toLocaleUpperCase("it") : e.name.toLocaleLowerCase("it")}  `
        expect(Municipality.hasName(e, written)).toBe(true)
        const n = Municipality.normalise(written)
        expect(Municipality.normalise(n)).toBe(n)
        expect(Municipality.hasName(e, `${e.name} Nuova`)).toBe(false)
      }),
      { numRuns: 1000 }
    )
  })

  it("a table built from entries is indexed by code, oldest first", () => {
    const custom = Municipality.make("2024-01-01", [
      {
        code: "000001",
        name: "B",
        province: "XX",
        provinceName: "",
        region: "",
        validFrom: "2000-01-01",
        successors: []
      },
      {
        code: "000001",
        name: "A",
        province: "XX",
        provinceName: "",
        region: "",
        validFrom: "1990-01-01",
        validTo: "1995-01-01",
        successors: []
      }
    ])
    expect(Municipality.history("000001", custom).map((e) => e.name)).toEqual(["A", "B"])
    expect(Municipality.lookup("000001", "1997-01-01", custom)).toBeUndefined()
    expect(Municipality.lookup("000001", undefined, custom)?.name).toBe("B")
    expect(Municipality.byName("a", "1991-01-01", custom).map((e) => e.validTo)).toEqual(["1995-01-01"])
  })
})
