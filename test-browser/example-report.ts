// Renders the example reports the browser test opens: the real report of the
// territory of Legnano (seed 004), decoded from examples/territories/legnano.json,
// analysed by Analysis.analyse and built by territoryReport (the same path as
// `welfare report`), in Italian and English, written to the folder given as
// first argument.
// Run: node --conditions=@welfare/source --import tsx test-browser/example-report.ts .ci-artifacts
import { mkdirSync, readFileSync, writeFileSync } from "node:fs"
import { join } from "node:path"
import * as Either from "effect/Either"
import { Territory } from "../packages/core/src/index.js"
import { Analysis, renderHtml, renderMarkdown, territoryReport } from "../packages/report/src/index.js"

const out = process.argv[2] ?? ".ci-artifacts"
const source = join(import.meta.dirname, "..", "examples", "territories", "legnano.json")
const decoded = Territory.decode(JSON.parse(readFileSync(source, "utf8")))
if (Either.isLeft(decoded)) {
  console.error(`${source} does not decode: run welfare validate on it`)
  process.exit(1)
}
const territory = decoded.right
const analysis = Analysis.analyse(territory)
const doc = (lang: "it" | "en") => territoryReport({ territory, analysis }, { lang })
mkdirSync(out, { recursive: true })
const files = {
  "report.it.html": renderHtml(doc("it")),
  "report.en.html": renderHtml(doc("en")),
  "report.it.md": renderMarkdown(doc("it"))
}
for (const [name, text] of Object.entries(files)) writeFileSync(join(out, name), text)
console.log(
  Object.keys(files)
    .map((f) => join(out, f))
    .join("\n")
)
