/**
 * Push parsers behind `Ndjson`: chunks in, whole records out, holding at most
 * one record's text (capped) between chunks. Platform-neutral: bytes are
 * decoded with `TextDecoder`, and a character split across two chunks is
 * decoded once whole.
 *
 * @internal
 */

/**
 * A record a fast reader read from its bytes, already shaped as the entry
 * `Ndjson` yields for it: `Ndjson` sets its index and yields this very
 * object (one object a line rather than two, on the path that reads a
 * million lines a second). @internal
 */
export interface Read {
  readonly _tag: "Value"
  index: number
  readonly line: number
  readonly value: unknown
}

/**
 * One record's text with where it starts, or the record a fast reader read
 * from its bytes, or why there is none. @internal
 */
export type Raw =
  | { readonly _tag: "Text"; readonly text: string; readonly line: number; readonly column: number }
  | Read
  | { readonly _tag: "Error"; readonly line: number; readonly column: number; readonly message: string }

/** A push parser: `push` a chunk, get the records it completed; `end` flushes. @internal */
export interface Splitter {
  readonly push: (chunk: string | Uint8Array) => Array<Raw>
  readonly end: () => Array<Raw>
}

/** @internal */
export const textOf = (decoder: InstanceType<typeof TextDecoder>, chunk: string | Uint8Array): string =>
  typeof chunk === "string" ? chunk : decoder.decode(chunk, { stream: true })

/** Bytes carried to the next chunk before a long line is decoded as it streams. */
const CARRY = 65_536

const concat = (parts: ReadonlyArray<Uint8Array>, size: number): Uint8Array => {
  if (parts.length === 1) return parts[0]!
  const out = new Uint8Array(size)
  let at = 0
  for (const p of parts) {
    out.set(p, at)
    at += p.length
  }
  return out
}

/**
 * A reader of the line that starts at `b[s]` and ends at its first line feed
 * before `limit`: the record it reads, with the line feed's index left in
 * `at.end`, or `undefined` to take the line's text down the full path. So a
 * line it reads is searched for its end once, by the reader itself.
 * @internal
 */
export type FastRead = (b: Uint8Array, s: number, limit: number, at: { end: number }) => unknown

/** Options of {@link lines}. @internal */
export interface LinesOptions {
  /**
   * How many bytes of an unfinished line wait for the next chunk before the
   * line is decoded as it streams (64 KiB; tests lower it).
   */
  readonly carryLimit?: number | undefined
  /** A reader of whole lines' bytes, tried first on every complete line of a bytes chunk. */
  readonly fast?: FastRead | undefined
}

/**
 * Splits newline-delimited text into lines (`\n` or `\r\n`), skipping blank
 * ones. A line longer than `maxLength` is dropped as it streams (never
 * buffered whole) and reported once.
 *
 * Bytes are split on their newlines before they are decoded (a newline byte
 * never falls inside a character, so the cut is always between characters):
 * every complete line is offered to `fast`, and the lines it refuses are
 * decoded in one call each, several times faster than decoding in streaming
 * mode (a slower path of the decoder). The bytes after a chunk's last newline
 * wait for the next chunk, up to `carryLimit`; a longer line is decoded as it
 * streams instead, and is capped as text, so memory stays bounded. A byte
 * order mark is kept by the decoders and removed at the start of the first
 * line.
 * @internal
 */
export const lines = (maxLength: number, options: LinesOptions = {}): Splitter => {
  const text = textLines(maxLength)
  const bytes = byteLines(text, maxLength, options.carryLimit ?? CARRY, options.fast)
  return {
    push: (chunk) => {
      const out: Array<Raw> = []
      if (typeof chunk === "string") {
        bytes.settle(out)
        text.take(chunk, out)
      } else bytes.push(chunk, out)
      return out
    },
    end: () => {
      const out: Array<Raw> = []
      bytes.settle(out)
      text.end(out)
      return out
    }
  }
}

/** The text side of {@link lines}: text in, lines out, each capped at `maxLength`. */
interface TextLines {
  /** Splits text (whatever it ends with: an unfinished line waits for the next call). */
  readonly take: (text: string, out: Array<Raw>) => void
  /** A whole line a fast reader read: it takes the next line number. */
  readonly read: (value: unknown, out: Array<Raw>) => void
  /** Whether no unfinished line waits (so bytes may be read line by line). */
  readonly idle: () => boolean
  /** Ends the text: an unfinished last line is a line. */
  readonly end: (out: Array<Raw>) => void
}

