import type { Assessment, Dimension } from "@welfare/core"
import { type Column, col, orNull, type Rows, type Value } from "./model.js"

/**
 * A row of {@link profiles}: one dimension of one profile.
 *
 * @category models
 * @since 0.1.0
 */
export interface ProfileRow {
  readonly [column: string]: Value
  readonly intervention: string | null
  readonly dimension: Dimension.Dimension
  readonly position: number | null
  readonly observed: boolean
  readonly coverage: number
  readonly depth: number
  readonly generative: number
  readonly traditional: number
  readonly profile_index: number | null
  readonly profile_class: string
}

/**
 * The columns of {@link profiles}, in order.
 *
 * @category constants
 * @since 0.1.0
 */
export const profileColumns: ReadonlyArray<Column> = [
  col("intervention", "string", true, "Id dell'intervento", "Id of the intervention"),
  col("dimension", "string", false, "Dimensione (seed 000)", "Dimension (seed 000)"),
  col(
    "position",
    "number",
    true,
    "Posizione in [0, 1] (0 tradizionale, 1 generativo); vuota se non osservata",
    "Position in [0, 1] (0 traditional, 1 generative); empty when not observed"
  ),
  col("observed", "boolean", false, "Se la dimensione è osservata", "Whether the dimension is observed"),
  col(
    "coverage",
    "number",
    false,
    "Copertura delle evidenze in [0, 1]",
    "Coverage of the evidence in [0, 1]"
  ),
  col("depth", "number", false, "Profondità generativa in [0, 1]", "Generative depth in [0, 1]"),
  col("generative", "number", false, "Peso generativo presente", "Generative weight present"),
  col("traditional", "number", false, "Peso tradizionale presente", "Traditional weight present"),
  col("profile_index", "number", true, "Indice del profilo", "Index of the profile"),
  col("profile_class", "string", false, "Esito del profilo", "Verdict of the profile")
]

const many = <A>(x: A | ReadonlyArray<A>): ReadonlyArray<A> => (Array.isArray(x) ? x : [x as A])

/**
 * The readings of one or more assessment profiles: a row per profile and
 * dimension (seven per profile, in the order of `Dimension.values`).
 *
 * @example
 * ```ts
 * import * as assert from "node:assert"
 * import { Assessment, Intervention } from "@welfare/core"
 * import { Rows } from "@welfare/tables"
 *
 * const profile = Assessment.assess({
 *   id: Intervention.InterventionId.make("int-percorso"),
 *   delivery: "resources-responsibility-path",
 *   designed: "with",
 *   focus: "community-process",
 *   operatorRole: "facilitator"
 * })
 * const table = Rows.profiles(profile)
 * assert.strictEqual(table.rows.length, 7)
 * assert.deepStrictEqual(table.columns.slice(0, 3).map((c) => c.name), ["intervention", "dimension", "position"])
 * assert.strictEqual(table.rows[0]!.intervention, "int-percorso")
 * ```
 *
 * @category conversions
 * @since 0.1.0
 */
export const profiles = (
  input: Assessment.Profile | ReadonlyArray<Assessment.Profile>
): Rows<ProfileRow> => ({
  name: "profiles",
  columns: profileColumns,
  rows: many(input).flatMap((p) =>
    Object.values(p.dimensions).map(
      (d): ProfileRow => ({
        intervention: orNull(p.intervention),
        dimension: d.dimension,
        position: orNull(d.position),
        observed: d.observed,
        coverage: d.coverage,
        depth: d.depth,
        generative: d.generative,
        traditional: d.traditional,
        profile_index: orNull(p.index),
        profile_class: p.class
      })
    )
  )
})

/**
 * A row of {@link evidence}: one evidence item of one profile.
 *
 * @category models
 * @since 0.1.0
 */
