/**
 * Partnerships (partenariato, rete, alleanza, tavolo tematico): actors that
 * share responsibilities and resources. A generative welfare "si realizza
 * grazie a forme di partenariato" (seed 004, row 31); its governance moves
 * beyond market and hierarchy towards a network logic (seed 001, row 33); the
 * public actor is the "promotore di alleanze" (seed 003, row 50).
 *
 * Each member has one or more roles, the resources it commits and the
 * responsibilities it takes. Decoding reports every broken rule at once: an
 * empty partnership, a duplicate member, a promoter that is not a member, a
 * negative commitment.
 *
 * @since 0.1.0
 */

import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import { dual } from "effect/Function"
import * as Schema from "effect/Schema"
import * as Actor from "./Actor.js"
import * as Decoder from "./Decoder.js"
import { duplicateIds, unknownReference } from "./internal/integrity.js"
import { id, literals, optional, text } from "./internal/schema.js"
import type { Labels } from "./Label.js"
import * as PolicyArea from "./PolicyArea.js"
import * as Problem from "./Problem.js"
import * as Resource from "./Resource.js"

/**
 * The id of a partnership.
 *
 * @category models
 * @since 0.1.0
 */
export const PartnershipId = id("PartnershipId", "pship", "The id of a partnership.")

/**
 * @category models
 * @since 0.1.0
 */
export type PartnershipId = typeof PartnershipId.Type

/**
 * Every role a member may hold.
 *
 * @category constants
 * @since 0.1.0
 */
export const roles = [
  "promoter",
  "coordinator",
  "funder",
  "implementer",
  "accountable-body",
  "facilitator",
  "partner"
] as const

/**
 * The role of a member: promoter of the alliance (seed 003, row 50),
 * coordinator, funder, implementer, accountable body (the one that answers
 * for the shared accounts, seed 001 move 6), facilitator, or plain partner.
 *
 * @category models
 * @since 0.1.0
 */
export const Role = literals("PartnershipRole", roles, "The role of a member of a partnership.")

/**
 * @category models
 * @since 0.1.0
 */
export type Role = typeof Role.Type

/**
 * Every responsibility a member (or a Pact signatory) may take.
 *
 * @category constants
 * @since 0.1.0
 */
export const responsibilities = [
  "coordination",
  "needs-reading",
  "service-delivery",
  "funding",
  "volunteer-mobilisation",
  "training",
  "communication",
  "hosting",
  "accountability",
  "evaluation"
] as const

/**
 * A responsibility taken in a partnership or a Pact: coordinating, reading
 * needs, delivering services, funding, mobilising volunteers, training,
 * communicating (network information, seed 004 row 47), hosting, answering
 * for the accounts, evaluating. Enumerated, so no free text enters the model.
 *
 * @category models
 * @since 0.1.0
 */
export const Responsibility = literals(
  "Responsibility",
  responsibilities,
  "A responsibility a member takes in a partnership or a signatory in a Pact."
)

/**
 * @category models
 * @since 0.1.0
 */
export type Responsibility = typeof Responsibility.Type

/**
 * Every governance logic (seed 001, row 33).
 *
 * @category constants
 * @since 0.1.0
 */
export const governanceLogics = ["hierarchy", "market", "network"] as const

/**
 * The governance logic of a partnership: hierarchy, market, or the network
 * logic "che pone al centro la possibilità di integrare gli attori sociali"
 * (seed 001, row 33).
 *
 * @category models
 * @since 0.1.0
 */
export const GovernanceLogic = literals(
  "GovernanceLogic",
  governanceLogics,
  "The governance logic of a partnership: hierarchy, market or network (seed 001)."
)

/**
 * @category models
 * @since 0.1.0
 */
export type GovernanceLogic = typeof GovernanceLogic.Type

/**
 * Every form a partnership takes in the Legnano roadmap (seed 004, rows 43-55).
 *
 * @category constants
 * @since 0.1.0
 */
export const forms = [
  "steering-group",
  "consultation-table",
  "thematic-table",
  "focus-group",
  "forum",
  "network",
  "alliance"
] as const

/**
 * The form of a partnership: steering group (gruppo di regia), consultation
 * table of the zone plan, thematic table, focus group, forum, network or
 * alliance.
 *
 * @category models
 * @since 0.1.0
 */
export const Form = literals("PartnershipForm", forms, "The form a partnership takes (seed 004).")

/**
 * @category models
 * @since 0.1.0
 */
export type Form = typeof Form.Type

/**
 * A member of a partnership: an actor, its roles (at least one), the
 * resources it commits and the responsibilities it takes.
 *
 * @category models
 * @since 0.1.0
 */
