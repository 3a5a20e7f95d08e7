// Builds packages/istat/src/internal/data.ts, the table of Italian municipalities
// by ISTAT code that @welfare/istat ships, from three official files:
//
//   Elenco-comuni-italiani.csv    ISTAT, "Elenco comuni italiani" (the municipalities in force)
//                                 https://www.istat.it/storage/codici-unita-amministrative/Elenco-comuni-italiani.csv
//                                 (page: https://www.istat.it/classificazione/codici-dei-comuni-delle-province-e-delle-regioni/)
//   Elenco-comuni-soppressi.csv   ISTAT, "Elenco dei comuni soppressi": the CSV inside
//                                 https://www.istat.it/storage/codici-unita-amministrative/Elenco-comuni-soppressi.zip
//                                 (every suppressed code, its date and the code it merged into)
//   ANPR_archivio_comuni.csv      Ministero dell'Interno, ANPR, "archivio storico dei comuni" (the
//                                 validity intervals of every code since 1861)
//                                 https://github.com/italia/anpr, src/archivi/ANPR_archivio_comuni.csv
//
// Download the three files into one folder, keep their names as above, then:
//
//   node scripts/build-istat-table.mjs --sources <folder>           writes the table
//   node scripts/build-istat-table.mjs --sources <folder> --check   fails if the shipped table differs
//
// The folder defaults to $WELFARE_ISTAT_SOURCES, else packages/istat/vendor (the vendored files).
// The ISTAT files are in Windows-1252 with `;` separators, the ANPR file UTF-8 with `,`.
// Licences: ISTAT data CC BY 3.0 or later (ISTAT's legal notice: "Creative Commons - Attribuzione - versione 3.0 o successiva", not the Italian port 3.0 IT), ANPR archive CC BY 4.0 (its legend file).
// Update `SOURCES` below (date, where the copy came from) when you rebuild from newer files.
import { createHash } from "node:crypto"
import { existsSync, readFileSync, writeFileSync } from "node:fs"
import { join } from "node:path"

const root = new URL("..", import.meta.url).pathname
const target = join(root, "packages/istat/src/internal/data.ts")

/** What each file is, where it came from and under which licence: copied into the table. */
export const SOURCES = [
  {
    file: "Elenco-comuni-italiani.csv",
    title: "ISTAT, Elenco comuni italiani",
    url: "https://www.istat.it/storage/codici-unita-amministrative/Elenco-comuni-italiani.csv",
    licence: "CC BY 3.0 or later",
    downloaded: "2023-11-10",
    copy: "github.com/paolovolterra/dati @ 11b3946cff8910e58b128ddaf01aedf08a1dafa6 (unchanged ISTAT file)"
  },
  {
    file: "Elenco-comuni-soppressi.csv",
    title: "ISTAT, Elenco dei comuni soppressi",
    url: "https://www.istat.it/storage/codici-unita-amministrative/Elenco-comuni-soppressi.zip",
    licence: "CC BY 3.0 or later",
    downloaded: "2023-09-11",
    copy: 'github.com/passcar99/comuni @ 11ab226271ad221c125149b5f657c1b2122ee3f1 ("Elenco comuni soppressi.csv", the CSV of the zip, unchanged)'
  },
  {
    file: "ANPR_archivio_comuni.csv",
    title: "ANPR (Ministero dell'Interno), archivio storico dei comuni",
    url: "https://github.com/italia/anpr/blob/master/src/archivi/ANPR_archivio_comuni.csv",
    licence: "CC BY 4.0",
    downloaded: "2023-10-03",
    copy: "github.com/italia/anpr @ ada00dea2b9266f797c72a315db21d68bc64244b"
  }
]

/** The date the table describes: the newest of the downloads (no code changed between them). */
export const AS_OF = "2023-11-10"

