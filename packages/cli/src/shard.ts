/**
 * Sharded evaluation of a large NDJSON file of measurements across
 * `worker_threads`. Summaries merge (FRAMEWORK.md invariant 13), so the file is
 * cut at line boundaries into ranges that the main thread and its workers take
 * from a queue in shared memory as they become free (a slow-starting worker
 * simply takes fewer), each folding its ranges into one Summary; the partial
 * summaries are merged. The result equals the single-thread one: same
 * summary, same problems, same record indices and lines.
 *
 * Each line is read by a validating fast path that works on the bytes and
 * reads only what a summary needs; a line it cannot vouch for (a syntax error,
 * an invalid measurement, escapes, non-ASCII text, a duplicate key, an
 * over-long line) goes to the full path, `Ndjson.decodeSync` with
 * `Decoder.compile(Measurement.Measurement)`, so every problem is that path's
 * own. {@link evaluateFile} runs the very same code on one thread.
 *
 * Node-only (worker_threads, fs), so it lives in the CLI, not in core. Workers
 * run the built `dist/shard-worker.js` (core from its dist, never a TypeScript
 * loader); from sources without a build, every range runs on the main thread.
 *
 * @since 0.1.0
 */
import { closeSync, existsSync, fstatSync, openSync, readSync } from "node:fs"
import { availableParallelism } from "node:os"
import { fileURLToPath } from "node:url"
import { Worker } from "node:worker_threads"
import { Decoder, Indicator, IndicatorAssignment, Measurement, Ndjson, Problem, Summary } from "@welfare/core"

/**
 * What one evaluation of a file gives: the summary, every problem (paths start
 * with the record index, messages name the line), and counts.
 *
 * @category models
 * @since 0.1.0
 */
export interface Evaluated {
  readonly summary: Summary.Summary
  readonly problems: ReadonlyArray<Problem.Problem>
  readonly records: number
  /** Threads that evaluated at least one range. */
  readonly threads: number
  /** Of those, worker threads (the others: the main thread). */
  readonly workers: number
  /**
   * With `detail`: two 32-bit hashes ({@link idHashes}) of the id of every
   * valid measurement that has one, in no particular order.
   */
  readonly ids?: Int32Array
  /** With `detail`: the line of each problem, in the order of `problems`. */
  readonly lines?: ReadonlyArray<number>
}

/**
 * Options of one evaluation: `ranges`, how many line-aligned pieces the file
 * is cut into (default: about 4 MB each, at least 8 a thread); `main`, whether
 * the main thread evaluates ranges too (default `true`; `false` leaves it to
 * read results and merge, and it still evaluates every range when no worker
 * runs).
 *
 * @category models
 * @since 0.1.0
 */
export interface EvaluateOptions {
  readonly ranges?: number
  readonly main?: boolean
  /**
   * Whether to key the summary's cells by assignment and measuring actor too
   * (see {@link detailKey}) and to collect the hashes of the measurements'
   * ids (`ids` of the result), so that progress and reference checks need no
   * measurement kept in memory. Default `false`: the plain summary.
   */
  readonly detail?: boolean
}

/**
 * Options of a pool: `workers`, how many worker threads (default: the
 * available parallelism less one, for the main thread; 0 runs everything on
 * the main thread); `script`, the workers' script (default: the built
 * `shard-worker.js`).
 *
 * @category models
 * @since 0.1.0
 */
export interface PoolOptions {
  readonly workers?: number
  readonly script?: string | URL
}

/**
 * Options of {@link evaluateFileSharded}: `threads` counts the threads that
 * evaluate, the main thread included when `main` is not `false` (default: the
 * available parallelism); `workers: false` runs every range on the main thread
 * (same cutting and merging).
 *
 * @category models
 * @since 0.1.0
 */
export interface Options extends EvaluateOptions {
  readonly threads?: number
  readonly workers?: boolean
}

/**
 * A pool of shard workers kept across evaluations (so that loading the library
 * and warming its code up is paid once). `ready` settles when every worker has
 * started (or failed to: its ranges then run elsewhere); `close` ends them
 * (until then the workers keep the process alive).
 *
 * @category models
 * @since 0.1.0
 */
export interface Pool {
  readonly workers: number
  readonly ready: Promise<void>
  readonly evaluate: (path: string, options?: EvaluateOptions) => Promise<Evaluated>
  readonly close: () => Promise<void>
}

