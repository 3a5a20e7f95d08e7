/**
 * Rich display in TypeScript notebooks. Deno's Jupyter kernel shows any value
 * with a `[Symbol.for("Jupyter.display")]()` method by the mime bundle it
 * returns; these helpers return such values, with an HTML rendering (inline
 * SVG), a Vega-Lite v5 specification where there is a chart, the table
 * behind it as a Frictionless tabular data resource
 * (`application/vnd.dataresource+json`, which data-grid front-ends show and
 * VS Code ignores, keeping the HTML), and plain text.
 * Outside a notebook, `String(value)` gives the plain text.
 *
 * @since 0.1.0
 */
import { Dimension, type Label, type Published, type Sensitivity } from "@welfare/core"
import * as From from "./From.js"
import { formatNumber, formatPercent, of, type Str, text } from "./Labels.js"
import {
  cellText,
  networkTable,
  progressTable,
  type ReportDocument,
  radarTable,
  renderHtml
} from "./Report.js"
import * as Svg from "./Svg.js"
import * as VegaLite from "./VegaLite.js"
import {
  isCount,
  isPercent,
  type NetworkView,
  type ProgressBars,
  type RadarData,
  type Table
} from "./View.js"

/**
 * The symbol Deno's Jupyter kernel looks for.
 *
 * @category constants
 * @since 0.1.0
 */
export const jupyter: unique symbol = Symbol.for("Jupyter.display") as never

/**
 * A mime bundle: mime type to content.
 *
 * @category models
 * @since 0.1.0
 */
export interface MimeBundle {
  readonly "text/plain": string
  readonly "text/html"?: string
  readonly "application/vnd.vegalite.v5+json"?: VegaLite.Spec
  readonly "application/vnd.dataresource+json"?: DataResource
}

/**
 * A Frictionless tabular data resource with its data inline: the table a
 * display shows, for front-ends that render data grids. Counts of persons
 * that are suppressed are `null` (the figure never leaves), percentages are
 * shares in [0, 1].
 *
 * @category models
 * @since 0.1.0
 */
export interface DataResource {
  readonly profile: "tabular-data-resource"
  readonly name: string
  readonly schema: {
    readonly fields: ReadonlyArray<{ readonly name: string; readonly type: "string" | "number" }>
  }
  readonly data: ReadonlyArray<{ readonly [field: string]: string | number | null }>
}

/**
 * The table of a display as a data resource: the first column (the row
 * headers) and one field per column, named by its header in `lang`; a
 * column whose cells are all numbers, counts or percentages is a number.
 *
 * @example
 * ```ts
 * import * as assert from "node:assert"
 * import { Display } from "@welfare/report"
 *
 * const resource = Display.dataResource(
 *   { caption: "Persone", columns: ["Comune", "Persone"], rows: [
 *     { header: "Legnano", cells: [{ _tag: "Count", value: 40, threshold: 5 }] },
 *     { header: "Rescaldina", cells: [{ _tag: "Count", value: null, threshold: 5 }] }
 *   ] },
 *   "it"
 * )
 * assert.deepStrictEqual(resource.schema.fields, [{ name: "Comune", type: "string" }, { name: "Persone", type: "number" }])
 * assert.deepStrictEqual(resource.data[1], { Comune: "Rescaldina", Persone: null })
 * ```
 *
 * @category rendering
 * @since 0.1.0
 */
export const dataResource = (table: Table, lang: Label.Lang): DataResource => {
  const names: Array<string> = []
  for (const c of table.columns) {
    const base = text(c, lang) || `column ${names.length + 1}`
    let name = base
    for (let i = 2; names.includes(name); i++) name = `${base} (${i})`
    names.push(name)
  }
  const cellValue = (cell: Table["rows"][number]["cells"][number]): string | number | null => {
    if (cell === null || cell === undefined) return null
    if (typeof cell === "number") return Number.isFinite(cell) ? cell : null
    if (isCount(cell))
      return typeof cell.value === "number" && Number.isFinite(cell.value) ? cell.value : null
    if (isPercent(cell)) return Number.isFinite(cell.value) ? cell.value : null
    return text(cell, lang)
  }
  const data = table.rows.map((r) =>
    Object.fromEntries([
      [names[0]!, text(r.header, lang)],
      ...names.slice(1).map((n, i) => [n, cellValue(r.cells[i] ?? null)] as const)
    ])
  )
  const numeric = (n: string) => data.every((d) => d[n] === null || typeof d[n] === "number")
  return {
    profile: "tabular-data-resource",
    name:
      text(table.caption, "en")
        .toLowerCase()
        .replace(/[^a-z0-9._-]+/g, "-")
        .replace(/^-+|-+$/g, "") || "table",
    schema: {
      fields: names.map((n, i) => ({
        name: n,
        type: i > 0 && numeric(n) ? ("number" as const) : ("string" as const)
      }))
    },
    data
  }
}

