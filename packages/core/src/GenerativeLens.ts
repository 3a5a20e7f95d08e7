/**
 * Generative lenses: ready-made indicator definitions and pure calculators
 * that read a territory's models: the actors' resources, the partnerships'
 * members and their sectors, the participation records of the co-design
 * processes, the taking-charge event log (replayed) and the needs (as a
 * population, see `Access`).
 *
 * Fondazione Zancan's five verbs, the 5R (Rapporto sulla lotta alla povertà
 * 2012-2014; outside the seeds), and the social counterpart (corrispettivo
 * sociale) are computed per person from the ledger of the taking-charge
 * paths, in `Ledger`, never from actors' declared hours. Their formulas, each
 * matching its verb:
 *
 * | verb | formula (`Ledger`) |
 * | --- | --- |
 * | raccogliere (gather) | resources received from every source but the largest, over all received (hours and euros apart, averaged): `Ledger.gather` |
 * | redistribuire (redistribute) | persons who received, over the persons in the ledger: `Ledger.redistribute` |
 * | rigenerare (regenerate) | hours received that return as community capacity, over hours received: `Ledger.regenerate` |
 * | rendere (make yield) | hours given back by agreement and honoured, over hours received: `Ledger.yieldBack` |
 * | responsabilizzare (make responsible) | persons who received with an agreed and honoured contribution, over persons who received: `Ledger.responsibility` |
 * | social counterpart | per person: hours given back by agreement and honoured over hours received: `Ledger.accounts` |
 *
 * The indicators of this module carry a lens tag only where their formula
 * is the verb's: {@link communityResourceShare} and
 * {@link citizenResourceShare} gather resources from the community
 * (raccogliere); the others (networks, participation, community responses,
 * access) are readings of the seeds with no 5R tag.
 *
 * {@link ofTerritory} computes every lens at once. Each calculator returns a
 * {@link Fraction}; {@link toMeasurement} turns it into a measurement of the
 * ready-made indicator. Plain-data variants take already-counted flags.
 *
 * @since 0.1.0
 */
import * as Access from "./Access.js"
import * as Actor from "./Actor.js"
import type * as CoDesign from "./CoDesign.js"
import type * as Indicator from "./Indicator.js"
import type * as IndicatorAssignment from "./IndicatorAssignment.js"
import type * as Measurement from "./Measurement.js"
import type * as Need from "./Need.js"
import * as Partnership from "./Partnership.js"
import type * as Resource from "./Resource.js"
import * as TakingCharge from "./TakingCharge.js"

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
 * @category calculators
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
 * Share of the actors' declared hours brought by citizen actors: the citizen
 * as bearer of resources (seed 000, row 8). It gathers resources from the
 * community (raccogliere); it is *not* the social counterpart, which is
 * measured per person from what they received and gave back (`Ledger`).
 *
 * @category calculators
 * @since 0.1.0
 */
export const citizenResourceShare = percent(
  "ind-gen-beneficiary-resources",
  "Quota delle ore dichiarate portate dai cittadini",
  "Share of declared hours brought by citizens",
  {
    rba: "how-well",
    lenses: ["collect"],
    moves: ["person-activation"],
    dimensions: ["delivery-chain"]
  }
)

/**
 * The former name of {@link citizenResourceShare}, kept for existing code.
 *
 * @category calculators
 * @since 0.1.0
 */
export const beneficiaryResourceShare = citizenResourceShare

/**
 * Share of partnerships whose members span at least two sectors (seed 004,
 * row 31; seed 003, row 50).
 *
 * @category calculators
 * @since 0.1.0
 */
export const crossSectorPartnershipShare = percent(
  "ind-gen-cross-sector-partnerships",
  "Quota di partenariati intersettoriali",
  "Share of cross-sector partnerships",
  { rba: "how-well", moves: ["local-networking"], dimensions: ["organisation"] }
)

/**
 * Share of co-design processes whose final recipients took part in both the
 * needs analysis and the verification of the actions (seed 003, row 53).
 *
 * @category calculators
 * @since 0.1.0
 */
export const finalRecipientParticipation = percent(
  "ind-gen-final-recipient-participation",
  "Partecipazione dei destinatari finali ad analisi dei bisogni e verifica",
  "Final-recipient participation in needs analysis and verification",
  {
    rba: "how-well",
    moves: ["community-actors-involvement", "shared-accountability"],
    dimensions: ["needs-analysis"],
    besDomains: ["politics-and-institutions"]
  }
)

/**
 * Share of taking-charge paths brought into a community response (seed 003,
 * row 32).
 *
 * @category calculators
 * @since 0.1.0
 */
export const communityResponseShare = percent(
  "ind-gen-community-response",
  "Quota di prese in carico con risposta comunitaria",
  "Share of taking-charge paths with a community response",
  {
    rba: "better-off",
    moves: ["community-activation"],
    dimensions: ["intervention-focus"]
  }
)

