import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { dirname, join } from "node:path"
import { fileURLToPath } from "node:url"
import * as Either from "effect/Either"
import * as Schema from "effect/Schema"
import * as fc from "fast-check"
import { describe, expect, it } from "vitest"
import * as Decoder from "./Decoder.js"
import { lineReader } from "./internal/kernel/line.js"
import { fromBytesOf, fromTextOf } from "./internal/kernel/text.js"
import * as Kernel from "./kernel.js"
import * as Measurement from "./Measurement.js"
import * as Ndjson from "./Ndjson.js"
import * as Summary from "./Summary.js"
import * as Testing from "./testing/lines.js"

// The kernel against the effect Schema: the line reader and the fold must agree with
// `JSON.parse` + the Measurement decoder + `Summary` on every line, valid or broken on any
// refinement of the schema (issue 15: a changed refinement must not slip past the workers).

const encode = Schema.encodeSync(Measurement.Measurement)
const effectDecode = Schema.decodeUnknownEither(Measurement.Measurement, { onExcessProperty: "error" })
const measurement = Testing.encodedMeasurement()
const anyLine = Testing.measurementLine()
type Encoded = Measurement.MeasurementEncoded
type Json = { [key: string]: unknown }

/** What effect gives for a line: the measurement, or undefined when JSON.parse or the schema refuses it. */
const viaEffect = (text: string): Measurement.Measurement | undefined => {
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch {
    return undefined
  }
  const r = effectDecode(json)
  return Either.isRight(r) ? r.right : undefined
}

const read = Kernel.reader(Measurement.vocabulary)
const readText = Decoder.compile(Measurement.Measurement)
const bytes = (s: string): Uint8Array => new TextEncoder().encode(s)

/** What the kernel reads of a line's bytes: the figures, or undefined when it refuses the line. */
const viaKernel = (text: string, out: Kernel.Line = Kernel.line()) => {
  const b = bytes(text)
  return read(b, 0, b.length, out) ? out : undefined
}

/**
 * A line the reader must read itself when it is valid: ASCII with no line feed (which ends a line), no escape, no key twice (in a
 * line without escapes every `"name":` is a key, and the period's keys are not the
 * measurement's), a level that is not a name of Object.prototype.
 */
const isPlain = (text: string, m: Encoded): boolean => {
  const keys = [...text.matchAll(/"([^"]*)"\s*:/g)].map((k) => k[1])
  return (
    /^[\x20-\x7e\t\r]*$/.test(text) &&
    !text.includes("\\") &&
    new Set(keys).size === keys.length &&
    (m.level === undefined || !(m.level in Object.prototype))
  )
}

/** The same measurement, keys in the same order. */
const expectSameValue = (actual: unknown, expected: unknown): void => {
  expect(actual).toStrictEqual(expected)
  expect(JSON.stringify(actual)).toBe(JSON.stringify(expected))
}

