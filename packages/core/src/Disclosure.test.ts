import * as Either from "effect/Either"
import * as fc from "fast-check"
import { describe, expect, it } from "vitest"
import { formatted } from "../test/laws.js"
import * as Disclosure from "./Disclosure.js"

const unwrap = <A>(r: Either.Either<A, unknown>): A => {
  if (Either.isLeft(r)) throw new Error(JSON.stringify(r.left))
  return r.right
}

const persons = (n: number, from = 0): Array<string> => Array.from({ length: n }, (_, i) => `p${from + i}`)

/**
 * A generated publication: a few figures over a small universe of atoms
 * (persons), with nested, overlapping and disjoint populations, so that
 * every branch of the kernel is reached (small figures, nested differences,
 * combinations of several figures, figures about nobody).
 */
const publication = fc
  .record({
    atoms: fc.integer({ min: 0, max: 14 }),
    threshold: fc.integer({ min: 3, max: 11 }),
    figures: fc.array(fc.array(fc.nat({ max: 13 }), { maxLength: 14 }), { minLength: 1, maxLength: 8 })
  })
  .map(({ atoms, threshold, figures }) => ({
    threshold,
    figures: figures.map((members, i) => ({
      id: `f${i}`,
      atoms: [...new Set(members.filter((m) => m < atoms))].sort((a, b) => a - b).map((m) => `p${m}`)
    }))
  }))

/** The population of a combination of figures with coefficients -1, 0, 1: each atom's multiplicity. */
const combine = (
  figures: ReadonlyArray<Disclosure.Figure>,
  coefficients: ReadonlyArray<number>
): Map<string, number> => {
  const out = new Map<string, number>()
  figures.forEach((f, i) => {
    for (const a of f.atoms) out.set(a, (out.get(a) ?? 0) + coefficients[i]!)
  })
  for (const [a, n] of out) if (n === 0) out.delete(a)
  return out
}

const sameSet = (m: Map<string, number>, atoms: ReadonlyArray<string>): boolean =>
  m.size === atoms.length && atoms.every((a) => m.get(a) === 1)

describe("Disclosure.decide", () => {
  it("hides the two small municipalities, and no complement is needed when what they leave is 6 persons", () => {
    const decided = unwrap(
      Disclosure.decide([
        { id: "total", atoms: persons(23) },
        { id: "legnano", atoms: persons(17) },
        { id: "canegrate", atoms: persons(2, 17) },
        { id: "rescaldina", atoms: persons(4, 19) }
      ])
    )
    expect(decided).toEqual({ total: "visible", legnano: "visible", canegrate: "small", rescaldina: "small" })
  })

  it("hides a complement when one small part would be the total minus the others", () => {
    const decided = unwrap(
      Disclosure.decide([
        { id: "paths", atoms: persons(30) },
        { id: "open", atoms: persons(20) },
        { id: "closed", atoms: persons(7, 20) },
        { id: "suspended", atoms: persons(3, 27) }
      ])
    )
    expect(decided).toEqual({
      paths: "visible",
      open: "visible",
      closed: "complementary",
      suspended: "small"
    })
  })

  it("hides one more part when the total minus the shown parts leaves a small group (11 paths: 6 + 1 + 1 + 3, threshold 3)", () => {
    const decided = unwrap(
      Disclosure.decide(
        [
          { id: "paths", atoms: persons(11) },
          { id: "need", atoms: persons(6) },
          { id: "demand", atoms: persons(1, 6) },
          { id: "choice", atoms: persons(1, 7) },
          { id: "closed", atoms: persons(3, 8) }
        ],
        { threshold: 3 }
      )
    )
    // paths - need - closed would give demand + choice = 2 persons
    expect(decided).toEqual({
      paths: "visible",
      need: "visible",
      demand: "small",
      choice: "small",
      closed: "complementary"
    })
  })

  it("across sections: 'actors' minus named organisations would give the one citizen, so it is hidden too", () => {
    // organisations are public (named in the report): only the citizen is a private atom of "actors"
    const decided = unwrap(
      Disclosure.decide([
        { id: "territory.citizens", atoms: ["p-0017"] },
        { id: "network.actors", atoms: ["p-0017"] },
        { id: "territory.organisations", atoms: [] }
      ])
    )
    expect(decided).toEqual({
      "territory.citizens": "small",
      "network.actors": "small",
      "territory.organisations": "visible"
    })
  })

  it("weights: a cell standing for 12 persons is not small, one for 3 is", () => {
    const weight = (a: string) => (a === "cell-a" ? 12 : 3)
    expect(
      unwrap(
        Disclosure.decide(
          [
            { id: "a", atoms: ["cell-a"] },
            { id: "b", atoms: ["cell-b"] },
            { id: "t", atoms: ["cell-a", "cell-b"] }
          ],
          { weight }
        )
      )
    ).toEqual({ a: "complementary", b: "small", t: "visible" })
  })

  it("rejects a threshold out of range and duplicate ids, every problem at once", () => {
    expect(
      formatted(
        Disclosure.decide(
          [
            { id: "x", atoms: [] },
            { id: "x", atoms: [] }
          ],
          { threshold: 2 }
        )
      )
    ).toEqual([
      "threshold: expected a suppression threshold, a whole number of persons from 3 to 11, got 2: below 3 a figure could single out a person; 5 is the usual choice, 11 what health-data rules ask",
      "figures[1].id: the figure id at figures[1] is used twice: give every figure its own id"
    ])
  })

  it("property: after the decision the audit finds no leak", () => {
    fc.assert(
      fc.property(publication, ({ figures, threshold }) => {
        const status = unwrap(Disclosure.decide(figures, { threshold }))
        expect(Disclosure.audit(figures, (id) => status[id] === "visible", { threshold })).toEqual([])
      }),
      { numRuns: 300 }
    )
  })

  it("property: a figure is hidden as small exactly when it counts 1 to threshold - 1 persons; figures about nobody always show", () => {
    fc.assert(
      fc.property(publication, ({ figures, threshold }) => {
        const status = unwrap(Disclosure.decide(figures, { threshold }))
        for (const f of figures) {
          const n = f.atoms.length
          expect({ id: f.id, n, small: status[f.id] === "small" }).toEqual({
            id: f.id,
            n,
            small: n > 0 && n < threshold
          })
          if (n === 0) expect(status[f.id]).toBe("visible")
        }
      }),
      { numRuns: 300 }
    )
  })

  it("property: no subtraction between shown figures (A - B, A - B - C, A + B - C) gives a hidden figure or a group of 1 to threshold - 1 persons", () => {
    fc.assert(
      fc.property(publication, ({ figures, threshold }) => {
        const status = unwrap(Disclosure.decide(figures, { threshold }))
        const shown = figures.filter((f) => status[f.id] === "visible")
        const hidden = figures.filter((f) => status[f.id] !== "visible" && f.atoms.length > 0)
        const coefficientSets: Array<Array<number>> = []
        const k = shown.length
        // every choice of coefficients in {-1, 0, 1} for up to three shown figures
        const recurse = (i: number, acc: Array<number>, used: number) => {
          if (i === k) {
            if (used > 0) coefficientSets.push([...acc])
            return
          }
          acc.push(0)
          recurse(i + 1, acc, used)
          acc.pop()
          if (used < 3)
            for (const c of [1, -1]) {
              acc.push(c)
              recurse(i + 1, acc, used + 1)
              acc.pop()
            }
        }
        recurse(0, [], 0)
        for (const cs of coefficientSets) {
          const m = combine(shown, cs)
          for (const h of hidden)
            expect({ hidden: h.id, found: sameSet(m, h.atoms) }).toEqual({ hidden: h.id, found: false })
          // a difference that is a plain set of persons (every multiplicity 1) must not be small
          if ([...m.values()].every((n) => n === 1))
            expect({ coefficients: cs, small: m.size > 0 && m.size < threshold }).toEqual({
              coefficients: cs,
              small: false
            })
        }
      }),
      { numRuns: 150 }
    )
  })
})