/**
 * A value a notebook displays richly.
 *
 * @category models
 * @since 0.1.0
 */
export interface Displayable {
  /** The mime bundle Deno's Jupyter kernel displays. */
  readonly [jupyter]: () => MimeBundle
  /** The plain-text rendering, for consoles. */
  readonly toString: () => string
}

/**
 * Options: the language (Italian by default).
 *
 * @category models
 * @since 0.1.0
 */
export interface DisplayOptions {
  readonly lang?: Label.Lang
}

const displayable = (bundle: () => MimeBundle): Displayable => ({
  [jupyter]: bundle,
  toString: () => bundle()["text/plain"]
})

const plainTable = (table: Table, lang: Label.Lang): string =>
  [
    text(table.caption, lang),
    ...table.rows.map(
      (r) => `  ${text(r.header, lang)}: ${r.cells.map((c) => cellText(c, lang)).join(" | ")}`
    )
  ].join("\n")

const tableHtml = (table: Table, lang: Label.Lang): string =>
  renderHtml({ lang, title: "", sections: [{ id: "t", title: "", blocks: [{ kind: "table", table }] }] })
    .split('<main class="wrap">')[1]!
    .split("</main>")[0]!
    .replace(/<section[^>]*><h2[^>]*><\/h2>/, "")
    .replace(/<\/section>\s*$/, "")

/**
 * Displays a radar chart.
 *
 * @category rendering
 * @since 0.1.0
 */
export const radar = (data: RadarData, options: DisplayOptions = {}): Displayable => {
  const lang = options.lang ?? "it"
  return displayable(() => ({
    "text/plain": plainTable(radarTable(data), lang),
    "text/html": Svg.radar(data, { lang, id: "nb-radar" }),
    "application/vnd.vegalite.v5+json": VegaLite.radar(data, { lang }),
    "application/vnd.dataresource+json": dataResource(radarTable(data), lang)
  }))
}

/**
 * Displays a progress chart.
 *
 * @category rendering
 * @since 0.1.0
 */
export const progress = (data: ProgressBars, options: DisplayOptions = {}): Displayable => {
  const lang = options.lang ?? "it"
  return displayable(() => ({
    "text/plain": plainTable(progressTable(data), lang),
    "text/html": Svg.progress(data, { lang, id: "nb-progress" }),
    "application/vnd.vegalite.v5+json": VegaLite.progress(data, { lang }),
    "application/vnd.dataresource+json": dataResource(progressTable(data), lang)
  }))
}

/**
 * Displays a partnership network.
 *
 * @category rendering
 * @since 0.1.0
 */
export const network = (view: NetworkView, options: DisplayOptions = {}): Displayable => {
  const lang = options.lang ?? "it"
  return displayable(() => ({
    "text/plain": plainTable(networkTable(view), lang),
    "text/html": Svg.network(view, { lang, id: "nb-network" }),
    "application/vnd.vegalite.v5+json": VegaLite.network(view, { lang }),
    "application/vnd.dataresource+json": dataResource(networkTable(view), lang)
  }))
}

/**
 * Displays an assessment profile: its index with coverage and depth (an
 * unobserved index or dimension reads "not observed"), its verdict, its
 * robustness when a sensitivity analysis is given, and its radar with the
 * table of positions and coverage.
 *
 * @example
 * ```ts
 * import * as assert from "node:assert"
 * import { Dimension } from "@welfare/core"
 * import { Display } from "@welfare/report"
 *
 * const dimensions = Object.fromEntries(
 *   Dimension.values.map((d, i) => [d, i === 0 ? { position: undefined, coverage: 0 } : { position: 0.5, coverage: 0.6 }])
 * )
 * const shown = Display.profile({ dimensions, index: 0.5, class: "transitional", coverage: 0.51, depth: 0.3 } as any, { lang: "en" })
 * const bundle = shown[Symbol.for("Jupyter.display") as typeof Display.jupyter]()
 * assert.ok(bundle["text/html"]?.includes("<svg"))
 * assert.strictEqual(bundle["application/vnd.vegalite.v5+json"]?.$schema, "https://vega.github.io/schema/vega-lite/v5.json")
 * assert.ok(String(shown).startsWith("Overall index 0.5 (coverage 51%, depth 30%)"))
 * assert.ok(String(shown).includes("not observed"))
 * ```
 *
 * @category rendering
 * @since 0.1.0
 */
