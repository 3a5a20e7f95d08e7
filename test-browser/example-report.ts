// Renders the example HTML reports the browser test opens: the Legnano
// territory report built by @welfare/report from examples/territories/legnano.json
// (Italian and English), written to the folder given as first argument.
// Run: node --conditions=@welfare/source --import tsx test-browser/example-report.ts .ci-artifacts
import { mkdirSync, writeFileSync } from "node:fs"
import { join } from "node:path"
import { renderHtml, renderMarkdown } from "../packages/report/src/index.js"
import { document } from "../packages/report/test/fixtures.js"

const out = process.argv[2] ?? ".ci-artifacts"
mkdirSync(out, { recursive: true })
const files = {
  "report.it.html": renderHtml(document, { lang: "it" }),
  "report.en.html": renderHtml(document, { lang: "en" }),
  "report.it.md": renderMarkdown(document, { lang: "it" })
}
for (const [name, text] of Object.entries(files)) writeFileSync(join(out, name), text)
console.log(
  Object.keys(files)
    .map((f) => join(out, f))
    .join("\n")
)
