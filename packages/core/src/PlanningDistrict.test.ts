import * as Arbitrary from "effect/Arbitrary"
import * as Either from "effect/Either"
import { describe, expect, it } from "vitest"
import { formatted, roundTrip } from "../test/laws.js"
import * as Decoder from "./Decoder.js"
import * as PlanningDistrict from "./PlanningDistrict.js"
import * as Territory from "./Territory.js"

const decode = Decoder.lazy(PlanningDistrict.PlanningDistrict)

describe("PlanningDistrict", () => {
  it("property: a planning district round-trips through JSON (invariant 14)", async () => {
    await roundTrip(PlanningDistrict.PlanningDistrict, Arbitrary.make(PlanningDistrict.PlanningDistrict))
  })

  it("reads the Ambito di Legnano with the 2015-2017 programming period (seed 004, row 7)", () => {
    const result = decode({
      name: "Ambito di Legnano",
      region: "Lombardia",
      zonePlan: { start: "2015-01-01", end: "2017-12-31" }
    })
    expect(Either.isRight(result)).toBe(true)
    if (Either.isRight(result))
      expect(PlanningDistrict.referenceDate(result.right, "2023-11-10")).toBe("2015-01-01")
  })

  it("reports a malformed code and a reversed zone plan, with their paths", () => {
    const result = decode({
      name: "Ambito",
      code: "/1",
      zonePlan: { start: "2017-12-31", end: "2015-01-01" }
    })
    expect(formatted(result)).toEqual([
      "code: expected the district's code as its region writes it: 1 to 32 letters, digits, spaces, '.', '_', '/' or '-', starting with a letter or digit (for example BA/1)",
      "zonePlan.end: the period ends on 2015-01-01, before it starts on 2017-12-31: swap the two dates or correct one"
    ])
  })

  it("a territory carries its district and its municipalities' ISTAT codes; a five-digit code is refused", () => {
    const ok = Territory.decode({
      name: "Ambito di Legnano",
      district: { name: "Ambito di Legnano" },
      municipalities: [{ id: "legnano", name: "Legnano", istatCode: "015118" }],
      actors: []
    })
    expect(Either.isRight(ok)).toBe(true)
    const bad = Territory.decode({
      name: "Ambito di Legnano",
      municipalities: [{ id: "legnano", name: "Legnano", istatCode: "15118" }],
      actors: []
    })
    expect(formatted(bad)).toEqual([
      "municipalities[0].istatCode: expected the ISTAT code of the municipality: six digits, for example 015118 (Legnano)"
    ])
  })
})
