// The shared pieces of the module contract (issue 15): every entity module
// exports decode, decodeEffect and encode with the same shapes.
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Problem from "../Problem.js"

/** A module's `decodeEffect` from its `decode`: the same problems, as a failed Effect. */
export const toEffect =
  <A>(decode: (input: unknown) => Problem.Result<A>) =>
  (input: unknown): Effect.Effect<A, Problem.ValidationError> =>
    Either.match(decode(input), {
      onLeft: (problems) => Effect.fail(new Problem.ValidationError({ problems })),
      onRight: Effect.succeed
    })
