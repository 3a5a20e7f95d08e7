/**
 * Published summaries: the only form in which figures about persons leave
 * the library. Renderers and exporters take a {@link Published}, never a raw
 * {@link Summary.Summary}: a raw summary, its {@link Summary.rollUp} and its
 * {@link Summary.total} hold every small count.
 *
 * {@link publish} decides once, on the finest cells (indicator x period x
 * municipality), what is hidden: every cell about fewer than `threshold`
 * persons, and, with complementary suppression, enough other cells that
 * subtracting the shown cells from the shown total recovers no hidden one.
 * Every other view is derived from that one decision and keeps it:
 * {@link rollUp} (the district), {@link total}, {@link filter} (one
 * municipality's part, with the totals of the whole), {@link merge} (a region
 * from published districts: what a part hid stays hidden). {@link audit}
 * checks any set of published views together, so that a view published by
 * a separate decision (the district suppressed on its own next to its
 * municipalities suppressed one by one) is caught.
 *
 * The threshold is editorial (5 persons by default, 3 to 11 accepted, see
 * `Disclosure`); {@link publish} can also round every shown count of persons
 * to a base (for example 5), as some statistical offices do.
 *
 * @since 0.2.0
 */
import type * as Brand from "effect/Brand"
import * as Either from "effect/Either"
import { dual } from "effect/Function"
import type * as Actor from "./Actor.js"
import * as Disclosure from "./Disclosure.js"
import type * as Indicator from "./Indicator.js"
import type * as IndicatorAssignment from "./IndicatorAssignment.js"
import * as Problem from "./Problem.js"
import * as Summary from "./Summary.js"

/**
 * Why a cell is hidden: it counts fewer persons than the threshold
 * (`"small"`), or it would let a hidden cell be found by subtraction
 * (`"complementary"`: a report says "hidden to protect another cell", never
 * "< 5").
 *
 * @category models
 * @since 0.2.0
 */
export type Hidden = "small" | "complementary"

/**
 * A published cell: the figures of a summary cell, or only its key and why
 * it is hidden.
 *
 * @category models
 * @since 0.2.0
 */
export type Cell =
  | (Summary.Cell & { readonly suppressed: false })
  | {
      readonly suppressed: true
      readonly hidden: Hidden
      readonly indicator: Indicator.IndicatorId
      readonly period: IndicatorAssignment.Period
      readonly municipality?: Actor.MunicipalityId
    }

/**
 * A summary ready to publish in a report over persons: its cells and, for
 * every indicator x period, its total over the municipalities, each shown or
 * hidden. Every shown cell about persons counts at least `threshold` people.
 * Made only by {@link publish} and the views derived from it (the brand
 * keeps a hand-made record out of renderers).
 *
 * @category models
 * @since 0.2.0
 */
export interface Published extends Brand.Brand<"Published"> {
  readonly _tag: "Published"
  readonly threshold: number
  /** The base shown counts of persons are rounded to, when rounding was asked. */
  readonly rounding?: number
  readonly cells: { readonly [key: string]: Cell }
  readonly totals: { readonly [key: string]: Cell }
  /**
   * For each total (and each cell of a roll-up), the keys of the finest
   * cells it sums: what {@link audit} reads to relate figures across views.
   * Keys name indicators, periods and municipalities only.
   */
  readonly spans: { readonly [key: string]: ReadonlyArray<string> }
  /** Whether this is a {@link rollUp}: its cells are totals. */
  readonly rolledUp: boolean
}

/**
 * Options of {@link publish}: the threshold (default 5, from 3 to 11) and an
 * optional rounding base for shown counts of persons (a whole number from 2
 * to 10).
 *
 * @category models
 * @since 0.2.0
 */
export interface Options {
  readonly threshold?: number
  readonly rounding?: number
}

/**
 * The default threshold: cells about fewer than 5 persons are hidden.
 *
 * @category constants
 * @since 0.2.0
 */
export const defaultThreshold = Disclosure.defaultThreshold

const make = (fields: Omit<Published, Brand.BrandTypeId>): Published => fields as Published

/** The cells and totals of a publication, each in key order. */
interface Ordered {
  readonly cells: ReadonlyArray<Cell>
  readonly totals: ReadonlyArray<Cell>
}

