/**
 * Summaries: the aggregate of measurements, keyed by indicator x period (x
 * municipality when the measurement names one), holding for each cell the
 * count, the exact sum, the minimum, the maximum, the persons the figures are
 * about, and the count of each level of a qualitative scale.
 *
 * A summary is a commutative monoid ({@link empty}, {@link merge}): evaluating
 * the parts of a territory and merging the results equals evaluating the
 * whole (FRAMEWORK.md, invariant 13). Municipalities summarise their own
 * measurements, the district merges them, the region merges the districts.
 * Sums are kept exactly as an integer part and a count of millionths, so
 * merging in any order gives the very same numbers (values are rounded to the
 * millionth of their unit, and totals are exact while below 9 x 10^15).
 *
 * A summary is plain data (it can be structured-cloned to a worker thread or
 * written as JSON), and its size is bounded by indicators x periods x
 * municipalities, never by the number of measurements, which it reads as an
 * `Iterable`, an `AsyncIterable` or an Effect `Stream`.
 *
 * A summary holds every small count: it is for computing, never for
 * publishing. Reports and exports take a `Published` summary (the
 * `Published` module), made by `Published.publish`, which hides small counts
 * with complementary suppression and keeps that decision in every view.
 *
 * @since 0.1.0
 */
import * as Effect from "effect/Effect"
import { dual } from "effect/Function"
import type * as Stream from "effect/Stream"
import type * as Actor from "./Actor.js"
import type * as Indicator from "./Indicator.js"
import type * as IndicatorAssignment from "./IndicatorAssignment.js"
import * as Fold from "./internal/kernel/fold.js"
import type * as Measurement from "./Measurement.js"

/**
 * One cell of a summary: the figures of one indicator in one period (and one
 * municipality, when given).
 *
 * - `count`: measurements; `numeric`: those with a value.
 * - `units` + `micros` / 1,000,000: the exact sum of the values (see {@link sum}).
 * - `min`, `max`: of the values, `null` when there is none.
 * - `persons`: the persons the figures are about, summed; `personCounted`: the
 *   measurements that said how many persons they are about (a cell is about
 *   persons when this is positive).
 * - `levels`: how many judgements gave each level of a qualitative scale.
 *
 * @category models
 * @since 0.1.0
 */
export interface Cell {
  readonly indicator: Indicator.IndicatorId
  readonly period: IndicatorAssignment.Period
  readonly municipality?: Actor.MunicipalityId
  readonly count: number
  readonly numeric: number
  readonly units: number
  readonly micros: number
  readonly min: number | null
  readonly max: number | null
  readonly persons: number
  readonly personCounted: number
  readonly levels: { readonly [level: string]: number }
}

/**
 * A summary: its cells by key (`indicator|start/end|municipality`).
 *
 * @category models
 * @since 0.1.0
 */
export interface Summary {
  readonly _tag: "Summary"
  readonly cells: { readonly [key: string]: Cell }
}

/**
 * The summary of no measurement: the identity of {@link merge}.
 *
 * @category constants
 * @since 0.1.0
 */
export const empty: Summary = { _tag: "Summary", cells: {} }

/**
 * The key of a cell: `indicator|start/end` and, for a municipality, `|municipality`.
 *
 * @category getters
 * @since 0.1.0
 */
export const keyOf: (indicator: string, period: IndicatorAssignment.Period, municipality?: string) => string =
  Fold.keyOf

const groupKeyOf = (cell: Pick<Cell, "indicator" | "period">): string => keyOf(cell.indicator, cell.period)

// The fold of cells is the kernel's (internal/kernel/fold.ts), shared with the CLI's shard
// workers: a mutable cell there is a Cell here.
type MutableCell = Fold.MutableCell
const { addInto, copy, isNormal, newCell, normalise } = Fold
const asCell = (c: MutableCell): Cell => c as Cell

// The largest record V8 keeps in fast mode when copied at once (its descriptor limit is 1020):
// such a record is enumerated through a cached key list, which makes merging many small
// summaries several times faster than from a dictionary-mode object built key by key.
const FAST_RECORD = 1000

/** A plain record of cells from parallel lists of keys and cells. */
const record = <C>(keys: ReadonlyArray<string>, values: ReadonlyArray<C>): { [key: string]: C } => {
  const out: { [key: string]: C } = {}
  for (let i = 0; i < keys.length; i++) out[keys[i]!] = values[i]!
  // built key by key, a record of more than a few keys is a dictionary; its copy is not
  return keys.length <= FAST_RECORD ? { ...out } : out
}

