/**
 * The line reader on text: one NDJSON line (a string) in, the measurement
 * exactly as `JSON.parse` + the `Measurement` decoder give it (the same keys
 * in the schema's order, the same values), or `undefined` when the reader
 * refuses the line (the caller then takes the full path). This is how
 * `Ndjson.decode*` with `Decoder.compile(Measurement.Measurement)` reads most
 * lines without `JSON.parse`.
 *
 * @internal
 */
import {
  type Line,
  line,
  lineReader,
  measurementFields,
  periodFields,
  reader,
  type Vocabulary
} from "./line.js"

const sameKeys = (a: ReadonlyArray<string>, b: ReadonlyArray<string>): boolean =>
  a.length === b.length && a.every((k) => b.includes(k))

/**
 * The vocabulary of a measurement schema: `fast` only when its fields and its
 * period's are exactly those the reader knows (should the schema change shape,
 * every line takes the full path until the reader learns the new fields).
 */
export const vocabularyOf = (schema: {
  readonly fields: ReadonlyArray<string>
  readonly periodFields: ReadonlyArray<string>
  readonly units: ReadonlyArray<string>
  readonly sources: ReadonlyArray<string>
  readonly maxValue: number
}): Vocabulary => ({
  units: [...schema.units],
  sources: [...schema.sources],
  maxValue: schema.maxValue,
  fast: sameKeys(schema.fields, measurementFields) && sameKeys(schema.periodFields, periodFields)
})

/** The longest line read without `JSON.parse` (longer ones take the full path). */
const LONGEST = 4096

/** A measurement as the decoder gives it (plain strings: the brands are the schema's). */
export interface Read {
  readonly id?: string
  readonly indicator: string
  readonly assignment: string
  readonly period: { readonly start: string; readonly end: string }
  readonly municipality?: string
  readonly value?: number
  readonly unit?: string
  readonly level?: string
  readonly measuredBy: string
  readonly source: string
  readonly persons?: number
  readonly recordedOn?: string
}

/** The readers of measurement lines under one vocabulary: on a line's text, and on a line's bytes. */
export interface LineReaders {
  readonly text: (text: string) => Read | undefined
  /**
   * Reads the line that starts at `b[s]` and ends at its first line feed
   * before `limit` (or at `limit`), leaving where it ends (the line feed, or
   * `limit`) in `at.end`.
   */
  readonly bytes: (b: Uint8Array, s: number, limit: number, at: { end: number }) => Read | undefined
}

/** The text of ASCII bytes (an accepted line is ASCII). */
const ascii = (b: Uint8Array, s: number, e: number): string => {
  let out = ""
  for (let i = s; i < e; i++) out += String.fromCharCode(b[i]!)
  return out
}

/** Readers of measurement lines as text or bytes under one vocabulary. */
export const textReader = (vocabulary: Vocabulary): LineReaders => {
  const read = reader(vocabulary)
  const readLine = lineReader(vocabulary)
  const out: Line = line()
  const encoder = new TextEncoder()
  const buf = new Uint8Array(LONGEST * 3)
  // the measurement of an accepted line, its id (when it has one) read by `id`
  const measurement = (id: (s: number, e: number) => string): Read => {
    const m: { -readonly [K in keyof Read]: Read[K] } = {} as never
    if (out.id) m.id = id(out.idStart, out.idEnd)
    m.indicator = out.indicator
    m.assignment = out.assignment
    m.period = { start: out.start, end: out.end }
    if (out.municipality !== undefined) m.municipality = out.municipality
    if (out.value !== undefined) m.value = out.value
    if (out.unit >= 0) m.unit = vocabulary.units[out.unit]!
    if (out.level !== undefined) m.level = out.level
    m.measuredBy = out.measuredBy
    m.source = vocabulary.sources[out.source]!
    if (out.persons !== undefined) m.persons = out.persons
    if (out.recordedOn !== undefined) m.recordedOn = out.recordedOn
    return m
  }
  return {
    text: (text) => {
      if (text.length > LONGEST) return undefined
      const { written } = encoder.encodeInto(text, buf)
      if (!read(buf, 0, written, out)) return undefined
      // an accepted line is ASCII (every value is checked to be, and so are the keys and the
      // spaces between them): its byte offsets are its string offsets
      return measurement((s, e) => text.slice(s, e))
    },
    bytes: (b, s, limit, at) => {
      if (!readLine(b, s, limit, out) || out.p - s > LONGEST) return undefined
      at.end = out.p
      return measurement((from, to) => ascii(b, from, to))
    }
  }
}

/**
 * The annotation of a schema whose lines a text reader can read: a function
 * that makes the reader (on first use). `Decoder.compile` hands the reader to
 * `Ndjson` with the decoder it returns.
 */
export const TextReaderId: unique symbol = Symbol.for("@welfare/core/kernel/TextReader")

/** Where a decoder carries its text reader (read by `Ndjson`). */
export const FromTextId: unique symbol = Symbol.for("@welfare/core/kernel/FromText")

/** Where a decoder carries its bytes reader (read by `Ndjson`). */
export const FromBytesId: unique symbol = Symbol.for("@welfare/core/kernel/FromBytes")

// The reader a decoder carries under `id`, if any (a decoder is a function; anything else carries none).
const carried = <F>(decoder: unknown, id: symbol): F | undefined => {
  if (typeof decoder !== "function") return undefined
  const f = (decoder as unknown as { readonly [k: symbol]: unknown })[id]
  return typeof f === "function" ? (f as F) : undefined
}

/** The text reader a decoder carries, if any. */
export const fromTextOf = (decoder: unknown): ((text: string) => unknown) | undefined =>
  carried(decoder, FromTextId)

/** The bytes reader a decoder carries, if any. */
export const fromBytesOf = (decoder: unknown): LineReaders["bytes"] | undefined =>
  carried(decoder, FromBytesId)
