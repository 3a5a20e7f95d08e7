/**
 * Every tabular result of `@welfare/core` as typed rows, CSV and a
 * Frictionless data resource; Arrow tables from `@welfare/tables/arrow`,
 * Parquet files from `@welfare/tables/parquet`.
 *
 * @packageDocumentation
 * @since 0.1.0
 */

/**
 * Result rows as CSV text.
 *
 * @since 0.1.0
 */
export * as Csv from "./Csv.js"
/**
 * Result rows as a Frictionless tabular data resource.
 *
 * @since 0.1.0
 */
export * as DataResource from "./DataResource.js"
/**
 * One row-shaping function per kind of result.
 *
 * @since 0.1.0
 */
export * as Rows from "./Rows.js"
