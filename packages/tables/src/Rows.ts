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

export type { AccountabilityRow, ResponsibilityRow } from "./internal/rows/accountability.js"
export {
  accountability,
  accountabilityColumns,
  responsibilityColumns,
  responsibilityMap
} from "./internal/rows/accountability.js"
export type { Column, ColumnType, Rows, Value } from "./internal/rows/model.js"
export { column } from "./internal/rows/model.js"
export type { NetworkActorRow, NetworkTieRow } from "./internal/rows/network.js"
export {
  networkActorColumns,
  networkActors,
  networkTieColumns,
  networkTies,
  personsOf
} from "./internal/rows/network.js"
export type { EvidenceRow, ProfileRow } from "./internal/rows/profiles.js"
export { evidence, evidenceColumns, profileColumns, profiles } from "./internal/rows/profiles.js"
export type { ProgressRow } from "./internal/rows/progress.js"
export { progress, progressColumns } from "./internal/rows/progress.js"
export type { SummaryRow } from "./internal/rows/summary.js"
export { summary, summaryColumns } from "./internal/rows/summary.js"
export type {
  TerritoryCheckRow,
  TerritoryDimensionRow,
  TerritoryInterventionRow,
  TerritoryReadingRow
} from "./internal/rows/territory.js"
export {
  territoryCheckColumns,
  territoryChecks,
  territoryDimensionColumns,
  territoryDimensions,
  territoryInterventionColumns,
  territoryInterventions,
  territoryReading,
  territoryReadingColumns
} from "./internal/rows/territory.js"
