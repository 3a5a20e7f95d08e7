/**
 * Interventions (intervento, servizio, progetto, prestazione): what is done,
 * described by the observable facts the seven dimensions of seed 000 are read
 * from. Facts are data, not scores: a practitioner fills them in from what
 * they see (who read the need and where, how the service was designed, how it
 * is delivered, who brings which resources). A fact left out is "not
 * observed"; the assessment (see `Assessment`) never guesses it.
 *
 * Decoding reports every problem at once, including contradictory facts: a
 * service designed both "by... for..." and "with..." must say which share was
 * designed with the people (`designSplit`).
 *
 * @since 0.1.0
 */
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Schema from "effect/Schema"
import * as Access from "./Access.js"
import * as Actor from "./Actor.js"
import * as CoDesign from "./CoDesign.js"
import { duplicateIds, unknownReference } from "./internal/integrity.js"
import { id, literals, optional, text } from "./internal/schema.js"
import type { Labels } from "./Label.js"
import * as Partnership from "./Partnership.js"
import * as Problem from "./Problem.js"
import * as Resource from "./Resource.js"
import * as TakingCharge from "./TakingCharge.js"

/**
 * The id of an intervention (a service, project or programme).
 *
 * @category models
 * @since 0.1.0
 */
export const InterventionId = id(
  "InterventionId",
  "int",
  "The id of an intervention (a service, project or programme)."
)

/**
 * @category models
 * @since 0.1.0
 */
export type InterventionId = typeof InterventionId.Type

const fact = <const L extends ReadonlyArray<string>>(identifier: string, values: L, description: string) =>
  literals(identifier, values, description)

/**
 * Every value of each enumerated fact, in display order (traditional first).
 *
 * @category constants
 * @since 0.1.0
 */
export const factValues = {
  worksOn: ["lack", "interactions", "both"],
  practice: ["cure-treatment", "competence-promotion", "both"],
  focus: ["individual", "community-process", "both"],
  resourcesAim: ["answer-need", "sustain-processes", "both"],
  applicant: ["beneficiary", "person-with-competences", "both"],
  needsTools: ["collect-lacks", "read-community", "both"],
  needReadBy: ["institution-and-social-private", "many-interlocutors", "both"],
  needReadWhere: ["institutional-places", "daily-life-spaces", "both"],
  designed: ["by-for", "with", "both"],
  responses: ["standardised", "flexible", "both"],
  delivery: ["request-benefit", "resources-responsibility-path", "both"],
  governance: ["vertical", "horizontal", "both"],
  thirdSector: ["provider", "co-reader", "both"],
  userRole: ["passive-beneficiary", "active-capacitated", "both"],
  operatorRole: ["specialist", "facilitator", "both"],
  mediators: ["delivery-tools", "resource-multipliers", "both"],
  organisation: ["sector-by-need-category", "shared-objectives", "both"],
  access: ["overt-need-only", "vulnerability-too"],
  orientation: ["emergency-plugging", "co-building", "both"],
  culture: ["all-paid-all-due", "co-responsibility", "both"],
  contributor: ["institution", "third-sector", "market", "community", "beneficiaries"],
  mode: ["tariff", "compulsory", "paid", "voluntary", "agreed", "pooled"],
  form: ["money", "in-kind"]
} as const

/**
 * The enumerated facts that describe one pole, the other, or both at once
 * ("both": a mixed practice, for example operators who deliver benefits and
 * also facilitate). A mixed value is read as partial evidence for both poles
 * (see `Trait`).
 *
 * @category constants
 * @since 0.2.0
 */
export const mixedValue = "both" as const

/**
 * The accepted values of every enumerated fact, by fact name.
 *
 * @category models
 * @since 0.1.0
 */
export type FactValues = typeof factValues

/**
 * The name of an enumerated fact.
 *
 * @category models
 * @since 0.1.0
 */
export type FactName = keyof FactValues

/**
 * The value of an enumerated fact.
 *
 * @category models
 * @since 0.1.0
 */
export type FactValue<F extends FactName> = FactValues[F][number]

/**
 * What the intervention works on: the lack, the interactions, or both (seed 000, row 4).
 *
 * @category models
 * @since 0.1.0
 */
export const WorksOn = fact(
  "WorksOn",
  factValues.worksOn,
  "What the intervention works on (seed 000, row 4)."
)
/**
 * Its practice: cure and treatment, promotion of competences, or both (seed 000, row 4).
 *
 * @category models
 * @since 0.1.0
 */
export const Practice = fact(
  "Practice",
  factValues.practice,
  "The practice of the intervention (seed 000, row 4)."
)
/**
 * Who it is for: the single individual, community processes, or both (seed 000, row 5).
 *
 * @category models
 * @since 0.1.0
 */
