// The territory report's section: summary (see TerritoryReport.ts).
import { Dimension, type TerritoryAssessment } from "@welfare/core"
import type * as Analysis from "../../Analysis.js"
import * as From from "../../From.js"
import { of, type Str, text } from "../../Labels.js"
import type { Block, Section } from "../../Report.js"
import type { TerritoryReportInput } from "../../TerritoryReport.js"
import { percent } from "../../View.js"
import {
  both,
  indexCell,
  isTerritoryProfile,
  type Names,
  num,
  numOr,
  pct,
  seedRef,
  sensitivityText,
  t,
  table,
  verdictText
} from "./shared.js"

export const summarySection = (
  input: TerritoryReportInput,
  profile: From.ProfileLike | undefined,
  a: Analysis.TerritoryAnalysis | undefined,
  names: Names
): Section | undefined => {
  if (profile === undefined) return undefined
  const blocks: Array<Block> = []
  const tp = isTerritoryProfile(profile) ? profile : undefined
  blocks.push({
    kind: "paragraph",
    text: t(
      "Questo rapporto colloca il territorio sulle sette dimensioni del welfare generativo (seme 000): 0 è il polo tradizionale, 1 il polo generativo. Ogni posizione è spiegata con i tratti osservati negli interventi, con le parole dei semi e la riga da cui vengono. Accanto a ogni punteggio c'è la sua copertura (quanta parte delle evidenze possibili è registrata): una dimensione senza evidenze è «non osservata», mai un numero, e con poca copertura il verdetto è «evidenze insufficienti».",
      'This report places the territory on the seven dimensions of generative welfare (seed 000): 0 is the traditional pole, 1 the generative pole. Every position is explained by the traits observed in the interventions, in the seeds\' own words and with the row they come from. Beside every score is its coverage (how much of the possible evidence is recorded): a dimension without evidence is "not observed", never a number, and with little coverage the verdict is "insufficient evidence".'
    )
  })
  blocks.push(keyFacts(profile, a, tp))
  if (tp !== undefined) readingsBlocks(blocks, tp, a)
  blocks.push({
    kind: "radar",
    data: From.profile(profile, input.profileName ?? input.territory.name)
  })
  if (Dimension.values.some((d) => profile.dimensions[d]?.position === undefined))
    blocks.push({
      kind: "paragraph",
      text: both((l) =>
        l === "it"
          ? `Dimensioni non osservate (fuori dal grafico e dall'indice, non 0,5): ${Dimension.values
              .filter((d) => profile.dimensions[d]?.position === undefined)
              .map((d) => Dimension.labels[d].it)
              .join(", ")}.`
          : `Dimensions not observed (left out of the chart and of the index, not 0.5): ${Dimension.values
              .filter((d) => profile.dimensions[d]?.position === undefined)
              .map((d) => Dimension.labels[d].en)
              .join(", ")}.`
      )
    })
  const first = a?.recommendations[0]
  if (first !== undefined)
    blocks.push({
      kind: "paragraph",
      text: both((l) =>
        l === "it"
          ? `Il primo passo raccomandato, per le priorità dei semi: «${first.change.it}» per ${text(names.intervention(first.intervention), l)} (+${num(first.gain, l)} sul suo indice, +${num(first.depthGain, l)} sulla profondità; ${seedRef(first.whySource).it}). Le altre raccomandazioni sono nella sezione sugli interventi.`
          : `The first recommended step, by the seeds' priorities: "${first.change.en}" for ${text(names.intervention(first.intervention), l)} (+${num(first.gain, l)} on its index, +${num(first.depthGain, l)} on depth; ${seedRef(first.whySource).en}). The other recommendations are in the section on interventions.`
      )
    })
  return { id: "summary", title: t("In breve", "At a glance"), blocks }
}

/** The verdict, index, coverage, depth, interventions assessed and findings, as key facts. */
const keyFacts = (
  profile: From.ProfileLike,
  a: Analysis.TerritoryAnalysis | undefined,
  tp: TerritoryAssessment.TerritoryProfile | undefined
): Block => {
  const findings =
    a === undefined
      ? undefined
      : a.coDesigns.reduce((n, p) => n + p.findings.length, 0) +
        a.accountability.reduce((n, r) => n + r.findings.length, 0) +
        (tp?.contradictions.length ?? 0)
  return {
    kind: "facts",
    items: [
      { label: t("Verdetto", "Verdict"), value: verdictText(profile.class) },
      { label: both((l) => of("overallIndex", l)), value: indexCell(profile.index) },
      ...(profile.coverage === undefined
        ? []
        : [{ label: t("Copertura delle evidenze", "Evidence coverage"), value: percent(profile.coverage) }]),
      ...(profile.depth === undefined
        ? []
        : [{ label: t("Profondità generativa", "Generative depth"), value: percent(profile.depth) }]),
      ...(tp === undefined
        ? []
        : [{ label: t("Interventi valutati", "Interventions assessed"), value: tp.interventions.length }]),
      ...(findings === undefined ? [] : [{ label: t("Criticità rilevate", "Findings"), value: findings }])
    ]
  }
}

