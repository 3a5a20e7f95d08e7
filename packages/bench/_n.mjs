import { Decoder, Measurement, Ndjson, Summary } from "@welfare/core"
const municipalities = ["mun-015118", "mun-015044", "mun-015051", "mun-015182", "mun-015165", "mun-015219"]
const sources = Measurement.sources
let s = 13
const random = () => { s = (s * 1103515245 + 12345) % 2147483648; return s / 2147483648 }
const measurementLine = (i) => {
  const month = 1 + (i % 12)
  const last = new Date(Date.UTC(2025, month, 0)).getUTCDate()
  const mm = String(month).padStart(2, "0")
  const qualitative = i % 10 === 0
  return JSON.stringify({ id: `msr-${i}`, indicator: `ind-${i % 40}`, assignment: `asg-${i % 40}`, period: { start: `2025-${mm}-01`, end: `2025-${mm}-${last}` }, municipality: municipalities[i % municipalities.length],
    ...(qualitative ? { level: ["low", "medium", "high"][i % 3] } : { value: Math.round(random() * 10000) / 100, unit: "hour" }), measuredBy: `act-${i % 97}`, source: sources[i % sources.length], ...(i % 3 === 0 ? { persons: 1 + (i % 50) } : {}) })
}
const t = (label, n, f) => { const a = performance.now(); f(); const ms = performance.now() - a; console.log(label, Math.round(ms), "ms", (n / ms / 1000).toFixed(2), "M/s") }
const chunks = []
t("generate 100k", 100000, () => { let c = []; for (let i = 0; i < 100000; i++) { c.push(measurementLine(i)); if (c.length === 500) { c.push(""); chunks.push(c.join("\n")); c = [] } } })
const bytes = chunks.map((c) => new TextEncoder().encode(c))
const dec = Decoder.compile(Measurement.Measurement)
function* rep(xs, k) { for (let i = 0; i < k; i++) yield* xs }
for (const [name, src] of [["strings", () => rep(chunks, 10)]])
for (let r = 0; r < 3; r++) t(`decodeSync ${name} 1M`, 1e6, () => { const acc = Summary.accumulator(); let bad = 0; for (const e of Ndjson.decodeSync(src(), dec)) { if (e._tag === "Value") acc.add(e.value); else bad++ } if (bad) throw new Error(String(bad)); return acc.result() })
t("decodeSync only (no fold) 1M", 1e6, () => { let n = 0; for (const e of Ndjson.decodeSync(rep(chunks, 10), dec)) n++; return n })