export const Focus = fact("Focus", factValues.focus, "Who the intervention is for (seed 000, row 5).")
/**
 * What its resources are for: answering the need, or sustaining community processes (seed 000, row 5).
 *
 * @category models
 * @since 0.1.0
 */
export const ResourcesAim = fact(
  "ResourcesAim",
  factValues.resourcesAim,
  "What the resources are for (seed 000, row 5)."
)
/**
 * How the applicant is seen: a beneficiary, or a person with competences (seed 000, row 5).
 *
 * @category models
 * @since 0.1.0
 */
export const Applicant = fact(
  "Applicant",
  factValues.applicant,
  "How the applicant is seen (seed 000, row 5)."
)
/**
 * The tools of the needs analysis: collecting lacks, reading how the community manages itself, or both (seed 000, row 6).
 *
 * @category models
 * @since 0.1.0
 */
export const NeedsTools = fact(
  "NeedsTools",
  factValues.needsTools,
  "The tools of the needs analysis (seed 000, row 6)."
)
/**
 * Who read the need (seed 000, row 6).
 *
 * @category models
 * @since 0.1.0
 */
export const NeedReadBy = fact("NeedReadBy", factValues.needReadBy, "Who read the need (seed 000, row 6).")
/**
 * Where the need was read (seed 000, row 6).
 *
 * @category models
 * @since 0.1.0
 */
export const NeedReadWhere = fact(
  "NeedReadWhere",
  factValues.needReadWhere,
  "Where the need was read (seed 000, row 6)."
)
/**
 * How the service was designed: "by... for...", "with...", or partly each (seed 000, row 6).
 *
 * @category models
 * @since 0.1.0
 */
export const Designed = fact(
  "Designed",
  factValues.designed,
  "How the service was designed (seed 000, row 6)."
)
/**
 * Its responses: standardised (rigid) or flexible (seed 000, row 6).
 *
 * @category models
 * @since 0.1.0
 */
export const Responses = fact(
  "Responses",
  factValues.responses,
  "Standardised or flexible responses (seed 000, row 6)."
)
/**
 * The delivery chain: request then benefit, or resources then a path of responsibility (seed 000, row 8).
 *
 * @category models
 * @since 0.1.0
 */
export const Delivery = fact("Delivery", factValues.delivery, "The delivery chain (seed 000, row 8).")
/**
 * Vertical management or horizontal subsidiarity (seed 000, row 8).
 *
 * @category models
 * @since 0.1.0
 */
export const Governance = fact(
  "DeliveryGovernance",
  factValues.governance,
  "Vertical or horizontal (seed 000, row 8)."
)
/**
 * The third sector's place: provider in the chain, or co-reader of how needs are managed (seed 000, row 8).
 *
 * @category models
 * @since 0.1.0
 */
export const ThirdSector = fact(
  "ThirdSectorRole",
  factValues.thirdSector,
  "The third sector's place (seed 000, row 8)."
)
/**
 * The user's role: passive beneficiary, or active and capacitated (seed 000, row 8).
 *
 * @category models
 * @since 0.1.0
 */
export const UserRole = fact("UserRole", factValues.userRole, "The user's role (seed 000, row 8).")
/**
 * The operator's role: specialist of lacks and benefits, or facilitator who anticipates (seed 000, row 9).
 *
 * @category models
 * @since 0.1.0
 */
export const OperatorRole = fact(
  "OperatorRole",
  factValues.operatorRole,
  "The operator's role (seed 000, row 9)."
)
/**
 * The mediators' role (for example teachers): tools of delivery, or multipliers of resources (seed 000, row 9).
 *
 * @category models
 * @since 0.1.0
 */
export const Mediators = fact("Mediators", factValues.mediators, "The mediators' role (seed 000, row 9).")
/**
 * The organisation: sectors by category of need, or shared objectives (seed 000, row 10).
 *
 * @category models
 * @since 0.1.0
 */
export const Organisation = fact(
  "Organisation",
  factValues.organisation,
  "The organisation (seed 000, row 10)."
)
/**
 * Access: only with an overt need, or vulnerability too (seed 000, row 11).
 *
 * @category models
 * @since 0.1.0
 */
export const AccessRule = fact("AccessRule", factValues.access, "Who may access (seed 000, row 11).")
/**
 * The orientation: plugging emergencies, or co-building goods and services with the people (seed 000, row 11).
 *
 * @category models
 * @since 0.1.0
 */
export const Orientation = fact("Orientation", factValues.orientation, "The orientation (seed 000, row 11).")
/**
 * The culture it breeds: "all paid, all due", or co-responsibility (communityholders) (seed 000, row 11).
 *
 * @category models
 * @since 0.1.0
 */
