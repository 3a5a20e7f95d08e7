/**
 * Sharded evaluation of a large NDJSON file of measurements across
 * `worker_threads`. Summaries merge (FRAMEWORK.md invariant 13), so the file is
 * cut at line boundaries into ranges that the main thread and its workers take
 * from a queue as they become free (a slow-starting worker simply takes fewer),
 * each folding its ranges into a Summary; the partial summaries are merged.
 * The result equals the single-thread one: same summary, same problems, same
 * record indices and lines.
 *
 * Node-only (worker_threads, fs), so it lives in the CLI, not in core.
 *
 * Packaging note: a worker loads this module by its own URL and calls
 * {@link shardWorker}; when bundling, keep this module its own entry
 * (`shard: "src/shard.ts"` in tsup's `entry`) so that the worker never loads
 * the CLI's `bin`.
 *
 * @since 0.1.0
 */
import { closeSync, fstatSync, openSync, readSync } from "node:fs"
import { availableParallelism } from "node:os"
import { isMainThread, parentPort, Worker, workerData } from "node:worker_threads"
import { Decoder, Measurement, Ndjson, Problem, Summary } from "@welfare/core"

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
  readonly threads: number
}

/**
 * Options: `threads` counts the main thread (default: the available
 * parallelism); `ranges` how many pieces the file is cut into (default 8 a
 * thread).
 *
 * @category models
 * @since 0.1.0
 */
export interface Options {
  readonly threads?: number
  readonly ranges?: number
  /** `false` runs every range on the main thread (same cutting and merging; for tests and for runtimes without a TypeScript loader in workers). */
  readonly workers?: boolean
}

interface RangeResult {
  readonly range: number
  readonly summary: Summary.Summary
  readonly problems: ReadonlyArray<Problem.Problem>
  readonly records: number
  readonly newlines: number
}

const CHUNK = 1 << 20
const MARK = "@welfare/cli/shard"

/** Reads [start, end) of a file in chunks, counting newlines. */
function* bytes(fd: number, start: number, end: number, count: { newlines: number }): Generator<Uint8Array> {
  let pos = start
  while (pos < end) {
    const buf = new Uint8Array(Math.min(CHUNK, end - pos))
    const n = readSync(fd, buf, 0, buf.length, pos)
    if (n <= 0) return
    const chunk = n === buf.length ? buf : buf.subarray(0, n)
    for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) count.newlines++
    pos += n
    yield chunk
  }
}

const decode = Decoder.compile(Measurement.Measurement)

/** Folds one range of the file (whole lines) into a summary. Pure apart from reading the file. */
const evaluateRange = (path: string, range: number, start: number, end: number): RangeResult => {
  const fd = openSync(path, "r")
  try {
    const count = { newlines: 0 }
    const acc = Summary.accumulator()
    const problems: Array<Problem.Problem> = []
    let records = 0
    for (const entry of Ndjson.decodeSync(bytes(fd, start, end, count), decode)) {
      records++
      if (entry._tag === "Value") acc.add(entry.value)
      else problems.push(...entry.problems)
    }
    return { range, summary: acc.result(), problems, records, newlines: count.newlines }
  } finally {
    closeSync(fd)
  }
}

/** Cuts a file into `n` ranges that start at line starts. */
const cut = (path: string, n: number): Array<readonly [number, number]> => {
  const fd = openSync(path, "r")
  try {
    const size = fstatSync(fd).size
    const starts = [0]
    const probe = new Uint8Array(64 * 1024)
    for (let i = 1; i < n; i++) {
      let pos = Math.max(Math.floor((size * i) / n), starts[starts.length - 1]!)
      let found = -1
      while (found === -1 && pos < size) {
        const r = readSync(fd, probe, 0, probe.length, pos)
        if (r <= 0) break
        const nl = probe.subarray(0, r).indexOf(10)
        if (nl === -1) pos += r
        else found = pos + nl + 1
      }
      if (found === -1 || found >= size) break
      if (found > starts[starts.length - 1]!) starts.push(found)
    }
    return starts.map((s, i) => [s, i + 1 < starts.length ? starts[i + 1]! : size] as const)
  } finally {
    closeSync(fd)
  }
}

