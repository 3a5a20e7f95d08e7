/**
 * Summaries computed where the data lives: the SQL that folds a table of
 * measurements into the partial cells of a `Summary` (DuckDB, PostgreSQL,
 * Spark SQL), the reading of its rows back into a `Summary` that merges,
 * suppresses and renders like any other, and the checks that turn a missing
 * column, a wrong type, a NULL or a wrong unit into problems naming the
 * table, the column and the row.
 *
 * Exactness: a `Summary` keeps each sum as whole units plus millionths, each
 * value split as `trunc(v)` and `round((v - trunc(v)) * 1e6)` in IEEE
 * doubles. The SQL does the very same split per row, in doubles, and sums the
 * two parts as integers (PostgreSQL `numeric`, Spark `BIGINT`, DuckDB doubles
 * holding only integers, exact below 2^53, a bound {@link fromRows} checks),
 * so no fractional value is ever summed and the order of the rows, the
 * partitions and the engine's parallelism cannot change a digit: the engine's
 * summary equals `Summary.fromMeasurements` over the same measurements, and
 * partial summaries of any split merge to it.
 *
 * Safety: identifiers (table, columns) are always quoted; every value that
 * comes from a document (ids, units, file paths) is a parameter of the query,
 * never text of the SQL.
 *
 * Pure and engine-free (it runs in browsers): the CLI runs the queries on
 * DuckDB and PostgreSQL (`@welfare/cli/sql`); a Spark job runs the `spark`
 * dialect (see the guide "SQL engines").
 *
 * The implementation lives in `internal/sql/` (model, quoting and sources,
 * the summary query and its rows, the checks); this module is its public face.
 *
 * @since 0.1.0
 */
export {
  checkProblems,
  checkQuery,
  describe,
  describeQuery,
  duplicateProblems,
  duplicatesQuery,
  typeKind
} from "./internal/sql/checks.js"
export type {
  CheckOptions,
  Columns,
  Dialect,
  Field,
  FromRowsOptions,
  Query,
  QueryOptions,
  ResultRow,
  Shape,
  Source,
  SummaryQueryOptions,
  TypeKind
} from "./internal/sql/model.js"
export { flatColumns, jsonColumns, optionalFields, requiredFields } from "./internal/sql/model.js"
export { quote, sourceName } from "./internal/sql/quote.js"
export { fromRows, summaryQuery } from "./internal/sql/summary.js"
