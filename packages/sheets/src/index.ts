/**
 * `@welfare/sheets`: territory documents to and from spreadsheets. The
 * layout of the workbook is derived from the schemas ({@link Layout}); the
 * mapping between rows and the document, with problems located at their
 * cells, is pure ({@link Table}); {@link Csv} reads and writes CSV text.
 * Workbooks (`.xlsx`) are read and written by `@welfare/sheets/xlsx` (Node).
 *
 * @packageDocumentation
 * @since 0.1.0
 */

/**
 * CSV text to and from sheets.
 * @since 0.1.0
 */
export * as Csv from "./Csv.js"

/**
 * The layout of the workbook, derived from the territory's JSON Schema.
 * @since 0.1.0
 */
export * as Layout from "./Layout.js"

/**
 * Rows of cells to and from the territory document, problems located at their cells.
 * @since 0.1.0
 */
export * as Table from "./Table.js"
