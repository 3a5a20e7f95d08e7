/**
 * Requirements (esigenza): how the community manages itself around one or
 * more needs (seed 000, row 6): "strumenti per leggere come la comunità si
 * gestisce (le esigenze), il capitale sociale, le risorse", a reading with
 * "più interlocutori" that intercepts "ciò che accade negli spazi di vita
 * quotidiani".
 *
 * A requirement records who read the need (interlocutors), where (daily-life
 * or institutional places), which community resources and which
 * social-capital ties can answer it. {@link readAsRequirement} reads a need
 * as a requirement and reports, as typed {@link Gap}s, what is still missing
 * for a generative reading.
 *
 * @since 0.1.0
 */

import type * as Effect from "effect/Effect"
import * as Schema from "effect/Schema"
import * as Actor from "./Actor.js"
import * as Decoder from "./Decoder.js"
import { toEffect, validator } from "./internal/contract.js"
import { duplicateIds, unknownReference } from "./internal/integrity.js"
import { id, literals } from "./internal/schema.js"
import type { Labels } from "./Label.js"
import type * as Need from "./Need.js"
import { NeedId } from "./Need.js"
import type * as Problem from "./Problem.js"
import * as Resource from "./Resource.js"

/**
 * The id of a requirement.
 *
 * @category models
 * @since 0.1.0
 */
export const RequirementId = id("RequirementId", "req", "The id of a requirement.")

/**
 * @category models
 * @since 0.1.0
 */
export type RequirementId = typeof RequirementId.Type

/**
 * Every kind of place where a need can be read: first the places of daily
 * life ("spazi di vita quotidiani", seed 000 row 6; the "vari luoghi di vita"
 * of the social sensors, seed 003 row 85), then the institutional places
 * ("luoghi istituzionali deputati", seed 000 row 6).
 *
 * @category constants
 * @since 0.1.0
 */
export const placeKinds = [
  "home",
  "school",
  "workplace",
  "parish",
  "square",
  "shop",
  "sports-club",
  "neighbourhood-centre",
  "library",
  "health-centre",
  "social-service-office",
  "town-hall",
  "employment-centre"
] as const

/**
 * A kind of place.
 *
 * @category models
 * @since 0.1.0
 */
export const PlaceKind = literals(
  "PlaceKind",
  placeKinds,
  "A place where a need is read: a place of daily life or an institutional place (seed 000, row 6)."
)

/**
 * @category models
 * @since 0.1.0
 */
export type PlaceKind = typeof PlaceKind.Type

/**
 * Whether a place belongs to daily life or is an institutional place.
 *
 * @category models
 * @since 0.1.0
 */
export type PlaceSetting = "daily-life" | "institutional"

/**
 * The setting of every kind of place.
 *
 * @category constants
 * @since 0.1.0
 */
export const settingOfPlace: { readonly [K in PlaceKind]: PlaceSetting } = {
  home: "daily-life",
  school: "daily-life",
  workplace: "daily-life",
  parish: "daily-life",
  square: "daily-life",
  shop: "daily-life",
  "sports-club": "daily-life",
  "neighbourhood-centre": "daily-life",
  library: "daily-life",
  "health-centre": "institutional",
  "social-service-office": "institutional",
  "town-hall": "institutional",
  "employment-centre": "institutional"
}

/**
 * Italian and English labels of the kinds of place.
 *
 * @category labels
 * @since 0.1.0
 */
export const placeLabels: Labels<PlaceKind> = {
  home: { it: "Casa", en: "Home" },
  school: { it: "Scuola", en: "School" },
  workplace: { it: "Luogo di lavoro", en: "Workplace" },
  parish: { it: "Parrocchia e oratorio", en: "Parish and oratory" },
  square: { it: "Piazza", en: "Square" },
  shop: { it: "Negozio", en: "Shop" },
  "sports-club": { it: "Società sportiva", en: "Sports club" },
  "neighbourhood-centre": { it: "Centro di quartiere", en: "Neighbourhood centre" },
  library: { it: "Biblioteca", en: "Library" },
  "health-centre": { it: "Presidio sanitario", en: "Health centre" },
  "social-service-office": { it: "Sportello del Servizio Sociale", en: "Social service office" },
  "town-hall": { it: "Municipio", en: "Town hall" },
  "employment-centre": { it: "Centro per l'impiego", en: "Employment centre" }
}

/**
 * Italian and English labels of the two settings of a place.
 *
 * @category labels
 * @since 0.1.0
 */