export const Culture = fact("Culture", factValues.culture, "The culture it breeds (seed 000, row 11).")
/**
 * Who brings a resource: the institution, the third sector, the market, the
 * community (families, informal networks), or the beneficiaries themselves.
 *
 * @category models
 * @since 0.1.0
 */
export const Contributor = fact("Contributor", factValues.contributor, "Who brings a resource.")

/**
 * How a resource is given, which decides what it says about the people who
 * give it (seed 000, rows 8 and 11):
 *
 * - `tariff`: a tariff or co-payment for the service: the traditional «tutto
 *   pagato - tutto dovuto», never a resource given;
 * - `compulsory`: a contribution owed under sanction (for example community
 *   work as a condition of a benefit): not responsibility taken by choice;
 * - `paid`: work paid by a grant or wage: a resource bought, not given;
 * - `voluntary`: given by free choice;
 * - `agreed`: given by agreement in a pact or a taking-charge path (the
 *   responsibility the seeds' generative pole asks for);
 * - `pooled`: people pooling their demand (for example families buying a
 *   service together): the first rung of community welfare (seed 002, row 13).
 *
 * When absent, a resource from the institution, the third sector or the
 * market is read as `paid` and one from the community or the beneficiaries as
 * `voluntary`.
 *
 * @category models
 * @since 0.2.0
 */
export const ContributionMode = fact(
  "ContributionMode",
  factValues.mode,
  "How a resource is given: tariff, compulsory, paid, voluntary, agreed in a pact or path, or pooled demand."
)

/**
 * @category models
 * @since 0.2.0
 */
export type ContributionMode = typeof ContributionMode.Type

/**
 * The form of an economic resource: money, or goods given in kind (donated
 * food, furniture, the use of a room) valued in euro.
 *
 * @category models
 * @since 0.2.0
 */
export const EconomicForm = fact(
  "EconomicForm",
  factValues.form,
  "The form of an economic resource: money or goods in kind."
)

/**
 * @category models
 * @since 0.2.0
 */
export type EconomicForm = typeof EconomicForm.Type

/**
 * @category models
 * @since 0.1.0
 */
export type Contributor = typeof Contributor.Type

/**
 * The share of a service designed "with" the people, strictly between 0 and 1
 * (only when it was designed partly each way).
 *
 * @category models
 * @since 0.1.0
 */
export const Share = Schema.Number.pipe(
  Schema.filter(
    (n) => (Number.isFinite(n) && n > 0 && n < 1) || `expected a share strictly between 0 and 1, got ${n}`,
    {
      jsonSchema: { exclusiveMinimum: 0, exclusiveMaximum: 1 }
    }
  ),
  Schema.annotations({
    identifier: "Share",
    description: "A share strictly between 0 and 1.",
    arbitrary: () => (fc) => fc.integer({ min: 1, max: 9 }).map((n) => n / 10)
  })
)

/**
 * A resource an intervention uses, with who brings it, how (`mode`) and,
 * optionally, which actor. Give either `resource` (kind, amount and unit) or,
 * when the amount is not known, `kind` alone: a resource of unknown amount is
 * evidence that it is there, and adds nothing to any total.
 *
 * @category models
 * @since 0.1.0
 */
export const ResourceUse = Schema.Struct({
  resource: optional(Resource.Resource),
  kind: optional(Resource.ResourceKind),
  from: Contributor,
  mode: optional(ContributionMode),
  form: optional(EconomicForm),
  actor: optional(Actor.ActorId)
}).annotations({
  identifier: "ResourceUse",
  title: "ResourceUse",
  description: "A resource an intervention uses, who brings it and how."
})

/**
 * @category models
 * @since 0.1.0
 */
export interface ResourceUse extends Schema.Schema.Type<typeof ResourceUse> {}

/**
 * The kind of a resource use, whether its amount is known or not.
 *
 * @category getters
 * @since 0.2.0
 */
export const kindOf = (use: Pick<ResourceUse, "resource" | "kind">): Resource.ResourceKind | undefined =>
  use.resource?.kind ?? use.kind

/**
 * How a resource is given: its `mode`, or, when absent, `paid` for the
 * institution, the third sector and the market and `voluntary` for the
 * community and the beneficiaries.
 *
 * @category getters
 * @since 0.2.0
 */
export const modeOf = (use: Pick<ResourceUse, "from" | "mode">): ContributionMode =>
  use.mode ?? (use.from === "community" || use.from === "beneficiaries" ? "voluntary" : "paid")

/**
 * Whether a resource use is money (an economic resource not given in kind).
 *
 * @category predicates
 * @since 0.2.0
 */
