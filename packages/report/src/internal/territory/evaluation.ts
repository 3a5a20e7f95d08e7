// The territory report's section: evaluation (see TerritoryReport.ts).
import { Indicator, Partnership, Problem, Progress } from "@welfare/core"
import type * as Analysis from "../../Analysis.js"
import * as From from "../../From.js"
import { of, type Str, text } from "../../Labels.js"
import type { Block, Section } from "../../Report.js"
import type { TerritoryReportInput } from "../../TerritoryReport.js"
import { percent } from "../../View.js"
import { figureIds } from "../figures.js"
import {
  both,
  list,
  type Names,
  periodText,
  personCount,
  resourcesText,
  sectorText,
  sourceText,
  type Text,
  t,
  table
} from "./shared.js"

export const evaluationSection = (
  input: TerritoryReportInput,
  a: Analysis.TerritoryAnalysis | undefined,
  names: Names
): Section | undefined => {
  const blocks: Array<Block> = []
  const progress = input.progress ?? a?.progress
  const summary = input.summary ?? a?.summary
  const labelOf = (id: string) => names.indicator(id)
  const statusOf = (s: string): Str => (Progress.statusLabels as { readonly [k: string]: Text })[s] ?? s
  if (progress !== undefined && progress.length > 0) progressBlocks(blocks, progress, labelOf, statusOf)
  const rounds = a?.accountability ?? []
  if (rounds.length > 0) {
    roundBlocks(blocks, a, rounds, names)
    if (rounds[0]!.signatories.length > 0) pactBlocks(blocks, rounds, names, labelOf, statusOf)
  }
  if (summary !== undefined) summaryBlock(blocks, summary, names, labelOf)
  if (blocks.length === 0) return undefined
  return { id: "evaluation", title: both((l) => of("evaluation", l)), blocks }
}

type Rounds = ReadonlyArray<Analysis.TerritoryAnalysis["accountability"][number]>

/** The progress bars and table, by indicator and period. */
const progressBlocks = (
  blocks: Array<Block>,
  progress: NonNullable<TerritoryReportInput["progress"]>,
  labelOf: (id: string) => Str,
  statusOf: (s: string) => Str
): void => {
  blocks.push({
    kind: "paragraph",
    text: t(
      "Ogni barra va dal valore di partenza (0 %) al traguardo (100 %) dell'ultimo periodo misurato; oltre il 100 % il traguardo è superato.",
      "Each bar runs from the baseline (0%) to the target (100%) of the latest period measured; beyond 100% the target is exceeded."
    )
  })
  blocks.push({ kind: "progress", data: From.progress(progress, { labelOf, statusOf }) })
  blocks.push({
    kind: "table",
    table: table(
      t("Avanzamento per indicatore e periodo", "Progress by indicator and period"),
      [
        both((l) => of("indicator", l)),
        both((l) => of("period", l)),
        both((l) => of("progress", l)),
        t("Stato", "Status")
      ],
      progress.flatMap((p) =>
        p.periods.map((x) => ({
          header: labelOf(p.indicator),
          cells: [periodText(x.period), x.share === undefined ? null : percent(x.share), statusOf(x.status)]
        }))
      )
    )
  })
}

/** The evaluation rounds: who evaluated each, and the findings of each. */
const roundBlocks = (
  blocks: Array<Block>,
  a: Analysis.TerritoryAnalysis | undefined,
  rounds: Rounds,
  names: Names
): void => {
  blocks.push({ kind: "heading", text: t("Le tornate di valutazione", "The evaluation rounds") })
  blocks.push({
    kind: "paragraph",
    text: t(
      "Una valutazione condivisa coinvolge soggetti di più settori e i destinatari finali (seme 001, righe 35-37; seme 003, riga 53).",
      "A shared evaluation involves actors of several sectors and the final recipients (seed 001, rows 35-37; seed 003, row 53)."
    )
  })
  blocks.push({
    kind: "table",
    table: table(
      t("Chi ha valutato", "Who evaluated"),
      [
        t("Tornata", "Round"),
        t("Valutatori", "Evaluators"),
        t("Settori", "Sectors"),
        t("Destinatari finali", "Final recipients"),
        t("Criticità", "Findings")
      ],
      rounds.map((r, i) => ({
        header: periodText(r.period),
        cells: [
          list(r.evaluators.actors.map(names.actor)),
          list(r.evaluators.sectors.map(sectorText)),
          personCount(a, figureIds.finalRecipients(i), r.evaluators.finalRecipients),
          r.findings.length
        ]
      }))
    )
  })
  const findings = rounds.flatMap((r) => r.findings.map((f) => ({ r, f })))
  if (findings.length > 0)
    blocks.push({
      kind: "table",
      table: table(
        t("Criticità delle tornate", "Round findings"),
        [t("Criticità", "Finding"), t("Gravità", "Severity"), t("Tornata", "Round"), t("Fonte", "Source")],
        findings.map(({ r, f }) => ({
          header: Indicator.findingCodeLabels[f.code],
          cells: [Problem.severityLabels[f.severity], periodText(r.period), sourceText(f.source)]
        }))
      )
    })
}

