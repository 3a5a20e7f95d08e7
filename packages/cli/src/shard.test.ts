import {
  closeSync,
  existsSync,
  fstatSync,
  mkdtempSync,
  openSync,
  readFileSync,
  readSync,
  rmSync,
  statSync,
  writeFileSync
} from "node:fs"
import { builtinModules } from "node:module"
import { tmpdir } from "node:os"
import { dirname, join } from "node:path"
import { fileURLToPath } from "node:url"
import { Decoder, Measurement, Ndjson, type Problem, Summary } from "@welfare/core"
import * as Arb from "@welfare/core/testing"
import * as Either from "effect/Either"
import * as fc from "fast-check"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import {
  detailKey,
  type Evaluated,
  evaluateFile,
  evaluateFileSharded,
  fastFigures,
  fastReader,
  idHashes,
  makePool,
  type Pool
} from "./shard.js"

const root = join(dirname(fileURLToPath(import.meta.url)), "..")
const dir = mkdtempSync(join(tmpdir(), "welfare-shard-"))

// The workers run the built dist/shard-worker.js: build it when it is missing or older than its sources
// (turbo's test task also builds the package first).
beforeAll(async () => {
  const worker = join(root, "dist/shard-worker.js")
  const sources = ["src/shard.ts", "src/shard-reader.ts", "src/shard-worker.ts"].map(
    (f) => statSync(join(root, f)).mtimeMs
  )
  if (existsSync(worker) && statSync(worker).mtimeMs >= Math.max(...sources)) return
  const { build } = await import("tsup")
  await build({
    config: false,
    entry: { "shard-worker": join(root, "src/shard-worker.ts") },
    outDir: join(root, "dist"),
    format: ["esm"],
    target: "es2022",
    clean: false,
    dts: false,
    splitting: false,
    silent: true,
    external: ["effect", "@welfare/core", "@welfare/report"]
  })
}, 60_000)

let pool: Pool | undefined
const warm = async (): Promise<Pool> => {
  if (pool === undefined) {
    pool = makePool({ workers: 2 })
    await pool.ready
  }
  return pool
}
afterAll(async () => {
  await pool?.close()
  rmSync(dir, { recursive: true, force: true })
})

// the lines of core's testing arbitraries (valid, broken on each refinement, edited where JSON is
// at stake, mangled), and blank or non-object lines
const valid = Arb.validMeasurementLine()
const line = fc.oneof(
  { weight: 6, arbitrary: valid },
  { weight: 5, arbitrary: Arb.nearMissMeasurementLine() },
  {
    weight: 1,
    arbitrary: fc.constantFrom("", "   ", "\t\u000b", "\u00a0", '{"indicator": broken', "[1,2]", "null")
  }
)

const full = Decoder.compile(Measurement.Measurement)
const bytes = (s: string): Uint8Array => new TextEncoder().encode(s)

let files = 0
const write = (content: string | Uint8Array): string => {
  const path = join(dir, `m-${files++}.ndjson`)
  writeFileSync(path, content)
  return path
}
const join_ = (lines: ReadonlyArray<string>, eol: string): string =>
  lines.join(eol) + (lines.length > 0 ? eol : "")

/** The reference: the whole file through Ndjson.decodeSync with the compiled decoder, on one thread. */
const reference = (path: string): Pick<Evaluated, "summary" | "problems" | "records"> => {
  const fd = openSync(path, "r")
  try {
    const size = fstatSync(fd).size
    const chunks = function* () {
      for (let pos = 0; pos < size; ) {
        const buf = new Uint8Array(Math.min(1 << 16, size - pos))
        const n = readSync(fd, buf, 0, buf.length, pos)
        pos += n
        yield buf.subarray(0, n)
      }
    }
    const acc = Summary.accumulator()
    const problems: Array<Problem.Problem> = []
    let records = 0
    for (const e of Ndjson.decodeSync(chunks(), full)) {
      records++
      if (e._tag === "Value") acc.add(e.value)
      else problems.push(...e.problems)
    }
    return { summary: acc.result(), problems, records }
  } finally {
    closeSync(fd)
  }
}

/** The reference of the detail mode: cells keyed by assignment, indicator and actor, id hashes, problem lines. */
const referenceDetail = (path: string) => {
  const acc = Summary.accumulator()
  const problems: Array<Problem.Problem> = []
  const lines: Array<number> = []
  const ids: Array<readonly [number, number]> = []
  let records = 0
  const fd = openSync(path, "r")
  try {
    const size = fstatSync(fd).size
    const buf = new Uint8Array(size)
    readSync(fd, buf, 0, size, 0)
    for (const e of Ndjson.decodeSync([buf], full)) {
      records++
      if (e._tag === "Value") {
        const m = e.value
        acc.add({ ...m, indicator: detailKey(m.assignment, m.indicator, m.measuredBy) as never })
        if (m.id !== undefined) ids.push(idHashes(m.id))
      } else
        for (const p of e.problems) {
          problems.push(p)
          lines.push(e.line)
        }
    }
  } finally {
    closeSync(fd)
  }
  return { summary: acc.result(), problems, records, lines, idPairs: pairs(ids) }
}

