import * as Either from "effect/Either"
import * as fc from "fast-check"
import { describe, expect, it } from "vitest"
import * as Actor from "./Actor.js"
import * as Decoder from "./Decoder.js"
import { lines, type Raw } from "./internal/compile/stream.js"
import * as Ndjson from "./Ndjson.js"
import * as Problem from "./Problem.js"
import * as Arb from "./testing/index.js"

const encoder = new TextEncoder()

/** Cuts a text at the given points, as strings or as UTF-8 bytes (cutting inside characters). */
const chunked = (text: string, cuts: ReadonlyArray<number>, bytes: boolean): Array<Ndjson.Chunk> => {
  const whole: string | Uint8Array = bytes ? encoder.encode(text) : text
  const points = [...new Set(cuts.map((c) => c % (whole.length + 1)))].sort((a, b) => a - b)
  const out: Array<Ndjson.Chunk> = []
  let from = 0
  for (const p of [...points, whole.length]) {
    out.push(whole.slice(from, p))
    from = p
  }
  return out
}

const all = async <A>(gen: AsyncGenerator<A>): Promise<Array<A>> => {
  const out: Array<A> = []
  for await (const x of gen) out.push(x)
  return out
}

const jsonValue = fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.parse(JSON.stringify(v)) as unknown)

