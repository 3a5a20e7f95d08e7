/**
 * Resources: the four kinds of seed 002 (row 13) that families and communities
 * bring, "di tempo, di cura, di competenza ed economiche", with an amount and a
 * unit, and pure functions to total and compare them by kind.
 *
 * @since 0.1.0
 */

import type * as Effect from "effect/Effect"
import { dual } from "effect/Function"
import * as Schema from "effect/Schema"
import * as Decoder from "./Decoder.js"
import { referencesNothing, toEffect, validator } from "./internal/contract.js"
import { literals } from "./internal/schema.js"
import type { Labels } from "./Label.js"
import type * as Problem from "./Problem.js"

/**
 * Every resource kind (seed 002, row 13).
 *
 * @category constants
 * @since 0.1.0
 */
export const kinds = ["time", "care", "competence", "economic"] as const

/**
 * A resource kind: time, care, competence or economic.
 *
 * @category models
 * @since 0.1.0
 */
export const ResourceKind = literals(
  "ResourceKind",
  kinds,
  "A kind of resource: time, care, competence or economic (seed 002)."
)

/**
 * @category models
 * @since 0.1.0
 */
export type ResourceKind = typeof ResourceKind.Type

/**
 * Every unit a resource is measured in.
 *
 * @category constants
 * @since 0.1.0
 */
export const units = ["hour", "person", "session", "euro"] as const

/**
 * The unit of an amount: hours, persons, sessions or euro.
 *
 * @category models
 * @since 0.1.0
 */
export const ResourceUnit = literals("ResourceUnit", units, "The unit a resource amount is measured in.")

/**
 * @category models
 * @since 0.1.0
 */
export type ResourceUnit = typeof ResourceUnit.Type

/**
 * The units each kind may be measured in: time in hours; care in hours or
 * persons (carers); competence in hours, sessions or persons; economic
 * resources in euro.
 *
 * @category constants
 * @since 0.1.0
 */
export const unitsByKind: { readonly [K in ResourceKind]: ReadonlyArray<ResourceUnit> } = {
  time: ["hour"],
  care: ["hour", "person"],
  competence: ["hour", "session", "person"],
  economic: ["euro"]
}

/**
 * The largest amount one resource may carry (one thousand billion), so that
 * totals of millions of resources stay finite and exact enough.
 *
 * @category constants
 * @since 0.1.0
 */
export const maxAmount = 1e12

/**
 * A non-negative, finite amount no larger than {@link maxAmount}.
 *
 * @category models
 * @since 0.1.0
 */
export const Amount = Schema.Number.pipe(
  Schema.filter(
    (n) =>
      (Number.isFinite(n) && n >= 0 && n <= maxAmount) ||
      (Number.isFinite(n)
        ? n < 0
          ? `expected a non-negative amount, got ${n}`
          : `expected an amount of at most ${maxAmount}, got ${n}`
        : `expected a finite amount, got ${n}`),
    { jsonSchema: { minimum: 0, maximum: maxAmount } }
  ),
  Schema.annotations({
    identifier: "Amount",
    description: "A non-negative, finite amount.",
    arbitrary: () => (fc) => fc.integer({ min: 0, max: 2000 })
  })
)

/**
 * A resource: what an actor or a person brings, by kind, with its amount and
 * unit. `economic` resources are in euro; see {@link unitsByKind}.
 *
 * @example
 * ```ts
 * import * as assert from "node:assert"
 * import { Resource } from "@welfare/core"
 *
 * const volunteering = Resource.unsafeMake("time", 120, "hour")
 * assert.deepStrictEqual(volunteering, { kind: "time", amount: 120, unit: "hour" })
 * ```
 *
 * @category models
 * @since 0.1.0
 */
export const Resource = Schema.Struct({
  kind: ResourceKind,
  amount: Amount,
  unit: ResourceUnit
}).pipe(
  Schema.filter(
    (r) =>
      unitsByKind[r.kind].includes(r.unit) || {
        path: ["unit"],
        message: `${r.kind === "economic" ? "an" : "a"} ${r.kind} resource is measured in ${unitsByKind[r.kind].join(" or ")}, got "${r.unit}"`
      }
  ),
  Schema.annotations({
    identifier: "Resource",
    description: "A resource by kind (time, care, competence, economic), with its amount and unit.",
    arbitrary: () => (fc) =>
      fc.constantFrom(...kinds).chain((kind) =>
        fc.record({
          kind: fc.constant(kind),
          amount: fc.integer({ min: 0, max: 2000 }),
          unit: fc.constantFrom(...unitsByKind[kind])
        })
      )
  })
)

