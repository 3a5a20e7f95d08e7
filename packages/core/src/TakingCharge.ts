/**
 * Taking charge (presa in carico): the traceable path need, demand, choice (seed 003, row 29), event-sourced.
 *
 * @since 0.1.0
 */
import { id } from "./internal/schema.js"

/**
 * The id of a taking-charge case.
 *
 * @category models
 * @since 0.1.0
 */
export const CaseId = id("CaseId", "case", "The id of a taking-charge case.")

/**
 * @category models
 * @since 0.1.0
 */
export type CaseId = typeof CaseId.Type
