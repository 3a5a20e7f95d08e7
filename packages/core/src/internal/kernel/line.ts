/**
 * The measurement line reader: one NDJSON line's bytes in, the fields of the
 * measurement out, accepted only when `JSON.parse` would parse the line and
 * the `Measurement` schema (with `onExcessProperty: "error"`) would accept the
 * result, with the same refinements: ids of core's pattern, calendar dates, a
 * period that does not end before it starts, a finite value of magnitude at
 * most `maxValue`, a unit and a source of the vocabulary, a non-negative
 * integer count of persons, and the measurement's own rule (a value with its
 * unit, or a level without one). Anything it cannot vouch for (an escape, a
 * non-ASCII character, an unknown or repeated key, a number it cannot read
 * exactly) is refused, and the caller decodes that line with the full path,
 * whose problems are then effect's own. Free of effect, so that the shard
 * workers of the CLI start in milliseconds.
 *
 * The property test `kernel.test.ts` checks that it agrees with the schema on
 * generated lines (valid ones, and ones broken on every refinement).
 *
 * @internal
 */
import type { Line, Reader, Vocabulary } from "../../kernel.js"
import { dateAt } from "./date.js"

export type { Line, Reader, Vocabulary }

/** Every field of a measurement the reader knows, in the schema's order, and of its period. */
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
/** Every field of a period the reader knows. */
export const periodFields: ReadonlyArray<string> = ["start", "end"]

/** A fresh line state. */
export const line = (): Line => ({
  indicator: "",
  assignment: "",
  start: "",
  end: "",
  municipality: undefined,
  value: undefined,
  unit: -1,
  level: undefined,
  measuredBy: "",
  source: -1,
  persons: undefined,
  recordedOn: undefined,
  id: false,
  idStart: 0,
  idEnd: 0,
  idA: 0,
  idB: 0,
  p: 0,
  num: 0
})

const K_ID = 1
const K_INDICATOR = 2
const K_ASSIGNMENT = 3
const K_PERIOD = 4
const K_MUNICIPALITY = 5
const K_VALUE = 6
const K_UNIT = 7
// 8: level, the default case of the reader
const K_MEASURED_BY = 9
const K_SOURCE = 10
const K_PERSONS = 11
const K_RECORDED_ON = 12
const REQUIRED =
  (1 << K_INDICATOR) | (1 << K_ASSIGNMENT) | (1 << K_PERIOD) | (1 << K_MEASURED_BY) | (1 << K_SOURCE)

const bytesOf = (s: string): Uint8Array => Uint8Array.from(s, (c) => c.charCodeAt(0))
const START = bytesOf("start")
const END = bytesOf("end")

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

/**
 * The lookup of the word the bytes [s, e) are among `words` (-1: none): one
 * candidate found by length and first byte, then compared (words that share
 * both, or that are not short ASCII, are compared in turn).
 */
const wordsOf = (words: ReadonlyArray<Uint8Array>): ((b: Uint8Array, s: number, e: number) => number) => {
  // -1: no word, -2: several words, else the one word of that length and first byte
  const slots = new Int16Array(32 * 128).fill(-1)
  words.forEach((w, i) => {
    if (w.length >= 1 && w.length < 32 && w[0]! < 128) {
      const k = w.length * 128 + w[0]!
      slots[k] = slots[k] === -1 ? i : -2
    }
  })
  return (b, s, e) => {
    const n = e - s
    const c = b[s]!
    if (n < 1 || n >= 32 || c >= 128) return indexOf(b, s, e, words)
    const i = slots[n * 128 + c]!
    if (i === -2) return indexOf(b, s, e, words)
    if (i === -1) return -1
    const w = words[i]!
    for (let j = 1; j < n; j++) if (b[s + j] !== w[j]) return -1
    return i
  }
}

// the keys of a measurement differ by their length and first byte: one candidate to compare;
// a key's number is its index in measurementFields plus one (0: not a key)
const keyOf = wordsOf(measurementFields.map(bytesOf))
const keyAt = (b: Uint8Array, s: number, e: number): number => keyOf(b, s, e) + 1

// JSON's white space but the line feed, which ends a line (a line holds none)
const isSpace = (c: number): boolean => c === 32 || c === 9 || c === 13
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
  // a level named like a property of Object.prototype ("valueOf", "__proto__", ...) is refused:
  // the CLI's partial counts of such levels would not add up as the accumulator's do when merged
  return level in Object.prototype ? undefined : level
}

