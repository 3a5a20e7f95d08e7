import * as fc from "fast-check"
import { describe, expect, it } from "vitest"
import * as Derivation from "./Derivation.js"
import * as Intervention from "./Intervention.js"
import * as Resource from "./Resource.js"
import * as TerritoryAssessment from "./TerritoryAssessment.js"
import * as Arb from "./testing/assessment.js"

const id = Intervention.InterventionId.make("int-test")
const cases = (...ks: Array<string>) =>
  ks.map((k) => k as unknown as NonNullable<Intervention.InterventionInput["cases"]>[number])
const actors = [
  { id: "comune-legnano", kind: "local-authority" },
  { id: "coop-melograno", kind: "social-cooperative" },
  { id: "rete-vicinato", kind: "informal-network" },
  { id: "p-0017", kind: "citizen" }
] as const

describe("Derivation", () => {
  it("reads «tra Istituzione e Privato Sociale, nei luoghi istituzionali» as the traditional pole even when a cooperative sits with the Comune (seed 000, row 6)", () => {
    const idx = Derivation.index({
      actors,
      requirements: [
        {
          id: "req-1",
          needs: ["need-1"],
          interlocutors: ["comune-legnano", "coop-melograno"],
          places: ["social-service-office", "town-hall"]
        }
      ],
      takingCharge: [{ _tag: "NeedRecorded", caseId: "case-1", need: "need-1" }]
    })
    const facts = Derivation.derive(idx, { id, cases: cases("case-1") })
    expect(facts.map((f) => [f.field, f.value, f.records])).toEqual([
      ["needReadBy", "institution-and-social-private", ["req-1"]],
      ["needReadWhere", "institutional-places", ["req-1"]],
      ["thirdSector", "co-reader", ["req-1"]]
    ])
  })

  it("reads «più interlocutori [...] negli spazi di vita quotidiani» when citizens and the community read with the organisations (seed 000, row 6)", () => {
    const idx = Derivation.index({
      actors,
      requirements: [
        {
          id: "req-1",
          needs: ["need-1"],
          interlocutors: ["comune-legnano", "rete-vicinato", "p-0017"],
          places: ["parish", "home"]
        },
        {
          id: "req-2",
          needs: ["need-1"],
          interlocutors: ["comune-legnano", "coop-melograno"],
          places: ["town-hall"]
        }
      ],
      takingCharge: [{ _tag: "NeedRecorded", caseId: "case-1", need: "need-1" }]
    })
    const facts = Object.fromEntries(
      Derivation.derive(idx, { id, cases: cases("case-1") }).map((f) => [f.field, f.value])
    )
    // One reading among many in daily life, one between institution and cooperative in the town hall: both.
    expect(facts).toMatchObject({ needReadBy: "both", needReadWhere: "both" })
  })

  it("derives the delivery chain, the person's agreed contribution and access from the paths of taking charge (seed 000, rows 8 and 11)", () => {
    const idx = Derivation.index({
      actors,
      needs: [{ id: "need-1", status: "latent" }],
      takingCharge: [
        { _tag: "NeedRecorded", caseId: "case-1", need: "need-1" },
        {
          _tag: "ChoiceMade",
          caseId: "case-1",
          contribution: [Resource.unsafeMake("time", 40)],
          benefits: [Resource.unsafeMake("economic", 600)]
        }
      ]
    })
    const r = Derivation.resolve(idx, { id, delivery: "request-benefit", cases: cases("case-1") })
    expect(r.facts.delivery).toBe("resources-responsibility-path")
    expect(r.facts.access).toBe("vulnerability-too")
    expect(r.facts.responses).toBe("flexible")
    expect(r.facts.resources).toEqual([
      { resource: Resource.unsafeMake("time", 40), from: "beneficiaries", mode: "agreed" }
    ])
    expect(r.provenance.delivery).toEqual({
      kind: "derived",
      rule: "delivery-from-paths",
      records: ["case-1"]
    })
    expect(r.contradictions).toHaveLength(1)
    expect(r.contradictions[0]).toMatchObject({
      code: "declared-contradicts-records",
      severity: "warning",
      field: "delivery",
      declared: "request-benefit",
      derived: "resources-responsibility-path"
    })
    expect(r.contradictions[0]!.message.en).toBe(
      'int-test: the fact delivery is declared "request-benefit" but the territory\'s records (case-1) show "resources-responsibility-path": the records\' value is used; correct the declaration or the records'
    )
  })

  it("reads a contract (market or hierarchy) as vertical management, a network as horizontal subsidiarity (seed 001, row 33)", () => {
    const members = [{ actor: "comune-legnano" }, { actor: "coop-melograno" }]
    const idx = Derivation.index({
      actors,
      partnerships: [
        { id: "pship-appalto", governance: "market", members },
        { id: "pship-rete", governance: "network", members },
        { id: "pship-solo", governance: "network", members: [{ actor: "comune-legnano" }] }
      ]
    })
    const read = (ps: ReadonlyArray<string>) =>
      Derivation.resolve(idx, { id, partnerships: ps.map((p) => p as never) }).facts.governance
    expect(read(["pship-appalto"])).toBe("vertical")
    expect(read(["pship-rete"])).toBe("horizontal")
    expect(read(["pship-appalto", "pship-rete"])).toBe("both")
    // A partnership of one member is no partnership: nothing is derived.
    expect(read(["pship-solo"])).toBeUndefined()
  })

  it("derives nothing from missing records: absence is not evidence", () => {
    const idx = Derivation.index({ actors })
    expect(
      Derivation.derive(idx, { id, cases: cases("case-unknown"), coDesigns: ["codesign-x" as never] })
    ).toEqual([])
    const r = Derivation.resolve(idx, { id, delivery: "request-benefit" })
    expect(r.facts).toEqual({ id, delivery: "request-benefit" })
    expect(r.provenance).toEqual({ delivery: { kind: "declared" } })
  })

  it("property: resolving never drops a declared fact without a contradiction or a derived value, and keeps the intervention's rules", () => {
    fc.assert(
      fc.property(Arb.assessedTerritory(), (t) => {
        const idx = Derivation.index(t)
        for (const i of t.interventions) {
          const r = Derivation.resolve(idx, i, "error")
          expect(Intervention.rules(r.facts)).toEqual([])
          for (const [field, value] of Object.entries(i)) {
            const p = r.provenance[field as Intervention.FactField]
            if (p === undefined) continue
            if (p.kind === "declared") expect((r.facts as Record<string, unknown>)[field]).toEqual(value)
            else if (
              field !== "resources" &&
              field !== "designSplit" &&
              (r.facts as Record<string, unknown>)[field] !== value
            )
              expect(r.contradictions.some((c) => c.field === field && c.severity === "error")).toBe(true)
          }
        }
      }),
      { numRuns: 300 }
    )
  }, 120_000)

  it("the territory generator reaches every branch the assessment reads", () => {
    const samples = fc.sample(Arb.assessedTerritory(), { numRuns: 400, seed: 42 })
    const profiles = samples.map((t) => TerritoryAssessment.assessTerritory(t))
    const rules = new Set(
      samples.flatMap((t) => {
        const idx = Derivation.index(t)
        return t.interventions.flatMap((i) => Derivation.derive(idx, i).map((f) => f.rule))
      })
    )
    expect([...rules].sort()).toEqual([...Derivation.rules].sort())
    expect(profiles.some((p) => p.system[0]!.value > 0)).toBe(true)
    expect(profiles.some((p) => p.contradictions.length > 0)).toBe(true)
    expect(new Set(profiles.flatMap((p) => p.interventions.map((i) => i.class)))).toEqual(
      new Set(["insufficient-evidence", "traditional", "transitional", "generative"])
    )
    expect(
      new Set(profiles.flatMap((p) => [...p.moves.items, ...p.characteristics.items].map((i) => i.status)))
    ).toEqual(new Set(["met", "partly", "not-met"]))
    expect(new Set(profiles.map((p) => p.ladder.reached))).toEqual(
      new Set([undefined, "demand-aggregation", "mutual-aid", "active-collaboration"])
    )
  }, 120_000)
})