export const isMoney = (use: Pick<ResourceUse, "resource" | "kind" | "form">): boolean =>
  kindOf(use) === "economic" && use.form !== "in-kind"

/**
 * Whether a resource use is a resource *given* by the people: brought by the
 * beneficiaries or the community (families, residents, informal networks),
 * by choice or by agreement (`voluntary`, `agreed` or `pooled`), and not
 * money paid as a tariff. Seed 000 (row 8): «Cittadino è portatore di
 * risorse/esigenze»; row 11: a tariff keeps «la cultura del "tutto
 * pagato-tutto dovuto"».
 *
 * @category predicates
 * @since 0.2.0
 */
export const isGivenByPeople = (use: Pick<ResourceUse, "from" | "mode">): boolean => {
  if (use.from !== "community" && use.from !== "beneficiaries") return false
  const mode = modeOf(use)
  return mode === "voluntary" || mode === "agreed" || mode === "pooled"
}
const serviceNames = [
  "Contributo economico a domanda",
  "Assistenza domiciliare",
  "Custodi sociali di quartiere",
  "Portineria di comunità",
  "Banco di mutuo aiuto",
  "Laboratorio casa e lavoro"
] as const

/**
 * The facts of an intervention, before the consistency rules are checked.
 * Every fact but the id is optional: absent means "not observed".
 *
 * @category models
 * @since 0.1.0
 */
export const InterventionFields = Schema.Struct({
  id: InterventionId,
  name: optional(
    text("InterventionName", "The public name of the service or project (never a person's).").annotations({
      arbitrary: () => (fc) => fc.constantFrom(...serviceNames)
    })
  ),
  worksOn: optional(WorksOn),
  practice: optional(Practice),
  assistanceBenefit: optional(Schema.Boolean),
  focus: optional(Focus),
  resourcesAim: optional(ResourcesAim),
  applicant: optional(Applicant),
  needsTools: optional(NeedsTools),
  needReadBy: optional(NeedReadBy),
  needReadWhere: optional(NeedReadWhere),
  designed: optional(Designed),
  designSplit: optional(Share),
  responses: optional(Responses),
  delivery: optional(Delivery),
  governance: optional(Governance),
  thirdSector: optional(ThirdSector),
  userRole: optional(UserRole),
  operatorRole: optional(OperatorRole),
  mediators: optional(Mediators),
  organisation: optional(Organisation),
  access: optional(AccessRule),
  orientation: optional(Orientation),
  culture: optional(Culture),
  resources: optional(Schema.Array(ResourceUse)),
  actors: optional(Schema.Array(Actor.ActorId)),
  partnerships: optional(Schema.Array(Partnership.PartnershipId)),
  coDesigns: optional(Schema.Array(CoDesign.CoDesignId)),
  cases: optional(Schema.Array(TakingCharge.CaseId))
}).annotations({ identifier: "InterventionFields", title: "Intervention" })

/**
 * A field of an intervention that records a fact (every field but its id, name
 * and the lists of records it links to).
 *
 * @category models
 * @since 0.2.0
 */
export type FactField = Exclude<
  keyof InterventionInput,
  "id" | "name" | "actors" | "partnerships" | "coDesigns" | "cases"
>

/**
 * The input of {@link make}: the facts of an intervention.
 *
 * @category models
 * @since 0.1.0
 */
export interface InterventionInput extends Schema.Schema.Type<typeof InterventionFields> {}

const listed = <A extends string>(
  items: ReadonlyArray<A> | undefined,
  field: string,
  what: string
): Array<Problem.Problem> => {
  const seen = new Map<string, number>()
  const out: Array<Problem.Problem> = []
  items?.forEach((item, i) => {
    const at = seen.get(item)
    if (at === undefined) seen.set(item, i)
    else
      out.push(
        Problem.make(
          "rule",
          [field, i],
          `the ${what} "${item}" is already listed at ${Problem.formatPath([field, at])}: list it once`
        )
      )
  })
  return out
}

/**
 * Every contradictory fact of one intervention, at once: designed both
 * "by... for..." and "with..." without a `designSplit`; a `designSplit`
 * when the design was not partly each way; an actor, partnership,
 * co-design or case listed twice.
 *
 * @example
 * ```ts
 * import * as assert from "node:assert"
 * import { Intervention, Problem } from "@welfare/core"
 *
 * const problems = Intervention.rules({ id: Intervention.InterventionId.make("int-1"), designed: "both" })
 * assert.deepStrictEqual(problems.map(Problem.format), [
 *   'designSplit: a service designed both "by... for..." and "with..." must say which share was designed with the people: add designSplit (for example 0.3), or choose "by-for" or "with"'
 * ])
 * ```
 *
 * @category validation
 * @since 0.1.0
 */
