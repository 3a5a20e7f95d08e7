/**
 * Needs (bisogno): what is missing (ciò che manca, seed 000 row 6).
 *
 * A need is latent, emerging or overt; an overt need is the one the
 * traditional model waits for, "conclamato" and recognised "da Servizio
 * Sociale" (seed 000, row 5), so an overt need always names who recognised it.
 * A need touching more than one policy area is complex and calls for an
 * integrated taking charge (seed 004, row 32). Its optional `kind` (a code
 * such as `working-poor-housing`) is what the responsibility map reads: a
 * need lies in a "terra di nessuno" (seed 004, row 23) when the law assigns
 * its kind no public body, see `Responsibility.isNoMansLand`. Who raised it
 * is recorded (a person, a family, a social sensor of seed 003 row 85, or a
 * service); the person concerned is only a pseudonymous {@link Person.PersonId}
 * and a need carries no free text, so nothing personal can leak into errors.
 *
 * @since 0.1.0
 */

import type * as Effect from "effect/Effect"
import { dual } from "effect/Function"
import * as Schema from "effect/Schema"
import * as Actor from "./Actor.js"
import * as Decoder from "./Decoder.js"
import { toEffect } from "./internal/contract.js"
import { duplicateIds, unknownReference } from "./internal/integrity.js"
import { id, literals, optional } from "./internal/schema.js"
import type { Labels } from "./Label.js"
import * as Person from "./Person.js"
import * as PolicyArea from "./PolicyArea.js"
import type * as Problem from "./Problem.js"

/**
 * The id of a need.
 *
 * @category models
 * @since 0.1.0
 */
export const NeedId = id("NeedId", "need", "The id of a need.")

/**
 * @category models
 * @since 0.1.0
 */
export type NeedId = typeof NeedId.Type

/**
 * Every status of a need, from the least to the most visible: latent (not yet
 * expressed), emerging (noticed, for example by a social sensor), overt
 * (conclamato, recognised by a service).
 *
 * @category constants
 * @since 0.1.0
 */
export const statuses = ["latent", "emerging", "overt"] as const

/**
 * The status of a need.
 *
 * @category models
 * @since 0.1.0
 */
export const NeedStatus = literals(
  "NeedStatus",
  statuses,
  "How visible a need is: latent, emerging, or overt (conclamato, recognised by a service; seed 000 row 5)."
)

/**
 * @category models
 * @since 0.1.0
 */
export type NeedStatus = typeof NeedStatus.Type

/**
 * Italian and English labels of the need statuses.
 *
 * @category labels
 * @since 0.1.0
 */
export const statusLabels: Labels<NeedStatus> = {
  latent: { it: "Latente", en: "Latent" },
  emerging: { it: "Emergente", en: "Emerging" },
  overt: { it: "Conclamato", en: "Overt (recognised)" }
}

/**
 * Who can raise a need: the person, the family, a social sensor (seed 003,
 * row 85) or a service.
 *
 * @category constants
 * @since 0.1.0
 */
export const raiserKinds = ["person", "family", "social-sensor", "service"] as const

/**
 * The kind of whoever raised a need.
 *
 * @category models
 * @since 0.1.0
 */
export type RaiserKind = (typeof raiserKinds)[number]

/**
 * Italian and English labels of who raised a need.
 *
 * @category labels
 * @since 0.1.0
 */
export const raiserLabels: Labels<RaiserKind> = {
  person: { it: "La persona", en: "The person" },
  family: { it: "La famiglia", en: "The family" },
  "social-sensor": { it: "Sensore sociale", en: "Social sensor" },
  service: { it: "Servizio", en: "Service" }
}

/**
 * Who raised a need: the person (by pseudonymous id), the family (optionally
 * its members, by pseudonymous id), a social sensor or a service (by actor id).
 *
 * @category models
 * @since 0.1.0
 */
export const RaisedBy = Schema.Union(
  Schema.TaggedStruct("person", { person: Person.PersonId }),
  Schema.TaggedStruct("family", { members: optional(Schema.Array(Person.PersonId)) }),
  Schema.TaggedStruct("social-sensor", { actor: Actor.ActorId }),
  Schema.TaggedStruct("service", { actor: Actor.ActorId })
).annotations({
  identifier: "RaisedBy",
  description: "Who raised a need: the person, the family, a social sensor or a service."
})

/**
 * @category models
 * @since 0.1.0
 */
export type RaisedBy = typeof RaisedBy.Type

/**
 * A code for a kind of need (for example `working-poor-housing`,
 * `isolated-elderly`): the unit the responsibility map assigns public bodies
 * to (seed 004, row 23).
 *
 * @category models
 * @since 0.1.0
 */
export const NeedKind = id("NeedKind", "kind", "A code for a kind of need, read by the responsibility map.")

/**
 * @category models
 * @since 0.1.0
 */
export type NeedKind = typeof NeedKind.Type

const nonEmpty = <S extends Schema.Schema.Any>(item: S, message: string) =>
  Schema.Array(item).pipe(Schema.filter((a) => a.length > 0 || message, { jsonSchema: { minItems: 1 } }))

