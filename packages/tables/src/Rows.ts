/**
 * Every tabular result of `@welfare/core` as plain rows: one row-shaping
 * function per kind of result, each returning a {@link Rows} value (a name,
 * the columns with their type, nullability and bilingual description, in a
 * stable order, and the rows as plain records keyed by column name). CSV,
 * Arrow, Parquet and the Frictionless data resource all read these rows, so
 * the four formats always carry the same columns.
 *
 * Column names are `snake_case` (they read as SQL identifiers in DuckDB or
 * PostgreSQL); periods are split into `period_start` and `period_end`
 * (ISO dates); a value that is absent is `null`.
 *
 * Privacy: summaries are exported only once published ({@link summary} takes
 * a `Published.Published`, whose small counts of persons, and the cells that
 * would let them be found by subtraction, are already hidden); the progress of a period about fewer persons than the
 * threshold is suppressed the same way ({@link progress}); a ledger is
 * exported through `Ledger.publish`, never person by person.
 *
 * @since 0.1.0
 */
import type {
  Actor,
  Assessment,
  Dimension,
  Evaluation,
  Progress,
  Published,
  Responsibility,
  TerritoryAssessment
} from "@welfare/core"
import { PartnershipNetwork, Published as PublishedModule, Summary as SummaryModule } from "@welfare/core"

/**
 * The type of a column: `string` (UTF-8 text), `number` (a 64-bit float),
 * `integer` (a 32-bit signed integer: counts) or `boolean`. The names are
 * Frictionless Table Schema's.
 *
 * @category models
 * @since 0.1.0
 */
export type ColumnType = "string" | "number" | "integer" | "boolean"

/**
 * A column: its name, type, whether it may be `null`, and what it holds in
 * Italian and English.
 *
 * @category models
 * @since 0.1.0
 */
export interface Column {
  readonly name: string
  readonly type: ColumnType
  readonly nullable: boolean
  readonly description: { readonly it: string; readonly en: string }
}

/**
 * A cell value.
 *
 * @category models
 * @since 0.1.0
 */
export type Value = string | number | boolean | null

/**
 * A table of results: its name (a file or SQL table name), its columns in
 * order and its rows, each a record with one value per column.
 *
 * @category models
 * @since 0.1.0
 */
export interface Rows<R extends { readonly [column: string]: Value } = { readonly [column: string]: Value }> {
  readonly name: string
  readonly columns: ReadonlyArray<Column>
  readonly rows: ReadonlyArray<R>
}

const col = (name: string, type: ColumnType, nullable: boolean, it: string, en: string): Column => ({
  name,
  type,
  nullable,
  description: { it, en }
})

const orNull = <A>(a: A | undefined): A | null => (a === undefined ? null : a)

const periodColumns = [
  col("period_start", "string", false, "Inizio del periodo (data ISO)", "Start of the period (ISO date)"),
  col("period_end", "string", false, "Fine del periodo (data ISO)", "End of the period (ISO date)")
]

// ---------------------------------------------------------------------------
// Assessment profiles

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

// ---------------------------------------------------------------------------
// Territory readings

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

// ---------------------------------------------------------------------------
// Partnership networks

/**
 * A row of {@link networkActors}: one actor's metrics.
 *
 * @category models
 * @since 0.1.0
 */
export interface NetworkActorRow {
  readonly [column: string]: Value
  readonly actor: string
  readonly sector: Actor.Sector
  readonly degree: number
  readonly weighted_degree: number
  readonly betweenness: number
  readonly constraint: number | null
  readonly effective_size: number | null
  readonly community: number
  readonly isolated: boolean
}

/**
 * The columns of {@link networkActors}, in order.
 *
 * @category constants
 * @since 0.1.0
 */
