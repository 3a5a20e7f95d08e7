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
      join(root, "examples", "italian-reference-data.ts"),
      ...args
    ],
    { cwd: root, encoding: "utf8" }
  )
    .trimEnd()
    .split("\n")

describe("examples/italian-reference-data.ts", () => {
  it("checks Legnano's ISTAT codes for its 2015-2017 zone plan, maps its actors to RUNTS sections, in Italian", () => {
    const out = run("--lang=it")
    expect(out.slice(0, 3)).toEqual([
      "Ambito di Legnano (Lombardia), Piano di Zona 2015-01-01 – 2017-12-31",
      "  015118 Legnano (MI, Milano) 1861-03-17",
      "  015072 Cerro Maggiore (MI, Milano) 1862-11-07"
    ])
    expect(out).toContain("Codici ISTAT: 0 problemi")
    expect(out).toContain("  casa-volontariato (Organizzazione di volontariato): a")
    expect(out).toContain("  coop-melograno (Cooperativa sociale): d")
    expect(out).toContain(
      "municipalities[1].istatCode: il codice ISTAT 015246 (Zelo Surrigone) è stato soppresso il 2019-02-08, nel Piano di Zona 2018-01-01 – 2020-12-31: è confluito in 015251 Vermezzo con Zelo; usare il codice in vigore nel periodo"
    )
    expect(out.at(-1)).toMatch(/^Fonte: ISTAT/)
  })

  it("says the same in English", () => {
    const out = run("--lang=en")
    expect(out).toContain("ISTAT codes: 0 problems")
    expect(out.filter((l) => l.includes("was suppressed on 2019-02-08"))).toHaveLength(2)
    expect(out.at(-1)).toMatch(/^Source: ISTAT/)
  })
})
