/**
 * Decoding 100,000 seeded records: our compiled decoder beside a hand-written
 * guard, zod 4 (default path and `z.compile()`) and effect's own decoder, on
 * valid input and on a mix with 1% invalid records. Issue 9: >= 1 M records/s,
 * >= 0.5x the hand-written guard in the same run, >= 2x zod's default path.
 */
import { Actor, Decoder, Measurement, PolicyArea, Problem, Resource } from "@welfare/core"
import * as Arbitrary from "effect/Arbitrary"
import * as Schema from "effect/Schema"
import * as fc from "fast-check"
import * as z from "zod"
import { byName, type Measured, rate, type Scenario, seeded } from "../harness.js"

const N = 100_000
const SEED = 9

const idPattern = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/
const names = [
  "Cooperativa Sociale Il Melograno",
  "Associazione Auser",
  "Comune di Legnano",
  "Caritas cittadina"
]

/** 100,000 actors as JSON.parse gives them: organisations with names, citizens without, 0 to 3 resources. */
const actors = (random: () => number): Array<unknown> => {
  const out: Array<unknown> = []
  for (let i = 0; i < N; i++) {
    const kind = Actor.kinds[Math.floor(random() * Actor.kinds.length)]!
    const resources = []
    for (let r = Math.floor(random() * 4); r > 0; r--) {
      const rk = Resource.kinds[Math.floor(random() * Resource.kinds.length)]!
      const units = Resource.unitsByKind[rk]
      resources.push({
        kind: rk,
        amount: Math.floor(random() * 2000),
        unit: units[Math.floor(random() * units.length)]!
      })
    }
    const areas = PolicyArea.values.filter(() => random() < 0.2)
    out.push({
      id: `act-${i}`,
      kind,
      ...(kind === "citizen" ? {} : { name: names[i % names.length] }),
      ...(random() < 0.7 ? { municipality: `mun-${15146 + (i % 11)}` } : {}),
      ...(areas.length > 0 ? { policyAreas: areas } : {}),
      resources
    })
  }
  return JSON.parse(JSON.stringify(out))
}

/** The same records with 1% broken in one of several ways. */
const withInvalid = (records: ReadonlyArray<unknown>, random: () => number): Array<unknown> =>
  records.map((r, i) => {
    if (i % 100 !== 37) return r
    const copy = { ...(r as Record<string, unknown>) }
    switch (Math.floor(random() * 4)) {
      case 0:
        copy.kind = "association"
        break
      case 1:
        copy.id = "act 1"
        break
      case 2:
        copy.resources = [{ kind: "time", amount: -3, unit: "hour" }]
        break
      default:
        delete copy.resources
    }
    return copy
  })

/** What a careful developer writes by hand: the same rules, no copy. */
const kinds = new Set<string>(Actor.kinds)
const areas = new Set<string>(PolicyArea.values)
const resourceKinds = new Set<string>(Resource.kinds)
const isText = (u: unknown): boolean => typeof u === "string" && u.trim().length > 0 && u.length <= 200
const isResource = (u: unknown): boolean => {
  if (typeof u !== "object" || u === null || Array.isArray(u)) return false
  const r = u as Record<string, unknown>
  return (
    typeof r.kind === "string" &&
    resourceKinds.has(r.kind) &&
    typeof r.amount === "number" &&
    Number.isFinite(r.amount) &&
    r.amount >= 0 &&
    r.amount <= Resource.maxAmount &&
    typeof r.unit === "string" &&
    (Resource.unitsByKind[r.kind as Resource.ResourceKind] as ReadonlyArray<string>).includes(r.unit)
  )
}
const isActor = (u: unknown): boolean => {
  if (typeof u !== "object" || u === null || Array.isArray(u)) return false
  const a = u as Record<string, unknown>
  if (typeof a.id !== "string" || !idPattern.test(a.id)) return false
  if (typeof a.kind !== "string" || !kinds.has(a.kind)) return false
  if ("name" in a && (!isText(a.name) || a.kind === "citizen")) return false
  if ("municipality" in a && (typeof a.municipality !== "string" || !idPattern.test(a.municipality)))
    return false
  if ("policyAreas" in a) {
    if (!Array.isArray(a.policyAreas)) return false
    for (const p of a.policyAreas) if (typeof p !== "string" || !areas.has(p)) return false
  }
  if (!Array.isArray(a.resources)) return false
  for (const r of a.resources) if (!isResource(r)) return false
  return true
}

/** zod 4 with the same rules, written as a zod user would. */
const zResource = z
  .object({
    kind: z.enum(Resource.kinds),
    amount: z.number().min(0).max(Resource.maxAmount),
    unit: z.enum(Resource.units)
  })
  .refine((r) => (Resource.unitsByKind[r.kind] as ReadonlyArray<string>).includes(r.unit), {
    path: ["unit"],
    message: "unit does not suit kind"
  })
const zActor = z
  .object({
    id: z.string().regex(idPattern),
    kind: z.enum(Actor.kinds),
    name: z.string().min(1).max(200).regex(/\S/).optional(),
    municipality: z.string().regex(idPattern).optional(),
    policyAreas: z.array(z.enum(PolicyArea.values)).optional(),
    resources: z.array(zResource)
  })
  .refine((a) => a.kind !== "citizen" || a.name === undefined, {
    path: ["name"],
    message: "a citizen has no name"
  })
