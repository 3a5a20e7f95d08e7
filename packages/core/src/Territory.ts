/**
 * The territory (ambito territoriale, distretto): the scope of planning, a set
 * of municipalities with one zone plan (Piano di Zona), and the aggregate root
 * that holds everything of its community: actors, needs and requirements,
 * taking-charge histories, partnerships, the Citizenship Charter and the
 * Solidarity Pact, co-design processes, interventions, indicators,
 * measurements and evaluation rounds. Its JSON form is the territory
 * document that the `welfare` CLI reads.
 *
 * Building or decoding a territory checks its referential integrity (and that
 * its histories replay) and reports every problem at once, each with its path.
 *
 * Its referential integrity lives in `internal/document/integrity.ts`.
 *
 * @since 0.1.0
 */

import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Schema from "effect/Schema"
import type * as SchemaAST from "effect/SchemaAST"
import * as Actor from "./Actor.js"
import * as CitizenshipCharter from "./CitizenshipCharter.js"
import * as CoDesign from "./CoDesign.js"
import * as Decoder from "./Decoder.js"
import * as Evaluation from "./Evaluation.js"
import * as Indicator from "./Indicator.js"
import * as IndicatorAssignment from "./IndicatorAssignment.js"
import * as Intervention from "./Intervention.js"
import * as Compiled from "./internal/compile/decoder.js"
import { id, optional, text } from "./internal/schema.js"
import type { Labels } from "./Label.js"
import * as Ledger from "./Ledger.js"
import * as Measurement from "./Measurement.js"
import * as Need from "./Need.js"
import * as Partnership from "./Partnership.js"
import * as PlanningDistrict from "./PlanningDistrict.js"
import * as Problem from "./Problem.js"
import * as Requirement from "./Requirement.js"
import * as Responsibility from "./Responsibility.js"
import * as SolidarityPact from "./SolidarityPact.js"
import * as TakingCharge from "./TakingCharge.js"

export { actorsById, integrity, integrityInto } from "./internal/document/integrity.js"

import { integrity, integrityInto } from "./internal/document/integrity.js"

/**
 * A branded territory id.
 *
 * @category models
 * @since 0.1.0
 */
export const TerritoryId = id("TerritoryId", "ter", "The id of a territory (ambito territoriale).")

/**
 * @category models
 * @since 0.1.0
 */
export type TerritoryId = typeof TerritoryId.Type

const municipalityNames = [
  "Legnano",
  "Cerro Maggiore",
  "Rescaldina",
  "San Vittore Olona",
  "Canegrate",
  "Parabiago",
  "Nerviano",
  "Villa Cortese",
  "Busto Garolfo",
  "Dairago",
  "Cremona"
] as const

/**
 * The ISTAT code of a municipality (*codice comune*): six digits, the
 * province's three and the municipality's progressive three (`015118` is
 * Legnano). A code is valid for a period: merged municipalities lose theirs.
 * `@welfare/istat` checks it against ISTAT's table.
 *
 * @example
 * ```ts
 * import * as assert from "node:assert"
 * import { Schema } from "effect"
 * import { Territory } from "@welfare/core"
 *
 * assert.ok(Schema.is(Territory.IstatCode)("015118"))
 * assert.ok(!Schema.is(Territory.IstatCode)("15118"))
 * ```
 *
 * @category models
 * @since 0.2.0
 */
export const IstatCode = Schema.String.pipe(
  Schema.pattern(/^[0-9]{6}$/, {
    message: () => "expected the ISTAT code of the municipality: six digits, for example 015118 (Legnano)"
  }),
  Schema.annotations({
    identifier: "IstatCode",
    description:
      "The ISTAT code of the municipality (codice comune): six digits, for example 015118 (Legnano).",
    arbitrary: () => (fc) => fc.constantFrom("015118", "015072", "015181", "015201", "015046", "019036")
  })
)

/**
 * An ISTAT code, as decoded.
 *
 * @example
 * ```ts
 * import * as assert from "node:assert"
 * import type { Territory } from "@welfare/core"
 *
 * const legnano: Territory.IstatCode = "015118"
 * assert.strictEqual(legnano.slice(0, 3), "015") // the Città metropolitana di Milano
 * ```
 *
 * @category models
 * @since 0.2.0
 */
export type IstatCode = typeof IstatCode.Type