/**
 * A mutable accumulator, for folding very large inputs in one pass. Its
 * `result` is a fresh, plain {@link Summary}.
 *
 * @category models
 * @since 0.1.0
 */
export interface Accumulator {
  /** Adds one measurement. */
  readonly add: (m: Measurement.Measurement) => void
  /** Adds every cell of a summary. */
  readonly addSummary: (s: Summary) => void
  /** The summary of everything added so far. */
  readonly result: () => Summary
}

/**
 * A new, empty accumulator.
 *
 * @category constructors
 * @since 0.1.0
 */
export const accumulator = (): Accumulator => {
  // every cell by key, and an index indicator -> start -> end -> municipality ("" for none) so
  // that adding a measurement builds no key
  let flat = new Map<string, MutableCell>()
  // built on the first measurement only: merging summaries needs no index
  let index: Fold.Index | undefined
  let shared = false
  const register = (key: string, c: MutableCell): void => {
    flat.set(key, c)
    if (index !== undefined) Fold.indexCell(index, c)
  }
  const unshare = (): void => {
    if (!shared) return
    const cells = flat
    flat = new Map()
    index = undefined
    for (const [key, c] of cells) register(key, copy(c))
    shared = false
  }
  const made = (key: string, c: MutableCell): void => {
    flat.set(key, c)
  }
  return {
    add: (m) => {
      if (shared) unshare()
      if (index === undefined) {
        index = new Map()
        for (const c of flat.values()) Fold.indexCell(index, c)
      }
      Fold.add(
        Fold.cellFor(index, m.indicator, m.period.start, m.period.end, m.municipality, made),
        m.value,
        m.level,
        m.persons
      )
    },
    addSummary: (s) => {
      if (shared) unshare()
      for (const key in s.cells) {
        const cell = s.cells[key]!
        const into = flat.get(key)
        if (into === undefined) register(key, copy(cell))
        else addInto(into, cell)
      }
    },
    result: () => {
      const keys: Array<string> = []
      const values: Array<Cell> = []
      for (const [key, c] of flat) {
        normalise(c)
        keys.push(key)
        values.push(asCell(c))
      }
      // the cells now belong to the result: they are copied before any further change
      shared = true
      return { _tag: "Summary", cells: record(keys, values) }
    }
  }
}

/**
 * Summarises measurements, read once as an `Iterable` (an array, a generator
 * over a file, ...). Memory is bounded by the cells, not by the measurements.
 *
 * @example
 * ```ts
 * import * as assert from "node:assert"
 * import { Summary } from "@welfare/core"
 *
 * const period = { start: "2016-01-01", end: "2016-12-31" }
 * const m = (municipality: string, value: number) =>
 *   ({ indicator: "ind-hours", assignment: "asg-1", period, municipality, value, unit: "hour", measuredBy: "casa-volontariato", source: "administrative-data" }) as never
 * const s = Summary.fromMeasurements([m("legnano", 0.1), m("legnano", 0.2), m("canegrate", 5)])
 * const legnano = Summary.get(s, "ind-hours", period, "legnano")!
 * assert.strictEqual(Summary.sum(legnano), 0.3)
 * assert.strictEqual(Summary.sum(Summary.total(s, "ind-hours", period)!), 5.3)
 * ```
 *
 * @category constructors
 * @since 0.1.0
 */
export const fromMeasurements = (measurements: Iterable<Measurement.Measurement>): Summary => {
  const acc = accumulator()
  for (const m of measurements) acc.add(m)
  return acc.result()
}

/**
 * Summarises measurements read as an `AsyncIterable` (for example a Node
 * stream of parsed lines), in one pass.
 *
 * @category constructors
 * @since 0.1.0
 */
export const fromAsync = async (
  measurements: AsyncIterable<Measurement.Measurement> | Iterable<Measurement.Measurement>
): Promise<Summary> => {
  const acc = accumulator()
  for await (const m of measurements) acc.add(m)
  return acc.result()
}

// effect/Stream is loaded on the first use of fromStream, not with the library: it adds about
// 40 ms to the import of @welfare/core, which most programs (and the CLI's cold start) never need.
let streamModule: Promise<typeof Stream> | undefined
const loadStream = Effect.promise(() => {
  streamModule ??= import("effect/Stream")
  return streamModule
})

