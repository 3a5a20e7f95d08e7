import { readFileSync } from "node:fs"
import { join } from "node:path"
import { Published, Summary } from "@welfare/core"
import { fullTerritory } from "@welfare/core/testing"
import * as Either from "effect/Either"
import * as fc from "fast-check"
import { describe, expect, it } from "vitest"
import { vendor } from "../test/vendor.js"
import * as Cids from "./Cids.js"

const context: Record<string, unknown> = JSON.parse(
  readFileSync(join(vendor, "cids", "cidsContext.jsonld"), "utf8")
)["@context"]
const prefixes = new Set(Object.keys(context).filter((k) => typeof context[k] === "string"))

// The expanded IRI of a key: a term of the context, or a compact IRI whose prefix it defines.
const expand = (key: string): string | undefined => {
  const term = context[key]
  const id = typeof term === "object" && term !== null ? (term as { "@id": string })["@id"] : undefined
  const compact = id ?? key
  const colon = compact.indexOf(":")
  if (colon < 0) return undefined
  const prefix = compact.slice(0, colon)
  return prefixes.has(prefix) ? `${context[prefix]}${compact.slice(colon + 1)}` : undefined
}

// Essential-tier shapes of the vendored SHACL: for each class, its properties with minCount >= 1.
const shacl = readFileSync(join(vendor, "cids", "cids.essentialtier.shacl.ttl"), "utf8")
const shaclPrefixes = new Map([...shacl.matchAll(/^PREFIX (\w+):\s+<([^>]+)>/gm)].map((m) => [m[1]!, m[2]!]))
const iri = (compact: string) => `${shaclPrefixes.get(compact.split(":")[0]!)}${compact.split(":")[1] ?? ""}`
const requiredBy = new Map<string, Set<string>>()
for (const block of shacl.split(/\n\s*\n/)) {
  const used = /csh:usedBy\s+([^\s;.]+)/.exec(block)
  const path = /sh:path\s+([^\s;]+)/.exec(block)
  const min = /sh:minCount\s+(\d+)/.exec(block)
  if (used === null || path === null || min === null || Number(min[1]) < 1) continue
  const cls = iri(used[1]!)
  const set = requiredBy.get(cls) ?? new Set()
  set.add(iri(path[1]!))
  requiredBy.set(cls, set)
}

const problems = (
  doc: Cids.Document,
  allowed: (type: string, property: string, node: Cids.Node) => boolean
) => {
  const out: Array<string> = []
  const visit = (node: Cids.Node, where: string) => {
    const keys = new Set<string>()
    for (const [k, v] of Object.entries(node)) {
      if (k.startsWith("@")) continue
      const e = expand(k)
      if (e === undefined) out.push(`${where}.${k}: not a term or prefix of the CIDS context`)
      else keys.add(e)
      for (const child of Array.isArray(v) ? v : [v])
        if (typeof child === "object" && child !== null && "@type" in child)
          visit(child as Cids.Node, `${where}.${k}`)
    }
    const type = expand(String(node["@type"]))
    for (const p of requiredBy.get(type ?? "") ?? [])
      if (!keys.has(p) && !allowed(String(node["@type"]), p, node))
        out.push(`${where}: ${node["@type"]} lacks ${p}`)
  }
  doc["@graph"].forEach((n, i) => {
    visit(n, `@graph[${i}]`)
  })
  return out
}

describe("Cids", () => {
  it("reads the Essential tier shapes of the vendored SHACL (the check is live)", () => {
    expect(
      [...(requiredBy.get("https://ontology.commonapproach.org/cids#Indicator") ?? [])].sort()
    ).toContain("https://ontology.commonapproach.org/cids#hasBaseline")
    expect(
      problems(
        { "@context": Cids.contextUrl, "@graph": [{ "@type": "cids:Theme", hasName: "x", nope: 1 }] },
        () => false
      )
    ).toEqual([
      "@graph[0].nope: not a term or prefix of the CIDS context",
      "@graph[0]: cids:Theme lacks https://ontology.commonapproach.org/cids#hasDescription"
    ])
  })

  it("property: every export uses only the CIDS context's terms and meets the Essential tier's required properties, but for baselines and targets the territory does not record (issue 17)", () => {
    const cids = "https://ontology.commonapproach.org/cids#"
    fc.assert(
      fc.property(fullTerritory(), (territory) => {
        const doc = Cids.document(territory)
        expect(
          problems(doc, (type, p, node) => {
            if (type === "cids:Indicator" && p === `${cids}hasBaseline`) {
              const id = String(node["@id"]).split("indicator:")[1]
              return !territory.assignments.some((a) => a.indicator === id && a.baseline?.value !== undefined)
            }
            return type === "cids:IndicatorReport" && p === `${cids}forTarget`
          })
        ).toEqual([])
      }),
      { numRuns: 40 }
    )
  }, 120_000)

  it("property: every reported total is a total Published.publish publishes (issue 17, privacy)", () => {
    fc.assert(
      fc.property(fullTerritory(), (territory) => {
        const published = Published.publish(Summary.fromMeasurements(territory.measurements))
        if (Either.isLeft(published)) throw new Error("suppress failed")
        const hidden = new Set(
          Object.values(published.right.totals)
            .filter((c) => c.suppressed)
            .map((c) => `${c.indicator}:${c.period.start}_${c.period.end}`)
        )
        for (const n of Cids.document(territory)["@graph"])
          if (n["@type"] === "cids:IndicatorReport")
            expect(hidden.has(String(n["@id"]).split("report:")[1] ?? "")).toBe(false)
      }),
      { numRuns: 40 }
    )
  }, 120_000)
})
