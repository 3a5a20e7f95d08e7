import { readdirSync, readFileSync } from "node:fs"
import { join } from "node:path"
import { Ajv2020 as Ajv } from "ajv/dist/2020.js"
import * as Arbitrary from "effect/Arbitrary"
import * as Either from "effect/Either"
import * as Schema from "effect/Schema"
import * as AST from "effect/SchemaAST"
import * as fc from "fast-check"
import { describe, expect, it } from "vitest"
import { breathe } from "../test/laws.js"
import * as Decoder from "./Decoder.js"
import * as JsonSchema from "./JsonSchema.js"
import * as Problem from "./Problem.js"
import * as Territory from "./Territory.js"
import * as Arb from "./testing/index.js"

const isoDate = /^(\d{4})-(\d{2})-(\d{2})$/
const ajv = new Ajv({
  allErrors: true,
  strict: true,
  // Rules across fields say `required` inside if/then/oneOf, where the properties are declared by the parent.
  strictRequired: false,
  // A refinement next to a `$ref` (for example a non-negative Int) is valid 2020-12; Ajv's type lint cannot follow the `$ref`.
  strictTypes: false,
  formats: {
    // RFC 3339 full-date, as the "date" format of JSON Schema says.
    date: (s: string) => {
      const m = isoDate.exec(s)
      if (m === null) return false
      const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])))
      return (
        d.getUTCFullYear() === Number(m[1]) &&
        d.getUTCMonth() === Number(m[2]) - 1 &&
        d.getUTCDate() === Number(m[3])
      )
    }
  }
})
for (const name of JsonSchema.names) ajv.addSchema(JsonSchema.make(name))
const validatorOf = (name: JsonSchema.EntityName) => ajv.getSchema(JsonSchema.idOf(name))!

const root = join(import.meta.dirname, "..", "..", "..")
const schemasDir = join(import.meta.dirname, "..", "schemas")
const legnano: unknown = JSON.parse(
  readFileSync(join(root, "examples", "territories", "legnano.json"), "utf8")
)

/** The realistic arbitrary of each entity, from `@welfare/core/testing` where it has one. */
const arbitraries: { readonly [N in JsonSchema.EntityName]: fc.Arbitrary<unknown> } = {
  Territory: Arb.territory(),
  Municipality: Arb.municipality(),
  Actor: Arb.actor(),
  Resource: Arb.resource(),
  Need: Arb.need(),
  Requirement: Arb.requirement(),
  TakingChargeEvent: Arb.caseHistory()
    .filter((events) => events.length > 0)
    .chain((events) => fc.constantFrom(...events)),
  CoDesignProcess: Arb.coDesignProcess({ maxEvents: 20 }),
  Partnership: Arb.partnership(),
  CitizenshipCharter: Arb.citizenshipCharter(),
  SolidarityPact: Arb.pactScenario().map((s) => s.pact),
  Intervention: Arb.intervention(),
  IndicatorDefinition: Arb.indicatorDefinition(),
  // No realistic arbitrary yet: the schema's own, without the non-finite
  // numbers that IndicatorAssignment.Range (Schema.Number) admits but JSON
  // cannot carry (reported: Range should use Schema.Finite).
  IndicatorAssignment: Arbitrary.make(JsonSchema.entities.IndicatorAssignment.schema).filter((a) =>
    a.periods.every(
      (p) =>
        typeof p.target !== "object" ||
        !("min" in p.target) ||
        (Number.isFinite(p.target.min) && Number.isFinite(p.target.max))
    )
  ),
  Measurement: Arb.measurement(),
  EvaluationRound: Arbitrary.make(JsonSchema.entities.EvaluationRound.schema)
}

const schemaOf = (name: JsonSchema.EntityName): JsonSchema.Entity["schema"] =>
  (JsonSchema.entities[name] as JsonSchema.Entity).schema

/** The encoded (JSON) form of a valid value of an entity. */
const encoded = (name: JsonSchema.EntityName): fc.Arbitrary<unknown> => {
  const encode = Schema.encodeSync(schemaOf(name))
  return arbitraries[name].map((value) => JSON.parse(JSON.stringify(encode(value))))
}

const rejectedByDecoder = (name: JsonSchema.EntityName, input: unknown): boolean =>
  Either.isLeft(Decoder.lazy(schemaOf(name))(input))

