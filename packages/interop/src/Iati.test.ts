import { Published, Summary, Territory } from "@welfare/core"
import { fullTerritory } from "@welfare/core/testing"
import * as Either from "effect/Either"
import * as fc from "fast-check"
import { describe, expect, it } from "vitest"
import { iatiErrors } from "../test/xmllint.js"
import * as Iati from "./Iati.js"

// (indicator, start, end, dimension name, dimension value) of every actual in the XML
const actualsOf = (xml: string) => {
  const out: Array<string> = []
  for (const result of xml.split("<result ").slice(1)) {
    const indicator = /<narrative xml:lang="it">([^<]*)</.exec(result)![1]
    for (const period of result.split("<period>").slice(1)) {
      const start = /<period-start iso-date="([^"]+)"/.exec(period)![1]
      const end = /<period-end iso-date="([^"]+)"/.exec(period)![1]
      for (const a of period.split("<actual ").slice(1)) {
        const dim = /<dimension name="(municipality|sector)" value="([^"]+)"/.exec(a.split("</actual>")[0]!)
        out.push(`${indicator}|${start}/${end}|${dim === null ? "total" : `${dim[1]}=${dim[2]}`}`)
      }
    }
  }
  return out
}

describe("Iati", () => {
  it("property: every export of a generated territory is valid against the IATI 2.03 activity XSD (xmllint, issue 17)", () => {
    fc.assert(
      fc.property(fullTerritory(), (territory) => {
        expect(iatiErrors(Iati.activities(territory, { lastUpdated: "2025-06-30T00:00:00Z" }))).toEqual([])
      }),
      { numRuns: 25 }
    )
  }, 180_000)

  it("the XSD is live: an activity without its reporting-org is rejected", () => {
    const xml = Iati.activities(Territory.empty({ name: "Ambito di Legnano" })).replace(
      /<reporting-org[\s\S]*?<\/reporting-org>/,
      ""
    )
    expect(iatiErrors(xml).length).toBeGreaterThan(0)
  })

  it("property: no suppressed cell is published: every municipality actual is a cell Published.publish shows (issue 17, privacy)", () => {
    fc.assert(
      fc.property(fullTerritory(), (territory) => {
        const xml = Iati.activities(territory)
        const published = Published.publish(Summary.fromMeasurements(territory.measurements))
        if (Either.isLeft(published)) throw new Error("suppress failed")
        const label = new Map(territory.indicators.map((d) => [d.id as string, d.label.it]))
        const hidden = new Set(
          Object.values(published.right.cells)
            .filter((c) => c.suppressed && c.municipality !== undefined)
            .map(
              (c) =>
                `${label.get(c.indicator)}|${c.period.start}/${c.period.end}|municipality=${c.municipality}`
            )
        )
        const hiddenTotals = new Set(
          Object.values(published.right.totals)
            .filter((c) => c.suppressed)
            .map((c) => `${label.get(c.indicator)}|${c.period.start}/${c.period.end}|total`)
        )
        for (const a of actualsOf(xml)) {
          expect(hidden.has(a)).toBe(false)
          expect(hiddenTotals.has(a)).toBe(false)
        }
      }),
      { numRuns: 40 }
    )
  }, 120_000)
})
