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
  Disclosure as CoreDisclosure,
  Derivation,
  Evaluation,
  type Intervention,
  Need,
  PartnershipNetwork,
  Progress,
  Published,
  Requirement,
  Responsibility,
  Rubric,
  Sensitivity,
  Summary,
  TakingCharge,
  type Territory,
  TerritoryAssessment
} from "@welfare/core"
import * as Either from "effect/Either"
import { personFigures } from "./internal/figures.js"

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
      | "responsibilities"
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
 * A fact of an intervention read from the territory's records: the fact, the
 * derivation rule and the ids of the records behind it.
 *
 * @category models
 * @since 0.2.0
 */
export interface DerivedFactReading {
  readonly field: Intervention.FactField
  readonly rule: Derivation.Rule
  readonly records: ReadonlyArray<string>
}

/**
 * One intervention's reading: its public name, index (undefined when no
 * dimension is observed: never 0.5), verdict (possibly
 * `insufficient-evidence`), coverage, depth, the share of its evidence
 * derived from the records, the facts derived (with their record ids) and
 * declared, and the sensitivity of its verdict to the rubric's editorial
 * choices (absent beyond {@link AnalyseOptions.sensitivityLimit}).
 *
 * @category models
 * @since 0.1.0
 */
export interface InterventionReading {
  readonly id: string
  readonly name?: string
  readonly index: number | undefined
  readonly class: Rubric.Verdict
  readonly coverage: number
  readonly depth: number
  readonly derivedShare: number
  readonly derived: ReadonlyArray<DerivedFactReading>
  readonly declared: ReadonlyArray<Intervention.FactField>
  readonly sensitivity?: Sensitivity.Sensitivity
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
  readonly findings: ReadonlyArray<CoDesign.AuditDiagnostic>
}

/**
 * Everything a territory report explains.
 *
 * @category models
 * @since 0.1.0
 */
export interface TerritoryAnalysis {
  readonly profile: TerritoryAssessment.TerritoryProfile
  /** The rubric the assessment used (the default one unless given). */
  readonly rubric: Rubric.Rubric
  /** The sensitivity of the interventions' reading (absent without interventions). */
  readonly sensitivity?: Sensitivity.Sensitivity
  readonly interventions: ReadonlyArray<InterventionReading>
  readonly recommendations: ReadonlyArray<RecommendationReading>
  readonly network: NetworkReading
  readonly needs: NeedsReading
  readonly takingCharge: TakingChargeReading
  readonly coDesigns: ReadonlyArray<CoDesignReading>
  readonly progress: ReadonlyArray<Progress.AssignmentProgress>
  readonly summary?: Published.Published
  readonly accountability: ReadonlyArray<Evaluation.AccountabilityReport>
  /**
   * One disclosure decision for every figure the report publishes about
   * persons (citizens, needs, access, taking-charge paths, final recipients),
   * by figure id: which are shown, hidden as small, or hidden to protect
   * another (`Disclosure.decide` over the whole document, issue 14). It holds
   * figure ids only, never a person.
   */
  readonly disclosure: Disclosure
}

/**
 * The disclosure decision of a territory's report: its threshold and the
 * status of each figure about persons.
 *
 * @category models
 * @since 0.2.0
 */
export interface Disclosure {
  readonly threshold: number
  /**
   * The base shown counts of persons are rounded to (after the decision,
   * which reads exact counts), when rounding was asked.
   *
   * @since 0.2.0
   */
  readonly rounding?: number
  readonly status: { readonly [figure: string]: CoreDisclosure.Status }
}

/**
 * Options of {@link analyse}: how many recommendations to keep (5 by
 * default), how many of the least generative interventions to look for them
 * in (50), the rubric, how many interventions get a sensitivity analysis
 * (500), measurements read from elsewhere (an NDJSON stream) when the
 * territory has none, and the betweenness options of the network report
 * (exact by default; sampled with 1,000 pivots beyond 2,000 actors).
 *
 * @category models
 * @since 0.1.0
 */
export interface AnalyseOptions {
  readonly recommendations?: number
  readonly recommendFrom?: number
  /** The rubric (the default one when absent). */
  readonly rubric?: Rubric.Rubric
  /** How many interventions get their own sensitivity analysis (500 by default; in id order). */
  readonly sensitivityLimit?: number
  readonly measurements?: ReadonlyArray<Territory.Territory["measurements"][number]>
  readonly betweenness?: PartnershipNetwork.BetweennessOptions
  /**
   * The disclosure threshold for every figure about persons, the summary's
   * included: a whole number from 3 to 11 (5 by default; a value out of
   * range is brought into it).
   */
  readonly threshold?: number
  /**
   * A rounding base for every shown count of persons, the summary's included:
   * a whole number from 2 to 10 (absent by default: exact counts; a value out
   * of range is brought into it). Rounding comes after the disclosure
   * decision, which reads exact counts.
   *
   * @since 0.2.0
   */
  readonly rounding?: number
}

