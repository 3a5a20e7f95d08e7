import { createHash } from "node:crypto"
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { describe, expect, it } from "vitest"
// @ts-expect-error: a plain script without types
import { build, parseCsv, render } from "../../../scripts/build-istat-table.mjs"
import * as data from "../src/internal/data.js"

const shipped = join(import.meta.dirname, "..", "src", "internal", "data.ts")

// Windows-1252, as ISTAT publishes its CSV files (the letters used here are all in Latin-1).
const cp1252 = (text: string): Buffer => Buffer.from(text, "latin1")

/** Files in the official formats, with made-up municipalities (codes 9xxxxx exist in no list). */
const fixture = (): string => {
  const dir = mkdtempSync(join(tmpdir(), "istat-"))
  const header =
    'Codice Regione;"Codice dell\'Unità territoriale sovracomunale \n(valida a fini statistici)";Codice Provincia (Storico)(1);Progressivo del Comune (2);Codice Comune formato alfanumerico;Denominazione (Italiana e straniera);Denominazione in italiano;Denominazione altra lingua;Codice Ripartizione Geografica;Ripartizione geografica;Denominazione Regione;"Denominazione dell\'Unità territoriale sovracomunale \n(valida a fini statistici)";Tipologia di Unità territoriale sovracomunale ;Flag Comune capoluogo di provincia/città metropolitana/libero consorzio;Sigla automobilistica'
  writeFileSync(
    join(dir, "Elenco-comuni-italiani.csv"),
    cp1252(
      [
        header,
        "25;901;901; 001 ;901001;Città Nuova;Città Nuova;;1;Nord-ovest;Regione di Prova;Provincia di Prova;1;0;ZZ",
        "25;901;901; 004 ;901004;Bassa/Unten;Bassa;Unten;1;Nord-ovest;Regione di Prova;Provincia di Prova;1;0;ZZ",
        ""
      ].join("\r\n")
    )
  )
  writeFileSync(
    join(dir, "Elenco-comuni-soppressi.csv"),
    cp1252(
      [
        "Anno;Sigla Automobilistica;Codice Unità territoriale sovracomunale (Uts);Codice Comune;Denominazione Comune;Comune soppresso per scorporo;Data evento;Codice del Comune associato alla variazione;Denominazione Comune associato alla variazione;Codice Unità territoriale sovracomunale associato alla variazione;Sigla Automobilistica associata alla variazione;;;;;",
        "2020;ZZ;901;901002;Vecchio;;01/01/2020;901001;Città Nuova;901;ZZ;;;;;",
        "1950;ZZ;901;901003;Diviso;1;15/03/1950;901001;Città Nuova;901;ZZ;;;;;",
        "1950;ZZ;901;901003;Diviso;1;15/03/1950;901004;Bassa;901;ZZ;;;;;",
        ""
      ].join("\r\n")
    )
  )
  writeFileSync(
    join(dir, "ANPR_archivio_comuni.csv"),
    "\uFEFF" +
      [
        '"ID","DATAISTITUZIONE","DATACESSAZIONE","CODISTAT","CODCATASTALE","DENOMINAZIONE_IT","DENOMTRASLITTERATA","ALTRADENOMINAZIONE","ALTRADENOMTRASLITTERATA","ID_PROVINCIA","IDPROVINCIAISTAT","IDREGIONE","IDPREFETTURA","STATO","SIGLAPROVINCIA","FONTE","DATAULTIMOAGG","COD_DENOM"',
        // two records without a gap: in force since 1900
        '1,"1900-01-01","1950-12-31","901001","Z001","CITTA NUOVA","","","",901,"901","25","","C","ZZ","","2016-06-17",""',
        '2,"1951-01-01","9999-12-31","901001","Z001","CITTA NUOVA","","","",901,"901","25","ZZ","A","ZZ","","2016-06-17",""',
        // a gap: only the last run counts
        '3,"1861-03-17","1927-12-31","901004","Z004","BASSA","","","",901,"901","25","","C","ZZ","","2016-06-17",""',
        '4,"1947-06-01","9999-12-31","901004","Z004","BASSA","","","",901,"901","25","ZZ","A","ZZ","","2016-06-17",""',
        // ended the day before its suppression
        '5,"1930-05-05","2019-12-31","901002","Z002","VECCHIO","","","",901,"901","25","","C","ZZ","","2016-06-17",""',
        ""
      ].join("\n")
  )
  return dir
}

describe("the ISTAT table", () => {
  it("the build script reads the official formats: names, province, region, intervals, successors", () => {
    const { lines, counts } = build(fixture())
    expect(counts).toEqual({ current: 2, suppressed: 2 })
    expect(lines.map((l: string) => l.split("\t"))).toEqual([
      ["901001", "Città Nuova", "", "ZZ", "Provincia di Prova", "Regione di Prova", "1900-01-01", "", ""],
      [
        "901002",
        "Vecchio",
        "",
        "ZZ",
        "Provincia di Prova",
        "Regione di Prova",
        "1930-05-05",
        "2020-01-01",
        "901001"
      ],
      [
        "901003",
        "Diviso",
        "",
        "ZZ",
        "Provincia di Prova",
        "Regione di Prova",
        "",
        "1950-03-15",
        "901001,901004"
      ],
      ["901004", "Bassa", "Unten", "ZZ", "Provincia di Prova", "Regione di Prova", "1947-06-01", "", ""]
    ])
  })

  it("the CSV reader keeps quoted separators, doubled quotes and line breaks", () => {
    expect(parseCsv('a;"b;c";"d ""e"""\r\n"f\ng";h\n', ";")).toEqual([
      ["a", "b;c", 'd "e"'],
      ["f\ng", "h"]
    ])
  })

  it("the shipped table is intact: its rows have the recorded digest and counts", () => {
    expect(createHash("sha256").update(data.rows).digest("hex")).toBe(data.digest)
    const lines = data.rows.split("\n")
    expect(lines.filter((l) => l.split("\t")[7] === "")).toHaveLength(data.counts.current)
    expect(lines.filter((l) => l.split("\t")[7] !== "")).toHaveLength(data.counts.suppressed)
    for (const l of lines) expect(l.split("\t")).toHaveLength(9)
    expect(data.sources.map((s) => s.sha256)).toEqual([
      "5c3680efc27207d6bbd17915e790b2fd5e666676b888d85f8e2ac71100fe7889",
      "4b9d1b1416cb8a54182a953573da5708a8229604584b13fe33b6a5655d9d46ad",
      "c86791d240f35861a662db78ba4d48978b844a47b5204a38117fe39c4341edb0"
    ])
  })

  // The official files are vendored (vendor/, unchanged, with their digests in `sources`): the
  // table is rebuilt from them on every run and compared with the shipped one, byte for byte.
  const folder = process.env.WELFARE_ISTAT_SOURCES ?? join(import.meta.dirname, "..", "vendor")
  it(`the shipped table is the one the official files in vendor/ give`, () => {
    expect(existsSync(join(folder, "Elenco-comuni-italiani.csv"))).toBe(true)
    expect(render(build(folder))).toBe(readFileSync(shipped, "utf8"))
  })
})
