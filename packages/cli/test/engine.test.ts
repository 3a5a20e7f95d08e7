import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { type Io, nodeIo, run } from "../src/index.js"
import { type DuckDB, duckdb, route } from "../src/sql.js"

const root = join(import.meta.dirname, "..", "..", "..")
const legnanoPath = join(root, "examples", "territories", "legnano.json")
const legnano = JSON.parse(readFileSync(legnanoPath, "utf8")) as Record<string, unknown> & {
  measurements: Array<Record<string, unknown>>
}
const { measurements, ...withoutMeasurements } = legnano

const temp = mkdtempSync(join(tmpdir(), "welfare-engine-"))
const doc = join(temp, "doc.json")
const ndjson = join(temp, "m.ndjson")
const parquet = join(temp, "m.parquet")
const csv = join(temp, "m.csv")
let db: DuckDB
beforeAll(async () => {
  writeFileSync(doc, JSON.stringify(withoutMeasurements))
  writeFileSync(ndjson, measurements.map((m) => `${JSON.stringify(m)}\n`).join(""))
  db = await duckdb({ threads: 1 })
  // the example's measurements as a flat table, written to Parquet and CSV
  await db.load("m", measurements as never)
  await db.run(`COPY (SELECT * EXCLUDE (part) FROM m) TO '${parquet}' (FORMAT parquet)`)
  await db.run(`COPY (SELECT * EXCLUDE (part) FROM m) TO '${csv}' (FORMAT csv, HEADER)`)
})
afterAll(() => {
  db.close()
  rmSync(temp, { recursive: true, force: true })
})

const runReal = async (argv: ReadonlyArray<string>) => {
  const out: Array<string> = []
  const err: Array<string> = []
  const io: Io = {
    ...nodeIo(),
    stdout: (t) => void out.push(t),
    stderr: (t) => void err.push(t),
    stderrIsTTY: false
  }
  const code = await run(argv, io)
  return { code, stdout: out.join(""), stderr: err.join("") }
}

