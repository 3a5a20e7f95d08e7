/**
 * Arbitraries for interventions, trait observations and rubrics: realistic
 * facts a practitioner would record (each fact present or not observed), so
 * that shrunk counterexamples read like a short service description.
 *
 * @since 0.1.0
 */
import * as Arbitrary from "effect/Arbitrary"
import * as fc from "fast-check"
import * as Actor from "../Actor.js"
import type * as Assessment from "../Assessment.js"
import * as CoDesign from "../CoDesign.js"
import * as Dimension from "../Dimension.js"
import * as Intervention from "../Intervention.js"
import * as Need from "../Need.js"
import * as Partnership from "../Partnership.js"
import * as PolicyArea from "../PolicyArea.js"
import * as Requirement from "../Requirement.js"
import * as Resource from "../Resource.js"
import type * as Rubric from "../Rubric.js"
import * as TakingCharge from "../TakingCharge.js"
import * as Trait from "../Trait.js"

const v = Intervention.factValues
const one = <A extends string>(values: ReadonlyArray<A>) => fc.constantFrom(...values)

/**
 * An intervention id such as `int-42`.
 *
 * @category arbitraries
 * @since 0.1.0
 */
export const interventionId = (): fc.Arbitrary<Intervention.InterventionId> =>
  Arbitrary.make(Intervention.InterventionId)

/**
 * A resource an intervention uses, with who brings it.
 *
 * @category arbitraries
 * @since 0.1.0
 */
export const resourceUse = (): fc.Arbitrary<Intervention.ResourceUse> =>
  fc
    .record(
      {
        resource: Arbitrary.make(Resource.Resource),
        kind: one(Resource.kinds),
        known: fc.boolean(),
        from: one(v.contributor),
        mode: one(v.mode),
        form: one(v.form)
      },
      { requiredKeys: ["resource", "kind", "known", "from"] }
    )
    .map(({ resource, kind, known, from, mode, form }): Intervention.ResourceUse => {
      const k = known ? resource.kind : kind
      const use: { -readonly [K in keyof Intervention.ResourceUse]: Intervention.ResourceUse[K] } = known
        ? { resource, from }
        : { kind, from }
      // Keep the consistency rules: a form only on economic resources, a tariff only on money.
      if (form !== undefined && k === "economic") use.form = form
      if (mode !== undefined && (mode !== "tariff" || (k === "economic" && use.form !== "in-kind")))
        use.mode = mode
      return use
    })

const withDesign = <I extends Intervention.InterventionInput>(i: I, split: number): I => {
  if (i.designed === "both") return { ...i, designSplit: split }
  const { designSplit: _, ...rest } = i
  return rest as I
}

/**
 * A consistent intervention: every fact present or not observed, a design
 * split exactly when it was designed partly each way, no list with repeats.
 *
 * @category arbitraries
 * @since 0.1.0
 */
export const intervention = (): fc.Arbitrary<Intervention.Intervention> =>
  fc
    .tuple(
      fc.record(
        {
          id: interventionId(),
          worksOn: one(v.worksOn),
          practice: one(v.practice),
          assistanceBenefit: fc.boolean(),
          focus: one(v.focus),
          resourcesAim: one(v.resourcesAim),
          applicant: one(v.applicant),
          needsTools: one(v.needsTools),
          needReadBy: one(v.needReadBy),
          needReadWhere: one(v.needReadWhere),
          designed: one(v.designed),
          responses: one(v.responses),
          delivery: one(v.delivery),
          governance: one(v.governance),
          thirdSector: one(v.thirdSector),
          userRole: one(v.userRole),
          operatorRole: one(v.operatorRole),
          mediators: one(v.mediators),
          organisation: one(v.organisation),
          access: one(v.access),
          orientation: one(v.orientation),
          culture: one(v.culture),
          resources: fc.array(resourceUse(), { maxLength: 4 }),
          partnerships: fc.uniqueArray(Arbitrary.make(Partnership.PartnershipId), { maxLength: 3 })
        },
        { requiredKeys: ["id"] }
      ),
      fc.integer({ min: 1, max: 9 })
    )
    .map(([i, k]) => withDesign(i, k / 10))

