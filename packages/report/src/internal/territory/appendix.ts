// The territory report's section: appendix (see TerritoryReport.ts).
import { Derivation, Dimension, Rubric, Trait } from "@welfare/core"
import { of } from "../../Labels.js"
import type { Section } from "../../Report.js"
import { both, provenanceText, seedRef, t, table } from "./shared.js"

export const appendixSection = (rubric: Rubric.Rubric): Section => ({
  id: "appendix",
  title: t("Appendice: da dove vengono i numeri", "Appendix: where the numbers come from"),
  blocks: [
    {
      kind: "paragraph",
      text: t(
        "Nessun peso o soglia della rubrica predefinita è dato dai semi: sono scelte editoriali di questa libreria, ciascuna con la sua ragione. L'analisi di sensibilità misura quanto il verdetto dipende da esse.",
        "No weight or threshold of the default rubric is given by the seeds: they are editorial choices of this library, each with its reason. The sensitivity analysis measures how much the verdict depends on them."
      )
    },
    {
      kind: "table",
      collapsed: false,
      table: table(
        both((l) =>
          l === "it"
            ? `Le impostazioni della rubrica (versione ${rubric.version})`
            : `The rubric's settings (version ${rubric.version})`
        ),
        [
          t("Impostazione", "Setting"),
          t("Valore predefinito", "Default value"),
          t("Provenienza", "Provenance")
        ],
        Rubric.provenance.map((x) => ({ header: x.name, cells: [x.value, provenanceText(x.provenance)] }))
      )
    },
    {
      kind: "table",
      collapsed: true,
      table: table(
        t("I pesi dei tratti e la loro provenienza", "The traits' weights and their provenance"),
        [
          t("Tratto", "Trait"),
          both((l) => of("dimension", l)),
          t("Polo", "Pole"),
          t("Peso", "Weight"),
          t("Provenienza", "Provenance"),
          t("Fonte del tratto", "Source of the trait")
        ],
        Trait.catalogue.map((x) => ({
          header: x.text,
          cells: [
            Dimension.labels[x.dimension],
            Dimension.poleLabels[x.pole],
            (rubric.weights as { readonly [k: string]: number })[x.id] ?? x.weight,
            provenanceText(x.weightProvenance),
            seedRef(x.source)
          ]
        }))
      )
    },
    {
      kind: "table",
      collapsed: true,
      table: table(
        t("Le regole di derivazione dai registri", "The rules that derive facts from the records"),
        [t("Regola", "Rule"), t("Fatto", "Fact"), t("Che cosa legge", "What it reads"), t("Fonte", "Source")],
        Derivation.rules.map((r) => ({
          header: Derivation.ruleLabels[r],
          cells: [
            Derivation.ruleTable[r].field,
            Derivation.ruleTable[r].reads,
            seedRef(Derivation.ruleTable[r].source)
          ]
        }))
      )
    }
  ]
})
