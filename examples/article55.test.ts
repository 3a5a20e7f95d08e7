import { execFileSync } from "node:child_process"
import { join } from "node:path"
import { describe, expect, it } from "vitest"

const root = join(import.meta.dirname, "..")
const run = (...args: Array<string>): Array<string> =>
  execFileSync(
    process.execPath,
    ["--conditions=@welfare/source", "--import", "tsx", join(root, "examples", "article55.ts"), ...args],
    { cwd: root, encoding: "utf8" }
  )
    .trimEnd()
    .split("\n")

describe("examples/article55.ts", () => {
  it("an avviso, minuted sessions, a closing document and a convenzione: a co-design under art. 55 c.3 breaks no rule", () => {
    expect(run("--lang=en")[0]).toBe(
      "art55-custodi-sociali-2022 (Co-design (art. 55 c.3)): Convenzione signed; 2 sessions, 2 minuted; problems: none"
    )
  })

  it("the union of the seeds' Pact is not an art. 55 party (D.Lgs. 117/2017, art. 4 c.2)", () => {
    expect(run()[1]).toContain(
      'parties[3]: "cgil-legnano" is not a Third Sector entity (trade union): it may take part in the wider roadmap, not as an art. 55 party (D.Lgs. 117/2017, art. 55 c.1; art. 4)'
    )
  })

  it("a co-programming closes with its document, without steering group or focus groups", () => {
    expect(run()[2]).toBe(
      "art55-coprogrammazione-2021 (Co-programmazione (art. 55 c.2)): Documento conclusivo; 1 sessions, 1 minuted; problems: none"
    )
  })
})
