/**
 * Italian municipalities by ISTAT code: the table `@welfare/istat` ships,
 * built by `scripts/build-istat-table.mjs` from ISTAT's *Elenco comuni
 * italiani* (the codes in force, with names, province and region), ISTAT's
 * *Elenco dei comuni soppressi* (every suppressed code with its date and the
 * codes it merged into) and ANPR's *archivio storico dei comuni* (since when
 * each code has been in force). {@link sources} names each file with its
 * address, licence, download date and checksum.
 *
 * A code is valid for an interval: from `validFrom` (when known) to the day
 * before `validTo`, the day it was suppressed. Merged municipalities lose
 * their code to a new one (`successors`); a code that was split among several
 * municipalities has several successors.
 *
 * @since 0.2.0
 */
import * as data from "./internal/data.js"

/**
 * One ISTAT code with the name, province and region it had and the interval
 * in which it was valid.
 *
 * @example
 * ```ts
 * import * as assert from "node:assert"
 * import { Municipality } from "@welfare/istat"
 *
 * const caminata: Municipality.Entry | undefined = Municipality.history("033009")[0]
 * assert.deepStrictEqual(caminata?.successors, ["033049"])
 * ```
 *
 * @category models
 * @since 0.2.0
 */
export interface Entry {
  /** The ISTAT code, six digits: `015118`. */
  readonly code: string
  /** The official Italian name: `Legnano`. */
  readonly name: string
  /** The name in the other official language, in bilingual municipalities: `Bozen`. */
  readonly otherName?: string
  /** The province's sigla: `MI`. */
  readonly province: string
  /** The province, metropolitan city or free consortium: `Milano`. Empty for some codes suppressed long ago. */
  readonly provinceName: string
  /** The region: `Lombardia`. Empty for some codes suppressed long ago. */
  readonly region: string
  /** The first day of validity (ANPR), when known. */
  readonly validFrom?: string
  /** The day the code was suppressed (the first day it is no longer valid); absent while in force. */
  readonly validTo?: string
  /** The codes it merged into, for a suppressed code (several when it was split). */
  readonly successors: ReadonlyArray<string>
}

/**
 * A file the table was built from.
 *
 * @example
 * ```ts
 * import * as assert from "node:assert"
 * import { Municipality } from "@welfare/istat"
 *
 * const [list]: ReadonlyArray<Municipality.Source> = Municipality.sources
 * assert.strictEqual(list?.file, "Elenco-comuni-italiani.csv")
 * assert.match(list?.sha256 ?? "", /^[0-9a-f]{64}$/)
 * ```
 *
 * @category models
 * @since 0.2.0
 */
export interface Source {
  /** The file name, as the build script reads it. */
  readonly file: string
  /** Who publishes it and its title. */
  readonly title: string
  /** Where to download it. */
  readonly url: string
  /** Its licence. */
  readonly licence: string
  /** When the copy used was downloaded. */
  readonly downloaded: string
  /** Where the copy used came from. */
  readonly copy: string
  /** The SHA-256 of the file. */
  readonly sha256: string
}

/**
 * A table of municipalities: its entries, indexed by code, and the date it
 * describes. {@link table} is the one shipped; {@link make} builds another
 * (a newer release, a test's).
 *
 * @example
 * ```ts
 * import * as assert from "node:assert"
 * import { Municipality } from "@welfare/istat"
 *
 * const t: Municipality.Table = Municipality.table()
 * assert.strictEqual(t.byCode.get("015118")?.[0]?.name, "Legnano")
 * assert.deepStrictEqual(t.byName.get("legnano")?.map((e) => e.code), ["015118"])
 * ```
 *
 * @category models
 * @since 0.2.0
 */
export interface Table {
  /** The date the table describes: codes created after it are unknown to it. */
  readonly asOf: string
  /** Every entry, by code then date. */
  readonly entries: ReadonlyArray<Entry>
  /** The entries of each code, oldest first. */
  readonly byCode: ReadonlyMap<string, ReadonlyArray<Entry>>
  /** The entries of each official name, as {@link normalise} writes it. */
  readonly byName: ReadonlyMap<string, ReadonlyArray<Entry>>
}

