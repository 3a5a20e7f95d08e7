/**
 * The kernel of core that imports no effect (`@welfare/core/kernel`): the
 * measurement line reader and the summary cell fold, shared by `Summary`,
 * `Ndjson` + `Decoder.compile(Measurement.Measurement)` and the CLI's shard
 * workers, which load this entry alone and so start in milliseconds.
 *
 * - {@link reader} reads one NDJSON line's bytes into a {@link Line}, and
 *   accepts it only when `JSON.parse` + the `Measurement` decoder would (same
 *   refinements: ids, calendar dates, a period in order, the value's bounds,
 *   units and sources of the {@link Vocabulary}, a count of persons, a value
 *   with its unit or a level without one). A line it refuses is not invalid:
 *   decode it with the full path, which gives every problem.
 * - {@link add} folds one measurement's figures into a {@link Cell}: the very
 *   fold of `Summary.accumulator`; cells found by {@link cellFor} in an
 *   {@link Index} are keyed by {@link keyOf} as `Summary` keys them.
 *
 * A property test checks that the reader and the fold agree with the effect
 * Schema decoder and `Summary` on generated lines, valid and broken on every
 * refinement.
 *
 * @example
 * ```ts
 * import * as assert from "node:assert"
 * import * as Kernel from "@welfare/core/kernel"
 * import { Measurement } from "@welfare/core"
 *
 * const read = Kernel.reader(Measurement.vocabulary)
 * const out = Kernel.line()
 * const text = '{"indicator":"ind-hours","assignment":"asg-1","period":{"start":"2016-01-01","end":"2016-12-31"},"value":12.5,"unit":"hour","measuredBy":"casa-volontariato","source":"survey"}'
 * const bytes = new TextEncoder().encode(text)
 * assert.ok(read(bytes, 0, bytes.length, out))
 *
 * const index: Kernel.Index = new Map()
 * const cells: Record<string, Kernel.Cell> = {}
 * const cell = Kernel.cellFor(index, out.indicator, out.start, out.end, out.municipality, (key, c) => {
 *   cells[key] = c
 * })
 * Kernel.add(cell, out.value, out.level, out.persons)
 * assert.deepStrictEqual(Object.keys(cells), ["ind-hours|2016-01-01/2016-12-31"])
 * assert.strictEqual(cell.units, 12)
 * assert.strictEqual(cell.micros, 500000)
 *
 * // a date that is not in the calendar: refused (the full path reports it)
 * const bad = new TextEncoder().encode(text.replace("2016-12-31", "2016-02-30"))
 * assert.strictEqual(read(bad, 0, bad.length, out), false)
 * ```
 *
 * @packageDocumentation
 * @since 0.2.0
 */
import * as Date_ from "./internal/kernel/date.js"
import * as Fold from "./internal/kernel/fold.js"
import * as Line_ from "./internal/kernel/line.js"

/**
 * What the reader needs of core's schemas (it imports none of them):
 * `Measurement.vocabulary` is the one of the `Measurement` schema.
 *
 * @category models
 * @since 0.2.0
 */
export interface Vocabulary {
  readonly units: ReadonlyArray<string>
  readonly sources: ReadonlyArray<string>
  readonly maxValue: number
  /** Whether the schema has exactly the fields the reader knows (when `false`, every line is refused). */
  readonly fast: boolean
}

/**
 * What the reader read of the last line it accepted, reused from line to
 * line: the ids (`indicator`, `assignment`, `measuredBy`, `municipality`), the
 * period's `start` and `end`, `value`, `level`, `persons`, `recordedOn`, the
 * indices of the `unit` and `source` in the vocabulary (-1: none), and where
 * the id is in the line with two hashes of it (see {@link idHashes}).
 *
 * @category models
 * @since 0.2.0
 */
