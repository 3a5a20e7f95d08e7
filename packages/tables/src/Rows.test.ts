import { readFileSync } from "node:fs"
import { join } from "node:path"
import {
  Assessment,
  Evaluation,
  Ledger,
  PartnershipNetwork,
  Problem,
  Progress,
  Published,
  Responsibility,
  Summary,
  Territory,
  TerritoryAssessment
} from "@welfare/core"
import * as Testing from "@welfare/core/testing"
import { DataType, tableFromIPC, tableToIPC } from "apache-arrow"
import * as Either from "effect/Either"
import * as fc from "fast-check"
import { parquetMetadata, parquetReadObjects } from "hyparquet"
import { describe, expect, it } from "vitest"
import { fromArrow, summaryToArrow, toArrow, toIpc } from "./arrow.js"
import * as Csv from "./Csv.js"
import * as DataResource from "./DataResource.js"
import { toParquet } from "./parquet.js"
import * as Rows from "./Rows.js"

const orFail = <A>(result: Problem.Result<A>): A =>
  Either.getOrThrowWith(result, (problems) => new Error(problems.map(Problem.format).join("\n")))

const read = <A>(result: Problem.CappedResult<A>): A =>
  Either.getOrThrowWith(result, (capped) => new Error(capped.kept.map(Problem.format).join("\n")))

const legnano = orFail(
  Territory.decode(
    JSON.parse(
      readFileSync(
        join(import.meta.dirname, "..", "..", "..", "examples", "territories", "legnano.json"),
        "utf8"
      )
    )
  )
)

const published = orFail(Published.publish(Summary.fromMeasurements(legnano.measurements)))
const territoryProfile = TerritoryAssessment.assessTerritory(legnano)
const network = PartnershipNetwork.fromTerritory(legnano)
const byId = new Map(legnano.indicators.map((d) => [d.id as string, d]))
const progress = legnano.assignments.map((a) =>
  Progress.progress(byId.get(a.indicator)!, a, legnano.measurements, { asOf: "2018-03-31" })
)
const round = legnano.evaluations.find((r) => r.id === "eval-2017")!
const accountability = Evaluation.accountabilityReport(legnano, round, { asOf: "2018-03-31" })
const profiles = legnano.interventions.map((i) => Assessment.assess(i))

/** Every kind of result of the example territory. */
const all: ReadonlyArray<Rows.Rows> = [
  Rows.profiles(profiles),
  Rows.evidence(profiles),
  Rows.territoryInterventions(territoryProfile),
  Rows.territoryDimensions(territoryProfile),
  Rows.territoryChecks(territoryProfile),
  Rows.territoryReading(territoryProfile),
  Rows.networkActors(network),
  Rows.networkTies(network),
  Rows.summary(published),
  Rows.summary(orFail(Ledger.publish(legnano.ledger, legnano.actors[0]!.id))),
  Rows.progress(progress),
  Rows.accountability(accountability),
  Rows.responsibilityMap(Responsibility.rows(legnano.needs, legnano.responsibilities))
]

/** Whether a value is of its column's type (or null where allowed). */
const typed = (c: Rows.Column, v: Rows.Value | undefined): boolean =>
  v === undefined
    ? false
    : v === null
      ? c.nullable
      : c.type === "string"
        ? typeof v === "string"
        : c.type === "boolean"
          ? typeof v === "boolean"
          : c.type === "integer"
            ? Number.isInteger(v) && (v as number) >= -(2 ** 31) && (v as number) < 2 ** 31
            : typeof v === "number"

const conforms = (rows: Rows.Rows): boolean =>
  rows.rows.every(
    (r) =>
      Object.keys(r).length === rows.columns.length &&
      rows.columns.every((c, i) => Object.keys(r)[i] === c.name && typed(c, r[c.name]))
  )

const parquetRows = async (bytes: Uint8Array) =>
  parquetReadObjects({
    file: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer
  })

