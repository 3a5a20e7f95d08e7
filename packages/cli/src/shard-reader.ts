/**
 * The lean part of sharded evaluation (see `shard.ts`): the validating fast
 * line reader and a fold of ranges of lines into partial summary cells, with
 * no import of `@welfare/core` (so of effect), so that a shard worker starts
 * in a few milliseconds instead of paying effect/Schema's import. A line the
 * reader cannot vouch for is not decoded here: its byte range goes back in
 * the result ("deferred"), and the main thread, which has core loaded, decodes
 * it with the full path. The few facts of core's schemas the reader needs
 * (units, sources, the largest value, the longest line) come in a
 * {@link Vocabulary} from the main thread.
 *
 * Internal to the CLI.
 *
 * @since 0.1.0
 */
import { closeSync, openSync, readSync } from "node:fs"

/**
 * What the reader needs to know of core's schemas, passed by the main thread
 * (which has core loaded): the units of `Indicator.units`, the sources of
 * `Measurement.sources`, `Measurement.maxValue`, `Ndjson.defaultMaxLength`,
 * and whether the reader knows every field of the Measurement schema (`fast`;
 * when `false`, every line is deferred to the full path).
 */
export interface Vocabulary {
  readonly units: ReadonlyArray<string>
  readonly sources: ReadonlyArray<string>
  readonly maxValue: number
  readonly maxLength: number
  readonly fast: boolean
}

/** Every field of a measurement the reader knows, and of its period. */
export const measurementFields: ReadonlyArray<string> = [
  "id",
  "indicator",
  "assignment",
  "period",
  "municipality",
  "value",
  "unit",
  "level",
  "measuredBy",
  "source",
  "persons",
  "recordedOn"
]
export const periodFields: ReadonlyArray<string> = ["start", "end"]

const CHUNK = 1 << 20

/** The fields of a measurement a summary reads, from the fast path. */
export interface Figures {
  readonly indicator: string
  readonly period: { readonly start: string; readonly end: string }
  readonly municipality: string | undefined
  readonly value: number | undefined
  readonly level: string | undefined
  readonly persons: number | undefined
}

// --- the fast line reader ----------------------------------------------------
//
// It accepts a line only when JSON.parse would parse it and the Measurement
// decoder would accept the result, and then reads the same figures; anything
// else returns undefined and the line goes to the full path.

const K_ID = 1
const K_INDICATOR = 2
const K_ASSIGNMENT = 3
const K_PERIOD = 4
const K_MUNICIPALITY = 5
const K_VALUE = 6
const K_UNIT = 7
const K_LEVEL = 8
const K_MEASURED_BY = 9
const K_SOURCE = 10
const K_PERSONS = 11
const K_RECORDED_ON = 12
const K_START = 13
const K_END = 14

const bytesOf = (s: string): Uint8Array => Uint8Array.from(s, (c) => c.charCodeAt(0))

const measurementKeys: ReadonlyArray<readonly [Uint8Array, number]> = (
  [
    ["id", K_ID],
    ["indicator", K_INDICATOR],
    ["assignment", K_ASSIGNMENT],
    ["period", K_PERIOD],
    ["municipality", K_MUNICIPALITY],
    ["value", K_VALUE],
    ["unit", K_UNIT],
    ["level", K_LEVEL],
    ["measuredBy", K_MEASURED_BY],
    ["source", K_SOURCE],
    ["persons", K_PERSONS],
    ["recordedOn", K_RECORDED_ON]
  ] as const
).map(([k, v]) => [bytesOf(k), v] as const)
const START = bytesOf("start")
const END = bytesOf("end")
let unitBytes: ReadonlyArray<Uint8Array> = []
let sourceBytes: ReadonlyArray<Uint8Array> = []
let maxValue = 0
let maxLength = 0
let fast = false
let current: Vocabulary | undefined

/** Sets the vocabulary the reader checks lines against (once a thread, or when it changes). */
export const configure = (vocabulary: Vocabulary): void => {
  if (current === vocabulary) return
  current = vocabulary
  unitBytes = vocabulary.units.map(bytesOf)
  sourceBytes = vocabulary.sources.map(bytesOf)
  maxValue = vocabulary.maxValue
  maxLength = vocabulary.maxLength
  fast = vocabulary.fast
}

