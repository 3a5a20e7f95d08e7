/**
 * `welfare evaluate` on 1,000,000 measurements from an NDJSON file, in a
 * fresh process of the built CLI: `--threads 1` against the default (the
 * available parallelism), with the peak RSS each process reports (hidden
 * `--stats`). Issue 9: evaluating 1,000,000 measurements keeps RSS under
 * 300 MB.
 */
import { spawnSync } from "node:child_process"
import { createWriteStream, existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { dirname, join } from "node:path"
import { fileURLToPath } from "node:url"
import { byName, type Scenario } from "../harness.js"

const repo = join(dirname(fileURLToPath(import.meta.url)), "../../../..")
const bin = join(repo, "packages/cli/dist/bin.js")
const records = 1_000_000

interface Prepared {
  readonly doc: string
  readonly lines: string
}

/** The largest peak RSS (MB) each workload's processes reported. */
const peak = new Map<string, number>()

const one = "ours: welfare evaluate --threads 1"
const sharded = "ours: welfare evaluate (default threads)"

const evaluate =
  (name: string, threads: ReadonlyArray<string>) =>
  (p: Prepared): number => {
    const r = spawnSync(
      process.execPath,
      [bin, "evaluate", p.doc, "-m", p.lines, "--json", "--stats", ...threads],
      {
        cwd: repo,
        encoding: "utf8",
        maxBuffer: 1 << 24
      }
    )
    if (r.status !== 0) throw new Error(`welfare evaluate exited with ${r.status}: ${r.stderr.slice(0, 300)}`)
    const rss = Number(r.stderr.match(/peak RSS ([\d.]+) MB/)?.[1])
    peak.set(name, Math.max(peak.get(name) ?? 0, rss))
    return r.stdout.length
  }

export const scenario: Scenario<Prepared> = {
  id: "cli-evaluate",
  title: "welfare evaluate --measurements (1,000,000 lines, fresh process, built CLI): time and peak RSS",
  target: "peak RSS < 300 MB",
  sizes: `${records.toLocaleString("en")} measurements (the 24 of examples/territories/legnano.json, cycled, ids msr-N), about 270 MB`,
  runs: 3,
  prepare: async () => {
    if (!existsSync(bin)) throw new Error(`${bin} is missing: run pnpm build (turbo builds it before bench)`)
    const legnano = JSON.parse(readFileSync(join(repo, "examples/territories/legnano.json"), "utf8")) as {
      measurements: Array<unknown>
    } & Record<string, unknown>
    const { measurements, ...rest } = legnano
    const dir = mkdtempSync(join(tmpdir(), "welfare-bench-cli-"))
    const doc = join(dir, "territory.json")
    writeFileSync(doc, JSON.stringify(rest))
    const lines = join(dir, "measurements.ndjson")
    const texts = measurements.map((m) => JSON.stringify(m))
    const out = createWriteStream(lines)
    for (let i = 0; i < records; i += 1000) {
      let chunk = ""
      for (let j = i; j < i + 1000; j++)
        chunk += `${texts[j % texts.length]!.replace(/"id":"[^"]*"/, `"id":"msr-${j}"`)}\n`
      if (!out.write(chunk)) await new Promise<void>((r) => out.once("drain", () => r()))
    }
    await new Promise<void>((r) => out.end(() => r()))
    return { doc, lines }
  },
  workloads: [
    { name: one, items: records, run: evaluate(one, ["--threads", "1"]) },
    { name: sharded, items: records, run: evaluate(sharded, []) }
  ],
  meets: () => peak.size === 2 && [...peak.values()].every((mb) => mb < 300),
  notes: (results) => {
    const t1 = byName(results, one).medianMs
    const tn = byName(results, sharded).medianMs
    return [
      `--threads 1: ${(t1 / 1000).toFixed(2)} s, peak RSS ${peak.get(one)?.toFixed(0)} MB`,
      `default threads: ${(tn / 1000).toFixed(2)} s, peak RSS ${peak.get(sharded)?.toFixed(0)} MB (${(t1 / tn).toFixed(2)}x one thread)`,
      "target: peak RSS < 300 MB for each (issue 9)"
    ]
  }
}
