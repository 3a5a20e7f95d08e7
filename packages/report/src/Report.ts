/**
 * A report document (title, sections of blocks: paragraphs, key figures,
 * tables, charts) and its three renderings: Markdown, self-contained HTML
 * (inline CSS and inline SVG, no script, no font, no network: a
 * Content-Security-Policy forbids every fetch), and JSON (the same content
 * with texts in one language and the Vega-Lite specifications of the charts).
 *
 * Renderers are pure and total: the same document gives the same text, with
 * no I/O and no Node-only API, so they run in a browser or a notebook too.
 *
 * @since 0.1.0
 */
import { Actor, type Label } from "@welfare/core"
import { degrees, networkEdges, networkLayout } from "./internal/geometry.js"
import { clean, esc, finite, idSafe } from "./internal/xml.js"
import { formatNumber, formatPercent, of, type Str, text } from "./Labels.js"
import * as Svg from "./Svg.js"
import * as VegaLite from "./VegaLite.js"
import {
  type Cell,
  isCount,
  isPercent,
  type NetworkView,
  type ProgressBars,
  type RadarData,
  type Table
} from "./View.js"

/**
 * A block of a section.
 *
 * - `heading`: a sub-heading of the section;
 * - `paragraph`: a text;
 * - `facts`: key figures shown as cards (an overall index, a class, a count);
 * - `list`: a bulleted list;
 * - `table`: a {@link View.Table}; in HTML a table of more than
 *   {@link collapseAfter} rows (unless `collapsed` is `false`), or one
 *   marked `collapsed`, is folded in a
 *   `<details>` element whose summary names the caption and the number of rows;
 * - `radar`, `progress`, `network`: a chart, followed in HTML by a table of
 *   its values, and in Markdown replaced by its text alternative and table.
 *
 * @category models
 * @since 0.1.0
 */
export type Block =
  | { readonly kind: "heading"; readonly text: Str }
  | { readonly kind: "paragraph"; readonly text: Str }
  | { readonly kind: "facts"; readonly items: ReadonlyArray<{ readonly label: Str; readonly value: Cell }> }
  | { readonly kind: "list"; readonly items: ReadonlyArray<Str> }
  | { readonly kind: "table"; readonly table: Table; readonly collapsed?: boolean }
  | { readonly kind: "radar"; readonly data: RadarData }
  | { readonly kind: "progress"; readonly data: ProgressBars }
  | { readonly kind: "network"; readonly data: NetworkView }

/**
 * A section: an id (for links), a title and blocks.
 *
 * @category models
 * @since 0.1.0
 */
export interface Section {
  readonly id: string
  readonly title: Str
  readonly blocks: ReadonlyArray<Block>
}

/**
 * A whole report. `date` is given by the caller (renderers never read the
 * clock); `notes` are printed at the end (the privacy note on suppressed
 * counts is added automatically when a table holds a suppressed count).
 *
 * @category models
 * @since 0.1.0
 */
export interface ReportDocument {
  readonly lang: Label.Lang
  readonly title: Str
  readonly subtitle?: Str
  readonly date?: string
  readonly sections: ReadonlyArray<Section>
  readonly notes?: ReadonlyArray<Str>
}

/**
 * Options of the renderers: the language (defaults to the document's).
 *
 * @category models
 * @since 0.1.0
 */
export interface RenderOptions {
  readonly lang?: Label.Lang
}

const langOf = (doc: ReportDocument, options?: RenderOptions): Label.Lang =>
  options?.lang === "it" || options?.lang === "en" ? options.lang : doc.lang === "en" ? "en" : "it"

/**
 * The text of a table cell: "< 5" for a suppressed count of persons, "n.d."
 * (Italian) or "n/a" (English) for a missing value, numbers with the
 * language's decimal separator.
 *
 * @example
 * ```ts
 * import * as assert from "node:assert"
 * import { Report, View } from "@welfare/report"
 *
 * assert.strictEqual(Report.cellText(View.count(3), "it"), "< 5")
 * assert.strictEqual(Report.cellText(null, "it"), "n.d.")
 * assert.strictEqual(Report.cellText(0.5, "it"), "0,5")
 * assert.strictEqual(Report.cellText(View.percent(0.42), "en"), "42%")
 * ```
 *
 * @category rendering
 * @since 0.1.0
 */
