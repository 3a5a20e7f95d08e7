import * as Either from "effect/Either"
import * as fc from "fast-check"
import { describe, expect, it } from "vitest"
import { formatted, roundTrip } from "../test/laws.js"
import * as Actor from "./Actor.js"
import * as Label from "./Label.js"
import * as Need from "./Need.js"
import * as Problem from "./Problem.js"
import * as Requirement from "./Requirement.js"
import * as Resource from "./Resource.js"
import * as Arb from "./testing/index.js"

const a = Actor.ActorId.make
const kinds: ReadonlyArray<readonly [string, Actor.ActorKind]> = [
  ["comune-legnano", "local-authority"],
  ["asst-ovest-milanese", "public-institution"],
  ["oratorio-san-domenico", "educational-agency"],
  ["rete-vicinato", "informal-network"],
  ["coop-melograno", "social-cooperative"],
  ["cgil-legnano", "trade-union"]
]
const actorsById = new Map(kinds.map(([id, kind]) => [id, { kind }]))

const need: Need.Need = {
  id: Need.NeedId.make("need-casa-lavoro-01"),
  status: "emerging",
  policyAreas: ["housing", "labour"],
  raisedBy: { _tag: "social-sensor", actor: a("oratorio-san-domenico") }
}
const id = Requirement.RequirementId.make("req-casa-lavoro-01")

