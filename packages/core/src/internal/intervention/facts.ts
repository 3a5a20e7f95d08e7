/**
 * The facts of an intervention (one closed list of values each, seed 000) and the uses of resources.
 * @internal
 */
import * as Schema from "effect/Schema"
import * as Actor from "../../Actor.js"
import * as Resource from "../../Resource.js"
import { literals, optional } from "../schema.js"

export const fact = <const L extends ReadonlyArray<string>>(
  identifier: string,
  values: L,
  description: string
) => literals(identifier, values, description)

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
export const serviceNames = [
  "Contributo economico a domanda",
  "Assistenza domiciliare",
  "Custodi sociali di quartiere",
  "Portineria di comunità",
  "Banco di mutuo aiuto",
  "Laboratorio casa e lavoro"
] as const
