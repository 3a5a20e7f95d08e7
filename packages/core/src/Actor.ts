/**
 * Actors: the subjects of a community (seed 004, row 21) and the citizen, who
 * is a bearer of resources and requirements, never only a beneficiary (seed
 * 000, row 8). Every kind belongs to exactly one sector.
 *
 * @since 0.1.0
 */

import type * as Effect from "effect/Effect"
import { dual } from "effect/Function"
import * as Schema from "effect/Schema"
import * as Decoder from "./Decoder.js"
import { toEffect, validator } from "./internal/contract.js"
import { unknownMunicipalitiesInto } from "./internal/integrity.js"
import { id, literals, optional, text } from "./internal/schema.js"
import type { Labels } from "./Label.js"
import * as PolicyArea from "./PolicyArea.js"
import type * as Problem from "./Problem.js"
import * as Resource from "./Resource.js"

/**
 * Every actor kind: the subjects named by seed 004 (row 21), the informal
 * solidarity networks and "liquid" spontaneous groups of seed 002 (row 9), and
 * the citizen.
 *
 * @category constants
 * @since 0.1.0
 */
export const kinds = [
  "local-authority",
  "public-institution",
  "social-private-body",
  "volunteer-organisation",
  "social-cooperative",
  "promotion-association",
  "informal-network",
  "foundation",
  "school-culture-research",
  "educational-agency",
  "business",
  "trade-union",
  "citizen",
  "spontaneous-group"
] as const

/**
 * An actor kind.
 *
 * @category models
 * @since 0.1.0
 */
export const ActorKind = literals("ActorKind", kinds, "The kind of a subject of the community (seed 004).")

/**
 * @category models
 * @since 0.1.0
 */
export type ActorKind = typeof ActorKind.Type

/**
 * Every sector, in a fixed display order.
 *
 * @category constants
 * @since 0.1.0
 */
export const sectors = ["public", "third-sector", "social-partners", "market", "community"] as const

/**
 * A sector: public, third sector, social partners (trade unions and the
 * other bodies of social representation), market, or community (family and
 * informal).
 *
 * @category models
 * @since 0.1.0
 */
export const Sector = literals("Sector", sectors, "The sector an actor kind belongs to.")

/**
 * @category models
 * @since 0.1.0
 */
export type Sector = typeof Sector.Type

/**
 * The one sector of each kind. Trade unions are social partners: seed 004
 * (row 47) names them beside the third sector («unitamente ai soggetti
 * sindacali e del mondo produttivo»), seed 001 (row 25) calls them «attori
 * della rappresentanza sociale», and art. 4 c.2 of the Third Sector Code
 * (D.Lgs. 117/2017) excludes trade unions from the Third Sector entities.
 * Schools, culture and research bodies are counted public; educational
 * agencies (oratories, after-school centres) third sector.
 *
 * @category constants
 * @since 0.1.0
 */
export const sectorOfKind: { readonly [K in ActorKind]: Sector } = {
  "local-authority": "public",
  "public-institution": "public",
  "social-private-body": "third-sector",
  "volunteer-organisation": "third-sector",
  "social-cooperative": "third-sector",
  "promotion-association": "third-sector",
  "informal-network": "community",
  foundation: "third-sector",
  "school-culture-research": "public",
  "educational-agency": "third-sector",
  business: "market",
  "trade-union": "social-partners",
  citizen: "community",
  "spontaneous-group": "community"
}

/**
 * A branded actor id: opaque and pseudonymous (for a citizen, never a name).
 *
 * @category models
 * @since 0.1.0
 */
export const ActorId = id("ActorId", "act", "The opaque, pseudonymous id of an actor.")

/**
 * @category models
 * @since 0.1.0
 */
export type ActorId = typeof ActorId.Type

/**
 * A branded municipality id (for example an ISTAT code).
 *
 * @category models
 * @since 0.1.0
 */
export const MunicipalityId = id(
  "MunicipalityId",
  "mun",
  "The id of a municipality (Comune), for example its ISTAT code."
)

/**
 * @category models
 * @since 0.1.0
 */
export type MunicipalityId = typeof MunicipalityId.Type

const organisationNames = [
  "Comune di Legnano",
  "ASST Ovest Milanese",
  "Cooperativa Sociale Il Melograno",
  "Associazione Auser",
  "Fondazione Comunitaria Ticino Olona",
  "Istituto Comprensivo Carducci",
  "Oratorio San Domenico",
  "Caritas cittadina",
  "Casa del Volontariato",
  "Forum del Terzo Settore",
  "Consorzio Sociale Cremonese",
  "CGIL Camera del Lavoro",
  "Confcommercio Alto Milanese",
  "Rete dei genitori di Canegrate",
  "Gruppo di cammino del quartiere"
] as const

