/**
 * Evaluation where the data lives (issue 18): the same measurements
 * summarised by SQL engines and by the in-process streaming path, side by
 * side.
 *
 * - sql-duckdb: 10,000,000 measurements in one Parquet file summarised by
 *   embedded DuckDB (`SummarySql.summaryQuery` + `fromRows`, and the whole
 *   `summarise` with its shape and row checks), against a hand-written DuckDB
 *   GROUP BY over the same file as the physical reference. Target < 2 s,
 *   within 1.5x of the reference, Node peak RSS < 300 MB.
 * - sql-stream: the same 10,000,000 measurements as NDJSON through the
 *   streaming path (`evaluateFileSharded`, 2 threads, built JS).
 * - sql-postgres: 1,000,000 of them in a PostgreSQL table, summarised with the
 *   round trip. Target < 3 s, Node peak RSS < 300 MB. Uses WELFARE_PG_URL, or
 *   starts a throwaway server with scripts/postgres.sh (and stops it).
 *
 * The data is made once (NDJSON written by Node, converted to Parquet by
 * DuckDB so that both hold the very same values) in the temporary folder.
 */
import { execFileSync } from "node:child_process"
import { closeSync, existsSync, mkdirSync, openSync, renameSync, statSync, writeSync } from "node:fs"
import { tmpdir } from "node:os"
import { dirname, join } from "node:path"
import { fileURLToPath, pathToFileURL } from "node:url"
import { type Measurement, Summary, SummarySql } from "@welfare/core"
import * as Either from "effect/Either"
import { byName, type Scenario, seeded } from "../harness.js"

const TEN_MILLION = 10_000_000
const ONE_MILLION = 1_000_000
const SEED = 18
const here = dirname(fileURLToPath(import.meta.url))
const repoRoot = join(here, "../../../..")
const dir = join(tmpdir(), "welfare-bench-sql-v1")
const ndjsonPath = join(dir, "measurements-10m.ndjson")
const parquetPath = join(dir, "measurements-10m.parquet")

const municipalities = ["mun-015118", "mun-015044", "mun-015051", "mun-015182", "mun-015165", "mun-015219"]
const sources = [
  "administrative-data",
  "case-records",
  "survey",
  "interview",
  "focus-group",
  "self-assessment",
  "observation"
]

/** One measurement: 40 indicators x 12 months x 6 municipalities, values and levels (as streaming.ts). */
const measurement = (i: number, random: () => number): Measurement.Measurement => {
  const month = 1 + (i % 12)
  const last = new Date(Date.UTC(2025, month, 0)).getUTCDate()
  const mm = String(month).padStart(2, "0")
  const qualitative = i % 10 === 0
  return {
    id: `msr-${i}`,
    indicator: `ind-${i % 40}`,
    assignment: `asg-${i % 40}`,
    period: { start: `2025-${mm}-01`, end: `2025-${mm}-${last}` },
    municipality: municipalities[i % municipalities.length],
    ...(qualitative
      ? { level: ["low", "medium", "high"][i % 3] }
      : { value: Math.round(random() * 10000) / 100, unit: "hour" }),
    measuredBy: `act-${i % 97}`,
    source: sources[i % sources.length],
    ...(i % 3 === 0 ? { persons: 1 + (i % 50) } : {})
  } as never
}

function* measurements(count: number): Generator<Measurement.Measurement> {
  const random = seeded(SEED)
  for (let i = 0; i < count; i++) yield measurement(i, random)
}

const cli = async () => await import("@welfare/cli/sql")

/**
 * The 10M NDJSON and Parquet files, made once, in a process of their own (so that making them
 * counts in no scenario's peak RSS).
 */
const ensureFiles = async (): Promise<void> => {
  if (existsSync(ndjsonPath) && existsSync(parquetPath)) return
  execFileSync(
    process.execPath,
    ["--conditions=@welfare/source", "--import", "tsx", fileURLToPath(import.meta.url)],
    {
      env: { ...process.env, WELFARE_BENCH_MAKE_SQL_DATA: "1" },
      stdio: "inherit"
    }
  )
}

