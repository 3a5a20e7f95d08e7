import * as Either from "effect/Either"
import * as fc from "fast-check"
import { describe, expect, it } from "vitest"
import { formatted, roundTrip } from "../test/laws.js"
import * as Actor from "./Actor.js"
import * as Decoder from "./Decoder.js"
import * as Label from "./Label.js"
import * as Partnership from "./Partnership.js"
import * as Problem from "./Problem.js"
import * as Resource from "./Resource.js"
import * as Arb from "./testing/index.js"

// The steering group of the Legnano roadmap (seed 004, rows 43 and 53).
const regia = {
  id: "pship-gruppo-regia",
  name: "Gruppo di regia del welfare generativo",
  form: "steering-group",
  governance: "network",
  policyAreas: ["social-and-health-services"],
  promoter: "ufficio-di-piano",
  members: [
    {
      actor: "ufficio-di-piano",
      roles: ["promoter", "coordinator"],
      commitments: [{ kind: "competence", amount: 120, unit: "hour" }],
      responsibilities: ["coordination", "accountability"]
    },
    {
      actor: "forum-terzo-settore",
      roles: ["partner"],
      commitments: [{ kind: "competence", amount: 60, unit: "hour" }],
      responsibilities: ["needs-reading"]
    },
    {
      actor: "ciessevi",
      roles: ["facilitator"],
      commitments: [{ kind: "competence", amount: 6, unit: "session" }],
      responsibilities: ["training"]
    }
  ]
}

