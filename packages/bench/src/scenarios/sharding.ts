/**
 * Sharded evaluation (issue 9): 1,000,000 measurements in an NDJSON file,
 * summarised on one thread and across worker_threads (the CLI's shard.ts),
 * the partial summaries merged (invariant 13). Target on these 2-core
 * machines: sharded >= 1.6x faster than one thread.
 *
 * Everything runs on built JavaScript: the workloads go to a plain node
 * process (no TypeScript loader, no source condition) that loads the CLI's
 * dist/shard.js and @welfare/core's dist, so the single-thread baseline and
 * the sharded runs are the same code. It answers each run with its wall time
 * and the CPU time of all its threads, so that the report says how many cores
 * the machine really gave (it is shared). Workers load no @welfare/core (the
 * CLI's shard-reader.ts only), so starting them costs tens of milliseconds,
 * which the cold figure includes.
 */
import { type ChildProcess, fork, spawnSync } from "node:child_process"
import { closeSync, existsSync, mkdtempSync, openSync, rmSync, writeFileSync, writeSync } from "node:fs"
import { loadavg, tmpdir } from "node:os"
import { dirname, join } from "node:path"
import { fileURLToPath, pathToFileURL } from "node:url"
import { Summary } from "@welfare/core"
import { byName, type Measured, type Scenario } from "../harness.js"

const N = 1_000_000
const municipalities = ["mun-015118", "mun-015044", "mun-015051", "mun-015182", "mun-015165", "mun-015219"]
const sources = ["administrative-data", "survey", "case-records"]

const line = (i: number): string => {
  const month = 1 + (i % 12)
  const mm = String(month).padStart(2, "0")
  const last = new Date(Date.UTC(2025, month, 0)).getUTCDate()
  return JSON.stringify({
    indicator: `ind-${i % 40}`,
    assignment: `asg-${i % 40}`,
    period: { start: `2025-${mm}-01`, end: `2025-${mm}-${last}` },
    municipality: municipalities[i % municipalities.length],
    value: ((i * 7919) % 10000) / 100,
    unit: "hour",
    measuredBy: `act-${i % 97}`,
    source: sources[i % sources.length],
    ...(i % 3 === 0 ? { persons: 1 + (i % 50) } : {})
  })
}

const shardJs = join(dirname(fileURLToPath(import.meta.url)), "../../../cli/dist/shard.js")
const coreJs = join(dirname(fileURLToPath(import.meta.url)), "../../../core/dist/index.js")

/** The driver: a plain node process running the built CLI module. */
const driver = `
import { closeSync, fstatSync, openSync, readSync } from "node:fs"
import { evaluateFile, evaluateFileSharded, makePool } from ${JSON.stringify(pathToFileURL(shardJs).href)}
import { Decoder, Measurement, Ndjson, Summary } from ${JSON.stringify(pathToFileURL(coreJs).href)}
const path = process.argv[2]
// the general path the fast reader stands in for: Ndjson.decodeSync + Decoder.compile + an accumulator
const decode = Decoder.compile(Measurement.Measurement)
const reference = () => {
  const fd = openSync(path, "r")
  const size = fstatSync(fd).size
  const chunks = function* () {
    for (let pos = 0; pos < size; ) {
      const buf = new Uint8Array(Math.min(1 << 20, size - pos))
      const n = readSync(fd, buf, 0, buf.length, pos)
      pos += n
      yield buf.subarray(0, n)
    }
  }
  const acc = Summary.accumulator()
  const problems = []
  let records = 0
  for (const e of Ndjson.decodeSync(chunks(), decode)) {
    records++
    if (e._tag === "Value") acc.add(e.value)
    else problems.push(...e.problems)
  }
  closeSync(fd)
  return { summary: acc.result(), problems, records, threads: 1, workers: 0 }
}
const pools = new Map()
const pool = async (workers) => {
  let p = pools.get(workers)
  if (p === undefined) {
    p = makePool({ workers })
    pools.set(workers, p)
    await p.ready
  }
  return p
}
const evaluate = async (op) => {
  switch (op) {
    case "one": return evaluateFile(path)
    case "main+1": return (await pool(1)).evaluate(path)
    case "2+merge": return (await pool(2)).evaluate(path, { main: false })
    case "cold": return evaluateFileSharded(path)
    case "reference": return reference()
  }
  throw new Error("unknown op " + op)
}
const run = async (op, summary) => {
  const c0 = process.cpuUsage()
  const t0 = performance.now()
  const r = await evaluate(op)
  const wall = performance.now() - t0
  const cpu = process.cpuUsage(c0)
  return {
    wall, cores: (cpu.user + cpu.system) / 1000 / wall, records: r.records, problems: r.problems.length,
    threads: r.threads, workers: r.workers, ...(summary ? { summary: r.summary } : {})
  }
}
if (process.argv[3] !== undefined) {
  console.log(JSON.stringify(await run(process.argv[3], false)))
  process.exit(0)
}
process.on("message", async (m) => {
  if (m.op === "start") {
    // a worker's start-up: from makePool to ready (workers load the CLI's lean reader only)
    const t0 = performance.now()
    const p = makePool({ workers: 1 })
    await p.ready
    const wall = performance.now() - t0
    await p.close()
    process.send({ wall })
    return
  }
  if (m.op === "pools") {
    await pool(1)
    await pool(2)
    process.send({ ready: true })
    return
  }
  try {
    process.send(await run(m.op, m.summary === true))
  } catch (e) {
    process.send({ error: String(e && e.stack || e) })
  }
})
`

