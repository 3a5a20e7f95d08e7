/**
 * Loading a territory document: read it (bounded, see `read.ts`), stream the
 * measurements of an NDJSON file line by line when one is given, and decode
 * the whole with `Territory.decode`, locating every problem in its file.
 *
 * @since 0.1.0
 */
import { Measurement, Ndjson, Problem, Territory } from "@welfare/core"
import * as Either from "effect/Either"
import type { DocumentOptions } from "./index.js"
import type { Io } from "./io.js"
import { ExitCode, failure, type Outcome, success } from "./outcome.js"
import { isSystemError, openFailure, readJson } from "./read.js"

/**
 * The longest line of an NDJSON measurements file, in characters: a
 * measurement is a few hundred; longer lines are skipped and reported.
 *
 * @category constants
 * @since 0.1.0
 */
export const maxLineBytes = 1024 * 1024

/**
 * A problem and where it is: `FILE: path: message`.
 *
 * @category models
 * @since 0.1.0
 */
export interface Located {
  /** The file (and line, for an NDJSON file) the problem is in. */
  readonly file: string
  readonly problem: Problem.Problem
}

/**
 * Renders a located problem as one line.
 *
 * @category formatting
 * @since 0.1.0
 */
export const formatLocated = (located: Located): string =>
  `${located.file}: ${Problem.format(located.problem)}`

/**
 * A loaded document: the territory, or every problem found.
 *
 * @category models
 * @since 0.1.0
 */
export type Loaded =
  | {
      readonly _tag: "Valid"
      readonly territory: Territory.Territory
      /** The measurements read from the NDJSON file, if any. */
      readonly streamed: ReadonlyArray<Measurement.Measurement>
    }
  | { readonly _tag: "Invalid"; readonly problems: ReadonlyArray<Located> }

interface Line {
  readonly line: number
  readonly value: unknown
}

const decodeMeasurement = Problem.decoder(Measurement.Measurement)

/**
 * Reads an NDJSON file of measurements line by line with `Ndjson.decode`
 * (memory holds one line at a time besides the measurements read), checking
 * each line's syntax and shape; problems are located by line.
 *
 * @category reading
 * @since 0.1.0
 */
export const readMeasurements = async (
  io: Io,
  path: string
): Promise<Outcome<{ readonly lines: ReadonlyArray<Line>; readonly problems: ReadonlyArray<Located> }>> => {
  let source: Awaited<ReturnType<Io["open"]>>
  try {
    source = await io.open(path)
  } catch (error) {
    return openFailure(path, error)
  }
  const lines: Array<Line> = []
  const problems: Array<Located> = []
  const progress = io.stderrIsTTY === true
  let count = 0
  try {
    for await (const entry of Ndjson.decode(source.chunks, decodeMeasurement, { maxLength: maxLineBytes })) {
      if (entry._tag === "Value") lines.push({ line: entry.line, value: entry.value })
      else
        for (const problem of entry.problems)
          problems.push({
            file: `${path}:${entry.line}`,
            problem: Problem.make(problem.code, problem.path.slice(1), problem.message)
          })
      if (progress && ++count % 100_000 === 0)
        io.stderr(`\rreading ${path}: ${count.toLocaleString("en")} measurements`)
    }
  } catch (error) {
    if (
      error instanceof TypeError &&
      (error as { code?: string }).code === "ERR_ENCODING_INVALID_ENCODED_DATA"
    )
      return failure(ExitCode.input, `${path} is not UTF-8 text: save it as UTF-8`)
    if (isSystemError(error)) return openFailure(path, error)
    throw error
  } finally {
    if (progress && count >= 100_000) io.stderr("\r\x1b[K")
  }
  return success({ lines, problems })
}

const isRecord = (u: unknown): u is Record<string, unknown> =>
  typeof u === "object" && u !== null && !Array.isArray(u)

/**
 * Reads and decodes a territory document (and its NDJSON measurements).
 * Fails only when a file cannot be read or is not JSON; problems of the
 * document are a value (`Invalid`).
 *
 * @category reading
 * @since 0.1.0
 */
export const loadTerritory = async (io: Io, options: DocumentOptions): Promise<Outcome<Loaded>> => {
  const read = await readJson(io, options.file, { maxBytes: options.maxBytes, what: "territory document" })
  if (read._tag === "Failure") return read
  let document = read.value
  let inline = 0
  let streamed: ReadonlyArray<Line> = []
  const problems: Array<Located> = []
  if (options.measurements !== undefined) {
    const measurements = await readMeasurements(io, options.measurements)
    if (measurements._tag === "Failure") return measurements
    problems.push(...measurements.value.problems)
    streamed = measurements.value.lines
    if (isRecord(document)) {
      const own = Array.isArray(document.measurements) ? document.measurements : []
      inline = own.length
      document = { ...document, measurements: [...own, ...streamed.map((l) => l.value)] }
    }
  }
  const decoded = Territory.decode(document)
  if (Either.isLeft(decoded)) {
    for (const problem of decoded.left) {
      const [head, index, ...rest] = problem.path
      const line = head === "measurements" && typeof index === "number" ? streamed[index - inline] : undefined
      problems.push(
        line === undefined || options.measurements === undefined
          ? { file: options.file, problem }
          : {
              file: `${options.measurements}:${line.line}`,
              problem: Problem.make(problem.code, rest, problem.message)
            }
      )
    }
  }
  if (problems.length > 0 || Either.isLeft(decoded)) return success({ _tag: "Invalid", problems })
  return success({
    _tag: "Valid",
    territory: decoded.right,
    streamed: streamed.map((l) => l.value as Measurement.Measurement)
  })
}
