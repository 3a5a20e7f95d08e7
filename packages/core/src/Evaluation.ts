/**
 * Shared evaluation and accountability (rendicontazione): the sixth move of
 * responsible welfare, "processi di rendicontazione (accountability) e di
 * valutazione condivisi", which make procedures and the responsibilities of
 * the actors transparent and traceable and show what works and what does not
 * (seed 001, rows 35-37).
 *
 * An evaluation round lists its evaluators (actors, and final recipients as a
 * count and optionally pseudonymous ids), its period and the assignments it
 * evaluates; {@link roundFindings} flags an evaluation done by one sector only
 * or without final recipients. {@link validate} checks a whole evaluation
 * slice of a territory at once, and {@link accountabilityReport} gathers the
 * data of a report: the Pact's commitments per signatory, what each
 * delivered, indicators and their progress, and the evidence.
 *
 * @since 0.1.0
 */

import type * as Effect from "effect/Effect"
import { dual } from "effect/Function"
import * as Schema from "effect/Schema"
import * as Actor from "./Actor.js"
import type * as CitizenshipCharter from "./CitizenshipCharter.js"
import * as Decoder from "./Decoder.js"
import * as Indicator from "./Indicator.js"
import * as IndicatorAssignment from "./IndicatorAssignment.js"
import { toEffect, validator } from "./internal/contract.js"
import { duplicateIds, unknownReference } from "./internal/integrity.js"
import { id, optional } from "./internal/schema.js"
import type { Labels } from "./Label.js"
import * as Measurement from "./Measurement.js"
import type * as Partnership from "./Partnership.js"
import * as Person from "./Person.js"
import * as Problem from "./Problem.js"
import * as Progress from "./Progress.js"
import * as Resource from "./Resource.js"
import * as Summary from "./Summary.js"

/**
 * The id of an evaluation round.
 *
 * @category models
 * @since 0.1.0
 */
export const RoundId = id("EvaluationRoundId", "eval", "The id of an evaluation round.")

/**
 * @category models
 * @since 0.1.0
 */
export type RoundId = typeof RoundId.Type

/**
 * The final recipients who took part in an evaluation: how many, and
 * optionally their pseudonymous ids.
 *
 * @category models
 * @since 0.1.0
 */
export const FinalRecipients = Schema.Struct({
  count: Schema.Int.pipe(Schema.nonNegative()),
  persons: optional(Schema.Array(Person.PersonId))
}).annotations({ identifier: "FinalRecipients", title: "FinalRecipients" })

/**
 * An evaluation round: who evaluated (actors and final recipients), over
 * which period, which assignments.
 *
 * @category models
 * @since 0.1.0
 */
export const EvaluationRound = Schema.Struct({
  id: RoundId,
  period: IndicatorAssignment.Period,
  evaluators: Schema.Array(Actor.ActorId),
  finalRecipients: optional(FinalRecipients),
  assignments: Schema.Array(IndicatorAssignment.AssignmentId)
}).annotations({
  identifier: "EvaluationRound",
  title: "EvaluationRound",
  description: "A round of shared evaluation: its evaluators, period and the assignments it evaluates."
})

/**
 * @category models
 * @since 0.1.0
 */
export interface EvaluationRound extends Schema.Schema.Type<typeof EvaluationRound> {}

/**
 * The encoded (JSON) form of an evaluation round.
 *
 * @category models
 * @since 0.1.0
 */
export interface EvaluationRoundEncoded extends Schema.Schema.Encoded<typeof EvaluationRound> {}

/**
 * The sectors of a round's evaluators, in display order; final recipients who
 * took part count as the community sector.
 *
 * @category getters
 * @since 0.1.0
 */