/**
 * A municipality (Comune) of the territory, with its ISTAT code when known.
 *
 * @category models
 * @since 0.1.0
 */
export const Municipality = Schema.Struct({
  id: Actor.MunicipalityId,
  name: text("MunicipalityName", "The name of the municipality.").annotations({
    arbitrary: () => (fc) => fc.constantFrom(...municipalityNames)
  }),
  istatCode: optional(IstatCode)
}).annotations({
  identifier: "Municipality",
  title: "Municipality",
  description: "A municipality (Comune) of the territory."
})

/**
 * @category models
 * @since 0.1.0
 */
export interface Municipality extends Schema.Schema.Type<typeof Municipality> {}

const many = <S extends Schema.Schema.Any>(schema: S) =>
  Schema.optionalWith(Schema.Array(schema), {
    /** A section absent from the JSON is an empty list. */
    default: () => [],
    exact: true
  })

/**
 * The fields of a territory, before the integrity check. Every section but
 * `name`, `municipalities` and `actors` may be absent from the JSON and
 * decodes to an empty list. `district` is the planning district (ambito
 * territoriale sociale) with its code and zone plan, when given.
 *
 * @category models
 * @since 0.1.0
 */
export const TerritoryFields = Schema.Struct({
  id: optional(TerritoryId),
  name: text("TerritoryName", "The name of the territory, for example Ambito di Legnano.").annotations({
    arbitrary: () => (fc) => fc.constantFrom("Ambito di Legnano", "Distretto di Cremona", "Ambito di Ravenna")
  }),
  district: optional(PlanningDistrict.PlanningDistrict),
  municipalities: Schema.Array(Municipality),
  actors: Schema.Array(Actor.Actor),
  needs: many(Need.Need),
  responsibilities: many(Responsibility.Assignment),
  requirements: many(Requirement.Requirement),
  takingCharge: many(TakingCharge.Event),
  ledger: many(Ledger.Entry),
  partnerships: many(Partnership.Partnership),
  charter: optional(CitizenshipCharter.CitizenshipCharter),
  pact: optional(SolidarityPact.SolidarityPact),
  coDesigns: many(CoDesign.Process),
  interventions: many(Intervention.Intervention),
  indicators: many(Indicator.IndicatorDefinition),
  assignments: many(IndicatorAssignment.IndicatorAssignment),
  measurements: many(Measurement.Measurement),
  evaluations: many(Evaluation.EvaluationRound)
}).annotations({ identifier: "TerritoryFields", title: "Territory" })

/**
 * The sections of a territory that may be left out: each defaults to an empty list.
 *
 * @category models
 * @since 0.1.0
 */
export type Section =
  | "needs"
  | "responsibilities"
  | "requirements"
  | "takingCharge"
  | "ledger"
  | "partnerships"
  | "coDesigns"
  | "interventions"
  | "indicators"
  | "assignments"
  | "measurements"
  | "evaluations"

/**
 * The input of {@link make}: the fields of a territory.
 *
 * @category models
 * @since 0.1.0
 */
export interface TerritoryInput extends Schema.Schema.Type<typeof TerritoryFields> {}

/**
 * A territory whose references hold: the schema checks the fields and then
 * {@link integrity}. Use {@link decode} to get typed problems with codes.
 *
 * @category models
 * @since 0.1.0
 */
export const Territory = TerritoryFields.pipe(
  Schema.filter((t) => integrity(t).map((p) => ({ path: p.path, message: p.message }))),
  Schema.annotations({
    identifier: "Territory",
    title: "Territory",
    description: "A territory (ambito territoriale): its municipalities and the actors of its community."
  })
)

/**
 * A territory whose references hold.
 *
 * @category models
 * @since 0.1.0
 */
export interface Territory extends TerritoryInput {}

/**
 * The encoded (JSON) form of a territory.
 *
 * @category models
 * @since 0.1.0
 */
export interface TerritoryEncoded extends Schema.Schema.Encoded<typeof TerritoryFields> {}

/**
 * The fields of a territory with every optional section left out, as
 * {@link make} and {@link empty} accept them.
 *
 * @category models
 * @since 0.1.0
 */
export type TerritoryInit = Omit<TerritoryInput, Section> & Partial<Pick<TerritoryInput, Section>>

