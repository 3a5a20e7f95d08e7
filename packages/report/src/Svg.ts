/**
 * SVG charts: a radar of the seven dimensions (one profile, or two overlaid
 * for a comparison), a bar chart of indicator progress, and the partnership
 * network coloured by sector. Each chart is a self-contained, accessible
 * `<svg role="img">` with a `<title>` and a `<desc>` text alternative; colour
 * is never the only carrier of meaning (series differ by dash and marker
 * shape, sectors by marker shape, values are printed).
 *
 * @since 0.1.0
 */
import { Actor, type Label } from "@welfare/core"
import {
  axisAngle,
  degrees,
  type NodePosition,
  networkEdges,
  networkLayout,
  radarUnitPoints,
  type Shape,
  sectorOrder,
  sectorStyle,
  styleOf
} from "./internal/geometry.js"
import { clamp, el, esc, finite, idSafe, num, truncate, wrap } from "./internal/xml.js"
import { formatNumber, formatPercent, of, text } from "./Labels.js"
import type { NetworkView, ProgressBars, RadarData } from "./View.js"

/**
 * Options of every chart: the language of its labels and the prefix of its
 * element ids (give distinct prefixes to charts embedded in one page).
 *
 * @category models
 * @since 0.1.0
 */
export interface ChartOptions {
  readonly lang: Label.Lang
  readonly id?: string
}

/**
 * The fixed geometry of the radar, in SVG units: `width`, `height`, centre
 * `cx`, `cy` and the radius `r` of the outer ring (value 1).
 *
 * @category constants
 * @since 0.1.0
 */
export const radarFrame = { width: 600, height: 500, cx: 300, cy: 250, r: 150 } as const

/**
 * The fixed geometry of the network chart, in SVG units.
 *
 * @category constants
 * @since 0.1.0
 */
export const networkFrame = { width: 760, height: 720, cx: 380, cy: 345, r: 170 } as const

/**
 * The fixed geometry of the progress chart: label column, bar start and bar
 * length (100 % of the way to the target), row height.
 *
 * @category constants
 * @since 0.1.0
 */
export const progressFrame = {
  width: 680,
  labelWidth: 250,
  x0: 260,
  barWidth: 300,
  row: 38,
  top: 64
} as const

const marker = (
  shape: Shape,
  x: number,
  y: number,
  size: number,
  a: Record<string, string | number | undefined>,
  ...children: Array<string>
): string => {
  switch (shape) {
    case "circle":
      return el("circle", { cx: x, cy: y, r: size, ...a }, ...children)
    case "square":
      return el("rect", { x: x - size, y: y - size, width: 2 * size, height: 2 * size, ...a }, ...children)
    case "diamond":
      return el(
        "polygon",
        {
          points: `${num(x)},${num(y - size * 1.3)} ${num(x + size * 1.3)},${num(y)} ${num(x)},${num(y + size * 1.3)} ${num(x - size * 1.3)},${num(y)}`,
          ...a
        },
        ...children
      )
    case "triangle-down":
      return el(
        "polygon",
        {
          points: `${num(x)},${num(y + size * 1.4)} ${num(x + size * 1.25)},${num(y - size * 0.9)} ${num(x - size * 1.25)},${num(y - size * 0.9)}`,
          ...a
        },
        ...children
      )
    case "triangle-up":
      return el(
        "polygon",
        {
          points: `${num(x)},${num(y - size * 1.4)} ${num(x + size * 1.25)},${num(y + size * 0.9)} ${num(x - size * 1.25)},${num(y + size * 0.9)}`,
          ...a
        },
        ...children
      )
  }
}

const svg = (
  id: string,
  width: number,
  height: number,
  title: string,
  desc: string,
  ...body: Array<string>
): string =>
  el(
    "svg",
    {
      xmlns: "http://www.w3.org/2000/svg",
      viewBox: `0 0 ${num(width)} ${num(height)}`,
      width: width,
      height: height,
      role: "img",
      "aria-labelledby": `${id}-title ${id}-desc`,
      class: "welfare-chart",
      "font-family": "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif",
      "font-size": 12
    },
    el("title", { id: `${id}-title` }, esc(title)),
    el("desc", { id: `${id}-desc` }, esc(desc)),
    el("text", { x: 16, y: 26, "font-size": 16, "font-weight": 600, fill: "#1a1a1a" }, esc(title)),
    ...body
  )