export const sectorsOf: {
  (
    actors: ReadonlyArray<Pick<Actor.Actor, "id" | "kind">>
  ): (
    round: Pick<EvaluationRound, "evaluators"> & { readonly finalRecipients?: { readonly count: number } }
  ) => ReadonlyArray<Actor.Sector>
  (
    round: Pick<EvaluationRound, "evaluators"> & { readonly finalRecipients?: { readonly count: number } },
    actors: ReadonlyArray<Pick<Actor.Actor, "id" | "kind">>
  ): ReadonlyArray<Actor.Sector>
} = dual(
  2,
  (
    round: Pick<EvaluationRound, "evaluators"> & { readonly finalRecipients?: { readonly count: number } },
    actors: ReadonlyArray<Pick<Actor.Actor, "id" | "kind">>
  ): ReadonlyArray<Actor.Sector> => {
    const byId = new Map(actors.map((a) => [a.id as string, a]))
    const seen = new Set<Actor.Sector>()
    for (const e of round.evaluators) {
      const a = byId.get(e)
      if (a !== undefined) seen.add(Actor.sectorOf(a))
    }
    if ((round.finalRecipients?.count ?? 0) > 0) seen.add("community")
    return Actor.sectors.filter((s) => seen.has(s))
  }
)

/**
 * The findings of one round: a period that ends before it starts (error), an
 * evaluation done by one sector only (warning, seed 001 rows 35-37), no final
 * recipients among the evaluators (warning, seed 003 row 53), and more
 * pseudonymous ids than the count of final recipients (error).
 *
 * @example
 * ```ts
 * import * as assert from "node:assert"
 * import { Evaluation } from "@welfare/core"
 *
 * const findings = Evaluation.roundFindings(
 *   { id: "eval-2016" as never, period: { start: "2016-01-01", end: "2016-12-31" }, evaluators: ["comune-legnano", "ufficio-di-piano"] as never, assignments: [] },
 *   [{ id: "comune-legnano" as never, kind: "local-authority" }, { id: "ufficio-di-piano" as never, kind: "public-institution" }],
 *   ["evaluations", 0]
 * )
 * assert.deepStrictEqual(findings.map((f) => f.code), ["one-sector-evaluation", "no-final-recipients"])
 * ```
 *
 * @category validation
 * @since 0.1.0
 */
export const roundFindings = (
  round: EvaluationRound,
  actors: ReadonlyArray<Pick<Actor.Actor, "id" | "kind">>,
  path: ReadonlyArray<Problem.PathSegment>
): Array<Indicator.Diagnostic> => {
  const out: Array<Indicator.Diagnostic> = []
  if (round.period.end < round.period.start)
    out.push(
      Problem.diagnostic(
        "period-ends-before-start",
        "error",
        [...path, "period", "end"],
        `the round ends on ${round.period.end}, before it starts on ${round.period.start}: correct the dates`,
        "IATI"
      )
    )
  const sectors = sectorsOf(round, actors)
  if (sectors.length <= 1)
    out.push(
      Problem.diagnostic(
        "one-sector-evaluation",
        "warning",
        [...path, "evaluators"],
        sectors.length === 0
          ? "no known evaluator: a shared evaluation involves actors of several sectors"
          : `every evaluator belongs to the ${sectors[0]} sector: a shared evaluation involves actors of several sectors`,
        "seed 001, rows 35-37"
      )
    )
  const recipients = round.finalRecipients
  if (recipients === undefined || recipients.count === 0)
    out.push(
      Problem.diagnostic(
        "no-final-recipients",
        "warning",
        [...path, "finalRecipients"],
        "no final recipient took part: involve the final recipients in verifying the actions",
        "seed 003, row 53"
      )
    )
  else if (recipients.persons !== undefined && recipients.persons.length > recipients.count)
    out.push(
      Problem.diagnostic(
        "unknown-reference",
        "error",
        [...path, "finalRecipients", "persons"],
        `${recipients.persons.length} final recipients are listed but the count is ${recipients.count}: correct the count`,
        "seed 003, row 53"
      )
    )
  return out
}

/**
 * Every reference problem of a list of rounds: duplicate ids, unknown
 * evaluators and assignments.
 *
 * @category validation
 * @since 0.1.0
 */