// ---------------------------------------------------------------------------
// one range of lines
// ---------------------------------------------------------------------------

/** A record the full path decided (an invalid one), with range-local index and line. */
interface Slow {
  readonly index: number
  readonly line: number
  readonly problems: ReadonlyArray<Problem.Problem>
}

/** What a thread reports of one range: counts and the problems, range-local. */
export interface RangePart {
  readonly range: number
  readonly records: number
  readonly newlines: number
  readonly problems: ReadonlyArray<Slow>
}

/** What a thread reports of one job: its ranges and the summary of all of them. */
export interface ThreadResult {
  readonly summary: Summary.Summary
  readonly parts: ReadonlyArray<RangePart>
  /** With `detail`: the id hashes of the valid measurements, in pairs. */
  readonly ids?: Int32Array
}

const CHUNK = 1 << 20
const NL = new Uint8Array([10])
const fullDecode = Decoder.compile(Measurement.Measurement)

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
const unitBytes = Indicator.units.map(bytesOf)
const sourceBytes = Measurement.sources.map(bytesOf)

const sameBytes = (b: Uint8Array, s: number, e: number, word: Uint8Array): boolean => {
  if (e - s !== word.length) return false
  for (let i = 0; i < word.length; i++) if (b[s + i] !== word[i]) return false
  return true
}

/** Whether the bytes [s, e) are one of the words. */
const oneOf = (b: Uint8Array, s: number, e: number, words: ReadonlyArray<Uint8Array>): boolean => {
  for (let i = 0; i < words.length; i++) if (sameBytes(b, s, e, words[i]!)) return true
  return false
}

const sameKeys = (a: ReadonlyArray<string>, b: ReadonlyArray<string>): boolean =>
  a.length === b.length && a.every((k) => b.includes(k))

/**
 * Whether the fast reader knows every field of the schema: should `Measurement`
 * or `Period` change shape, every line goes to the full path until the reader
 * learns the new fields (the test "the fast reader knows the Measurement
 * schema" fails meanwhile).
 */
export const fastReader: boolean =
  sameKeys(
    Object.keys(Measurement.Measurement.from.fields),
    measurementKeys.map(([k]) => String.fromCharCode(...k))
  ) && sameKeys(Object.keys(IndicatorAssignment.Period.fields), ["start", "end"])

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