/**
 * An actor: a subject of the community with its kind, an optional
 * municipality, the policy areas it works in and the resources it brings.
 *
 * A citizen is identified only by its pseudonymous id: a citizen with a
 * `name` is rejected, so no personal name enters the model.
 *
 * @example
 * ```ts
 * import * as assert from "node:assert"
 * import { Actor, Resource } from "@welfare/core"
 *
 * const coop = Actor.unsafeMake({
 *   id: Actor.ActorId.make("coop-melograno"),
 *   kind: "social-cooperative",
 *   name: "Cooperativa Sociale Il Melograno",
 *   resources: [Resource.unsafeMake("care", 400), Resource.unsafeMake("competence", 12, "session")]
 * })
 * assert.strictEqual(Actor.sectorOf(coop), "third-sector")
 * ```
 *
 * @category models
 * @since 0.1.0
 */
export const Actor = Schema.Struct({
  id: ActorId,
  kind: ActorKind,
  name: optional(
    text("ActorName", "The public name of an organisation. Never set for a citizen.").annotations({
      arbitrary: () => (fc) => fc.constantFrom(...organisationNames)
    })
  ),
  municipality: optional(MunicipalityId),
  policyAreas: optional(Schema.Array(PolicyArea.PolicyArea)),
  resources: Schema.Array(Resource.Resource)
}).pipe(
  Schema.annotations({ title: "Actor" }),
  Schema.filter(
    (a) =>
      a.kind !== "citizen" ||
      a.name === undefined || {
        path: ["name"],
        message:
          "a citizen is identified only by a pseudonymous id: remove the name (persons never carry personal data here)"
      }
  ),
  Schema.annotations({
    identifier: "Actor",
    title: "Actor",
    description: "A subject of the community: organisation, informal network, group or citizen."
  })
)

/**
 * @category models
 * @since 0.1.0
 */
export interface Actor extends Schema.Schema.Type<typeof Actor> {}

/**
 * The encoded (JSON) form of an actor.
 *
 * @category models
 * @since 0.1.0
 */
export interface ActorEncoded extends Schema.Schema.Encoded<typeof Actor> {}

/**
 * The fields {@link make} and {@link unsafeMake} take: an actor whose
 * `resources` may be left out (none).
 *
 * @category models
 * @since 0.3.0
 */
export type ActorInit = Omit<Actor, "resources"> & { readonly resources?: ReadonlyArray<Resource.Resource> }

/**
 * Builds an actor from typed fields without checking them, for trusted
 * builders (fixtures, generators, code that built the fields from checked
 * values); `resources` defaults to none. This was `make` before 0.3.0.
 *
 * @category constructors
 * @since 0.3.0
 */
export const unsafeMake = (fields: ActorInit): Actor => ({ ...fields, resources: fields.resources ?? [] })

const check = validator(Actor)

/**
 * Builds an actor from typed fields, checked against the schema (a citizen
 * carries no name, amounts are finite...): the actor, or every problem with
 * its path. `resources` defaults to none.
 *
 * @example
 * ```ts
 * import * as assert from "node:assert"
 * import { Either } from "effect"
 * import { Actor, Problem } from "@welfare/core"
 *
 * const ok = Actor.make({ id: Actor.ActorId.make("coop-1"), kind: "social-cooperative" })
 * assert.ok(Either.isRight(ok))
 * const citizen = Actor.make({ id: Actor.ActorId.make("c-1"), kind: "citizen", name: "…" })
 * assert.ok(Either.isLeft(citizen))
 * assert.match(Problem.format(citizen.left[0]), /^name: a citizen is identified only by a pseudonymous id/)
 * ```
 *
 * @category constructors
 * @since 0.1.0
 */
export const make = (fields: ActorInit): Problem.Result<Actor> => check(unsafeMake(fields))

/**
 * The sector of an actor kind.
 *
 * @example
 * ```ts
 * import * as assert from "node:assert"
 * import { Actor } from "@welfare/core"
 *
 * assert.strictEqual(Actor.sectorOfKind["trade-union"], "social-partners")
 * assert.strictEqual(Actor.sectorOf({ kind: "business" }), "market")
 * ```
 *
 * @category getters
 * @since 0.1.0
 */
export const sectorOf = (actor: Pick<Actor, "kind">): Sector => sectorOfKind[actor.kind]

/**
 * Whether an actor belongs to a sector.
 *
 * @category predicates
 * @since 0.1.0
 */
export const isInSector: {
  (sector: Sector): (self: Pick<Actor, "kind">) => boolean
  (self: Pick<Actor, "kind">, sector: Sector): boolean
} = dual(2, (self: Pick<Actor, "kind">, sector: Sector): boolean => sectorOfKind[self.kind] === sector)

/**
 * Whether an actor is a person (a citizen), whose data the library keeps pseudonymous.
 *
 * @category predicates
 * @since 0.1.0
 */
export const isPerson = (actor: Pick<Actor, "kind">): boolean => actor.kind === "citizen"

/**
 * Whether an actor is institutional (public sector): the traditional reading of
 * needs happens between institution and social private bodies (seed 000, row 6).
 *
 * @category predicates
 * @since 0.1.0
 */
export const isInstitutional = (actor: Pick<Actor, "kind">): boolean => sectorOfKind[actor.kind] === "public"

