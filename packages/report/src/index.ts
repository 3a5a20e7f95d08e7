/**
 * `@welfare/report`: pure renderers from assessment and evaluation data.
 *
 * @packageDocumentation
 * @since 0.1.0
 */

/**
 * The version of the renderers.
 * @since 0.1.0
 */
export const version = "0.1.0"
