/**
 * Sharded evaluation of a large NDJSON file of measurements across
 * `worker_threads`. Summaries merge (FRAMEWORK.md invariant 13), so the file is
 * cut at line boundaries into ranges that the main thread and its workers take
 * from a queue in shared memory as they become free (a slow-starting worker
 * simply takes fewer), each folding its ranges into one Summary; the partial
 * summaries are merged. The result equals the single-thread one: same
 * summary, same problems, same record indices and lines.
 *
 * Each line is read by a validating fast path that works on the bytes and
 * reads only what a summary needs; a line it cannot vouch for (a syntax error,
 * an invalid measurement, escapes, non-ASCII text, a duplicate key, an
 * over-long line) goes to the full path, `Ndjson.decodeSync` with
 * `Decoder.compile(Measurement.Measurement)`, so every problem is that path's
 * own. {@link evaluateFile} runs the very same code on one thread.
 *
 * Node-only (worker_threads, fs), so it lives in the CLI, not in core. Workers
 * run the built `dist/shard-worker.js` (core from its dist, never a TypeScript
 * loader); from sources without a build, every range runs on the main thread.
 *
 * @since 0.1.0
 */
import { closeSync, existsSync, fstatSync, openSync, readSync } from "node:fs"
import { availableParallelism } from "node:os"
import { fileURLToPath } from "node:url"
import { Worker } from "node:worker_threads"
import { Decoder, Measurement, Ndjson, Problem, Summary } from "@welfare/core"
import {
  configure,
  detailKeyOf,
  idHashes,
  lineEnd,
  runRanges,
  type ThreadResult,
  type Vocabulary
} from "./shard-reader.js"

export {
  detailKey,
  type Figures,
  fastFigures,
  idHashes,
  type PartialCell,
  type PartialCells,
  type RangePart,
  type ThreadResult
} from "./shard-reader.js"

/**
 * What one evaluation of a file gives: the summary, every problem (paths start
 * with the record index, messages name the line), and counts.
 *
 * @category models
 * @since 0.1.0
 */
export interface Evaluated {
  readonly summary: Summary.Summary
  readonly problems: ReadonlyArray<Problem.Problem>
  readonly records: number
  /** Threads that evaluated at least one range. */
  readonly threads: number
  /** Of those, worker threads (the others: the main thread). */
  readonly workers: number
  /**
   * With `detail`: two 32-bit hashes ({@link idHashes}) of the id of every
   * valid measurement that has one, in no particular order.
   */
  readonly ids?: Int32Array
  /** With `detail`: the line of each problem, in the order of `problems`. */
  readonly lines?: ReadonlyArray<number>
  /**
   * How many problems the file has: `problems` keeps only the first
   * `Problem.defaultMaxProblems` in file order, the others are counted by kind
   * in `omitted` (issue 14: a million broken lines must not hold a million problems).
   */
  readonly problemCount: number
  readonly omitted: Problem.Capped["omitted"]
  /**
   * With `detail`: the units the valid measurements are in, by indicator
   * (so that a unit that is not its indicator's is found without keeping a line).
   */
  readonly units?: { readonly [indicator: string]: ReadonlyArray<string> }
}

/**
 * Options of one evaluation: `ranges`, how many line-aligned pieces the file
 * is cut into (default: about 4 MB each, at least 8 a thread); `main`, whether
 * the main thread evaluates ranges too (default `true`; `false` leaves it to
 * read results and merge, and it still evaluates every range when no worker
 * runs).
 *
 * @category models
 * @since 0.1.0
 */
export interface EvaluateOptions {
  readonly ranges?: number
  readonly main?: boolean
  /**
   * Whether to key the summary's cells by assignment and measuring actor too
   * (see {@link detailKey}) and to collect the hashes of the measurements'
   * ids (`ids` of the result), so that progress and reference checks need no
   * measurement kept in memory. Default `false`: the plain summary.
   */
  readonly detail?: boolean
}

/**
 * Options of a pool: `workers`, how many worker threads (default: the
 * available parallelism less one, for the main thread; 0 runs everything on
 * the main thread); `script`, the workers' script (default: the built
 * `shard-worker.js`).
 *
 * @category models
 * @since 0.1.0
 */
export interface PoolOptions {
  readonly workers?: number
  readonly script?: string | URL
}