export const Member = Schema.Struct({
  actor: Actor.ActorId,
  roles: Schema.Array(Role).pipe(
    Schema.minItems(1, {
      message: () => "a member holds at least one role: add one of " + roles.join(", ")
    })
  ),
  commitments: Schema.Array(Resource.Resource),
  responsibilities: Schema.Array(Responsibility)
}).annotations({
  identifier: "PartnershipMember",
  title: "PartnershipMember",
  description: "A member of a partnership with its roles, commitments and responsibilities."
})

/**
 * @category models
 * @since 0.1.0
 */
export interface Member extends Schema.Schema.Type<typeof Member> {}

const partnershipNames = [
  "Gruppo di regia del welfare generativo",
  "Tavolo di consultazione del Piano di Zona",
  "Tavolo tematico famiglie e minori",
  "Tavolo tematico lavoro e casa",
  "Rete delle consulte del volontariato",
  "Alleanza per la prossimità"
] as const

/**
 * The fields of a partnership, before its rules are checked.
 *
 * @category models
 * @since 0.1.0
 */
export const PartnershipFields = Schema.Struct({
  id: PartnershipId,
  name: text(
    "PartnershipName",
    "The name of the partnership (an organisational name, never a person's)."
  ).annotations({ arbitrary: () => (fc) => fc.constantFrom(...partnershipNames) }),
  form: Form,
  governance: GovernanceLogic,
  policyAreas: Schema.Array(PolicyArea.PolicyArea),
  promoter: optional(Actor.ActorId),
  members: Schema.Array(Member).pipe(
    Schema.minItems(1, {
      message: () =>
        "a partnership has at least one member: add its members (an empty partnership joins no one)"
    })
  )
}).annotations({ identifier: "PartnershipFields", title: "Partnership" })

/**
 * The input of {@link make}: the fields of a partnership.
 *
 * @category models
 * @since 0.1.0
 */
export interface PartnershipInput extends Schema.Schema.Type<typeof PartnershipFields> {}

/**
 * Every broken rule of one partnership, at once: a member listed twice, a
 * promoter that is not a member, a promoter without the `promoter` role, a
 * member with the `promoter` role that is not the promoter. (An empty
 * partnership and a negative commitment are shape problems, reported by
 * {@link decode}.)
 *
 * @example
 * ```ts
 * import * as assert from "node:assert"
 * import { Actor, Partnership, Problem } from "@welfare/core"
 *
 * const problems = Partnership.rules({
 *   id: Partnership.PartnershipId.make("pship-regia"),
 *   name: "Gruppo di regia",
 *   form: "steering-group",
 *   governance: "network",
 *   policyAreas: [],
 *   promoter: Actor.ActorId.make("ufficio-di-piano"),
 *   members: [Partnership.member("forum-terzo-settore", ["partner"])]
 * })
 * assert.deepStrictEqual(problems.map(Problem.format), [
 *   'promoter: the promoter "ufficio-di-piano" is not a member: add it to members with the role promoter, or correct the promoter'
 * ])
 * ```
 *
 * @category validation
 * @since 0.1.0
 */
export const rules = (p: PartnershipInput): Array<Problem.Problem> => {
  const problems: Array<Problem.Problem> = []
  const first = new Map<string, number>()
  p.members.forEach((m, i) => {
    const at = first.get(m.actor)
    if (at === undefined) first.set(m.actor, i)
    else
      problems.push(
        Problem.make(
          "duplicate-id",
          ["members", i, "actor"],
          `the actor "${m.actor}" is already a member at members[${at}]: list each member once, with all its roles`
        )
      )
  })
  if (p.promoter !== undefined) {
    const at = first.get(p.promoter)
    if (at === undefined)
      problems.push(
        Problem.make(
          "rule",
          ["promoter"],
          `the promoter "${p.promoter}" is not a member: add it to members with the role promoter, or correct the promoter`
        )
      )
    else if (!p.members[at]!.roles.includes("promoter"))
      problems.push(
        Problem.make(
          "rule",
          ["members", at, "roles"],
          `the promoter "${p.promoter}" lacks the role promoter: add it to its roles`
        )
      )
  }
  p.members.forEach((m, i) => {
    if (m.roles.includes("promoter") && m.actor !== p.promoter && first.get(m.actor) === i)
      problems.push(
        Problem.make(
          "rule",
          ["members", i, "roles"],
          p.promoter === undefined
            ? `the member "${m.actor}" has the role promoter but the partnership names no promoter: set promoter to "${m.actor}"`
            : `the member "${m.actor}" has the role promoter but the promoter is "${p.promoter}": a partnership has one promoter`
        )
      )
  })
  return problems
}

