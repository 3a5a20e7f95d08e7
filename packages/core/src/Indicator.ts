/**
 * Indicator definitions: what is measured, kept apart from its assignments and measurements.
 *
 * @since 0.1.0
 */
import { id } from "./internal/schema.js"

/**
 * The id of an indicator definition.
 *
 * @category models
 * @since 0.1.0
 */
export const IndicatorId = id("IndicatorId", "ind", "The id of an indicator definition.")

/**
 * @category models
 * @since 0.1.0
 */
export type IndicatorId = typeof IndicatorId.Type