/** Whether a string's bytes hold no escape, control or non-ASCII character (JSON.parse keeps them as they are). */
const isPlain = (b: Uint8Array, s: number, e: number): boolean => {
  for (let i = s; i < e; i++) {
    const c = b[i]!
    if (c === 92 || c < 32 || c >= 128) return false
  }
  return true
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

/** A level (any plain string), interned by a hash of its bytes; undefined when not plain. */
const levelAt = (b: Uint8Array, s: number, e: number): string | undefined => {
  let h = 0x9e3779b9
  for (let i = s; i < e; i++) {
    const c = b[i]!
    if (c === 92 || c < 32 || c >= 128) return undefined
    h = Math.imul(h ^ c, 0x01000193)
  }
  return intern(b, s, e, (h ^ (e - s)) & 0x3fffffff)
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

/** Skips any JSON value (for keys a measurement does not have): its end, or -1. */
const skipValue = (b: Uint8Array, p: number, e: number, cur: Cursor, depth: number): number => {
  if (p >= e || depth > 64) return -1
  const c = b[p]!
  if (c === 34) {
    for (let i = p + 1; i < e; i++) {
      const d = b[i]!
      if (d === 34) return i + 1
      if (d === 92) {
        const x = b[i + 1]
        if (x === 117) {
          for (let k = i + 2; k < i + 6; k++) {
            const h = b[k]
            if (h === undefined || !(isDigit(h) || (h >= 65 && h <= 70) || (h >= 97 && h <= 102))) return -1
          }
          i += 5
        } else if (
          x === 34 ||
          x === 92 ||
          x === 47 ||
          x === 98 ||
          x === 102 ||
          x === 110 ||
          x === 114 ||
          x === 116
        )
          i++
        else return -1
      } else if (d < 32 || d >= 128) return -1
    }
    return -1
  }
  if (c === 123 || c === 91) {
    const close = c === 123 ? 125 : 93
    p = skipSpace(b, p + 1, e)
    if (b[p] === close) return p + 1
    for (;;) {
      if (c === 123) {
        if (b[p] !== 34) return -1
        p = skipValue(b, p, e, cur, depth + 1)
        if (p < 0) return -1
        p = skipSpace(b, p, e)
        if (b[p] !== 58) return -1
        p = skipSpace(b, p + 1, e)
      }
      p = skipValue(b, p, e, cur, depth + 1)
      if (p < 0) return -1
      p = skipSpace(b, p, e)
      if (b[p] === 44) p = skipSpace(b, p + 1, e)
      else if (b[p] === close) return p + 1
      else return -1
    }
  }
  if (c === 116) return sameBytes(b, p, p + 4, TRUE) ? p + 4 : -1
  if (c === 102) return sameBytes(b, p, p + 5, FALSE) ? p + 5 : -1
  if (c === 110) return sameBytes(b, p, p + 4, NULL) ? p + 4 : -1
  cur.p = p
  return number(b, e, cur) ? cur.p : -1
}
const TRUE = bytesOf("true")
const FALSE = bytesOf("false")
const NULL = bytesOf("null")

// What fastFigures read besides the figures, for the detail mode: the assignment, the measuring
// actor, and whether the line had an id (its hashes then in idA, idB).
let readAssignment = ""
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
 * @category evaluation
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
 * @category evaluation
 * @since 0.1.0
 */
export const detailKey = (assignment: string, indicator: string, measuredBy: string): string =>
  `${assignment}|${indicator}|${measuredBy}`

const detailKeys = new Map<string, Map<string, Map<string, string>>>()
const detailKeyOf = (assignment: string, indicator: string, measuredBy: string): string => {
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
  if (b[p] === 125) return undefined
  for (;;) {
    if (b[p] !== 34) return undefined
    const ke = quote(b, p + 1, e)
    if (ke < 0) return undefined
    const key = keyAt(b, p + 1, ke)
    if (key === 0 && !isPlain(b, p + 1, ke)) return undefined
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
        if (!(Number.isFinite(n) && Math.abs(n) <= Measurement.maxValue)) return undefined
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
        if (pk === 0 && !isPlain(b, p + 1, pe)) return undefined
        p = skipSpace(b, pe + 1, e)
        if (b[p] !== 58) return undefined
        p = skipSpace(b, p + 1, e)
        if (pk === 0) {
          p = skipValue(b, p, e, cur, 2)
          if (p < 0) return undefined
        } else {
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
      if (start === undefined || end === undefined) return undefined
      p++
    } else if (key === 0) {
      p = skipValue(b, p, e, cur, 1)
      if (p < 0) return undefined
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
          if (ve < 0 || !oneOf(b, vs, ve, unitBytes)) return undefined
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

/**
 * The full path on one line's bytes: exactly what `Ndjson.decodeSync` over the
 * whole file gives for it (the line is fed after a newline, so that a
 * byte-order mark is stripped only on the file's first line), with the
 * record's line `line` and index `index`.
 */
const slowLine = (
  chunks: Iterable<Uint8Array>,
  first: boolean,
  line: number,
  index: number
): Ndjson.Entry<Measurement.Measurement> | undefined => {
  const source = first ? chunks : withNewline(chunks)
  for (const entry of Ndjson.decodeSync(source, fullDecode)) {
    const shift = line - entry.line
    if (entry._tag === "Value") return { ...entry, index, line }
    return {
      _tag: "Problems",
      index,
      line,
      problems: entry.problems.map((p) => moved(p, index - entry.index, shift)) as unknown as readonly [
        Problem.Problem,
        ...Array<Problem.Problem>
      ]
    }
  }
  return undefined
}

function* withNewline(chunks: Iterable<Uint8Array>): Generator<Uint8Array> {
  yield NL
  yield* chunks
}

/** A problem moved by `records` record indices and `lines` lines (only the reader's own problems name a line). */
const moved = (p: Problem.Problem, records: number, lines: number): Problem.Problem => {
  const [head, ...rest] = p.path
  const path = typeof head === "number" ? [head + records, ...rest] : p.path
  const message =
    p.path.length === 1 && lines !== 0
      ? p.message.replace(/^line (\d+)(?=[,:])/, (_, n: string) => `line ${Number(n) + lines}`)
      : p.message
  return Problem.make(p.code, path, message)
}

/** Reads [start, end) of a file in chunks. */
function* fileBytes(fd: number, start: number, end: number): Generator<Uint8Array> {
  let pos = start
  while (pos < end) {
    const buf = new Uint8Array(Math.min(CHUNK, end - pos))
    const n = readSync(fd, buf, 0, buf.length, pos)
    if (n <= 0) return
    pos += n
    yield n === buf.length ? buf : buf.subarray(0, n)
  }
}

/** Where the line starting at `from` ends (its newline, or `end`), reading ahead in the file. */
const lineEnd = (fd: number, from: number, end: number, probe: Uint8Array): number => {
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

/** Folds one range [start, end) of whole lines into the accumulator; its problems and counts, range-local. */
const foldRange = (
  fd: number,
  range: number,
  start: number,
  end: number,
  acc: Summary.Accumulator,
  buf: Uint8Array,
  ids: IdList | undefined
): RangePart => {
  const cur: Cursor = { p: 0, num: 0 }
  const problems: Array<Slow> = []
  let records = 0
  let line = 1
  let newlines = 0
  let pos = start
  const slow = (entry: Ndjson.Entry<Measurement.Measurement> | undefined): void => {
    if (entry === undefined) return
    records++
    if (entry._tag === "Value") {
      const m = entry.value
      if (ids === undefined) acc.add(m)
      else {
        acc.add({ ...m, indicator: detailKeyOf(m.assignment, m.indicator, m.measuredBy) as never })
        if (m.id !== undefined) {
          const [a, b] = idHashes(m.id)
          pushId(ids, a, b)
        }
      }
    } else problems.push({ index: entry.index, line: entry.line, problems: entry.problems })
  }
  while (pos < end) {
    const n = readSync(fd, buf, 0, Math.min(buf.length, end - pos), pos)
    if (n <= 0) break
    let s = 0
    for (;;) {
      const nl = buf.indexOf(10, s)
      const last = nl === -1 || nl >= n
      if (last && pos + n < end) {
        if (s === 0) {
          // a line longer than the buffer: the full path reads it from the file, chunk by chunk
          const le = lineEnd(fd, pos + n, end, buf)
          slow(slowLine(fileBytes(fd, pos, le), pos === 0, line, records))
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
        const f = fastReader && e - s <= Ndjson.defaultMaxLength ? fastFigures(buf, s, le, cur) : undefined
        if (f !== undefined) {
          records++
          if (ids === undefined) acc.add(f as unknown as Measurement.Measurement)
          else {
            acc.add({
              ...f,
              indicator: detailKeyOf(readAssignment, f.indicator, readMeasuredBy)
            } as unknown as Measurement.Measurement)
            if (readId) pushId(ids, idA, idB)
          }
        } else slow(slowLine([buf.slice(s, e)], pos + s === 0, line, records))
      }
      if (!last) newlines++
      line++
      s = e + 1
      if (last) break
    }
    pos += s
  }
  return { range, records, newlines, problems }
}

/**
 * Takes ranges from the shared queue (`owner[r]`: 0 free, else the thread
 * that took it) until none is left, folding them all into one summary.
 */
export const runRanges = (
  path: string,
  ranges: ReadonlyArray<readonly [number, number]>,
  owner: Int32Array,
  me: number,
  detail = false
): ThreadResult | undefined => {
  const ids: IdList | undefined = detail ? { data: new Int32Array(0), length: 0 } : undefined
  let fd: number | undefined
  let acc: Summary.Accumulator | undefined
  let buf: Uint8Array | undefined
  const parts: Array<RangePart> = []
  try {
    for (let r = 0; r < ranges.length; r++) {
      if (Atomics.compareExchange(owner, r, 0, me) !== 0) continue
      fd ??= openSync(path, "r")
      acc ??= Summary.accumulator()
      buf ??= new Uint8Array(CHUNK)
      parts.push(foldRange(fd, r, ranges[r]![0], ranges[r]![1], acc, buf, ids))
    }
  } finally {
    if (fd !== undefined) closeSync(fd)
  }
  if (acc === undefined) return undefined
  return ids === undefined
    ? { summary: acc.result(), parts }
    : { summary: acc.result(), parts, ids: ids.data.slice(0, ids.length) }
}

/** Cuts a file into about `n` ranges that start at line starts. */
const cut = (path: string, n: number): Array<readonly [number, number]> => {
  const fd = openSync(path, "r")
  try {
    const size = fstatSync(fd).size
    const starts = [0]
    const probe = new Uint8Array(64 * 1024)
    for (let i = 1; i < n; i++) {
      const pos = Math.max(Math.floor((size * i) / n), starts[starts.length - 1]!)
      const nl = lineEnd(fd, pos, size, probe)
      if (nl + 1 >= size) break
      if (nl + 1 > starts[starts.length - 1]!) starts.push(nl + 1)
    }
    return starts.map((s, i) => [s, i + 1 < starts.length ? starts[i + 1]! : size] as const)
  } finally {
    closeSync(fd)
  }
}

const sizeOf = (path: string): number => {
  const fd = openSync(path, "r")
  try {
    return fstatSync(fd).size
  } finally {
    closeSync(fd)
  }
}

/** Orders the parts by range and moves their problems to whole-file record indices and lines. */
const combine = (results: ReadonlyArray<ThreadResult>, threads: number, workers: number): Evaluated => {
  const parts = results.flatMap((r) => r.parts).sort((a, b) => a.range - b.range)
  const problems: Array<Problem.Problem> = []
  const where: Array<number> = []
  let records = 0
  let lines = 0
  for (const part of parts) {
    for (const slow of part.problems)
      for (const p of slow.problems) {
        problems.push(moved(p, records, lines))
        where.push(slow.line + lines)
      }
    records += part.records
    lines += part.newlines
  }
  const summary = Summary.mergeAll(results.map((r) => r.summary))
  const lists = results.flatMap((r) => (r.ids === undefined ? [] : [r.ids]))
  if (lists.length === 0 && !results.some((r) => r.ids !== undefined))
    return { summary, problems, records, threads, workers }
  const ids = new Int32Array(lists.reduce((n, l) => n + l.length, 0))
  let at = 0
  for (const l of lists) {
    ids.set(l, at)
    at += l.length
  }
  return { summary, problems, records, threads, workers, ids, lines: where }
}

/**
 * Evaluates an NDJSON file of measurements on one thread: the same reading,
 * fast path and merging as the sharded evaluation, as one range (`detail`:
 * see {@link EvaluateOptions}).
 *
 * @category evaluation
 * @since 0.1.0
 */
export const evaluateFile = (path: string, options: { readonly detail?: boolean } = {}): Evaluated => {
  const detail = options.detail === true
  const result = runRanges(path, [[0, sizeOf(path)]], new Int32Array(1), 1, detail)
  return result === undefined
    ? {
        summary: Summary.empty,
        problems: [],
        records: 0,
        threads: 1,
        workers: 0,
        ...(detail ? { ids: new Int32Array(0), lines: [] } : {})
      }
    : combine([result], 1, 0)
}

// ---------------------------------------------------------------------------
// workers
// ---------------------------------------------------------------------------

/** A job for the workers. */
export interface Job {
  readonly job: number
  readonly path: string
  readonly ranges: ReadonlyArray<readonly [number, number]>
  readonly owner: SharedArrayBuffer
  /** See {@link EvaluateOptions}. */
  readonly detail?: boolean
}

/** What a worker answers: "ready" once loaded, then one message a job. */
export type Reply =
  | { readonly _tag: "ready" }
  | { readonly _tag: "done"; readonly job: number; readonly result: ThreadResult | undefined }
  | { readonly _tag: "failed"; readonly job: number; readonly message: string }

/**
 * The built worker script, next to this module once bundled (`dist/`), or
 * the package's `dist/` when running from sources; undefined when not built.
 */
const workerFile = (): string | undefined => {
  const here = import.meta.url
  const url = here.endsWith(".ts")
    ? new URL("../dist/shard-worker.js", here)
    : new URL("./shard-worker.js", here)
  const file = url.protocol === "file:" ? fileURLToPath(url) : undefined
  return file !== undefined && existsSync(file) ? file : undefined
}

const MAIN = 1

interface Slot {
  readonly id: number
  readonly worker: Worker
  alive: boolean
}

/**
 * Starts a pool of shard workers. Workers that cannot start (no built worker
 * script, an error while loading) leave their share to the main thread: an
 * evaluation never fails for want of a worker.
 *
 * @category evaluation
 * @since 0.1.0
 */
export const makePool = (options: PoolOptions = {}): Pool => {
  const wanted = Math.max(0, Math.floor(options.workers ?? availableParallelism() - 1))
  const file = wanted === 0 ? undefined : (options.script ?? workerFile())
  const slots: Array<Slot> = []
  const listeners = new Set<(slot: Slot, reply: Reply | "exit") => void>()
  const starting: Array<Promise<void>> = []
  if (file !== undefined)
    for (let i = 0; i < wanted; i++) {
      let worker: Worker
      try {
        // no inherited flags: never a TypeScript loader or the sources' export condition in a worker
        worker = new Worker(file, { execArgv: [], workerData: { id: MAIN + 1 + i } })
      } catch {
        continue
      }
      const slot: Slot = { id: MAIN + 1 + i, worker, alive: true }
      slots.push(slot)
      starting.push(
        new Promise<void>((resolve) => {
          const gone = (): void => {
            if (!slot.alive) return
            slot.alive = false
            resolve()
            for (const f of listeners) f(slot, "exit")
          }
          worker.on("message", (m: Reply) => {
            if (m._tag === "ready") resolve()
            for (const f of listeners) f(slot, m)
          })
          worker.on("error", gone)
          worker.on("exit", gone)
        })
      )
    }
  let jobs = 0
  const evaluate = (path: string, evaluateOptions: EvaluateOptions = {}): Promise<Evaluated> =>
    new Promise<Evaluated>((resolve, reject) => {
      const live = slots.filter((s) => s.alive)
      const threads = live.length + 1
      const results: Array<ThreadResult> = []
      const reported = new Set<number>()
      const evaluating = new Set<number>()
      let ranges: Array<readonly [number, number]> = []
      let owner: Int32Array<ArrayBufferLike> = new Int32Array(1)
      const job = ++jobs
      const detail = evaluateOptions.detail === true
      const keep = (r: ThreadResult | undefined, thread: number): void => {
        if (r === undefined) return
        results.push(r)
        evaluating.add(thread)
        for (const part of r.parts) reported.add(part.range)
      }
      const finish = (): void => {
        if (reported.size < ranges.length) return
        listeners.delete(listen)
        const workers = evaluating.size - (evaluating.has(MAIN) ? 1 : 0)
        resolve(combine(results, Math.max(1, evaluating.size), workers))
      }
      const listen = (slot: Slot, reply: Reply | "exit"): void => {
        try {
          if (reply === "exit" || (reply._tag === "failed" && reply.job === job)) {
            // the ranges the worker took and did not report are free again, and the main thread takes
            // whatever is free (a worker that failed a job stays in the pool for the next ones)
            for (let r = 0; r < ranges.length; r++)
              if (Atomics.load(owner, r) === slot.id && !reported.has(r)) Atomics.store(owner, r, 0)
            keep(runRanges(path, ranges, owner, MAIN, detail), MAIN)
          } else if (reply._tag === "done" && reply.job === job) keep(reply.result, slot.id)
          finish()
        } catch (e) {
          listeners.delete(listen)
          reject(e)
        }
      }
      try {
        const perThread = Math.max(8, Math.ceil(sizeOf(path) / (4 << 20) / threads))
        ranges = cut(path, Math.max(1, Math.floor(evaluateOptions.ranges ?? threads * perThread)))
        owner = new Int32Array(new SharedArrayBuffer(4 * ranges.length))
        listeners.add(listen)
        const message: Job = { job, path, ranges, owner: owner.buffer as SharedArrayBuffer, detail }
        for (const s of live) s.worker.postMessage(message)
        if (evaluateOptions.main !== false || live.length === 0)
          keep(runRanges(path, ranges, owner, MAIN, detail), MAIN)
        finish()
      } catch (e) {
        listeners.delete(listen)
        reject(e)
      }
    })
  return {
    workers: slots.length,
    ready: Promise.all(starting).then(() => undefined),
    evaluate,
    close: async () => {
      await Promise.all(slots.map((s) => s.worker.terminate()))
    }
  }
}

/**
 * Evaluates an NDJSON file of measurements across worker threads started for
 * this evaluation and merges the partial summaries: the same result as
 * {@link evaluateFile}. For many files, keep a {@link makePool}.
 *
 * @category evaluation
 * @since 0.1.0
 */
export const evaluateFileSharded = async (path: string, options: Options = {}): Promise<Evaluated> => {
  const threads = Math.max(1, Math.floor(options.threads ?? availableParallelism()))
  const workers = options.workers === false ? 0 : options.main === false ? threads : threads - 1
  const pool = makePool({ workers })
  try {
    return await pool.evaluate(path, options)
  } finally {
    await pool.close()
  }
}
