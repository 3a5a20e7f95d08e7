import type * as Brand from "effect/Brand"
import * as Schema from "effect/Schema"
import { describe } from "./describe.js"

/**
 * A union of string literals whose failure message lists every accepted value:
 * `expected one of a, b, c, got "foo"`.
 * @internal
 */
export const literals = <const L extends ReadonlyArray<string>>(
  identifier: string,
  values: L,
  description: string
) =>
  Schema.Literal(...(values as unknown as readonly [L[number], ...Array<L[number]>])).annotations({
    identifier,
    description
  })

/**
 * What is wrong with a would-be id, without quoting it: a mistyped id field may
 * hold a name or an address, which must never reach a message.
 */
const idShape = (u: unknown): string => {
  if (typeof u !== "string") return describe(u)
  if (u.length === 0) return "an empty text"
  if (u.length > 128) return `a text of ${u.length} characters`
  if (/\s/.test(u)) return "a text with spaces (an id is a code, never a name or an address)"
  return "a text with other characters or starting with a symbol"
}

const idPattern = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/

/**
 * A branded id: 1 to 128 letters, digits, `.`, `_`, `:` or `-`, starting with a letter or digit.
 * Ids are opaque and pseudonymous: they never carry a person's name.
 * @internal
 */
export const id = <const B extends string>(brand: B, prefix: string, description: string) =>
  Schema.String.pipe(
    Schema.pattern(idPattern, {
      message: (issue) =>
        `expected an id of 1 to 128 letters, digits, ".", "_", ":" or "-" starting with a letter or digit, got ${idShape(issue.actual)}`
    }),
    Schema.brand(brand),
    Schema.annotations({
      identifier: brand,
      description,
      arbitrary: () => (fc) =>
        fc.integer({ min: 1, max: 9999 }).map((n) => `${prefix}-${n}` as string & Brand.Brand<B>)
    })
  )

/**
 * A non-empty text of at most `max` characters, trimmed.
 * @internal
 */
export const text = (identifier: string, description: string, max = 200) =>
  Schema.String.pipe(
    Schema.filter(
      (s) =>
        (s.trim().length > 0 && s.length <= max) ||
        `expected a text of 1 to ${max} characters that is not only spaces, got ${s.trim().length === 0 ? "an empty text" : `a text of ${s.length} characters`}`
    ),
    Schema.annotations({
      identifier,
      description,
      jsonSchema: { type: "string", minLength: 1, maxLength: max, pattern: "\\S" }
    })
  )

/**
 * An optional field that, when present, holds a value (never `undefined`): what
 * JSON can say, so encoded values round-trip through `JSON.stringify`.
 * @internal
 */
export const optional = <S extends Schema.Schema.All>(schema: S) =>
  Schema.optionalWith(schema, { exact: true })
