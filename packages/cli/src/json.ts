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
  let values = 0
  const stack: Array<number> = [] // 123 "{" or 91 "["
  // The keys of each open object, with where each was first seen (issue 14: a second
  // "actors" must not silently replace the first); `undefined` for an open list.
  const keys: Array<Map<string, string> | undefined> = []
  let keyParts: Array<string> = []
  let keyStart = -1 // index of the key's first character in the current chunk, -1 outside a key
  let keyLine = 0
  let keyColumn = 0
  let mode = VALUE
  let allowClose = false // just after "[" or "{": the container may close at once
  let stringIsKey = false
  let hexLeft = 0
  let numberState = N_MINUS
  let literal = ""
  let literalAt = 0
  let line = 1
  let column = 0 // column of the last character consumed
  let seenAny = false
  let failed: SyntaxProblem | undefined

  const fail = (message: string): SyntaxProblem => {
    failed = { line, column, message }
    return failed
  }

  const afterValue = () => {
    mode = stack.length === 0 ? DONE : AFTER
  }

  const expectedAfter = () => {
    const top = stack[stack.length - 1]
    return top === 123
      ? "expected ',' or '}' after a property value"
      : "expected ',' or ']' after an item of a list"
  }

  const closeKey = (chunk: string, end: number): SyntaxProblem | undefined => {
    keyParts.push(chunk.slice(keyStart, end))
    const raw = keyParts.join("")
    keyParts = []
    keyStart = -1
    const name = raw.includes("\\") ? (JSON.parse(`"${raw}"`) as string) : raw
    const seen = keys[keys.length - 1]
    if (seen === undefined) return undefined
    const first = seen.get(name)
    if (first !== undefined) {
      failed = {
        line: keyLine,
        column: keyColumn,
        message: `${keyName(name)} appears twice in this object (first at ${first}): a JSON reader keeps only the last one, so merge the two or remove one`
      }
      return failed
    }
    seen.set(name, `line ${keyLine}, column ${keyColumn}`)
    return undefined
  }

  const push = (chunk: string): SyntaxProblem | undefined => {
    if (failed !== undefined) return failed
    const length = chunk.length
    let i = 0
    if (stringIsKey && (mode === STRING || mode === ESCAPE || mode === UNICODE)) keyStart = 0
    while (i < length) {
      const c = chunk.charCodeAt(i)
      // Fast path inside texts: most of a document is text.
      if (mode === STRING) {
        i++
        column++
        if (c === 34) {
          if (stringIsKey) {
            mode = COLON
            if (closeKey(chunk, i - 1) !== undefined) return failed
          } else afterValue()
        } else if (c === 92) mode = ESCAPE
        else if (c < 32) return fail("a line break or control character inside a text must be escaped")
        continue
      }
      if (mode === NUMBER) {
        let accepted = true
        switch (numberState) {
          case N_MINUS:
            if (c === 48) numberState = N_ZERO
            else if (isDigit(c)) numberState = N_INT
            else accepted = false
            break
          case N_ZERO:
          case N_INT:
            if (numberState === N_INT && isDigit(c)) break
            if (c === 46) numberState = N_DOT
            else if (c === 101 || c === 69) numberState = N_E
            else accepted = false
            break
          case N_DOT:
            if (isDigit(c)) numberState = N_FRAC
            else accepted = false
            break
          case N_FRAC:
            if (isDigit(c)) break
            if (c === 101 || c === 69) numberState = N_E
            else accepted = false
            break
          case N_E:
            if (c === 43 || c === 45) numberState = N_ESIGN
            else if (isDigit(c)) numberState = N_EXP
            else accepted = false
            break
          case N_ESIGN:
            if (isDigit(c)) numberState = N_EXP
            else accepted = false
            break
          case N_EXP:
            if (!isDigit(c)) accepted = false
            break
        }
        if (accepted) {
          i++
          column++
          continue
        }
        if (
          numberState === N_MINUS ||
          numberState === N_DOT ||
          numberState === N_E ||
          numberState === N_ESIGN
        ) {
          column++
          return fail("a number is not written as JSON writes numbers (for example 12, -3.5 or 1e6)")
        }
        afterValue()
        continue // the character is read again in the new mode
      }
      i++
      column++
      switch (mode) {
        case ESCAPE:
          if (c === 117) {
            mode = UNICODE
            hexLeft = 4
          } else if (
            c === 34 ||
            c === 92 ||
            c === 47 ||
            c === 98 ||
            c === 102 ||
            c === 110 ||
            c === 114 ||
            c === 116
          )
            mode = STRING
          else return fail('an escape inside a text is not one of \\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX')
          break
        case UNICODE:
          if (!isHex(c)) return fail("a \\u escape inside a text needs four hexadecimal digits")
          if (--hexLeft === 0) mode = STRING
          break
        case LITERAL:
          if (c !== literal.charCodeAt(literalAt)) return fail(`expected a value (did you mean ${literal}?)`)
          if (++literalAt === literal.length) afterValue()
          break
        case VALUE:
          if (isSpace(c)) break
          seenAny = true
          if (c === 93 && allowClose) {
            stack.pop()
            keys.pop()
            allowClose = false
            afterValue()
            break
          }
          allowClose = false
          if (++values > maxValues) {
            failed = {
              line,
              column,
              message: `more than ${maxValues.toLocaleString("en-US")} values (objects, lists, texts, numbers)`,
              tooManyValues: true
            }
            return failed
          }
          if (c === 123 || c === 91) {
            if (stack.length >= maxDepth)
              return fail(
                `the JSON nests objects and lists deeper than ${maxDepth} levels; a territory document needs far fewer: is this the right file?`
              )
            stack.push(c)
            keys.push(c === 123 ? new Map() : undefined)
            if (c === 123) {
              mode = KEY
              allowClose = true
            } else {
              mode = VALUE
              allowClose = true
            }
          } else if (c === 34) {
            mode = STRING
            stringIsKey = false
          } else if (c === 45 || isDigit(c)) {
            mode = NUMBER
            numberState = c === 45 ? N_MINUS : c === 48 ? N_ZERO : N_INT
          } else if (c === 116 || c === 102 || c === 110) {
            mode = LITERAL
            literal = c === 116 ? "true" : c === 102 ? "false" : "null"
            literalAt = 1
          } else
            return fail(
              "expected a value: an object {...}, a list [...], a text in double quotes, a number, true, false or null"
            )
          break
        case KEY:
          if (isSpace(c)) break
          if (c === 125 && allowClose) {
            stack.pop()
            keys.pop()
            allowClose = false
            afterValue()
            break
          }
          allowClose = false
          if (c === 34) {
            mode = STRING
            stringIsKey = true
            keyStart = i
            keyParts = []
            keyLine = line
            keyColumn = column
          } else return fail("expected a property name in double quotes")
          break
        case COLON:
          if (isSpace(c)) break
          if (c === 58) mode = VALUE
          else return fail("expected ':' after a property name")
          break
        case AFTER: {
          if (isSpace(c)) break
          const top = stack[stack.length - 1]
          if (c === 44) {
            mode = top === 123 ? KEY : VALUE
          } else if ((c === 125 && top === 123) || (c === 93 && top === 91)) {
            stack.pop()
            keys.pop()
            afterValue()
          } else return fail(expectedAfter())
          break
        }
        case DONE:
          if (isSpace(c)) break
          return fail("unexpected text after the end of the JSON value: a document holds one value")
      }
      // A line ends after its line break, so that an error there is reported at the end of its line.
      if (c === 10) {
        line++
        column = 0
      }
    }
    if (keyStart !== -1) {
      keyParts.push(chunk.slice(keyStart))
      keyStart = -1
    }
    return undefined
  }

  const end = (): SyntaxProblem | undefined => {
    if (failed !== undefined) return failed
    if (mode === NUMBER) {
      if (numberState === N_MINUS || numberState === N_DOT || numberState === N_E || numberState === N_ESIGN)
        return fail("the file ends inside a number: is it truncated?")
      afterValue()
    }
    if (mode === DONE) return undefined
    if (!seenAny) return fail("the file is empty: expected a JSON object")
    if (mode === STRING || mode === ESCAPE || mode === UNICODE)
      return fail("the file ends inside a text (a closing double quote is missing): is it truncated?")
    const open = stack.length
    return fail(
      `the file ends too early: ${open} ${open === 1 ? "object or list is" : "objects or lists are"} still open; is it truncated?`
    )
  }

  return { push, end }
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
