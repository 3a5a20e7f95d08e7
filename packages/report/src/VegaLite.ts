/**
 * Vega-Lite v5 specifications of the same charts as {@link Svg}, as plain JSON
 * objects for notebook users (Jupyter renders the
 * `application/vnd.vegalite.v5+json` mime type). They carry the same numbers
 * and the same deterministic layout as the SVG charts: positions are given in
 * unit coordinates (the outer ring, or the network's circle, has radius 1;
 * `y` grows upwards).
 *
 * @since 0.1.0
 */
import { Actor, type Label } from "@welfare/core"
import {
  axisAngle,
  degrees,
  networkEdges,
  networkLayout,
  radarUnitPoints,
  sectorOrder,
  sectorStyle,
  styleOf
} from "./internal/geometry.js"
import { finite } from "./internal/xml.js"
import { formatNumber, formatPercent, of, text } from "./Labels.js"
import type { NetworkView, ProgressBars, RadarData } from "./View.js"

/**
 * The `$schema` of every specification.
 *
 * @category constants
 * @since 0.1.0
 */
export const schemaUrl = "https://vega.github.io/schema/vega-lite/v5.json"

/**
 * A Vega-Lite specification: a plain JSON object.
 *
 * @category models
 * @since 0.1.0
 */
export interface Spec {
  readonly $schema: string
  readonly title: string
  readonly description: string
  readonly [key: string]: unknown
}

const r4 = (n: number): number => {
  const v = Math.round(n * 10000) / 10000
  return Object.is(v, -0) ? 0 : v
}

const unitAxis = (domain: [number, number]) => ({
  type: "quantitative",
  axis: null,
  scale: { domain }
})

/**
 * A radar as layered Vega-Lite: rings, spokes, one closed line per series
 * (dash and marker shape differ between series, not only colour), and the
 * axis labels. Data rows of the series carry `series`, `dimension`, `key`,
 * `value` (the same value the SVG draws, clamped into `[0, 1]`), `x`, `y`.
 *
 * @example
 * ```ts
 * import * as assert from "node:assert"
 * import { VegaLite } from "@welfare/report"
 *
 * const spec = VegaLite.radar(
 *   { title: "T", axes: [{ key: "a", label: "A" }, { key: "b", label: "B" }, { key: "c", label: "C" }], series: [{ name: "S", values: [1, 0.5, 0] }] },
 *   { lang: "en" }
 * )
 * assert.strictEqual(spec.$schema, "https://vega.github.io/schema/vega-lite/v5.json")
 * assert.deepStrictEqual(VegaLite.radarValues(spec).map((d) => d.value), [1, 0.5, 0, 1])
 * ```
 *
 * @category rendering
 * @since 0.1.0
 */
export const radar = (data: RadarData, options: { readonly lang: Label.Lang }): Spec => {
  const { lang } = options
  const x = { field: "x", ...unitAxis([-1.5, 1.5]) }
  const y = { field: "y", ...unitAxis([-1.25, 1.25]) }
  return {
    $schema: schemaUrl,
    title: text(data.title, lang),
    description: `${of("traditionalPole", lang)}; ${of("generativePole", lang)}`,
    width: 420,
    height: 360,
    layer: [
      {
        data: { values: radarRings(data.axes.length) },
        mark: { type: "line", color: "#c8c8c8", strokeWidth: 1 },
        encoding: {
          x,
          y,
          detail: { field: "ring", type: "nominal" },
          order: { field: "order", type: "quantitative" }
        }
      },
      radarSeriesLayer(data, lang, x, y),
      {
        data: { values: radarLabels(data, lang) },
        mark: { type: "text", fontSize: 11 },
        encoding: {
          x,
          y,
          text: { field: "dimension" },
          align: { field: "align", type: "nominal", scale: null }
        }
      }
    ]
  }
}

// The points of the rings at 0.25, 0.5, 0.75 and 1 of a radar of n axes, each ring closed.
const radarRings = (n: number) =>
  [0.25, 0.5, 0.75, 1].flatMap((v) =>
    Array.from({ length: n + 1 }, (_, i) => {
      const a = axisAngle(i % Math.max(1, n), n)
      return { ring: v, order: i, x: r4(v * Math.cos(a)), y: r4(-v * Math.sin(a)) }
    })
  )

