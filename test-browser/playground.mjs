// Browser checks of the playground pages (docs/api/playground/, built by
// `pnpm run docs`) and of the API site over file://, called by run.mjs with
// its chromium context. Each page is opened from the static server and from
// file://; every check also asserts that the page logged no console error.
// The time to interactive (the page's data-ready mark) is printed, never
// asserted: it is recorded in docs/benchmarks.md.
import { existsSync, readFileSync } from "node:fs"
import { join } from "node:path"
import { pathToFileURL } from "node:url"

/** A territory document with two problems: an unknown actor kind and a negative amount. */
const bad = JSON.stringify({
  id: "t-bad",
  name: "Bad",
  municipalities: [],
  actors: [{ id: "a-1", kind: "foo", resources: [{ kind: "time", amount: -3, unit: "hour" }] }]
})

/** The example territory as a workbook (written by the built @welfare/sheets/xlsx) with one bad cell: Interventi!C3. */
let workbook
const badWorkbook = async (root) => {
  if (workbook === undefined) {
    const Xlsx = await import(pathToFileURL(join(root, "packages", "sheets", "dist", "xlsx.js")).href)
    const doc = JSON.parse(readFileSync(join(root, "examples", "territories", "legnano.json"), "utf8"))
    doc.interventions[0].worksOn = "interazioni"
    workbook = await Xlsx.write(doc)
  }
  return workbook
}