interface Reply {
  readonly wall: number
  readonly cores: number
  readonly records: number
  readonly problems: number
  readonly threads: number
  readonly workers: number
  readonly summary?: Summary.Summary
  readonly error?: string
}

interface Prepared {
  readonly path: string
  readonly script: string
  readonly child: ChildProcess
  readonly ask: (op: string, summary?: boolean) => Promise<Reply>
}

/** Per workload: the driver's replies (cores used, threads) of the measured runs. */
const seen = new Map<string, Array<Reply>>()
let equal: Record<string, boolean> = {}
let loadBefore: ReadonlyArray<number> = []
let startMs = Number.NaN

const W = {
  warm: "ours: warm pool, main thread + 1 worker",
  merge: "warm pool, 2 workers, main thread merging only",
  cold: "workers started for the evaluation (evaluateFileSharded)",
  one: "one thread: evaluateFile (same code)",
  freshSharded: "fresh process: evaluateFileSharded",
  freshOne: "fresh process: evaluateFile",
  reference: "one thread, general path: Ndjson.decodeSync + Decoder.compile"
} as const

const asking =
  (op: string, name: string) =>
  async (p: Prepared): Promise<number> => {
    const r = await p.ask(op)
    if (r.error !== undefined) throw new Error(r.error)
    if (r.records !== N || r.problems > 0) throw new Error("the seeded file should decode cleanly")
    const list = seen.get(name) ?? []
    list.push(r)
    seen.set(name, list)
    return r.records
  }

const fresh =
  (op: string, name: string) =>
  (p: Prepared): number => {
    const r = spawnSync(process.execPath, [p.script, p.path, op], { encoding: "utf8", timeout: 120_000 })
    if (r.status !== 0)
      throw new Error(`the driver exited with ${r.status} ${r.signal ?? ""}: ${r.stderr.slice(0, 300)}`)
    const reply = JSON.parse(r.stdout) as Reply
    const list = seen.get(name) ?? []
    list.push(reply)
    seen.set(name, list)
    return reply.records
  }

const median = (xs: ReadonlyArray<number>): number => {
  const s = [...xs].sort((a, b) => a - b)
  return s.length === 0 ? Number.NaN : s[Math.floor(s.length / 2)]!
}
const coresOf = (name: string): string => median((seen.get(name) ?? []).map((r) => r.cores)).toFixed(2)
const speedUp = (results: ReadonlyArray<Measured>, name: string, base: string = W.one): number =>
  byName(results, base).medianMs / byName(results, name).medianMs

