// Renders pictures of the workbook for the spreadsheets guide
// (docs/guides/images/sheets-*.png): the sheets of examples/territories/legnano.xlsx
// drawn as HTML tables (header rows, drop-down marks on enumerated columns)
// and screenshotted with Debian's chromium through playwright-core.
// Usage: node --conditions=@welfare/source --import tsx scripts/render-sheet-pictures.ts
import { mkdtempSync, readFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { Layout, Table } from "@welfare/sheets"
import * as Xlsx from "@welfare/sheets/xlsx"
import { chromium } from "playwright-core"

const repo = new URL("..", import.meta.url).pathname
const reading = await Xlsx.read(readFileSync(join(repo, "examples/territories/legnano.xlsx")))
const layout = Layout.territory()

const escapeHtml = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;")

const page = (name: string, columns: number, rows: number): string => {
  const raw = reading.sheets.find((s) => s.name === name)!
  const sheet = layout.sheets.find((s) => s.name === name)
  const keys = sheet === undefined ? [] : [...sheet.keys.map(() => undefined), ...sheet.columns]
  const head = `<tr><th></th>${Array.from({ length: columns }, (_, i) => `<th>${Table.columnLetter(i)}</th>`).join("")}</tr>`
  const body = raw.rows
    .slice(0, rows)
    .map(
      (r) =>
        `<tr class="r${r.row}"><th>${r.row}</th>${Array.from({ length: columns }, (_, i) => {
          const c = r.cells[i]
          const enumerated = r.row > 2 && keys[i]?.values !== undefined
          return `<td${enumerated ? ' class="list"' : ""}>${c === null || c === undefined ? "" : escapeHtml(String(c))}</td>`
        }).join("")}</tr>`
    )
    .join("")
  const tabs = reading.sheets
    .slice(0, 9)
    .map((s) => `<span${s.name === name ? ' class="on"' : ""}>${escapeHtml(s.name)}</span>`)
    .join("")
  return `<!doctype html><meta charset="utf-8"><style>
body{margin:0;font:13px Calibri,Carlito,"DejaVu Sans",sans-serif;background:#fff}
table{border-collapse:collapse}th,td{border:1px solid #d0d0d0;padding:3px 6px;white-space:nowrap;max-width:220px;overflow:hidden;text-overflow:ellipsis}
th{background:#f0f0f0;color:#444;font-weight:normal}.r1 td{font-weight:bold}.r2 td{font-style:italic;color:#666}
td.list{background:linear-gradient(to left,#e8eefc 18px,transparent 18px)}td.list{position:relative;padding-right:24px}td.list::after{content:"▾";position:absolute;right:5px;color:#446}
.tabs{padding:4px;background:#f6f6f6;border-top:1px solid #ccc}.tabs span{display:inline-block;padding:3px 10px;margin-right:2px;color:#333}.tabs .on{background:#fff;border-bottom:2px solid #217346;font-weight:bold}
</style><table>${head}${body}</table><div class="tabs">${tabs}</div>`
}

const context = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), "welfare-pictures-")), {
  executablePath: "/usr/bin/chromium",
  headless: true,
  args: ["--no-sandbox"],
  viewport: { width: 1100, height: 400 }
})
const tab = await context.newPage()
for (const [name, file, columns, rows] of [
  ["Interventi", "sheets-interventi.png", 9, 6],
  ["Attori", "sheets-attori.png", 5, 8],
  ["Istruzioni", "sheets-istruzioni.png", 7, 12]
] as const) {
  await tab.setContent(page(name, columns, rows))
  const size = await tab.evaluate(() => ({ w: document.body.scrollWidth, h: document.body.scrollHeight }))
  await tab.setViewportSize({ width: Math.min(1400, size.w + 2), height: size.h + 2 })
  await tab.screenshot({ path: join(repo, "docs/guides/images", file) })
  console.log(`wrote docs/guides/images/${file}`)
}
await context.close()