describe("Rows of the example territory (Ambito di Legnano)", () => {
  it("every kind of result has rows whose keys are its columns, in order, with values of the column's type", () => {
    for (const rows of all) {
      expect(rows.rows.length, rows.name).toBeGreaterThan(0)
      expect(conforms(rows), rows.name).toBe(true)
      expect(new Set(rows.columns.map((c) => c.name)).size).toBe(rows.columns.length)
    }
  })

  it("profiles: seven dimensions per intervention, positions as the assessment reads them", () => {
    const rows = Rows.profiles(profiles).rows
    expect(rows.length).toBe(7 * legnano.interventions.length)
    const first = profiles[0]!
    expect(rows[0]).toMatchObject({
      intervention: first.intervention,
      dimension: "reference-model",
      position: first.dimensions["reference-model"].position ?? null,
      profile_class: first.class
    })
  })

  it("evidence: one row per evidence item, quoting the seed file and row", () => {
    const rows = Rows.evidence(profiles).rows
    expect(rows.length).toBe(profiles.reduce((n, p) => n + p.evidence.length, 0))
    expect(rows.every((r) => r.source_file.endsWith(".txt") && r.source_row > 0)).toBe(true)
  })

  it("territory: the reading of Legnano is transitional, its system generative", () => {
    const [reading] = Rows.territoryReading(territoryProfile).rows
    expect(reading!.class).toBe(territoryProfile.class)
    expect(reading!.system_class).toBe("generative")
    const checks = Rows.territoryChecks(territoryProfile).rows
    expect(checks.filter((c) => c.group === "system").map((c) => c.id)).toEqual([
      "network-reach",
      "network-logic",
      "interventions-in-network",
      "co-designed-interventions"
    ])
    expect(
      checks.filter((c) => c.group !== "system").every((c) => c.status !== null && c.threshold !== null)
    ).toBe(true)
  })

  it("network: persons are left out of the actors and ties", () => {
    const persons = new Set([network.actors[0]! as string])
    const actors = Rows.networkActors(network, { persons }).rows
    expect(actors.map((a) => a.actor)).toEqual(network.actors.slice(1))
    const ties = Rows.networkTies(network, { persons }).rows
    expect(ties.every((t) => !persons.has(t.actor_a) && !persons.has(t.actor_b))).toBe(true)
    expect(ties.length).toBeLessThan(Rows.networkTies(network).rows.length)
    expect([
      ...Rows.personsOf([
        { id: "p-1" as never, kind: "citizen" },
        { id: "comune" as never, kind: "local-authority" }
      ])
    ]).toEqual(["p-1"])
  })

  it("network: 17 actors and the ties of the report", () => {
    const actors = Rows.networkActors(network).rows
    expect(actors.length).toBe(17)
    const report = PartnershipNetwork.measure(network)
    expect(Rows.networkTies(network).rows.length).toBe(report.ties)
    expect(actors.filter((a) => a.isolated).map((a) => a.actor)).toEqual([...report.isolated])
    // degree sums to twice the ties
    expect(actors.reduce((n, a) => n + a.degree, 0)).toBe(2 * report.ties)
  })

  it("summary: the 24 measurements of Legnano, with the cells and totals the published summary shows", () => {
    const rows = Rows.summary(published).rows
    expect(rows.filter((r) => r.scope === "cell").length).toBe(Object.keys(published.cells).length)
    expect(rows.filter((r) => r.scope === "total").length).toBe(Object.keys(published.totals).length)
    const visible = rows.filter((r) => r.scope === "cell" && !r.suppressed)
    expect(visible.reduce((n, r) => n + (r.count ?? 0), 0)).toBeLessThanOrEqual(24)
    expect(rows.filter((r) => r.scope === "total").every((r) => r.municipality === null)).toBe(true)
  })

  it("accountability: a row per signatory of the Pact", () => {
    const rows = Rows.accountability(accountability).rows
    expect(rows.map((r) => r.actor)).toEqual(accountability.signatories.map((s) => s.actor))
    expect(rows.every((r) => r.round === "eval-2017" && r.period_start === round.period.start)).toBe(true)
  })

  it("responsibility map: the gaps are the rows with no body", () => {
    const rows = Rows.responsibilityMap(Responsibility.rows(legnano.needs, legnano.responsibilities)).rows
    expect(rows.every((r) => r.gap === (r.bodies === ""))).toBe(true)
  })
})