const lines = (
  x: number,
  y: number,
  parts: ReadonlyArray<string>,
  a: Record<string, string | number | undefined>,
  lineHeight = 14
): string =>
  el("text", { x, y, ...a }, ...parts.map((p, i) => el("tspan", { x, dy: i === 0 ? 0 : lineHeight }, esc(p))))

/**
 * The text alternative of a radar: what it shows and every value, in `lang`.
 *
 * @category formatting
 * @since 0.1.0
 */
export const radarDescription = (data: RadarData, lang: Label.Lang): string => {
  const n = data.axes.length
  if (n === 0 || data.series.length === 0) return of("noData", lang)
  const head =
    lang === "it"
      ? `Grafico radar di ${n} dimensioni: 0 al centro è il polo tradizionale, 1 sul cerchio esterno il polo generativo.`
      : `Radar chart of ${n} dimensions: 0 at the centre is the traditional pole, 1 on the outer ring the generative pole.`
  const series = data.series.map((s, si) => {
    const style = styleOf(si)
    const how =
      lang === "it"
        ? `linea ${style.dash === undefined ? "continua" : "tratteggiata"}`
        : `${style.dash === undefined ? "solid" : "dashed"} line`
    const values = data.axes
      .map((a, i) => {
        const v = finite(s.values?.[i])
        return `${text(a.label, lang)} ${v === null ? of("notObserved", lang) : formatNumber(v, lang)}`
      })
      .join("; ")
    return `${text(s.name, lang)} (${how}): ${values}.`
  })
  return [head, ...series].join(" ")
}

/**
 * A radar of the dimensions as SVG: rings at 0.25, 0.5, 0.75 and 1, one spoke
 * per axis (the first pointing up, then clockwise), one polygon per series
 * through the available values (a missing value, an unobserved dimension, is
 * left out of the polygon, never drawn as 0.5, and said "not observed" in the
 * text alternative).
 *
 * @example
 * ```ts
 * import * as assert from "node:assert"
 * import { Svg } from "@welfare/report"
 *
 * const chart = Svg.radar(
 *   {
 *     title: "Legnano",
 *     axes: [
 *       { key: "a", label: "A" },
 *       { key: "b", label: "B" },
 *       { key: "c", label: "C" },
 *       { key: "d", label: "D" }
 *     ],
 *     series: [{ name: "2024", values: [1, 0.5, 0, 0.5] }]
 *   },
 *   { lang: "en" }
 * )
 * // centre (300, 250), radius 150: the first axis points up, then clockwise
 * assert.ok(chart.includes('points="300,100 375,250 300,250 225,250"'))
 * assert.ok(chart.includes('role="img"'))
 * ```
 *
 * @category rendering
 * @since 0.1.0
 */
export const radar = (data: RadarData, options: ChartOptions): string => {
  const { lang } = options
  const id = idSafe(options.id ?? "radar")
  const { width, height } = radarFrame
  const title = text(data.title, lang)
  const desc = radarDescription(data, lang)
  if (data.axes.length === 0 || data.series.length === 0) {
    return svg(
      id,
      width,
      120,
      title,
      desc,
      el("text", { x: 16, y: 70, fill: "#444" }, esc(of("noData", lang)))
    )
  }
  return svg(
    id,
    width,
    height,
    title,
    desc,
    ...radarGrid(data, lang),
    ...radarPolygons(data, lang),
    ...radarLabels(data, lang),
    ...radarLegend(data, lang)
  )
}

