// The territory report's section: needs (see TerritoryReport.ts).
import { Need, Requirement, TakingCharge } from "@welfare/core"
import type * as Analysis from "../../Analysis.js"
import type { Block, Section } from "../../Report.js"
import { figureIds } from "../figures.js"
import { both, personCount, sourceText, t, table } from "./shared.js"

export const needsSection = (a: Analysis.TerritoryAnalysis): Section | undefined => {
  const n = a.needs
  const tc = a.takingCharge
  if (n.total === 0 && tc.paths === 0 && n.requirements.length === 0) return undefined
  const blocks: Array<Block> = [
    {
      kind: "paragraph",
      text: t(
        `Un bisogno è latente finché nessuno lo vede, emergente quando qualcuno lo segnala, manifesto quando un servizio lo riconosce. L'accesso tradizionale raggiunge solo i bisogni manifesti; quello generativo anche la vulnerabilità (seme 000, riga 11). Le persone compaiono solo come conteggi, e i conteggi inferiori a ${a.disclosure.threshold} sono soppressi.`,
        `A need is latent while no one sees it, emerging when someone reports it, overt when a service recognises it. Traditional access reaches overt needs only; generative access reaches vulnerability too (seed 000, row 11). Persons appear only as counts, and counts below ${a.disclosure.threshold} are suppressed.`
      )
    }
  ]
  if (n.total > 0) needsTable(blocks, a)
  if (n.requirements.length > 0) requirementBlocks(blocks, a)
  if (tc.paths > 0) pathTables(blocks, a)
  if (n.persons > 0) accessTable(blocks, a)
  return { id: "needs", title: t("Bisogni e presa in carico", "Needs and taking charge"), blocks }
}

/** The needs by status, complex and in no man's land. */
const needsTable = (blocks: Array<Block>, a: Analysis.TerritoryAnalysis): void => {
  const n = a.needs
  blocks.push({
    kind: "table",
    table: table(
      t("I bisogni", "Needs"),
      [t("Bisogni", "Needs"), t("Numero", "Number")],
      [
        ...[...Need.statuses].reverse().map((s) => ({
          header: Need.statusLabels[s],
          cells: [personCount(a, figureIds.needsStatus(s), n.byStatus[s])]
        })),
        {
          header: t(
            "Complessi (più aree di policy; seme 004, riga 32)",
            "Complex (several policy areas; seed 004, row 32)"
          ),
          cells: [personCount(a, figureIds.needsComplex, n.complex)]
        },
        {
          header: t(
            "In «terra di nessuno» (nessun ente responsabile; seme 004, riga 23)",
            'In "no man\'s land" (no responsible body; seed 004, row 23)'
          ),
          cells: [personCount(a, figureIds.needsNoMansLand, n.noMansLand)]
        },
        { header: t("Totale", "Total"), cells: [personCount(a, figureIds.needsTotal, n.total)] }
      ]
    )
  })
}

/** The needs read as requirements, and the gaps of the readings. */
const requirementBlocks = (blocks: Array<Block>, a: Analysis.TerritoryAnalysis): void => {
  const n = a.needs
  const gapCounts = Requirement.gapKinds.map(
    (g) => n.requirements.filter((r) => r.gaps.some((x) => x.kind === g)).length
  )
  const generative = n.requirements.filter((r) => r.gaps.length === 0).length
  blocks.push({
    kind: "paragraph",
    text: both((l) =>
      l === "it"
        ? `Letture dei bisogni come esigenze (seme 000, riga 5): ${n.requirements.length}, di cui ${generative} senza lacune, cioè generative.`
        : `Needs read as requirements (seed 000, row 5): ${n.requirements.length}, of which ${generative} with no gap, that is generative readings.`
    )
  })
  if (gapCounts.some((c) => c > 0))
    blocks.push({
      kind: "table",
      table: table(
        t("Lacune delle letture", "Gaps of the readings"),
        [t("Lacuna", "Gap"), t("Esigenze", "Requirements"), t("Fonte", "Source")],
        Requirement.gapKinds.flatMap((g, i) =>
          gapCounts[i]! > 0
            ? [
                {
                  header: Requirement.gapLabels[g],
                  cells: [gapCounts[i]!, sourceText(Requirement.gapSources[g])]
                }
              ]
            : []
        )
      )
    })
}

/** The taking-charge paths by stage reached, with community response and the person's contribution. */
const pathTables = (blocks: Array<Block>, a: Analysis.TerritoryAnalysis): void => {
  const tc = a.takingCharge
  const total = personCount(a, figureIds.paths, tc.paths)
  const stages = TakingCharge.stages.map((s) => personCount(a, figureIds.pathsStage(s), tc.byStage[s]))
  const response = [
    personCount(a, figureIds.pathsResponse(true), tc.withCommunityResponse),
    personCount(a, figureIds.pathsResponse(false), tc.withoutCommunityResponse)
  ]
  const contribution = [
    personCount(a, figureIds.pathsContribution(true), tc.withPersonContribution),
    personCount(a, figureIds.pathsContribution(false), tc.withoutPersonContribution)
  ]
  blocks.push({
    kind: "table",
    table: table(
      t("Percorsi di presa in carico per fase raggiunta", "Taking-charge paths by stage reached"),
      [t("Fase", "Stage"), t("Percorsi", "Paths")],
      [
        ...TakingCharge.stages.map((s, i) => ({
          header: TakingCharge.stageLabels[s],
          cells: [stages[i]!]
        })),
        { header: t("Totale", "Total"), cells: [total] }
      ]
    )
  })
  blocks.push({
    kind: "table",
    table: table(
      t(
        "Risposta comunitaria e contributo della persona",
        "Community response and the person's contribution"
      ),
      [t("Percorsi", "Paths"), t("Sì", "Yes"), t("No", "No")],
      [
        { header: t("Con una risposta della comunità", "With a community response"), cells: response },
        {
          header: t("Con un contributo della persona", "With a contribution of the person"),
          cells: contribution
        }
      ]
    )
  })
}

/** How many persons traditional and generative access reach. */
const accessTable = (blocks: Array<Block>, a: Analysis.TerritoryAnalysis): void => {
  const w = a.needs.access
  blocks.push({
    kind: "table",
    table: table(
      t("Accesso: quante persone raggiunge", "Access: how many persons it reaches"),
      [t("Accesso", "Access"), t("Persone", "Persons")],
      [
        {
          header: t("Tradizionale (solo bisogno manifesto)", "Traditional (overt need only)"),
          cells: [personCount(a, figureIds.accessTraditional, w.traditional)]
        },
        {
          header: t("Generativo (anche la vulnerabilità)", "Generative (vulnerability too)"),
          cells: [personCount(a, figureIds.accessGenerative, w.generative)]
        },
        {
          header: t("Raggiunte solo dall'accesso generativo", "Reached only by generative access"),
          cells: [personCount(a, figureIds.accessWidened, w.widened)]
        }
      ]
    )
  })
}
