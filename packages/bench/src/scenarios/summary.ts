/**
 * Summaries of measurements (issue 7): one summary over 1,000,000
 * measurements in under 1 s, and 1,000 municipal summaries merged in under
 * 50 ms; memory bounded by indicators x periods (x municipalities), not by
 * measurements (the streamed workloads keep no measurement). Merging is
 * measured for both readings: the district figures (each municipality rolled
 * up first, 80 cells) and the district keeping the municipality dimension
 * (80,000 cells).
 */

import type { Measurement } from "@welfare/core"
import { Summary } from "@welfare/core"
import * as Effect from "effect/Effect"
import * as Stream from "effect/Stream"
import { byName, type Scenario, seeded } from "../harness.js"

const N = 1_000_000
const MUNICIPALITIES = 1_000
const indicators = Array.from({ length: 20 }, (_, i) => `ind-${i}`)
const periods = [2016, 2017, 2018, 2019].map((y) => ({ start: `${y}-01-01`, end: `${y}-12-31` }))
const measurers = ["comune-legnano", "ufficio-di-piano", "casa-volontariato", "coop-melograno"]

function* generate(count: number, seed: number, municipalities: number): Generator<Measurement.Measurement> {
  const r = seeded(seed)
  for (let i = 0; i < count; i++) {
    const indicator = indicators[Math.floor(r() * indicators.length)]!
    yield {
      indicator,
      assignment: `asg-${indicator}`,
      period: periods[Math.floor(r() * periods.length)]!,
      municipality: `mun-${Math.floor(r() * municipalities)}`,
      value: Math.round(r() * 100_000) / 100,
      unit: "hour",
      measuredBy: measurers[i % measurers.length]!,
      source: "administrative-data",
      persons: Math.floor(r() * 30)
    } as Measurement.Measurement
  }
}

const municipalSummaries = (): ReadonlyArray<Summary.Summary> =>
  Array.from({ length: MUNICIPALITIES }, (_, m) =>
    Summary.fromMeasurements(
      [...generate(400, 11 + m, 1)].map(
        (x) => ({ ...x, municipality: `mun-${m}` }) as Measurement.Measurement
      )
    )
  )

/** Summarising: one process holds the 1,000,000 measurements. */
export const summarise: Scenario<ReadonlyArray<Measurement.Measurement>> = {
  id: "summary",
  title: "Summary: summarise 1,000,000 measurements",
  target: "< 1 s; memory bounded by cells (the streamed workloads keep no measurement)",
  sizes: `${N.toLocaleString("en")} measurements over 20 indicators x 4 periods x 10 municipalities (seed 7)`,
  prepare: () => [...generate(N, 7, 10)],
  workloads: [
    {
      name: "Summary.fromMeasurements, 1,000,000 measurements",
      items: N,
      run: (ms) => Summary.fromMeasurements(ms)
    },
    {
      name: "Summary.fromMeasurements, 1,000,000 streamed from a generator (generation included)",
      items: N,
      run: () => Summary.fromMeasurements(generate(N, 9, 10))
    },
    {
      name: "Summary.fromStream, 1,000,000 from an Effect Stream of the generator (generation included)",
      items: N,
      run: () => Effect.runPromise(Summary.fromStream(Stream.fromIterable(generate(N, 9, 10))))
    },
    {
      name: "reference: hand-written Map fold (count and float sum only)",
      items: N,
      run: (ms) => {
        const cells = new Map<string, { count: number; sum: number }>()
        for (const m of ms) {
          const k = `${m.indicator}|${m.period.start}/${m.period.end}|${m.municipality}`
          const c = cells.get(k)
          if (c === undefined) cells.set(k, { count: 1, sum: m.value ?? 0 })
          else {
            c.count++
            c.sum += m.value ?? 0
          }
        }
        return cells
      }
    }
  ],
  meets: (results) => byName(results, "Summary.fromMeasurements, 1,000,000 measurements").medianMs < 1000
}

/** Merging: 1,000 municipal summaries into the district. */
export const merge: Scenario<{
  readonly municipal: ReadonlyArray<Summary.Summary>
  readonly rolled: ReadonlyArray<Summary.Summary>
}> = {
  id: "summary-merge",
  title: "Summary: merge 1,000 municipal summaries into the district",
  target: "< 50 ms",
  sizes: `${MUNICIPALITIES.toLocaleString("en")} municipal summaries of 80 cells (20 indicators x 4 periods) each (seed 11)`,
  prepare: () => {
    const municipal = municipalSummaries()
    return { municipal, rolled: municipal.map(Summary.rollUp) }
  },
  workloads: [
    {
      name: "Summary.mergeAll, 1,000 municipal summaries (district figures, 80 cells)",
      items: MUNICIPALITIES,
      run: (p) => Summary.mergeAll(p.rolled)
    },
    {
      name: "Summary.mergeAll keeping the municipality dimension (80,000 cells)",
      items: MUNICIPALITIES,
      run: (p) => Summary.mergeAll(p.municipal)
    },
    {
      name: "Summary.merge pairwise (reduce), 1,000 district-level summaries",
      items: MUNICIPALITIES,
      run: (p) => p.rolled.reduce((a, b) => Summary.merge(a, b), Summary.empty)
    }
  ],
  meets: (results) =>
    byName(results, "Summary.mergeAll, 1,000 municipal summaries (district figures, 80 cells)").medianMs < 50
}

export const scenarios = [summarise, merge]
