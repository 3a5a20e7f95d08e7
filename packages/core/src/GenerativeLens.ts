/**
 * Generative lenses: ready-made indicator definitions for Fondazione Zancan's
 * generative welfare (collect, redistribute, regenerate, make resources
 * yield, make responsible: the "social counterpart" a beneficiary gives back)
 * and pure calculators that compute them from structural slices of a
 * territory. Each calculator returns a {@link Fraction}; {@link toMeasurement}
 * turns it into a measurement of the ready-made indicator.
 *
 * @since 0.1.0
 */
import * as Actor from "./Actor.js"
import type * as Indicator from "./Indicator.js"
import type * as IndicatorAssignment from "./IndicatorAssignment.js"
import type * as Measurement from "./Measurement.js"
import type * as Resource from "./Resource.js"

const percent = (
  id: string,
  it: string,
  en: string,
  tags: Pick<Indicator.Quantitative, "rba" | "dimensions" | "moves" | "besDomains" | "lenses">
): Indicator.Quantitative => ({
  id: id as Indicator.IndicatorId,
  kind: "quantitative",
  label: { it, en },
  unit: "percent",
  direction: "increase",
  aggregation: "mean",
  ...tags
})

/**
 * Share of the resources (in hours) brought by the community: families,
 * informal networks, spontaneous groups and citizens (seed 002, row 13).
 *
 * @category indicators
 * @since 0.1.0
 */
export const communityResourceShare = percent(
  "ind-gen-community-resources",
  "Quota di risorse portate dalla comunità",
  "Share of resources brought by the community",
  {
    rba: "how-well",
    lenses: ["collect"],
    moves: ["community-activation"],
    dimensions: ["delivery-chain"],
    besDomains: ["social-relationships"]
  }
)

/**
 * Share of the resources (in hours) brought by the beneficiaries themselves:
 * their social counterpart (corrispettivo sociale), the citizen as bearer of
 * resources (seed 000, row 8).
 *
 * @category indicators
 * @since 0.1.0
 */
export const beneficiaryResourceShare = percent(
  "ind-gen-beneficiary-resources",
  "Quota di risorse restituite dai beneficiari (corrispettivo sociale)",
  "Share of resources given back by beneficiaries (social counterpart)",
  {
    rba: "better-off",
    lenses: ["make-responsible"],
    moves: ["person-activation"],
    dimensions: ["delivery-chain"]
  }
)

/**
 * Share of partnerships whose members span at least two sectors (seed 004,
 * row 31; seed 003, row 50).
 *
 * @category indicators
 * @since 0.1.0
 */
export const crossSectorPartnershipShare = percent(
  "ind-gen-cross-sector-partnerships",
  "Quota di partenariati intersettoriali",
  "Share of cross-sector partnerships",
  { rba: "how-well", lenses: ["make-yield"], moves: ["local-networking"], dimensions: ["organisation"] }
)

/**
 * Share of co-design processes whose final recipients took part in both the
 * needs analysis and the verification of the actions (seed 003, row 53).
 *
 * @category indicators
 * @since 0.1.0
 */
export const finalRecipientParticipation = percent(
  "ind-gen-final-recipient-participation",
  "Partecipazione dei destinatari finali ad analisi dei bisogni e verifica",
  "Final-recipient participation in needs analysis and verification",
  {
    rba: "how-well",
    lenses: ["make-responsible"],
    moves: ["community-actors-involvement", "shared-accountability"],
    dimensions: ["needs-analysis"],
    besDomains: ["politics-and-institutions"]
  }
)

/**
 * Share of taking-charge paths brought into a community response (seed 003,
 * row 32).
 *
 * @category indicators
 * @since 0.1.0
 */
export const communityResponseShare = percent(
  "ind-gen-community-response",
  "Quota di prese in carico con risposta comunitaria",
  "Share of taking-charge paths with a community response",
  {
    rba: "better-off",
    lenses: ["regenerate"],
    moves: ["community-activation"],
    dimensions: ["intervention-focus"]
  }
)

/**
 * Widening of access to vulnerability: the share of the people reached who
 * were vulnerable without an overt need (seed 000, row 11; FRAMEWORK.md
 * invariant 8).
 *
 * @category indicators
 * @since 0.1.0
 */
export const vulnerabilityAccess = percent(
  "ind-gen-vulnerability-access",
  "Ampliamento dell'accesso alla vulnerabilità",
  "Widening of access to vulnerability",
  {
    rba: "how-much",
    lenses: ["redistribute"],
    moves: ["personalisation"],
    dimensions: ["outcomes"],
    besDomains: ["quality-of-services"]
  }
)

/**
 * Every ready-made generative indicator.
 *
 * @category indicators
 * @since 0.1.0
 */
export const definitions: ReadonlyArray<Indicator.Quantitative> = [
  communityResourceShare,
  beneficiaryResourceShare,
  crossSectorPartnershipShare,
  finalRecipientParticipation,
  communityResponseShare,
  vulnerabilityAccess
]

/**
 * A part of a whole: `share` is the percentage, `undefined` when the whole is 0.
 *
 * @category models
 * @since 0.1.0
 */
export interface Fraction {
  readonly part: number
  readonly whole: number
  readonly share?: number
}

