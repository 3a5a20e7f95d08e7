import * as fc from "fast-check"
import { describe, expect, it } from "vitest"
import { reportDocument } from "../test/arbitraries.js"
import { document } from "../test/fixtures.js"
import { wellFormed } from "../test/xml.js"
import { Report, renderHtml, renderJson, renderMarkdown, View } from "./index.js"

/** Every way an HTML page could fetch something: src/href to elsewhere, CSS url() or @import, scripts. */
const fetches = (html: string): Array<string> => [
  ...[...html.matchAll(/\b(?:src|srcset|data|action|poster)\s*=/gi)].map((m) => m[0]),
  ...[...html.matchAll(/\bhref="([^"]*)"/g)].map((m) => m[1]!).filter((h) => !h.startsWith("#")),
  ...[...html.matchAll(/url\(|@import|<script|<link|<iframe|<img/gi)].map((m) => m[0])
]
const svgs = (html: string) => [...html.matchAll(/<svg[\s\S]*?<\/svg>/g)].map((m) => m[0])

describe("Report.renderHtml", () => {
  const html = renderHtml(document)

  it("is one self-contained page: no URL but the SVG namespace, no script, a CSP that forbids fetching", () => {
    expect(html.replaceAll('xmlns="http://www.w3.org/2000/svg"', "")).not.toMatch(/https?:|src=/)
    expect(fetches(html)).toEqual([])
    expect(html).toContain(`content="default-src 'none'; style-src 'unsafe-inline'; img-src data:"`)
    expect(html).toMatch(/^<!DOCTYPE html>\n<html lang="it">/)
    expect(html).toContain("@media print")
  })

  it("renders suppressed counts as < 5 and missing values as n.d., with the privacy note", () => {
    expect(html).toContain(
      '<tr><th scope="row">Lavoro</th><td class="num">&lt; 5</td><td class="num">7</td></tr>'
    )
    expect(html).toContain(
      '<tr><th scope="row">Trasporti</th><td class="num">n.d.</td><td class="num">&lt; 5</td></tr>'
    )
    expect(html).toContain(
      "I conteggi di persone sotto la soglia (5, salvo diversa scelta) sono soppressi e mostrati come &lt; soglia"
    )
    expect(renderHtml(document, { lang: "en" })).toContain(
      '<th scope="row">Transport</th><td class="num">n/a</td>'
    )
  })

  it("gives every table scoped headers and every chart a title, a text alternative and a table of values", () => {
    const tables = [...html.matchAll(/<table>[\s\S]*?<\/table>/g)].map((m) => m[0])
    expect(tables).toHaveLength(4)
    for (const t of tables) {
      expect(t).toMatch(/<caption>/)
      expect(t).toMatch(/<th scope="col">/)
      expect(t).toMatch(/<th scope="row">/)
    }
    const charts = svgs(html)
    expect(charts).toHaveLength(3)
    for (const s of charts) {
      expect(s).toMatch(/<title id="[^"]+">[^<]+<\/title><desc id="[^"]+">[^<]{40,}<\/desc>/)
      expect(wellFormed(s)).toEqual([])
    }
    expect(new Set(charts.map((s) => /id="([^"]+)-title"/.exec(s)![1])).size).toBe(3)
    expect(html).toContain(
      '<th scope="row">Modello di riferimento</th><td class="num">0,4</td><td class="num">0,6</td><td class="num">0,2</td>'
    )
  })

  it("property: total over arbitrary documents, never fetching anything, with well-formed charts", () => {
    fc.assert(
      fc.property(reportDocument, (doc) => {
        const out = renderHtml(doc)
        expect(fetches(out)).toEqual([])
        for (const s of svgs(out)) expect(wellFormed(s)).toEqual([])
        expect(out.endsWith("</html>\n")).toBe(true)
      }),
      { numRuns: 60 }
    )
  })
})

describe("Report.renderMarkdown", () => {
  it("carries every number of the HTML: charts as text alternatives and tables", () => {
    const md = renderMarkdown(document)
    expect(md).toContain("# Ambito di Legnano: rapporto sul welfare generativo")
    expect(md).toContain("| Lavoro | < 5 | 7 |")
    expect(md).toContain("| Modello di riferimento | 0,4 | 0,6 | 0,2 |")
    expect(md).toContain("| Famiglie raggiunte dai sensori sociali | 62 % | 12 → 30 |")
    expect(md).toContain("Più collegati: Ufficio di Piano (5)")
    expect(
      md
        .trimEnd()
        .endsWith(
          "I conteggi di persone sotto la soglia (5, salvo diversa scelta) sono soppressi e mostrati come < soglia per tutelare la riservatezza; altri conteggi sono nascosti quando da essi si ricaverebbe per sottrazione un conteggio soppresso."
        )
    ).toBe(true)
  })

  it("escapes what would break a table or inject markup", () => {
    const md = Report.renderMarkdown({
      lang: "en",
      title: "T",
      sections: [
        {
          id: "s",
          title: "S",
          blocks: [
            {
              kind: "table",
              table: {
                caption: "",
                columns: ["a|b", "n"],
                rows: [{ header: "<img src=x>", cells: ["x\ny"] }]
              }
            }
          ]
        }
      ]
    })
    expect(md).toContain("| a\\|b | n |")
    expect(md).toContain("| &lt;img src=x\\> | x y |")
  })

  it("property: total over arbitrary documents", () => {
    fc.assert(
      fc.property(reportDocument, (doc) => {
        expect(renderMarkdown(doc).endsWith("\n")).toBe(true)
      }),
      { numRuns: 60 }
    )
  })
})

describe("Report.renderJson", () => {
  it("gives every cell its value and display, marks suppressed counts, and embeds Vega-Lite", () => {
    const json = JSON.parse(renderJson(document, { lang: "en" }))
    const table = json.sections[1].blocks[1]
    expect(table.rows[1]).toEqual({
      header: "Labour",
      cells: [
        { value: null, suppressed: true, display: "< 5" },
        { value: 7, display: "7" }
      ]
    })
    expect(json.sections[0].blocks[1].vegaLite.$schema).toBe(
      "https://vega.github.io/schema/vega-lite/v5.json"
    )
    expect(json.notes).toEqual([
      "Counts of persons below the threshold (5 unless chosen otherwise) are suppressed, shown as < threshold, to protect privacy; other counts are hidden where a suppressed count could be found from them by subtraction."
    ])
  })

  it("property: always valid JSON", () => {
    fc.assert(
      fc.property(reportDocument, (doc) => {
        expect(() => JSON.parse(renderJson(doc))).not.toThrow()
      }),
      { numRuns: 60 }
    )
  })
})

describe("Report.cellText", () => {
  it("formats numbers, counts and percentages in each language", () => {
    expect(Report.cellText(View.count(4), "it")).toBe("< 5")
    // issue 14: a count hidden to protect another is not a small count
    expect(Report.cellText(View.complementary(), "it")).toBe("nascosto per proteggere un'altra cella")
    expect(Report.cellText(View.complementary(), "en")).toBe("hidden to protect another cell")
    expect(Report.cellText(View.count(4, 10), "en")).toBe("< 10")
    expect(Report.cellText(View.count(1234), "en")).toBe("1,234")
    expect(Report.cellText(View.count(12345), "it")).toBe("12.345")
    expect(Report.cellText(View.count(0), "it")).toBe("0")
    expect(Report.cellText(View.percent(1.15), "it")).toBe("115 %")
    expect(Report.cellText(Number.NaN, "en")).toBe("n/a")
    expect(Report.cellText({ it: "Casa", en: "Housing" }, "en")).toBe("Housing")
  })
})
