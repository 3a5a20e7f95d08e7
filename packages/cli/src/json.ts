/**
 * A streaming, iterative JSON syntax check: fed chunk by chunk while a file
 * is read, it finds the first syntax error with its line and column, a
 * nesting deeper than a limit, or a truncated end, without recursion (so a
 * hostile nesting of 100,000 levels cannot overflow the stack) and without
 * quoting the input (so no personal free text reaches a message).
 *
 * @since 0.1.0
 */

/**
 * A syntax problem at a position (1-based line and column).
 *
 * @category models
 * @since 0.1.0
 */
export interface SyntaxProblem {
  readonly line: number
  readonly column: number
  readonly message: string
  /**
   * Set when the text is well formed so far but holds more values than the
   * checker's `maxValues`: a limit of the reader, not a syntax error.
   *
   * @since 0.2.0
   */
  readonly tooManyValues?: true
}

/**
 * A checker fed with successive chunks of one JSON text.
 *
 * @category models
 * @since 0.1.0
 */
export interface Checker {
  /** Checks the next chunk; returns the first problem, if any (later calls return it again). */
  readonly push: (chunk: string) => SyntaxProblem | undefined
  /** Checks that the text ended where a JSON value may end. */
  readonly end: () => SyntaxProblem | undefined
}

// Modes of the state machine.
const VALUE = 0 // a value is expected
const AFTER = 1 // a value ended: ",", a closing bracket or the end
const KEY = 2 // a property name is expected
const COLON = 3 // ":" is expected
const STRING = 4
const ESCAPE = 5
const UNICODE = 6
const NUMBER = 7
const LITERAL = 8
const DONE = 9

// Sub-states of a number.
const N_MINUS = 0
const N_ZERO = 1
const N_INT = 2
const N_DOT = 3
const N_FRAC = 4
const N_E = 5
const N_ESIGN = 6
const N_EXP = 7

const isDigit = (c: number) => c >= 48 && c <= 57
const isHex = (c: number) => isDigit(c) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102)
const isSpace = (c: number) => c === 32 || c === 10 || c === 13 || c === 9

/** The checker's state, kept from chunk to chunk. */
interface State {
  readonly maxDepth: number
  readonly maxValues: number
  values: number
  /** 123 "{" or 91 "[" for each open container. */
  readonly stack: Array<number>
  /**
   * The keys of each open object, with where each was first seen (issue 14: a second
   * "actors" must not silently replace the first); `undefined` for an open list.
   */
  readonly keys: Array<Map<string, string> | undefined>
  keyParts: Array<string>
  /** Index of the key's first character in the current chunk, -1 outside a key. */
  keyStart: number
  keyLine: number
  keyColumn: number
  mode: number
  /** Just after "[" or "{": the container may close at once. */
  allowClose: boolean
  stringIsKey: boolean
  hexLeft: number
  numberState: number
  literal: string
  literalAt: number
  line: number
  /** Column of the last character consumed. */
  column: number
  seenAny: boolean
  failed: SyntaxProblem | undefined
}

const fail = (s: State, message: string): SyntaxProblem => {
  s.failed = { line: s.line, column: s.column, message }
  return s.failed
}

const afterValue = (s: State): void => {
  s.mode = s.stack.length === 0 ? DONE : AFTER
}

const close = (s: State): void => {
  s.stack.pop()
  s.keys.pop()
  s.allowClose = false
  afterValue(s)
}

const closeKey = (s: State, chunk: string, end: number): SyntaxProblem | undefined => {
  s.keyParts.push(chunk.slice(s.keyStart, end))
  const raw = s.keyParts.join("")
  s.keyParts = []
  s.keyStart = -1
  const name = raw.includes("\\") ? (JSON.parse(`"${raw}"`) as string) : raw
  const seen = s.keys[s.keys.length - 1]
  if (seen === undefined) return undefined
  const first = seen.get(name)
  if (first !== undefined) {
    s.failed = {
      line: s.keyLine,
      column: s.keyColumn,
      message: `${keyName(name)} appears twice in this object (first at ${first}): a JSON reader keeps only the last one, so merge the two or remove one`
    }
    return s.failed
  }
  seen.set(name, `line ${s.keyLine}, column ${s.keyColumn}`)
  return undefined
}

