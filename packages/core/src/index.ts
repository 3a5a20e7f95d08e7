/**
 * `@welfare/core`: generative welfare (welfare generativo) as typed models and
 * pure functions. Each concept is a namespace: `import { Actor } from "@welfare/core"`.
 *
 * @packageDocumentation
 * @since 0.1.0
 */

/**
 * Actors of the community, their kinds and sectors.
 * @since 0.1.0
 */
export * as Actor from "./Actor.js"

/**
 * Bilingual (Italian and English) labels.
 * @since 0.1.0
 */
export * as Label from "./Label.js"

/**
 * Policy areas that generative welfare connects.
 * @since 0.1.0
 */
export * as PolicyArea from "./PolicyArea.js"

/**
 * Problems reported by decoding and validating APIs.
 * @since 0.1.0
 */
export * as Problem from "./Problem.js"

/**
 * Resources by kind: time, care, competence, economic.
 * @since 0.1.0
 */
export * as Resource from "./Resource.js"

/**
 * The territory: the aggregate root with its integrity check.
 * @since 0.1.0
 */
export * as Territory from "./Territory.js"
