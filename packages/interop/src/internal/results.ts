// The published results of a territory's indicators, shared by the IATI and
// CIDS exports: only cells that Published.publish lets through, disaggregated
// by municipality and, separately, by the sector of who measured.
import {
  Actor,
  Disclosure,
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

type Where = Pick<Summary.Cell, "indicator" | "period" | "municipality">

const groupOf = (c: Where): string => `${c.indicator}|${c.period.start}/${c.period.end}`

/**
 * The figures published together (per indicator x period: the total, each
 * municipality's, each sector's) and one disclosure decision over all of
 * them (issue 14): each figure counts the finest cells (municipality x
 * sector of who measured) it sums, each cell standing for its persons, so a
 * hidden municipality cannot be found from the sectors' figures, nor a hidden
 * sector from the municipalities'.
 */
export const decision = (
  measurements: ReadonlyArray<Measurement.Measurement>,
  sectorOf: (measuredBy: string) => string,
  threshold: number
): {
  readonly figures: ReadonlyArray<Disclosure.Figure>
  readonly weight: (atom: string) => number
  readonly status: { readonly [id: string]: Disclosure.Status }
} => {
  const fine = Summary.fromMeasurements(
    measurements.map((m) => ({
      ...m,
      municipality: `${m.municipality ?? ""}|${sectorOf(m.measuredBy)}` as Actor.MunicipalityId
    }))
  )
  const figures = new Map<string, Array<string>>()
  const add = (id: string, atom: string) => {
    const atoms = figures.get(id)
    if (atoms === undefined) figures.set(id, [atom])
    else atoms.push(atom)
  }
  const persons = new Map<string, number>()
  for (const key in fine.cells) {
    const c = fine.cells[key]!
    const g = groupOf(c)
    const [municipality, sector] = (c.municipality as string).split("|") as [string, string]
    persons.set(key, c.personCounted > 0 ? c.persons : 0)
    add(`total:${g}`, key)
    if (municipality !== "") add(`municipality:${g}:${municipality}`, key)
    add(`sector:${g}:${sector}`, key)
  }
  const list = [...figures].map(([id, atoms]) => ({ id, atoms }))
  const weight = (atom: string) => persons.get(atom) ?? 0
  // decide fails only on a threshold out of 3..11, which results() brings into range: then nothing is shown
  const status = Either.getOrElse(Disclosure.decide(list, { threshold, weight }), () => ({}))
  return { figures: list, weight, status }
}

/**
 * The results of every assigned indicator, with the cells a publication may
 * show (threshold: Published.defaultThreshold unless given, brought into
 * 3..11), decided together across the total, the municipalities and the
 * sectors (see {@link decision}).
 */
export const results = (
  territory: Pick<Territory.TerritoryInput, "indicators" | "assignments" | "measurements" | "actors">,
  options: { readonly threshold?: number } = {}
): ReadonlyArray<IndicatorResult> => {
  const threshold = Math.min(11, Math.max(3, Math.round(options.threshold ?? Published.defaultThreshold)))
  const sectors = new Map(territory.actors.map((a) => [a.id as string, Actor.sectorOf(a)]))
  const sectorOf = (id: string) => sectors.get(id) ?? "unknown"
  const views = shownCells(territory.measurements, sectorOf, threshold)
  return territory.indicators.flatMap((definition) => {
    const assignments = territory.assignments.filter((a) => a.indicator === definition.id)
    return assignments.length === 0 ? [] : [indicatorResult(definition, assignments, views)]
  })
}

type Cells = { readonly [key: string]: Summary.Cell }

/** The cells shown, by municipality (with the totals) and by sector of who measured. */
interface Views {
  readonly byMunicipality: { readonly totals: Cells; readonly cells: Cells }
  readonly bySector: { readonly cells: Cells }
}

const municipalityId = (c: Where) =>
  c.municipality === undefined ? undefined : `municipality:${groupOf(c)}:${c.municipality}`
const sectorId = (c: Where) => `sector:${groupOf(c)}:${(c.municipality as string).slice("sector-".length)}`
const totalId = (c: Where) => `total:${groupOf(c)}`

/**
 * The cells a publication may show: those the joint decision and each view's
 * own publication both show, less those that would give a hidden one away.
 */
const shownCells = (
  measurements: ReadonlyArray<Measurement.Measurement>,
  sectorOf: (id: string) => string,
  threshold: number
): Views => {
  const { figures, weight, status } = decision(measurements, sectorOf, threshold)
  // a figure is shown when the joint decision and each view's own publication both show it
  const perMunicipality = published(measurements, threshold)
  const perSector = published(
    measurements.map((m) => {
      const { municipality: _, ...rest } = m
      return { ...rest, municipality: sectorKey(sectorOf(m.measuredBy)) as Actor.MunicipalityId }
    }),
    threshold
  )
  const shown = new Set(Object.keys(status).filter((id) => status[id] === "visible"))
  const hiddenBy = (
    cells: { readonly [key: string]: Published.Cell },
    id: (c: Where) => string | undefined
  ) => {
    for (const key in cells) {
      const c = cells[key]!
      const figure = id(c)
      if (c.suppressed && figure !== undefined) shown.delete(figure)
    }
  }
  hiddenBy(perMunicipality.totals, totalId)
  hiddenBy(perMunicipality.cells, municipalityId)
  hiddenBy(perSector.cells, sectorId)
  hideLeaks(figures, shown, threshold, weight)
  const kept = (
    cells: { readonly [key: string]: Published.Cell },
    id: (c: Where) => string | undefined
  ): Cells => {
    const out: { [key: string]: Summary.Cell } = {}
    for (const key in cells) {
      const c = cells[key]!
      if (c.suppressed) continue
      const figure = id(c)
      if (figure !== undefined && shown.has(figure)) out[key] = c
    }
    return out
  }
  return {
    byMunicipality: {
      totals: kept(perMunicipality.totals, totalId),
      cells: kept(perMunicipality.cells, municipalityId)
    },
    bySector: { cells: kept(perSector.cells, sectorId) }
  }
}

const groupOfFigure = (id: string): string => id.split(":")[1] ?? ""

/**
 * Hiding what one decision showed may leave a hidden figure equal to a shown
 * one: the figures that give it away are hidden too (from `shown`), until the
 * audit of everything shown finds nothing.
 */
const hideLeaks = (
  figures: ReadonlyArray<Disclosure.Figure>,
  shown: Set<string>,
  threshold: number,
  weight: (atom: string) => number
): void => {
  const sectorsHidden = new Set<string>()
  for (;;) {
    const leaks = Disclosure.audit(figures, (id) => shown.has(id), { threshold, weight })
    if (leaks.length === 0) break
    const before = shown.size
    for (const leak of leaks) {
      if (leak.kind !== "derivable") {
        for (const id of leak.figures) shown.delete(id)
        continue
      }
      // a hidden figure the shown ones give back: the sectors of its indicator x period are
      // left out first (the municipalities are the breakdown the publication is about), then
      // the whole indicator x period
      const group = groupOfFigure(leak.figures[0]!)
      const ofGroup = [...shown].filter((id) => groupOfFigure(id) === group)
      const first = !sectorsHidden.has(group)
      sectorsHidden.add(group)
      for (const id of ofGroup) if (!first || id.startsWith("sector:")) shown.delete(id)
    }
    if (
      shown.size === before &&
      leaks.every((l) => l.kind === "derivable" && sectorsHidden.has(groupOfFigure(l.figures[0]!)))
    ) {
      // nothing shown is left to hide in those groups
      for (const leak of leaks) {
        const group = groupOfFigure(leak.figures[0]!)
        for (const id of [...shown]) if (groupOfFigure(id) === group) shown.delete(id)
      }
      if (shown.size === before) break
    }
  }
}

type Period = { start: string; end: string; target: IndicatorAssignment.Target | undefined }

/** The result of one assigned indicator: its baseline, and each period's target and shown actuals. */
const indicatorResult = (
  definition: Indicator.IndicatorDefinition,
  assignments: ReadonlyArray<IndicatorAssignment.IndicatorAssignment>,
  views: Views
): IndicatorResult => {
  const visible = (cells: Cells) => Object.values(cells).filter((c) => c.indicator === definition.id)
  const periods = periodsOf(assignments, [
    ...visible(views.byMunicipality.totals),
    ...visible(views.byMunicipality.cells),
    ...visible(views.bySector.cells)
  ])
  const actual = (c: Summary.Cell, dimension?: Actual["dimension"]): Actual => ({
    value: definition.kind === "quantitative" ? Summary.aggregate(c, definition.aggregation) : undefined,
    levels: c.levels,
    persons: c.persons,
    ...(dimension === undefined ? {} : { dimension })
  })
  return {
    definition,
    assignments,
    // a numeric baseline first (it is what CIDS and IATI can carry), else a level
    baseline:
      assignments.find((a) => a.baseline?.value !== undefined)?.baseline ??
      assignments.find((a) => a.baseline !== undefined)?.baseline,
    periods: periods.map((p) => {
      const inPeriod = (c: Summary.Cell) => c.period.start === p.start && c.period.end === p.end
      return {
        ...p,
        actuals: [
          ...visible(views.byMunicipality.totals)
            .filter(inPeriod)
            .map((c) => actual(c)),
          ...visible(views.byMunicipality.cells)
            .filter((c) => inPeriod(c) && c.municipality !== undefined)
            .sort((a, b) => (a.municipality! < b.municipality! ? -1 : 1))
            .map((c) => actual(c, { name: "municipality", value: c.municipality! })),
          ...visible(views.bySector.cells)
            .filter(inPeriod)
            .sort((a, b) => (a.municipality! < b.municipality! ? -1 : 1))
            .map((c) => actual(c, { name: "sector", value: c.municipality!.slice("sector-".length) }))
        ]
      }
    })
  }
}

/** The periods of an indicator, sorted: its assignments' (with their targets), then those only shown cells have. */
const periodsOf = (
  assignments: ReadonlyArray<IndicatorAssignment.IndicatorAssignment>,
  shown: ReadonlyArray<Summary.Cell>
): Array<Period> => {
  const periods = new Map<string, Period>()
  for (const a of assignments)
    for (const p of a.periods) {
      const key = `${p.start}/${p.end}`
      const known = periods.get(key)
      if (known === undefined) periods.set(key, { start: p.start, end: p.end, target: p.target })
      else if (known.target === undefined && p.target !== undefined) known.target = p.target
    }
  for (const c of shown) {
    const key = `${c.period.start}/${c.period.end}`
    if (!periods.has(key)) periods.set(key, { start: c.period.start, end: c.period.end, target: undefined })
  }
  return [...periods.values()].sort((a, b) =>
    a.start < b.start ? -1 : a.start > b.start ? 1 : a.end < b.end ? -1 : a.end > b.end ? 1 : 0
  )
}