export const profile = (
  p: From.ProfileLike,
  options: DisplayOptions & { readonly name?: Str; readonly sensitivity?: Sensitivity.Sensitivity } = {}
): Displayable => {
  const lang = options.lang ?? "it"
  const data = From.profile(p, options.name ?? "")
  const it = lang === "it"
  const index =
    p.index === undefined
      ? it
        ? "non calcolato (nessuna dimensione osservata)"
        : "not computed (no dimension observed)"
      : formatNumber(p.index, lang)
  const evidence =
    p.coverage === undefined
      ? ""
      : ` (${it ? "copertura" : "coverage"} ${formatPercent(p.coverage, lang)}${p.depth === undefined ? "" : `, ${it ? "profondità" : "depth"} ${formatPercent(p.depth, lang)}`})`
  const s = options.sensitivity
  const robustness =
    s === undefined
      ? ""
      : ` · ${it ? (s.robust ? "robusto" : "fragile") : s.robust ? "robust" : "fragile"} (${formatPercent(s.stability, lang)}${s.index.p05 === undefined || s.index.p95 === undefined ? "" : `; p05–p95 ${formatNumber(s.index.p05, lang)}–${formatNumber(s.index.p95, lang)}`})`
  const head = `${of("overallIndex", lang)} ${index}${evidence} · ${of("class", lang)}: ${text(From.classLabel(p.class), lang)}${robustness}`
  const base = radarTable(data)
  const withCoverage: Table = {
    ...base,
    columns: [...base.columns, { it: "Copertura", en: "Coverage" }],
    rows: base.rows.map((r, i) => {
      const c = p.dimensions[Dimension.values[i]!]?.coverage
      return { ...r, cells: [...r.cells, c === undefined ? null : { _tag: "Percent", value: c }] }
    })
  }
  return displayable(() => ({
    "text/plain": `${head}\n${plainTable(withCoverage, lang)}`,
    "text/html": `<p><strong>${head.replace(/&/g, "&amp;").replace(/</g, "&lt;")}</strong></p>${Svg.radar(data, { lang, id: "nb-profile" })}${tableHtml(withCoverage, lang)}`,
    "application/vnd.vegalite.v5+json": VegaLite.radar(data, { lang }),
    "application/vnd.dataresource+json": dataResource(withCoverage, lang)
  }))
}

/**
 * Displays a comparison of two profiles: the two radars overlaid and the
 * table of differences.
 *
 * @category rendering
 * @since 0.1.0
 */
export const comparison = (
  c: From.ComparisonLike,
  options: DisplayOptions & { readonly names?: readonly [Str, Str] } = {}
): Displayable => {
  const lang = options.lang ?? "it"
  const data = From.comparison(c, options.names ?? ["A", "B"])
  const table = radarTable(data)
  return displayable(() => ({
    "text/plain": `${of("overallIndex", lang)} ${c.index.from === undefined ? of("notAvailable", lang) : formatNumber(c.index.from, lang)} → ${c.index.to === undefined ? of("notAvailable", lang) : formatNumber(c.index.to, lang)}\n${plainTable(table, lang)}`,
    "text/html": `${Svg.radar(data, { lang, id: "nb-comparison" })}${tableHtml(table, lang)}`,
    "application/vnd.vegalite.v5+json": VegaLite.radar(data, { lang }),
    "application/vnd.dataresource+json": dataResource(table, lang)
  }))
}

/**
 * Displays a published summary as a table (suppressed counts as "< 5").
 *
 * @category rendering
 * @since 0.1.0
 */
export const summary = (
  s: Published.Published,
  options: DisplayOptions & { readonly labelOf?: (indicator: string) => Str } = {}
): Displayable => {
  const lang = options.lang ?? "it"
  const table = From.summary(s, options.labelOf === undefined ? {} : { labelOf: options.labelOf })
  return displayable(() => ({
    "text/plain": plainTable(table, lang),
    "text/html": tableHtml(table, lang),
    "application/vnd.dataresource+json": dataResource(table, lang)
  }))
}

/**
 * Displays a whole report document as HTML.
 *
 * @category rendering
 * @since 0.1.0
 */
export const report = (doc: ReportDocument, options: DisplayOptions = {}): Displayable => {
  const lang = options.lang ?? doc.lang
  return displayable(() => ({ "text/plain": text(doc.title, lang), "text/html": renderHtml(doc, { lang }) }))
}
