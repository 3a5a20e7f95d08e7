import { Dimension, Published, Summary } from "@welfare/core"
import * as Either from "effect/Either"
import { describe, expect, it } from "vitest"
import { Display, From, renderHtml, renderMarkdown, territoryReport } from "./index.js"

const positions = (values: ReadonlyArray<number>) =>
  Object.fromEntries(
    Dimension.values.map((d, i) => [d, { position: values[i]! }])
  ) as From.ProfileLike["dimensions"]

describe("From", () => {
  it("reads a profile's seven positions in the order of seed 000, with core's labels", () => {
    const radar = From.profile(
      { dimensions: positions([0.4, 0.35, 0.5, 0.3, 0.45, 0.25, 0.4]), index: 0.38, class: "traditional" },
      "2023"
    )
    expect(radar.axes.map((a) => a.key)).toEqual([...Dimension.values])
    expect(radar.axes[0]!.label).toEqual(Dimension.labels["reference-model"])
    expect(radar.series[0]!.values).toEqual([0.4, 0.35, 0.5, 0.3, 0.45, 0.25, 0.4])
  })

  it("overlays the two profiles of a comparison", () => {
    const dimensions = Object.fromEntries(
      Dimension.values.map((d) => [d, { from: 0.25, to: 0.75 }])
    ) as From.ComparisonLike["dimensions"]
    const radar = From.comparison(
      {
        dimensions,
        index: { from: 0.25, to: 0.75, delta: 0.5 },
        class: { from: "traditional", to: "generative" }
      },
      ["2023", "2024"]
    )
    expect(radar.series.map((s) => [s.name, s.values[0]])).toEqual([
      ["2023", 0.25],
      ["2024", 0.75]
    ])
  })

  it("ties two actors once per partnership they share", () => {
    const table = (...ids: Array<string>) => ({ members: ids.map((actor) => ({ actor })) })
    expect(
      From.ties([
        table("ufficio-di-piano", "comune-legnano", "forum-terzo-settore"),
        table("comune-legnano", "ufficio-di-piano")
      ])
    ).toEqual([
      { actors: ["comune-legnano", "forum-terzo-settore"], weight: 1 },
      { actors: ["comune-legnano", "ufficio-di-piano"], weight: 2 },
      { actors: ["forum-terzo-settore", "ufficio-di-piano"], weight: 1 }
    ])
  })

  it("shows a small summary cell as < 5 persons, a complement as hidden to protect another, and hides their measurements", () => {
    const period = { start: "2024-01-01", end: "2024-12-31" }
    const m = (municipality: string, persons: number) =>
      ({
        indicator: "ind-famiglie",
        assignment: "asg-1",
        period,
        municipality,
        value: persons,
        unit: "person",
        persons,
        measuredBy: "ufficio-di-piano",
        source: "case-records"
      }) as never
    const published = Either.getOrThrow(
      Published.publish(Summary.fromMeasurements([m("legnano", 42), m("canegrate", 3), m("rescaldina", 12)]))
    )
    const table = From.summary(published)
    expect(table.rows.map((r) => [r.header, ...r.cells])).toEqual([
      [
        "ind-famiglie",
        "2024-01-01/2024-12-31",
        "canegrate",
        null,
        { _tag: "Count", value: null, threshold: 5 }
      ],
      ["ind-famiglie", "2024-01-01/2024-12-31", "legnano", 1, { _tag: "Count", value: 42, threshold: 5 }],
      [
        "ind-famiglie",
        "2024-01-01/2024-12-31",
        "rescaldina",
        null,
        { _tag: "Count", value: null, threshold: 5, hidden: "complementary" }
      ]
    ])
  })

  it("takes the latest period with a share as an indicator's progress", () => {
    const bars = From.progress([
      {
        assignment: "asg-1",
        indicator: "ind-famiglie",
        periods: [
          { period: { start: "2023-01-01", end: "2023-12-31" }, share: 0.3, status: "improving" },
          { period: { start: "2024-01-01", end: "2024-12-31" }, share: 0.62, status: "improving" },
          { period: { start: "2025-01-01", end: "2025-12-31" }, status: "no-data" }
        ]
      }
    ])
    expect(bars.bars[0]).toEqual({
      key: "asg-1",
      label: "ind-famiglie",
      value: 0.62,
      note: "2024-01-01/2024-12-31 · improving"
    })
  })
})

