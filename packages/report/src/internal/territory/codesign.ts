// The territory report's section: codesign (see TerritoryReport.ts).
import { CoDesign, Problem } from "@welfare/core"
import type * as Analysis from "../../Analysis.js"
import { text } from "../../Labels.js"
import type { Block, Section } from "../../Report.js"
import { both, type Names, seedRef, t, table } from "./shared.js"

export const coDesignSection = (a: Analysis.TerritoryAnalysis, names: Names): Section | undefined => {
  if (a.coDesigns.length === 0) return undefined
  const blocks: Array<Block> = [
    {
      kind: "paragraph",
      text: t(
        "Ogni processo di co-programmazione o co-progettazione è verificato sulle regole dei semi: pari dignità degli stakeholder, destinatari finali coinvolti, analisi dei bisogni co-progettata, il pubblico promotore di alleanze, non progettare solo per un bando, connessione con i servizi di prossimità, Patto sottoscritto, verifica condivisa.",
        "Each co-programming or co-design process is checked against the seeds' rules: equal dignity of stakeholders, final recipients involved, a co-designed needs analysis, the public actor promoting alliances, not designing only for a call, connection with proximity services, the Pact signed, shared verification."
      )
    },
    {
      kind: "table",
      table: table(
        t("I processi", "The processes"),
        [t("Processo", "Process"), t("Tipo", "Kind"), t("Fase", "Stage"), t("Criticità", "Findings")],
        a.coDesigns.map((p) => ({
          header: p.title,
          cells: [CoDesign.kindLabels[p.kind], CoDesign.stageLabels[p.stage], p.findings.length]
        }))
      )
    }
  ]
  const findings = a.coDesigns.flatMap((p) => p.findings.map((f) => ({ p, f })))
  blocks.push(
    findings.length === 0
      ? {
          kind: "paragraph",
          text: t(
            "Nessuna regola della co-progettazione risulta violata o a rischio.",
            "No rule of the co-design is broken or at risk."
          )
        }
      : {
          kind: "table",
          table: table(
            t("Criticità della co-progettazione", "Co-design findings"),
            [
              t("Regola", "Rule"),
              t("Gravità", "Severity"),
              t("Processo", "Process"),
              t("Riguarda", "About"),
              t("Fonte", "Source")
            ],
            findings.map(({ p, f }) => ({
              header: CoDesign.ruleLabels[f.code],
              cells: [
                Problem.severityLabels[f.severity],
                p.title,
                both(
                  (l) =>
                    [
                      ...(f.actors ?? []).map((x) => text(names.actor(x), l)),
                      ...(f.project === undefined ? [] : [text(names.project(f.project), l)]),
                      ...(f.activity === undefined ? [] : [text(CoDesign.activityLabels[f.activity], l)])
                    ].join(", ") || "—"
                ),
                seedRef(f.seed)
              ]
            }))
          )
        }
  )
  return { id: "co-design", title: t("Co-progettazione", "Co-design"), blocks }
}