/** Shifts a range's problems to whole-file record indices and lines. */
const relocate = (p: Problem.Problem, recordsBefore: number, linesBefore: number): Problem.Problem => {
  const [head, ...rest] = p.path
  const path = typeof head === "number" ? [head + recordsBefore, ...rest] : p.path
  const message = p.message.replace(/^line (\d+)/, (_, n: string) => `line ${Number(n) + linesBefore}`)
  return Problem.make(p.code, path, message)
}

const combine = (results: ReadonlyArray<RangeResult>, threads: number): Evaluated => {
  const ordered = [...results].sort((a, b) => a.range - b.range)
  const problems: Array<Problem.Problem> = []
  let records = 0
  let lines = 0
  for (const r of ordered) {
    for (const p of r.problems) problems.push(relocate(p, records, lines))
    records += r.records
    lines += r.newlines
  }
  return { summary: Summary.mergeAll(ordered.map((r) => r.summary)), problems, records, threads }
}

/**
 * Evaluates an NDJSON file of measurements on one thread.
 *
 * @category evaluation
 * @since 0.1.0
 */
export const evaluateFile = (path: string): Evaluated =>
  combine([evaluateRange(path, 0, 0, Number.MAX_SAFE_INTEGER)], 1)

/**
 * The worker's script: import this module and run its worker body. From
 * TypeScript sources (development, benchmarks) the worker has no loader of its
 * own, so it registers tsx first.
 */
const workerSource = (url: string): string => {
  const load = `import(${JSON.stringify(url)}).then((m) => m.shardWorker())`
  if (!url.endsWith(".ts")) return load
  let tsx: string
  try {
    tsx = import.meta.resolve("tsx/esm/api")
  } catch {
    return load
  }
  return `import(${JSON.stringify(tsx)}).then((api) => api.register()).then(() => ${load})`
}

/**
 * Evaluates an NDJSON file of measurements across worker threads and merges
 * the partial summaries: the same result as {@link evaluateFile}.
 *
 * @category evaluation
 * @since 0.1.0
 */
export const evaluateFileSharded = async (path: string, options: Options = {}): Promise<Evaluated> => {
  const threads = Math.max(1, Math.floor(options.threads ?? availableParallelism()))
  if (threads === 1 && options.ranges === undefined) return evaluateFile(path)
  const ranges = cut(path, Math.max(1, options.ranges ?? threads * 8))
  const results: Array<RangeResult> = []
  let next = 0
  const take = (): number | undefined => (next < ranges.length ? next++ : undefined)
  const workers: Array<Promise<void>> = []
  const idle: Array<() => void> = []
  const url = import.meta.url
  for (let w = 1; w < (options.workers === false ? 1 : threads); w++) {
    workers.push(
      new Promise<void>((resolve, reject) => {
        const worker = new Worker(workerSource(url), {
          eval: true,
          workerData: { [MARK]: true, path }
        })
        let busy = false
        const stop = (): void => {
          void worker.terminate().then(() => resolve())
        }
        const feed = (): void => {
          const r = take()
          busy = r !== undefined
          if (r === undefined) stop()
          else worker.postMessage({ range: r, start: ranges[r]![0], end: ranges[r]![1] })
        }
        // When the main thread has done everything, a worker still starting is not waited for.
        idle.push(() => {
          if (!busy) stop()
        })
        worker.on("message", (m: RangeResult | "ready") => {
          if (m !== "ready") results.push(m)
          feed()
        })
        worker.on("error", reject)
      })
    )
  }
  // The main thread works too, one range at a time, yielding so workers are fed.
  for (let r = take(); r !== undefined; r = take()) {
    results.push(evaluateRange(path, r, ranges[r]![0], ranges[r]![1]))
    await new Promise<void>((resolve) => setImmediate(resolve))
  }
  for (const f of idle) f()
  await Promise.all(workers)
  return combine(results, threads)
}

/**
 * The body of a shard worker (called by the worker that
 * {@link evaluateFileSharded} starts; not for direct use).
 *
 * @category internals
 * @since 0.1.0
 */
export const shardWorker = (): void => {
  if (isMainThread || parentPort === null) return
  const data = workerData as { readonly [MARK]?: boolean; readonly path?: string } | undefined
  if (data?.[MARK] !== true || data.path === undefined) return
  const port = parentPort
  const path = data.path
  port.on("message", (m: { readonly range: number; readonly start: number; readonly end: number }) => {
    port.postMessage(evaluateRange(path, m.range, m.start, m.end))
  })
  port.postMessage("ready")
}