/**
 * Options of {@link evaluateFileSharded}: `threads` counts the threads that
 * evaluate, the main thread included when `main` is not `false` (default: the
 * available parallelism); `workers: false` runs every range on the main thread
 * (same cutting and merging).
 *
 * @category models
 * @since 0.1.0
 */
export interface Options extends EvaluateOptions {
  readonly threads?: number
  readonly workers?: boolean
}

/**
 * A pool of shard workers kept across evaluations (so that loading the library
 * and warming its code up is paid once). `ready` settles when every worker has
 * started (or failed to: its ranges then run elsewhere); `close` ends them
 * (until then the workers keep the process alive).
 *
 * @category models
 * @since 0.1.0
 */
export interface Pool {
  readonly workers: number
  readonly ready: Promise<void>
  readonly evaluate: (path: string, options?: EvaluateOptions) => Promise<Evaluated>
  readonly close: () => Promise<void>
}

// ---------------------------------------------------------------------------
// one range of lines
// ---------------------------------------------------------------------------

const CHUNK = 1 << 20
const NL = new Uint8Array([10])
const fullDecode = Decoder.compile(Measurement.Measurement)

/**
 * Whether the fast reader knows every field of the schema: should `Measurement`
 * or `Period` change shape, every line goes to the full path until the
 * kernel's reader learns the new fields (the test "the fast reader knows the
 * Measurement schema" fails meanwhile).
 */
export const fastReader: boolean = Measurement.vocabulary.fast

/** What the reader needs of core's schemas; the workers get it with each job. */
const vocabulary: Vocabulary = { ...Measurement.vocabulary, maxLength: Ndjson.defaultMaxLength }
configure(vocabulary)

/**
 * The full path on one line's bytes: exactly what `Ndjson.decodeSync` over the
 * whole file gives for it (the line is fed after a newline, so that a
 * byte-order mark is stripped only on the file's first line), with the
 * record's line `line` and index `index`.
 */
const slowLine = (
  chunks: Iterable<Uint8Array>,
  first: boolean,
  line: number,
  index: number
): Ndjson.Entry<Measurement.Measurement> | undefined => {
  const source = first ? chunks : withNewline(chunks)
  for (const entry of Ndjson.decodeSync(source, fullDecode)) {
    const shift = line - entry.line
    if (entry._tag === "Value") return { ...entry, index, line }
    return {
      _tag: "Problems",
      index,
      line,
      problems: entry.problems.map((p) => moved(p, index - entry.index, shift)) as unknown as readonly [
        Problem.Problem,
        ...Array<Problem.Problem>
      ]
    }
  }
  return undefined
}

function* withNewline(chunks: Iterable<Uint8Array>): Generator<Uint8Array> {
  yield NL
  yield* chunks
}

/** A problem moved by `records` record indices and `lines` lines (only the reader's own problems name a line). */
const moved = (p: Problem.Problem, records: number, lines: number): Problem.Problem => {
  const [head, ...rest] = p.path
  const path = typeof head === "number" ? [head + records, ...rest] : p.path
  const message =
    p.path.length === 1 && lines !== 0
      ? p.message.replace(/^line (\d+)(?=[,:])/, (_, n: string) => `line ${Number(n) + lines}`)
      : p.message
  return Problem.make(p.code, path, message)
}

/** Reads [start, end) of a file in chunks. */
function* fileBytes(fd: number, start: number, end: number): Generator<Uint8Array> {
  let pos = start
  while (pos < end) {
    const buf = new Uint8Array(Math.min(CHUNK, end - pos))
    const n = readSync(fd, buf, 0, buf.length, pos)
    if (n <= 0) return
    pos += n
    yield n === buf.length ? buf : buf.subarray(0, n)
  }
}

/** Cuts a file into about `n` ranges that start at line starts. */
const cut = (path: string, n: number): Array<readonly [number, number]> => {
  const fd = openSync(path, "r")
  try {
    const size = fstatSync(fd).size
    const starts = [0]
    const probe = new Uint8Array(64 * 1024)
    for (let i = 1; i < n; i++) {
      const pos = Math.max(Math.floor((size * i) / n), starts[starts.length - 1]!)
      const nl = lineEnd(fd, pos, size, probe)
      if (nl + 1 >= size) break
      if (nl + 1 > starts[starts.length - 1]!) starts.push(nl + 1)
    }
    return starts.map((s, i) => [s, i + 1 < starts.length ? starts[i + 1]! : size] as const)
  } finally {
    closeSync(fd)
  }
}