/**
 * A need: its status (and who recognised it, when overt), the policy areas it
 * touches, its kind (read by the responsibility map), the public body that
 * took charge of it if any (`responsibleBody`: a fact of this need, not the
 * law's assignment: see `Responsibility`), who raised it, and
 * optionally the pseudonymous person it concerns (absent for a need of a
 * community or a group).
 *
 * @example
 * ```ts
 * import * as assert from "node:assert"
 * import { Either } from "effect"
 * import { Decoder, Need, Problem } from "@welfare/core"
 *
 * const decode = Decoder.lazy(Need.Need)
 * const result = decode({
 *   id: "need-casa-01",
 *   status: "overt",
 *   policyAreas: ["housing"],
 *   raisedBy: { _tag: "person", person: "p-0017" }
 * })
 * assert.ok(Either.isLeft(result))
 * assert.strictEqual(
 *   Problem.format(result.left[0]),
 *   'recognisedBy: an overt need is recognised by someone (seed 000, row 5): give the actor id of the service that recognised it, or set the status to "emerging"'
 * )
 * ```
 *
 * @category models
 * @since 0.1.0
 */
export const Need = Schema.Struct({
  id: NeedId,
  status: NeedStatus,
  recognisedBy: optional(Actor.ActorId),
  policyAreas: nonEmpty(
    PolicyArea.PolicyArea,
    "a need touches at least one policy area (seed 004, row 33): list the areas it touches"
  ),
  kind: optional(NeedKind),
  responsibleBody: optional(Actor.ActorId),
  raisedBy: RaisedBy,
  person: optional(Person.PersonId)
}).pipe(
  Schema.filter((n) => {
    const issues: Array<{ path: ReadonlyArray<string | number>; message: string }> = []
    if (n.status === "overt" && n.recognisedBy === undefined)
      issues.push({
        path: ["recognisedBy"],
        message:
          'an overt need is recognised by someone (seed 000, row 5): give the actor id of the service that recognised it, or set the status to "emerging"'
      })
    if (n.status !== "overt" && n.recognisedBy !== undefined)
      issues.push({
        path: ["recognisedBy"],
        message: `only an overt need has been recognised: set the status to "overt" or remove recognisedBy (the status is "${n.status}")`
      })
    const seen = new Set<string>()
    n.policyAreas.forEach((area, i) => {
      if (seen.has(area))
        issues.push({
          path: ["policyAreas", i],
          message: `the policy area "${area}" is listed twice: list each area once`
        })
      seen.add(area)
    })
    return issues.length === 0 ? true : issues
  }),
  Schema.annotations({
    identifier: "Need",
    title: "Need",
    description:
      "A need (bisogno): what is missing, its status, policy areas, responsible body and who raised it."
  })
)

/**
 * @category models
 * @since 0.1.0
 */
export interface Need extends Schema.Schema.Type<typeof Need> {}

/**
 * The encoded (JSON) form of a need.
 *
 * @category models
 * @since 0.1.0
 */
export interface NeedEncoded extends Schema.Schema.Encoded<typeof Need> {}

const decodeNeed = Decoder.lazy(Need)

/**
 * Decodes unknown input into a need, or returns every problem. Never throws.
 *
 * @category decoding
 * @since 0.1.0
 */
export const decode = (input: unknown): Problem.Result<Need> => decodeNeed(input)

/**
 * Encodes a need to its JSON form.
 *
 * @category encoding
 * @since 0.1.0
 */
export const encode: (need: Need) => NeedEncoded = Schema.encodeSync(Need)

/**
 * Whether a need is overt (conclamato): the only kind of need traditional
 * access answers (seed 000, rows 5 and 11).
 *
 * @category predicates
 * @since 0.1.0
 */
export const isOvert = (need: Pick<Need, "status">): boolean => need.status === "overt"

/**
 * Whether a need touches more than one policy area (seed 004, row 32).
 *
 * @example
 * ```ts
 * import * as assert from "node:assert"
 * import { Need } from "@welfare/core"
 *
 * assert.strictEqual(Need.isComplex({ policyAreas: ["housing", "labour"] }), true)
 * assert.strictEqual(Need.isComplex({ policyAreas: ["housing"] }), false)
 * ```
 *
 * @category predicates
 * @since 0.1.0
 */
export const isComplex = (need: Pick<Need, "policyAreas">): boolean => PolicyArea.isComplex(need.policyAreas)

/**
 * Whether a need is still below the threshold of traditional access: latent or
 * emerging, the vulnerability generative access reaches (seed 000, row 11).
 *
 * @category predicates
 * @since 0.1.0
 */
export const isNotYetOvert = (need: Pick<Need, "status">): boolean => need.status !== "overt"

/**
 * The rank of a status, 0 for latent to 2 for overt.
 *
 * @category getters
 * @since 0.1.0
 */
export const statusRank = (status: NeedStatus): number => statuses.indexOf(status)

