/**
 * `@welfare/report`: pure renderers from assessment and evaluation data to
 * Markdown, self-contained HTML, SVG charts and Vega-Lite specifications, in
 * Italian and English, with rich display for TypeScript notebooks.
 *
 * - {@link View}: the small view models the renderers draw (`RadarData`,
 *   `ProgressBars`, `NetworkView`, tables and cells);
 * - {@link Svg} and {@link VegaLite}: the charts;
 * - {@link Report}: report documents and their Markdown, HTML and JSON renderings;
 * - {@link Labels}: the report's own Italian and English strings.
 *
 * @packageDocumentation
 * @since 0.1.0
 */
import packageJson from "../package.json" with { type: "json" }

/**
 * The version of the renderers, read from its `package.json` when it is built.
 * @since 0.1.0
 */
export const version: string = packageJson.version

/**
 * What a territory report explains, computed from a territory with `@welfare/core`.
 * @since 0.1.0
 */
export * as Analysis from "./Analysis.js"
/**
 * Rich display in TypeScript notebooks (Deno's Jupyter kernel).
 * @since 0.2.0
 */
export * as Display from "./Display.js"
/**
 * Adapters from the models of `@welfare/core` to view models.
 * @since 0.1.0
 */
export * as From from "./From.js"
/**
 * The report's own Italian and English strings and number formatting.
 * @since 0.1.0
 */
export * as Labels from "./Labels.js"
/**
 * Report documents and their Markdown, HTML and JSON renderings.
 * @since 0.1.0
 */
export * as Report from "./Report.js"
/**
 * Renders a report document as self-contained HTML.
 * @since 0.1.0
 */
export { renderHtml, renderJson, renderMarkdown } from "./Report.js"
/**
 * Accessible SVG charts: radar, progress bars, partnership network.
 * @since 0.1.0
 */
export * as Svg from "./Svg.js"
/**
 * The full report of a territory from whatever parts exist.
 * @since 0.1.0
 */
export { type TerritoryReportInput, territoryReport } from "./TerritoryReport.js"
/**
 * Vega-Lite v5 specifications of the same charts.
 * @since 0.1.0
 */
export * as VegaLite from "./VegaLite.js"
/**
 * View models: radar data, progress bars, network views, tables and cells.
 * @since 0.1.0
 */
export * as View from "./View.js"
