import { readFileSync } from "node:fs"
import { join } from "node:path"
import { Territory } from "@welfare/core"
import * as Either from "effect/Either"
import * as fc from "fast-check"
import { describe, expect, it } from "vitest"
import { Analysis, renderHtml, renderJson, renderMarkdown, territoryReport } from "./index.js"

const path = join(import.meta.dirname, "..", "..", "..", "examples", "territories", "legnano.json")
const decoded = Territory.decode(JSON.parse(readFileSync(path, "utf8")))
if (Either.isLeft(decoded)) throw new Error("examples/territories/legnano.json does not decode")
const legnano = decoded.right
const analysis = Analysis.analyse(legnano)
const doc = (lang: "it" | "en") =>
  territoryReport({ territory: legnano, analysis, date: "2025-06-30" }, { lang })
const html = { it: renderHtml(doc("it")), en: renderHtml(doc("en")) }
const md = { it: renderMarkdown(doc("it")), en: renderMarkdown(doc("en")) }

describe("Analysis.analyse on the territory of Legnano (seed 004)", () => {
  it("assesses the territory as transitional, its network connected across sectors (invariant 6)", () => {
    expect(analysis.profile.class).toBe("transitional")
    expect(analysis.profile.index).toBeCloseTo(0.475, 3)
    expect(analysis.profile.connectedCrossSector).toBe(true)
    expect(analysis.interventions.map((i) => [i.name, i.class])).toEqual([
      ["Contributo economico a domanda", "traditional"],
      ["Assistenza domiciliare", "traditional"],
      ["Portineria di comunità", "generative"],
      ["Laboratorio casa e lavoro", "generative"]
    ])
  })

  it("ranks recommendations by gain, each with its seed row", () => {
    const [first] = analysis.recommendations
    expect(first?.trait).toBe("facilitator-operator")
    expect(first?.intervention).toBe("int-assistenza-domiciliare")
    expect(first?.gain).toBeCloseTo(1 / 7, 12)
    expect(first?.source).toEqual({ file: "000_7a1c4c52d0c555b3.txt", row: 9 })
    const gains = analysis.recommendations.map((r) => r.gain)
    expect(gains).toEqual([...gains].sort((a, b) => b - a))
  })

  it("finds the brokers between sectors and counts the isolated citizen apart", () => {
    expect(analysis.network.report.brokers.map((b) => b.actor).slice(0, 3)).toEqual([
      "comune-legnano",
      "ufficio-di-piano",
      "coop-melograno"
    ])
    expect(analysis.network.mixing.public["third-sector"]).toBe(19)
    expect(analysis.network.citizens).toBe(1)
    expect(analysis.network.isolatedCitizens).toBe(1)
  })

  it("counts needs, taking-charge paths and access widening", () => {
    expect(analysis.needs.byStatus).toEqual({ latent: 1, emerging: 2, overt: 1 })
    expect(analysis.needs.complex).toBe(2)
    expect(analysis.needs.noMansLand).toBe(1)
    expect(analysis.needs.access).toEqual({ traditional: 1, generative: 2, widened: 1 })
    expect(analysis.takingCharge.paths).toBe(1)
    expect(analysis.takingCharge.byStage.review).toBe(1)
    expect(analysis.takingCharge.withCommunityResponse).toBe(1)
    expect(analysis.takingCharge.withPersonContribution).toBe(1)
  })

  it("lists no person in the network's report: the isolated citizen is only counted", () => {
    expect(analysis.network.report.isolated).toEqual([])
    expect(JSON.stringify(analysis.network)).not.toMatch(/p-00\d\d/)
  })

  it("audits the co-design and finds the one-sector evaluation of 2016", () => {
    expect(analysis.coDesigns.map((p) => [p.id, p.stage, p.findings.length])).toEqual([
      ["codesign-legnano-2015", "closed", 0]
    ])
    expect(analysis.accountability.map((r) => r.findings.map((f) => [f.code, f.source]))).toEqual([
      [
        ["one-sector-evaluation", "seed 001, rows 35-37"],
        ["no-final-recipients", "seed 003, row 53"]
      ],
      []
    ])
  })
})

