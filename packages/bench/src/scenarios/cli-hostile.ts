/**
 * Issue 14: peak RSS of `welfare validate` on hostile inputs that the size
 * limit admits, in a fresh process of the built CLI (hidden `--stats`, the
 * child's own `process.resourceUsage().maxRSS`): a document of the largest
 * size (16 MB, which `--max-size` can no longer raise) whose actors all share
 * one id, within the 1,000,000 values a document may hold; a document of
 * 999,990 empty objects `{}` (the densest in values); and 1,000,000 NDJSON
 * measurement lines that are all invalid. And `welfare pseudonymise`, which has
 * no size limit since it streams: 256 MB of CSV and of NDJSON (1 KiB records,
 * one identifier each), and 32 MB of short CSV rows (about 2.9 million
 * identifiers, the most HMACs a megabyte). Target: peak RSS < 300 MB for each.
 */
import { spawnSync } from "node:child_process"
import { createWriteStream, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { dirname, join } from "node:path"
import { fileURLToPath } from "node:url"
import type { Scenario } from "../harness.js"

const repo = join(dirname(fileURLToPath(import.meta.url)), "../../../..")
const bin = join(repo, "packages/cli/dist/bin.js")

interface Prepared {
  readonly admitted: string
  readonly empties: string
  readonly doc: string
  readonly invalidLines: string
  readonly dir: string
  readonly key: string
  readonly bigCsv: string
  readonly bigNdjson: string
  readonly shortCsv: string
}

const peak = new Map<string, number>()
const printed = new Map<string, number>()

const validate =
  (name: string, args: (p: Prepared) => ReadonlyArray<string>) =>
  (p: Prepared): number => {
    const r = spawnSync(process.execPath, [bin, "validate", ...args(p), "--stats", "--threads", "1"], {
      cwd: repo,
      encoding: "utf8",
      maxBuffer: 1 << 26
    })
    if (r.status !== 1) throw new Error(`welfare validate exited with ${r.status}: ${r.stderr.slice(0, 300)}`)
    const rss = Number(r.stderr.match(/peak RSS ([\d.]+) MB/)?.[1])
    peak.set(name, Math.max(peak.get(name) ?? 0, rss))
    printed.set(name, r.stdout.split("\n").length - 1)
    return r.stdout.length
  }

const seconds = new Map<string, number>()

const pseudonymise =
  (name: string, file: (p: Prepared) => string, columns: string) =>
  (p: Prepared): number => {
    const out = join(p.dir, "pseudonymised.out")
    const started = performance.now()
    const r = spawnSync(
      process.execPath,
      [
        bin,
        "pseudonymise",
        file(p),
        "--key-file",
        p.key,
        "--domain",
        "bench",
        "--columns",
        columns,
        "-o",
        out,
        "--stats"
      ],
      { cwd: repo, encoding: "utf8", maxBuffer: 1 << 26 }
    )
    if (r.status !== 0)
      throw new Error(`welfare pseudonymise exited with ${r.status}: ${r.stderr.slice(0, 300)}`)
    seconds.set(name, (performance.now() - started) / 1000)
    const rss = Number(r.stderr.match(/peak RSS ([\d.]+) MB/)?.[1])
    peak.set(name, Math.max(peak.get(name) ?? 0, rss))
    printed.set(name, Number(r.stderr.match(/(\d+) lines written/)?.[1]))
    rmSync(out)
    return rss
  }

const admitted = "ours: welfare validate, 16 MB (the limit) of actors sharing one id, under 1,000,000 values"
const empties = "ours: welfare validate, 999,990 empty objects as actors (3 MB, the values limit)"
const invalid = "ours: welfare validate -m, 1,000,000 invalid NDJSON lines"
const bigCsv = "ours: welfare pseudonymise -o, 256 MB CSV of 1 KiB records"
const bigNdjson = "ours: welfare pseudonymise -o, 256 MB NDJSON of 1 KiB records"
const shortCsv = "ours: welfare pseudonymise -o, 32 MB CSV of short rows"
const all = [admitted, empties, invalid, bigCsv, bigNdjson, shortCsv]

/** The inputs of `welfare pseudonymise`: a key, and files of records with one identifier each. */
const pseudonymiseFiles = async (dir: string) => {
  // pseudonymise: a key, and files of records with one identifier each
  const key = join(dir, "bench.key")
  writeFileSync(key, "k".repeat(32))
  const fileOf = async (path: string, first: string, record: (i: number) => string, megabytes: number) => {
    const out = createWriteStream(path)
    out.write(first)
    let size = 0
    for (let i = 0; size < megabytes * 1024 * 1024; ) {
      let chunk = ""
      for (let j = 0; j < 1000; j++, i++) chunk += record(i)
      size += chunk.length
      if (!out.write(chunk)) await new Promise<void>((r) => out.once("drain", () => r()))
    }
    await new Promise<void>((r) => out.end(() => r()))
  }
  const note = `"${"Nota di servizio, colloquio, ".repeat(33)}"`
  const bigCsv = join(dir, "big.csv")
  await fileOf(bigCsv, "cf,comune,nota\n", (i) => `RSSMRA80A01F${i},Legnano,${note}\n`, 256)
  const bigNdjson = join(dir, "big.ndjson")
  await fileOf(
    bigNdjson,
    "",
    (i) => `${JSON.stringify({ cf: `RSSMRA80A01F${i}`, comune: "Legnano", nota: note })}\n`,
    256
  )
  const shortCsv = join(dir, "short.csv")
  await fileOf(shortCsv, "cf,n\n", (i) => `ID${i},${i % 10}\n`, 32)
  return { key, bigCsv, bigNdjson, shortCsv }
}

export const scenario: Scenario<Prepared> = {
  id: "cli-hostile",
  title: "welfare validate and pseudonymise on admitted hostile inputs (fresh process, built CLI): peak RSS",
  target: "peak RSS < 300 MB",
  sizes:
    "a 16 MB document of about 199,000 actors with one id (under 1,000,000 values); 999,990 empty objects; 1,000,000 NDJSON lines with a unit that does not exist; pseudonymise: 256 MB CSV and NDJSON of 1 KiB records, 32 MB CSV of 2.9 million short rows",
  runs: 1,
  warmup: 0,
  prepare: async () => {
    if (!existsSync(bin)) throw new Error(`${bin} is missing: run pnpm build (turbo builds it before bench)`)
    const legnano = JSON.parse(readFileSync(join(repo, "examples/territories/legnano.json"), "utf8")) as {
      measurements: Array<unknown>
      actors: Array<unknown>
    } & Record<string, unknown>
    const dir = mkdtempSync(join(tmpdir(), "welfare-bench-hostile-"))
    const { measurements, ...rest } = legnano
    const doc = join(dir, "territory.json")
    writeFileSync(doc, JSON.stringify(rest))
    // the document: the same actor repeated up to about 63 MB
    const actor = JSON.stringify({
      id: "coop-x",
      kind: "social-cooperative",
      name: "Cooperativa",
      resources: []
    })
    const head = JSON.stringify({ ...rest, actors: [] }).replace('"actors":[]', '"actors":[')
    const [before, after] = [
      head.slice(0, head.indexOf('"actors":[') + 10),
      head.slice(head.indexOf('"actors":[') + 10)
    ]
    const documentOf = async (path: string, megabytes: number): Promise<void> => {
      const out = createWriteStream(path)
      out.write(before)
      // the whole document at most `megabytes` MiB
      // and at most 1,000,000 values: each actor is 5 (itself, 3 texts, a list), the rest of the document under 6,000
      const n = Math.min(
        Math.floor((megabytes * 1024 * 1024 - before.length - after.length - 1) / (actor.length + 1)),
        Math.floor((1_000_000 - 6_000) / 5)
      )
      for (let i = 0; i < n; i += 1000) {
        const k = Math.min(1000, n - i)
        const chunk = Array.from({ length: k }, () => actor).join(",")
        if (!out.write(i === 0 ? chunk : `,${chunk}`))
          await new Promise<void>((r) => out.once("drain", () => r()))
      }
      out.write(`]${after}`)
      await new Promise<void>((r) => out.end(() => r()))
    }
    const admitted = join(dir, "admitted.json")
    await documentOf(admitted, 16)
    const emptiesPath = join(dir, "empties.json")
    writeFileSync(
      emptiesPath,
      `{"name":"x","municipalities":[],"actors":[${Array.from({ length: 999_990 }, () => "{}").join(",")}]}`
    )
    // the NDJSON: every line a measurement in a unit that does not exist
    const line = JSON.stringify({ ...(measurements[0] as object), unit: "litre" })
    const invalidLines = join(dir, "invalid.ndjson")
    const lines = createWriteStream(invalidLines)
    for (let i = 0; i < 1_000_000; i += 1000) {
      if (!lines.write(`${line}\n`.repeat(1000)))
        await new Promise<void>((r) => lines.once("drain", () => r()))
    }
    await new Promise<void>((r) => lines.end(() => r()))
    return { admitted, empties: emptiesPath, doc, invalidLines, dir, ...(await pseudonymiseFiles(dir)) }
  },
  workloads: [
    { name: admitted, run: validate(admitted, (p) => [p.admitted]) },
    { name: empties, run: validate(empties, (p) => [p.empties]) },
    { name: invalid, run: validate(invalid, (p) => [p.doc, "-m", p.invalidLines]) },
    { name: bigCsv, run: pseudonymise(bigCsv, (p) => p.bigCsv, "cf") },
    { name: bigNdjson, run: pseudonymise(bigNdjson, (p) => p.bigNdjson, "cf") },
    { name: shortCsv, run: pseudonymise(shortCsv, (p) => p.shortCsv, "cf") }
  ],
  meets: () => all.every((name) => peak.has(name) && peak.get(name)! < 300),
  notes: () => [
    ...[...peak].map(([name, mb]) =>
      seconds.has(name)
        ? `${name}: peak RSS ${mb.toFixed(0)} MB, ${printed.get(name)} lines written, ${seconds.get(name)!.toFixed(1)} s`
        : `${name}: peak RSS ${mb.toFixed(0)} MB, ${printed.get(name)} lines printed`
    ),
    "target: peak RSS < 300 MB for every input the limits admit (issue 14): 16 MB and 1,000,000 values a document, --max-size cannot raise them; pseudonymise has no limit (it streams)"
  ]
}
