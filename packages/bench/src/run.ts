/**
 * Runs the benchmark scenarios of `src/scenarios/`, each in its own child
 * process, and prints machine, data sizes, medians, ratios and targets.
 *
 *   pnpm bench                       every scenario
 *   pnpm bench -- decode streaming   the scenarios with these ids (or file names)
 *   pnpm bench -- --write            also records the tables in docs/benchmarks.md
 *
 * A scenario module exports `scenario` (or `scenarios`, or a default export)
 * shaped as `Scenario` from harness.ts.
 */
import { fork } from "node:child_process"
import { readdirSync, readFileSync, writeFileSync } from "node:fs"
import { createRequire } from "node:module"
import * as os from "node:os"
import { basename, dirname, join, resolve } from "node:path"
import { fileURLToPath, pathToFileURL } from "node:url"
import { type Measured, measure, type Scenario } from "./harness.js"

const here = dirname(fileURLToPath(import.meta.url))
const scenarioDir = join(here, "scenarios")
const repoRoot = resolve(here, "../../..")
const docPath = join(repoRoot, "docs/benchmarks.md")
const execArgv = [
  "--conditions=@welfare/source",
  "--import",
  "tsx",
  "--expose-gc",
  "--max-old-space-size=4096"
]

interface Listed {
  readonly file: string
  readonly index: number
  readonly id: string
  readonly execArgv?: ReadonlyArray<string>
}

interface Outcome {
  readonly id: string
  readonly title: string
  readonly target: string
  readonly sizes?: string
  readonly results: ReadonlyArray<Measured>
  readonly met?: boolean
  readonly notes: ReadonlyArray<string>
  readonly error?: string
}

const isScenario = (u: unknown): u is Scenario<unknown> =>
  typeof u === "object" && u !== null && "id" in u && "workloads" in u && "prepare" in u

const scenariosOf = (mod: Record<string, unknown>): Array<Scenario<unknown>> => {
  const found: Array<Scenario<unknown>> = []
  for (const key of ["scenario", "default", "scenarios"]) {
    const v = mod[key]
    if (Array.isArray(v)) found.push(...v.filter(isScenario))
    else if (isScenario(v) && !found.includes(v)) found.push(v)
  }
  return found
}

const scenarioFiles = (): Array<string> =>
  readdirSync(scenarioDir)
    .filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts") && !f.endsWith(".d.ts"))
    .sort()
    .map((f) => join(scenarioDir, f))

const load = async (file: string): Promise<Array<Scenario<unknown>>> =>
  scenariosOf((await import(pathToFileURL(file).href)) as Record<string, unknown>)

// ---------------------------------------------------------------------------
// child modes
// ---------------------------------------------------------------------------

const send = (message: unknown): Promise<void> =>
  new Promise((done) => {
    if (process.send === undefined) {
      console.log(JSON.stringify(message))
      done()
    } else process.send(message, () => done())
  })

const listChild = async (): Promise<void> => {
  const listed: Array<Listed> = []
  for (const file of scenarioFiles()) {
    try {
      const found = await load(file)
      found.forEach((s, index) => {
        listed.push({ file, index, id: s.id, ...(s.execArgv === undefined ? {} : { execArgv: s.execArgv }) })
      })
    } catch (e) {
      console.error(`cannot load ${basename(file)}: ${e instanceof Error ? e.message : String(e)}`)
    }
  }
  await send(listed)
}

const runChild = async (file: string, index: number): Promise<void> => {
  const scenario = (await load(file))[index]!
  try {
    const results = await measure(scenario)
    let met: boolean | undefined
    try {
      met = scenario.meets?.(results)
    } catch {
      met = false
    }
    const outcome: Outcome = {
      id: scenario.id,
      title: scenario.title,
      target: scenario.target,
      ...(scenario.sizes === undefined ? {} : { sizes: scenario.sizes }),
      results,
      ...(met === undefined ? {} : { met }),
      notes: scenario.notes?.(results) ?? []
    }
    await send(outcome)
  } catch (e) {
    await send({
      id: scenario.id,
      title: scenario.title,
      target: scenario.target,
      results: [],
      notes: [],
      error: e instanceof Error ? (e.stack ?? e.message) : String(e)
    } satisfies Outcome)
  }
}