// The cells and totals of each publication in key order, computed once: a
// publication is immutable (made only here, its records read-only), so this
// is a cache of a pure function of it, not state. `publish` fills it as it
// writes the cells in key order; without it, an export of a million cells
// spent more time listing and sorting the record's keys (`Object.keys` of a
// dictionary-mode object) and looking each cell up than writing it
// (`docs/benchmarks.md`, scenario `tables`).
const orderedCache = new WeakMap<Published, Ordered>()

const inKeyOrder = (record: { readonly [key: string]: Cell }): ReadonlyArray<Cell> =>
  Object.keys(record)
    .sort()
    .map((k) => record[k]!)

const ordered = (published: Published): Ordered => {
  let o = orderedCache.get(published)
  if (o === undefined) {
    o = { cells: inKeyOrder(published.cells), totals: inKeyOrder(published.totals) }
    orderedCache.set(published, o)
  }
  return o
}

const hiddenCell = (c: Pick<Summary.Cell, "indicator" | "period" | "municipality">, hidden: Hidden): Cell =>
  c.municipality === undefined
    ? { suppressed: true, hidden, indicator: c.indicator, period: c.period }
    : { suppressed: true, hidden, indicator: c.indicator, period: c.period, municipality: c.municipality }

const roundTo = (n: number, base: number | undefined): number =>
  base === undefined ? n : Math.round(n / base) * base

// Object literals of two fixed shapes (with and without a municipality),
// never a spread: a spread copy of every cell gave the published cells of a
// large summary so many hidden classes that reading their fields was fifteen
// times slower (measured on a million cells, `docs/benchmarks.md`, scenario
// `tables`).
const visibleCell = (c: Summary.Cell, rounding: number | undefined): Cell =>
  c.municipality === undefined
    ? {
        indicator: c.indicator,
        period: c.period,
        count: c.count,
        numeric: c.numeric,
        units: c.units,
        micros: c.micros,
        min: c.min,
        max: c.max,
        persons: roundTo(c.persons, rounding),
        personCounted: c.personCounted,
        levels: c.levels,
        suppressed: false
      }
    : {
        indicator: c.indicator,
        period: c.period,
        municipality: c.municipality,
        count: c.count,
        numeric: c.numeric,
        units: c.units,
        micros: c.micros,
        min: c.min,
        max: c.max,
        persons: roundTo(c.persons, rounding),
        personCounted: c.personCounted,
        levels: c.levels,
        suppressed: false
      }

const isSmall = (c: Summary.Cell, threshold: number): boolean => c.personCounted > 0 && c.persons < threshold

const groupKeyOf = (c: Pick<Summary.Cell, "indicator" | "period">): string =>
  Summary.keyOf(c.indicator, c.period)

const roundingProblems = (rounding: unknown): ReadonlyArray<Problem.Problem> =>
  rounding === undefined ||
  (typeof rounding === "number" && Number.isInteger(rounding) && rounding >= 2 && rounding <= 10)
    ? []
    : [
        Problem.make(
          "invalid-value",
          ["rounding"],
          `expected a rounding base, a whole number from 2 to 10 (5 is usual), got ${typeof rounding === "number" ? String(rounding) : `a value of type ${typeof rounding}`}: leave it out to publish exact counts`
        )
      ]

/**
 * Publishes a summary for a report over persons: hides every cell about
 * fewer than `threshold` people (default 5), then, within each indicator x
 * period, hides further cells (the smallest first) until the hidden cells
 * are at least two and count together at least `threshold` people, so that
 * subtracting the shown cells from the shown total recovers no hidden cell.
 * Cells that say nothing about persons are hidden only as complements. With
 * `rounding`, every shown count of persons is rounded to that base (after
 * the decision, which reads exact counts). Rejects a threshold or rounding
 * out of range, with every problem at once.
 *
 * @example
 * ```ts
 * import * as assert from "node:assert"
 * import { Either } from "effect"
 * import { Published, Summary } from "@welfare/core"
 *
 * const period = { start: "2016-01-01", end: "2016-12-31" }
 * const m = (municipality: string, persons: number) =>
 *   ({ indicator: "ind-families", assignment: "asg-1", period, municipality, value: persons, unit: "person", persons, measuredBy: "ufficio-di-piano", source: "case-records" }) as never
 * const s = Summary.fromMeasurements([m("legnano", 40), m("canegrate", 3), m("rescaldina", 12)])
 * const published = Published.publish(s)
 * assert.ok(Either.isRight(published))
 * const cell = (mun: string) => published.right.cells[Summary.keyOf("ind-families", period, mun)]!
 * assert.deepStrictEqual(
 *   ["legnano", "canegrate", "rescaldina"].map((x) => { const c = cell(x); return c.suppressed ? c.hidden : c.persons }),
 *   [40, "small", "complementary"]
 * )
 * assert.ok(Either.isLeft(Published.publish(s, { threshold: 1 })))
 * ```
 *
 * @category constructors
 * @since 0.2.0
 */