/**
 * Fills every section left out with an empty list. `municipalities` and
 * `actors` default to empty lists too.
 *
 * @category constructors
 * @since 0.1.0
 */
export const empty = (
  init: Omit<TerritoryInit, "municipalities" | "actors"> &
    Partial<Pick<TerritoryInput, "municipalities" | "actors">>
): TerritoryInput => ({
  municipalities: [],
  actors: [],
  needs: [],
  responsibilities: [],
  requirements: [],
  takingCharge: [],
  ledger: [],
  partnerships: [],
  coDesigns: [],
  interventions: [],
  indicators: [],
  assignments: [],
  measurements: [],
  evaluations: [],
  ...init
})

/**
 * Builds a territory from typed fields, or returns every integrity problem.
 * Sections left out are empty.
 *
 * @example
 * ```ts
 * import * as assert from "node:assert"
 * import { Either } from "effect"
 * import { Actor, Territory } from "@welfare/core"
 *
 * const result = Territory.make({
 *   name: "Ambito di Legnano",
 *   municipalities: [{ id: Actor.MunicipalityId.make("legnano"), name: "Legnano" }],
 *   actors: [Actor.unsafeMake({ id: Actor.ActorId.make("comune-legnano"), kind: "local-authority", municipality: Actor.MunicipalityId.make("legnano") })]
 * })
 * assert.ok(Either.isRight(result))
 * ```
 *
 * @category constructors
 * @since 0.1.0
 */
export const make = (init: TerritoryInit): Problem.Result<Territory> => {
  const input = empty(init)
  return Problem.fromProblems(input, integrity(input))
}

const decodeFields = Decoder.lazy(TerritoryFields)

/**
 * Decodes unknown input (for example parsed JSON) into a territory, or returns
 * every problem: shape problems first, then, when the shape is right, every
 * integrity problem. Never throws.
 *
 * @example
 * ```ts
 * import * as assert from "node:assert"
 * import { Either } from "effect"
 * import { Problem, Territory } from "@welfare/core"
 *
 * const result = Territory.decode({
 *   name: "Ambito di Legnano",
 *   municipalities: [],
 *   actors: [{ id: "a-1", kind: "foo", resources: [{ kind: "time", amount: -3, unit: "hour" }] }]
 * })
 * assert.ok(Either.isLeft(result))
 * assert.deepStrictEqual(result.left.map(Problem.format), [
 *   'actors[0].kind: expected one of local-authority, public-institution, social-private-body, volunteer-organisation, social-cooperative, promotion-association, informal-network, foundation, school-culture-research, educational-agency, business, trade-union, citizen, spontaneous-group, got a text of 3 characters',
 *   "actors[0].resources[0].amount: expected a non-negative amount, got -3"
 * ])
 * ```
 *
 * @category decoding
 * @since 0.1.0
 */
export const decode = (input: unknown): Problem.Result<Territory> =>
  Either.flatMap(decodeFields(withoutSchemaLink(input)), (fields) =>
    Problem.fromProblems(fields, integrity(fields))
  )

/**
 * Options of {@link decodeCapped}: `maxProblems`, the most problems kept
 * (default `Problem.defaultMaxProblems`, 1,000).
 *
 * @category decoding
 * @since 0.2.0
 */
export interface DecodeOptions {
  readonly maxProblems?: number
}

const fieldsDecoder = Compiled.compiledDecoder(TerritoryFields, false)

// The lists of a territory, decoded one item at a time when the document is not valid, so that
// the problems of a million broken items are found one item at a time (effect's decoder of the
// whole document would build the issues of every item first).
type ListField = Exclude<keyof typeof TerritoryFields.fields, "id" | "name" | "charter" | "pact" | "district">

const listItems: { readonly [K in ListField]: Schema.Schema<any, any, never> } = {
  municipalities: Municipality,
  actors: Actor.Actor,
  needs: Need.Need,
  responsibilities: Responsibility.Assignment,
  requirements: Requirement.Requirement,
  takingCharge: TakingCharge.Event,
  ledger: Ledger.Entry,
  partnerships: Partnership.Partnership,
  coDesigns: CoDesign.Process,
  interventions: Intervention.Intervention,
  indicators: Indicator.IndicatorDefinition,
  assignments: IndicatorAssignment.IndicatorAssignment,
  measurements: Measurement.Measurement,
  evaluations: Evaluation.EvaluationRound
}