describe("welfare evaluate --measurements through DuckDB", () => {
  it("routes Parquet and CSV to DuckDB, NDJSON to the stream unless --engine duckdb, URLs to PostgreSQL", () => {
    expect(route("a.parquet")._tag).toBe("DuckDB")
    expect(route("A.CSV")._tag).toBe("DuckDB")
    expect(route("a.ndjson")._tag).toBe("Stream")
    expect(route("a.ndjson", { engine: "duckdb" })._tag).toBe("DuckDB")
    expect(route("a.parquet", { engine: "stream" })._tag).toBe("Stream")
    expect(route("postgresql://localhost/welfare", { table: "istat.measurements" })).toEqual({
      _tag: "PostgreSQL",
      url: "postgresql://localhost/welfare",
      table: ["istat", "measurements"]
    })
  }, 60_000)

  it("Parquet, CSV and NDJSON through DuckDB give the progress and published summary of the measurements inline", async () => {
    const inline = JSON.parse((await runReal(["evaluate", legnanoPath, "--json"])).stdout)
    expect(inline.progress).toHaveLength(4)
    for (const argv of [
      ["-m", parquet],
      ["-m", csv],
      ["-m", ndjson, "--engine", "duckdb"]
    ]) {
      const r = await runReal(["evaluate", doc, ...argv, "--json"])
      expect(r.stderr).toBe("")
      expect(r.code).toBe(0)
      const b = JSON.parse(r.stdout)
      expect(b.progress).toStrictEqual(inline.progress)
      expect(b.summary).toEqual(inline.summary)
    }
    expect((await runReal(["evaluate", doc, "-m", parquet])).stdout).toBe(
      (await runReal(["evaluate", legnanoPath])).stdout
    )
  }, 60_000)

  it("a wrong unit and an unknown actor are problems naming the file, the row and the column", async () => {
    await db.run(`CREATE OR REPLACE TABLE bad AS SELECT * EXCLUDE (part) FROM m`)
    await db.run(
      `UPDATE bad SET unit = 'euro' WHERE value IS NOT NULL AND indicator = (SELECT min(indicator) FROM bad WHERE value IS NOT NULL)`
    )
    await db.run(
      `UPDATE bad SET measured_by = 'act-nobody', id = 'msr-x' WHERE rowid = (SELECT min(rowid) FROM bad WHERE level IS NOT NULL)`
    )
    const path = join(temp, "bad.parquet")
    await db.run(`COPY bad TO '${path}' (FORMAT parquet)`)
    const r = await runReal(["evaluate", doc, "-m", path])
    expect(r.code).toBe(1)
    const lines = r.stderr.trim().split("\n")
    expect(
      lines.some((l) =>
        /^.*bad\.parquet: \["row msr-x"\]\.measured_by: the measuring actor is not in the territory's actors/.test(
          l
        )
      )
    ).toBe(true)
    expect(
      lines.some((l) =>
        /bad\.parquet: \["row [^"]+"\]\.unit: the indicator "[^"]+" is measured in \w+, got euro/.test(l)
      )
    ).toBe(true)
  }, 60_000)

  it("a measurement whose period matches none of its assignment's periods is a problem naming the file and the row, in CSV, Parquet and NDJSON through DuckDB (issue 14)", async () => {
    await db.run(`CREATE OR REPLACE TABLE off AS SELECT * EXCLUDE (part) FROM m`)
    // msr-001 (asg-volunteer-hours, 2016) moved to the first half of 2016: not a period of its assignment
    await db.run(`UPDATE off SET period_end = DATE '2016-06-30' WHERE id = 'msr-001'`)
    const parquetPath = join(temp, "off.parquet")
    const csvPath = join(temp, "off.csv")
    await db.run(`COPY off TO '${parquetPath}' (FORMAT parquet)`)
    await db.run(`COPY off TO '${csvPath}' (FORMAT csv, HEADER)`)
    // the same file without ids: the row is named by its number (its line in the CSV, after the header)
    const csvNoIds = join(temp, "off-no-ids.csv")
    await db.run(`COPY (SELECT * EXCLUDE (id) FROM off ORDER BY rowid) TO '${csvNoIds}' (FORMAT csv, HEADER)`)
    const ndjsonPath = join(temp, "off.ndjson")
    writeFileSync(
      ndjsonPath,
      measurements
        .map((m) => (m.id === "msr-001" ? { ...m, period: { start: "2016-01-01", end: "2016-06-30" } } : m))
        .map((m) => `${JSON.stringify(m)}\n`)
        .join("")
    )
    const expected =
      'the assignment "asg-volunteer-hours" has no period 2016-01-01/2016-06-30: use one of 2016-01-01/2016-12-31, 2017-01-01/2017-12-31'
    for (const [path, argv] of [
      [parquetPath, []],
      [csvPath, []],
      [ndjsonPath, ["--engine", "duckdb"]]
    ] as const) {
      const r = await runReal(["validate", doc, "-m", path, ...argv])
      expect(r.code, path).toBe(1)
      expect(r.stdout + r.stderr, path).toContain(`${path}: ["row msr-001"].period: ${expected}`)
    }
    const r = await runReal(["validate", doc, "-m", csvNoIds])
    expect(r.code).toBe(1)
    expect(r.stdout + r.stderr).toMatch(
      new RegExp(
        `off-no-ids\\.csv: \\["row \\d+"\\]\\.period: ${expected.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")}`
      )
    )
    // and the stream says the same of the same line
    const streamed = await runReal(["validate", doc, "-m", ndjsonPath])
    expect(streamed.code).toBe(1)
    expect(streamed.stdout + streamed.stderr).toContain(`${ndjsonPath}:1: period: ${expected}`)
  }, 60_000)

  it("a wrong unit in CSV names the file, the row and the column (issue 14)", async () => {
    await db.run(`CREATE OR REPLACE TABLE unit AS SELECT * EXCLUDE (part) FROM m`)
    await db.run(`UPDATE unit SET unit = 'euro' WHERE id = 'msr-001'`)
    const path = join(temp, "unit.csv")
    await db.run(`COPY unit TO '${path}' (FORMAT csv, HEADER)`)
    const r = await runReal(["validate", doc, "-m", path])
    expect(r.code).toBe(1)
    expect(r.stdout + r.stderr).toContain(
      `${path}: ["row msr-001"].unit: the indicator "ind-volunteer-hours" is measured in hour, got euro`
    )
  }, 60_000)

  it("a missing file is an input failure, a bad --engine a usage error", async () => {
    expect((await runReal(["evaluate", doc, "-m", join(temp, "none.parquet")])).code).toBe(3)
    expect((await runReal(["evaluate", doc, "-m", parquet, "--engine", "spark"])).code).toBe(2)
  }, 60_000)
})