export const cellText = (cell: Cell, lang: Label.Lang): string => {
  if (cell === null || cell === undefined) return of("notAvailable", lang)
  if (typeof cell === "number") return formatNumber(cell, lang)
  if (typeof cell === "string") return cell
  if (isCount(cell)) {
    const v = finite(cell.value)
    return v !== null
      ? formatNumber(v, lang, 0)
      : cell.hidden === "complementary"
        ? of("hiddenToProtect", lang)
        : `< ${formatNumber(finite(cell.threshold) ?? 5, lang, 0)}`
  }
  if (isPercent(cell)) return formatPercent(cell.value, lang)
  return text(cell, lang)
}

const isNumeric = (cell: Cell): boolean => typeof cell === "number" || isCount(cell) || isPercent(cell)

const hasSuppressed = (doc: ReportDocument): boolean => {
  const suppressed = (c: Cell) => isCount(c) && finite(c.value) === null
  return doc.sections.some((s) =>
    s.blocks.some(
      (b) =>
        (b.kind === "table" && b.table.rows.some((r) => r.cells.some(suppressed))) ||
        (b.kind === "facts" && b.items.some((i) => suppressed(i.value)))
    )
  )
}

const notesOf = (doc: ReportDocument, lang: Label.Lang): Array<string> => [
  ...(doc.notes ?? []).map((n) => text(n, lang)),
  ...(hasSuppressed(doc) ? [of("suppressedNote", lang)] : [])
]

/**
 * The table of values behind a radar: one row per dimension, one column per
 * series (and their difference when there are two); a dimension without a
 * value reads "not observed", never a number.
 *
 * @category rendering
 * @since 0.1.0
 */
export const radarTable = (data: RadarData): Table => {
  const two = data.series.length === 2
  return {
    caption: data.title,
    columns: [
      strings("dimension"),
      ...data.series.map((s) => s.name),
      ...(two ? [strings("difference")] : [])
    ],
    rows: data.axes.map((a, i) => {
      const values = data.series.map((s) => finite(s.values?.[i]))
      const diff = two && values[0] !== null && values[1] !== null ? values[1]! - values[0]! : null
      return {
        header: a.label,
        cells: [
          ...values.map((v): Cell => (v === null ? strings("notObserved") : v)),
          ...(two ? [diff === null ? null : Math.round(diff * 100) / 100] : [])
        ]
      }
    })
  }
}

/**
 * The table of values behind a progress chart.
 *
 * @category rendering
 * @since 0.1.0
 */
export const progressTable = (data: ProgressBars): Table => ({
  caption: data.title,
  columns: [strings("indicator"), strings("progress"), strings("note")],
  rows: data.bars.map((b) => {
    const v = finite(b.value)
    return { header: b.label, cells: [v === null ? null : { _tag: "Percent", value: v }, b.note ?? ""] }
  })
})

/**
 * The table of values behind a network chart: each actor, its sector and its
 * number of linked actors.
 *
 * @category rendering
 * @since 0.1.0
 */
export const networkTable = (view: NetworkView): Table => {
  const positions = networkLayout(view)
  const deg = degrees(networkEdges(view, positions))
  const labelOf = new Map<string, Str>()
  for (const n of view.nodes) if (!labelOf.has(n.id)) labelOf.set(n.id, n.label)
  return {
    caption: view.title,
    columns: [strings("actor"), strings("sector"), strings("links")],
    rows: positions.map((p) => ({
      header: labelOf.get(p.id) ?? p.id,
      cells: [Actor.sectorLabels[p.sector] ?? p.sector, deg.get(p.id) ?? 0]
    }))
  }
}

const strings = (key: Parameters<typeof of>[0]): Label.Text => ({ it: of(key, "it"), en: of(key, "en") })

/**
 * The number of rows beyond which the HTML rendering folds a table in a
 * `<details>` element (Markdown and JSON always show every row).
 *
 * @category constants
 * @since 0.1.0
 */
export const collapseAfter = 10

// ---------------------------------------------------------------------------
// HTML