/**
 * The files the shipped table was built from: ISTAT's two lists (CC BY 3.0
 * or later, as ISTAT's legal notice says) and ANPR's archive (CC BY 4.0), with where each was downloaded and its
 * checksum.
 *
 * @example
 * ```ts
 * import * as assert from "node:assert"
 * import { Municipality } from "@welfare/istat"
 *
 * assert.deepStrictEqual(
 *   Municipality.sources.map((s) => s.licence),
 *   ["CC BY 3.0 or later", "CC BY 3.0 or later", "CC BY 4.0"]
 * )
 * ```
 *
 * @category constants
 * @since 0.2.0
 */
export const sources: ReadonlyArray<Source> = data.sources

/**
 * The date the shipped table describes.
 *
 * @example
 * ```ts
 * import * as assert from "node:assert"
 * import { Municipality } from "@welfare/istat"
 *
 * assert.strictEqual(Municipality.asOf, "2023-11-10")
 * ```
 *
 * @category constants
 * @since 0.2.0
 */
export const asOf: string = data.asOf

/**
 * The attribution the licences ask for, in Italian and English: show it
 * wherever the table's data is shown.
 *
 * @example
 * ```ts
 * import * as assert from "node:assert"
 * import { Municipality } from "@welfare/istat"
 *
 * assert.ok(Municipality.attribution.it.startsWith("Fonte: ISTAT"))
 * ```
 *
 * @category constants
 * @since 0.2.0
 */
export const attribution: { readonly it: string; readonly en: string } = {
  it: `Fonte: ISTAT, Elenco comuni italiani ed Elenco dei comuni soppressi (CC BY 3.0 o successiva); Ministero dell'Interno, ANPR, archivio storico dei comuni (CC BY 4.0); dati al ${data.asOf}.`,
  en: `Source: ISTAT, Elenco comuni italiani and Elenco dei comuni soppressi (CC BY 3.0 or later); Ministry of the Interior, ANPR, archivio storico dei comuni (CC BY 4.0); data as of ${data.asOf}.`
}

const parse = (rows: string): Array<Entry> =>
  rows.split("\n").map((line) => {
    const [
      code = "",
      name = "",
      otherName = "",
      province = "",
      provinceName = "",
      region = "",
      from = "",
      to = "",
      next = ""
    ] = line.split("\t")
    return {
      code,
      name,
      ...(otherName === "" ? {} : { otherName }),
      province,
      provinceName,
      region,
      ...(from === "" ? {} : { validFrom: from }),
      ...(to === "" ? {} : { validTo: to }),
      successors: next === "" ? [] : next.split(",")
    }
  })

const officialNames = (e: Entry): ReadonlyArray<string> =>
  e.otherName === undefined ? [e.name] : [e.name, e.otherName, `${e.name}/${e.otherName}`]

/**
 * Builds a table from entries (another release of the lists, or a test's).
 *
 * @example
 * ```ts
 * import * as assert from "node:assert"
 * import { Municipality } from "@welfare/istat"
 *
 * const t = Municipality.make("2024-01-01", [
 *   { code: "015118", name: "Legnano", province: "MI", provinceName: "Milano", region: "Lombardia", successors: [] }
 * ])
 * assert.strictEqual(Municipality.lookup("015118", "2024-01-01", t)?.name, "Legnano")
 * ```
 *
 * @category constructors
 * @since 0.2.0
 */
