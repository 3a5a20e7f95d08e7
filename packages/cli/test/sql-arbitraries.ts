import { type Measurement, Problem, Summary, SummarySql } from "@welfare/core"
import * as Arb from "@welfare/core/testing"
import * as Either from "effect/Either"
import * as fc from "fast-check"

/** Values that reach every branch of the exact split: any double, ties of the millionth, zeros. */
export const exactValue: fc.Arbitrary<number> = fc.oneof(
  fc.double({ min: -1e12, max: 1e12, noNaN: true, noDefaultInfinity: true }),
  fc
    .tuple(fc.integer({ min: -1_000_000, max: 1_000_000 }), fc.integer({ min: 0, max: 999_999 }))
    .map(([n, k]) => n + (k + 0.5) / 1_000_000),
  fc.integer({ min: -100_000, max: 1_000_000 }).map((n) => n / 100),
  fc.constantFrom(0, -0, 0.5, -0.5, 2.5e-7, 5e-7, -5e-7, 1e12, -1e12, 0.1, 0.2, 0.3)
)

/** Measurements (see `Arb.measurements`) whose values are any of {@link exactValue}. */
export const exactMeasurements = (maxLength = 40): fc.Arbitrary<ReadonlyArray<Measurement.Measurement>> =>
  fc.array(
    fc
      .tuple(Arb.measurement(), exactValue, fc.boolean())
      .map(([m, v, keep]) => (m.value === undefined || keep ? m : { ...m, value: v })),
    { maxLength }
  )

/** The partial summaries of each part's rows, merged by the library. */
export const mergedParts = (rows: ReadonlyArray<SummarySql.ResultRow>): Summary.Summary => {
  const byPart = new Map<string, Array<SummarySql.ResultRow>>()
  for (const row of rows) {
    const part = String(row.part)
    byPart.set(part, [...(byPart.get(part) ?? []), row])
  }
  return Summary.mergeAll(
    [...byPart.values()].map((part) => {
      const s = SummarySql.fromRows(part)
      if (Either.isLeft(s)) throw new Error(s.left.map(Problem.format).join("\n"))
      return s.right
    })
  )
}