const textLines = (maxLength: number): TextLines => {
  let pieces: Array<string> = []
  let size = 0
  let line = 1
  let overflow = false
  const finish = (tail: string, out: Array<Raw>): void => {
    if (overflow) {
      out.push({
        _tag: "Error",
        line,
        column: 1,
        message: `the line is longer than ${maxLength} characters: split the record (a line holds one record of at most ${maxLength} characters)`
      })
    } else {
      let text = pieces.length === 0 ? tail : pieces.join("") + tail
      if (text.endsWith("\r")) text = text.slice(0, -1)
      if (line === 1 && text.charCodeAt(0) === 0xfeff) text = text.slice(1)
      if (text.trim().length > 0) out.push({ _tag: "Text", text, line, column: 1 })
    }
    pieces = []
    size = 0
    overflow = false
    line++
  }
  const take = (text: string, out: Array<Raw>): void => {
    let start = 0
    for (;;) {
      const nl = text.indexOf("\n", start)
      const end = nl === -1 ? text.length : nl
      const part = text.slice(start, end)
      if (!overflow) {
        if (size + part.length > maxLength + 1) {
          overflow = true
          pieces = []
          size = 0
        } else if (nl === -1 && part.length > 0) {
          pieces.push(part)
          size += part.length
        }
      }
      if (nl === -1) return
      finish(overflow ? "" : part, out)
      start = nl + 1
    }
  }
  return {
    take,
    read: (value, out) => {
      // the fields in the order of `Ndjson.Entry`'s literals, so every entry has one shape
      out.push({ _tag: "Value", index: 0, line: line++, value })
    },
    idle: () => pieces.length === 0 && !overflow,
    end: (out) => {
      if (overflow || size > 0) finish("", out)
    }
  }
}

/** The bytes side of {@link lines}: bytes in, whole lines (or decoded text) handed to `text`. */
interface ByteLines {
  readonly push: (chunk: Uint8Array, out: Array<Raw>) => void
  /** Decodes whatever bytes wait (an incomplete character at the end becomes U+FFFD). */
  readonly settle: (out: Array<Raw>) => void
}

// Whole lines (`head` ends with a newline), each offered to `fast` first; the ones it refuses
// (and every line while an unfinished one waits as text) are decoded.
const wholeLines = (
  head: Uint8Array,
  text: TextLines,
  whole: InstanceType<typeof TextDecoder>,
  maxLength: number,
  fast: FastRead | undefined,
  out: Array<Raw>
): void => {
  if (fast === undefined || !text.idle()) {
    text.take(whole.decode(head), out)
    return
  }
  const at = { end: 0 }
  for (let s = 0; s < head.length; ) {
    // a line the reader reads, it ends itself: only a line it refuses is searched for its end
    const value = fast(head, s, head.length, at)
    const nl = value === undefined ? head.indexOf(10, s) : at.end
    const e = nl > s && head[nl - 1] === 13 ? nl - 1 : nl
    // an accepted line is ASCII: its bytes are its characters
    if (value !== undefined && e - s <= maxLength) text.read(value, out)
    else text.take(whole.decode(head.subarray(s, nl + 1)), out)
    s = nl + 1
  }
}

const byteLines = (
  text: TextLines,
  maxLength: number,
  carryLimit: number,
  fast: FastRead | undefined
): ByteLines => {
  const whole = new TextDecoder("utf-8", { ignoreBOM: true })
  const stream = new TextDecoder("utf-8", { ignoreBOM: true })
  let carry: Array<Uint8Array> = []
  let carried = 0
  let streaming = false
  const complete = (head: Uint8Array, out: Array<Raw>): void =>
    wholeLines(head, text, whole, maxLength, fast, out)
  const flush = (): string => {
    let decoded = ""
    for (const c of carry) decoded += stream.decode(c, { stream: true })
    carry = []
    carried = 0
    return decoded
  }
  // the bytes after the last newline wait, up to `carryLimit`; past it the line streams
  const wait = (rest: Uint8Array, out: Array<Raw>): void => {
    if (carried + rest.length <= carryLimit) {
      if (rest.length > 0) {
        carry.push(rest.slice())
        carried += rest.length
      }
    } else {
      streaming = true
      text.take(flush() + stream.decode(rest, { stream: true }), out)
    }
  }
  const push = (chunk: Uint8Array, out: Array<Raw>): void => {
    let rest = chunk
    if (streaming) {
      const nl = rest.indexOf(10)
      if (nl === -1) {
        text.take(stream.decode(rest, { stream: true }), out)
        return
      }
      // a newline ends any character: the streaming decoder holds nothing after it
      streaming = false
      text.take(stream.decode(rest.subarray(0, nl + 1), { stream: true }), out)
      rest = rest.subarray(nl + 1)
    }
    const last = rest.lastIndexOf(10)
    if (last === -1) {
      wait(rest, out)
      return
    }
    const head = rest.subarray(0, last + 1)
    const all = carried === 0 ? head : concat([...carry, head], carried + head.length)
    carry = []
    carried = 0
    if (last + 1 < rest.length) {
      carry.push(rest.slice(last + 1))
      carried = rest.length - last - 1
    }
    complete(all, out)
  }
  const settle = (out: Array<Raw>): void => {
    if (streaming) {
      streaming = false
      text.take(stream.decode(), out)
    } else if (carried > 0) {
      const pending = concat(carry, carried)
      carry = []
      carried = 0
      text.take(whole.decode(pending), out)
    }
  }
  return { push, settle }
}
