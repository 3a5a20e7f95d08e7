// The shared pieces of the module contract (issue 15): every entity module
// exports decode, decodeEffect and encode with the same shapes.

import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Schema from "effect/Schema"
import * as Decoder from "../Decoder.js"
import type * as Label from "../Label.js"
import * as Problem from "../Problem.js"

/** A module's `decodeEffect` from its `decode`: the same problems, as a failed Effect. */
export const toEffect =
  <A>(decode: (input: unknown) => Problem.Result<A>) =>
  (input: unknown): Effect.Effect<A, Problem.ValidationError> =>
    Either.match(decode(input), {
      onLeft: (problems) => Effect.fail(new Problem.ValidationError({ problems })),
      onRight: Effect.succeed
    })

/**
 * A module's validating `make` from its schema: a typed value is checked
 * against the schema's type side (refinements, brands, cross-field rules)
 * and comes back as the value or every problem. Nothing is prepared until
 * the first call; the value itself comes back, not a copy.
 */
export const validator = <A, I>(schema: Schema.Schema<A, I, never>): ((value: A) => Problem.Result<A>) => {
  let check: ((input: unknown) => Problem.Result<unknown>) | undefined
  return (value) => {
    check ??= Decoder.lazy(Schema.typeSchema(schema) as Schema.Schema<unknown, unknown, never>)
    return Either.map(check(value), () => value)
  }
}

/** The `referenceProblems` of an entity that references no other entity: always no problem. */
export const referencesNothing = (
  _items: unknown,
  _known?: unknown,
  _path?: ReadonlyArray<Problem.PathSegment>
): Array<Problem.Problem> => []

/**
 * What every entity module exports (issue 15), for its type `A`, its JSON
 * form `I` and the subject of its `referenceProblems` (`S`: the list of
 * entities for a listed section, the value itself for a single one). The
 * type-level contract test checks each entity module against it with
 * `satisfies`, so a module that drifts does not compile.
 */
export interface EntityModule<A, I, S = ReadonlyArray<A>> {
  /** Builds a value from typed fields, checked: the value or every problem. */
  readonly make: (...input: Array<never>) => Problem.Result<A>
  /** Builds a value from typed fields a trusted builder already checked: no check. */
  readonly unsafeMake: (...input: Array<never>) => A
  readonly decode: (input: unknown) => Problem.Result<A>
  readonly decodeEffect: (input: unknown) => Effect.Effect<A, Problem.ValidationError>
  readonly encode: (value: A) => I
  /** Dangling ids within the subject, given the ids known around it (none for an entity that references nothing). */
  readonly referenceProblems: (subject: S, known: never, path: never) => ReadonlyArray<Problem.Problem>
  /** The module's words (the entity's name and its fields), in Italian and English. */
  readonly labels: { readonly [key: string]: Label.Text }
}
