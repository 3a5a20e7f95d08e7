/**
 * The territory (ambito territoriale, distretto): the scope of planning, a set
 * of municipalities with one zone plan (Piano di Zona), and the aggregate root
 * that holds the actors of its community.
 *
 * Building or decoding a territory checks its referential integrity and
 * reports every problem at once, each with its path.
 *
 * @since 0.1.0
 */
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Schema from "effect/Schema"
import * as Actor from "./Actor.js"
import { duplicateIds, unknownReference } from "./internal/integrity.js"
import { id, optional, text } from "./internal/schema.js"
import * as Problem from "./Problem.js"

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
 * A municipality (Comune) of the territory.
 *
 * @category models
 * @since 0.1.0
 */
export const Municipality = Schema.Struct({
  id: Actor.MunicipalityId,
  name: text("MunicipalityName", "The name of the municipality.").annotations({
    arbitrary: () => (fc) => fc.constantFrom(...municipalityNames)
  })
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

/**
 * The fields of a territory, before the integrity check.
 *
 * @category models
 * @since 0.1.0
 */
export const TerritoryFields = Schema.Struct({
  id: optional(TerritoryId),
  name: text("TerritoryName", "The name of the territory, for example Ambito di Legnano.").annotations({
    arbitrary: () => (fc) => fc.constantFrom("Ambito di Legnano", "Distretto di Cremona", "Ambito di Ravenna")
  }),
  municipalities: Schema.Array(Municipality),
  actors: Schema.Array(Actor.Actor)
}).annotations({ identifier: "TerritoryFields", title: "Territory" })

/**
 * The input of {@link make}: the fields of a territory.
 *
 * @category models
 * @since 0.1.0
 */
export interface TerritoryInput extends Schema.Schema.Type<typeof TerritoryFields> {}

/**
 * Every referential-integrity problem of a territory: duplicate ids and
 * references to unknown municipalities, all at once.
 *
 * @example
 * ```ts
 * import * as assert from "node:assert"
 * import { Actor, Territory } from "@welfare/core"
 *
 * const problems = Territory.integrity({
 *   name: "Ambito di Legnano",
 *   municipalities: [],
 *   actors: [
 *     Actor.make({ id: Actor.ActorId.make("a-1"), kind: "business" }),
 *     Actor.make({ id: Actor.ActorId.make("a-1"), kind: "foundation" })
 *   ]
 * })
 * assert.deepStrictEqual(problems.map((p) => p.code), ["duplicate-id"])
 * ```
 *
 * @category validation
 * @since 0.1.0
 */
export const integrity = (territory: TerritoryInput): Array<Problem.Problem> => {
  const problems = [
    ...duplicateIds(territory.municipalities, (m) => m.id, ["municipalities"], "municipality"),
    ...duplicateIds(territory.actors, (a) => a.id, ["actors"], "actor")
  ]
  const municipalities = new Set<string>(territory.municipalities.map((m) => m.id))
  territory.actors.forEach((actor, i) => {
    if (actor.municipality !== undefined)
      problems.push(
        ...unknownReference(
          municipalities,
          actor.municipality,
          ["actors", i, "municipality"],
          "municipality",
          "municipalities"
        )
      )
  })
  return problems
}

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
 * Builds a territory from typed fields, or returns every integrity problem.
 *
 * @example
 * ```ts
 * import * as assert from "node:assert"
 * import { Either } from "effect"
 * import { Actor, Territory } from "@welfare/core"
 *
 * const result = Territory.make({
 *   name: "Ambito di Legnano",
 *   municipalities: [{ id: Actor.MunicipalityId.make("015118"), name: "Legnano" }],
 *   actors: [Actor.make({ id: Actor.ActorId.make("comune-legnano"), kind: "local-authority", municipality: Actor.MunicipalityId.make("015118") })]
 * })
 * assert.ok(Either.isRight(result))
 * ```
 *
 * @category constructors
 * @since 0.1.0
 */
export const make = (input: TerritoryInput): Problem.Result<Territory> =>
  Problem.fromProblems(input, integrity(input))

const decodeFields = Problem.decoder(TerritoryFields)

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
 *   'actors[0].kind: expected one of local-authority, public-institution, social-private-body, volunteer-organisation, social-cooperative, promotion-association, informal-network, foundation, school-culture-research, educational-agency, business, trade-union, citizen, spontaneous-group, got "foo"',
 *   "actors[0].resources[0].amount: expected a non-negative amount, got -3"
 * ])
 * ```
 *
 * @category decoding
 * @since 0.1.0
 */
export const decode = (input: unknown): Problem.Result<Territory> =>
  Either.flatMap(decodeFields(input), (fields) => make(fields))

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

/**
 * Encodes a territory to its JSON form. Total: a territory always encodes.
 *
 * @category encoding
 * @since 0.1.0
 */
export const encode: (territory: Territory) => TerritoryEncoded = Schema.encodeSync(TerritoryFields)

/**
 * The actors of a territory by id.
 *
 * @category getters
 * @since 0.1.0
 */
export const actorsById = (territory: Pick<Territory, "actors">): ReadonlyMap<Actor.ActorId, Actor.Actor> =>
  new Map(territory.actors.map((a) => [a.id, a]))

/**
 * How many actors of each sector a territory holds.
 *
 * @example
 * ```ts
 * import * as assert from "node:assert"
 * import { Actor, Territory } from "@welfare/core"
 *
 * const counts = Territory.sectorCounts({
 *   actors: [Actor.make({ id: Actor.ActorId.make("a"), kind: "business" })]
 * })
 * assert.deepStrictEqual(counts, { public: 0, "third-sector": 0, market: 1, community: 0 })
 * ```
 *
 * @category getters
 * @since 0.1.0
 */
export const sectorCounts = (
  territory: Pick<Territory, "actors">
): { readonly [S in Actor.Sector]: number } => {
  const out = { public: 0, "third-sector": 0, market: 0, community: 0 }
  for (const a of territory.actors) out[Actor.sectorOf(a)]++
  return out
}
