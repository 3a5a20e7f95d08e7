import { readFileSync } from "node:fs"
import { Problem, Territory } from "@welfare/core"
import * as Either from "effect/Either"
import * as fc from "fast-check"
import { describe, expect, it } from "vitest"
import * as Check from "./Check.js"
import * as Municipality from "./Municipality.js"

const t = Municipality.table()
const inForce = t.entries.filter((e) => e.validTo === undefined)
const suppressed = t.entries.filter((e) => e.validTo !== undefined)
const createdRecently = inForce.filter((e) => e.validFrom !== undefined && e.validFrom > "2000-01-01")
const muni = (name: string, istatCode?: string) => ({
  name,
  ...(istatCode === undefined ? {} : { istatCode })
})
const unknownCode = fc
  .integer({ min: 0, max: 999_999 })
  .map((n) => String(n).padStart(6, "0"))
  .filter((c) => !t.byCode.has(c))

describe("Check", () => {
  it("property: municipalities written with the official name of a code in force raise no diagnostic (any case)", () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.constantFrom(...inForce), { maxLength: 12, selector: (e) => e.code }),
        fc.boolean(),
        (entries, upper) => {
          const territory = {
            municipalities: entries.map((e) => muni(upper ? e.name.toUpperCase() : e.name, e.code))
          }
          expect(Check.municipalities(territory)).toEqual([])
        }
      ),
      { numRuns: 300 }
    )
  })

  it("property: a name that is not the code's reports name-differs at the name, suggesting the official one", () => {
    fc.assert(
      fc.property(fc.constantFrom(...inForce), fc.constantFrom(" Nuova", " di Sopra", "x"), (e, suffix) => {
        const [d, ...rest] = Check.municipalities({ municipalities: [muni(`${e.name}${suffix}`, e.code)] })
        expect(rest).toEqual([])
        expect(d).toMatchObject({
          code: "name-differs",
          severity: "warning",
          path: ["municipalities", 0, "name"],
          suggestion: { name: e.name }
        })
        expect(d?.message.it).toContain(`«${e.name}»`)
        expect(d?.message.en).toContain(`"${e.name}"`)
      }),
      { numRuns: 300 }
    )
  })

  it("property: a code no list knows is an unknown-code error; the name's code is suggested when unique", () => {
    fc.assert(
      fc.property(unknownCode, fc.constantFrom(...inForce), (code, e) => {
        const [d] = Check.municipalities({ municipalities: [muni(e.name, code)] })
        expect(d).toMatchObject({
          code: "unknown-code",
          severity: "error",
          path: ["municipalities", 0, "istatCode"]
        })
        const namesakes = Municipality.byName(e.name)
        if (namesakes.length === 1) expect(d?.suggestion).toEqual({ istatCode: e.code, name: e.name })
        else expect(d?.suggestion).toBeUndefined()
        expect(d?.message.it).toContain(code)
        expect(d?.message.en).toContain(code)
      }),
      { numRuns: 300 }
    )
  })

  it("property: a code suppressed before the period ends is code-not-valid, pointing to the codes in force", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...suppressed),
        fc.integer({ min: -3, max: 3 }),
        fc.integer({ min: 0, max: 3 }),
        (e, shift, length) => {
          const year = Number(e.validTo!.slice(0, 4)) + shift
          const period = { start: `${year}-06-15`, end: `${year + length}-12-31` }
          fc.pre(period.end >= e.validTo!)
          const found = Check.municipalities({ municipalities: [muni(e.name, e.code)] }, { period })
          expect(found).toHaveLength(1)
          const [d] = found
          expect(d).toMatchObject({ code: "code-not-valid", path: ["municipalities", 0, "istatCode"] })
          const when = e.validTo! >= period.start ? "within" : "before"
          expect(d?.message.en).toContain(
            `suppressed on ${e.validTo}, ${when} ${period.start} to ${period.end}`
          )
          expect(d?.message.it).toContain(`soppresso il ${e.validTo}`)
          const heirs = Municipality.successorsAt(e.code, period.end)
          if (heirs.length === 0) expect(d?.message.en).toContain("no list names a successor")
          if (heirs.length === 1) expect(d?.suggestion?.istatCode).toBe(heirs[0]?.code)
          else expect(d?.suggestion).toBeUndefined()
        }
      ),
      { numRuns: 400 }
    )
  })

  it("property: a code created after the period starts is code-not-valid", () => {
    fc.assert(
      fc.property(fc.constantFrom(...createdRecently), (e) => {
        const [d] = Check.municipalities({ municipalities: [muni(e.name, e.code)] }, { at: "2000-01-01" })
        expect(d?.code).toBe("code-not-valid")
        expect(d?.message.en).toContain(`in force from ${e.validFrom}`)
      }),
      { numRuns: 200 }
    )
  })

  it("property: a code given twice is a duplicate-code at the second municipality", () => {
    fc.assert(
      fc.property(fc.constantFrom(...inForce), fc.integer({ min: 0, max: 3 }), (e, gap) => {
        const others = inForce.slice(0, gap).filter((o) => o.code !== e.code)
        const ms = [muni(e.name, e.code), ...others.map((o) => muni(o.name, o.code)), muni(e.name, e.code)]
        const found = Check.municipalities({ municipalities: ms })
        expect(found.map((d) => [d.code, d.path[1]])).toEqual([["duplicate-code", ms.length - 1]])
        expect(Check.toProblems(found).map((p) => p.code)).toEqual(["duplicate-id"])
      }),
      { numRuns: 100 }
    )
  })

  it("reads the zone plan as the territory's period: Vermezzo in the 2018-2020 plan", () => {
    const territory = {
      district: { zonePlan: { start: "2018-01-01", end: "2020-12-31" } },
      municipalities: [muni("Vermezzo", "015235"), muni("Zelo Surrigone", "015246")]
    }
    const found = Check.municipalities(territory)
    expect(found.map((d) => d.suggestion)).toEqual([
      { istatCode: "015251", name: "Vermezzo con Zelo" },
      { istatCode: "015251", name: "Vermezzo con Zelo" }
    ])
    expect(Check.toProblems(found, "it").map(Problem.format)[1]).toBe(
      "municipalities[1].istatCode: il codice ISTAT 015246 (Zelo Surrigone) è stato soppresso il 2019-02-08, nel Piano di Zona 2018-01-01 – 2020-12-31: è confluito in 015251 Vermezzo con Zelo; usare il codice in vigore nel periodo"
    )
    // In a period that ends before the merger, the two codes are right.
    expect(
      Check.municipalities(
        { municipalities: territory.municipalities },
        { period: { start: "2010-01-01", end: "2018-12-31" } }
      )
    ).toEqual([])
  })

  it("the example territory's municipalities all carry the right ISTAT codes for its 2015-2017 zone plan", () => {
    const json = JSON.parse(
      readFileSync(new URL("../../../examples/territories/legnano.json", import.meta.url), "utf8")
    )
    const decoded = Territory.decode(json)
    expect(Either.isRight(decoded)).toBe(true)
    if (Either.isLeft(decoded)) return
    const territory = decoded.right
    expect(territory.district).toEqual({
      name: "Ambito di Legnano",
      region: "Lombardia",
      zonePlan: { start: "2015-01-01", end: "2017-12-31" }
    })
    expect(territory.municipalities.every((m) => m.istatCode !== undefined)).toBe(true)
    expect(Check.municipalities(territory)).toEqual([])
    expect(Check.suggestCodes(territory)).toEqual([])
  })

  it("suggests the codes of municipalities written without one, when their name is unique", () => {
    expect(
      Check.suggestCodes({
        municipalities: [muni("Legnano"), muni("Castro"), muni("Nowhere"), muni("Parabiago", "015168")]
      })
    ).toEqual([{ index: 0, istatCode: "015118", name: "Legnano", province: "MI" }])
  })
})
