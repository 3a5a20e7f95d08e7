/**
 * Measurements from an NDJSON file in bounded memory: the file is summarised
 * (across worker threads, see `shard.ts`) into a summary whose cells are keyed
 * by assignment, indicator and measuring actor too, so that progress, the
 * published summary and the reference checks need no measurement kept. The
 * ids the file refers to are checked once against the document's; only when
 * one is unknown, or two measurements may share an id, is the file read a
 * second time to say on which lines. Problems point at `FILE:LINE`, as
 * {@link readMeasurements} does.
 *
 * @since 0.1.0
 */
import { availableParallelism } from "node:os"
import {
  Decoder,
  type Indicator,
  IndicatorAssignment,
  Measurement,
  Ndjson,
  Problem,
  Summary
} from "@welfare/core"
import { type CappedLocated, locatedCollector, none } from "./capped.js"
import type { Io } from "./io.js"
import type { Located } from "./load.js"
import { ExitCode, failure, type Outcome, success } from "./outcome.js"
import { isSystemError, maxLineBytes, openFailure } from "./read.js"
import { detailKey, type Evaluated, evaluateFile, evaluateFileSharded, idHashes } from "./shard.js"

/**
 * The ids a measurement may refer to, from the territory document.
 *
 * @category models
 * @since 0.1.0
 */
export interface Known {
  readonly indicators: ReadonlySet<string>
  readonly assignments: ReadonlySet<string>
  readonly actors: ReadonlySet<string>
  readonly municipalities: ReadonlySet<string>
}

/**
 * How to read a measurements file: `threads` evaluating it (1: one thread,
 * default: the available parallelism), the ids it may refer to, and the
 * document's own measurements (their ids count for duplicates, first).
 *
 * @category models
 * @since 0.1.0
 */
export interface StreamOptions {
  readonly threads?: number
  readonly known: Known
  readonly inline: ReadonlyArray<Measurement.Measurement>
  /**
   * The document's indicators and assignments, when it is valid: each
   * measurement's unit and period are checked against them as
   * `Measurement.planProblems` checks the document's own (issue 14).
   */
  readonly plans?: Plans
}

/**
 * What the unit and period of a measurement are checked against.
 *
 * @category models
 * @since 0.2.0
 */
export interface Plans {
  readonly indicators: ReadonlyArray<Indicator.IndicatorDefinition>
  readonly assignments: ReadonlyArray<IndicatorAssignment.IndicatorAssignment>
}

/**
 * A measurements file, summarised: the detail summary (cells keyed by
 * {@link detailKey}), the valid measurements counted, and every problem by
 * line (the lines' own first, then the references).
 *
 * @category models
 * @since 0.1.0
 */
export interface Streamed {
  readonly detail: Summary.Summary
  readonly records: number
  /** The lines' own problems (syntax, shape), the first ones kept (see `capped.ts`). */
  readonly lines: CappedLocated
  /**
   * The problems of the valid measurements against the document: duplicate
   * ids, unknown references, then units and periods, the first ones kept.
   */
  readonly checks: CappedLocated
  readonly threads: number
}

// the same decoder as load.ts: the problems are the ones readMeasurements reports
const decodeMeasurement = Decoder.lazy(Measurement.Measurement)

/** The parts of a detail key. */
const partsOf = (key: string): readonly [string, string, string] => {
  const [assignment = "", indicator = "", measuredBy = ""] = key.split("|")
  return [assignment, indicator, measuredBy]
}

/** Adds a measurement to a detail accumulator. */
const addDetail = (acc: Summary.Accumulator, m: Measurement.Measurement): void =>
  acc.add({ ...m, indicator: detailKey(m.assignment, m.indicator, m.measuredBy) as never })

const pairKey = (a: number, b: number): number => (a >>> 0) * 4294967296 + (b >>> 0)

/** The id hashes seen more than once (the document's ids first). */
const candidates = (ids: Int32Array, inline: ReadonlyArray<Measurement.Measurement>): Set<number> => {
  const all = new Float64Array(ids.length / 2 + inline.length)
  let n = 0
  for (const m of inline)
    if (m.id !== undefined) {
      const [a, b] = idHashes(m.id)
      all[n++] = pairKey(a, b)
    }
  for (let i = 0; i < ids.length; i += 2) all[n++] = pairKey(ids[i]!, ids[i + 1]!)
  const sorted = all.subarray(0, n).sort()
  const out = new Set<number>()
  for (let i = 1; i < sorted.length; i++) if (sorted[i] === sorted[i - 1]) out.add(sorted[i]!)
  return out
}