// The rings at 0.25, 0.5, 0.75 and 1, the spokes and the ticks of a radar.
const radarGrid = (data: RadarData, lang: Label.Lang): Array<string> => {
  const { cx, cy, r } = radarFrame
  const n = data.axes.length
  const ring = (v: number) =>
    data.axes
      .map(
        (_, i) =>
          `${num(cx + r * v * Math.cos(axisAngle(i, n)))},${num(cy + r * v * Math.sin(axisAngle(i, n)))}`
      )
      .join(" ")
  const grid = [0.25, 0.5, 0.75, 1].map((v) =>
    el("polygon", {
      points: ring(v),
      fill: v === 1 ? "#f7f7f7" : "none",
      stroke: "#c8c8c8",
      "stroke-width": 1
    })
  )
  const spokes = data.axes.map((_, i) =>
    el("line", {
      x1: cx,
      y1: cy,
      x2: cx + r * Math.cos(axisAngle(i, n)),
      y2: cy + r * Math.sin(axisAngle(i, n)),
      stroke: "#c8c8c8"
    })
  )
  const ticks = [0.25, 0.5, 0.75, 1].map((v) =>
    el("text", { x: cx + 4, y: cy - r * v - 3, fill: "#666", "font-size": 10 }, esc(formatNumber(v, lang)))
  )
  return [...grid, ...spokes, ...ticks]
}

// The axes' labels of a radar, outside its outer ring.
const radarLabels = (data: RadarData, lang: Label.Lang): Array<string> => {
  const { cx, cy, r } = radarFrame
  const n = data.axes.length
  return data.axes.map((a, i) => {
    const angle = axisAngle(i, n)
    const cos = Math.cos(angle)
    const sin = Math.sin(angle)
    const x = cx + (r + 14) * cos
    const parts = wrap(text(a.label, lang), 20, 2)
    const y =
      cy +
      (r + 14) * sin +
      (sin < -0.3 ? -(parts.length - 1) * 14 : sin > 0.3 ? 10 : 4 - ((parts.length - 1) * 14) / 2)
    return lines(x, y, parts, {
      "text-anchor": cos > 0.3 ? "start" : cos < -0.3 ? "end" : "middle",
      fill: "#1a1a1a"
    })
  })
}

// One polygon per series through its available values, with a marker (and its value) at each.
const radarPolygons = (data: RadarData, lang: Label.Lang): Array<string> => {
  const { cx, cy, r } = radarFrame
  const points = radarUnitPoints(data)
  return data.series.map((s, si) => {
    const style = styleOf(si)
    const pts = points[si] ?? []
    const name = text(s.name, lang)
    const markers = pts.map((p) =>
      marker(
        style.shape,
        cx + r * p.ux,
        cy + r * p.uy,
        4.5,
        { fill: style.colour, stroke: "#fff", "stroke-width": 1 },
        el(
          "title",
          {},
          esc(
            `${name} · ${text(data.axes[p.axis]!.label, lang)}: ${formatNumber(finite(s.values[p.axis]) ?? p.value, lang)}`
          )
        )
      )
    )
    return el(
      "g",
      { class: "series", "data-series": si },
      el("polygon", {
        points: pts.map((p) => `${num(cx + r * p.ux)},${num(cy + r * p.uy)}`).join(" "),
        fill: style.colour,
        "fill-opacity": data.series.length > 1 ? 0.12 : 0.2,
        stroke: style.colour,
        "stroke-width": 2.5,
        "stroke-dasharray": style.dash,
        "stroke-linejoin": "round"
      }),
      ...markers
    )
  })
}

// The legend of a radar's series, and its poles.
const radarLegend = (data: RadarData, lang: Label.Lang): Array<string> => {
  const { width, height } = radarFrame
  const legendY = height - 22
  const legend = data.series.map((s, si) => {
    const style = styleOf(si)
    const x = 16 + si * 200
    return el(
      "g",
      {},
      el("line", {
        x1: x,
        y1: legendY,
        x2: x + 30,
        y2: legendY,
        stroke: style.colour,
        "stroke-width": 2.5,
        "stroke-dasharray": style.dash
      }),
      marker(style.shape, x + 15, legendY, 4.5, { fill: style.colour }),
      el("text", { x: x + 38, y: legendY + 4, fill: "#1a1a1a" }, esc(truncate(text(s.name, lang), 24)))
    )
  })
  const poles = el(
    "text",
    { x: width - 16, y: legendY + 4, "text-anchor": "end", fill: "#555", "font-size": 11 },
    esc(`${of("traditionalPole", lang)} · ${of("generativePole", lang)}`)
  )
  return [...legend, poles]
}

