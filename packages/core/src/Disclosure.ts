/**
 * Disclosure control of a whole publication: which figures about persons may
 * be shown so that no hidden figure, and no small group of persons, can be
 * found from the shown ones by subtraction.
 *
 * A report publishes many figures that count the same persons in different
 * ways: the citizens of a territory, the actors of its network, the
 * taking-charge paths by stage and by response, the cells of a summary and
 * their totals. Checking each table on its own is not enough: "Actors 17"
 * in one section minus "Organisations 16" in another gives back a hidden
 * "Citizens < 5". This module checks all of them at once.
 *
 * Each {@link Figure} says which private *atoms* it counts: pseudonymous
 * persons, taking-charge cases, or a cell standing for a group of persons
 * (its weight, see {@link Options}). What is public (named organisations,
 * municipalities) is left out: a reader knows it anyway. Then:
 *
 * - a figure counting between 1 and `threshold - 1` persons is hidden
 *   (`"small"`);
 * - a hidden figure must not be a linear combination of shown figures (exact
 *   rational arithmetic over the atoms), and no shown figure minus another
 *   shown figure it contains may count between 1 and `threshold - 1`
 *   persons: {@link decide} hides further figures (`"complementary"`), the
 *   smallest first, until {@link audit} finds no leak.
 *
 * The threshold is an editorial choice of this library, not the seeds': 5
 * persons by default (the usual minimum of statistical offices), from 3 (two
 * persons in a cell each know the other's presence) to 11 (health-data
 * rules).
 *
 * @since 0.2.0
 */
import * as Either from "effect/Either"
import * as Problem from "./Problem.js"

/**
 * A published figure: its id (unique in the publication) and the private
 * atoms it counts (persons, cases, or cells standing for groups of persons).
 *
 * @category models
 * @since 0.2.0
 */
export interface Figure {
  readonly id: string
  readonly atoms: ReadonlyArray<string>
}

/**
 * Whether a figure is shown, hidden because it counts few persons, or hidden
 * to protect another figure.
 *
 * @category models
 * @since 0.2.0
 */
export type Status = "visible" | "small" | "complementary"

/**
 * A way a hidden figure or a small group could be found from shown figures:
 *
 * - `small`: a shown figure counts between 1 and `threshold - 1` persons;
 * - `derivable`: a hidden figure is a linear combination of shown ones
 *   (`figures` holds the hidden one first);
 * - `difference`: a shown figure minus another shown figure it contains
 *   counts between 1 and `threshold - 1` persons (`figures`: the larger,
 *   then the smaller).
 *
 * Leaks name figures by id, never the atoms or the persons counted.
 *
 * @category models
 * @since 0.2.0
 */
export interface Leak {
  readonly kind: "small" | "derivable" | "difference"
  readonly figures: ReadonlyArray<string>
}

/**
 * Options: the threshold (default {@link defaultThreshold}) and the number of
 * persons each atom stands for (default 1: an atom is a person).
 *
 * @category models
 * @since 0.2.0
 */
export interface Options {
  /** Figures about fewer persons are hidden: a whole number from 3 to 11 (default 5). */
  readonly threshold?: number
  /** How many persons an atom stands for (default 1; a cell of a summary stands for its persons). */
  readonly weight?: (atom: string) => number
}

/**
 * The default threshold: figures about fewer than 5 persons are hidden
 * (editorial).
 *
 * @category constants
 * @since 0.2.0
 */
export const defaultThreshold = 5

/**
 * The thresholds accepted: from 3 to 11 persons (editorial, see the module's
 * documentation).
 *
 * @category constants
 * @since 0.2.0
 */
export const thresholdRange: readonly [min: number, max: number] = [3, 11]

/**
 * The problems of a threshold: it must be a whole number of persons from 3 to
 * 11.
 *
 * @example
 * ```ts
 * import * as assert from "node:assert"
 * import { Disclosure } from "@welfare/core"
 *
 * assert.deepStrictEqual(Disclosure.thresholdProblems(5), [])
 * assert.strictEqual(Disclosure.thresholdProblems(1).length, 1)
 * ```
 *
 * @category validation
 * @since 0.2.0
 */