describe("Ndjson", () => {
  it("property: any chunking of an NDJSON text, as text or as bytes split inside characters, reads the same records", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(jsonValue, { maxLength: 8 }),
        fc.array(fc.nat(), { maxLength: 10 }),
        fc.boolean(),
        fc.constantFrom("\n", "\r\n"),
        async (values, cuts, bytes, eol) => {
          const text = values.map((v) => JSON.stringify(v)).join(eol) + eol
          const entries = await all(Ndjson.decode(chunked(text, cuts, bytes)))
          expect(entries.map((e) => (e._tag === "Value" ? e.value : e.problems))).toStrictEqual(values)
          expect(entries.map((e) => e.line)).toEqual(values.map((_, i) => i + 1))
        }
      )
    )
  })

  it("property: bytes cut anywhere read as the whole text decoded at once, whatever the bytes (invalid UTF-8, a byte order mark, lines longer than what waits for the next chunk or than the longest record), with or without a fast reader of whole lines", () => {
    const piece = fc.oneof(
      fc.string({ unit: "binary", maxLength: 12 }).map((s) => encoder.encode(s)),
      fc.uint8Array({ maxLength: 6 }),
      fc.constantFrom(
        encoder.encode("\n"),
        encoder.encode("\r\n"),
        encoder.encode("\uFEFF"),
        new Uint8Array([0xe2, 0x82])
      ),
      fc.stringMatching(/^[0-9]{1,6}$/).map((s) => encoder.encode(s))
    )
    // a fast reader of lines of digits (as the kernel's reads measurements): what it reads
    // must be what the text path gives for the same line
    const digits = (b: Uint8Array, s: number, limit: number, at: { end: number }): string | undefined => {
      let e = s
      while (e < limit && b[e]! >= 48 && b[e]! <= 57) e++
      const nl = b[e] === 13 ? e + 1 : e
      if (e === s || (nl < limit && b[nl] !== 10)) return undefined
      at.end = nl
      return String.fromCharCode(...b.subarray(s, e))
    }
    const normal = (raws: ReadonlyArray<Raw>): ReadonlyArray<Raw> =>
      raws.map((r) =>
        r._tag === "Text" && /^[0-9]+$/.test(r.text)
          ? { _tag: "Value", index: 0, line: r.line, value: r.text }
          : r
      )
    fc.assert(
      fc.property(
        fc.array(piece, { maxLength: 30 }),
        fc.array(fc.nat(), { maxLength: 12 }),
        fc.integer({ min: 1, max: 16 }),
        fc.boolean(),
        (pieces, cuts, carryLimit, withFast) => {
          const bytes = new Uint8Array(pieces.reduce((n, p) => n + p.length, 0))
          let at = 0
          for (const p of pieces) {
            bytes.set(p, at)
            at += p.length
          }
          const read = (chunks: ReadonlyArray<Ndjson.Chunk>) => {
            const splitter = lines(20, { carryLimit, fast: withFast ? digits : undefined })
            return normal([...chunks.flatMap((c) => splitter.push(c)), ...splitter.end()])
          }
          const whole = new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes)
          expect(read(chunked(whole, [], false))).toEqual(read([whole]))
          const points = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b)
          const chunks = [...points, bytes.length].map((p, i, all) =>
            bytes.slice(i === 0 ? 0 : all[i - 1]!, p)
          )
          expect(read(chunks)).toEqual(read([whole]))
        }
      ),
      { numRuns: 300 }
    )
  })

  it("property: any chunking of a JSON array reads its elements one by one, equal to JSON.parse of the whole", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(jsonValue, { maxLength: 8 }),
        fc.array(fc.nat(), { maxLength: 10 }),
        fc.boolean(),
        fc.boolean(),
        async (values, cuts, bytes, pretty) => {
          const text = pretty ? JSON.stringify(values, null, 2) : JSON.stringify(values)
          const entries = await all(Ndjson.decodeArray(chunked(text, cuts, bytes)))
          expect(
            entries.map((e) => (e._tag === "Value" ? e.value : Problem.format(e.problems[0])))
          ).toStrictEqual(values)
          const sync = [...Ndjson.decodeArraySync(chunked(text, cuts, bytes))]
          expect(sync).toStrictEqual(entries)
        }
      )
    )
  })

  it("property: every valid actor streamed as NDJSON decodes to what Decoder.compile gives, with the decoder's problems prefixed by the record index", async () => {
    const decoder = Decoder.compile(Actor.Actor)
    await fc.assert(
      fc.asyncProperty(fc.array(fc.oneof(Arb.actor(), jsonValue), { maxLength: 6 }), async (items) => {
        const text = items.map((v) => JSON.stringify(v)).join("\n")
        const entries = await all(Ndjson.decode([text], decoder))
        entries.forEach((e, i) => {
          const direct = decoder(JSON.parse(JSON.stringify(items[i])))
          if (e._tag === "Value") expect(direct).toStrictEqual(Either.right(e.value))
          else
            expect(e.problems).toStrictEqual(
              direct._tag === "Left"
                ? direct.left.map((p) => Problem.make(p.code, [i, ...p.path], p.message))
                : []
            )
        })
      }),
      { numRuns: 100 }
    )
  })

  it("reports a line that is not JSON with its line and column, without quoting it, and goes on", () => {
    const entries = [
      ...Ndjson.decodeSync([
        '{"id":"cit-1","kind":"citizen","resources":[]}\n\n{"id": Mario Rossi}\n{"id":"cit-2","kind":"citizen","resources":[]}\n'
      ])
    ]
    expect(entries.map((e) => [e._tag, e.index, e.line])).toEqual([
      ["Value", 0, 1],
      ["Problems", 1, 3],
      ["Value", 2, 4]
    ])
    const problem = entries[1]!._tag === "Problems" ? entries[1]!.problems[0] : undefined
    expect(problem?.path).toEqual([1])
    expect(problem?.message).toMatch(/^line 3(, column \d+)?: not valid JSON/)
    expect(problem?.message).not.toMatch(/Mario/)
  })

  it("skips an over-long line as it streams, reports it once, and reads the next line", async () => {
    const long = `{"note":"${"x".repeat(5000)}"}`
    const chunks = ['{"a":1}\n', long.slice(0, 2000), long.slice(2000), '\n{"a":2}\n']
    const entries = await all(Ndjson.decode(chunks, undefined, { maxLength: 1000 }))
    expect(entries.map((e) => (e._tag === "Value" ? e.value : Problem.format(e.problems[0])))).toEqual([
      { a: 1 },
      "[1]: line 2, column 1: the line is longer than 1000 characters: split the record (a line holds one record of at most 1000 characters)",
      { a: 2 }
    ])
    const array = await all(Ndjson.decodeArray([`[1, ${long}, 2]`], undefined, { maxLength: 1000 }))
    expect(array.map((e) => (e._tag === "Value" ? e.value : e.problems[0].message))).toEqual([
      1,
      "line 1, column 5: the element is longer than 1000 characters: split the record (an element holds one record of at most 1000 characters)",
      2
    ])
  })

  it("keeps __proto__ keys as plain data: no prototype is set or polluted, and decoders report them as unknown properties", () => {
    const line =
      '{"__proto__":{"polluted":true,"kind":"citizen"},"id":"coop-1","kind":"social-cooperative","resources":[]}'
    const [raw] = [...Ndjson.decodeSync([line])]
    const [decoded] = [...Ndjson.decodeSync([line], Decoder.compile(Actor.Actor))]
    expect(raw?._tag === "Value" && Object.getPrototypeOf(raw.value)).toBe(Object.prototype)
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    expect(decoded?._tag === "Problems" && decoded.problems.map(Problem.format)).toStrictEqual([
      "[0].__proto__: is not a property of this object: remove it, or check its spelling"
    ])
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })

  it("reports a broken array once, with where it broke", () => {
    const messages = (text: string) =>
      [...Ndjson.decodeArraySync([text])].map((e) =>
        e._tag === "Value" ? e.value : Problem.format(e.problems[0])
      )
    expect(messages('[{"a":1} {"a":2}]')).toEqual([
      { a: 1 },
      '[1]: line 1, column 10: expected "," or "]" after an element'
    ])
    expect(messages("[1, 2")).toEqual([
      1,
      '[1]: line 1, column 5: the array is not closed: the input ended before its "]"'
    ])
    expect(messages('{"a":1}')).toEqual(['[0]: line 1, column 1: expected a JSON array starting with "["'])
    expect(messages("[]")).toEqual([])
    expect(messages('\uFEFF["é", "a,b", "]"]')).toEqual(["é", "a,b", "]"])
  })
})