// The axes' labels of a radar, outside its outer ring.
const radarLabels = (data: RadarData, lang: Label.Lang) => {
  const n = data.axes.length
  return data.axes.map((a, i) => {
    const angle = axisAngle(i, n)
    return {
      dimension: text(a.label, lang),
      x: r4(1.12 * Math.cos(angle)),
      y: r4(-1.12 * Math.sin(angle)),
      align: Math.cos(angle) > 0.3 ? "left" : Math.cos(angle) < -0.3 ? "right" : "center"
    }
  })
}

// The rows of each series, its polygon closed (its first point again).
const radarSeriesValues = (data: RadarData, lang: Label.Lang) => {
  const points = radarUnitPoints(data)
  return data.series.flatMap((s, si) => {
    const pts = points[si] ?? []
    const rows = pts.map((p, order) => ({
      series: text(s.name, lang),
      seriesIndex: si,
      dimension: text(data.axes[p.axis]!.label, lang),
      key: data.axes[p.axis]!.key,
      value: p.value,
      display: formatNumber(finite(s.values[p.axis]) ?? p.value, lang),
      x: r4(p.ux),
      y: r4(-p.uy),
      order
    }))
    // close the polygon
    return rows.length > 0 ? [...rows, { ...rows[0]!, order: rows.length }] : rows
  })
}

// The layer of the series: a line and markers each, told apart by colour, dash and shape.
const radarSeriesLayer = (data: RadarData, lang: Label.Lang, x: object, y: object) => {
  const seriesNames = data.series.map((s) => text(s.name, lang))
  return {
    data: { values: radarSeriesValues(data, lang) },
    mark: { type: "line", point: { filled: true, size: 50 }, strokeWidth: 2.5 },
    encoding: {
      x,
      y,
      order: { field: "order", type: "quantitative" },
      color: {
        field: "series",
        type: "nominal",
        scale: { domain: seriesNames, range: data.series.map((_, i) => styleOf(i).colour) },
        title: null
      },
      strokeDash: {
        field: "series",
        type: "nominal",
        scale: {
          domain: seriesNames,
          range: data.series.map((_, i) => (styleOf(i).dash ?? "1 0").split(" ").map(Number))
        },
        legend: null
      },
      shape: {
        field: "series",
        type: "nominal",
        scale: { domain: seriesNames, range: data.series.map((_, i) => styleOf(i).shape) },
        legend: null
      },
      tooltip: [
        { field: "series", type: "nominal", title: of("legend", lang) },
        { field: "dimension", type: "nominal", title: of("dimension", lang) },
        { field: "display", type: "nominal", title: of("position", lang) }
      ]
    }
  }
}

/**
 * The data rows of the series of a radar specification (what it plots).
 *
 * @category getters
 * @since 0.1.0
 */
export const radarValues = (
  spec: Spec
): Array<{ series: string; key: string; value: number; x: number; y: number; order: number }> => {
  const layer = (spec as { layer?: Array<{ data?: { values?: Array<any> } }> }).layer ?? []
  return (layer[1]?.data?.values ?? []) as Array<any>
}

/**
 * A horizontal bar chart of indicator progress with the percentage printed
 * beside each bar and a rule at the target (100 %). Rows carry `indicator`,
 * `key`, `progress` (the raw value; `null` when not available), `drawn` (the
 * bar length, clamped into `[0, 1]` like the SVG) and `display`.
 *
 * @category rendering
 * @since 0.1.0
 */
export const progress = (data: ProgressBars, options: { readonly lang: Label.Lang }): Spec => {
  const { lang } = options
  const values = data.bars.map((b, order) => {
    const v = finite(b.value)
    return {
      indicator: text(b.label, lang),
      key: b.key,
      order,
      progress: v,
      drawn: v === null ? 0 : Math.min(1, Math.max(0, v)),
      display: v === null ? of("notAvailable", lang) : formatPercent(v, lang)
    }
  })
  const y = { field: "indicator", type: "nominal", sort: { field: "order" }, title: null }
  return {
    $schema: schemaUrl,
    title: text(data.title, lang),
    description: of("progressTitle", lang),
    width: 320,
    data: { values },
    layer: [
      {
        mark: { type: "bar", color: "#0072B2" },
        encoding: {
          y,
          x: {
            field: "drawn",
            type: "quantitative",
            scale: { domain: [0, 1.25] },
            axis: { format: "%", values: [0, 0.5, 1] },
            title: of("progress", lang)
          },
          tooltip: [
            { field: "indicator", type: "nominal", title: of("indicator", lang) },
            { field: "display", type: "nominal", title: of("progress", lang) }
          ]
        }
      },
      {
        mark: { type: "text", align: "left", dx: 4, fontWeight: "bold" },
        encoding: { y, x: { field: "drawn", type: "quantitative" }, text: { field: "display" } }
      },
      {
        data: { values: [{ target: 1 }] },
        mark: { type: "rule", strokeDash: [4, 3], color: "#333" },
        encoding: { x: { field: "target", type: "quantitative" } }
      }
    ]
  }
}