const sizeOf = (path: string): number => {
  const fd = openSync(path, "r")
  try {
    return fstatSync(fd).size
  } finally {
    closeSync(fd)
  }
}

/**
 * Orders the parts by range, decodes the lines the reader deferred with the
 * full path (in file order, so that their record indices and lines are the
 * whole file's), moves the problems to whole-file record indices and lines,
 * and adds the partial cells into one summary.
 */
const combine = (
  path: string,
  results: ReadonlyArray<ThreadResult>,
  threads: number,
  workers: number,
  detail: boolean
): Evaluated => {
  const parts = results.flatMap((r) => r.parts).sort((a, b) => a.range - b.range)
  const acc = Summary.accumulator()
  for (const r of results) acc.addSummary({ _tag: "Summary", cells: r.cells as Summary.Summary["cells"] })
  const slow = decideDeferred(path, parts, acc, detail)
  const summary = acc.result()
  const capped = slow.problems.result()
  const found = { problems: capped.kept, problemCount: capped.total, omitted: capped.omitted }
  if (!detail) return { summary, ...found, records: slow.records, threads, workers }
  return {
    summary,
    ...found,
    records: slow.records,
    threads,
    workers,
    ids: idsOf(results, slow.ids),
    lines: slow.where,
    units: unitsOf(results, slow.units)
  }
}

/** What the lines the readers deferred give, decided in file order. */
interface Slow {
  /** The first problems in file order (the others counted: issue 14), at whole-file records and lines. */
  readonly problems: Problem.Collector
  /** The line of each problem kept. */
  readonly where: Array<number>
  /** With `detail`: the id hashes and the units of the valid measurements among them. */
  readonly ids: Array<number>
  readonly units: Array<readonly [string, string]>
  /** The records of the whole file. */
  records: number
}

/**
 * Decodes the lines the readers deferred with the full path, in file order
 * (so that their record indices and lines are the whole file's), into the
 * accumulator and the problems.
 */
const decideDeferred = (
  path: string,
  parts: ReadonlyArray<ThreadResult["parts"][number]>,
  acc: Summary.Accumulator,
  detail: boolean
): Slow => {
  const slow: Slow = { problems: Problem.collector(), where: [], ids: [], units: [], records: 0 }
  let lines = 0
  let fd: number | undefined
  try {
    for (const part of parts) {
      let decided = 0
      const d = part.deferred
      for (let i = 0; i < d.length; i += 4) {
        fd ??= openSync(path, "r")
        const start = d[i]!
        const entry = slowLine(fileBytes(fd, start, d[i + 1]!), start === 0, d[i + 2]!, d[i + 3]! + decided)
        if (entry === undefined) continue
        decided++
        if (entry._tag === "Value") {
          const m = entry.value
          if (!detail) acc.add(m)
          else {
            acc.add({ ...m, indicator: detailKeyOf(m.assignment, m.indicator, m.measuredBy) as never })
            if (m.id !== undefined) slow.ids.push(...idHashes(m.id))
            if (m.unit !== undefined) slow.units.push([m.indicator, m.unit])
          }
        } else
          for (const p of entry.problems) {
            if (slow.problems.full()) slow.problems.skip(p.code)
            else {
              slow.problems.add(moved(p, slow.records, lines))
              slow.where.push(entry.line + lines)
            }
          }
      }
      slow.records += part.records + decided
      lines += part.newlines
    }
  } finally {
    if (fd !== undefined) closeSync(fd)
  }
  return slow
}

/** With `detail`: the id hashes of every thread's lines, then of the deferred ones. */
const idsOf = (results: ReadonlyArray<ThreadResult>, slowIds: ReadonlyArray<number>): Int32Array => {
  const lists = results.flatMap((r) => (r.ids === undefined ? [] : [r.ids]))
  const ids = new Int32Array(lists.reduce((n, l) => n + l.length, slowIds.length))
  let at = 0
  for (const l of lists) {
    ids.set(l, at)
    at += l.length
  }
  ids.set(slowIds, at)
  return ids
}

