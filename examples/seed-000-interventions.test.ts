import { execFileSync } from "node:child_process"
import { readFileSync } from "node:fs"
import { join } from "node:path"
import { Assessment, Intervention, Problem, TerritoryAssessment } from "@welfare/core"
import { Either } from "effect"
import { describe, expect, it } from "vitest"

const root = join(import.meta.dirname, "..")
const out = execFileSync(
  process.execPath,
  ["--conditions=@welfare/source", "--import", "tsx", join(root, "examples", "seed-000-interventions.ts")],
  { cwd: root, encoding: "utf8" }
)
  .trimEnd()
  .split("\n")

describe("examples/seed-000-interventions.ts", () => {
  it("classifies the interventions written from the two columns of seed 000 at their poles, with coverage and depth", () => {
    expect(out[0]).toBe(
      "Contributo economico a domanda (int-contributo-a-domanda): 0.000 Tradizionale / Traditional; copertura / coverage 100%, profondità / depth 0%"
    )
    expect(out[1]).toBe(
      "  Robust to the editorial choices: same verdict in 100% of 1000 draws, index 0.000 to 0.000 (p05-p95)"
    )
    expect(out).toContain(
      "Portineria di comunità (int-portineria-di-comunita): 0.960 Generativo / Generative; copertura / coverage 100%, profondità / depth 100%"
    )
    expect(out).toContain(
      "  Robust to the editorial choices: same verdict in 100% of 1000 draws, index 0.936 to 0.977 (p05-p95)"
    )
  })

  it("prints the evidence in Italian and English with its seed row and provenance", () => {
    const i = out.indexOf(
      "    [T 2, declared] Utente fa Richiesta ➔ Operatore risponde offrendo prestazioni (seed 000, riga 8)"
    )
    expect(i).toBeGreaterThan(0)
    expect(out[i + 1]).toBe("          The user makes a request ➔ the operator answers with benefits")
    expect(out).toContain("  Modello di riferimento / Reference model: 0.800 (coverage 100%, depth 100%)")
    expect(out).toContain('    [G 1, declared] Servizio pensato "con..." (seed 000, riga 6)')
  })

  it("recommends by the seeds' priorities, compares, and reads a name alone as insufficient evidence", () => {
    const at = out.indexOf("Raccomandazioni / Recommendations (Contributo economico a domanda):")
    expect(out.slice(at + 1, at + 3)).toEqual([
      "  [priority 1] +0.065 Mobilitare tempo della comunità (famiglie, reti informali) / Mobilise the community's time (families, informal networks) (seed 000, riga 11)",
      "  [priority 1] +0.065 Accogliere le risorse (tempo) che portano i beneficiari / Welcome the resources (time) the beneficiaries bring (seed 000, riga 8)"
    ])
    expect(out).toContain("Confronto / Comparison: 0.000 -> 0.960 (+0.960)")
    expect(out).toContain("  Reference model: +0.800 (evidence: 2 added, 1 removed)")
    expect(out).toContain(
      "Senza risorse economiche / With no economic resources: 0 vs 1000 hours of time and care"
    )
    expect(out.at(-1)).toBe(
      "Solo un nome / A name only: indice / index non calcolato / not computed, coverage 0%, Evidenze insufficienti / Insufficient evidence"
    )
  })
})

describe("examples/territories/legnano.interventions.json", () => {
  const read = (f: string) => JSON.parse(readFileSync(join(root, "examples", "territories", f), "utf8"))
  const territory = {
    ...read("legnano.json"),
    ...read("legnano.partnerships.json"),
    ...read("legnano.codesign.json"),
    ...read("legnano.needs.json")
  }
  const decoded = (read("legnano.interventions.json").interventions as Array<unknown>).map(
    Intervention.decode
  )
  const interventions = decoded.flatMap((d) => (Either.isRight(d) ? [d.right] : []))

  it("decodes, and every reference holds in the Legnano territory", () => {
    expect(decoded.flatMap((d) => (Either.isLeft(d) ? d.left.map(Problem.format) : []))).toEqual([])
    const ids = (xs: Array<{ id: string }>) => new Set(xs.map((x) => x.id))
    const problems = Intervention.referenceProblems(
      interventions,
      {
        actors: ids(territory.actors),
        partnerships: ids(territory.partnerships),
        coDesigns: ids(territory.coDesigns),
        cases: new Set(territory.takingCharge.map((e: { caseId: string }) => e.caseId))
      },
      ["interventions"]
    )
    expect(problems.map(Problem.format)).toEqual([])
  })

  it("reads the Legnano system: two traditional and two generative services, the two readings side by side", () => {
    expect(interventions.map((i) => [i.id, Assessment.assess(i).class])).toEqual([
      ["int-contributo-economico", "traditional"],
      ["int-assistenza-domiciliare", "traditional"],
      ["int-portineria-comunita", "generative"],
      ["int-casa-lavoro", "generative"]
    ])
    const contributo = Assessment.assess(interventions[0]!)
    expect(contributo.index).toBe(0)
    const p = TerritoryAssessment.assessTerritory({ ...territory, interventions })
    expect(p.interventionClass).toBe("transitional")
    expect(p.systemClass).toBe("generative")
    expect(p.capped).toBe(false)
    expect(p.class).toBe("transitional")
    expect(p.index).toBeCloseTo(((p.interventionIndex ?? 0) + p.systemIndex) / 2, 12)
    expect(p.opportunities.count).toBe(1)
    expect(p.ladder.reached).toBe("active-collaboration")
  })
})
