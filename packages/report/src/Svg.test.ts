import * as fc from "fast-check"
import { describe, expect, it } from "vitest"
import { networkView, progressBars, radarData } from "../test/arbitraries.js"
import { comparison, network, progress } from "../test/fixtures.js"
import { seriesPoints, wellFormed } from "../test/xml.js"
import { Svg } from "./index.js"

const accessible = (svg: string) => {
  const labelled = /<svg[^>]*aria-labelledby="([^"]+) ([^"]+)"/.exec(svg)
  expect(svg).toMatch(/^<svg[^>]*role="img"/)
  expect(labelled).not.toBeNull()
  expect(svg).toContain(`<title id="${labelled![1]}">`)
  expect(svg).toContain(`<desc id="${labelled![2]}">`)
}

describe("Svg.radar", () => {
  it("draws the Legnano profiles at their positions: centre (300, 250), radius 150, first axis up", () => {
    const svg = Svg.radar(comparison, { lang: "it" })
    const [y2023, y2024] = seriesPoints(svg)
    // 2023, reference model 0.4: straight up, 60 units above the centre
    expect(y2023![0]).toEqual([300, 190])
    // 2023, intervention focus 0.35 at 360/7 degrees clockwise from the top
    expect(y2023![1]).toEqual([341.05, 217.27])
    // 2024, reference model 0.6
    expect(y2024![0]).toEqual([300, 160])
    expect(y2023).toHaveLength(7)
    expect(wellFormed(svg)).toEqual([])
    accessible(svg)
  })

  it("puts a fully generative profile on the outer ring and a traditional one at the centre", () => {
    const axes = comparison.axes
    const svg = Svg.radar(
      {
        title: "x",
        axes,
        series: [
          { name: "g", values: axes.map(() => 1) },
          { name: "t", values: axes.map(() => 0) }
        ]
      },
      { lang: "en" }
    )
    const [generative, traditional] = seriesPoints(svg)
    for (const [x, y] of generative!) expect(Math.hypot(x - 300, y - 250)).toBeCloseTo(150, 1)
    for (const p of traditional!) expect(p).toEqual([300, 250])
  })

  it("tells the two series apart by dash and marker shape, not only colour, and says so in the text alternative", () => {
    const svg = Svg.radar(comparison, { lang: "en" })
    expect(svg).toMatch(/<g class="series" data-series="1"><polygon [^>]*stroke-dasharray="6 4"/)
    expect(svg).toMatch(/<g class="series" data-series="1"><polygon [^>]*\/><rect /)
    expect(svg).toMatch(/<g class="series" data-series="0"><polygon [^>]*\/><circle /)
    expect(Svg.radarDescription(comparison, "en")).toContain("2024 (dashed line): Reference model 0.6;")
    expect(Svg.radarDescription(comparison, "it")).toContain(
      "2023 (linea continua): Modello di riferimento 0,4;"
    )
  })

  it("leaves an unobserved dimension out of the polygon and says it is not observed (never 0.5)", () => {
    const data = { ...comparison, series: [{ name: "x", values: [0.5, null, 0.5, 0.5, 0.5, 0.5, 0.5] }] }
    expect(seriesPoints(Svg.radar(data, { lang: "it" }))[0]).toHaveLength(6)
    expect(Svg.radarDescription(data, "it")).toContain("Focus dell'intervento non osservata")
  })

  it("property: every radar is well-formed, accessible SVG whatever the data", () => {
    fc.assert(
      fc.property(radarData, fc.constantFrom("it" as const, "en" as const), (data, lang) => {
        const svg = Svg.radar(data, { lang, id: "r" })
        expect(wellFormed(svg)).toEqual([])
        accessible(svg)
        expect(svg).not.toMatch(/NaN|Infinity/)
      })
    )
  })
})

describe("Svg.progress", () => {
  it("draws each bar in proportion to the share of the way to the target, printing the percentage", () => {
    const svg = Svg.progress(progress, { lang: "it" })
    expect(svg).toContain('width="186"') // 62 % of 300
    expect(svg).toContain(">62 %<")
    expect(svg).toContain(">115 %<") // beyond the target: the bar stops at the line, the text says how far
    expect(svg).toContain('width="300" height="22" fill="#009E73"')
    expect(svg).toMatch(/data-key="ind-casa"[\s\S]*?>n\.d\.</)
    expect(wellFormed(svg)).toEqual([])
    accessible(svg)
  })

  it("property: every progress chart is well-formed, accessible SVG whatever the data", () => {
    fc.assert(
      fc.property(progressBars, fc.constantFrom("it" as const, "en" as const), (data, lang) => {
        const svg = Svg.progress(data, { lang })
        expect(wellFormed(svg)).toEqual([])
        accessible(svg)
        expect(svg).not.toMatch(/NaN|Infinity/)
      })
    )
  })
})

describe("Svg.network", () => {
  it("places the sectors on arcs, the first public actor at the top, and gives each sector a shape", () => {
    const svg = Svg.network(network, { lang: "en" })
    // public first, sorted by id: asst-ovest-milanese at the top of the circle (380, 345 - 170)
    expect(svg).toMatch(/data-id="asst-ovest-milanese" data-sector="public"><rect x="374" y="169"/)
    expect(svg).toMatch(/data-sector="third-sector"><circle /)
    expect(svg).toMatch(/data-sector="market"><polygon /)
    expect(svg).toContain("Network of 17 actors and 15 links")
    expect(svg).toContain("Most linked: Ufficio di Piano (5)")
    expect(wellFormed(svg)).toEqual([])
    accessible(svg)
  })

  it("property: the layout does not depend on the order of nodes and edges (invariant 4)", () => {
    fc.assert(
      fc.property(networkView, fc.func(fc.integer()), (view, key) => {
        const shuffled = {
          ...view,
          nodes: [...view.nodes].sort((a, b) => key(a) - key(b) || 0),
          edges: [...view.edges].reverse()
        }
        const ids = new Set<string>()
        for (const n of view.nodes) ids.add(n.id)
        fc.pre(ids.size === view.nodes.length) // duplicated ids keep their first occurrence
        const nodes = (svg: string) =>
          [...svg.matchAll(/<g class="node"[\s\S]*?<\/g>/g)].map((m) => m[0]).sort()
        expect(nodes(Svg.network(shuffled, { lang: "it" }))).toEqual(nodes(Svg.network(view, { lang: "it" })))
      })
    )
  })

  it("property: every network is well-formed, accessible SVG whatever the data", () => {
    fc.assert(
      fc.property(networkView, fc.constantFrom("it" as const, "en" as const), (view, lang) => {
        const svg = Svg.network(view, { lang })
        expect(wellFormed(svg)).toEqual([])
        accessible(svg)
        expect(svg).not.toMatch(/NaN|Infinity/)
      })
    )
  })
})
