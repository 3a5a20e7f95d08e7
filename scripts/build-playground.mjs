// Builds the playground pages of the API site into docs/api/playground/ (run
// after typedoc, which empties docs/api: `pnpm run docs` runs both). The pages
// are docs/playground/<page>.html (sources, so the guides' links to them are
// checked by TypeDoc) with docs/playground/playground.css; each page's script
// is bundled by esbuild from docs/playground/<page>.ts and the BUILT packages
// (@welfare/core's browser build, @welfare/report's dist), minified, as one
// classic script with the example territory inlined. No ES module and no
// fetch, so the pages work from a static host and from file:// alike.
//   node scripts/build-playground.mjs            build into docs/api/playground
//   node scripts/build-playground.mjs --out DIR  build into DIR/playground
import { copyFileSync, mkdirSync, writeFileSync } from "node:fs"
import { dirname, join, resolve } from "node:path"
import { fileURLToPath } from "node:url"
import { build } from "esbuild"

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..")
const src = join(root, "docs", "playground")
const outIndex = process.argv.indexOf("--out")
const site = outIndex > 0 ? resolve(process.argv[outIndex + 1]) : join(root, "docs", "api")
const out = join(site, "playground")
mkdirSync(out, { recursive: true })

export const pages = ["assess", "validate", "explore"]

const result = await build({
  // workbook.js: the validate page's workbook reader, loaded only when a workbook is dropped
  entryPoints: Object.fromEntries([...pages, "workbook"].map((p) => [p, join(src, `${p}.ts`)])),
  outdir: out,
  bundle: true,
  minify: true,
  format: "iife",
  platform: "browser",
  target: "es2022",
  legalComments: "none",
  metafile: true,
  logLevel: "warning",
  // core's browser entries import their shared chunks bare; harmless, as the package has no side effects
  logOverride: { "ignored-bare-import": "silent" }
})
for (const p of pages) copyFileSync(join(src, `${p}.html`), join(out, `${p}.html`))
copyFileSync(join(src, "playground.css"), join(out, "playground.css"))
writeFileSync(join(out, "meta.json"), JSON.stringify(result.metafile))
console.log(`playground: ${pages.map((p) => join(out, `${p}.html`)).join(", ")}`)
