// The territory report's section: dimensions (see TerritoryReport.ts).
import { Dimension, type Rubric, type TerritoryAssessment } from "@welfare/core"
import { of } from "../../Labels.js"
import type { Block, Section } from "../../Report.js"
import { percent, type Table } from "../../View.js"
import { both, num, pct, positionCell, seedRef, t, table } from "./shared.js"

export const dimensionsSection = (
  tp: TerritoryAssessment.TerritoryProfile,
  rubric: Rubric.Rubric
): Section => {
  const overview = overviewTable(tp)
  const evidence = evidenceTable(tp, rubric)
  const extremes = extremesBlock(tp)
  return {
    id: "dimensions",
    title: t("Le sette dimensioni spiegate", "The seven dimensions explained"),
    blocks: [
      {
        kind: "paragraph",
        text: t(
          "Ogni tratto osservato porta il suo peso al proprio polo. La posizione (equilibrio) di una dimensione è il peso generativo sul peso totale presente, mediata sugli interventi che la osservano; la copertura è il peso dei tratti registrati sul peso di tutti i suoi tratti; la profondità è il peso generativo presente su quello disponibile. Una dimensione che nessun intervento osserva è «non osservata» e resta fuori dall'indice.",
          'Each trait observed brings its weight to its pole. A dimension\'s position (balance) is the generative weight over all the weight present, averaged over the interventions that observe it; its coverage is the weight of the traits recorded over the weight of all its traits; its depth is the generative weight present over the generative weight available. A dimension no intervention observes is "not observed" and is left out of the index.'
        )
      },
      extremes,
      { kind: "table", table: overview },
      { kind: "table", table: evidence, collapsed: true }
    ]
  }
}

/** Position, coverage, depth and traits of each dimension. */
const overviewTable = (tp: TerritoryAssessment.TerritoryProfile): Table =>
  table(
    t(
      "Posizione, copertura e profondità di ogni dimensione",
      "Position, coverage and depth of each dimension"
    ),
    [
      both((l) => of("dimension", l)),
      both((l) => of("position", l)),
      t("Copertura", "Coverage"),
      t("Profondità", "Depth"),
      t("Interventi osservati", "Interventions observed"),
      t("Tratti generativi", "Generative traits"),
      t("Tratti tradizionali", "Traditional traits"),
      t("Fonte", "Source")
    ],
    Dimension.values.map((d) => {
      const traits = tp.traits.filter((x) => x.dimension === d)
      return {
        header: Dimension.labels[d],
        cells: [
          positionCell(tp.dimensions[d].position),
          percent(tp.dimensions[d].coverage),
          percent(tp.dimensions[d].depth),
          tp.dimensions[d].observedIn,
          traits.filter((x) => x.pole === "generative").length,
          traits.filter((x) => x.pole === "traditional").length,
          seedRef(Dimension.sourceOf(d))
        ]
      }
    })
  )

/** The traits observed, in the seed's words, with their editorial weights. */
const evidenceTable = (tp: TerritoryAssessment.TerritoryProfile, rubric: Rubric.Rubric): Table => {
  const weights = rubric.weights as { readonly [k: string]: number }
  return table(
    both((l) =>
      l === "it"
        ? `Evidenze: i ${tp.traits.length} tratti osservati, con le parole del seme`
        : `Evidence: the ${tp.traits.length} traits observed, in the seed's words`
    ),
    [
      t("Tratto", "Trait"),
      both((l) => of("dimension", l)),
      t("Polo", "Pole"),
      t("Peso (editoriale)", "Weight (editorial)"),
      t("Interventi", "Interventions"),
      t("Fonte", "Source")
    ],
    tp.traits.map((x) => ({
      header: x.text,
      cells: [
        Dimension.labels[x.dimension],
        Dimension.poleLabels[x.pole],
        weights[x.trait] ?? null,
        x.interventions,
        seedRef(x.source)
      ]
    }))
  )
}

/** The most generative and the most traditional of the observed dimensions, in a sentence. */
const extremesBlock = (tp: TerritoryAssessment.TerritoryProfile): Block => {
  const observed = Dimension.values.filter((d) => tp.dimensions[d].position !== undefined)
  const position = (d: Dimension.Dimension) => tp.dimensions[d].position ?? 0
  const strongest = [...observed].sort((x, y) => position(y) - position(x))
  const hi = strongest[0]
  const lo = strongest[strongest.length - 1]
  return hi === undefined || lo === undefined
    ? {
        kind: "paragraph",
        text: t(
          "Nessuna dimensione è osservata: il rapporto non colloca il territorio.",
          "No dimension is observed: the report does not place the territory."
        )
      }
    : position(hi) === position(lo)
      ? {
          kind: "paragraph",
          text: both((l) =>
            l === "it"
              ? `Le ${observed.length} dimensioni osservate stanno tutte a ${num(position(hi), l)}: nessuna è più generativa delle altre.`
              : `The ${observed.length} dimensions observed all stand at ${num(position(hi), l)}: none is more generative than the others.`
          )
        }
      : {
          kind: "paragraph",
          text: both((l) =>
            l === "it"
              ? `Tra le ${observed.length} dimensioni osservate, la più generativa è «${Dimension.labels[hi].it}» (${num(position(hi), l)}, copertura ${pct(tp.dimensions[hi].coverage, l)}); la più tradizionale è «${Dimension.labels[lo].it}» (${num(position(lo), l)}, copertura ${pct(tp.dimensions[lo].coverage, l)}).`
              : `Of the ${observed.length} dimensions observed, the most generative is "${Dimension.labels[hi].en}" (${num(position(hi), l)}, coverage ${pct(tp.dimensions[hi].coverage, l)}); the most traditional is "${Dimension.labels[lo].en}" (${num(position(lo), l)}, coverage ${pct(tp.dimensions[lo].coverage, l)}).`
          )
        }
}