/** Id hash pairs in a canonical order. */
const pairs = (list: Iterable<readonly [number, number]>): Array<string> =>
  [...list].map(([a, b]) => `${a},${b}`).sort()
const pairsOf = (ids: Int32Array | undefined): Array<string> =>
  pairs(Array.from({ length: (ids?.length ?? 0) / 2 }, (_, i) => [ids![2 * i]!, ids![2 * i + 1]!] as const))

const expectSameDetail = (actual: Evaluated, expected: ReturnType<typeof referenceDetail>): void => {
  expectSame(actual, expected)
  expect(actual.lines).toStrictEqual(expected.lines)
  expect(pairsOf(actual.ids)).toStrictEqual(expected.idPairs)
}

const expectSame = (
  actual: Evaluated,
  expected: Pick<Evaluated, "summary" | "problems" | "records">
): void => {
  expect(Summary.equals(actual.summary, expected.summary)).toBe(true)
  expect(actual.problems).toStrictEqual(expected.problems)
  expect(actual.problemCount).toBe(expected.problems.length)
  expect(actual.records).toBe(expected.records)
}

describe("shard: the fast line reader", () => {
  it("knows the Measurement schema: every field of a measurement and of its period", () => {
    expect(fastReader).toBe(true)
  })

  it("property: reads exactly the figures JSON.parse + Decoder.compile(Measurement) decode, or hands the line on", () => {
    fc.assert(
      fc.property(line, (text) => {
        const b = bytes(text)
        const fast = fastFigures(b, 0, b.length)
        if (fast === undefined) return
        const decoded = full(JSON.parse(text))
        if (Either.isLeft(decoded)) throw new Error(`the fast reader accepted an invalid line: ${text}`)
        const m = decoded.right
        expect(fast).toStrictEqual({
          indicator: m.indicator,
          period: { start: m.period.start, end: m.period.end },
          municipality: m.municipality,
          value: m.value,
          level: m.level,
          persons: m.persons
        })
      }),
      { numRuns: 1000 }
    )
  })

  it("property: reads every valid measurement written as plain JSON (ASCII, no escape) itself", () => {
    fc.assert(
      fc.property(valid, (text) => {
        fc.pre(/^[\x20-\x7e]*$/.test(text) && !text.includes("\\"))
        // a level named like a property of Object.prototype goes to the full path (see levelAt)
        const level = (JSON.parse(text) as { readonly level?: string }).level
        fc.pre(level === undefined || !(level in Object.prototype))
        const b = bytes(text)
        expect(fastFigures(b, 0, b.length)).not.toBeUndefined()
      }),
      { numRuns: 300 }
    )
  })

  it("reads a plain line and hands on a line with an escape or a second value", () => {
    const text =
      '{"indicator":"ind-hours","assignment":"asg-1","period":{"start":"2016-01-01","end":"2016-12-31"},"municipality":"legnano","value":12.5,"unit":"hour","measuredBy":"casa-volontariato","source":"administrative-data","persons":3}'
    expect(fastFigures(bytes(text), 0, text.length)).toStrictEqual({
      indicator: "ind-hours",
      period: { start: "2016-01-01", end: "2016-12-31" },
      municipality: "legnano",
      value: 12.5,
      level: undefined,
      persons: 3
    })
    const escaped = text.replace("ind-hours", "ind-hour\\u0073")
    expect(fastFigures(bytes(escaped), 0, escaped.length)).toBeUndefined()
    const both = text.replace('"persons":3', '"persons":3,"level":"lvl-good"')
    expect(fastFigures(bytes(both), 0, both.length)).toBeUndefined()
  })
})

