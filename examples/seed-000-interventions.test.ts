import { execFileSync } from "node:child_process"
import { readFileSync } from "node:fs"
import { join } from "node:path"
import { Either } from "effect"
import { describe, expect, it } from "vitest"
import { Assessment, Intervention, Problem, TerritoryAssessment } from "@welfare/core"

const root = join(import.meta.dirname, "..")
const out = execFileSync(
  process.execPath,
  ["--conditions=@welfare/source", "--import", "tsx", join(root, "examples", "seed-000-interventions.ts")],
  { cwd: root, encoding: "utf8" }
)
  .trimEnd()
  .split("\n")

describe("examples/seed-000-interventions.ts", () => {
  it("classifies the traditional service and the generative project of seed 000", () => {
    expect(out[0]).toBe(
      "Contributo economico a domanda (int-contributo-a-domanda): 0.000 Tradizionale / Traditional"
    )
    expect(out).toContain(
      "Portineria di comunità (int-portineria-di-comunita): 0.971 Generativo / Generative"
    )
  })

  it("prints the evidence in Italian and English with its seed row", () => {
    const i = out.indexOf(
      "    [T 2] Utente fa Richiesta ➔ Operatore risponde offrendo prestazioni (seed 000, riga 8)"
    )
    expect(i).toBeGreaterThan(0)
    expect(out[i + 1]).toBe("          The user makes a request ➔ the operator answers with benefits")
    expect(out).toContain("  Modello di riferimento / Reference model: 0.800")
    expect(out).toContain('    [G 1] Servizio pensato "con..." (seed 000, riga 6)')
  })

  it("recommends, compares and shows the capacity without economic resources", () => {
    const at = out.indexOf("Raccomandazioni / Recommendations (Contributo economico a domanda):")
    expect(out.slice(at + 1, at + 3)).toEqual([
      "  +0.143 Organizzarsi per obiettivi condivisi / Organise around shared objectives (seed 000, riga 10)",
      "  +0.095 Formare l'operatore a facilitare e anticipare / Train the operator to facilitate and anticipate (seed 000, riga 9)"
    ])
    expect(out).toContain("Confronto / Comparison: 0.000 -> 0.971 (+0.971)")
    expect(out).toContain("  Reference model: +0.800 (evidence: 2 added, 1 removed)")
    expect(out.at(-1)).toBe(
      "Senza risorse economiche / With no economic resources: 0 vs 1000 hours of time and care"
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

  it("reads the Legnano system: two traditional and two generative services in a connected network", () => {
    expect(interventions.map((i) => [i.id, Assessment.assess(i).class])).toEqual([
      ["int-contributo-economico", "traditional"],
      ["int-assistenza-domiciliare", "traditional"],
      ["int-portineria-comunita", "generative"],
      ["int-casa-lavoro", "generative"]
    ])
    const p = TerritoryAssessment.assessTerritory({ ...territory, interventions })
    expect(p.connectedCrossSector).toBe(true)
    expect(p.systemIndex).toBe(0.8125)
    expect(p.index).toBe(p.interventionIndex)
    expect(p.class).toBe("transitional")
    expect(p.moves.maturity).toBe(1)
    expect(p.characteristics.maturity).toBe(1)
    expect(p.ladder.reached).toBe("active-collaboration")
  })
})