export const referenceProblems = (
  items: ReadonlyArray<EvaluationRound>,
  known: { readonly actors: ReadonlySet<string>; readonly assignments: ReadonlySet<string> },
  path: ReadonlyArray<Problem.PathSegment> = ["evaluations"]
): Array<Problem.Problem> => {
  const problems = duplicateIds(items, (r) => r.id, path, "evaluation round")
  items.forEach((r, i) => {
    r.evaluators.forEach((e, j) => {
      problems.push(...unknownReference(known.actors, e, [...path, i, "evaluators", j], "actor", "actors"))
    })
    r.assignments.forEach((a, j) => {
      problems.push(
        ...unknownReference(known.assignments, a, [...path, i, "assignments", j], "assignment", "assignments")
      )
    })
  })
  return problems
}

/**
 * The evaluation slice of a territory: what {@link validate} and
 * {@link accountabilityReport} read. `measurements` may be any `Iterable`.
 *
 * @category models
 * @since 0.1.0
 */
export interface TerritorySlice {
  readonly actors: ReadonlyArray<Pick<Actor.Actor, "id" | "kind">>
  readonly indicators: ReadonlyArray<Indicator.IndicatorDefinition>
  readonly assignments: ReadonlyArray<IndicatorAssignment.IndicatorAssignment>
  readonly measurements: Iterable<Measurement.Measurement>
  readonly evaluations?: ReadonlyArray<EvaluationRound>
}

/**
 * Every finding of an evaluation slice, all at once: duplicate indicators,
 * assignments against definitions, measurements against both (as of `asOf`),
 * and every round.
 *
 * @category validation
 * @since 0.1.0
 */
export const validate = (
  slice: TerritorySlice,
  options: { readonly asOf: string }
): Array<Indicator.Diagnostic> => [
  ...Indicator.referenceProblems(slice.indicators).map((p) =>
    Problem.diagnostic("duplicate-id", "error", p.path, p.message, "Common Impact Data Standard")
  ),
  ...IndicatorAssignment.validate(slice.assignments, slice.indicators),
  ...Measurement.validate(slice, { asOf: options.asOf }),
  ...(slice.evaluations ?? []).flatMap((r, i) => roundFindings(r, slice.actors, ["evaluations", i]))
]

/**
 * The Pact as the report reads it: each signatory with the projects it
 * supports, the responsibilities it takes and the resources it puts in (the
 * `SolidarityPact` model fits).
 *
 * @category models
 * @since 0.1.0
 */
export interface PactSlice {
  readonly signatories: ReadonlyArray<{
    readonly actor: Actor.ActorId
    readonly supports: ReadonlyArray<CitizenshipCharter.ProjectId>
    readonly responsibilities: ReadonlyArray<Partnership.Responsibility>
    readonly resources: ReadonlyArray<Resource.Resource>
  }>
}

/**
 * One piece of evidence: a measurement of the round, by reference (never a
 * person's data).
 *
 * @category models
 * @since 0.1.0
 */
export interface Evidence {
  readonly assignment: IndicatorAssignment.AssignmentId
  readonly indicator: Indicator.IndicatorId
  readonly period: IndicatorAssignment.Period
  readonly measuredBy: Actor.ActorId
  readonly source: Measurement.Source
  readonly municipality?: Actor.MunicipalityId
  readonly measurement?: Measurement.MeasurementId
}

/**
 * What one signatory committed and delivered.
 *
 * - `committed`: the projects it supports, its responsibilities and the totals of its resources.
 * - `responsibleFor`: the assignments of the round it answers for, with their latest status.
 * - `delivered`: the measurements it recorded in the round, and the totals of
 *   the figures it recorded in hours and euro (what it reports it delivered).
 *
 * @category models
 * @since 0.1.0
 */
export interface SignatoryAccount {
  readonly actor: Actor.ActorId
  readonly sector?: Actor.Sector
  readonly committed: {
    readonly projects: ReadonlyArray<CitizenshipCharter.ProjectId>
    readonly responsibilities: ReadonlyArray<Partnership.Responsibility>
    readonly resources: Resource.Totals
  }
  readonly responsibleFor: ReadonlyArray<{
    readonly assignment: IndicatorAssignment.AssignmentId
    readonly status: Progress.Status
  }>
  readonly delivered: {
    readonly measurements: number
    readonly hours: number
    readonly euro: number
  }
}