const css = `
:root{color-scheme:light;--ink:#1a1a1a;--muted:#555;--line:#d9d9d9;--band:#f4f6f8;--accent:#0b5394}
*{box-sizing:border-box}
body{margin:0;background:#fff;color:var(--ink);font:16px/1.55 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif}
header.report-head{background:var(--band);border-bottom:3px solid var(--accent);padding:28px 0 20px}
.wrap{max-width:980px;margin:0 auto;padding:0 24px}
h1{font-size:1.9rem;line-height:1.2;margin:0 0 6px}
.subtitle{font-size:1.1rem;color:var(--muted);margin:0}
.meta{font-size:.9rem;color:var(--muted);margin:8px 0 0}
nav.toc{margin:20px 0 8px;font-size:.95rem}
nav.toc ol{margin:4px 0 0;padding-left:1.4em;columns:2}
a{color:var(--accent)}
section{margin:28px 0 36px}
h2{font-size:1.4rem;margin:0 0 14px;padding-bottom:6px;border-bottom:1px solid var(--line)}
p{margin:0 0 12px;max-width:72ch}
dl.facts{display:grid;grid-template-columns:repeat(auto-fit,minmax(180px,1fr));gap:12px;margin:0 0 18px}
dl.facts div{border:1px solid var(--line);border-left:4px solid var(--accent);border-radius:4px;padding:10px 14px;background:#fff}
dl.facts dt{font-size:.85rem;color:var(--muted)}
dl.facts dd{margin:2px 0 0;font-size:1.35rem;font-weight:650}
figure{margin:0 0 20px;padding:12px;border:1px solid var(--line);border-radius:6px;background:#fff}
figure svg{display:block;max-width:100%;height:auto;margin:0 auto}
figcaption{font-size:.9rem;color:var(--muted);margin-top:8px}
details{margin-top:8px}
summary{cursor:pointer;font-size:.9rem;color:var(--accent)}
details.table{margin:0 0 18px;border:1px solid var(--line);border-radius:4px;padding:8px 12px}
details.table>summary{font-weight:600;font-size:.95rem}
details.table[open]>summary{margin-bottom:8px}
h3{font-size:1.1rem;margin:22px 0 10px}
p.lead{font-size:1.05rem}
.table-wrap{overflow-x:auto;margin:0 0 18px}
table{border-collapse:collapse;width:auto;min-width:60%;margin:0;font-size:.92rem}
caption{text-align:left;font-weight:600;padding:4px 0 8px}
th,td{border-bottom:1px solid var(--line);padding:6px 10px;text-align:left;vertical-align:top}
thead th{background:var(--band);border-bottom:2px solid #bbb}
tbody th{font-weight:500;min-width:8em}
th.num,td.num{text-align:right;font-variant-numeric:tabular-nums}
td.num{white-space:nowrap}
tbody tr:nth-child(even){background:#fafafa}
ul{margin:0 0 12px;padding-left:1.3em}
footer.notes{border-top:1px solid var(--line);margin:32px 0 40px;padding-top:12px;font-size:.88rem;color:var(--muted)}
@media print{
  body{font-size:11pt}
  header.report-head{background:none;padding:0 0 8px}
  nav.toc{display:none}
  details>*:not(summary){display:block}
  section{break-inside:auto;margin:16px 0}
  figure,table,dl.facts div{break-inside:avoid}
  h2{break-after:avoid}
  a{color:inherit;text-decoration:none}
}
`.trim()

/** Whether column `i` (0 is the row headers) holds numbers only: its header and cells are then right-aligned. */
const numericColumn = (table: Table, i: number): boolean => {
  if (i === 0) return false
  let numbers = 0
  for (const r of table.rows) {
    const c = r.cells[i - 1]
    if (c === null || c === undefined) continue
    if (!isNumeric(c)) return false
    numbers++
  }
  return numbers > 0
}

const htmlTable = (table: Table, lang: Label.Lang): string => {
  const columns = table.columns.map(
    (c, i) => `<th scope="col"${numericColumn(table, i) ? ' class="num"' : ""}>${esc(text(c, lang))}</th>`
  )
  const width = Math.max(table.columns.length, 1 + Math.max(0, ...table.rows.map((r) => r.cells.length)))
  const pad = Array.from({ length: Math.max(0, width - table.columns.length) }, () => '<th scope="col"></th>')
  const rows = table.rows.map(
    (r) =>
      `<tr><th scope="row">${esc(text(r.header, lang))}</th>${r.cells
        .map((c) => `<td${isNumeric(c) || c === null ? ' class="num"' : ""}>${esc(cellText(c, lang))}</td>`)
        .join("")}</tr>`
  )
  return `<div class="table-wrap"><table><caption>${esc(text(table.caption, lang))}</caption><thead><tr>${[...columns, ...pad].join("")}</tr></thead><tbody>${rows.join("")}</tbody></table></div>`
}

