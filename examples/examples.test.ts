import { execFileSync } from "node:child_process"
import { readFileSync } from "node:fs"
import { join } from "node:path"
import { describe, expect, it } from "vitest"

const root = join(import.meta.dirname, "..")
const run = (script: string, ...args: Array<string>): string =>
  execFileSync(
    process.execPath,
    ["--conditions=@welfare/source", "--import", "tsx", join(root, "examples", script), ...args],
    {
      cwd: root,
      encoding: "utf8"
    }
  )

describe("examples run and print what they promise", () => {
  it("the README usage example is examples/usage.ts and runs", () => {
    const readme = readFileSync(join(root, "README.md"), "utf8")
    const block = /## Usage\n\n```ts\n(.*?)```/s.exec(readme)?.[1]
    const file = readFileSync(join(root, "examples", "usage.ts"), "utf8")
    expect(file.endsWith(block!)).toBe(true)
    expect(run("usage.ts").trim().split("\n")).toEqual([
      "comune-legnano Pubblico",
      "coop-melograno Terzo settore",
      "p-0017 Comunità (famiglie e reti informali)",
      "400"
    ])
  })

  it("the demo describes the Legnano territory", () => {
    const out = run("demo.ts")
    expect(out).toContain("Ambito di Legnano: 10 municipalities, 17 actors")
    // Trade unions are social partners, not Third Sector (seed 004, row 47; D.Lgs. 117/2017, art. 4 c.2).
    expect(out).toMatch(/Terzo settore\s+7/)
  })
})