const sameBytes = (b: Uint8Array, s: number, e: number, word: Uint8Array): boolean => {
  if (e - s !== word.length) return false
  for (let i = 0; i < word.length; i++) if (b[s + i] !== word[i]) return false
  return true
}

/** The index of the word the bytes [s, e) are, or -1. */
const indexOf = (b: Uint8Array, s: number, e: number, words: ReadonlyArray<Uint8Array>): number => {
  for (let i = 0; i < words.length; i++) if (sameBytes(b, s, e, words[i]!)) return i
  return -1
}

/** Whether the bytes [s, e) are one of the words. */
const oneOf = (b: Uint8Array, s: number, e: number, words: ReadonlyArray<Uint8Array>): boolean => {
  for (let i = 0; i < words.length; i++) if (sameBytes(b, s, e, words[i]!)) return true
  return false
}

// the keys of a measurement differ by their length and first byte: one candidate to compare
const keyIndex = new Uint8Array(32 * 128)
const keyBytes: Array<Uint8Array> = []
for (const [w, v] of measurementKeys) {
  keyIndex[w.length * 128 + w[0]!] = v
  keyBytes[v] = w
}
const keyAt = (b: Uint8Array, s: number, e: number): number => {
  const n = e - s
  if (n >= 32 || n < 1) return 0
  const c = b[s]!
  const k = c < 128 ? keyIndex[n * 128 + c]! : 0
  if (k === 0) return 0
  const w = keyBytes[k]!
  for (let j = 1; j < n; j++) if (b[s + j] !== w[j]) return 0
  return k
}

const isSpace = (c: number): boolean => c === 32 || c === 9 || c === 13 || c === 10
const isDigit = (c: number): boolean => c >= 48 && c <= 57

/** 2: a letter or digit, 1: another character of an id (. _ : -), 0: not in an id. */
const idChar = new Uint8Array(256)
for (let c = 0; c < 128; c++)
  idChar[c] =
    (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122)
      ? 2
      : c === 46 || c === 95 || c === 58 || c === 45
        ? 1
        : 0

let hashed = 0

/**
 * Reads a string holding an id of core's pattern (1 to 128 of [A-Za-z0-9._:-],
 * starting with a letter or digit) from its first character at s: its closing
 * quote, with a hash of the id in `hashed`; -1 when it is not plainly an id.
 */
const idEnd = (b: Uint8Array, s: number, e: number): number => {
  if (s >= e || idChar[b[s]!] !== 2) return -1
  let h = 0x811c9dc5
  let i = s
  for (; i < e; i++) {
    const c = b[i]!
    if (idChar[c] === 0) break
    h = Math.imul(h ^ c, 0x01000193)
  }
  if (i >= e || b[i] !== 34 || i - s > 128) return -1
  hashed = (h ^ (i - s)) & 0x3fffffff
  return i
}

const daysIn = (y: number, m: number): number =>
  m === 2
    ? y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0)
      ? 29
      : 28
    : m === 4 || m === 6 || m === 9 || m === 11
      ? 30
      : 31

const dates = new Map<number, string>()

/** An IsoDate as core checks it (years before 100 are not calendar dates there), or undefined. */
const dateAt = (b: Uint8Array, s: number, e: number): string | undefined => {
  if (e - s !== 10 || b[s + 4] !== 45 || b[s + 7] !== 45) return undefined
  let y = 0
  for (let i = s; i < s + 4; i++) {
    const c = b[i]!
    if (!isDigit(c)) return undefined
    y = y * 10 + c - 48
  }
  const m0 = b[s + 5]!
  const m1 = b[s + 6]!
  const d0 = b[s + 8]!
  const d1 = b[s + 9]!
  if (!isDigit(m0) || !isDigit(m1) || !isDigit(d0) || !isDigit(d1)) return undefined
  const m = (m0 - 48) * 10 + m1 - 48
  const d = (d0 - 48) * 10 + d1 - 48
  if (y < 100 || m < 1 || m > 12 || d < 1 || d > daysIn(y, m)) return undefined
  const key = y * 10000 + m * 100 + d
  let text = dates.get(key)
  if (text === undefined) {
    text = String.fromCharCode(...b.subarray(s, e))
    dates.set(key, text)
  }
  return text
}

