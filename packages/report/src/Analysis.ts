/**
 * What a territory report explains, computed from a territory with the pure
 * functions of `@welfare/core`: the territory assessment and the readings
 * of its interventions with the recommendations that would raise them, the
 * partnership network's report (sectors, ties across them, brokers with
 * Burt's measures, isolated actors), needs and taking charge (counts only),
 * the co-design audits and the shared evaluation (progress, round findings,
 * the Pact's accounts).
 *
 * The result is plain data (no map, no function), ready for
 * `territoryReport` and for JSON. Persons are counted, never listed:
 * taking-charge paths, the persons a need concerns and access widening are
 * counts, and citizens leave the network's lists (brokers, isolated actors,
 * ties). Evaluators and signatories keep their actor ids, which the report
 * shows by name (a citizen as "a person").
 *
 * @since 0.1.0
 */
import {
  Access,
  type Actor,
  Assessment,
  CoDesign,
  Evaluation,
  type Intervention,
  Need,
  PartnershipNetwork,
  Progress,
  Requirement,
  Summary,
  TakingCharge,
  type Territory,
  TerritoryAssessment
} from "@welfare/core"
import * as Either from "effect/Either"

/**
 * The slice of a territory the analysis reads: its name, municipalities and
 * actors, and whatever other sections it has (an absent one counts as none).
 *
 * @category models
 * @since 0.1.0
 */
export type TerritoryLike = Pick<Territory.Territory, "name" | "municipalities" | "actors"> &
  Partial<
    Pick<
      Territory.Territory,
      | "needs"
      | "requirements"
      | "takingCharge"
      | "partnerships"
      | "pact"
      | "coDesigns"
      | "interventions"
      | "indicators"
      | "assignments"
      | "measurements"
      | "evaluations"
    >
  >

/**
 * One intervention's reading: its public name, index and class.
 *
 * @category models
 * @since 0.1.0
 */
export interface InterventionReading {
  readonly id: string
  readonly name?: string
  readonly index: number
  readonly class: TerritoryAssessment.TerritoryProfile["class"]
}

/**
 * A recommended change for one intervention (`Assessment.recommend`): the
 * generative trait it would make present, the gain of the intervention's
 * index, and the seed source.
 *
 * @category models
 * @since 0.1.0
 */
export interface RecommendationReading extends Omit<Assessment.Recommendation, "patch"> {
  readonly intervention: string
  readonly name?: string
}

/**
 * The network's report, with the sector mixing matrix, Burt's measures of
 * the brokers and the citizens counted apart: no citizen is listed among the
 * brokers, the isolated actors or the ties (the totals of actors and ties
 * still count them).
 *
 * @category models
 * @since 0.1.0
 */
export interface NetworkReading {
  readonly report: PartnershipNetwork.Report
  readonly mixing: PartnershipNetwork.SectorMatrix
  readonly holes: ReadonlyArray<{ readonly actor: string } & PartnershipNetwork.StructuralHoles>
  readonly ties: ReadonlyArray<PartnershipNetwork.Tie>
  /** Citizens (persons) among the actors, counted, never named. */
  readonly citizens: number
  /** Citizens in no partnership. */
  readonly isolatedCitizens: number
}

/**
 * The needs of a territory, counted, and the gaps of their readings as requirements.
 *
 * @category models
 * @since 0.1.0
 */
export interface NeedsReading {
  readonly total: number
  readonly byStatus: { readonly [S in Need.NeedStatus]: number }
  /** Needs touching more than one policy area (seed 004, row 32). */
  readonly complex: number
  /** Needs no public body is responsible for (seed 004, row 23). */
  readonly noMansLand: number
  /** Distinct persons the needs concern. */
  readonly persons: number
  readonly requirements: ReadonlyArray<{
    readonly id: string
    readonly needs: number
    readonly gaps: ReadonlyArray<Requirement.Gap>
  }>
  readonly access: Access.Widening
}

/**
 * The taking-charge paths, counted: by stage reached, with or without a
 * community response, with or without a contribution of the person.
 *
 * @category models
 * @since 0.1.0
 */
export interface TakingChargeReading {
  readonly paths: number
  readonly byStage: { readonly [S in TakingCharge.Stage]: number }
  readonly withCommunityResponse: number
  readonly withoutCommunityResponse: number
  readonly withPersonContribution: number
  readonly withoutPersonContribution: number
  readonly problems: number
}

/**
 * A co-design process: its stage and the findings of its audit.
 *
 * @category models
 * @since 0.1.0
 */
export interface CoDesignReading {
  readonly id: string
  readonly title: string
  readonly kind: CoDesign.Kind
  readonly stage: CoDesign.Stage
  readonly findings: ReadonlyArray<CoDesign.Finding>
}

