import * as fc from "fast-check"
import { describe, expect, it } from "vitest"
import * as Assessment from "./Assessment.js"
import * as Rubric from "./Rubric.js"
import * as Sensitivity from "./Sensitivity.js"
import * as Arb from "./testing/assessment.js"

describe("Sensitivity", () => {
  it("finds the seed-000 poles robust, and reports a balanced service as fragile", () => {
    for (const pole of ["traditional", "generative"] as const) {
      const s = Sensitivity.analyse(Assessment.assess(Arb.interventions[pole]))
      expect([s.verdict, s.robust, s.stability]).toEqual([pole, true, 1])
      expect([s.index.min, s.index.max]).toEqual(pole === "generative" ? [1, 1] : [0, 0])
    }
    // A service halfway on the delivery chain and the organisation sits on a threshold of the editorial thirds.
    const balanced = Assessment.assess({
      ...Arb.interventions.traditional,
      delivery: "both",
      organisation: "both",
      operatorRole: "both",
      worksOn: "both",
      focus: "both"
    })
    const s = Sensitivity.analyse(balanced)
    expect(s.draws).toBe(1000)
    expect(s.index.min!).toBeLessThanOrEqual(s.index.p05!)
    expect(s.index.p95!).toBeLessThanOrEqual(s.index.max!)
    expect(Object.values(s.verdicts).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12)
  })

  it("property: the analysis is seeded and reproducible, and its shares sum to 1", () => {
    fc.assert(
      fc.property(Arb.intervention(), Arb.rubric(), fc.nat(), (i, rubric, seed) => {
        const p = Assessment.assess(i, rubric)
        const a = Sensitivity.analyse(p, rubric, { seed, draws: 100 })
        expect(Sensitivity.analyse(p, rubric, { seed, draws: 100 })).toEqual(a)
        expect(Object.values(a.verdicts).reduce((x, y) => x + y, 0)).toBeCloseTo(1, 9)
        expect(a.stability).toBe(a.verdicts[p.class])
        expect(a.robust).toBe(a.stability >= rubric.sensitivity.robustShare)
        if (p.index === undefined) expect(a.index.min).toBeUndefined()
        else {
          expect(a.index.min!).toBeGreaterThanOrEqual(0)
          expect(a.index.max!).toBeLessThanOrEqual(1)
        }
      }),
      { numRuns: 300 }
    )
  }, 120_000)

  it("property: with no spread the draws all give the base verdict", () => {
    fc.assert(
      fc.property(Arb.intervention(), (i) => {
        const p = Assessment.assess(i)
        const s = Sensitivity.analyse(p, Rubric.defaultRubric, { spread: 0, thresholdSpread: 0, draws: 20 })
        expect(s.stability).toBe(1)
        if (p.index !== undefined) expect([s.index.min, s.index.max]).toEqual([p.index, p.index])
      }),
      { numRuns: 300 }
    )
  }, 120_000)
})
