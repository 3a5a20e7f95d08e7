// Helpers shared by the sections of the territory report (TerritoryReport.ts).
import {
  Actor,
  type Label,
  PolicyArea,
  Resource,
  type Sensitivity,
  TerritoryAssessment,
  type Trait
} from "@welfare/core"
import type * as Analysis from "../../Analysis.js"
import * as From from "../../From.js"
import { formatNumber, formatPercent, of, type Str, text } from "../../Labels.js"
import type { TerritoryReportInput } from "../../TerritoryReport.js"
import { type Cell, type Count, count, type Row, type Table } from "../../View.js"

export type Text = Label.Text

export const t = (it: string, en: string): Text => ({ it, en })

export const both = (f: (lang: Label.Lang) => string): Text => ({ it: f("it"), en: f("en") })

export const num = (x: number, l: Label.Lang) => formatNumber(x, l)

export const signed = (x: number, l: Label.Lang) => `${x > 0 ? "+" : ""}${formatNumber(x, l)}`

export const yesNo = (b: boolean): Text => (b ? t("✓\u00a0sì", "✓\u00a0yes") : t("✗\u00a0no", "✗\u00a0no"))

/** "seme 000, riga 9" / "seed 000, row 9" from a seed file name and row. */
export const seedRef = (source: { readonly file: string; readonly row: number }): Text => {
  const file = source.file.slice(0, 3)
  return t(
    `seme\u00a0${file},\u00a0riga\u00a0${source.row}`,
    `seed\u00a0${file},\u00a0row\u00a0${source.row}`
  )
}

/** Translates a source written as "seed 001, rows 35-37" into Italian. */
export const sourceText = (source: string): Text =>
  t(
    source
      .replace(/\bseed\b/g, "seme")
      .replace(/\brows\b/g, "righe")
      .replace(/\brow\b/g, "riga"),
    source
  )

/** A period: its year when it is a whole calendar year, else its two dates. */
export const periodText = (p: { readonly start: string; readonly end: string }): string =>
  /^\d{4}-01-01$/.test(p.start) && p.end === `${p.start.slice(0, 4)}-12-31`
    ? p.start.slice(0, 4)
    : `${p.start}\u00a0–\u00a0${p.end}`

/** Names of everything a report may mention by id; persons are never named. */
export interface Names {
  readonly actor: (id: string) => Str
  readonly municipality: (id: string) => Str
  readonly example: (id: string) => Str
  readonly intervention: (id: string) => Str
  readonly project: (id: string) => Str
  readonly indicator: (id: string) => Str
  /** Whether an id is a taking-charge case (never shown: counted only). */
  readonly isCase: (id: string) => boolean
}

export const personLabel = t("una persona (pseudonimo)", "a person (pseudonymous)")

export const namesOf = (input: TerritoryReportInput): Names => {
  const ter = input.territory
  const actors = new Map<string, Str>()
  const persons = new Set<string>()
  for (const a of ter.actors) {
    if (a.kind === "citizen") persons.add(a.id)
    else if (!actors.has(a.id)) actors.set(a.id, a.name ?? a.id)
  }
  const municipalities = new Map<string, string>()
  for (const m of ter.municipalities ?? []) {
    const x = m as { readonly id?: unknown; readonly name?: unknown }
    if (typeof x?.id === "string" && typeof x.name === "string") municipalities.set(x.id, x.name)
  }
  const interventions = new Map<string, string>()
  for (const i of ter.interventions ?? []) interventions.set(i.id, i.name ?? i.id)
  for (const i of input.analysis?.interventions ?? [])
    if (i.name !== undefined) interventions.set(i.id, i.name)
  const partnerships = new Map<string, string>()
  for (const p of ter.partnerships ?? []) if (p.id !== undefined) partnerships.set(p.id, p.name ?? p.id)
  const projects = new Map((ter.charter?.projects ?? []).map((p) => [p.id, p.title]))
  const indicators = new Map<string, Str>((ter.indicators ?? []).map((d) => [d.id, d.label]))
  const cases = new Set((ter.takingCharge ?? []).map((e) => e.caseId as string))
  const actor = (id: string): Str => (persons.has(id) ? personLabel : (actors.get(id) ?? id))
  const policyAreas = PolicyArea.labels as { readonly [k: string]: Text }
  const sectors = Actor.sectorLabels as { readonly [k: string]: Text }
  return {
    actor,
    municipality: (id) => municipalities.get(id) ?? id,
    intervention: (id) => interventions.get(id) ?? id,
    project: (id) => projects.get(id) ?? id,
    indicator: (id) => input.indicatorLabel?.(id) ?? indicators.get(id) ?? id,
    isCase: (id) => cases.has(id) || id.startsWith("case-"),
    example: (id) =>
      persons.has(id)
        ? personLabel
        : (interventions.get(id) ??
          partnerships.get(id) ??
          actors.get(id) ??
          sectors[id] ??
          policyAreas[id] ??
          projects.get(id) ??
          id)
  }
}

export const join = (items: ReadonlyArray<Str>, l: Label.Lang, sep = ", "): string =>
  items.map((s) => text(s, l)).join(sep)

export const list = (items: ReadonlyArray<Str>): Str => both((l) => join(items, l))

/**
 * A count of persons as the whole document's disclosure decision says
 * (`Analysis.TerritoryAnalysis.disclosure`): shown, hidden as small ("< 5"),
 * or hidden to protect another figure. Without an analysis, the count alone
 * is checked against the default threshold.
 */
