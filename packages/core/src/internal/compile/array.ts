/**
 * The push parser behind `Ndjson.decodeArray`: one JSON array in, its
 * elements' texts out as the text streams in. A small scanner tracks strings,
 * escapes and nesting depth. A structural error (no `[`, a missing comma,
 * text after `]`, an unclosed array) is reported once and ends the stream:
 * there is no safe way to resynchronise inside JSON.
 *
 * @internal
 */
import { type Raw, type Splitter, textOf } from "./stream.js"

type State = "before" | "first" | "value" | "element" | "after" | "done" | "failed"

/** The scanner's state, kept from chunk to chunk. */
interface Scanner {
  readonly maxLength: number
  state: State
  line: number
  column: number
  /** Nesting depth inside the element, and whether it is an array or object (else a scalar). */
  depth: number
  compound: boolean
  inString: boolean
  escaped: boolean
  /** The element's text so far (capped at maxLength), where it starts, and where in the current text. */
  pieces: Array<string>
  size: number
  overflow: boolean
  startLine: number
  startColumn: number
  pieceStart: number
}

const isSpace = (c: number): boolean => c === 32 || c === 10 || c === 13 || c === 9

const fail = (s: Scanner, out: Array<Raw>, message: string): void => {
  s.state = "failed"
  out.push({ _tag: "Error", line: s.line, column: s.column, message })
}

const keep = (s: Scanner, text: string, from: number, to: number): void => {
  if (s.overflow || to <= from) return
  s.size += to - from
  if (s.size > s.maxLength) {
    s.overflow = true
    s.pieces = []
    return
  }
  s.pieces.push(text.slice(from, to))
}

const emit = (s: Scanner, out: Array<Raw>): void => {
  out.push(
    s.overflow
      ? {
          _tag: "Error",
          line: s.startLine,
          column: s.startColumn,
          message: `the element is longer than ${s.maxLength} characters: split the record (an element holds one record of at most ${s.maxLength} characters)`
        }
      : { _tag: "Text", text: s.pieces.join(""), line: s.startLine, column: s.startColumn }
  )
  s.pieces = []
  s.size = 0
  s.overflow = false
}

/** One character of an element: it ends at its closing bracket, or at the comma or `]` after a scalar. */
const inElement = (s: Scanner, text: string, i: number, c: number, out: Array<Raw>): void => {
  if (s.inString) {
    if (s.escaped) s.escaped = false
    else if (c === 92) s.escaped = true
    else if (c === 34) s.inString = false
  } else if (c === 34) s.inString = true
  else if (c === 91 || c === 123) s.depth++
  else if (c === 93 || c === 125) {
    if (s.depth > 0) {
      s.depth--
      if (s.depth === 0 && s.compound) {
        keep(s, text, s.pieceStart, i + 1)
        emit(s, out)
        s.state = "after"
      }
    } else if (c === 93) {
      keep(s, text, s.pieceStart, i)
      emit(s, out)
      s.state = "done"
    }
  } else if (c === 44 && s.depth === 0 && !s.compound) {
    keep(s, text, s.pieceStart, i)
    emit(s, out)
    s.state = "value"
  }
}

/** One character (not white space) outside the elements; false when the stream failed. */
const between = (s: Scanner, i: number, c: number, out: Array<Raw>): boolean => {
  switch (s.state) {
    case "before":
      if (c !== 91) {
        fail(s, out, 'expected a JSON array starting with "["')
        return false
      }
      s.state = "first"
      return true
    case "first":
    case "value":
      if (c === 93 && s.state === "first") {
        s.state = "done"
        return true
      }
      if (c === 44 || c === 93) {
        fail(s, out, "expected a value: remove the extra comma")
        return false
      }
      s.state = "element"
      s.startLine = s.line
      s.startColumn = s.column
      s.pieceStart = i
      s.compound = c === 91 || c === 123
      s.depth = s.compound ? 1 : 0
      s.inString = c === 34
      s.escaped = false
      return true
    case "after":
      if (c === 44) s.state = "value"
      else if (c === 93) s.state = "done"
      else {
        fail(s, out, 'expected "," or "]" after an element')
        return false
      }
      return true
    case "done":
      fail(s, out, 'unexpected text after the closing "]"')
      return false
    default:
      return false
  }
}

const scan = (s: Scanner, text: string, out: Array<Raw>): void => {
  s.pieceStart = 0
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c === 10) {
      s.line++
      s.column = 0
    } else s.column++
    if (s.state === "element") inElement(s, text, i, c, out)
    else if (!(isSpace(c) || (c === 0xfeff && s.state === "before")) && !between(s, i, c, out)) return
  }
  if (s.state === "element") keep(s, text, s.pieceStart, text.length)
}

/**
 * Splits one JSON array into its elements' texts as the text streams in,
 * each capped at `maxLength` characters.
 * @internal
 */
export const arrayElements = (maxLength: number): Splitter => {
  const decoder = new TextDecoder("utf-8", { ignoreBOM: false })
  const s: Scanner = {
    maxLength,
    state: "before",
    line: 1,
    column: 0,
    depth: 0,
    compound: false,
    inString: false,
    escaped: false,
    pieces: [],
    size: 0,
    overflow: false,
    startLine: 1,
    startColumn: 1,
    pieceStart: 0
  }
  return {
    push: (chunk) => {
      const out: Array<Raw> = []
      if (s.state !== "failed") scan(s, textOf(decoder, chunk), out)
      return out
    },
    end: () => {
      const out: Array<Raw> = []
      if (s.state !== "failed") scan(s, decoder.decode(), out)
      if (s.state !== "done" && s.state !== "failed")
        fail(s, out, 'the array is not closed: the input ended before its "]"')
      return out
    }
  }
}