const makeFiles = async (): Promise<void> => {
  mkdirSync(dir, { recursive: true })
  if (!existsSync(ndjsonPath)) {
    const part = `${ndjsonPath}.part`
    const fd = openSync(part, "w")
    let lines: Array<string> = []
    for (const m of measurements(TEN_MILLION)) {
      lines.push(JSON.stringify(m))
      if (lines.length === 10_000) {
        writeSync(fd, `${lines.join("\n")}\n`)
        lines = []
      }
    }
    if (lines.length > 0) writeSync(fd, `${lines.join("\n")}\n`)
    closeSync(fd)
    renameSync(part, ndjsonPath)
  }
  if (!existsSync(parquetPath)) {
    const { duckdb } = await cli()
    const db = await duckdb()
    const scan = SummarySql.summaryQuery({
      dialect: "duckdb",
      source: { _tag: "File", format: "ndjson", path: ndjsonPath }
    })
    // the NDJSON as a flat, typed table: the FROM of the summary query reads it as text
    const from = scan.sql.slice(scan.sql.indexOf("read_json("), scan.sql.indexOf("\n),\nsplit"))
    await db.run(
      `COPY (SELECT id, indicator, assignment, CAST(period."start" AS DATE) AS period_start, CAST(period."end" AS DATE) AS period_end, municipality, CAST(value AS DOUBLE) AS value, unit, level, "measuredBy" AS measured_by, source, CAST(persons AS INTEGER) AS persons FROM ${from}) TO '${parquetPath}.part' (FORMAT parquet, ROW_GROUP_SIZE 122880)`,
      scan.params
    )
    db.close()
    renameSync(`${parquetPath}.part`, parquetPath)
  }
}

const sizeMb = (path: string): string => `${Math.round(statSync(path).size / 1e6)} MB`

const W = {
  ours: "ours: SummarySql.summaryQuery on DuckDB + fromRows (Parquet)",
  checked: "ours, checked: summarise (shape and row checks, then the summary; ids not checked)",
  ids: "the shared-id check alone (SummarySql.duplicatesQuery: 10,000,000 distinct ids)",
  reference: "hand-written DuckDB GROUP BY over the same Parquet (reference)",
  stream: "in-process streaming path: evaluateFileSharded, 2 threads (NDJSON, built JS)",
  pgOurs: "ours: SummarySql.summaryQuery on PostgreSQL + fromRows",
  pgChecked: "ours, checked: summarise on PostgreSQL (shape, row checks and ids, then the summary)",
  pgReference: "hand-written PostgreSQL GROUP BY (reference)"
}

interface Duck {
  readonly db: Awaited<ReturnType<Awaited<ReturnType<typeof cli>>["duckdb"]>>
  readonly summarise: Awaited<ReturnType<typeof cli>>["summarise"]
  readonly memory: { expected?: Summary.Summary }
}

const source: SummarySql.Source = { _tag: "File", format: "parquet", path: parquetPath }

