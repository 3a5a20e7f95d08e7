import { mkdtempSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { Measurement, Summary } from "@welfare/core"
import * as Arbitrary from "effect/Arbitrary"
import * as Schema from "effect/Schema"
import * as fc from "fast-check"
import { afterAll, describe, expect, it } from "vitest"
import { evaluateFile, evaluateFileSharded } from "./shard.js"

const dir = mkdtempSync(join(tmpdir(), "welfare-shard-"))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

const encode = Schema.encodeSync(Measurement.Measurement)
const line = fc.oneof(
  { weight: 8, arbitrary: Arbitrary.make(Measurement.Measurement).map((m) => JSON.stringify(encode(m))) },
  {
    weight: 1,
    arbitrary: fc.constantFrom('{"indicator": broken', '{"indicator":"ind-1"}', "", "   ", "[1,2]")
  }
)

let files = 0
const write = (lines: ReadonlyArray<string>, eol: string): string => {
  const path = join(dir, `m-${files++}.ndjson`)
  writeFileSync(path, lines.join(eol) + (lines.length > 0 ? eol : ""))
  return path
}

describe("shard", () => {
  it("property: evaluating a file in ranges across threads equals evaluating it on one thread: summary, problems, indices and lines (invariant 13)", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(line, { maxLength: 60 }),
        fc.integer({ min: 1, max: 7 }),
        fc.constantFrom("\n", "\r\n"),
        async (lines, ranges, eol) => {
          const path = write(lines, eol)
          const single = evaluateFile(path)
          const sharded = await evaluateFileSharded(path, { threads: 2, ranges, workers: false })
          expect(Summary.equals(sharded.summary, single.summary)).toBe(true)
          expect(sharded.problems).toStrictEqual(single.problems)
          expect(sharded.records).toBe(single.records)
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
      '{"indicator": broken',
      ...Array.from({ length: 9 }, () => good)
    ]
    const path = write(lines, "\n")
    const r = await evaluateFileSharded(path, { threads: 2, ranges: 4, workers: false })
    expect(r.records).toBe(40)
    expect(r.problems.map((p) => [p.path, p.message.replace(/, column \d+/, "")])).toEqual([
      [[30], "line 31: not valid JSON: check quotes, commas and brackets (each record is one JSON value)"]
    ])
    const cell = Summary.get(r.summary, "ind-hours", { start: "2016-01-01", end: "2016-12-31" }, "legnano")
    expect(cell === undefined ? undefined : Summary.sum(cell)).toBe(39 * 12)
  })
})