/**
 * Records that a service recognised a need: the need becomes overt, naming
 * the recogniser. A need that is already overt keeps its first recogniser.
 *
 * @example
 * ```ts
 * import * as assert from "node:assert"
 * import { pipe } from "effect"
 * import { Actor, Need } from "@welfare/core"
 *
 * const need: Need.Need = {
 *   id: Need.NeedId.make("need-01"),
 *   status: "emerging",
 *   policyAreas: ["housing", "labour"],
 *   raisedBy: { _tag: "social-sensor", actor: Actor.ActorId.make("oratorio-san-domenico") }
 * }
 * const recognised = pipe(need, Need.recognise(Actor.ActorId.make("comune-legnano")))
 * assert.strictEqual(recognised.status, "overt")
 * assert.strictEqual(recognised.recognisedBy, "comune-legnano")
 * ```
 *
 * @category combinators
 * @since 0.1.0
 */
export const recognise: {
  (by: Actor.ActorId): (self: Need) => Need
  (self: Need, by: Actor.ActorId): Need
} = dual(
  2,
  (self: Need, by: Actor.ActorId): Need =>
    self.status === "overt" ? self : { ...self, status: "overt", recognisedBy: by }
)

/**
 * The actor a need was raised by, when a social sensor or a service raised it.
 *
 * @category getters
 * @since 0.1.0
 */
export const raiserActor = (raisedBy: RaisedBy): Actor.ActorId | undefined =>
  raisedBy._tag === "social-sensor" || raisedBy._tag === "service" ? raisedBy.actor : undefined

/**
 * The ids a list of needs refers to, for {@link referenceProblems}.
 *
 * @category models
 * @since 0.1.0
 */
export interface Known {
  readonly actors: ReadonlySet<string>
}

/**
 * Every referential problem of a list of needs: duplicate need ids, and
 * recognisers, responsible bodies or raising actors that are not actors of
 * the territory. `path` is where the list sits (for example `["needs"]`).
 *
 * @example
 * ```ts
 * import * as assert from "node:assert"
 * import { Actor, Need, Problem } from "@welfare/core"
 *
 * const needs: ReadonlyArray<Need.Need> = [{
 *   id: Need.NeedId.make("need-01"),
 *   status: "emerging",
 *   policyAreas: ["housing"],
 *   raisedBy: { _tag: "social-sensor", actor: Actor.ActorId.make("oratorio-x") }
 * }]
 * const problems = Need.referenceProblems(needs, { actors: new Set(["comune-legnano"]) }, ["needs"])
 * assert.deepStrictEqual(problems.map(Problem.format), [
 *   'needs[0].raisedBy.actor: no actor has the id "oratorio-x": add it to actors or correct the id'
 * ])
 * ```
 *
 * @category validation
 * @since 0.1.0
 */
export const referenceProblems = (
  needs: ReadonlyArray<Need>,
  known: Known,
  path: ReadonlyArray<string | number>
): Array<Problem.Problem> => {
  const problems = duplicateIds(needs, (n) => n.id, path, "need")
  needs.forEach((need, i) => {
    if (need.recognisedBy !== undefined)
      problems.push(
        ...unknownReference(known.actors, need.recognisedBy, [...path, i, "recognisedBy"], "actor", "actors")
      )
    if (need.responsibleBody !== undefined)
      problems.push(
        ...unknownReference(
          known.actors,
          need.responsibleBody,
          [...path, i, "responsibleBody"],
          "actor",
          "actors"
        )
      )
    const raiser = raiserActor(need.raisedBy)
    if (raiser !== undefined)
      problems.push(
        ...unknownReference(known.actors, raiser, [...path, i, "raisedBy", "actor"], "actor", "actors")
      )
  })
  return problems
}

/**
 * Builds a need from typed fields, or returns every problem the schema finds
 * (an overt need without recogniser, a policy area listed twice).
 *
 * @category constructors
 * @since 0.1.0
 */
export const make = (fields: Need): Problem.Result<Need> => decodeNeed(fields)

/**
 * {@link decode} as an `Effect` that fails with a `Problem.ValidationError`.
 *
 * @category decoding
 * @since 0.2.0
 */
export const decodeEffect: (input: unknown) => Effect.Effect<Need, Problem.ValidationError> = toEffect(decode)

/**
 * Builds a Need from typed fields without checking them, for trusted
 * builders (fixtures, generators, code that built them from checked values);
 * {@link make} is the checked way.
 *
 * @category constructors
 * @since 0.3.0
 */
export const unsafeMake = (input: Need): Need => input

/**
 * The module's words in Italian and English: the entity's name and the
 * headings of its main fields (its enumerations have their own tables).
 *
 * @category labels
 * @since 0.3.0
 */
export const labels: Labels<"need" | "needs" | "id" | "status"> = {
  need: { it: "Bisogno", en: "Need" },
  needs: { it: "Bisogni", en: "Needs" },
  id: { it: "Identificativo", en: "Id" },
  status: { it: "Stato", en: "Status" }
}
