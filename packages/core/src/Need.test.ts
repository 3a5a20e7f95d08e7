import * as Either from "effect/Either"
import * as fc from "fast-check"
import { describe, expect, it } from "vitest"
import { formatted, roundTrip } from "../test/laws.js"
import * as Actor from "./Actor.js"
import * as Decoder from "./Decoder.js"
import * as Label from "./Label.js"
import * as Need from "./Need.js"
import * as Problem from "./Problem.js"
import * as Arb from "./testing/index.js"

const decode = Decoder.lazy(Need.Need)

// Seed 003, workshop 3 (rows 58-65): vulnerability between work and housing, noticed by a
// social sensor in a place of daily life (row 85), not yet recognised by a service.
const casaLavoro = {
  id: "need-casa-lavoro-01",
  status: "emerging",
  policyAreas: ["housing", "labour"],
  raisedBy: { _tag: "social-sensor", actor: "oratorio-san-domenico" },
  person: "p-0017"
}

describe("Need", () => {
  it("decodes the emerging housing-and-work need of seed 003: complex", () => {
    const result = decode(casaLavoro)
    expect(Either.isRight(result)).toBe(true)
    if (Either.isRight(result)) {
      const need = result.right
      expect(Need.isComplex(need)).toBe(true)
      expect(Need.isOvert(need)).toBe(false)
      expect(Need.isNotYetOvert(need)).toBe(true)
      expect(Need.raiserActor(need.raisedBy)).toBe("oratorio-san-domenico")
      const recognised = Need.recognise(need, Actor.ActorId.make("comune-legnano"))
      expect(recognised.status).toBe("overt")
      expect(recognised.recognisedBy).toBe("comune-legnano")
      expect(Either.isRight(Need.make(recognised))).toBe(true)
      expect(Need.recognise(recognised, Actor.ActorId.make("asst-ovest-milanese")).recognisedBy).toBe(
        "comune-legnano"
      )
    }
  })

  it("requires who recognised an overt need (seed 000, row 5) and refuses it on a not-yet-overt one", () => {
    expect(formatted(decode({ ...casaLavoro, status: "overt" }))).toEqual([
      'recognisedBy: an overt need is recognised by someone (seed 000, row 5): give the actor id of the service that recognised it, or set the status to "emerging"'
    ])
    expect(formatted(decode({ ...casaLavoro, recognisedBy: "comune-legnano" }))).toEqual([
      'recognisedBy: only an overt need has been recognised: set the status to "overt" or remove recognisedBy (the status is "emerging")'
    ])
  })

  it("reports every problem at once: no policy area, a wrong status, a raiser of an unknown kind", () => {
    expect(
      formatted(
        decode({ id: "need-1", status: "conclamato", policyAreas: [], raisedBy: { _tag: "neighbour" } })
      )
    ).toEqual([
      "status: expected one of latent, emerging, overt, got a text of 10 characters",
      "policyAreas: a need touches at least one policy area (seed 004, row 33): list the areas it touches",
      "raisedBy._tag: expected one of person, family, social-sensor, service, got a text of 9 characters"
    ])
    expect(formatted(decode({ ...casaLavoro, policyAreas: ["housing", "housing"] }))).toEqual([
      'policyAreas[1]: the policy area "housing" is listed twice: list each area once'
    ])
  })

  it("property: round trip (invariant 14)", () => roundTrip(Need.Need, Arb.need()))

  it("property: a need is complex exactly when it touches more than one policy area", () => {
    fc.assert(
      fc.property(Arb.need(), (need) => {
        expect(Need.isComplex(need)).toBe(need.policyAreas.length > 1)
        expect(Need.isOvert(need)).toBe(need.recognisedBy !== undefined)
      })
    )
  })

  it("property: recognising a need never lowers its status and always yields a valid overt need", () => {
    fc.assert(
      fc.property(Arb.need(), Arb.actorId(), (need, by) => {
        const after = Need.recognise(need, by)
        expect(Need.statusRank(after.status)).toBeGreaterThanOrEqual(Need.statusRank(need.status))
        expect(after.status).toBe("overt")
        expect(Either.isRight(Need.make(after))).toBe(true)
      })
    )
  })

  it("every status and raiser kind has both labels", () => {
    for (const lang of Label.langs) {
      for (const s of Need.statuses) expect(Label.of(Need.statusLabels, s, lang)).not.toBe("")
      for (const r of Need.raiserKinds) expect(Label.of(Need.raiserLabels, r, lang)).not.toBe("")
    }
    expect(Need.statusLabels.overt.it).toBe("Conclamato")
  })

  it("reports duplicate needs and unknown recognisers, responsible bodies and raising actors", () => {
    const need = (id: string, extra: object) => ({
      ...(decode({ ...casaLavoro, id }) as any).right,
      ...extra
    })
    const problems = Need.referenceProblems(
      [
        need("need-1", { status: "overt", recognisedBy: "comune-x", responsibleBody: "comune-legnano" }),
        need("need-1", { responsibleBody: "ats-y" })
      ],
      { actors: new Set(["comune-legnano", "oratorio-san-domenico"]) },
      ["needs"]
    )
    expect(problems.map(Problem.format)).toEqual([
      'needs[1].id: the need id "need-1" is already used by needs[0]: give every need its own id',
      'needs[0].recognisedBy: no actor has the id "comune-x": add it to actors or correct the id',
      'needs[1].responsibleBody: no actor has the id "ats-y": add it to actors or correct the id'
    ])
  })

  it("property: the needs generated over known actors have no reference problem", () => {
    fc.assert(
      fc.property(Arb.needs(), (needs) => {
        expect(Need.referenceProblems(needs, { actors: new Set(Arb.legnanoActorIds) }, ["needs"])).toEqual([])
      })
    )
  })
})
