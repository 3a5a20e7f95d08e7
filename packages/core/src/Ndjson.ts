/**
 * Incremental readers of NDJSON (one JSON value a line) and of JSON arrays,
 * over any stream of text or bytes: a Node stream, a web `ReadableStream`, a
 * file read in chunks, or a plain array of strings. Memory stays bounded by
 * one record (capped by `maxLength`), so a million measurements or events
 * stream through without being held at once.
 *
 * Every record comes out as an entry with its line (and index); a record that
 * is not valid JSON or not valid for the decoder comes out as problems with
 * that line, never as a throw. Hostile input is handled: an over-long line is
 * skipped as it streams and reported, `__proto__` keys stay plain data
 * (`JSON.parse` never sets a prototype, and decoders drop unknown keys), and
 * messages never quote the input.
 *
 * Platform-neutral: bytes are decoded with `TextDecoder`, nothing Node-only.
 *
 * @since 0.1.0
 */
import * as Either from "effect/Either"
import { arrayElements } from "./internal/compile/array.js"
import { lines, type Raw, type Splitter } from "./internal/compile/stream.js"
import { fromBytesOf, fromTextOf } from "./internal/kernel/text.js"
import * as Problem from "./Problem.js"

/**
 * A chunk of input: text, or UTF-8 bytes (a character may be split across chunks).
 *
 * @category models
 * @since 0.1.0
 */
export type Chunk = string | Uint8Array

/**
 * Where records come from: any async or sync iterable of chunks (a Node
 * `Readable`, a web `ReadableStream` in runtimes where it is async-iterable,
 * an array of lines).
 *
 * @category models
 * @since 0.1.0
 */
export type Source = AsyncIterable<Chunk> | Iterable<Chunk>

/**
 * Reader options.
 *
 * @category models
 * @since 0.1.0
 */
export interface Options {
  /** The longest record accepted, in characters (default 1,000,000); longer ones are skipped and reported. */
  readonly maxLength?: number
}

/**
 * One record read: its value, or every problem found in it. `index` counts
 * records from 0 (blank lines are not records); `line` is where the record
 * starts, from 1. Problem paths start with `index`.
 *
 * @category models
 * @since 0.1.0
 */
export type Entry<A> =
  | { readonly _tag: "Value"; readonly index: number; readonly line: number; readonly value: A }
  | {
      readonly _tag: "Problems"
      readonly index: number
      readonly line: number
      readonly problems: readonly [Problem.Problem, ...Array<Problem.Problem>]
    }

/**
 * The default longest record, in characters.
 *
 * @category constants
 * @since 0.1.0
 */
export const defaultMaxLength = 1_000_000

const positionOf = (error: unknown): number | undefined => {
  const m = error instanceof Error ? /position (\d+)/.exec(error.message) : null
  return m === null ? undefined : Number(m[1])
}

const syntaxProblem = (index: number, line: number, column: number, error: unknown): Problem.Problem => {
  const at = positionOf(error)
  const where = at === undefined ? `line ${line}` : `line ${line}, column ${column + at}`
  return Problem.make(
    "invalid-value",
    [index],
    `${where}: not valid JSON: check quotes, commas and brackets (each record is one JSON value)`
  )
}

type Decode<A> = (input: unknown) => Problem.Result<A>

const identity: Decode<unknown> = Either.right

const toEntry = <A>(
  raw: Raw,
  index: number,
  decode: Decode<A>,
  fromText: ((text: string) => unknown) | undefined
): Entry<A> => {
  // a line the kernel's reader read from its bytes (Decoder.compile(Measurement)): the splitter
  // made it as the entry itself, which only needs its index
  if (raw._tag === "Value") {
    raw.index = index
    return raw as Entry<A>
  }
  if (raw._tag === "Error") {
    return {
      _tag: "Problems",
      index,
      line: raw.line,
      problems: [
        Problem.make("invalid-value", [index], `line ${raw.line}, column ${raw.column}: ${raw.message}`)
      ]
    }
  }
  // the kernel's line reader (Decoder.compile(Measurement)): the decoder's value, without JSON.parse
  const read = fromText?.(raw.text)
  if (read !== undefined) return { _tag: "Value", index, line: raw.line, value: read as A }
  let json: unknown
  try {
    json = JSON.parse(raw.text)
  } catch (error) {
    return {
      _tag: "Problems",
      index,
      line: raw.line,
      problems: [
        // bytes that are not UTF-8 are read as U+FFFD: say so, rather than blame the JSON syntax
        raw.text.includes("\uFFFD")
          ? Problem.make(
              "invalid-value",
              [index],
              `line ${raw.line}: not UTF-8 text (or it holds the replacement character U+FFFD): save the file as UTF-8`
            )
          : syntaxProblem(index, raw.line, raw.column, error)
      ]
    }
  }
  const decoded = decode(json)
  return Either.isRight(decoded)
    ? { _tag: "Value", index, line: raw.line, value: decoded.right }
    : {
        _tag: "Problems",
        index,
        line: raw.line,
        problems: decoded.left.map((p) =>
          Problem.make(p.code, [index, ...p.path], p.message)
        ) as unknown as readonly [Problem.Problem, ...Array<Problem.Problem>]
      }
}

