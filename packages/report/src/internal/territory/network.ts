// The territory report's section: network (see TerritoryReport.ts).
import { Actor } from "@welfare/core"
import type * as Analysis from "../../Analysis.js"
import * as From from "../../From.js"
import { of, text } from "../../Labels.js"
import type { Block, Section } from "../../Report.js"
import type { TerritoryReportInput } from "../../TerritoryReport.js"
import { percent } from "../../View.js"
import { figureIds } from "../figures.js"
import {
  both,
  cellTextOf,
  join,
  list,
  type Names,
  personCount,
  sectorText,
  shortSector,
  t,
  table,
  yesNo
} from "./shared.js"

export const networkSection = (
  input: TerritoryReportInput,
  a: Analysis.TerritoryAnalysis | undefined,
  ties: ReadonlyArray<{ readonly actors: readonly [string, string]; readonly weight: number }> | undefined,
  names: Names
): Section | undefined => {
  if (ties === undefined && a === undefined) return undefined
  const organisations = input.territory.actors.filter((x) => x.kind !== "citizen")
  const known = new Set(organisations.map((x) => x.id as string))
  const shown = (ties ?? a?.network.ties ?? []).filter(
    (x) => known.has(x.actors[0]) && known.has(x.actors[1])
  )
  const chart: Block = { kind: "network", data: From.network({ actors: organisations, ties: shown }) }
  if (a === undefined)
    return { id: "network", title: t("Rete e partenariati", "Network and partnerships"), blocks: [chart] }
  const n = a.network
  const r = n.report
  const isolatedOrgs = r.isolated.filter((x) => known.has(x))
  const blocks: Array<Block> = overviewBlocks(a)
  if (r.brokers.length > 0) brokerBlocks(blocks, a, names)
  blocks.push({
    kind: "paragraph",
    text: both((l) => {
      const orgs =
        isolatedOrgs.length === 0
          ? l === "it"
            ? "Nessuna organizzazione è isolata"
            : "No organisation is isolated"
          : `${l === "it" ? "Organizzazioni isolate (in nessun partenariato)" : "Isolated organisations (in no partnership)"}: ${join(isolatedOrgs.map(names.actor), l)}`
      const citizens =
        n.isolatedCitizens > 0
          ? l === "it"
            ? `; cittadini in nessun partenariato: ${cellTextOf(personCount(a, figureIds.isolatedCitizens, n.isolatedCitizens), l)} (contati, mai nominati)`
            : `; citizens in no partnership: ${cellTextOf(personCount(a, figureIds.isolatedCitizens, n.isolatedCitizens), l)} (counted, never named)`
          : ""
      return `${orgs}${citizens}. ${
        l === "it"
          ? `La rete ha ${r.components} componenti connesse (ogni soggetto isolato è una componente a sé) e ${r.communities} comunità (Louvain).`
          : `The network has ${r.components} connected components (each isolated actor is one of its own) and ${r.communities} communities (Louvain).`
      }`
    })
  })
  blocks.push(chart)
  return { id: "network", title: t("Rete e partenariati", "Network and partnerships"), blocks }
}

/** What a tie is, the network's key facts and its mixing matrix across sectors. */
const overviewBlocks = (a: Analysis.TerritoryAnalysis): Array<Block> => {
  const n = a.network
  const r = n.report
  return [
    {
      kind: "paragraph",
      text: t(
        "Due soggetti sono legati quando siedono insieme in almeno un partenariato (un tavolo, un gruppo di regia, una rete). I soggetti ponte collegano settori che altrimenti non si parlerebbero: sono i buchi strutturali di Burt.",
        "Two actors are tied when they sit together in at least one partnership (a table, a steering group, a network). Brokers join sectors that would otherwise not talk to each other: Burt's structural holes."
      )
    },
    {
      kind: "facts",
      items: [
        { label: t("Soggetti", "Actors"), value: r.actors },
        { label: t("Legami", "Ties"), value: r.ties },
        { label: t("Densità", "Density"), value: r.density },
        {
          label: t("Quota di legami tra settori", "Share of cross-sector ties"),
          value: percent(r.crossSectorShare)
        },
        { label: t("Componenti connesse", "Connected components"), value: r.components },
        {
          label: t("Rete connessa tra settori", "Connected across sectors"),
          value: yesNo(r.connectedCrossSector)
        }
      ]
    },
    {
      kind: "table",
      table: table(
        t("Legami tra settori (matrice di mescolamento)", "Ties across sectors (mixing matrix)"),
        [both((l) => of("sector", l)), t("Soggetti", "Actors"), ...Actor.sectors.map((x) => shortSector[x])],
        r.sectors.map((s) => ({
          header: sectorText(s.sector),
          cells: [s.actors, ...Actor.sectors.map((x) => n.mixing[s.sector][x])]
        }))
      )
    }
  ]
}

/** The brokers between sectors with Burt's measures, and what the measures mean. */
const brokerBlocks = (blocks: Array<Block>, a: Analysis.TerritoryAnalysis, names: Names): void => {
  const r = a.network.report
  const hole = new Map(a.network.holes.map((h) => [h.actor, h]))
  blocks.push({
    kind: "table",
    table: table(
      t("Soggetti ponte tra settori", "Brokers between sectors"),
      [
        t("Soggetto (settore)", "Actor (sector)"),
        t("Intermediazione", "Betweenness"),
        t("Coppie aperte", "Open pairs"),
        t("Dimensione effettiva", "Effective size"),
        t("Vincolo", "Constraint"),
        t("Settori raggiunti", "Sectors reached")
      ],
      r.brokers.map((b) => {
        const h = hole.get(b.actor)
        return {
          header: both((l) => `${text(names.actor(b.actor), l)} (${text(shortSector[b.sector], l)})`),
          cells: [
            b.betweenness,
            b.crossSectorPairs,
            h?.effectiveSize ?? null,
            h?.constraint ?? null,
            list(b.sectorsReached.map((x) => shortSector[x]))
          ]
        }
      })
    )
  })
  blocks.push({
    kind: "paragraph",
    text: t(
      "Intermediazione: la quota dei cammini più brevi tra altri soggetti che passa per il soggetto. Coppie aperte: le coppie di suoi contatti di settori diversi che non sono legate tra loro. Dimensione effettiva e vincolo sono le misure di Burt: contatti non ridondanti, e quanto i contatti sono legati tra loro (un vincolo basso indica più buchi strutturali).",
      "Betweenness: the share of shortest paths between other actors that pass through the actor. Open pairs: the pairs of its contacts from different sectors that are not tied to each other. Effective size and constraint are Burt's measures: non-redundant contacts, and how much the contacts are tied to each other (a low constraint means more structural holes)."
    )
  })
}