export const duck: Scenario<Duck> = {
  id: "sql-duckdb",
  title: "Summarising 10,000,000 measurements from Parquet through embedded DuckDB (SummarySql)",
  target: "< 2 s; within 1.5x of a hand-written DuckDB GROUP BY; Node peak RSS < 300 MB",
  sizes:
    "10,000,000 measurements (seed 18; 40 indicators x 12 monthly periods x 6 municipalities x 3 levels; ids msr-N), one Parquet file",
  runs: 5,
  prepare: async () => {
    await ensureFiles()
    const { duckdb, summarise } = await cli()
    return { db: await duckdb(), summarise, memory: {} }
  },
  workloads: [
    {
      name: W.ours,
      items: TEN_MILLION,
      run: async ({ db, memory }) => {
        const shape = SummarySql.describe(await db.describe(source), { source: parquetPath })
        if (Either.isLeft(shape)) throw new Error("unexpected shape problems")
        const rows = await db.all(SummarySql.summaryQuery({ dialect: "duckdb", source, shape: shape.right }))
        const s = SummarySql.fromRows(rows)
        if (Either.isLeft(s)) throw new Error("unexpected row problems")
        memory.expected = s.right
        return s.right
      }
    },
    {
      name: W.checked,
      items: TEN_MILLION,
      run: async ({ db, summarise }) => {
        const r = await summarise(db, { source, checkIds: false })
        if (Either.isLeft(r)) throw new Error("unexpected problems")
        return r.right
      }
    },
    {
      name: W.reference,
      items: TEN_MILLION,
      run: async ({ db }) =>
        db.all({
          sql: `SELECT indicator, period_start, period_end, municipality, level, count(*) AS n, count(value) AS numeric, sum(value) AS total, min(value) AS lo, max(value) AS hi, sum(persons) AS persons, count(persons) AS counted
FROM read_parquet($1) GROUP BY ALL`,
          params: [parquetPath]
        })
    },
    {
      // last: its hash table of 10,000,000 ids is the largest memory of the scenario
      name: W.ids,
      items: TEN_MILLION,
      run: async ({ db }) => db.all(SummarySql.duplicatesQuery({ dialect: "duckdb", source }))
    }
  ],
  meets: (results) => {
    const ours = byName(results, W.ours)
    const reference = byName(results, W.reference)
    return ours.medianMs < 2000 && ours.medianMs <= 1.5 * reference.medianMs && (ours.peakRssMb ?? 0) < 300
  },
  notes: (results) => {
    const ours = byName(results, W.ours)
    const checked = byName(results, W.checked)
    const reference = byName(results, W.reference)
    return [
      `ours against the hand-written GROUP BY: ${(ours.medianMs / reference.medianMs).toFixed(2)}x (target <= 1.5x); with the checks: ${(checked.medianMs / reference.medianMs).toFixed(2)}x`,
      `Node peak RSS (DuckDB runs inside the Node process): ${Math.round(ours.peakRssMb ?? 0)} MB after ours, ${Math.round(reference.peakRssMb ?? 0)} MB after the checks and the reference (target < 300 MB), ${Math.round(byName(results, W.ids).peakRssMb ?? 0)} MB after the shared-id check`,
      `the files: Parquet ${sizeMb(parquetPath)}, NDJSON ${sizeMb(ndjsonPath)}`
    ]
  }
}

interface Streamed {
  readonly evaluateFileSharded: (
    path: string,
    options: { threads: number }
  ) => Promise<{ summary: Summary.Summary }>
}

export const stream: Scenario<Streamed> = {
  id: "sql-stream",
  title:
    "The same 10,000,000 measurements as NDJSON through the in-process streaming path (side by side with sql-duckdb)",
  target: "reference for sql-duckdb (no target of its own); equal summary",
  sizes: "10,000,000 measurements (seed 18), one NDJSON file",
  runs: 3,
  prepare: async () => {
    await ensureFiles()
    const shardJs = join(repoRoot, "packages/cli/dist/shard.js")
    return (await import(pathToFileURL(shardJs).href)) as Streamed
  },
  workloads: [
    {
      name: W.stream,
      items: TEN_MILLION,
      run: async ({ evaluateFileSharded }) => (await evaluateFileSharded(ndjsonPath, { threads: 2 })).summary
    }
  ],
  notes: (results) => {
    const s = byName(results, W.stream)
    return [`peak RSS of the streaming process: ${Math.round(s.peakRssMb ?? 0)} MB`]
  }
}

interface Pg {
  readonly close: () => Promise<void>
  readonly engine: ReturnType<Awaited<ReturnType<typeof cli>>["postgres"]>
  readonly summarise: Awaited<ReturnType<typeof cli>>["summarise"]
  readonly query: (sql: string) => Promise<unknown>
}