const figure = (chart: string, caption: string, table: Table, lang: Label.Lang): string =>
  `<figure>${chart}<figcaption>${esc(caption)}</figcaption><details><summary>${esc(of("valuesTable", lang))}</summary>${htmlTable(table, lang)}</details></figure>`

const htmlBlock = (block: Block, lang: Label.Lang, id: string): string => {
  switch (block.kind) {
    case "heading":
      return `<h3>${esc(text(block.text, lang))}</h3>`
    case "paragraph":
      return `<p>${esc(text(block.text, lang))}</p>`
    case "list":
      return `<ul>${block.items.map((i) => `<li>${esc(text(i, lang))}</li>`).join("")}</ul>`
    case "facts":
      return `<dl class="facts">${block.items
        .map((i) => `<div><dt>${esc(text(i.label, lang))}</dt><dd>${esc(cellText(i.value, lang))}</dd></div>`)
        .join("")}</dl>`
    case "table":
      return (block.collapsed ?? block.table.rows.length > collapseAfter)
        ? `<details class="table"><summary>${esc(text(block.table.caption, lang))} (${block.table.rows.length} ${esc(of(block.table.rows.length === 1 ? "row" : "rows", lang))})</summary>${htmlTable(block.table, lang)}</details>`
        : htmlTable(block.table, lang)
    case "radar":
      return figure(
        Svg.radar(block.data, { lang, id }),
        `${of("traditionalPole", lang)}; ${of("generativePole", lang)}.`,
        radarTable(block.data),
        lang
      )
    case "progress":
      return figure(
        Svg.progress(block.data, { lang, id }),
        Svg.progressDescription(block.data, lang),
        progressTable(block.data),
        lang
      )
    case "network":
      return figure(
        Svg.network(block.data, { lang, id }),
        Svg.networkDescription(block.data, lang),
        networkTable(block.data),
        lang
      )
    default:
      return ""
  }
}

const sectionId = (s: Section, i: number): string => idSafe(`s${i + 1}-${s.id}`)

/**
 * Renders a report as one self-contained HTML page: inline CSS (readable on
 * screen, print-friendly), inline SVG charts each followed by a table of its
 * values, no script, no external font, no URL fetched (a
 * Content-Security-Policy `default-src 'none'` makes sure of it).
 *
 * @example
 * ```ts
 * import * as assert from "node:assert"
 * import { Report, View } from "@welfare/report"
 *
 * const html = Report.renderHtml({
 *   lang: "it",
 *   title: "Ambito di Legnano",
 *   sections: [
 *     {
 *       id: "people",
 *       title: "Persone prese in carico",
 *       blocks: [
 *         {
 *           kind: "table",
 *           table: {
 *             caption: "Percorsi per area",
 *             columns: ["Area", "Persone"],
 *             rows: [
 *               { header: "Casa", cells: [View.count(12)] },
 *               { header: "Lavoro", cells: [View.count(3)] }
 *             ]
 *           }
 *         }
 *       ]
 *     }
 *   ]
 * })
 * assert.ok(html.startsWith("<!DOCTYPE html>"))
 * assert.ok(html.includes('<th scope="row">Lavoro</th><td class="num">&lt; 5</td>'))
 * assert.ok(!/https?:\/\/(?!www\.w3\.org)/.test(html))
 * ```
 *
 * @category rendering
 * @since 0.1.0
 */