/**
 * The schema without the refinements that JSON Schema cannot say (those
 * without a `jsonSchema` annotation): the shape the JSON Schema must enforce.
 */
const shapeOf = (ast: AST.AST): AST.AST => {
  switch (ast._tag) {
    case "Refinement":
      return AST.getJSONSchemaAnnotation(ast)._tag === "Some"
        ? new AST.Refinement(shapeOf(ast.from), ast.filter, ast.annotations)
        : shapeOf(ast.from)
    case "TypeLiteral":
      return new AST.TypeLiteral(
        ast.propertySignatures.map(
          (p) => new AST.PropertySignature(p.name, shapeOf(p.type), p.isOptional, p.isReadonly, p.annotations)
        ),
        ast.indexSignatures,
        ast.annotations
      )
    case "Union":
      return AST.Union.make(ast.types.map(shapeOf), ast.annotations)
    case "TupleType":
      return new AST.TupleType(
        ast.elements.map((e) => new AST.OptionalType(shapeOf(e.type), e.isOptional, e.annotations)),
        ast.rest.map((r) => new AST.Type(shapeOf(r.type), r.annotations)),
        ast.isReadonly,
        ast.annotations
      )
    case "Suspend":
      return new AST.Suspend(() => shapeOf(ast.f()), ast.annotations)
    case "Transformation":
      // both sides: a refinement on the type side (a record's rule across fields) is checked on decoding too
      return new AST.Transformation(shapeOf(ast.from), shapeOf(ast.to), ast.transformation, ast.annotations)
    default:
      return ast
  }
}

const rejectedByShape = (name: JsonSchema.EntityName, input: unknown): boolean =>
  Either.isLeft(Decoder.lazy(Schema.make(shapeOf(schemaOf(name).ast)))(input))

/**
 * The entities whose JSON Schema says every rule of the decoder (shape and
 * rules across fields); the others have rules across records or items (unique
 * ids, references, the order of events, two different actors in a tie) that
 * JSON Schema cannot say, so only their shape is compared.
 */
const complete: ReadonlyArray<JsonSchema.EntityName> = [
  "Municipality",
  "Actor",
  "Resource",
  "Need",
  "Measurement",
  "Intervention"
]

type Json = null | boolean | number | string | ReadonlyArray<Json> | { readonly [key: string]: Json }
type Path = ReadonlyArray<string | number>

/** Every path inside a JSON value (the root excluded), without recursion. */
const pathsOf = (root: Json): Array<Path> => {
  const out: Array<Path> = []
  const stack: Array<[Path, Json]> = [[[], root]]
  while (stack.length > 0) {
    const [path, value] = stack.pop()!
    if (path.length > 0) out.push(path)
    if (Array.isArray(value)) value.forEach((v, i) => void stack.push([[...path, i], v]))
    else if (typeof value === "object" && value !== null)
      for (const [k, v] of Object.entries(value)) stack.push([[...path, k], v])
  }
  return out
}

/** A value of another JSON type than `value`'s, so that no schema field accepts both. */
const otherType = (value: Json): Json =>
  typeof value === "string"
    ? 42
    : typeof value === "number"
      ? "42"
      : typeof value === "boolean"
        ? "yes"
        : Array.isArray(value)
          ? { items: value }
          : value === null
            ? "null"
            : [value]

const mutate = (root: Json, path: Path, how: "retype" | "remove" | "junk-text"): Json => {
  const copy = structuredClone(root) as any
  let parent = copy
  for (const segment of path.slice(0, -1)) parent = parent[segment]
  const last = path[path.length - 1]!
  if (how === "remove") delete parent[last]
  else if (how === "retype") parent[last] = otherType(parent[last])
  else parent[last] = "§ not a value §"
  return copy
}

