import type { Evaluation, Responsibility } from "@welfare/core"
import { type Column, col, orNull, periodColumns, type Rows, type Value } from "./model.js"

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
