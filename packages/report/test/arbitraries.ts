import * as fc from "fast-check"
import type { Report, View } from "../src/index.js"

const sectors = ["public", "third-sector", "social-partners", "market", "community"] as const

/**
 * Any text, including control characters, markup and lone surrogates, but
 * never one that reads "NaN" or "Infinity": the tests look for those words in
 * a rendering to find a number that is not one.
 */
export const anyString = fc
  .oneof(
    fc.string({ maxLength: 30 }),
    fc.string({ unit: "binary", maxLength: 30 }),
    fc.constantFrom("<script>alert(1)</script>", "a & b", '"quoted"', "http://evil.example/x.png", "|*_#", "")
  )
  .filter((s) => !/NaN|Infinity/.test(s))
export const str = fc.oneof(anyString, fc.record({ it: anyString, en: anyString }))
/** Any number a caller could pass, valid or not. */
export const value = fc.oneof(
  fc.double({ min: 0, max: 1, noNaN: true }),
  fc.double(),
  fc.constant(null),
  fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, -0)
)

export const radarData: fc.Arbitrary<View.RadarData> = fc.integer({ min: 0, max: 9 }).chain((n) =>
  fc.record({
    title: str,
    axes: fc.array(fc.record({ key: anyString, label: str }), { minLength: n, maxLength: n }),
    series: fc.array(fc.record({ name: str, values: fc.array(value, { maxLength: n + 1 }) }), {
      maxLength: 3
    })
  })
)

/** Radar data with valid values only (in [0, 1]), for comparisons of numbers. */
export const validRadar: fc.Arbitrary<View.RadarData> = fc.integer({ min: 3, max: 9 }).chain((n) =>
  fc.record({
    title: fc.string(),
    axes: fc.array(fc.record({ key: fc.string(), label: fc.string() }), { minLength: n, maxLength: n }),
    series: fc.array(
      fc.record({
        name: fc.string(),
        values: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: n, maxLength: n })
      }),
      { minLength: 1, maxLength: 2 }
    )
  })
)

export const progressBars: fc.Arbitrary<View.ProgressBars> = fc.record({
  title: str,
  bars: fc.array(
    fc.record({ key: anyString, label: str, value, note: str }, { requiredKeys: ["key", "label", "value"] }),
    { maxLength: 8 }
  )
})

const nodeId = fc.constantFrom("a", "b", "c", "d", "e", "f", "g", "h")
export const networkView: fc.Arbitrary<View.NetworkView> = fc.record({
  title: str,
  nodes: fc.array(fc.record({ id: nodeId, label: str, sector: fc.constantFrom(...sectors) }), {
    maxLength: 10
  }),
  edges: fc.array(
    fc.record({
      source: nodeId,
      target: fc.oneof(nodeId, fc.constant("unknown")),
      weight: value as fc.Arbitrary<number>
    }),
    {
      maxLength: 15
    }
  )
})

const cell: fc.Arbitrary<View.Cell> = fc.oneof(
  str,
  value,
  fc.record({
    _tag: fc.constant("Count" as const),
    value: value,
    threshold: fc.integer({ min: 1, max: 20 })
  }),
  fc.record({ _tag: fc.constant("Percent" as const), value: fc.double() })
)

export const table: fc.Arbitrary<View.Table> = fc.record({
  caption: str,
  columns: fc.array(str, { maxLength: 4 }),
  rows: fc.array(fc.record({ header: str, cells: fc.array(cell, { maxLength: 4 }) }), { maxLength: 5 })
})

const block: fc.Arbitrary<Report.Block> = fc.oneof(
  fc.record({ kind: fc.constant("paragraph" as const), text: str }),
  fc.record({ kind: fc.constant("list" as const), items: fc.array(str, { maxLength: 3 }) }),
  fc.record({
    kind: fc.constant("facts" as const),
    items: fc.array(fc.record({ label: str, value: cell }), { maxLength: 3 })
  }),
  fc.record({ kind: fc.constant("table" as const), table }),
  fc.record({ kind: fc.constant("radar" as const), data: radarData }),
  fc.record({ kind: fc.constant("progress" as const), data: progressBars }),
  fc.record({ kind: fc.constant("network" as const), data: networkView })
)

export const reportDocument: fc.Arbitrary<Report.ReportDocument> = fc.record(
  {
    lang: fc.constantFrom("it" as const, "en" as const),
    title: str,
    subtitle: str,
    date: fc.constant("2025-01-31"),
    sections: fc.array(fc.record({ id: anyString, title: str, blocks: fc.array(block, { maxLength: 3 }) }), {
      maxLength: 3
    }),
    notes: fc.array(str, { maxLength: 2 })
  },
  { requiredKeys: ["lang", "title", "sections"] }
)
