import { Published } from "@welfare/core"
import { summaryToArrow } from "@welfare/tables/arrow"
const seeded = (seed) => { let a = seed >>> 0; return () => { a = (a + 0x6d2b79f5) >>> 0; let t = a; t = Math.imul(t ^ (t >>> 15), t | 1); t ^= t + Math.imul(t ^ (t >>> 7), t | 61); return ((t ^ (t >>> 14)) >>> 0) / 4294967296 } }
const PERIODS = [2016, 2017, 2018, 2019].map((y) => ({ start: `${y}-01-01`, end: `${y}-12-31` }))
const r = seeded(16); const cells = {}
const key = (i, p, m) => `${i}|${p.start}|${p.end}|${m}`
import { Summary } from "@welfare/core"
for (let i = 0; i < 50; i++) for (const period of PERIODS) for (let m = 0; m < 5000; m++) {
  const indicator = `ind-${i}`, municipality = `mun-${m}`, count = 1 + Math.floor(r() * 20), units = Math.floor(r() * 100000)
  cells[Summary.keyOf(indicator, period, municipality)] = { indicator, period, municipality, count, numeric: count, units, micros: Math.floor(r() * 1e6), min: 0, max: units, persons: Math.floor(r() * 60), personCounted: count, levels: {} }
}
const pub = Published.publish({ _tag: "Summary", cells }).right
for (let k = 0; k < 4; k++) { globalThis.gc(); const t = performance.now(); summaryToArrow(pub); console.log("arrow", (performance.now() - t) | 0) }