describe("JsonSchema", () => {
  it("gives every entity a stable, distinct $id under https://welfare.dev/schema/0.1/", () => {
    const ids = JsonSchema.names.map((name) => JsonSchema.make(name).$id)
    expect(ids).toContain("https://welfare.dev/schema/0.1/Territory.json")
    expect(ids).toContain("https://welfare.dev/schema/0.1/Measurement.json")
    expect(new Set(ids).size).toBe(JsonSchema.names.length)
    for (const name of JsonSchema.names)
      expect(JsonSchema.make(name).$id).toBe(`${JsonSchema.baseUrl}${name}.json`)
  })

  it("names the entities of the territory document and nothing from Object.prototype", () => {
    expect(JsonSchema.names[0]).toBe("Territory")
    expect(JsonSchema.isEntityName("Partnership")).toBe(true)
    expect(JsonSchema.isEntityName("constructor")).toBe(false)
    expect(JsonSchema.isEntityName("__proto__")).toBe(false)
  })

  it("publishes an up-to-date file for every entity in packages/core/schemas (run scripts/generate-schemas.ts)", () => {
    const files = readdirSync(schemasDir).filter((f) => f.endsWith(".json"))
    expect(files.sort()).toEqual(JsonSchema.names.map((n) => `${n}.json`).sort())
    for (const name of JsonSchema.names) {
      const { $comment, ...published } = JSON.parse(readFileSync(join(schemasDir, `${name}.json`), "utf8"))
      expect($comment).toMatch(/^Generated by scripts\/generate-schemas\.ts/)
      expect(published, `${name}.json is out of date: run scripts/generate-schemas.ts`).toEqual(
        JsonSchema.make(name)
      )
    }
  })

  it("accepts the example territory of Legnano (seed 004), $schema property included", () => {
    const validate = validatorOf("Territory")
    expect(validate(legnano), JSON.stringify(validate.errors)).toBe(true)
    expect(validate({ $schema: JsonSchema.idOf("Territory"), ...(legnano as object) })).toBe(true)
  })

  it.each(JsonSchema.names.map((name) => [name]))(
    "property: every encoded %s is accepted by its JSON Schema (invariant 14)",
    (name) => {
      const validate = validatorOf(name)
      fc.assert(
        fc.property(encoded(name), (json) => {
          if (!validate(json)) throw new Error(ajv.errorsText(validate.errors))
        }),
        { numRuns: name === "Territory" ? 100 : 60 }
      )
    }
  )

  it("property: every encoded full territory (every section populated) is accepted by the Territory JSON Schema (invariant 14)", async () => {
    const validate = validatorOf("Territory")
    const encode = Schema.encodeSync(schemaOf("Territory"))
    await fc.assert(
      fc.asyncProperty(Arb.fullTerritory(), async (t) => {
        await breathe()
        const json = JSON.parse(JSON.stringify(encode(t)))
        if (!validate(json)) throw new Error(ajv.errorsText(validate.errors))
      }),
      { numRuns: 100 }
    )
  }, 120_000)

  it("property: a full territory whose shape the decoder rejects after one mutation is rejected by the Territory JSON Schema (invariant 14)", async () => {
    const validate = validatorOf("Territory")
    const encode = Schema.encodeSync(schemaOf("Territory"))
    const cases = Arb.fullTerritory({ maxItems: 2 })
      .map((t) => JSON.parse(JSON.stringify(encode(t))) as Json)
      .chain((json) =>
        fc.constantFrom(...pathsOf(json)).chain((path) =>
          fc.record({
            json: fc.constant(json),
            path: fc.constant(path),
            how:
              typeof path[path.length - 1] === "number"
                ? fc.constantFrom("retype" as const, "junk-text" as const)
                : fc.constantFrom("retype" as const, "remove" as const, "junk-text" as const)
          })
        )
      )
    let rejected = 0
    await fc.assert(
      fc.asyncProperty(cases, async ({ json, path, how }) => {
        await breathe()
        const mutated = mutate(json, path, how)
        if (rejectedByShape("Territory", mutated)) {
          rejected++
          expect(validate(mutated), `${how} at ${Problem.formatPath(path)}`).toBe(false)
        }
      }),
      { numRuns: 100 }
    )
    expect(rejected).toBeGreaterThan(30)
  }, 120_000)

  it.each(JsonSchema.names.map((name) => [name]))(
    "property: a %s the decoder rejects after one mutation is rejected by its JSON Schema (invariant 14)",
    (name) => {
      const rejected_ = complete.includes(name) ? rejectedByDecoder : rejectedByShape
      const validate = validatorOf(name)
      const cases = encoded(name)
        .map((json) => [json, pathsOf(json as Json)] as const)
        .filter(([, paths]) => paths.length > 0)
        .chain(([json, paths]) =>
          fc.constantFrom(...paths).chain((path) =>
            fc.record({
              json: fc.constant(json as Json),
              path: fc.constant(path),
              // An item of a list is retyped or replaced, never removed: lists may be empty.
              how:
                typeof path[path.length - 1] === "number"
                  ? fc.constantFrom("retype" as const, "junk-text" as const)
                  : fc.constantFrom("retype" as const, "remove" as const, "junk-text" as const)
            })
          )
        )
      let rejected = 0
      fc.assert(
        fc.property(cases, ({ json, path, how }) => {
          const mutated = mutate(json, path, how)
          if (rejected_(name, mutated)) {
            rejected++
            expect(validate(mutated), `${how} at ${Problem.formatPath(path)}`).toBe(false)
          }
        }),
        { numRuns: 100 }
      )
      // The property is not vacuous: most mutations break the value.
      expect(rejected).toBeGreaterThan(30)
    }
  )

  it("accepts every record of the commented example of the territory-document guide, which decodes", () => {
    const guide = readFileSync(join(root, "docs", "guides", "territory-document.md"), "utf8")
    const block = guide.split("```jsonc\n")[1]!.split("\n```")[0]!
    const example = JSON.parse(
      block
        .split("\n")
        .filter((line) => !line.trim().startsWith("//"))
        .join("\n")
    ) as Record<string, ReadonlyArray<unknown>>
    const records: ReadonlyArray<readonly [string, JsonSchema.EntityName]> = [
      ["municipalities", "Municipality"],
      ["actors", "Actor"],
      ["needs", "Need"],
      ["takingCharge", "TakingChargeEvent"],
      ["partnerships", "Partnership"],
      ["interventions", "Intervention"],
      ["indicators", "IndicatorDefinition"],
      ["assignments", "IndicatorAssignment"],
      ["measurements", "Measurement"]
    ]
    for (const [field, name] of records) {
      expect(example[field]!.length, field).toBeGreaterThan(0)
      for (const record of example[field]!) {
        const validate = validatorOf(name)
        expect(validate(record), `${field}: ${ajv.errorsText(validate.errors)}`).toBe(true)
        expect(rejectedByDecoder(name, record), field).toBe(false)
      }
    }
    // `$schema` names the JSON Schema: Territory.decode sets it aside, any other unknown property is a problem.
    const { $schema, ...body } = example
    expect($schema).toBeTypeOf("string")
    expect(rejectedByDecoder("Territory", body)).toBe(false)
    expect(Either.isRight(Territory.decode(example))).toBe(true)
    expect(Either.isLeft(Territory.decode({ ...example, note: [] }))).toBe(true)
    const document = validatorOf("Territory")
    expect(document(example), ajv.errorsText(document.errors)).toBe(true)
  })

  describe("rejects the invalid territory documents that the decoder rejects", () => {
    const base = legnano as { readonly actors: ReadonlyArray<Record<string, unknown>> } & Record<
      string,
      unknown
    >
    const withActor = (patch: Record<string, unknown>) => ({
      ...base,
      actors: [{ ...base.actors[0], ...patch }, ...base.actors.slice(1)]
    })
    const { name: _, ...withoutName } = base
    const cases: ReadonlyArray<readonly [string, unknown]> = [
      ["an actor kind that does not exist", withActor({ kind: "cooperativa" })],
      ["an id with a space", withActor({ id: "comune di legnano" })],
      ["a negative resource amount", withActor({ resources: [{ kind: "time", amount: -3, unit: "hour" }] })],
      [
        "a resource amount that is not a number",
        withActor({ resources: [{ kind: "time", amount: "3", unit: "hour" }] })
      ],
      ["an actor name of only spaces", withActor({ name: "   " })],
      ["an actor name of 201 characters", withActor({ name: "x".repeat(201) })],
      ["a territory without name", withoutName],
      ["municipalities as an object", { ...base, municipalities: {} }],
      ["an actor that is null", { ...base, actors: [null] }],
      ["a list instead of a document", [base]]
    ]
    it.each(cases)("%s", (_, document) => {
      expect(rejectedByDecoder("Territory", document)).toBe(true)
      expect(validatorOf("Territory")(document)).toBe(false)
    })
  })
})