/**
 * The data of an accountability report (rendicontazione) for one round.
 *
 * @category models
 * @since 0.1.0
 */
export interface AccountabilityReport {
  readonly round: RoundId
  readonly period: IndicatorAssignment.Period
  readonly evaluators: {
    readonly actors: ReadonlyArray<Actor.ActorId>
    readonly sectors: ReadonlyArray<Actor.Sector>
    readonly finalRecipients: number
  }
  readonly findings: ReadonlyArray<Indicator.Diagnostic>
  readonly signatories: ReadonlyArray<SignatoryAccount>
  readonly indicators: ReadonlyArray<{
    readonly assignment: IndicatorAssignment.AssignmentId
    readonly indicator: Indicator.IndicatorId
    readonly label?: Indicator.IndicatorDefinition["label"]
    readonly rba?: Indicator.RbaCategory
    readonly responsible: ReadonlyArray<Actor.ActorId>
    readonly progress?: Progress.AssignmentProgress
  }>
  readonly evidence: ReadonlyArray<Evidence>
}

const within = (p: IndicatorAssignment.Period, round: IndicatorAssignment.Period): boolean =>
  p.start >= round.start && p.end <= round.end

/**
 * The data of an accountability report for a round: the round's evaluators
 * and findings; for each signatory of the Pact, what it committed, the
 * assignments it answers for and their status, and what it delivered; each
 * evaluated indicator with its progress over the periods inside the round;
 * and the evidence (the measurements of the round, by reference). Reads the
 * measurements once. Data only: rendering is `@welfare/report`'s job.
 *
 * @category calculators
 * @since 0.1.0
 */
export const accountabilityReport = (
  territory: TerritorySlice & { readonly pact?: PactSlice },
  round: EvaluationRound,
  options: { readonly asOf?: string } = {}
): AccountabilityReport => {
  const evaluated = new Set<string>(round.assignments)
  const assignments = territory.assignments.filter((a) => evaluated.has(a.id))
  const definitions = new Map(territory.indicators.map((d) => [d.id as string, d]))
  const { perAssignment, evidence, delivered } = roundMeasurements(territory.measurements, assignments, round)
  const indicators = assignments.map((a) => {
    const definition = definitions.get(a.indicator)
    const inRound = { ...a, periods: a.periods.filter((p) => within(p, round.period)) }
    const progress =
      definition === undefined
        ? undefined
        : Progress.fromSummary(definition, inRound, perAssignment.get(a.id)!.result(), options)
    return {
      assignment: a.id,
      indicator: a.indicator,
      ...(definition === undefined ? {} : { label: definition.label, rba: definition.rba }),
      responsible: a.responsible,
      ...(progress === undefined ? {} : { progress })
    }
  })
  const latestStatus = new Map<string, Progress.Status>()
  for (const i of indicators) {
    const last = i.progress?.periods.at(-1)
    latestStatus.set(i.assignment, last?.status ?? "no-data")
  }
  const actorsById = new Map(territory.actors.map((a) => [a.id as string, a]))
  const signatories = signatoryAccounts(
    territory.pact?.signatories ?? [],
    actorsById,
    assignments,
    latestStatus,
    delivered
  )
  return {
    round: round.id,
    period: round.period,
    evaluators: {
      actors: round.evaluators,
      sectors: sectorsOf(round, territory.actors),
      finalRecipients: round.finalRecipients?.count ?? 0
    },
    findings: roundFindings(round, territory.actors, ["evaluations", round.id]),
    signatories,
    indicators,
    evidence
  }
}

type Delivered = { measurements: number; hours: number; euro: number }

/**
 * The round's measurements of its assignments: each assignment's summary,
 * the evidence list, and what each actor delivered (measurements, hours, euro).
 */
