import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Stream from "effect/Stream"
import * as fc from "fast-check"
import { describe, expect, it } from "vitest"
import type * as Measurement from "./Measurement.js"
import * as Summary from "./Summary.js"
import * as Arb from "./testing/evaluation.js"

const y2016 = { start: "2016-01-01", end: "2016-12-31" }
const hours = (municipality: string, value: number, persons?: number): Measurement.Measurement =>
  ({
    indicator: "ind-volunteer-hours",
    assignment: "asg-volunteer-hours",
    period: y2016,
    municipality,
    value,
    unit: "hour",
    measuredBy: "casa-volontariato",
    source: "administrative-data",
    ...(persons === undefined ? {} : { persons })
  }) as Measurement.Measurement

/** Splits a list into `k` parts by the picks (each item to part `pick % k`). */
const split = <A>(xs: ReadonlyArray<A>, picks: ReadonlyArray<number>, k: number): Array<Array<A>> => {
  const parts: Array<Array<A>> = Array.from({ length: k }, () => [])
  xs.forEach((x, i) => {
    parts[(picks[i % picks.length] ?? 0) % k]!.push(x)
  })
  return parts
}

describe("Summary", () => {
  it("sums the Legnano volunteer hours exactly, per municipality and for the district", () => {
    const s = Summary.fromMeasurements([
      hours("legnano", 0.1),
      hours("legnano", 0.2),
      hours("canegrate", 4200)
    ])
    const legnano = Summary.get(s, "ind-volunteer-hours", y2016, "legnano")!
    expect(Summary.sum(legnano)).toBe(0.3)
    expect([legnano.count, legnano.min, legnano.max]).toEqual([2, 0.1, 0.2])
    const district = Summary.total(s, "ind-volunteer-hours", y2016)!
    expect(Summary.sum(district)).toBe(4200.3)
    expect(Summary.aggregate(district, "mean")).toBeCloseTo(1400.1, 9)
    expect(Summary.aggregate(district, "max")).toBe(4200)
    expect(Object.keys(Summary.rollUp(s).cells)).toEqual(["ind-volunteer-hours|2016-01-01/2016-12-31"])
  })

  it("property: empty is the identity of merge (invariant 13)", () => {
    fc.assert(
      fc.property(Arb.measurements(), (ms) => {
        const s = Summary.fromMeasurements(ms)
        expect(Summary.merge(Summary.empty, s)).toEqual(s)
        expect(Summary.merge(s, Summary.empty)).toEqual(s)
      })
    )
  })

  it("property: merge is associative and commutative, exactly (invariant 13)", () => {
    fc.assert(
      fc.property(Arb.measurements(), Arb.measurements(), Arb.measurements(), (xs, ys, zs) => {
        const [a, b, c] = [xs, ys, zs].map(Summary.fromMeasurements) as [
          Summary.Summary,
          Summary.Summary,
          Summary.Summary
        ]
        expect(Summary.merge(Summary.merge(a, b), c)).toEqual(Summary.merge(a, Summary.merge(b, c)))
        expect(Summary.merge(a, b)).toEqual(Summary.merge(b, a))
        expect(Summary.equals(Summary.merge(a, b), Summary.merge(b, a))).toBe(true)
      })
    )
  })

  it("property: summarising the parts and merging equals summarising the whole (invariant 13)", () => {
    fc.assert(
      fc.property(
        Arb.measurements({ maxLength: 60 }),
        fc.array(fc.nat(), { minLength: 1, maxLength: 60 }),
        fc.integer({ min: 1, max: 6 }),
        (ms, picks, k) => {
          const parts = split(ms, picks, k)
          const whole = Summary.fromMeasurements(ms)
          expect(Summary.mergeAll(parts.map(Summary.fromMeasurements))).toEqual(whole)
          expect(Summary.rollUp(Summary.mergeAll(parts.map(Summary.fromMeasurements)))).toEqual(
            Summary.rollUp(whole)
          )
        }
      )
    )
  })

  it("property: by municipality then merged equals the district, and rolling up commutes with merge (invariant 13)", () => {
    fc.assert(
      fc.property(Arb.measurements({ maxLength: 60 }), (ms) => {
        const byMunicipality = new Map<string, Array<Measurement.Measurement>>()
        for (const m of ms) {
          const k = m.municipality ?? ""
          byMunicipality.set(k, [...(byMunicipality.get(k) ?? []), m])
        }
        const parts = [...byMunicipality.values()].map(Summary.fromMeasurements)
        expect(Summary.mergeAll(parts.map(Summary.rollUp))).toEqual(
          Summary.rollUp(Summary.fromMeasurements(ms))
        )
      })
    )
  })

  it("property: the order of measurements never changes a summary (invariant 4)", () => {
    fc.assert(
      fc.property(
        Arb.measurements().chain((ms) =>
          fc.tuple(fc.constant(ms), fc.shuffledSubarray([...ms], { minLength: ms.length }))
        ),
        ([ms, shuffled]) => {
          expect(Summary.fromMeasurements(shuffled)).toEqual(Summary.fromMeasurements(ms))
        }
      )
    )
  })

  it("reads an AsyncIterable like an Iterable, and a summary survives structured cloning", async () => {
    const ms = fc.sample(Arb.measurement(), { numRuns: 300, seed: 7 })
    async function* stream() {
      for (const m of ms) yield m
    }
    const s = await Summary.fromAsync(stream())
    expect(s).toEqual(Summary.fromMeasurements(ms))
    expect(structuredClone(s)).toEqual(s)
    expect(JSON.parse(JSON.stringify(s))).toEqual(s)
  })

  it("property: an Effect Stream, in chunks of any size, gives the summary of the same measurements", async () => {
    await fc.assert(
      fc.asyncProperty(Arb.measurements(), fc.integer({ min: 1, max: 7 }), async (ms, size) => {
        const stream = Stream.rechunk(Stream.fromIterable(ms), size)
        expect(await Effect.runPromise(Summary.fromStream(stream))).toEqual(Summary.fromMeasurements(ms))
      }),
      { numRuns: 50 }
    )
  })

  it("reads a Stream afresh on every run, and fails with the stream's own error", async () => {
    const effect = Summary.fromStream(Stream.fromIterable([hours("legnano", 120), hours("canegrate", 30)]))
    const [first, second] = await Effect.runPromise(Effect.all([effect, effect]))
    expect(Summary.sum(Summary.get(first, "ind-volunteer-hours", y2016, "legnano")!)).toBe(120)
    expect(second).toEqual(first)
    const failing = Stream.concat(
      Stream.make(hours("legnano", 1)),
      Stream.fail({ _tag: "LineError", line: 2 } as const)
    )
    expect(await Effect.runPromise(Effect.either(Summary.fromStream(failing)))).toEqual(
      Either.left({ _tag: "LineError", line: 2 })
    )
  })

  it("property: merging leaves its parts unchanged, whatever is merged or accumulated after (invariant 13)", () => {
    fc.assert(
      fc.property(Arb.measurements(), Arb.measurements(), Arb.measurements(), (xs, ys, zs) => {
        const acc = Summary.accumulator()
        for (const m of xs) acc.add(m)
        const a = acc.result()
        const b = Summary.fromMeasurements(ys)
        const before = JSON.stringify([a, b])
        const ab = Summary.merge(a, b)
        const abJson = JSON.stringify(ab)
        // further merges, and further additions to the accumulator a came from
        Summary.mergeAll([ab, b, a, ab])
        for (const m of zs) acc.add(m)
        acc.addSummary(ab)
        expect(JSON.stringify([a, b])).toBe(before)
        expect(JSON.stringify(ab)).toBe(abJson)
        expect(Summary.equals(acc.result(), Summary.mergeAll([a, Summary.fromMeasurements(zs), ab]))).toBe(
          true
        )
      })
    )
  })

  it("normalises a part whose sum is not carried (a hand-written JSON summary) so that merging stays exact", () => {
    const cell = Summary.get(
      Summary.fromMeasurements([hours("legnano", 2.5)]),
      "ind-volunteer-hours",
      y2016,
      "legnano"
    )!
    const key = Summary.keyOf("ind-volunteer-hours", y2016, "legnano")
    const handWritten: Summary.Summary = {
      _tag: "Summary",
      cells: { [key]: { ...cell, units: 1, micros: 1_500_000, min: -0 } }
    }
    const merged = Summary.mergeAll([handWritten])
    expect([
      merged.cells[key]!.units,
      merged.cells[key]!.micros,
      Object.is(merged.cells[key]!.min, 0)
    ]).toEqual([2, 500_000, true])
    expect(
      Summary.sum(Summary.merge(handWritten, Summary.fromMeasurements([hours("legnano", 0.5)])).cells[key]!)
    ).toBe(3)
  })

  it("memory is bounded by the cells, not by the measurements", () => {
    const many = Array.from({ length: 5000 }, (_, i) => hours(i % 2 === 0 ? "legnano" : "canegrate", i))
    expect(Object.keys(Summary.fromMeasurements(many).cells)).toHaveLength(2)
  })
})