export const settingLabels: Labels<PlaceSetting> = {
  "daily-life": { it: "Spazio di vita quotidiana", en: "Daily-life place" },
  institutional: { it: "Luogo istituzionale", en: "Institutional place" }
}

/**
 * A social-capital tie: two actors who know and trust each other and can put
 * their resources in dialogue (seed 002, row 13). The two ends differ.
 *
 * @category models
 * @since 0.1.0
 */
export const Tie = Schema.Struct({
  between: Schema.Tuple(Actor.ActorId, Actor.ActorId)
}).pipe(
  Schema.filter(
    (t) =>
      t.between[0] !== t.between[1] || {
        path: ["between", 1],
        message: `a tie links two different actors, got "${t.between[0]}" twice: name the other actor`
      }
  ),
  Schema.annotations({
    identifier: "Tie",
    description: "A social-capital tie between two different actors."
  })
)

/**
 * @category models
 * @since 0.1.0
 */
export interface Tie extends Schema.Schema.Type<typeof Tie> {}

/**
 * The fields of a community reading of a need: who read it, where, and what
 * the community can bring to it.
 *
 * @category models
 * @since 0.1.0
 */
export const readingFields = {
  interlocutors: Schema.Array(Actor.ActorId),
  places: Schema.Array(PlaceKind),
  resources: Schema.Array(Resource.Resource),
  ties: Schema.Array(Tie)
}

/**
 * A community reading: the interlocutors, the places, the community resources
 * and the social-capital ties gathered around a need.
 *
 * @category models
 * @since 0.1.0
 */
export interface Reading {
  readonly interlocutors: ReadonlyArray<Actor.ActorId>
  readonly places: ReadonlyArray<PlaceKind>
  readonly resources: ReadonlyArray<Resource.Resource>
  readonly ties: ReadonlyArray<Tie>
}

/**
 * A requirement: the way the community manages itself around one or more
 * needs, or around a need it prefigures before any is recorded (seed 000,
 * row 5: «non solo quelli già espressi ma anche quelli che si può
 * prefigurare»). A requirement with no need is *prefigured* (see
 * {@link isPrefigured}).
 *
 * @category models
 * @since 0.1.0
 */
export const Requirement = Schema.Struct({
  id: RequirementId,
  needs: Schema.Array(NeedId),
  ...readingFields
}).annotations({
  identifier: "Requirement",
  title: "Requirement",
  description:
    "A requirement (esigenza): how the community manages itself around its needs, or around needs it prefigures before any is recorded (no need listed; seed 000, row 5): interlocutors, places, resources and ties (seed 000, row 6)."
})

/**
 * @category models
 * @since 0.1.0
 */
export interface Requirement extends Schema.Schema.Type<typeof Requirement> {}

/**
 * The encoded (JSON) form of a requirement.
 *
 * @category models
 * @since 0.1.0
 */
export interface RequirementEncoded extends Schema.Schema.Encoded<typeof Requirement> {}

/**
 * Whether a requirement is prefigured: the community reads it before any need
 * is recorded (seed 000, row 5: the community manages «non solo quelli già
 * espressi ma anche quelli che si può prefigurare»).
 *
 * @example
 * ```ts
 * import * as assert from "node:assert"
 * import { Requirement } from "@welfare/core"
 *
 * assert.strictEqual(Requirement.isPrefigured({ needs: [] }), true)
 * ```
 *
 * @category predicates
 * @since 0.1.0
 */
export const isPrefigured = (requirement: Pick<Requirement, "needs">): boolean =>
  requirement.needs.length === 0

/**
 * Decodes unknown input into a requirement, or returns every problem. Never throws.
 *
 * @category decoding
 * @since 0.1.0
 */
export const decode: (input: unknown) => Problem.Result<Requirement> = Decoder.lazy(Requirement)

/**
 * Every gap that keeps a reading from being generative.
 *
 * - `no-interlocutor`: nobody read the need.
 * - `single-interlocutor`: one interlocutor only, where the generative
 *   reading "comporta più interlocutori".
 * - `only-institutional-interlocutors`: only public actors read it, as in
 *   the traditional reading "tra Istituzione e Privato Sociale".
 * - `no-daily-life-place`: it was read only in institutional places.
 * - `no-community-resource`: no resource of the community with a positive amount.
 * - `only-economic-resources`: the answer stands only while money lasts (seed 000, row 11).
 * - `no-social-capital-tie`: no tie between the actors who could answer it.
 *
 * @category constants
 * @since 0.1.0
 */