const ascii = new TextDecoder("latin1")
const text = (b: Uint8Array, s: number, e: number): string => ascii.decode(b.subarray(s, e))

// The ids a summary keys on repeat from line to line: one string each, found by a hash of the
// bytes (so no string is made, and the accumulator's maps hash each id once).
const interned: Array<string | undefined> = new Array(4096).fill(undefined)
const intern = (b: Uint8Array, s: number, e: number, h: number): string => {
  const slot = h & 4095
  const found = interned[slot]
  if (found !== undefined && found.length === e - s) {
    let i = 0
    while (i < found.length && found.charCodeAt(i) === b[s + i]) i++
    if (i === found.length) return found
  }
  const made = text(b, s, e)
  interned[slot] = made
  return made
}

/** A level (any plain string but a name of Object.prototype), interned by a hash of its bytes; undefined otherwise. */
const levelAt = (b: Uint8Array, s: number, e: number): string | undefined => {
  let h = 0x9e3779b9
  for (let i = s; i < e; i++) {
    const c = b[i]!
    if (c === 92 || c < 32 || c >= 128) return undefined
    h = Math.imul(h ^ c, 0x01000193)
  }
  const level = intern(b, s, e, (h ^ (e - s)) & 0x3fffffff)
  // core's accumulator counts levels in a plain object, where a level named like a property of
  // Object.prototype ("valueOf", "__proto__", ...) does not add up as a count: such a line goes to
  // the full path on the main thread, whose core accumulator then sees every one of them in file
  // order, as on one thread (a partial count merged with addSummary would differ)
  return level in Object.prototype ? undefined : level
}

const POW10 = Array.from({ length: 23 }, (_, i) => 10 ** i)

/** The closing quote of a JSON string whose text starts at p (an escaped quote included: the text's checks then fail), or -1. */
const quote = (b: Uint8Array, p: number, e: number): number => {
  for (let i = p; i < e; i++) if (b[i] === 34) return i
  return -1
}

export interface Cursor {
  p: number
  num: number
}

/** Reads a JSON number at cur.p into cur.num as JSON.parse would; false when not plainly a number. */
const number = (b: Uint8Array, e: number, cur: Cursor): boolean => {
  let p = cur.p
  const start = p
  const negative = b[p] === 45
  if (negative) p++
  if (p >= e) return false
  let m = 0
  let digits = 0
  if (b[p] === 48) {
    p++
  } else if (b[p]! >= 49 && b[p]! <= 57) {
    while (p < e && isDigit(b[p]!)) {
      m = m * 10 + b[p]! - 48
      digits++
      p++
    }
  } else return false
  let frac = 0
  if (p < e && b[p] === 46) {
    p++
    if (p >= e || !isDigit(b[p]!)) return false
    while (p < e && isDigit(b[p]!)) {
      m = m * 10 + b[p]! - 48
      if (m !== 0) digits++
      frac++
      p++
    }
  }
  let exact = digits <= 15 && frac <= 22
  if (p < e && (b[p] === 101 || b[p] === 69)) {
    p++
    if (p < e && (b[p] === 43 || b[p] === 45)) p++
    if (p >= e || !isDigit(b[p]!)) return false
    while (p < e && isDigit(b[p]!)) p++
    exact = false
  }
  // an integer below 2^53 divided by an exact power of ten is correctly rounded, as JSON.parse is
  const n = exact ? m / POW10[frac]! : Number(text(b, start, p))
  cur.num = exact && negative ? -n : n
  cur.p = p
  return true
}

const skipSpace = (b: Uint8Array, p: number, e: number): number => {
  while (p < e && isSpace(b[p]!)) p++
  return p
}

// What fastFigures read besides the figures, for the detail mode: the assignment, the measuring
// actor, and whether the line had an id (its hashes then in idA, idB).
let readAssignment = ""
/** The index in the vocabulary's units of the line's unit, -1 without one. */
let readUnit = -1
let readMeasuredBy = ""
let readId = false
let idA = 0
let idB = 0

