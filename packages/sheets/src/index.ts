/**
 * `@welfare/sheets`: territory documents to and from spreadsheets. The
 * layout of the workbook is derived from the schemas ({@link Layout}); the
 * mapping between rows and the document, with problems located at their
 * cells, is pure ({@link Table}); {@link Csv} reads and writes CSV text.
 * {@link Workbook} reads workbooks (`.xlsx`) in Node, Deno and browsers;
 * `@welfare/sheets/xlsx` writes them (Node, exceljs).
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

/**
 * Workbooks (`.xlsx`) read with a lean streaming reader, in Node, Deno and browsers.
 * @since 0.2.0
 */
export * as Workbook from "./Workbook.js"
