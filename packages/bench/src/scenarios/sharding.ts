/**
 * Sharded evaluation (issue 9): 1,000,000 measurements in an NDJSON file,
 * summarised on one thread and across worker_threads (the CLI's shard.ts),
 * the partial summaries merged (invariant 13). Target on these 2-core
 * machines: sharded >= 1.6x faster than one thread.
 */
import { closeSync, mkdtempSync, openSync, rmSync, writeSync } from "node:fs"
import { availableParallelism, tmpdir } from "node:os"
import { dirname, join } from "node:path"
import { fileURLToPath, pathToFileURL } from "node:url"
import { Summary } from "@welfare/core"
import { byName, type Scenario } from "../harness.js"

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

/** The CLI's shard module (packages/cli/src/shard.ts; not exported by @welfare/cli's index, so loaded by path). */
interface Shard {
  readonly evaluateFile: (path: string) => Evaluated
  readonly evaluateFileSharded: (path: string, options?: { readonly threads?: number }) => Promise<Evaluated>
}
interface Evaluated {
  readonly summary: Summary.Summary
  readonly problems: ReadonlyArray<unknown>
  readonly records: number
}
const shardPath = join(dirname(fileURLToPath(import.meta.url)), "../../../cli/src/shard.ts")
const { evaluateFile, evaluateFileSharded } = (await import(pathToFileURL(shardPath).href)) as Shard

interface Prepared {
  readonly path: string
  readonly dir: string
}

let equal: boolean | undefined

const threads = Math.max(2, availableParallelism())

export const scenario: Scenario<Prepared> = {
  id: "sharding",
  title: "Summarising 1,000,000 measurements from an NDJSON file: worker_threads vs one thread",
  target: `sharded (${threads} threads) >= 1.6x faster than one thread`,
  sizes: `${N.toLocaleString("en")} measurements in one NDJSON file (deterministic), cut into ${threads * 8} line-aligned ranges`,
  runs: 3,
  prepare: () => {
    const dir = mkdtempSync(join(tmpdir(), "welfare-bench-"))
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
    process.on("exit", () => rmSync(dir, { recursive: true, force: true }))
    return { path, dir }
  },
  workloads: [
    {
      name: `ours: evaluateFileSharded, ${threads} threads`,
      items: N,
      run: async (p) => {
        const sharded = await evaluateFileSharded(p.path, { threads })
        if (equal === undefined) equal = Summary.equals(sharded.summary, evaluateFile(p.path).summary)
        if (sharded.records !== N || sharded.problems.length > 0)
          throw new Error("the seeded file should decode cleanly")
        return sharded
      }
    },
    { name: "one thread: evaluateFile", items: N, run: (p) => evaluateFile(p.path) }
  ],
  meets: (results) =>
    equal === true &&
    byName(results, "one thread: evaluateFile").medianMs /
      byName(results, `ours: evaluateFileSharded, ${threads} threads`).medianMs >=
      1.6,
  notes: (results) => [
    `speed-up: ${(byName(results, "one thread: evaluateFile").medianMs / byName(results, `ours: evaluateFileSharded, ${threads} threads`).medianMs).toFixed(2)}x (target >= 1.6x)`,
    `sharded summary equals the single-thread summary: ${equal}`
  ]
}