/** Hashes the bytes [s, e) into idA and idB (FNV-1a and a second multiplicative hash); true. */
const hashBytes = (b: Uint8Array, s: number, e: number): boolean => {
  let a = 0x811c9dc5
  let c = 0x9747b28c
  for (let i = s; i < e; i++) {
    a = Math.imul(a ^ b[i]!, 0x01000193)
    c = Math.imul(c ^ b[i]!, 0x5bd1e995)
    c ^= c >>> 15
  }
  idA = a ^ (e - s)
  idB = c
  return true
}

/**
 * The two 32-bit hashes of an id (ASCII, as core's ids are), as the detail
 * mode collects them: equal ids have equal hashes; two different ids share
 * both with a chance of about 2^-64.
 *
 * @category calculators
 * @since 0.1.0
 */
export const idHashes = (id: string): readonly [number, number] => {
  hashBytes(
    Uint8Array.from(id, (ch) => ch.charCodeAt(0) & 0xff),
    0,
    id.length
  )
  return [idA, idB]
}

/**
 * The indicator key of a cell in the detail mode: the assignment, the
 * indicator and the measuring actor, joined by `|` (ids never hold one).
 *
 * @category calculators
 * @since 0.1.0
 */
export const detailKey = (assignment: string, indicator: string, measuredBy: string): string =>
  `${assignment}|${indicator}|${measuredBy}`

const detailKeys = new Map<string, Map<string, Map<string, string>>>()
export const detailKeyOf = (assignment: string, indicator: string, measuredBy: string): string => {
  let byIndicator = detailKeys.get(assignment)
  if (byIndicator === undefined) {
    byIndicator = new Map()
    detailKeys.set(assignment, byIndicator)
  }
  let byActor = byIndicator.get(indicator)
  if (byActor === undefined) {
    byActor = new Map()
    byIndicator.set(indicator, byActor)
  }
  let key = byActor.get(measuredBy)
  if (key === undefined) {
    key = detailKey(assignment, indicator, measuredBy)
    byActor.set(measuredBy, key)
  }
  return key
}

/** A growable list of id hash pairs. */
interface IdList {
  data: Int32Array
  length: number
}
const pushId = (list: IdList, a: number, b: number): void => {
  if (list.length + 2 > list.data.length) {
    const bigger = new Int32Array(Math.max(1024, list.data.length * 2))
    bigger.set(list.data)
    list.data = bigger
  }
  list.data[list.length++] = a
  list.data[list.length++] = b
}

/**
 * Reads one line [s, e) (without its newline) that is a valid measurement as
 * `JSON.parse` + `Decoder.compile(Measurement.Measurement)` would decode it:
 * the figures a summary needs, or undefined (the full path decides).
 */
