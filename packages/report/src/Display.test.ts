import { Assessment, Intervention, type Published } from "@welfare/core"
import * as fc from "fast-check"
import { describe, expect, it } from "vitest"
import * as Display from "./Display.js"
import type { Table } from "./View.js"

const bundle = (d: Display.Displayable) => d[Display.jupyter]()

const profile = Assessment.assess({
  id: Intervention.InterventionId.make("int-percorso"),
  delivery: "resources-responsibility-path",
  designed: "with",
  focus: "community-process",
  operatorRole: "facilitator"
})

describe("display: the data resource beside HTML and Vega-Lite", () => {
  it("a profile carries HTML, Vega-Lite and its table of positions and coverage as a data resource", () => {
    const b = bundle(Display.profile(profile, { lang: "en" }))
    expect(b["text/html"]).toContain("<svg")
    expect(b["application/vnd.vegalite.v5+json"]?.$schema).toBe(
      "https://vega.github.io/schema/vega-lite/v5.json"
    )
    const r = b["application/vnd.dataresource+json"]!
    expect(r.profile).toBe("tabular-data-resource")
    expect(r.data.length).toBe(7)
    expect(r.schema.fields.at(-1)).toEqual({ name: "Coverage", type: "number" })
    expect(r.data.every((d) => typeof d.Coverage === "number" && d.Coverage >= 0 && d.Coverage <= 1)).toBe(
      true
    )
  })

  it("a published summary's suppressed count is null in the data resource, never the figure", () => {
    const period = { start: "2016-01-01", end: "2016-12-31" }
    const b = bundle(
      Display.summary(
        {
          cells: {
            a: { suppressed: true, indicator: "ind-1", period, municipality: "canegrate" },
            b: {
              suppressed: false,
              indicator: "ind-1",
              period,
              municipality: "legnano",
              count: 2,
              persons: 210,
              personCounted: 2,
              numeric: 2,
              units: 210,
              micros: 0,
              min: 100,
              max: 110,
              levels: {}
            }
          }
        } as unknown as Published.Published,
        { lang: "en" }
      )
    )
    const r = b["application/vnd.dataresource+json"]!
    expect(JSON.stringify(r)).not.toContain("undefined")
    const values = r.data.flatMap((d) => Object.values(d))
    expect(values).toContain(210)
    expect(r.data.length).toBe(2)
  })

  it("property: the data resource has a row per table row, a field per column, unique names, and a suppressed count is null (privacy)", () => {
    const str = fc.oneof(
      fc.string({ maxLength: 6 }),
      fc.record({ it: fc.string({ maxLength: 6 }), en: fc.string({ maxLength: 6 }) })
    )
    const cell = fc.oneof(
      str,
      fc.double({ noNaN: true, noDefaultInfinity: true }),
      fc.constant(null),
      fc.record({
        _tag: fc.constant("Count" as const),
        value: fc.option(fc.nat(), { nil: null }),
        threshold: fc.constant(5)
      }),
      fc.record({ _tag: fc.constant("Percent" as const), value: fc.double({ min: 0, max: 1, noNaN: true }) })
    )
    const table = fc.nat({ max: 4 }).chain((k) =>
      fc.record({
        caption: str,
        columns: fc.array(str, { minLength: k + 1, maxLength: k + 1 }),
        rows: fc.array(fc.record({ header: str, cells: fc.array(cell, { minLength: k, maxLength: k }) }), {
          maxLength: 6
        })
      })
    )
    fc.assert(
      fc.property(table, fc.constantFrom("it" as const, "en" as const), (t: Table, lang) => {
        const r = Display.dataResource(t, lang)
        expect(r.schema.fields.length).toBe(t.columns.length)
        expect(new Set(r.schema.fields.map((f) => f.name)).size).toBe(t.columns.length)
        expect(r.data.length).toBe(t.rows.length)
        for (const [i, row] of t.rows.entries())
          for (const [j, c] of row.cells.entries()) {
            const v = r.data[i]![r.schema.fields[j + 1]!.name]
            if (c !== null && typeof c === "object" && "_tag" in c)
              expect(v).toBe(c.value) // a hidden count is null
            else if (typeof c === "number") expect(v).toBe(c)
            else if (c === null) expect(v).toBeNull()
          }
        for (const f of r.schema.fields.filter((x) => x.type === "number"))
          expect(r.data.every((d) => d[f.name] === null || typeof d[f.name] === "number")).toBe(true)
      }),
      { numRuns: 300 }
    )
  })
})
