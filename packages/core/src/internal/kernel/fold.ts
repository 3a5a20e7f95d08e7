/**
 * The fold of measurements into summary cells, without effect: one
 * implementation for `Summary` (its accumulator, merge and roll-up) and the
 * shard workers of the CLI, which fold lines into partial cells that the main
 * thread adds into a `Summary` accumulator.
 *
 * A cell's sum is kept exactly as an integer part (`units`) and a count of
 * millionths (`micros`); {@link normalise} carries the millionths into the
 * units. Every figure is an integer, a minimum or a maximum, so the order of
 * the additions changes nothing.
 *
 * @internal
 */
import type { Cell, CellPeriod, Index } from "../../kernel.js"

/** Millionths in a unit. */
export const MICRO = 1_000_000

/** One cell while it is folded (the shape of `Summary.Cell`, mutable). */
export type MutableCell = Cell

/** A cell as it is read (a `Summary.Cell`, or a cell of a worker's partial result). */
export type ReadonlyCell = { readonly [K in keyof MutableCell]: MutableCell[K] } & {
  readonly levels: { readonly [level: string]: number }
}

// The levels of a cell without judgements, shared (and frozen): a cell gets its own on its
// first judgement, so that merging numeric cells allocates one object per cell.
const noLevels: { [level: string]: number } = Object.freeze({}) as { [level: string]: number }

const ownLevels = (c: MutableCell): { [level: string]: number } => {
  if (c.levels === noLevels) c.levels = {}
  return c.levels
}

// Adds n judgements of a level. Levels are codes from an indicator's scale, so any text:
// read only own properties (a level "valueOf" must not start from Object.prototype's) and
// define "__proto__" as an own property (an assignment would set the prototype instead).
const bump = (levels: { [level: string]: number }, level: string, n: number): void => {
  const count = (Object.hasOwn(levels, level) ? levels[level]! : 0) + n
  if (level === "__proto__")
    Object.defineProperty(levels, level, {
      value: count,
      writable: true,
      enumerable: true,
      configurable: true
    })
  else levels[level] = count
}

/**
 * A new empty cell. Every cell is built by one of these two literals, so that
 * cells share a few hidden classes. `period` is kept as it is: callers pass a
 * fresh copy, or the period of an existing cell.
 */
export const newCell = (
  indicator: string,
  period: CellPeriod,
  municipality: string | undefined
): MutableCell =>
  municipality === undefined
    ? {
        indicator,
        period,
        count: 0,
        numeric: 0,
        units: 0,
        micros: 0,
        min: null,
        max: null,
        persons: 0,
        personCounted: 0,
        levels: noLevels
      }
    : {
        indicator,
        period,
        municipality,
        count: 0,
        numeric: 0,
        units: 0,
        micros: 0,
        min: null,
        max: null,
        persons: 0,
        personCounted: 0,
        levels: noLevels
      }

/** Adds one measurement's figures to its cell: the fold of `Summary`. */
export const add = (
  c: MutableCell,
  value: number | undefined,
  level: string | undefined,
  persons: number | undefined
): void => {
  c.count++
  if (value !== undefined) {
    c.numeric++
    const ip = Math.trunc(value)
    c.units += ip
    c.micros += Math.round((value - ip) * MICRO)
    if (c.min === null || value < c.min) c.min = value
    if (c.max === null || value > c.max) c.max = value
  } else if (level !== undefined) bump(ownLevels(c), level, 1)
  if (persons !== undefined) {
    c.persons += persons
    c.personCounted++
  }
}

/** Adds every figure of a cell into another. */
export const addInto = (into: MutableCell, c: ReadonlyCell): void => {
  into.count += c.count
  into.numeric += c.numeric
  into.units += c.units
  into.micros += c.micros
  if (c.min !== null && (into.min === null || c.min < into.min)) into.min = c.min
  if (c.max !== null && (into.max === null || c.max > into.max)) into.max = c.max
  into.persons += c.persons
  into.personCounted += c.personCounted
  // judgements are the measurements without a value: no level to add when there is none
  if (c.count !== c.numeric) {
    const levels = ownLevels(into)
    for (const level of Object.keys(c.levels)) bump(levels, level, c.levels[level]!)
  }
}

/** A mutable copy of a cell. */
export const copy = (c: ReadonlyCell): MutableCell => {
  const out = newCell(c.indicator, c.period, c.municipality)
  addInto(out, c)
  return out
}

/** Carries the millionths of a cell's sum into its units; never a negative zero. */
export const normalise = (c: MutableCell): void => {
  const carry = Math.floor(c.micros / MICRO)
  if (carry !== 0) {
    c.units += carry
    c.micros -= carry * MICRO
  }
  // never a negative zero, so that equal sums are equal values
  c.units += 0
  c.micros += 0
  if (c.min !== null) c.min += 0
  if (c.max !== null) c.max += 0
}

const isNegativeZero = (n: number | null): boolean => n === 0 && 1 / n < 0

/** Whether a cell is as {@link normalise} leaves it (a part's cell in this form is shared by a merge as it is). */
export const isNormal = (c: ReadonlyCell): boolean =>
  c.micros >= 0 &&
  c.micros < MICRO &&
  !isNegativeZero(c.units) &&
  !isNegativeZero(c.micros) &&
  !isNegativeZero(c.min) &&
  !isNegativeZero(c.max)

/** The key of a cell: `indicator|start/end` and, for a municipality, `|municipality`. */
export const keyOf = (indicator: string, period: CellPeriod, municipality?: string): string =>
  municipality === undefined
    ? `${indicator}|${period.start}/${period.end}`
    : `${indicator}|${period.start}/${period.end}|${municipality}`

export type { CellPeriod, Index }

const level = <V>(m: Map<string, Map<string, V>>, k: string): Map<string, V> => {
  let v = m.get(k)
  if (v === undefined) {
    v = new Map<string, V>()
    m.set(k, v)
  }
  return v
}

/** Puts a cell in an index. */
export const indexCell = (index: Index, c: MutableCell): void => {
  level(level(level(index, c.indicator), c.period.start), c.period.end).set(c.municipality ?? "", c)
}

/**
 * The cell of an indicator, period and municipality in an index; a new one
 * (indexed, and passed to `made` with its key) when there is none.
 */
export const cellFor = (
  index: Index,
  indicator: string,
  start: string,
  end: string,
  municipality: string | undefined,
  made: (key: string, c: MutableCell) => void
): MutableCell => {
  const byMun = level(level(level(index, indicator), start), end)
  let c = byMun.get(municipality ?? "")
  if (c === undefined) {
    const period = { start, end }
    c = newCell(indicator, period, municipality)
    byMun.set(municipality ?? "", c)
    made(keyOf(indicator, period, municipality), c)
  }
  return c
}