/** With `detail`: the units of each indicator, from the threads' bit sets and the deferred lines, sorted. */
const unitsOf = (
  results: ReadonlyArray<ThreadResult>,
  slowUnits: ReadonlyArray<readonly [string, string]>
): { readonly [indicator: string]: ReadonlyArray<string> } => {
  const units = new Map<string, Set<string>>()
  const unitOf = (indicator: string) => {
    let set = units.get(indicator)
    if (set === undefined) {
      set = new Set()
      units.set(indicator, set)
    }
    return set
  }
  for (const r of results)
    for (const indicator in r.units ?? {}) {
      const mask = r.units![indicator]!
      vocabulary.units.forEach((unit, i) => {
        if ((mask & (1 << i)) !== 0) unitOf(indicator).add(unit)
      })
    }
  for (const [indicator, unit] of slowUnits) unitOf(indicator).add(unit)
  return Object.fromEntries([...units].map(([indicator, set]) => [indicator, [...set].sort()]))
}

/**
 * Evaluates an NDJSON file of measurements on one thread: the same reading,
 * fast path and merging as the sharded evaluation, as one range (`detail`:
 * see {@link EvaluateOptions}).
 *
 * @category calculators
 * @since 0.1.0
 */
export const evaluateFile = (path: string, options: { readonly detail?: boolean } = {}): Evaluated => {
  const detail = options.detail === true
  const result = runRanges(vocabulary, path, [[0, sizeOf(path)]], new Int32Array(1), 1, detail)
  return combine(path, result === undefined ? [] : [result], 1, 0, detail)
}

// ---------------------------------------------------------------------------
// workers
// ---------------------------------------------------------------------------

/** A job for the workers. */
export interface Job {
  readonly job: number
  readonly path: string
  readonly ranges: ReadonlyArray<readonly [number, number]>
  readonly owner: SharedArrayBuffer
  /** See {@link EvaluateOptions}. */
  readonly detail?: boolean
  /** What the reader needs of core's schemas (the worker does not load core). */
  readonly vocabulary: Vocabulary
}

/** What a worker answers: "ready" once loaded, then one message a job. */
export type Reply =
  | { readonly _tag: "ready" }
  | { readonly _tag: "done"; readonly job: number; readonly result: ThreadResult | undefined }
  | { readonly _tag: "failed"; readonly job: number; readonly message: string }

/**
 * The built worker script, next to this module once bundled (`dist/`), or
 * the package's `dist/` when running from sources; undefined when not built.
 */
const workerFile = (): string | undefined => {
  const here = import.meta.url
  const url = here.endsWith(".ts")
    ? new URL("../dist/shard-worker.js", here)
    : new URL("./shard-worker.js", here)
  const file = url.protocol === "file:" ? fileURLToPath(url) : undefined
  return file !== undefined && existsSync(file) ? file : undefined
}

const MAIN = 1

interface Slot {
  readonly id: number
  readonly worker: Worker
  alive: boolean
}

/**
 * Starts a pool of shard workers. Workers that cannot start (no built worker
 * script, an error while loading) leave their share to the main thread: an
 * evaluation never fails for want of a worker.
 *
 * @category calculators
 * @since 0.1.0
 */
export const makePool = (options: PoolOptions = {}): Pool => {
  const wanted = Math.max(0, Math.floor(options.workers ?? availableParallelism() - 1))
  const file = wanted === 0 ? undefined : (options.script ?? workerFile())
  const slots: Array<Slot> = []
  const listeners: Listeners = new Set()
  const starting: Array<Promise<void>> = []
  if (file !== undefined)
    for (let i = 0; i < wanted; i++) {
      const started = startWorker(file, MAIN + 1 + i, listeners)
      if (started === undefined) continue
      slots.push(started.slot)
      starting.push(started.ready)
    }
  let jobs = 0
  return {
    workers: slots.length,
    ready: Promise.all(starting).then(() => undefined),
    evaluate: (path, evaluateOptions = {}) => evaluateOn(slots, listeners, ++jobs, path, evaluateOptions),
    close: async () => {
      await Promise.all(slots.map((s) => s.worker.terminate()))
    }
  }
}

type Listeners = Set<(slot: Slot, reply: Reply | "exit") => void>