/**
 * A partnership whose rules hold (see {@link rules}). Use {@link decode} to
 * get typed problems with codes.
 *
 * @example
 * ```ts
 * import * as assert from "node:assert"
 * import { Schema } from "effect"
 * import { Partnership } from "@welfare/core"
 *
 * const regia = Schema.decodeUnknownSync(Partnership.Partnership)({
 *   id: "pship-regia",
 *   name: "Gruppo di regia",
 *   form: "steering-group",
 *   governance: "network",
 *   policyAreas: ["social-and-health-services"],
 *   promoter: "ufficio-di-piano",
 *   members: [
 *     { actor: "ufficio-di-piano", roles: ["promoter", "coordinator"], commitments: [], responsibilities: ["coordination"] },
 *     { actor: "forum-terzo-settore", roles: ["partner"], commitments: [{ kind: "competence", amount: 60, unit: "hour" }], responsibilities: [] }
 *   ]
 * })
 * assert.deepStrictEqual(Partnership.actors(regia), ["ufficio-di-piano", "forum-terzo-settore"])
 * ```
 *
 * @category models
 * @since 0.1.0
 */
export const Partnership = PartnershipFields.pipe(
  Schema.filter((p) => rules(p).map((x) => ({ path: x.path, message: x.message }))),
  Schema.annotations({
    identifier: "Partnership",
    title: "Partnership",
    description:
      "A partnership: actors sharing responsibilities and resources, with its governance logic and promoter."
  })
)

/**
 * A partnership whose rules hold.
 *
 * @category models
 * @since 0.1.0
 */
export interface Partnership extends PartnershipInput {}

/**
 * The encoded (JSON) form of a partnership.
 *
 * @category models
 * @since 0.1.0
 */
export interface PartnershipEncoded extends Schema.Schema.Encoded<typeof PartnershipFields> {}

/**
 * Builds a member from an actor id and its roles; commitments and
 * responsibilities default to none.
 *
 * @category constructors
 * @since 0.1.0
 */
export const member = (
  actor: string,
  memberRoles: ReadonlyArray<Role>,
  options: {
    readonly commitments?: ReadonlyArray<Resource.Resource>
    readonly responsibilities?: ReadonlyArray<Responsibility>
  } = {}
): Member => ({
  actor: Actor.ActorId.make(actor),
  roles: memberRoles,
  commitments: options.commitments ?? [],
  responsibilities: options.responsibilities ?? []
})

/**
 * Builds a partnership from typed fields, or returns every broken rule.
 *
 * @category constructors
 * @since 0.1.0
 */
export const make = (input: PartnershipInput): Problem.Result<Partnership> => {
  const problems =
    input.members.length === 0
      ? [
          Problem.make(
            "rule",
            ["members"],
            "a partnership has at least one member: add its members (an empty partnership joins no one)"
          ),
          ...rules(input)
        ]
      : rules(input)
  return Problem.fromProblems(input, problems)
}

const decodeFields = Decoder.lazy(PartnershipFields)

/**
 * Decodes unknown input into a partnership, or returns every problem: shape
 * problems first (an empty member list, a negative commitment), then, when
 * the shape is right, every broken rule. Never throws.
 *
 * @example
 * ```ts
 * import * as assert from "node:assert"
 * import { Either } from "effect"
 * import { Partnership, Problem } from "@welfare/core"
 *
 * const result = Partnership.decode({
 *   id: "pship-lavoro",
 *   name: "Tavolo tematico lavoro e casa",
 *   form: "thematic-table",
 *   governance: "network",
 *   policyAreas: ["labour", "housing"],
 *   members: [
 *     { actor: "cgil-legnano", roles: ["partner"], commitments: [{ kind: "time", amount: -5, unit: "hour" }], responsibilities: [] },
 *     { actor: "coop-melograno", roles: [], commitments: [], responsibilities: [] }
 *   ]
 * })
 * assert.ok(Either.isLeft(result))
 * assert.deepStrictEqual(result.left.map(Problem.format), [
 *   "members[0].commitments[0].amount: expected a non-negative amount, got -5",
 *   "members[1].roles: a member holds at least one role: add one of promoter, coordinator, funder, implementer, accountable-body, facilitator, partner"
 * ])
 * ```
 *
 * @category decoding
 * @since 0.1.0
 */
export const decode = (input: unknown): Problem.Result<Partnership> =>
  Either.flatMap(decodeFields(input), (fields) => make(fields))