/** The Solidarity Pact: each signatory's commitments, then its accounts round by round. */
const pactBlocks = (
  blocks: Array<Block>,
  rounds: Rounds,
  names: Names,
  labelOf: (id: string) => Str,
  statusOf: (s: string) => Str
): void => {
  const signatories = rounds[0]!.signatories
  blocks.push({
    kind: "heading",
    text: t("Il Patto di solidarietà: impegni e rendiconto", "The Solidarity Pact: commitments and accounts")
  })
  blocks.push({
    kind: "paragraph",
    text: t(
      "Per ogni firmatario del Patto: le risorse e le responsabilità che ha preso, i progetti della Carta che sostiene, e ciò che ha rendicontato in ogni tornata (misurazioni registrate e stato degli indicatori di cui risponde).",
      "For each signatory of the Pact: the resources and responsibilities it took on, the Charter's projects it supports, and what it accounted for in each round (measurements recorded and the status of the indicators it answers for)."
    )
  })
  blocks.push({
    kind: "table",
    collapsed: false,
    table: table(
      t("Gli impegni dei firmatari", "The signatories' commitments"),
      [
        t("Firmatario", "Signatory"),
        t("Risorse impegnate", "Resources committed"),
        t("Responsabilità", "Responsibilities"),
        t("Progetti sostenuti", "Projects supported")
      ],
      signatories.map((s) => ({
        header: names.actor(s.actor),
        cells: [
          resourcesText(s.committed.resources),
          list(s.committed.responsibilities.map((x) => Partnership.responsibilityLabels[x])),
          s.committed.projects.length
        ]
      }))
    )
  })
  accountsBlocks(blocks, rounds, names, labelOf, statusOf)
}

/**
 * The signatories' accounts, round by round (measurements recorded, and the
 * indicators each answers for in the latest round); the silent ones counted.
 */
const accountsBlocks = (
  blocks: Array<Block>,
  rounds: Rounds,
  names: Names,
  labelOf: (id: string) => Str,
  statusOf: (s: string) => Str
): void => {
  const signatories = rounds[0]!.signatories
  const roundName = (r: (typeof rounds)[number]) => periodText(r.period)
  const latest = rounds[rounds.length - 1]!
  const accountable = signatories.filter(
    (s) =>
      rounds.some((r) => (r.signatories.find((x) => x.actor === s.actor)?.delivered.measurements ?? 0) > 0) ||
      (latest.signatories.find((x) => x.actor === s.actor)?.responsibleFor.length ?? 0) > 0
  )
  const silent = signatories.length - accountable.length
  blocks.push({
    kind: "table",
    table: table(
      t("Il rendiconto dei firmatari", "The signatories' accounts"),
      [
        t("Firmatario", "Signatory"),
        ...rounds.map((r) => both((l) => `${l === "it" ? "Misurazioni" : "Measurements"} ${roundName(r)}`)),
        both((l) =>
          l === "it"
            ? `Indicatori di cui risponde (${roundName(latest)})`
            : `Indicators it answers for (${roundName(latest)})`
        )
      ],
      accountable.map((s) => {
        const last = latest.signatories.find((x) => x.actor === s.actor)
        return {
          header: names.actor(s.actor),
          cells: [
            ...rounds.map((r) => r.signatories.find((x) => x.actor === s.actor)?.delivered.measurements ?? 0),
            last === undefined || last.responsibleFor.length === 0
              ? "—"
              : both((l) =>
                  last.responsibleFor
                    .map((x) => {
                      const ind = r0Indicator(rounds, x.assignment)
                      return `${ind === undefined ? x.assignment : text(labelOf(ind), l)}: ${text(statusOf(x.status), l).toLowerCase()}`
                    })
                    .join("; ")
                )
          ]
        }
      })
    )
  })
  if (silent > 0)
    blocks.push({
      kind: "paragraph",
      text: both((l) =>
        l === "it"
          ? `Gli altri ${silent} firmatari non hanno registrato misurazioni e non rispondono di alcun indicatore: il loro contributo non è ancora rendicontato.`
          : `The other ${silent} signatories recorded no measurement and answer for no indicator: their contribution is not yet accounted for.`
      )
    })
}

/** The published summary of the measurements, with municipality names and readable periods. */
const summaryBlock = (
  blocks: Array<Block>,
  summary: NonNullable<TerritoryReportInput["summary"]>,
  names: Names,
  labelOf: (id: string) => Str
): void => {
  const base = From.summary(summary, { labelOf })
  blocks.push({
    kind: "table",
    collapsed: true,
    table: {
      ...base,
      rows: base.rows.map((r) => ({
        ...r,
        cells: r.cells.map((c, i) => {
          if (typeof c !== "string") return c
          if (i === 1) return names.municipality(c)
          const [start, end] = c.split("/")
          return i === 0 && start !== undefined && end !== undefined ? periodText({ start, end }) : c
        })
      }))
    }
  })
}

export const r0Indicator = (
  rounds: ReadonlyArray<Analysis.TerritoryAnalysis["accountability"][number]>,
  assignment: string
): string | undefined => {
  for (const r of rounds) {
    const found = r.indicators.find((i) => i.assignment === assignment)
    if (found !== undefined) return found.indicator
  }
  return undefined
}