describe("shard: one thread", () => {
  it("property: evaluateFile equals Ndjson.decodeSync with Decoder.compile over the whole file: summary, problems with their lines, counts", () => {
    fc.assert(
      fc.property(fc.array(line, { maxLength: 40 }), fc.constantFrom("\n", "\r\n"), (lines, eol) => {
        const path = write(join_(lines, eol))
        expectSame(evaluateFile(path), reference(path))
      }),
      { numRuns: 200 }
    )
  })

  it("reports a line longer than the reader's buffer and the limit as the reader does, and reads the lines after it", () => {
    const good = JSON.stringify({
      indicator: "ind-hours",
      assignment: "asg-1",
      period: { start: "2016-01-01", end: "2016-12-31" },
      value: 12,
      unit: "hour",
      measuredBy: "casa-volontariato",
      source: "administrative-data"
    })
    const long = good.replace("{", `{"note":"${"x".repeat(1_200_000)}",`)
    // white space, not an unknown property: a long line that is otherwise a valid measurement
    const almost = good.replace("{", `{${" ".repeat(900_000)}`)
    const path = write(join_([good, long, good, almost, good], "\n"))
    const r = evaluateFile(path)
    expectSame(r, reference(path))
    expect(r.records).toBe(5)
    expect(r.problems.map((p) => [p.path, p.message])).toEqual([
      [
        [1],
        "line 2, column 1: the line is longer than 1000000 characters: split the record (a line holds one record of at most 1000000 characters)"
      ]
    ])
  })

  it("counts levels named like properties of Object.prototype as core's accumulator does, on one thread and across workers", async () => {
    const judged = (level: string): string =>
      JSON.stringify({
        indicator: "ind-1",
        assignment: "asg-1",
        period: { start: "2015-01-01", end: "2015-01-01" },
        level,
        measuredBy: "act-1",
        source: "administrative-data"
      })
    const lines = ["valueOf", "lvl-good", "valueOf", "__proto__", "constructor", "lvl-good", "valueOf"].map(
      judged
    )
    const path = write(join_([...lines, ...lines], "\n"))
    const expected = reference(path)
    expectSame(evaluateFile(path), expected)
    expectSame(await (await warm()).evaluate(path, { ranges: 3, main: false }), expected)
    const cell = Summary.get(expected.summary, "ind-1", { start: "2015-01-01", end: "2015-01-01" })
    expect(cell?.levels["lvl-good"]).toBe(4)
  })

  it("strips a byte-order mark on the first line only, as the reader does", () => {
    const good =
      '{"indicator":"ind-1","assignment":"asg-1","period":{"start":"2016-01-01","end":"2016-12-31"},"value":1,"unit":"hour","measuredBy":"act-1","source":"survey"}'
    const path = write(`\ufeff${good}\n\ufeff${good}\n${good}`)
    const r = evaluateFile(path)
    expectSame(r, reference(path))
    expect(r.records).toBe(3)
    expect(r.problems.map((p) => p.path)).toEqual([[1]])
  })
})

