/**
 * The one lifecycle shape of `TakingCharge` and `CoDesign` (issue 15): the
 * same laws for both (test/lifecycle.ts), the incremental `CoDesign.apply`
 * against a fresh replay, and the shared structures of the kernel against
 * plain arrays and maps.
 */
import * as Either from "effect/Either"
import * as fc from "fast-check"
import { describe, expect, it } from "vitest"
import { everyPrefixReplays, type Lifecycle, replayIsFoldOfApply } from "../test/lifecycle.js"
import * as CoDesign from "./CoDesign.js"
import { Chain, Versions } from "./internal/lifecycle/kernel.js"
import type * as Problem from "./Problem.js"
import * as TakingCharge from "./TakingCharge.js"
import * as Arb from "./testing/index.js"

const takingCharge: Lifecycle<
  TakingCharge.CaseState | undefined,
  TakingCharge.Event,
  TakingCharge.StepDiagnostic
> = {
  initial: undefined,
  apply: (state, event, index) => TakingCharge.apply(state, event, { index }),
  replay: (events) => TakingCharge.replay(events),
  view: (state) => state
}

const coDesign = (
  definition: CoDesign.Definition
): Lifecycle<CoDesign.Process, CoDesign.Event, Problem.Problem> => ({
  initial: CoDesign.unsafeMake(definition),
  apply: (process, event) => CoDesign.apply(process, event),
  replay: (events) => CoDesign.replay(definition, events),
  // a fresh copy: its state is folded anew, not read from the incremental cache
  view: (process) => ({ events: process.events, state: CoDesign.state({ ...process }) }),
  // the fold of apply numbers an event by the events accepted before it, replay by its place
  diagnostic: (p) => ({ ...p, path: p.path.slice(2) })
})

/** A history with mistakes: events swapped, repeated or dropped. */
const perturbed = <E>(history: ReadonlyArray<E>): fc.Arbitrary<ReadonlyArray<E>> =>
  fc
    .array(fc.tuple(fc.constantFrom("swap", "repeat", "drop"), fc.nat(), fc.nat()), { maxLength: 3 })
    .map((ops) => {
      const out = [...history]
      for (const [op, i, j] of ops) {
        if (out.length === 0) break
        const a = i % out.length
        const b = j % out.length
        if (op === "swap") [out[a], out[b]] = [out[b]!, out[a]!]
        else if (op === "repeat") out.splice(b, 0, out[a]!)
        else out.splice(a, 1)
      }
      return out
    })

