import { mkdtempSync, readFileSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { tableFromIPC } from "apache-arrow"
import { afterAll, describe, expect, it } from "vitest"
import { ExitCode, run } from "../src/index.js"
import { duckdb } from "../src/sql.js"
import { memoryIo } from "./memory.js"

const root = join(import.meta.dirname, "..", "..", "..")
const legnano = readFileSync(join(root, "examples", "territories", "legnano.json"), "utf8")
const dir = mkdtempSync(join(tmpdir(), "welfare-tables-"))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

const runWith = async (argv: ReadonlyArray<string>) => {
  const m = memoryIo({ "legnano.json": legnano })
  const code = await run([...argv.slice(0, 1), "legnano.json", ...argv.slice(1)], m.io)
  return { code, ...m }
}

describe("welfare assess|evaluate --format csv|arrow|parquet --out DIR", () => {
  it("assess writes the territory's tables as Parquet, read back by DuckDB", async () => {
    const out = join(dir, "assess")
    const r = await runWith(["assess", "--format", "parquet", "--out", out])
    expect(r.code).toBe(ExitCode.ok)
    expect(r.stdout()).toContain(`${join(out, "territory_reading.parquet")}: 1 rows, 12 columns`)
    expect(r.stdout()).toContain(`${join(out, "network_ties.parquet")}: `)
    const db = await duckdb({ threads: 1 })
    try {
      const [reading] = await db.all({
        sql: `SELECT class, system_class, capped FROM read_parquet('${join(out, "territory_reading.parquet")}')`,
        params: []
      })
      expect(reading).toEqual({ class: "transitional", system_class: "generative", capped: false })
      const dims = await db.all({
        sql: `SELECT count(*)::INTEGER AS n FROM read_parquet('${join(out, "territory_dimensions.parquet")}')`,
        params: []
      })
      expect(dims[0]!.n).toBe(7)
    } finally {
      db.close()
    }
  }, 60_000)

  it("evaluate writes the published summary, progress, accountability and responsibility map; no suppressed figure leaves", async () => {
    const out = join(dir, "evaluate")
    for (const format of ["csv", "arrow", "parquet"]) {
      const r = await runWith(["evaluate", "-f", format, "-o", out])
      expect(r.code, format).toBe(ExitCode.ok)
      expect(r.stdout()).toContain(`summary.${format}: 32 rows, 14 columns`)
    }
    const csv = readFileSync(join(out, "summary.csv"), "utf8").trim().split("\n")
    expect(csv[0]).toBe(
      "scope,indicator,period_start,period_end,municipality,suppressed,hidden,count,persons,sum,mean,min,max,levels"
    )
    const hidden = csv.filter((l) => l.includes(",true,"))
    expect(hidden.length).toBeGreaterThan(0)
    expect(hidden.every((l) => /,true,(small|complementary),,,,,,,$/.test(l))).toBe(true)
    const arrow = tableFromIPC(readFileSync(join(out, "summary.arrow")))
    expect(arrow.numRows).toBe(32)
    const suppressed = arrow.getChild("suppressed")!.toArray() as unknown as ArrayLike<boolean>
    const persons = arrow.getChild("persons")!
    for (let i = 0; i < arrow.numRows; i++) if (suppressed[i]) expect(persons.get(i)).toBeNull()
    const db = await duckdb({ threads: 1 })
    try {
      const rows = await db.all({
        sql: `SELECT count(*)::INTEGER AS n, count(persons)::INTEGER AS shown FROM read_parquet('${join(out, "summary.parquet")}') WHERE suppressed`,
        params: []
      })
      expect(rows[0]!.n).toBeGreaterThan(0)
      expect(rows[0]!.shown).toBe(0)
    } finally {
      db.close()
    }
  }, 60_000)

  it("refuses an unknown format and a format without --out (usage, exit 2)", async () => {
    const unknown = await runWith(["evaluate", "--format", "xml", "--out", join(dir, "x")])
    expect(unknown.code).toBe(ExitCode.usage)
    expect(unknown.stderr()).toContain("--format expects csv, arrow or parquet")
    const noOut = await runWith(["assess", "--format", "csv"])
    expect(noOut.code).toBe(ExitCode.usage)
    expect(noOut.stderr()).toContain("needs --out DIR")
  }, 60_000)
})
