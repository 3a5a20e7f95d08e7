import { execFileSync } from "node:child_process"
import { join } from "node:path"
import { describe, expect, it } from "vitest"

const root = join(import.meta.dirname, "..")
const run = (...args: Array<string>): string =>
  execFileSync(
    process.execPath,
    ["--conditions=@welfare/source", "--import", "tsx", join(root, "examples", "codesign.ts"), ...args],
    { cwd: root, encoding: "utf8" }
  )

describe("examples/codesign.ts", () => {
  const out = run()
  const lines = out.split("\n")

  it("walks the Cremona recommendations (seed 003) as a co-programming with a clean audit", () => {
    expect(lines[0]).toBe("1. Insieme verso il Piano di Zona (Co-programmazione, seed 003)")
    expect(out).toContain(
      "  2015-04-14 Partecipazione registrata Analisi dei bisogni: 6 actors, 3 final recipients\n" +
        "             -> Gruppo di regia costituito; next: partner-contacted, needs-identified, focus-groups-started"
    )
    expect(out).toContain(
      "  2015-06-16 Bozza del programma need-vulnerabilita-lavoro-casa\n             -> Stesura delle bozze; next: approved"
    )
    expect(out.split("\n2.")[0]).toContain("  audit: no rule broken or at risk")
  })

  it("walks the Legnano roadmap of seed 004: May steering group, July focus groups, September-October drafts and signatures", () => {
    expect(out).toContain(
      "  2015-05-12 Costituzione del gruppo di regia\n             -> Gruppo di regia costituito; next: partner-contacted, needs-identified"
    )
    expect(out).toContain(
      "  2015-07-01 Avvio dei focus group\n             -> Focus group; next: needs-identified, project-built, pact-drafted"
    )
    expect(out).toContain(
      "  2015-09-15 Bozza della Carta della cittadinanza proj-abitare-lavoro, proj-custodi-sociali\n             -> Stesura delle bozze; next: pact-drafted"
    )
    expect(out).toContain("  2015-10-20 Approvazione\n             -> Approvato; next: signed")
    expect(out).toContain(
      "  2015-10-27 Sottoscrizione del Patto comune-parabiago\n             -> Sottoscritto; next: realisation-started"
    )
    expect(out).toContain("  2016-12-15 Chiusura\n             -> Concluso; next: -")
    expect(out).toContain(
      // The Pact «con i Comuni», unions and the productive world (seed 004, row 47): 11 parties sign.
      "  Charter: proj-abitare-lavoro, proj-custodi-sociali; Pact signed by 11 of 11 parties; equal dignity: true"
    )
    expect(lines.filter((l) => l.startsWith("  2015-") || l.startsWith("  2016-"))).toHaveLength(11 + 48)
  })

  it("audits the flawed variant: a partner missing from the realisation, no final recipient in the verification", () => {
    const flawed = out.split("\n3. ")[1]!.trim().split("\n")
    expect(flawed).toEqual([
      "The flawed variant (equal dignity: false)",
      '  [error] Pari dignità degli stakeholder nelle fasi di ideazione, costruzione e realizzazione (seed 003, row 51): rete-vicinato did not take part in the realisation of project "proj-custodi-sociali" (or only as observer): every stakeholder takes part in ideation, construction and realisation with equal dignity',
      "  [error] Coinvolgimento diretto dei destinatari finali nell'analisi dei bisogni e nella verifica (seed 003, row 53): no final recipient took part in the verification: involve the final recipients directly (pseudonymous ids or a count)"
    ])
  })

  it("prints English labels with --lang=en", () => {
    expect(run("--lang=en")).toContain("  2015-10-20 Approval\n             -> Approved; next: signed")
  })
})
