/**
 * Reading a JSON file with bounded memory: the size is checked before
 * reading, the content is streamed in chunks through the syntax
 * {@link checker} (which stops at the first error or at a nesting deeper than
 * the limit), and only a complete, well-formed text is parsed.
 *
 * @since 0.1.0
 */
import type { Io } from "./io.js"
import { checker, parse, type SyntaxProblem } from "./json.js"
import { ExitCode, type Failure, failure, type Outcome, success } from "./outcome.js"

/**
 * The default and the largest territory document, in megabytes (MiB):
 * `--max-size` may lower it, never raise it. Measurements beyond that belong
 * in an NDJSON file (`--measurements`), read in bounded memory whatever its
 * size.
 *
 * Issue 14 asks for a peak RSS under 300 MB for every input the size limit
 * admits. A document is parsed whole and decoded into a copy, so its memory
 * grows with its bytes and with its values: its worst case (hundreds of
 * thousands of tiny records, every one a problem) peaked at 274 MB for 16 MB
 * and 308 MB for 20 MB, 723 MB for 63 MB and about 2.2 GB for 200 MB
 * (`docs/benchmarks.md`, cli-hostile). So 16 MB is a ceiling, not a default
 * that can be raised, together with {@link maxValues}. Streaming the
 * document's own lists (decoding each item as it is read) would lift it: not
 * done.
 *
 * @category constants
 * @since 0.1.0
 */
export const defaultMaxMegabytes = 16

/**
 * The most values (objects, lists, texts, numbers, `true`, `false`, `null`)
 * a territory document or rubric may hold: 1,000,000, about twice the values
 * of the example territory grown to 16 MB. A 3 MB list of empty objects `{}`
 * (a million values, each a problem) peaks under 300 MB; the same list of
 * 16 MB peaked at 1.75 GB (`docs/benchmarks.md`, cli-hostile). An editorial
 * choice: the bound of the measured worst case, with room for real
 * documents.
 *
 * @category constants
 * @since 0.2.0
 */
export const maxValues = 1_000_000

/**
 * The deepest nesting of objects and lists accepted in a document.
 *
 * @category constants
 * @since 0.1.0
 */
export const maxDepth = 100

const megabyte = 1024 * 1024

const mb = (bytes: number) => (bytes / megabyte).toFixed(1)

/**
 * Whether an error comes from the system (a Node error code such as `EIO`),
 * not from a bug.
 *
 * @category conversions
 * @since 0.1.0
 */
export const isSystemError = (error: unknown): boolean =>
  typeof error === "object" &&
  error !== null &&
  "code" in error &&
  typeof (error as { code: unknown }).code === "string" &&
  /^E[A-Z]+$/.test((error as { code: string }).code)

/**
 * Writes a command's output to a file: `undefined` when written, a failure
 * the user can act on when the system refuses (a folder that cannot be
 * created or written); any other error is a bug and is thrown.
 *
 * @category io
 * @since 0.2.0
 */
export const writeOut = async (io: Io, path: string, text: string): Promise<Failure | undefined> => {
  try {
    await io.writeFile(path, text)
    return undefined
  } catch (error) {
    if (isSystemError(error))
      return failure(ExitCode.input, `cannot write ${path}: check that its folder can be created and written`)
    throw error
  }
}

/**
 * The failure for a file that cannot be opened, from its Node error code.
 *
 * @category conversions
 * @since 0.1.0
 */
export const openFailure = (path: string, error: unknown): Failure => {
  const code =
    typeof error === "object" && error !== null && "code" in error
      ? String((error as { code: unknown }).code)
      : ""
  switch (code) {
    case "ENOENT":
      return failure(ExitCode.input, `cannot read ${path}: there is no such file`)
    case "EACCES":
    case "EPERM":
      return failure(ExitCode.input, `cannot read ${path}: permission denied`)
    case "EISDIR":
      return failure(ExitCode.input, `cannot read ${path}: it is a folder; give the path of a JSON file`)
    case "ENOTREG":
      return failure(
        ExitCode.input,
        `cannot read ${path}: it is not a regular file (a pipe, a device or a socket); give a file, or - to read standard input`
      )
    default:
      return failure(ExitCode.input, `cannot read ${path}${code === "" ? "" : ` (${code})`}`)
  }
}

/**
 * How to read a document.
 *
 * @category models
 * @since 0.1.0
 */
export interface ReadOptions {
  /** The largest accepted size in bytes. */
  readonly maxBytes: number
  /** What the file is, for messages (for example "territory document"). */
  readonly what: string
}

