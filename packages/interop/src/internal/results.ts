// The published results of a territory's indicators, shared by the IATI and
// CIDS exports: only cells that Published.publish lets through, disaggregated
// by municipality and, separately, by the sector of who measured.
import {
  Actor,
  type Indicator,
  type IndicatorAssignment,
  type Measurement,
  Published,
  Summary,
  type Territory
} from "@welfare/core"
import * as Either from "effect/Either"

export interface Actual {
  readonly value: number | undefined
  readonly levels: { readonly [level: string]: number }
  readonly persons: number
  readonly dimension?: { readonly name: "municipality" | "sector"; readonly value: string }
}

export interface PeriodResult {
  readonly start: string
  readonly end: string
  readonly target: IndicatorAssignment.Target | undefined
  readonly actuals: ReadonlyArray<Actual>
}

export interface IndicatorResult {
  readonly definition: Indicator.IndicatorDefinition
  readonly assignments: ReadonlyArray<IndicatorAssignment.IndicatorAssignment>
  readonly baseline: IndicatorAssignment.Baseline | undefined
  readonly periods: ReadonlyArray<PeriodResult>
}

const sectorKey = (sector: string): string => `sector-${sector}`

const published = (
  measurements: ReadonlyArray<Measurement.Measurement>,
  threshold: number
): Published.Published => {
  const summary = Summary.fromMeasurements(measurements)
  // publish fails only on a threshold out of 3..11, which results() brings into range
  return Either.getOrElse(Published.publish(summary, { threshold }), () =>
    Either.getOrThrow(Published.publish(summary))
  )
}

/**
 * The results of every assigned indicator, with the cells a publication may
 * show (threshold: Published.defaultThreshold unless given, brought into 3..11).
 */
export const results = (
  territory: Pick<Territory.TerritoryInput, "indicators" | "assignments" | "measurements" | "actors">,
  options: { readonly threshold?: number } = {}
): ReadonlyArray<IndicatorResult> => {
  const threshold = Math.min(11, Math.max(3, Math.round(options.threshold ?? Published.defaultThreshold)))
  const sectorOf = new Map(territory.actors.map((a) => [a.id as string, Actor.sectorOf(a)]))
  const byMunicipality = published(territory.measurements, threshold)
  const bySector = published(
    territory.measurements.map((m) => {
      const { municipality: _, ...rest } = m
      return {
        ...rest,
        municipality: sectorKey(sectorOf.get(m.measuredBy) ?? "unknown") as Actor.MunicipalityId
      }
    }),
    threshold
  )
  const out: Array<IndicatorResult> = []
  for (const definition of territory.indicators) {
    const assignments = territory.assignments.filter((a) => a.indicator === definition.id)
    if (assignments.length === 0) continue
    const periods = new Map<
      string,
      { start: string; end: string; target: IndicatorAssignment.Target | undefined }
    >()
    for (const a of assignments)
      for (const p of a.periods) {
        const key = `${p.start}/${p.end}`
        const known = periods.get(key)
        if (known === undefined) periods.set(key, { start: p.start, end: p.end, target: p.target })
        else if (known.target === undefined && p.target !== undefined) known.target = p.target
      }
    const visible = (cells: { readonly [key: string]: Published.Cell }) =>
      Object.values(cells).filter(
        (c): c is Summary.Cell & { readonly suppressed: false } =>
          !c.suppressed && c.indicator === definition.id
      )
    for (const c of [
      ...visible(byMunicipality.totals),
      ...visible(byMunicipality.cells),
      ...visible(bySector.cells)
    ]) {
      const key = `${c.period.start}/${c.period.end}`
      if (!periods.has(key)) periods.set(key, { start: c.period.start, end: c.period.end, target: undefined })
    }
    const value = (c: Summary.Cell): number | undefined =>
      definition.kind === "quantitative" ? Summary.aggregate(c, definition.aggregation) : undefined
    const actual = (c: Summary.Cell, dimension?: Actual["dimension"]): Actual => ({
      value: value(c),
      levels: c.levels,
      persons: c.persons,
      ...(dimension === undefined ? {} : { dimension })
    })
    out.push({
      definition,
      assignments,
      // a numeric baseline first (it is what CIDS and IATI can carry), else a level
      baseline:
        assignments.find((a) => a.baseline?.value !== undefined)?.baseline ??
        assignments.find((a) => a.baseline !== undefined)?.baseline,
      periods: [...periods.values()]
        .sort((a, b) =>
          a.start < b.start ? -1 : a.start > b.start ? 1 : a.end < b.end ? -1 : a.end > b.end ? 1 : 0
        )
        .map((p) => {
          const inPeriod = (c: Summary.Cell) => c.period.start === p.start && c.period.end === p.end
          return {
            ...p,
            actuals: [
              ...visible(byMunicipality.totals)
                .filter(inPeriod)
                .map((c) => actual(c)),
              ...visible(byMunicipality.cells)
                .filter((c) => inPeriod(c) && c.municipality !== undefined)
                .sort((a, b) => (a.municipality! < b.municipality! ? -1 : 1))
                .map((c) => actual(c, { name: "municipality", value: c.municipality! })),
              ...visible(bySector.cells)
                .filter(inPeriod)
                .sort((a, b) => (a.municipality! < b.municipality! ? -1 : 1))
                .map((c) => actual(c, { name: "sector", value: c.municipality!.slice("sector-".length) }))
            ]
          }
        })
    })
  }
  return out
}