/**
 * Everything a territory report explains.
 *
 * @category models
 * @since 0.1.0
 */
export interface TerritoryAnalysis {
  readonly profile: TerritoryAssessment.TerritoryProfile
  readonly interventions: ReadonlyArray<InterventionReading>
  readonly recommendations: ReadonlyArray<RecommendationReading>
  readonly network: NetworkReading
  readonly needs: NeedsReading
  readonly takingCharge: TakingChargeReading
  readonly coDesigns: ReadonlyArray<CoDesignReading>
  readonly progress: ReadonlyArray<Progress.AssignmentProgress>
  readonly summary?: Summary.Published
  readonly accountability: ReadonlyArray<Evaluation.AccountabilityReport>
}

/**
 * Options of {@link analyse}: how many recommendations to keep (5 by
 * default), how many of the least generative interventions to look for them
 * in (50), measurements read from elsewhere (an NDJSON stream) when the
 * territory has none, and the betweenness options of the network report
 * (exact by default; sampled with 1,000 pivots beyond 2,000 actors).
 *
 * @category models
 * @since 0.1.0
 */
export interface AnalyseOptions {
  readonly recommendations?: number
  readonly recommendFrom?: number
  readonly measurements?: ReadonlyArray<Territory.Territory["measurements"][number]>
  readonly betweenness?: PartnershipNetwork.BetweennessOptions
}

const countBy = <K extends string>(keys: ReadonlyArray<K>): { [P in K]: number } =>
  Object.fromEntries(keys.map((k) => [k, 0])) as { [P in K]: number }