export const networkActorColumns: ReadonlyArray<Column> = [
  col("actor", "string", false, "Id dell'attore", "Id of the actor"),
  col("sector", "string", false, "Settore", "Sector"),
  col("degree", "integer", false, "Legami", "Ties"),
  col(
    "weighted_degree",
    "number",
    false,
    "Legami pesati (partenariati condivisi)",
    "Weighted ties (partnerships shared)"
  ),
  col("betweenness", "number", false, "Intermediazione normalizzata", "Normalised betweenness"),
  col(
    "constraint",
    "number",
    true,
    "Vincolo di Burt; vuoto senza legami",
    "Burt's constraint; empty without ties"
  ),
  col(
    "effective_size",
    "number",
    true,
    "Dimensione efficace di Burt; vuota senza legami",
    "Burt's effective size; empty without ties"
  ),
  col("community", "integer", false, "Comunità (0 la più grande)", "Community (0 the largest)"),
  col("isolated", "boolean", false, "Se non ha legami", "Whether it has no tie")
]

/**
 * The ids of the actors that are persons (kind `citizen`): pass them as
 * `persons` to {@link networkActors} and {@link networkTies}, which then list
 * no person (persons are counted, never listed, as in the reports).
 *
 * @category getters
 * @since 0.1.0
 */
export const personsOf = (actors: ReadonlyArray<Pick<Actor.Actor, "id" | "kind">>): ReadonlySet<string> =>
  new Set(actors.filter((a) => a.kind === "citizen").map((a) => a.id as string))

/**
 * The metrics of every actor of a partnership network, in the network's
 * actor order: degree, weighted degree, betweenness (exact, or sampled with
 * `options.betweenness`), Burt's constraint and effective size, community
 * (Louvain, seeded) and isolation. The actors in `options.persons` (see
 * {@link personsOf}) are left out of the rows; the metrics of the others
 * still count their ties.
 *
 * @example
 * ```ts
 * import * as assert from "node:assert"
 * import { Actor, Partnership, PartnershipNetwork } from "@welfare/core"
 * import { Rows } from "@welfare/tables"
 *
 * const actor = (id: string, kind: Actor.ActorKind) => Actor.make({ id: Actor.ActorId.make(id), kind })
 * const table = (...ids: Array<string>) => ({ members: ids.map((a) => Partnership.member(a, ["partner"])) })
 * const network = PartnershipNetwork.fromPartnerships(
 *   [actor("comune", "local-authority"), actor("forum", "social-private-body"), actor("impresa", "business")],
 *   [table("comune", "forum"), table("forum", "impresa")]
 * )
 * const forum = Rows.networkActors(network).rows.find((r) => r.actor === "forum")!
 * assert.strictEqual(forum.degree, 2)
 * assert.strictEqual(forum.betweenness, 1)
 * ```
 *
 * @category conversions
 * @since 0.1.0
 */
export const networkActors = (
  network: PartnershipNetwork.PartnershipNetwork,
  options: {
    readonly betweenness?: PartnershipNetwork.BetweennessOptions
    readonly persons?: ReadonlySet<string>
  } = {}
): Rows<NetworkActorRow> => {
  const persons = options.persons ?? new Set<string>()
  const degree = PartnershipNetwork.degree(network)
  const weighted = PartnershipNetwork.weightedDegree(network)
  const between = PartnershipNetwork.betweenness(network, options.betweenness ?? {})
  const holes = PartnershipNetwork.structuralHoles(network)
  const community = new Map<string, number>()
  PartnershipNetwork.communities(network).communities.forEach((members, i) => {
    for (const m of members) community.set(m, i)
  })
  return {
    name: "network_actors",
    columns: networkActorColumns,
    rows: network.actors
      .filter((actor) => !persons.has(actor))
      .map((actor) => {
        const h = holes.get(actor)
        const d = degree.get(actor) ?? 0
        return {
          actor,
          sector: PartnershipNetwork.sectorIn(network, actor)!,
          degree: d,
          weighted_degree: weighted.get(actor) ?? 0,
          betweenness: between.get(actor) ?? 0,
          constraint: h === undefined ? null : h.constraint,
          effective_size: h === undefined ? null : h.effectiveSize,
          community: community.get(actor) ?? 0,
          isolated: d === 0
        }
      })
  }
}

/**
 * A row of {@link networkTies}: one tie.
 *
 * @category models
 * @since 0.1.0
 */
export interface NetworkTieRow {
  readonly [column: string]: Value
  readonly actor_a: string
  readonly actor_b: string
  readonly weight: number
  readonly cross_sector: boolean
}

