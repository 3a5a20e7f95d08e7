import { execFileSync } from "node:child_process"
import { readFileSync } from "node:fs"
import { join } from "node:path"
import { describe, expect, it } from "vitest"

const root = join(import.meta.dirname, "..")

describe("examples/getting-started.ts", () => {
  it("tours the Legnano territory: assessment, network, evaluation", () => {
    const out = execFileSync(
      process.execPath,
      ["--conditions=@welfare/source", "--import", "tsx", join(root, "examples", "getting-started.ts")],
      { cwd: root, encoding: "utf8" }
    )
    expect(out.trim().split("\n")).toEqual([
      "Ambito di Legnano: Transitional, index 0.58",
      "  interventions' reading 0.47 (coverage 84%, depth 47%), system reading 0.68",
      expect.stringMatching(/^ {2}The checklists read the recorded processes/),
      "  48 ties, 69% across sectors",
      "  24 measurements, 24 cells, 4 suppressed"
    ])
  })

  it("is the code the getting-started guide shows", () => {
    const guide = readFileSync(join(root, "docs", "guides", "getting-started.md"), "utf8")
    const block = /```ts\n(.*?)```/s.exec(guide)?.[1] ?? ""
    const file = readFileSync(join(root, "examples", "getting-started.ts"), "utf8")
    expect(file).toContain(block.trim())
  })
})