const required: ReadonlySet<string> = new Set(["name", "municipalities", "actors"])

let partDecoders:
  | {
      readonly fields: ReadonlyArray<readonly [string, (input: unknown) => Problem.Result<unknown>]>
      readonly items: ReadonlyMap<string, (input: unknown) => Problem.Result<unknown>>
      readonly excess: (input: unknown) => Problem.Result<unknown>
    }
  | undefined

const parts = () => {
  if (partDecoders === undefined) {
    const fields = TerritoryFields.fields as Record<string, Schema.Struct.Field>
    partDecoders = {
      fields: Object.keys(fields).map(
        (k) =>
          [
            k,
            Decoder.lazy(Schema.Struct({ [k]: fields[k]! }) as unknown as Schema.Schema<unknown, any, never>)
          ] as const
      ),
      items: new Map(Object.entries(listItems).map(([k, schema]) => [k, Decoder.lazy(schema)] as const)),
      // the names of the fields only: what is left after them is reported as unknown
      excess: Decoder.lazy(
        Schema.Struct(
          Object.fromEntries(Object.keys(fields).map((k) => [k, Schema.optional(Schema.Unknown)]))
        ) as unknown as Schema.Schema<unknown, any, never>
      )
    }
  }
  return partDecoders
}

/**
 * Decodes a document one part at a time (each list one item at a time, with
 * the item's compiled decoder): its fields when it is valid, exactly as
 * `decodeFields` gives them, else `undefined` with its shape problems in the
 * sink, in `decodeFields`' order.
 */
const decodeParts = (input: unknown, sink: Problem.Collector): TerritoryInput | undefined => {
  const d = parts()
  if (typeof input !== "object" || input === null || Array.isArray(input)) {
    const r = decodeFields(input)
    if (Either.isLeft(r)) sink.addAll(r.left)
    return Either.isRight(r) ? r.right : undefined
  }
  const excess = d.excess(input)
  if (Either.isLeft(excess)) sink.addAll(excess.left)
  const record = input as Record<string, unknown>
  const out: Record<string, unknown> = {}
  for (const [key, decode] of d.fields) {
    const own = Object.hasOwn(record, key)
    // effect reads a required field through the prototype chain, and skips an optional one the object does not own
    const read = own || (required.has(key) && key in record)
    const value = read ? record[key] : undefined
    const item = d.items.get(key)
    // a list the object owns is checked one item at a time; an inherited one (a required field read
    // through the prototype chain) whole, as effect does: when it fails, effect reports the field missing
    if (item !== undefined && own && Array.isArray(value)) {
      const values: Array<unknown> = []
      for (let i = 0; i < value.length; i++) {
        const r = item(value[i])
        if (Either.isRight(r)) {
          if (sink.total() === 0) values.push(r.right)
        } else if (sink.full()) for (const p of r.left) sink.skip(p.code)
        else sink.addAll(Problem.prefix(r.left, [key, i]))
      }
      out[key] = values
      continue
    }
    const r = decode(own ? { [key]: value } : key in record ? Object.create({ [key]: record[key] }) : {})
    if (Either.isLeft(r)) sink.addAll(r.left)
    else if (Object.hasOwn(r.right as object, key)) out[key] = (r.right as Record<string, unknown>)[key]
  }
  return sink.total() === 0 ? (out as unknown as TerritoryInput) : undefined
}

/**
 * {@link decode} with a cap on the problems kept: the same problems in the
 * same order, the first `maxProblems` kept and the rest counted by kind, so
 * that memory stays bounded however many problems the input holds (issue 14).
 * A document that is not valid is checked one item of each list at a time.
 *
 * @example
 * ```ts
 * import * as assert from "node:assert"
 * import { Either } from "effect"
 * import { Problem, Territory } from "@welfare/core"
 *
 * const actors = Array.from({ length: 5 }, (_, i) => ({ id: `a-${i}`, kind: "foo", resources: [] }))
 * const result = Territory.decodeCapped({ name: "Ambito di Legnano", municipalities: [], actors }, { maxProblems: 2 })
 * assert.ok(Either.isLeft(result))
 * assert.deepStrictEqual(result.left.kept.map((p) => Problem.formatPath(p.path)), ["actors[0].kind", "actors[1].kind"])
 * assert.deepStrictEqual(result.left.omitted, { "invalid-value": 3 })
 * ```
 *
 * @category decoding
 * @since 0.2.0
 */
