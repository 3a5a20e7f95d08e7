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
import { dual } from "effect/Function"
import * as Schema from "effect/Schema"
import * as Access from "./Access.js"
import * as Actor from "./Actor.js"
import * as CoDesign from "./CoDesign.js"
import * as Decoder from "./Decoder.js"
import { duplicateIds, unknownReference } from "./internal/integrity.js"
import {
  AccessRule,
  Applicant,
  Culture,
  Delivery,
  Designed,
  Focus,
  Governance,
  kindOf,
  Mediators,
  NeedReadBy,
  NeedReadWhere,
  NeedsTools,
  OperatorRole,
  Organisation,
  Orientation,
  Practice,
  ResourcesAim,
  ResourceUse,
  Responses,
  Share,
  serviceNames,
  ThirdSector,
  UserRole,
  WorksOn
} from "./internal/intervention/facts.js"
import { id, optional, text } from "./internal/schema.js"
import type { Labels } from "./Label.js"
import * as Partnership from "./Partnership.js"
import * as Problem from "./Problem.js"
import * as Resource from "./Resource.js"
import * as TakingCharge from "./TakingCharge.js"

export type { FactName, FactValue, FactValues } from "./internal/intervention/facts.js"
export {
  AccessRule,
  Applicant,
  ContributionMode,
  Contributor,
  Culture,
  Delivery,
  Designed,
  EconomicForm,
  Focus,
  factValues,
  Governance,
  isGivenByPeople,
  isMoney,
  kindOf,
  Mediators,
  mixedValue,
  modeOf,
  NeedReadBy,
  NeedReadWhere,
  NeedsTools,
  OperatorRole,
  Organisation,
  Orientation,
  Practice,
  ResourcesAim,
  ResourceUse,
  Responses,
  Share,
  ThirdSector,
  UserRole,
  WorksOn
} from "./internal/intervention/facts.js"
export { factLabels } from "./internal/intervention/labels.js"

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

const decodeFields = Decoder.lazy(InterventionFields)

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
export const isEligible: {
  (member: Access.Member): (intervention: Pick<InterventionInput, "access">) => boolean
  (intervention: Pick<InterventionInput, "access">, member: Access.Member): boolean
} = dual(2, (intervention: Pick<InterventionInput, "access">, member: Access.Member): boolean =>
  intervention.access === "vulnerability-too"
    ? Access.isGenerativelyEligible(member)
    : Access.isTraditionallyEligible(member)
)

/**
 * The persons of a population who may access the intervention.
 *
 * @category predicates
 * @since 0.1.0
 */
export const eligible: {
  (population: Access.Population): (intervention: Pick<InterventionInput, "access">) => ReadonlySet<string>
  (intervention: Pick<InterventionInput, "access">, population: Access.Population): ReadonlySet<string>
} = dual(
  2,
  (intervention: Pick<InterventionInput, "access">, population: Access.Population): ReadonlySet<string> => {
    const out = new Set<string>()
    for (const m of population) if (isEligible(intervention, m)) out.add(m.person)
    return out
  }
)

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
