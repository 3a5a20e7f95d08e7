import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Stream from "effect/Stream"
import * as fc from "fast-check"
import { describe, expect, it } from "vitest"
import { formatted } from "../test/laws.js"
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

const unwrap = <A>(r: Either.Either<A, unknown>): A => {
  if (Either.isLeft(r)) throw new Error(JSON.stringify(r.left))
  return r.right
}

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

describe("Summary.suppress", () => {
  it("hides the small Canegrate cell and a complement, and keeps the district total", () => {
    const s = Summary.fromMeasurements([
      hours("legnano", 10, 40),
      hours("canegrate", 2, 3),
      hours("rescaldina", 5, 12)
    ])
    const p = unwrap(Summary.suppress(s))
    const hidden = Summary.cells(s).map(
      (c) => p.cells[Summary.keyOf(c.indicator, c.period, c.municipality)]!.suppressed
    )
    // cells in key order: canegrate, legnano, rescaldina
    expect(hidden).toEqual([true, false, true])
    const total = p.totals[Summary.keyOf("ind-volunteer-hours", y2016)]!
    expect(total.suppressed === false && total.persons).toBe(55)
  })

  it("rejects a threshold below 1, with its path", () => {
    expect(formatted(Summary.suppress(Summary.empty, { threshold: 0 }))).toEqual([
      "threshold: expected a suppression threshold of at least 1 person, got 0: a threshold below 1 would publish cells about single people"
    ])
    expect(Either.isLeft(Summary.suppress(Summary.empty, { threshold: Number.NaN }))).toBe(true)
    expect(Either.isRight(Summary.suppress(Summary.empty, { threshold: 1 }))).toBe(true)
  })

  it("property: every visible cell and total about persons counts at least the threshold", () => {
    fc.assert(
      fc.property(
        Arb.measurements({ withPersons: true }),
        fc.integer({ min: 1, max: 20 }),
        (ms, threshold) => {
          const p = unwrap(Summary.suppress(Summary.fromMeasurements(ms), { threshold }))
          for (const c of [...Object.values(p.cells), ...Object.values(p.totals)])
            if (!c.suppressed && c.personCounted > 0) expect(c.persons).toBeGreaterThanOrEqual(threshold)
        }
      )
    )
  })

  it("property: merging published summaries is associative and commutative, and keeps what a part hid hidden", () => {
    fc.assert(
      fc.property(
        fc.array(Arb.measurements({ withPersons: true, maxLength: 15 }), { minLength: 3, maxLength: 3 }),
        (parts) => {
          const [a, b, c] = parts.map((ms) => unwrap(Summary.suppress(Summary.fromMeasurements(ms)))) as [
            Summary.Published,
            Summary.Published,
            Summary.Published
          ]
          const ab = unwrap(Summary.mergePublished([a, b]))
          expect(unwrap(Summary.mergePublished([ab, c]))).toEqual(
            unwrap(Summary.mergePublished([a, unwrap(Summary.mergePublished([b, c]))]))
          )
          expect(ab).toEqual(unwrap(Summary.mergePublished([b, a])))
          for (const part of [a, b])
            for (const key in part.cells)
              if (part.cells[key]!.suppressed) expect(ab.cells[key]!.suppressed).toBe(true)
        }
      )
    )
  })

  it("property: no hidden small cell can be recovered by subtracting published figures, in one summary or across merged parts", () => {
    fc.assert(
      fc.property(
        fc.array(
          Arb.measurements({
            withPersons: true,
            maxLength: 12,
            indicators: ["ind-families-reached"],
            municipalities: ["legnano", "canegrate", "rescaldina", "parabiago"]
          }),
          { minLength: 1, maxLength: 3 }
        ),
        fc.integer({ min: 2, max: 12 }),
        (partMeasurements, threshold) => {
          const raws = partMeasurements.map(Summary.fromMeasurements)
          const published = raws.map((s) => unwrap(Summary.suppress(s, { threshold })))
          const merged = unwrap(Summary.mergePublished(published))
          // The unknowns: the persons of every raw cell of every part.
          const atoms: Array<{ part: number; key: string; group: string; persons: number; small: boolean }> =
            []
          raws.forEach((s, part) => {
            for (const key in s.cells) {
              const c = s.cells[key]!
              atoms.push({
                part,
                key,
                group: Summary.keyOf(c.indicator, c.period),
                persons: c.persons,
                small: c.personCounted > 0 && c.persons < threshold
              })
            }
          })
          const row = (pred: (a: (typeof atoms)[number]) => boolean) => atoms.map((a) => (pred(a) ? 1 : 0))
          // What an attacker knows: every visible figure, each the sum of some atoms.
          const rows: Array<Array<number>> = []
          published.forEach((p, part) => {
            for (const key in p.cells)
              if (!p.cells[key]!.suppressed) rows.push(row((a) => a.part === part && a.key === key))
            for (const g in p.totals)
              if (!p.totals[g]!.suppressed) rows.push(row((a) => a.part === part && a.group === g))
          })
          for (const key in merged.cells)
            if (!merged.cells[key]!.suppressed) rows.push(row((a) => a.key === key))
          for (const g in merged.totals)
            if (!merged.totals[g]!.suppressed) rows.push(row((a) => a.group === g))
          const r = rank(rows)
          atoms.forEach((a, i) => {
            if (!a.small) return
            const unit = atoms.map((_, j) => (j === i ? 1 : 0))
            // the attacker recovers the atom exactly when its unit vector lies in the span of the published rows
            expect({ atom: `${a.part}:${a.key}`, recoverable: rank([...rows, unit]) === r }).toEqual({
              atom: `${a.part}:${a.key}`,
              recoverable: false
            })
          })
        }
      ),
      { numRuns: 200 }
    )
  })
})

/** The rank of a small matrix, by Gaussian elimination. */
const rank = (rows: ReadonlyArray<ReadonlyArray<number>>): number => {
  const m = rows.map((r) => [...r])
  let rk = 0
  const cols = m[0]?.length ?? 0
  for (let c = 0; c < cols && rk < m.length; c++) {
    let pivot = -1
    for (let r = rk; r < m.length; r++) if (Math.abs(m[r]![c]!) > 1e-9) pivot = r
    if (pivot < 0) continue
    ;[m[rk], m[pivot]] = [m[pivot]!, m[rk]!]
    for (let r = 0; r < m.length; r++) {
      if (r === rk) continue
      const f = m[r]![c]! / m[rk]![c]!
      if (f !== 0) for (let k = c; k < cols; k++) m[r]![k]! -= f * m[rk]![k]!
    }
    rk++
  }
  return rk
}

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