const POW10 = Array.from({ length: 23 }, (_, i) => 10 ** i)

/**
 * The closing quote of a JSON string whose text starts at p (an escaped quote included: the
 * text's checks then fail), or -1, also at a line feed (which ends the line).
 */
const quote = (b: Uint8Array, p: number, e: number): number => {
  for (let i = p; i < e; i++) {
    const c = b[i]
    if (c === 34) return i
    if (c === 10) return -1
  }
  return -1
}

/** Reads a JSON number at out.p into out.num as JSON.parse would; false when not plainly a number. */
const number = (b: Uint8Array, e: number, out: Line): boolean => {
  let p = out.p
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
  out.num = exact && negative ? -n : n
  out.p = p
  return true
}

const skipSpace = (b: Uint8Array, p: number, e: number): number => {
  while (p < e && isSpace(b[p]!)) p++
  return p
}

/** Hashes the bytes [s, e) into out.idA and out.idB (FNV-1a and a second multiplicative hash). */
const hashBytes = (b: Uint8Array, s: number, e: number, out: { idA: number; idB: number }): void => {
  let a = 0x811c9dc5
  let c = 0x9747b28c
  for (let i = s; i < e; i++) {
    a = Math.imul(a ^ b[i]!, 0x01000193)
    c = Math.imul(c ^ b[i]!, 0x5bd1e995)
    c ^= c >>> 15
  }
  out.idA = a ^ (e - s)
  out.idB = c
}

/**
 * The two 32-bit hashes of an id (ASCII, as core's ids are) that the reader
 * leaves in `idA`/`idB`: equal ids have equal hashes; two different ids share
 * both with a chance of about 2^-64.
 */
export const idHashes = (id: string): readonly [number, number] => {
  const out = { idA: 0, idB: 0 }
  hashBytes(
    Uint8Array.from(id, (ch) => ch.charCodeAt(0) & 0xff),
    0,
    id.length,
    out
  )
  return [out.idA, out.idB]
}

/** The reader of measurement lines under one vocabulary: one line's bytes [s, e), without its newline. */
export const reader = (vocabulary: Vocabulary): Reader => readerOf(vocabulary, false)

/**
 * The reader of a line that starts at s and ends at its first line feed
 * before e (or at e): on success, `out.p` is where the line ends (its line
 * feed, or e). So a caller reading a buffer of lines finds each line's end
 * by reading it, with no separate search for the line feed.
 */
export const lineReader = (vocabulary: Vocabulary): Reader => readerOf(vocabulary, true)

/** Reads the number of `value` or `persons` at p into out: the position after it, or -1. */
const numberField = (
  key: number,
  b: Uint8Array,
  p: number,
  e: number,
  out: Line,
  maxValue: number
): number => {
  out.p = p
  if (!number(b, e, out)) return -1
  const n = out.num
  if (key === K_VALUE) {
    if (!(Number.isFinite(n) && Math.abs(n) <= maxValue)) return -1
    out.value = n
  } else {
    if (!(Number.isSafeInteger(n) && n >= 0)) return -1
    out.persons = n
  }
  return out.p
}

/** Reads the period object at p into out.start and out.end: the position after it, or -1. */
const periodField = (b: Uint8Array, p: number, e: number, out: Line): number => {
  if (b[p] !== 123) return -1
  p = skipSpace(b, p + 1, e)
  if (b[p] === 125) return -1
  let start: string | undefined
  let end: string | undefined
  for (;;) {
    if (b[p] !== 34) return -1
    const pe = quote(b, p + 1, e)
    if (pe < 0) return -1
    const isStart = sameBytes(b, p + 1, pe, START)
    if (!isStart && !sameBytes(b, p + 1, pe, END)) return -1
    p = skipSpace(b, pe + 1, e)
    if (b[p] !== 58) return -1
    p = skipSpace(b, p + 1, e)
    const ve = p + 11
    if (b[p] !== 34 || ve >= e || b[ve] !== 34) return -1
    const date = dateAt(b, p + 1, ve)
    if (date === undefined) return -1
    if (isStart) {
      if (start !== undefined) return -1
      start = date
    } else {
      if (end !== undefined) return -1
      end = date
    }
    p = skipSpace(b, ve + 1, e)
    if (b[p] === 44) p = skipSpace(b, p + 1, e)
    else if (b[p] === 125) break
    else return -1
  }
  // a reversed period is a problem (issue 14): the full path reports it
  if (start === undefined || end === undefined || start > end) return -1
  out.start = start
  out.end = end
  return p + 1
}

