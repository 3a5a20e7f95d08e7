import * as Either from "effect/Either"
import { describe, expect, it } from "vitest"
import { formatted, roundTrip } from "../test/laws.js"
import * as Decoder from "./Decoder.js"
import * as Measurement from "./Measurement.js"
import * as Arb from "./testing/evaluation.js"

const decode = Decoder.lazy(Measurement.Measurement)
// the 2016 volunteer hours of Legnano, recorded by the Casa del Volontariato (seed 004)
const legnano2016 = {
  id: "msr-hours-legnano-2016",
  indicator: "ind-volunteer-hours",
  assignment: "asg-volunteer-hours",
  period: { start: "2016-01-01", end: "2016-12-31" },
  municipality: "legnano",
  value: 3100,
  unit: "hour",
  measuredBy: "casa-volontariato",
  source: "administrative-data",
  recordedOn: "2017-01-31"
}

describe("Measurement", () => {
  it("decodes a Legnano measurement of volunteer hours", () => {
    const m = decode(legnano2016)
    expect(Either.isRight(m) && [m.right.value, m.right.unit, m.right.municipality]).toEqual([
      3100,
      "hour",
      "legnano"
    ])
  })

  it("property: round trip, with and without ids, recording dates and persons (invariant 14)", () =>
    roundTrip(Measurement.Measurement, Arb.measurement({ withRecord: true }), 300))

  it("refuses NaN, Infinity and values beyond the exact range, each with its path", () => {
    expect(formatted(decode({ ...legnano2016, value: Number.NaN }))).toEqual([
      "value: expected a finite value, got NaN"
    ])
    expect(formatted(decode({ ...legnano2016, value: Number.NEGATIVE_INFINITY }))).toEqual([
      "value: expected a finite value, got -Infinity"
    ])
    expect(formatted(decode({ ...legnano2016, value: 2e12 }))).toEqual([
      "value: expected a value between -1000000000000 and 1000000000000, got 2000000000000"
    ])
    expect(formatted(decode({ ...legnano2016, persons: Number.POSITIVE_INFINITY })).length).toBe(1)
  })
})