describe("Summary levels named like object properties", () => {
  const judged = (level: string): Measurement.Measurement =>
    ({
      indicator: "ind-network-quality",
      assignment: "asg-network-quality",
      period: y2016,
      level,
      measuredBy: "forum-terzo-settore",
      source: "focus-group"
    }) as Measurement.Measurement

  it("counts a level called valueOf, toString or __proto__ like any other, also when merging", () => {
    const levels = ["valueOf", "valueOf", "__proto__", "toString", "lvl-good"]
    const whole = Summary.fromMeasurements(levels.map(judged))
    const cell = Object.values(whole.cells)[0]!
    expect(Object.keys(cell.levels).sort()).toEqual(["__proto__", "lvl-good", "toString", "valueOf"])
    expect([
      cell.levels.valueOf,
      cell.levels.toString,
      Object.getOwnPropertyDescriptor(cell.levels, "__proto__")?.value
    ]).toEqual([2, 1, 1])
    const merged = Summary.merge(
      Summary.fromMeasurements(levels.slice(0, 2).map(judged)),
      Summary.fromMeasurements(levels.slice(2).map(judged))
    )
    expect(Summary.equals(merged, whole)).toBe(true)
    expect(Object.values(merged.cells)[0]!.levels.valueOf).toBe(2)
  })
})