/** Whether a number may go on with `c` (its state moved on); false when `c` is not part of it. */
const numberGoesOn = (s: State, c: number): boolean => {
  switch (s.numberState) {
    case N_MINUS:
      if (c === 48) s.numberState = N_ZERO
      else if (isDigit(c)) s.numberState = N_INT
      else return false
      return true
    case N_ZERO:
    case N_INT:
      if (s.numberState === N_INT && isDigit(c)) return true
      if (c === 46) s.numberState = N_DOT
      else if (c === 101 || c === 69) s.numberState = N_E
      else return false
      return true
    case N_DOT:
      if (!isDigit(c)) return false
      s.numberState = N_FRAC
      return true
    case N_FRAC:
      if (isDigit(c)) return true
      if (c !== 101 && c !== 69) return false
      s.numberState = N_E
      return true
    case N_E:
      if (c === 43 || c === 45) s.numberState = N_ESIGN
      else if (isDigit(c)) s.numberState = N_EXP
      else return false
      return true
    case N_ESIGN:
      if (!isDigit(c)) return false
      s.numberState = N_EXP
      return true
    default:
      return isDigit(c)
  }
}

/** Whether a number stopped where it cannot end (after "-", ".", "e" or its sign). */
const numberUnfinished = (s: State): boolean =>
  s.numberState === N_MINUS || s.numberState === N_DOT || s.numberState === N_E || s.numberState === N_ESIGN

const isEscape = (c: number): boolean =>
  c === 34 || c === 92 || c === 47 || c === 98 || c === 102 || c === 110 || c === 114 || c === 116

/** The start of a value (after white space): a container, a text, a number or a literal. */
const valueStarts = (s: State, c: number): SyntaxProblem | undefined => {
  s.seenAny = true
  if (c === 93 && s.allowClose) {
    close(s)
    return undefined
  }
  s.allowClose = false
  if (++s.values > s.maxValues) {
    s.failed = {
      line: s.line,
      column: s.column,
      message: `more than ${s.maxValues.toLocaleString("en-US")} values (objects, lists, texts, numbers)`,
      tooManyValues: true
    }
    return s.failed
  }
  if (c === 123 || c === 91) {
    if (s.stack.length >= s.maxDepth)
      return fail(
        s,
        `the JSON nests objects and lists deeper than ${s.maxDepth} levels; a territory document needs far fewer: is this the right file?`
      )
    s.stack.push(c)
    s.keys.push(c === 123 ? new Map() : undefined)
    s.mode = c === 123 ? KEY : VALUE
    s.allowClose = true
  } else if (c === 34) {
    s.mode = STRING
    s.stringIsKey = false
  } else if (c === 45 || isDigit(c)) {
    s.mode = NUMBER
    s.numberState = c === 45 ? N_MINUS : c === 48 ? N_ZERO : N_INT
  } else if (c === 116 || c === 102 || c === 110) {
    s.mode = LITERAL
    s.literal = c === 116 ? "true" : c === 102 ? "false" : "null"
    s.literalAt = 1
  } else
    return fail(
      s,
      "expected a value: an object {...}, a list [...], a text in double quotes, a number, true, false or null"
    )
  return undefined
}

/** A property name's opening quote (at index i of the chunk), or the object's closing brace. */
const keyStarts = (s: State, c: number, i: number): SyntaxProblem | undefined => {
  if (c === 125 && s.allowClose) {
    close(s)
    return undefined
  }
  s.allowClose = false
  if (c !== 34) return fail(s, "expected a property name in double quotes")
  s.mode = STRING
  s.stringIsKey = true
  s.keyStart = i
  s.keyParts = []
  s.keyLine = s.line
  s.keyColumn = s.column
  return undefined
}

/** What follows a value: a comma, or the bracket that closes its container. */
const afterAValue = (s: State, c: number): SyntaxProblem | undefined => {
  const top = s.stack[s.stack.length - 1]
  if (c === 44) s.mode = top === 123 ? KEY : VALUE
  else if ((c === 125 && top === 123) || (c === 93 && top === 91)) close(s)
  else
    return fail(
      s,
      top === 123
        ? "expected ',' or '}' after a property value"
        : "expected ',' or ']' after an item of a list"
    )
  return undefined
}

/** One character outside texts and numbers (`i` is the index after it in the chunk). */
const step = (s: State, c: number, i: number): SyntaxProblem | undefined => {
  switch (s.mode) {
    case ESCAPE:
      if (c === 117) {
        s.mode = UNICODE
        s.hexLeft = 4
      } else if (isEscape(c)) s.mode = STRING
      else return fail(s, 'an escape inside a text is not one of \\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX')
      return undefined
    case UNICODE:
      if (!isHex(c)) return fail(s, "a \\u escape inside a text needs four hexadecimal digits")
      if (--s.hexLeft === 0) s.mode = STRING
      return undefined
    case LITERAL:
      if (c !== s.literal.charCodeAt(s.literalAt))
        return fail(s, `expected a value (did you mean ${s.literal}?)`)
      if (++s.literalAt === s.literal.length) afterValue(s)
      return undefined
  }
  if (isSpace(c)) return undefined
  switch (s.mode) {
    case VALUE:
      return valueStarts(s, c)
    case KEY:
      return keyStarts(s, c, i)
    case COLON:
      if (c === 58) s.mode = VALUE
      else return fail(s, "expected ':' after a property name")
      return undefined
    case AFTER:
      return afterAValue(s, c)
    default:
      return fail(s, "unexpected text after the end of the JSON value: a document holds one value")
  }
}

