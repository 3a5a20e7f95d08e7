// Runs every code cell of every notebook in examples/notebooks/, in order, as
// one TypeScript file, with Node and tsx (no Deno needed), so the notebooks
// never rot. CI also runs them in Deno's Jupyter kernel, where the rich
// displays are checked (scripts/run-notebooks.py). The file is written inside packages/report so that both
// "@welfare/core" and "@welfare/report" resolve to their sources.
import { execFileSync } from "node:child_process"
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs"
import { join } from "node:path"
import { afterAll, describe, expect, it } from "vitest"

const root = join(import.meta.dirname, "..")
const dir = join(root, "examples", "notebooks")
const scratch = join(root, "packages", "report", "test", ".notebooks")
// a notebook that uses the CLI's engines runs inside packages/cli, where "@welfare/cli/sql" resolves
const cliScratch = join(root, "packages", "cli", "test", ".notebooks")

interface Notebook {
  readonly cells: ReadonlyArray<{
    readonly cell_type: string
    readonly source: string | ReadonlyArray<string>
  }>
}

/** The code cells of a notebook, joined in order. */
const extract = (path: string): string => {
  const nb = JSON.parse(readFileSync(path, "utf8")) as Notebook
  return nb.cells
    .filter((c) => c.cell_type === "code")
    .map((c, i) => `// cell ${i + 1}\n${typeof c.source === "string" ? c.source : c.source.join("")}`)
    .join("\n\n")
}

const run = (name: string): string => {
  const code = extract(join(dir, name))
  const where = code.includes("@welfare/cli") ? cliScratch : scratch
  mkdirSync(where, { recursive: true })
  const file = join(where, `${name.replace(/\.ipynb$/, "")}.ts`)
  writeFileSync(file, `${code}\nexport {}\n`)
  return execFileSync(process.execPath, ["--conditions=@welfare/source", "--import", "tsx", file], {
    cwd: root,
    encoding: "utf8"
  })
}

afterAll(() => {
  rmSync(scratch, { recursive: true, force: true })
  rmSync(cliScratch, { recursive: true, force: true })
})

describe("notebooks run", () => {
  it("there are at least two notebooks", () => {
    expect(readdirSync(dir).filter((f) => f.endsWith(".ipynb")).length).toBeGreaterThanOrEqual(2)
  })

  it("assess-territory.ipynb describes Legnano, its network, two profiles with their coverage and the two readings", () => {
    const out = run("assess-territory.ipynb")
    expect(out).toContain("Ambito di Legnano: 10 municipalities, 17 actors")
    expect(out).toContain("Third sector: 7")
    expect(out).toContain("Social partners (trade unions): 1")
    expect(out).toContain("ties: 48, cross-sector share: 0.69")
    expect(out).toContain(
      "voucher: 0.00 insufficient-evidence (coverage 24%, 4 dimensions observed); path: 1.00 insufficient-evidence (coverage 24%, 4 dimensions observed)"
    )
    expect(out).toContain(
      "interventions' reading: 0.47 transitional (coverage 84%, depth 47%, robust); system reading: 0.68 generative; territory: transitional"
    )
    expect(out).toContain("  Contributo economico a domanda: traditional, index 0.00, coverage 88%")
  })

  it("evaluate-and-compare.ipynb compares two periods and shows the evaluation", () => {
    const out = run("evaluate-and-compare.ipynb")
    expect(out).toContain(
      "index 0.00 -> 0.83; verdict insufficient-evidence -> insufficient-evidence; coverage 0.14 -> 0.14"
    )
    expect(out).toContain("24 measurements, 24 published cells")
    expect(out).toContain("asg-families-reached: 0.51")
    expect(out).toContain("https://vega.github.io/schema/vega-lite/v5.json")
  })

  it("analysts.ipynb imports the example workbook, assesses, evaluates and queries the published summary in DuckDB from Parquet", () => {
    const out = run("analysts.ipynb")
    expect(out).toContain("Ambito di Legnano: 17 actors, 4 interventions, 24 measurements")
    expect(out).toContain(
      "verdict: transitional; interventions' reading 0.47 (transitional); system reading 0.68 (generative)"
    )
    expect(out).toContain("intervention,index,class,coverage,depth,derived_share")
    expect(out).toContain("progress: 8 periods, 5 achieved")
    expect(out).toContain(
      "32 rows; scope Utf8, indicator Utf8, period_start Utf8, period_end Utf8, municipality Utf8, suppressed Bool, hidden Utf8, count Int32, persons Int32"
    )
    expect(out).toContain("ind-families-reached 2016: 1 visible, 2 suppressed, persons 210")
    expect(out).toContain("ind-volunteer-hours 2017: 3 visible, 0 suppressed, persons n.d.")
  })

  it("sql-engines.ipynb summarises Parquet through DuckDB, equal to the in-memory summary, and reports a wrong unit", () => {
    const out = run("sql-engines.ipynb")
    expect(out).toContain("24 measurements written to Parquet")
    expect(out).toContain("24 measurements, 24 cells; equal to the in-memory summary: true")
    expect(out).toContain("merged equal to the in-memory summary: true")
    expect(out).toContain(
      '["row msr-004"].unit: the indicator "ind-families-reached" is measured in person, got euro'
    )
  })
})
