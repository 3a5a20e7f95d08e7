// Browser test (and the playground, test-browser/playground.mjs): Debian's chromium driven by playwright-core (no browser
// download). Opens the built API site (docs/api, built by `pnpm run docs`) and
// the real report of the territory of Legnano (examples/territories/legnano.json,
// analysed and rendered by @welfare/report as `welfare report` does), checks
// there is no console error, that the site's search finds "Partnership", that
// the report has its table of contents, its radar before the territory's
// tables, its explained sections (the two readings side by side, coverage,
// sensitivity, the provenance appendix) and no person's or case's id, and saves screenshots
// under .ci-artifacts/screenshots/ (the path is printed).
// Ends with one line "browser: N passed, N failed"; exits non-zero on a failure.
// Run from the repository root: node test-browser/run.mjs
import { execFileSync } from "node:child_process"
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs"
import { createServer } from "node:http"
import { tmpdir } from "node:os"
import { extname, join, normalize, resolve, sep } from "node:path"
import { chromium } from "playwright-core"
import { checkPlayground } from "./playground.mjs"

const root = resolve(import.meta.dirname, "..")
const artifacts = join(root, ".ci-artifacts")
const shots = join(artifacts, "screenshots")
const executablePath = "/usr/bin/chromium"
mkdirSync(shots, { recursive: true })

let passed = 0
let failed = 0
const check = (name, ok, detail = "") => {
  if (ok) passed++
  else failed++
  console.log(`${ok ? "ok  " : "FAIL"} ${name}${detail === "" ? "" : ` (${detail})`}`)
}

const finish = () => {
  console.log(`screenshots: ${shots}`)
  console.log(`browser: ${passed} passed, ${failed} failed`)
  process.exit(failed === 0 ? 0 : 1)
}

// 1. The example reports, rendered by the package's own renderers.
try {
  const out = execFileSync(
    process.execPath,
    [
      "--conditions=@welfare/source",
      "--import",
      "tsx",
      join(root, "test-browser", "example-report.ts"),
      artifacts
    ],
    { cwd: root, encoding: "utf8" }
  )
  check("example reports rendered", out.includes("report.it.html"), out.trim().split("\n").join(", "))
} catch (e) {
  check("example reports rendered", false, String(e?.message ?? e).split("\n")[0])
}

const site = join(root, "docs", "api", "index.html")
if (!existsSync(executablePath)) {
  check(`chromium at ${executablePath}`, false, "install it with: apt-get install -y chromium")
  finish()
}

// A static server on 127.0.0.1 (file:// URLs are unique origins in chromium,
// which breaks the site's SVG sprites): serves the repository root read-only.
const types = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript",
  ".css": "text/css",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".json": "application/json"
}
const missing = []
const server = createServer((req, res) => {
  const path = normalize(join(root, decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname)))
  if (req.url === "/favicon.ico") {
    res.writeHead(204).end() // chromium asks every origin for one
    return
  }
  if (!path.startsWith(root + sep) || !existsSync(path)) {
    missing.push(req.url)
    res.writeHead(404).end()
    return
  }
  try {
    res
      .writeHead(200, { "content-type": types[extname(path)] ?? "application/octet-stream" })
      .end(readFileSync(path))
  } catch {
    res.writeHead(404).end()
  }
})
await new Promise((ok) => server.listen(0, "127.0.0.1", ok))
const base = `http://127.0.0.1:${server.address().port}`
const urlOf = (file) =>
  `${base}/${file
    .slice(root.length + 1)
    .split(sep)
    .map(encodeURIComponent)
    .join("/")}`

const userDataDir = mkdtempSync(join(tmpdir(), "welfare-chromium-"))
const context = await chromium.launchPersistentContext(userDataDir, {
  executablePath,
  headless: true,
  viewport: { width: 1280, height: 900 },
  args: [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync"
  ]
})

const open = async (url) => {
  const page = await context.newPage()
  const errors = []
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(m.text())
  })
  page.on("pageerror", (e) => errors.push(String(e?.message ?? e)))
  await page.goto(url, { waitUntil: "load" })
  return { page, errors }
}