describe("territoryReport of Legnano", () => {
  it("has a table of contents, the radar early, and every section in order", () => {
    expect(doc("it").sections.map((s) => s.id)).toEqual([
      "summary",
      "territory",
      "dimensions",
      "interventions",
      "system",
      "maturity",
      "network",
      "needs",
      "co-design",
      "evaluation"
    ])
    expect(html.it).toContain('<nav class="toc" aria-label="Indice">')
    const radar = html.it.indexOf("<svg")
    expect(radar).toBeGreaterThan(0)
    expect(radar).toBeLessThan(html.it.indexOf('id="s2-territory"'))
  })

  it("says the class and index with the reason, in both languages", () => {
    expect(html.it).toContain("<dt>Classe</dt><dd>In transizione</dd>")
    expect(html.it).toContain("<dt>Indice complessivo</dt><dd>0,48</dd>")
    expect(html.en).toContain("<dt>Class</dt><dd>Transitional</dd>")
    expect(md.en).toContain("is the smaller of the intervention reading (0.48) and the system reading (0.81)")
    expect(md.it).toContain("la lettura di sistema (0,81)")
  })

  it("explains every dimension by its traits, pole, weight and seed row", () => {
    expect(md.en).toContain(
      "| The user makes a request ➔ the operator answers with benefits | Delivery chain | Traditional welfare | 2 | 2 | seed\u00a0000,\u00a0row\u00a08 |"
    )
    expect(md.it).toContain("| Organizzazione | 0,67 | 3 | 1 | 1 | seme\u00a0000,\u00a0riga\u00a010 |")
  })

  it("lists the interventions with their class and the top recommendations with their gain", () => {
    expect(md.en).toContain("| Portineria di comunità | Generative | 0.97 |")
    expect(md.en).toContain(
      "| 1. Assistenza domiciliare | Train the operator to facilitate and anticipate | Role of the expert or operator | +0.14 | seed\u00a0000,\u00a0row\u00a09 |"
    )
  })

  it("gives the checklists of seeds 001 and 004 and the ladder of seed 002 with evidence", () => {
    expect(md.en).toContain("- **Moves of responsible welfare**: 7 / 7")
    expect(md.en).toContain("- **Rung of community welfare**: Active collaboration")
    expect(md.en).toMatch(
      /\| Activation of the person \| ✓\u00a0yes \| Interventions: 2 \(Laboratorio casa e lavoro, Portineria di comunità\) \| seed\u00a0001,\u00a0row\u00a015 \|/
    )
    expect(md.it).toContain("Rete dei partenariati connessa tra settori: ✓\u00a0sì")
  })

  it("names the brokers and the mixing of sectors", () => {
    expect(md.en).toContain(
      "| Comune di Legnano (Public) | 0.18 | 17 | 6.29 | 0.3 | Public, Third sector, Market |"
    )
    expect(md.en).toContain("| Sector | Actors | Public | Third sector | Market | Community |")
    expect(md.en).toContain("| Public | 5 | 7 | 19 | 1 | 3 |")
    expect(md.en).toContain(
      "No organisation is isolated; citizens in no partnership: < 5 (counted, never named)"
    )
  })

  it("gives round findings with their seed rows and the Pact's accounts by name", () => {
    expect(md.it).toContain("| Valutazione di un solo settore | Avvertenza | 2016 | seme 001, righe 35-37 |")
    expect(md.en).toContain("| Evaluation by one sector only | Warning | 2016 | seed 001, rows 35-37 |")
    expect(md.en).toContain(
      "| Ufficio di Piano dell'Ambito di Legnano | — | Accountability, Shared evaluation | 3 |"
    )
    expect(md.en).toContain("| Comune di Legnano | 50,000 € | Coordination, Funding | 3 |")
    expect(md.en).toContain(
      "| Ufficio di Piano dell'Ambito di Legnano | 6 | 3 | Families reached by the Charter's projects: not attainable; Quality of networking: achieved |"
    )
    expect(md.en).toContain("The other 8 signatories recorded no measurement and answer for no indicator")
  })

  it("shows municipalities by name, not by id", () => {
    expect(md.en).toContain("| Families reached by the Charter's projects | 2016 | Canegrate | n/a | < 5 |")
    expect(md.en).not.toMatch(/\| canegrate \|/)
  })

  it("never shows a person: no pseudonymous id, only suppressed counts", () => {
    for (const text of [html.it, html.en, md.it, md.en, renderJson(doc("en"))]) {
      expect(text).not.toMatch(/p-00\d\d/)
      expect(text).not.toContain("case-2025")
    }
    expect(md.en).toContain("| Review | < 5 |")
    expect(md.en).toContain("| With a community response | < 5 | 0 |")
    expect(md.en).toContain("| Reached only by generative access | < 5 |")
  })

  it("folds long tables in <details> in HTML and keeps them whole in Markdown", () => {
    expect(html.en).toContain('<details class="table"><summary>Summary of measurements (24 rows)</summary>')
    expect(html.en).toContain('<details class="table"><summary>Evidence: the 41 traits observed')
    expect(md.en.match(/\| 2017 \| Legnano \|/g)).toHaveLength(4)
  })

  it("gives every co-design finding its severity, what it is about and its seed rule", () => {
    const bando = {
      id: "codesign-bando",
      kind: "co-design",
      title: "Bando conciliazione",
      promoter: "coop-melograno",
      trigger: { needs: [], call: "Bando regionale conciliazione 2015" },
      stakeholders: [],
      events: []
    }
    const withBando = Territory.decode({
      ...JSON.parse(readFileSync(path, "utf8")),
      coDesigns: [...JSON.parse(readFileSync(path, "utf8")).coDesigns, bando]
    })
    if (Either.isLeft(withBando)) throw new Error("the territory with a second co-design does not decode")
    const report = renderMarkdown(
      territoryReport(
        { territory: withBando.right, analysis: Analysis.analyse(withBando.right) },
        { lang: "it" }
      )
    )
    expect(report).toContain(
      "| Il soggetto pubblico promotore di alleanze | Regola violata | Bando conciliazione | Cooperativa Sociale Il Melograno | seme\u00a0003,\u00a0riga\u00a050 |"
    )
    expect(report).toContain(
      "| Non progettare solo perché c'è un bando | Regola violata | Bando conciliazione | — | seme\u00a0003,\u00a0riga\u00a054 |"
    )
    expect(report).toContain("| Bando conciliazione | Co-progettazione | Proposto | 2 |")
  })

  it("renders the same content as JSON", () => {
    const json = JSON.parse(renderJson(doc("en")))
    expect(json.sections.map((s: { id: string }) => s.id)).toContain("maturity")
    const summary = json.sections[0].blocks.find((b: { kind: string }) => b.kind === "facts")
    expect(summary.items.find((i: { label: string }) => i.label === "Class").value).toBe("Transitional")
  })
})