export const decodeCapped = (input: unknown, options?: DecodeOptions): Problem.CappedResult<Territory> => {
  const sink = Problem.collector(Math.max(1, options?.maxProblems ?? Problem.defaultMaxProblems))
  const document = withoutSchemaLink(input)
  // one part at a time: neither effect's decoder of the whole document nor its issues of every item
  // are ever held (the compiled check of the whole is used where it exists)
  const fields: TerritoryInput | undefined =
    fieldsDecoder.tryFast(document)?.value ?? decodeParts(document, sink)
  if (fields !== undefined) integrityInto(fields, sink)
  const capped = sink.result()
  return capped.total === 0 && fields !== undefined
    ? Either.right(fields as Territory)
    : Either.left(capped as Problem.CappedProblems)
}

// A document may name its JSON Schema in a top-level `$schema` text (the JSON Schema
// of a territory document allows it): it is not part of the territory. Any other
// unknown property is a problem.
const withoutSchemaLink = (input: unknown): unknown => {
  if (typeof input !== "object" || input === null || Array.isArray(input) || !Object.hasOwn(input, "$schema"))
    return input
  const { $schema, ...rest } = input as { readonly $schema?: unknown }
  return typeof $schema === "string" ? rest : input
}

/**
 * {@link decode} as an `Effect` that fails with a {@link Problem.ValidationError}.
 *
 * @category decoding
 * @since 0.1.0
 */
export const decodeEffect = (input: unknown): Effect.Effect<Territory, Problem.ValidationError> =>
  Either.match(decode(input), {
    onLeft: (problems) => Effect.fail(new Problem.ValidationError({ problems })),
    onRight: Effect.succeed
  })

const encodeSlow: (territory: Territory) => TerritoryEncoded = Schema.encodeSync(TerritoryFields)

/** Whether a schema's AST transforms anywhere (a property's `optionalWith` default does not count: it only fills an absent value). */
const transforms = (ast: SchemaAST.AST, seen: Set<SchemaAST.AST> = new Set()): boolean => {
  if (seen.has(ast)) return false
  seen.add(ast)
  switch (ast._tag) {
    case "Transformation":
      return true
    case "Refinement":
      return transforms(ast.from, seen)
    case "Suspend":
      return transforms(ast.f(), seen)
    case "Union":
      return ast.types.some((t) => transforms(t, seen))
    case "TupleType":
      return (
        ast.elements.some((e) => transforms(e.type, seen)) || ast.rest.some((r) => transforms(r.type, seen))
      )
    case "TypeLiteral":
      return (
        ast.propertySignatures.some((p) => transforms(p.type, seen)) ||
        ast.indexSignatures.some((i) => transforms(i.type, seen))
      )
    case "Declaration":
      return true
    default:
      return false
  }
}

type PropertyAst =
  | { readonly _tag: "PropertySignatureDeclaration"; readonly type: SchemaAST.AST }
  | {
      readonly _tag: "PropertySignatureTransformation"
      readonly from: { readonly type: SchemaAST.AST }
      readonly to: { readonly type: SchemaAST.AST }
    }

// Encoding without effect's encoder where it is only a check and a copy: the compiled
// check-and-copy of the territory's type side gives what effect's encoder gives for every part
// that never transforms (keys in schema order, values checked); the parts that transform (the
// co-design events' tag) are encoded by effect. For 100,000 measurements effect's encoder took
// about 4 s; this takes a fraction of that (issue 16's import benchmark).
let fastEncode:
  | {
      readonly check: (input: unknown) => { readonly value: unknown } | undefined
      readonly transformed: ReadonlyArray<readonly [string, (value: unknown) => unknown]>
    }
  | undefined

