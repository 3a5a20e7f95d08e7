import * as fc from "fast-check"
import { describe, expect, it } from "vitest"
import * as Actor from "./Actor.js"
import * as Assessment from "./Assessment.js"
import * as CoDesign from "./CoDesign.js"
import * as Dimension from "./Dimension.js"
import * as Intervention from "./Intervention.js"
import * as Partnership from "./Partnership.js"
import * as Resource from "./Resource.js"
import * as TakingCharge from "./TakingCharge.js"
import * as TerritoryAssessment from "./TerritoryAssessment.js"
import * as Arb from "./testing/assessment.js"

const actor = (id: string, kind: Actor.ActorKind) => Actor.make({ id: Actor.ActorId.make(id), kind })
const pid = Partnership.PartnershipId.make

// Actors of several sectors, generative interventions, and partnerships that
// never join two different actors (none, or one member each).
const isolatedTerritory = fc
  .record({
    actors: fc.uniqueArray(
      fc.record({
        id: fc.integer({ min: 1, max: 500 }).map((k) => `act-${k}`),
        kind: fc.constantFrom(...Actor.kinds)
      }),
      { minLength: 2, maxLength: 12, selector: (a) => a.id }
    ),
    interventions: fc.uniqueArray(Arb.interventionAtPole("generative"), {
      minLength: 1,
      maxLength: 6,
      selector: (i) => i.id
    }),
    solo: fc.boolean()
  })
  .map(({ actors, interventions, solo }) => {
    const typed = actors.map((a) => actor(a.id, a.kind))
    const partnerships = solo ? typed.map((a, k) => ({ id: `pship-${k}`, members: [{ actor: a.id }] })) : []
    return {
      actors: typed,
      partnerships,
      interventions: interventions.map((i, k) => ({
        ...i,
        partnerships: solo ? [pid(`pship-${k % typed.length}`)] : []
      }))
    }
  })

