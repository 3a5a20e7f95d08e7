/**
 * Streaming evaluation (issue 9): 1,000,000 measurements, and 1,000,000
 * taking-charge events, generated as NDJSON text on the fly (never held
 * whole), read incrementally by `Ndjson.decodeSync` with a compiled decoder,
 * and folded by `Summary.accumulator` / `TakingCharge.replayAll`. Target: the
 * peak RSS of the scenario's process stays under 300 MB. Each is its own
 * scenario, so each runs in its own process and its peak is its own.
 * `ndjson-throughput` measures the library's own speed (issue 15: >= 1 M
 * measurements/s) on lines already made, in a process with node's default
 * heap.
 */
import { Decoder, Measurement, Ndjson, Summary, TakingCharge } from "@welfare/core"
import { byName, type Measured, rate, type Scenario, seeded } from "../harness.js"

const MEASUREMENTS = 1_000_000
const EVENTS = 1_000_000
const LINES_PER_CHUNK = 500
const SEED = 13

const municipalities = ["mun-015118", "mun-015044", "mun-015051", "mun-015182", "mun-015165", "mun-015219"]
const sources = Measurement.sources

/** One measurement line: 40 indicators x 12 months x 6 municipalities, values and levels. */
const measurementLine = (i: number, random: () => number): string => {
  const month = 1 + (i % 12)
  const last = new Date(Date.UTC(2025, month, 0)).getUTCDate()
  const mm = String(month).padStart(2, "0")
  const qualitative = i % 10 === 0
  return JSON.stringify({
    id: `msr-${i}`,
    indicator: `ind-${i % 40}`,
    assignment: `asg-${i % 40}`,
    period: { start: `2025-${mm}-01`, end: `2025-${mm}-${last}` },
    municipality: municipalities[i % municipalities.length],
    ...(qualitative
      ? { level: ["low", "medium", "high"][i % 3] }
      : { value: Math.round(random() * 10000) / 100, unit: "hour" }),
    measuredBy: `act-${i % 97}`,
    source: sources[i % sources.length],
    ...(i % 3 === 0 ? { persons: 1 + (i % 50) } : {})
  })
}

/** NDJSON text in chunks of LINES_PER_CHUNK lines, made as it is read. */
function* ndjson(count: number, line: (i: number, random: () => number) => string): Generator<string> {
  const random = seeded(SEED)
  let chunk: Array<string> = []
  for (let i = 0; i < count; i++) {
    chunk.push(line(i, random))
    if (chunk.length === LINES_PER_CHUNK) {
      chunk.push("")
      yield chunk.join("\n")
      chunk = []
    }
  }
  if (chunk.length > 0) yield `${chunk.join("\n")}\n`
}

/** Taking-charge events: 100,000 cases of ten steps, 1,000 cases open at a time (as a district log interleaves them). */
const WINDOW = 1_000
const PER_CASE = 10
const start = Date.UTC(2024, 0, 1)
const eventLine = (i: number): string => {
  const batch = Math.floor(i / (WINDOW * PER_CASE))
  const step = Math.floor((i % (WINDOW * PER_CASE)) / WINDOW)
  const n = batch * WINDOW + (i % WINDOW)
  const common = {
    eventId: `ev-${n}-${step}`,
    caseId: `case-${n}`,
    at: TakingCharge.timestampOf(start + ((batch * PER_CASE + step) * 3600 + (n % 59) * 60 + step) * 1000),
    by: ["comune-legnano", "coop-melograno", "rete-vicinato"][(n + step) % 3]
  }
  switch (step) {
    case 0:
      return JSON.stringify({ _tag: "NeedRecorded", ...common, need: `need-${n}-a` })
    case 1:
      return JSON.stringify({ _tag: "NeedRecorded", ...common, need: `need-${n}-b` })
    case 2:
      return JSON.stringify({ _tag: "DemandExpressed", ...common, needs: [`need-${n}-a`, `need-${n}-b`] })
    case 3:
      return JSON.stringify({
        _tag: "ChoiceMade",
        ...common,
        contribution: n % 4 === 0 ? [] : [{ kind: "time", amount: 20, unit: "hour" }],
        benefits: [{ kind: "economic", amount: 400, unit: "euro" }]
      })
    case 4:
    case 5:
    case 6:
      return JSON.stringify({
        _tag: "CommunityResponseLinked",
        ...common,
        actors: ["coop-melograno", "rete-vicinato"],
        resources: [{ kind: "time", amount: 30, unit: "hour" }]
      })
    case 7:
    case 8:
      return JSON.stringify({
        _tag: "Reviewed",
        ...common,
        outcome: step === 7 ? "on-track" : "goal-reached"
      })
    default:
      return JSON.stringify({ _tag: "Closed", ...common, reason: "goal-reached" })
  }
}

