/**
 * The assessment of a territory as lines of text, in Italian or English: the
 * short summary `welfare report` prints before where the report was written,
 * and the explained assessment `welfare assess` prints. Persons never
 * appear: the analysis counts them and names no one.
 *
 * @since 0.1.0
 */
import {
  CoDesign,
  Derivation,
  Dimension,
  Indicator,
  type Label,
  Problem,
  Rubric,
  type Sensitivity,
  TerritoryAssessment
} from "@welfare/core"
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

const pct = (x: number) => `${Math.round(x * 100)}%`

const idx = (x: number | undefined, lang: Lang) =>
  x === undefined ? (lang === "it" ? "non calcolato" : "not computed") : n(x, lang)

const verdict = (v: Rubric.Verdict, lang: Lang) => Rubric.verdictLabels[v][lang]

const robustness = (s: Sensitivity.Sensitivity | undefined, lang: Lang): string => {
  if (s === undefined) return lang === "it" ? "sensibilità non calcolata" : "sensitivity not computed"
  const range =
    s.index.p05 === undefined || s.index.p95 === undefined
      ? ""
      : `, p05-p95 ${n(s.index.p05, lang)}-${n(s.index.p95, lang)}`
  return lang === "it"
    ? `${s.robust ? "robusto" : "fragile"} (stesso verdetto in ${pct(s.stability)} di ${s.draws} estrazioni${range})`
    : `${s.robust ? "robust" : "fragile"} (same verdict in ${pct(s.stability)} of ${s.draws} draws${range})`
}

const headline = (name: string, a: Analysis.TerritoryAnalysis, lang: Lang): string => {
  const p = a.profile
  const c = verdict(p.class, lang)
  return lang === "it"
    ? `${name}: ${c} (indice ${idx(p.index, lang)}; interventi ${idx(p.interventionIndex, lang)}, sistema ${n(p.systemIndex, lang)})`
    : `${name}: ${c} (index ${idx(p.index, lang)}; interventions ${idx(p.interventionIndex, lang)}, system ${n(p.systemIndex, lang)})`
}

/** The two readings side by side, and why the class is what it is. */
const readings = (a: Analysis.TerritoryAnalysis, lang: Lang): Array<string> => {
  const p = a.profile
  const it = lang === "it"
  return [
    it
      ? `  lettura degli interventi: ${idx(p.interventionIndex, lang)}, ${verdict(p.interventionClass, lang)} (copertura ${pct(p.coverage)}, profondità ${pct(p.depth)}; ${robustness(a.sensitivity, lang)})`
      : `  interventions' reading: ${idx(p.interventionIndex, lang)}, ${verdict(p.interventionClass, lang)} (coverage ${pct(p.coverage)}, depth ${pct(p.depth)}; ${robustness(a.sensitivity, lang)})`,
    it
      ? `  lettura di sistema: ${n(p.systemIndex, lang)}, ${verdict(p.systemClass, lang)} (la generatività è una dimensione del sistema: seme 003, riga 24)`
      : `  system reading: ${n(p.systemIndex, lang)}, ${verdict(p.systemClass, lang)} (generativity is a property of the system: seed 003, row 24)`,
    ...(p.capped
      ? [
          it
            ? "  classe limitata a «in transizione»: gli interventi si leggono generativi, la rete non ancora (invariante 6)"
            : '  class capped at "transitional": the interventions read as generative, the network not yet (invariant 6)'
        ]
      : []),
    ...(p.explanation === undefined ? [] : [`  ${p.explanation[lang]}`])
  ]
}

const classCounts = (a: Analysis.TerritoryAnalysis, lang: Lang): string =>
  [...Rubric.verdicts]
    .reverse()
    .map((c) => `${verdict(c, lang).toLowerCase()} ${a.interventions.filter((i) => i.class === c).length}`)
    .join(", ")

const recommendation = (r: Analysis.RecommendationReading, lang: Lang) =>
  `${r.change[lang]}: ${r.name ?? r.intervention} (${lang === "it" ? "priorità" : "priority"} ${r.priority}; +${n(r.gain, lang)} ${lang === "it" ? "indice" : "index"}, +${n(r.depthGain, lang)} ${lang === "it" ? "profondità" : "depth"}; ${Dimension.labels[r.dimension][lang]}; ${seed(r.whySource, lang)})`

/**
 * The short summary printed by `welfare report`: the territory's name,
 * verdict and index, the two readings side by side (with coverage, depth and
 * sensitivity), its interventions by verdict, the number of findings and the
 * first recommendation.
 *
 * @category formatting
 * @since 0.1.0
 */