export const gapKinds = [
  "no-interlocutor",
  "single-interlocutor",
  "only-institutional-interlocutors",
  "no-daily-life-place",
  "no-community-resource",
  "only-economic-resources",
  "no-social-capital-tie"
] as const

/**
 * A kind of gap.
 *
 * @category models
 * @since 0.1.0
 */
export type GapKind = (typeof gapKinds)[number]

/**
 * Italian and English labels of the gaps.
 *
 * @category labels
 * @since 0.1.0
 */
export const gapLabels: Labels<GapKind> = {
  "no-interlocutor": { it: "Nessun interlocutore", en: "No interlocutor" },
  "single-interlocutor": { it: "Un solo interlocutore", en: "A single interlocutor" },
  "only-institutional-interlocutors": {
    it: "Solo interlocutori istituzionali",
    en: "Only institutional interlocutors"
  },
  "no-daily-life-place": { it: "Nessuno spazio di vita quotidiana", en: "No daily-life place" },
  "no-community-resource": { it: "Nessuna risorsa della comunità", en: "No community resource" },
  "only-economic-resources": { it: "Solo risorse economiche", en: "Only economic resources" },
  "no-social-capital-tie": { it: "Nessun legame di capitale sociale", en: "No social-capital tie" }
}

/**
 * The seed row each gap comes from.
 *
 * @category constants
 * @since 0.1.0
 */
export const gapSources: { readonly [K in GapKind]: string } = {
  "no-interlocutor": "seed 000, row 6",
  "single-interlocutor": "seed 000, row 6",
  "only-institutional-interlocutors": "seed 000, row 6",
  "no-daily-life-place": "seed 000, row 6",
  "no-community-resource": "seed 000, row 6",
  "only-economic-resources": "seed 000, row 11",
  "no-social-capital-tie": "seed 000, row 6"
}

/**
 * What a reading still lacks to be generative, with its source in the seeds.
 *
 * @category models
 * @since 0.1.0
 */
export interface Gap {
  readonly kind: GapKind
  readonly source: string
}

const gap = (kind: GapKind): Gap => ({ kind, source: gapSources[kind] })

/**
 * Every gap of a reading, in the order of {@link gapKinds}. Interlocutors
 * missing from `actorsById` count as interlocutors but not as institutional
 * ones (their references are checked by {@link referenceProblems}).
 *
 * @category validation
 * @since 0.1.0
 */
export const gaps = (
  reading: Reading,
  actorsById: ReadonlyMap<string, Pick<Actor.Actor, "kind">>
): ReadonlyArray<Gap> => {
  const out: Array<Gap> = []
  const interlocutors = new Set(reading.interlocutors)
  if (interlocutors.size === 0) out.push(gap("no-interlocutor"))
  else {
    if (interlocutors.size === 1) out.push(gap("single-interlocutor"))
    let allInstitutional = true
    for (const id of interlocutors) {
      const actor = actorsById.get(id)
      if (actor === undefined || !Actor.isInstitutional(actor)) allInstitutional = false
    }
    if (allInstitutional) out.push(gap("only-institutional-interlocutors"))
  }
  if (!reading.places.some((p) => settingOfPlace[p] === "daily-life")) out.push(gap("no-daily-life-place"))
  const kinds = Resource.kindsOf(reading.resources)
  if (kinds.length === 0) out.push(gap("no-community-resource"))
  else if (kinds.every((k) => k === "economic")) out.push(gap("only-economic-resources"))
  if (reading.ties.length === 0) out.push(gap("no-social-capital-tie"))
  return out
}

/**
 * A need read as a requirement, with what the reading still lacks.
 *
 * @category models
 * @since 0.1.0
 */
export interface Read {
  readonly requirement: Requirement
  readonly gaps: ReadonlyArray<Gap>
}

/**
 * Reads a need as a requirement (the generative move of seed 000, row 5: the
 * need "non viene più percepito come qualcosa che manca, ma come occasione"),
 * given the community's reading of it, and reports every {@link Gap} still
 * keeping the reading from being generative. No gap means a generative reading.
 *
 * @example
 * ```ts
 * import * as assert from "node:assert"
 * import { Actor, Need, Requirement } from "@welfare/core"
 *
 * const need: Need.Need = {
 *   id: Need.NeedId.make("need-casa-01"),
 *   status: "overt",
 *   recognisedBy: Actor.ActorId.make("comune-legnano"),
 *   policyAreas: ["housing"],
 *   raisedBy: { _tag: "service", actor: Actor.ActorId.make("comune-legnano") }
 * }
 * const actors = new Map([["comune-legnano", { kind: "local-authority" as const }]])
 * const traditional = Requirement.readAsRequirement(
 *   need,
 *   {
 *     id: Requirement.RequirementId.make("req-casa-01"),
 *     interlocutors: [Actor.ActorId.make("comune-legnano")],
 *     places: ["social-service-office"],
 *     resources: [],
 *     ties: []
 *   },
 *   actors
 * )
 * assert.deepStrictEqual(traditional.gaps.map((g) => g.kind), [
 *   "single-interlocutor",
 *   "only-institutional-interlocutors",
 *   "no-daily-life-place",
 *   "no-community-resource",
 *   "no-social-capital-tie"
 * ])
 * ```
 *
 * @category constructors
 * @since 0.1.0
 */