/**
 * The columns of {@link networkTies}, in order.
 *
 * @category constants
 * @since 0.1.0
 */
export const networkTieColumns: ReadonlyArray<Column> = [
  col("actor_a", "string", false, "Primo attore (in ordine di id)", "First actor (in id order)"),
  col("actor_b", "string", false, "Secondo attore", "Second actor"),
  col("weight", "number", false, "Partenariati condivisi", "Partnerships shared"),
  col("cross_sector", "boolean", false, "Se unisce due settori", "Whether it joins two sectors")
]

/**
 * Every tie of a partnership network (an edge list), in id order, but those
 * of the actors in `options.persons` (see {@link personsOf}).
 *
 * @category conversions
 * @since 0.1.0
 */
export const networkTies = (
  network: PartnershipNetwork.PartnershipNetwork,
  options: { readonly persons?: ReadonlySet<string> } = {}
): Rows<NetworkTieRow> => ({
  name: "network_ties",
  columns: networkTieColumns,
  rows: PartnershipNetwork.ties(network)
    .filter(
      (t) =>
        options.persons === undefined ||
        !(options.persons.has(t.actors[0]) || options.persons.has(t.actors[1]))
    )
    .map((t) => ({
      actor_a: t.actors[0],
      actor_b: t.actors[1],
      weight: t.weight,
      cross_sector: t.crossSector
    }))
})

// ---------------------------------------------------------------------------
// Summaries

/**
 * A row of {@link summary}: one published cell or total. A suppressed one
 * carries its key only (every figure `null`).
 *
 * @category models
 * @since 0.1.0
 */
export interface SummaryRow {
  readonly [column: string]: Value
  readonly scope: "cell" | "total"
  readonly indicator: string
  readonly period_start: string
  readonly period_end: string
  readonly municipality: string | null
  readonly suppressed: boolean
  readonly hidden: Published.Hidden | null
  readonly count: number | null
  readonly persons: number | null
  readonly sum: number | null
  readonly mean: number | null
  readonly min: number | null
  readonly max: number | null
  readonly levels: string | null
}

/**
 * The columns of {@link summary}, in order.
 *
 * @category constants
 * @since 0.1.0
 */
export const summaryColumns: ReadonlyArray<Column> = [
  col(
    "scope",
    "string",
    false,
    "cell (un comune, o nessun comune) o total (totale sui comuni)",
    "cell (one municipality, or none) or total (over the municipalities)"
  ),
  col("indicator", "string", false, "Id dell'indicatore", "Id of the indicator"),
  ...periodColumns,
  col(
    "municipality",
    "string",
    true,
    "Id del comune; vuoto per i totali",
    "Id of the municipality; empty for totals"
  ),
  col(
    "suppressed",
    "boolean",
    false,
    "Se è oscurata (meno persone della soglia, o per proteggerne un'altra)",
    "Whether it is hidden (fewer persons than the threshold, or to protect another cell)"
  ),
  col(
    "hidden",
    "string",
    true,
    "Perché è oscurata: small (poche persone) o complementary (per proteggerne un'altra)",
    "Why it is hidden: small (few persons) or complementary (to protect another cell)"
  ),
  col("count", "integer", true, "Misurazioni", "Measurements"),
  col(
    "persons",
    "integer",
    true,
    "Persone; vuoto se non riguarda persone",
    "Persons; empty when not about persons"
  ),
  col("sum", "number", true, "Somma dei valori numerici", "Sum of the numeric values"),
  col("mean", "number", true, "Media dei valori numerici", "Mean of the numeric values"),
  col("min", "number", true, "Minimo", "Minimum"),
  col("max", "number", true, "Massimo", "Maximum"),
  col("levels", "string", true, "Giudizi per livello (JSON)", "Judgements per level (JSON)")
]