describe("kernel: the measurement line reader", () => {
  it("knows every field of the Measurement schema", () => {
    expect(Measurement.vocabulary.fast).toBe(true)
  })

  it("property: the reader accepts a line only when JSON.parse + the Measurement schema accept it, reads the same figures, and reads every plain valid line itself (invariant 14)", () => {
    fc.assert(
      fc.property(anyLine, (text) => {
        const expected = viaEffect(text)
        const out = viaKernel(text)
        if (expected === undefined) {
          expect(out).toBeUndefined()
          return
        }
        if (out === undefined) {
          expect(isPlain(text, encode(expected))).toBe(false)
          return
        }
        expect({
          indicator: out.indicator,
          assignment: out.assignment,
          period: { start: out.start, end: out.end },
          municipality: out.municipality,
          value: out.value,
          unit: out.unit < 0 ? undefined : Measurement.vocabulary.units[out.unit],
          level: out.level,
          measuredBy: out.measuredBy,
          source: Measurement.vocabulary.sources[out.source],
          persons: out.persons,
          recordedOn: out.recordedOn,
          id: out.id ? text.slice(out.idStart, out.idEnd) : undefined
        }).toStrictEqual({
          indicator: expected.indicator,
          assignment: expected.assignment,
          period: { start: expected.period.start, end: expected.period.end },
          municipality: expected.municipality,
          value: expected.value,
          unit: expected.unit,
          level: expected.level,
          measuredBy: expected.measuredBy,
          source: expected.source,
          persons: expected.persons,
          recordedOn: expected.recordedOn,
          id: expected.id
        })
        if (out.id) expect([out.idA, out.idB]).toStrictEqual(Kernel.idHashes(expected.id!))
      }),
      { numRuns: 2000 }
    )
  }, 120_000)

  it("reaches every refinement: each breaking, on sampled measurements, is refused by the schema and by the reader", () => {
    const samples = fc.sample(measurement, { numRuns: 30, seed: 15 })
    for (const [name, f] of Testing.measurementBreakings)
      for (const m of samples) {
        const text = JSON.stringify(f(m as unknown as Json))
        expect({ name, effect: viaEffect(text) }).toStrictEqual({ name, effect: undefined })
        expect({ name, kernel: viaKernel(text) }).toStrictEqual({ name, kernel: undefined })
      }
    // and a sampled measurement itself is read (so a refusal above is the breaking's)
    for (const m of samples) {
      const text = JSON.stringify(m)
      if (isPlain(text, m)) expect(viaKernel(text)).not.toBeUndefined()
    }
  })

  it("property: the line reader, given a buffer of lines, reads each line as the reader reads it alone and ends it at its line feed (what Ndjson's bytes path relies on to skip the search for it)", () => {
    const readLine = lineReader(Measurement.vocabulary)
    const encoder = new TextEncoder()
    fc.assert(
      fc.property(
        fc.array(anyLine, { minLength: 1, maxLength: 12 }),
        fc.boolean(),
        fc.boolean(),
        (texts, crlf, trailing) => {
          const lines = texts.map((l) => l.replace(/\n/g, " "))
          const separator = crlf ? "\r\n" : "\n"
          const b = encoder.encode(lines.join(separator) + (trailing ? separator : ""))
          let s = 0
          for (const line of lines) {
            const e = s + encoder.encode(line).length
            const feed = crlf && e < b.length ? e + 1 : e
            const alone = Kernel.line()
            const inBuffer = Kernel.line()
            const read = readLine(b, s, b.length, inBuffer)
            expect(read).toBe(viaKernel(line, alone) !== undefined)
            if (read) {
              expect(inBuffer.p).toBe(feed)
              expect({ ...inBuffer, p: 0, num: 0, idStart: 0, idEnd: 0 }).toStrictEqual({
                ...alone,
                p: 0,
                num: 0,
                idStart: 0,
                idEnd: 0
              })
            }
            s = feed + 1
          }
        }
      ),
      { numRuns: 500 }
    )
  })

  it("property: Ndjson.decodeSync with Decoder.compile(Measurement) gives the same entries as JSON.parse + the decoder, line by line (the text path, and the bytes path cut anywhere)", () => {
    const plainDecode = Object.assign((u: unknown) => readText(u), { fast: readText.fast })
    // the compiled decoder carries the kernel's text and bytes readers; the plain one does not
    expect(fromTextOf(readText)).toBeTypeOf("function")
    expect(fromBytesOf(readText)).toBeTypeOf("function")
    expect(fromTextOf(plainDecode)).toBeUndefined()
    expect(fromBytesOf(plainDecode)).toBeUndefined()
    const encoder = new TextEncoder()
    fc.assert(
      fc.property(
        fc.array(anyLine, { maxLength: 20 }),
        fc.array(fc.nat(), { maxLength: 6 }),
        fc.boolean(),
        (lines, cuts, crlf) => {
          const text = lines.map((l) => l.replace(/[\r\n]/g, " ")).join(crlf ? "\r\n" : "\n")
          const bytes = encoder.encode(text)
          const points = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b)
          const chunks = [...points, bytes.length].map((p, i, all) =>
            bytes.slice(i === 0 ? 0 : all[i - 1]!, p)
          )
          const slow = [...Ndjson.decodeSync([text], plainDecode)]
          const fromBytes = [...Ndjson.decodeSync(chunks, readText)]
          expect(fromBytes.length).toBe(slow.length)
          fromBytes.forEach((e, i) => {
            expectSameValue(e, slow[i])
          })
          const fast = [...Ndjson.decodeSync([text], readText)]
          expect(fast.length).toBe(slow.length)
          fast.forEach((e, i) => {
            expectSameValue(e, slow[i])
          })
        }
      ),
      { numRuns: 300 }
    )
  }, 120_000)
})