export const fastFigures = (
  b: Uint8Array,
  s: number,
  e: number,
  cur: Cursor = { p: 0, num: 0 }
): Figures | undefined => {
  let p = skipSpace(b, s, e)
  if (b[p] !== 123) return undefined
  p = skipSpace(b, p + 1, e)
  let seen = 0
  let indicator: string | undefined
  let start: string | undefined
  let end: string | undefined
  let municipality: string | undefined
  let value: number | undefined
  let level: string | undefined
  let persons: number | undefined
  let unit = false
  readId = false
  readUnit = -1
  if (b[p] === 125) return undefined
  for (;;) {
    if (b[p] !== 34) return undefined
    const ke = quote(b, p + 1, e)
    if (ke < 0) return undefined
    const key = keyAt(b, p + 1, ke)
    // an unknown property is a problem for the decoder (issue 14): the full path reports it
    if (key === 0) return undefined
    if (key !== 0) {
      if ((seen & (1 << key)) !== 0) return undefined
      seen |= 1 << key
    }
    p = skipSpace(b, ke + 1, e)
    if (b[p] !== 58) return undefined
    p = skipSpace(b, p + 1, e)
    if (key === K_VALUE || key === K_PERSONS) {
      cur.p = p
      if (!number(b, e, cur)) return undefined
      p = cur.p
      const n = cur.num
      if (key === K_VALUE) {
        if (!(Number.isFinite(n) && Math.abs(n) <= maxValue)) return undefined
        value = n
      } else {
        if (!(Number.isSafeInteger(n) && n >= 0)) return undefined
        persons = n
      }
    } else if (key === K_PERIOD) {
      if (b[p] !== 123) return undefined
      p = skipSpace(b, p + 1, e)
      if (b[p] === 125) return undefined
      for (;;) {
        if (b[p] !== 34) return undefined
        const pe = quote(b, p + 1, e)
        if (pe < 0) return undefined
        const pk = sameBytes(b, p + 1, pe, START) ? K_START : sameBytes(b, p + 1, pe, END) ? K_END : 0
        if (pk === 0) return undefined
        p = skipSpace(b, pe + 1, e)
        if (b[p] !== 58) return undefined
        p = skipSpace(b, p + 1, e)
        {
          const ve = p + 11
          if (b[p] !== 34 || ve >= e || b[ve] !== 34) return undefined
          const date = dateAt(b, p + 1, ve)
          if (date === undefined) return undefined
          if (pk === K_START) {
            if (start !== undefined) return undefined
            start = date
          } else {
            if (end !== undefined) return undefined
            end = date
          }
          p = ve + 1
        }
        p = skipSpace(b, p, e)
        if (b[p] === 44) p = skipSpace(b, p + 1, e)
        else if (b[p] === 125) break
        else return undefined
      }
      // a reversed period is a problem (issue 14): the full path reports it
      if (start === undefined || end === undefined || start > end) return undefined
      p++
    } else {
      // every other field of a measurement is a string
      if (b[p] !== 34) return undefined
      const vs = p + 1
      let ve: number
      switch (key) {
        case K_ID:
          ve = idEnd(b, vs, e)
          if (ve < 0) return undefined
          readId = hashBytes(b, vs, ve)
          break
        case K_ASSIGNMENT:
          ve = idEnd(b, vs, e)
          if (ve < 0) return undefined
          readAssignment = intern(b, vs, ve, hashed)
          break
        case K_MEASURED_BY:
          ve = idEnd(b, vs, e)
          if (ve < 0) return undefined
          readMeasuredBy = intern(b, vs, ve, hashed)
          break
        case K_INDICATOR:
          ve = idEnd(b, vs, e)
          if (ve < 0) return undefined
          indicator = intern(b, vs, ve, hashed)
          break
        case K_MUNICIPALITY:
          ve = idEnd(b, vs, e)
          if (ve < 0) return undefined
          municipality = intern(b, vs, ve, hashed)
          break
        case K_UNIT:
          ve = quote(b, vs, e)
          if (ve < 0) return undefined
          readUnit = indexOf(b, vs, ve, unitBytes)
          if (readUnit < 0) return undefined
          unit = true
          break
        case K_SOURCE:
          ve = quote(b, vs, e)
          if (ve < 0 || !oneOf(b, vs, ve, sourceBytes)) return undefined
          break
        case K_RECORDED_ON:
          ve = vs + 10
          if (ve >= e || b[ve] !== 34 || dateAt(b, vs, ve) === undefined) return undefined
          break
        default:
          ve = quote(b, vs, e)
          if (ve < 0) return undefined
          level = levelAt(b, vs, ve)
          if (level === undefined) return undefined
      }
      p = ve + 1
    }
    p = skipSpace(b, p, e)
    if (b[p] === 44) p = skipSpace(b, p + 1, e)
    else if (b[p] === 125) break
    else return undefined
  }
  if (skipSpace(b, p + 1, e) !== e) return undefined
  const required =
    (1 << K_INDICATOR) | (1 << K_ASSIGNMENT) | (1 << K_PERIOD) | (1 << K_MEASURED_BY) | (1 << K_SOURCE)
  if ((seen & required) !== required) return undefined
  // the measurement's own rule: a value with its unit, or a level without one
  if (value !== undefined ? level !== undefined || !unit : level === undefined || unit) return undefined
  return { indicator: indicator!, period: { start: start!, end: end! }, municipality, value, level, persons }
}

