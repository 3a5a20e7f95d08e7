/**
 * The Common Impact Data Standard (CIDS, Common Approach to Impact
 * Measurement): a territory's indicators and published results as JSON-LD,
 * Essential tier: `cids:Organization`, `cids:Theme`, `cids:Outcome`,
 * `cids:Indicator` (with its baseline), `cids:Target` and
 * `cids:IndicatorReport`, values as ISO 21972 `i72:Measure`s.
 *
 * Only totals that core's `Published.publish` publishes become reports.
 *
 * @since 0.1.0
 */
import { Indicator, type Territory } from "@welfare/core"
import { type IndicatorResult, type PeriodResult, results } from "./internal/results.js"

/**
 * The published JSON-LD context of CIDS the document refers to.
 *
 * @category constants
 * @since 0.1.0
 */
export const contextUrl = "https://ontology.commonapproach.org/contexts/cidsContext.jsonld"

/**
 * A JSON-LD node.
 *
 * @category models
 * @since 0.1.0
 */
export type Node = { readonly [key: string]: unknown }

/**
 * A CIDS JSON-LD document: the context and a graph of nodes.
 *
 * @category models
 * @since 0.1.0
 */
export interface Document {
  readonly "@context": string
  readonly "@graph": ReadonlyArray<Node>
}

/**
 * The options of {@link document}.
 *
 * @category models
 * @since 0.1.0
 */
export interface Options {
  /** The base IRI of the nodes (default `urn:welfare:<territory>:`). */
  readonly base?: string
  /** The persons below which a cell is suppressed (default `Published.defaultThreshold`). */
  readonly threshold?: number
  /** When the document is created, an ISO date-time (default the last period end). */
  readonly created?: string
}

const slug = (s: string): string => s.replace(/[^A-Za-z0-9._-]+/g, "-")

const measure = (value: number, unit: string): Node => ({
  "@type": "i72:Measure",
  hasNumericalValue: String(value),
  "i72:unit_of_measure": { "@id": `urn:welfare:unit:${unit}` }
})

const dateTime = (date: string, end: boolean): string => `${date}T${end ? "23:59:59" : "00:00:00"}Z`

/**
 * The CIDS JSON-LD (Essential tier) of a territory's assigned indicators.
 * Qualitative indicators report the number of judgements at the best level
 * reached. Where the territory lacks what the Essential tier asks for, the
 * node says less rather than invent it: an indicator without a numeric
 * baseline has no `cids:hasBaseline`, a report of a period without a numeric
 * target no `cids:forTarget` (those nodes meet the Basic tier only).
 *
 * @example
 * ```ts
 * import * as assert from "node:assert"
 * import { Territory } from "@welfare/core"
 * import { Cids } from "@welfare/interop"
 *
 * const doc = Cids.document(Territory.empty({ name: "Ambito di Legnano" }))
 * assert.strictEqual(doc["@context"], Cids.contextUrl)
 * assert.deepStrictEqual(doc["@graph"].map((n) => n["@type"]), ["cids:Organization"])
 * ```
 *
 * @category encoding
 * @since 0.1.0
 */
export const document = (
  territory: Pick<
    Territory.TerritoryInput,
    "id" | "name" | "indicators" | "assignments" | "measurements" | "actors"
  >,
  options: Options = {}
): Document => {
  const base = options.base ?? `urn:welfare:${slug(territory.id ?? territory.name)}:`
  const org = `${base}organization`
  const all = results(territory, options.threshold === undefined ? {} : { threshold: options.threshold })
  const created = options.created ?? createdOf(all)
  const organization: { [key: string]: unknown } = {
    "@id": org,
    "@type": "cids:Organization",
    hasLegalName: territory.name,
    hasIdentifier: territory.id ?? territory.name
  }
  const graph: Array<Node> = [organization]
  const themes = new Map<string, Node>()
  const outcomes: Array<string> = []
  for (const r of all) {
    const rba = r.definition.rba
    if (!themes.has(rba)) themes.set(rba, themeNode(base, rba))
    outcomes.push(`${base}outcome:${slug(r.definition.id)}`)
    graph.push(...indicatorNodes({ base, org, created }, r))
  }
  if (outcomes.length > 0) organization.hasOutcome = outcomes
  return { "@context": contextUrl, "@graph": [...graph, ...themes.values()] }
}

