/**
 * The assessment of a territory as lines of text, in Italian or English: the
 * short summary `welfare report` prints before where the report was written,
 * and the explained assessment `welfare assess` prints. Persons never
 * appear: the analysis counts them and names no one.
 *
 * @since 0.1.0
 */
import { CoDesign, Dimension, Indicator, type Label, Rubric, TerritoryAssessment } from "@welfare/core"
import type { Analysis } from "@welfare/report"

type Lang = Label.Lang

const n = (x: number, lang: Lang) => {
  const s = x.toFixed(2)
  return lang === "it" ? s.replace(".", ",") : s
}

const seed = (source: { readonly file: string; readonly row: number }, lang: Lang) =>
  lang === "it"
    ? `seme ${source.file.slice(0, 3)}, riga ${source.row}`
    : `seed ${source.file.slice(0, 3)}, row ${source.row}`

const sourceText = (source: string, lang: Lang) =>
  lang === "it"
    ? source
        .replace(/\bseed\b/g, "seme")
        .replace(/\brows\b/g, "righe")
        .replace(/\brow\b/g, "riga")
    : source

const period = (p: { readonly start: string; readonly end: string }) =>
  /^\d{4}-01-01$/.test(p.start) && p.end === `${p.start.slice(0, 4)}-12-31`
    ? p.start.slice(0, 4)
    : `${p.start}/${p.end}`

/**
 * The number of findings of an analysis: the co-design audits' and the
 * evaluation rounds'.
 *
 * @category getters
 * @since 0.1.0
 */
export const findings = (
  a: Analysis.TerritoryAnalysis
): { readonly coDesign: number; readonly evaluation: number } => ({
  coDesign: a.coDesigns.reduce((k, p) => k + p.findings.length, 0),
  evaluation: a.accountability.reduce((k, r) => k + r.findings.length, 0)
})

const headline = (name: string, a: Analysis.TerritoryAnalysis, lang: Lang): string => {
  const p = a.profile
  const c = Rubric.classLabels[p.class][lang]
  return lang === "it"
    ? `${name}: ${c} (indice ${n(p.index, lang)}; interventi ${n(p.interventionIndex, lang)}, sistema ${n(p.systemIndex, lang)})`
    : `${name}: ${c} (index ${n(p.index, lang)}; interventions ${n(p.interventionIndex, lang)}, system ${n(p.systemIndex, lang)})`
}

const classCounts = (a: Analysis.TerritoryAnalysis, lang: Lang): string =>
  [...Rubric.classes]
    .reverse()
    .map(
      (c) =>
        `${Rubric.classLabels[c][lang].toLowerCase()} ${a.interventions.filter((i) => i.class === c).length}`
    )
    .join(", ")

const recommendation = (r: Analysis.RecommendationReading, lang: Lang) =>
  `${r.change[lang]}: ${r.name ?? r.intervention} (+${n(r.gain, lang)}; ${Dimension.labels[r.dimension][lang]}; ${seed(r.source, lang)})`

/**
 * The short summary printed by `welfare report`: the territory's name, class
 * and index, whether its network is connected across sectors, its
 * interventions by class, the number of findings and the first
 * recommendation.
 *
 * @category formatting
 * @since 0.1.0
 */
export const summary = (name: string, a: Analysis.TerritoryAnalysis, lang: Lang): ReadonlyArray<string> => {
  const f = findings(a)
  const it = lang === "it"
  const first = a.recommendations[0]
  return [
    headline(name, a, lang),
    it
      ? `  rete connessa tra settori: ${a.profile.connectedCrossSector ? "sì" : "no"} (invariante 6); ${a.interventions.length} interventi: ${classCounts(a, lang)}`
      : `  network connected across sectors: ${a.profile.connectedCrossSector ? "yes" : "no"} (invariant 6); ${a.interventions.length} interventions: ${classCounts(a, lang)}`,
    it
      ? `  criticità: ${f.coDesign + f.evaluation} (co-progettazione ${f.coDesign}, valutazione ${f.evaluation})`
      : `  findings: ${f.coDesign + f.evaluation} (co-design ${f.coDesign}, evaluation ${f.evaluation})`,
    ...(first === undefined
      ? []
      : [`  ${it ? "prima raccomandazione" : "first recommendation"}: ${recommendation(first, lang)}`])
  ]
}

/**
 * The explained assessment printed by `welfare assess`: the class and index
 * with the reason, each dimension with the traits observed (pole, weight,
 * interventions, seed row), each intervention with its class, the system
 * checks, the checklists of seeds 001 and 004, the ladder of seed 002, the
 * top recommendations and the findings.
 *
 * @category formatting
 * @since 0.1.0
 */
