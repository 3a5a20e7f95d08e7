import * as Either from "effect/Either"
import * as Schema from "effect/Schema"
import * as fc from "fast-check"
import { expect } from "vitest"
import * as Decoder from "../src/Decoder.js"
import * as Problem from "../src/Problem.js"

/**
 * Invariant 14 (round trip): for every value the arbitrary produces, encoding
 * then decoding gives back an equal value, and the decoder reports no problem.
 */
export const roundTrip = <A, I>(
  schema: Schema.Schema<A, I, never>,
  arbitrary: fc.Arbitrary<A>,
  numRuns = 300
) => {
  const encode = Schema.encodeSync(schema)
  const decode = Decoder.lazy(schema)
  // async, yielding at each run (see breathe): a heavy round trip never starves the test worker
  return fc.assert(
    fc.asyncProperty(arbitrary, async (value) => {
      await breathe()
      const encoded = encode(value)
      const json = JSON.parse(JSON.stringify(encoded))
      const decoded = decode(json)
      if (Either.isLeft(decoded)) throw new Error(decoded.left.map(Problem.format).join("\n"))
      expect(decoded.right).toStrictEqual(value)
    }),
    { numRuns }
  )
}

/** The formatted problems of a failed result, or [] when it succeeded. */
export const formatted = <A>(result: Problem.Result<A>): Array<string> =>
  Either.isLeft(result) ? result.left.map(Problem.format) : []

/**
 * Yields to the event loop: heavy properties await it at each run (as
 * `fc.asyncProperty`), so that a run of the whole property longer than a
 * minute on a busy machine never starves the test worker's messages to vitest
 * (which end the run with "Timeout calling onTaskUpdate", issue 14).
 */
export const breathe = (): Promise<void> => new Promise((resolve) => setImmediate(resolve))
