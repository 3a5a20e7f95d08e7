/**
 * Partnerships (partenariato, rete, tavolo tematico): actors sharing responsibilities and resources.
 *
 * @since 0.1.0
 */
import { id } from "./internal/schema.js"

/**
 * The id of a partnership.
 *
 * @category models
 * @since 0.1.0
 */
export const PartnershipId = id("PartnershipId", "pship", "The id of a partnership.")

/**
 * @category models
 * @since 0.1.0
 */
export type PartnershipId = typeof PartnershipId.Type