// Rows are object literals with every column in order (never spread from a
// shared key object: a spread row is about a hundred times slower to build).
const summaryRow = (scope: "cell" | "total", c: Published.Cell): SummaryRow => {
  const municipality = scope === "total" || c.municipality === undefined ? null : c.municipality
  if (c.suppressed)
    return {
      scope,
      indicator: c.indicator,
      period_start: c.period.start,
      period_end: c.period.end,
      municipality,
      suppressed: true,
      hidden: c.hidden,
      count: null,
      persons: null,
      sum: null,
      mean: null,
      min: null,
      max: null,
      levels: null
    }
  let levels: string | null = null
  for (const _ in c.levels) {
    const codes = Object.keys(c.levels).sort()
    levels = JSON.stringify(Object.fromEntries(codes.map((l) => [l, c.levels[l]])))
    break
  }
  return {
    scope,
    indicator: c.indicator,
    period_start: c.period.start,
    period_end: c.period.end,
    municipality,
    suppressed: false,
    hidden: null,
    count: c.count,
    persons: c.personCounted > 0 ? c.persons : null,
    sum: c.numeric > 0 ? SummaryModule.sum(c) : null,
    mean: orNull(SummaryModule.mean(c)),
    min: c.min,
    max: c.max,
    levels
  }
}

/**
 * A published summary (`Published.publish`, or `Ledger.publish`): a row per
 * cell, then a row per total over the municipalities, each sorted by key. It
 * takes only a `Published` summary, so what it exports is what a report may
 * show: a suppressed cell keeps its key and loses every figure.
 *
 * @example
 * ```ts
 * import * as assert from "node:assert"
 * import * as Either from "effect/Either"
 * import { Published, Summary } from "@welfare/core"
 * import { Rows } from "@welfare/tables"
 *
 * const period = { start: "2024-01-01", end: "2024-12-31" }
 * const m = (municipality: string, persons: number) =>
 *   ({ indicator: "ind-families-reached", assignment: "asg-1", period, municipality, value: persons, unit: "person", persons, measuredBy: "ente-comune", source: "administrative-data" }) as never
 * const published = Either.getOrThrow(Published.publish(Summary.fromMeasurements([m("legnano", 40), m("parabiago", 30), m("canegrate", 12), m("rescaldina", 3)])))
 * const rows = Rows.summary(published).rows
 * const small = rows.find((r) => r.municipality === "rescaldina")!
 * assert.strictEqual(small.suppressed, true)
 * assert.strictEqual(small.persons, null)
 * assert.strictEqual(rows.find((r) => r.municipality === "legnano")!.persons, 40)
 * ```
 *
 * @category conversions
 * @since 0.1.0
 */
export const summary = (published: Published.Published): Rows<SummaryRow> => {
  const rows: Array<SummaryRow> = []
  // keys in code-unit order (the default sort), each looked up once
  for (const k of Object.keys(published.cells).sort()) rows.push(summaryRow("cell", published.cells[k]!))
  for (const k of Object.keys(published.totals).sort()) rows.push(summaryRow("total", published.totals[k]!))
  return { name: "summary", columns: summaryColumns, rows }
}

// ---------------------------------------------------------------------------
// Progress

/**
 * A row of {@link progress}: one period of one assignment.
 *
 * @category models
 * @since 0.1.0
 */
export interface ProgressRow {
  readonly [column: string]: Value
  readonly assignment: string
  readonly indicator: string
  readonly direction: string
  readonly period_start: string
  readonly period_end: string
  readonly target: string | null
  readonly suppressed: boolean
  readonly measurements: number | null
  readonly persons: number | null
  readonly actual: number | null
  readonly level: string | null
  readonly share: number | null
  readonly trend: Progress.Trend | null
  readonly status: Progress.Status
}

/**
 * The columns of {@link progress}, in order.
 *
 * @category constants
 * @since 0.1.0
 */