const countBy = <K extends string>(keys: ReadonlyArray<K>): { [P in K]: number } =>
  Object.fromEntries(keys.map((k) => [k, 0])) as { [P in K]: number }

const byId = (a: { readonly id: string }, b: { readonly id: string }): number =>
  a.id < b.id ? -1 : a.id > b.id ? 1 : 0

// The recommendations of the least generative interventions (an index left
// undefined reads as the least), on the facts the records show, ranked as the
// rubric ranks them within one intervention: by the seeds' priorities first
// (unless the rubric says `index-gain`), then by the gain of index and depth.
const recommendationsOf = (
  facts: ReadonlyMap<string, Intervention.InterventionInput>,
  readings: ReadonlyArray<InterventionReading>,
  keep: number,
  from: number,
  rubric: Rubric.Rubric
): Array<RecommendationReading> => {
  const lowest = [...readings]
    .sort((a, b) => (a.index ?? -1) - (b.index ?? -1) || byId(a, b))
    .slice(0, Math.max(0, from))
  const out: Array<RecommendationReading> = []
  for (const r of lowest) {
    const intervention = facts.get(r.id)
    if (intervention === undefined) continue
    for (const { patch: _patch, ...rec } of Assessment.recommend(intervention, rubric))
      out.push({ ...rec, intervention: r.id, ...(r.name === undefined ? {} : { name: r.name }) })
  }
  const bySeeds = rubric.ranking !== "index-gain"
  return out
    .sort(
      (a, b) =>
        (bySeeds ? a.priority - b.priority : 0) ||
        b.gain + (bySeeds ? b.depthGain : 0) - (a.gain + (bySeeds ? a.depthGain : 0)) ||
        (a.intervention < b.intervention ? -1 : a.intervention > b.intervention ? 1 : 0) ||
        (a.trait < b.trait ? -1 : 1)
    )
    .slice(0, Math.max(0, keep))
}

const factFields = (r: Derivation.Resolved) =>
  Object.entries(r.provenance) as Array<[Intervention.FactField, Derivation.FactProvenance]>

// Each intervention's facts as the records show them, its provenance and,
// for the first `limit` in id order, its sensitivity.
const readingsOf = (
  t: TerritoryLike,
  profile: TerritoryAssessment.TerritoryProfile,
  rubric: Rubric.Rubric,
  limit: number
): {
  readonly readings: Array<InterventionReading>
  readonly facts: Map<string, Intervention.InterventionInput>
  readonly observations: Array<ReadonlyArray<Assessment.Observation>>
} => {
  const interventions = t.interventions ?? []
  const idx = Derivation.index(t)
  const names = new Map(interventions.map((i) => [i.id as string, i.name]))
  const facts = new Map<string, Intervention.InterventionInput>()
  const observations: Array<ReadonlyArray<Assessment.Observation>> = []
  const resolvedOf = new Map<string, Derivation.Resolved>()
  const position = new Map<string, number>()
  for (const i of interventions) {
    if (!position.has(i.id)) position.set(i.id, observations.length)
    const resolved = Derivation.resolve(idx, i, rubric.evidence.contradiction)
    resolvedOf.set(i.id, resolved)
    facts.set(i.id, resolved.facts)
    observations.push(Assessment.observe(resolved.facts))
  }
  const analysed = new Set(
    [...profile.interventions]
      .sort(byId)
      .slice(0, Math.max(0, limit))
      .map((i) => i.id as string)
  )
  const readings = profile.interventions.map((i): InterventionReading => {
    const name = names.get(i.id)
    const resolved = resolvedOf.get(i.id)
    const provenance = resolved === undefined ? [] : factFields(resolved)
    const derived = provenance.flatMap(([field, p]) =>
      p.kind === "derived" ? [{ field, rule: p.rule, records: p.records }] : []
    )
    const declared = provenance.flatMap(([field, p]) => (p.kind === "declared" ? [field] : []))
    const sensitivity =
      analysed.has(i.id) && resolved !== undefined
        ? Sensitivity.analyse(
            { observed: observations[position.get(i.id) ?? 0] ?? [], class: i.class, index: i.index },
            rubric
          )
        : undefined
    return {
      id: i.id,
      ...(name === undefined ? {} : { name }),
      index: i.index,
      class: i.class,
      coverage: i.coverage,
      depth: i.depth,
      derivedShare: i.derivedShare,
      derived,
      declared,
      ...(sensitivity === undefined ? {} : { sensitivity })
    }
  })
  return { readings, facts, observations }
}

