import * as Arbitrary from "effect/Arbitrary"
import * as Either from "effect/Either"
import * as Schema from "effect/Schema"
import * as fc from "fast-check"
import { describe, expect, it } from "vitest"
import { corrupted } from "../test/corrupt.js"
import { breathe } from "../test/laws.js"
import * as Actor from "./Actor.js"
import * as CoDesign from "./CoDesign.js"
import * as Decoder from "./Decoder.js"
import * as IndicatorAssignment from "./IndicatorAssignment.js"
import { compile as compileAst } from "./internal/compile/codegen.js"
import * as Measurement from "./Measurement.js"
import * as Need from "./Need.js"
import * as Problem from "./Problem.js"
import * as Resource from "./Resource.js"
import * as TakingCharge from "./TakingCharge.js"
import * as Territory from "./Territory.js"
import * as Arb from "./testing/index.js"

/** Key order matters: effect writes keys in schema order. */
const shape = (u: unknown): unknown =>
  Array.isArray(u)
    ? u.map(shape)
    : typeof u === "object" && u !== null
      ? Object.keys(u).map((k) => [k, shape((u as Record<string, unknown>)[k])])
      : u

const agree = <A, I>(schema: Schema.Schema<A, I, never>) => {
  const fast = Decoder.compile(schema)
  // The reference is effect's own decoder, never the compiled path (which Decoder.lazy also uses).
  const effect = Schema.decodeUnknownEither(schema, { errors: "all", onExcessProperty: "error" })
  const full = (input: unknown): Problem.Result<A> => Either.mapLeft(effect(input), Problem.fromParseError)
  return (input: unknown): Problem.Result<A> => {
    const a = fast(input)
    let b: Problem.Result<A>
    try {
      b = full(input)
    } catch {
      // effect's own decoder turns a union's discriminator into text with `String(...)`, which
      // throws on an object whose `toString` is not a function (`{"type": {"toString": null}}`):
      // there is no reference to agree with, and ours must refuse the input, never throw.
      expect(Either.isLeft(a)).toBe(true)
      return a
    }
    expect(a).toStrictEqual(b)
    if (Either.isRight(a) && Either.isRight(b)) expect(shape(a.right)).toStrictEqual(shape(b.right))
    return a
  }
}