/** Starts one worker; its replies and its end go to the listeners. Undefined when it cannot start. */
const startWorker = (
  file: string | URL,
  id: number,
  listeners: Listeners
): { readonly slot: Slot; readonly ready: Promise<void> } | undefined => {
  let worker: Worker
  try {
    // no inherited flags: never a TypeScript loader or the sources' export condition in a worker
    worker = new Worker(file, { execArgv: [], workerData: { id } })
  } catch {
    return undefined
  }
  const slot: Slot = { id, worker, alive: true }
  const ready = new Promise<void>((resolve) => {
    const gone = (): void => {
      if (!slot.alive) return
      slot.alive = false
      resolve()
      for (const f of listeners) f(slot, "exit")
    }
    worker.on("message", (m: Reply) => {
      if (m._tag === "ready") resolve()
      for (const f of listeners) f(slot, m)
    })
    worker.on("error", gone)
    worker.on("exit", gone)
  })
  return { slot, ready }
}

/**
 * Job `job` of a pool: the file cut into ranges that the live workers and
 * the main thread take; the ranges of a worker that fails or ends go back to
 * the main thread.
 */
const evaluateOn = (
  slots: ReadonlyArray<Slot>,
  listeners: Listeners,
  job: number,
  path: string,
  evaluateOptions: EvaluateOptions
): Promise<Evaluated> =>
  new Promise<Evaluated>((resolve, reject) => {
    const live = slots.filter((s) => s.alive)
    const threads = live.length + 1
    const results: Array<ThreadResult> = []
    const reported = new Set<number>()
    const evaluating = new Set<number>()
    let ranges: Array<readonly [number, number]> = []
    let owner: Int32Array<ArrayBufferLike> = new Int32Array(1)
    const detail = evaluateOptions.detail === true
    const keep = (r: ThreadResult | undefined, thread: number): void => {
      if (r === undefined) return
      results.push(r)
      evaluating.add(thread)
      for (const part of r.parts) reported.add(part.range)
    }
    const finish = (): void => {
      if (reported.size < ranges.length) return
      listeners.delete(listen)
      const workers = evaluating.size - (evaluating.has(MAIN) ? 1 : 0)
      resolve(combine(path, results, Math.max(1, evaluating.size), workers, detail))
    }
    const listen = (slot: Slot, reply: Reply | "exit"): void => {
      try {
        if (reply === "exit" || (reply._tag === "failed" && reply.job === job)) {
          // the ranges the worker took and did not report are free again, and the main thread takes
          // whatever is free (a worker that failed a job stays in the pool for the next ones)
          for (let r = 0; r < ranges.length; r++)
            if (Atomics.load(owner, r) === slot.id && !reported.has(r)) Atomics.store(owner, r, 0)
          keep(runRanges(vocabulary, path, ranges, owner, MAIN, detail), MAIN)
        } else if (reply._tag === "done" && reply.job === job) keep(reply.result, slot.id)
        finish()
      } catch (e) {
        listeners.delete(listen)
        reject(e)
      }
    }
    try {
      const perThread = Math.max(8, Math.ceil(sizeOf(path) / (4 << 20) / threads))
      ranges = cut(path, Math.max(1, Math.floor(evaluateOptions.ranges ?? threads * perThread)))
      owner = new Int32Array(new SharedArrayBuffer(4 * ranges.length))
      listeners.add(listen)
      const message: Job = { job, path, ranges, owner: owner.buffer as SharedArrayBuffer, detail, vocabulary }
      for (const s of live) s.worker.postMessage(message)
      if (evaluateOptions.main !== false || live.length === 0)
        keep(runRanges(vocabulary, path, ranges, owner, MAIN, detail), MAIN)
      finish()
    } catch (e) {
      listeners.delete(listen)
      reject(e)
    }
  })

/**
 * Evaluates an NDJSON file of measurements across worker threads started for
 * this evaluation and merges the partial summaries: the same result as
 * {@link evaluateFile}. For many files, keep a {@link makePool}.
 *
 * @category calculators
 * @since 0.1.0
 */
export const evaluateFileSharded = async (path: string, options: Options = {}): Promise<Evaluated> => {
  const threads = Math.max(1, Math.floor(options.threads ?? availableParallelism()))
  const workers = options.workers === false ? 0 : options.main === false ? threads : threads - 1
  const pool = makePool({ workers })
  try {
    return await pool.evaluate(path, options)
  } finally {
    await pool.close()
  }
}