const networkOf = (t: TerritoryLike, options: AnalyseOptions): NetworkReading => {
  const citizens = new Set(t.actors.filter((a) => a.kind === "citizen").map((a) => a.id as string))
  // Persons are counted, never read into the network's figures: the network,
  // its ties, components, brokers and mixing are those of the organisations
  // (public, named), so that no figure minus another gives back a citizen
  // (issue 14); citizens are counted apart, under the report's disclosure check.
  const organisations = t.actors.filter((a) => !citizens.has(a.id))
  const network = PartnershipNetwork.fromTerritory({
    actors: organisations,
    partnerships: (t.partnerships ?? []).map((p) => ({
      members: p.members.filter((m) => !citizens.has(m.actor))
    }))
  })
  const betweenness = options.betweenness ?? (organisations.length > 2000 ? { sample: 1000, seed: 1 } : {})
  const report = PartnershipNetwork.measure(network, { betweenness })
  const holes = PartnershipNetwork.structuralHoles(network)
  const members = new Set((t.partnerships ?? []).flatMap((p) => p.members.map((m) => m.actor as string)))
  return {
    report,
    mixing: PartnershipNetwork.sectorMixing(network),
    holes: report.brokers.flatMap((b) => {
      const h = holes.get(b.actor)
      return h === undefined ? [] : [{ actor: b.actor as string, ...h }]
    }),
    ties: PartnershipNetwork.ties(network),
    citizens: citizens.size,
    isolatedCitizens: [...citizens].filter((c) => !members.has(c)).length
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
    // A gap in the law for the need's kind (seed 004, row 23), read from the territory's responsibility map.
    if (Responsibility.isNoMansLand(n, t.responsibilities ?? [])) noMansLand++
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

const takingChargeOf = (replayed: TakingCharge.Replayed): TakingChargeReading => {
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
 * @category calculators
 * @since 0.1.0
 */
export const analyse = (territory: TerritoryLike, options: AnalyseOptions = {}): TerritoryAnalysis => {
  const t = territory
  const rubric = options.rubric ?? Rubric.defaultRubric
  const threshold = thresholdOf(options.threshold)
  const rounding = roundingOf(options.rounding)
  const profile = TerritoryAssessment.assessTerritory(t, rubric)
  // the taking-charge paths are replayed once, for their reading and for the disclosure check
  const replayed = TakingCharge.replayAll(t.takingCharge ?? [])
  const { readings, facts, observations } = readingsOf(t, profile, rubric, options.sensitivityLimit ?? 500)
  const sensitivity =
    observations.length === 0
      ? undefined
      : Sensitivity.analyseReading(
          observations,
          { index: profile.interventionIndex, class: profile.interventionClass },
          rubric
        )
  const measurements =
    (t.measurements ?? []).length > 0 ? (t.measurements ?? []) : (options.measurements ?? [])
  const indicators = new Map((t.indicators ?? []).map((d) => [d.id as string, d]))
  const progress = (t.assignments ?? []).flatMap((assignment) => {
    const definition = indicators.get(assignment.indicator)
    return definition === undefined ? [] : [Progress.progress(definition, assignment, measurements)]
  })
  const published =
    measurements.length === 0
      ? undefined
      : Published.publish(Summary.fromMeasurements(measurements), {
          threshold,
          ...(rounding === undefined ? {} : { rounding })
        })
  const slice = {
    actors: t.actors,
    indicators: t.indicators ?? [],
    assignments: t.assignments ?? [],
    measurements,
    ...(t.pact === undefined ? {} : { pact: t.pact })
  }
  return {
    profile,
    rubric,
    ...(sensitivity === undefined ? {} : { sensitivity }),
    interventions: readings,
    recommendations: recommendationsOf(
      facts,
      readings,
      options.recommendations ?? 5,
      options.recommendFrom ?? 50,
      rubric
    ),
    network: networkOf(t, options),
    needs: needsOf(t),
    takingCharge: takingChargeOf(replayed),
    coDesigns: (t.coDesigns ?? []).map((p) => ({
      id: p.id,
      title: p.title,
      kind: p.kind,
      stage: CoDesign.state(p).stage,
      findings: CoDesign.audit(p, { actors: t.actors })
    })),
    progress,
    ...(published !== undefined && Either.isRight(published) ? { summary: published.right } : {}),
    accountability: (t.evaluations ?? []).map((round) => Evaluation.accountabilityReport(slice, round)),
    disclosure: {
      threshold,
      ...(rounding === undefined ? {} : { rounding }),
      status: Either.getOrElse(CoreDisclosure.decide(personFigures(t, replayed), { threshold }), () => ({}))
    }
  }
}

/** The rounding bases of shown counts of persons: from 2 to 10 (editorial, as `Published`'s). */
const roundingRange: readonly [min: number, max: number] = [2, 10]

const roundingOf = (x: number | undefined): number | undefined =>
  x === undefined || !Number.isFinite(x)
    ? undefined
    : Math.min(roundingRange[1], Math.max(roundingRange[0], Math.round(x)))

const thresholdOf = (x: number | undefined): number => {
  const [min, max] = CoreDisclosure.thresholdRange
  return x === undefined || !Number.isFinite(x)
    ? CoreDisclosure.defaultThreshold
    : Math.min(max, Math.max(min, Math.round(x)))
}

/**
 * Whether an actor is a person (a citizen): persons are counted in reports,
 * never named.
 *
 * @category predicates
 * @since 0.1.0
 */
export const isPerson = (actor: Pick<Actor.Actor, "kind">): boolean => actor.kind === "citizen"
