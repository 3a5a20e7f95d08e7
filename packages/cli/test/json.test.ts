import * as fc from "fast-check"
import { describe, expect, it } from "vitest"
import { checker, type SyntaxProblem } from "../src/json.js"

// The streaming JSON check against JSON.parse: on any text, however it is cut into chunks, it
// accepts exactly what JSON.parse accepts, but for a property named twice in one object, which
// it refuses (issue 14) and JSON.parse takes silently.

const check = (text: string, cuts: ReadonlyArray<number>): SyntaxProblem | undefined => {
  const c = checker(1000)
  const points = [...new Set(cuts.map((k) => k % (text.length + 1)))].sort((a, b) => a - b)
  let from = 0
  for (const p of [...points, text.length]) {
    const problem = c.push(text.slice(from, p))
    if (problem !== undefined) return problem
    from = p
  }
  return c.end()
}

const parses = (text: string): boolean => {
  try {
    JSON.parse(text)
    return true
  } catch {
    return false
  }
}

/** A JSON text, then the same text with a few characters inserted, deleted or replaced. */
const mutated = fc
  .tuple(
    fc.json({ maxDepth: 4 }),
    fc.array(
      fc.tuple(
        fc.constantFrom("insert", "delete", "replace"),
        fc.nat(),
        fc.oneof(
          fc.constantFrom(...'{}[]:,"\\ \n-.0123456789eEtrufalsn/bux+'.split("")),
          // pieces of numbers, escapes and literals, where a checker's states are easiest to get wrong
          fc.constantFrom(
            "1e+",
            "e+",
            "E-",
            "-0",
            "0.",
            ".5",
            "1.e",
            "\\u00",
            "\\uZ",
            "tru",
            "nul",
            "fals",
            '""',
            "[]",
            "{}"
          )
        )
      ),
      { maxLength: 4 }
    )
  )
  .map(([text, edits]) =>
    edits.reduce((t, [kind, at, ch]) => {
      const i = at % (t.length + 1)
      return kind === "insert"
        ? t.slice(0, i) + ch + t.slice(i)
        : kind === "delete"
          ? t.slice(0, i) + t.slice(i + 1)
          : t.slice(0, i) + ch + t.slice(i + 1)
    }, text)
  )

/** Short texts over the alphabets of numbers, of escapes inside a text and of literals, alone or in a list. */
const tokens = fc
  .oneof(
    fc.stringOf(fc.constantFrom(..."-+.eE0129"), { minLength: 1, maxLength: 7 }),
    fc.stringOf(fc.constantFrom(...'\\u0aF/bnx"'), { maxLength: 7 }).map((t) => `"${t}"`),
    fc.stringOf(fc.constantFrom(..."truefalsn"), { minLength: 1, maxLength: 6 })
  )
  .chain((t) => fc.constantFrom(t, `[${t}]`, `{"k":${t}}`, `[${t},1]`))

describe("json checker", () => {
  it("judges every short text over the alphabets of numbers and of escapes as JSON.parse does (exhaustive)", () => {
    const all = (alphabet: string, length: number): Array<string> =>
      length === 0 ? [""] : all(alphabet, length - 1).flatMap((t) => [t, ...[...alphabet].map((c) => t + c)])
    const numbers = [...new Set(all("-+.eE01", 5))].filter((t) => t !== "")
    const texts = [...new Set(all('\\u0aF/bnx"', 4))].map((t) => `"${t}"`)
    const wrong = [...numbers, ...numbers.map((t) => `[${t}]`), ...texts].filter(
      (t) => (check(t, []) === undefined) !== parses(t)
    )
    expect(wrong).toStrictEqual([])
  })

  it("property: any JSON text, cut anywhere, is accepted", () => {
    fc.assert(
      fc.property(
        fc.jsonValue({ maxDepth: 5 }),
        fc.boolean(),
        fc.array(fc.nat(), { maxLength: 8 }),
        (v, pretty, cuts) => {
          const text = pretty ? JSON.stringify(v, null, 2) : JSON.stringify(v)
          expect(check(text, cuts)).toBeUndefined()
        }
      ),
      { numRuns: 300 }
    )
  })

  it("property: on any text, cut anywhere, it accepts what JSON.parse accepts (a property named twice aside) and refuses the rest", () => {
    fc.assert(
      fc.property(fc.oneof(mutated, tokens), fc.array(fc.nat(), { maxLength: 8 }), (text, cuts) => {
        const problem = check(text, cuts)
        if (problem?.message.includes("appears twice")) return
        expect({ text, accepted: problem === undefined }).toStrictEqual({ text, accepted: parses(text) })
        // the verdict and the problem do not depend on where the chunks were cut
        expect(check(text, cuts)).toStrictEqual(check(text, []))
      }),
      { numRuns: 2000 }
    )
  })
})