describe("kernel: the cell fold", () => {
  it("property: lines read by the kernel and folded with Kernel.add give the Summary of the decoded measurements (invariant 13)", () => {
    fc.assert(
      fc.property(fc.array(anyLine, { maxLength: 30 }), (lines) => {
        const index: Kernel.Index = new Map()
        const cells: { [key: string]: Kernel.Cell } = {}
        const made = (key: string, c: Kernel.Cell): void => {
          cells[key] = c
        }
        const decoded: Array<Measurement.Measurement> = []
        const out = Kernel.line()
        for (const text of lines) {
          const m = viaEffect(text)
          if (m !== undefined) decoded.push(m)
          if (viaKernel(text, out) !== undefined)
            Kernel.add(
              Kernel.cellFor(index, out.indicator, out.start, out.end, out.municipality, made),
              out.value,
              out.level,
              out.persons
            )
          else if (m !== undefined)
            // a valid line the reader hands on: the full path's measurement, folded the same way
            Kernel.add(
              Kernel.cellFor(index, m.indicator, m.period.start, m.period.end, m.municipality, made),
              m.value,
              m.level,
              m.persons
            )
        }
        const acc = Summary.accumulator()
        acc.addSummary({ _tag: "Summary", cells: cells as unknown as Summary.Summary["cells"] })
        const expected = Summary.fromMeasurements(decoded)
        expect(Summary.equals(acc.result(), expected)).toBe(true)
        for (const key of Object.keys(cells)) {
          const c = cells[key]!
          expect(key).toBe(Summary.keyOf(c.indicator, c.period, c.municipality))
        }
      }),
      { numRuns: 300 }
    )
  }, 120_000)
})

describe("kernel: the entry point", () => {
  it("built as tsup builds it, @welfare/core/kernel imports nothing (no effect, no other module of core)", async () => {
    const root = join(dirname(fileURLToPath(import.meta.url)), "..")
    const outDir = mkdtempSync(join(tmpdir(), "welfare-kernel-"))
    try {
      const { build } = await import("tsup")
      await build({
        config: false,
        entry: { kernel: join(root, "src/kernel.ts") },
        outDir,
        format: ["esm", "cjs"],
        target: "es2022",
        dts: false,
        silent: true,
        external: ["effect", "fast-check"]
      })
      const files = readdirSync(outDir).filter((f) => f.endsWith(".js") || f.endsWith(".cjs"))
      expect(files.sort()).toEqual(["kernel.cjs", "kernel.js"])
      for (const f of files) {
        const code = readFileSync(join(outDir, f), "utf8")
        expect({
          f,
          imports: [...code.matchAll(/\b(?:import|from|require)\s*\(?\s*["']([^"']+)["']/g)].map((m) => m[1])
        }).toEqual({ f, imports: [] })
        expect(code).not.toMatch(/effect/)
      }
    } finally {
      rmSync(outDir, { recursive: true, force: true })
    }
  }, 60_000)
})