/** Reads the id of field `key` whose text starts at vs into out: its closing quote, or -1. */
const idField = (key: number, b: Uint8Array, vs: number, e: number, out: Line): number => {
  const ve = idEnd(b, vs, e)
  if (ve < 0) return -1
  if (key === K_ID) {
    out.id = true
    out.idStart = vs
    out.idEnd = ve
    hashBytes(b, vs, ve, out)
    return ve
  }
  const id = intern(b, vs, ve, hashed)
  if (key === K_ASSIGNMENT) out.assignment = id
  else if (key === K_MEASURED_BY) out.measuredBy = id
  else if (key === K_INDICATOR) out.indicator = id
  else out.municipality = id
  return ve
}

/** Clears the optional fields of out before a line is read. */
const clear = (out: Line): void => {
  out.municipality = undefined
  out.value = undefined
  out.level = undefined
  out.persons = undefined
  out.recordedOn = undefined
  out.id = false
  out.unit = -1
}

/** The lookups of a vocabulary's units and sources. */
interface Words {
  readonly unitOf: (b: Uint8Array, s: number, e: number) => number
  readonly sourceOf: (b: Uint8Array, s: number, e: number) => number
}

// every field of a measurement but the value, the count of persons and the period is a
// string: the position after the string of field `key` at p, read into out, or -1
const stringField = (words: Words, key: number, b: Uint8Array, p: number, e: number, out: Line): number => {
  if (b[p] !== 34) return -1
  const vs = p + 1
  let ve: number
  switch (key) {
    case K_ID:
    case K_ASSIGNMENT:
    case K_MEASURED_BY:
    case K_INDICATOR:
    case K_MUNICIPALITY:
      ve = idField(key, b, vs, e, out)
      break
    case K_UNIT:
    case K_SOURCE: {
      // a word of the vocabulary: its index
      ve = quote(b, vs, e)
      if (ve < 0) return -1
      const word = (key === K_UNIT ? words.unitOf : words.sourceOf)(b, vs, ve)
      if (word < 0) return -1
      if (key === K_UNIT) out.unit = word
      else out.source = word
      break
    }
    case K_RECORDED_ON:
      ve = vs + 10
      if (ve >= e || b[ve] !== 34) return -1
      out.recordedOn = dateAt(b, vs, ve)
      if (out.recordedOn === undefined) return -1
      break
    default:
      ve = quote(b, vs, e)
      if (ve < 0) return -1
      out.level = levelAt(b, vs, ve)
      if (out.level === undefined) return -1
  }
  return ve < 0 ? -1 : ve + 1
}
const readerOf = (vocabulary: Vocabulary, toLineFeed: boolean): Reader => {
  const words: Words = {
    unitOf: wordsOf(vocabulary.units.map(bytesOf)),
    sourceOf: wordsOf(vocabulary.sources.map(bytesOf))
  }
  const maxValue = vocabulary.maxValue
  if (!vocabulary.fast) return () => false
  return (b, s, e, out) => {
    let p = skipSpace(b, s, e)
    if (b[p] !== 123) return false
    p = skipSpace(b, p + 1, e)
    let seen = 0
    clear(out)
    if (b[p] === 125) return false
    for (;;) {
      if (b[p] !== 34) return false
      const ke = quote(b, p + 1, e)
      if (ke < 0) return false
      const key = keyAt(b, p + 1, ke)
      // an unknown property is a problem for the decoder (issue 14): the full path reports it
      if (key === 0 || (seen & (1 << key)) !== 0) return false
      seen |= 1 << key
      p = skipSpace(b, ke + 1, e)
      if (b[p] !== 58) return false
      p = skipSpace(b, p + 1, e)
      p =
        key === K_VALUE || key === K_PERSONS
          ? numberField(key, b, p, e, out, maxValue)
          : key === K_PERIOD
            ? periodField(b, p, e, out)
            : stringField(words, key, b, p, e, out)
      if (p < 0) return false
      p = skipSpace(b, p, e)
      if (b[p] === 44) p = skipSpace(b, p + 1, e)
      else if (b[p] === 125) break
      else return false
    }
    const q = skipSpace(b, p + 1, e)
    if ((q !== e && !(toLineFeed && b[q] === 10)) || (seen & REQUIRED) !== REQUIRED) return false
    out.p = q
    // the measurement's own rule: a value with its unit, or a level without one
    return out.value !== undefined
      ? out.level === undefined && out.unit >= 0
      : out.level !== undefined && out.unit < 0
  }
}