// The end of the last period with results, when no creation time is given.
const createdOf = (all: ReadonlyArray<IndicatorResult>): string => {
  const ends = all.flatMap((r) => r.periods.map((p) => p.end)).sort()
  return ends.length === 0 ? "1970-01-01T00:00:00Z" : dateTime(ends.at(-1)!, true)
}

const themeNode = (base: string, rba: Indicator.IndicatorDefinition["rba"]): Node => {
  const label = Indicator.rbaLabels[rba]
  return {
    "@id": `${base}theme:${rba}`,
    "@type": "cids:Theme",
    hasName: label.it,
    hasDescription: `${label.it} (${label.en}): results-based accountability category`
  }
}

interface Where {
  readonly base: string
  readonly org: string
  readonly created: string
}

// An indicator's outcome, the indicator, its targets and its reports.
const indicatorNodes = (w: Where, r: IndicatorResult): Array<Node> => {
  const { base, org } = w
  const d = r.definition
  const id = `${base}indicator:${slug(d.id)}`
  const outcome = `${base}outcome:${slug(d.id)}`
  const unit = d.kind === "quantitative" ? d.unit : "judgements"
  const targets: Array<Node> = []
  const reports: Array<Node> = []
  for (const p of r.periods) {
    const target = targetNode(w, d, p, unit)
    if (target !== undefined) targets.push(target)
    const report = reportNode(w, d, p, unit, target)
    if (report !== undefined) reports.push(report)
  }
  const baselineValue = r.baseline?.value
  return [
    {
      "@id": outcome,
      "@type": "cids:Outcome",
      hasName: d.label.it,
      hasDescription: `${d.label.it} (${d.label.en})`,
      forOrganization: org,
      forTheme: `${base}theme:${d.rba}`,
      hasIndicator: id
    },
    {
      "@id": id,
      "@type": "cids:Indicator",
      hasName: d.label.it,
      hasDescription: `${d.label.it} (${d.label.en})`,
      unitDescription: unit,
      forOrganization: org,
      forOutcome: outcome,
      definedBy: org,
      ...(baselineValue === undefined ? {} : { hasBaseline: measure(baselineValue, unit) }),
      ...(reports.length === 0 ? {} : { hasIndicatorReport: reports.map((n) => n["@id"]) })
    },
    ...targets,
    ...reports
  ]
}

// The target of a period, when it has a numeric one.
const targetNode = (
  w: Where,
  d: Indicator.IndicatorDefinition,
  p: PeriodResult,
  unit: string
): Node | undefined => {
  if (typeof p.target !== "number") return undefined
  return {
    "@id": `${w.base}target:${slug(d.id)}:${p.start}_${p.end}`,
    "@type": "cids:Target",
    hasName: `${d.label.it}: obiettivo ${p.start}/${p.end}`,
    hasComment: `Obiettivo del periodo (target for the period) ${p.start}/${p.end}`,
    value: measure(p.target, unit),
    startedAtTime: dateTime(p.start, false),
    endedAtTime: dateTime(p.end, true),
    "sch:dateCreated": w.created
  }
}

// The report of a period, when its total is published.
const reportNode = (
  w: Where,
  d: Indicator.IndicatorDefinition,
  p: PeriodResult,
  unit: string,
  target: Node | undefined
): Node | undefined => {
  const total = p.actuals.find((a) => a.dimension === undefined)
  if (total === undefined) return undefined
  const value =
    d.kind === "quantitative"
      ? total.value
      : // qualitative: the judgements at the best level (the last level of the scale for "increase")
        (total.levels[(d.direction === "increase" ? d.scale.at(-1)! : d.scale[0]!).code] ?? 0)
  if (value === undefined) return undefined
  return {
    "@id": `${w.base}report:${slug(d.id)}:${p.start}_${p.end}`,
    "@type": "cids:IndicatorReport",
    hasName: `${d.label.it}: ${p.start}/${p.end}`,
    forIndicator: `${w.base}indicator:${slug(d.id)}`,
    forOrganization: w.org,
    ...(target === undefined ? {} : { "cids:forTarget": { "@id": target["@id"] } }),
    value: measure(value, unit),
    startedAtTime: dateTime(p.start, false),
    endedAtTime: dateTime(p.end, true)
  }
}
