/**
 * Loading a territory document: read it (bounded, see `read.ts`), stream the
 * measurements of an NDJSON file line by line when one is given, and decode
 * the whole with `Territory.decode`, locating every problem in its file.
 *
 * @since 0.1.0
 */
import { Measurement, Problem, Territory } from "@welfare/core"
import * as Either from "effect/Either"
import type { DocumentOptions } from "./index.js"
import type { Io } from "./io.js"
import { checker, parse } from "./json.js"
import { ExitCode, failure, type Outcome, success } from "./outcome.js"
import { maxDepth, openFailure, readJson } from "./read.js"

/**
 * The longest line of an NDJSON measurements file, in bytes: a measurement
 * is a few hundred bytes.
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
  | { readonly _tag: "Valid"; readonly territory: Territory.Territory; readonly streamed: number }
  | { readonly _tag: "Invalid"; readonly problems: ReadonlyArray<Located> }

interface Line {
  readonly line: number
  readonly value: unknown
}

const decodeMeasurement = Problem.decoder(Measurement.Measurement)

/**
 * Reads an NDJSON file of measurements line by line (memory holds one line
 * at a time besides the values read), checking each line's syntax and shape.
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
  const decoder = new TextDecoder("utf-8", { fatal: true })
  const lines: Array<Line> = []
  const problems: Array<Located> = []
  let pending = ""
  let lineNumber = 0
  const progress = io.stderrIsTTY === true
  const take = (text: string): Outcome<void> => {
    lineNumber++
    const line = text.endsWith("\r") ? text.slice(0, -1) : text
    if (line.trim() === "") return success(undefined)
    const check = checker(maxDepth)
    const syntax = check.push(line) ?? check.end()
    if (syntax !== undefined)
      return failure(
        ExitCode.input,
        `${path}:${lineNumber}:${syntax.column}: not valid JSON: ${syntax.message}`
      )
    const value = parse(line)
    const decoded = decodeMeasurement(value)
    if (Either.isLeft(decoded))
      for (const problem of decoded.left) problems.push({ file: `${path}:${lineNumber}`, problem })
    else lines.push({ line: lineNumber, value })
    if (progress && lineNumber % 100_000 === 0)
      io.stderr(`\rreading ${path}: ${lineNumber.toLocaleString("en")} lines`)
    return success(undefined)
  }
  try {
    for await (const chunk of source.chunks) {
      pending += typeof chunk === "string" ? chunk : decoder.decode(chunk, { stream: true })
      let start = 0
      for (let nl = pending.indexOf("\n"); nl !== -1; nl = pending.indexOf("\n", start)) {
        const taken = take(pending.slice(start, nl))
        if (taken._tag === "Failure") return taken
        start = nl + 1
      }
      pending = pending.slice(start)
      if (pending.length > maxLineBytes)
        return failure(
          ExitCode.input,
          `${path}:${lineNumber + 1}: a line is longer than ${maxLineBytes / 1024} KB: an NDJSON file holds one measurement a line`
        )
    }
    pending += decoder.decode()
    if (pending.length > 0) {
      const taken = take(pending)
      if (taken._tag === "Failure") return taken
    }
  } catch (error) {
    if (
      error instanceof TypeError &&
      (error as { code?: string }).code === "ERR_ENCODING_INVALID_ENCODED_DATA"
    )
      return failure(ExitCode.input, `${path} is not UTF-8 text: save it as UTF-8`)
    return openFailure(path, error)
  } finally {
    if (progress && lineNumber >= 100_000) io.stderr("\r\x1b[K")
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
  return success({ _tag: "Valid", territory: decoded.right, streamed: streamed.length })
}