describe("Partnership", () => {
  it("decodes the Legnano steering group of seed 004", () => {
    const result = Partnership.decode(regia)
    expect(Either.isRight(result)).toBe(true)
    if (Either.isRight(result)) {
      const p = result.right
      expect(Partnership.actors(p)).toEqual(["ufficio-di-piano", "forum-terzo-settore", "ciessevi"])
      expect(Partnership.rolesOf(p, Actor.ActorId.make("ufficio-di-piano"))).toEqual([
        "promoter",
        "coordinator"
      ])
      expect(Partnership.hasMember(p, Actor.ActorId.make("ciessevi"))).toBe(true)
      expect(Partnership.hasMember(Actor.ActorId.make("comune-legnano"))(p)).toBe(false)
      const totals = Partnership.commitmentTotals(p)
      expect(totals.competence.hour).toBe(180)
      expect(totals.competence.session).toBe(6)
      expect(Partnership.encode(p)).toEqual(regia)
    }
  })

  it("property: round trip (invariant 14)", () => roundTrip(Partnership.Partnership, Arb.partnership(), 200))

  it("property: a generated partnership breaks no rule", () => {
    fc.assert(
      fc.property(Arb.partnership(), (p) => {
        expect(Partnership.rules(p)).toEqual([])
      })
    )
  })

  it("rejects an empty partnership", () => {
    expect(formatted(Partnership.decode({ ...regia, members: [] }))).toEqual([
      "members: a partnership has at least one member: add its members (an empty partnership joins no one)"
    ])
    expect(formatted(Partnership.make({ ...(Partnership.decode(regia) as any).right, members: [] }))).toEqual(
      [
        "members: a partnership has at least one member: add its members (an empty partnership joins no one)",
        'promoter: the promoter "ufficio-di-piano" is not a member: add it to members with the role promoter, or correct the promoter'
      ]
    )
  })

  it("reports a duplicate member, a promoter outside the partnership and a second promoter at once", () => {
    const bad = {
      ...regia,
      promoter: "comune-legnano",
      members: [...regia.members, { ...regia.members[1]!, roles: ["funder"] }]
    }
    expect(formatted(Partnership.decode(bad))).toEqual([
      'members[3].actor: the actor "forum-terzo-settore" is already a member at members[1]: list each member once, with all its roles',
      'promoter: the promoter "comune-legnano" is not a member: add it to members with the role promoter, or correct the promoter',
      'members[0].roles: the member "ufficio-di-piano" has the role promoter but the promoter is "comune-legnano": a partnership has one promoter'
    ])
    const noRole = { ...regia, promoter: "forum-terzo-settore" }
    expect(formatted(Partnership.decode(noRole))).toEqual([
      'members[1].roles: the promoter "forum-terzo-settore" lacks the role promoter: add it to its roles',
      'members[0].roles: the member "ufficio-di-piano" has the role promoter but the promoter is "forum-terzo-settore": a partnership has one promoter'
    ])
    const { promoter: _, ...unnamed } = regia
    expect(formatted(Partnership.decode(unnamed))).toEqual([
      'members[0].roles: the member "ufficio-di-piano" has the role promoter but the partnership names no promoter: set promoter to "ufficio-di-piano"'
    ])
  })

  it("reports every shape problem at once: negative commitment, no role, unknown governance", () => {
    const bad = {
      ...regia,
      governance: "anarchy",
      members: [
        { ...regia.members[0]!, commitments: [{ kind: "economic", amount: -100, unit: "euro" }] },
        { ...regia.members[1]!, roles: [] }
      ]
    }
    expect(formatted(Partnership.decode(bad))).toEqual([
      "governance: expected one of hierarchy, market, network, got a text of 7 characters",
      "members[0].commitments[0].amount: expected a non-negative amount, got -100",
      "members[1].roles: a member holds at least one role: add one of promoter, coordinator, funder, implementer, accountable-body, facilitator, partner"
    ])
  })

  it("the checked schema rejects what the rules reject", () => {
    const decode = Decoder.lazy(Partnership.Partnership)
    expect(formatted(decode({ ...regia, promoter: "comune-legnano" }))[0]).toBe(
      'promoter: the promoter "comune-legnano" is not a member: add it to members with the role promoter, or correct the promoter'
    )
  })

  it("reports unknown members and promoters, and duplicate partnership ids, with their paths", () => {
    const p = (Partnership.decode(regia) as Either.Right<never, Partnership.Partnership>).right
    const problems = Partnership.referenceProblems(
      [p, { ...p, promoter: Actor.ActorId.make("nobody") }],
      { actors: new Set(["ufficio-di-piano", "ciessevi"]) },
      ["partnerships"]
    )
    expect(problems.map(Problem.format)).toEqual([
      'partnerships[1].id: the partnership id "pship-gruppo-regia" is already used by partnerships[0]: give every partnership its own id',
      'partnerships[0].members[1].actor: no actor has the id "forum-terzo-settore": add it to actors or correct the id',
      'partnerships[1].members[1].actor: no actor has the id "forum-terzo-settore": add it to actors or correct the id',
      'partnerships[1].promoter: no actor has the id "nobody": add it to actors or correct the id'
    ])
    expect(problems.map((x) => x.code)).toEqual([
      "duplicate-id",
      "unknown-reference",
      "unknown-reference",
      "unknown-reference"
    ])
  })

  it("names the sectors a partnership spans", () => {
    const actors = new Map([
      ["ufficio-di-piano", { kind: "public-institution" as const }],
      ["forum-terzo-settore", { kind: "social-private-body" as const }]
    ])
    expect(Partnership.sectorsOf(Partnership.decode(regia).pipe(Either.getOrThrow), actors)).toEqual([
      "public",
      "third-sector"
    ])
  })

  it("builds members with defaults", () => {
    expect(
      Partnership.member("coop-melograno", ["implementer"], {
        commitments: [Resource.unsafeMake("care", 10)]
      })
    ).toEqual({
      actor: "coop-melograno",
      roles: ["implementer"],
      commitments: [{ kind: "care", amount: 10, unit: "hour" }],
      responsibilities: []
    })
  })

  it("labels every role, responsibility, governance logic and form in Italian and English", () => {
    for (const lang of Label.langs) {
      for (const r of Partnership.roles) expect(Label.of(Partnership.roleLabels, r, lang)).not.toBe("")
      for (const r of Partnership.responsibilities)
        expect(Label.of(Partnership.responsibilityLabels, r, lang)).not.toBe("")
      for (const g of Partnership.governanceLogics)
        expect(Label.of(Partnership.governanceLabels, g, lang)).not.toBe("")
      for (const f of Partnership.forms) expect(Label.of(Partnership.formLabels, f, lang)).not.toBe("")
    }
    expect(Partnership.governanceLabels.network.it).toBe("Rete")
    expect(Partnership.formLabels["steering-group"].it).toBe("Gruppo di regia")
  })
})
