import { readFileSync } from "node:fs"
import { join } from "node:path"
import * as Arbitrary from "effect/Arbitrary"
import * as Either from "effect/Either"
import * as fc from "fast-check"
import { describe, expect, it } from "vitest"
import { roundTrip } from "../test/laws.js"
import * as Actor from "./Actor.js"
import * as Ledger from "./Ledger.js"
import * as Summary from "./Summary.js"
import * as Territory from "./Territory.js"

const legnano = Either.getOrThrow(
  Territory.decode(
    JSON.parse(
      readFileSync(
        join(import.meta.dirname, "..", "..", "..", "examples", "territories", "legnano.json"),
        "utf8"
      )
    )
  )
)
const ufficio = Actor.ActorId.make("ufficio-di-piano")
const period = { start: "2016-01-01", end: "2016-12-31" }

const entry: fc.Arbitrary<Ledger.Entry> = fc
  .tuple(
    Arbitrary.make(Ledger.Entry),
    fc.constantFrom("p-1", "p-2", "p-3", "p-4"),
    fc.constantFrom("coop", "rete", "comune"),
    fc.integer({ min: 0, max: 100 })
  )
  .map(([e, person, source, amount]) => {
    const base = { ...e, person: person as never, period, amount }
    return base._tag === "received" ? { ...base, source: source as never } : base
  })

describe("Ledger: the social counterpart and the 5R (Fondazione Zancan, Rapporto sulla lotta alla povertà 2012-2014; outside the seeds)", () => {
  it("computes the 5R and the social counterpart of the Legnano ledger, each formula matching its verb", () => {
    const r = Ledger.fiveR(legnano.ledger)
    // rendere: 84 hours given back by agreement and honoured over 272 hours received.
    expect([r.rendere.part, r.rendere.whole]).toEqual([84, 272])
    // rigenerare: 46 of the hours received return as community capacity.
    expect([r.rigenerare.part, r.rigenerare.whole]).toEqual([46, 272])
    // responsabilizzare: 9 of the 15 persons who received honoured an agreed contribution.
    expect([r.responsabilizzare.part, r.responsabilizzare.whole]).toEqual([9, 15])
    // redistribuire: all 15 persons of the ledger received something.
    expect(r.redistribuire.share).toBe(100)
    // raccogliere: hours from every source but the cooperative (132 of 272), euros from every source but the
    // Comune (600 of 2,700), averaged: (48.53 + 22.22) / 2.
    expect(r.raccogliere.share).toBeCloseTo((132 / 272 + 600 / 2700) * 50, 10)
    const p17 = Ledger.accounts(legnano.ledger).find((a) => a.person === "p-0017")!
    expect([p17.receivedHours, p17.receivedEuros, p17.givenHours, p17.counterpart]).toEqual([
      40, 1200, 12, 30
    ])
  })

  it("publishes the social counterpart per municipality with the suppression of every published figure", () => {
    const published = Either.getOrThrow(Ledger.publish(legnano.ledger, ufficio))
    const cell = (mun: string) =>
      published.cells[Summary.keyOf(Ledger.indicatorIds.counterpart, period, Actor.MunicipalityId.make(mun))]!
    const visible = cell("legnano")
    expect(visible.suppressed).toBe(false)
    if (!visible.suppressed) {
      expect(visible.persons).toBe(6)
      expect(Summary.mean(visible)).toBeCloseTo((30 + 66.67 + 25 + 100 + 0 + 50) / 6, 10)
    }
    // Canegrate has 3 persons; Parabiago (5) is hidden with it, so no hidden cell can be recovered by subtraction.
    expect(cell("canegrate").suppressed).toBe(true)
    expect(cell("parabiago").suppressed).toBe(true)
  })

  it("money is never a contribution given back (invariant 17, seed 000 row 11: «tutto pagato - tutto dovuto»)", () => {
    const decoded = Either.isLeft(
      (Territory.decode as (u: unknown) => Either.Either<unknown, unknown>)({
        ...Territory.encode(legnano),
        ledger: [
          { _tag: "given", person: "p-1", period, kind: "money", amount: 10, agreed: true, honoured: true }
        ]
      })
    )
    expect(decoded).toBe(true)
  })

  it("property: round trip (invariant 14)", () => roundTrip(Ledger.Entry, Arbitrary.make(Ledger.Entry)))

  it("property: the accounts and the 5R do not depend on the order of the entries (invariant 4)", () =>
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 20 }), (es) => {
        const reversed = [...es].reverse()
        expect(Ledger.accounts(reversed)).toEqual(Ledger.accounts(es))
        const a = Ledger.fiveR(es)
        const b = Ledger.fiveR(reversed)
        for (const v of Ledger.verbs) expect(b[v].share ?? -1).toBeCloseTo(a[v].share ?? -1, 9)
      })
    ))

  it("property: each verb is what it says: shares in range, rendere is honoured hours over received hours, an honoured agreement never lowers responsabilizzare", () =>
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 20 }), fc.constantFrom("p-1", "p-2"), (es, person) => {
        const r = Ledger.fiveR(es)
        for (const v of ["raccogliere", "redistribuire", "rigenerare", "responsabilizzare"] as const) {
          const s = r[v].share
          if (s !== undefined) {
            expect(s).toBeGreaterThanOrEqual(0)
            expect(s).toBeLessThanOrEqual(100 + 1e-9)
          }
        }
        const sumAccounts = Ledger.accounts(es).reduce(
          (n, a) => ({ given: n.given + a.givenHours, received: n.received + a.receivedHours }),
          { given: 0, received: 0 }
        )
        expect([r.rendere.part, r.rendere.whole]).toEqual([sumAccounts.given, sumAccounts.received])
        const honoured: Ledger.Entry = {
          _tag: "given",
          person: person as never,
          period,
          kind: "time",
          amount: 1,
          agreed: true,
          honoured: true
        }
        const after = Ledger.responsibility([...es, honoured])
        const before = Ledger.responsibility(es)
        if (before.share !== undefined) expect(after.share!).toBeGreaterThanOrEqual(before.share - 1e-9)
      })
    ))

  it("property: no published figure about persons counts fewer than 5 of them", () =>
    fc.assert(
      fc.property(
        fc.array(
          entry.map((e) => ({ ...e, municipality: "legnano" as never })),
          { maxLength: 30 }
        ),
        (es) => {
          const published = Either.getOrThrow(Ledger.publish(es, ufficio))
          for (const c of Object.values(published.cells))
            if (!c.suppressed && c.personCounted > 0) expect(c.persons).toBeGreaterThanOrEqual(5)
        }
      )
    ))

  it("labels every verb in Italian and English", () => {
    for (const v of [...Ledger.verbs, "counterpart"] as const) {
      expect(Ledger.labels[v].it).not.toBe("")
      expect(Ledger.labels[v].en).not.toBe("")
    }
    for (const v of Ledger.verbs) expect(Ledger.formulas[v].part).not.toBe("")
  })
})
