// The territory report's section: maturity (see TerritoryReport.ts).
import { TerritoryAssessment } from "@welfare/core"
import { of, type Str } from "../../Labels.js"
import type { Block, Section } from "../../Report.js"
import type { Table } from "../../View.js"
import {
  both,
  evidenceText,
  list,
  type Names,
  pct,
  seedRef,
  statusText,
  type Text,
  t,
  table,
  verdictText
} from "./shared.js"

export const checklistTable = (caption: Str, checklist: TerritoryAssessment.Checklist, names: Names): Table =>
  table(
    caption,
    [
      t("Elemento", "Item"),
      t("Stato", "Status"),
      t("Valore (soglia)", "Value (threshold)"),
      t("Che cosa legge", "What it reads"),
      both((l) => of("evidence", l)),
      t("Fonte", "Source")
    ],
    checklist.items.map((i) => ({
      header: i.text,
      cells: [
        statusText(i.status),
        both((l) => `${pct(i.value, l)} (${pct(i.threshold, l)})`),
        i.reads,
        evidenceText(i.evidence, names),
        seedRef(i.source)
      ]
    }))
  )

export const maturitySection = (tp: TerritoryAssessment.TerritoryProfile, names: Names): Section => {
  return {
    id: "maturity",
    title: t(
      "Maturità: mosse, caratteristiche, welfare di comunità",
      "Maturity: moves, characteristics, community welfare"
    ),
    blocks: [
      {
        kind: "paragraph",
        text: t(
          "Ogni elemento legge il modulo che ne tiene le evidenze (percorsi di presa in carico, tornate di valutazione, partenariati, letture dei bisogni) e dà credito parziale: soddisfatto dalla soglia in su, in parte sopra zero, non soddisfatto a zero (soglia editoriale).",
          "Each item reads the module that holds its evidence (taking-charge paths, evaluation rounds, partnerships, needs readings) and gives partial credit: met from the threshold up, partly above zero, not met at zero (an editorial threshold)."
        )
      },
      maturityFacts(tp),
      ...(tp.explanation === undefined
        ? []
        : [
            {
              kind: "paragraph" as const,
              text: both(
                (l) =>
                  `${l === "it" ? "Perché liste e verdetto differiscono" : "Why the checklists and the verdict differ"}: ${tp.explanation![l]}`
              )
            }
          ]),
      {
        kind: "heading",
        text: t(
          "Le sette mosse del welfare responsabile (seme 001)",
          "The seven moves of responsible welfare (seed 001)"
        )
      },
      { kind: "table", table: checklistTable(t("Le sette mosse", "The seven moves"), tp.moves, names) },
      {
        kind: "heading",
        text: t(
          "Le sette caratteristiche del welfare generativo (seme 004)",
          "The seven characteristics of generative welfare (seed 004)"
        )
      },
      {
        kind: "table",
        table: checklistTable(
          t("Le sette caratteristiche", "The seven characteristics"),
          tp.characteristics,
          names
        )
      },
      ...ladderBlocks(tp, names)
    ]
  }
}

/** How many moves and characteristics are met, the rung reached, the verdict. */
const maturityFacts = (tp: TerritoryAssessment.TerritoryProfile): Block => {
  const reached = tp.ladder.reached
  const score = (c: TerritoryAssessment.Checklist): Text =>
    both((l) =>
      c.partly === 0
        ? `${c.met} / ${c.items.length}`
        : l === "it"
          ? `${c.met} / ${c.items.length} (in parte ${c.partly})`
          : `${c.met} / ${c.items.length} (partly ${c.partly})`
    )
  return {
    kind: "facts",
    items: [
      {
        label: t("Mosse del welfare responsabile", "Moves of responsible welfare"),
        value: score(tp.moves)
      },
      {
        label: t("Caratteristiche del welfare generativo", "Characteristics of generative welfare"),
        value: score(tp.characteristics)
      },
      {
        label: t("Gradino del welfare di comunità", "Rung of community welfare"),
        value: reached === undefined ? t("nessuno", "none") : TerritoryAssessment.communityFormLabels[reached]
      },
      { label: t("Verdetto del territorio", "Territory verdict"), value: verdictText(tp.class) }
    ]
  }
}

/** The ladder of community welfare: what it is, and the interventions on each rung. */
const ladderBlocks = (tp: TerritoryAssessment.TerritoryProfile, names: Names): Array<Block> => [
  {
    kind: "heading",
    text: t("La scala del welfare di comunità (seme 002)", "The ladder of community welfare (seed 002)")
  },
  {
    kind: "paragraph",
    text: t(
      "Dalla semplice aggregazione della domanda (persone che mettono insieme la propria domanda, non una tariffa) al mutuo aiuto fino alla collaborazione attiva (seme 002, riga 13): il gradino raggiunto è il più alto su cui si trova almeno un intervento.",
      "From the simple aggregation of demand (people pooling their demand, not a tariff) to mutual aid and on to active collaboration (seed 002, row 13): the rung reached is the highest with at least one intervention on it."
    )
  },
  {
    kind: "table",
    table: table(
      t("I gradini", "The rungs"),
      [t("Gradino", "Rung"), t("Interventi", "Interventions"), t("Quali", "Which")],
      tp.ladder.rungs.map((r) => ({
        header: r.text,
        cells: [r.evidence.count, list(r.evidence.examples.map(names.example))]
      }))
    )
  }
]