describe("formats", () => {
  it("Arrow: the columns and their types, nulls where the rows have them", () => {
    for (const rows of all) {
      const table = toArrow(rows)
      expect(table.numRows).toBe(rows.rows.length)
      expect(table.schema.fields.map((f) => f.name)).toEqual(rows.columns.map((c) => c.name))
      expect(table.schema.fields.map((f) => String(f.type))).toEqual(
        rows.columns.map((c) =>
          c.type === "string"
            ? "Utf8"
            : c.type === "number"
              ? "Float64"
              : c.type === "integer"
                ? "Int32"
                : "Bool"
        )
      )
      expect(read(fromArrow(table, rows)).rows).toEqual(rows.rows)
      expect(read(fromArrow(tableFromIPC(toIpc(rows)), rows)).rows).toEqual(rows.rows)
      expect(read(fromArrow(tableFromIPC(toIpc(rows, { format: "file" })), rows)).rows).toEqual(rows.rows)
    }
  })

  it("Arrow with { dictionary: true }: every text column a dictionary of Utf8, every other column as plain, the same rows back", () => {
    for (const rows of all) {
      const plain = toArrow(rows)
      const coded = toArrow(rows, { dictionary: true })
      expect(coded.schema.fields.map((f) => [f.name, f.nullable, f.metadata])).toEqual(
        plain.schema.fields.map((f) => [f.name, f.nullable, f.metadata])
      )
      coded.schema.fields.forEach((f, k) => {
        if (rows.columns[k]!.type === "string")
          expect(String(f.type), f.name).toMatch(/^Dictionary<Int(8|16|32), Utf8>$/)
        else expect(String(f.type)).toBe(String(plain.schema.fields[k]!.type))
      })
      expect(read(fromArrow(coded, rows)).rows).toEqual(rows.rows)
      expect(read(fromArrow(tableFromIPC(toIpc(rows, { dictionary: true })), rows)).rows).toEqual(rows.rows)
      expect(
        read(fromArrow(tableFromIPC(toIpc(rows, { dictionary: true, format: "file" })), rows)).rows
      ).toEqual(rows.rows)
    }
  })

  // one test per size, so that no single test holds the worker for long on a loaded machine; the
  // long columns are compared as JSON (the same strict equality for texts and nulls, far cheaper)
  it.each([
    [0, "Int8"],
    [1, "Int8"],
    [128, "Int8"],
    [129, "Int16"],
    [32_768, "Int16"],
    [32_769, "Int32"],
    [40_000, "Int32"]
  ] as const)(
    "Arrow with { dictionary: true }: %i distinct texts take %s indices, the smallest that holds them (Int8 up to 128, Int16 up to 32,768, then Int32)",
    (distinct, type) => {
      const columns = [
        { name: "a", type: "string" as const, nullable: true, description: { it: "a", en: "a" } }
      ]
      // each text twice, the second time after a null, so widening copies repeats and nulls too
      const values = Array.from({ length: distinct }, (_, k) => [`t${k}`, null, `t${k}`]).flat()
      const rows: Rows.Rows = { name: "text", columns, rows: values.map((a) => ({ a })) }
      const table = toArrow(rows, { dictionary: true })
      expect(String(table.schema.fields[0]!.type)).toBe(`Dictionary<${type}, Utf8>`)
      const data = table.getChild("a")!.data[0]!
      expect(data.dictionary!.length).toBe(distinct)
      expect(data.nullCount).toBe(distinct)
      expect(JSON.stringify(table.getChild("a")!.toArray())).toBe(JSON.stringify(values))
      // "int32": the same values and dictionary, the index type fixed whatever the data
      const fixed = toArrow(rows, { dictionary: "int32" })
      expect(String(fixed.schema.fields[0]!.type)).toBe("Dictionary<Int32, Utf8>")
      expect(JSON.stringify(fixed.getChild("a")!.data[0]!.dictionary!.toArray())).toBe(
        JSON.stringify(data.dictionary!.toArray())
      )
      expect(JSON.stringify(fixed.getChild("a")!.toArray())).toBe(JSON.stringify(values))
    }
  )

  it("property: a text column of any Unicode, empty strings and nulls in any order reads back equal from Arrow and its IPC bytes", () => {
    const columns = [
      { name: "a", type: "string" as const, nullable: true, description: { it: "a", en: "a" } },
      { name: "b", type: "string" as const, nullable: true, description: { it: "b", en: "b" } }
    ]
    const text = fc.oneof(
      fc.constant(null),
      fc.constant(""),
      fc.string(),
      fc.string({ unit: "binary" }),
      fc.constantFrom("Nerviano", "Città metropolitana", "Saint-Rhémy-en-Bosses", "🏠 casa")
    )
    fc.assert(
      fc.property(
        fc.array(fc.record({ a: text, b: text }), { maxLength: 40 }),
        fc.boolean(),
        (values, dictionary) => {
          const rows: Rows.Rows = { name: "text", columns, rows: values }
          expect(read(fromArrow(toArrow(rows, { dictionary }), rows)).rows).toEqual(values)
          expect(read(fromArrow(tableFromIPC(toIpc(rows, { dictionary })), rows)).rows).toEqual(values)
        }
      ),
      { numRuns: 300 }
    )
  })

  it("property: a dictionary-encoded column of any number of distinct texts, repeated and null in any order, reads back equal, its index type the smallest that holds them", () => {
    const columns = [
      { name: "a", type: "string" as const, nullable: true, description: { it: "a", en: "a" } }
    ]
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 300 }),
        fc.array(fc.tuple(fc.nat(), fc.option(fc.nat(), { nil: null })), { maxLength: 300 }),
        (distinct, inserts) => {
          // every text once, in order, then repeats and nulls inserted anywhere (before and after a widening)
          const values: Array<string | null> = Array.from({ length: distinct }, (_, k) => `t${k}`)
          for (const [at, k] of inserts)
            values.splice(
              at % (values.length + 1),
              0,
              k === null || distinct === 0 ? null : `t${k % distinct}`
            )
          const rows: Rows.Rows = { name: "text", columns, rows: values.map((a) => ({ a })) }
          const table = toArrow(rows, { dictionary: true })
          const words = new Set(values.filter((v) => v !== null)).size
          expect(String(table.schema.fields[0]!.type)).toBe(
            `Dictionary<${words <= 128 ? "Int8" : "Int16"}, Utf8>`
          )
          expect(table.getChild("a")!.toArray()).toEqual(values)
          expect(read(fromArrow(tableFromIPC(toIpc(rows, { dictionary: true })), rows)).rows).toEqual(
            rows.rows
          )
        }
      ),
      { numRuns: 200 }
    )
  })

  it("CSV: a header of column names, empty fields for nulls, read back equal", () => {
    for (const rows of all) {
      const text = Csv.format(rows)
      expect(text.split("\n")[0]).toBe(rows.columns.map((c) => c.name).join(","))
      expect(read(Csv.parse(text, rows)).rows).toEqual(rows.rows)
      expect(
        read(Csv.parse(Csv.format(rows, { delimiter: ";", newline: "\r\n" }), rows, { delimiter: ";" })).rows
      ).toEqual(rows.rows)
    }
  })

  it("Parquet: read back by hyparquet with the same rows, types and metadata", async () => {
    for (const rows of all) {
      const bytes = toParquet(rows)
      const back = await parquetRows(bytes)
      expect(back, rows.name).toEqual(rows.rows.map((r) => ({ ...r })))
      const meta = parquetMetadata(
        bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer
      )
      expect(meta.key_value_metadata?.find((kv) => kv.key === "welfare.table")?.value).toBe(rows.name)
      const leaves = meta.schema.slice(1)
      expect(leaves.map((s) => s.name)).toEqual(rows.columns.map((c) => c.name))
      expect(leaves.map((s) => s.repetition_type)).toEqual(
        rows.columns.map((c) => (c.nullable ? "OPTIONAL" : "REQUIRED"))
      )
    }
  })

  it("data resource: the Table Schema of the columns, descriptions in the language asked", () => {
    const resource = DataResource.of(Rows.summary(published), { lang: "en" })
    expect(resource.profile).toBe("tabular-data-resource")
    expect(resource.schema.fields.find((f) => f.name === "suppressed")).toEqual({
      name: "suppressed",
      type: "boolean",
      description: "Whether it is hidden (fewer persons than the threshold, or to protect another cell)",
      constraints: { required: true }
    })
    expect(DataResource.of(Rows.summary(published)).schema.fields[0]!.description).toContain("comune")
    expect(resource.data.length).toBe(Rows.summary(published).rows.length)
  })
})

