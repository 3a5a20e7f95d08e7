import * as Either from "effect/Either"
import * as fc from "fast-check"
import { describe, expect, it } from "vitest"
import { formatted } from "../test/laws.js"
import * as Dimension from "./Dimension.js"
import * as Rubric from "./Rubric.js"
import * as Trait from "./Trait.js"
import * as Arb from "./testing/assessment.js"

describe("Rubric", () => {
  it("the default rubric is valid, and every number of it is labelled editorial with its reason", () => {
    expect(Rubric.validate(Rubric.defaultRubric)).toEqual([])
    for (const s of Rubric.provenance) {
      if (s.provenance.kind === "editorial") {
        expect(s.provenance.rationale.it.length).toBeGreaterThan(20)
        expect(s.provenance.rationale.en.length).toBeGreaterThan(20)
      } else expect(s.provenance.source.file).toMatch(/^00[0-4]_/)
    }
    // The only seed-sourced entry is the ranking rule, which quotes seed 003 row 51; no number is the seeds'.
    expect(Rubric.provenance.filter((s) => s.provenance.kind === "seed").map((s) => s.name)).toEqual([
      "ranking"
    ])
    expect(Rubric.defaultRubric.evidence).toEqual({
      minCoverage: 0.5,
      minDimensions: 4,
      minDepth: 0.5,
      contradiction: "warning"
    })
    for (const t of Trait.catalogue) expect(t.weightProvenance.kind).toBe("editorial")
    expect(Rubric.defaultRubric.weights["request-benefit"]).toBe(2)
    expect(Rubric.defaultRubric.weights["passive-user"]).toBe(1)
    expect(Object.values(Rubric.defaultRubric.dimensionWeights)).toEqual(Dimension.values.map(() => 1))
    expect(Rubric.defaultRubric.thresholds).toEqual({ transitional: 1 / 3, generative: 2 / 3 })
  })

  it("property: every generated rubric is valid and builds from its own parts", () => {
    fc.assert(
      fc.property(Arb.rubric(), (r) => {
        expect(Rubric.validate(r)).toEqual([])
        expect(Rubric.make(r)).toEqual(Either.right(r))
      }),
      { numRuns: 300 }
    )
  })

  it("reports every problem at once: negative, non-finite and unknown weights, thresholds out of order", () => {
    const result = Rubric.make({
      weights: { "designed-with": -1, "co-building": Number.NaN, "made-up": 2 },
      dimensionWeights: { outcomes: Number.POSITIVE_INFINITY, health: 1 },
      thresholds: { transitional: 0.8, generative: 0.6 }
    })
    expect(formatted(result)).toEqual([
      'weights["made-up"]: no trait of catalogue version 2.0.0 has the id "made-up": use one of the ids in Trait.ids',
      'dimensionWeights.health: no dimension is called "health": use one of reference-model, intervention-focus, needs-analysis, delivery-chain, operator-role, organisation, outcomes',
      'weights["designed-with"]: expected a finite, non-negative weight, got -1: use 0 to ignore a trait, a positive number to count it',
      'weights["co-building"]: expected a finite, non-negative weight, got NaN: use 0 to ignore a trait, a positive number to count it',
      "dimensionWeights.outcomes: expected a finite, non-negative weight, got Infinity: use 0 to ignore a trait, a positive number to count it",
      "thresholds: the transitional threshold (0.8) is above the generative one (0.6): the classes must go traditional < transitional <= generative, so swap them or lower transitional"
    ])
  })

  it("rejects a dimension that could never reach a pole, and all-zero dimension weights", () => {
    const zeroed = Object.fromEntries(Trait.of("organisation", "generative").map((t) => [t.id, 0]))
    const result = Rubric.make({
      weights: zeroed,
      dimensionWeights: Object.fromEntries(Dimension.values.map((d) => [d, 0])),
      thresholds: { transitional: 0, generative: 1.5 }
    })
    expect(Either.isLeft(result) && result.left.map((p) => [p.code, p.path.join(".")])).toEqual([
      ["rule", "dimensionWeights"],
      ["rule", "weights"],
      ["invalid-value", "thresholds.transitional"],
      ["invalid-value", "thresholds.generative"]
    ])
  })

  it("reports evidence and sensitivity settings out of range", () => {
    const result = Rubric.make({
      evidence: { minCoverage: 1.5, minDimensions: 8, minDepth: -0.1 },
      sensitivity: { draws: 0, seed: -1, spread: 2 }
    })
    expect(Either.isLeft(result) && result.left.map((p) => p.path.join("."))).toEqual([
      "evidence.minCoverage",
      "evidence.minDimensions",
      "evidence.minDepth",
      "sensitivity.spread",
      "sensitivity.draws",
      "sensitivity.seed"
    ])
  })

  it("gives a verdict from index, depth and coverage: insufficient evidence below the minimums, generative only with depth", () => {
    const at = (index: number | undefined, depth: number, coverage: number, observedDimensions = 7) =>
      Rubric.verdict({ index, depth, coverage, observedDimensions })
    expect(at(undefined, 0, 0)).toBe("insufficient-evidence")
    expect(at(0.9, 0.9, 0.49)).toBe("insufficient-evidence")
    expect(at(0.9, 0.9, 0.9, 3)).toBe("insufficient-evidence")
    expect(at(0.9, 0.49, 0.9)).toBe("transitional")
    expect(at(0.9, 0.5, 0.9)).toBe("generative")
    expect(at(0.2, 0, 0.9)).toBe("traditional")
    expect(Rubric.verdicts.map(Rubric.verdictRank)).toEqual([-1, 0, 1, 2])
  })

  it("property: the verdict is monotone in the index and never generative below the minimum depth", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        Arb.rubric(),
        (x, y, depth, coverage, rubric) => {
          const [lo, hi] = x <= y ? [x, y] : [y, x]
          const v = (index: number) =>
            Rubric.verdict({ index, depth, coverage, observedDimensions: 7 }, rubric)
          expect(Rubric.verdictRank(v(lo))).toBeLessThanOrEqual(Rubric.verdictRank(v(hi)))
          if (depth < rubric.evidence.minDepth) expect(v(hi)).not.toBe("generative")
        }
      ),
      { numRuns: 2000 }
    )
  }, 120_000)

  it("decodes a rubric from JSON, never throwing", () => {
    expect(Either.isRight(Rubric.decode({ weights: { "designed-with": 3 } }))).toBe(true)
    expect(formatted(Rubric.decode({ weights: { "designed-with": "three" } }))).toEqual([
      'weights["designed-with"]: expected a number, got a text of 5 characters'
    ])
    expect(formatted(Rubric.decode({ version: "0.9.0" }))[0]).toMatch(
      /^version: this rubric was written for catalogue version "0.9.0"/
    )
  })

  it("classifies by thresholds, the generative one included", () => {
    const r = { thresholds: { transitional: 0.4, generative: 0.7 } }
    expect([0, 0.39, 0.4, 0.69, 0.7, 1].map((x) => Rubric.classify(x, r))).toEqual([
      "traditional",
      "traditional",
      "transitional",
      "transitional",
      "generative",
      "generative"
    ])
  })
})