describe("one lifecycle shape", () => {
  it("property: every prefix of a valid taking-charge history replays, to the fold of apply (invariant 10)", () => {
    fc.assert(
      fc.property(Arb.caseHistory(), (history) => {
        everyPrefixReplays(takingCharge, history)
      })
    )
  })

  it("property: a taking-charge replay is the fold of apply, on histories with mistakes too (invariant 10)", () => {
    let failing = 0
    fc.assert(
      fc.property(Arb.caseHistory().chain(perturbed), (history) => {
        if (replayIsFoldOfApply(takingCharge, history) > 0) failing++
      }),
      { numRuns: 300 }
    )
    expect(failing).toBeGreaterThan(0)
  })

  it("property: every prefix of a valid co-design history replays, to the fold of apply (invariant 10)", () => {
    fc.assert(
      fc.property(Arb.coDesignProcess({ maxEvents: 40 }), (process) => {
        everyPrefixReplays(coDesign(CoDesign.definitionOf(process)), process.events)
      }),
      { numRuns: 40 }
    )
  }, 120_000)

  it("property: a co-design replay is the fold of apply, on histories with mistakes too (invariant 10)", () => {
    let failing = 0
    const history = Arb.coDesignProcess({ maxEvents: 30 }).chain((process) =>
      fc.tuple(
        fc.constant(process),
        fc
          .array(Arb.anyEvent(process), { maxLength: 3 })
          .chain((extra) => perturbed([...process.events, ...extra]))
      )
    )
    fc.assert(
      fc.property(history, ([process, events]) => {
        if (replayIsFoldOfApply(coDesign(CoDesign.definitionOf(process)), events) > 0) failing++
      }),
      { numRuns: 80 }
    )
    expect(failing).toBeGreaterThan(0)
  }, 120_000)

  it("property: an incremental co-design apply, also from an earlier version of a process, agrees with a fresh replay (invariant 10)", () => {
    const versions = Arb.coDesignProcess({ maxEvents: 40 }).chain((process) =>
      fc.tuple(fc.constant(process), fc.nat({ max: process.events.length }))
    )
    fc.assert(
      fc.property(
        versions,
        fc.array(fc.nat({ max: 1_000_000 }), { minLength: 8, maxLength: 8 }),
        ([p, k], numbers) => {
          // every version shares the structures of the newest: rebuild them by apply
          const all = [CoDesign.unsafeMake(CoDesign.definitionOf(p))]
          for (const e of p.events) all.push(Either.getOrThrow(CoDesign.apply(all.at(-1)!, e)))
          const older = all[k]!
          const offers = CoDesign.next(older)
          if (offers.length === 0) return
          const branch = Arb.eventForOffer(older, offers[numbers[0]! % offers.length]!, numbers)
          const branched = Either.getOrThrow(CoDesign.apply(older, branch))
          expect(CoDesign.state(branched)).toEqual(CoDesign.state({ ...branched }))
          // the newest version is untouched by the branch
          const newest = all.at(-1)!
          const again = CoDesign.next(newest)
          if (again.length === 0) return
          const event = Arb.eventForOffer(newest, again[numbers[1]! % again.length]!, numbers)
          const incremental = CoDesign.apply(newest, event)
          const fresh = CoDesign.apply({ ...newest }, event)
          expect(Either.isRight(incremental)).toBe(Either.isRight(fresh))
          if (Either.isRight(incremental) && Either.isRight(fresh))
            expect(CoDesign.state(incremental.right)).toEqual(CoDesign.state(fresh.right))
        }
      ),
      { numRuns: 60 }
    )
  }, 120_000)
})

describe("lifecycle kernel", () => {
  type Op = readonly [version: number, value: number]
  const ops = fc.array(fc.tuple(fc.nat(), fc.nat({ max: 20 })), { maxLength: 60 })

  it("property: a Chain appended from any of its versions reads as plain arrays do", () => {
    fc.assert(
      fc.property(ops, (list: ReadonlyArray<Op>) => {
        const chains = [Chain.empty<number>()]
        const arrays: Array<ReadonlyArray<number>> = [[]]
        for (const [v, x] of list) {
          const i = v % chains.length
          chains.push(chains[i]!.append(x))
          arrays.push([...arrays[i]!, x])
        }
        chains.forEach((c, i) => {
          expect(c.toArray()).toEqual(arrays[i])
          expect(c.length).toBe(arrays[i]!.length)
          for (let x = 0; x <= 20; x++) expect(c.has(x)).toBe(arrays[i]!.includes(x))
        })
      })
    )
  })

  it("property: Versions written from any of its versions read as plain maps do", () => {
    fc.assert(
      fc.property(ops, (list: ReadonlyArray<Op>) => {
        const versions = [Versions.empty<number, number>()]
        const maps: Array<ReadonlyMap<number, number>> = [new Map()]
        list.forEach(([v, x], n) => {
          const i = v % versions.length
          versions.push(versions[i]!.set(x % 7, n))
          maps.push(new Map([...maps[i]!, [x % 7, n]]))
        })
        versions.forEach((m, i) => {
          expect(m.keys()).toEqual([...maps[i]!.keys()])
          expect(m.values()).toEqual([...maps[i]!.values()])
          expect(m.size).toBe(maps[i]!.size)
          for (let k = 0; k < 7; k++) expect(m.get(k)).toBe(maps[i]!.get(k))
        })
      })
    )
  })
})