const decodeMeasurement = Decoder.compile(Measurement.Measurement)
// The same decoder without the kernel's text reader (a plain function carries none): every line
// through JSON.parse and the compiled check-and-copy, the library path before issue 15.
const decodeParsed = (input: unknown) => decodeMeasurement(input)
const decodeEvent = Decoder.compile(TakingCharge.Event)

/** Values of the entries, counting the problems (a seeded stream has none). */
function* values<A>(entries: Iterable<Ndjson.Entry<A>>, problems: { count: number }): Generator<A> {
  for (const e of entries) {
    if (e._tag === "Value") yield e.value
    else problems.count++
  }
}

/**
 * The library's own speed, without the cost of making the text: the first
 * HELD lines made once (about 23 MB of text, as a file read into memory in
 * chunks would be), streamed MEASUREMENTS / HELD times. Making a line with
 * JSON.stringify costs about as much as reading it, so the on-the-fly stream
 * measures both together.
 */
const HELD = 100_000
let held: ReadonlyArray<string> | undefined
const heldText = (): ReadonlyArray<string> => {
  held ??= [...ndjson(HELD, measurementLine)]
  return held
}
let heldBytes: ReadonlyArray<Uint8Array> | undefined
const heldAsBytes = (): ReadonlyArray<Uint8Array> => {
  const encoder = new TextEncoder()
  heldBytes ??= heldText().map((c) => encoder.encode(c))
  return heldBytes
}
function* repeated<C>(chunks: ReadonlyArray<C>, times: number): Generator<C> {
  for (let i = 0; i < times; i++) yield* chunks
}

const summarise = (
  decode: typeof decodeParsed = decodeMeasurement,
  text: () => Iterable<string | Uint8Array> = () => ndjson(MEASUREMENTS, measurementLine)
): Summary.Summary => {
  const problems = { count: 0 }
  const acc = Summary.accumulator()
  for (const m of values(Ndjson.decodeSync(text(), decode), problems)) acc.add(m)
  if (problems.count > 0) throw new Error(`${problems.count} seeded measurements did not decode`)
  return acc.result()
}

const replay = (): TakingCharge.Replayed => {
  const problems = { count: 0 }
  const r = TakingCharge.replayAll(
    values(Ndjson.decodeSync(ndjson(EVENTS, eventLine), decodeEvent), problems)
  )
  if (problems.count > 0 || r.problems.length > 0)
    throw new Error(`the seeded log should replay cleanly: ${problems.count} + ${r.problems.length} problems`)
  return r
}

/**
 * The live heap of a stream is small (about 50 MB after a collection, for
 * 100,000 closed-case summaries), but with a multi-GB default heap limit V8
 * collects the old generation lazily and RSS floats to 330-420 MB. A 192 MB
 * old-space cap (after the runner's own flag) makes it collect in time.
 */
const heapCap = ["--max-old-space-size=192"]

const underLimit = (results: ReadonlyArray<Measured>): boolean =>
  results.every((r) => r.peakRssMb !== undefined && r.peakRssMb < 300)

const peakNote = (what: string) => (results: ReadonlyArray<Measured>) => [
  `peak RSS of the process while streaming ${what}: ${Math.max(...results.map((r) => r.peakRssMb ?? Number.NaN)).toFixed(0)} MB (target < 300 MB; node with the tsx loader alone is about 70 MB; run with --max-old-space-size=192)`
]