export const make = (asOfDate: string, entries: ReadonlyArray<Entry>): Table => {
  const sorted = [...entries].sort(
    (a, b) => a.code.localeCompare(b.code) || (a.validFrom ?? "").localeCompare(b.validFrom ?? "")
  )
  const byCode = new Map<string, Array<Entry>>()
  const byName = new Map<string, Array<Entry>>()
  const add = (map: Map<string, Array<Entry>>, key: string, e: Entry) => {
    const list = map.get(key)
    if (list === undefined) map.set(key, [e])
    else if (list.at(-1) !== e) list.push(e)
  }
  for (const e of sorted) {
    add(byCode, e.code, e)
    for (const name of officialNames(e)) add(byName, normalise(name), e)
  }
  return { asOf: asOfDate, entries: sorted, byCode, byName }
}

let shipped: Table | undefined

/**
 * The shipped table: 7,901 codes in force and 2,437 suppressed ones, parsed
 * on first use.
 *
 * @example
 * ```ts
 * import * as assert from "node:assert"
 * import { Municipality } from "@welfare/istat"
 *
 * const t = Municipality.table()
 * assert.strictEqual(t.entries.filter((e) => e.validTo === undefined).length, 7901)
 * ```
 *
 * @category constructors
 * @since 0.2.0
 */
export const table = (): Table => {
  shipped ??= make(data.asOf, parse(data.rows))
  return shipped
}

/**
 * Whether an entry's code was valid on a day (`YYYY-MM-DD`).
 *
 * @example
 * ```ts
 * import * as assert from "node:assert"
 * import { Municipality } from "@welfare/istat"
 *
 * const [vermezzo] = Municipality.history("015235")
 * assert.ok(vermezzo !== undefined && Municipality.isValidAt(vermezzo, "2019-02-07"))
 * assert.ok(!Municipality.isValidAt(vermezzo, "2019-02-08"))
 * ```
 *
 * @category predicates
 * @since 0.2.0
 */
export const isValidAt = (entry: Entry, date: string): boolean =>
  (entry.validFrom === undefined || entry.validFrom <= date) &&
  (entry.validTo === undefined || date < entry.validTo)

/**
 * Whether an entry's code was valid on every day of a period (both days included).
 *
 * @example
 * ```ts
 * import * as assert from "node:assert"
 * import { Municipality } from "@welfare/istat"
 *
 * const [vermezzo] = Municipality.history("015235")
 * assert.ok(vermezzo !== undefined)
 * assert.ok(!Municipality.isValidThroughout(vermezzo, { start: "2018-01-01", end: "2020-12-31" }))
 * ```
 *
 * @category predicates
 * @since 0.2.0
 */
export const isValidThroughout = (
  entry: Entry,
  period: { readonly start: string; readonly end: string }
): boolean => isValidAt(entry, period.start) && (entry.validTo === undefined || period.end < entry.validTo)

/**
 * Every entry of a code, oldest first; empty for a code no list knows.
 *
 * @example
 * ```ts
 * import * as assert from "node:assert"
 * import { Municipality } from "@welfare/istat"
 *
 * assert.deepStrictEqual(Municipality.history("033009").map((e) => [e.name, e.validTo, e.successors]), [
 *   ["Caminata", "2018-01-01", ["033049"]]
 * ])
 * assert.deepStrictEqual(Municipality.history("999999"), [])
 * ```
 *
 * @category getters
 * @since 0.2.0
 */
export const history = (code: string, from: Table = table()): ReadonlyArray<Entry> =>
  from.byCode.get(code) ?? []

/**
 * The entry of a code valid on a day (the table's date by default), if any.
 *
 * @example
 * ```ts
 * import * as assert from "node:assert"
 * import { Municipality } from "@welfare/istat"
 *
 * const legnano = Municipality.lookup("015118")
 * assert.deepStrictEqual(
 *   legnano && [legnano.name, legnano.province, legnano.provinceName, legnano.region],
 *   ["Legnano", "MI", "Milano", "Lombardia"]
 * )
 * assert.strictEqual(Municipality.lookup("033009", "2020-01-01"), undefined)
 * ```
 *
 * @category getters
 * @since 0.2.0
 */
export const lookup = (code: string, at?: string, from: Table = table()): Entry | undefined => {
  const day = at ?? from.asOf
  return history(code, from).find((e) => isValidAt(e, day))
}