export interface EvidenceRow {
  readonly [column: string]: Value
  readonly intervention: string | null
  readonly trait: string
  readonly dimension: Dimension.Dimension
  readonly pole: Dimension.Pole
  readonly weight: number
  readonly weight_provenance: "seed" | "editorial"
  readonly degree: number
  readonly share: number
  readonly contribution: number
  readonly index_contribution: number
  readonly source_file: string
  readonly source_row: number
  readonly provenance: "declared" | "derived"
  readonly records: string | null
  readonly text_it: string
  readonly text_en: string
}

/**
 * The columns of {@link evidence}, in order.
 *
 * @category constants
 * @since 0.1.0
 */
export const evidenceColumns: ReadonlyArray<Column> = [
  col("intervention", "string", true, "Id dell'intervento", "Id of the intervention"),
  col("trait", "string", false, "Tratto osservato", "Trait observed"),
  col("dimension", "string", false, "Dimensione", "Dimension"),
  col("pole", "string", false, "Polo (traditional o generative)", "Pole (traditional or generative)"),
  col("weight", "number", false, "Peso del tratto", "Weight of the trait"),
  col(
    "weight_provenance",
    "string",
    false,
    "Origine del peso: seed o editoriale",
    "Where the weight comes from: seed or editorial"
  ),
  col("degree", "number", false, "Grado osservato in [0, 1]", "Degree observed in [0, 1]"),
  col(
    "share",
    "number",
    false,
    "Quota del peso presente nella dimensione",
    "Share of the weight present on the dimension"
  ),
  col(
    "contribution",
    "number",
    false,
    "Contributo alla posizione della dimensione",
    "Contribution to the dimension's position"
  ),
  col("index_contribution", "number", false, "Contributo all'indice", "Contribution to the index"),
  col("source_file", "string", false, "File del seed citato", "Seed file quoted"),
  col("source_row", "integer", false, "Riga del seed citata", "Seed row quoted"),
  col(
    "provenance",
    "string",
    false,
    "Fatti dichiarati o derivati dai registri",
    "Facts declared or derived from the records"
  ),
  col(
    "records",
    "string",
    true,
    "Id dei registri letti, separati da ';'",
    "Ids of the records read, separated by ';'"
  ),
  col("text_it", "string", false, "Il tratto, in italiano", "The trait, in Italian"),
  col("text_en", "string", false, "Il tratto, in inglese", "The trait, in English")
]

/**
 * The evidence of one or more profiles: a row per evidence item, in
 * catalogue order, with the seed file and row it quotes.
 *
 * @example
 * ```ts
 * import * as assert from "node:assert"
 * import { Assessment, Intervention } from "@welfare/core"
 * import { Rows } from "@welfare/tables"
 *
 * const profile = Assessment.assess({ id: Intervention.InterventionId.make("int-voucher"), delivery: "request-benefit" })
 * const table = Rows.evidence(profile)
 * assert.strictEqual(table.rows.length, profile.evidence.length)
 * assert.ok(table.rows.every((r) => r.provenance === "declared" && r.records === null))
 * ```
 *
 * @category conversions
 * @since 0.1.0
 */
export const evidence = (
  input: Assessment.Profile | ReadonlyArray<Assessment.Profile>
): Rows<EvidenceRow> => ({
  name: "evidence",
  columns: evidenceColumns,
  rows: many(input).flatMap((p) =>
    p.evidence.map(
      (e): EvidenceRow => ({
        intervention: orNull(p.intervention),
        trait: e.trait,
        dimension: e.dimension,
        pole: e.pole,
        weight: e.weight,
        weight_provenance: e.weightProvenance.kind,
        degree: e.degree,
        share: e.share,
        contribution: e.contribution,
        index_contribution: e.indexContribution,
        source_file: e.source.file,
        source_row: e.source.row,
        provenance: e.provenance.kind,
        records:
          e.provenance.kind === "derived" && e.provenance.records.length > 0
            ? e.provenance.records.join(";")
            : null,
        text_it: e.text.it,
        text_en: e.text.en
      })
    )
  )
})