export const thresholdProblems = (
  threshold: unknown,
  path: ReadonlyArray<Problem.PathSegment> = ["threshold"]
): ReadonlyArray<Problem.Problem> =>
  typeof threshold === "number" &&
  Number.isInteger(threshold) &&
  threshold >= thresholdRange[0] &&
  threshold <= thresholdRange[1]
    ? []
    : [
        Problem.make(
          "invalid-value",
          path,
          `expected a suppression threshold, a whole number of persons from ${thresholdRange[0]} to ${thresholdRange[1]}, got ${typeof threshold === "number" ? String(threshold) : `a value of type ${typeof threshold}`}: below ${thresholdRange[0]} a figure could single out a person; 5 is the usual choice, 11 what health-data rules ask`
        )
      ]

// ---------------------------------------------------------------------------
// the kernel: components, atom classes, exact span membership

interface Component {
  /** Figure indexes (into the caller's array). */
  readonly figures: ReadonlyArray<number>
  /** For each figure of the component, the atom classes it counts (sorted). */
  readonly classes: ReadonlyArray<ReadonlyArray<number>>
  /** Persons of each atom class. */
  readonly weights: ReadonlyArray<number>
}

/**
 * Splits the figures into independent components (figures sharing no atom,
 * directly or through others, cannot be combined) and, in each, groups atoms
 * counted by exactly the same figures into one class with their weights.
 */
const components = (figures: ReadonlyArray<Figure>, weight: (atom: string) => number): Array<Component> => {
  const parent = figures.map((_, i) => i)
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]!]!
      i = parent[i]!
    }
    return i
  }
  const firstFigureOfAtom = new Map<string, number>()
  figures.forEach((f, i) => {
    for (const a of f.atoms) {
      const j = firstFigureOfAtom.get(a)
      if (j === undefined) firstFigureOfAtom.set(a, i)
      else {
        const ri = find(i)
        const rj = find(j)
        if (ri !== rj) parent[ri] = rj
      }
    }
  })
  const groups = new Map<number, Array<number>>()
  figures.forEach((_, i) => {
    const r = find(i)
    const g = groups.get(r)
    if (g === undefined) groups.set(r, [i])
    else g.push(i)
  })
  const out: Array<Component> = []
  for (const members of groups.values()) {
    // atom -> the local indexes of the figures counting it
    const membership = new Map<string, Array<number>>()
    members.forEach((fi, local) => {
      for (const a of new Set(figures[fi]!.atoms)) {
        const m = membership.get(a)
        if (m === undefined) membership.set(a, [local])
        else m.push(local)
      }
    })
    const classOf = new Map<string, number>()
    const weights: Array<number> = []
    const classes: Array<Array<number>> = members.map(() => [])
    for (const [atom, locals] of membership) {
      const signature = locals.join(",")
      let c = classOf.get(signature)
      if (c === undefined) {
        c = weights.length
        classOf.set(signature, c)
        weights.push(0)
        for (const l of locals) classes[l]!.push(c)
      }
      const w = weight(atom)
      weights[c] = weights[c]! + (Number.isFinite(w) && w > 0 ? w : 0)
    }
    out.push({ figures: members, classes, weights })
  }
  return out
}

const gcd = (a: bigint, b: bigint): bigint => {
  a = a < 0n ? -a : a
  b = b < 0n ? -b : b
  while (b !== 0n) [a, b] = [b, a % b]
  return a
}

interface Basis {
  readonly rows: Array<{ readonly pivot: number; readonly row: Array<bigint> }>
}

/** Reduces `v` by the basis in place (exact, fraction-free); true when nothing is left. */
const reduce = (basis: Basis, v: Array<bigint>): boolean => {
  for (const { pivot, row } of basis.rows) {
    const x = v[pivot]!
    if (x === 0n) continue
    const p = row[pivot]!
    let g = 0n
    for (let k = 0; k < v.length; k++) {
      v[k] = v[k]! * p - row[k]! * x
      g = gcd(g, v[k]!)
    }
    if (g > 1n) for (let k = 0; k < v.length; k++) v[k] = v[k]! / g
  }
  return v.every((x) => x === 0n)
}

const vectorOf = (classes: ReadonlyArray<number>, size: number): Array<bigint> => {
  const v = new Array<bigint>(size).fill(0n)
  for (const c of classes) v[c] = 1n
  return v
}