const atPole = (pole: Dimension.Pole): Intervention.InterventionInput => {
  const gen = pole === "generative"
  const pick = <F extends Intervention.FactName>(
    f: F,
    t: Intervention.FactValue<F>,
    g: Intervention.FactValue<F>
  ) => ({ [f]: gen ? g : t }) as Record<F, Intervention.FactValue<F>>
  return {
    id: Intervention.InterventionId.make(gen ? "int-generative" : "int-traditional"),
    ...pick("worksOn", "lack", "interactions"),
    ...pick("practice", "cure-treatment", "competence-promotion"),
    ...pick("focus", "individual", "community-process"),
    ...pick("resourcesAim", "answer-need", "sustain-processes"),
    ...pick("applicant", "beneficiary", "person-with-competences"),
    ...pick("needsTools", "collect-lacks", "read-community"),
    ...pick("needReadBy", "institution-and-social-private", "many-interlocutors"),
    ...pick("needReadWhere", "institutional-places", "daily-life-spaces"),
    ...pick("designed", "by-for", "with"),
    ...pick("responses", "standardised", "flexible"),
    ...pick("delivery", "request-benefit", "resources-responsibility-path"),
    ...pick("governance", "vertical", "horizontal"),
    ...pick("thirdSector", "provider", "co-reader"),
    ...pick("userRole", "passive-beneficiary", "active-capacitated"),
    ...pick("operatorRole", "specialist", "facilitator"),
    ...pick("mediators", "delivery-tools", "resource-multipliers"),
    ...pick("organisation", "sector-by-need-category", "shared-objectives"),
    ...pick("access", "overt-need-only", "vulnerability-too"),
    ...pick("orientation", "emergency-plugging", "co-building"),
    ...pick("culture", "all-paid-all-due", "co-responsibility"),
    resources: gen
      ? [
          { resource: Resource.unsafeMake("time", 200), from: "beneficiaries", mode: "agreed" },
          { resource: Resource.unsafeMake("care", 300), from: "community", mode: "voluntary" }
        ]
      : [{ resource: Resource.unsafeMake("economic", 50000), from: "institution" }]
  }
}

/**
 * Two interventions written from the two columns of the table of seed 000
 * (not examples the seed gives: the seed is a table): every fact at the
 * traditional pole, and every fact at the generative pole.
 *
 * @example
 * ```ts
 * import * as assert from "node:assert"
 * import { Assessment } from "@welfare/core"
 * import { interventions } from "@welfare/core/testing"
 *
 * assert.strictEqual(Assessment.assess(interventions.traditional).class, "traditional")
 * assert.strictEqual(Assessment.assess(interventions.generative).class, "generative")
 * ```
 *
 * @category arbitraries
 * @since 0.2.0
 */
export const interventions: {
  readonly traditional: Intervention.InterventionInput
  readonly generative: Intervention.InterventionInput
} = { traditional: atPole("traditional"), generative: atPole("generative") }

/**
 * An intervention whose every observed fact lies at one pole (traditional or
 * generative), with every fact observed.
 *
 * @category arbitraries
 * @since 0.1.0
 */
export const interventionAtPole = (pole: Dimension.Pole): fc.Arbitrary<Intervention.Intervention> =>
  fc.tuple(interventionId(), fc.integer({ min: 1, max: 5000 })).map(([id, amount]) => {
    const base = atPole(pole)
    const resources = (base.resources ?? []).map((r) =>
      r.resource === undefined ? r : { ...r, resource: { ...r.resource, amount } }
    )
    return { ...base, id, resources }
  })

/**
 * A list of trait observations (each trait at most once, degree in (0, 1]).
 *
 * @category arbitraries
 * @since 0.1.0
 */