const push = (s: State, chunk: string): SyntaxProblem | undefined => {
  if (s.failed !== undefined) return s.failed
  const length = chunk.length
  let i = 0
  if (s.stringIsKey && (s.mode === STRING || s.mode === ESCAPE || s.mode === UNICODE)) s.keyStart = 0
  while (i < length) {
    const c = chunk.charCodeAt(i)
    // Fast path inside texts: most of a document is text.
    if (s.mode === STRING) {
      i++
      s.column++
      if (c === 34) {
        if (s.stringIsKey) {
          s.mode = COLON
          if (closeKey(s, chunk, i - 1) !== undefined) return s.failed
        } else afterValue(s)
      } else if (c === 92) s.mode = ESCAPE
      else if (c < 32) return fail(s, "a line break or control character inside a text must be escaped")
      continue
    }
    if (s.mode === NUMBER) {
      if (numberGoesOn(s, c)) {
        i++
        s.column++
        continue
      }
      if (numberUnfinished(s)) {
        s.column++
        return fail(s, "a number is not written as JSON writes numbers (for example 12, -3.5 or 1e6)")
      }
      afterValue(s)
      continue // the character is read again in the new mode
    }
    i++
    s.column++
    const problem = step(s, c, i)
    if (problem !== undefined) return problem
    // A line ends after its line break, so that an error there is reported at the end of its line.
    if (c === 10) {
      s.line++
      s.column = 0
    }
  }
  if (s.keyStart !== -1) {
    s.keyParts.push(chunk.slice(s.keyStart))
    s.keyStart = -1
  }
  return undefined
}

const end = (s: State): SyntaxProblem | undefined => {
  if (s.failed !== undefined) return s.failed
  if (s.mode === NUMBER) {
    if (numberUnfinished(s)) return fail(s, "the file ends inside a number: is it truncated?")
    afterValue(s)
  }
  if (s.mode === DONE) return undefined
  if (!s.seenAny) return fail(s, "the file is empty: expected a JSON object")
  if (s.mode === STRING || s.mode === ESCAPE || s.mode === UNICODE)
    return fail(s, "the file ends inside a text (a closing double quote is missing): is it truncated?")
  const open = s.stack.length
  return fail(
    s,
    `the file ends too early: ${open} ${open === 1 ? "object or list is" : "objects or lists are"} still open; is it truncated?`
  )
}

/**
 * Makes a checker that refuses nesting deeper than `maxDepth` objects and
 * lists, and more than `maxValues` values (objects, lists, texts, numbers,
 * `true`, `false`, `null`; property names are not values): the memory of a
 * parsed document grows with its values as much as with its bytes.
 *
 * @category constructors
 * @since 0.1.0
 */
export const checker = (maxDepth: number, maxValues = Number.POSITIVE_INFINITY): Checker => {
  const s: State = {
    maxDepth,
    maxValues,
    values: 0,
    stack: [],
    keys: [],
    keyParts: [],
    keyStart: -1,
    keyLine: 0,
    keyColumn: 0,
    mode: VALUE,
    allowClose: false,
    stringIsKey: false,
    hexLeft: 0,
    numberState: N_MINUS,
    literal: "",
    literalAt: 0,
    line: 1,
    column: 0,
    seenAny: false,
    failed: undefined
  }
  return { push: (chunk) => push(s, chunk), end: () => end(s) }
}

// A property name is structure, not data, but a hostile or mistaken file may use a name as
// a key: only a short code-like name is quoted.
const keyName = (name: string): string =>
  /^[A-Za-z0-9_$][A-Za-z0-9_$.:-]{0,63}$/.test(name)
    ? `the property "${name}"`
    : `a property name (a text of ${name.length} characters)`

/**
 * Parses a JSON text that {@link checker} accepted, dropping every
 * `__proto__` key so that no object can get a prototype from the input.
 *
 * @category decoding
 * @since 0.1.0
 */
export const parse = (text: string): unknown =>
  // `\u` escapes can spell "__proto__" too, so the reviver runs whenever either appears.
  /__proto__|\\u/.test(text)
    ? JSON.parse(text, (key, value) => (key === "__proto__" ? undefined : value))
    : JSON.parse(text)