const basisOf = (rows: ReadonlyArray<ReadonlyArray<number>>, size: number): Basis => {
  const basis: Basis = { rows: [] }
  for (const classes of rows) {
    const v = vectorOf(classes, size)
    if (!reduce(basis, v)) basis.rows.push({ pivot: v.findIndex((x) => x !== 0n), row: v })
  }
  return basis
}

const personsOf = (classes: ReadonlyArray<number>, weights: ReadonlyArray<number>): number => {
  let s = 0
  for (const c of classes) s += weights[c]!
  return s
}

const isSmall = (persons: number, threshold: number): boolean => persons > 0 && persons < threshold

/** Every class of `b` is in `a` (both sorted ascending? not needed: sets). */
const contains = (a: ReadonlySet<number>, b: ReadonlyArray<number>): boolean => b.every((c) => a.has(c))

/** A leak inside a component: figures by local index; for a small group, its atom classes. */
interface LocalLeak {
  readonly kind: Leak["kind"]
  readonly figures: ReadonlyArray<number>
  readonly group?: ReadonlyArray<number>
}

/** The leaks of one component, given which of its figures are shown (local indexes). */
const componentLeaks = (
  c: Component,
  shown: ReadonlyArray<boolean>,
  threshold: number,
  all: boolean
): Array<LocalLeak> => {
  const leaks: Array<LocalLeak> = []
  const persons = c.classes.map((cl) => personsOf(cl, c.weights))
  const visible: Array<number> = []
  c.classes.forEach((_, l) => {
    if (shown[l]) visible.push(l)
  })
  for (const l of visible)
    if (isSmall(persons[l]!, threshold)) {
      leaks.push({ kind: "small", figures: [l] })
      if (!all) return leaks
    }
  // differences between nested shown figures
  const sets = c.classes.map((cl) => new Set(cl))
  for (const a of visible)
    for (const b of visible) {
      if (a === b || c.classes[b]!.length >= c.classes[a]!.length || !contains(sets[a]!, c.classes[b]!))
        continue
      if (isSmall(persons[a]! - persons[b]!, threshold)) {
        leaks.push({ kind: "difference", figures: [a, b] })
        if (!all) return leaks
      }
    }
  // hidden figures in the span of the shown ones
  const hidden = c.classes.flatMap((_, l) => (!shown[l] && persons[l]! > 0 ? [l] : []))
  if (hidden.length > 0 && visible.length > 0) {
    const size = c.weights.length
    const basis = basisOf(
      visible.map((l) => c.classes[l]!),
      size
    )
    for (const h of hidden)
      if (reduce(basis, vectorOf(c.classes[h]!, size))) {
        leaks.push({ kind: "derivable", figures: [h] })
        if (!all) return leaks
      }
  }
  // any other combination of shown figures that counts a small group (A - B - C, A + B - C, ...)
  if (visible.length > 1 && leaks.every((l) => l.kind !== "difference")) {
    const group = smallGroup(
      c,
      visible.map((l) => c.classes[l]!),
      threshold
    )
    if (group !== undefined) {
      const inGroup = new Set(group)
      leaks.push({
        kind: "difference",
        figures: visible.filter((l) => c.classes[l]!.some((x) => inGroup.has(x))),
        group
      })
    }
  }
  return leaks
}

/** How many nodes the search for a small group may visit in one component (beyond it, a leak is assumed). */
const SEARCH_BUDGET = 200_000

/**
 * A set of atom classes counting 1 to `threshold - 1` persons whose count
 * the shown figures determine (it lies in their span), other than a shown
 * figure itself, or `undefined`. The span is tested against a basis of its
 * orthogonal complement (exact integers); the search enumerates only sets of
 * small weight, so it stays small; past its budget it answers the whole
 * component (the safe side).
 */
