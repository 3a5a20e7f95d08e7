/**
 * What `assess`, `evaluate` and `report` compute from a valid territory:
 * the territory assessment, the progress of every indicator assignment, the
 * published summary of the measurements (small counts suppressed) and the
 * ties of the partnership network. Reads the territory structurally, so
 * records the territory does not hold yet count as none.
 *
 * @since 0.1.0
 */
import {
  type CoDesign,
  type Indicator,
  type IndicatorAssignment,
  type Intervention,
  type Measurement,
  type Partnership,
  PartnershipNetwork,
  Progress,
  Published,
  Rubric,
  Summary,
  type TakingCharge,
  type Territory,
  TerritoryAssessment
} from "@welfare/core"
import * as Either from "effect/Either"
import type { StreamedSummary } from "./load.js"
import { ofAssignment, plain } from "./stream.js"

/**
 * The records of a territory that the analysis reads, each optional.
 *
 * @category models
 * @since 0.1.0
 */
export interface Records {
  readonly interventions?: ReadonlyArray<Intervention.InterventionInput>
  readonly partnerships?: ReadonlyArray<Partnership.Partnership>
  readonly coDesigns?: ReadonlyArray<CoDesign.Process>
  readonly takingCharge?: ReadonlyArray<TakingCharge.Event>
  readonly indicators?: ReadonlyArray<Indicator.IndicatorDefinition>
  readonly assignments?: ReadonlyArray<IndicatorAssignment.IndicatorAssignment>
  readonly measurements?: ReadonlyArray<Measurement.Measurement>
}

/**
 * The results of the analysis of a territory.
 *
 * @category models
 * @since 0.1.0
 */
export interface Analysis {
  readonly territory: Territory.Territory & Records
  readonly profile: TerritoryAssessment.TerritoryProfile
  readonly progress: ReadonlyArray<Progress.AssignmentProgress>
  readonly summary: Published.Published | undefined
  readonly network: ReadonlyArray<PartnershipNetwork.Tie>
  readonly indicators: ReadonlyMap<string, Indicator.IndicatorDefinition>
}

/**
 * The progress of every assignment and the published summary, from a detail
 * summary of the measurements (see `stream.ts`): the same as
 * `Progress.progress` and `Summary.fromMeasurements` over the measurements;
 * `options`, the summary's threshold and rounding (`Published.publish`).
 *
 * @category calculators
 * @since 0.1.0
 */
export const fromDetail = (
  territory: Territory.Territory,
  streamed: StreamedSummary,
  options: Published.Options = {}
): Pick<Analysis, "progress" | "summary"> => {
  const t = territory as Territory.Territory & Records
  const indicators = new Map<string, Indicator.IndicatorDefinition>(
    (t.indicators ?? []).map((d) => [d.id, d])
  )
  const progress = (t.assignments ?? []).flatMap((assignment) => {
    const definition = indicators.get(assignment.indicator)
    return definition === undefined
      ? []
      : [
          Progress.fromSummary(
            definition,
            assignment,
            ofAssignment(streamed.detail, assignment.id, assignment.indicator)
          )
        ]
  })
  const empty = Object.keys(streamed.detail.cells).length === 0
  const published = empty ? undefined : Published.publish(plain(streamed.detail), options)
  return {
    progress,
    summary: published !== undefined && Either.isRight(published) ? published.right : undefined
  }
}

/**
 * Analyses a valid territory; `streamed`, the summary of its measurements
 * when an NDJSON file was given (see `load.ts`); `rubric`, the rubric of the
 * assessment (the default one when absent).
 *
 * @category calculators
 * @since 0.1.0
 */
export const analyse = (
  territory: Territory.Territory,
  streamed?: StreamedSummary,
  rubric: Rubric.Rubric = Rubric.defaultRubric
): Analysis => {
  const t = territory as Territory.Territory & Records
  const measurements: ReadonlyArray<Measurement.Measurement> = t.measurements ?? []
  const indicators = new Map<string, Indicator.IndicatorDefinition>(
    (t.indicators ?? []).map((d) => [d.id, d])
  )
  if (streamed !== undefined)
    return {
      territory: t,
      profile: TerritoryAssessment.assessTerritory(t, rubric),
      ...fromDetail(territory, streamed),
      network: PartnershipNetwork.ties(PartnershipNetwork.fromTerritory(t)),
      indicators
    }
  const progress = (t.assignments ?? []).flatMap((assignment) => {
    const definition = indicators.get(assignment.indicator)
    return definition === undefined ? [] : [Progress.progress(definition, assignment, measurements)]
  })
  const published =
    measurements.length === 0 ? undefined : Published.publish(Summary.fromMeasurements(measurements))
  return {
    territory: t,
    profile: TerritoryAssessment.assessTerritory(t, rubric),
    progress,
    summary: published !== undefined && Either.isRight(published) ? published.right : undefined,
    network: PartnershipNetwork.ties(PartnershipNetwork.fromTerritory(t)),
    indicators
  }
}

/**
 * A report's analysis with the progress and the published summary of
 * streamed measurements (see {@link fromDetail}) in place of its own.
 *
 * @category calculators
 * @since 0.1.0
 */
export const withStreamed = <A extends { readonly progress: unknown; readonly summary?: unknown }>(
  analysis: A,
  streamed: Pick<Analysis, "progress" | "summary">
): A => {
  const { summary: _, ...rest } = analysis
  return {
    ...rest,
    progress: streamed.progress,
    ...(streamed.summary === undefined ? {} : { summary: streamed.summary })
  } as unknown as A
}