export const rules = (i: InterventionInput): Array<Problem.Problem> => {
  const out: Array<Problem.Problem> = []
  if (i.designed === "both" && i.designSplit === undefined)
    out.push(
      Problem.make(
        "rule",
        ["designSplit"],
        'a service designed both "by... for..." and "with..." must say which share was designed with the people: add designSplit (for example 0.3), or choose "by-for" or "with"'
      )
    )
  if (i.designSplit !== undefined && i.designed !== "both")
    out.push(
      Problem.make(
        "rule",
        ["designSplit"],
        `a design split only applies to a service designed partly each way: set designed to "both" or remove designSplit`
      )
    )
  i.resources?.forEach((r, j) => {
    if ((r.resource === undefined) === (r.kind === undefined))
      out.push(
        Problem.make(
          "rule",
          ["resources", j],
          r.resource === undefined
            ? "a resource needs its kind: give resource (kind, amount and unit) or, when the amount is not known, kind alone"
            : "give either resource (with its amount) or kind (amount not known), not both"
        )
      )
    if (r.form !== undefined && kindOf(r) !== "economic")
      out.push(
        Problem.make(
          "rule",
          ["resources", j, "form"],
          "only an economic resource has a form (money or in kind): remove form, or make the resource economic"
        )
      )
    if (r.mode === "tariff" && (kindOf(r) !== "economic" || r.form === "in-kind"))
      out.push(
        Problem.make(
          "rule",
          ["resources", j, "mode"],
          'a tariff is money paid for the service: use mode "tariff" only on an economic resource in money, or choose another mode'
        )
      )
  })
  out.push(
    ...listed(i.actors, "actors", "actor"),
    ...listed(i.partnerships, "partnerships", "partnership"),
    ...listed(i.coDesigns, "coDesigns", "co-design"),
    ...listed(i.cases, "cases", "case")
  )
  return out
}

/**
 * An intervention whose facts are consistent: the schema checks the fields,
 * then {@link rules}. Use {@link decode} for typed problems with codes.
 *
 * @category models
 * @since 0.1.0
 */
export const Intervention = InterventionFields.pipe(
  Schema.filter((i) => rules(i).map((p) => ({ path: p.path, message: p.message }))),
  Schema.annotations({
    identifier: "Intervention",
    title: "Intervention",
    description: "An intervention (service, project, programme) described by observable facts (seed 000)."
  })
)

/**
 * An intervention whose facts are consistent.
 *
 * @category models
 * @since 0.1.0
 */
export interface Intervention extends InterventionInput {}

/**
 * The encoded (JSON) form of an intervention.
 *
 * @category models
 * @since 0.1.0
 */
export interface InterventionEncoded extends Schema.Schema.Encoded<typeof InterventionFields> {}

/**
 * Builds an intervention from typed facts, or returns every contradiction.
 *
 * @category constructors
 * @since 0.1.0
 */
export const make = (input: InterventionInput): Problem.Result<Intervention> =>
  Problem.fromProblems(input, rules(input))

const decodeFields = Problem.decoder(InterventionFields)

/**
 * Decodes unknown input into an intervention, or returns every problem: shape
 * problems first, then, when the shape is right, every contradiction. Never throws.
 *
 * @example
 * ```ts
 * import * as assert from "node:assert"
 * import { Either } from "effect"
 * import { Intervention, Problem } from "@welfare/core"
 *
 * const result = Intervention.decode({ id: "int-1", delivery: "voucher", designed: "both" })
 * assert.ok(Either.isLeft(result))
 * assert.match(Problem.format(result.left[0]), /^delivery: expected one of request-benefit, resources-responsibility-path/)
 * ```
 *
 * @category decoding
 * @since 0.1.0
 */
export const decode = (input: unknown): Problem.Result<Intervention> =>
  Either.flatMap(decodeFields(input), (fields) => make(fields))

/**
 * {@link decode} as an `Effect` failing with a {@link Problem.ValidationError}.
 *
 * @category decoding
 * @since 0.1.0
 */
export const decodeEffect = (input: unknown): Effect.Effect<Intervention, Problem.ValidationError> =>
  Either.match(decode(input), {
    onLeft: (problems) => Effect.fail(new Problem.ValidationError({ problems })),
    onRight: Effect.succeed
  })

/**
 * Encodes an intervention to its JSON form. Total.
 *
 * @category encoding
 * @since 0.1.0
 */
export const encode: (intervention: Intervention) => InterventionEncoded =
  Schema.encodeSync(InterventionFields)

/**
 * The ids an intervention list may reference.
 *
 * @category models
 * @since 0.1.0
 */