const fraction = (part: number, whole: number): Fraction =>
  whole === 0 ? { part, whole } : { part, whole, share: (part / whole) * 100 }

const hours = (resources: ReadonlyArray<Resource.Resource>): number =>
  resources.reduce((n, r) => n + (r.unit === "hour" ? r.amount : 0), 0)

/**
 * The share of the hours of time, care and competence brought by the
 * community sector (see {@link communityResourceShare}).
 *
 * @example
 * ```ts
 * import * as assert from "node:assert"
 * import { GenerativeLens, Resource } from "@welfare/core"
 *
 * const share = GenerativeLens.communityResources([
 *   { kind: "local-authority", resources: [Resource.make("competence", 800)] },
 *   { kind: "informal-network", resources: [Resource.make("care", 150)] },
 *   { kind: "citizen", resources: [Resource.make("time", 50)] }
 * ])
 * assert.deepStrictEqual(share, { part: 200, whole: 1000, share: 20 })
 * ```
 *
 * @category calculators
 * @since 0.1.0
 */
export const communityResources = (
  actors: ReadonlyArray<Pick<Actor.Actor, "kind" | "resources">>
): Fraction => {
  let part = 0
  let whole = 0
  for (const a of actors) {
    const h = hours(a.resources)
    whole += h
    if (Actor.sectorOf(a) === "community") part += h
  }
  return fraction(part, whole)
}

/**
 * The share of the hours brought by the beneficiaries (citizens, or the
 * actors listed in `beneficiaries`): their social counterpart (see
 * {@link beneficiaryResourceShare}).
 *
 * @category calculators
 * @since 0.1.0
 */
export const beneficiaryResources = (
  actors: ReadonlyArray<Pick<Actor.Actor, "id" | "kind" | "resources">>,
  beneficiaries?: ReadonlySet<string>
): Fraction => {
  let part = 0
  let whole = 0
  for (const a of actors) {
    const h = hours(a.resources)
    whole += h
    if (beneficiaries === undefined ? a.kind === "citizen" : beneficiaries.has(a.id)) part += h
  }
  return fraction(part, whole)
}

/**
 * The share of partnerships whose members belong to at least two sectors
 * (see {@link crossSectorPartnershipShare}). Members that are not known actors
 * are not counted.
 *
 * @category calculators
 * @since 0.1.0
 */
export const crossSectorPartnerships = (
  partnerships: ReadonlyArray<{ readonly members: ReadonlyArray<{ readonly actor: string }> }>,
  actors: ReadonlyArray<Pick<Actor.Actor, "id" | "kind">>
): Fraction => {
  const byId = new Map(actors.map((a) => [a.id as string, a]))
  let part = 0
  for (const p of partnerships) {
    const sectors = new Set<Actor.Sector>()
    for (const m of p.members) {
      const a = byId.get(m.actor)
      if (a !== undefined) sectors.add(Actor.sectorOf(a))
    }
    if (sectors.size >= 2) part++
  }
  return fraction(part, partnerships.length)
}

/**
 * The share of co-design processes whose final recipients took part in both
 * the needs analysis and the verification (see {@link finalRecipientParticipation}).
 *
 * @category calculators
 * @since 0.1.0
 */
export const finalRecipients = (
  processes: ReadonlyArray<{ readonly needsAnalysis: boolean; readonly verification: boolean }>
): Fraction => fraction(processes.filter((p) => p.needsAnalysis && p.verification).length, processes.length)

/**
 * The share of taking-charge paths brought into a community response (see
 * {@link communityResponseShare}).
 *
 * @category calculators
 * @since 0.1.0
 */
export const communityResponses = (paths: ReadonlyArray<{ readonly communityResponse: boolean }>): Fraction =>
  fraction(paths.filter((p) => p.communityResponse).length, paths.length)

/**
 * The share of the people reached who were vulnerable without an overt need
 * (see {@link vulnerabilityAccess}).
 *
 * @category calculators
 * @since 0.1.0
 */
export const accessWidening = (reached: ReadonlyArray<{ readonly overtNeed: boolean }>): Fraction =>
  fraction(reached.filter((p) => !p.overtNeed).length, reached.length)

/**
 * A measurement of a ready-made indicator from a fraction, or `undefined`
 * when the whole is 0 (nothing to measure).
 *
 * @category constructors
 * @since 0.1.0
 */
export const toMeasurement = (
  definition: Indicator.Quantitative,
  f: Fraction,
  at: {
    readonly assignment: IndicatorAssignment.AssignmentId
    readonly period: IndicatorAssignment.Period
    readonly measuredBy: Actor.ActorId
    readonly source: Measurement.Source
    readonly municipality?: Actor.MunicipalityId
    readonly persons?: number
  }
): Measurement.Measurement | undefined =>
  f.share === undefined
    ? undefined
    : {
        indicator: definition.id,
        assignment: at.assignment,
        period: at.period,
        ...(at.municipality === undefined ? {} : { municipality: at.municipality }),
        value: Math.round(f.share * 100) / 100,
        unit: "percent",
        measuredBy: at.measuredBy,
        source: at.source,
        ...(at.persons === undefined ? {} : { persons: at.persons })
      }
