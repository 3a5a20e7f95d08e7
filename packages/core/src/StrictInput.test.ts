/**
 * Input that was accepted and should not be (issue 14): each case failed
 * before its fix.
 */
import { readFileSync } from "node:fs"
import { join } from "node:path"
import * as Either from "effect/Either"
import { describe, expect, it } from "vitest"
import * as Decoder from "./Decoder.js"
import * as IndicatorAssignment from "./IndicatorAssignment.js"
import * as Problem from "./Problem.js"
import * as Territory from "./Territory.js"

const legnano = JSON.parse(
  readFileSync(join(import.meta.dirname, "..", "..", "..", "examples", "territories", "legnano.json"), "utf8")
) as Record<string, unknown> & {
  measurements: Array<Record<string, unknown>>
  assignments: Array<{ id: string; indicator: string; periods: Array<{ start: string; end: string }> }>
  indicators: Array<{ id: string; kind: string; unit?: string }>
}

const problems = (input: unknown): Array<string> => {
  const r = Territory.decode(input)
  return Either.isLeft(r) ? r.left.map(Problem.format) : []
}

describe("strict input (issue 14)", () => {
  it("the example territory of Legnano is valid", () => {
    expect(problems(legnano)).toEqual([])
  })

  it("a reversed period is a problem at its end", () => {
    const decode = Decoder.lazy(IndicatorAssignment.Period)
    const r = decode({ start: "2016-12-31", end: "2016-01-01" })
    expect(Either.isLeft(r) && r.left.map(Problem.format)).toEqual([
      "end: the period ends on 2016-01-01, before it starts on 2016-12-31: swap the two dates or correct one"
    ])
    expect(Either.isRight(decode({ start: "2016-01-01", end: "2016-01-01" }))).toBe(true)
  })

  it("a measurement in the wrong unit is a problem, never counted", () => {
    const i = legnano.measurements.findIndex((m) => m.unit === "hour")
    expect(i).toBeGreaterThanOrEqual(0)
    const measurements = legnano.measurements.map((m, j) => (j === i ? { ...m, unit: "euro" } : m))
    const found = problems({ ...legnano, measurements })
    expect(found).toHaveLength(1)
    expect(found[0]).toMatch(
      new RegExp(`^measurements\\[${i}\\]\\.unit: the indicator "[^"]+" is measured in hour, got euro`)
    )
  })

  it("a measurement whose period matches no period of its assignment is a problem, never ignored", () => {
    const measurements = legnano.measurements.map((m, j) =>
      j === 0 ? { ...m, period: { start: "2016-01-01", end: "2016-06-30" } } : m
    )
    const found = problems({ ...legnano, measurements })
    expect(found).toHaveLength(1)
    expect(found[0]).toMatch(
      /^measurements\[0\]\.period: the assignment "[^"]+" has no period 2016-01-01\/2016-06-30: use one of /
    )
  })

  it("an unknown section or a free-text note is a problem; a top-level $schema text is not", () => {
    expect(problems({ ...legnano, note: "Mario Rossi" })).toEqual([
      "note: is not a property of this object: remove it, or check its spelling"
    ])
    expect(problems({ $schema: "https://example.org/territory.schema.json", ...legnano })).toEqual([])
    expect(problems({ ...legnano, $schema: 3 })).toEqual([
      "$schema: is not a property of this object: remove it, or check its spelling"
    ])
  })
})
