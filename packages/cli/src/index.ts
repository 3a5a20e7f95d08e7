/**
 * `@welfare/cli`: the `welfare` command as a function, for tests and embedding.
 *
 * @packageDocumentation
 * @since 0.1.0
 */

/**
 * The version of the command.
 * @since 0.1.0
 */
export const version = "0.1.0"
