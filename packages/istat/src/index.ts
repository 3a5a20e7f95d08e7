/**
 * `@welfare/istat`: Italian reference data for `@welfare/core` territories.
 * The municipalities by ISTAT code with their validity intervals (ISTAT and
 * ANPR lists, CC BY), and the check of a territory's municipalities against
 * them. Kept apart from core so that core stays small: the table is 0.7 MB.
 *
 * @packageDocumentation
 * @since 0.2.0
 */

/**
 * Checks of a territory's municipalities against the table: unknown codes, codes not valid in the period, names that differ.
 * @since 0.2.0
 */
export * as Check from "./Check.js"

/**
 * The municipalities by ISTAT code, with names, province, region and validity intervals; sources and licences.
 * @since 0.2.0
 */
export * as Municipality from "./Municipality.js"