// ---------------------------------------------------------------------------
// parent
// ---------------------------------------------------------------------------

const spawnChild = <T>(
  args: ReadonlyArray<string>,
  extraArgv: ReadonlyArray<string> = []
): Promise<{ readonly value?: T; readonly code: number | null }> =>
  new Promise((done) => {
    let value: T | undefined
    const child = fork(fileURLToPath(import.meta.url), [...args], {
      execArgv: [...execArgv, ...extraArgv],
      stdio: ["ignore", "inherit", "inherit", "ipc"],
      cwd: join(here, "..")
    })
    child.on("message", (m) => {
      value = m as T
    })
    child.on("exit", (code) => done({ ...(value === undefined ? {} : { value }), code }))
  })

const versionOf = (pkg: string): string => {
  try {
    const require = createRequire(join(here, "..", "package.json"))
    return (JSON.parse(readFileSync(require.resolve(`${pkg}/package.json`), "utf8")) as { version: string })
      .version
  } catch {
    try {
      const p = join(repoRoot, "packages", pkg.replace("@welfare/", ""), "package.json")
      return (JSON.parse(readFileSync(p, "utf8")) as { version: string }).version
    } catch {
      return "?"
    }
  }
}

const machine = (): Array<string> => {
  const cpus = os.cpus()
  return [
    `cpu: ${cpus[0]?.model.trim() ?? "?"} x ${cpus.length} cores`,
    `memory: ${(os.totalmem() / 2 ** 30).toFixed(1)} GB`,
    `os: ${os.type()} ${os.release()} ${os.arch()}`,
    `node: ${process.version}`,
    `libraries: @welfare/core ${versionOf("@welfare/core")}, effect ${versionOf("effect")}, zod ${versionOf("zod")}`
  ]
}

const fmtMs = (ms: number): string => (ms >= 100 ? ms.toFixed(0) : ms >= 10 ? ms.toFixed(1) : ms.toFixed(2))
const fmtRate = (m: Measured): string => {
  if (m.items === undefined) return ""
  const r = (m.items / m.medianMs) * 1000
  return r >= 1e6
    ? `${(r / 1e6).toFixed(2)} M/s`
    : r >= 1e3
      ? `${(r / 1e3).toFixed(1)} k/s`
      : `${r.toFixed(1)}/s`
}

/** Each workload beside the nearest "ours" above it: how many times faster ours is. */
const ratios = (results: ReadonlyArray<Measured>): Array<string> => {
  let ours: Measured | undefined
  return results.map((m) => {
    if (m.name.startsWith("ours") || ours === undefined) {
      ours = m
      return "(ours)"
    }
    const r = m.medianMs / ours.medianMs
    return `${r.toFixed(2)}x`
  })
}

const table = (o: Outcome): Array<string> => {
  const rs = ratios(o.results)
  const lines = [
    "| workload | median | rate | ours is faster by | peak RSS |",
    "|---|---:|---:|---:|---:|",
    ...o.results.map(
      (m, i) =>
        `| ${m.name} | ${fmtMs(m.medianMs)} ms | ${fmtRate(m)} | ${rs[i]} | ${m.peakRssMb === undefined ? "" : `${m.peakRssMb.toFixed(0)} MB`} |`
    )
  ]
  return lines
}

const verdict = (o: Outcome): string =>
  o.error !== undefined ? "FAILED TO RUN" : o.met === undefined ? "no hard target" : o.met ? "MET" : "MISSED"