/**
 * The totals of the resources an actor brings.
 *
 * @category getters
 * @since 0.1.0
 */
export const resourceTotals = (actor: Pick<Actor, "resources">): Resource.Totals =>
  Resource.totals(actor.resources)

/**
 * Italian and English labels of the actor kinds (seed 004, row 21).
 *
 * @category labels
 * @since 0.1.0
 */
export const kindLabels: Labels<ActorKind> = {
  "local-authority": { it: "Ente locale", en: "Local authority" },
  "public-institution": { it: "Istituzione pubblica", en: "Public institution" },
  "social-private-body": { it: "Privato sociale", en: "Social private body" },
  "volunteer-organisation": { it: "Organizzazione di volontariato", en: "Volunteer organisation" },
  "social-cooperative": { it: "Cooperativa sociale", en: "Social cooperative" },
  "promotion-association": {
    it: "Associazione di promozione sociale e familiare",
    en: "Social or family promotion association"
  },
  "informal-network": { it: "Rete informale di solidarietà", en: "Informal solidarity network" },
  foundation: { it: "Fondazione", en: "Foundation" },
  "school-culture-research": { it: "Scuola, cultura e ricerca", en: "School, culture or research body" },
  "educational-agency": { it: "Agenzia educativa", en: "Educational agency" },
  business: { it: "Impresa", en: "Business" },
  "trade-union": { it: "Sindacato", en: "Trade union" },
  citizen: { it: "Cittadino", en: "Citizen" },
  "spontaneous-group": { it: "Gruppo spontaneo", en: "Spontaneous group" }
}

/**
 * Italian and English labels of the sectors.
 *
 * @category labels
 * @since 0.1.0
 */
export const sectorLabels: Labels<Sector> = {
  public: { it: "Pubblico", en: "Public" },
  "third-sector": { it: "Terzo settore", en: "Third sector" },
  "social-partners": { it: "Parti sociali (sindacati)", en: "Social partners (trade unions)" },
  market: { it: "Mercato", en: "Market" },
  community: { it: "Comunità (famiglie e reti informali)", en: "Community (family and informal)" }
}

/**
 * Decodes an actor from unknown input (parsed JSON), with every problem at
 * once, each with its path; unknown properties are problems.
 *
 * @category decoding
 * @since 0.2.0
 */
export const decode: (input: unknown) => Problem.Result<Actor> = Decoder.lazy(Actor)

/**
 * {@link decode} as an `Effect` that fails with a `Problem.ValidationError`.
 *
 * @category decoding
 * @since 0.2.0
 */
export const decodeEffect: (input: unknown) => Effect.Effect<Actor, Problem.ValidationError> =
  toEffect(decode)

/**
 * Encodes an actor to its JSON form.
 *
 * @category encoding
 * @since 0.2.0
 */
export const encode: (value: Actor) => ActorEncoded = Schema.encodeSync(Actor)

/**
 * The dangling ids of a list of actors: each actor's municipality that is
 * not among the known ones (the territory's municipalities), all at once.
 *
 * @example
 * ```ts
 * import * as assert from "node:assert"
 * import { Actor, Problem } from "@welfare/core"
 *
 * const coop = Actor.unsafeMake({
 *   id: Actor.ActorId.make("coop-1"),
 *   kind: "social-cooperative",
 *   municipality: Actor.MunicipalityId.make("015118")
 * })
 * const problems = Actor.referenceProblems([coop], { municipalities: new Set() }, ["actors"])
 * assert.deepStrictEqual(problems.map(Problem.format), [
 *   'actors[0].municipality: no municipality has the id "015118": add it to municipalities or correct the id'
 * ])
 * ```
 *
 * @category validation
 * @since 0.3.0
 */
export const referenceProblems = (
  actors: ReadonlyArray<Pick<Actor, "municipality">>,
  known: { readonly municipalities: ReadonlySet<string> },
  path: ReadonlyArray<Problem.PathSegment> = ["actors"]
): Array<Problem.Problem> => {
  const out: Array<Problem.Problem> = []
  const sink = {
    addAll: (problems: Iterable<Problem.Problem>) => {
      for (const p of problems) out.push(p)
    },
    full: () => false,
    skip: () => {}
  }
  unknownMunicipalitiesInto(sink, actors, known.municipalities, path)
  return out
}

/**
 * The module's words in Italian and English: the entity and its fields (the
 * kinds and sectors have their own tables, {@link kindLabels} and
 * {@link sectorLabels}).
 *
 * @category labels
 * @since 0.3.0
 */
export const labels: Labels<"actor" | "actors" | "id" | "kind" | "sector" | "name" | "resources"> = {
  actor: { it: "Attore", en: "Actor" },
  actors: { it: "Attori", en: "Actors" },
  id: { it: "Identificativo", en: "Id" },
  kind: { it: "Tipo", en: "Kind" },
  sector: { it: "Settore", en: "Sector" },
  name: { it: "Nome", en: "Name" },
  resources: { it: "Risorse", en: "Resources" }
}
