import * as Either from "effect/Either"
import { pipe } from "effect/Function"
import * as fc from "fast-check"
import { describe, expect, it } from "vitest"
import { formatted, roundTrip } from "../test/laws.js"
import * as Decoder from "./Decoder.js"
import * as Resource from "./Resource.js"
import * as Arb from "./testing/index.js"

const decode = Decoder.lazy(Resource.Resource)

describe("Resource", () => {
  it("property: totals are additive (totals of a concatenation is the sum of the totals)", () => {
    fc.assert(
      fc.property(Arb.resources(), Arb.resources(), (xs, ys) => {
        expect(Resource.totals([...xs, ...ys])).toEqual(
          Resource.sum(Resource.totals(xs), Resource.totals(ys))
        )
      })
    )
  })

  it("property: totals do not depend on the order of resources (invariant 4)", () => {
    fc.assert(
      fc.property(
        Arb.resources({ maxLength: 12 }).chain((xs) =>
          fc.tuple(fc.constant(xs), fc.shuffledSubarray([...xs], { minLength: xs.length }))
        ),
        ([xs, shuffled]) => {
          expect(Resource.totals(shuffled)).toEqual(Resource.totals(xs))
        }
      )
    )
  })

  it("property: sum is commutative and associative with empty as identity, data-first and in pipe", () => {
    const totals = Arb.resources().map(Resource.totals)
    fc.assert(
      fc.property(totals, totals, totals, (a, b, c) => {
        expect(Resource.sum(a, b)).toEqual(Resource.sum(b, a))
        expect(Resource.sum(Resource.sum(a, b), c)).toEqual(Resource.sum(a, Resource.sum(b, c)))
        expect(pipe(a, Resource.sum(Resource.empty))).toEqual(a)
        expect(Resource.difference(Resource.sum(a, b), b)).toEqual(a)
      })
    )
  })

  it("property: round trip (invariant 14)", () => roundTrip(Resource.Resource, Arb.resource()))

  it("totals and compares by kind, never adding different units", () => {
    const a = Resource.totals([
      Resource.unsafeMake("care", 10),
      Resource.unsafeMake("care", 2, "person"),
      Resource.unsafeMake("economic", 300)
    ])
    const b = Resource.totals([Resource.unsafeMake("care", 12), Resource.unsafeMake("care", 1, "person")])
    expect(a.care).toEqual({ hour: 10, person: 2, session: 0, euro: 0 })
    expect(Resource.compareKind(a, b, "care")).toEqual({ hour: -1, person: 1, session: 0, euro: 0 })
    expect(Resource.kindsOf([Resource.unsafeMake("time", 0), Resource.unsafeMake("economic", 1)])).toEqual([
      "economic"
    ])
    expect(pipe([Resource.unsafeMake("time", 0)], Resource.hasKind("time"))).toBe(false)
  })

  it("rejects negative, non-finite and too large amounts, and accepts the limits", () => {
    expect(formatted(decode({ kind: "time", amount: -0.5, unit: "hour" }))).toEqual([
      "amount: expected a non-negative amount, got -0.5"
    ])
    expect(formatted(decode({ kind: "time", amount: Number.POSITIVE_INFINITY, unit: "hour" }))).toEqual([
      "amount: expected a finite amount, got Infinity"
    ])
    expect(formatted(decode({ kind: "economic", amount: Resource.maxAmount + 1, unit: "euro" }))).toEqual([
      "amount: expected an amount of at most 1000000000000, got 1000000000001"
    ])
    expect(Either.isRight(decode({ kind: "economic", amount: Resource.maxAmount, unit: "euro" }))).toBe(true)
    expect(Either.isRight(decode({ kind: "time", amount: 0, unit: "hour" }))).toBe(true)
    expect(formatted(decode({ kind: "time", amount: "12", unit: "hour" }))).toEqual([
      "amount: expected a number, got a text of 2 characters"
    ])
  })

  it("rejects a unit that does not suit the kind", () => {
    expect(formatted(decode({ kind: "economic", amount: 5, unit: "hour" }))).toEqual([
      'unit: an economic resource is measured in euro, got "hour"'
    ])
  })
})