try {
  // 2. The API site and its search.
  if (!existsSync(site)) check("API site built", false, `${site} is missing: run pnpm run docs`)
  else {
    const { page, errors } = await open(urlOf(site))
    await page.waitForTimeout(500)
    await page.screenshot({ path: join(shots, "site-index.png"), fullPage: false })
    check("API site opens without console errors", errors.length === 0, [...errors, ...missing].join(" | "))

    await page.click("#tsd-search-trigger")
    await page.fill("#tsd-search-input", "Partnership")
    let found = []
    try {
      await page.waitForSelector("#tsd-search-results li", { timeout: 10_000 })
      found = await page.$$eval("#tsd-search-results li", (lis) =>
        lis.map((li) => li.textContent?.trim() ?? "")
      )
    } catch {}
    await page.screenshot({ path: join(shots, "site-search-partnership.png") })
    check(
      'API site search finds "Partnership"',
      found.some((t) => t.includes("Partnership")),
      `${found.length} results: ${found.slice(0, 3).join("; ")}`
    )
    check("API site search without console errors", errors.length === 0, errors.join(" | "))
    await page.close()
  }

  // 3. The example reports.
  for (const lang of ["it", "en"]) {
    const file = join(artifacts, `report.${lang}.html`)
    if (!existsSync(file)) {
      check(`report (${lang}) exists`, false, file)
      continue
    }
    const { page, errors } = await open(urlOf(file))
    const charts = await page.$$eval("svg[role=img]", (svgs) =>
      svgs.map((s) => ({
        title: s.querySelector(":scope > title")?.textContent ?? "",
        desc: s.querySelector(":scope > desc")?.textContent ?? "",
        width: s.getBoundingClientRect().width
      }))
    )
    const headers = await page.$$eval("table", (ts) => ts.map((t) => t.querySelectorAll("th[scope]").length))
    const layout = await page.evaluate(() => {
      const toc = [...document.querySelectorAll("nav.toc a")].map((a) => a.getAttribute("href"))
      const radar = document.querySelector("svg[role=img]")
      const territory = document.querySelector("section[id$='-territory']")
      const body = document.body.textContent ?? ""
      return {
        toc,
        tocTargetsExist: toc.every((h) => h !== null && document.querySelector(h) !== null),
        radarFirst:
          radar !== null &&
          territory !== null &&
          (radar.compareDocumentPosition(territory) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0,
        folded: document.querySelectorAll("details.table").length,
        longOpenTables: [...document.querySelectorAll("table")].filter(
          (t) => t.closest("details") === null && t.querySelectorAll("tbody tr").length > 12
        ).length,
        person: /\bp-\d{4}\b/.test(document.documentElement.outerHTML),
        broker: body.includes("Comune di Legnano ("),
        seedRow: /(seme|seed) 001, (righe|rows) 35-37/.test(body),
        readings:
          /Lettura degli interventi \(seme 000\)|Interventions' reading \(seed 000\)/.test(body) &&
          /Lettura di sistema \(seme 003, riga 24\)|System reading \(seed 003, row 24\)/.test(body),
        coverage: /Copertura delle evidenze|Evidence coverage/.test(body),
        sensitivity: /(robusto|robust): /.test(body),
        appendix: document.querySelector("section[id$='-appendix']") !== null,
        caseId: /\bcase-\d/.test(body),
        width: document.documentElement.scrollWidth
      }
    })
    const lang_ = await page.getAttribute("html", "lang")
    await page.screenshot({ path: join(shots, `report-${lang}.png`), fullPage: true })
    const figures = await page.$$("figure")
    for (const [i, f] of figures.entries())
      await f.screenshot({ path: join(shots, `report-${lang}-figure-${i + 1}.png`) })
    check(`report (${lang}) opens without console errors`, errors.length === 0, errors.join(" | "))
    check(
      `report (${lang}) has accessible charts`,
      charts.length >= 3 && charts.every((c) => c.title !== "" && c.desc.length > 20 && c.width > 200),
      `${charts.length} charts`
    )
    check(
      `report (${lang}) tables have scoped headers`,
      headers.length > 0 && headers.every((n) => n > 0),
      `${headers.length} tables`
    )
    check(`report (${lang}) declares its language`, lang_ === lang, String(lang_))
    check(
      `report (${lang}) has a table of contents whose links all land`,
      layout.toc.length >= 8 && layout.tocTargetsExist,
      `${layout.toc.length} entries`
    )
    check(`report (${lang}) shows the radar before the territory's tables`, layout.radarFirst)
    check(
      `report (${lang}) folds long tables in <details>`,
      layout.folded >= 2 && layout.longOpenTables === 0,
      `${layout.folded} folded, ${layout.longOpenTables} long tables open`
    )
    check(
      `report (${lang}) explains: a broker by name, a round finding with its seed rows`,
      layout.broker && layout.seedRow
    )
    check(
      `report (${lang}) shows the two readings side by side, coverage, sensitivity and the provenance appendix`,
      layout.readings && layout.coverage && layout.sensitivity && layout.appendix
    )
    check(
      `report (${lang}) shows no person's pseudonymous id and no case id`,
      !layout.person && !layout.caseId
    )
    check(`report (${lang}) fits the page width`, layout.width <= 1280, `${layout.width}px`)
    await page.emulateMedia({ media: "print" })
    await page.screenshot({ path: join(shots, `report-${lang}-print.png`), fullPage: true })
    await page.close()
  }

  // 4. The playground pages (static server and file://) and the API site over file://.
  await checkPlayground({ context, check, urlOf, root, shots })
} catch (e) {
  check("browser session", false, String(e?.message ?? e).split("\n")[0])
} finally {
  await context.close()
  server.close()
  rmSync(userDataDir, { recursive: true, force: true })
}
finish()