const smallGroup = (
  c: Component,
  rows: ReadonlyArray<ReadonlyArray<number>>,
  threshold: number
): ReadonlyArray<number> | undefined => {
  const size = c.weights.length
  const kernel = orthogonal(rows, size)
  const shownSets = new Set(rows.map((r) => [...r].sort((a, b) => a - b).join(",")))
  const light = c.weights
    .flatMap((w, x) => (w < threshold ? [x] : []))
    .sort((a, b) => c.weights[a]! - c.weights[b]!)
  const chosen: Array<number> = []
  let nodes = 0
  let found: ReadonlyArray<number> | undefined
  const inSpan = (): boolean => {
    for (const k of kernel) {
      let dot = 0n
      for (const x of chosen) dot += k[x]!
      if (dot !== 0n) return false
    }
    return true
  }
  const search = (from: number, weight: number): boolean => {
    if (++nodes > SEARCH_BUDGET) {
      found = c.weights.map((_, x) => x)
      return true
    }
    if (weight > 0 && weight < threshold && inSpan()) {
      const key = [...chosen].sort((a, b) => a - b).join(",")
      if (!shownSets.has(key)) {
        found = [...chosen]
        return true
      }
    }
    for (let i = from; i < light.length; i++) {
      const x = light[i]!
      const w = weight + c.weights[x]!
      if (w >= threshold && c.weights[x]! > 0) break // sorted by weight: no lighter class follows
      chosen.push(x)
      if (search(i + 1, w)) return true
      chosen.pop()
    }
    return false
  }
  search(0, 0)
  return found
}

/** A basis of the vectors orthogonal to every row (the null space of the rows), exact. */
const orthogonal = (rows: ReadonlyArray<ReadonlyArray<number>>, size: number): Array<Array<bigint>> => {
  const basis = basisOf(rows, size).rows.map((r) => ({ pivot: r.pivot, row: [...r.row] }))
  // back-substitution: every pivot column zero in every other row
  for (let i = basis.length - 1; i >= 0; i--) {
    const { pivot, row } = basis[i]!
    for (let j = 0; j < basis.length; j++) {
      if (j === i) continue
      const other = basis[j]!.row
      const x = other[pivot]!
      if (x === 0n) continue
      let g = 0n
      for (let k = 0; k < size; k++) {
        other[k] = other[k]! * row[pivot]! - row[k]! * x
        g = gcd(g, other[k]!)
      }
      if (g > 1n) for (let k = 0; k < size; k++) other[k] = other[k]! / g
    }
  }
  const pivots = new Set(basis.map((b) => b.pivot))
  const out: Array<Array<bigint>> = []
  for (let f = 0; f < size; f++) {
    if (pivots.has(f)) continue
    // n[f] = L, n[p] = -(L / row[p]) * row[f], with L the product of the pivots
    let L = 1n
    for (const b of basis) L *= b.row[b.pivot]! < 0n ? -b.row[b.pivot]! : b.row[b.pivot]!
    const n = new Array<bigint>(size).fill(0n)
    n[f] = L
    for (const b of basis) n[b.pivot] = -(L / b.row[b.pivot]!) * b.row[f]!
    let g = 0n
    for (const v of n) g = gcd(g, v)
    out.push(g > 1n ? n.map((v) => v / g) : n)
  }
  return out
}

const checkIds = (figures: ReadonlyArray<Figure>): ReadonlyArray<Problem.Problem> => {
  const seen = new Set<string>()
  const problems: Array<Problem.Problem> = []
  figures.forEach((f, i) => {
    if (seen.has(f.id))
      problems.push(
        Problem.make(
          "duplicate-id",
          ["figures", i, "id"],
          `the figure id at figures[${i}] is used twice: give every figure its own id`
        )
      )
    seen.add(f.id)
  })
  return problems
}

/**
 * The leaks of a publication: which shown figures are small, which hidden
 * figures can be computed from the shown ones, and which differences of
 * shown figures count a small group. An empty list means the publication is
 * safe at `threshold`.
 *
 * @example
 * ```ts
 * import * as assert from "node:assert"
 * import { Disclosure } from "@welfare/core"
 *
 * const figures = [
 *   { id: "citizens", atoms: ["p1"] },
 *   { id: "actors", atoms: ["p1"] } // 16 named organisations + 1 citizen: only the citizen is private
 * ]
 * // hiding the citizens' count alone is not enough: "actors" still shows it
 * assert.deepStrictEqual(Disclosure.audit(figures, (id) => id !== "citizens"), [
 *   { kind: "small", figures: ["actors"] },
 *   { kind: "derivable", figures: ["citizens"] }
 * ])
 * ```
 *
 * @category validation
 * @since 0.2.0
 */