describe("TerritoryAssessment", () => {
  it("property: a territory of generative interventions whose actors share no partnership never reaches the generative class (invariant 6)", () => {
    fc.assert(
      fc.property(isolatedTerritory, Arb.rubric(), (territory, rubric) => {
        const p = TerritoryAssessment.assessTerritory(territory, rubric)
        for (const i of p.interventions) expect(i.class).toBe("generative")
        expect(p.interventionIndex).toBe(1)
        expect(p.connectedCrossSector).toBe(false)
        expect(p.class).not.toBe("generative")
      }),
      { numRuns: 300 }
    )
  })

  it("property: the order of actors, partnerships and interventions never changes the territory's reading (invariant 4)", () => {
    fc.assert(
      fc.property(isolatedTerritory, fc.array(Arb.intervention(), { maxLength: 6 }), (territory, more) => {
        const interventions = [
          ...territory.interventions,
          ...more.map((i, k) => ({ ...i, id: Intervention.InterventionId.make(`int-x${k}`) }))
        ]
        const t = { ...territory, interventions }
        const reversed = {
          actors: [...t.actors].reverse(),
          partnerships: [...t.partnerships].reverse(),
          interventions: [...interventions].reverse()
        }
        const a = TerritoryAssessment.assessTerritory(t)
        const b = TerritoryAssessment.assessTerritory(reversed)
        const { interventions: ia, ...ra } = a
        const { interventions: ib, ...rb } = b
        expect(rb).toEqual(ra)
        expect([...ib].reverse()).toEqual(ia)
      }),
      { numRuns: 200 }
    )
  })

  it("property: positions, indices and maturities lie in [0, 1], and the index never exceeds the interventions' or the system's (invariant 1)", () => {
    fc.assert(
      fc.property(fc.array(Arb.intervention(), { maxLength: 8 }), Arb.rubric(), (interventions, rubric) => {
        const p = TerritoryAssessment.assessTerritory(
          {
            actors: [
              actor("comune-legnano", "local-authority"),
              actor("coop-melograno", "social-cooperative")
            ],
            interventions
          },
          rubric
        )
        for (const x of [
          p.index,
          p.interventionIndex,
          p.systemIndex,
          p.moves.maturity,
          p.characteristics.maturity,
          ...Dimension.values.map((d) => p.dimensions[d].position)
        ]) {
          expect(x).toBeGreaterThanOrEqual(0)
          expect(x).toBeLessThanOrEqual(1)
        }
        expect(p.index).toBe(Math.min(p.interventionIndex, p.systemIndex))
      }),
      { numRuns: 300 }
    )
  })

  const legnano = {
    actors: [
      actor("comune-legnano", "local-authority"),
      actor("coop-melograno", "social-cooperative"),
      actor("rete-vicinato", "informal-network"),
      actor("confcommercio-alto-milanese", "business"),
      actor("p-0017", "citizen")
    ],
    partnerships: [
      {
        id: "pship-regia",
        governance: "network",
        policyAreas: ["housing", "labour"],
        members: [
          { actor: Actor.ActorId.make("comune-legnano") },
          { actor: Actor.ActorId.make("coop-melograno") },
          { actor: Actor.ActorId.make("rete-vicinato") }
        ]
      },
      {
        id: "pship-lavoro",
        governance: "hierarchy",
        members: [
          { actor: Actor.ActorId.make("comune-legnano") },
          { actor: Actor.ActorId.make("confcommercio-alto-milanese") }
        ]
      }
    ],
    coDesigns: [{ id: "codesign-casa-lavoro" }],
    takingCharge: [{ caseId: "case-0042" }],
    interventions: [
      {
        id: Intervention.InterventionId.make("int-contributo"),
        worksOn: "lack",
        delivery: "request-benefit",
        access: "overt-need-only",
        resources: [{ resource: Resource.make("economic", 80000), from: "institution" }]
      },
      {
        id: Intervention.InterventionId.make("int-portineria"),
        worksOn: "interactions",
        designed: "with",
        culture: "co-responsibility",
        delivery: "resources-responsibility-path",
        partnerships: [pid("pship-regia")],
        coDesigns: [CoDesign.CoDesignId.make("codesign-casa-lavoro")],
        cases: [TakingCharge.CaseId.make("case-0042")],
        resources: [{ resource: Resource.make("time", 300), from: "community" }]
      }
    ] satisfies ReadonlyArray<Intervention.InterventionInput>
  }

  it("joins interventions with the network: checks, checklists and ladder with evidence", () => {
    const p = TerritoryAssessment.assessTerritory(legnano)
    expect(p.interventions.map((i) => [i.id, i.class])).toEqual([
      ["int-contributo", "traditional"],
      ["int-portineria", "generative"]
    ])
    expect(p.connectedCrossSector).toBe(true)
    expect(p.system.map((s) => [s.id, s.value])).toEqual([
      ["cross-sector-network", 1],
      ["interventions-in-partnership", 0.5],
      ["co-designed-interventions", 0.5],
      ["actors-in-partnership", 1]
    ])
    expect(p.systemIndex).toBe(0.75)
    // reference model: 0 and 1; delivery chain: 0 and 1; outcomes: 0 (overt access) and 1 (co-responsibility, social capital)
    expect(p.dimensions["reference-model"]).toEqual({
      dimension: "reference-model",
      position: 0.5,
      observedIn: 2
    })
    expect(p.dimensions["needs-analysis"]).toEqual({
      dimension: "needs-analysis",
      position: 1,
      observedIn: 1
    })
    expect(p.dimensions.organisation.observedIn).toBe(0)
    expect(p.class).toBe(Assessment.classify(p.index))
    const moves = Object.fromEntries(p.moves.items.map((i) => [i.id, i.met]))
    expect(moves).toEqual({
      "person-activation": false,
      "community-activation": false,
      "actors-involvement": false,
      "local-networking": true,
      "co-action": true,
      "shared-accountability": true,
      personalisation: true
    })
    expect(p.moves.maturity).toBe(4 / 7)
    const characteristics = Object.fromEntries(p.characteristics.items.map((i) => [i.id, i.met]))
    expect(characteristics).toMatchObject({
      partnership: true,
      "integrated-taking-charge": true,
      "policy-networking": true,
      "fiduciary-relations": true,
      "multiplicity-of-actors": true,
      "rights-and-duties": true,
      "social-capital-investment": false
    })
    expect(p.characteristics.items[4]!.evidence[0]).toMatchObject({
      count: 4,
      examples: ["community", "market", "public", "third-sector"]
    })
    expect(p.characteristics.items[0]!.source).toEqual({ file: "004_f8a83f590fe55963.txt", row: 31 })
    expect(p.ladder.reached).toBe("active-collaboration")
    expect(p.ladder.rungs.map((r) => [r.form, r.evidence.count, r.evidence.examples])).toEqual([
      ["demand-aggregation", 0, []],
      ["mutual-aid", 1, ["int-portineria"]],
      ["active-collaboration", 1, ["int-portineria"]]
    ])
    expect(p.traits.find((t) => t.trait === "works-on-lack")).toMatchObject({
      interventions: 1,
      source: { row: 4 }
    })
  })

  it("reads an empty territory as neutral and traditional", () => {
    const p = TerritoryAssessment.assessTerritory({ actors: [] })
    expect([p.interventionIndex, p.systemIndex, p.index, p.class, p.ladder.reached]).toEqual([
      0.5,
      0,
      0,
      "traditional",
      undefined
    ])
  })
})