/** A line the JSON trim would leave empty (the splitter's blank line): only ASCII spaces and controls it trims. */
const isBlank = (b: Uint8Array, s: number, e: number): boolean => {
  for (let i = s; i < e; i++) {
    const c = b[i]!
    if (!(c === 32 || (c >= 9 && c <= 13))) return false
  }
  return true
}
/** Where the line starting at `from` ends (its newline, or `end`), reading ahead in the file. */
export const lineEnd = (fd: number, from: number, end: number, probe: Uint8Array): number => {
  let pos = from
  while (pos < end) {
    const n = readSync(fd, probe, 0, Math.min(probe.length, end - pos), pos)
    if (n <= 0) return end
    const nl = probe.subarray(0, n).indexOf(10)
    if (nl !== -1) return pos + nl
    pos += n
  }
  return end
}

// --- partial summary cells -----------------------------------------------------
//
// The fold of core's `Summary.accumulator().add`, without normalising: the main thread adds these
// cells into core's accumulator (`addSummary`), whose `result` normalises them. Every figure is an
// integer or a minimum or maximum, so the order of the additions changes nothing.

/** One cell of a partial summary, in the shape of core's `Summary.Cell` (sums not yet normalised). */
export interface PartialCell {
  readonly indicator: string
  readonly period: { readonly start: string; readonly end: string }
  readonly municipality?: string
  count: number
  numeric: number
  units: number
  micros: number
  min: number | null
  max: number | null
  persons: number
  personCounted: number
  levels: { [level: string]: number }
}

/** Partial cells by core's key (`indicator|start/end` and, for a municipality, `|municipality`). */
export type PartialCells = { [key: string]: PartialCell }

const MICRO = 1_000_000

interface Fold {
  readonly cells: PartialCells
  readonly index: Map<string, Map<string, Map<string, Map<string, PartialCell>>>>
}

const level = <V>(m: Map<string, Map<string, V>>, k: string): Map<string, V> => {
  let v = m.get(k)
  if (v === undefined) {
    v = new Map<string, V>()
    m.set(k, v)
  }
  return v
}

const addFigures = (fold: Fold, indicator: string, f: Figures): void => {
  const byMun = level(level(level(fold.index, indicator), f.period.start), f.period.end)
  const municipality = f.municipality
  let c = byMun.get(municipality ?? "")
  if (c === undefined) {
    const period = { start: f.period.start, end: f.period.end }
    c =
      municipality === undefined
        ? {
            indicator,
            period,
            count: 0,
            numeric: 0,
            units: 0,
            micros: 0,
            min: null,
            max: null,
            persons: 0,
            personCounted: 0,
            levels: {}
          }
        : {
            indicator,
            period,
            municipality,
            count: 0,
            numeric: 0,
            units: 0,
            micros: 0,
            min: null,
            max: null,
            persons: 0,
            personCounted: 0,
            levels: {}
          }
    byMun.set(municipality ?? "", c)
    fold.cells[
      municipality === undefined
        ? `${indicator}|${period.start}/${period.end}`
        : `${indicator}|${period.start}/${period.end}|${municipality}`
    ] = c
  }
  c.count++
  const v = f.value
  if (v !== undefined) {
    c.numeric++
    const ip = Math.trunc(v)
    c.units += ip
    c.micros += Math.round((v - ip) * MICRO)
    if (c.min === null || v < c.min) c.min = v
    if (c.max === null || v > c.max) c.max = v
  } else if (f.level !== undefined) c.levels[f.level] = (c.levels[f.level] ?? 0) + 1
  if (f.persons !== undefined) {
    c.persons += f.persons
    c.personCounted++
  }
}

// --- ranges ------------------------------------------------------------------------

/**
 * What a thread reports of one range: the records the reader read, the
 * newlines, and the lines it deferred to the full path, as quadruples
 * (start byte, end byte of the line without its newline, range-local line,
 * records read before it in the range).
 */
export interface RangePart {
  readonly range: number
  readonly records: number
  readonly newlines: number
  readonly deferred: Float64Array
}

/** What a thread reports of one job: its ranges and the partial cells of all of them. */
export interface ThreadResult {
  readonly cells: PartialCells
  readonly parts: ReadonlyArray<RangePart>
  /** With `detail`: the id hashes of the lines read, in pairs. */
  readonly ids?: Int32Array
  /**
   * With `detail`: the units the lines read measure each indicator in, as a
   * bit set of indices into the vocabulary's units (the checks of a unit
   * against its indicator's need no line kept).
   */
  readonly units?: { readonly [indicator: string]: number }
}