export interface Known {
  readonly actors: ReadonlySet<string>
  readonly partnerships: ReadonlySet<string>
  readonly coDesigns?: ReadonlySet<string>
  readonly cases?: ReadonlySet<string>
}

/**
 * Every referential problem of a list of interventions, at once: duplicate
 * intervention ids, and references to actors (of the intervention or of a
 * resource), partnerships, co-design processes and cases that are not known.
 * Co-designs and cases are checked only when their sets are given.
 *
 * @example
 * ```ts
 * import * as assert from "node:assert"
 * import { Intervention, Partnership, Problem } from "@welfare/core"
 *
 * const problems = Intervention.referenceProblems(
 *   [{ id: Intervention.InterventionId.make("int-1"), partnerships: [Partnership.PartnershipId.make("pship-x")] }],
 *   { actors: new Set(), partnerships: new Set(["pship-regia"]) },
 *   ["interventions"]
 * )
 * assert.deepStrictEqual(problems.map(Problem.format), [
 *   'interventions[0].partnerships[0]: no partnership has the id "pship-x": add it to partnerships or correct the id'
 * ])
 * ```
 *
 * @category validation
 * @since 0.1.0
 */
export const referenceProblems = (
  items: ReadonlyArray<InterventionInput>,
  known: Known,
  path: ReadonlyArray<Problem.PathSegment>
): Array<Problem.Problem> => {
  const out = duplicateIds(items, (i) => i.id, path, "intervention")
  items.forEach((item, i) => {
    const at = [...path, i]
    for (const [j, a] of (item.actors ?? []).entries())
      out.push(...unknownReference(known.actors, a, [...at, "actors", j], "actor", "actors"))
    for (const [j, r] of (item.resources ?? []).entries())
      if (r.actor !== undefined)
        out.push(
          ...unknownReference(known.actors, r.actor, [...at, "resources", j, "actor"], "actor", "actors")
        )
    for (const [j, p] of (item.partnerships ?? []).entries())
      out.push(
        ...unknownReference(known.partnerships, p, [...at, "partnerships", j], "partnership", "partnerships")
      )
    if (known.coDesigns !== undefined)
      for (const [j, c] of (item.coDesigns ?? []).entries())
        out.push(
          ...unknownReference(known.coDesigns, c, [...at, "coDesigns", j], "co-design process", "coDesigns")
        )
    if (known.cases !== undefined)
      for (const [j, c] of (item.cases ?? []).entries())
        out.push(
          ...unknownReference(known.cases, c, [...at, "cases", j], "taking-charge case", "takingCharge")
        )
  })
  return out
}

/**
 * What an intervention can mobilise, by resource kind and unit.
 *
 * @category models
 * @since 0.1.0
 */
export type Capacity = Resource.Totals

/**
 * What an intervention can mobilise. A purely benefit-based response (the
 * delivery chain request -> benefit) "sta in piedi se ci sono risorse
 * economiche" (seed 000, row 11): its time, care and competence are bought
 * with its economic resources, so with no economic resource its capacity is
 * zero. A response that promotes a path of responsibility is "fondato sul
 * capitale sociale" (same row): it keeps the capacity of its time, care and
 * competence whatever its budget (invariant 9). A mixed delivery chain
 * (`both`) is not purely benefit-based and keeps them too. When the delivery
 * chain is not observed, the intervention is counted as benefit-based (the
 * cautious reading). A resource of unknown amount adds nothing.
 *
 * @example
 * ```ts
 * import * as assert from "node:assert"
 * import { Intervention, Resource } from "@welfare/core"
 *
 * const volunteers = { resource: Resource.unsafeMake("time", 300), from: "community" } as const
 * assert.strictEqual(Intervention.capacity({ delivery: "request-benefit", resources: [volunteers] }).time.hour, 0)
 * assert.strictEqual(Intervention.capacity({ delivery: "resources-responsibility-path", resources: [volunteers] }).time.hour, 300)
 * ```
 *
 * @category calculators
 * @since 0.1.0
 */
export const capacity = (intervention: Pick<InterventionInput, "delivery" | "resources">): Capacity => {
  const totals = Resource.totals(
    (intervention.resources ?? []).flatMap((r) => (r.resource === undefined ? [] : [r.resource]))
  )
  if (intervention.delivery === "resources-responsibility-path" || intervention.delivery === "both")
    return totals
  return totals.economic.euro > 0 ? totals : Resource.empty
}

/**
 * Whether a member of a population may access the intervention: with
 * `overt-need-only` access only an overt need opens it; with
 * `vulnerability-too` a latent need or a vulnerability signal does too
 * (seed 000, row 11). Unobserved access is read as `overt-need-only`.
 *
 * @category predicates
 * @since 0.1.0
 */
