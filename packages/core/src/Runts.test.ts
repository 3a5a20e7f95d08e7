import * as fc from "fast-check"
import { describe, expect, it } from "vitest"
import * as Actor from "./Actor.js"
import * as Label from "./Label.js"
import * as Runts from "./Runts.js"
import * as Arb from "./testing/index.js"

describe("Runts", () => {
  it("property: a kind maps to a RUNTS section exactly when its sector is the third sector (d.lgs. 117/2017 art. 4 c.2, art. 46 c.1)", () => {
    fc.assert(
      fc.property(Arb.actorKind(), (kind) => {
        const sections = Runts.sectionsOf({ kind })
        // Public administrations and trade unions are excluded by art. 4 c.2; businesses, citizens and
        // informal groups do not register: only Third Sector kinds have a section.
        expect(sections.length > 0).toBe(Actor.sectorOfKind[kind] === "third-sector")
        expect(new Set(sections).size).toBe(sections.length)
        for (const s of sections) expect(Runts.isSection(s)).toBe(true)
        const one = Runts.sectionOf({ kind })
        if (sections.length === 1) expect(one).toBe(sections[0])
        else expect(one).toBeUndefined()
      })
    )
  })

  it("property: every section has a letter a to g in the order of art. 46 c.1, labels in both languages and a citation", () => {
    fc.assert(
      fc.property(fc.constantFrom(...Runts.sections), (section) => {
        expect(Runts.letters[section]).toBe("abcdefg"[Runts.sections.indexOf(section)])
        for (const lang of Label.langs) {
          const label = Label.of(Runts.labels, section, lang)
          expect(label.length).toBeGreaterThan(0)
          expect(Runts.cite(section, lang)).toContain(label)
          expect(Runts.cite(section, lang)).toContain("d.lgs. 117/2017")
        }
      })
    )
  })

  it("maps the kinds of the Legnano example to the register as the Code names them", () => {
    // Casa del Volontariato (volunteer-organisation) is an ODV, lett. a); a social cooperative an impresa
    // sociale, lett. d) («incluse le cooperative sociali»); the municipality none.
    expect(Runts.sectionOf({ kind: "volunteer-organisation" })).toBe("volunteer-organisations")
    expect(Runts.sectionOf({ kind: "promotion-association" })).toBe("promotion-associations")
    expect(Runts.sectionOf({ kind: "social-cooperative" })).toBe("social-enterprises")
    expect(Runts.sectionsOf({ kind: "local-authority" })).toEqual([])
    expect(Runts.sectionsOf({ kind: "trade-union" })).toEqual([])
    expect(Runts.cite("volunteer-organisations", "it")).toBe(
      "art. 46 c.1 lett. a) d.lgs. 117/2017: Organizzazioni di volontariato"
    )
    // every section is reachable from some kind
    expect(new Set(Actor.kinds.flatMap((k) => Runts.sectionsOf({ kind: k })))).toEqual(
      new Set(Runts.sections)
    )
  })
})