describe("Requirement", () => {
  it("the traditional reading of seed 000 row 6 (institution and social private body, institutional place) has every gap", () => {
    const read = Requirement.readAsRequirement(
      need,
      {
        id,
        interlocutors: [a("comune-legnano"), a("asst-ovest-milanese")],
        places: ["social-service-office", "health-centre"],
        resources: [Resource.unsafeMake("economic", 600)],
        ties: []
      },
      actorsById
    )
    expect(read.requirement.needs).toEqual(["need-casa-lavoro-01"])
    expect(read.gaps).toEqual([
      { kind: "only-institutional-interlocutors", source: "seed 000, row 6" },
      { kind: "no-daily-life-place", source: "seed 000, row 6" },
      { kind: "only-economic-resources", source: "seed 000, row 11" },
      { kind: "no-social-capital-tie", source: "seed 000, row 6" }
    ])
  })

  it("the generative reading (many interlocutors, daily-life places, community resources, ties) has no gap", () => {
    const reading = {
      id,
      interlocutors: [
        a("oratorio-san-domenico"),
        a("rete-vicinato"),
        a("coop-melograno"),
        a("comune-legnano")
      ],
      places: ["parish", "home", "workplace"] as const,
      resources: [Resource.unsafeMake("time", 40), Resource.unsafeMake("competence", 12, "session")],
      ties: [{ between: [a("rete-vicinato"), a("oratorio-san-domenico")] as const }]
    }
    expect(Requirement.readAsRequirement(need, reading, actorsById).gaps).toEqual([])
    expect(Requirement.isGenerativeReading(reading, actorsById)).toBe(true)
  })

  it("reports no interlocutor, a single one, and no community resource", () => {
    const empty = { interlocutors: [], places: [], resources: [], ties: [] }
    expect(Requirement.gaps(empty, actorsById).map((g) => g.kind)).toEqual([
      "no-interlocutor",
      "no-daily-life-place",
      "no-community-resource",
      "no-social-capital-tie"
    ])
    expect(
      Requirement.gaps({ ...empty, interlocutors: [a("rete-vicinato")], places: ["square"] }, actorsById).map(
        (g) => g.kind
      )
    ).toEqual(["single-interlocutor", "no-community-resource", "no-social-capital-tie"])
  })

  it("property: adding a daily-life place, a non-institutional interlocutor, a care resource and a tie never adds a gap", () => {
    fc.assert(
      fc.property(Arb.reading(kinds.map(([id]) => a(id))), (reading) => {
        const before = Requirement.gaps(reading, actorsById).map((g) => g.kind)
        const richer = {
          interlocutors: [...reading.interlocutors, a("rete-vicinato"), a("coop-melograno")],
          places: [...reading.places, "home" as const],
          resources: [...reading.resources, Resource.unsafeMake("care", 10)],
          ties: [...reading.ties, { between: [a("rete-vicinato"), a("coop-melograno")] as const }]
        }
        const after = Requirement.gaps(richer, actorsById).map((g) => g.kind)
        expect(after).toEqual([])
        for (const k of after) expect(before).toContain(k)
      })
    )
  })

  it("property: round trip (invariant 14)", () => roundTrip(Requirement.Requirement, Arb.requirement()))

  it("a requirement may be prefigured before any need is recorded (seed 000, row 5: «anche quelli che si può prefigurare»)", () => {
    // Seed 000, row 5: the community manages needs «non solo quelli già espressi ma anche quelli che si può prefigurare».
    const prefigured = Requirement.decode({
      id: "req-custodi-prefigurati",
      needs: [],
      interlocutors: ["rete-vicinato", "casa-volontariato"],
      places: ["neighbourhood-centre"],
      resources: [{ kind: "time", amount: 40, unit: "hour" }],
      ties: [{ between: ["rete-vicinato", "casa-volontariato"] }]
    })
    expect(Either.isRight(prefigured)).toBe(true)
    if (Either.isRight(prefigured)) {
      expect(Requirement.isPrefigured(prefigured.right)).toBe(true)
      expect(
        Requirement.referenceProblems(
          [prefigured.right],
          { actors: new Set(["rete-vicinato", "casa-volontariato"]), needs: new Set() },
          ["requirements"]
        )
      ).toEqual([])
    }
  })

  it("rejects a bad place and a tie of one actor with itself", () => {
    expect(
      formatted(
        Requirement.decode({
          id: "req-1",
          needs: [],
          interlocutors: [],
          places: ["piazza"],
          resources: [],
          ties: [{ between: ["rete-vicinato", "rete-vicinato"] }]
        })
      )
    ).toEqual([
      `places[0]: expected one of ${Requirement.placeKinds.join(", ")}, got a text of 6 characters`,
      'ties[0].between[1]: a tie links two different actors, got "rete-vicinato" twice: name the other actor'
    ])
  })

  it("reports unknown needs, interlocutors and tie ends, and duplicate ids", () => {
    const r: Requirement.Requirement = {
      id,
      needs: [Need.NeedId.make("need-x")],
      interlocutors: [a("comune-legnano"), a("parrocchia-y")],
      places: ["parish"],
      resources: [],
      ties: [{ between: [a("comune-legnano"), a("bar-z")] }]
    }
    expect(
      Requirement.referenceProblems(
        [r, r],
        { actors: new Set(["comune-legnano"]), needs: new Set(["need-casa-lavoro-01"]) },
        ["requirements"]
      ).map(Problem.format)
    ).toEqual([
      'requirements[1].id: the requirement id "req-casa-lavoro-01" is already used by requirements[0]: give every requirement its own id',
      'requirements[0].needs[0]: no need has the id "need-x": add it to needs or correct the id',
      'requirements[0].interlocutors[1]: no actor has the id "parrocchia-y": add it to actors or correct the id',
      'requirements[0].ties[0].between[1]: no actor has the id "bar-z": add it to actors or correct the id',
      'requirements[1].needs[0]: no need has the id "need-x": add it to needs or correct the id',
      'requirements[1].interlocutors[1]: no actor has the id "parrocchia-y": add it to actors or correct the id',
      'requirements[1].ties[0].between[1]: no actor has the id "bar-z": add it to actors or correct the id'
    ])
  })

  it("every place kind, setting and gap has both labels and a source", () => {
    for (const lang of Label.langs) {
      for (const p of Requirement.placeKinds) {
        expect(Label.of(Requirement.placeLabels, p, lang)).not.toBe("")
        expect(Label.of(Requirement.settingLabels, Requirement.settingOfPlace[p], lang)).not.toBe("")
      }
      for (const g of Requirement.gapKinds) expect(Label.of(Requirement.gapLabels, g, lang)).not.toBe("")
    }
    for (const g of Requirement.gapKinds) expect(Requirement.gapSources[g]).toMatch(/^seed 000, row (6|11)$/)
  })
})