export interface Line {
  indicator: string
  assignment: string
  start: string
  end: string
  municipality: string | undefined
  value: number | undefined
  unit: number
  level: string | undefined
  measuredBy: string
  source: number
  persons: number | undefined
  recordedOn: string | undefined
  id: boolean
  idStart: number
  idEnd: number
  idA: number
  idB: number
  /** Scratch: the position and the number the number reader leaves. */
  p: number
  num: number
}

/**
 * Reads one line's bytes [s, e) (without its newline) into `out`: `true` when
 * it is a valid measurement the reader vouches for, `false` when the line must
 * take the full path (invalid, or written in a way the reader does not read).
 * A line feed inside [s, e) is refused: a line holds none.
 *
 * @category models
 * @since 0.2.0
 */
export type Reader = (b: Uint8Array, s: number, e: number, out: Line) => boolean

/**
 * The reader of measurement lines under a vocabulary.
 *
 * @category decoding
 * @since 0.2.0
 */
export const reader: (vocabulary: Vocabulary) => Reader = Line_.reader

/**
 * A fresh {@link Line} for a reader to fill.
 *
 * @category constructors
 * @since 0.2.0
 */
export const line: () => Line = Line_.line

/**
 * Every field of a measurement the reader knows, in the schema's order.
 *
 * @category constants
 * @since 0.2.0
 */
export const measurementFields: ReadonlyArray<string> = Line_.measurementFields

/**
 * Every field of a period the reader knows.
 *
 * @category constants
 * @since 0.2.0
 */
export const periodFields: ReadonlyArray<string> = Line_.periodFields

/**
 * The two 32-bit hashes of an id that the reader leaves in `idA` and `idB`:
 * equal ids have equal hashes; two different ids share both with a chance of
 * about 2^-64.
 *
 * @category calculators
 * @since 0.2.0
 */
export const idHashes: (id: string) => readonly [number, number] = Line_.idHashes

/**
 * Whether a text is a calendar date `YYYY-MM-DD`: the rule of
 * `IndicatorAssignment.IsoDate` (years before 100 are refused).
 *
 * @category predicates
 * @since 0.2.0
 */
export const isCalendarDate: (s: string) => boolean = Date_.isCalendarDate

/**
 * A period as a cell holds it.
 *
 * @category models
 * @since 0.2.0
 */
export interface CellPeriod {
  readonly start: string
  readonly end: string
}

/**
 * A summary cell while it is folded: the shape of `Summary.Cell`, mutable,
 * with its sum as `units` + `micros` millionths not yet carried.
 *
 * @category models
 * @since 0.2.0
 */
export interface Cell {
  readonly indicator: string
  readonly period: CellPeriod
  readonly municipality?: string
  count: number
  numeric: number
  units: number
  micros: number
  min: number | null
  max: number | null
  persons: number
  personCounted: number
  levels: { [level: string]: number }
}

/**
 * Cells by indicator, period start, period end and municipality (`""` for
 * none).
 *
 * @category models
 * @since 0.2.0
 */
export type Index = Map<string, Map<string, Map<string, Map<string, Cell>>>>

/**
 * The cell of an indicator, period and municipality in an index, made (and
 * passed to `made` with its `Summary` key) when there is none.
 *
 * @category getters
 * @since 0.2.0
 */
export const cellFor: (
  index: Index,
  indicator: string,
  start: string,
  end: string,
  municipality: string | undefined,
  made: (key: string, cell: Cell) => void
) => Cell = Fold.cellFor

/**
 * Adds one measurement's figures (its value, or its level, and the persons it
 * is about) to a cell: the fold of `Summary.accumulator().add`.
 *
 * @category combinators
 * @since 0.2.0
 */
export const add: (
  cell: Cell,
  value: number | undefined,
  level: string | undefined,
  persons: number | undefined
) => void = Fold.add

/**
 * The key of a cell, as `Summary` keys its cells: `indicator|start/end` and,
 * for a municipality, `|municipality`.
 *
 * @category getters
 * @since 0.2.0
 */
export const keyOf: (indicator: string, period: CellPeriod, municipality?: string) => string = Fold.keyOf