export const observations = (): fc.Arbitrary<ReadonlyArray<Assessment.Observation>> =>
  fc.uniqueArray(fc.constantFrom(...Trait.ids), { maxLength: 20 }).chain((traits) =>
    fc
      .array(
        fc.oneof(
          fc.constant(1),
          fc.integer({ min: 1, max: 9 }).map((k) => k / 10)
        ),
        {
          minLength: traits.length,
          maxLength: traits.length
        }
      )
      .map((degrees) => traits.map((trait, i) => ({ trait, degree: degrees[i]! })))
  )

const weight = () =>
  fc.oneof(
    fc.constant(0),
    fc.constant(1),
    fc.integer({ min: 1, max: 50 }).map((k) => k / 10)
  )

/**
 * A valid rubric: weights 0 to 5 (at least one positive traditional and one
 * positive generative trait per dimension, at least one dimension weighing
 * something) and thresholds `0 < transitional <= generative <= 1`.
 *
 * @category arbitraries
 * @since 0.1.0
 */
export const rubric = (): fc.Arbitrary<Rubric.Rubric> =>
  fc
    .record({
      weights: fc.array(weight(), { minLength: Trait.ids.length, maxLength: Trait.ids.length }),
      dimensionWeights: fc.array(weight(), {
        minLength: Dimension.values.length,
        maxLength: Dimension.values.length
      }),
      a: fc.integer({ min: 1, max: 100 }),
      b: fc.integer({ min: 1, max: 100 }),
      minCoverage: fc.integer({ min: 0, max: 10 }).map((k) => k / 10),
      minDimensions: fc.integer({ min: 0, max: Dimension.values.length }),
      minDepth: fc.integer({ min: 0, max: 10 }).map((k) => k / 10),
      ranking: fc.constantFrom("seed-priorities" as const, "index-gain" as const)
    })
    .map(({ weights, dimensionWeights, a, b, minCoverage, minDimensions, minDepth, ranking }) => {
      const w = Object.fromEntries(Trait.ids.map((id, i) => [id, weights[i]!])) as Record<
        Trait.TraitId,
        number
      >
      for (const d of Dimension.values)
        for (const pole of Dimension.poles) {
          const traits = Trait.of(d, pole)
          if (!traits.some((t) => w[t.id] > 0)) w[traits[0]!.id] = 1
        }
      const dw = Object.fromEntries(Dimension.values.map((d, i) => [d, dimensionWeights[i]!])) as Record<
        Dimension.Dimension,
        number
      >
      if (!Dimension.values.some((d) => dw[d] > 0)) dw["delivery-chain"] = 1
      return {
        version: Trait.version,
        weights: w,
        dimensionWeights: dw,
        thresholds: { transitional: Math.min(a, b) / 100, generative: Math.max(a, b) / 100 },
        evidence: { minCoverage, minDimensions, minDepth, contradiction: "warning" as const },
        ranking,
        sensitivity: { spread: 0.5, thresholdSpread: 0.05, draws: 200, seed: a * 101 + b, robustShare: 0.95 }
      }
    })

const governanceLogics = ["network", "market", "hierarchy"] as const

/**
 * A territory slice for `TerritoryAssessment` that reaches every branch of
 * the reading: actors of every kind; partnerships of one to five members
 * with every governance logic, within one sector or across sectors; needs of
 * every status touching one or more policy areas; requirements read by
 * several interlocutors in daily-life or institutional places; cases with and
 * without a choice (contributions, benefits, both) and community responses;
 * co-designs with participation in the needs analysis, ideation and
 * construction, with and without final recipients; evaluation rounds with
 * evaluators of one or more sectors, with and without final recipients; and
 * interventions that link to all of these, with every fact and resource mode.
 * References hold by construction.
 *
 * @category arbitraries
 * @since 0.2.0
 */
