import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { type Indicator, Problem, Summary, SummarySql } from "@welfare/core"
import * as Arb from "@welfare/core/testing"
import * as Either from "effect/Either"
import * as fc from "fast-check"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { exactMeasurements, mergedParts } from "../test/sql-arbitraries.js"
import { detailKey } from "./shard.js"
import { type DuckDB, duckdb, summarise } from "./sql.js"

const hours: Indicator.IndicatorDefinition = {
  id: "ind-volunteer-hours",
  kind: "quantitative",
  label: { it: "Ore", en: "Hours" },
  unit: "hour",
  direction: "increase",
  aggregation: "sum",
  rba: "how-much"
} as unknown as Indicator.IndicatorDefinition

let db: DuckDB
let dir: string
beforeAll(async () => {
  db = await duckdb({ threads: 1 })
  dir = mkdtempSync(join(tmpdir(), "welfare-sql-"))
})
afterAll(() => {
  db.close()
  rmSync(dir, { recursive: true, force: true })
})

const table = (name: string): SummarySql.Source => ({ _tag: "Table", name })

describe("SummarySql on DuckDB", () => {
  it("property: the engine's summary equals the in-memory one, and the partial summaries of any split merge to it (invariant 13)", async () => {
    await fc.assert(
      fc.asyncProperty(
        exactMeasurements(),
        fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 1, maxLength: 40 }),
        async (ms, parts) => {
          await db.load("m", ms, { partOf: (i) => parts[i % parts.length]! })
          const memory = Summary.fromMeasurements(ms)
          const whole = await summarise(db, { source: table("m") })
          expect(Either.isRight(whole)).toBe(true)
          if (Either.isRight(whole)) expect(Summary.equals(whole.right.summary, memory)).toBe(true)
          const q = SummarySql.summaryQuery({ dialect: "duckdb", source: table("m"), partition: "part" })
          const rows = await db.all(q)
          const split = mergedParts(rows)
          expect(Summary.equals(split, memory)).toBe(true)
          // the rows of every partition at once merge to it too
          const together = SummarySql.fromRows(rows)
          expect(Either.isRight(together) && Summary.equals(together.right, memory)).toBe(true)
        }
      ),
      { numRuns: 60 }
    )
  }, 120_000)

  it("property: hostile table, column and id names are quoted or parameters, never SQL (invariant 13)", async () => {
    const name = fc.string({ minLength: 1, maxLength: 12 }).filter((s) => !s.includes("\u0000"))
    await fc.assert(
      fc.asyncProperty(
        name,
        name,
        fc.string({ minLength: 1, maxLength: 10 }).filter((s) => !s.includes("|")),
        Arb.measurements({ maxLength: 10 }),
        async (tableName, valueColumn, id, ms) => {
          // DuckDB matches names case-insensitively: a hostile table named "H" is the staging table "h"
          fc.pre(tableName.toLowerCase() !== "h")
          // quantitative, as the indicator they are checked against
          const hostile = ms.map(({ level: _, ...m }) => ({
            ...m,
            indicator: id as never,
            municipality: `${id}'; --` as never,
            value: m.value ?? 1,
            unit: "hour" as const
          }))
          await db.load("h", hostile)
          // the same rows under a hostile table name and value column
          await db.run(`DROP TABLE IF EXISTS ${SummarySql.quote("duckdb", tableName)}`)
          await db.run(
            `CREATE TABLE ${SummarySql.quote("duckdb", tableName)} AS SELECT * EXCLUDE (value), value AS ${SummarySql.quote("duckdb", valueColumn)} FROM h`
          )
          const columns = { ...SummarySql.flatColumns, value: valueColumn }
          fc.pre(!Object.values(SummarySql.flatColumns).includes(valueColumn) && valueColumn !== "part")
          const result = await summarise(db, {
            source: table(tableName),
            columns,
            known: { indicators: [id] },
            indicators: [{ ...hours, id } as never]
          })
          await db.run(`DROP TABLE ${SummarySql.quote("duckdb", tableName)}`)
          expect(Either.isRight(result)).toBe(true)
          if (Either.isRight(result))
            expect(Summary.equals(result.right.summary, Summary.fromMeasurements(hostile))).toBe(true)
        }
      ),
      { numRuns: 40 }
    )
  }, 120_000)

  it("reads Parquet, CSV and NDJSON files to the same summary as the table", async () => {
    const ms = fc.sample(exactMeasurements(200), { numRuns: 1, seed: 18 })[0]!
    await db.load("f", ms)
    const parquet = join(dir, "m.parquet")
    const csv = join(dir, "m.csv")
    await db.run(`COPY (SELECT * EXCLUDE (part) FROM f) TO '${parquet}' (FORMAT parquet)`)
    await db.run(`COPY (SELECT * EXCLUDE (part) FROM f) TO '${csv}' (FORMAT csv, HEADER)`)
    const memory = Summary.fromMeasurements(ms)
    for (const [format, path] of [
      ["parquet", parquet],
      ["csv", csv]
    ] as const) {
      const result = await summarise(db, { source: { _tag: "File", format, path } })
      expect(Either.isRight(result) && Summary.equals(result.right.summary, memory)).toBe(true)
    }
    const ndjson = join(dir, "m.ndjson")
    const { writeFileSync } = await import("node:fs")
    writeFileSync(ndjson, `${ms.map((m) => JSON.stringify(m)).join("\n")}\n`)
    const json = await summarise(db, {
      source: { _tag: "File", format: "ndjson", path: ndjson },
      columns: SummarySql.jsonColumns
    })
    expect(Either.isRight(json) && Summary.equals(json.right.summary, memory)).toBe(true)
  }, 60_000)

  it("keys the cells by assignment and measuring actor with detail, as the CLI's streaming path does", async () => {
    const ms = fc.sample(Arb.measurements({ maxLength: 50 }), { numRuns: 1, seed: 7 })[0]!
    await db.load("d", ms)
    const result = await summarise(db, {
      source: table("d"),
      detail: true,
      indicatorOf: (i, a, b) => detailKey(a, i, b)
    })
    const expected = Summary.fromMeasurements(
      ms.map((m) => ({ ...m, indicator: detailKey(m.assignment, m.indicator, m.measuredBy) as never }))
    )
    expect(Either.isRight(result) && Summary.equals(result.right.summary, expected)).toBe(true)
  }, 60_000)

  it("a missing column or a column of the wrong type is a problem naming the table and the column", async () => {
    await db.run(
      "CREATE OR REPLACE TABLE bad AS SELECT 'ind-volunteer-hours' AS indicator, 'asg-1' AS assignment, DATE '2016-01-01' AS period_start, DATE '2016-12-31' AS period_end, DATE '2016-12-31' AS value, 'hour' AS unit, 'administrative-data' AS source"
    )
    const result = await summarise(db, { source: table("bad") })
    expect(Either.isLeft(result)).toBe(true)
    if (Either.isLeft(result))
      expect(result.left.map(Problem.format)).toEqual([
        "bad.value: the column value is DATE, expected a number (or a text holding one): store the measurements' value as a number",
        "bad.measured_by: the table has no column measured_by: add it (the measuredBy of each measurement) or map the field to its column"
      ])
  }, 60_000)

  it("a NULL, a wrong unit, a level with a value and a duplicate id are problems with the table, the row key and the column", async () => {
    await db.run(`CREATE OR REPLACE TABLE rows AS SELECT * FROM (VALUES
      ('msr-1', 'ind-volunteer-hours', 'asg-1', DATE '2016-01-01', DATE '2016-12-31', 'legnano', 12.5, 'hour', NULL, 'casa-volontariato', 'administrative-data', 3),
      ('msr-2', 'ind-volunteer-hours', 'asg-1', DATE '2016-01-01', DATE '2016-12-31', 'legnano', 4.0, 'euro', NULL, 'casa-volontariato', 'administrative-data', NULL),
      ('msr-3', NULL, 'asg-1', DATE '2016-01-01', DATE '2016-12-31', NULL, 1.0, 'hour', NULL, 'casa-volontariato', 'survey', NULL),
      ('msr-4', 'ind-volunteer-hours', 'asg-1', DATE '2016-01-01', DATE '2016-12-31', NULL, 1.0, 'hour', 'lvl-good', 'casa-volontariato', 'survey', NULL),
      ('msr-1', 'ind-volunteer-hours', 'asg-1', DATE '2016-01-01', DATE '2016-12-31', NULL, 2.0, 'hour', NULL, 'casa-volontariato', 'survey', -1)
    ) t(id, indicator, assignment, period_start, period_end, municipality, value, unit, level, measured_by, source, persons)`)
    const result = await summarise(db, { source: table("rows"), indicators: [hours] })
    expect(Either.isLeft(result)).toBe(true)
    if (Either.isLeft(result))
      expect(result.left.map(Problem.format)).toEqual([
        'rows["row msr-1"].persons: expected a count of persons of at least 0',
        'rows["row msr-2"].unit: the indicator "ind-volunteer-hours" is measured in hour, got euro: convert the value or correct the unit',
        'rows["row msr-3"].indicator: the column indicator is NULL: every measurement needs its indicator',
        'rows["row msr-4"].level: the row has both a value and a level: a measurement carries one of them, remove the other',
        'rows["row msr-1"].id: the measurement id "msr-1" is used by 2 rows: give every measurement its own id'
      ])
  }, 60_000)

  it("a text that is not a number in a text column (CSV) is a problem at its row", async () => {
    await db.run(`CREATE OR REPLACE TABLE texts AS SELECT * FROM (VALUES
      ('msr-1', 'ind-volunteer-hours', 'asg-1', '2016-01-01', '2016-12-31', '12.5', 'hour', 'casa-volontariato', 'survey', '3'),
      ('msr-2', 'ind-volunteer-hours', 'asg-1', '2016-01-01', '2016-12-31', '1.234,5', 'hour', 'casa-volontariato', 'survey', NULL),
      ('msr-3', 'ind-volunteer-hours', 'asg-1', '2016-01-01', '2016-12-31', '7', 'hour', 'casa-volontariato', 'survey', 'tre')
    ) t(id, indicator, assignment, period_start, period_end, value, unit, measured_by, source, persons)`)
    const result = await summarise(db, { source: table("texts") })
    expect(Either.isLeft(result) && result.left.map(Problem.format)).toEqual([
      'texts["row msr-2"].value: expected a number in value (a decimal point, no thousands separator)',
      'texts["row msr-3"].persons: expected a whole count of persons in persons'
    ])
    await db.run("DELETE FROM texts WHERE id <> 'msr-1'")
    const ok = await summarise(db, { source: table("texts") })
    const cell = Either.isRight(ok)
      ? Summary.get(ok.right.summary, "ind-volunteer-hours", { start: "2016-01-01", end: "2016-12-31" })
      : undefined
    expect(cell === undefined ? undefined : [Summary.sum(cell), cell.persons]).toEqual([12.5, 3])
  }, 60_000)

  it("reports at most limit rows and counts the others", async () => {
    await db.run(
      "CREATE OR REPLACE TABLE many AS SELECT 'x' || i AS id, 'ind-volunteer-hours' AS indicator, 'asg-1' AS assignment, '2016-01-01' AS period_start, '2016' AS period_end, NULL::VARCHAR AS municipality, 1.0 AS value, 'hour' AS unit, NULL::VARCHAR AS level, 'casa' AS measured_by, 'survey' AS source FROM range(250) t(i)"
    )
    const result = await summarise(db, { source: table("many"), limit: 3 })
    expect(Either.isLeft(result)).toBe(true)
    if (Either.isLeft(result)) {
      expect(result.left).toHaveLength(4)
      expect(Problem.format(result.left[0]!)).toBe(
        'many["row x0"].period_end: expected a date such as 2016-06-30 in period_end'
      )
      expect(Problem.format(result.left[3]!)).toBe(
        "many: 247 more rows have problems (250 in all): fix the ones above and check again"
      )
    }
  }, 60_000)

  it("an unreadable file is one problem naming it, never a thrown error", async () => {
    const result = await summarise(db, {
      source: { _tag: "File", format: "parquet", path: join(dir, "none.parquet") }
    })
    expect(Either.isLeft(result) && result.left[0]!.path).toEqual([join(dir, "none.parquet")])
  }, 60_000)
})
