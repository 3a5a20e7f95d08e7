import { describe, expect, it } from "vitest"
import * as Dimension from "./Dimension.js"
import * as Label from "./Label.js"

describe("Dimension", () => {
  it("has the seven dimensions of seed 000 in the table's order, with the seed's headings", () => {
    expect(Dimension.values).toHaveLength(7)
    expect(Dimension.values.map((d) => Dimension.labels[d].it)).toEqual([
      "Modello di riferimento",
      "Focus dell'intervento",
      "Analisi dei bisogni/esigenze",
      "Filiera di erogazione",
      "Ruolo dell'esperto/operatore",
      "Organizzazione",
      "Ricadute culturali, sociali, economiche"
    ])
    expect(Dimension.values.map((d) => Dimension.rows[d])).toEqual([4, 5, 6, 8, 9, 10, 11])
  })

  it("has both pole texts in both languages", () => {
    for (const d of Dimension.values)
      for (const p of Dimension.poles)
        for (const lang of Label.langs) expect(Dimension.poleTexts[d][p][lang].length).toBeGreaterThan(20)
    expect(Dimension.poleTexts.organisation.generative.it).toBe(
      "Condivisione di obiettivi sulla base delle criticità, risorse, ruoli in campo."
    )
  })
})