export const scenario: Scenario<Prepared> = {
  id: "sharding",
  title: "Summarising 1,000,000 measurements from an NDJSON file: worker_threads vs one thread (built JS)",
  target:
    "sharded (2 threads) >= 1.6x faster than one thread, with a warm pool and with workers started for the evaluation",
  sizes: `${N.toLocaleString("en")} measurements in one NDJSON file (deterministic, about 200 MB), cut into line-aligned ranges of about 4 MB taken from a shared queue`,
  runs: 5,
  prepare: async () => {
    if (!existsSync(shardJs))
      throw new Error(`${shardJs} is missing: run pnpm build (turbo builds it before bench)`)
    loadBefore = loadavg()
    const dir = mkdtempSync(join(tmpdir(), "welfare-bench-"))
    process.on("exit", () => rmSync(dir, { recursive: true, force: true }))
    const path = join(dir, "measurements.ndjson")
    const fd = openSync(path, "w")
    let buf: Array<string> = []
    for (let i = 0; i < N; i++) {
      buf.push(line(i))
      if (buf.length === 10_000) {
        writeSync(fd, `${buf.join("\n")}\n`)
        buf = []
      }
    }
    if (buf.length > 0) writeSync(fd, `${buf.join("\n")}\n`)
    closeSync(fd)
    const script = join(dir, "driver.mjs")
    writeFileSync(script, driver)
    const child = fork(script, [path], { execArgv: [], serialization: "advanced", stdio: "inherit" })
    process.on("exit", () => child.kill())
    // the driver keeps this process alive only while a question is pending
    child.unref()
    child.channel?.unref()
    let pending: ((r: Reply) => void) | undefined
    child.on("message", (m) => {
      const f = pending
      pending = undefined
      child.channel?.unref()
      f?.(m as Reply)
    })
    const ask = (op: string, summary = false): Promise<Reply> =>
      new Promise((resolve) => {
        pending = resolve
        child.channel?.ref()
        child.send({ op, summary })
      })
    const starts: Array<number> = []
    for (let i = 0; i < 5; i++) starts.push((await ask("start")).wall)
    startMs = median(starts)
    await ask("pools")
    const one = await ask("one", true)
    const check = async (op: string): Promise<boolean> => {
      const r = await ask(op, true)
      return (
        r.summary !== undefined &&
        one.summary !== undefined &&
        Summary.equals(r.summary, one.summary) &&
        r.records === one.records &&
        r.problems === one.problems
      )
    }
    equal = {
      "main+1": await check("main+1"),
      "2+merge": await check("2+merge"),
      cold: await check("cold"),
      "general path": await check("reference")
    }
    seen.clear()
    return { path, script, child, ask }
  },
  workloads: [
    { name: W.warm, items: N, run: asking("main+1", W.warm) },
    { name: W.merge, items: N, run: asking("2+merge", W.merge) },
    { name: W.cold, items: N, run: asking("cold", W.cold) },
    { name: W.one, items: N, run: asking("one", W.one) },
    { name: W.freshSharded, items: N, run: fresh("cold", W.freshSharded) },
    { name: W.freshOne, items: N, run: fresh("one", W.freshOne) },
    { name: W.reference, items: N, run: asking("reference", W.reference) }
  ],
  meets: (results) =>
    Object.values(equal).every((e) => e) &&
    Math.max(speedUp(results, W.warm), speedUp(results, W.merge)) >= 1.6 &&
    speedUp(results, W.cold) >= 1.6,
  notes: (results) => {
    const loadAfter = loadavg()
    return [
      `speed-up over one thread, warm pool: main thread + 1 worker ${speedUp(results, W.warm).toFixed(2)}x, 2 workers with the main thread merging ${speedUp(results, W.merge).toFixed(2)}x (target >= 1.6x)`,
      `speed-up, cold: workers started for each evaluation ${speedUp(results, W.cold).toFixed(2)}x (target >= 1.6x); a fresh process each run (node start and imports included) ${speedUp(results, W.freshSharded, W.freshOne).toFixed(2)}x`,
      `a worker's start-up (makePool to ready, median of 5): ${startMs.toFixed(0)} ms`,
      `cores used (CPU time of all threads / wall time, median): warm main + 1 worker ${coresOf(W.warm)}, warm 2 workers ${coresOf(W.merge)}, cold ${coresOf(W.cold)}, one thread ${coresOf(W.one)}`,
      `one thread: the fast reader against the general path ${speedUp(results, W.one, W.reference).toFixed(2)}x`,
      `sharded and general-path results equal the single-thread one (summary, records, problems): ${Object.entries(
        equal
      )
        .map(([k, v]) => `${k} ${v}`)
        .join(", ")}`,
      `load average (1, 5, 15 min) before: ${loadBefore.map((l) => l.toFixed(2)).join(", ")}; after: ${loadAfter.map((l) => l.toFixed(2)).join(", ")}`
    ]
  }
}
