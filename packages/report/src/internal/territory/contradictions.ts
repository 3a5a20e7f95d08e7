// The territory report's section: contradictions (see TerritoryReport.ts).
import { Derivation, type TerritoryAssessment } from "@welfare/core"
import type { Section } from "../../Report.js"
import { both, type Names, recordsText, t, table } from "./shared.js"

export const contradictionsSection = (
  tp: TerritoryAssessment.TerritoryProfile,
  names: Names
): Section | undefined => {
  if (tp.contradictions.length === 0) return undefined
  const value = (v: unknown): string => (typeof v === "string" ? v : (JSON.stringify(v) ?? "—"))
  return {
    id: "contradictions",
    title: t("Fatti dichiarati contraddetti dai registri", "Declared facts the records contradict"),
    blocks: [
      {
        kind: "paragraph",
        text: both((l) =>
          l === "it"
            ? `Fatti dichiarati che non coincidono con ciò che mostrano i registri del territorio: ${tp.contradictions.length}. La valutazione usa il valore derivato e segnala la differenza, mai in silenzio.`
            : `Declared facts that differ from what the territory's records show: ${tp.contradictions.length}. The assessment uses the derived value and reports the difference, never silently.`
        )
      },
      {
        kind: "table",
        table: table(
          t("Le contraddizioni", "The contradictions"),
          [
            t("Intervento", "Intervention"),
            t("Fatto", "Fact"),
            t("Dichiarato", "Declared"),
            t("Dai registri (usato)", "From the records (used)"),
            t("Regola", "Rule"),
            t("Record", "Records"),
            t("Gravità", "Severity")
          ],
          tp.contradictions.map((c) => ({
            header: names.intervention(c.intervention),
            cells: [
              c.field,
              value(c.declared),
              value(c.derived),
              Derivation.ruleLabels[c.rule],
              recordsText(c.records, names),
              c.severity === "error" ? t("errore", "error") : t("avviso", "warning")
            ]
          }))
        )
      }
    ]
  }
}

// Case ids are never shown: a count of paths names no example.
