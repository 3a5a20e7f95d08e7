import * as Arbitrary from "effect/Arbitrary"
import * as Either from "effect/Either"
import * as fc from "fast-check"
import { describe, expect, it } from "vitest"
import { formatted, roundTrip } from "../test/laws.js"
import * as Decoder from "./Decoder.js"
import * as Indicator from "./Indicator.js"
import * as IndicatorAssignment from "./IndicatorAssignment.js"
import * as Problem from "./Problem.js"
import * as Arb from "./testing/evaluation.js"

const volunteerHours = {
  id: "asg-volunteer-hours",
  indicator: "ind-volunteer-hours",
  scope: { type: "territory" },
  responsible: ["casa-volontariato", "ciessevi"],
  baseline: { date: "2015-12-31", value: 4200 },
  periods: [
    { start: "2016-01-01", end: "2016-12-31", target: 4600 },
    { start: "2017-01-01", end: "2017-12-31", target: 5000 }
  ]
}

describe("IndicatorDefinition", () => {
  it("property: round trip (invariant 14)", () =>
    roundTrip(Indicator.IndicatorDefinition, Arb.indicatorDefinition(), 200))
})

describe("IndicatorAssignment", () => {
  it("decodes the Legnano volunteer-hours assignment (seed 004)", () => {
    const a = Decoder.lazy(IndicatorAssignment.IndicatorAssignment)(volunteerHours)
    expect(Either.isRight(a) && a.right.periods.map((p) => p.target)).toEqual([4600, 5000])
  })

  it("property: round trip of realistic assignments (invariant 14)", () =>
    roundTrip(IndicatorAssignment.IndicatorAssignment, Arb.indicatorAssignment(), 200))

  it("property: round trip of any assignment the schema admits (invariant 14)", () =>
    roundTrip(
      IndicatorAssignment.IndicatorAssignment,
      Arbitrary.make(IndicatorAssignment.IndicatorAssignment),
      200
    ))

  it("refuses NaN and Infinity in targets, ranges and baselines, every one at once, with paths", () => {
    const decode = Decoder.lazy(IndicatorAssignment.IndicatorAssignment)
    const result = decode({
      ...volunteerHours,
      baseline: { date: "2015-12-31", value: Number.NaN },
      periods: [
        { start: "2016-01-01", end: "2016-12-31", target: { min: Number.NEGATIVE_INFINITY, max: 5000 } },
        { start: "2017-01-01", end: "2017-12-31", target: { min: 4000, max: Number.NaN } }
      ]
    })
    // a target is a number, a range or a level: the union also says what the other shapes lacked
    expect(formatted(result).filter((m) => m.includes("finite"))).toEqual([
      "baseline.value: expected a finite number, got NaN: NaN and Infinity cannot be written in JSON (they become null), give a number",
      "periods[0].target.min: expected a finite number, got -Infinity: NaN and Infinity cannot be written in JSON (they become null), give a number",
      "periods[1].target.max: expected a finite number, got NaN: NaN and Infinity cannot be written in JSON (they become null), give a number"
    ])
    expect(
      formatted(
        decode({
          ...volunteerHours,
          periods: [{ ...volunteerHours.periods[0], target: Number.POSITIVE_INFINITY }]
        })
      )
    ).toContain(
      "periods[0].target: expected a finite number, got Infinity: NaN and Infinity cannot be written in JSON (they become null), give a number"
    )
  })

  it("property: a target range holding NaN or an infinity never decodes (what JSON would turn into null)", () => {
    const decode = Decoder.lazy(IndicatorAssignment.Range)
    fc.assert(
      fc.property(
        fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY),
        fc.integer({ min: -1000, max: 1000 }),
        fc.boolean(),
        (bad, good, badIsMin) => {
          const r = decode(badIsMin ? { min: bad, max: good } : { min: good, max: bad })
          expect(formatted(r).map((m) => m.split(":")[0])).toEqual([badIsMin ? "min" : "max"])
        }
      ),
      { numRuns: 50 }
    )
  })
})

describe("Indicator.unknownLevel", () => {
  const quality = {
    id: "ind-network-quality",
    kind: "qualitative",
    label: { it: "Qualità della rete", en: "Network quality" },
    scale: [
      { code: "lvl-weak", label: { it: "Debole", en: "Weak" } },
      { code: "lvl-good", label: { it: "Buona", en: "Good" } }
    ],
    direction: "increase",
    rba: "how-well"
  } as unknown as Indicator.Qualitative

  it("finds nothing for a level on the scale, and names the scale for one off it", () => {
    expect(Indicator.unknownLevel(quality, "lvl-good", ["measurements", 0, "level"])).toEqual([])
    expect(
      Indicator.unknownLevel(quality, "lvl-great", ["measurements", 4, "level"]).map(Problem.formatDiagnostic)
    ).toEqual([
      'error measurements[4].level: the level "lvl-great" is not on the scale of "ind-network-quality": use one of lvl-weak, lvl-good (IATI)'
    ])
  })
})
