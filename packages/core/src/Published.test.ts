import * as Either from "effect/Either"
import { pipe } from "effect/Function"
import * as fc from "fast-check"
import { describe, expect, it } from "vitest"
import { formatted } from "../test/laws.js"
import type * as Measurement from "./Measurement.js"
import * as Published from "./Published.js"
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

describe("Published.publish", () => {
  it("hides the small Canegrate cell and a complement, and keeps the district total", () => {
    const s = Summary.fromMeasurements([
      hours("legnano", 10, 40),
      hours("canegrate", 2, 3),
      hours("rescaldina", 5, 12)
    ])
    const p = unwrap(Published.publish(s))
    const hidden = Summary.cells(s).map(
      (c) => p.cells[Summary.keyOf(c.indicator, c.period, c.municipality)]!.suppressed
    )
    // cells in key order: canegrate, legnano, rescaldina
    expect(hidden).toEqual([true, false, true])
    const total = p.totals[Summary.keyOf("ind-volunteer-hours", y2016)]!
    expect(total.suppressed === false && total.persons).toBe(55)
  })

  it("rejects a threshold out of 3..11 and a rounding out of 2..10, every problem at once, with paths", () => {
    expect(formatted(Published.publish(Summary.empty, { threshold: 1, rounding: 1 }))).toEqual([
      "threshold: expected a suppression threshold, a whole number of persons from 3 to 11, got 1: below 3 a figure could single out a person; 5 is the usual choice, 11 what health-data rules ask",
      "rounding: expected a rounding base, a whole number from 2 to 10 (5 is usual), got 1: leave it out to publish exact counts"
    ])
    for (const threshold of [0, 2, 12, 4.5, Number.NaN])
      expect(Either.isLeft(Published.publish(Summary.empty, { threshold }))).toBe(true)
    for (const threshold of [3, 5, 11])
      expect(Either.isRight(Published.publish(Summary.empty, { threshold }))).toBe(true)
  })

  it("says why a cell is hidden: small (Canegrate, 3 persons) or complementary (Rescaldina, 12, protecting Canegrate)", () => {
    const p = unwrap(
      Published.publish(
        Summary.fromMeasurements([
          hours("legnano", 10, 40),
          hours("canegrate", 2, 3),
          hours("rescaldina", 5, 12)
        ])
      )
    )
    const why = (m: string) => {
      const c = p.cells[Summary.keyOf("ind-volunteer-hours", y2016, m)]!
      return c.suppressed ? c.hidden : c.persons
    }
    expect([why("legnano"), why("canegrate"), why("rescaldina")]).toEqual([40, "small", "complementary"])
  })

  it("rounds shown counts of persons to the base after deciding on exact counts (threshold 11, rounding 5)", () => {
    const p = unwrap(
      Published.publish(
        Summary.fromMeasurements([
          hours("legnano", 10, 42),
          hours("canegrate", 2, 13),
          hours("rescaldina", 5, 10)
        ]),
        { threshold: 11, rounding: 5 }
      )
    )
    const shown = Published.cells(p).map((c) => (c.suppressed ? c.hidden : c.persons))
    // canegrate 13 -> 15; rescaldina 10 < 11 is small, so canegrate is hidden to protect it
    expect(shown).toEqual(["complementary", 40, "small"])
    expect(p.rounding).toBe(5)
    const t = Published.total(p, "ind-volunteer-hours", y2016)!
    expect(t.suppressed === false && t.persons).toBe(65)
  })

  it("property: every visible cell and total about persons counts at least the threshold", () => {
    fc.assert(
      fc.property(
        Arb.measurements({ withPersons: true }),
        fc.integer({ min: 3, max: 11 }),
        (ms, threshold) => {
          const p = unwrap(Published.publish(Summary.fromMeasurements(ms), { threshold }))
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
          const [a, b, c] = parts.map((ms) => unwrap(Published.publish(Summary.fromMeasurements(ms)))) as [
            Published.Published,
            Published.Published,
            Published.Published
          ]
          const ab = unwrap(Published.merge([a, b]))
          expect(unwrap(Published.merge([ab, c]))).toEqual(
            unwrap(Published.merge([a, unwrap(Published.merge([b, c]))]))
          )
          expect(ab).toEqual(unwrap(Published.merge([b, a])))
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
        fc.integer({ min: 3, max: 11 }),
        (partMeasurements, threshold) => {
          const raws = partMeasurements.map(Summary.fromMeasurements)
          const published = raws.map((s) => unwrap(Published.publish(s, { threshold })))
          const merged = unwrap(Published.merge(published))
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

describe("Published views", () => {
  const district = () =>
    Summary.fromMeasurements([hours("legnano", 10, 40), hours("canegrate", 2, 3), hours("rescaldina", 5, 12)])

  it("the district suppressed on its own beside its municipalities suppressed one by one gives Canegrate back: audit finds it (issue 14)", () => {
    const whole = unwrap(Published.publish(district()))
    const alone = ["legnano", "canegrate", "rescaldina"].map((m) =>
      unwrap(Published.publish(Summary.filter(district(), (c) => c.municipality === m)))
    )
    const leaks = Published.audit([whole, ...alone])
    expect(leaks.map((l) => l.kind)).toContain("derivable")
    expect(leaks.find((l) => l.kind === "derivable")?.figures[0]).toMatch(/canegrate$/)
  })

  it("every view of one publication (the parts, the roll-up, a total) read together leaks nothing", () => {
    const p = unwrap(Published.publish(district()))
    const parts = ["legnano", "canegrate", "rescaldina"].map((m) =>
      pipe(
        p,
        Published.filter((c) => c.municipality === m)
      )
    )
    expect(Published.audit([p, Published.rollUp(p), ...parts])).toEqual([])
    expect(Published.rollUp(p).cells).toEqual(p.totals)
  })

  it("property: every set of views derived from one publication passes the audit (no subtraction across views)", () => {
    fc.assert(
      fc.property(
        Arb.measurements({
          withPersons: true,
          maxLength: 14,
          indicators: ["ind-families-reached", "ind-volunteer-hours"],
          municipalities: ["legnano", "canegrate", "rescaldina", "parabiago"]
        }),
        fc.integer({ min: 3, max: 11 }),
        fc.subarray(["legnano", "canegrate", "rescaldina", "parabiago"]),
        (ms, threshold, shownApart) => {
          const p = unwrap(Published.publish(Summary.fromMeasurements(ms), { threshold }))
          const views = [
            p,
            Published.rollUp(p),
            ...shownApart.map((m) => Published.filter(p, (c) => c.municipality === m))
          ]
          expect(Published.audit(views)).toEqual([])
        }
      ),
      { numRuns: 200 }
    )
  })

  it("property: merge keeps the reason a part gave (small wins over complementary)", () => {
    fc.assert(
      fc.property(
        fc.array(Arb.measurements({ withPersons: true, maxLength: 10 }), { minLength: 2, maxLength: 3 }),
        (parts) => {
          const published = parts.map((ms) => unwrap(Published.publish(Summary.fromMeasurements(ms))))
          const merged = unwrap(Published.merge(published))
          for (const key in merged.cells) {
            const reasons = published.flatMap((x) => {
              const c = x.cells[key]
              return c?.suppressed ? [c.hidden] : []
            })
            const c = merged.cells[key]!
            if (reasons.length === 0) expect(c.suppressed).toBe(false)
            else expect(c.suppressed && c.hidden).toBe(reasons.includes("small") ? "small" : "complementary")
          }
        }
      )
    )
  })

  it("property: cells and totalCells list every view's records in key order (publish, rollUp, filter, merge), also when record keys are not the cells' own", () => {
    const inKeyOrder = (r: { readonly [key: string]: Published.Cell }) =>
      Object.keys(r)
        .sort()
        .map((k) => r[k])
    // a summary made by hand may key its cells as it likes: here by a prefix that reverses the
    // order of the indicators' groups (`~` sorts after every letter), which publish must not trust
    const rekeyed = (s: Summary.Summary, reverse: boolean): Summary.Summary => ({
      _tag: "Summary",
      cells: Object.fromEntries(
        Object.entries(s.cells).map(([k, c]) => [
          reverse ? `${c.indicator === "ind-a" ? "~" : "a"}${k}` : k,
          c
        ])
      )
    })
    fc.assert(
      fc.property(
        Arb.measurements({
          withPersons: true,
          maxLength: 14,
          indicators: ["ind-a", "ind-b"],
          municipalities: ["legnano", "canegrate", "rescaldina"]
        }),
        fc.boolean(),
        fc.constantFrom("legnano", "canegrate"),
        (ms, reverse, kept) => {
          const p = unwrap(Published.publish(rekeyed(Summary.fromMeasurements(ms), reverse)))
          const views = [
            p,
            Published.rollUp(p),
            Published.filter(p, (c) => c.municipality === kept),
            unwrap(Published.merge([p, Published.filter(p, (c) => c.municipality !== kept)]))
          ]
          for (const v of views) {
            expect(Published.cells(v)).toEqual(inKeyOrder(v.cells))
            expect(Published.totalCells(v)).toEqual(inKeyOrder(v.totals))
            // read twice, the same list (computed once)
            expect(Published.cells(v)).toBe(Published.cells(v))
          }
        }
      ),
      { numRuns: 200 }
    )
  })

  it("rejects merging parts published with different thresholds or roundings, both at once", () => {
    const a = unwrap(Published.publish(district(), { threshold: 5 }))
    const b = unwrap(Published.publish(district(), { threshold: 11, rounding: 5 }))
    expect(formatted(Published.merge([a, b]))).toHaveLength(2)
  })
})