/** RFC 4180 rows: quoted fields may hold separators, quotes ("") and line breaks. */
export const parseCsv = (text, separator) => {
  const rows = []
  let row = []
  let field = ""
  let quoted = false
  for (let i = 0; i < text.length; i++) {
    const c = text[i]
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"'
          i++
        } else quoted = false
      } else field += c
    } else if (c === '"') quoted = true
    else if (c === separator) {
      row.push(field)
      field = ""
    } else if (c === "\n" || c === "\r") {
      if (c === "\r" && text[i + 1] === "\n") i++
      row.push(field)
      rows.push(row)
      row = []
      field = ""
    } else field += c
  }
  if (field !== "" || row.length > 0) {
    row.push(field)
    rows.push(row)
  }
  return rows.filter((r) => r.some((f) => f.trim() !== ""))
}

const windows1252 = new TextDecoder("windows-1252")
const utf8 = new TextDecoder("utf-8")

const records = (rows) => {
  const header = rows[0].map((h) => h.replace(/\s+/g, " ").trim())
  return rows.slice(1).map((r) => Object.fromEntries(header.map((h, i) => [h, (r[i] ?? "").trim()])))
}

const column = (record, prefix) => {
  const key = Object.keys(record).find((k) => k.startsWith(prefix))
  if (key === undefined) throw new Error(`no column starting with "${prefix}"`)
  return record[key]
}

const isoFromItalian = (date) => {
  const m = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(date)
  if (m === null) throw new Error(`not a dd/mm/yyyy date: ${date}`)
  return `${m[3]}-${m[2]}-${m[1]}`
}

