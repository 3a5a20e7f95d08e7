/**
 * Fast decoders: a schema compiled once into a specialised check-and-copy,
 * with exactly the results of effect's decoder.
 *
 * Valid input is checked and copied by one generated function (keys in schema
 * order, excess keys dropped, new objects and arrays: what effect returns).
 * Input the fast check does not vouch for goes to the full effect decoder, so
 * every problem reported is effect's own, turned into problems by
 * {@link Problem.fromParseError}. Schema parts the compiler does not know
 * (transformations, suspensions, declarations...) are decoded by effect inside
 * the compiled function. On a platform that forbids `new Function`, the
 * decoder is the full decoder.
 *
 * @since 0.1.0
 */

import * as Either from "effect/Either"
import type * as Schema from "effect/Schema"
import * as Compiled from "./internal/compile/decoder.js"
import { FromBytesId, FromTextId, type LineReaders, TextReaderId } from "./internal/kernel/text.js"
import * as Problem from "./Problem.js"

/**
 * A total decoder: unknown input in, the value or every problem out. Never throws.
 *
 * @category models
 * @since 0.1.0
 */
export interface Decoder<A> {
  (input: unknown): Problem.Result<A>
  /** Whether a compiled fast path is in use (false: every input goes to the full effect decoder). */
  readonly fast: boolean
}

/**
 * Compiles a schema into a fast total decoder whose results are exactly those
 * of `Decoder.lazy(schema)`: the same values (deep-equal, key order
 * included) and the same problems.
 *
 * @example
 * ```ts
 * import * as assert from "node:assert"
 * import { Either } from "effect"
 * import { Actor, Decoder, Problem } from "@welfare/core"
 *
 * const decode = Decoder.compile(Actor.Actor)
 * const ok = decode({ id: "coop-1", kind: "social-cooperative", resources: [] })
 * assert.deepStrictEqual(ok, Either.right({ id: "coop-1", kind: "social-cooperative", resources: [] }))
 *
 * // An unknown property is a problem, named by its path, its value never quoted.
 * const extra = decode({ id: "coop-1", kind: "social-cooperative", resources: [], note: "…" })
 * assert.ok(Either.isLeft(extra))
 * assert.strictEqual(Problem.format(extra.left[0]), "note: is not a property of this object: remove it, or check its spelling")
 *
 * const bad = decode({ id: "coop-1", kind: "foo", resources: [] })
 * assert.ok(Either.isLeft(bad))
 * assert.match(Problem.format(bad.left[0]), /^kind: expected one of local-authority, /)
 * ```
 *
 * @category decoding
 * @since 0.1.0
 */
export const compile = <A, I>(schema: Schema.Schema<A, I, never>): Decoder<A> => {
  const { decode, fast } = Compiled.compiledDecoder(schema, true)
  // a schema whose NDJSON lines the kernel reads (Measurement): `Ndjson` reads them without
  // JSON.parse, with the same values (lines the kernel refuses take this decoder)
  const makeReaders = schema.ast.annotations[TextReaderId]
  const readers = typeof makeReaders === "function" ? (makeReaders() as LineReaders) : undefined
  return Object.assign(
    decode,
    { fast: fast() },
    readers === undefined ? {} : { [FromTextId]: readers.text, [FromBytesId]: readers.bytes }
  )
}

/**
 * Decodes many values with one compiled decoder: every value, or every problem
 * with its index prefixed to its path.
 *
 * @example
 * ```ts
 * import * as assert from "node:assert"
 * import { Either } from "effect"
 * import { Actor, Decoder, Problem } from "@welfare/core"
 *
 * const result = Decoder.decodeAll(Decoder.compile(Actor.Actor), [
 *   { id: "coop-1", kind: "social-cooperative", resources: [] },
 *   { id: "", kind: "business", resources: [] }
 * ])
 * assert.ok(Either.isLeft(result))
 * assert.strictEqual(Problem.formatPath(result.left[0].path), "[1].id")
 * ```
 *
 * @category decoding
 * @since 0.1.0
 */
export const decodeAll = <A>(
  decoder: Decoder<A>,
  inputs: ReadonlyArray<unknown>
): Problem.Result<Array<A>> => {
  const values: Array<A> = []
  const problems: Array<Problem.Problem> = []
  for (let i = 0; i < inputs.length; i++) {
    const r = decoder(inputs[i])
    if (Either.isRight(r)) values.push(r.right)
    else problems.push(...Problem.prefix(r.left, [i]))
  }
  return Problem.fromProblems(values, problems)
}

/**
 * Options of a decoder. `unknownProperties: "ignore"` drops the properties
 * a schema does not declare instead of reporting them: only for decoders
 * that read a part of an input (its `type`, say) whose whole is checked
 * strictly after. Every public decoder reports them (`"problem"`, the
 * default).
 *
 * @category models
 * @since 0.3.0
 */
export interface Options {
  readonly unknownProperties?: "problem" | "ignore"
}

/**
 * Makes a total decoder from a schema: unknown input in, the value or every
 * problem out. Never throws. Nothing is prepared until the first call, so a
 * module's decoders cost nothing at import time; the results are those of
 * {@link compile}.
 *
 * @example
 * ```ts
 * import * as assert from "node:assert"
 * import { Either } from "effect"
 * import { Actor, Decoder, Problem } from "@welfare/core"
 *
 * const decode = Decoder.lazy(Actor.Actor)
 * const result = decode({ id: "coop-1", kind: "foo", name: "Il Melograno", resources: [] })
 * assert.ok(Either.isLeft(result))
 * assert.match(Problem.format(result.left[0]), /^kind: expected one of local-authority, /)
 * ```
 *
 * @category decoding
 * @since 0.3.0
 */
export const lazy: <A, I>(
  schema: Schema.Schema<A, I, never>,
  options?: Options
) => (input: unknown) => Problem.Result<A> = Compiled.lazy