/**
 * The text alternative of a progress chart.
 *
 * @category formatting
 * @since 0.1.0
 */
export const progressDescription = (data: ProgressBars, lang: Label.Lang): string => {
  if (data.bars.length === 0) return of("noData", lang)
  const head =
    lang === "it"
      ? `Grafico a barre dell'avanzamento di ${data.bars.length} indicatori, dalla linea di base (0 %) al valore obiettivo (100 %).`
      : `Bar chart of the progress of ${data.bars.length} indicators, from baseline (0%) to target (100%).`
  const values = data.bars
    .map((b) => {
      const v = finite(b.value)
      return `${text(b.label, lang)}: ${v === null ? of("notAvailable", lang) : formatPercent(v, lang)}`
    })
    .join("; ")
  return `${head} ${values}${values.endsWith(".") ? "" : "."}`
}

/**
 * A horizontal bar chart of indicator progress: each bar runs from baseline (0)
 * towards target (the dashed line at 100 %); the percentage is printed beside
 * it (beyond the target the bar stops at the line and the text says how far).
 *
 * @example
 * ```ts
 * import * as assert from "node:assert"
 * import { Svg } from "@welfare/report"
 *
 * const chart = Svg.progress(
 *   { title: "Progress", bars: [{ key: "i1", label: "Households reached", value: 0.5 }] },
 *   { lang: "en" }
 * )
 * assert.ok(chart.includes('width="150"')) // half of the 300-unit bar
 * assert.ok(chart.includes(">50%<"))
 * ```
 *
 * @category rendering
 * @since 0.1.0
 */
export const progress = (data: ProgressBars, options: ChartOptions): string => {
  const { lang } = options
  const id = idSafe(options.id ?? "progress")
  const { width, labelWidth, x0, barWidth, row, top } = progressFrame
  const title = text(data.title, lang)
  const desc = progressDescription(data, lang)
  if (data.bars.length === 0) {
    return svg(
      id,
      width,
      120,
      title,
      desc,
      el("text", { x: 16, y: 70, fill: "#444" }, esc(of("noData", lang)))
    )
  }
  const height = top + data.bars.length * row + 16
  const axis = [0, 0.5, 1].map((v) =>
    el(
      "g",
      {},
      el("line", {
        x1: x0 + barWidth * v,
        y1: top - 8,
        x2: x0 + barWidth * v,
        y2: height - 12,
        stroke: v === 1 ? "#333" : "#ddd",
        "stroke-dasharray": v === 1 ? "4 3" : undefined
      }),
      el(
        "text",
        { x: x0 + barWidth * v, y: top - 14, "text-anchor": "middle", fill: "#555", "font-size": 11 },
        esc(formatPercent(v, lang))
      )
    )
  )
  const rows = data.bars.map((b, i) => {
    const y = top + i * row
    const v = finite(b.value)
    const label = lines(
      labelWidth,
      y + (row - 8) / 2 + 4 - (wrap(text(b.label, lang), 36, 2).length - 1) * 7,
      wrap(text(b.label, lang), 36, 2),
      {
        "text-anchor": "end",
        fill: "#1a1a1a"
      }
    )
    const track = el("rect", { x: x0, y: y + 4, width: barWidth, height: row - 16, fill: "#f1f1f1" })
    const bar =
      v === null
        ? el("rect", {
            x: x0,
            y: y + 4,
            width: barWidth,
            height: row - 16,
            fill: "none",
            stroke: "#999",
            "stroke-dasharray": "3 3"
          })
        : el(
            "rect",
            {
              x: x0,
              y: y + 4,
              width: barWidth * clamp(v, 0, 1),
              height: row - 16,
              fill: v >= 1 ? "#009E73" : "#0072B2"
            },
            el("title", {}, esc(`${text(b.label, lang)}: ${formatPercent(v, lang)}`))
          )
    const value = el(
      "text",
      { x: x0 + barWidth + 8, y: y + row / 2 + 1, fill: "#1a1a1a", "font-weight": 600 },
      esc(v === null ? of("notAvailable", lang) : formatPercent(v, lang))
    )
    return el("g", { class: "bar", "data-key": b.key }, label, track, bar, value)
  })
  return svg(id, width, height, title, desc, ...axis, ...rows)
}