const encoding = () => {
  if (fastEncode === undefined) {
    const typeSide = Compiled.compiledDecoder(
      Schema.typeSchema(TerritoryFields) as unknown as Schema.Schema<unknown, unknown, never>,
      false,
      { unknownProperties: "ignore" }
    )
    const listed = listItems as Record<string, Schema.Schema<any, any, never>>
    const fields = TerritoryFields.fields as Record<string, Schema.Struct.Field>
    fastEncode = {
      check: typeSide.tryFast,
      transformed: Object.keys(fields)
        .filter((k) => {
          const item = listed[k]
          if (item !== undefined) return transforms(item.ast)
          const field = fields[k]!
          if (Schema.isSchema(field)) return transforms(field.ast)
          // a property signature (`optional`): its declared type, or both sides of its transformation
          const ps = (field as unknown as { readonly ast: PropertyAst }).ast
          return ps._tag === "PropertySignatureDeclaration"
            ? transforms(ps.type)
            : transforms(ps.from.type) || transforms(ps.to.type)
        })
        .map((k) => {
          const item = listed[k]
          const encodeItem = item === undefined ? undefined : Schema.encodeSync(Schema.Array(item))
          const encodeField =
            item === undefined
              ? Schema.encodeSync(
                  Schema.Struct({ [k]: fields[k]! }) as unknown as Schema.Schema<unknown, unknown, never>
                )
              : undefined
          return [
            k,
            (value: unknown) =>
              encodeItem !== undefined
                ? encodeItem(value as ReadonlyArray<unknown>)
                : (encodeField!({ [k]: value }) as Record<string, unknown>)[k]
          ] as const
        })
    }
  }
  return fastEncode
}

/**
 * Encodes a territory to its JSON form. Total: a territory always encodes.
 *
 * @category encoding
 * @since 0.1.0
 */
export const encode = (territory: Territory): TerritoryEncoded => {
  const e = encoding()
  const checked = e.check(territory)
  if (checked === undefined) return encodeSlow(territory)
  const out = checked.value as Record<string, unknown>
  for (const [k, encodeField] of e.transformed)
    if (Object.hasOwn(out, k)) out[k] = encodeField((territory as unknown as Record<string, unknown>)[k])
  return out as unknown as TerritoryEncoded
}

/**
 * How many actors of each sector a territory holds.
 *
 * @example
 * ```ts
 * import * as assert from "node:assert"
 * import { Actor, Territory } from "@welfare/core"
 *
 * const counts = Territory.sectorCounts({
 *   actors: [Actor.unsafeMake({ id: Actor.ActorId.make("a"), kind: "business" })]
 * })
 * assert.deepStrictEqual(counts, { public: 0, "third-sector": 0, "social-partners": 0, market: 1, community: 0 })
 * ```
 *
 * @category getters
 * @since 0.1.0
 */
export const sectorCounts = (
  territory: Pick<Territory, "actors">
): { readonly [S in Actor.Sector]: number } => {
  const out = { public: 0, "third-sector": 0, "social-partners": 0, market: 0, community: 0 }
  for (const a of territory.actors) out[Actor.sectorOf(a)]++
  return out
}

/**
 * Builds a Territory from typed fields without checking them, for trusted
 * builders (fixtures, generators, code that built them from checked values);
 * {@link make} is the checked way.
 *
 * @category constructors
 * @since 0.3.0
 */
export const unsafeMake = (init: TerritoryInit): Territory => empty(init) as Territory

/**
 * The module's words in Italian and English: the entity's name and the
 * headings of its main fields (its enumerations have their own tables).
 *
 * @category labels
 * @since 0.3.0
 */
export const labels: Labels<
  "territory" | "municipalities" | "actors" | "needs" | "requirements" | "interventions"
> = {
  territory: { it: "Ambito territoriale", en: "Territory" },
  municipalities: { it: "Comuni", en: "Municipalities" },
  actors: { it: "Attori", en: "Actors" },
  needs: { it: "Bisogni", en: "Needs" },
  requirements: { it: "Esigenze", en: "Requirements" },
  interventions: { it: "Interventi", en: "Interventions" }
}

/**
 * The dangling ids within a territory: every reference from one of its
 * sections to an id no section holds (the `unknown-reference` problems of
 * {@link integrity}, which also reports duplicate ids and broken rules), all
 * at once. A territory references nothing outside itself.
 *
 * @category validation
 * @since 0.3.0
 */
export const referenceProblems = (
  territory: TerritoryInput,
  _known?: unknown,
  path: ReadonlyArray<Problem.PathSegment> = []
): Array<Problem.Problem> =>
  Problem.prefix(
    integrity(territory).filter((p) => p.code === "unknown-reference"),
    path
  )