/**
 * {@link decode} as an `Effect` that fails with a {@link Problem.ValidationError}.
 *
 * @category decoding
 * @since 0.1.0
 */
export const decodeEffect = (input: unknown): Effect.Effect<Partnership, Problem.ValidationError> =>
  Either.match(decode(input), {
    onLeft: (problems) => Effect.fail(new Problem.ValidationError({ problems })),
    onRight: Effect.succeed
  })

/**
 * Encodes a partnership to its JSON form.
 *
 * @category encoding
 * @since 0.1.0
 */
export const encode: (partnership: Partnership) => PartnershipEncoded = Schema.encodeSync(PartnershipFields)

/**
 * The member actors of a partnership, in member order, each once.
 *
 * @category getters
 * @since 0.1.0
 */
export const actors = (partnership: Pick<Partnership, "members">): ReadonlyArray<Actor.ActorId> => [
  ...new Set(partnership.members.map((m) => m.actor))
]

/**
 * Whether an actor is a member of a partnership.
 *
 * @category predicates
 * @since 0.1.0
 */
export const hasMember: {
  (actor: Actor.ActorId): (self: Pick<Partnership, "members">) => boolean
  (self: Pick<Partnership, "members">, actor: Actor.ActorId): boolean
} = dual(2, (self: Pick<Partnership, "members">, actor: Actor.ActorId): boolean =>
  self.members.some((m) => m.actor === actor)
)

/**
 * The roles an actor holds in a partnership (none when it is not a member).
 *
 * @category getters
 * @since 0.1.0
 */
export const rolesOf: {
  (actor: Actor.ActorId): (self: Pick<Partnership, "members">) => ReadonlyArray<Role>
  (self: Pick<Partnership, "members">, actor: Actor.ActorId): ReadonlyArray<Role>
} = dual(2, (self: Pick<Partnership, "members">, actor: Actor.ActorId): ReadonlyArray<Role> => {
  const out = new Set<Role>()
  for (const m of self.members) if (m.actor === actor) for (const r of m.roles) out.add(r)
  return roles.filter((r) => out.has(r))
})

/**
 * The totals of the resources committed by all the members of a partnership.
 *
 * @example
 * ```ts
 * import * as assert from "node:assert"
 * import { Partnership, Resource } from "@welfare/core"
 *
 * const totals = Partnership.commitmentTotals({
 *   members: [
 *     Partnership.member("fondazione-ticino-olona", ["funder"], { commitments: [Resource.unsafeMake("economic", 20000)] }),
 *     Partnership.member("comune-legnano", ["promoter"], { commitments: [Resource.unsafeMake("economic", 30000)] })
 *   ]
 * })
 * assert.strictEqual(totals.economic.euro, 50000)
 * ```
 *
 * @category getters
 * @since 0.1.0
 */
export const commitmentTotals = (partnership: Pick<Partnership, "members">): Resource.Totals =>
  Resource.totals(partnership.members.flatMap((m) => m.commitments))

/**
 * The sectors a partnership spans, in the order of `Actor.sectors`. Members
 * that are not among the given actors are not counted.
 *
 * @category getters
 * @since 0.1.0
 */
export const sectorsOf: {
  (
    actorsById: ReadonlyMap<string, Pick<Actor.Actor, "kind">>
  ): (partnership: Pick<Partnership, "members">) => ReadonlyArray<Actor.Sector>
  (
    partnership: Pick<Partnership, "members">,
    actorsById: ReadonlyMap<string, Pick<Actor.Actor, "kind">>
  ): ReadonlyArray<Actor.Sector>
} = dual(
  2,
  (
    partnership: Pick<Partnership, "members">,
    actorsById: ReadonlyMap<string, Pick<Actor.Actor, "kind">>
  ): ReadonlyArray<Actor.Sector> => {
    const seen = new Set<Actor.Sector>()
    for (const m of partnership.members) {
      const a = actorsById.get(m.actor)
      if (a !== undefined) seen.add(Actor.sectorOf(a))
    }
    return Actor.sectors.filter((s) => seen.has(s))
  }
)

/**
 * Every reference problem of a list of partnerships: duplicate partnership
 * ids, and members or promoters that are not known actors. `path` is where
 * the list sits in its document (for a territory, `["partnerships"]`).
 *
 * @example
 * ```ts
 * import * as assert from "node:assert"
 * import { Partnership, Problem } from "@welfare/core"
 *
 * const problems = Partnership.referenceProblems(
 *   [{ id: Partnership.PartnershipId.make("pship-1"), members: [Partnership.member("nobody", ["partner"])] }],
 *   { actors: new Set(["comune-legnano"]) },
 *   ["partnerships"]
 * )
 * assert.deepStrictEqual(problems.map(Problem.format), [
 *   'partnerships[0].members[0].actor: no actor has the id "nobody": add it to actors or correct the id'
 * ])
 * ```
 *
 * @category validation
 * @since 0.1.0
 */