export const personCount = (a: Analysis.TerritoryAnalysis | undefined, id: string, value: number): Count => {
  const d = a?.disclosure
  if (d === undefined) return count(value)
  const status = d.status[id]
  if (status === undefined) return count(value, d.threshold)
  return status === "visible"
    ? {
        _tag: "Count",
        value: d.rounding === undefined ? value : Math.round(value / d.rounding) * d.rounding,
        threshold: d.threshold
      }
    : status === "small"
      ? { _tag: "Count", value: null, threshold: d.threshold }
      : { _tag: "Count", value: null, threshold: d.threshold, hidden: "complementary" }
}

export const isTerritoryProfile = (p: unknown): p is TerritoryAssessment.TerritoryProfile =>
  typeof p === "object" && p !== null && "traits" in p && "system" in p && "moves" in p

export const table = (caption: Str, columns: ReadonlyArray<Str>, rows: ReadonlyArray<Row>): Table => ({
  caption,
  columns,
  rows
})

/** An index, or "no dimension observed" (never 0.5). */
export const indexCell = (x: number | undefined): Cell =>
  x === undefined ? t("nessuna dimensione osservata", "no dimension observed") : x

/** A position, or "not observed" (never a number). */
export const positionCell = (x: number | undefined): Cell => (x === undefined ? notObserved : x)

export const notObserved = t("non osservata", "not observed")

export const numOr = (x: number | undefined, l: Label.Lang): string =>
  x === undefined ? (l === "it" ? "n.d." : "n/a") : num(x, l)

export const pct = (x: number, l: Label.Lang): string => formatPercent(x, l)

/** "robust (97% of 1,000 draws; index 0.41 to 0.55)". */
export const sensitivityText = (s: Sensitivity.Sensitivity | undefined): Text =>
  s === undefined
    ? t("non calcolata", "not computed")
    : both((l) => {
        const range =
          s.index.p05 === undefined || s.index.p95 === undefined
            ? ""
            : `; p05–p95 ${num(s.index.p05, l)}–${num(s.index.p95, l)}`
        return l === "it"
          ? `${s.robust ? "robusto" : "fragile"}: stesso verdetto in ${pct(s.stability, l)} di ${s.draws} estrazioni${range}`
          : `${s.robust ? "robust" : "fragile"}: same verdict in ${pct(s.stability, l)} of ${s.draws} draws${range}`
      })

export const verdictText = (c: string): Text => From.classLabel(c)

export const evidenceText = (evidence: ReadonlyArray<TerritoryAssessment.Count>, names: Names): Str =>
  both((l) =>
    evidence
      .map((e) => {
        const shown = e.examples.filter((x) => !names.isCase(x))
        return `${text(e.what, l)}: ${e.count}${e.of === undefined ? "" : ` ${l === "it" ? "su" : "of"} ${e.of}`}${shown.length > 0 ? ` (${shown.map((x) => text(names.example(x), l)).join(", ")}${e.count > shown.length ? ", …" : ""})` : ""}`
      })
      .join("; ")
  )

/** Record ids with the cases counted, never named. */
export const recordsText = (records: ReadonlyArray<string>, names: Names): Text => {
  const cases = records.filter(names.isCase).length
  const shown = records.filter((r) => !names.isCase(r))
  return both(
    (l) =>
      [
        ...shown,
        ...(cases === 0
          ? []
          : [
              l === "it"
                ? `${cases} ${cases === 1 ? "percorso" : "percorsi"} di presa in carico`
                : `${cases} taking-charge ${cases === 1 ? "path" : "paths"}`
            ])
      ].join(", ") || "—"
  )
}

export const statusText = (s: TerritoryAssessment.Status): Text => {
  const mark = s === "met" ? "✓\u00a0" : s === "partly" ? "◐\u00a0" : "✗\u00a0"
  const label = TerritoryAssessment.statusLabels[s]
  return { it: mark + label.it, en: mark + label.en }
}

export const provenanceText = (p: Trait.Provenance): Text =>
  p.kind === "seed"
    ? both((l) => `${l === "it" ? "seme" : "seed"}: «${p.quote}» (${text(seedRef(p.source), l)})`)
    : both((l) => `${l === "it" ? "editoriale" : "editorial"}: ${p.rationale[l]}`)

export const sectorText = (s: Actor.Sector): Text => Actor.sectorLabels[s]

export const shortSector: { readonly [S in Actor.Sector]: Text } = {
  public: t("Pubblico", "Public"),
  "third-sector": t("Terzo settore", "Third sector"),
  "social-partners": t("Parti sociali", "Social partners"),
  market: t("Mercato", "Market"),
  community: t("Comunità", "Community")
}

export const cellTextOf = (c: Count, l: Label.Lang): string =>
  c.value !== null
    ? formatNumber(c.value, l, 0)
    : c.hidden === "complementary"
      ? of("hiddenToProtect", l)
      : `< ${c.threshold}`

export const resourcesText = (totals: Resource.Totals): Str =>
  both((l) => {
    const parts: Array<string> = []
    for (const k of Resource.kinds)
      for (const u of Resource.units) {
        const v = totals[k][u]
        if (v > 0)
          parts.push(
            u === "euro"
              ? `${formatNumber(v, l, 0)} €`
              : `${formatNumber(v, l, 0)} ${Resource.unitLabels[u][l].toLowerCase()} (${Resource.kindLabels[k][l].toLowerCase()})`
          )
      }
    return parts.length === 0 ? "—" : parts.join("; ")
  })
