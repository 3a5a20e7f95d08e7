/**
 * Tabular exports (issue 16): a published summary of 1,000,000 cells to an
 * Apache Arrow table in under 1 s (row shaping included), with CSV and
 * Parquet measured beside it for reference. The summary is built directly
 * (50 indicators x 4 periods x 5,000 municipalities) and published with
 * `Published.publish` before the timer starts: what is timed is the export.
 */

import { GCProfiler } from "node:v8"
import { Published, Summary } from "@welfare/core"
import { Csv, Rows } from "@welfare/tables"
import { summaryToArrow, toArrow, toIpc } from "@welfare/tables/arrow"
import { toParquet } from "@welfare/tables/parquet"
import * as Either from "effect/Either"
import { byName, type Scenario, seeded } from "../harness.js"

const INDICATORS = 50
const PERIODS = [2016, 2017, 2018, 2019].map((y) => ({ start: `${y}-01-01`, end: `${y}-12-31` }))
const MUNICIPALITIES = 5_000
const CELLS = INDICATORS * PERIODS.length * MUNICIPALITIES

const summary = (): Summary.Summary => {
  const r = seeded(16)
  const cells: Record<string, Summary.Cell> = {}
  for (let i = 0; i < INDICATORS; i++)
    for (const period of PERIODS)
      for (let m = 0; m < MUNICIPALITIES; m++) {
        const indicator = `ind-${i}` as Summary.Cell["indicator"]
        const municipality = `mun-${m}` as NonNullable<Summary.Cell["municipality"]>
        const count = 1 + Math.floor(r() * 20)
        const units = Math.floor(r() * 100_000)
        cells[Summary.keyOf(indicator, period, municipality)] = {
          indicator,
          period,
          municipality,
          count,
          numeric: count,
          units,
          micros: Math.floor(r() * 1_000_000),
          min: 0,
          max: units,
          persons: Math.floor(r() * 60),
          personCounted: count,
          levels: {}
        }
      }
  return { _tag: "Summary", cells }
}

interface Prepared {
  readonly published: Published.Published
  /** The summary's rows, shaped once on first use (after summaryToArrow has run, so its heap holds no row object). */
  readonly rows: () => Rows.Rows
}

let held: Prepared | undefined

/**
 * One more summaryToArrow, under V8's GC profiler: its time, the time of the
 * collections inside it, and the size of the heap they had to mark (what is
 * left of the call is ours: writing the column buffers, fresh memory included).
 */
const collections = (p: Prepared, dictionary: boolean): string => {
  const profiler = new GCProfiler()
  profiler.start()
  const t0 = performance.now()
  const table = summaryToArrow(p.published, { dictionary })
  const ms = performance.now() - t0
  const { statistics } = profiler.stop()
  const full = statistics.filter((s) => s.gcType === "MarkSweepCompact")
  const gcMs = statistics.reduce((n, s) => n + s.cost / 1000, 0)
  const heapMb = Math.max(0, ...full.map((s) => s.beforeGC.heapStatistics.usedHeapSize / 1e6))
  const bufferMb = table.data.reduce((n, d) => n + d.children.reduce((m, c) => m + c.byteLength, 0), 0) / 1e6
  const call = dictionary ? "summaryToArrow { dictionary: true }" : "summaryToArrow (plain)"
  const why =
    full.length === 0
      ? `no full mark-compact: the call writes ${bufferMb.toFixed(0)} MB of buffers`
      : `${full.length === 1 ? "1 full mark-compact" : `${full.length} full mark-compacts`} of a heap of up to ${heapMb.toFixed(0)} MB, mostly the published summary and rows the scenario holds: V8 collects when new buffers outgrow its external-memory limit, and the call writes ${bufferMb.toFixed(0)} MB of them`
  return `one more ${call} under V8's GC profiler: ${ms.toFixed(0)} ms, of which ${gcMs.toFixed(0)} ms in garbage collection (${why}); the rest, ${(ms - gcMs).toFixed(0)} ms, is writing the buffers, first touches of fresh memory included`
}

export const scenario: Scenario<Prepared> = {
  id: "tables",
  title: "Tables: a published summary of 1,000,000 cells to Arrow",
  target:
    "< 1 s (a published summary to an Arrow table: summaryToArrow with { dictionary: true }, the fast path for large summaries; the plain-Utf8 default is measured beside it)",
  sizes: `${CELLS.toLocaleString("en")} cells (${INDICATORS} indicators x ${PERIODS.length} periods x ${MUNICIPALITIES.toLocaleString("en")} municipalities, seed 16), published with Published.publish (threshold 5), plus their ${INDICATORS * PERIODS.length} totals`,
  prepare: () => {
    const published = Either.getOrThrow(Published.publish(summary()))
    let rows: Rows.Rows | undefined
    held = { published, rows: () => (rows ??= Rows.summary(published)) }
    return held
  },
  workloads: [
    {
      name: "summaryToArrow { dictionary: true }, 1,000,000 cells",
      items: CELLS,
      run: (p) => summaryToArrow(p.published, { dictionary: true })
    },
    {
      name: "summaryToArrow (plain Utf8, the default), 1,000,000 cells",
      items: CELLS,
      run: (p) => summaryToArrow(p.published)
    },
    {
      name: "Rows.summary + toArrow, 1,000,000 cells",
      items: CELLS,
      run: (p) => toArrow(Rows.summary(p.published))
    },
    {
      name: "toArrow of the rows (shaping not included)",
      items: CELLS,
      run: (p) => toArrow(p.rows())
    },
    { name: "toIpc (Arrow IPC stream bytes)", items: CELLS, run: (p) => toIpc(p.rows()).byteLength },
    { name: "Csv.format", items: CELLS, run: (p) => Csv.format(p.rows()).length },
    { name: "toParquet", items: CELLS, run: (p) => toParquet(p.rows()).byteLength }
  ],
  runs: 3,
  meets: (results) => byName(results, "summaryToArrow { dictionary: true }, 1,000,000 cells").medianMs < 1000,
  notes: () => (held === undefined ? [] : [collections(held, true), collections(held, false)])
}