/** Whether any cell of the detail summary refers to an unknown id. */
const anyUnknown = (detail: Summary.Summary, known: Known): boolean => {
  for (const key in detail.cells) {
    const cell = detail.cells[key]!
    const [assignment, indicator, measuredBy] = partsOf(cell.indicator)
    if (
      !known.assignments.has(assignment) ||
      !known.indicators.has(indicator) ||
      !known.actors.has(measuredBy) ||
      (cell.municipality !== undefined && !known.municipalities.has(cell.municipality))
    )
      return true
  }
  return false
}

/**
 * Whether a measurement of the file may be in a unit that is not its
 * indicator's, or in a period that none of its assignment's periods is: from
 * the units seen by indicator and the detail summary's cells (assignment and
 * period), so that only a file with such a measurement is read again.
 */
const anyOffPlan = (evaluated: Evaluated, plans: Plans): boolean => {
  const definitions = new Map(plans.indicators.map((d) => [d.id as string, d]))
  for (const indicator in evaluated.units ?? {}) {
    const d = definitions.get(indicator)
    if (d === undefined) continue
    for (const unit of evaluated.units![indicator]!)
      if (d.kind !== "quantitative" || d.unit !== unit) return true
  }
  const assignments = new Map(plans.assignments.map((a) => [a.id as string, a]))
  for (const key in evaluated.summary.cells) {
    const cell = evaluated.summary.cells[key]!
    const a = assignments.get(partsOf(cell.indicator)[0])
    if (a !== undefined && IndicatorAssignment.findPeriod(a, cell.period) === undefined) return true
  }
  return false
}

/**
 * Checks the references and ids of one valid measurement (the `index`-th
 * valid one of the file), as `Measurement.referenceProblems` does over the
 * document: duplicates go to `duplicates`, unknown references to `references`.
 */
const checker = (path: string, options: StreamOptions, only: Set<number> | undefined, checkPlans = true) => {
  const first = new Map<string, number>()
  const wanted = (id: string): boolean => {
    if (only === undefined) return true
    const [a, b] = idHashes(id)
    return only.has(pairKey(a, b))
  }
  options.inline.forEach((m, i) => {
    if (m.id !== undefined && wanted(m.id) && !first.has(m.id)) first.set(m.id, i)
  })
  const duplicates = locatedCollector()
  const references = locatedCollector()
  const plans = locatedCollector()
  const { known } = options
  const planned = options.plans
  const unknown = (set: ReadonlySet<string>, id: string, field: string, what: string, where: string) =>
    set.has(id)
      ? []
      : [
          Problem.make(
            "unknown-reference",
            [field],
            `no ${what} has the id "${id}": add it to ${where} or correct the id`
          )
        ]
  const check = (m: Measurement.Measurement, index: number, line: number): void => {
    const file = `${path}:${line}`
    const at = options.inline.length + index
    if (m.id !== undefined && wanted(m.id)) {
      const seen = first.get(m.id)
      if (seen === undefined) first.set(m.id, at)
      else if (duplicates.full()) duplicates.skip("duplicate-id")
      else
        duplicates.add({
          file,
          problem: Problem.make(
            "duplicate-id",
            ["id"],
            `the measurement id "${m.id}" is already used by ${Problem.formatPath(["measurements", seen])}: give every measurement its own id`
          )
        })
    }
    for (const problem of [
      ...unknown(known.indicators, m.indicator, "indicator", "indicator", "indicators"),
      ...unknown(known.assignments, m.assignment, "assignment", "assignment", "assignments"),
      ...unknown(known.actors, m.measuredBy, "measuredBy", "actor", "actors"),
      ...(m.municipality === undefined
        ? []
        : unknown(known.municipalities, m.municipality, "municipality", "municipality", "municipalities"))
    ])
      references.add({ file, problem })
    if (planned !== undefined && checkPlans)
      // the measurement's own path: its unit, its period (issue 14)
      for (const p of Measurement.planProblems([m], planned, []))
        plans.add({ file, problem: Problem.make(p.code, p.path.slice(1), p.message) })
  }
  return {
    check,
    problems: (): CappedLocated => {
      const all = locatedCollector()
      all.addCapped(duplicates.result())
      all.addCapped(references.result())
      all.addCapped(plans.result())
      return all.result()
    }
  }
}

/** The problem of a line, located, its record index dropped from the path. */
const lineProblem = (path: string, line: number, problem: Problem.Problem): Located => ({
  file: `${path}:${line}`,
  problem: Problem.make(problem.code, problem.path.slice(1), problem.message)
})

/**
 * Reads the file through `io` line by line, calling `each` on every entry.
 * Fails as readMeasurements does on a file that cannot be read or is not UTF-8.
 */