/** Publications built from blocks: every figure a union of blocks, as tables of a total and its parts are. */
const partitioned = fc
  .record({
    blocks: fc.array(fc.integer({ min: 0, max: 7 }), { minLength: 1, maxLength: 7 }),
    threshold: fc.integer({ min: 3, max: 11 }),
    figures: fc.array(fc.array(fc.boolean(), { minLength: 7, maxLength: 7 }), { minLength: 1, maxLength: 8 })
  })
  .map(({ blocks, threshold, figures }) => {
    const starts = blocks.map((_, b) => blocks.slice(0, b).reduce((x, y) => x + y, 0))
    const atomsOf = blocks.map((n, b) => persons(n, starts[b]))
    return {
      threshold,
      figures: figures.map((pick, i) => ({
        id: `f${i}`,
        atoms: atomsOf.flatMap((a, b) => (pick[b] ? a : []))
      }))
    }
  })

describe("Disclosure.decide on tables of parts", () => {
  it("property: after the decision no sum or difference of up to three shown figures is a hidden figure or a small group", () => {
    fc.assert(
      fc.property(partitioned, ({ figures, threshold }) => {
        const status = unwrap(Disclosure.decide(figures, { threshold }))
        const shown = figures.filter((f) => status[f.id] === "visible")
        const hidden = figures.filter((f) => status[f.id] !== "visible" && f.atoms.length > 0)
        for (let i = 0; i < shown.length; i++)
          for (let j = -1; j < shown.length; j++)
            for (let k = -1; k < shown.length; k++)
              for (const signs of [
                [1, -1, -1],
                [1, 1, -1],
                [1, -1, 1]
              ]) {
                const picked = [i, j, k].map((x, n) => (x < 0 ? 0 : signs[n]!))
                const cs = shown.map(
                  (_, x) => (x === i ? 1 : 0) + (x === j ? picked[1]! : 0) + (x === k ? picked[2]! : 0)
                )
                const m = combine(shown, cs)
                for (const h of hidden)
                  expect({ hidden: h.id, cs, found: sameSet(m, h.atoms) }).toEqual({
                    hidden: h.id,
                    cs,
                    found: false
                  })
                if ([...m.values()].every((n) => n === 1))
                  expect({ cs, small: m.size > 0 && m.size < threshold }).toEqual({ cs, small: false })
              }
        expect(Disclosure.audit(figures, (id) => status[id] === "visible", { threshold })).toEqual([])
      }),
      { numRuns: 200 }
    )
  })
})

describe("Disclosure.audit", () => {
  it("names every leak by figure id, small first", () => {
    const figures = [
      { id: "citizens", atoms: ["p1"] },
      { id: "actors", atoms: ["p1"] }
    ]
    expect(Disclosure.audit(figures, (id) => id !== "citizens")).toEqual([
      { kind: "small", figures: ["actors"] },
      { kind: "derivable", figures: ["citizens"] }
    ])
  })

  it("finds a difference of nested shown figures that counts a small group", () => {
    const figures = [
      { id: "generative", atoms: persons(10) },
      { id: "traditional", atoms: persons(7) }
    ]
    expect(Disclosure.audit(figures, () => true)).toEqual([
      { kind: "difference", figures: ["generative", "traditional"] }
    ])
  })
})
