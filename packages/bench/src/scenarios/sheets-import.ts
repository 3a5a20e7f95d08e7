/**
 * `welfare import` of a workbook holding 100,000 measurements (the example
 * territory's, cycled), in a fresh process of the built CLI, with the peak
 * RSS it reports (hidden `--stats`). Issue 16: < 5 s and < 300 MB.
 */
import { spawnSync } from "node:child_process"
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { dirname, join } from "node:path"
import { fileURLToPath } from "node:url"
import * as Xlsx from "@welfare/sheets/xlsx"
import { byName, type Scenario } from "../harness.js"

const repo = join(dirname(fileURLToPath(import.meta.url)), "../../../..")
const bin = join(repo, "packages/cli/dist/bin.js")
const records = 100_000
const name = "ours: welfare import (lean streaming reader, rows into Table.builder)"
let peak = 0

interface Prepared {
  readonly file: string
  readonly out: string
}

export const scenario: Scenario<Prepared> = {
  id: "sheets-import",
  title:
    "welfare import territorio.xlsx with 100,000 measurement rows (fresh process, built CLI): time and peak RSS",
  target: "< 5 s and peak RSS < 300 MB",
  sizes: `${records.toLocaleString("en")} measurements in the Misurazioni sheet (the 24 of legnano.json, cycled), about 5 MB of .xlsx`,
  runs: 3,
  prepare: async () => {
    if (!existsSync(bin)) throw new Error(`${bin} is missing: run pnpm build (turbo builds it before bench)`)
    const doc = JSON.parse(readFileSync(join(repo, "examples/territories/legnano.json"), "utf8")) as {
      measurements: Array<Record<string, unknown>>
    }
    const ms = doc.measurements
    doc.measurements = Array.from({ length: records }, (_, i) => ({ ...ms[i % ms.length], id: `msr-${i}` }))
    const dir = mkdtempSync(join(tmpdir(), "welfare-bench-sheets-"))
    const file = join(dir, "territorio.xlsx")
    writeFileSync(file, await Xlsx.write(doc))
    return { file, out: join(dir, "territory.json") }
  },
  workloads: [
    {
      name,
      items: records,
      run: (p) => {
        const r = spawnSync(process.execPath, [bin, "import", p.file, "--out", p.out, "--stats"], {
          cwd: repo,
          encoding: "utf8"
        })
        if (r.status !== 0)
          throw new Error(`welfare import exited with ${r.status}: ${r.stderr.slice(0, 300)}`)
        peak = Math.max(peak, Number(r.stderr.match(/peak RSS ([\d.]+) MB/)?.[1]))
        return r.stdout.length
      }
    }
  ],
  meets: (results) => byName(results, name).medianMs < 5000 && peak < 300,
  notes: (results) => [
    `median ${(byName(results, name).medianMs / 1000).toFixed(2)} s, peak RSS ${peak.toFixed(0)} MB (target < 5 s, < 300 MB)`
  ]
}
