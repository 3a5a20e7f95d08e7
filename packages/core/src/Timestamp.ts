/**
 * A point in time as the event-sourced modules record it (`TakingCharge`,
 * `CoDesign`): an ISO 8601 UTC time to the second, `2025-02-03T09:30:00Z`,
 * branded so that a checked timestamp cannot be confused with any text. One
 * fixed form makes comparing two timestamps as texts the same as comparing
 * the times, so histories are ordered without parsing dates.
 *
 * @since 0.2.0
 */
import type * as Brand from "effect/Brand"
import * as Schema from "effect/Schema"
import { describe } from "./internal/describe.js"

const pattern = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d:[0-5]\dZ$/

/**
 * Whether a string is an ISO 8601 UTC timestamp to the second, such as
 * `2025-02-03T09:30:00Z`, naming a real day.
 *
 * @example
 * ```ts
 * import * as assert from "node:assert"
 * import { Timestamp } from "@welfare/core"
 *
 * assert.strictEqual(Timestamp.isTimestamp("2025-02-03T09:30:00Z"), true)
 * assert.strictEqual(Timestamp.isTimestamp("2025-02-30T09:30:00Z"), false)
 * assert.strictEqual(Timestamp.isTimestamp("2025-02-03 09:30"), false)
 * ```
 *
 * @category predicates
 * @since 0.2.0
 */
export const isTimestamp = (s: string): boolean => {
  if (!pattern.test(s)) return false
  const t = Date.parse(s)
  return Number.isFinite(t) && new Date(t).toISOString().slice(0, 19) === s.slice(0, 19)
}

const iso = (ms: number): string => `${new Date(Math.floor(ms / 1000) * 1000).toISOString().slice(0, 19)}Z`

const minArbitraryTime = Date.UTC(2015, 0, 1)
const maxArbitraryTime = Date.UTC(2030, 11, 31)

/**
 * An ISO 8601 UTC timestamp to the second (`2025-02-03T09:30:00Z`), branded
 * `Timestamp`. A wrong value is described (its length), never quoted.
 *
 * @category models
 * @since 0.2.0
 */
export const Timestamp = Schema.String.pipe(
  Schema.filter(
    (s) =>
      isTimestamp(s) ||
      `expected a UTC time such as 2025-02-03T09:30:00Z (date, "T", time to the second, "Z"), got ${describe(s)}`,
    { jsonSchema: { pattern: pattern.source } }
  ),
  Schema.brand("Timestamp"),
  Schema.annotations({
    identifier: "Timestamp",
    description: "An ISO 8601 UTC time to the second, for example 2025-02-03T09:30:00Z.",
    arbitrary: () => (fc) =>
      fc
        .integer({ min: minArbitraryTime / 1000, max: maxArbitraryTime / 1000 })
        .map((s) => iso(s * 1000) as string & Brand.Brand<"Timestamp">)
  })
)

/**
 * @category models
 * @since 0.2.0
 */
export type Timestamp = typeof Timestamp.Type

/**
 * The timestamp of a time in milliseconds since 1970 (to the second, UTC).
 *
 * @example
 * ```ts
 * import * as assert from "node:assert"
 * import { Timestamp } from "@welfare/core"
 *
 * assert.strictEqual(Timestamp.fromMillis(Date.UTC(2015, 4, 12, 17, 30)), "2015-05-12T17:30:00Z")
 * ```
 *
 * @category constructors
 * @since 0.2.0
 */
export const fromMillis = (ms: number): Timestamp => iso(ms) as Timestamp

/**
 * A checked timestamp from a text, or `undefined` when the text is not one
 * (never throws).
 *
 * @example
 * ```ts
 * import * as assert from "node:assert"
 * import { Timestamp } from "@welfare/core"
 *
 * assert.strictEqual(Timestamp.parse("2015-05-12T17:30:00Z"), "2015-05-12T17:30:00Z")
 * assert.strictEqual(Timestamp.parse("12/05/2015"), undefined)
 * ```
 *
 * @category constructors
 * @since 0.2.0
 */
export const parse = (s: string): Timestamp | undefined => (isTimestamp(s) ? (s as Timestamp) : undefined)

/**
 * Brands a text the caller has already checked (a trusted builder, a
 * literal in a test): no check is made. Use {@link parse} or the schema for
 * input.
 *
 * @category constructors
 * @since 0.2.0
 */
export const unsafeMake = (s: string): Timestamp => s as Timestamp
