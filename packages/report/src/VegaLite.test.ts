import * as fc from "fast-check"
import { describe, expect, it } from "vitest"
import { networkView, progressBars, radarData, validRadar } from "../test/arbitraries.js"
import { comparison, network } from "../test/fixtures.js"
import { seriesPoints } from "../test/xml.js"
import { Svg, VegaLite } from "./index.js"

const { cx, cy, r } = Svg.radarFrame

describe("VegaLite", () => {
  it("describes the Legnano comparison with the same values as the radar", () => {
    const spec = VegaLite.radar(comparison, { lang: "it" })
    expect(spec.$schema).toBe("https://vega.github.io/schema/vega-lite/v5.json")
    const rows = VegaLite.radarValues(spec)
    expect(rows.filter((d) => d.series === "2024").map((d) => d.value)).toEqual([
      0.6, 0.55, 0.7, 0.5, 0.6, 0.45, 0.55, 0.6
    ])
    expect(rows[0]).toMatchObject({ series: "2023", key: "reference-model", value: 0.4, x: 0, y: 0.4 })
    expect(JSON.parse(JSON.stringify(spec))).toEqual(spec)
  })

  it("property: a radar spec carries the same numbers as the SVG", () => {
    fc.assert(
      fc.property(validRadar, (data) => {
        const rows = VegaLite.radarValues(VegaLite.radar(data, { lang: "en" }))
        const polygons = seriesPoints(Svg.radar(data, { lang: "en" }))
        data.series.forEach((s, si) => {
          const mine = rows.filter((d) => (d as { seriesIndex?: number }).seriesIndex === si)
          expect(mine.slice(0, -1).map((d) => d.value)).toEqual(s.values)
          mine.slice(0, -1).forEach((d, i) => {
            const [x, y] = polygons[si]![i]!
            expect(Math.abs(cx + r * d.x - x)).toBeLessThan(0.03)
            expect(Math.abs(cy - r * d.y - y)).toBeLessThan(0.03)
          })
        })
      })
    )
  })

  it("property: a progress spec carries the same bar lengths as the SVG", () => {
    fc.assert(
      fc.property(progressBars, (data) => {
        const spec = VegaLite.progress(data, { lang: "it" }) as unknown as {
          data: { values: Array<{ drawn: number; progress: number | null }> }
        }
        const svg = Svg.progress(data, { lang: "it" })
        const widths = [...svg.matchAll(/<g class="bar"[\s\S]*?<\/g>/g)].map((m) => {
          const bars = [
            ...m[0].matchAll(/<rect x="260" y="[^"]+" width="([^"]+)" height="22" fill="#(?:0072B2|009E73)"/g)
          ]
          return bars.length === 0 ? null : Number(bars[0]![1])
        })
        expect(
          spec.data.values.map((v) => (v.progress === null ? null : Math.round(v.drawn * 300 * 100) / 100))
        ).toEqual(widths)
      })
    )
  })

  it("property: a network spec places every actor where the SVG does", () => {
    fc.assert(
      fc.property(networkView, (view) => {
        const spec = VegaLite.network(view, { lang: "en" }) as unknown as {
          layer: Array<{ data: { values: Array<any> } }>
        }
        const nodes = spec.layer[1]!.data.values
        const svg = Svg.network(view, { lang: "en" })
        expect(nodes.length).toBe([...svg.matchAll(/<g class="node"/g)].length)
        expect(spec.layer[0]!.data.values.length).toBe(
          [...svg.matchAll(/<line [^>]*stroke="#7a7a7a"/g)].length
        )
        const { cx, cy, r } = Svg.networkFrame
        for (const n of nodes) {
          const g = new RegExp(
            `data-id="${n.id}"[^>]*><(?:circle cx="([^"]+)" cy="([^"]+)"|rect x="([^"]+)" y="([^"]+)"|polygon points="([^",]+),([^" ]+))`
          ).exec(svg)
          expect(g).not.toBeNull()
        }
        expect(nodes.every((n) => Math.abs(Math.hypot(n.x, n.y) - 1) < 1e-3)).toBe(true)
        expect(cx + r > 0 && cy + r > 0).toBe(true)
      })
    )
  })

  it("places the Legnano network's first public actor at the top in both renderings", () => {
    const spec = VegaLite.network(network, { lang: "it" }) as unknown as {
      layer: Array<{ data: { values: Array<any> } }>
    }
    expect(spec.layer[1]!.data.values[0]).toMatchObject({
      id: "asst-ovest-milanese",
      sector: "Pubblico",
      x: 0,
      y: 1,
      links: 1
    })
  })

  const plainJson = (v: unknown): boolean =>
    v === null ||
    typeof v === "string" ||
    typeof v === "boolean" ||
    (typeof v === "number" && Number.isFinite(v)) ||
    (Array.isArray(v) && v.every(plainJson)) ||
    (typeof v === "object" &&
      Object.getPrototypeOf(v) === Object.prototype &&
      Object.values(v as object).every(plainJson))

  it("property: specs are plain JSON whatever the data", () => {
    fc.assert(
      fc.property(radarData, progressBars, networkView, (a, b, c) => {
        for (const spec of [
          VegaLite.radar(a, { lang: "it" }),
          VegaLite.progress(b, { lang: "it" }),
          VegaLite.network(c, { lang: "it" })
        ]) {
          // every number finite, no undefined, no function: what JSON writes and reads back unchanged
          // (a label may read "NaN": text is not a number)
          expect(plainJson(spec)).toBe(true)
          expect(spec.$schema).toBe(VegaLite.schemaUrl)
        }
      }),
      { numRuns: 50 }
    )
  })
})
