import * as Either from "effect/Either"
import * as fc from "fast-check"
import { describe, expect, it } from "vitest"
import { corrupted } from "../test/corrupt.js"
import { breathe } from "../test/laws.js"
import * as Problem from "./Problem.js"
import * as Territory from "./Territory.js"
import * as Arb from "./testing/index.js"

const problem: fc.Arbitrary<Problem.Problem> = fc
  .record({
    code: fc.constantFrom(...Problem.ProblemCode.literals),
    path: fc.array(fc.oneof(fc.nat(20), fc.constantFrom("actors", "id", "kind")), { maxLength: 4 }),
    message: fc.constantFrom("is required but missing", "expected a text")
  })
  .map(({ code, path, message }) => Problem.make(code, path, message))

const countByCode = (problems: ReadonlyArray<Problem.Problem>) => {
  const out: Record<string, number> = {}
  for (const p of problems) out[p.code] = (out[p.code] ?? 0) + 1
  return out
}

describe("Problem cap (issue 14: memory bounded however many problems)", () => {
  it("property: the kept problems are a prefix of the uncapped list, the rest counted by kind, counts adding up to the total", () => {
    fc.assert(
      fc.property(fc.array(problem, { maxLength: 60 }), fc.nat(70), (problems, max) => {
        const capped = Problem.cap(problems, max)
        expect(capped.kept).toStrictEqual(problems.slice(0, max))
        expect(capped.total).toBe(problems.length)
        expect(capped.omitted).toStrictEqual(countByCode(problems.slice(max)))
        const omitted = Object.values(capped.omitted).reduce((a, b) => a + (b ?? 0), 0)
        expect(capped.kept.length + omitted).toBe(capped.total)
        expect(Problem.omittedCount(capped)).toBe(omitted)
        expect(Problem.formatOmitted(capped) === "").toBe(omitted === 0)
      }),
      { numRuns: 300 }
    )
  })

  it("property: a collector fed problem by problem, counting some with skip once full, gives what cap gives", () => {
    fc.assert(
      fc.property(fc.array(problem, { maxLength: 60 }), fc.nat(70), (problems, max) => {
        const sink = Problem.collector(max)
        for (const p of problems) {
          if (sink.full()) sink.skip(p.code)
          else sink.add(p)
          expect(sink.result().kept.length).toBeLessThanOrEqual(max)
        }
        expect(sink.result()).toStrictEqual(Problem.cap(problems, max))
        expect(sink.total()).toBe(problems.length)
      }),
      { numRuns: 300 }
    )
  })

  it("keeps 1,000 by default and holds no more however many are added", () => {
    const sink = Problem.collector()
    for (let i = 0; i < 5_000; i++)
      sink.add(Problem.make("duplicate-id", ["actors", i, "id"], "already used"))
    const capped = sink.result()
    expect(Problem.defaultMaxProblems).toBe(1_000)
    expect(capped.kept).toHaveLength(1_000)
    expect(capped.omitted).toStrictEqual({ "duplicate-id": 4_000 })
    expect(Problem.formatOmitted(capped)).toBe(
      "... and 4000 more problems not shown (4000 duplicate-id): only the first 1000 are kept"
    )
  })

  it("a territory of 3,000 actors sharing one id: the first problems kept, the others counted", () => {
    const actors = Array.from({ length: 3_000 }, () => ({
      id: "coop-x",
      kind: "social-cooperative",
      resources: []
    }))
    const input = { name: "Ambito di Legnano", municipalities: [], actors }
    const capped = Territory.decodeCapped(input, { maxProblems: 3 })
    expect(Either.isLeft(capped)).toBe(true)
    if (Either.isRight(capped)) return
    expect(capped.left.kept.map((p) => Problem.format(p))).toStrictEqual([
      'actors[1].id: the actor id "coop-x" is already used by actors[0]: give every actor its own id',
      'actors[2].id: the actor id "coop-x" is already used by actors[0]: give every actor its own id',
      'actors[3].id: the actor id "coop-x" is already used by actors[0]: give every actor its own id'
    ])
    expect(capped.left.omitted).toStrictEqual({ "duplicate-id": 2_996 })
    expect(capped.left.total).toBe(2_999)
  })

  it("a document whose every actor is broken is checked one actor at a time, in file order", () => {
    const actors = Array.from({ length: 1_500 }, (_, i) => ({
      id: `a-${i}`,
      kind: "foo",
      resources: [],
      note: "x"
    }))
    const capped = Territory.decodeCapped(
      { name: "Ambito di Legnano", municipalities: [], actors },
      { maxProblems: 4 }
    )
    if (Either.isRight(capped)) throw new Error("expected problems")
    expect(capped.left.kept.map((p) => Problem.formatPath(p.path))).toStrictEqual([
      "actors[0].note",
      "actors[0].kind",
      "actors[1].note",
      "actors[1].kind"
    ])
    expect(capped.left.total).toBe(3_000)
    expect(capped.left.omitted).toStrictEqual({ "invalid-value": 2_996 })
  })

  it("a required list inherited through the prototype, with a broken item, is reported as effect reports it: the field missing", () => {
    const own = { id: "ter-1", name: "Ambito di Legnano", municipalities: [] }
    const input = Object.assign(
      Object.create({
        actors: [{ id: "act-1", kind: "promotion-association", policyAreas: [], resources: [{}] }]
      }),
      own
    )
    const whole = Territory.decode(input)
    const capped = Territory.decodeCapped(input, { maxProblems: Number.POSITIVE_INFINITY })
    expect(Either.isLeft(whole) && whole.left.map((p) => `${Problem.formatPath(p.path)}: ${p.code}`)).toEqual(
      ["actors: missing"]
    )
    expect(Either.isLeft(capped) && capped.left.kept).toStrictEqual(Either.isLeft(whole) && whole.left)
  })

  it("property: Territory.decodeCapped keeps a prefix of Territory.decode's problems, in the same order, and counts the rest (invariant 14)", async () => {
    const inputs = fc.oneof(
      Arb.territory({ maxActors: 6 }).map((t) => JSON.parse(JSON.stringify(t))),
      corrupted(Arb.territory({ maxActors: 6 })),
      corrupted(
        Arb.fullTerritory({ maxItems: 2 }).map((t) => JSON.parse(JSON.stringify(Territory.encode(t))))
      )
    )
    await fc.assert(
      fc.asyncProperty(inputs, fc.nat(8), async (input, max) => {
        await breathe()
        const whole = Territory.decode(input)
        const all = Territory.decodeCapped(input, { maxProblems: Number.POSITIVE_INFINITY })
        const capped = Territory.decodeCapped(input, { maxProblems: max })
        if (Either.isRight(whole)) {
          expect(all).toStrictEqual(whole)
          expect(capped).toStrictEqual(whole)
          // key order included: the value is built one part at a time
          if (Either.isRight(all)) expect(JSON.stringify(all.right)).toBe(JSON.stringify(whole.right))
          return
        }
        if (Either.isRight(all) || Either.isRight(capped)) throw new Error("expected problems")
        expect(all.left.kept).toStrictEqual(whole.left)
        expect(capped.left).toStrictEqual(Problem.cap(whole.left, Math.max(1, max)))
      }),
      { numRuns: 300 }
    )
  }, 600_000)
})