export const assessment = (
  name: string,
  a: Analysis.TerritoryAnalysis,
  lang: Lang
): ReadonlyArray<string> => {
  const p = a.profile
  const it = lang === "it"
  const weights = Rubric.defaultRubric.weights as { readonly [k: string]: number }
  const mark = (met: boolean) => (met ? "[x]" : "[ ]")
  const count = (e: TerritoryAssessment.Count) =>
    e.what.en.startsWith("Partnership network connected across sectors")
      ? `${e.what[lang].replace(/ \(.*\)$/, "")}: ${e.count > 0 ? (it ? "sì" : "yes") : "no"}`
      : `${e.what[lang]}: ${e.count}`
  const checklist = (c: TerritoryAssessment.Checklist) =>
    c.items.map(
      (i) => `  ${mark(i.met)} ${i.text[lang]} (${seed(i.source, lang)}): ${i.evidence.map(count).join("; ")}`
    )
  const met = (c: TerritoryAssessment.Checklist) => `${c.items.filter((i) => i.met).length}/${c.items.length}`
  const f = findings(a)
  return [
    headline(name, a, lang),
    it
      ? "  l'indice è il minore tra le due letture: la generatività è una proprietà del sistema (seme 003, riga 24)"
      : "  the index is the smaller of the two readings: generativity is a property of the system (seed 003, row 24)",
    it
      ? `  rete dei partenariati connessa tra settori: ${p.connectedCrossSector ? "sì" : "no"} (invariante 6)${p.capped ? "; classe limitata a «in transizione»" : ""}`
      : `  partnership network connected across sectors: ${p.connectedCrossSector ? "yes" : "no"} (invariant 6)${p.capped ? '; class capped at "transitional"' : ""}`,
    `  ${p.interventions.length} ${it ? "interventi valutati" : "interventions assessed"}`,
    it ? "Dimensioni (0 tradizionale, 1 generativo):" : "Dimensions (0 traditional, 1 generative):",
    ...Dimension.values.flatMap((d) => [
      `  ${n(p.dimensions[d].position, lang)}  ${Dimension.labels[d][lang]}`,
      ...p.traits
        .filter((x) => x.dimension === d)
        .map(
          (x) =>
            `        ${x.pole === "generative" ? "+" : "-"} ${x.text[lang]} (${it ? "peso" : "weight"} ${weights[x.trait] ?? "?"}, ${x.interventions} ${it ? "interventi" : "interventions"}; ${seed(x.source, lang)})`
        )
    ]),
    it ? "Interventi:" : "Interventions:",
    ...[...a.interventions]
      .sort((x, y) => y.index - x.index)
      .map((i) => `  ${n(i.index, lang)}  ${Rubric.classLabels[i.class][lang].padEnd(14)} ${i.name ?? i.id}`),
    it ? "Verifiche di sistema:" : "System checks:",
    ...p.system.map((c) => `  ${n(c.value, lang)}  ${c.text[lang]} (${seed(c.source, lang)})`),
    `${it ? "Le sette mosse del welfare responsabile (seme 001)" : "The seven moves of responsible welfare (seed 001)"}: ${met(p.moves)}`,
    ...checklist(p.moves),
    `${it ? "Le sette caratteristiche del welfare generativo (seme 004)" : "The seven characteristics of generative welfare (seed 004)"}: ${met(p.characteristics)}`,
    ...checklist(p.characteristics),
    `${it ? "La scala del welfare di comunità (seme 002, riga 13)" : "The ladder of community welfare (seed 002, row 13)"}: ${
      p.ladder.reached === undefined
        ? it
          ? "nessun gradino"
          : "no rung"
        : TerritoryAssessment.communityFormLabels[p.ladder.reached][lang]
    }`,
    ...p.ladder.rungs.map((r) => `  ${r.evidence.count}  ${r.text[lang]}`),
    it ? "Raccomandazioni principali:" : "Top recommendations:",
    ...(a.recommendations.length === 0
      ? [it ? "  nessuna" : "  none"]
      : a.recommendations.map((r, i) => `  ${i + 1}. ${recommendation(r, lang)}`)),
    `${it ? "Criticità" : "Findings"}: ${f.coDesign + f.evaluation}`,
    ...a.coDesigns.flatMap((c) =>
      c.findings.map(
        (x) =>
          `  ${CoDesign.severityLabels[x.severity][lang]}  ${c.title}: ${CoDesign.ruleLabels[x.rule][lang]} (${seed(x.source, lang)})`
      )
    ),
    ...a.accountability.flatMap((r) =>
      r.findings.map(
        (x) =>
          `  ${Indicator.severityLabels[x.severity][lang]}  ${period(r.period)}: ${Indicator.findingCodeLabels[x.code][lang]} (${sourceText(x.source, lang)})`
      )
    )
  ]
}
