/**
 * `@welfare/interop`: a territory in the standards its neighbour systems read.
 *
 * - {@link Hsds}: Open Referral HSDS 3.0 (human-services directories), export and import.
 * - {@link Fhir}: HL7 FHIR R4, SDOH Clinical Care closed-loop referral Bundles, export and import.
 * - {@link Iati}: IATI 2.03 `result` elements for indicators, baselines, targets and actuals.
 * - {@link Cids}: the Common Impact Data Standard's JSON-LD (Essential tier).
 *
 * Every function is pure and total: no I/O, no clock, no Node-only API.
 *
 * @since 0.1.0
 */

/**
 * The Common Impact Data Standard's JSON-LD (Essential tier).
 *
 * @since 0.1.0
 */
export * as Cids from "./Cids.js"

/**
 * HL7 FHIR R4 (SDOH Clinical Care): a taking-charge path as a closed-loop referral Bundle, and back.
 *
 * @since 0.1.0
 */
export * as Fhir from "./Fhir.js"
/**
 * Open Referral HSDS 3.0: organisations and services, and back.
 *
 * @since 0.1.0
 */
export * as Hsds from "./Hsds.js"
/**
 * IATI 2.03 results: indicators, baselines, targets and published actuals.
 *
 * @since 0.1.0
 */
export * as Iati from "./Iati.js"