/**
 * @category models
 * @since 0.1.0
 */
export interface Resource extends Schema.Schema.Type<typeof Resource> {}

/**
 * Builds a resource without checking it, for trusted builders (fixtures,
 * generators, amounts the code computed). The unit defaults to the kind's
 * first unit (hours, or euro for economic resources). This was `make`
 * before 0.3.0.
 *
 * @category constructors
 * @since 0.3.0
 */
export const unsafeMake = (
  kind: ResourceKind,
  amount: number,
  unit: ResourceUnit = unitsByKind[kind][0]!
): Resource => ({
  kind,
  amount,
  unit
})

const check = validator(Resource)

/**
 * Builds a resource, checked: a non-negative finite amount no larger than
 * {@link maxAmount}, in a unit of its kind; the resource or every problem.
 * The unit defaults to the kind's first unit (hours, or euro for economic
 * resources).
 *
 * @example
 * ```ts
 * import * as assert from "node:assert"
 * import { Either } from "effect"
 * import { Resource } from "@welfare/core"
 *
 * assert.deepStrictEqual(Resource.make("time", 120), Either.right({ kind: "time", amount: 120, unit: "hour" }))
 * assert.ok(Either.isLeft(Resource.make("time", -1)))
 * ```
 *
 * @category constructors
 * @since 0.1.0
 */
export const make = (kind: ResourceKind, amount: number, unit?: ResourceUnit): Problem.Result<Resource> =>
  check(unsafeMake(kind, amount, unit))

/**
 * Italian and English labels of the resource kinds.
 *
 * @category labels
 * @since 0.1.0
 */
export const kindLabels: Labels<ResourceKind> = {
  time: { it: "Tempo", en: "Time" },
  care: { it: "Cura", en: "Care" },
  competence: { it: "Competenza", en: "Competence" },
  economic: { it: "Risorse economiche", en: "Economic" }
}

/**
 * Italian and English labels of the units.
 *
 * @category labels
 * @since 0.1.0
 */
export const unitLabels: Labels<ResourceUnit> = {
  hour: { it: "ore", en: "hours" },
  person: { it: "persone", en: "persons" },
  session: { it: "incontri", en: "sessions" },
  euro: { it: "euro", en: "euro" }
}

/**
 * Totals by kind and unit: `totals.time.hour` is the hours of time.
 * Amounts of different units are never added together.
 *
 * @category models
 * @since 0.1.0
 */
export type Totals = { readonly [K in ResourceKind]: { readonly [U in ResourceUnit]: number } }

const zeroUnits = (): { [U in ResourceUnit]: number } => ({ hour: 0, person: 0, session: 0, euro: 0 })

/**
 * The totals of no resource: zero everywhere. The identity of {@link sum}.
 *
 * @category constants
 * @since 0.1.0
 */
export const empty: Totals = {
  time: zeroUnits(),
  care: zeroUnits(),
  competence: zeroUnits(),
  economic: zeroUnits()
}

/**
 * Totals a list of resources by kind and unit. Order never matters.
 *
 * @example
 * ```ts
 * import * as assert from "node:assert"
 * import { Resource } from "@welfare/core"
 *
 * const t = Resource.totals([
 *   Resource.unsafeMake("time", 10),
 *   Resource.unsafeMake("economic", 500),
 *   Resource.unsafeMake("time", 5)
 * ])
 * assert.strictEqual(t.time.hour, 15)
 * assert.strictEqual(t.economic.euro, 500)
 * ```
 *
 * @category calculators
 * @since 0.1.0
 */
export const totals = (resources: Iterable<Resource>): Totals => {
  const out = { time: zeroUnits(), care: zeroUnits(), competence: zeroUnits(), economic: zeroUnits() }
  for (const r of resources) out[r.kind][r.unit] += r.amount
  return out
}

const combine = (a: Totals, b: Totals, f: (x: number, y: number) => number): Totals => {
  const out = { time: zeroUnits(), care: zeroUnits(), competence: zeroUnits(), economic: zeroUnits() }
  for (const k of kinds) for (const u of units) out[k][u] = f(a[k][u], b[k][u])
  return out
}

/**
 * Adds two totals, kind by kind and unit by unit: `totals(xs ++ ys)` equals
 * `sum(totals(xs), totals(ys))`.
 *
 * @example
 * ```ts
 * import * as assert from "node:assert"
 * import { pipe } from "effect"
 * import { Resource } from "@welfare/core"
 *
 * const a = Resource.totals([Resource.unsafeMake("care", 3)])
 * const b = Resource.totals([Resource.unsafeMake("care", 4)])
 * assert.strictEqual(pipe(a, Resource.sum(b)).care.hour, 7)
 * ```
 *
 * @category combinators
 * @since 0.1.0
 */