/**
 * The entries a code leads to on a day: itself when still valid, else its
 * successors', followed through later mergers (at most 16 steps).
 *
 * @example
 * ```ts
 * import * as assert from "node:assert"
 * import { Municipality } from "@welfare/istat"
 *
 * // Vermezzo and Zelo Surrigone merged into Vermezzo con Zelo on 2019-02-08.
 * assert.deepStrictEqual(Municipality.successorsAt("015235", "2023-01-01").map((e) => [e.code, e.name]), [
 *   ["015251", "Vermezzo con Zelo"]
 * ])
 * ```
 *
 * @category getters
 * @since 0.2.0
 */
export const successorsAt = (code: string, at: string, from: Table = table()): ReadonlyArray<Entry> => {
  const found = new Map<string, Entry>()
  const seen = new Set<string>()
  let frontier: ReadonlyArray<string> = [code]
  for (let step = 0; step < 16 && frontier.length > 0; step++) {
    const next: Array<string> = []
    for (const c of frontier) {
      if (seen.has(c)) continue
      seen.add(c)
      const valid = lookup(c, at, from)
      if (valid !== undefined) {
        found.set(c, valid)
        continue
      }
      for (const e of history(c, from))
        if (e.validTo !== undefined && e.validTo <= at) next.push(...e.successors)
    }
    frontier = next
  }
  return [...found.values()]
}

/**
 * A name as compared: Unicode NFC, lower case, typographic apostrophes as `'`,
 * no space around `-` or `/`, spaces collapsed.
 *
 * @example
 * ```ts
 * import * as assert from "node:assert"
 * import { Municipality } from "@welfare/istat"
 *
 * assert.strictEqual(Municipality.normalise("  SAN VITTORE   Olona "), "san vittore olona")
 * assert.strictEqual(Municipality.normalise("Sant’Angelo"), "sant'angelo")
 * ```
 *
 * @category formatting
 * @since 0.2.0
 */
export const normalise = (name: string): string =>
  name
    .normalize("NFC")
    .toLocaleLowerCase("it")
    .replace(/[\u2018\u2019\u02bc`´]/g, "'")
    .replace(/\s*([-/])\s*/g, "$1")
    .replace(/\s+/g, " ")
    .trim()

/**
 * Whether a name is one of an entry's official names: the Italian one, the
 * other-language one, or both as ISTAT joins them (`Bolzano/Bozen`), compared
 * by {@link normalise}.
 *
 * @example
 * ```ts
 * import * as assert from "node:assert"
 * import { Municipality } from "@welfare/istat"
 *
 * const bolzano = Municipality.lookup("021008")
 * assert.ok(bolzano !== undefined)
 * assert.ok(Municipality.hasName(bolzano, "Bozen") && Municipality.hasName(bolzano, "Bolzano/Bozen"))
 * assert.ok(!Municipality.hasName(bolzano, "Bolzano Vicentino"))
 * ```
 *
 * @category predicates
 * @since 0.2.0
 */
export const hasName = (entry: Entry, name: string): boolean => {
  const n = normalise(name)
  return officialNames(entry).some((official) => normalise(official) === n)
}

/**
 * The entries valid on a day whose official name is `name` (several where
 * two municipalities share a name, as Castro in Bergamo and in Lecce).
 *
 * @example
 * ```ts
 * import * as assert from "node:assert"
 * import { Municipality } from "@welfare/istat"
 *
 * assert.deepStrictEqual(Municipality.byName("Cerro Maggiore").map((e) => e.code), ["015072"])
 * assert.deepStrictEqual(Municipality.byName("Castro").map((e) => e.province), ["BG", "LE"])
 * ```
 *
 * @category getters
 * @since 0.2.0
 */
export const byName = (name: string, at?: string, from: Table = table()): ReadonlyArray<Entry> => {
  const day = at ?? from.asOf
  return (from.byName.get(normalise(name)) ?? []).filter((e) => isValidAt(e, day))
}