describe("Decoder", () => {
  it("property: the fast path and the full decoder agree on every valid actor, key order included (invariant 14)", () => {
    const check = agree(Actor.Actor)
    fc.assert(
      fc.property(Arb.actor(), (actor) => {
        const input = JSON.parse(JSON.stringify(actor))
        expect(Either.isRight(check(input))).toBe(true)
      }),
      { numRuns: 300 }
    )
  })

  it("property: the fast path and the full decoder agree on every corrupted actor, problems included (invariant 14)", () => {
    const check = agree(Actor.Actor)
    fc.assert(
      fc.property(corrupted(Arb.actor()), (input) => void check(input)),
      { numRuns: 500 }
    )
  })

  it("property: the fast path and the full decoder agree on resources and territories, valid or corrupted (invariant 14)", () => {
    const resource = agree(Resource.Resource)
    const territory = agree(Territory.Territory)
    fc.assert(
      fc.property(fc.oneof(Arb.resource(), corrupted(Arb.resource())), (input) => void resource(input))
    )
    fc.assert(
      fc.property(
        fc.oneof(Arb.territory({ maxActors: 5 }), corrupted(Arb.territory({ maxActors: 5 }))),
        (input) => void territory(input)
      ),
      { numRuns: 200 }
    )
  })

  it("property: the fast path and the full decoder agree on full territories (every section populated), valid or corrupted (invariant 14)", async () => {
    const territory = agree(Territory.Territory)
    const full = Arb.fullTerritory({ maxItems: 2 }).map((t) =>
      JSON.parse(JSON.stringify(Territory.encode(t)))
    )
    await fc.assert(
      fc.asyncProperty(full, async (input) => {
        await breathe()
        expect(Either.isRight(territory(input))).toBe(true)
      }),
      { numRuns: 50 }
    )
    await fc.assert(
      fc.asyncProperty(corrupted(full), async (input) => {
        await breathe()
        territory(input)
      }),
      { numRuns: 150 }
    )
  })

  it("property: the fast path and the full decoder agree on the other entities: events, measurements, needs, assignments (invariant 14)", () => {
    const schemas: ReadonlyArray<readonly [string, Schema.Schema<any, any, never>]> = [
      ["TakingCharge.Event", TakingCharge.Event],
      ["Measurement", Measurement.Measurement],
      ["Need", Need.Need],
      ["IndicatorAssignment", IndicatorAssignment.IndicatorAssignment],
      ["CoDesign.Event", CoDesign.Event]
    ]
    for (const [name, schema] of schemas) {
      const check = agree(schema)
      const valid = Arbitrary.make(schema).map((v) =>
        JSON.parse(JSON.stringify(Schema.encodeSync(schema)(v)))
      )
      fc.assert(
        fc.property(fc.oneof(valid, corrupted(valid)), (input) => void check(input)),
        { numRuns: 100, examples: [] }
      )
      expect([name, Decoder.compile(schema).fast]).toEqual([name, true])
    }
  })

  it("property: agreement holds on shapes beyond the domain: non-exact optionals, tuples, transformations, unions (invariant 14)", () => {
    const Shape = Schema.Struct({
      n: Schema.optional(Schema.Number.pipe(Schema.int(), Schema.finite())),
      t: Schema.Tuple(Schema.String, Schema.Boolean),
      s: Schema.NumberFromString,
      u: Schema.Union(Schema.Literal(1, 2), Schema.Struct({ a: Schema.String })),
      w: Schema.Union(Schema.Struct({ a: Schema.String }), Schema.Struct({ b: Schema.Number })),
      x: Schema.optional(Schema.Union(Schema.Null, Schema.String.pipe(Schema.minLength(2)))),
      l: Schema.Array(Schema.Literal("a", "b")).pipe(Schema.maxItems(3))
    })
    const check = agree(Shape)
    const valid = fc.record(
      {
        n: fc.integer(),
        t: fc.tuple(fc.string(), fc.boolean()),
        s: fc.integer().map(String),
        u: fc.oneof(fc.constantFrom(1, 2), fc.record({ a: fc.string() })),
        w: fc.oneof(fc.record({ a: fc.string() }), fc.record({ b: fc.integer() })),
        x: fc.oneof(fc.constant(null), fc.string({ minLength: 2 })),
        l: fc.array(fc.constantFrom("a", "b"), { maxLength: 4 })
      },
      { requiredKeys: ["t", "s", "u", "w", "l"] }
    )
    fc.assert(
      fc.property(fc.oneof(valid, corrupted(valid)), (input) => void check(input)),
      { numRuns: 500 }
    )
    expect(Decoder.compile(Shape).fast).toBe(true)
  })

  it("compiles every part of the domain's flat entities, delegating nothing to effect", () => {
    const options = { errors: "all", onExcessProperty: "error" } as const
    // The territory itself is not flat (its optional sections decode to [] through a
    // transformation, which the compiler hands to effect); its municipalities are.
    for (const schema of [Actor.Actor, Resource.Resource, Territory.Municipality]) {
      const c = compileAst(schema.ast, options)
      expect(c.check).toBeDefined()
      expect(c.delegated).toBe(0)
    }
  })

  it("decodes the Legnano cooperative of seed 004, reports its unknown properties by name only, and reports effect's problems for a citizen with a name", () => {
    const decode = Decoder.compile(Actor.Actor)
    expect(decode.fast).toBe(true)
    const coop = {
      resources: [{ unit: "hour", amount: 400, kind: "care" }],
      kind: "social-cooperative",
      name: "Cooperativa Sociale Il Melograno",
      id: "coop-melograno"
    }
    const ok = decode(coop)
    expect(ok).toStrictEqual(
      Either.right({
        id: "coop-melograno",
        kind: "social-cooperative",
        name: "Cooperativa Sociale Il Melograno",
        resources: [{ kind: "care", amount: 400, unit: "hour" }]
      })
    )
    expect(Either.isRight(ok) && Object.keys(ok.right)).toEqual(["id", "kind", "name", "resources"])
    expect(Either.isRight(ok) && ok.right.resources[0]).not.toBe(coop.resources[0])

    // issue 14: a free-text note and a misspelt field are problems, named but never quoted.
    const extra = decode({
      ...coop,
      note: "Mario Rossi, vive solo, 82 anni",
      resources: [{ ...coop.resources[0], by: "x" }],
      constructor: "x",
      toString: "x"
    })
    const lines = Either.isLeft(extra) ? extra.left.map(Problem.format) : []
    expect(lines).toEqual([
      "note: is not a property of this object: remove it, or check its spelling",
      "constructor: is not a property of this object: remove it, or check its spelling",
      "toString: is not a property of this object: remove it, or check its spelling",
      "resources[0].by: is not a property of this object: remove it, or check its spelling"
    ])
    expect(lines.join("\n")).not.toContain("Mario")

    const citizen = decode({ id: "cit-7", kind: "citizen", name: "Mario", resources: [] })
    expect(Either.isLeft(citizen) && citizen.left.map(Problem.format)).toEqual([
      "name: a citizen is identified only by a pseudonymous id: remove the name (persons never carry personal data here)"
    ])
  })

  it("decodeAll prefixes each problem with the index of its value", () => {
    const decode = Decoder.compile(Resource.Resource)
    const r = Decoder.decodeAll(decode, [
      { kind: "time", amount: 3, unit: "hour" },
      { kind: "time", amount: -1, unit: "hour" },
      { kind: "economic", amount: 5, unit: "hour" }
    ])
    expect(Either.isLeft(r) && r.left.map(Problem.format)).toEqual([
      "[1].amount: expected a non-negative amount, got -1",
      '[2].unit: an economic resource is measured in euro, got "hour"'
    ])
    expect(Decoder.decodeAll(decode, [{ kind: "time", amount: 3, unit: "hour" }])).toStrictEqual(
      Either.right([{ kind: "time", amount: 3, unit: "hour" }])
    )
  })
})