export const sum: {
  (that: Totals): (self: Totals) => Totals
  (self: Totals, that: Totals): Totals
} = dual(2, (self: Totals, that: Totals): Totals => combine(self, that, (x, y) => x + y))

/**
 * The difference `self - that`, kind by kind and unit by unit: positive where
 * `self` brings more.
 *
 * @category combinators
 * @since 0.1.0
 */
export const difference: {
  (that: Totals): (self: Totals) => Totals
  (self: Totals, that: Totals): Totals
} = dual(2, (self: Totals, that: Totals): Totals => combine(self, that, (x, y) => x - y))

/**
 * Compares two totals of one kind: for each unit, `-1`, `0` or `1` as `self`
 * brings less, as much or more than `that`.
 *
 * @example
 * ```ts
 * import * as assert from "node:assert"
 * import { Resource } from "@welfare/core"
 *
 * const a = Resource.totals([Resource.unsafeMake("time", 10)])
 * const b = Resource.totals([Resource.unsafeMake("time", 4)])
 * assert.strictEqual(Resource.compareKind(a, b, "time").hour, 1)
 * ```
 *
 * @category calculators
 * @since 0.1.0
 */
export const compareKind = (
  self: Totals,
  that: Totals,
  kind: ResourceKind
): { readonly [U in ResourceUnit]: -1 | 0 | 1 } => {
  const out = zeroUnits() as { [U in ResourceUnit]: -1 | 0 | 1 }
  for (const u of units) {
    const d = self[kind][u] - that[kind][u]
    out[u] = d > 0 ? 1 : d < 0 ? -1 : 0
  }
  return out
}

/**
 * Whether a list brings any resource of the given kind (a positive amount).
 *
 * @category predicates
 * @since 0.1.0
 */
export const hasKind: {
  (kind: ResourceKind): (self: Iterable<Resource>) => boolean
  (self: Iterable<Resource>, kind: ResourceKind): boolean
} = dual(2, (self: Iterable<Resource>, kind: ResourceKind): boolean => {
  for (const r of self) if (r.kind === kind && r.amount > 0) return true
  return false
})

/**
 * The kinds a list of resources brings with a positive amount, in the order of {@link kinds}.
 *
 * @category getters
 * @since 0.1.0
 */
export const kindsOf = (resources: Iterable<Resource>): ReadonlyArray<ResourceKind> => {
  const seen = new Set<ResourceKind>()
  for (const r of resources) if (r.amount > 0) seen.add(r.kind)
  return kinds.filter((k) => seen.has(k))
}

/**
 * A resource as JSON.
 *
 * @category models
 * @since 0.2.0
 */
export interface ResourceEncoded extends Schema.Schema.Encoded<typeof Resource> {}

/**
 * Decodes a resource from unknown input (parsed JSON), with every problem at
 * once, each with its path; unknown properties are problems.
 *
 * @category decoding
 * @since 0.2.0
 */
export const decode: (input: unknown) => Problem.Result<Resource> = Decoder.lazy(Resource)

/**
 * {@link decode} as an `Effect` that fails with a `Problem.ValidationError`.
 *
 * @category decoding
 * @since 0.2.0
 */
export const decodeEffect: (input: unknown) => Effect.Effect<Resource, Problem.ValidationError> =
  toEffect(decode)

/**
 * Encodes a resource to its JSON form.
 *
 * @category encoding
 * @since 0.2.0
 */
export const encode: (value: Resource) => ResourceEncoded = Schema.encodeSync(Resource)

/**
 * The dangling ids of a list of resources: always none, since a resource
 * references no other entity. Here for the module contract.
 *
 * @category validation
 * @since 0.3.0
 */
export const referenceProblems: (
  resources: ReadonlyArray<Resource>,
  known?: unknown,
  path?: ReadonlyArray<Problem.PathSegment>
) => Array<Problem.Problem> = referencesNothing

/**
 * The module's words in Italian and English: the entity and its fields (the
 * kinds and units have their own tables, {@link kindLabels} and
 * {@link unitLabels}).
 *
 * @category labels
 * @since 0.3.0
 */
export const labels: Labels<"resource" | "resources" | "kind" | "amount" | "unit"> = {
  resource: { it: "Risorsa", en: "Resource" },
  resources: { it: "Risorse", en: "Resources" },
  kind: { it: "Tipo", en: "Kind" },
  amount: { it: "Quantità", en: "Amount" },
  unit: { it: "Unità", en: "Unit" }
}
