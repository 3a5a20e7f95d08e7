/**
 * The Citizenship Charter (Carta della cittadinanza): the projects the territory intends to realise (seed 004, row 55).
 *
 * @since 0.1.0
 */
import { id } from "./internal/schema.js"

/**
 * The id of a project of the Citizenship Charter.
 *
 * @category models
 * @since 0.1.0
 */
export const ProjectId = id("ProjectId", "proj", "The id of a project of the Citizenship Charter.")

/**
 * @category models
 * @since 0.1.0
 */
export type ProjectId = typeof ProjectId.Type
