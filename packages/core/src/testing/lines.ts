/**
 * Arbitraries of NDJSON lines of measurements, for the readers that must agree
 * with the `Measurement` schema (the kernel's line reader, the CLI's shard
 * reader): valid lines, lines broken on one refinement of the schema each,
 * lines edited where JSON itself is at stake (duplicate keys, escapes, numbers
 * written in every way), and mangled lines.
 *
 * @since 0.2.0
 */
import * as Arbitrary from "effect/Arbitrary"
import * as Schema from "effect/Schema"
import * as fc from "fast-check"
import * as Measurement from "../Measurement.js"

const encode = Schema.encodeSync(Measurement.Measurement)
type Json = { [key: string]: unknown }

/**
 * A measurement in its encoded (JSON) form.
 *
 * @category arbitraries
 * @since 0.2.0
 */
export const encodedMeasurement = (): fc.Arbitrary<Measurement.MeasurementEncoded> =>
  Arbitrary.make(Measurement.Measurement).map((m) => encode(m))

const at = (m: Json, field: string): Json => m[field] as Json

/**
 * Ways to break a measurement, each against one refinement of the schema (or
 * of JSON): a name and the change.
 *
 * @category arbitraries
 * @since 0.2.0
 */
export const measurementBreakings: ReadonlyArray<
  readonly [string, (m: { readonly [key: string]: unknown }) => unknown]
> = [
  ["id not of the id pattern", (m) => ({ ...m, id: "msr 1" })],
  ["id starting with a dash", (m) => ({ ...m, id: "-msr" })],
  ["id of 129 characters", (m) => ({ ...m, id: "m".repeat(129) })],
  ["empty indicator", (m) => ({ ...m, indicator: "" })],
  ["assignment not a string", (m) => ({ ...m, assignment: 7 })],
  ["municipality with a non-ASCII letter", (m) => ({ ...m, municipality: "cantù" })],
  ["measuredBy missing", ({ measuredBy: _, ...m }) => m],
  ["source not one of the sources", (m) => ({ ...m, source: "gossip" })],
  ["source missing", ({ source: _, ...m }) => m],
  ["period missing", ({ period: _, ...m }) => m],
  ["period not an object", (m) => ({ ...m, period: "2016" })],
  [
    "period start not a calendar date",
    (m) => ({ ...m, period: { ...at(m, "period"), start: "2023-02-29" } })
  ],
  ["period end month 13", (m) => ({ ...m, period: { ...at(m, "period"), end: "2025-13-01" } })],
  ["period start in year 99", (m) => ({ ...m, period: { ...at(m, "period"), start: "0099-01-01" } })],
  [
    "period start without zero padding",
    (m) => ({ ...m, period: { ...at(m, "period"), start: "2016-1-01" } })
  ],
  ["period reversed", (m) => ({ ...m, period: { start: "2017-01-01", end: "2016-12-31" } })],
  ["period without end", (m) => ({ ...m, period: { start: at(m, "period").start } })],
  ["period with an extra key", (m) => ({ ...m, period: { ...at(m, "period"), note: 1 } })],
  [
    "value above maxValue",
    (m) => ({ ...m, value: Measurement.maxValue * 10, unit: "hour", level: undefined })
  ],
  [
    "value below -maxValue",
    (m) => ({ ...m, value: -Measurement.maxValue - 1, unit: "hour", level: undefined })
  ],
  ["value a string", (m) => ({ ...m, value: "12", unit: "hour", level: undefined })],
  ["value null", (m) => ({ ...m, value: null, unit: "hour", level: undefined })],
  ["unit not one of the units", (m) => ({ ...m, value: 1, unit: "kg", level: undefined })],
  ["value without its unit", (m) => ({ ...m, value: 1, unit: undefined, level: undefined })],
  ["value and level", (m) => ({ ...m, value: 1, unit: "hour", level: "lvl-good" })],
  ["neither value nor level", (m) => ({ ...m, value: undefined, unit: undefined, level: undefined })],
  ["level with a unit", (m) => ({ ...m, value: undefined, unit: "hour", level: "lvl-good" })],
  ["level not a string", (m) => ({ ...m, value: undefined, unit: undefined, level: 3 })],
  ["persons not an integer", (m) => ({ ...m, persons: 1.5 })],
  ["persons negative", (m) => ({ ...m, persons: -1 })],
  ["persons above 2^53", (m) => ({ ...m, persons: 2 ** 53 + 2 })],
  ["recordedOn not a calendar date", (m) => ({ ...m, recordedOn: "2016-04-31" })],
  ["unknown property", (m) => ({ ...m, note: "x" })],
  ["__proto__ property", (m) => JSON.parse(JSON.stringify(m).replace("{", '{"__proto__":{"x":1},'))],
  ["an array", (m) => [m]],
  ["null", () => null]
]