describe("small counts", () => {
  it("property: counts of persons below 5 are hidden and never recomputable from a shown total", () => {
    fc.assert(
      fc.property(fc.nat({ max: 40 }), fc.nat({ max: 40 }), (yes, no) => {
        const paths = yes + no
        const report = territoryReport(
          {
            territory: { name: "T", actors: [] },
            analysis: {
              ...analysis,
              takingCharge: {
                paths,
                byStage: { need: yes, demand: no, choice: 0, response: 0, review: 0, closed: 0 },
                withCommunityResponse: yes,
                withoutCommunityResponse: no,
                withPersonContribution: yes,
                withoutPersonContribution: no,
                problems: 0
              }
            }
          },
          { lang: "en" }
        )
        const tables = JSON.parse(renderJson(report))
          .sections.find((s: { id: string }) => s.id === "needs")
          .blocks.filter(
            (b: { kind: string; caption: string }) => b.kind === "table" && /paths|response/i.test(b.caption)
          )
        expect(tables.length).toBe(paths === 0 ? 0 : 2)
        for (const table of tables) {
          const cells = table.rows.flatMap(
            (r: { cells: Array<{ value: number | null; suppressed?: boolean }> }) => r.cells
          )
          for (const c of cells) if (c.value !== null) expect(c.value === 0 || c.value >= 5).toBe(true)
        }
        if (paths < 5) return
        // each partition of the shown total: the stages (a column), and each yes/no row
        const [stages, responses] = tables
        const hidden = (cells: Array<{ suppressed?: boolean }>) =>
          cells.filter((c) => c.suppressed === true).length
        expect(
          hidden(
            stages.rows
              .filter((r: { header: string }) => r.header !== "Total")
              .map((r: { cells: Array<unknown> }) => r.cells[0])
          )
        ).not.toBe(1)
        for (const row of responses.rows) expect(hidden(row.cells)).not.toBe(1)
      })
    )
  })
})