export const scenarios: ReadonlyArray<Scenario<void>> = [
  {
    id: "streaming-measurements",
    title: "Streaming 1,000,000 measurements from NDJSON into a Summary",
    target: "peak RSS < 300 MB",
    sizes: `${MEASUREMENTS.toLocaleString("en")} measurements as NDJSON made on the fly (${LINES_PER_CHUNK} lines a chunk), 40 indicators x 12 months x 6 municipalities, seed ${SEED}`,
    prepare: () => undefined,
    runs: 3,
    warmup: 0,
    execArgv: heapCap,
    workloads: [
      {
        name: "ours: Ndjson.decodeSync + Decoder.compile + Summary.accumulator",
        items: MEASUREMENTS,
        run: () => summarise()
      },
      {
        name: "the same, every line through JSON.parse + the compiled decoder (before issue 15)",
        items: MEASUREMENTS,
        run: () => summarise(decodeParsed)
      }
    ],
    meets: underLimit,
    notes: (results) => {
      const ours = rate(byName(results, "ours: Ndjson.decodeSync + Decoder.compile + Summary.accumulator"))
      const parsed = rate(
        byName(results, "the same, every line through JSON.parse + the compiled decoder (before issue 15)")
      )
      return [
        ...peakNote("1,000,000 measurements")(results),
        `with the text made on the fly by JSON.stringify (which costs about as much as reading it): ${(ours / 1e6).toFixed(2)} M/s, against ${(parsed / 1e6).toFixed(2)} M/s through JSON.parse (the library's own speed: scenario ndjson-throughput)`
      ]
    }
  },
  {
    id: "ndjson-throughput",
    title: "The library's NDJSON path: 1,000,000 measurements into a Summary",
    target:
      ">= 1 M measurements/s (Ndjson.decodeSync + Decoder.compile(Measurement) + Summary.accumulator, on bytes already read)",
    sizes: `${HELD.toLocaleString("en")} measurement lines made once (about 23 MB, in chunks of ${LINES_PER_CHUNK} lines, as a file read into memory gives them) and streamed ${MEASUREMENTS / HELD} times: ${MEASUREMENTS.toLocaleString("en")} measurements, seed ${SEED}; node's default heap (streaming-measurements runs under a 192 MB cap for its memory target, under which V8 promotes and collects far more often)`,
    prepare: () => {
      heldAsBytes()
    },
    workloads: [
      {
        name: "ours, on bytes already read (the lines as UTF-8 chunks, as a file gives them)",
        items: MEASUREMENTS,
        run: () => summarise(decodeMeasurement, () => repeated(heldAsBytes(), MEASUREMENTS / HELD))
      },
      {
        name: "ours, on text already made",
        items: MEASUREMENTS,
        run: () => summarise(decodeMeasurement, () => repeated(heldText(), MEASUREMENTS / HELD))
      },
      {
        name: "every line through JSON.parse + the compiled decoder (the path before issue 15), on text already made",
        items: MEASUREMENTS,
        run: () => summarise(decodeParsed, () => repeated(heldText(), MEASUREMENTS / HELD))
      }
    ],
    meets: (results) =>
      rate(
        byName(results, "ours, on bytes already read (the lines as UTF-8 chunks, as a file gives them)")
      ) >= 1e6,
    notes: (results) => {
      const bytes = rate(
        byName(results, "ours, on bytes already read (the lines as UTF-8 chunks, as a file gives them)")
      )
      const text = rate(byName(results, "ours, on text already made"))
      const parsed = rate(
        byName(
          results,
          "every line through JSON.parse + the compiled decoder (the path before issue 15), on text already made"
        )
      )
      return [
        `the library path on bytes already read: ${(bytes / 1e6).toFixed(2)} M measurements/s, on text: ${(text / 1e6).toFixed(2)} M/s (issue 15: >= 1 M/s), ${(text / parsed).toFixed(2)}x the JSON.parse path (${(parsed / 1e6).toFixed(2)} M/s)`
      ]
    }
  },
  {
    id: "streaming-events",
    title: "Streaming 1,000,000 taking-charge events from NDJSON into TakingCharge.replayAll",
    target: "peak RSS < 300 MB",
    sizes: `${EVENTS.toLocaleString("en")} events of 100,000 cases (1,000 open at a time) as NDJSON made on the fly, seed ${SEED}`,
    prepare: () => undefined,
    runs: 3,
    warmup: 0,
    execArgv: heapCap,
    workloads: [
      { name: "ours: Ndjson.decodeSync + Decoder.compile + replayAll", items: EVENTS, run: replay }
    ],
    meets: underLimit,
    notes: peakNote("1,000,000 events")
  }
]