export const renderHtml = (doc: ReportDocument, options?: RenderOptions): string => {
  const lang = langOf(doc, options)
  const title = text(doc.title, lang)
  const toc =
    doc.sections.length > 1
      ? `<nav class="toc" aria-label="${esc(of("contents", lang))}"><strong>${esc(of("contents", lang))}</strong><ol>${doc.sections
          .map((s, i) => `<li><a href="#${sectionId(s, i)}">${esc(text(s.title, lang))}</a></li>`)
          .join("")}</ol></nav>`
      : ""
  const sections = doc.sections.map((s, i) => {
    const sid = sectionId(s, i)
    return `<section id="${sid}" aria-labelledby="${sid}-h"><h2 id="${sid}-h">${esc(text(s.title, lang))}</h2>${s.blocks
      .map((b, j) => htmlBlock(b, lang, `${sid}-fig${j + 1}`))
      .join("\n")}</section>`
  })
  const notes = notesOf(doc, lang)
  const meta =
    doc.date !== undefined ? `<p class="meta">${esc(of("generatedOn", lang))} ${esc(doc.date)}</p>` : ""
  return [
    "<!DOCTYPE html>",
    `<html lang="${lang}">`,
    "<head>",
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${esc(title)}</title>`,
    `<style>${css}</style>`,
    "</head>",
    "<body>",
    `<header class="report-head"><div class="wrap"><h1>${esc(title)}</h1>${
      doc.subtitle !== undefined ? `<p class="subtitle">${esc(text(doc.subtitle, lang))}</p>` : ""
    }${meta}</div></header>`,
    `<main class="wrap">${toc}`,
    sections.join("\n"),
    notes.length > 0 ? `<footer class="notes">${notes.map((n) => `<p>${esc(n)}</p>`).join("")}</footer>` : "",
    "</main>",
    "</body>",
    "</html>",
    ""
  ].join("\n")
}

// ---------------------------------------------------------------------------
// Markdown

const mdEscape = (s: string): string =>
  clean(s)
    .replace(/[\r\n]+/g, " ")
    .replace(/([\\`*_[\]|#>])/g, "\\$1")
    .replace(/&(?=[A-Za-z#][A-Za-z0-9]*;)/g, "&amp;")
    .replace(/<(?=[A-Za-z/!?])/g, "&lt;")

const mdTable = (table: Table, lang: Label.Lang): string => {
  const width = Math.max(table.columns.length, 1 + Math.max(0, ...table.rows.map((r) => r.cells.length)), 1)
  const head = Array.from({ length: width }, (_, i) => {
    const c = table.columns[i]
    return c === undefined ? " " : mdEscape(text(c, lang))
  })
  const align = head.map((_, i) => (numericColumn(table, i) ? "---:" : "---"))
  const rows = table.rows.map((r) => {
    const cells = Array.from({ length: width - 1 }, (_, i) => {
      const c = r.cells[i]
      return c === undefined ? "" : mdEscape(cellText(c, lang))
    })
    return `| ${[mdEscape(text(r.header, lang)), ...cells].join(" | ")} |`
  })
  const caption = text(table.caption, lang)
  return [
    ...(caption === "" ? [] : [`*${mdEscape(caption)}*`, ""]),
    `| ${head.join(" | ")} |`,
    `| ${align.join(" | ")} |`,
    ...rows
  ].join("\n")
}

const mdChart = (title: Str, desc: string, table: Table, lang: Label.Lang): string =>
  [`**${mdEscape(text(title, lang))}**`, "", `> ${mdEscape(desc)}`, "", mdTable(table, lang)].join("\n")

const mdBlock = (block: Block, lang: Label.Lang): string => {
  switch (block.kind) {
    case "heading":
      return `### ${mdEscape(text(block.text, lang))}`
    case "paragraph":
      return mdEscape(text(block.text, lang))
    case "list":
      return block.items.map((i) => `- ${mdEscape(text(i, lang))}`).join("\n")
    case "facts":
      return block.items
        .map((i) => `- **${mdEscape(text(i.label, lang))}**: ${mdEscape(cellText(i.value, lang))}`)
        .join("\n")
    case "table":
      return mdTable(block.table, lang)
    case "radar":
      return mdChart(block.data.title, Svg.radarDescription(block.data, lang), radarTable(block.data), lang)
    case "progress":
      return mdChart(
        block.data.title,
        Svg.progressDescription(block.data, lang),
        progressTable(block.data),
        lang
      )
    case "network":
      return mdChart(
        block.data.title,
        Svg.networkDescription(block.data, lang),
        networkTable(block.data),
        lang
      )
    default:
      return ""
  }
}

/**
 * Renders a report as Markdown (GitHub-flavoured tables). Charts become their
 * text alternative and their table of values, so the Markdown carries every
 * number the HTML shows.
 *
 * @example
 * ```ts
 * import * as assert from "node:assert"
 * import { Report } from "@welfare/report"
 *
 * const md = Report.renderMarkdown({
 *   lang: "en",
 *   title: "Legnano",
 *   sections: [{ id: "a", title: "Summary", blocks: [{ kind: "facts", items: [{ label: "Overall index", value: 0.58 }] }] }]
 * })
 * assert.strictEqual(md, "# Legnano\n\n## Summary\n\n- **Overall index**: 0.58\n")
 * ```
 *
 * @category rendering
 * @since 0.1.0
 */
export const renderMarkdown = (doc: ReportDocument, options?: RenderOptions): string => {
  const lang = langOf(doc, options)
  const parts = [`# ${mdEscape(text(doc.title, lang))}`]
  if (doc.subtitle !== undefined) parts.push(mdEscape(text(doc.subtitle, lang)))
  if (doc.date !== undefined) parts.push(`*${mdEscape(of("generatedOn", lang))} ${mdEscape(doc.date)}*`)
  for (const s of doc.sections) {
    parts.push(`## ${mdEscape(text(s.title, lang))}`)
    for (const b of s.blocks) parts.push(mdBlock(b, lang))
  }
  const notes = notesOf(doc, lang)
  if (notes.length > 0) parts.push("---", ...notes.map(mdEscape))
  return `${parts.filter((p) => p !== "").join("\n\n")}\n`
}

// ---------------------------------------------------------------------------
// JSON

const jsonTable = (table: Table, lang: Label.Lang) => ({
  caption: text(table.caption, lang),
  columns: table.columns.map((c) => text(c, lang)),
  rows: table.rows.map((r) => ({
    header: text(r.header, lang),
    cells: r.cells.map((c) => ({
      value:
        c === null || c === undefined
          ? null
          : typeof c === "number"
            ? finite(c)
            : typeof c === "string"
              ? c
              : isCount(c)
                ? finite(c.value)
                : isPercent(c)
                  ? finite(c.value)
                  : text(c, lang),
      ...(isCount(c) && finite(c.value) === null ? { suppressed: true } : {}),
      display: cellText(c, lang)
    }))
  }))
})

const jsonBlock = (block: Block, lang: Label.Lang): unknown => {
  switch (block.kind) {
    case "heading":
      return { kind: "heading", text: text(block.text, lang) }
    case "paragraph":
      return { kind: "paragraph", text: text(block.text, lang) }
    case "list":
      return { kind: "list", items: block.items.map((i) => text(i, lang)) }
    case "facts":
      return {
        kind: "facts",
        items: block.items.map((i) => ({
          label: text(i.label, lang),
          ...jsonTable({ caption: "", columns: [], rows: [{ header: "", cells: [i.value] }] }, lang).rows[0]!
            .cells[0]!
        }))
      }
    case "table":
      return { kind: "table", ...jsonTable(block.table, lang) }
    case "radar":
      return {
        kind: "radar",
        table: jsonTable(radarTable(block.data), lang),
        vegaLite: VegaLite.radar(block.data, { lang })
      }
    case "progress":
      return {
        kind: "progress",
        table: jsonTable(progressTable(block.data), lang),
        vegaLite: VegaLite.progress(block.data, { lang })
      }
    case "network":
      return {
        kind: "network",
        table: jsonTable(networkTable(block.data), lang),
        vegaLite: VegaLite.network(block.data, { lang })
      }
    default:
      return null
  }
}

/**
 * Renders a report as JSON text: the same content with every text in one
 * language, each cell with its `value` and its `display` text (suppressed
 * counts have `value: null, suppressed: true`), and each chart with its table
 * of values and its Vega-Lite specification.
 *
 * @category rendering
 * @since 0.1.0
 */
export const renderJson = (doc: ReportDocument, options?: RenderOptions): string => {
  const lang = langOf(doc, options)
  return `${JSON.stringify(
    {
      lang,
      title: text(doc.title, lang),
      ...(doc.subtitle !== undefined ? { subtitle: text(doc.subtitle, lang) } : {}),
      ...(doc.date !== undefined ? { date: doc.date } : {}),
      sections: doc.sections.map((s) => ({
        id: s.id,
        title: text(s.title, lang),
        blocks: s.blocks.map((b) => jsonBlock(b, lang))
      })),
      notes: notesOf(doc, lang)
    },
    null,
    2
  )}\n`
}