export const readAsRequirement = (
  need: Pick<Need.Need, "id">,
  reading: Reading & { readonly id: RequirementId },
  actorsById: ReadonlyMap<string, Pick<Actor.Actor, "kind">>
): Read => {
  const requirement: Requirement = {
    id: reading.id,
    needs: [need.id],
    interlocutors: reading.interlocutors,
    places: reading.places,
    resources: reading.resources,
    ties: reading.ties
  }
  return { requirement, gaps: gaps(requirement, actorsById) }
}

/**
 * Whether a reading has no gap: many interlocutors, not only institutional,
 * in a daily-life place, with non-economic community resources and at least
 * one social-capital tie.
 *
 * @category predicates
 * @since 0.1.0
 */
export const isGenerativeReading = (
  reading: Reading,
  actorsById: ReadonlyMap<string, Pick<Actor.Actor, "kind">>
): boolean => gaps(reading, actorsById).length === 0

/**
 * The ids a list of requirements refers to, for {@link referenceProblems}.
 *
 * @category models
 * @since 0.1.0
 */
export interface Known {
  readonly actors: ReadonlySet<string>
  readonly needs: ReadonlySet<string>
}

/**
 * Every referential problem of a list of requirements: duplicate ids, and
 * needs, interlocutors or tie ends that the territory does not hold.
 *
 * @category validation
 * @since 0.1.0
 */
export const referenceProblems = (
  requirements: ReadonlyArray<Requirement>,
  known: Known,
  path: ReadonlyArray<string | number>
): Array<Problem.Problem> => {
  const problems = duplicateIds(requirements, (r) => r.id, path, "requirement")
  requirements.forEach((r, i) => {
    r.needs.forEach((n, j) => {
      problems.push(...unknownReference(known.needs, n, [...path, i, "needs", j], "need", "needs"))
    })
    r.interlocutors.forEach((a, j) => {
      problems.push(...unknownReference(known.actors, a, [...path, i, "interlocutors", j], "actor", "actors"))
    })
    r.ties.forEach((t, j) => {
      t.between.forEach((a, k) => {
        problems.push(
          ...unknownReference(known.actors, a, [...path, i, "ties", j, "between", k], "actor", "actors")
        )
      })
    })
  })
  return problems
}

/**
 * {@link decode} as an `Effect` that fails with a `Problem.ValidationError`.
 *
 * @category decoding
 * @since 0.2.0
 */
export const decodeEffect: (input: unknown) => Effect.Effect<Requirement, Problem.ValidationError> =
  toEffect(decode)

/**
 * Encodes a requirement to its JSON form.
 *
 * @category encoding
 * @since 0.2.0
 */
export const encode: (value: Requirement) => RequirementEncoded = Schema.encodeSync(Requirement)

/**
 * Builds a Requirement from typed fields without checking them, for trusted
 * builders (fixtures, generators, code that built them from checked values);
 * {@link make} is the checked way.
 *
 * @category constructors
 * @since 0.3.0
 */
export const unsafeMake = (fields: Requirement): Requirement => fields

const checkFields = validator(Requirement)

/**
 * Builds a Requirement from typed fields, checked against its schema (the
 * refinements and cross-field rules {@link decode} applies): the value, or
 * every problem with its path. Never throws.
 *
 * @category constructors
 * @since 0.3.0
 */
export const make = (fields: Requirement): Problem.Result<Requirement> => checkFields(fields)

/**
 * The module's words in Italian and English: the entity's name and the
 * headings of its main fields (its enumerations have their own tables).
 *
 * @category labels
 * @since 0.3.0
 */
export const labels: Labels<"requirement" | "requirements" | "id"> = {
  requirement: { it: "Esigenza", en: "Requirement" },
  requirements: { it: "Esigenze", en: "Requirements" },
  id: { it: "Identificativo", en: "Id" }
}
