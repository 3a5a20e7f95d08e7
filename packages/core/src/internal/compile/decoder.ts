/**
 * The schema compiler's entry: a total decoder from a schema, effect's
 * decoder with every problem behind a compiled fast path. Public through
 * `Decoder` (`Decoder.lazy`, `Decoder.compile`).
 * @internal
 */

import * as Either from "effect/Either"
import * as Schema from "effect/Schema"
import type { Options } from "../../Decoder.js"
import type * as Problem from "../../Problem.js"
import * as Parse from "../problem/parse.js"
import { compile as compileAst, FAIL } from "./codegen.js"

/** A decoder that compiles on first use: `Decoder.lazy`. */
export const lazy = <A, I>(
  schema: Schema.Schema<A, I, never>,
  options?: Options
): ((input: unknown) => Problem.Result<A>) => {
  let decode: ((input: unknown) => Problem.Result<A>) | undefined
  return (input) => {
    decode ??= compiledDecoder(schema, false, options).decode
    return decode(input)
  }
}

// Options of a decoder: `Decoder.Options`, documented there (a type-only import).
export type { Options }

/**
 * The one implementation behind `Decoder.lazy` and `Decoder.compile`: effect's
 * decoder with every problem, behind a fast path (a check-and-copy compiled
 * from the schema's AST) that hands every input it cannot vouch for to it.
 * `eager: false` compiles on first use, so importing a module that makes
 * decoders stays cheap; `fast()` tells whether a compiled path is in use.
 *
 * @internal
 */
export const compiledDecoder = <A, I>(
  schema: Schema.Schema<A, I, never>,
  eager: boolean,
  options?: Options
): {
  readonly decode: (input: unknown) => Problem.Result<A>
  readonly fast: () => boolean
  /** The compiled check alone: the value when it vouches for the input, else `undefined` (never throws). */
  readonly tryFast: (input: unknown) => { readonly value: A } | undefined
} => {
  Parse.rememberTitles(schema.ast)
  const decodeOptions = options?.unknownProperties === "ignore" ? Parse.lenientOptions : Parse.strictOptions
  const full = Schema.decodeUnknownEither(schema, decodeOptions)
  const slow = (input: unknown): Problem.Result<A> => Either.mapLeft(full(input), Parse.fromParseError)
  const safe = (input: unknown): Problem.Result<A> => {
    try {
      const c = check === null ? compiled() : check
      if (c === undefined) return slow(input)
      const out = c(input)
      return out === FAIL ? slow(input) : Either.right(out as A)
    } catch {
      // effect turns a union's discriminator into text with `String(...)`, which throws on an
      // object whose own `toString` is not a function (`{"_tag": {"toString": ""}}` in JSON):
      // check a copy whose objects turn into text safely (issue 14: decoders never throw).
      try {
        return slow(defanged(input, 0))
      } catch {
        return Either.left([
          Parse.make("invalid-value", [], "the input could not be checked: it is not plain data")
        ])
      }
    }
  }
  let check: ((input: unknown) => unknown) | undefined | null = eager
    ? compileAst(schema.ast, decodeOptions).check
    : null
  const compiled = () => {
    if (check === null) check = compileAst(schema.ast, decodeOptions).check
    return check
  }
  return {
    decode: safe,
    fast: () => compiled() !== undefined,
    tryFast: (input) => {
      try {
        const c = compiled()
        if (c === undefined) return undefined
        const out = c(input)
        return out === FAIL ? undefined : { value: out as A }
      } catch {
        return undefined
      }
    }
  }
}

// Prototypes that give a copied object or list a safe text form (`String(x)` never throws),
// while `Reflect.ownKeys` still sees exactly the input's own keys.
const toText = { value: () => "[object]" }
const safeObject: object = Object.create(Object.prototype, { [Symbol.toPrimitive]: toText })
const safeArray: object = Object.create(Array.prototype, { [Symbol.toPrimitive]: toText })

const defanged = (u: unknown, depth: number): unknown => {
  if (typeof u !== "object" || u === null || depth > 10_000) return u
  if (Array.isArray(u)) {
    const copy = u.map((v) => defanged(v, depth + 1))
    Object.setPrototypeOf(copy, safeArray)
    return copy
  }
  const copy: Record<string, unknown> = Object.create(safeObject)
  for (const key of Object.keys(u)) {
    Object.defineProperty(copy, key, {
      value: defanged((u as Record<string, unknown>)[key], depth + 1),
      enumerable: true,
      writable: true,
      configurable: true
    })
  }
  return copy
}
