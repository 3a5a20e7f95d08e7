/**
 * The report's own words, in Italian and English. Labels of the domain's
 * enumerated values (sectors, dimensions, policy areas...) come from the
 * `labels` tables of `@welfare/core`; this table holds only what the report
 * itself writes: chart titles, table headers, notes.
 *
 * @since 0.1.0
 */
import type { Label } from "@welfare/core"

/**
 * Every string the report writes by itself.
 *
 * @category constants
 * @since 0.1.0
 */
export const keys = [
  "report",
  "contents",
  "generatedOn",
  "language",
  "radarTitle",
  "comparisonTitle",
  "progressTitle",
  "networkTitle",
  "dimension",
  "position",
  "difference",
  "indicator",
  "progress",
  "note",
  "sector",
  "actor",
  "actors",
  "links",
  "legend",
  "valuesTable",
  "noData",
  "notAvailable",
  "notObserved",
  "suppressedNote",
  "hiddenToProtect",
  "traditionalPole",
  "generativePole",
  "assessment",
  "evaluation",
  "network",
  "summary",
  "overallIndex",
  "class",
  "evidence",
  "period",
  "textAlternative",
  "row",
  "rows"
] as const

/**
 * A key of the report's own strings.
 *
 * @category models
 * @since 0.1.0
 */
export type Key = (typeof keys)[number]

/**
 * The report's own strings in Italian and English (a missing one is a compile
 * error).
 *
 * @example
 * ```ts
 * import * as assert from "node:assert"
 * import { Labels } from "@welfare/report"
 *
 * assert.strictEqual(Labels.strings.notAvailable.it, "n.d.")
 * assert.strictEqual(Labels.strings.radarTitle.en, "The seven dimensions")
 * ```
 *
 * @category labels
 * @since 0.1.0
 */
export const strings: Label.Labels<Key> = {
  report: { it: "Rapporto", en: "Report" },
  contents: { it: "Indice", en: "Contents" },
  generatedOn: { it: "Generato il", en: "Generated on" },
  language: { it: "Lingua", en: "Language" },
  radarTitle: { it: "Le sette dimensioni", en: "The seven dimensions" },
  comparisonTitle: { it: "Confronto tra due profili", en: "Comparison of two profiles" },
  progressTitle: { it: "Avanzamento degli indicatori", en: "Indicator progress" },
  networkTitle: { it: "La rete dei partenariati", en: "The partnership network" },
  dimension: { it: "Dimensione", en: "Dimension" },
  position: { it: "Posizione", en: "Position" },
  difference: { it: "Differenza", en: "Difference" },
  indicator: { it: "Indicatore", en: "Indicator" },
  progress: { it: "Avanzamento", en: "Progress" },
  note: { it: "Nota", en: "Note" },
  sector: { it: "Settore", en: "Sector" },
  actor: { it: "Soggetto", en: "Actor" },
  actors: { it: "Soggetti", en: "Actors" },
  links: { it: "Legami", en: "Links" },
  legend: { it: "Legenda", en: "Legend" },
  valuesTable: { it: "Tabella dei valori", en: "Table of values" },
  noData: { it: "Nessun dato", en: "No data" },
  notAvailable: { it: "n.d.", en: "n/a" },
  notObserved: { it: "non osservata", en: "not observed" },
  suppressedNote: {
    it: "I conteggi di persone sotto la soglia (5, salvo diversa scelta) sono soppressi e mostrati come < soglia per tutelare la riservatezza; altri conteggi sono nascosti quando da essi si ricaverebbe per sottrazione un conteggio soppresso.",
    en: "Counts of persons below the threshold (5 unless chosen otherwise) are suppressed, shown as < threshold, to protect privacy; other counts are hidden where a suppressed count could be found from them by subtraction."
  },
  hiddenToProtect: {
    it: "nascosto per proteggere un'altra cella",
    en: "hidden to protect another cell"
  },
  traditionalPole: { it: "0 = polo tradizionale", en: "0 = traditional pole" },
  generativePole: { it: "1 = polo generativo", en: "1 = generative pole" },
  assessment: { it: "Valutazione del territorio", en: "Territory assessment" },
  evaluation: { it: "Valutazione condivisa e rendicontazione", en: "Shared evaluation and accountability" },
  network: { it: "Rete e partenariati", en: "Network and partnerships" },
  summary: { it: "Sintesi", en: "Summary" },
  overallIndex: { it: "Indice complessivo", en: "Overall index" },
  class: { it: "Classe", en: "Class" },
  evidence: { it: "Evidenze", en: "Evidence" },
  period: { it: "Periodo", en: "Period" },
  textAlternative: { it: "Descrizione testuale", en: "Text description" },
  row: { it: "riga", en: "row" },
  rows: { it: "righe", en: "rows" }
}

/**
 * A text to show: either the same in every language (a name, an id) or a
 * bilingual {@link Label.Text}.
 *
 * @category models
 * @since 0.1.0
 */
export type Str = string | Label.Text

/**
 * The text of `s` in `lang`.
 *
 * @example
 * ```ts
 * import * as assert from "node:assert"
 * import { Labels } from "@welfare/report"
 *
 * assert.strictEqual(Labels.text({ it: "Rete", en: "Network" }, "en"), "Network")
 * assert.strictEqual(Labels.text("Comune di Legnano", "en"), "Comune di Legnano")
 * ```
 *
 * @category getters
 * @since 0.1.0
 */
export const text = (s: Str, lang: Label.Lang): string =>
  typeof s === "string" ? s : typeof s?.[lang] === "string" ? s[lang] : ""

/**
 * One of the report's own strings in `lang`.
 *
 * @category getters
 * @since 0.1.0
 */
export const of = (key: Key, lang: Label.Lang): string => strings[key][lang]

/**
 * Formats a number for readers: the language's decimal separator and at most
 * `digits` decimals (Italian `0,62`, English `0.62`); a non-finite number is
 * "n.d." / "n/a".
 *
 * @example
 * ```ts
 * import * as assert from "node:assert"
 * import { Labels } from "@welfare/report"
 *
 * assert.strictEqual(Labels.formatNumber(0.625, "it"), "0,63")
 * assert.strictEqual(Labels.formatNumber(12500, "en"), "12,500")
 * ```
 *
 * @category formatting
 * @since 0.1.0
 */
export const formatNumber = (n: number, lang: Label.Lang, digits = 2): string =>
  Number.isFinite(n) ? numberFormat(lang, digits).format(Object.is(n, -0) ? 0 : n) : of("notAvailable", lang)

// Building an Intl.NumberFormat costs far more than formatting with it (a radar formats
// dozens of numbers): one formatter per language and number of digits (at most 2 x 21).
const numberFormats = new Map<string, Intl.NumberFormat>()
const numberFormat = (lang: Label.Lang, digits: number): Intl.NumberFormat => {
  const d = Math.max(0, Math.min(20, Math.trunc(digits)))
  const key = `${lang}:${d}`
  let f = numberFormats.get(key)
  if (f === undefined) {
    f = new Intl.NumberFormat(lang === "it" ? "it-IT" : "en-GB", {
      maximumFractionDigits: d,
      useGrouping: true
    })
    numberFormats.set(key, f)
  }
  return f
}

/**
 * Formats a share in `[0, 1]` (or beyond) as a percentage, "62 %" / "62%".
 *
 * @category formatting
 * @since 0.1.0
 */
export const formatPercent = (n: number, lang: Label.Lang): string =>
  Number.isFinite(n)
    ? `${formatNumber(Math.round(n * 100), lang, 0)}${lang === "it" ? " %" : "%"}`
    : of("notAvailable", lang)