describe("territoryReport and display", () => {
  const territory = {
    name: "Ambito di Legnano",
    municipalities: [{}, {}],
    actors: [
      { id: "comune-legnano", kind: "local-authority", name: "Comune di Legnano" },
      { id: "p-0017", kind: "citizen", name: "never shown" },
      { id: "coop-melograno", kind: "social-cooperative", name: "Cooperativa Sociale Il Melograno" }
    ] as any,
    partnerships: [
      { members: [{ actor: "comune-legnano" }, { actor: "coop-melograno" }, { actor: "p-0017" }] }
    ]
  }

  it("renders whatever parts exist, and a citizen only as a count, never by name or id", () => {
    const doc = territoryReport(
      { territory, profile: { dimensions: positions([1, 1, 1, 1, 1, 1, 1]), index: 1, class: "generative" } },
      { lang: "it" }
    )
    expect(doc.sections.map((s) => s.id)).toEqual(["summary", "territory", "network", "appendix"])
    const html = renderHtml(doc)
    expect(html).toContain("<dt>Verdetto</dt><dd>Generativo</dd>")
    expect(html).toContain("<dt>Cittadini (conteggio)</dt><dd>&lt; 5</dd>")
    expect(html).not.toContain("p-0017")
    expect(html).not.toContain("never shown")
  })

  it("shows an unobserved dimension as not observed, never as a number, and an undefined index as such", () => {
    const dimensions = Object.fromEntries(
      Dimension.values.map((d, i) => [
        d,
        i === 1 ? { position: undefined, coverage: 0 } : { position: 0.5, coverage: 0.5 }
      ])
    ) as any
    const doc = territoryReport(
      { territory, profile: { dimensions, index: undefined, class: "insufficient-evidence", coverage: 0.2 } },
      { lang: "en" }
    )
    const md = renderMarkdown(doc)
    expect(md).toContain("- **Verdict**: Insufficient evidence")
    expect(md).toContain("- **Overall index**: no dimension observed")
    expect(md).toContain("- **Evidence coverage**: 20%")
    expect(md).toContain("| Intervention focus | not observed |")
    expect(md).toContain(
      "Dimensions not observed (left out of the chart and of the index, not 0.5): Intervention focus."
    )
    const shown = String(
      Display.profile(
        { dimensions, index: undefined, class: "insufficient-evidence", coverage: 0.2, depth: 0 },
        { lang: "it" }
      )
    )
    expect(shown.split("\n")[0]).toBe(
      "Indice complessivo non calcolato (nessuna dimensione osservata) (copertura 20 %, profondità 0 %) · Classe: Evidenze insufficienti"
    )
    expect(shown).toContain("Focus dell'intervento: non osservata | 0 %")
  })

  it("gives notebooks a mime bundle with HTML, Vega-Lite and the table as a data resource", () => {
    const shown = Display.profile(
      { dimensions: positions([0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5]), index: 0.5, class: "transitional" },
      { lang: "it" }
    )
    const bundle = shown[Display.jupyter]()
    expect(Object.keys(bundle).sort()).toEqual([
      "application/vnd.dataresource+json",
      "application/vnd.vegalite.v5+json",
      "text/html",
      "text/plain"
    ])
    expect(bundle["text/html"]).toContain('<svg xmlns="http://www.w3.org/2000/svg"')
    expect(String(shown).split("\n")[0]).toBe("Indice complessivo 0,5 · Classe: In transizione")
    expect(Display.jupyter).toBe(Symbol.for("Jupyter.display"))
  })
})