export const summary = (name: string, a: Analysis.TerritoryAnalysis, lang: Lang): ReadonlyArray<string> => {
  const f = findings(a)
  const it = lang === "it"
  const first = a.recommendations[0]
  const contradictions = a.profile.contradictions.length
  return [
    headline(name, a, lang),
    ...readings(a, lang),
    it
      ? `  ${a.interventions.length} interventi: ${classCounts(a, lang)}`
      : `  ${a.interventions.length} interventions: ${classCounts(a, lang)}`,
    it
      ? `  criticità: ${f.coDesign + f.evaluation + contradictions} (co-progettazione ${f.coDesign}, valutazione ${f.evaluation}, fatti contraddetti dai registri ${contradictions})`
      : `  findings: ${f.coDesign + f.evaluation + contradictions} (co-design ${f.coDesign}, evaluation ${f.evaluation}, facts contradicted by the records ${contradictions})`,
    ...(first === undefined
      ? []
      : [`  ${it ? "prima raccomandazione" : "first recommendation"}: ${recommendation(first, lang)}`])
  ]
}

/**
 * The explained assessment printed by `welfare assess`: the verdict and
 * index, the interventions' and system readings side by side (coverage,
 * depth, sensitivity, why the class is capped), each dimension with its
 * position (or "not observed"), coverage and depth and the traits observed
 * (pole, weight, interventions, seed row), each intervention with its
 * verdict, index, coverage, depth, derived share and sensitivity, the facts
 * the records contradict, the system checks and the opportunities, the
 * checklists of seeds 001 and 004 (met, partly, not met, and what each
 * reads), the ladder of seed 002, the top recommendations and the findings.
 *
 * @category formatting
 * @since 0.1.0
 */
export const assessment = (
  name: string,
  a: Analysis.TerritoryAnalysis,
  lang: Lang
): ReadonlyArray<string> => {
  const it = lang === "it"
  return [
    headline(name, a, lang),
    ...readings(a, lang),
    `  ${a.profile.interventions.length} ${it ? "interventi valutati" : "interventions assessed"}`,
    ...dimensionLines(a, lang),
    ...interventionLines(a, lang),
    ...contradictionLines(a.profile, lang),
    ...systemLines(a.profile, lang),
    ...checklistLines(a.profile, lang),
    ...recommendationLines(a, lang),
    ...findingLines(a, lang),
    it
      ? "Pesi e soglie: scelte editoriali, non dei semi (welfare report, appendice)."
      : "Weights and thresholds: editorial choices, not the seeds' (welfare report, appendix)."
  ]
}

type Profile = Analysis.TerritoryAnalysis["profile"]

const mark = (s: TerritoryAssessment.Status) => (s === "met" ? "[x]" : s === "partly" ? "[~]" : "[ ]")

const count = (e: TerritoryAssessment.Count, lang: Lang) =>
  `${e.what[lang]}: ${e.count}${e.of === undefined ? "" : ` ${lang === "it" ? "su" : "of"} ${e.of}`}`

/** Each dimension with its position, coverage and depth, and the traits observed. */
const dimensionLines = (a: Analysis.TerritoryAnalysis, lang: Lang): Array<string> => {
  const p = a.profile
  const it = lang === "it"
  const weights = a.rubric.weights as { readonly [k: string]: number }
  return [
    it
      ? "Dimensioni (0 tradizionale, 1 generativo; copertura e profondità):"
      : "Dimensions (0 traditional, 1 generative; coverage and depth):",
    ...Dimension.values.flatMap((d) => {
      const x = p.dimensions[d]
      const position =
        x.position === undefined ? (it ? "non osservata" : "not observed") : n(x.position, lang)
      return [
        `  ${position.padEnd(4)}  ${Dimension.labels[d][lang]} (${it ? "copertura" : "coverage"} ${pct(x.coverage)}, ${it ? "profondità" : "depth"} ${pct(x.depth)})`,
        ...p.traits
          .filter((t) => t.dimension === d)
          .map(
            (t) =>
              `        ${t.pole === "generative" ? "+" : "-"} ${t.text[lang]} (${it ? "peso" : "weight"} ${weights[t.trait] ?? "?"}, ${t.interventions} ${it ? "interventi" : "interventions"}; ${seed(t.source, lang)})`
          )
      ]
    })
  ]
}

/** Each intervention, by index: verdict, index, coverage, depth, derived share and sensitivity. */
const interventionLines = (a: Analysis.TerritoryAnalysis, lang: Lang): Array<string> => {
  const it = lang === "it"
  return [
    it
      ? "Interventi (verdetto, indice, copertura, profondità, evidenze derivate dai registri, sensibilità):"
      : "Interventions (verdict, index, coverage, depth, evidence derived from the records, sensitivity):",
    ...[...a.interventions]
      .sort((x, y) => (y.index ?? -1) - (x.index ?? -1) || (x.id < y.id ? -1 : 1))
      .map(
        (i) =>
          `  ${verdict(i.class, lang).padEnd(22)} ${idx(i.index, lang).padEnd(4)} ${pct(i.coverage).padStart(4)} ${pct(i.depth).padStart(4)} ${pct(i.derivedShare).padStart(4)}  ${i.name ?? i.id}: ${robustness(i.sensitivity, lang)}${
            i.derived.length === 0
              ? ""
              : `; ${it ? "derivati" : "derived"} ${i.derived.map((x) => `${x.field} (${Derivation.ruleLabels[x.rule][lang].toLowerCase()})`).join(", ")}`
          }`
      )
  ]
}

