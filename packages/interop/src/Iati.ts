/**
 * IATI 2.03 results: a territory's assigned indicators as the `result`
 * elements of one `iati-activity` (indicator, baseline, period, target,
 * actual), disaggregated with `dimension`s by municipality and by the sector
 * of who measured. Only cells that core's `Published.publish` publishes are
 * written: a suppressed cell is left out, never written as zero.
 *
 * @since 0.1.0
 */
import type { Label, Territory } from "@welfare/core"
import { type IndicatorResult, results } from "./internal/results.js"

/**
 * The options of {@link activities}.
 *
 * @category models
 * @since 0.1.0
 */
export interface Options {
  /**
   * The IATI organisation identifier of the publisher. The default,
   * `XI-WELFARE-<territory>`, is a placeholder (an editorial choice): the
   * publisher replaces it with its registered identifier.
   */
  readonly reportingOrg?: string
  /** The IATI organisation type code of the publisher (default 10, Government). */
  readonly reportingOrgType?: string
  /** The persons below which a cell is suppressed (default `Published.defaultThreshold`). */
  readonly threshold?: number
  /** The `last-updated-datetime` of the activity, for example `2025-06-30T00:00:00Z`. */
  readonly lastUpdated?: string
}

const xmlEscape = (s: string): string =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;")

const narratives = (label: Label.Text): string =>
  `<narrative xml:lang="it">${xmlEscape(label.it)}</narrative><narrative xml:lang="en">${xmlEscape(label.en)}</narrative>`

const key = (s: string): string => s.replace(/[^A-Za-z0-9-]+/g, "-").replace(/^-+|-+$/g, "") || "territory"

/**
 * The IATI result type of an indicator's results-based-accountability
 * category: "how much" and "how well" are outputs (1), "better off" is an
 * outcome (2). An editorial mapping.
 *
 * @category constants
 * @since 0.1.0
 */
export const resultType = { "how-much": "1", "how-well": "1", "better-off": "2" } as const

const number = (n: number): string => (Number.isInteger(n) ? String(n) : String(Math.round(n * 1e6) / 1e6))

const targetXml = (target: IndicatorResult["periods"][number]["target"]): string => {
  if (target === undefined) return ""
  if (typeof target === "number") return `<target value="${number(target)}"/>`
  if ("level" in target)
    return `<target><comment><narrative xml:lang="it">livello ${xmlEscape(target.level)}</narrative></comment></target>`
  return `<target value="${number(target.min)}"><comment><narrative xml:lang="it">intervallo ${number(target.min)}–${number(target.max)}</narrative><narrative xml:lang="en">range ${number(target.min)}–${number(target.max)}</narrative></comment></target>`
}

const resultXml = (r: IndicatorResult): string => {
  const d = r.definition
  const measure = d.kind === "qualitative" ? "5" : d.unit === "percent" ? "2" : "1"
  const ascending =
    d.direction === "increase" ? ` ascending="1"` : d.direction === "decrease" ? ` ascending="0"` : ""
  const baseline =
    r.baseline === undefined
      ? ""
      : `<baseline year="${r.baseline.date.slice(0, 4)}" iso-date="${r.baseline.date}"${
          r.baseline.value === undefined ? "" : ` value="${number(r.baseline.value)}"`
        }>${
          r.baseline.level === undefined
            ? ""
            : `<comment><narrative xml:lang="it">livello ${xmlEscape(r.baseline.level)}</narrative></comment>`
        }</baseline>`
  const periods = r.periods
    .map((p) => {
      const actuals = p.actuals
        .flatMap((a) => {
          const dim =
            a.dimension === undefined
              ? ""
              : `<dimension name="${a.dimension.name}" value="${xmlEscape(a.dimension.value)}"/>`
          if (d.kind === "quantitative")
            return a.value === undefined ? [] : [`<actual value="${number(a.value)}">${dim}</actual>`]
          return Object.keys(a.levels)
            .sort()
            .map(
              (level) =>
                `<actual value="${a.levels[level]}">${dim}<dimension name="level" value="${xmlEscape(level)}"/></actual>`
            )
        })
        .join("")
      return `<period><period-start iso-date="${p.start}"/><period-end iso-date="${p.end}"/>${targetXml(p.target)}${actuals}</period>`
    })
    .join("")
  return `<result type="${resultType[d.rba]}" aggregation-status="0"><title>${narratives(d.label)}</title><indicator measure="${measure}"${ascending}><title>${narratives(d.label)}</title>${baseline}${periods}</indicator></result>`
}

/**
 * The IATI 2.03 activity file (`iati-activities`) of a territory's
 * indicator results.
 *
 * @example
 * ```ts
 * import * as assert from "node:assert"
 * import { Territory } from "@welfare/core"
 * import { Iati } from "@welfare/interop"
 *
 * const xml = Iati.activities(Territory.empty({ name: "Ambito di Legnano" }), { lastUpdated: "2025-06-30T00:00:00Z" })
 * assert.ok(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<iati-activities version="2.03"'))
 * assert.ok(xml.includes("<iati-identifier>XI-WELFARE-Ambito-di-Legnano-welfare</iati-identifier>"))
 * ```
 *
 * @category encoding
 * @since 0.1.0
 */
export const activities = (
  territory: Pick<
    Territory.TerritoryInput,
    "id" | "name" | "indicators" | "assignments" | "measurements" | "actors"
  >,
  options: Options = {}
): string => {
  const org = options.reportingOrg ?? `XI-WELFARE-${key(territory.id ?? territory.name)}`
  const all = results(territory, options.threshold === undefined ? {} : { threshold: options.threshold })
  const starts = all.flatMap((r) => r.periods.map((p) => p.start)).sort()
  const updated =
    options.lastUpdated === undefined ? "" : ` last-updated-datetime="${xmlEscape(options.lastUpdated)}"`
  const name = { it: territory.name, en: territory.name }
  return `<?xml version="1.0" encoding="UTF-8"?>
<iati-activities version="2.03">
<iati-activity${updated} xml:lang="it" default-currency="EUR">
<iati-identifier>${xmlEscape(org)}-welfare</iati-identifier>
<reporting-org ref="${xmlEscape(org)}" type="${xmlEscape(options.reportingOrgType ?? "10")}">${narratives(name)}</reporting-org>
<title>${narratives({ it: `Welfare generativo: ${territory.name}`, en: `Generative welfare: ${territory.name}` })}</title>
<description>${narratives({
    it: "Risultati degli indicatori di welfare generativo del territorio (celle con meno persone della soglia omesse).",
    en: "Results of the territory's generative-welfare indicators (cells about fewer persons than the threshold left out)."
  })}</description>
<participating-org ref="${xmlEscape(org)}" role="2">${narratives(name)}</participating-org>
<activity-status code="2"/>
${starts.length === 0 ? "" : `<activity-date type="2" iso-date="${starts[0]}"/>\n`}${all.map(resultXml).join("\n")}
</iati-activity>
</iati-activities>
`
}
