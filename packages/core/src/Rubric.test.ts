import * as Either from "effect/Either"
import * as fc from "fast-check"
import { describe, expect, it } from "vitest"
import { formatted } from "../test/laws.js"
import * as Dimension from "./Dimension.js"
import * as Rubric from "./Rubric.js"
import * as Trait from "./Trait.js"
import * as Arb from "./testing/assessment.js"

describe("Rubric", () => {
  it("the default rubric is valid and derived from the seed's paragraphs", () => {
    expect(Rubric.validate(Rubric.defaultRubric)).toEqual([])
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
      'weights["made-up"]: no trait of catalogue version 1.0.0 has the id "made-up": use one of the ids in Trait.ids',
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

  it("decodes a rubric from JSON, never throwing", () => {
    expect(Either.isRight(Rubric.decode({ weights: { "designed-with": 3 } }))).toBe(true)
    expect(formatted(Rubric.decode({ weights: { "designed-with": "three" } }))).toEqual([
      'weights["designed-with"]: expected a number, got "three"'
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
