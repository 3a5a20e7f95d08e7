/**
 * Co-programming and co-design (co-programmazione, co-progettazione): the process, its roadmap and its rules (seed 003 workshop 2, seed 004 rows 53-55).
 *
 * @since 0.1.0
 */
import { id } from "./internal/schema.js"

/**
 * The id of a co-design or co-programming process.
 *
 * @category models
 * @since 0.1.0
 */
export const CoDesignId = id("CoDesignId", "codesign", "The id of a co-design or co-programming process.")

/**
 * @category models
 * @since 0.1.0
 */
export type CoDesignId = typeof CoDesignId.Type