const tooLarge = (path: string, size: string, options: ReadOptions) =>
  failure(
    ExitCode.input,
    `${path} is ${size} MB, over the limit of ${mb(options.maxBytes)} MB for a ${options.what}` +
      (options.maxBytes < defaultMaxMegabytes * megabyte
        ? ` (set with --max-size; ${defaultMaxMegabytes} MB at most). `
        : ` (a document is read whole, and ${defaultMaxMegabytes} MB is the most read within bounded memory). `) +
      "Move measurements to an NDJSON file passed with --measurements (it streams whatever its size), or split the territory."
  )

const tooManyValues = (path: string, at: string, options: ReadOptions) =>
  failure(
    ExitCode.input,
    `${at}: ${path} holds more than ${maxValues.toLocaleString("en-US")} values (objects, lists, texts, numbers), the most read whole within bounded memory for a ${options.what}. ` +
      "Move measurements to an NDJSON file passed with --measurements (it streams whatever its size), or split the territory."
  )

/**
 * Reads and parses a JSON file, or says clearly why it cannot: missing,
 * unreadable, too large, not UTF-8, malformed, truncated or too deep. Never
 * throws; memory stays bounded by `maxBytes` and {@link maxValues}.
 *
 * @category decoding
 * @since 0.1.0
 */
export const readJson = async (io: Io, path: string, options: ReadOptions): Promise<Outcome<unknown>> => {
  let source: Awaited<ReturnType<Io["open"]>>
  try {
    source = await io.open(path)
  } catch (error) {
    return openFailure(path, error)
  }
  if (source.size !== undefined && source.size > options.maxBytes)
    return tooLarge(path, mb(source.size), options)

  const progress = io.stderrIsTTY === true && (source.size === undefined || source.size > 4 * megabyte)
  const decoder = new TextDecoder("utf-8", { fatal: true })
  const check = checker(maxDepth, maxValues)
  const texts: Array<string> = []
  let bytes = 0
  let shown = -1
  const where = (p: { line: number; column: number }) => `${path}:${p.line}:${p.column}`
  const syntaxFailure = (problem: SyntaxProblem) =>
    problem.tooManyValues === true
      ? tooManyValues(path, where(problem), options)
      : failure(ExitCode.input, `${where(problem)}: not valid JSON: ${problem.message}`)
  try {
    for await (const chunk of source.chunks) {
      const text = typeof chunk === "string" ? chunk : decoder.decode(chunk, { stream: true })
      bytes += typeof chunk === "string" ? Buffer.byteLength(chunk) : chunk.byteLength
      if (bytes > options.maxBytes) return tooLarge(path, `over ${mb(options.maxBytes)}`, options)
      const problem = check.push(text)
      if (problem !== undefined) return syntaxFailure(problem)
      texts.push(text)
      if (progress) {
        const step =
          source.size === undefined
            ? Math.floor(bytes / (8 * megabyte))
            : Math.floor((bytes / source.size) * 20)
        if (step !== shown) {
          shown = step
          io.stderr(
            `\rreading ${path}: ${mb(bytes)} MB${source.size === undefined ? "" : ` of ${mb(source.size)} MB`}`
          )
        }
      }
    }
    const rest = decoder.decode()
    if (rest.length > 0) {
      const problem = check.push(rest)
      if (problem !== undefined) return syntaxFailure(problem)
      texts.push(rest)
    }
  } catch (error) {
    if (
      error instanceof TypeError &&
      (error as { code?: string }).code === "ERR_ENCODING_INVALID_ENCODED_DATA"
    )
      return failure(ExitCode.input, `${path} is not UTF-8 text: save it as UTF-8 JSON`)
    if (isSystemError(error)) return openFailure(path, error)
    throw error
  } finally {
    if (progress && shown >= 0) io.stderr("\r\x1b[K")
  }
  const problem = check.end()
  if (problem !== undefined)
    return failure(ExitCode.input, `${where(problem)}: not valid JSON: ${problem.message}`)
  // the chunks go as soon as they are joined: the text and the parsed value are the peak, not three copies
  const text = texts.join("")
  texts.length = 0
  try {
    return success(parse(text))
  } catch {
    return failure(ExitCode.input, `${path} is not valid JSON`)
  }
}

/**
 * The longest line of an NDJSON measurements file, in characters: a
 * measurement is a few hundred; longer lines are skipped and reported.
 *
 * @category constants
 * @since 0.1.0
 */
export const maxLineBytes = 1024 * 1024
