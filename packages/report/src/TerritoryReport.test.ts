import { readFileSync } from "node:fs"
import { join } from "node:path"
import { Territory } from "@welfare/core"
import * as ArbNeeds from "@welfare/core/testing"
import * as Either from "effect/Either"
import * as fc from "fast-check"
import { describe, expect, it } from "vitest"
import { Analysis, renderHtml, renderJson, renderMarkdown, territoryReport } from "./index.js"
import { figureIds, personFigures } from "./internal/figures.js"

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
  it("reads the interventions and the system side by side: transitional, with an explanation", () => {
    const p = analysis.profile
    expect(p.class).toBe("transitional")
    expect(p.interventionClass).toBe("transitional")
    expect(p.interventionIndex).toBeCloseTo(0.47, 2)
    expect(p.systemClass).toBe("generative")
    expect(p.systemIndex).toBeCloseTo(0.684, 3)
    expect(p.index).toBeCloseTo((0.47 + 0.684) / 2, 2)
    expect(p.capped).toBe(false)
    expect(p.explanation?.en).toContain("The checklists read the recorded processes")
    expect(analysis.interventions.map((i) => [i.id, i.class])).toEqual([
      ["int-contributo-economico", "traditional"],
      ["int-assistenza-domiciliare", "traditional"],
      ["int-portineria-comunita", "generative"],
      ["int-casa-lavoro", "generative"]
    ])
    const contributo = analysis.interventions[0]!
    expect(contributo.index).toBe(0)
    expect(contributo.coverage).toBeCloseTo(0.882, 3)
    expect(contributo.depth).toBe(0)
    expect(contributo.derived).toEqual([])
    const portineria = analysis.interventions[2]!
    expect(portineria.index).toBeCloseTo(0.959, 3)
    expect(portineria.depth).toBe(1)
    expect(portineria.derived.map((d) => d.rule)).toContain("designed-with-recipients")
    expect(portineria.derived.find((d) => d.field === "designed")?.records).toEqual(["codesign-legnano-2015"])
  })

  it("says how robust each verdict is to the editorial choices, reproducibly (seeded)", () => {
    for (const i of analysis.interventions) expect(i.sensitivity?.robust).toBe(true)
    const s = analysis.sensitivity!
    expect(s.draws).toBe(1000)
    expect(s.verdict).toBe("transitional")
    expect(s.stability).toBe(1)
    expect(s.index.p05).toBeCloseTo(0.4484, 4)
    expect(s.index.p95).toBeCloseTo(0.4877, 4)
    expect(s.index.p05! <= analysis.profile.interventionIndex!).toBe(true)
    expect(Analysis.analyse(legnano).sensitivity).toEqual(s)
  })

  it("ranks recommendations by the seeds' priorities, then by gain, each with who could act and why", () => {
    expect(analysis.recommendations.map((r) => [r.intervention, r.trait, r.priority])).toEqual([
      ["int-assistenza-domiciliare", "social-capital", 1],
      ["int-assistenza-domiciliare", "citizen-brings-resources", 1],
      ["int-contributo-economico", "social-capital", 1],
      ["int-contributo-economico", "citizen-brings-resources", 1],
      ["int-assistenza-domiciliare", "reads-community", 1]
    ])
    const [first] = analysis.recommendations
    expect(first?.gain).toBeCloseTo(0.0889, 4)
    expect(first?.actors).toContain("informal-network")
    expect(first?.whySource).toEqual({ file: "000_7a1c4c52d0c555b3.txt", row: 11 })
  })

  it("says the report's own threshold where it explains suppression, never a fixed 5", () => {
    const strict = Analysis.analyse(legnano, { threshold: 7 })
    for (const lang of ["it", "en"] as const) {
      const text = renderMarkdown(territoryReport({ territory: legnano, analysis: strict }, { lang }))
      expect(text).toContain(
        lang === "it" ? "i conteggi inferiori a 7 sono soppressi" : "counts below 7 are suppressed"
      )
      expect(text).not.toContain(lang === "it" ? "inferiori a 5" : "below 5")
    }
  })

  it("reads a name-only intervention as insufficient evidence, never as the middle", () => {
    const named = {
      ...legnano,
      interventions: [...legnano.interventions, { id: "int-solo-nome", name: "Solo nome" }]
    }
    const a = Analysis.analyse(named as typeof legnano)
    const line = a.interventions.find((i) => i.id === "int-solo-nome")!
    expect(line.class).toBe("insufficient-evidence")
    expect(line.index).toBeUndefined()
    expect(line.coverage).toBe(0)
    const md = renderMarkdown(
      territoryReport({ territory: named as typeof legnano, analysis: a }, { lang: "it" })
    )
    expect(md).toContain("| Solo nome | Evidenze insufficienti | nessuna dimensione osservata | 0 % | 0 % |")
  })

  it("finds the brokers between sectors and counts the isolated citizen apart", () => {
    expect(analysis.network.report.brokers.map((b) => b.actor).slice(0, 3)).toEqual([
      "comune-legnano",
      "ufficio-di-piano",
      "coop-melograno"
    ])
    // CGIL is a social partner, not Third Sector (D.Lgs. 117/2017, art. 4 c.2; seed 004, row 47).
    expect(analysis.network.mixing.public["third-sector"]).toBe(18)
    expect(analysis.network.mixing.public["social-partners"]).toBe(1)
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
      "contradictions",
      "system",
      "maturity",
      "network",
      "needs",
      "co-design",
      "evaluation",
      "social-counterpart",
      "appendix"
    ])
    expect(html.it).toContain('<nav class="toc" aria-label="Indice">')
    const radar = html.it.indexOf("<svg")
    expect(radar).toBeGreaterThan(0)
    expect(radar).toBeLessThan(html.it.indexOf('id="s2-territory"'))
  })

  it("gives the verdict with coverage and depth, and the two readings side by side", () => {
    expect(html.it).toContain("<dt>Verdetto</dt><dd>In transizione</dd>")
    expect(html.it).toContain("<dt>Indice complessivo</dt><dd>0,58</dd>")
    expect(html.it).toContain("<dt>Copertura delle evidenze</dt><dd>84 %</dd>")
    expect(html.en).toContain("<dt>Generative depth</dt><dd>47%</dd>")
    expect(md.en).toContain(
      "| Interventions' reading (seed 000) | 0.47 | Transitional | 84% | 47% | robust: same verdict in 100% of 1000 draws; p05–p95 0.45–0.49 |"
    )
    expect(md.en).toContain("| System reading (seed 003, row 24) | 0.68 | Generative | — | — | — |")
    expect(md.it).toContain("la lettura di sistema (0,68, «generativo») restano entrambe visibili")
    expect(md.en).toContain("The checklists read the recorded processes (paths, partnerships, evaluations)")
  })

  it("explains every dimension by position, coverage and depth, and its traits with their seed row", () => {
    expect(md.en).toContain(
      "| The user makes a request ➔ the operator answers with benefits | Delivery chain | Traditional welfare | 2 | 2 | seed\u00a0000,\u00a0row\u00a08 |"
    )
    expect(md.it).toContain(
      "| Organizzazione | 0,67 | 75 % | 50 % | 3 | 1 | 1 | seme\u00a0000,\u00a0riga\u00a010 |"
    )
    expect(md.en).toContain(
      'the most generative is "Organisation" (0.67, coverage 75%); the most traditional is "Reference model" (0.34'
    )
  })

  it("lists the interventions with verdict, coverage, provenance and sensitivity, and the recommendations", () => {
    expect(md.en).toContain(
      "| Portineria di comunità | Generative | 0.96 | 100% | 100% | 15% | robust: same verdict in 100% of 1000 draws; p05–p95 0.94–0.98 |"
    )
    expect(md.en).toContain("| Contributo economico a domanda | Traditional | 0 | 88% | 0% | 0% |")
    expect(md.en).toContain("designed (designed with the recipients: codesign-legnano-2015)")
    expect(md.en).toContain(
      "| 1. Assistenza domiciliare | Mobilise the community's time (families, informal networks) | Cultural, social and economic outcomes | 1 | +0.09; +0.07 |"
    )
  })

  it("reports the declared facts the records contradict as findings", () => {
    expect(md.en).toContain(
      "| Laboratorio casa e lavoro | designed | both | with | Designed with the recipients | codesign-legnano-2015 | warning |"
    )
    expect(html.en).toContain("<dt>Findings</dt><dd>3</dd>")
  })

  it("grades the system reading and lists the organisations in no generative partnership as opportunities", () => {
    expect(md.en).toContain("Organisations in no generative partnership: 1 of 16 (ASST Ovest Milanese)")
    expect(md.en).toMatch(
      /\| Beyond the classic forms of governance .* \| 80% \| Partnerships with a network logic: 4 of 5/
    )
  })

  it("gives the checklists with met, partly or not met, their value and threshold, and what each reads", () => {
    expect(md.en).toContain("- **Moves of responsible welfare**: 7 / 7\n")
    expect(md.en).toContain("- **Rung of community welfare**: Active collaboration")
    expect(md.en).toContain(
      "| Activation of the person | ✓\u00a0Met | 100% (50%) | Taking-charge paths with a contribution of the person | Paths with a contribution of the person: 1 of 1 | seed\u00a0001,\u00a0row\u00a017 |"
    )
    expect(md.it).toContain("Perché liste e verdetto differiscono")
  })

  it("ends with the provenance of every weight and threshold (all editorial) and the derivation rules", () => {
    expect(md.en).toContain("## Appendix: where the numbers come from")
    expect(md.en).toMatch(/\| evidence\.minCoverage \| 0\.5 \| editorial: /)
    expect(md.it).toMatch(/\| thresholds \| 1\/3, 2\/3 \| editoriale: /)
    expect(md.en).toContain("| Who reads the needs | needReadBy |")
  })

  it("names the brokers and the mixing of sectors", () => {
    expect(md.en).toContain(
      "| Comune di Legnano (Public) | 0.2 | 20 | 6.29 | 0.3 | Public, Third sector, Social partners, Market |"
    )
    expect(md.en).toContain(
      "| Sector | Actors | Public | Third sector | Social partners | Market | Community |"
    )
    expect(md.en).toContain("| Public | 5 | 7 | 18 | 1 | 1 | 3 |")
    expect(md.en).toContain(
      "No organisation is isolated; citizens in no partnership: < 5 (counted, never named)"
    )
  })

  it("gives round findings with their seed rows and the Pact's accounts by name", () => {
    expect(md.it).toContain("| Valutazione di un solo settore | Avvertenza | 2016 | seme 001, righe 35-37 |")
    expect(md.en).toContain("| Evaluation by one sector only | Warning | 2016 | seed 001, rows 35-37 |")
    expect(md.en).toContain(
      "| Ufficio di Piano dell'Ambito di Legnano | — | Accountability, Shared evaluation | 2 |"
    )
    expect(md.en).toContain("| Comune di Legnano | 50,000 € | Coordination, Funding | 2 |")
    expect(md.en).toContain(
      "| Ufficio di Piano dell'Ambito di Legnano | 6 | 3 | Families reached by the Charter's projects: not attainable; Quality of networking: achieved |"
    )
    expect(md.en).toContain("The other 7 signatories recorded no measurement and answer for no indicator")
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
    expect(html.en).toContain("<summary>The traits&#39; weights and their provenance")
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
      "| Il soggetto pubblico promotore di alleanze | Errore | Bando conciliazione | Cooperativa Sociale Il Melograno | seme\u00a0003,\u00a0riga\u00a050 |"
    )
    expect(report).toContain(
      // A warning while the needs analysis can still be co-designed (seed 003, rows 52 and 54).
      "| Non progettare solo perché c'è un bando | Avvertenza | Bando conciliazione | — | seme\u00a0003,\u00a0riga\u00a054 |"
    )
    expect(report).toContain("| Bando conciliazione | Co-progettazione | Proposto | 2 |")
  })

  it("renders the same content as JSON", () => {
    const json = JSON.parse(renderJson(doc("en")))
    expect(json.sections.map((s: { id: string }) => s.id)).toContain("maturity")
    const summary = json.sections[0].blocks.find((b: { kind: string }) => b.kind === "facts")
    expect(summary.items.find((i: { label: string }) => i.label === "Verdict").value).toBe("Transitional")
  })
})