const section = (o: Outcome): Array<string> => [
  `## ${o.id}: ${o.title}`,
  "",
  ...(o.sizes === undefined ? [] : [`Data: ${o.sizes}.`, ""]),
  `Target: ${o.target}. **${verdict(o)}**`,
  "",
  ...(o.error === undefined ? table(o) : ["```", o.error.split("\n").slice(0, 6).join("\n"), "```"]),
  ...(o.notes.length === 0 ? [] : ["", ...o.notes.map((n) => `- ${n}`)]),
  ""
]

const writeDoc = (outcomes: ReadonlyArray<Outcome>, header: ReadonlyArray<string>): void => {
  let existing = ""
  try {
    existing = readFileSync(docPath, "utf8")
  } catch {
    existing = ""
  }
  const sections = new Map<string, string>()
  const re = /<!-- scenario:([\w-]+) -->\n([\s\S]*?)<!-- \/scenario:\1 -->\n?/g
  for (const m of existing.matchAll(re)) sections.set(m[1]!, m[2]!)
  for (const o of outcomes) sections.set(o.id, section(o).join("\n"))
  const intro = existing.includes("<!-- results -->")
    ? existing.slice(0, existing.indexOf("<!-- results -->"))
    : ""
  const tail = existing.includes("<!-- /results -->")
    ? existing.slice(existing.indexOf("<!-- /results -->") + "<!-- /results -->".length)
    : ""
  const body = [
    "<!-- results -->",
    `Latest run: ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC (\`pnpm bench -- --write\`).`,
    "",
    ...header.map((h) => `- ${h}`),
    "",
    ...[...sections.keys()]
      .sort()
      .map((id) => `<!-- scenario:${id} -->\n${sections.get(id)!}<!-- /scenario:${id} -->`),
    "<!-- /results -->"
  ].join("\n")
  writeFileSync(
    docPath,
    `${intro === "" ? "# Benchmarks\n\nMeasured by `pnpm bench` (packages/bench): every scenario in its own process, seeded data, the median of several runs (5 unless a scenario says otherwise) after warm-up.\n\n" : intro}${body}${tail === "" ? "\n" : tail}`
  )
}

const parent = async (args: ReadonlyArray<string>): Promise<void> => {
  const write = args.includes("--write")
  const wanted = args.filter((a) => !a.startsWith("--"))
  const header = machine()
  console.log("# @welfare benchmarks\n")
  for (const h of header) console.log(h)
  console.log("")
  const listing = await spawnChild<Array<Listed>>(["--list"])
  const listed = (listing.value ?? []).filter(
    (l) => wanted.length === 0 || wanted.includes(l.id) || wanted.includes(basename(l.file, ".ts"))
  )
  if (listed.length === 0) {
    console.log(wanted.length === 0 ? "no scenario found" : `no scenario named ${wanted.join(", ")}`)
    process.exitCode = wanted.length === 0 ? 0 : 1
    return
  }
  const outcomes: Array<Outcome> = []
  for (const l of listed) {
    console.error(`running ${l.id} (${basename(l.file)}) ...`)
    const { value, code } = await spawnChild<Outcome>(["--child", l.file, String(l.index)], l.execArgv)
    const outcome: Outcome = value ?? {
      id: l.id,
      title: l.id,
      target: "?",
      results: [],
      notes: [],
      error: `the scenario's process exited with code ${code} before reporting (out of memory?)`
    }
    outcomes.push(outcome)
    console.log(section(outcome).join("\n"))
  }
  console.log("## Summary\n")
  for (const o of outcomes) console.log(`- ${o.id}: ${verdict(o)} (${o.target})`)
  if (write) {
    writeDoc(outcomes, header)
    console.log(`\nwrote ${docPath}`)
  }
  if (outcomes.some((o) => o.error !== undefined)) process.exitCode = 1
}

const argv = process.argv.slice(2)
if (argv[0] === "--list") await listChild()
else if (argv[0] === "--child") await runChild(argv[1]!, Number(argv[2]))
else await parent(argv)