const roundMeasurements = (
  measurements: TerritorySlice["measurements"],
  assignments: ReadonlyArray<IndicatorAssignment.IndicatorAssignment>,
  round: EvaluationRound
) => {
  const perAssignment = new Map<string, Summary.Accumulator>()
  for (const a of assignments) perAssignment.set(a.id, Summary.accumulator())
  const evidence: Array<Evidence> = []
  const delivered = new Map<string, Delivered>()
  for (const m of measurements) {
    const acc = perAssignment.get(m.assignment)
    if (acc === undefined || !within(m.period, round.period)) continue
    acc.add(m)
    evidence.push({
      assignment: m.assignment,
      indicator: m.indicator,
      period: m.period,
      measuredBy: m.measuredBy,
      source: m.source,
      ...(m.municipality === undefined ? {} : { municipality: m.municipality }),
      ...(m.id === undefined ? {} : { measurement: m.id })
    })
    const d = delivered.get(m.measuredBy) ?? { measurements: 0, hours: 0, euro: 0 }
    d.measurements++
    if (m.value !== undefined && m.unit === "hour") d.hours += m.value
    if (m.value !== undefined && m.unit === "euro") d.euro += m.value
    delivered.set(m.measuredBy, d)
  }
  return { perAssignment, evidence, delivered }
}

/** Each signatory of the Pact: what it committed, the assignments it answers for (latest status), what it delivered. */
const signatoryAccounts = (
  pactSignatories: NonNullable<PactSlice["signatories"]>,
  actorsById: ReadonlyMap<string, TerritorySlice["actors"][number]>,
  assignments: ReadonlyArray<IndicatorAssignment.IndicatorAssignment>,
  latestStatus: ReadonlyMap<string, Progress.Status>,
  delivered: ReadonlyMap<string, Delivered>
): Array<SignatoryAccount> =>
  pactSignatories.map((s) => {
    const actor = actorsById.get(s.actor)
    return {
      actor: s.actor,
      ...(actor === undefined ? {} : { sector: Actor.sectorOf(actor) }),
      committed: {
        projects: s.supports,
        responsibilities: s.responsibilities,
        resources: Resource.totals(s.resources)
      },
      responsibleFor: assignments
        .filter((a) => a.responsible.includes(s.actor))
        .map((a) => ({ assignment: a.id, status: latestStatus.get(a.id) ?? "no-data" })),
      delivered: delivered.get(s.actor) ?? { measurements: 0, hours: 0, euro: 0 }
    }
  })

/**
 * Decodes an evaluation round from unknown input (parsed JSON), with every problem at
 * once, each with its path; unknown properties are problems.
 *
 * @category decoding
 * @since 0.2.0
 */
export const decode: (input: unknown) => Problem.Result<EvaluationRound> = Decoder.lazy(EvaluationRound)

/**
 * {@link decode} as an `Effect` that fails with a `Problem.ValidationError`.
 *
 * @category decoding
 * @since 0.2.0
 */
export const decodeEffect: (input: unknown) => Effect.Effect<EvaluationRound, Problem.ValidationError> =
  toEffect(decode)

/**
 * Encodes an evaluation round to its JSON form.
 *
 * @category encoding
 * @since 0.2.0
 */
export const encode: (value: EvaluationRound) => EvaluationRoundEncoded = Schema.encodeSync(EvaluationRound)

/**
 * Builds an evaluation round from typed fields without checking them, for trusted
 * builders (fixtures, generators, code that built them from checked values);
 * {@link make} is the checked way.
 *
 * @category constructors
 * @since 0.3.0
 */
export const unsafeMake = (fields: EvaluationRound): EvaluationRound => fields

const checkFields = validator(EvaluationRound)

/**
 * Builds an evaluation round from typed fields, checked against its schema (the
 * refinements and cross-field rules {@link decode} applies): the value, or
 * every problem with its path. Never throws.
 *
 * @category constructors
 * @since 0.3.0
 */
export const make = (fields: EvaluationRound): Problem.Result<EvaluationRound> => checkFields(fields)

/**
 * The module's words in Italian and English: the entity's name and the
 * headings of its main fields (its enumerations have their own tables).
 *
 * @category labels
 * @since 0.3.0
 */
export const labels: Labels<"round" | "rounds" | "participants"> = {
  round: { it: "Giro di valutazione", en: "Evaluation round" },
  rounds: { it: "Giri di valutazione", en: "Evaluation rounds" },
  participants: { it: "Partecipanti", en: "Participants" }
}
