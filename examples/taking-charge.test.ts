import { execFileSync } from "node:child_process"
import { join } from "node:path"
import { describe, expect, it } from "vitest"

const root = join(import.meta.dirname, "..")

describe("the taking-charge example", () => {
  it("follows one case of seed 003 from a social sensor's report to a community response", () => {
    const out = execFileSync(
      process.execPath,
      ["--conditions=@welfare/source", "--import", "tsx", join(root, "examples", "taking-charge.ts")],
      { cwd: root, encoding: "utf8" }
    )
    expect(out.trim().split("\n")).toEqual([
      "need-casa-lavoro-0017: Emergente / Emerging, complex: true, no man's land: true",
      "req-casa-lavoro-0017: gaps for a generative reading: 0",
      "case-2025-0017: Verifica / Review",
      "Trace (it):",
      "  2025-02-03T09:00:00Z  oratorio-san-domenico  Bisogno registrato [need-casa-lavoro-0017, p-0017]",
      "  2025-02-05T10:30:00Z  comune-legnano  Bisogno registrato [need-lavoro-0017]",
      "  2025-02-10T15:00:00Z  comune-legnano  Domanda espressa [need-casa-lavoro-0017, need-lavoro-0017]",
      "  2025-02-17T11:00:00Z  comune-legnano  Scelta condivisa con la persona",
      "  2025-02-24T09:00:00Z  ufficio-di-piano  Risposta comunitaria collegata [coop-melograno, cgil-legnano, rete-vicinato]",
      "  2025-03-31T09:00:00Z  comune-legnano  Verifica del percorso [In linea con il progetto]",
      "Trace (en):",
      "  2025-02-03T09:00:00Z  oratorio-san-domenico  Need recorded [need-casa-lavoro-0017, p-0017]",
      "  2025-02-05T10:30:00Z  comune-legnano  Need recorded [need-lavoro-0017]",
      "  2025-02-10T15:00:00Z  comune-legnano  Demand expressed [need-casa-lavoro-0017, need-lavoro-0017]",
      "  2025-02-17T11:00:00Z  comune-legnano  Choice made with the person",
      "  2025-02-24T09:00:00Z  ufficio-di-piano  Community response linked [coop-melograno, cgil-legnano, rete-vicinato]",
      "  2025-03-31T09:00:00Z  comune-legnano  Path reviewed [On track]",
      "Personalisation: Coprodotto con la persona / Co-produced with the person (the person brings time, competence; receives economic)",
      "Next: Reviewed, Closed",
      "Access: traditional 1, generative 2, widened 1"
    ])
  })
})
