import { execFileSync } from "node:child_process"
import { join } from "node:path"
import { describe, expect, it } from "vitest"

const root = join(import.meta.dirname, "..")
const run = (...args: Array<string>): Array<string> =>
  execFileSync(
    process.execPath,
    [
      "--conditions=@welfare/source",
      "--import",
      "tsx",
      join(root, "examples", "legnano-network.ts"),
      ...args
    ],
    { cwd: root, encoding: "utf8" }
  )
    .trimEnd()
    .split("\n")

describe("examples/legnano-network.ts", () => {
  it("reports the Legnano partnership network of seed 004 in Italian", () => {
    const out = run("--lang=it")
    expect(out).toEqual([
      "Ambito di Legnano: 5 partnerships, 2 Charter projects, 11 Pact signatories",
      "",
      "Attori: 17; Legami: 48; Densità: 0.353",
      "Quota di legami tra settori: 0.688",
      "Settori:",
      "  Pubblico: 5 (legami interni: 7)",
      "  Terzo settore: 7 (legami interni: 8)",
      "  Parti sociali (sindacati): 1 (legami interni: 0)",
      "  Mercato: 1 (legami interni: 0)",
      "  Comunità (famiglie e reti informali): 3 (legami interni: 0)",
      "Legami tra settori:",
      "  Pubblico - Terzo settore: 18",
      "  Pubblico - Parti sociali (sindacati): 1",
      "  Pubblico - Mercato: 1",
      "  Pubblico - Comunità (famiglie e reti informali): 3",
      "  Terzo settore - Parti sociali (sindacati): 2",
      "  Terzo settore - Mercato: 2",
      "  Terzo settore - Comunità (famiglie e reti informali): 5",
      "  Parti sociali (sindacati) - Mercato: 1",
      "Attori ponte tra settori:",
      "  Comune di Legnano (Pubblico): intermediazione 0.179, Pubblico, Terzo settore, Parti sociali (sindacati), Mercato",
      "  Ufficio di Piano dell'Ambito di Legnano (Pubblico): intermediazione 0.151, Pubblico, Terzo settore, Comunità (famiglie e reti informali)",
      "  Cooperativa Sociale Il Melograno (Terzo settore): intermediazione 0.135, Pubblico, Terzo settore, Parti sociali (sindacati), Mercato, Comunità (famiglie e reti informali)",
      "  Associazione famiglie Canegrate (Terzo settore): intermediazione 0.075, Pubblico, Terzo settore, Comunità (famiglie e reti informali)",
      "Attori isolati: p-0017",
      "Componenti connesse: 2; Comunità (Louvain): 4",
      "Rete connessa tra settori: sì"
    ])
  })

  it("reports the same network in English", () => {
    const out = run("--lang=en")
    expect(out).toContain("Brokers between sectors:")
    // Trade unions are social partners, not Third Sector (seed 004, row 47; D.Lgs. 117/2017, art. 4 c.2).
    expect(out).toContain("  Public - Third sector: 18")
    expect(out).toContain("  Public - Social partners (trade unions): 1")
    expect(out).toContain("Isolated actors: p-0017")
    expect(out).toContain("Connected cross-sector network: yes")
    expect(out.filter((l) => l.includes("betweenness"))).toHaveLength(4)
  })
})
