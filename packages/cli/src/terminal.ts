/**
 * Terminal safety: every text the command prints goes through
 * {@link terminalSafe}, which writes control characters (escape sequences
 * that set a terminal's title or clear its screen, bidirectional overrides
 * that reorder what is read) as visible `\u001b` escapes, so a name in a
 * document can never drive the terminal of the person who checks it.
 * Standard output sent to a file or a pipe is written exactly (as `ls`
 * quotes names only on a terminal): it is data, such as a pseudonymised
 * file, whose carriage returns and other control characters must survive.
 *
 * @since 0.1.0
 */
import type { Io } from "./io.js"

// C0 controls but tab and line feed, DEL, C1 controls, line and paragraph separators,
// and the bidirectional embedding, override and isolate characters.
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const control = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g

/**
 * Writes every control character of a text as a visible `\uXXXX` escape; tabs and line
 * feeds are kept.
 *
 * @example
 * ```ts
 * import * as assert from "node:assert"
 * import { escapeControl } from "@welfare/cli"
 *
 * assert.strictEqual(escapeControl("Coop\u001b]0;pwned\u0007"), "Coop\\u001b]0;pwned\\u0007")
 * ```
 *
 * @category formatting
 * @since 0.1.0
 */
export const escapeControl = (text: string): string =>
  text.replace(control, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`)

// The command's own progress line: a carriage return first, and the sequence that clears it.
const clearLine = "\r\u001b[K"
const safe = (text: string): string =>
  text === clearLine
    ? text
    : text.startsWith("\r")
      ? `\r${escapeControl(text.slice(1))}`
      : escapeControl(text)

/**
 * An io whose standard error, and standard output unless it is known not to
 * be a terminal (`stdoutIsTTY === false`: a file or a pipe, written
 * exactly), escape control characters (the command's own progress line, a
 * leading carriage return and the sequence that clears it, excepted).
 *
 * @example
 * ```ts
 * import * as assert from "node:assert"
 * import { terminalSafe } from "@welfare/cli"
 *
 * const printed: Array<string> = []
 * const io = (stdoutIsTTY: boolean) =>
 *   terminalSafe({ stdout: (t) => void printed.push(t), stderr: () => {}, stdoutIsTTY, open: async () => { throw new Error("no files") }, writeFile: async () => {} })
 * io(true).stdout("Coop\u001b[2J\r\n")
 * io(false).stdout("Coop\u001b[2J\r\n")
 * assert.deepStrictEqual(printed, ["Coop\\u001b[2J\\u000d\n", "Coop\u001b[2J\r\n"])
 * ```
 *
 * @category constructors
 * @since 0.1.0
 */
export const terminalSafe = (io: Io): Io => ({
  ...io,
  stdout: io.stdoutIsTTY === false ? io.stdout : (text) => io.stdout(safe(text)),
  stderr: (text) => io.stderr(safe(text))
})