/**
 * Summarises measurements read as an Effect `Stream`, chunk by chunk, in one
 * pass: memory is bounded by the cells, not by the stream. The stream's error
 * and requirements are the effect's; each run of the effect reads the stream
 * afresh into a new summary.
 *
 * @example
 * ```ts
 * import * as assert from "node:assert"
 * import { Effect, Stream } from "effect"
 * import { Summary } from "@welfare/core"
 *
 * const period = { start: "2016-01-01", end: "2016-12-31" }
 * const m = (municipality: string, value: number) =>
 *   ({ indicator: "ind-hours", assignment: "asg-1", period, municipality, value, unit: "hour", measuredBy: "casa-volontariato", source: "administrative-data" }) as never
 * const stream = Stream.fromIterable([m("legnano", 120), m("canegrate", 30), m("legnano", 0.5)])
 * const s = await Effect.runPromise(Summary.fromStream(stream))
 * assert.strictEqual(Summary.sum(Summary.get(s, "ind-hours", period, "legnano")!), 120.5)
 * ```
 *
 * @category constructors
 * @since 0.1.0
 */
export const fromStream = <E, R>(
  measurements: Stream.Stream<Measurement.Measurement, E, R>
): Effect.Effect<Summary, E, R> =>
  Effect.flatMap(loadStream, (S) =>
    Effect.suspend(() => {
      const acc = accumulator()
      return Effect.map(
        S.runForEachChunk(measurements, (chunk) =>
          Effect.sync(() => {
            for (const m of chunk) acc.add(m)
          })
        ),
        () => acc.result()
      )
    })
  )

/**
 * Merges two summaries, cell by cell: associative, commutative, with
 * {@link empty} as identity, and exact.
 *
 * @example
 * ```ts
 * import * as assert from "node:assert"
 * import { pipe } from "effect"
 * import { Summary } from "@welfare/core"
 *
 * const period = { start: "2016-01-01", end: "2016-12-31" }
 * const m = (municipality: string, value: number) =>
 *   ({ indicator: "ind-hours", assignment: "asg-1", period, municipality, value, unit: "hour", measuredBy: "casa-volontariato", source: "administrative-data" }) as never
 * const legnano = Summary.fromMeasurements([m("legnano", 120)])
 * const canegrate = Summary.fromMeasurements([m("canegrate", 30)])
 * const district = pipe(legnano, Summary.merge(canegrate))
 * assert.deepStrictEqual(district, Summary.fromMeasurements([m("canegrate", 30), m("legnano", 120)]))
 * ```
 *
 * @category combinators
 * @since 0.1.0
 */
export const merge: {
  (that: Summary): (self: Summary) => Summary
  (self: Summary, that: Summary): Summary
} = dual(2, (self: Summary, that: Summary): Summary => mergeAll([self, that]))

/**
 * Merges any number of summaries in one pass (for a district, the summaries of
 * its municipalities). A cell held by one part only is shared with that part
 * (summaries are immutable data); a new cell is made only where parts meet.
 *
 * @example
 * ```ts
 * import * as assert from "node:assert"
 * import { Summary } from "@welfare/core"
 *
 * const period = { start: "2016-01-01", end: "2016-12-31" }
 * const m = (municipality: string, value: number) =>
 *   ({ indicator: "ind-hours", assignment: "asg-1", period, municipality, value, unit: "hour", measuredBy: "casa-volontariato", source: "administrative-data" }) as never
 * const parts = [m("legnano", 120), m("canegrate", 30), m("parabiago", 45.5)].map((x) => Summary.fromMeasurements([x]))
 * const district = Summary.rollUp(Summary.mergeAll(parts))
 * assert.strictEqual(Summary.sum(Summary.get(district, "ind-hours", period)!), 195.5)
 * ```
 *
 * @category combinators
 * @since 0.1.0
 */
export const mergeAll = (summaries: Iterable<Summary>): Summary => {
  // the cells by key, as parallel lists: position of each key, its cell, and whether the cell
  // was made here (and may be changed) or belongs to a part (and is shared as it is)
  const index = new Map<string, number>()
  const keys: Array<string> = []
  const values: Array<Cell> = []
  const made: Array<MutableCell | undefined> = []
  for (const s of summaries) {
    const cells = s.cells
    for (const key in cells) {
      const c = cells[key]!
      const i = index.get(key)
      if (i === undefined) {
        index.set(key, keys.length)
        keys.push(key)
        if (isNormal(c)) {
          values.push(c)
          made.push(undefined)
        } else {
          const own = copy(c)
          values.push(asCell(own))
          made.push(own)
        }
      } else {
        let own = made[i]
        if (own === undefined) {
          own = copy(values[i]!)
          values[i] = asCell(own)
          made[i] = own
        }
        addInto(own, c)
      }
    }
  }
  for (const own of made) if (own !== undefined) normalise(own)
  return { _tag: "Summary", cells: record(keys, values) }
}