describe("shard: across worker threads", () => {
  it("runs workers that load neither core's index nor effect (node modules and @welfare/core/kernel only, which imports nothing)", () => {
    const seen = new Set<string>()
    const imports = new Set<string>()
    // core's kernel entry, as node resolves it for the worker (its `import` condition)
    const core = join(root, "node_modules/@welfare/core")
    const kernel = JSON.parse(readFileSync(join(core, "package.json"), "utf8")).exports["./kernel"].import
      .default as string
    const visit = (file: string): void => {
      if (seen.has(file)) return
      seen.add(file)
      const code = readFileSync(file, "utf8")
      for (const [, spec] of code.matchAll(/(?:^|\n)\s*(?:import|export)\b[^"';]*?["']([^"']+)["']/g)) {
        if (spec!.startsWith(".")) visit(join(dirname(file), spec!))
        else if (spec === "@welfare/core/kernel") visit(join(core, kernel))
        else imports.add(spec!)
      }
      for (const [, spec] of code.matchAll(/\bimport\(\s*["']([^"']+)["']\s*\)/g)) imports.add(spec!)
    }
    visit(join(root, "dist/shard-worker.js"))
    expect([...imports].filter((spec) => !builtinModules.includes(spec.replace(/^node:/, "")))).toEqual([])
    expect([...imports]).toContain("worker_threads")
    expect([...seen].some((f) => f.endsWith(join("dist", "kernel.js")))).toBe(true)
  })

  it("property: the detail mode (cells by assignment, indicator and actor; id hashes; problem lines) equals the full path, on one thread and across workers", async () => {
    const p = await warm()
    await fc.assert(
      fc.asyncProperty(
        fc.array(line, { maxLength: 50 }),
        fc.integer({ min: 1, max: 7 }),
        fc.boolean(),
        async (lines, ranges, main) => {
          const path = write(join_(lines, "\n"))
          const expected = referenceDetail(path)
          expectSameDetail(evaluateFile(path, { detail: true }), expected)
          expectSameDetail(await p.evaluate(path, { ranges, main, detail: true }), expected)
        }
      ),
      { numRuns: 60 }
    )
  })

  it("property: evaluating a file in ranges across worker threads equals evaluating it on one thread: summary, problems, indices and lines (invariant 13)", async () => {
    const p = await warm()
    expect(p.workers).toBe(2)
    await fc.assert(
      fc.asyncProperty(
        fc.array(line, { maxLength: 60 }),
        fc.integer({ min: 1, max: 9 }),
        fc.constantFrom("\n", "\r\n"),
        fc.boolean(),
        async (lines, ranges, eol, main) => {
          const path = write(join_(lines, eol))
          const single = evaluateFile(path)
          const sharded = await p.evaluate(path, { ranges, main })
          expectSame(sharded, single)
          // with the main thread only merging, the workers evaluated every range
          if (!main) expect(sharded.workers).toBe(sharded.threads)
        }
      ),
      { numRuns: 100 }
    )
  })

  it("reports problems of the later ranges with their whole-file line and record index", async () => {
    const good = JSON.stringify({
      indicator: "ind-hours",
      assignment: "asg-1",
      period: { start: "2016-01-01", end: "2016-12-31" },
      municipality: "legnano",
      value: 12,
      unit: "hour",
      measuredBy: "casa-volontariato",
      source: "administrative-data"
    })
    const lines = [
      ...Array.from({ length: 30 }, () => good),
      "",
      '{"indicator": broken',
      ...Array.from({ length: 9 }, () => good)
    ]
    const path = write(join_(lines, "\n"))
    const r = await (await warm()).evaluate(path, { ranges: 4, main: false })
    expect(r.workers).toBeGreaterThanOrEqual(1)
    expect(r.records).toBe(40)
    expect(r.problems.map((p) => [p.path, p.message.replace(/, column \d+/, "")])).toEqual([
      [[30], "line 32: not valid JSON: check quotes, commas and brackets (each record is one JSON value)"]
    ])
    const cell = Summary.get(r.summary, "ind-hours", { start: "2016-01-01", end: "2016-12-31" }, "legnano")
    expect(cell === undefined ? undefined : Summary.sum(cell)).toBe(39 * 12)
  })

  it("starts its workers for one evaluation and ends them (evaluateFileSharded)", async () => {
    const lines = fc.sample(line, { numRuns: 300, seed: 9 })
    const path = write(join_(lines, "\n"))
    const r = await evaluateFileSharded(path, { threads: 2, ranges: 6, main: false })
    expectSame(r, evaluateFile(path))
    expect(r.workers).toBeGreaterThanOrEqual(1)
  })

  it("property: a worker that fails a job or dies holding ranges leaves them to the main thread, and the result is the same", async () => {
    // stand-in workers: each takes the first free range, then fails the job or ends its thread
    const script = (ending: string): string => {
      const path = join(dir, `worker-${files++}.mjs`)
      writeFileSync(
        path,
        `import { parentPort, workerData } from "node:worker_threads"
parentPort.on("message", (job) => {
  const owner = new Int32Array(job.owner)
  for (let r = 0; r < job.ranges.length; r++) if (Atomics.compareExchange(owner, r, 0, workerData.id) === 0) break
  ${ending}
})
parentPort.postMessage({ _tag: "ready" })`
      )
      return path
    }
    const failing = makePool({
      workers: 1,
      script: script(`parentPort.postMessage({ _tag: "failed", job: job.job, message: "no" })`)
    })
    const dying = makePool({ workers: 1, script: script("process.exit(1)") })
    try {
      await Promise.all([failing.ready, dying.ready])
      await fc.assert(
        fc.asyncProperty(
          fc.array(line, { maxLength: 40 }),
          fc.integer({ min: 1, max: 6 }),
          async (lines, ranges) => {
            const path = write(join_(lines, "\n"))
            const single = evaluateFile(path)
            expectSame(await failing.evaluate(path, { ranges, main: false }), single)
          }
        ),
        { numRuns: 30 }
      )
      const path = write(join_(fc.sample(line, { numRuns: 100, seed: 5 }), "\n"))
      const r = await dying.evaluate(path, { ranges: 5, main: false })
      expectSame(r, evaluateFile(path))
      expect([r.threads, r.workers]).toEqual([1, 0])
    } finally {
      await Promise.all([failing.close(), dying.close()])
    }
  })

  it("falls back to the main thread when a worker cannot start", async () => {
    const broken = write("throw new Error('no worker today')")
    const renamed = broken.replace(/\.ndjson$/, ".mjs")
    writeFileSync(renamed, "throw new Error('no worker today')")
    const failing = makePool({ workers: 2, script: renamed })
    try {
      const lines = fc.sample(line, { numRuns: 200, seed: 4 })
      const path = write(join_(lines, "\n"))
      const r = await failing.evaluate(path, { ranges: 5, main: false })
      expectSame(r, evaluateFile(path))
      expect([r.threads, r.workers]).toEqual([1, 0])
    } finally {
      await failing.close()
    }
  })
})