export const referenceProblems = (
  partnerships: ReadonlyArray<Pick<Partnership, "id" | "members"> & { readonly promoter?: Actor.ActorId }>,
  known: { readonly actors: ReadonlySet<string> },
  path: ReadonlyArray<Problem.PathSegment>
): Array<Problem.Problem> => {
  const problems = duplicateIds(partnerships, (p) => p.id, path, "partnership")
  partnerships.forEach((p, i) => {
    p.members.forEach((m, j) => {
      problems.push(
        ...unknownReference(known.actors, m.actor, [...path, i, "members", j, "actor"], "actor", "actors")
      )
    })
    if (p.promoter !== undefined && !p.members.some((m) => m.actor === p.promoter))
      problems.push(
        ...unknownReference(known.actors, p.promoter, [...path, i, "promoter"], "actor", "actors")
      )
  })
  return problems
}

/**
 * Italian and English labels of the roles.
 *
 * @category labels
 * @since 0.1.0
 */
export const roleLabels: Labels<Role> = {
  promoter: { it: "Promotore", en: "Promoter" },
  coordinator: { it: "Coordinatore", en: "Coordinator" },
  funder: { it: "Finanziatore", en: "Funder" },
  implementer: { it: "Attuatore", en: "Implementer" },
  "accountable-body": { it: "Ente responsabile della rendicontazione", en: "Accountable body" },
  facilitator: { it: "Facilitatore", en: "Facilitator" },
  partner: { it: "Partner", en: "Partner" }
}

/**
 * Italian and English labels of the responsibilities.
 *
 * @category labels
 * @since 0.1.0
 */
export const responsibilityLabels: Labels<Responsibility> = {
  coordination: { it: "Coordinamento", en: "Coordination" },
  "needs-reading": { it: "Lettura dei bisogni", en: "Needs reading" },
  "service-delivery": { it: "Gestione di servizi", en: "Service delivery" },
  funding: { it: "Finanziamento", en: "Funding" },
  "volunteer-mobilisation": { it: "Attivazione di volontari", en: "Volunteer mobilisation" },
  training: { it: "Formazione", en: "Training" },
  communication: { it: "Informazione di rete", en: "Network information" },
  hosting: { it: "Messa a disposizione di spazi", en: "Hosting" },
  accountability: { it: "Rendicontazione", en: "Accountability" },
  evaluation: { it: "Valutazione condivisa", en: "Shared evaluation" }
}

/**
 * Italian and English labels of the governance logics.
 *
 * @category labels
 * @since 0.1.0
 */
export const governanceLabels: Labels<GovernanceLogic> = {
  hierarchy: { it: "Gerarchia", en: "Hierarchy" },
  market: { it: "Mercato", en: "Market" },
  network: { it: "Rete", en: "Network" }
}

/**
 * Italian and English labels of the forms.
 *
 * @category labels
 * @since 0.1.0
 */
export const formLabels: Labels<Form> = {
  "steering-group": { it: "Gruppo di regia", en: "Steering group" },
  "consultation-table": { it: "Tavolo di consultazione", en: "Consultation table" },
  "thematic-table": { it: "Tavolo tematico", en: "Thematic table" },
  "focus-group": { it: "Focus group", en: "Focus group" },
  forum: { it: "Forum", en: "Forum" },
  network: { it: "Rete", en: "Network" },
  alliance: { it: "Alleanza", en: "Alliance" }
}

/**
 * Builds a Partnership from typed fields without checking them, for trusted
 * builders (fixtures, generators, code that built them from checked values);
 * {@link make} is the checked way.
 *
 * @category constructors
 * @since 0.3.0
 */
export const unsafeMake = (input: PartnershipInput): Partnership => input

/**
 * The module's words in Italian and English: the entity's name and the
 * headings of its main fields (its enumerations have their own tables).
 *
 * @category labels
 * @since 0.3.0
 */
export const labels: Labels<"partnership" | "partnerships" | "members" | "governance"> = {
  partnership: { it: "Partenariato", en: "Partnership" },
  partnerships: { it: "Partenariati", en: "Partnerships" },
  members: { it: "Membri", en: "Members" },
  governance: { it: "Governance", en: "Governance" }
}