/**
 * The text alternative of a network chart: counts by sector and the most
 * linked actors.
 *
 * @category formatting
 * @since 0.1.0
 */
export const networkDescription = (view: NetworkView, lang: Label.Lang): string => {
  const positions = networkLayout(view)
  if (positions.length === 0) return of("noData", lang)
  const edges = networkEdges(view, positions)
  const deg = degrees(edges)
  const labelOf = new Map(view.nodes.map((n) => [n.id, text(n.label, lang)]))
  const bySector = sectorOrder
    .map((s) => [s, positions.filter((p) => p.sector === s).length] as const)
    .filter(([, k]) => k > 0)
    .map(([s, k]) => `${Actor.sectorLabels[s]?.[lang] ?? s} ${k}`)
    .join("; ")
  const top = [...deg]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, 3)
    .map(([id, k]) => `${labelOf.get(id) ?? id} (${k})`)
    .join(", ")
  const head =
    lang === "it"
      ? `Rete di ${positions.length} soggetti e ${edges.length} legami; i soggetti sono disposti su archi di cerchio per settore.`
      : `Network of ${positions.length} actors and ${edges.length} links; actors are placed on arcs of a circle by sector.`
  const sectors = lang === "it" ? `Soggetti per settore: ${bySector}.` : `Actors by sector: ${bySector}.`
  const most = top === "" ? "" : lang === "it" ? ` Più collegati: ${top}.` : ` Most linked: ${top}.`
  return `${head} ${sectors}${most}`
}

/**
 * The partnership network as SVG: each sector on its own arc of a circle
 * (public, third sector, market, community, clockwise from the top), nodes
 * sorted by id within a sector, so the layout is deterministic and does not
 * depend on input order; each sector has its colour and marker shape; links
 * are drawn thicker for more shared partnerships.
 *
 * @example
 * ```ts
 * import * as assert from "node:assert"
 * import { Svg } from "@welfare/report"
 *
 * const chart = Svg.network(
 *   {
 *     title: "Network",
 *     nodes: [
 *       { id: "comune", label: "Comune", sector: "public" },
 *       { id: "coop", label: "Coop", sector: "third-sector" }
 *     ],
 *     edges: [{ source: "comune", target: "coop", weight: 2 }]
 *   },
 *   { lang: "en" }
 * )
 * assert.ok(chart.includes("Network of 2 actors and 1 links"))
 * ```
 *
 * @category rendering
 * @since 0.1.0
 */
export const network = (view: NetworkView, options: ChartOptions): string => {
  const { lang } = options
  const id = idSafe(options.id ?? "network")
  const { width, height, cx, cy, r } = networkFrame
  const title = text(view.title, lang)
  const desc = networkDescription(view, lang)
  const positions = networkLayout(view)
  if (positions.length === 0) {
    return svg(
      id,
      width,
      120,
      title,
      desc,
      el("text", { x: 16, y: 70, fill: "#444" }, esc(of("noData", lang)))
    )
  }
  const edges = networkEdges(view, positions)
  const labelOf = new Map<string, string>()
  for (const n of view.nodes) if (!labelOf.has(n.id)) labelOf.set(n.id, text(n.label, lang))
  const ring = el("circle", { cx, cy, r, fill: "none", stroke: "#eee", "stroke-width": 1 })
  return svg(
    id,
    width,
    height,
    title,
    desc,
    ring,
    ...sectorArcs(positions),
    ...networkLinks(edges, labelOf, lang),
    ...networkNodes(positions, degrees(edges), labelOf, lang),
    ...networkLegend(positions, lang)
  )
}

