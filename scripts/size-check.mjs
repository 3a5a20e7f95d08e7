// The bundle-size check (issue 19), as zod and valibot run theirs in CI: each
// entry is bundled by esbuild for the browser (minified, from the BUILT
// packages, as a reader's bundler would) and its gzipped size compared with a
// budget; the playground's pages (docs/api/playground, built by `pnpm run
// docs`) are measured as served: HTML plus script. Exits non-zero when a
// budget is exceeded. A few seconds.
//   node scripts/size-check.mjs           check and print the table
//   node scripts/size-check.mjs --write   also record the table in docs/benchmarks.md
// The budgets are issue 19's targets (one module's deep import <= 120 KB
// gzipped, the playground's first load <= 300 KB gzipped); the other rows are
// editorial: the figure measured when they were set plus about 10%, so a
// regression shows.
import { existsSync, readFileSync, writeFileSync } from "node:fs"
import * as os from "node:os"
import { dirname, join, resolve } from "node:path"
import { fileURLToPath } from "node:url"
import { gzipSync } from "node:zlib"
import { build } from "esbuild"

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..")
const kb = (n) => n / 1024

/** Bundles one import line the way a browser app would, from packages/report (which depends on core and effect). */
const bundle = async (code) => {
  const r = await build({
    stdin: { contents: code, resolveDir: join(root, "packages", "report"), loader: "js" },
    bundle: true,
    minify: true,
    format: "esm",
    platform: "browser",
    target: "es2022",
    write: false,
    logLevel: "error",
    logOverride: { "ignored-bare-import": "silent" }
  })
  const out = r.outputFiles[0].contents
  return { min: out.length, gz: gzipSync(out, { level: 9 }).length }
}

const deep = (m) => ({
  name: `import * as ${m} from "@welfare/core/${m}"`,
  code: `import * as ${m} from "@welfare/core/${m}"; globalThis.x = ${m}`
})

const entries = [
  { ...deep("Assessment"), budget: 120, target: true },
  { ...deep("Intervention"), budget: 120, target: true },
  { ...deep("Dimension"), budget: 120, target: true },
  { ...deep("Problem"), budget: 120, target: true },
  { ...deep("Sensitivity"), budget: 120, target: true },
  { ...deep("Actor"), budget: 120, target: true },
  {
    name: 'import * as Assessment from "@welfare/core/Assessment" and Intervention',
    code: 'import * as A from "@welfare/core/Assessment"; import * as I from "@welfare/core/Intervention"; globalThis.x = [A, I]',
    budget: 120,
    target: true
  },
  {
    name: 'import { Assessment, Intervention } from "@welfare/core"',
    code: 'import { Assessment, Intervention } from "@welfare/core"; globalThis.x = [Assessment, Intervention]',
    budget: 120
  },
  { ...deep("Territory"), budget: 185 },
  // the kernel the CLI's shard workers load (issue 15): no effect, a few KB
  { ...deep("kernel"), budget: 8 },
  {
    name: 'import * as core from "@welfare/core" (everything)',
    code: 'import * as core from "@welfare/core"; globalThis.x = core',
    budget: 260
  },
  {
    name: 'reference: import * as Schema from "effect/Schema"',
    code: 'import * as Schema from "effect/Schema"; globalThis.x = Schema'
  }
]

const rows = []
let failed = 0
for (const e of entries) {
  const { min, gz } = await bundle(e.code)
  const ok = e.budget === undefined || kb(gz) <= e.budget
  if (!ok) failed++
  rows.push({ name: e.name, min, gz, budget: e.budget, ok, target: e.target === true })
}

const playground = join(root, "docs", "api", "playground")
for (const id of ["assess", "validate", "explore"]) {
  const html = join(playground, `${id}.html`)
  const js = join(playground, `${id}.js`)
  if (!existsSync(html) || !existsSync(js)) {
    console.error(`${html} is missing: run pnpm run docs first`)
    failed++
    continue
  }
  const bytes = Buffer.concat([
    readFileSync(html),
    readFileSync(join(playground, "playground.css")),
    readFileSync(js)
  ])
  const gz = gzipSync(bytes, { level: 9 }).length
  const ok = kb(gz) <= 300
  if (!ok) failed++
  rows.push({
    name: `playground ${id}.html first load (HTML, CSS, script)`,
    min: bytes.length,
    gz,
    budget: 300,
    ok,
    target: true
  })
}

// The validate page's workbook reader (@welfare/sheets' Workbook, lean streaming reader): a script
// of its own, loaded only when a workbook is dropped, so it is not part of the page's first load.
// Its budget is editorial: 197 KB gzipped when it was set (it carries core's decoder), plus 10%.
{
  const js = join(playground, "workbook.js")
  if (!existsSync(js)) {
    console.error(`${js} is missing: run pnpm run docs first`)
    failed++
  } else {
    const bytes = readFileSync(js)
    const gz = gzipSync(bytes, { level: 9 }).length
    const ok = kb(gz) <= 220
    if (!ok) failed++
    rows.push({
      name: "playground workbook.js (validate's workbook reader, loaded when a workbook is dropped)",
      min: bytes.length,
      gz,
      budget: 220,
      ok,
      target: false
    })
  }
}

const table = [
  "| bundle (esbuild, browser, minified) | minified | gzipped | budget (gzipped) | |",
  "|---|---:|---:|---:|---|",
  ...rows.map(
    (r) =>
      `| ${r.name.replace(/\|/g, "\\|")} | ${kb(r.min).toFixed(1)} KB | ${kb(r.gz).toFixed(1)} KB | ${
        r.budget === undefined ? "(reference)" : `${r.budget} KB${r.target ? " (issue 19)" : ""}`
      } | ${r.budget === undefined ? "" : r.ok ? "ok" : "OVER"} |`
  )
].join("\n")
console.log(table)
console.log(failed === 0 ? "size check: every budget met" : `size check: ${failed} over budget`)

if (process.argv.includes("--write")) {
  const doc = join(root, "docs", "benchmarks.md")
  const cpu = os.cpus()[0]?.model ?? "unknown CPU"
  const section = `<!-- size-check -->
## Bundle sizes (issue 19): \`node scripts/size-check.mjs\`

Measured ${new Date().toISOString().slice(0, 10)} on ${cpu}, ${os.cpus().length} cores, Node ${process.version}; esbuild ${
    JSON.parse(readFileSync(join(root, "node_modules", "esbuild", "package.json"), "utf8")).version
  }, gzip level 9. CI runs the same check (\`.ci/run\`, step "bundle sizes").

${table}
<!-- /size-check -->`
  const text = readFileSync(doc, "utf8")
  const re = /<!-- size-check -->[\s\S]*?<!-- \/size-check -->/
  writeFileSync(doc, re.test(text) ? text.replace(re, section) : `${text.trimEnd()}\n\n${section}\n`)
  console.log(`recorded in ${doc}`)
}
process.exit(failed === 0 ? 0 : 1)