const dayBefore = (iso) => new Date(Date.parse(`${iso}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10)
const daysBetween = (a, b) => (Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000

/**
 * The first day of the run of ANPR records of one code that ends at `end`
 * (inclusive), walking back while the records follow each other without a gap.
 */
const runStart = (records, end) => {
  const sorted = [...records].sort((a, b) => a.DATAISTITUZIONE.localeCompare(b.DATAISTITUZIONE))
  let i = sorted.findLastIndex((r) => r.DATACESSAZIONE === end)
  if (i === -1) return ""
  let start = sorted[i].DATAISTITUZIONE
  while (i > 0 && sorted[i - 1].DATACESSAZIONE >= dayBefore(start)) {
    i--
    if (sorted[i].DATAISTITUZIONE < start) start = sorted[i].DATAISTITUZIONE
  }
  return start
}

const clean = (s) => s.replace(/[\t\n\r]/g, " ").trim()

/** The table's lines (one a code and validity interval) and the checksums of the files read. */
export const build = (folder) => {
  const read = (name) => {
    const path = join(folder, name)
    if (!existsSync(path))
      throw new Error(`${path} is missing: see the header of scripts/build-istat-table.mjs`)
    return readFileSync(path)
  }
  const bytes = Object.fromEntries(SOURCES.map((s) => [s.file, read(s.file)]))
  const sha256 = Object.fromEntries(
    SOURCES.map((s) => [s.file, createHash("sha256").update(bytes[s.file]).digest("hex")])
  )
  const current = records(parseCsv(windows1252.decode(bytes["Elenco-comuni-italiani.csv"]), ";"))
  const suppressed = records(parseCsv(windows1252.decode(bytes["Elenco-comuni-soppressi.csv"]), ";"))
  const anpr = records(parseCsv(utf8.decode(bytes["ANPR_archivio_comuni.csv"]).replace(/^\uFEFF/, ""), ","))

  const anprByCode = new Map()
  for (const r of anpr) {
    const list = anprByCode.get(r.CODISTAT) ?? []
    list.push(r)
    anprByCode.set(r.CODISTAT, list)
  }
  // Names of the supra-municipal units (provinces, metropolitan cities) and regions, by their codes.
  const uts = new Map()
  const regionOfUts = new Map()
  const regionOfSigla = new Map()
  const regionByCode = new Map()
  const lines = []
  for (const r of current) {
    const code = column(r, "Codice Comune formato alfanumerico")
    if (!/^\d{6}$/.test(code)) throw new Error(`Elenco-comuni-italiani.csv: not a six-digit code: ${code}`)
    const utsCode = column(r, "Codice dell'Unità territoriale sovracomunale")
    const utsName = column(r, "Denominazione dell'Unità territoriale sovracomunale")
    const region = column(r, "Denominazione Regione")
    const sigla = column(r, "Sigla automobilistica")
    uts.set(utsCode, utsName)
    regionOfUts.set(utsCode, region)
    regionOfSigla.set(sigla, region)
    regionByCode.set(column(r, "Codice Regione"), region)
    lines.push([
      code,
      clean(column(r, "Denominazione in italiano")),
      clean(column(r, "Denominazione altra lingua")),
      sigla,
      clean(utsName),
      clean(region),
      runStart(anprByCode.get(code) ?? [], "9999-12-31"),
      "",
      ""
    ])
  }
  const currentCodes = new Set(lines.map((l) => l[0]))
  const byCode = new Map()
  for (const r of suppressed) {
    const code = column(r, "Codice Comune")
    if (!/^\d{6}$/.test(code)) throw new Error(`Elenco-comuni-soppressi.csv: not a six-digit code: ${code}`)
    if (currentCodes.has(code)) throw new Error(`${code} is both in force and suppressed: the files disagree`)
    const list = byCode.get(code) ?? []
    list.push(r)
    byCode.set(code, list)
  }
  for (const [code, rows] of byCode) {
    const first = rows[0]
    const date = isoFromItalian(column(first, "Data evento"))
    const successors = [
      ...new Set(rows.map((r) => column(r, "Codice del Comune associato")).filter((c) => /^\d{6}$/.test(c)))
    ]
    const utsCode = column(first, "Codice Unità territoriale sovracomunale")
    const sigla = column(first, "Sigla Automobilistica")
    const history = anprByCode.get(code) ?? []
    const ended = history
      .map((h) => h.DATACESSAZIONE)
      .filter((d) => d <= date && daysBetween(d, date) <= 31)
      .sort()
      .at(-1)
    const anprRegion = history.map((h) => regionByCode.get(h.IDREGIONE)).find((x) => x !== undefined)
    lines.push([
      code,
      clean(column(first, "Denominazione Comune")),
      "",
      sigla,
      clean(uts.get(utsCode) ?? ""),
      clean(regionOfUts.get(utsCode) ?? regionOfSigla.get(sigla) ?? anprRegion ?? ""),
      ended === undefined ? "" : runStart(history, ended),
      date,
      successors.join(",")
    ])
  }
  lines.sort((a, b) => a[0].localeCompare(b[0]) || a[7].localeCompare(b[7]))
  return {
    lines: lines.map((l) => l.join("\t")),
    sha256,
    counts: { current: currentCodes.size, suppressed: byCode.size }
  }
}

/** The text of packages/istat/src/internal/data.ts. */
export const render = ({ lines, sha256, counts }) => {
  const sources = SOURCES.map((s) => ({ ...s, sha256: sha256[s.file] }))
  const table = lines.join("\n")
  const digest = createHash("sha256").update(table).digest("hex")
  return `// Generated by scripts/build-istat-table.mjs from the official files in \`sources\`. Do not edit:
// download newer files and run the script again (its header says where from).

/** The files the table was built from, with their checksums. */
export const sources = ${JSON.stringify(sources, null, 2)} as const

/** The date the table describes. */
export const asOf = ${JSON.stringify(AS_OF)}

/** How many codes are in force and how many were suppressed. */
export const counts = ${JSON.stringify(counts)} as const

/** The SHA-256 of \`rows\`. */
export const digest = ${JSON.stringify(digest)}

/**
 * One line a code: code, name, name in the other official language, province
 * (sigla), province or metropolitan city, region, valid from, valid until
 * (exclusive: the day of suppression), successor codes (comma-separated), tab-separated.
 */
export const rows = ${JSON.stringify(table)}
`
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const at = process.argv.indexOf("--sources")
  const folder =
    at !== -1
      ? process.argv[at + 1]
      : (process.env.WELFARE_ISTAT_SOURCES ?? join(root, "packages", "istat", "vendor"))
  const text = render(build(folder))
  if (process.argv.includes("--check")) {
    if (!existsSync(target) || readFileSync(target, "utf8") !== text) {
      console.error(
        "packages/istat/src/internal/data.ts differs from the official files: run node scripts/build-istat-table.mjs"
      )
      process.exit(1)
    }
    console.log("packages/istat/src/internal/data.ts matches the official files")
  } else {
    writeFileSync(target, text)
    console.log(`wrote ${target}`)
  }
}