const zActorCompiled = (() => {
  try {
    return z.compile(zActor, { strict: true })
  } catch {
    return undefined
  }
})()

/** Measurements (the second entity): 100,000 figures generated from the schema, seeded. */
const measurements = (): Array<unknown> => {
  const encode = Schema.encodeSync(Measurement.Measurement)
  const values = fc.sample(Arbitrary.make(Measurement.Measurement), { numRuns: N, seed: SEED })
  return JSON.parse(JSON.stringify(values.map((m) => encode(m))))
}

interface Prepared {
  readonly valid: ReadonlyArray<unknown>
  readonly mixed: ReadonlyArray<unknown>
  readonly measurements: ReadonlyArray<unknown>
}

const count = (
  decode: (u: unknown) => { readonly _tag: string },
  records: ReadonlyArray<unknown>
): number => {
  let n = 0
  for (let i = 0; i < records.length; i++) if (decode(records[i]!)._tag === "Right") n++
  return n
}
const countGuard = (guard: (u: unknown) => boolean, records: ReadonlyArray<unknown>): number => {
  let n = 0
  for (let i = 0; i < records.length; i++) if (guard(records[i]!)) n++
  return n
}
const countZod = (schema: z.ZodType, records: ReadonlyArray<unknown>): number => {
  let n = 0
  for (let i = 0; i < records.length; i++) if (schema.safeParse(records[i]!).success) n++
  return n
}

const ours = Decoder.compile(Actor.Actor)
const oursMeasurement = Decoder.compile(Measurement.Measurement)
const effect = Schema.decodeUnknownEither(Actor.Actor)
const effectMeasurement = Schema.decodeUnknownEither(Measurement.Measurement)
// effect's own decoder with every error, mapped to problems: what the library's decoder did before it took the compiled path.
const effectAllErrors = Schema.decodeUnknownEither(Actor.Actor, { errors: "all", onExcessProperty: "ignore" })
const problemDecoder = (input: unknown): { readonly _tag: string } => {
  const r = effectAllErrors(input)
  if (r._tag === "Right") return r
  const left = Problem.fromParseError(r.left)
  return { _tag: left.length > 0 ? "Left" : "Right" }
}

export const scenario: Scenario<Prepared> = {
  id: "decode",
  title: "Decoding 100,000 seeded actors (and 100,000 measurements)",
  target: ">= 1 M records/s, >= 0.5x the hand-written guard, >= 2x zod 4's default path (valid actors)",
  sizes: `${N.toLocaleString("en")} actors (0 to 3 resources each) and ${N.toLocaleString("en")} measurements, seed ${SEED}; the mix has 1% invalid actors`,
  prepare: () => {
    const random = seeded(SEED)
    const valid = actors(random)
    return { valid, mixed: withInvalid(valid, random), measurements: measurements() }
  },
  workloads: [
    { name: "ours: Decoder.compile(Actor), valid", items: N, run: (p) => count(ours, p.valid) },
    { name: "hand-written guard, valid", items: N, run: (p) => countGuard(isActor, p.valid) },
    { name: "zod 4 default, valid", items: N, run: (p) => countZod(zActor, p.valid) },
    ...(zActorCompiled === undefined
      ? []
      : [
          {
            name: "zod 4 z.compile(), valid",
            items: N,
            run: (p: Prepared) => countZod(zActorCompiled, p.valid)
          }
        ]),
    { name: "effect decodeUnknownEither, valid", items: N, run: (p) => count(effect, p.valid) },
    { name: "ours: Decoder.compile(Actor), 1% invalid", items: N, run: (p) => count(ours, p.mixed) },
    { name: "hand-written guard, 1% invalid", items: N, run: (p) => countGuard(isActor, p.mixed) },
    { name: "zod 4 default, 1% invalid", items: N, run: (p) => countZod(zActor, p.mixed) },
    {
      name: "effect decodeUnknownEither (all errors, as problems), 1% invalid",
      items: N,
      run: (p) => count(problemDecoder, p.mixed)
    },
    {
      name: "ours: Decoder.compile(Measurement), valid",
      items: N,
      run: (p) => count(oursMeasurement, p.measurements)
    },
    {
      name: "effect decodeUnknownEither(Measurement), valid",
      items: N,
      run: (p) => count(effectMeasurement, p.measurements)
    }
  ],
  meets: (results: ReadonlyArray<Measured>) => {
    const o = rate(byName(results, "ours: Decoder.compile(Actor), valid"))
    const hand = rate(byName(results, "hand-written guard, valid"))
    const zod = rate(byName(results, "zod 4 default, valid"))
    return o >= 1e6 && o >= 0.5 * hand && o >= 2 * zod
  },
  notes: (results) => {
    const o = rate(byName(results, "ours: Decoder.compile(Actor), valid"))
    const hand = rate(byName(results, "hand-written guard, valid"))
    const zod = rate(byName(results, "zod 4 default, valid"))
    const eff = rate(byName(results, "effect decodeUnknownEither, valid"))
    return [
      `valid actors: ${(o / 1e6).toFixed(2)} M records/s (target >= 1 M/s)`,
      `ours / hand-written guard: ${(o / hand).toFixed(2)}x (target >= 0.5x)`,
      `ours / zod 4 default: ${(o / zod).toFixed(2)}x (target >= 2x)`,
      `ours / effect decodeUnknownEither: ${(o / eff).toFixed(1)}x`
    ]
  }
}
