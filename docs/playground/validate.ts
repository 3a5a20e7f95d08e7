/**
 * Playground, page 2: validate a territory document. Paste it or drop a JSON
 * file or a workbook (.xlsx, read by workbook.js, loaded on the first drop):
 * every problem with its path (or its cell, `Interventi!C3`), the summary,
 * and the report rendered in the page. Everything runs in this page: nothing
 * is sent anywhere.
 */
import * as Problem from "@welfare/core/Problem"
import * as Territory from "@welfare/core/Territory"
import { Analysis, renderHtml, territoryReport } from "@welfare/report"
import * as Either from "effect/Either"
import { $, esc, type Lang, langOf, ready, showReport } from "./common.js"
import type { WorkbookReader } from "./workbook.js"

let lang: Lang = langOf(new URLSearchParams(location.hash.slice(1)))

const t = (it: string, en: string): string => (lang === "it" ? it : en)

const check = (text: string, name: string): void => {
  const status = $("#status")
  const problems = $("#problems")
  const summary = $("#summary")
  const frame = $<HTMLIFrameElement>("#report")
  problems.innerHTML = ""
  summary.innerHTML = ""
  frame.hidden = true
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch (e) {
    status.dataset.result = "not-json"
    status.textContent = t(
      `${name} non è JSON valido: ${(e as Error).message}`,
      `${name} is not valid JSON: ${(e as Error).message}`
    )
    return
  }
  const decoded = Territory.decode(json)
  if (Either.isLeft(decoded)) {
    showProblems(
      name,
      decoded.left.map((p) => ({
        where: Problem.formatPath(p.path) || "(document)",
        code: p.code,
        message: p.message
      }))
    )
    return
  }
  showTerritory(decoded.right, name)
}

const showProblems = (
  name: string,
  list: ReadonlyArray<{ readonly where: string; readonly code: string; readonly message: string }>
): void => {
  const status = $("#status")
  status.dataset.result = "problems"
  status.textContent = t(
    `${name}: ${list.length} ${list.length === 1 ? "problema" : "problemi"}, tutti insieme. Correggili e riprova.`,
    `${name}: ${list.length} ${list.length === 1 ? "problem" : "problems"}, all at once. Fix them and try again.`
  )
  $("#problems").innerHTML = list
    .map(
      (p) =>
        `<li><code class="path">${esc(p.where)}</code> <span class="code">${esc(p.code)}</span> ${esc(p.message)}</li>`
    )
    .join("")
}

const showTerritory = (territory: Territory.Territory, name: string): void => {
  const status = $("#status")
  const summary = $("#summary")
  const frame = $<HTMLIFrameElement>("#report")
  status.dataset.result = "valid"
  status.textContent = t(
    `${name} è un documento di territorio valido.`,
    `${name} is a valid territory document.`
  )
  const count = (label: string, xs: ReadonlyArray<unknown> | undefined) =>
    `<li><b>${xs?.length ?? 0}</b> ${esc(label)}</li>`
  summary.innerHTML = [
    count(t("attori", "actors"), territory.actors),
    count(t("partenariati", "partnerships"), territory.partnerships),
    count(t("interventi", "interventions"), territory.interventions),
    count(t("bisogni", "needs"), territory.needs),
    count(t("processi di co-progettazione", "co-design processes"), territory.coDesigns),
    count(t("misure", "measurements"), territory.measurements)
  ].join("")
  const analysis = Analysis.analyse(territory)
  frame.hidden = false
  showReport(frame, renderHtml(territoryReport({ territory, analysis }, { lang })))
}

let reader: Promise<WorkbookReader> | undefined

/** The workbook reader (workbook.js), loaded by a script tag the first time a workbook is dropped. */
const workbookReader = (): Promise<WorkbookReader> => {
  reader ??= new Promise<WorkbookReader>((resolve, reject) => {
    const script = document.createElement("script")
    script.src = "workbook.js"
    script.onload = () => {
      const r = (globalThis as { welfareWorkbook?: WorkbookReader }).welfareWorkbook
      if (r === undefined) reject(new Error("workbook.js did not load"))
      else resolve(r)
    }
    script.onerror = () => reject(new Error("workbook.js did not load"))
    document.head.append(script)
  })
  return reader
}

const checkWorkbook = async (bytes: Uint8Array, name: string): Promise<void> => {
  $("#problems").innerHTML = ""
  $("#summary").innerHTML = ""
  $<HTMLIFrameElement>("#report").hidden = true
  const status = $("#status")
  status.dataset.result = "reading"
  status.textContent = t(`Lettura di ${name}…`, `Reading ${name}…`)
  const wb = await workbookReader()
  const decoded = await wb.decode(bytes)
  if (Either.isLeft(decoded)) {
    showProblems(
      name,
      decoded.left.map((p) => ({
        where: wb.address(p) || "(workbook)",
        code: p.code,
        message: p.message[lang]
      }))
    )
    return
  }
  showTerritory(decoded.right, name)
}

const main = (): void => {
  document.documentElement.lang = lang
  const langSel = $<HTMLSelectElement>("#lang")
  langSel.value = lang
  langSel.onchange = () => {
    lang = langSel.value === "en" ? "en" : "it"
    history.replaceState(null, "", lang === "en" ? "#lang=en" : "#")
    location.reload()
  }
  const area = $<HTMLTextAreaElement>("#document")
  $("#check").onclick = () => check(area.value, t("Il testo incollato", "The pasted text"))
  const readFile = async (file: File): Promise<void> => {
    const bytes = new Uint8Array(await file.arrayBuffer())
    // a workbook is a zip archive: "PK\x03\x04"
    if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) {
      area.value = ""
      try {
        await checkWorkbook(bytes, file.name)
      } catch {
        $("#status").dataset.result = "not-read"
        $("#status").textContent = t(
          `${file.name}: il lettore di cartelle di lavoro non si è caricato`,
          `${file.name}: the workbook reader did not load`
        )
      }
      return
    }
    return file.text().then((text) => {
      area.value = text.length > 200_000 ? `${text.slice(0, 200_000)}\n…` : text
      check(text, file.name)
    })
  }
  $<HTMLInputElement>("#file").onchange = (e) => {
    const f = (e.target as HTMLInputElement).files?.[0]
    if (f !== undefined) void readFile(f)
  }
  const drop = $("#drop")
  drop.ondragover = (e) => {
    e.preventDefault()
    drop.classList.add("over")
  }
  drop.ondragleave = () => drop.classList.remove("over")
  drop.ondrop = (e) => {
    e.preventDefault()
    drop.classList.remove("over")
    const f = e.dataTransfer?.files[0]
    if (f !== undefined) void readFile(f)
  }
  ready()
}
main()