/**
 * Widening of access to vulnerability: the share of the people reached who
 * were vulnerable without an overt need (seed 000, row 11; FRAMEWORK.md
 * invariant 8).
 *
 * @category calculators
 * @since 0.1.0
 */
export const vulnerabilityAccess = percent(
  "ind-gen-vulnerability-access",
  "Ampliamento dell'accesso alla vulnerabilità",
  "Widening of access to vulnerability",
  {
    rba: "how-much",
    moves: ["personalisation"],
    dimensions: ["outcomes"],
    besDomains: ["quality-of-services"]
  }
)

/**
 * Every ready-made generative indicator.
 *
 * @category calculators
 * @since 0.1.0
 */
export const definitions: ReadonlyArray<Indicator.Quantitative> = [
  communityResourceShare,
  citizenResourceShare,
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
 *   { kind: "local-authority", resources: [Resource.unsafeMake("competence", 800)] },
 *   { kind: "informal-network", resources: [Resource.unsafeMake("care", 150)] },
 *   { kind: "citizen", resources: [Resource.unsafeMake("time", 50)] }
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
 * The share of the declared hours brought by citizen actors (or the actors
 * listed in `beneficiaries`), see {@link citizenResourceShare}. Not the social
 * counterpart: see `Ledger.accounts`.
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
 * (see {@link crossSectorPartnershipShare}), from the partnerships' members
 * and the sector of each actor's kind (`Partnership.sectorsOf`). Members that
 * are not known actors are not counted.
 *
 * @example
 * ```ts
 * import * as assert from "node:assert"
 * import { Actor, GenerativeLens, Partnership } from "@welfare/core"
 *
 * const actors = [
 *   Actor.unsafeMake({ id: Actor.ActorId.make("comune-legnano"), kind: "local-authority" }),
 *   Actor.unsafeMake({ id: Actor.ActorId.make("ufficio-di-piano"), kind: "public-institution" }),
 *   Actor.unsafeMake({ id: Actor.ActorId.make("rete-vicinato"), kind: "informal-network" })
 * ]
 * const share = GenerativeLens.crossSectorPartnerships(
 *   [
 *     { members: [Partnership.member("comune-legnano", ["promoter"]), Partnership.member("rete-vicinato", ["partner"])] },
 *     { members: [Partnership.member("comune-legnano", ["promoter"]), Partnership.member("ufficio-di-piano", ["partner"])] }
 *   ],
 *   actors
 * )
 * assert.deepStrictEqual(share, { part: 1, whole: 2, share: 50 })
 * ```
 *
 * @category calculators
 * @since 0.1.0
 */
export const crossSectorPartnerships = (
  partnerships: ReadonlyArray<Pick<Partnership.Partnership, "members">>,
  actors: ReadonlyArray<Pick<Actor.Actor, "id" | "kind">>
): Fraction => {
  const byId = new Map(actors.map((a) => [a.id as string, a]))
  let part = 0
  for (const p of partnerships) if (Partnership.sectorsOf(p, byId).length >= 2) part++
  return fraction(part, partnerships.length)
}

/**
 * Whether the final recipients of a co-design process took part in its needs
 * analysis and in its verification, from its `participation-recorded` events:
 * a record of the activity `needs-analysis` (or `verification`) that names
 * pseudonymous persons or counts recipients (seed 003, row 53).
 *
 * @category calculators
 * @since 0.1.0
 */
export const recipientParticipation = (
  process: Pick<CoDesign.Process, "events">
): { readonly needsAnalysis: boolean; readonly verification: boolean } => {
  let needsAnalysis = false
  let verification = false
  for (const e of process.events) {
    if (e._tag !== "participation-recorded") continue
    const recipients = (e.persons?.length ?? 0) > 0 || (e.recipientCount ?? 0) > 0
    if (!recipients) continue
    if (e.activity === "needs-analysis") needsAnalysis = true
    else if (e.activity === "verification") verification = true
  }
  return { needsAnalysis, verification }
}

/**
 * The share of co-design processes whose final recipients took part in both
 * the needs analysis and the verification (see
 * {@link finalRecipientParticipation}), read from each process's
 * participation records ({@link recipientParticipation}).
 *
 * @category calculators
 * @since 0.1.0
 */
export const finalRecipientsOf = (processes: ReadonlyArray<Pick<CoDesign.Process, "events">>): Fraction =>
  finalRecipients(processes.map(recipientParticipation))

/**
 * The plain-data variant of {@link finalRecipientsOf}: the share of processes
 * flagged as having their final recipients in both the needs analysis and the
 * verification.
 *
 * @category calculators
 * @since 0.1.0
 */
export const finalRecipients = (
  processes: ReadonlyArray<{ readonly needsAnalysis: boolean; readonly verification: boolean }>
): Fraction => fraction(processes.filter((p) => p.needsAnalysis && p.verification).length, processes.length)

/**
 * The share of taking-charge paths brought into a community response (see
 * {@link communityResponseShare}): the event log is replayed
 * (`TakingCharge.replayAll`, in one pass, so it may be a stream) and every
 * case, open or closed, counts; a case counts as part when at least one
 * community response was linked to it. Events that do not apply (see the
 * replay's problems) are not counted.
 *
 * @category calculators
 * @since 0.1.0
 */
export const communityResponsesOf = (events: Iterable<TakingCharge.Event>): Fraction => {
  const replayed = TakingCharge.replayAll(events)
  let part = 0
  for (const c of replayed.open.values()) if (c.responses.length > 0) part++
  for (const c of replayed.closed.values()) if (c.responses > 0) part++
  return fraction(part, replayed.open.size + replayed.closed.size)
}

/**
 * The plain-data variant of {@link communityResponsesOf}: the share of paths
 * flagged as having a community response.
 *
 * @category calculators
 * @since 0.1.0
 */
export const communityResponses = (paths: ReadonlyArray<{ readonly communityResponse: boolean }>): Fraction =>
  fraction(paths.filter((p) => p.communityResponse).length, paths.length)

/**
 * The widening of access to vulnerability (see {@link vulnerabilityAccess}),
 * from the needs of a territory: of the persons generative access reaches
 * (any recorded need or signal), the share traditional access (an overt need)
 * would not reach (`Access.widening` over `Access.populationFromNeeds`).
 * Needs that name no person are not counted.
 *
 * @category calculators
 * @since 0.1.0
 */
export const accessWideningOf = (
  needs: Iterable<Pick<Need.Need, "status" | "raisedBy" | "person">>
): Fraction => {
  const w = Access.widening(Access.populationFromNeeds(needs))
  return fraction(w.widened, w.generative)
}

/**
 * The plain-data variant of {@link accessWideningOf}: the share of the people
 * reached who were vulnerable without an overt need.
 *
 * @category calculators
 * @since 0.1.0
 */
export const accessWidening = (reached: ReadonlyArray<{ readonly overtNeed: boolean }>): Fraction =>
  fraction(reached.filter((p) => !p.overtNeed).length, reached.length)

/**
 * The social counterpart in the taking-charge paths, in hours: of the hours
 * the paths received from the community (the resources of the community
 * responses) and gave back (the persons' contributions agreed in their
 * choices), the share given back by the persons themselves. The per-person
 * social counterpart, with suppression, is `Ledger.accounts` and
 * `Ledger.publish`.
 *
 * @category calculators
 * @since 0.1.0
 */
export const socialCounterpartOf = (events: Iterable<TakingCharge.Event>): Fraction => {
  let part = 0
  let whole = 0
  for (const e of events) {
    if (e._tag === "ChoiceMade") {
      const h = hours(e.contribution)
      part += h
      whole += h
    } else if (e._tag === "CommunityResponseLinked") whole += hours(e.resources)
  }
  return fraction(part, whole)
}

/**
 * The slice of a territory {@link ofTerritory} reads (every section but the
 * actors may be left out).
 *
 * @category models
 * @since 0.1.0
 */
export interface TerritorySlice {
  readonly actors: ReadonlyArray<Pick<Actor.Actor, "id" | "kind" | "resources">>
  readonly partnerships?: ReadonlyArray<Pick<Partnership.Partnership, "members">>
  readonly coDesigns?: ReadonlyArray<Pick<CoDesign.Process, "events">>
  readonly takingCharge?: ReadonlyArray<TakingCharge.Event>
  readonly needs?: ReadonlyArray<Pick<Need.Need, "status" | "raisedBy" | "person">>
}

/**
 * Every ready-made generative indicator of a territory, by indicator id: the
 * community's and the beneficiaries' share of the actors' hours, the
 * cross-sector partnerships, the final recipients' participation in
 * co-design, the taking-charge paths with a community response, and the
 * widening of access.
 *
 * @category calculators
 * @since 0.1.0
 */
export const ofTerritory = (territory: TerritorySlice): { readonly [id: string]: Fraction } => ({
  [communityResourceShare.id]: communityResources(territory.actors),
  [citizenResourceShare.id]: beneficiaryResources(territory.actors),
  [crossSectorPartnershipShare.id]: crossSectorPartnerships(territory.partnerships ?? [], territory.actors),
  [finalRecipientParticipation.id]: finalRecipientsOf(territory.coDesigns ?? []),
  [communityResponseShare.id]: communityResponsesOf(territory.takingCharge ?? []),
  [vulnerabilityAccess.id]: accessWideningOf(territory.needs ?? [])
})

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
