/**
 * Loading a territory document: read it (bounded, see `read.ts`), stream the
 * measurements of an NDJSON file line by line when one is given, and decode
 * the whole with `Territory.decode`, locating every problem in its file.
 *
 * @since 0.1.0
 */
import { Decoder, Measurement, Ndjson, Problem, type Summary, Territory } from "@welfare/core"
import * as Either from "effect/Either"
import { type CappedLocated, locatedCollector, none } from "./capped.js"
import type { DocumentOptions } from "./index.js"
import type { Io } from "./io.js"
import { ExitCode, failure, type Outcome, success } from "./outcome.js"
import { isSystemError, maxLineBytes, openFailure, readJson } from "./read.js"
import { type Known, streamMeasurements, withInline } from "./stream.js"

export { maxLineBytes } from "./read.js"

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
      /**
       * The measurements of the NDJSON file, if any, summarised with the
       * document's own (see `stream.ts`): never held in memory.
       */
      readonly streamed: StreamedSummary | undefined
    }
  | {
      readonly _tag: "Invalid"
      /** The first problems in file order (at most `Problem.defaultMaxProblems`). */
      readonly problems: ReadonlyArray<Located>
      /** How many problems there are in all. */
      readonly total: number
      /** The problems not kept, counted by kind. */
      readonly omitted: Problem.Capped["omitted"]
    }

/**
 * The measurements of a territory, the document's own and an NDJSON file's,
 * as a detail summary (cells keyed by assignment, indicator and measuring
 * actor; see `stream.ts`).
 *
 * @category models
 * @since 0.1.0
 */
export interface StreamedSummary {
  readonly detail: Summary.Summary
  /** The measurements of the file. */
  readonly records: number
  /** The threads that read the file. */
  readonly threads: number
}

interface Line {
  readonly line: number
  readonly value: unknown
}

const decodeMeasurement = Decoder.lazy(Measurement.Measurement)

/**
 * Reads an NDJSON file of measurements line by line with `Ndjson.decode`
 * (memory holds one line at a time besides the measurements read), checking
 * each line's syntax and shape; problems are located by line.
 *
 * @category decoding
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

const invalidOf = (parts: ReadonlyArray<CappedLocated>): Loaded => {
  const all = locatedCollector()
  for (const part of parts) all.addCapped(part)
  const { kept, total, omitted } = all.result()
  return { _tag: "Invalid", problems: kept, total, omitted }
}

const everything: ReadonlySet<string> = { has: () => true } as unknown as ReadonlySet<string>

const idsOf = (items: ReadonlyArray<{ readonly id: string }> | undefined): ReadonlySet<string> =>
  new Set((items ?? []).map((i) => i.id))

/**
 * Reads and decodes a territory document (and its NDJSON measurements, in
 * bounded memory: they are summarised, across `options.threads` threads, and
 * their references checked against the document's ids; see `stream.ts`).
 * Fails only when a file cannot be read or is not JSON; problems of the
 * document are a value (`Invalid`).
 *
 * @category decoding
 * @since 0.1.0
 */