export const publish = (summary: Summary.Summary, options: Options = {}): Problem.Result<Published> => {
  const threshold = options.threshold ?? defaultThreshold
  const rounding = options.rounding
  const problems = [...Disclosure.thresholdProblems(threshold), ...roundingProblems(rounding)]
  if (problems.length > 0) return Problem.fromProblems(undefined as never, problems)
  const groups = new Map<string, Array<string>>()
  for (const key in summary.cells) {
    const g = groupKeyOf(summary.cells[key]!)
    const list = groups.get(g)
    if (list === undefined) groups.set(g, [key])
    else list.push(key)
  }
  const cellsOut: { [key: string]: Cell } = {}
  const totalsOut: { [key: string]: Cell } = {}
  const spans: { [key: string]: ReadonlyArray<string> } = {}
  const totals = Summary.rollUp(summary)
  // Groups, and the cells of each, are written in key order, and listed in
  // that order for `cells` and `totalCells` (see `orderedCache`). The keys of
  // a group all start with the group's key, so groups in key order give cells
  // in key order, unless one group's key is a prefix of another's (possible
  // only in a summary made by hand with periods that are not dates): then
  // the list is left to `ordered`, which sorts the keys.
  const cellList: Array<Cell> = []
  const totalList: Array<Cell> = []
  let lastKey: string | undefined
  let sorted = true
  for (const g of [...groups.keys()].sort()) {
    const keys = groups.get(g)!.sort()
    const small = new Set(keys.filter((k) => isSmall(summary.cells[k]!, threshold)))
    const hidden = new Set(small)
    if (hidden.size > 0) {
      let hiddenPersons = 0
      for (const k of hidden) hiddenPersons += summary.cells[k]!.persons
      const candidates = keys
        .filter((k) => !hidden.has(k))
        .sort((a, b) => summary.cells[a]!.persons - summary.cells[b]!.persons || (a < b ? -1 : a > b ? 1 : 0))
      for (const k of candidates) {
        if (hidden.size >= 2 && hiddenPersons >= threshold) break
        hidden.add(k)
        hiddenPersons += summary.cells[k]!.persons
      }
    }
    if (lastKey !== undefined && !(lastKey < keys[0]!)) sorted = false
    lastKey = keys[keys.length - 1]
    for (const k of keys) {
      const c = hidden.has(k)
        ? hiddenCell(summary.cells[k]!, small.has(k) ? "small" : "complementary")
        : visibleCell(summary.cells[k]!, rounding)
      cellsOut[k] = c
      cellList.push(c)
    }
    const t = totals.cells[g]!
    const total = isSmall(t, threshold) ? hiddenCell(t, "small") : visibleCell(t, rounding)
    totalsOut[g] = total
    totalList.push(total)
    spans[g] = keys
  }
  const published = make({
    _tag: "Published",
    threshold,
    ...(rounding === undefined ? {} : { rounding }),
    cells: cellsOut,
    totals: totalsOut,
    spans,
    rolledUp: false
  })
  if (sorted) orderedCache.set(published, { cells: cellList, totals: totalList })
  return Either.right(published)
}