async function* read<A>(source: Source, splitter: Splitter, decode: Decode<A>): AsyncGenerator<Entry<A>> {
  let index = 0
  const fromText = fromTextOf(decode)
  for await (const chunk of source) {
    for (const raw of splitter.push(chunk)) yield toEntry(raw, index++, decode, fromText)
  }
  for (const raw of splitter.end()) yield toEntry(raw, index++, decode, fromText)
}

function* readSync<A>(source: Iterable<Chunk>, splitter: Splitter, decode: Decode<A>): Generator<Entry<A>> {
  let index = 0
  const fromText = fromTextOf(decode)
  for (const chunk of source) {
    for (const raw of splitter.push(chunk)) yield toEntry(raw, index++, decode, fromText)
  }
  for (const raw of splitter.end()) yield toEntry(raw, index++, decode, fromText)
}

const maxOf = (options: Options | undefined): number => Math.max(1, options?.maxLength ?? defaultMaxLength)

/**
 * Reads NDJSON incrementally and decodes each record: pass a decoder such as
 * `Decoder.compile(Measurement.Measurement)`, or none for plain JSON values.
 *
 * @example
 * ```ts
 * import * as assert from "node:assert"
 * import { Actor, Decoder, Ndjson } from "@welfare/core"
 *
 * const chunks = ['{"id":"coop-1","kind":"social-cooperative","resources":[]}\n{"id":"x y",', '"kind":"business","resources":[]}\n']
 * const seen: Array<[string, number]> = []
 * for await (const e of Ndjson.decode(chunks, Decoder.compile(Actor.Actor))) seen.push([e._tag, e.line])
 * assert.deepStrictEqual(seen, [["Value", 1], ["Problems", 2]])
 * ```
 *
 * @category decoding
 * @since 0.1.0
 */
export const decode = <A = unknown>(
  source: Source,
  decoder?: (input: unknown) => Problem.Result<A>,
  options?: Options
): AsyncGenerator<Entry<A>> =>
  read(source, lines(maxOf(options), { fast: fromBytesOf(decoder) }), (decoder ?? identity) as Decode<A>)

/**
 * Reads the elements of one JSON array incrementally (`[ {...}, {...} ]`),
 * decoding each: the whole array is never held in memory.
 *
 * @example
 * ```ts
 * import * as assert from "node:assert"
 * import { Ndjson } from "@welfare/core"
 *
 * const values = []
 * for await (const e of Ndjson.decodeArray(['[{"a":1},', ' {"a":2}]'])) if (e._tag === "Value") values.push(e.value)
 * assert.deepStrictEqual(values, [{ a: 1 }, { a: 2 }])
 * ```
 *
 * @category decoding
 * @since 0.1.0
 */
export const decodeArray = <A = unknown>(
  source: Source,
  decoder?: (input: unknown) => Problem.Result<A>,
  options?: Options
): AsyncGenerator<Entry<A>> => read(source, arrayElements(maxOf(options)), (decoder ?? identity) as Decode<A>)

/**
 * Like {@link decode}, for a synchronous source (an array of lines or chunks).
 *
 * @category decoding
 * @since 0.1.0
 */
export const decodeSync = <A = unknown>(
  source: Iterable<Chunk>,
  decoder?: (input: unknown) => Problem.Result<A>,
  options?: Options
): Generator<Entry<A>> =>
  readSync(source, lines(maxOf(options), { fast: fromBytesOf(decoder) }), (decoder ?? identity) as Decode<A>)

/**
 * Like {@link decodeArray}, for a synchronous source.
 *
 * @category decoding
 * @since 0.1.0
 */
export const decodeArraySync = <A = unknown>(
  source: Iterable<Chunk>,
  decoder?: (input: unknown) => Problem.Result<A>,
  options?: Options
): Generator<Entry<A>> => readSync(source, arrayElements(maxOf(options)), (decoder ?? identity) as Decode<A>)
