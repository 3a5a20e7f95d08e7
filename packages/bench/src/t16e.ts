import { Summary } from "@welfare/core"
import { Rows } from "@welfare/tables"
import { toArrow } from "@welfare/tables/arrow"
import * as Either from "effect/Either"
const M = 1000
const PERIODS = [2016, 2017, 2018, 2019].map((y) => ({ start: `${y}-01-01`, end: `${y}-12-31` }))
const cells: Record<string, any> = {}
for (let i = 0; i < 50; i++) for (const period of PERIODS) for (let m = 0; m < M; m++) {
  const count = 1 + (m % 20)
  cells[Summary.keyOf(`ind-${i}`, period, `mun-${m}`)] = { indicator: `ind-${i}`, period, municipality: `mun-${m}`, count, numeric: count, units: m * 7, micros: 12345, min: 0, max: m, persons: m % 60, personCounted: count, levels: {} }
}
const published = Either.getOrThrow(Summary.suppress({ _tag: "Summary", cells } as any))
const vals = Object.values(published.cells) as any[]
for (let r = 0; r < 3; r++) {
  let t = performance.now()
  const base = vals.map((c) => ({ scope: "cell", indicator: c.indicator, period_start: c.period.start, period_end: c.period.end, municipality: c.municipality ?? null, suppressed: false, count: c.count, persons: c.persons, sum: c.units + c.micros / 1e6, mean: 1, min: c.min, max: c.max, levels: null }))
  const tb = performance.now() - t; t = performance.now()
  const rows = Rows.summary(published)
  const tr = performance.now() - t; t = performance.now()
  toArrow(rows)
  const ta = performance.now() - t
  console.log(`baseline ${tb.toFixed(0)} rows ${tr.toFixed(0)} arrow ${ta.toFixed(0)}`, base.length)
}
