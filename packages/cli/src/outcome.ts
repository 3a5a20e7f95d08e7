/**
 * Exit codes and the failures of a command, as values.
 *
 * @since 0.1.0
 */

/**
 * The exit codes of `welfare`:
 *
 * - `0` ok;
 * - `1` the document has validation problems (each is listed with its path);
 * - `2` usage error (unknown command or option, missing or wrong argument);
 * - `3` a file cannot be read or written, or the input is not JSON (missing
 *   file, malformed, truncated, too large, too deeply nested, not UTF-8);
 * - `4` internal error (a bug: please report it).
 *
 * @category constants
 * @since 0.1.0
 */
export const ExitCode = { ok: 0, problems: 1, usage: 2, input: 3, internal: 4 } as const

/**
 * @category models
 * @since 0.1.0
 */
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode]

/**
 * Why a command stopped: the exit code and one message for standard error.
 *
 * @category models
 * @since 0.1.0
 */
export interface Failure {
  readonly _tag: "Failure"
  readonly exit: ExitCode
  readonly message: string
}

/**
 * A value, or why there is none.
 *
 * @category models
 * @since 0.1.0
 */
export type Outcome<A> = { readonly _tag: "Success"; readonly value: A } | Failure

/**
 * @category constructors
 * @since 0.1.0
 */
export const failure = (exit: ExitCode, message: string): Failure => ({ _tag: "Failure", exit, message })

/**
 * @category constructors
 * @since 0.1.0
 */
export const success = <A>(value: A): Outcome<A> => ({ _tag: "Success", value })

/**
 * A usage error, with a pointer to the help of the command.
 *
 * @category constructors
 * @since 0.1.0
 */
export const usage = (message: string, command?: string): Failure =>
  failure(
    ExitCode.usage,
    `${message}\nRun "welfare ${command === undefined ? "" : `${command} `}--help" for the usage.`
  )