// An arc outside the ring along the nodes of each sector.
const sectorArcs = (positions: ReadonlyArray<NodePosition>): Array<string> => {
  const { cx, cy, r } = networkFrame
  return sectorOrder.flatMap((s) => {
    const mine = positions.filter((p) => p.sector === s)
    if (mine.length === 0) return []
    const a0 = mine[0]!.angle - 0.08
    const a1 = mine[mine.length - 1]!.angle + 0.08
    const rr = r + 9
    return [
      el("path", {
        d: `M ${num(cx + rr * Math.cos(a0))} ${num(cy + rr * Math.sin(a0))} A ${num(rr)} ${num(rr)} 0 ${a1 - a0 > Math.PI ? 1 : 0} 1 ${num(cx + rr * Math.cos(a1))} ${num(cy + rr * Math.sin(a1))}`,
        fill: "none",
        stroke: sectorStyle[s].colour,
        "stroke-width": 4,
        "stroke-opacity": 0.5,
        "stroke-linecap": "round"
      })
    ]
  })
}

// A line per tie, thicker with its weight, titled with its ends and weight.
const networkLinks = (
  edges: ReturnType<typeof networkEdges>,
  labelOf: ReadonlyMap<string, string>,
  lang: Label.Lang
): Array<string> => {
  const { cx, cy, r } = networkFrame
  return edges.map((e) =>
    el(
      "line",
      {
        x1: cx + r * e.source.ux,
        y1: cy + r * e.source.uy,
        x2: cx + r * e.target.ux,
        y2: cy + r * e.target.uy,
        stroke: "#7a7a7a",
        "stroke-opacity": 0.45,
        "stroke-width": 1 + Math.min(4, Math.log2(e.weight))
      },
      el(
        "title",
        {},
        esc(
          `${labelOf.get(e.source.id) ?? e.source.id} — ${labelOf.get(e.target.id) ?? e.target.id}: ${formatNumber(e.weight, lang)}`
        )
      )
    )
  )
}

// A marker per actor, in its sector's colour and shape, with its label radiating outwards.
const networkNodes = (
  positions: ReadonlyArray<NodePosition>,
  deg: ReadonlyMap<string, number>,
  labelOf: ReadonlyMap<string, string>,
  lang: Label.Lang
): Array<string> => {
  const { cx, cy, r } = networkFrame
  return positions.map((p) => {
    const style = sectorStyle[p.sector] ?? { colour: "#777", shape: "circle" as const }
    const x = cx + r * p.ux
    const y = cy + r * p.uy
    const label = labelOf.get(p.id) ?? p.id
    // labels radiate outwards, read left to right on both halves of the circle
    const right = p.ux >= -1e-9
    const rotation = (p.angle * 180) / Math.PI + (right ? 0 : 180)
    const lx = cx + (r + 14) * p.ux
    const ly = cy + (r + 14) * p.uy
    const sectorName = Actor.sectorLabels[p.sector]?.[lang] ?? p.sector
    return el(
      "g",
      { class: "node", "data-id": p.id, "data-sector": p.sector },
      marker(
        style.shape,
        x,
        y,
        6,
        { fill: style.colour, stroke: "#fff", "stroke-width": 1.5 },
        el(
          "title",
          {},
          esc(`${label} — ${sectorName}, ${of("links", lang).toLowerCase()}: ${deg.get(p.id) ?? 0}`)
        )
      ),
      el(
        "text",
        {
          x: lx,
          y: ly,
          dy: "0.35em",
          "text-anchor": right ? "start" : "end",
          transform: `rotate(${num(rotation)} ${num(lx)} ${num(ly)})`,
          fill: "#1a1a1a",
          "font-size": 11
        },
        esc(truncate(label, 24))
      )
    )
  })
}

// The sectors, each with its marker and its number of actors.
const networkLegend = (positions: ReadonlyArray<NodePosition>, lang: Label.Lang): Array<string> =>
  sectorOrder.map((s, i) => {
    const x = 16 + i * 170
    const y = networkFrame.height - 20
    const k = positions.filter((p) => p.sector === s).length
    return el(
      "g",
      {},
      marker(sectorStyle[s].shape, x + 6, y - 4, 6, { fill: sectorStyle[s].colour }),
      el(
        "text",
        { x: x + 18, y, fill: "#1a1a1a", "font-size": 11 },
        esc(`${truncate(Actor.sectorLabels[s][lang], 34)} (${k})`)
      )
    )
  })