interface Deferred {
  data: Float64Array
  length: number
}
const defer = (list: Deferred, start: number, end: number, line: number, before: number): void => {
  if (list.length + 4 > list.data.length) {
    const bigger = new Float64Array(Math.max(64, list.data.length * 2))
    bigger.set(list.data)
    list.data = bigger
  }
  list.data[list.length++] = start
  list.data[list.length++] = end
  list.data[list.length++] = line
  list.data[list.length++] = before
}

/** Folds one range [start, end) of whole lines; its counts and deferred lines, range-local. */
const foldRange = (
  fd: number,
  range: number,
  start: number,
  end: number,
  fold: Fold,
  buf: Uint8Array,
  ids: IdList | undefined,
  units: { [indicator: string]: number } | undefined
): RangePart => {
  const cur: Cursor = { p: 0, num: 0 }
  const deferred: Deferred = { data: new Float64Array(0), length: 0 }
  let records = 0
  let line = 1
  let newlines = 0
  let pos = start
  while (pos < end) {
    const n = readSync(fd, buf, 0, Math.min(buf.length, end - pos), pos)
    if (n <= 0) break
    let s = 0
    for (;;) {
      const nl = buf.indexOf(10, s)
      const last = nl === -1 || nl >= n
      if (last && pos + n < end) {
        if (s === 0) {
          // a line longer than the buffer: the full path reads it from the file
          const le = lineEnd(fd, pos + n, end, buf)
          defer(deferred, pos, le, line, records)
          if (le < end) newlines++
          line++
          s = le + 1 - pos
        }
        break
      }
      const e = last ? n : nl
      let le = e
      if (le > s && buf[le - 1] === 13) le--
      if (!isBlank(buf, s, le)) {
        // a line the reader would find over-long goes to the full path, which reports it
        const f = fast && e - s <= maxLength ? fastFigures(buf, s, le, cur) : undefined
        if (f !== undefined) {
          records++
          if (ids === undefined) addFigures(fold, f.indicator, f)
          else {
            addFigures(fold, detailKeyOf(readAssignment, f.indicator, readMeasuredBy), f)
            if (readId) pushId(ids, idA, idB)
            if (readUnit >= 0) units![f.indicator] = (units![f.indicator] ?? 0) | (1 << readUnit)
          }
        } else defer(deferred, pos + s, pos + e, line, records)
      }
      if (!last) newlines++
      line++
      s = e + 1
      if (last) break
    }
    pos += s
  }
  return { range, records, newlines, deferred: deferred.data.slice(0, deferred.length) }
}

/**
 * Takes ranges from the shared queue (`owner[r]`: 0 free, else the thread
 * that took it) until none is left, folding them all into one set of partial
 * cells; undefined when it took none.
 */
export const runRanges = (
  vocabulary: Vocabulary,
  path: string,
  ranges: ReadonlyArray<readonly [number, number]>,
  owner: Int32Array,
  me: number,
  detail = false
): ThreadResult | undefined => {
  configure(vocabulary)
  const ids: IdList | undefined = detail ? { data: new Int32Array(0), length: 0 } : undefined
  const units: { [indicator: string]: number } | undefined = detail ? {} : undefined
  let fd: number | undefined
  let fold: Fold | undefined
  let buf: Uint8Array | undefined
  const parts: Array<RangePart> = []
  try {
    for (let r = 0; r < ranges.length; r++) {
      if (Atomics.compareExchange(owner, r, 0, me) !== 0) continue
      fd ??= openSync(path, "r")
      fold ??= { cells: {}, index: new Map() }
      buf ??= new Uint8Array(CHUNK)
      parts.push(foldRange(fd, r, ranges[r]![0], ranges[r]![1], fold, buf, ids, units))
    }
  } finally {
    if (fd !== undefined) closeSync(fd)
  }
  if (fold === undefined) return undefined
  return ids === undefined
    ? { cells: fold.cells, parts }
    : { cells: fold.cells, parts, ids: ids.data.slice(0, ids.length), units: units! }
}