describe("one disclosure check of the whole report (issue 14)", { timeout: 300_000 }, () => {
  const organisations = [
    { id: "comune-legnano", kind: "local-authority", name: "Comune di Legnano" },
    { id: "coop-melograno", kind: "social-cooperative", name: "Cooperativa Sociale Il Melograno" },
    { id: "casa-volontariato", kind: "volunteer-organisation", name: "Casa del Volontariato" }
  ] as const
  /** A territory with citizens in and out of a partnership, needs, and taking-charge paths. */
  const territories = fc
    .record({
      citizens: fc.array(fc.boolean(), { maxLength: 14 }),
      needs: ArbNeeds.needs({ maxLength: 14 }),
      cases: ArbNeeds.caseHistories({ maxCases: 12 }),
      threshold: fc.integer({ min: 3, max: 11 })
    })
    .map(({ citizens, needs, cases, threshold }) => {
      const people = citizens.map((_, i) => ({ id: `p-${String(i).padStart(4, "0")}`, kind: "citizen" }))
      return {
        threshold,
        territory: {
          name: "T",
          municipalities: [],
          actors: [...organisations, ...people],
          partnerships: [
            {
              id: "pship-tavolo",
              name: "Tavolo",
              members: [
                ...organisations.map((o) => ({ actor: o.id })),
                ...people.filter((_, i) => citizens[i]).map((p) => ({ actor: p.id }))
              ]
            }
          ],
          needs,
          takingCharge: cases.flat()
        } as unknown as Analysis.TerritoryLike
      }
    })

  it("property: every figure about persons the report publishes has a decision, and its value is what the sections show", () => {
    fc.assert(
      fc.property(territories, ({ territory, threshold }) => {
        const a = Analysis.analyse(territory, { threshold, sensitivityLimit: 0 })
        const figures = new Map(personFigures(territory).map((f) => [f.id, f.atoms.length]))
        expect(Object.keys(a.disclosure.status).sort()).toEqual([...figures.keys()].sort())
        expect(figures.get(figureIds.citizens)).toBe(a.network.citizens)
        expect(figures.get(figureIds.isolatedCitizens)).toBe(a.network.isolatedCitizens)
        expect(figures.get(figureIds.needsTotal)).toBe(a.needs.total)
        expect(figures.get(figureIds.paths)).toBe(a.takingCharge.paths)
        expect(figures.get(figureIds.accessWidened)).toBe(a.needs.access.widened)
        for (const s of ["need", "demand", "choice", "response", "review", "closed"] as const)
          expect(figures.get(figureIds.pathsStage(s))).toBe(a.takingCharge.byStage[s])
      }),
      { numRuns: 40 }
    )
  })

  it("property: no subtraction between published figures (A - B, A - B - C, A + B - C, across sections) gives a hidden figure or 1 to threshold - 1 persons", () => {
    fc.assert(
      fc.property(territories, ({ territory, threshold }) => {
        const a = Analysis.analyse(territory, { threshold, sensitivityLimit: 0 })
        const figures = personFigures(territory)
        const shown = figures.filter((f) => a.disclosure.status[f.id] === "visible" && f.atoms.length > 0)
        const hidden = figures.filter((f) => a.disclosure.status[f.id] !== "visible" && f.atoms.length > 0)
        const sets = shown.map((f) => new Set(f.atoms))
        // every pair and triple of shown figures, with signs
        const combos: Array<Array<[number, number]>> = []
        for (let i = 0; i < shown.length; i++) {
          combos.push([[i, 1]])
          for (let j = 0; j < shown.length; j++) {
            if (j === i) continue
            combos.push([
              [i, 1],
              [j, -1]
            ])
            for (let k = j + 1; k < shown.length; k++)
              if (k !== i)
                combos.push(
                  [
                    [i, 1],
                    [j, -1],
                    [k, -1]
                  ],
                  [
                    [i, 1],
                    [j, 1],
                    [k, -1]
                  ]
                )
          }
        }
        for (const combo of combos) {
          const m = new Map<string, number>()
          for (const [f, sign] of combo) for (const x of sets[f]!) m.set(x, (m.get(x) ?? 0) + sign)
          for (const [x, n] of m) if (n === 0) m.delete(x)
          const plain = [...m.values()].every((n) => n === 1)
          if (!plain) continue
          const what = combo.map(([f, sign]) => `${sign > 0 ? "+" : "-"}${shown[f]!.id}`).join(" ")
          expect({ what, small: m.size > 0 && m.size < threshold }).toEqual({ what, small: false })
          for (const h of hidden)
            expect({
              what,
              gives: m.size === h.atoms.length && h.atoms.every((x) => m.get(x) === 1) ? h.id : null
            }).toEqual({
              what,
              gives: null
            })
        }
      }),
      { numRuns: 40 }
    )
  })

  it("property: the rendered report shows no count of persons between 1 and threshold - 1", () => {
    fc.assert(
      fc.property(territories, ({ territory, threshold }) => {
        const a = Analysis.analyse(territory, { threshold, sensitivityLimit: 0 })
        const json = JSON.parse(renderJson(territoryReport({ territory, analysis: a }, { lang: "en" })))
        const counts: Array<{ value: number | null }> = []
        const walk = (x: unknown): void => {
          if (Array.isArray(x)) x.forEach(walk)
          else if (typeof x === "object" && x !== null) {
            const o = x as { readonly _tag?: unknown; readonly value?: unknown }
            if (o._tag === "Count") counts.push(o as { value: number | null })
            Object.values(o).forEach(walk)
          }
        }
        walk(json)
        for (const c of counts) if (c.value !== null) expect(c.value === 0 || c.value >= threshold).toBe(true)
      }),
      { numRuns: 25 }
    )
  })

  it("Legnano: 'Actors 16' counts organisations only, so it cannot give back the hidden citizens", () => {
    expect(md.en).toContain("- **Actors**: 16")
    expect(md.en).toContain("- **Citizens (count)**: < 5")
    expect(analysis.disclosure.status[figureIds.citizens]).toBe("small")
  })
})

describe("the social counterpart and the 5R in the report (Fondazione Zancan, outside the seeds)", () => {
  it("shows the 5R and the mean counterpart per municipality, with small cells suppressed", () => {
    expect(md.en).toContain("## Social counterpart and the 5R")
    expect(md.en).toContain("| 2016 · Legnano | 6 | 45% |")
    expect(md.en).toContain("| 2016 · Canegrate | < 5 | < 5 |")
    expect(md.en).toContain(
      "| 2016 · Parabiago | hidden to protect another cell | hidden to protect another cell |"
    )
    expect(md.en).toMatch(/\| Make yield: hours given back over hours received \(2016\) \| 31% \|/)
    expect(md.it).toMatch(
      /\| Responsabilizzare: persone con un contributo concordato e onorato \(2016\) \| 60 % \|/
    )
  })
})
