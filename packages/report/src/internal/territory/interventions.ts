// The territory report's section: interventions (see TerritoryReport.ts).
import { Actor, Derivation, Dimension, Rubric } from "@welfare/core"
import type * as Analysis from "../../Analysis.js"
import { of, text } from "../../Labels.js"
import type { Block, Section } from "../../Report.js"
import { percent } from "../../View.js"
import {
  both,
  indexCell,
  type Names,
  pct,
  recordsText,
  sensitivityText,
  signed,
  t,
  table,
  verdictText
} from "./shared.js"

export const interventionsSection = (a: Analysis.TerritoryAnalysis, names: Names): Section => {
  const byVerdict = Rubric.verdicts.map((c) => a.interventions.filter((i) => i.class === c).length)
  const ev = a.rubric.evidence
  const blocks: Array<Block> = [
    {
      kind: "paragraph",
      text: both((l) =>
        l === "it"
          ? `${a.interventions.length} interventi valutati: ${Rubric.verdicts.map((c, i) => `${byVerdict[i]} «${Rubric.verdictLabels[c].it.toLowerCase()}»`).join(", ")}. Ciascuno è letto sui fatti che i registri del territorio mostrano (derivati) e su quelli dichiarati. Una classe si dà solo con copertura di almeno ${pct(ev.minCoverage, l)} su almeno ${ev.minDimensions} dimensioni; la classe generativa richiede anche profondità di almeno ${pct(ev.minDepth, l)} (soglie editoriali, vedi l'appendice).`
          : `${a.interventions.length} interventions assessed: ${Rubric.verdicts.map((c, i) => `${byVerdict[i]} "${Rubric.verdictLabels[c].en.toLowerCase()}"`).join(", ")}. Each is read on the facts the territory's records show (derived) and on the declared ones. A class is given only with coverage of at least ${pct(ev.minCoverage, l)} over at least ${ev.minDimensions} dimensions; the generative class also needs depth of at least ${pct(ev.minDepth, l)} (editorial thresholds, see the appendix).`
      )
    },
    {
      kind: "table",
      table: table(
        t(
          "Verdetto, indice, copertura e sensibilità di ogni intervento",
          "Verdict, index, coverage and sensitivity of each intervention"
        ),
        [
          t("Intervento", "Intervention"),
          t("Verdetto", "Verdict"),
          both((l) => of("overallIndex", l)),
          t("Copertura", "Coverage"),
          t("Profondità", "Depth"),
          t("Evidenze derivate dai registri", "Evidence derived from records"),
          t("Sensibilità", "Sensitivity")
        ],
        [...a.interventions]
          .sort((x, y) => (y.index ?? -1) - (x.index ?? -1) || (x.id < y.id ? -1 : 1))
          .map((i) => ({
            header: names.intervention(i.id),
            cells: [
              verdictText(i.class),
              indexCell(i.index),
              percent(i.coverage),
              percent(i.depth),
              percent(i.derivedShare),
              sensitivityText(i.sensitivity)
            ]
          }))
      )
    }
  ]
  provenanceBlocks(blocks, a, names)
  if (a.recommendations.length > 0) recommendationBlocks(blocks, a, names)
  return { id: "interventions", title: t("Gli interventi", "The interventions"), blocks }
}

/** Where each intervention's facts come from: derived from the records (rule and records) or declared. */
const provenanceBlocks = (blocks: Array<Block>, a: Analysis.TerritoryAnalysis, names: Names): void => {
  const provenanceRows = a.interventions.map((i) => ({
    header: names.intervention(i.id),
    cells: [
      i.derived.length === 0
        ? "—"
        : both((l) =>
            i.derived
              .map(
                (d) =>
                  `${d.field} (${text(Derivation.ruleLabels[d.rule], l).toLowerCase()}: ${text(recordsText(d.records, names), l)})`
              )
              .join("; ")
          ),
      i.declared.length === 0 ? "—" : i.declared.join(", ")
    ]
  }))
  blocks.push({ kind: "heading", text: t("Da dove vengono i fatti", "Where the facts come from") })
  blocks.push({
    kind: "paragraph",
    text: t(
      "Un fatto derivato è letto dai registri del territorio (esigenze, co-progettazioni, percorsi di presa in carico, partenariati), con gli identificativi dei record; un fatto dichiarato è scritto da chi descrive l'intervento. Dove i due non coincidono vale il registro, e la differenza è una criticità.",
      "A derived fact is read from the territory's records (requirements, co-designs, taking-charge paths, partnerships), with the ids of the records; a declared fact is written by whoever describes the intervention. Where the two differ the records win, and the difference is a finding."
    )
  })
  blocks.push({
    kind: "table",
    table: table(
      t("Provenienza dei fatti di ogni intervento", "Provenance of each intervention's facts"),
      [
        t("Intervento", "Intervention"),
        t("Derivati (regola: record)", "Derived (rule: records)"),
        t("Dichiarati", "Declared")
      ],
      provenanceRows
    )
  })
}

/** The top recommendations, with their priority, gain, who could act and why. */
const recommendationBlocks = (blocks: Array<Block>, a: Analysis.TerritoryAnalysis, names: Names): void => {
  blocks.push({ kind: "heading", text: t("Raccomandazioni", "Recommendations") })
  blocks.push({
    kind: "paragraph",
    text: t(
      "I tratti generativi che mancano agli interventi meno generativi, ordinati prima per le priorità dei semi (co-progettazione con i destinatari, risorse dei cittadini e della comunità, percorso di responsabilità: priorità 1) e poi per il guadagno di indice e di profondità; con chi potrebbe agire e perché.",
      "The generative traits the least generative interventions miss, ranked first by the seeds' priorities (co-design with the recipients, the citizens' and the community's resources, the path of responsibility: priority 1) and then by the gain of index and depth; with who could act and why."
    )
  })
  blocks.push({
    kind: "table",
    table: table(
      t("Le raccomandazioni principali", "The top recommendations"),
      [
        t("Intervento", "Intervention"),
        t("Cambiamento", "Change"),
        both((l) => of("dimension", l)),
        t("Priorità", "Priority"),
        t("Guadagno (indice; profondità)", "Gain (index; depth)"),
        t("Chi può agire", "Who could act"),
        t("Perché", "Why")
      ],
      a.recommendations.map((r, i) => ({
        header: both((l) => `${i + 1}. ${text(names.intervention(r.intervention), l)}`),
        cells: [
          r.change,
          Dimension.labels[r.dimension],
          r.priority,
          both((l) => `${signed(r.gain, l)}; ${signed(r.depthGain, l)}`),
          r.actors.length === 0
            ? "—"
            : both((l) => [...new Set(r.actors.map((k) => Actor.kindLabels[k][l]))].join(", ")),
          r.why
        ]
      }))
    )
  })
}