export const progressColumns: ReadonlyArray<Column> = [
  col("assignment", "string", false, "Id dell'assegnazione", "Id of the assignment"),
  col("indicator", "string", false, "Id dell'indicatore", "Id of the indicator"),
  col("direction", "string", false, "Direzione buona dell'indicatore", "Good direction of the indicator"),
  ...periodColumns,
  col("target", "string", true, "Obiettivo del periodo (JSON)", "Target of the period (JSON)"),
  col(
    "suppressed",
    "boolean",
    false,
    "Se è oscurato (meno persone della soglia): valori vuoti",
    "Whether it is suppressed (fewer persons than the threshold): figures empty"
  ),
  col("measurements", "integer", true, "Misurazioni", "Measurements"),
  col("persons", "integer", true, "Persone", "Persons"),
  col("actual", "number", true, "Valore del periodo", "Value of the period"),
  col("level", "string", true, "Livello mediano (qualitativo)", "Median level (qualitative)"),
  col("share", "number", true, "Quota del cammino verso l'obiettivo", "Share of the way to the target"),
  col("trend", "string", true, "Andamento sul periodo precedente", "Trend on the previous period"),
  col("status", "string", false, "Stato", "Status")
]

/**
 * The progress of assignments towards their targets (`Progress.progress`):
 * a row per assignment and period. A period about fewer persons than
 * `threshold` (default `Published.defaultThreshold`, 5) is suppressed like a
 * summary cell: its figures (measurements, persons, actual, level, share,
 * trend) are `null` and its status reads `no-data`, so no small count of
 * persons leaves through progress.
 *
 * @example
 * ```ts
 * import * as assert from "node:assert"
 * import { Rows } from "@welfare/tables"
 *
 * const period = (year: number, persons: number) => ({
 *   period: { start: `${year}-01-01`, end: `${year}-12-31` },
 *   measurements: 1,
 *   persons,
 *   actual: persons,
 *   share: persons / 50,
 *   status: "improving" as const
 * })
 * const rows = Rows.progress([
 *   { assignment: "asg-1" as never, indicator: "ind-1" as never, direction: "increase", periods: [period(2023, 3), period(2024, 30)] }
 * ]).rows
 * assert.deepStrictEqual(rows.map((r) => r.suppressed), [true, false])
 * assert.strictEqual(rows[0]!.actual, null)
 * assert.strictEqual(rows[1]!.share, 0.6)
 * ```
 *
 * @category conversions
 * @since 0.1.0
 */
export const progress = (
  items: ReadonlyArray<Progress.AssignmentProgress>,
  options: { readonly threshold?: number } = {}
): Rows<ProgressRow> => {
  const threshold = options.threshold ?? PublishedModule.defaultThreshold
  return {
    name: "progress",
    columns: progressColumns,
    rows: items.flatMap((a) =>
      a.periods.map((p): ProgressRow => {
        const small = p.persons > 0 && p.persons < threshold
        return {
          assignment: a.assignment,
          indicator: a.indicator,
          direction: a.direction,
          period_start: p.period.start,
          period_end: p.period.end,
          target: p.target === undefined ? null : JSON.stringify(p.target),
          suppressed: small,
          measurements: small ? null : p.measurements,
          persons: small || p.persons === 0 ? null : p.persons,
          actual: small ? null : orNull(p.actual),
          level: small ? null : orNull(p.level),
          share: small ? null : orNull(p.share),
          trend: small ? null : orNull(p.trend),
          status: small ? "no-data" : p.status
        }
      })
    )
  }
}

// ---------------------------------------------------------------------------
// Accountability

/**
 * A row of {@link accountability}: what one signatory of the Pact committed
 * and delivered in an evaluation round.
 *
 * @category models
 * @since 0.1.0
 */
export interface AccountabilityRow {
  readonly [column: string]: Value
  readonly round: string
  readonly period_start: string
  readonly period_end: string
  readonly actor: string
  readonly sector: string | null
  readonly projects: number
  readonly responsibilities: string
  readonly committed_hours: number
  readonly committed_euro: number
  readonly responsible_for: number
  readonly achieved: number
  readonly delivered_measurements: number
  readonly delivered_hours: number
  readonly delivered_euro: number
}

/**
 * The columns of {@link accountability}, in order.
 *
 * @category constants
 * @since 0.1.0
 */
