import * as fc from "fast-check"
import { describe, expect, it } from "vitest"
import { roundTrip } from "../test/laws.js"
import * as Access from "./Access.js"
import * as Actor from "./Actor.js"
import * as Label from "./Label.js"
import * as Need from "./Need.js"
import * as Person from "./Person.js"
import * as Arb from "./testing/index.js"

const p = Person.PersonId.make

describe("Access", () => {
  it("widens the reach to the vulnerable whose need is not yet overt (seed 000, row 11)", () => {
    const population: ReadonlyArray<Access.Member> = [
      { person: p("p-0017"), needs: ["overt"], signals: [] },
      { person: p("p-0017"), needs: ["emerging"], signals: [] },
      { person: p("p-0023"), needs: ["emerging"], signals: ["social-sensor-report"] },
      { person: p("p-0031"), needs: [], signals: ["family-report"] },
      { person: p("p-0038"), needs: ["latent"], signals: [] },
      { person: p("p-0042"), needs: [], signals: [] }
    ]
    expect([...Access.traditionalEligible(population)]).toEqual(["p-0017"])
    expect([...Access.generativeEligible(population)]).toEqual(["p-0017", "p-0023", "p-0031", "p-0038"])
    expect(Access.widening(population)).toEqual({ traditional: 1, generative: 4, widened: 3 })
  })

  it("builds a population from needs, one member per person, with the signal of who raised each need", () => {
    const needs: ReadonlyArray<Pick<Need.Need, "status" | "raisedBy" | "person">> = [
      {
        status: "emerging",
        raisedBy: { _tag: "social-sensor", actor: Actor.ActorId.make("oratorio-san-domenico") },
        person: p("p-0017")
      },
      { status: "overt", raisedBy: { _tag: "person", person: p("p-0017") }, person: p("p-0017") },
      { status: "latent", raisedBy: { _tag: "family" }, person: p("p-0023") },
      { status: "emerging", raisedBy: { _tag: "service", actor: Actor.ActorId.make("comune-legnano") } }
    ]
    expect(Access.populationFromNeeds(needs)).toEqual([
      { person: "p-0017", needs: ["emerging", "overt"], signals: ["social-sensor-report", "self-report"] },
      { person: "p-0023", needs: ["latent"], signals: ["family-report"] }
    ])
  })

  it("property: the generatively eligible are a superset of the traditionally eligible (invariant 8)", () => {
    fc.assert(
      fc.property(Arb.population(), (population) => {
        const traditional = Access.traditionalEligible(population)
        const generative = Access.generativeEligible(population)
        for (const person of traditional) expect(generative.has(person)).toBe(true)
        const w = Access.widening(population)
        expect(w.generative - w.traditional).toBe(w.widened)
        expect(w.traditional).toBe(traditional.size)
        expect(w.generative).toBe(generative.size)
      })
    )
  })

  it("property: the widened are exactly the persons with a signal or a not-yet-overt need and no overt need (invariant 8)", () => {
    fc.assert(
      fc.property(Arb.population(), (population) => {
        const traditional = Access.traditionalEligible(population)
        const expected = new Set(
          population
            .filter((m) => m.signals.length > 0 || m.needs.some((s) => s !== "overt"))
            .map((m) => m.person)
            .filter((person) => !traditional.has(person))
        )
        expect(Access.widening(population).widened).toBe(expected.size)
      })
    )
  })

  it("property: adding a vulnerability signal never shrinks either eligible group (invariant 8)", () => {
    fc.assert(
      fc.property(
        Arb.population(),
        Arb.member(),
        fc.constantFrom(...Access.signalKinds),
        (population, m, signal) => {
          const before = Access.widening(population)
          const after = Access.widening([...population, { ...m, signals: [...m.signals, signal] }])
          expect(after.generative).toBeGreaterThanOrEqual(before.generative)
          expect(after.traditional).toBeGreaterThanOrEqual(before.traditional)
        }
      )
    )
  })

  it("property: a population built from needs is eligible as its needs say (invariant 8)", () => {
    fc.assert(
      fc.property(Arb.needs(), (needs) => {
        const population = Access.populationFromNeeds(needs)
        const withPerson = needs.filter((n) => n.person !== undefined)
        expect(Access.generativeEligible(population).size).toBe(new Set(withPerson.map((n) => n.person)).size)
        expect(Access.traditionalEligible(population).size).toBe(
          new Set(withPerson.filter(Need.isOvert).map((n) => n.person)).size
        )
      })
    )
  })

  it("property: round trip of a member (invariant 14)", () => roundTrip(Access.Member, Arb.member()))

  it("every signal has both labels", () => {
    for (const lang of Label.langs)
      for (const s of Access.signalKinds) expect(Label.of(Access.signalLabels, s, lang)).not.toBe("")
  })
})
