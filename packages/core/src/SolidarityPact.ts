/**
 * The Solidarity Pact (Patto di solidarietà): the signed commitment of those who put responsibilities and resources into the network to realise the Charter (seed 004, row 55).
 *
 * @since 0.1.0
 */
import { id } from "./internal/schema.js"

/**
 * The id of a Solidarity Pact.
 *
 * @category models
 * @since 0.1.0
 */
export const PactId = id("PactId", "pact", "The id of a Solidarity Pact.")

/**
 * @category models
 * @since 0.1.0
 */
export type PactId = typeof PactId.Type
