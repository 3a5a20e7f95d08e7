import type { Dimension, TerritoryAssessment } from "@welfare/core"
import { type Column, col, orNull, type Rows, type Value } from "./model.js"

/**
 * A row of {@link territoryInterventions}: one intervention's line of a
 * territory profile.
 *
 * @category models
 * @since 0.1.0
 */
export interface TerritoryInterventionRow {
  readonly [column: string]: Value
  readonly intervention: string
  readonly index: number | null
  readonly class: string
  readonly coverage: number
  readonly depth: number
  readonly derived_share: number
}

/**
 * The columns of {@link territoryInterventions}, in order.
 *
 * @category constants
 * @since 0.1.0
 */
export const territoryInterventionColumns: ReadonlyArray<Column> = [
  col("intervention", "string", false, "Id dell'intervento", "Id of the intervention"),
  col("index", "number", true, "Indice dell'intervento", "Index of the intervention"),
  col("class", "string", false, "Esito", "Verdict"),
  col("coverage", "number", false, "Copertura in [0, 1]", "Coverage in [0, 1]"),
  col("depth", "number", false, "Profondità in [0, 1]", "Depth in [0, 1]"),
  col(
    "derived_share",
    "number",
    false,
    "Quota del peso presente che poggia su fatti derivati dai registri",
    "Share of the weight present that rests on facts derived from the records"
  )
]

/**
 * The interventions' lines of a territory profile
 * (`TerritoryAssessment.assessTerritory`): a row per intervention.
 *
 * @category conversions
 * @since 0.1.0
 */
export const territoryInterventions = (
  profile: Pick<TerritoryAssessment.TerritoryProfile, "interventions">
): Rows<TerritoryInterventionRow> => ({
  name: "territory_interventions",
  columns: territoryInterventionColumns,
  rows: profile.interventions.map((i) => ({
    intervention: i.id,
    index: orNull(i.index),
    class: i.class,
    coverage: i.coverage,
    depth: i.depth,
    derived_share: i.derivedShare
  }))
})

/**
 * A row of {@link territoryDimensions}: the interventions' reading of one
 * dimension.
 *
 * @category models
 * @since 0.1.0
 */
export interface TerritoryDimensionRow {
  readonly [column: string]: Value
  readonly dimension: Dimension.Dimension
  readonly position: number | null
  readonly observed_in: number
  readonly coverage: number
  readonly depth: number
}

/**
 * The columns of {@link territoryDimensions}, in order.
 *
 * @category constants
 * @since 0.1.0
 */
export const territoryDimensionColumns: ReadonlyArray<Column> = [
  col("dimension", "string", false, "Dimensione", "Dimension"),
  col(
    "position",
    "number",
    true,
    "Posizione media degli interventi che la osservano",
    "Mean position of the interventions that observe it"
  ),
  col("observed_in", "integer", false, "Interventi che la osservano", "Interventions that observe it"),
  col("coverage", "number", false, "Copertura media", "Mean coverage"),
  col("depth", "number", false, "Profondità media", "Mean depth")
]

/**
 * The interventions' reading of a territory, dimension by dimension: a row
 * per dimension, in the order of `Dimension.values`.
 *
 * @category conversions
 * @since 0.1.0
 */
export const territoryDimensions = (
  profile: Pick<TerritoryAssessment.TerritoryProfile, "dimensions">
): Rows<TerritoryDimensionRow> => ({
  name: "territory_dimensions",
  columns: territoryDimensionColumns,
  rows: Object.values(profile.dimensions).map((d) => ({
    dimension: d.dimension,
    position: orNull(d.position),
    observed_in: d.observedIn,
    coverage: d.coverage,
    depth: d.depth
  }))
})

/**
 * A row of {@link territoryChecks}: a system check or an item of a
 * maturity checklist.
 *
 * @category models
 * @since 0.1.0
 */
export interface TerritoryCheckRow {
  readonly [column: string]: Value
  readonly group: "system" | "moves" | "characteristics"
  readonly id: string
  readonly value: number
  readonly threshold: number | null
  readonly status: TerritoryAssessment.Status | null
  readonly source_file: string
  readonly source_row: number
  readonly text_it: string
  readonly text_en: string
}

/**
 * The columns of {@link territoryChecks}, in order.
 *
 * @category constants
 * @since 0.1.0
 */
export const territoryCheckColumns: ReadonlyArray<Column> = [
  col(
    "group",
    "string",
    false,
    "Lettura: system, moves o characteristics",
    "Reading: system, moves or characteristics"
  ),
  col("id", "string", false, "Id della verifica", "Id of the check"),
  col("value", "number", false, "Valore in [0, 1]", "Value in [0, 1]"),
  col(
    "threshold",
    "number",
    true,
    "Soglia (scelta editoriale); vuota per le verifiche di sistema",
    "Threshold (editorial); empty for system checks"
  ),
  col("status", "string", true, "Stato: met, partly, not-met", "Status: met, partly, not-met"),
  col("source_file", "string", false, "File del seed citato", "Seed file quoted"),
  col("source_row", "integer", false, "Riga del seed citata", "Seed row quoted"),
  col("text_it", "string", false, "La verifica, in italiano", "The check, in Italian"),
  col("text_en", "string", false, "La verifica, in inglese", "The check, in English")
]

