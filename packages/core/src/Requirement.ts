/**
 * Requirements (esigenza): how the community manages itself around one or more needs (seed 000, row 6).
 *
 * @since 0.1.0
 */
import { id } from "./internal/schema.js"

/**
 * The id of a requirement.
 *
 * @category models
 * @since 0.1.0
 */
export const RequirementId = id("RequirementId", "req", "The id of a requirement.")

/**
 * @category models
 * @since 0.1.0
 */
export type RequirementId = typeof RequirementId.Type
