/**
 * Needs (bisogno): what is missing (ciò che manca), overt or latent, simple or complex.
 *
 * @since 0.1.0
 */
import { id } from "./internal/schema.js"

/**
 * The id of a need.
 *
 * @category models
 * @since 0.1.0
 */
export const NeedId = id("NeedId", "need", "The id of a need.")

/**
 * @category models
 * @since 0.1.0
 */
export type NeedId = typeof NeedId.Type