/**
 * The summary without the municipality dimension: one cell per indicator x
 * period (for a district report, or to merge districts into a region).
 *
 * @category combinators
 * @since 0.1.0
 */
export const rollUp = (summary: Summary): Summary => {
  const cells = new Map<string, MutableCell>()
  for (const key in summary.cells) {
    const c = summary.cells[key]!
    const k = groupKeyOf(c)
    let into = cells.get(k)
    if (into === undefined) {
      into = newCell(c.indicator, c.period, undefined)
      cells.set(k, into)
    }
    addInto(into, c)
  }
  const keys: Array<string> = []
  const values: Array<Cell> = []
  for (const [k, c] of cells) {
    normalise(c)
    keys.push(k)
    values.push(asCell(c))
  }
  return { _tag: "Summary", cells: record(keys, values) }
}

/**
 * Every cell, in key order.
 *
 * @category getters
 * @since 0.1.0
 */
export const cells = (summary: Summary): ReadonlyArray<Cell> =>
  Object.keys(summary.cells)
    .sort()
    .map((k) => summary.cells[k]!)

/**
 * The cell of an indicator in a period (for one municipality, or the cell of
 * the measurements that name none).
 *
 * @category getters
 * @since 0.1.0
 */
export const get = (
  summary: Summary,
  indicator: string,
  period: IndicatorAssignment.Period,
  municipality?: string
): Cell | undefined => summary.cells[keyOf(indicator, period, municipality)]

/**
 * The cell of an indicator in a period over every municipality, or
 * `undefined` when no measurement speaks of it.
 *
 * @category getters
 * @since 0.1.0
 */
export const total = (
  summary: Summary,
  indicator: string,
  period: IndicatorAssignment.Period
): Cell | undefined =>
  rollUp(
    filter(
      summary,
      (c) => c.indicator === indicator && c.period.start === period.start && c.period.end === period.end
    )
  ).cells[keyOf(indicator, period)]

/**
 * The summary of the cells that satisfy a predicate.
 *
 * @category combinators
 * @since 0.1.0
 */
export const filter: {
  (predicate: (cell: Cell) => boolean): (self: Summary) => Summary
  (self: Summary, predicate: (cell: Cell) => boolean): Summary
} = dual(2, (self: Summary, predicate: (cell: Cell) => boolean): Summary => {
  const keys: Array<string> = []
  const values: Array<Cell> = []
  for (const key in self.cells) {
    const c = self.cells[key]!
    if (predicate(c)) {
      keys.push(key)
      values.push(c)
    }
  }
  return { _tag: "Summary", cells: record(keys, values) }
})

/**
 * The sum of the values of a cell.
 *
 * @category getters
 * @since 0.1.0
 */
export const sum = (cell: Pick<Cell, "units" | "micros">): number => cell.units + cell.micros / Fold.MICRO

/**
 * The mean of the values of a cell, or `undefined` when it has none.
 *
 * @category getters
 * @since 0.1.0
 */
export const mean = (cell: Pick<Cell, "units" | "micros" | "numeric">): number | undefined =>
  cell.numeric === 0 ? undefined : sum(cell) / cell.numeric

/**
 * The value of a cell under an aggregation (sum, mean, min, max), or
 * `undefined` when it has no value.
 *
 * @category getters
 * @since 0.1.0
 */
export const aggregate = (cell: Cell, aggregation: Indicator.Aggregation): number | undefined => {
  if (cell.numeric === 0) return undefined
  switch (aggregation) {
    case "sum":
      return sum(cell)
    case "mean":
      return mean(cell)
    case "min":
      return cell.min ?? undefined
    case "max":
      return cell.max ?? undefined
  }
}

/**
 * Whether two summaries hold exactly the same cells and figures.
 *
 * @category predicates
 * @since 0.1.0
 */
export const equals = (a: Summary, b: Summary): boolean => canonical(a) === canonical(b)

const canonicalCell = (c: Cell): string =>
  JSON.stringify([
    c.indicator,
    c.period.start,
    c.period.end,
    c.municipality ?? null,
    c.count,
    c.numeric,
    c.units,
    c.micros,
    c.min,
    c.max,
    c.persons,
    c.personCounted,
    Object.keys(c.levels)
      .sort()
      .map((l) => [l, c.levels[l]])
  ])

const canonical = (s: Summary): string =>
  Object.keys(s.cells)
    .sort()
    .map((k) => `${k}=${canonicalCell(s.cells[k]!)}`)
    .join("\n")