/**
 * The system reading and the two maturity checklists of a territory
 * profile: the system checks first, then the moves, then the
 * characteristics.
 *
 * @category conversions
 * @since 0.1.0
 */
export const territoryChecks = (
  profile: Pick<TerritoryAssessment.TerritoryProfile, "system" | "moves" | "characteristics">
): Rows<TerritoryCheckRow> => ({
  name: "territory_checks",
  columns: territoryCheckColumns,
  rows: [
    ...profile.system.map(
      (s): TerritoryCheckRow => ({
        group: "system",
        id: s.id,
        value: s.value,
        threshold: null,
        status: null,
        source_file: s.source.file,
        source_row: s.source.row,
        text_it: s.text.it,
        text_en: s.text.en
      })
    ),
    ...(["moves", "characteristics"] as const).flatMap((group) =>
      profile[group].items.map(
        (i): TerritoryCheckRow => ({
          group,
          id: i.id,
          value: i.value,
          threshold: i.threshold,
          status: i.status,
          source_file: i.source.file,
          source_row: i.source.row,
          text_it: i.text.it,
          text_en: i.text.en
        })
      )
    )
  ]
})

/**
 * A row of {@link territoryReading}: the two readings of a territory and its
 * verdict.
 *
 * @category models
 * @since 0.1.0
 */
export interface TerritoryReadingRow {
  readonly [column: string]: Value
  readonly intervention_index: number | null
  readonly intervention_class: string
  readonly coverage: number
  readonly depth: number
  readonly system_index: number
  readonly system_class: string
  readonly index: number | null
  readonly class: string
  readonly capped: boolean
  readonly moves_maturity: number
  readonly characteristics_maturity: number
  readonly ladder_reached: string | null
}

/**
 * The columns of {@link territoryReading}, in order.
 *
 * @category constants
 * @since 0.1.0
 */
export const territoryReadingColumns: ReadonlyArray<Column> = [
  col(
    "intervention_index",
    "number",
    true,
    "Lettura degli interventi: indice",
    "Interventions' reading: index"
  ),
  col(
    "intervention_class",
    "string",
    false,
    "Lettura degli interventi: esito",
    "Interventions' reading: verdict"
  ),
  col("coverage", "number", false, "Copertura media degli interventi", "Mean coverage of the interventions"),
  col("depth", "number", false, "Profondità media degli interventi", "Mean depth of the interventions"),
  col("system_index", "number", false, "Lettura di sistema: indice", "System reading: index"),
  col("system_class", "string", false, "Lettura di sistema: classe", "System reading: class"),
  col("index", "number", true, "Media delle due letture", "Mean of the two readings"),
  col("class", "string", false, "Esito del territorio", "Verdict of the territory"),
  col(
    "capped",
    "boolean",
    false,
    "Se l'esito generativo degli interventi è limitato a transizionale dal sistema",
    "Whether the interventions' generative verdict is capped at transitional by the system"
  ),
  col("moves_maturity", "number", false, "Maturità delle mosse", "Maturity of the moves"),
  col(
    "characteristics_maturity",
    "number",
    false,
    "Maturità delle caratteristiche",
    "Maturity of the characteristics"
  ),
  col(
    "ladder_reached",
    "string",
    true,
    "Gradino più alto del welfare di comunità",
    "Highest rung of community welfare"
  )
]

/**
 * The two readings of a territory side by side and its verdict: one row.
 *
 * @example
 * ```ts
 * import * as assert from "node:assert"
 * import { TerritoryAssessment } from "@welfare/core"
 * import { Rows } from "@welfare/tables"
 *
 * const profile = TerritoryAssessment.assessTerritory({ actors: [], partnerships: [], interventions: [] })
 * const [reading] = Rows.territoryReading(profile).rows
 * assert.strictEqual(reading!.intervention_index, null)
 * assert.strictEqual(reading!.class, profile.class)
 * ```
 *
 * @category conversions
 * @since 0.1.0
 */
export const territoryReading = (
  profile: TerritoryAssessment.TerritoryProfile
): Rows<TerritoryReadingRow> => ({
  name: "territory_reading",
  columns: territoryReadingColumns,
  rows: [
    {
      intervention_index: orNull(profile.interventionIndex),
      intervention_class: profile.interventionClass,
      coverage: profile.coverage,
      depth: profile.depth,
      system_index: profile.systemIndex,
      system_class: profile.systemClass,
      index: orNull(profile.index),
      class: profile.class,
      capped: profile.capped,
      moves_maturity: profile.moves.maturity,
      characteristics_maturity: profile.characteristics.maturity,
      ladder_reached: orNull(profile.ladder.reached)
    }
  ]
})