const readEntries = async (
  io: Io,
  path: string,
  each: (entry: Ndjson.Entry<Measurement.Measurement>) => void
): Promise<Outcome<void>> => {
  let source: Awaited<ReturnType<Io["open"]>>
  try {
    source = await io.open(path)
  } catch (error) {
    return openFailure(path, error)
  }
  const progress = io.stderrIsTTY === true
  let count = 0
  try {
    for await (const entry of Ndjson.decode(source.chunks, decodeMeasurement, { maxLength: maxLineBytes })) {
      each(entry)
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
  return success(undefined)
}

/**
 * Summarises an NDJSON file of measurements in bounded memory and checks its
 * references against the document's ids. A file on disk (`io.file` gives its
 * path) is summarised across `threads` worker threads (`evaluateFileSharded`;
 * one thread: `evaluateFile`); standard input or an in-memory file is read
 * once through `io`. Fails only when the file cannot be read.
 *
 * @category decoding
 * @since 0.1.0
 */
export const streamMeasurements = async (
  io: Io,
  path: string,
  options: StreamOptions
): Promise<Outcome<Streamed>> => {
  const local = path === "-" || io.file === undefined ? undefined : await io.file(path)
  if (local === undefined) {
    // one pass through io: the lines, the summary and the references at once
    const acc = Summary.accumulator()
    const lines = locatedCollector()
    const refs = checker(path, options, undefined)
    let index = 0
    const read = await readEntries(io, path, (entry) => {
      if (entry._tag === "Value") {
        addDetail(acc, entry.value)
        refs.check(entry.value, index++, entry.line)
      } else
        for (const problem of entry.problems)
          if (lines.full()) lines.skip(problem.code)
          else lines.add(lineProblem(path, entry.line, problem))
    })
    if (read._tag === "Failure") return read
    return success({
      detail: acc.result(),
      records: index,
      lines: lines.result(),
      checks: refs.problems(),
      threads: 1
    })
  }
  let evaluated: Evaluated
  try {
    const threads = Math.max(1, Math.floor(options.threads ?? availableParallelism()))
    evaluated =
      threads === 1
        ? evaluateFile(local, { detail: true })
        : await evaluateFileSharded(local, { threads, detail: true })
  } catch (error) {
    if (isSystemError(error)) return openFailure(path, error)
    throw error
  }
  const lines: CappedLocated = {
    kept: evaluated.problems.map((problem, i) => lineProblem(path, evaluated.lines?.[i] ?? 0, problem)),
    total: evaluated.problemCount,
    omitted: evaluated.omitted
  }
  const only = candidates(evaluated.ids ?? new Int32Array(0), options.inline)
  let records = 0
  for (const key in evaluated.summary.cells) records += evaluated.summary.cells[key]!.count
  const offPlan = options.plans !== undefined && anyOffPlan(evaluated, options.plans)
  if (only.size === 0 && !anyUnknown(evaluated.summary, options.known) && !offPlan)
    return success({ detail: evaluated.summary, records, lines, checks: none, threads: evaluated.threads })
  // a second reading, to say on which lines the unknown ids, the duplicates, the wrong units and periods are
  const refs = checker(path, options, only, offPlan)
  let index = 0
  const read = await readEntries(io, path, (entry) => {
    if (entry._tag === "Value") refs.check(entry.value, index++, entry.line)
  })
  if (read._tag === "Failure") return read
  return success({
    detail: evaluated.summary,
    records,
    lines,
    checks: refs.problems(),
    threads: evaluated.threads
  })
}

/**
 * The measurements of the detail summary that belong to one assignment (its
 * own indicator), as a plain summary: what `Progress.progress` would fold
 * from the measurements of that assignment.
 *
 * @category calculators
 * @since 0.1.0
 */
export const ofAssignment = (
  detail: Summary.Summary,
  assignment: string,
  indicator: string
): Summary.Summary => plain(detail, (a, i) => a === assignment && i === indicator)

/**
 * The plain summary (cells keyed by indicator, period and municipality) of
 * the detail summary's cells that `keep` keeps (all by default).
 *
 * @category calculators
 * @since 0.1.0
 */
export const plain = (
  detail: Summary.Summary,
  keep: (assignment: string, indicator: string, measuredBy: string) => boolean = () => true
): Summary.Summary => {
  const acc = Summary.accumulator()
  for (const key in detail.cells) {
    const cell = detail.cells[key]!
    const [assignment, indicator, measuredBy] = partsOf(cell.indicator)
    if (!keep(assignment, indicator, measuredBy)) continue
    const moved = { ...cell, indicator } as Summary.Cell
    acc.addSummary({
      _tag: "Summary",
      cells: { [Summary.keyOf(indicator, cell.period, cell.municipality)]: moved }
    })
  }
  return acc.result()
}

/**
 * Adds the document's own measurements to a detail summary.
 *
 * @category calculators
 * @since 0.1.0
 */
export const withInline = (
  detail: Summary.Summary,
  inline: ReadonlyArray<Measurement.Measurement>
): Summary.Summary => {
  if (inline.length === 0) return detail
  const acc = Summary.accumulator()
  for (const m of inline) addDetail(acc, m)
  acc.addSummary(detail)
  return acc.result()
}