/**
 * Every published cell, in key order (see `Summary.keyOf`). The list is
 * computed once per publication (a publication is immutable) and made as
 * {@link publish} writes the cells, so reading it again costs nothing: the
 * way to go through a large publication, rather than the keys of
 * `published.cells`.
 *
 * @example
 * ```ts
 * import * as assert from "node:assert"
 * import { Either } from "effect"
 * import { Published, Summary } from "@welfare/core"
 *
 * const period = { start: "2016-01-01", end: "2016-12-31" }
 * const m = (municipality: string, persons: number) =>
 *   ({ indicator: "ind-families", assignment: "asg-1", period, municipality, value: persons, unit: "person", persons, measuredBy: "ufficio-di-piano", source: "case-records" }) as never
 * const p = Either.getOrThrow(Published.publish(Summary.fromMeasurements([m("legnano", 40), m("canegrate", 3), m("rescaldina", 12)])))
 * assert.deepStrictEqual(Published.cells(p).map((c) => c.municipality), ["canegrate", "legnano", "rescaldina"])
 * ```
 *
 * @category getters
 * @since 0.2.0
 */
export const cells = (published: Published): ReadonlyArray<Cell> => ordered(published).cells

/**
 * Every published total (an indicator in a period over every municipality,
 * shown or hidden), in key order; computed once per publication, like
 * {@link cells}.
 *
 * @example
 * ```ts
 * import * as assert from "node:assert"
 * import { Either } from "effect"
 * import { Published, Summary } from "@welfare/core"
 *
 * const period = { start: "2016-01-01", end: "2016-12-31" }
 * const m = (municipality: string, persons: number) =>
 *   ({ indicator: "ind-families", assignment: "asg-1", period, municipality, value: persons, unit: "person", persons, measuredBy: "ufficio-di-piano", source: "case-records" }) as never
 * const p = Either.getOrThrow(Published.publish(Summary.fromMeasurements([m("legnano", 40), m("canegrate", 3)])))
 * const [total] = Published.totalCells(p)
 * assert.ok(total !== undefined && !total.suppressed && total.persons === 43)
 * ```
 *
 * @category getters
 * @since 0.3.0
 */
export const totalCells = (published: Published): ReadonlyArray<Cell> => ordered(published).totals

/**
 * The published total of an indicator in a period over every municipality
 * (hidden when it counts fewer persons than the threshold), or `undefined`
 * when the publication has no cell for it.
 *
 * @example
 * ```ts
 * import * as assert from "node:assert"
 * import { Either } from "effect"
 * import { Published, Summary } from "@welfare/core"
 *
 * const period = { start: "2016-01-01", end: "2016-12-31" }
 * const m = (municipality: string, persons: number) =>
 *   ({ indicator: "ind-families", assignment: "asg-1", period, municipality, value: persons, unit: "person", persons, measuredBy: "ufficio-di-piano", source: "case-records" }) as never
 * const p = Either.getOrThrow(Published.publish(Summary.fromMeasurements([m("legnano", 40), m("canegrate", 3)])))
 * const t = Published.total(p, "ind-families", period)
 * assert.ok(t !== undefined && !t.suppressed && t.persons === 43)
 * ```
 *
 * @category getters
 * @since 0.2.0
 */
export const total: {
  (indicator: string, period: IndicatorAssignment.Period): (published: Published) => Cell | undefined
  (published: Published, indicator: string, period: IndicatorAssignment.Period): Cell | undefined
} = dual(
  3,
  (published: Published, indicator: string, period: IndicatorAssignment.Period): Cell | undefined =>
    published.totals[Summary.keyOf(indicator, period)]
)

/**
 * The publication without the municipality dimension (a district's report):
 * one cell per indicator x period, each the published total, hidden where the
 * total is hidden. It derives from the same decision, so it can be shown
 * beside the municipal cells.
 *
 * @category combinators
 * @since 0.2.0
 */
export const rollUp = (published: Published): Published => {
  const rolled = make({
    ...published,
    cells: { ...published.totals },
    totals: { ...published.totals },
    rolledUp: true
  })
  const totals = ordered(published).totals
  orderedCache.set(rolled, { cells: totals, totals })
  return rolled
}

