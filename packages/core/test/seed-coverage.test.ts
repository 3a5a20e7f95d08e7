import { existsSync, readdirSync, readFileSync } from "node:fs"
import { join } from "node:path"
import { describe, expect, it } from "vitest"
import * as Core from "../src/index.js"

const root = join(import.meta.dirname, "..", "..", "..")
const map = readFileSync(join(root, "docs", "guides", "seed-coverage.md"), "utf8")

/** Rows of the map: `| 004:47 | ... |` -> "004:47". */
const mapped = new Set([...map.matchAll(/^\| (00[0-4]):(\d+) \|/gm)].map((m) => `${m[1]}:${Number(m[2])}`))

const seedFiles: { readonly [prefix: string]: string } = {
  "000_7a1c4c52d0c555b3.txt": "000",
  "001_4553c96c3198ee0d.txt": "001",
  "002_67b8bbcfb93b079e.txt": "002",
  "003_5df635cd6d484fa5.txt": "003",
  "004_f8a83f590fe55963.txt": "004"
}

const sources = (dir: string): Array<string> =>
  readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory()
      ? d.name === "node_modules" || d.name === "dist"
        ? []
        : sources(join(dir, d.name))
      : d.name.endsWith(".ts") && !d.name.endsWith(".test.ts") && !d.name.endsWith(".d.ts")
        ? [join(dir, d.name)]
        : []
  )

// The seeds sit beside the clone (../shared/seeds); a range such as "rows 43-55" covers their blank
// lines too, which are no row of the map. Without the seeds every row of a range counts.
const seedsDir = join(root, "..", "shared", "seeds")
const blank = (seed: string, row: number): boolean => {
  const file = Object.keys(seedFiles).find((f) => seedFiles[f] === seed)!
  if (!existsSync(join(seedsDir, file))) return false
  const line = readFileSync(join(seedsDir, file), "utf8").split("\n")[row - 1]
  return line !== undefined && line.trim() === ""
}

/** Every seed row the code cites: prose citations and `{ file, row }` sources. */
const citations = (): Map<string, string> => {
  const out = new Map<string, string>()
  const add = (seed: string, from: number, to: number, where: string) => {
    for (let r = from; r <= to; r++)
      if (!out.has(`${seed}:${r}`) && (from === to || !blank(seed, r))) out.set(`${seed}:${r}`, where)
  }
  for (const pkg of readdirSync(join(root, "packages")))
    for (const file of existsSync(join(root, "packages", pkg, "src"))
      ? sources(join(root, "packages", pkg, "src"))
      : []) {
      const text = readFileSync(file, "utf8").replace(/\u00a0/g, " ")
      const where = file.slice(root.length + 1)
      for (const m of text.matchAll(/seed (00[0-4]),? rows? (\d+)(?:-(\d+))?/g))
        add(m[1]!, Number(m[2]), Number(m[3] ?? m[2]), where)
      for (const m of text.matchAll(/seme (00[0-4]),? righe? (\d+)(?:-(\d+))?/g))
        add(m[1]!, Number(m[2]), Number(m[3] ?? m[2]), where)
      for (const m of text.matchAll(/file: "(\d{3}_[0-9a-f]{16}\.txt)", row: (\d+)/g))
        add(seedFiles[m[1]!]!, Number(m[2]), Number(m[2]), where)
      for (const m of text.matchAll(/file: seed(00[0-4]), row: (\d+)/g))
        add(m[1]!, Number(m[2]), Number(m[2]), where)
    }
  return out
}

describe("the seed-coverage map (docs/guides/seed-coverage.md)", () => {
  it("lists every seed row the code cites", () => {
    const cited = citations()
    expect(cited.size).toBeGreaterThan(30)
    const missing = [...cited].filter(([row]) => !mapped.has(row)).map(([row, where]) => `${row} (${where})`)
    expect(missing).toEqual([])
  })

  it("names only symbols of @welfare/core that exist, and test files that exist", () => {
    const symbols = [...map.matchAll(/`([A-Z][A-Za-z0-9]*)\.([A-Za-z][A-Za-z0-9]*)`/g)].map(
      (m) => [m[1]!, m[2]!] as const
    )
    expect(symbols.length).toBeGreaterThan(50)
    const core = Core as unknown as Record<string, Record<string, unknown> | undefined>
    const unknown = symbols
      .filter(([mod, name]) => core[mod]?.[name] === undefined)
      .map(([m, n]) => `${m}.${n}`)
    expect(unknown).toEqual([])
    const tests = [...map.matchAll(/`(packages\/[^`]+\.test\.ts)`/g)].map((m) => m[1]!)
    expect(tests.length).toBeGreaterThan(20)
    expect(tests.filter((t) => !existsSync(join(root, t)))).toEqual([])
  })

  it("covers the substantive rows of every seed, each with a place in the code or a reason", () => {
    for (const seed of ["000", "001", "002", "003", "004"])
      expect([...mapped].filter((r) => r.startsWith(`${seed}:`)).length).toBeGreaterThan(3)
    for (const line of map.split("\n").filter((l) => /^\| 00[0-4]:\d+ \|/.test(l)))
      expect(line, line).toMatch(/modelled|partly|out of scope/)
  })
})
