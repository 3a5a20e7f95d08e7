import * as fc from "fast-check"
import { describe, expect, it } from "vitest"
import * as Dimension from "./Dimension.js"
import * as Intervention from "./Intervention.js"
import * as Label from "./Label.js"
import * as Trait from "./Trait.js"
import * as Arb from "./testing/assessment.js"

describe("Trait", () => {
  it("every dimension has traits at both poles, sourced in seed 000 at the dimension's row", () => {
    for (const d of Dimension.values)
      for (const pole of Dimension.poles) {
        const traits = Trait.of(d, pole)
        expect(traits.length).toBeGreaterThan(0)
        for (const t of traits)
          expect(t.source).toEqual({ file: "000_7a1c4c52d0c555b3.txt", row: Dimension.rows[d] })
      }
    expect(Trait.catalogue.map((t) => t.id)).toEqual([...Trait.ids])
    expect(Trait.catalogue).toHaveLength(42)
  })

  it("every trait has Italian and English wording, and every generative trait a remedy", () => {
    for (const t of Trait.catalogue) {
      for (const lang of Label.langs) expect(t.text[lang].length).toBeGreaterThan(0)
      expect(t.weight === 1 || t.weight === 2).toBe(true)
      if (t.pole === "generative") expect(t.promote !== undefined && t.change !== undefined).toBe(true)
    }
  })

  it("labels every default weight as an editorial choice with its reason, and names the facts each trait reads", () => {
    for (const t of Trait.catalogue) {
      expect(t.weightProvenance.kind).toBe("editorial")
      expect(t.reads.length).toBeGreaterThan(0)
      if (t.pole === "generative") expect(t.action?.actors.length ?? 0).toBeGreaterThan(0)
    }
    // The seeds' priorities (seed 000 row 8, seed 003 rows 51-53): co-design with the recipients and the people's resources.
    expect(Trait.catalogue.filter((t) => t.action?.priority === 1).map((t) => t.id)).toEqual([
      "reads-community",
      "many-interlocutors",
      "daily-life-spaces",
      "designed-with",
      "citizen-brings-resources",
      "responsibility-path",
      "social-capital"
    ])
  })

  it("property: a trait's degree depends only on the facts it reads", () => {
    fc.assert(
      fc.property(Arb.intervention(), Arb.intervention(), (a, b) => {
        for (const t of Trait.catalogue) {
          const mixed: Record<string, unknown> = { ...b }
          for (const f of t.reads) {
            if (a[f] === undefined) delete mixed[f]
            else mixed[f] = a[f]
          }
          expect(t.degree(mixed as Intervention.InterventionInput)).toBe(t.degree(a))
        }
      }),
      { numRuns: 500 }
    )
  }, 120_000)

  it("quotes the seed's Italian words", () => {
    expect(Trait.byId["cross-sector-reading"].text.it).toBe(
      'Istituzioni, Terzo Settore e profit collaborano a leggere "come" i bisogni vengono gestiti'
    )
    expect(Trait.byId["all-paid-all-due"].text.it).toContain("tutto pagato-tutto dovuto")
  })

  it("property: every degree lies in [0, 1], and each remedy makes its trait fully present without contradiction", () => {
    fc.assert(
      fc.property(Arb.intervention(), (i) => {
        for (const t of Trait.catalogue) {
          const d = t.degree(i)
          expect(d).toBeGreaterThanOrEqual(0)
          expect(d).toBeLessThanOrEqual(1)
          if (t.promote !== undefined) {
            const after = Trait.applyPatch(i, t.promote(i))
            expect(t.degree(after)).toBe(1)
            expect(Intervention.rules(after)).toEqual([])
          }
        }
      }),
      { numRuns: 300 }
    )
  })
})