const pgSource: SummarySql.Source = { _tag: "Table", name: "bench_measurements" }
let stopServer: (() => void) | undefined
let memoryCheck: string | undefined
let closeClient: (() => Promise<void>) | undefined

export const postgresScenario: Scenario<Pg> = {
  id: "sql-postgres",
  title: "Summarising 1,000,000 measurements in a PostgreSQL table (SummarySql, with the round trip)",
  target: "< 3 s including the round trip; Node peak RSS < 300 MB",
  sizes: "1,000,000 measurements (the first million of sql-duckdb's), one table on a local PostgreSQL 15",
  runs: 5,
  prepare: async () => {
    let url = process.env.WELFARE_PG_URL
    if (url === undefined) {
      const env = { ...process.env, WELFARE_PG_PORT: "55419" }
      url = execFileSync("bash", [join(repoRoot, "scripts/postgres.sh"), "start"], {
        env,
        encoding: "utf8"
      }).trim()
      stopServer = () => execFileSync("bash", [join(repoRoot, "scripts/postgres.sh"), "stop"], { env })
      process.on("exit", () => stopServer?.())
    }
    const { default: pg } = await import("pg")
    const client = new pg.Client({ connectionString: url })
    await client.connect()
    const { loadPostgres, postgres, summarise } = await cli()
    await loadPostgres(client, "bench_measurements", measurements(ONE_MILLION))
    await client.query("VACUUM ANALYZE bench_measurements")
    const engine = postgres(client)
    closeClient = () => client.end()
    const r = await summarise(engine, { source: pgSource })
    memoryCheck =
      Either.isRight(r) &&
      Summary.equals(r.right.summary, Summary.fromMeasurements(measurements(ONE_MILLION)))
        ? "equal"
        : "DIFFERENT"
    return { engine, summarise, query: (sql) => client.query(sql), close: () => client.end() }
  },
  workloads: [
    {
      name: W.pgOurs,
      items: ONE_MILLION,
      run: async ({ engine }) => {
        const shape = SummarySql.describe(await engine.describe(pgSource), { source: "bench_measurements" })
        if (Either.isLeft(shape)) throw new Error("unexpected shape problems")
        const s = SummarySql.fromRows(
          await engine.all(
            SummarySql.summaryQuery({ dialect: "postgres", source: pgSource, shape: shape.right })
          )
        )
        if (Either.isLeft(s)) throw new Error("unexpected row problems")
        return s.right
      }
    },
    {
      name: W.pgChecked,
      items: ONE_MILLION,
      run: async ({ engine, summarise }) => {
        const r = await summarise(engine, { source: pgSource })
        if (Either.isLeft(r)) throw new Error("unexpected problems")
        return r.right
      }
    },
    {
      name: W.pgReference,
      items: ONE_MILLION,
      run: ({ query }) =>
        query(
          "SELECT indicator, period_start, period_end, municipality, level, count(*), count(value), sum(value), min(value), max(value), sum(persons), count(persons) FROM bench_measurements GROUP BY 1, 2, 3, 4, 5"
        )
    }
  ],
  meets: (results) => {
    const ours = byName(results, W.pgOurs)
    return ours.medianMs < 3000 && (ours.peakRssMb ?? 0) < 300
  },
  notes: (results) => {
    // the runs are over: an open connection would keep the scenario's process alive
    void closeClient?.()
    return [
      `ours against the hand-written GROUP BY: ${(byName(results, W.pgOurs).medianMs / byName(results, W.pgReference).medianMs).toFixed(2)}x`,
      `the server's summary against Summary.fromMeasurements over the same million: ${memoryCheck ?? "not checked"}`,
      `Node peak RSS: ${Math.round(byName(results, W.pgChecked).peakRssMb ?? 0)} MB (target < 300 MB; the load of the table, before the runs, included)`
    ]
  }
}

export const scenarios = [duck, stream, postgresScenario]

if (process.env.WELFARE_BENCH_MAKE_SQL_DATA === "1") await makeFiles()