/** Text edits JSON.parse (or a reader's exact reading of numbers) cares about: [what, replaced by]. */
const textEdits: ReadonlyArray<readonly [string, string]> = [
  ['"indicator":', '"indicator":"ind-1","indicator":'],
  ['"indicator":"', '"indicator":"ind-\\u0031","x":"'],
  ['"source":"', '"source":"sur\\u0076ey","x":"'],
  ["{", "{ \t\r "],
  ["{", "\ufeff{"],
  ["{", "\u000b{"],
  ["{", "{,"],
  ["{", "[{"],
  ["}", "}x"],
  ["}", " } \t"],
  ["}", ",}"],
  ['"period":', '"period":{"start":"2016-01-01","start":"2016-01-01","end":"2016-12-31"},"x":'],
  ['"period":', '"period":{"start":"2016-01-01","end":"2016-12-31","note":[1,{"a":null}]},"x":'],
  ['"measuredBy":', '"value":1e400,"measuredBy":'],
  ['"measuredBy":', '"value":-0,"measuredBy":'],
  ['"measuredBy":', '"value":1E2,"measuredBy":'],
  ['"measuredBy":', '"value":1e12,"measuredBy":'],
  ['"measuredBy":', '"value":1000000000000.5,"measuredBy":'],
  ['"measuredBy":', '"value":1e-7,"measuredBy":'],
  ['"measuredBy":', '"value":01,"measuredBy":'],
  ['"measuredBy":', '"value":1.,"measuredBy":'],
  ['"measuredBy":', '"value":0.1234567890123456789,"measuredBy":'],
  ['"measuredBy":', '"value":12345678901234567890,"measuredBy":'],
  ['"measuredBy":', '"persons":1.0,"measuredBy":'],
  ['"measuredBy":', '"persons":-0,"measuredBy":'],
  ['"measuredBy":', '"persons":9007199254740993,"measuredBy":'],
  ['"measuredBy":', '"level":"valueOf","measuredBy":']
]

/**
 * A valid measurement as one NDJSON line (`JSON.stringify` of its encoded form).
 *
 * @category arbitraries
 * @since 0.2.0
 */
export const validMeasurementLine = (): fc.Arbitrary<string> =>
  encodedMeasurement().map((m) => JSON.stringify(m))

/**
 * A line that is valid JSON of a measurement broken on one refinement (see
 * {@link measurementBreakings}), or a line edited where JSON is at stake, or a
 * valid line with one character replaced: near misses a reader must refuse
 * (or read as `JSON.parse` does).
 *
 * @category arbitraries
 * @since 0.2.0
 */
export const nearMissMeasurementLine = (): fc.Arbitrary<string> =>
  fc.oneof(
    fc
      .tuple(encodedMeasurement(), fc.constantFrom(...measurementBreakings))
      .map(([m, [, f]]) => JSON.stringify(f(m as unknown as Json))),
    fc
      .tuple(validMeasurementLine(), fc.constantFrom(...textEdits))
      .map(([line, [from, to]]) => line.replace(from, to)),
    fc
      .tuple(
        validMeasurementLine(),
        fc.nat(),
        fc.constantFrom("", "{", "}", '"', ",", ":", "\\", "0", "-", ".", "e", " ", "è")
      )
      .map(([line, i, c]) => {
        const k = i % (line.length + 1)
        return line.slice(0, k) + c + line.slice(k + 1)
      })
  )

/**
 * A line of a measurement file: valid, or a near miss (see
 * {@link nearMissMeasurementLine}), about half and half.
 *
 * @category arbitraries
 * @since 0.2.0
 */
export const measurementLine = (): fc.Arbitrary<string> =>
  fc.oneof(validMeasurementLine(), nearMissMeasurementLine())