/**
 * The partnership network: links as rules and actors as points placed by the
 * same layout as the SVG (sectors on arcs of the unit circle), colour and
 * shape by sector, labels beside the points. Node rows carry `id`, `actor`,
 * `sector`, `links` (degree), `x`, `y`; link rows `source`, `target`,
 * `weight`, `x`, `y`, `x2`, `y2`.
 *
 * @category rendering
 * @since 0.1.0
 */
export const network = (view: NetworkView, options: { readonly lang: Label.Lang }): Spec => {
  const { lang } = options
  const { nodes, links } = networkRows(view, lang)
  const x = { field: "x", ...unitAxis([-1.6, 1.6]) }
  const y = { field: "y", ...unitAxis([-1.25, 1.25]) }
  return {
    $schema: schemaUrl,
    title: text(view.title, lang),
    description: of("networkTitle", lang),
    width: 520,
    height: 420,
    layer: [
      {
        data: { values: links },
        mark: { type: "rule", color: "#7a7a7a", opacity: 0.45 },
        encoding: {
          x,
          y,
          x2: { field: "x2" },
          y2: { field: "y2" },
          strokeWidth: { field: "weight", type: "quantitative", legend: null, scale: { range: [1, 5] } }
        }
      },
      networkNodeLayer(nodes, lang, x, y),
      {
        data: { values: nodes },
        mark: { type: "text", fontSize: 10 },
        encoding: {
          x: { field: "lx", ...unitAxis([-1.6, 1.6]) },
          y: { field: "ly", ...unitAxis([-1.25, 1.25]) },
          text: { field: "actor" },
          align: { field: "align", type: "nominal", scale: null }
        }
      }
    ]
  }
}

const sectorNameOf = (s: Actor.Sector, lang: Label.Lang) => Actor.sectorLabels[s]?.[lang] ?? s

// The rows of a network: one per placed actor (its sector, links and label position), one per tie.
const networkRows = (view: NetworkView, lang: Label.Lang) => {
  const positions = networkLayout(view)
  const edges = networkEdges(view, positions)
  const deg = degrees(edges)
  const labelOf = new Map<string, string>()
  for (const n of view.nodes) if (!labelOf.has(n.id)) labelOf.set(n.id, text(n.label, lang))
  const nodes = positions.map((p) => ({
    id: p.id,
    actor: labelOf.get(p.id) ?? p.id,
    sector: sectorNameOf(p.sector, lang),
    links: deg.get(p.id) ?? 0,
    x: r4(p.ux),
    y: r4(-p.uy),
    align: p.ux > 0.25 ? "left" : p.ux < -0.25 ? "right" : "center",
    lx: r4(1.1 * p.ux),
    ly: r4(-1.1 * p.uy)
  }))
  const links = edges.map((e) => ({
    source: e.source.id,
    target: e.target.id,
    weight: e.weight,
    x: r4(e.source.ux),
    y: r4(-e.source.uy),
    x2: r4(e.target.ux),
    y2: r4(-e.target.uy)
  }))
  return { nodes, links }
}

// The layer of the actors: a point each, told apart by sector colour and shape.
const networkNodeLayer = (nodes: ReadonlyArray<object>, lang: Label.Lang, x: object, y: object) => {
  const domain = sectorOrder.map((s) => sectorNameOf(s, lang))
  return {
    data: { values: nodes },
    mark: { type: "point", filled: true, size: 120 },
    encoding: {
      x,
      y,
      color: {
        field: "sector",
        type: "nominal",
        title: of("sector", lang),
        scale: { domain, range: sectorOrder.map((s) => sectorStyle[s].colour) }
      },
      shape: {
        field: "sector",
        type: "nominal",
        scale: { domain, range: sectorOrder.map((s) => sectorStyle[s].shape) }
      },
      tooltip: [
        { field: "actor", type: "nominal", title: of("actor", lang) },
        { field: "sector", type: "nominal", title: of("sector", lang) },
        { field: "links", type: "quantitative", title: of("links", lang) }
      ]
    }
  }
}