/**
 * The cells that satisfy a predicate (one municipality's part, one
 * indicator), with the totals of the whole publication unchanged: a view
 * never computes a new total, so it can be shown beside the others.
 *
 * @example
 * ```ts
 * import * as assert from "node:assert"
 * import { Either, pipe } from "effect"
 * import { Published, Summary } from "@welfare/core"
 *
 * const period = { start: "2016-01-01", end: "2016-12-31" }
 * const m = (municipality: string, persons: number) =>
 *   ({ indicator: "ind-families", assignment: "asg-1", period, municipality, value: persons, unit: "person", persons, measuredBy: "ufficio-di-piano", source: "case-records" }) as never
 * const p = Either.getOrThrow(Published.publish(Summary.fromMeasurements([m("legnano", 40), m("canegrate", 3), m("rescaldina", 12)])))
 * const legnano = pipe(p, Published.filter((c) => c.municipality === "legnano"))
 * assert.strictEqual(Published.cells(legnano).length, 1)
 * assert.deepStrictEqual(Published.audit([p, legnano, Published.rollUp(p)]), [])
 * ```
 *
 * @category combinators
 * @since 0.2.0
 */
export const filter: {
  (predicate: (cell: Cell) => boolean): (published: Published) => Published
  (published: Published, predicate: (cell: Cell) => boolean): Published
} = dual(2, (published: Published, predicate: (cell: Cell) => boolean): Published => {
  const out: { [key: string]: Cell } = {}
  const kept = new Set<Cell>()
  for (const key in published.cells) {
    const c = published.cells[key]!
    if (predicate(c)) {
      out[key] = c
      kept.add(c)
    }
  }
  const view = make({ ...published, cells: out })
  // the view's cells keep the order of the publication's, when it is known
  const source = orderedCache.get(published)
  if (source !== undefined)
    orderedCache.set(view, { cells: source.cells.filter((c) => kept.has(c)), totals: source.totals })
  return view
})

const mergeRecords = (parts: ReadonlyArray<{ readonly [key: string]: Cell }>): { [key: string]: Cell } => {
  const hidden = new Map<string, Hidden>()
  for (const part of parts)
    for (const key in part) {
      const c = part[key]!
      if (c.suppressed && hidden.get(key) !== "small") hidden.set(key, c.hidden)
    }
  const out: { [key: string]: Cell } = {}
  const visible: Array<Summary.Summary> = []
  for (const part of parts) {
    const shown: { [key: string]: Summary.Cell } = {}
    for (const key in part) {
      const c = part[key]!
      const why = hidden.get(key)
      if (why !== undefined) {
        if (out[key] === undefined) out[key] = hiddenCell(c, why)
      } else if (!c.suppressed) {
        const { suppressed: _, ...cell } = c
        shown[key] = cell
      }
    }
    visible.push({ _tag: "Summary", cells: shown })
  }
  const merged = Summary.mergeAll(visible)
  for (const key in merged.cells) out[key] = visibleCell(merged.cells[key]!, undefined)
  return out
}

const mergeSpans = (
  parts: ReadonlyArray<{ readonly [key: string]: ReadonlyArray<string> }>
): { [key: string]: ReadonlyArray<string> } => {
  const out = new Map<string, Set<string>>()
  for (const part of parts)
    for (const key in part) {
      const into = out.get(key) ?? new Set<string>()
      out.set(key, into)
      for (const k of part[key]!) into.add(k)
    }
  const spans: { [key: string]: ReadonlyArray<string> } = {}
  for (const [key, keys] of out) spans[key] = [...keys].sort()
  return spans
}

/**
 * Merges published summaries (a district from the published summaries of its
 * municipalities, a region from its districts): a cell or total is shown
 * only when it is shown in every part that holds it, so what a part hid
 * stays hidden. Associative and commutative; the parts must share one
 * threshold and one rounding (rejected otherwise, with the reason).
 *
 * @category combinators
 * @since 0.2.0
 */
export const merge = (parts: ReadonlyArray<Published>): Problem.Result<Published> => {
  const thresholds = [...new Set(parts.map((p) => p.threshold))]
  const roundings = [...new Set(parts.map((p) => p.rounding))]
  const problems: Array<Problem.Problem> = []
  if (thresholds.length > 1)
    problems.push(
      Problem.make(
        "invalid-value",
        ["threshold"],
        `published summaries with different thresholds (${thresholds.join(", ")}) cannot be merged: publish every part with one threshold`
      )
    )
  if (roundings.length > 1)
    problems.push(
      Problem.make(
        "invalid-value",
        ["rounding"],
        `published summaries with different roundings (${roundings.map((r) => r ?? "none").join(", ")}) cannot be merged: publish every part with one rounding`
      )
    )
  if (problems.length > 0) return Problem.fromProblems(undefined as never, problems)
  const rounding = roundings[0]
  return Either.right(
    make({
      _tag: "Published",
      threshold: thresholds[0] ?? defaultThreshold,
      ...(rounding === undefined ? {} : { rounding }),
      cells: mergeRecords(parts.map((p) => p.cells)),
      totals: mergeRecords(parts.map((p) => p.totals)),
      spans: mergeSpans(parts.map((p) => p.spans)),
      rolledUp: parts.length > 0 && parts.every((p) => p.rolledUp)
    })
  )
}

