// The territory report's section: territory (see TerritoryReport.ts).
import { Actor } from "@welfare/core"
import { of } from "../../Labels.js"
import type { Section } from "../../Report.js"
import type { TerritoryReportInput } from "../../TerritoryReport.js"
import type { Table } from "../../View.js"
import { figureIds } from "../figures.js"
import { both, join, type Names, personCount, t } from "./shared.js"

export const actorsTable = (actors: TerritoryReportInput["territory"]["actors"]): Table => ({
  caption: t("Organizzazioni, reti e gruppi per settore", "Organisations, networks and groups by sector"),
  columns: [both((l) => of("sector", l)), both((l) => of("actors", l))],
  rows: Actor.sectors.map((s) => ({
    header: Actor.sectorLabels[s],
    cells: [actors.filter((a) => a.kind !== "citizen" && Actor.sectorOfKind[a.kind] === s).length]
  }))
})

export const territorySection = (input: TerritoryReportInput, names: Names): Section => {
  const ter = input.territory
  const citizens = ter.actors.filter((a) => a.kind === "citizen").length
  const organisations = ter.actors.length - citizens
  const munis = (ter.municipalities ?? []).flatMap((m) => {
    const x = m as { readonly id?: unknown }
    return typeof x?.id === "string" ? [names.municipality(x.id)] : []
  })
  return {
    id: "territory",
    title: t("Il territorio", "The territory"),
    blocks: [
      {
        kind: "facts",
        items: [
          { label: t("Comuni", "Municipalities"), value: ter.municipalities?.length ?? 0 },
          {
            label: t("Organizzazioni, reti e gruppi", "Organisations, networks and groups"),
            value: organisations
          },
          ...(citizens > 0
            ? [
                {
                  label: t("Cittadini (conteggio)", "Citizens (count)"),
                  value: personCount(input.analysis, figureIds.citizens, citizens)
                }
              ]
            : [])
        ]
      },
      ...(munis.length > 0
        ? [
            {
              kind: "paragraph" as const,
              text: both((l) => `${l === "it" ? "Comuni" : "Municipalities"}: ${join(munis, l)}.`)
            }
          ]
        : []),
      { kind: "table", table: actorsTable(ter.actors) }
    ]
  }
}
