import * as Either from "effect/Either"
import * as fc from "fast-check"
import { describe, expect, it } from "vitest"
import type * as Indicator from "./Indicator.js"
import * as Problem from "./Problem.js"
import * as Summary from "./Summary.js"
import * as SummarySql from "./SummarySql.js"
import * as Arb from "./testing/evaluation.js"

const dialects: ReadonlyArray<SummarySql.Dialect> = ["duckdb", "postgres", "spark"]
const period = { start: "2016-01-01", end: "2016-12-31" }

/** Reads back an identifier quoted by SummarySql.quote. */
const unquote = (dialect: SummarySql.Dialect, quoted: string): string => {
  const q = dialect === "spark" ? "`" : '"'
  expect(quoted.startsWith(q) && quoted.endsWith(q)).toBe(true)
  const inner = quoted.slice(1, -1)
  // every quote character inside comes doubled
  expect(inner.replaceAll(q + q, "").includes(q)).toBe(false)
  return inner.replaceAll(q + q, q)
}

const markers = (dialect: SummarySql.Dialect, sql: string): number =>
  dialect === "spark" ? (sql.match(/\?/g) ?? []).length : new Set(sql.match(/\$\d+/g) ?? []).size

describe("SummarySql", () => {
  it("property: any text quoted as an identifier reads back as itself, its quotes doubled (invariant 13)", () => {
    fc.assert(
      fc.property(fc.constantFrom(...dialects), fc.string(), (dialect, name) => {
        expect(unquote(dialect, SummarySql.quote(dialect, name))).toBe(name)
      })
    )
  })

  it("property: ids, units and paths from documents are parameters, never SQL text (invariant 13)", () => {
    const hostile = fc.string({ minLength: 3, maxLength: 12 }).map((s) => `'${s}";--`)
    fc.assert(
      fc.property(
        fc.constantFrom(...dialects),
        fc.uniqueArray(hostile, { minLength: 1, maxLength: 4 }),
        hostile,
        hostile,
        (dialect, ids, unit, path) => {
          const indicators = ids.map(
            (id, i) =>
              (i % 2 === 0
                ? { id, kind: "quantitative", unit }
                : { id, kind: "qualitative", scale: [] }) as unknown as Indicator.IndicatorDefinition
          )
          const source: SummarySql.Source =
            dialect === "postgres" ? { _tag: "Table", name: "m" } : { _tag: "File", format: "parquet", path }
          const check = SummarySql.checkQuery({
            dialect,
            source: { _tag: "Table", name: "m" },
            indicators,
            known: { indicators: ids, assignments: ids, actors: ids, municipalities: ids }
          })
          for (const id of ids) {
            expect(check.sql.includes(id)).toBe(false)
            expect(check.params).toContain(id)
          }
          expect(check.sql.includes(unit)).toBe(false)
          expect(markers(dialect, check.sql)).toBe(
            dialect === "spark" ? check.params.length : new Set(check.params.map((_, i) => i)).size
          )
          const summary = SummarySql.summaryQuery({ dialect, source })
          if (dialect !== "postgres") {
            // DuckDB takes the path as a parameter; Spark as a quoted identifier
            expect(
              dialect === "duckdb"
                ? summary.params
                : [unquote(dialect, summary.sql.match(/parquet\.(`(?:[^`]|``)*`)/)![1]!)]
            ).toEqual([path])
            if (dialect === "duckdb") expect(summary.sql.includes(path)).toBe(false)
          }
        }
      )
    )
  })

  it("writes the Spark dialect: backticks, ? markers, Parquet read in place", () => {
    const q = SummarySql.summaryQuery({
      dialect: "spark",
      source: { _tag: "File", format: "parquet", path: "/data/lombardia.parquet" },
      partition: "part"
    })
    expect(q.params).toEqual([])
    expect(q.sql).toContain("FROM parquet.`/data/lombardia.parquet`")
    expect(q.sql).toContain("CAST(`value` AS DOUBLE)")
    expect(q.sql).toContain("`part` AS `part`")
    const c = SummarySql.checkQuery({ dialect: "spark", source: { _tag: "Table", name: ["lake", "m"] } })
    expect(c.sql).toContain("FROM `lake`.`m`")
    expect(c.sql).toContain("RLIKE")
    expect(c.sql.split("?").length - 1).toBe(c.params.length)
    expect(() =>
      SummarySql.summaryQuery({ dialect: "postgres", source: { _tag: "File", format: "csv", path: "x.csv" } })
    ).toThrow("PostgreSQL reads tables, not files")
  })

  it("reads partial rows (bigint, decimal text or numbers) into one exact summary", () => {
    const row = {
      indicator: "ind-hours",
      period_start: "2016-01-01",
      period_end: "2016-12-31",
      municipality: "legnano",
      level: null,
      count: 2n,
      numeric: "2",
      units: 0,
      micros: 1_500_000n,
      min: -0,
      max: 1.5,
      persons: "7",
      person_counted: 1
    }
    const judged = {
      ...row,
      level: "lvl-good",
      count: 3n,
      numeric: 0n,
      units: 0n,
      micros: 0n,
      min: null,
      max: null
    }
    const s = SummarySql.fromRows([row, { ...row, municipality: null }, judged])
    expect(Either.isRight(s)).toBe(true)
    if (Either.isRight(s)) {
      const cell = Summary.get(s.right, "ind-hours", period, "legnano")!
      expect([cell.count, cell.numeric, cell.units, cell.micros, cell.min, cell.max, cell.persons]).toEqual([
        5, 2, 1, 500_000, 0, 1.5, 14
      ])
      expect(Object.is(cell.min, -0)).toBe(false)
      expect(cell.levels).toEqual({ "lvl-good": 3 })
      expect(Summary.sum(Summary.total(s.right, "ind-hours", period)!)).toBe(3)
    }
  })

  it("refuses an integer JavaScript cannot hold exactly, naming the row", () => {
    const s = SummarySql.fromRows(
      [
        {
          indicator: "ind-hours",
          period_start: "2016-01-01",
          period_end: "2016-12-31",
          count: 1,
          numeric: 1,
          units: "9007199254740993",
          micros: 0
        }
      ],
      { source: "lombardia" }
    )
    expect(Either.isLeft(s) && s.left.map(Problem.format)).toEqual([
      "lombardia[0].units: the units of ind-hours 2016-01-01/2016-12-31 is not an integer JavaScript holds exactly (got 9007199254740993): summarise smaller parts and merge them"
    ])
  })

  it("refuses a cell whose sums could leave the exact range of doubles (count x largest value >= 2^53)", () => {
    const row = {
      indicator: "ind-euro",
      period_start: "2016-01-01",
      period_end: "2016-12-31",
      count: 10_000n,
      numeric: 10_000n,
      units: 0,
      micros: 0,
      min: -1e12,
      max: 1e12
    }
    const s = SummarySql.fromRows([row, { ...row, count: 9_000n, numeric: 9_000n }])
    expect(Either.isLeft(s) && s.left.map((p) => p.path)).toEqual([["rows", 0, "units"]])
  })

  it("property: a summary's cells as rows, levels apart and sums carried anyhow, read back to it (invariant 13)", () => {
    fc.assert(
      fc.property(Arb.measurements(), fc.integer({ min: -3, max: 3 }), (ms, carry) => {
        const s = Summary.fromMeasurements(ms)
        const rows = Summary.cells(s).flatMap((c) => {
          const key = {
            indicator: c.indicator,
            period_start: c.period.start,
            period_end: c.period.end,
            municipality: c.municipality ?? null
          }
          const levels = Object.entries(c.levels).map(([level, n]) => ({
            ...key,
            level,
            count: n,
            numeric: 0,
            units: 0,
            micros: 0,
            min: null,
            max: null,
            persons: 0,
            person_counted: 0
          }))
          const judged = levels.reduce((n, r) => n + r.count, 0)
          // the sum as an engine may give it: millionths not carried into units
          const figures = {
            ...key,
            level: null,
            count: c.count - judged,
            numeric: c.numeric,
            units: BigInt(c.units - carry),
            micros: String(c.micros + carry * 1_000_000),
            min: c.min,
            max: c.max,
            persons: c.persons,
            person_counted: c.personCounted
          }
          return [...levels, figures]
        })
        const back = SummarySql.fromRows(rows)
        expect(Either.isRight(back) && Summary.equals(back.right, s)).toBe(true)
      })
    )
  })

  it("classifies engine type names", () => {
    expect(
      [
        "VARCHAR",
        "character varying",
        "string",
        "DOUBLE",
        "DECIMAL(18,3)",
        "float8",
        "BIGINT",
        "int4",
        "HUGEINT",
        "date",
        "TIMESTAMP",
        "STRUCT(a INT)"
      ].map(SummarySql.typeKind)
    ).toEqual([
      "text",
      "text",
      "text",
      "number",
      "number",
      "number",
      "integer",
      "integer",
      "integer",
      "date",
      "other",
      "other"
    ])
  })

  it("a table's shape: optional columns may be absent, a wrong type is a problem", () => {
    const shape = SummarySql.describe(
      [
        { name: "indicator", type: "text" },
        { name: "assignment", type: "text" },
        { name: "period_start", type: "date" },
        { name: "period_end", type: "varchar" },
        { name: "value", type: "numeric" },
        { name: "unit", type: "text" },
        { name: "measured_by", type: "text" },
        { name: "source", type: "text" },
        { name: "persons", type: "float8" }
      ],
      { source: "m" }
    )
    expect(Either.isLeft(shape) && shape.left.map(Problem.format)).toEqual([
      "m.persons: the column persons is float8, expected an integer (or a text holding one): store the measurements' persons as an integer"
    ])
    const ok = SummarySql.describe(
      [
        { name: "indicator", type: "VARCHAR" },
        { name: "assignment", type: "VARCHAR" },
        { name: "period", type: 'STRUCT("start" VARCHAR, "end" VARCHAR)' },
        { name: "value", type: "VARCHAR" },
        { name: "unit", type: "VARCHAR" },
        { name: "measuredBy", type: "VARCHAR" },
        { name: "source", type: "VARCHAR" }
      ],
      { source: "m.ndjson", columns: SummarySql.jsonColumns }
    )
    expect(Either.isRight(ok) && ok.right.kinds).toEqual({
      indicator: "text",
      assignment: "text",
      periodStart: "text",
      periodEnd: "text",
      value: "text",
      unit: "text",
      measuredBy: "text",
      source: "text"
    })
  })

  it("reports the offending rows it was given and counts the others", () => {
    const problems = SummarySql.checkProblems(
      [
        { row_key: "msr-9", indicator: "ind-hours", unit: "euro", problem: "wrong-unit", total: 3n },
        { row_key: "12", indicator: null, unit: null, problem: "null-indicator", total: 3n }
      ],
      {
        source: "m",
        indicators: [
          { id: "ind-hours", kind: "quantitative", unit: "hour" } as unknown as Indicator.IndicatorDefinition
        ]
      }
    )
    expect(problems.map(Problem.format)).toEqual([
      'm["row msr-9"].unit: the indicator "ind-hours" is measured in hour, got euro: convert the value or correct the unit',
      'm["row 12"].indicator: the column indicator is NULL: every measurement needs its indicator',
      "m: 1 more rows have problems (3 in all): fix the ones above and check again"
    ])
  })
})