const recommendationsOf = (
  interventions: ReadonlyArray<Intervention.InterventionInput & { readonly name?: string }>,
  readings: ReadonlyArray<InterventionReading>,
  keep: number,
  from: number
): Array<RecommendationReading> => {
  const byId = new Map(interventions.map((i) => [i.id as string, i]))
  const lowest = [...readings]
    .sort((a, b) => a.index - b.index || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .slice(0, Math.max(0, from))
  const out: Array<RecommendationReading> = []
  for (const r of lowest) {
    const intervention = byId.get(r.id)
    if (intervention === undefined) continue
    for (const { patch: _patch, ...rec } of Assessment.recommend(intervention))
      out.push({ ...rec, intervention: r.id, ...(r.name === undefined ? {} : { name: r.name }) })
  }
  return out
    .sort(
      (a, b) =>
        b.gain - a.gain ||
        (a.intervention < b.intervention ? -1 : a.intervention > b.intervention ? 1 : 0) ||
        (a.trait < b.trait ? -1 : 1)
    )
    .slice(0, Math.max(0, keep))
}

const networkOf = (t: TerritoryLike, options: AnalyseOptions): NetworkReading => {
  const network = PartnershipNetwork.fromTerritory(t)
  const betweenness = options.betweenness ?? (t.actors.length > 2000 ? { sample: 1000, seed: 1 } : {})
  const full = PartnershipNetwork.report(network, { betweenness })
  const holes = PartnershipNetwork.structuralHoles(network)
  const citizens = new Set(t.actors.filter((a) => a.kind === "citizen").map((a) => a.id as string))
  // Persons are counted, never listed: citizens leave the lists of brokers,
  // isolated actors and ties (the totals still count them).
  const report: PartnershipNetwork.Report = {
    ...full,
    brokers: full.brokers.filter((b) => !citizens.has(b.actor)),
    isolated: full.isolated.filter((a) => !citizens.has(a))
  }
  return {
    report,
    mixing: PartnershipNetwork.sectorMixing(network),
    holes: report.brokers.flatMap((b) => {
      const h = holes.get(b.actor)
      return h === undefined ? [] : [{ actor: b.actor as string, ...h }]
    }),
    ties: PartnershipNetwork.ties(network).filter(
      (x) => !citizens.has(x.actors[0]) && !citizens.has(x.actors[1])
    ),
    citizens: citizens.size,
    isolatedCitizens: full.isolated.filter((a) => citizens.has(a)).length
  }
}

const needsOf = (t: TerritoryLike): NeedsReading => {
  const needs = t.needs ?? []
  const byStatus = countBy(Need.statuses)
  let complex = 0
  let noMansLand = 0
  const persons = new Set<string>()
  for (const n of needs) {
    byStatus[n.status]++
    if (Need.isComplex(n)) complex++
    if (Need.isNoMansLand(n)) noMansLand++
    if (n.person !== undefined) persons.add(n.person)
  }
  const actorsById = new Map(t.actors.map((a) => [a.id as string, a]))
  return {
    total: needs.length,
    byStatus,
    complex,
    noMansLand,
    persons: persons.size,
    requirements: (t.requirements ?? []).map((r) => ({
      id: r.id,
      needs: r.needs.length,
      gaps: Requirement.gaps(r, actorsById)
    })),
    access: Access.widening(Access.populationFromNeeds(needs))
  }
}

const takingChargeOf = (t: TerritoryLike): TakingChargeReading => {
  const replayed = TakingCharge.replayAll(t.takingCharge ?? [])
  const byStage = countBy(TakingCharge.stages)
  let withResponse = 0
  let withContribution = 0
  for (const s of replayed.open.values()) {
    byStage[s.stage]++
    if (s.responses.length > 0) withResponse++
    if (TakingCharge.hasPersonContribution(s)) withContribution++
  }
  for (const s of replayed.closed.values()) {
    byStage.closed++
    if (s.responses > 0) withResponse++
    if (s.personContribution) withContribution++
  }
  const paths = replayed.open.size + replayed.closed.size
  return {
    paths,
    byStage,
    withCommunityResponse: withResponse,
    withoutCommunityResponse: paths - withResponse,
    withPersonContribution: withContribution,
    withoutPersonContribution: paths - withContribution,
    problems: replayed.problems.length
  }
}

/**
 * Analyses a territory for its report (see {@link TerritoryAnalysis}).
 *
 * @example
 * ```ts
 * import * as assert from "node:assert"
 * import { Analysis } from "@welfare/report"
 *
 * const a = Analysis.analyse({
 *   name: "Ambito di Legnano",
 *   municipalities: [],
 *   actors: [
 *     { id: "comune-legnano", kind: "local-authority", name: "Comune di Legnano" },
 *     { id: "casa-volontariato", kind: "volunteer-organisation", name: "Casa del Volontariato" },
 *     { id: "p-0017", kind: "citizen" }
 *   ] as any,
 *   partnerships: [
 *     { id: "pship-regia", members: [{ actor: "comune-legnano" }, { actor: "casa-volontariato" }] }
 *   ] as any
 * })
 * assert.strictEqual(a.network.report.connectedCrossSector, true)
 * assert.strictEqual(a.network.citizens, 1)
 * assert.strictEqual(a.takingCharge.paths, 0)
 * ```
 *
 * @category analysis
 * @since 0.1.0
 */
export const analyse = (territory: TerritoryLike, options: AnalyseOptions = {}): TerritoryAnalysis => {
  const t = territory
  const profile = TerritoryAssessment.assessTerritory(t)
  const interventions = t.interventions ?? []
  const names = new Map(interventions.map((i) => [i.id as string, i.name]))
  const readings: Array<InterventionReading> = profile.interventions.map((i) => {
    const name = names.get(i.id)
    return { id: i.id, ...(name === undefined ? {} : { name }), index: i.index, class: i.class }
  })
  const measurements =
    (t.measurements ?? []).length > 0 ? (t.measurements ?? []) : (options.measurements ?? [])
  const indicators = new Map((t.indicators ?? []).map((d) => [d.id as string, d]))
  const progress = (t.assignments ?? []).flatMap((assignment) => {
    const definition = indicators.get(assignment.indicator)
    return definition === undefined ? [] : [Progress.progress(definition, assignment, measurements)]
  })
  const published =
    measurements.length === 0 ? undefined : Summary.suppress(Summary.fromMeasurements(measurements))
  const slice = {
    actors: t.actors,
    indicators: t.indicators ?? [],
    assignments: t.assignments ?? [],
    measurements,
    ...(t.pact === undefined ? {} : { pact: t.pact })
  }
  return {
    profile,
    interventions: readings,
    recommendations: recommendationsOf(
      interventions,
      readings,
      options.recommendations ?? 5,
      options.recommendFrom ?? 50
    ),
    network: networkOf(t, options),
    needs: needsOf(t),
    takingCharge: takingChargeOf(t),
    coDesigns: (t.coDesigns ?? []).map((p) => ({
      id: p.id,
      title: p.title,
      kind: p.kind,
      stage: CoDesign.state(p).stage,
      findings: CoDesign.audit(p, { actors: t.actors })
    })),
    progress,
    ...(published !== undefined && Either.isRight(published) ? { summary: published.right } : {}),
    accountability: (t.evaluations ?? []).map((round) => Evaluation.accountabilityReport(slice, round))
  }
}

/**
 * Whether an actor is a person (a citizen): persons are counted in reports,
 * never named.
 *
 * @category predicates
 * @since 0.1.0
 */
export const isPerson = (actor: Pick<Actor.Actor, "kind">): boolean => actor.kind === "citizen"