export const isEligible = (
  intervention: Pick<InterventionInput, "access">,
  member: Access.Member
): boolean =>
  intervention.access === "vulnerability-too"
    ? Access.isGenerativelyEligible(member)
    : Access.isTraditionallyEligible(member)

/**
 * The persons of a population who may access the intervention.
 *
 * @category predicates
 * @since 0.1.0
 */
export const eligible = (
  intervention: Pick<InterventionInput, "access">,
  population: Access.Population
): ReadonlySet<string> => {
  const out = new Set<string>()
  for (const m of population) if (isEligible(intervention, m)) out.add(m.person)
  return out
}

/**
 * Italian and English labels of every value of every enumerated fact.
 *
 * @category labels
 * @since 0.1.0
 */
export const factLabels: { readonly [F in FactName]: Labels<FactValue<F>> } = {
  worksOn: {
    lack: { it: "La mancanza", en: "The lack" },
    interactions: { it: "Le interazioni", en: "The interactions" },
    both: { it: "La mancanza e le interazioni", en: "The lack and the interactions" }
  },
  practice: {
    "cure-treatment": { it: "Cura, trattamento, prevenzione", en: "Cure, treatment, prevention" },
    "competence-promotion": { it: "Promozione di competenze", en: "Promotion of competences" },
    both: { it: "Cura e promozione di competenze", en: "Cure and promotion of competences" }
  },
  focus: {
    individual: { it: "L'individuo singolo", en: "The single individual" },
    "community-process": { it: "I processi della comunità", en: "The community's processes" },
    both: {
      it: "L'individuo e i processi della comunità",
      en: "The individual and the community's processes"
    }
  },
  resourcesAim: {
    "answer-need": { it: "Rispondere al bisogno", en: "Answer the need" },
    "sustain-processes": {
      it: "Sostenere i processi e anticipare i bisogni",
      en: "Sustain processes and anticipate needs"
    },
    both: { it: "Rispondere al bisogno e sostenere i processi", en: "Answer the need and sustain processes" }
  },
  applicant: {
    beneficiary: { it: "Beneficiario", en: "Beneficiary" },
    "person-with-competences": { it: "Persona con competenze", en: "Person with competences" },
    both: { it: "Beneficiario e persona con competenze", en: "Beneficiary and person with competences" }
  },
  needsTools: {
    "collect-lacks": { it: "Raccolgono i bisogni (ciò che manca)", en: "Collect needs (what is missing)" },
    "read-community": {
      it: "Leggono come la comunità si gestisce",
      en: "Read how the community manages itself"
    },
    both: { it: "Raccolgono i bisogni e leggono la comunità", en: "Collect needs and read the community" }
  },
  needReadBy: {
    "institution-and-social-private": {
      it: "Istituzione e Privato Sociale",
      en: "Institution and social private bodies"
    },
    "many-interlocutors": { it: "Più interlocutori", en: "Many interlocutors" },
    both: {
      it: "In parte tra Istituzione e Privato Sociale, in parte con più interlocutori",
      en: "Partly institution and social private bodies, partly many interlocutors"
    }
  },
  needReadWhere: {
    "institutional-places": { it: "Luoghi istituzionali deputati", en: "Designated institutional places" },
    "daily-life-spaces": { it: "Spazi di vita quotidiani", en: "Spaces of daily life" },
    both: {
      it: "In parte in luoghi istituzionali, in parte negli spazi di vita",
      en: "Partly institutional places, partly daily-life spaces"
    }
  },
  designed: {
    "by-for": { it: 'Pensato "da..." "per..."', en: 'Designed "by..." "for..."' },
    with: { it: 'Pensato "con..."', en: 'Designed "with..."' },
    both: { it: 'In parte "da... per...", in parte "con..."', en: 'Partly "by... for...", partly "with..."' }
  },
  responses: {
    standardised: { it: "Standardizzate e rigide", en: "Standardised and rigid" },
    flexible: { it: "Flessibili", en: "Flexible" },
    both: { it: "In parte standardizzate, in parte flessibili", en: "Partly standardised, partly flexible" }
  },
  delivery: {
    "request-benefit": { it: "Richiesta -> prestazione", en: "Request -> benefit" },
    "resources-responsibility-path": {
      it: "Risorse/esigenze -> percorso di responsabilizzazione",
      en: "Resources and requirements -> path of responsibility"
    },
    both: {
      it: "In parte prestazioni a richiesta, in parte percorsi di responsabilizzazione",
      en: "Partly benefits on request, partly paths of responsibility"
    }
  },
  governance: {
    vertical: { it: "Gestione verticale", en: "Vertical management" },
    horizontal: { it: "Sussidiarietà orizzontale", en: "Horizontal subsidiarity" },
    both: { it: "In parte verticale, in parte orizzontale", en: "Partly vertical, partly horizontal" }
  },
  thirdSector: {
    provider: { it: "Terzo Settore come prestatore", en: "Third sector as provider" },
    "co-reader": {
      it: "Terzo Settore che legge con le istituzioni",
      en: "Third sector reading with the institutions"
    },
    both: { it: "Terzo Settore prestatore e co-lettore", en: "Third sector as provider and co-reader" }
  },
  userRole: {
    "passive-beneficiary": { it: "Beneficiario passivo", en: "Passive beneficiary" },
    "active-capacitated": { it: "Fruitore attivo, capacitato", en: "Active, capacitated user" },
    both: { it: "In parte passivo, in parte attivo", en: "Partly passive, partly active" }
  },
  operatorRole: {
    specialist: { it: "Specialista di bisogni e prestazioni", en: "Specialist of needs and benefits" },
    facilitator: {
      it: "Facilitatore che anticipa le criticità",
      en: "Facilitator who anticipates critical issues"
    },
    both: { it: "Eroga prestazioni e facilita", en: "Delivers benefits and facilitates" }
  },
  mediators: {
    "delivery-tools": { it: "Strumenti dell'erogazione", en: "Tools of delivery" },
    "resource-multipliers": { it: "Moltiplicatori di risorse", en: "Multipliers of resources" },
    both: { it: "Strumenti dell'erogazione e moltiplicatori", en: "Tools of delivery and multipliers" }
  },
  organisation: {
    "sector-by-need-category": { it: "Settori per categorie di bisogno", en: "Sectors by category of need" },
    "shared-objectives": { it: "Obiettivi condivisi", en: "Shared objectives" },
    both: {
      it: "In parte per categorie di bisogno, in parte per obiettivi condivisi",
      en: "Partly by category of need, partly shared objectives"
    }
  },
  access: {
    "overt-need-only": { it: "Solo con bisogno conclamato", en: "Overt need only" },
    "vulnerability-too": { it: "Anche la vulnerabilità", en: "Vulnerability too" }
  },
  orientation: {
    "emergency-plugging": { it: "Tappare le emergenze", en: "Plugging emergencies" },
    "co-building": {
      it: "Co-costruire beni e servizi con le persone",
      en: "Co-building goods and services with people"
    },
    both: { it: "In parte emergenze, in parte co-costruzione", en: "Partly emergencies, partly co-building" }
  },
  culture: {
    "all-paid-all-due": { it: '"Tutto pagato-tutto dovuto"', en: '"All paid, all due"' },
    "co-responsibility": {
      it: "Corresponsabilità (communityholders)",
      en: "Co-responsibility (communityholders)"
    },
    both: {
      it: 'In parte "tutto pagato-tutto dovuto", in parte corresponsabilità',
      en: 'Partly "all paid, all due", partly co-responsibility'
    }
  },
  contributor: {
    institution: { it: "Istituzione", en: "Institution" },
    "third-sector": { it: "Terzo settore", en: "Third sector" },
    market: { it: "Mercato", en: "Market" },
    community: {
      it: "Comunità (famiglie e reti informali)",
      en: "Community (families and informal networks)"
    },
    beneficiaries: { it: "Beneficiari", en: "Beneficiaries" }
  },
  mode: {
    tariff: { it: "Tariffa o compartecipazione", en: "Tariff or co-payment" },
    compulsory: { it: "Obbligatorio, sotto sanzione", en: "Compulsory, under sanction" },
    paid: { it: "Retribuito", en: "Paid" },
    voluntary: { it: "Volontario", en: "Voluntary" },
    agreed: { it: "Concordato in un patto o percorso", en: "Agreed in a pact or path" },
    pooled: { it: "Domanda aggregata", en: "Pooled demand" }
  },
  form: {
    money: { it: "Denaro", en: "Money" },
    "in-kind": { it: "In natura", en: "In kind" }
  }
}

/**
 * Builds an Intervention from typed fields without checking them, for trusted
 * builders (fixtures, generators, code that built them from checked values);
 * {@link make} is the checked way.
 *
 * @category constructors
 * @since 0.3.0
 */
export const unsafeMake = (input: InterventionInput): Intervention => input

/**
 * The module's words in Italian and English: the entity's name and the
 * headings of its main fields (its enumerations have their own tables).
 *
 * @category labels
 * @since 0.3.0
 */
export const labels: Labels<"intervention" | "interventions" | "facts"> = {
  intervention: { it: "Intervento", en: "Intervention" },
  interventions: { it: "Interventi", en: "Interventions" },
  facts: { it: "Fatti osservabili", en: "Observable facts" }
}
