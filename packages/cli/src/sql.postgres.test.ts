import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { type Indicator, type IndicatorAssignment, Problem, Summary, SummarySql } from "@welfare/core"
import * as Arb from "@welfare/core/testing"
import * as Either from "effect/Either"
import * as fc from "fast-check"
import pg from "pg"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { exactMeasurements, mergedParts } from "../test/sql-arbitraries.js"
import { type Io, nodeIo, run } from "./index.js"
import { loadPostgres, postgres, summarise } from "./sql.js"

// A real server: .ci/run starts one (scripts/postgres.sh) and sets WELFARE_PG_URL. In CI its
// absence is a failure; elsewhere these tests are skipped, by name, until you start one:
//   export WELFARE_PG_URL=$(bash scripts/postgres.sh start)
const url = process.env.WELFARE_PG_URL
const ci = process.env.CI === "true" || process.env.CI === "1"

if (url === undefined) {
  if (ci)
    it("PostgreSQL is running for the SQL tests (WELFARE_PG_URL, set by .ci/run)", () => {
      expect.fail("WELFARE_PG_URL is not set: .ci/run starts PostgreSQL with scripts/postgres.sh")
    })
  else it.skip("PostgreSQL tests: set WELFARE_PG_URL=$(bash scripts/postgres.sh start) to run them", () => {})
} else {
  const hours: Indicator.IndicatorDefinition = {
    id: "ind-volunteer-hours",
    kind: "quantitative",
    label: { it: "Ore", en: "Hours" },
    unit: "hour",
    direction: "increase",
    aggregation: "sum",
    rba: "how-much"
  } as unknown as Indicator.IndicatorDefinition
  const table = (name: string): SummarySql.Source => ({ _tag: "Table", name })
  let client: pg.Client
  // a schema of its own, so that runs never meet
  const schema = `welfare_test_${process.pid}`
  beforeAll(async () => {
    client = new pg.Client({ connectionString: url })
    await client.connect()
    await client.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`)
    await client.query(`SET search_path TO ${schema}`)
  })
  afterAll(async () => {
    await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`)
    await client.end()
  })

  describe("SummarySql on PostgreSQL", () => {
    it("property: the server's summary equals the in-memory one, and the partial summaries of any split merge to it (invariant 13)", async () => {
      const engine = postgres(client)
      await fc.assert(
        fc.asyncProperty(
          exactMeasurements(),
          fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 1, maxLength: 40 }),
          async (ms, parts) => {
            await loadPostgres(client, "m", ms, { partOf: (i) => parts[i % parts.length]! })
            const memory = Summary.fromMeasurements(ms)
            const whole = await summarise(engine, { source: table("m") })
            expect(Either.isRight(whole) && Summary.equals(whole.right.summary, memory)).toBe(true)
            const shape = SummarySql.describe(await engine.describe(table("m")), { source: "m" })
            if (Either.isLeft(shape)) expect.fail(shape.left.map(Problem.format).join("\n"))
            const rows = await engine.all(
              SummarySql.summaryQuery({
                dialect: "postgres",
                source: table("m"),
                shape: shape.right,
                partition: "part"
              })
            )
            expect(Summary.equals(mergedParts(rows), memory)).toBe(true)
          }
        ),
        { numRuns: 40 }
      )
    }, 180_000)

    it("property: hostile table names and ids are quoted or parameters, never SQL (invariant 13)", async () => {
      const engine = postgres(client)
      await fc.assert(
        fc.asyncProperty(
          // PostgreSQL keeps 63 bytes of a name and refuses NUL
          fc.string({ minLength: 1, maxLength: 12 }).filter((s) => !s.includes("\u0000")),
          fc.string({ minLength: 1, maxLength: 10 }).filter((s) => !s.includes("|") && !s.includes("\u0000")),
          Arb.measurements({ maxLength: 10 }),
          async (tableName, id, ms) => {
            const hostile = ms.map((m) => ({
              ...m,
              indicator: id as never,
              municipality: `${id}'; --` as never
            }))
            await loadPostgres(client, tableName, hostile)
            const result = await summarise(engine, { source: table(tableName), known: { indicators: [id] } })
            await client.query(`DROP TABLE ${SummarySql.quote("postgres", tableName)}`)
            expect(
              Either.isRight(result) &&
                Summary.equals(result.right.summary, Summary.fromMeasurements(hostile))
            ).toBe(true)
          }
        ),
        { numRuns: 30 }
      )
    }, 180_000)

    it("a NULL, a wrong unit and a text that is not a number are problems with the table, the row key and the column", async () => {
      await client.query("DROP TABLE IF EXISTS bad")
      await client.query(`CREATE TABLE bad AS SELECT * FROM (VALUES
        ('msr-1', 'ind-volunteer-hours', 'asg-1', DATE '2016-01-01', DATE '2016-12-31', 'legnano', '12.5', 'hour', NULL, 'casa-volontariato', 'administrative-data'),
        ('msr-2', 'ind-volunteer-hours', 'asg-1', DATE '2016-01-01', DATE '2016-12-31', 'legnano', '4', 'euro', NULL, 'casa-volontariato', 'administrative-data'),
        ('msr-3', 'ind-volunteer-hours', NULL, DATE '2016-01-01', DATE '2016-12-31', NULL, '1', 'hour', NULL, 'casa-volontariato', 'survey'),
        ('msr-4', 'ind-volunteer-hours', 'asg-1', DATE '2016-01-01', DATE '2016-12-31', NULL, 'dodici', 'hour', NULL, 'casa-volontariato', 'survey')
      ) t(id, indicator, assignment, period_start, period_end, municipality, value, unit, level, measured_by, source)`)
      const result = await summarise(postgres(client), { source: table("bad"), indicators: [hours] })
      expect(Either.isLeft(result) && result.left.map(Problem.format)).toEqual([
        'bad["row msr-2"].unit: the indicator "ind-volunteer-hours" is measured in hour, got euro: convert the value or correct the unit',
        'bad["row msr-3"].assignment: the column assignment is NULL: every measurement needs its assignment',
        'bad["row msr-4"].value: expected a number in value (a decimal point, no thousands separator)'
      ])
    }, 60_000)

    it("a row whose period is none of its assignment's periods is a problem naming the table, the row and the column (issue 14)", async () => {
      await client.query("DROP TABLE IF EXISTS off_plan")
      await client.query(`CREATE TABLE off_plan AS SELECT * FROM (VALUES
        ('msr-1', 'ind-volunteer-hours', 'asg-1', DATE '2016-01-01', DATE '2016-12-31', 'legnano', 12.5::float8, 'hour', NULL, 'casa-volontariato', 'administrative-data'),
        ('msr-2', 'ind-volunteer-hours', 'asg-1', DATE '2016-01-01', DATE '2016-06-30', 'legnano', 4::float8, 'hour', NULL, 'casa-volontariato', 'administrative-data'),
        ('msr-3', 'ind-volunteer-hours', 'asg-2', DATE '2015-01-01', DATE '2015-12-31', NULL, 1::float8, 'hour', NULL, 'casa-volontariato', 'survey')
      ) t(id, indicator, assignment, period_start, period_end, municipality, value, unit, level, measured_by, source)`)
      const assignments = [
        {
          id: "asg-1",
          indicator: "ind-volunteer-hours",
          scope: { type: "territory" },
          responsible: [],
          periods: [{ start: "2016-01-01", end: "2016-12-31", target: 100 }]
        },
        // no period planned yet: nothing to compare with
        {
          id: "asg-2",
          indicator: "ind-volunteer-hours",
          scope: { type: "territory" },
          responsible: [],
          periods: []
        }
      ] as unknown as ReadonlyArray<IndicatorAssignment.IndicatorAssignment>
      const result = await summarise(postgres(client), {
        source: table("off_plan"),
        indicators: [hours],
        assignments
      })
      expect(Either.isLeft(result) && result.left.map(Problem.format)).toEqual([
        'off_plan["row msr-2"].period: the assignment "asg-1" has no period 2016-01-01/2016-06-30: use one of 2016-01-01/2016-12-31'
      ])
      // without the assignments, the table is summarised as before
      expect(
        Either.isRight(await summarise(postgres(client), { source: table("off_plan"), indicators: [hours] }))
      ).toBe(true)
    }, 60_000)

    it("welfare validate -m postgres:// reports a measurement in no period of its assignment, and one in the wrong unit (issue 14)", async () => {
      const root = join(import.meta.dirname, "..", "..", "..")
      const legnano = JSON.parse(readFileSync(join(root, "examples/territories/legnano.json"), "utf8")) as {
        measurements: Array<Record<string, unknown>>
      } & Record<string, unknown>
      const { measurements, ...rest } = legnano
      const temp = mkdtempSync(join(tmpdir(), "welfare-pg-cli-"))
      try {
        const doc = join(temp, "doc.json")
        writeFileSync(doc, JSON.stringify(rest))
        const changed = measurements.map((m) =>
          m.id === "msr-001"
            ? { ...m, period: { start: "2016-01-01", end: "2016-06-30" } }
            : m.id === "msr-002"
              ? { ...m, unit: "euro" }
              : m
        )
        await loadPostgres(client, "cli_measurements", changed as never)
        const out: Array<string> = []
        const io: Io = {
          ...nodeIo(),
          stdout: (t) => void out.push(t),
          stderr: (t) => void out.push(t),
          stderrIsTTY: false
        }
        const code = await run(["validate", doc, "-m", url, "--table", `${schema}.cli_measurements`], io)
        const text = out.join("")
        expect(code).toBe(1)
        expect(text).toContain(
          `${schema}.cli_measurements: ["row msr-001"].period: the assignment "asg-volunteer-hours" has no period 2016-01-01/2016-06-30: use one of 2016-01-01/2016-12-31, 2017-01-01/2017-12-31`
        )
        expect(text).toContain(
          `${schema}.cli_measurements: ["row msr-002"].unit: the indicator "ind-volunteer-hours" is measured in hour, got euro`
        )
      } finally {
        rmSync(temp, { recursive: true, force: true })
      }
    }, 60_000)

    it("a column of the wrong type is a problem naming the table and the column", async () => {
      await client.query("DROP TABLE IF EXISTS typed")
      await client.query(
        "CREATE TABLE typed AS SELECT 'ind-1'::text AS indicator, 'asg-1'::text AS assignment, '2016-01-01'::date AS period_start, '2016-12-31'::date AS period_end, 1.5::float8 AS value, 'hour'::text AS unit, 'casa'::text AS measured_by, 'survey'::text AS source, now() AS persons"
      )
      const result = await summarise(postgres(client), { source: table("typed") })
      expect(Either.isLeft(result) && result.left.map(Problem.format)).toEqual([
        "typed.persons: the column persons is timestamptz, expected an integer (or a text holding one): store the measurements' persons as an integer"
      ])
    }, 60_000)
  })
}