/**
 * Checks published views read together (a district's publication, its
 * municipalities' parts, a roll-up, published separately or not): a cell
 * shown in any view is known; a total of a view covers the cells of its
 * indicator x period in that view. Returns every way a hidden cell, or a
 * group of fewer than `threshold` persons, can be found by subtraction (see
 * `Disclosure.audit`; figure ids are `view:cell:key` and `view:total:key`,
 * `view` the index in `views`); empty when the views are safe together.
 * Rounded figures are audited as if exact (the stricter reading).
 *
 * @example
 * ```ts
 * import * as assert from "node:assert"
 * import { Either } from "effect"
 * import { Published, Summary } from "@welfare/core"
 *
 * const period = { start: "2016-01-01", end: "2016-12-31" }
 * const m = (municipality: string, persons: number) =>
 *   ({ indicator: "ind-families", assignment: "asg-1", period, municipality, value: persons, unit: "person", persons, measuredBy: "ufficio-di-piano", source: "case-records" }) as never
 * const parts = [m("legnano", 40), m("canegrate", 3), m("rescaldina", 12)]
 * const district = Either.getOrThrow(Published.publish(Summary.fromMeasurements(parts)))
 * // each municipality published on its own shows Rescaldina's 12, which the district hid to protect Canegrate
 * const alone = parts.map((x) => Either.getOrThrow(Published.publish(Summary.fromMeasurements([x]))))
 * assert.ok(Published.audit([district, ...alone]).some((leak) => leak.kind === "derivable"))
 * assert.deepStrictEqual(Published.audit([district, Published.rollUp(district)]), [])
 * ```
 *
 * @category validation
 * @since 0.2.0
 */
export const audit = (views: ReadonlyArray<Published>): ReadonlyArray<Disclosure.Leak> => {
  const threshold = views.length === 0 ? defaultThreshold : Math.max(...views.map((v) => v.threshold))
  // the finest cells a figure of a view sums: a total's (or a roll-up cell's) span, or the cell itself
  const atomsOf = (view: Published, key: string): ReadonlyArray<string> =>
    view.rolledUp ? (view.spans[key] ?? [key]) : [key]
  const known = new Map<string, number>()
  const figures: Array<Disclosure.Figure> = []
  const shown = new Set<string>()
  views.forEach((view, v) => {
    for (const key in view.cells) {
      const c = view.cells[key]!
      const id = `${v}:cell:${key}`
      const atoms = atomsOf(view, key)
      figures.push({ id, atoms })
      if (c.suppressed) continue
      shown.add(id)
      if (atoms.length === 1) known.set(atoms[0]!, c.personCounted > 0 ? c.persons : 0)
    }
  })
  // hidden cells: an even share of what a shown total leaves to them, or the threshold when no total shows
  const weights = new Map<string, number>()
  views.forEach((view, v) => {
    for (const g in view.totals) {
      const t = view.totals[g]!
      const atoms = view.spans[g] ?? Object.keys(view.cells).filter((k) => groupKeyOf(view.cells[k]!) === g)
      const id = `${v}:total:${g}`
      figures.push({ id, atoms })
      if (t.suppressed) continue
      shown.add(id)
      const unknown = atoms.filter((k) => !known.has(k))
      const left = (t.personCounted > 0 ? t.persons : 0) - atoms.reduce((s, k) => s + (known.get(k) ?? 0), 0)
      for (const k of unknown) weights.set(k, Math.max(left / Math.max(unknown.length, 1), 1e-9))
    }
  })
  return Disclosure.audit(figures, (id) => shown.has(id), {
    threshold,
    weight: (atom) => known.get(atom) ?? weights.get(atom) ?? threshold
  })
}