/** The interventions' reading and the system reading side by side, and how they make the verdict. */
const readingsBlocks = (
  blocks: Array<Block>,
  tp: TerritoryAssessment.TerritoryProfile,
  a: Analysis.TerritoryAnalysis | undefined
): void => {
  blocks.push({
    kind: "heading",
    text: t("Le due letture, fianco a fianco", "The two readings, side by side")
  })
  blocks.push({
    kind: "table",
    table: table(
      t("Lettura degli interventi e lettura di sistema", "The interventions' reading and the system reading"),
      [
        t("Lettura", "Reading"),
        t("Indice", "Index"),
        t("Verdetto", "Verdict"),
        t("Copertura", "Coverage"),
        t("Profondità", "Depth"),
        t("Sensibilità alle scelte editoriali", "Sensitivity to the editorial choices")
      ],
      [
        {
          header: t("Lettura degli interventi (seme 000)", "Interventions' reading (seed 000)"),
          cells: [
            indexCell(tp.interventionIndex),
            verdictText(tp.interventionClass),
            percent(tp.coverage),
            percent(tp.depth),
            sensitivityText(a?.sensitivity)
          ]
        },
        {
          header: t("Lettura di sistema (seme 003, riga 24)", "System reading (seed 003, row 24)"),
          cells: [tp.systemIndex, verdictText(tp.systemClass), "—", "—", "—"]
        },
        {
          header: t("Territorio", "Territory"),
          cells: [indexCell(tp.index), verdictText(tp.class), "—", "—", "—"]
        }
      ]
    )
  })
  blocks.push({
    kind: "paragraph",
    text: both((l) => {
      const c = text(verdictText(tp.class), l).toLowerCase()
      const ic = text(verdictText(tp.interventionClass), l).toLowerCase()
      const sc = text(verdictText(tp.systemClass), l).toLowerCase()
      const base =
        l === "it"
          ? `Il verdetto del territorio è «${c}». La lettura degli interventi (${numOr(tp.interventionIndex, l)}, «${ic}», copertura ${pct(tp.coverage, l)}, profondità ${pct(tp.depth, l)}) e la lettura di sistema (${num(tp.systemIndex, l)}, «${sc}») restano entrambe visibili: nessuna cancella l'altra. Il verdetto è quello degli interventi, ma la classe generativa richiede che anche il sistema lo sia: «la generatività è una dimensione del sistema e non l'esito del singolo intervento» (seme 003, riga 24; invariante 6). L'indice del territorio è la media delle due letture (scelta editoriale).`
          : `The territory's verdict is "${c}". The interventions' reading (${numOr(tp.interventionIndex, l)}, "${ic}", coverage ${pct(tp.coverage, l)}, depth ${pct(tp.depth, l)}) and the system reading (${num(tp.systemIndex, l)}, "${sc}") both stay visible: neither erases the other. The verdict is the interventions', but the generative class needs the system to be generative too: generativity is a property of the system, not the outcome of a single intervention (seed 003, row 24; invariant 6). The territory's index is the mean of the two readings (an editorial choice).`
      const capped = tp.capped
        ? l === "it"
          ? ` Qui gli interventi si leggono generativi ma la rete no: la classe è limitata a «in transizione».`
          : ` Here the interventions read as generative but the network does not: the class is capped at "transitional".`
        : tp.class === "insufficient-evidence"
          ? l === "it"
            ? ` Le evidenze registrate sugli interventi sono troppo poche per dare una classe: servono più fatti o più registrazioni.`
            : ` The evidence recorded on the interventions is too little to give a class: more facts or more records are needed.`
          : ""
      return base + capped
    })
  })
  if (tp.explanation !== undefined) blocks.push({ kind: "paragraph", text: tp.explanation })
}

export const comparisonBlocks = (input: TerritoryReportInput): Array<Block> => {
  if (input.comparison === undefined) return []
  const c = input.comparison.comparison
  const [a, b] = input.comparison.names
  return [
    {
      kind: "paragraph",
      text: both((l) => {
        const name = (s: Str) => (typeof s === "string" ? s : s[l])
        return l === "it"
          ? `Indice complessivo da ${numOr(c.index.from, l)} (${name(a)}) a ${numOr(c.index.to, l)} (${name(b)}); verdetto da «${From.classLabel(c.class.from).it}» a «${From.classLabel(c.class.to).it}».`
          : `Overall index from ${numOr(c.index.from, l)} (${name(a)}) to ${numOr(c.index.to, l)} (${name(b)}); verdict from "${From.classLabel(c.class.from).en}" to "${From.classLabel(c.class.to).en}".`
      })
    },
    { kind: "radar", data: From.comparison(c, input.comparison.names) }
  ]
}