export const checkPlayground = async ({ context, check, urlOf, root, shots }) => {
  const dir = join(root, "docs", "api", "playground")
  const timings = []
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
  const waitReady = async (page, name) => {
    await page.waitForSelector("body[data-ready]", { timeout: 30_000 })
    const ms = Number(await page.getAttribute("body", "data-ready"))
    timings.push(`${name} ${ms} ms`)
  }
  for (const id of ["assess", "validate", "explore"]) {
    if (!existsSync(join(dir, `${id}.html`))) {
      check(`playground ${id} built`, false, `${join(dir, `${id}.html`)} is missing: run pnpm run docs`)
      return
    }
  }
  for (const [how, urlOfPage] of [
    ["static server", (f) => urlOf(f)],
    ["file://", (f) => pathToFileURL(f).href]
  ]) {
    // 1. Assess an intervention.
    {
      const { page, errors } = await open(urlOfPage(join(dir, "assess.html")))
      try {
        await waitReady(page, `assess (${how})`)
        const before = {
          radar: await page.innerHTML("#radar"),
          index: await page.getAttribute("#index", "data-value"),
          recs: await page.$$eval("#recommendations li", (l) => l.length)
        }
        await page.selectOption("select[name=designed]", "with")
        await page.selectOption("select[name=governance]", "horizontal")
        const after = {
          radar: await page.innerHTML("#radar"),
          index: await page.getAttribute("#index", "data-value"),
          hash: await page.evaluate(() => location.hash)
        }
        check(
          `playground assess (${how}): a changed fact moves the radar and the index`,
          before.radar.includes("<svg") &&
            after.radar !== before.radar &&
            Number(after.index) > Number(before.index),
          `index ${before.index} -> ${after.index}, ${before.recs} recommendations`
        )
        await page.screenshot({
          path: join(shots, `playground-assess-${how === "file://" ? "file" : "http"}.png`),
          fullPage: true
        })
        // The link keeps the state: open it afresh.
        const shared = await open(page.url())
        await waitReady(shared.page, `assess shared (${how})`)
        const kept = await shared.page.$eval("select[name=designed]", (s) => s.value)
        const sharedIndex = await shared.page.getAttribute("#index", "data-value")
        check(
          `playground assess (${how}): the link restores the state`,
          after.hash.includes("designed=with") && kept === "with" && sharedIndex === after.index,
          `${after.hash.slice(0, 60)}…`
        )
        check(
          `playground assess (${how}): evidence quotes the seeds, sensitivity shown, recommendations ranked`,
          (await page.$$eval("#evidence blockquote", (b) => b.length)) > 0 &&
            /(robusto|fragile|robust)/.test((await page.textContent("#sensitivity")) ?? "") &&
            before.recs > 0
        )
        await shared.page.close()
        check(`playground assess (${how}) without console errors`, errors.length === 0, errors.join(" | "))
      } catch (e) {
        check(`playground assess (${how})`, false, String(e?.message ?? e).split("\n")[0])
      }
      await page.close()
    }
    // 2. Validate a territory document: drop a bad file, then a good one.
    {
      const { page, errors } = await open(urlOfPage(join(dir, "validate.html")))
      try {
        await waitReady(page, `validate (${how})`)
        await page.evaluate((text) => {
          const dt = new DataTransfer()
          dt.items.add(new File([text], "bad.json", { type: "application/json" }))
          document
            .querySelector("#drop")
            .dispatchEvent(new DragEvent("drop", { dataTransfer: dt, bubbles: true, cancelable: true }))
        }, bad)
        await page.waitForSelector("#problems li", { timeout: 10_000 })
        const problems = await page.$$eval("#problems li", (l) => l.map((li) => li.textContent ?? ""))
        check(
          `playground validate (${how}): a dropped bad file shows every problem with its path`,
          problems.length === 2 &&
            problems.some((p) => p.startsWith("actors[0].kind")) &&
            problems.some((p) => p.startsWith("actors[0].resources[0].amount")),
          problems.join(" | ").slice(0, 200)
        )
        check(
          `playground validate (${how}): the page says nothing leaves the browser`,
          /Nothing leaves the browser/.test((await page.textContent("#privacy")) ?? "")
        )
        // A workbook with a bad cell (issue 19 after issue 16): the workbook reader loads on the drop
        // and the problem points at its cell.
        await page.evaluate(
          (b64) => {
            const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0))
            const dt = new DataTransfer()
            dt.items.add(new File([bytes], "territorio.xlsx"))
            document
              .querySelector("#drop")
              .dispatchEvent(new DragEvent("drop", { dataTransfer: dt, bubbles: true, cancelable: true }))
          },
          Buffer.from(await badWorkbook(root)).toString("base64")
        )
        await page.waitForFunction(
          () =>
            [...document.querySelectorAll("#problems li")].some((li) =>
              li.textContent?.startsWith("Interventi!")
            ),
          null,
          { timeout: 30_000 }
        )
        const cells = await page.$$eval("#problems li", (l) => l.map((li) => li.textContent ?? ""))
        check(
          `playground validate (${how}): a dropped workbook with a bad cell shows the problem at its cell`,
          cells.length === 1 && cells[0].startsWith("Interventi!C3 invalid-value"),
          cells.join(" | ").slice(0, 200)
        )
        await page.setInputFiles("#file", join(root, "examples", "territories", "legnano.json"))
        await page.waitForSelector("#status[data-result=valid]", { timeout: 30_000 })
        await page.waitForFunction(
          () =>
            (document.querySelector("#report")?.contentDocument?.querySelectorAll("svg[role=img]").length ??
              0) > 0,
          null,
          { timeout: 30_000 }
        )
        const summary = (await page.textContent("#summary")) ?? ""
        check(
          `playground validate (${how}): a valid file gives the summary and the report`,
          /\d+ (attori|actors)/.test(summary),
          summary
        )
        await page.screenshot({
          path: join(shots, `playground-validate-${how === "file://" ? "file" : "http"}.png`),
          fullPage: true
        })
        check(`playground validate (${how}) without console errors`, errors.length === 0, errors.join(" | "))
      } catch (e) {
        check(`playground validate (${how})`, false, String(e?.message ?? e).split("\n")[0])
      }
      await page.close()
    }
    // 3. Explore the example territory.
    {
      const { page, errors } = await open(urlOfPage(join(dir, "explore.html")))
      try {
        await waitReady(page, `explore (${how})`)
        const shown = await page.evaluate(() => ({
          network: document.querySelectorAll("#network svg[role=img]").length,
          brokers: document.querySelectorAll("#brokers li").length,
          events: document.querySelectorAll("#timeline li").length,
          report: document.querySelector("#report")?.contentDocument?.querySelectorAll("section").length ?? 0
        }))
        check(
          `playground explore (${how}): network with brokers, co-design timeline, report`,
          shown.network === 1 && shown.brokers > 0 && shown.events >= 5 && shown.report > 3,
          JSON.stringify(shown)
        )
        await page.screenshot({
          path: join(shots, `playground-explore-${how === "file://" ? "file" : "http"}.png`),
          fullPage: true
        })
        check(`playground explore (${how}) without console errors`, errors.length === 0, errors.join(" | "))
      } catch (e) {
        check(`playground explore (${how})`, false, String(e?.message ?? e).split("\n")[0])
      }
      await page.close()
    }
  }
  // 4. The API site over file:// (icons included in the page, no blocked icons.svg).
  for (const file of [
    "index.html",
    "modules/_welfare_core.index.Assessment.html",
    "documents/Getting_started.html"
  ]) {
    const path = join(root, "docs", "api", file)
    if (!existsSync(path)) continue
    const { page, errors } = await open(pathToFileURL(path).href)
    await page.waitForTimeout(300)
    check(
      `API site ${file} over file:// without console errors`,
      errors.length === 0,
      errors.slice(0, 3).join(" | ")
    )
    await page.close()
  }
  const size = (id) => (readFileSync(join(dir, `${id}.js`)).length / 1024).toFixed(0)
  console.log(`playground time to interactive: ${timings.join(", ")}`)
  console.log(
    `playground scripts: assess ${size("assess")} KB, validate ${size("validate")} KB, explore ${size("explore")} KB (minified)`
  )
}