export const assessedTerritory = (): fc.Arbitrary<{
  readonly actors: ReadonlyArray<{ readonly id: string; readonly kind: (typeof Actor.kinds)[number] }>
  readonly partnerships: ReadonlyArray<{
    readonly id: string
    readonly governance: string
    readonly policyAreas: ReadonlyArray<string>
    readonly members: ReadonlyArray<{
      readonly actor: string
      readonly responsibilities: ReadonlyArray<string>
    }>
  }>
  readonly needs: ReadonlyArray<{
    readonly id: string
    readonly status: string
    readonly policyAreas: ReadonlyArray<string>
  }>
  readonly requirements: ReadonlyArray<{
    readonly id: string
    readonly needs: ReadonlyArray<string>
    readonly interlocutors: ReadonlyArray<string>
    readonly places: ReadonlyArray<(typeof Requirement.placeKinds)[number]>
  }>
  readonly takingCharge: ReadonlyArray<{
    readonly _tag: string
    readonly caseId: string
    readonly need?: string
    readonly contribution?: ReadonlyArray<Resource.Resource>
    readonly benefits?: ReadonlyArray<Resource.Resource>
  }>
  readonly coDesigns: ReadonlyArray<{
    readonly id: string
    readonly events: ReadonlyArray<{
      readonly _tag: string
      readonly activity: string
      readonly actors: ReadonlyArray<{ readonly actor: string }>
      readonly recipientCount: number
    }>
  }>
  readonly evaluations: ReadonlyArray<{
    readonly id: string
    readonly evaluators: ReadonlyArray<string>
    readonly finalRecipients?: { readonly count: number }
  }>
  readonly interventions: ReadonlyArray<Intervention.Intervention>
}> =>
  fc
    .record({
      kinds: fc.array(fc.constantFrom(...Actor.kinds), { minLength: 2, maxLength: 10 }),
      partnerships: fc.array(
        fc.record({
          governance: fc.constantFrom(...governanceLogics),
          members: fc.uniqueArray(fc.nat({ max: 9 }), { minLength: 1, maxLength: 5 }),
          areas: fc.uniqueArray(fc.constantFrom(...PolicyArea.values), { minLength: 1, maxLength: 3 })
        }),
        { maxLength: 5 }
      ),
      needs: fc.array(
        fc.record({
          status: fc.constantFrom(...Need.statuses),
          areas: fc.uniqueArray(fc.constantFrom(...PolicyArea.values), { minLength: 1, maxLength: 3 })
        }),
        { maxLength: 5 }
      ),
      requirements: fc.array(
        fc.record({
          need: fc.nat({ max: 4 }),
          interlocutors: fc.uniqueArray(fc.nat({ max: 9 }), { minLength: 1, maxLength: 5 }),
          places: fc.uniqueArray(fc.constantFrom(...Requirement.placeKinds), { minLength: 1, maxLength: 3 })
        }),
        { maxLength: 4 }
      ),
      cases: fc.array(
        fc.record({
          need: fc.nat({ max: 4 }),
          choice: fc.constantFrom("none", "benefits", "contribution", "both"),
          response: fc.boolean()
        }),
        { maxLength: 5 }
      ),
      coDesigns: fc.array(
        fc.array(
          fc.record({
            activity: fc.constantFrom("needs-analysis", "ideation", "construction", "verification"),
            actors: fc.uniqueArray(fc.nat({ max: 9 }), { minLength: 1, maxLength: 4 }),
            recipients: fc.constantFrom(0, 0, 12)
          }),
          { maxLength: 4 }
        ),
        { maxLength: 3 }
      ),
      evaluations: fc.array(
        fc.record({
          evaluators: fc.uniqueArray(fc.nat({ max: 9 }), { minLength: 1, maxLength: 4 }),
          recipients: fc.constantFrom(0, 8)
        }),
        { maxLength: 3 }
      ),
      interventions: fc.array(
        fc.record({
          facts: intervention(),
          partnerships: fc.uniqueArray(fc.nat({ max: 4 }), { maxLength: 2 }),
          cases: fc.uniqueArray(fc.nat({ max: 4 }), { maxLength: 2 }),
          coDesigns: fc.uniqueArray(fc.nat({ max: 2 }), { maxLength: 2 })
        }),
        { minLength: 1, maxLength: 6 }
      )
    })
    .map((g) => {
      const actors = g.kinds.map((kind, k) => ({ id: `act-${k}`, kind }))
      const actorAt = (k: number) => actors[k % actors.length]!.id
      const partnerships = g.partnerships.map((p, k) => ({
        id: `pship-${k}`,
        governance: p.governance,
        policyAreas: p.areas,
        members: [...new Set(p.members.map(actorAt))].map((actor, j) => ({
          actor,
          responsibilities: j === 0 ? ["coordination"] : []
        }))
      }))
      const needs = g.needs.map((n, k) => ({ id: `need-${k}`, status: n.status, policyAreas: n.areas }))
      const needAt = (k: number) => (needs.length === 0 ? undefined : needs[k % needs.length]!.id)
      const requirements = g.requirements.flatMap((r, k) => {
        const need = needAt(r.need)
        return need === undefined
          ? []
          : [
              {
                id: `req-${k}`,
                needs: [need],
                interlocutors: [...new Set(r.interlocutors.map(actorAt))],
                places: r.places
              }
            ]
      })
      const hours = (kind: Resource.ResourceKind, amount: number) => Resource.unsafeMake(kind, amount)
      const takingCharge = g.cases.flatMap((c, k) => {
        const caseId = `case-${k}`
        const need = needAt(c.need)
        const events: Array<{
          _tag: string
          caseId: string
          need?: string
          contribution?: ReadonlyArray<Resource.Resource>
          benefits?: ReadonlyArray<Resource.Resource>
        }> = need === undefined ? [] : [{ _tag: "NeedRecorded", caseId, need }]
        if (c.choice !== "none")
          events.push({
            _tag: "ChoiceMade",
            caseId,
            contribution: c.choice === "contribution" || c.choice === "both" ? [hours("time", 20)] : [],
            benefits: c.choice === "benefits" || c.choice === "both" ? [hours("economic", 300)] : []
          })
        if (c.response) events.push({ _tag: "CommunityResponseLinked", caseId })
        return events
      })
      const coDesigns = g.coDesigns.map((events, k) => ({
        id: `codesign-${k}`,
        events: events.map((e) => ({
          _tag: "participation-recorded",
          activity: e.activity,
          actors: [...new Set(e.actors.map(actorAt))].map((actor) => ({ actor })),
          recipientCount: e.recipients
        }))
      }))
      const evaluations = g.evaluations.map((e, k) => ({
        id: `round-${k}`,
        evaluators: [...new Set(e.evaluators.map(actorAt))],
        ...(e.recipients > 0 ? { finalRecipients: { count: e.recipients } } : {})
      }))
      const pick = <A extends { id: string }>(xs: ReadonlyArray<A>, ks: ReadonlyArray<number>) =>
        xs.length === 0 ? [] : [...new Set(ks.map((k) => xs[k % xs.length]!.id))]
      const caseIds = [...new Set(takingCharge.map((e) => e.caseId))].map((id) => ({ id }))
      const interventions = g.interventions.map((i, k) => ({
        ...i.facts,
        id: Intervention.InterventionId.make(`int-${k}`),
        partnerships: pick(partnerships, i.partnerships).map((p) => Partnership.PartnershipId.make(p)),
        cases: pick(caseIds, i.cases).map((c) => TakingCharge.CaseId.make(c)),
        coDesigns: pick(coDesigns, i.coDesigns).map((c) => CoDesign.CoDesignId.make(c))
      }))
      return {
        actors,
        partnerships,
        needs,
        requirements,
        takingCharge,
        coDesigns,
        evaluations,
        interventions
      }
    })