const profileArb = Testing.intervention().map((i) => Assessment.assess(i))

describe("properties", () => {
  it("property: rows -> Arrow, CSV and Parquet -> rows is the identity for profiles and evidence (invariant 14)", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(profileArb, { maxLength: 4 }), async (ps) => {
        for (const rows of [Rows.profiles(ps), Rows.evidence(ps)]) {
          expect(conforms(rows)).toBe(true)
          expect(read(fromArrow(tableFromIPC(toIpc(rows)), rows)).rows).toEqual(rows.rows)
          expect(read(Csv.parse(Csv.format(rows), rows)).rows).toEqual(rows.rows)
          if (rows.rows.length > 0)
            expect(await parquetRows(toParquet(rows))).toEqual(rows.rows.map((r) => ({ ...r })))
        }
      }),
      { numRuns: 60 }
    )
  }, 120_000)

  it("property: a published summary exports no figure of a suppressed cell, and every visible figure as published (privacy: no hidden figure is published)", async () => {
    await fc.assert(
      fc.asyncProperty(
        Testing.measurements({ withPersons: true, maxLength: 60 }),
        fc.integer({ min: 1, max: 12 }),
        async (ms, threshold) => {
          const result = Published.publish(Summary.fromMeasurements(ms), { threshold })
          if (Either.isLeft(result)) return
          const p = result.right
          const rows = Rows.summary(p)
          expect(conforms(rows)).toBe(true)
          const hidden = rows.rows.filter((r) => r.suppressed)
          expect(hidden.length).toBe(
            [...Object.values(p.cells), ...Object.values(p.totals)].filter((c) => c.suppressed).length
          )
          for (const r of hidden)
            for (const k of ["count", "persons", "sum", "mean", "min", "max", "levels"])
              expect(r[k]).toBeNull()
          for (const r of rows.rows.filter((x) => !x.suppressed && x.persons !== null))
            expect(r.persons!).toBeGreaterThanOrEqual(threshold)
          // the same rows come out of every format
          const csv = read(Csv.parse(Csv.format(rows), rows)).rows
          const arrow = read(fromArrow(toArrow(rows), rows)).rows
          expect(csv).toEqual(rows.rows)
          expect(arrow).toEqual(rows.rows)
          // the columnar path gives the same table, schema and buffers included
          const direct = summaryToArrow(p)
          expect(read(fromArrow(direct, rows)).rows).toEqual(rows.rows)
          expect(direct.schema).toEqual(toArrow(rows).schema)
          expect(tableFromIPC(tableToIPC(direct)).numRows).toBe(rows.rows.length)
          expect(tableToIPC(direct)).toEqual(tableToIPC(toArrow(rows)))
          // dictionary-encoded: the same rows, and the same columns as toArrow's, index type and dictionary included
          const dictionary = threshold % 2 === 0 ? "int32" : true
          const coded = summaryToArrow(p, { dictionary })
          const expected = toArrow(rows, { dictionary })
          if (dictionary === "int32")
            for (const f of coded.schema.fields)
              if (DataType.isDictionary(f.type)) expect(String(f.type)).toBe("Dictionary<Int32, Utf8>")
          expect(read(fromArrow(coded, rows)).rows).toEqual(rows.rows)
          expect(read(fromArrow(tableFromIPC(tableToIPC(coded)), rows)).rows).toEqual(rows.rows)
          expect(coded.schema.fields.map((f) => String(f.type))).toEqual(
            expected.schema.fields.map((f) => String(f.type))
          )
          for (const f of coded.schema.fields) {
            const [a, b] = [coded.getChild(f.name)!.data[0]!, expected.getChild(f.name)!.data[0]!]
            expect([a.values, a.nullCount, a.dictionary?.toArray()], f.name).toEqual([
              b.values,
              b.nullCount,
              b.dictionary?.toArray()
            ])
          }
          if (rows.rows.length > 0)
            expect(await parquetRows(toParquet(rows))).toEqual(rows.rows.map((r) => ({ ...r })))
        }
      ),
      { numRuns: 60 }
    )
  }, 120_000)

  it("property: the progress of a period about fewer persons than the threshold is exported with no figure (privacy)", () => {
    fc.assert(
      fc.property(
        Testing.indicatorDefinition(),
        Testing.indicatorAssignment(),
        Testing.measurements({ withPersons: true }),
        fc.integer({ min: 1, max: 12 }),
        (definition, assignment, ms, threshold) => {
          const a = { ...assignment, indicator: definition.id }
          const p = Progress.progress(
            definition,
            a,
            ms.map((m) => ({ ...m, indicator: definition.id }))
          )
          const rows = Rows.progress([p], { threshold })
          expect(conforms(rows)).toBe(true)
          expect(rows.rows.length).toBe(p.periods.length)
          rows.rows.forEach((r, i) => {
            const persons = p.periods[i]!.persons
            const small = persons > 0 && persons < threshold
            expect(r.suppressed).toBe(small)
            if (small)
              expect([r.actual, r.share, r.persons, r.measurements, r.level]).toEqual([
                null,
                null,
                null,
                null,
                null
              ])
          })
        }
      ),
      { numRuns: 200 }
    )
  }, 120_000)

  it("property: the order of the interventions never changes a territory's rows, only their order (invariant 4)", () => {
    fc.assert(
      fc.property(fc.array(Testing.intervention(), { maxLength: 5 }), (is) => {
        const a = Rows.profiles(is.map((i) => Assessment.assess(i))).rows
        const b = Rows.profiles([...is].reverse().map((i) => Assessment.assess(i))).rows
        const key = (r: Rows.ProfileRow) => JSON.stringify(r)
        expect([...a].map(key).sort()).toEqual([...b].map(key).sort())
      }),
      { numRuns: 60 }
    )
  }, 120_000)
})
