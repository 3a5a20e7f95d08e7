/**
 * Deterministic chart geometry shared by the SVG renderers and the Vega-Lite
 * specifications, so both carry the same numbers.
 *
 * @internal
 */
import type { Actor } from "@welfare/core"
import type { NetworkView, RadarData } from "../View.js"
import { finite } from "./xml.js"

/** Sectors in display order, with colour (Okabe-Ito, colour-blind safe) and marker shape. */
export const sectorOrder: ReadonlyArray<Actor.Sector> = [
  "public",
  "third-sector",
  "social-partners",
  "market",
  "community"
]

export const sectorStyle: {
  readonly [S in Actor.Sector]: { readonly colour: string; readonly shape: Shape }
} = {
  public: { colour: "#0072B2", shape: "square" },
  "third-sector": { colour: "#009E73", shape: "circle" },
  "social-partners": { colour: "#56B4E9", shape: "triangle-down" },
  market: { colour: "#E69F00", shape: "diamond" },
  community: { colour: "#CC79A7", shape: "triangle-up" }
}

export type Shape = "circle" | "square" | "diamond" | "triangle-up" | "triangle-down"

/** Styles of the (at most two meaningful) radar series: colour, dash and marker. */
export const seriesStyle: ReadonlyArray<{
  readonly colour: string
  readonly dash?: string
  readonly shape: Shape
}> = [
  { colour: "#0072B2", shape: "circle" },
  { colour: "#D55E00", dash: "6 4", shape: "square" },
  { colour: "#009E73", dash: "2 3", shape: "diamond" },
  { colour: "#CC79A7", dash: "8 3 2 3", shape: "triangle-up" }
]

export const styleOf = (i: number) => seriesStyle[i % seriesStyle.length]!

/** The angle of axis `i` of `n`: the first axis points up, then clockwise. */
export const axisAngle = (i: number, n: number): number => -Math.PI / 2 + (2 * Math.PI * i) / Math.max(1, n)

/** A radar value for drawing: finite values clamped into [0, 1], otherwise `null`. */
export const radarValue = (v: unknown): number | null => {
  const f = finite(v)
  return f === null ? null : Math.min(1, Math.max(0, f))
}

export interface UnitPoint {
  readonly axis: number
  readonly value: number
  /** unit coordinates: x to the right, y downwards (SVG orientation) */
  readonly ux: number
  readonly uy: number
}

/** For each series, the unit point of each axis with an available value. */
export const radarUnitPoints = (data: RadarData): Array<Array<UnitPoint>> =>
  data.series.map((s) =>
    data.axes.flatMap((_, i) => {
      const v = radarValue(s.values?.[i])
      if (v === null) return []
      const a = axisAngle(i, data.axes.length)
      return [{ axis: i, value: v, ux: v * Math.cos(a), uy: v * Math.sin(a) }]
    })
  )

export interface NodePosition {
  readonly id: string
  readonly index: number
  readonly sector: Actor.Sector
  readonly angle: number
  readonly ux: number
  readonly uy: number
}

const sectorRank = (s: Actor.Sector): number => {
  const i = sectorOrder.indexOf(s)
  return i < 0 ? sectorOrder.length : i
}

/**
 * Places nodes on a unit circle: each sector on its own arc (sectors in
 * display order, one empty slot between arcs), nodes sorted by id within a
 * sector. Duplicated ids keep their first occurrence. Independent of the
 * order of the input.
 */
export const networkLayout = (view: NetworkView): Array<NodePosition> => {
  const seen = new Set<string>()
  const nodes = view.nodes
    .map((n, index) => ({ n, index }))
    .filter(({ n }) => {
      if (seen.has(n.id)) return false
      seen.add(n.id)
      return true
    })
    .sort(
      (a, b) =>
        sectorRank(a.n.sector) - sectorRank(b.n.sector) || (a.n.id < b.n.id ? -1 : a.n.id > b.n.id ? 1 : 0)
    )
  const groups = new Set(nodes.map(({ n }) => n.sector)).size
  const slots = nodes.length + (groups > 1 ? groups : 0)
  const step = (2 * Math.PI) / Math.max(1, slots)
  const out: Array<NodePosition> = []
  let slot = 0
  let previous: Actor.Sector | undefined
  for (const { n, index } of nodes) {
    if (previous !== undefined && previous !== n.sector) slot++
    previous = n.sector
    const angle = -Math.PI / 2 + slot * step
    out.push({ id: n.id, index, sector: n.sector, angle, ux: Math.cos(angle), uy: Math.sin(angle) })
    slot++
  }
  return out
}

/** Edges whose both ends are known nodes, without self-loops, with a finite positive weight. */
export const networkEdges = (view: NetworkView, positions: ReadonlyArray<NodePosition>) => {
  const byId = new Map(positions.map((p) => [p.id, p]))
  return view.edges.flatMap((e) => {
    const s = byId.get(e.source)
    const t = byId.get(e.target)
    if (s === undefined || t === undefined || s.id === t.id) return []
    const w = finite(e.weight)
    return [{ source: s, target: t, weight: w !== null && w > 0 ? w : 1 }]
  })
}

/** Degree (number of distinct linked neighbours) of every placed node. */
export const degrees = (edges: ReturnType<typeof networkEdges>): Map<string, number> => {
  const neighbours = new Map<string, Set<string>>()
  for (const e of edges) {
    if (!neighbours.has(e.source.id)) neighbours.set(e.source.id, new Set())
    if (!neighbours.has(e.target.id)) neighbours.set(e.target.id, new Set())
    neighbours.get(e.source.id)!.add(e.target.id)
    neighbours.get(e.target.id)!.add(e.source.id)
  }
  return new Map([...neighbours].map(([k, v]) => [k, v.size]))
}