/** The declared facts the records contradict. */
const contradictionLines = (p: Profile, lang: Lang): Array<string> => {
  const it = lang === "it"
  return [
    `${it ? "Fatti dichiarati contraddetti dai registri" : "Declared facts the records contradict"}: ${p.contradictions.length}`,
    ...p.contradictions.map(
      (c) =>
        `  ${c.severity}  ${c.intervention}.${c.field}: ${it ? "dichiarato" : "declared"} ${JSON.stringify(c.declared)}, ${it ? "dai registri" : "from the records"} ${JSON.stringify(c.derived)} (${Derivation.ruleLabels[c.rule][lang].toLowerCase()}; ${c.records.filter((r) => !r.startsWith("case-")).join(", ") || (it ? "percorsi di presa in carico" : "taking-charge paths")})`
    )
  ]
}

/** The graded system checks and the opportunities. */
const systemLines = (p: Profile, lang: Lang): Array<string> => {
  const it = lang === "it"
  const o = p.opportunities
  return [
    it ? "Verifiche di sistema (graduate):" : "System checks (graded):",
    ...p.system.map(
      (c) =>
        `  ${pct(c.value).padStart(4)}  ${c.text[lang]} (${seed(c.source, lang)}): ${c.evidence.map((e) => count(e, lang)).join("; ")}`
    ),
    it
      ? `  occasioni: ${o.count} organizzazioni su ${o.of ?? 0} in nessun partenariato generativo${o.examples.length > 0 ? ` (${o.examples.join(", ")}${o.count > o.examples.length ? ", ..." : ""})` : ""} (seme 004, riga 35)`
      : `  opportunities: ${o.count} organisations of ${o.of ?? 0} in no generative partnership${o.examples.length > 0 ? ` (${o.examples.join(", ")}${o.count > o.examples.length ? ", ..." : ""})` : ""} (seed 004, row 35)`
  ]
}

/** The checklists of seeds 001 and 004 and the ladder of seed 002. */
const checklistLines = (p: Profile, lang: Lang): Array<string> => {
  const it = lang === "it"
  const checklist = (c: TerritoryAssessment.Checklist) =>
    c.items.map(
      (i) =>
        `  ${mark(i.status)} ${pct(i.value).padStart(4)} ${i.text[lang]} (${seed(i.source, lang)}): ${it ? "legge" : "reads"} ${i.reads[lang].charAt(0).toLowerCase()}${i.reads[lang].slice(1)}; ${i.evidence.map((e) => count(e, lang)).join("; ")}`
    )
  const met = (c: TerritoryAssessment.Checklist) =>
    `${c.met}/${c.items.length}${c.partly > 0 ? ` (${it ? "in parte" : "partly"} ${c.partly})` : ""}`
  return [
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
    ...p.ladder.rungs.map((r) => `  ${r.evidence.count}  ${r.text[lang]}`)
  ]
}

const recommendationLines = (a: Analysis.TerritoryAnalysis, lang: Lang): Array<string> => {
  const it = lang === "it"
  return [
    it
      ? "Raccomandazioni principali (per le priorità dei semi):"
      : "Top recommendations (by the seeds' priorities):",
    ...(a.recommendations.length === 0
      ? [it ? "  nessuna" : "  none"]
      : a.recommendations.map((r, i) => `  ${i + 1}. ${recommendation(r, lang)}`))
  ]
}

/** The findings of the co-design audits and of the evaluation rounds. */
const findingLines = (a: Analysis.TerritoryAnalysis, lang: Lang): Array<string> => {
  const f = findings(a)
  return [
    `${lang === "it" ? "Criticità" : "Findings"}: ${f.coDesign + f.evaluation}`,
    ...a.coDesigns.flatMap((c) =>
      c.findings.map(
        (x) =>
          `  ${Problem.severityLabels[x.severity][lang]}  ${c.title}: ${CoDesign.ruleLabels[x.code][lang]} (${seed(x.seed, lang)})`
      )
    ),
    ...a.accountability.flatMap((r) =>
      r.findings.map(
        (x) =>
          `  ${Problem.severityLabels[x.severity][lang]}  ${period(r.period)}: ${Indicator.findingCodeLabels[x.code][lang]} (${sourceText(x.source, lang)})`
      )
    )
  ]
}