export const audit = (
  figures: ReadonlyArray<Figure>,
  isShown: (id: string) => boolean,
  options: Options = {}
): ReadonlyArray<Leak> => {
  const threshold = options.threshold ?? defaultThreshold
  const weight = options.weight ?? (() => 1)
  const leaks: Array<Leak> = []
  for (const c of components(figures, weight)) {
    const shown = c.figures.map((fi) => isShown(figures[fi]!.id))
    for (const leak of componentLeaks(c, shown, threshold, true))
      leaks.push({ kind: leak.kind, figures: leak.figures.map((l) => figures[c.figures[l]!]!.id) })
  }
  const order = { small: 0, difference: 1, derivable: 2 }
  return leaks.sort((a, b) => order[a.kind] - order[b.kind])
}

/**
 * Decides which figures of a publication are shown: hides every figure about
 * 1 to `threshold - 1` persons, then hides further figures, the one about
 * the fewest persons first, until {@link audit} finds no leak. Figures about
 * no private atom are always shown. Rejects a threshold out of range or two
 * figures with one id, with every problem at once.
 *
 * @example
 * ```ts
 * import * as assert from "node:assert"
 * import { Either } from "effect"
 * import { Disclosure } from "@welfare/core"
 *
 * const persons = (n: number, from = 0) => Array.from({ length: n }, (_, i) => `p${from + i}`)
 * const decided = Disclosure.decide([
 *   { id: "total", atoms: persons(23) },
 *   { id: "legnano", atoms: persons(17) },
 *   { id: "canegrate", atoms: persons(2, 17) },
 *   { id: "rescaldina", atoms: persons(4, 19) }
 * ])
 * assert.ok(Either.isRight(decided))
 * assert.deepStrictEqual(decided.right, {
 *   total: "visible",
 *   legnano: "visible",
 *   canegrate: "small",
 *   rescaldina: "small"
 * })
 * ```
 *
 * @category validation
 * @since 0.2.0
 */
export const decide = (
  figures: ReadonlyArray<Figure>,
  options: Options = {}
): Problem.Result<{ readonly [id: string]: Status }> => {
  const threshold = options.threshold ?? defaultThreshold
  const problems = [...thresholdProblems(threshold), ...checkIds(figures)]
  if (problems.length > 0) return Problem.fromProblems(undefined as never, problems)
  const weight = options.weight ?? (() => 1)
  const status: { [id: string]: Status } = {}
  for (const f of figures) status[f.id] = "visible"
  for (const c of components(figures, weight)) {
    const persons = c.classes.map((cl) => personsOf(cl, c.weights))
    const shown = c.figures.map(() => true)
    c.figures.forEach((fi, l) => {
      if (isSmall(persons[l]!, threshold)) {
        shown[l] = false
        status[figures[fi]!.id] = "small"
      }
    })
    // each round hides one more figure, so this ends after at most |figures| rounds
    for (;;) {
      const [leak] = componentLeaks(c, shown, threshold, false)
      if (leak === undefined) break
      const hide = pickComplement(c, shown, persons, leak)
      shown[hide] = false
      status[figures[c.figures[hide]!]!.id] = "complementary"
    }
  }
  return Either.right(status)
}

/**
 * The shown figure to hide for a leak: for a derivable figure, the shown
 * figure about the fewest persons whose hiding makes it underivable (a
 * cell rather than the total it sums, when both would do); for a small
 * difference, the smaller of the two.
 */
const pickComplement = (
  c: Component,
  shown: ReadonlyArray<boolean>,
  persons: ReadonlyArray<number>,
  leak: LocalLeak
): number => {
  const byPersons = (ls: ReadonlyArray<number>): Array<number> => {
    const withPersons = ls.filter((l) => persons[l]! > 0)
    return [...(withPersons.length > 0 ? withPersons : ls)].sort((a, b) => persons[a]! - persons[b]! || a - b)
  }
  if (leak.kind !== "derivable" && leak.group === undefined)
    return byPersons(leak.figures.filter((l) => shown[l]))[0]!
  const size = c.weights.length
  const target =
    leak.group === undefined ? vectorOf(c.classes[leak.figures[0]!]!, size) : vectorOf(leak.group, size)
  const candidates = byPersons(c.classes.flatMap((_, l) => (shown[l] ? [l] : [])))
  for (const x of candidates) {
    const rows = c.classes.filter((_, l) => shown[l] && l !== x)
    if (!reduce(basisOf(rows, size), [...target])) return x
  }
  // not reached: hiding every shown figure leaves nothing to derive from
  return candidates[0]!
}
