import * as Either from "effect/Either"
import * as fc from "fast-check"
import { describe, expect, it } from "vitest"
import { formatted, roundTrip } from "../test/laws.js"
import * as Actor from "./Actor.js"
import * as Decoder from "./Decoder.js"
import * as Label from "./Label.js"
import * as Arb from "./testing/index.js"

const decode = Decoder.lazy(Actor.Actor)

describe("Actor", () => {
  it("property: every kind maps to exactly one sector, and every kind and sector has both labels", () => {
    fc.assert(
      fc.property(Arb.actorKind(), (kind) => {
        const matching = Actor.sectors.filter((s) => Actor.isInSector({ kind }, s))
        expect(matching).toEqual([Actor.sectorOfKind[kind]])
        for (const lang of Label.langs) {
          expect(Label.of(Actor.kindLabels, kind, lang).length).toBeGreaterThan(0)
          expect(Label.of(Actor.sectorLabels, Actor.sectorOfKind[kind], lang).length).toBeGreaterThan(0)
        }
      })
    )
  })

  it("trade unions are social partners, not Third Sector (seed 004 row 47; D.Lgs. 117/2017 art. 4 c.2)", () => {
    // Seed 004, row 47: «... istituzioni e organizzazioni pubbliche e del privato sociale ..., unitamente ai
    // soggetti sindacali e del mondo produttivo ed economico locale»: unions stand beside the third sector.
    // Art. 4 c.2 of the Third Sector Code: trade unions are not enti del Terzo settore.
    expect(Actor.sectorOfKind["trade-union"]).toBe("social-partners")
    expect(Actor.isInSector({ kind: "trade-union" }, "third-sector")).toBe(false)
    expect(Actor.sectorLabels["social-partners"]).toEqual({
      it: "Parti sociali (sindacati)",
      en: "Social partners (trade unions)"
    })
  })

  it("covers the kinds named by seed 004 row 21 and the citizen, in all five sectors", () => {
    expect(Actor.kinds).toHaveLength(14)
    expect(new Set(Object.values(Actor.sectorOfKind))).toEqual(new Set(Actor.sectors))
    expect(Actor.sectorOfKind["local-authority"]).toBe("public")
    expect(Actor.sectorOfKind["social-cooperative"]).toBe("third-sector")
    expect(Actor.sectorOfKind.business).toBe("market")
    expect(Actor.sectorOfKind["informal-network"]).toBe("community")
    expect(Actor.sectorOfKind.citizen).toBe("community")
  })

  it("property: round trip (invariant 14)", () => roundTrip(Actor.Actor, Arb.actor()))

  it("rejects a wrong kind, naming every accepted one", () => {
    expect(formatted(decode({ id: "coop-1", kind: "foo", resources: [] }))).toEqual([
      `kind: expected one of ${Actor.kinds.join(", ")}, got a text of 3 characters`
    ])
  })

  it("rejects a named citizen without quoting the name", () => {
    const messages = formatted(decode({ id: "p-17", kind: "citizen", name: "Maria Rossi", resources: [] }))
    expect(messages).toEqual([
      "name: a citizen is identified only by a pseudonymous id: remove the name (persons never carry personal data here)"
    ])
    expect(messages.join("")).not.toContain("Maria")
  })

  it("rejects ids that are empty, too long or with spaces", () => {
    for (const id of ["", " a", "a b", "x".repeat(129), "-a"]) {
      expect(Either.isLeft(decode({ id, kind: "business", resources: [] }))).toBe(true)
    }
    expect(Either.isRight(decode({ id: "x".repeat(128), kind: "business", resources: [] }))).toBe(true)
  })

  it("reports every problem of one actor at once", () => {
    const messages = formatted(
      decode({
        id: "a 1",
        kind: "coop",
        policyAreas: ["health"],
        resources: [{ kind: "time", amount: -1, unit: "hour" }]
      })
    )
    expect(messages).toHaveLength(4)
    expect(messages[3]).toBe("resources[0].amount: expected a non-negative amount, got -1")
  })

  it("classifies institutions and persons", () => {
    expect(Actor.isInstitutional({ kind: "public-institution" })).toBe(true)
    expect(Actor.isInstitutional({ kind: "foundation" })).toBe(false)
    expect(Actor.isPerson({ kind: "citizen" })).toBe(true)
  })
})