export const loadTerritory = async (io: Io, options: DocumentOptions): Promise<Outcome<Loaded>> => {
  const read: Outcome<unknown> | undefined = await readJson(io, options.file, {
    maxBytes: options.maxBytes,
    what: "territory document"
  })
  if (read._tag === "Failure") return read
  // the first problems in file order, the others counted: memory stays bounded (issue 14)
  const decoded = Territory.decodeCapped(read.value)
  // the parsed document is garbage once decoded (only the decoded copy is kept)
  ;(read as { value: unknown }).value = undefined
  const own: CappedLocated = Either.isLeft(decoded)
    ? {
        kept: decoded.left.kept.map((problem) => ({ file: options.file, problem })),
        total: decoded.left.total,
        omitted: decoded.left.omitted
      }
    : none
  if (options.measurements === undefined) {
    if (Either.isLeft(decoded)) return success(invalidOf([own]))
    return success({ _tag: "Valid", territory: decoded.right, streamed: undefined })
  }
  const t = Either.isRight(decoded) ? decoded.right : undefined
  const known: Known =
    t === undefined
      ? // the document's own problems come first: its ids cannot be trusted yet
        { indicators: everything, assignments: everything, actors: everything, municipalities: everything }
      : {
          indicators: idsOf(t.indicators),
          assignments: idsOf(t.assignments),
          actors: idsOf(t.actors),
          municipalities: idsOf(t.municipalities)
        }
  const inline = t?.measurements ?? []
  const { route } = await import("./sql.js")
  const way = route(options.measurements, { engine: options.engine, table: options.table })
  const streamed =
    way._tag === "Stream"
      ? await streamMeasurements(io, options.measurements, {
          known,
          inline,
          ...(t === undefined ? {} : { plans: { indicators: t.indicators, assignments: t.assignments } }),
          ...(options.threads === undefined ? {} : { threads: options.threads })
        })
      : await (await import("./engine.js")).engineMeasurements(io, way, {
          known,
          inline,
          indicators: t?.indicators ?? [],
          ...(t === undefined ? {} : { assignments: t.assignments })
        })
  if (streamed._tag === "Failure") return streamed
  const { lines, checks, detail, records, threads } = streamed.value
  // as when the file's measurements were merged into the document: its lines' problems, then the
  // document's, then the checks of the file's measurements against the document
  if (lines.total > 0 || own.total > 0 || checks.total > 0 || t === undefined)
    return success(invalidOf([lines, own, checks]))
  return success({
    _tag: "Valid",
    territory: t,
    streamed: { detail: withInline(detail, inline), records, threads }
  })
}

/**
 * The most problems printed for one run: the first ones in file order, then a
 * count of the rest by kind (issue 14: a document of a million duplicate ids
 * must not print a million lines). An editorial choice: a screenful a few
 * times over, enough to see every kind of mistake a file repeats.
 *
 * @category constants
 * @since 0.1.0
 */
export const maxPrintedProblems = 200

/**
 * The lines that show some problems: the first {@link maxPrintedProblems} in
 * file order, then one line that counts the others by kind.
 *
 * @category formatting
 * @since 0.1.0
 */
export const problemLines = (
  problems: ReadonlyArray<Located>,
  max = maxPrintedProblems,
  rest?: { readonly total: number; readonly omitted: Problem.Capped["omitted"] }
): Array<string> => {
  const lines = problems.slice(0, max).map(formatLocated)
  const total = rest?.total ?? problems.length
  if (total > lines.length) {
    const byCode = new Map<string, number>()
    for (let i = max; i < problems.length; i++) {
      const code = problems[i]!.problem.code
      byCode.set(code, (byCode.get(code) ?? 0) + 1)
    }
    for (const [code, n] of Object.entries(rest?.omitted ?? {})) byCode.set(code, (byCode.get(code) ?? 0) + n)
    const counts = [...byCode].map(([code, n]) => `${n} ${code}`).join(", ")
    lines.push(
      `... and ${total - lines.length} more problems not shown (${counts}): only the first ${lines.length} are printed`
    )
  }
  return lines
}

/**
 * Prints the problems of a document that cannot be assessed (capped, see
 * {@link problemLines}) and the failure that names the file or files that have
 * them: the document, its measurements file, or both.
 *
 * @category formatting
 * @since 0.1.0
 */
export const invalid = (
  io: Io,
  options: DocumentOptions,
  problems: ReadonlyArray<Located>,
  rest?: { readonly total: number; readonly omitted: Problem.Capped["omitted"] }
) => {
  for (const line of problemLines(problems, maxPrintedProblems, rest)) io.stderr(`${line}\n`)
  const m = options.measurements
  const inFile = m !== undefined && problems.some((p) => p.file === m || p.file.startsWith(`${m}:`))
  const inDocument = problems.some((p) => p.file === options.file) || !inFile
  const command = `welfare validate ${options.file}${m === undefined ? "" : ` --measurements ${m}`}`
  const which =
    inFile && inDocument
      ? `${options.file} and ${m} have problems`
      : inFile
        ? `${m} has problems`
        : `${options.file} has problems`
  return failure(ExitCode.problems, `${which}: fix them first (${command})`)
}