export const accountabilityColumns: ReadonlyArray<Column> = [
  col("round", "string", false, "Id del ciclo di valutazione", "Id of the evaluation round"),
  ...periodColumns,
  col("actor", "string", false, "Firmatario del Patto", "Signatory of the Pact"),
  col("sector", "string", true, "Settore", "Sector"),
  col("projects", "integer", false, "Progetti sostenuti", "Projects supported"),
  col(
    "responsibilities",
    "string",
    false,
    "Responsabilità assunte, separate da ';'",
    "Responsibilities taken, separated by ';'"
  ),
  col(
    "committed_hours",
    "number",
    false,
    "Ore impegnate (tutte le risorse in ore)",
    "Hours committed (every resource in hours)"
  ),
  col("committed_euro", "number", false, "Euro impegnati", "Euro committed"),
  col("responsible_for", "integer", false, "Assegnazioni di cui risponde", "Assignments it answers for"),
  col("achieved", "integer", false, "Di queste, raggiunte", "Of these, achieved"),
  col(
    "delivered_measurements",
    "integer",
    false,
    "Misurazioni registrate nel ciclo",
    "Measurements recorded in the round"
  ),
  col("delivered_hours", "number", false, "Ore rendicontate", "Hours reported"),
  col("delivered_euro", "number", false, "Euro rendicontati", "Euro reported")
]

/**
 * The accountability report of an evaluation round
 * (`Evaluation.accountabilityReport`): a row per signatory of the Pact.
 *
 * @category conversions
 * @since 0.1.0
 */
export const accountability = (report: Evaluation.AccountabilityReport): Rows<AccountabilityRow> => ({
  name: "accountability",
  columns: accountabilityColumns,
  rows: report.signatories.map((s) => {
    const r = s.committed.resources
    return {
      round: report.round,
      period_start: report.period.start,
      period_end: report.period.end,
      actor: s.actor,
      sector: orNull(s.sector),
      projects: s.committed.projects.length,
      responsibilities: s.committed.responsibilities.join(";"),
      committed_hours: r.time.hour + r.care.hour + r.competence.hour + r.economic.hour,
      committed_euro: r.time.euro + r.care.euro + r.competence.euro + r.economic.euro,
      responsible_for: s.responsibleFor.length,
      achieved: s.responsibleFor.filter((x) => x.status === "achieved").length,
      delivered_measurements: s.delivered.measurements,
      delivered_hours: s.delivered.hours,
      delivered_euro: s.delivered.euro
    }
  })
})

/**
 * A row of {@link responsibilityMap}: a kind of need in a policy area and the
 * public bodies responsible for it.
 *
 * @category models
 * @since 0.1.0
 */
export interface ResponsibilityRow {
  readonly [column: string]: Value
  readonly need_kind: string | null
  readonly policy_area: string
  readonly bodies: string
  readonly gap: boolean
  readonly needs: number
}

/**
 * The columns of {@link responsibilityMap}, in order.
 *
 * @category constants
 * @since 0.1.0
 */
export const responsibilityColumns: ReadonlyArray<Column> = [
  col(
    "need_kind",
    "string",
    true,
    "Tipo di bisogno; vuoto per ogni tipo",
    "Kind of need; empty for every kind"
  ),
  col("policy_area", "string", false, "Area di policy", "Policy area"),
  col(
    "bodies",
    "string",
    false,
    "Enti responsabili, separati da ';'",
    "Responsible bodies, separated by ';'"
  ),
  col(
    "gap",
    "boolean",
    false,
    "Se nessun ente ne risponde (terra di nessuno)",
    "Whether no body answers for it (no man's land)"
  ),
  col("needs", "integer", false, "Bisogni che vi ricadono", "Needs that fall in it")
]

/**
 * A responsibility map with its gaps (`Responsibility.rows`): a row per kind
 * of need and policy area.
 *
 * @category conversions
 * @since 0.1.0
 */
export const responsibilityMap = (rows: ReadonlyArray<Responsibility.MapRow>): Rows<ResponsibilityRow> => ({
  name: "responsibility_map",
  columns: responsibilityColumns,
  rows: rows.map((r) => ({
    need_kind: orNull(r.needKind),
    policy_area: r.policyArea,
    bodies: r.bodies.join(";"),
    gap: r.gap,
    needs: r.needs
  }))
})

/**
 * The values of one column, in row order.
 *
 * @category getters
 * @since 0.1.0
 */
export const column = (rows: Rows, name: string): ReadonlyArray<Value> =>
  rows.rows.map((r) => r[name] ?? null)
