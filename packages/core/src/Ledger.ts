/**
 * The per-person ledger of the taking-charge paths, the social counterpart
 * (corrispettivo sociale) and the 5R. Outside the seeds: Fondazione Zancan,
 * *Rapporto sulla lotta alla povertà* 2012-2014 (welfare generativo), which
 * names five verbs, the 5R (raccogliere, redistribuire, rigenerare, rendere,
 * responsabilizzare), and the social counterpart: what a person who receives
 * help gives back to the community by agreement.
 *
 * Each entry is one flow of one pseudonymous person in one period: what the
 * person *received* (a benefit, a service, hours, money) from a source, or
 * what the person *gave back* (time, care, competence, in kind) by agreement
 * in their taking-charge path, and whether it was honoured. Money paid is
 * never a contribution given (invariant 17: «tutto pagato - tutto dovuto»,
 * seed 000 row 11), so a person gives back in kind, never in money.
 *
 * Editorial choices, with their reason: hours and euros are never added
 * (neither the seeds nor the report give an exchange rate), so the social
 * counterpart and the 5R that compare flows use hours; money received is
 * counted by {@link gather} and {@link redistribute} in euros separately.
 * Every published figure goes through `Published.publish` (cells about fewer
 * than 5 persons hidden, with complementary suppression): see {@link publish}.
 *
 * @since 0.1.0
 */

import type * as Effect from "effect/Effect"
import * as Schema from "effect/Schema"
import * as Actor from "./Actor.js"
import * as Decoder from "./Decoder.js"
import type * as Indicator from "./Indicator.js"
import * as IndicatorAssignment from "./IndicatorAssignment.js"
import { toEffect, validator } from "./internal/contract.js"
import { unknownReference } from "./internal/integrity.js"
import { literals, optional } from "./internal/schema.js"
import type { Labels } from "./Label.js"
import type * as Measurement from "./Measurement.js"
import * as Person from "./Person.js"
import type * as Problem from "./Problem.js"
import * as Published from "./Published.js"
import * as Summary from "./Summary.js"

/**
 * What a person can receive: a benefit (prestazione), a service, hours of
 * someone's time, money.
 *
 * @category constants
 * @since 0.1.0
 */
export const receivedKinds = ["benefit", "service", "hours", "money"] as const

/**
 * What a person can give back: time, care, competence, in kind (the resource
 * kinds of seed 002 row 13 but money, plus goods in kind).
 *
 * @category constants
 * @since 0.1.0
 */
export const givenKinds = ["time", "care", "competence", "in-kind"] as const

/**
 * One entry of the ledger: a person received something, or gave something
 * back by agreement. Amounts are in hours, or in euros for money received.
 *
 * - `received`: `kind`, `amount`, `unit`, the `source` actor, and whether
 *   the benefit returns as community capacity (`regenerates`: for example a
 *   training after which the person leads a group);
 * - `given`: `kind`, `amount` in hours, whether it was `agreed` in the
 *   taking-charge path, and whether it was `honoured`.
 *
 * @category models
 * @since 0.1.0
 */
export const Entry = Schema.Union(
  Schema.TaggedStruct("received", {
    person: Person.PersonId,
    period: IndicatorAssignment.Period,
    municipality: optional(Actor.MunicipalityId),
    kind: literals("ReceivedKind", receivedKinds, "What a person received."),
    amount: Schema.Number.pipe(Schema.nonNegative(), Schema.finite()),
    unit: literals("LedgerUnit", ["hour", "euro"] as const, "Hours, or euros for money."),
    source: Actor.ActorId,
    regenerates: optional(Schema.Boolean)
  }),
  Schema.TaggedStruct("given", {
    person: Person.PersonId,
    period: IndicatorAssignment.Period,
    municipality: optional(Actor.MunicipalityId),
    kind: literals("GivenKind", givenKinds, "What a person gave back: never money."),
    amount: Schema.Number.pipe(Schema.nonNegative(), Schema.finite()),
    agreed: Schema.Boolean,
    honoured: Schema.Boolean
  })
).annotations({
  identifier: "LedgerEntry",
  title: "LedgerEntry",
  description:
    "One flow of one pseudonymous person in one period: what was received, or what was given back by agreement (Fondazione Zancan's corrispettivo sociale)."
})

/**
 * @category models
 * @since 0.1.0
 */
export type Entry = typeof Entry.Type

/**
 * The encoded (JSON) form of an entry.
 *
 * @category models
 * @since 0.1.0
 */
export type EntryEncoded = typeof Entry.Encoded

/**
 * A part of a whole; `share` (percent) is absent when the whole is 0.
 *
 * @category models
 * @since 0.1.0
 */
export interface Fraction {
  readonly part: number
  readonly whole: number
  readonly share?: number
}

const fraction = (part: number, whole: number): Fraction =>
  whole === 0 ? { part, whole } : { part, whole, share: (part / whole) * 100 }

const receivedHours = (e: Entry): number => (e._tag === "received" && e.unit === "hour" ? e.amount : 0)
const honouredHours = (e: Entry): number => (e._tag === "given" && e.agreed && e.honoured ? e.amount : 0)

/**
 * One person's account in one period: hours received, euros received, hours
 * given back by agreement and honoured, and the social counterpart (hours
 * given over hours received, percent; absent when nothing was received in
 * hours).
 *
 * @category models
 * @since 0.1.0
 */
export interface Account {
  readonly person: Person.PersonId
  readonly period: IndicatorAssignment.Period
  readonly municipality?: Actor.MunicipalityId
  readonly receivedHours: number
  readonly receivedEuros: number
  readonly givenHours: number
  readonly agreed: boolean
  readonly honoured: boolean
  readonly counterpart?: number
}

/**
 * Every person's account, per period, sorted by period then person: the
 * social counterpart per person (Zancan). The order of the entries never
 * changes it (invariant 4).
 *
 * @example
 * ```ts
 * import * as assert from "node:assert"
 * import { Actor, Ledger, Person } from "@welfare/core"
 *
 * const period = { start: "2016-01-01", end: "2016-12-31" }
 * const person = Person.PersonId.make("p-0017")
 * const accounts = Ledger.accounts([
 *   { _tag: "received", person, period, kind: "service", amount: 40, unit: "hour", source: Actor.ActorId.make("coop-melograno") },
 *   { _tag: "given", person, period, kind: "time", amount: 10, agreed: true, honoured: true }
 * ])
 * assert.strictEqual(accounts[0]!.counterpart, 25)
 * ```
 *
 * @category calculators
 * @since 0.1.0
 */
export const accounts = (entries: ReadonlyArray<Entry>): ReadonlyArray<Account> => {
  const by = new Map<string, { -readonly [K in keyof Account]: Account[K] }>()
  for (const e of entries) {
    const key = `${e.period.start}/${e.period.end}\u0000${e.person}`
    let a = by.get(key)
    if (a === undefined) {
      a = {
        person: e.person,
        period: { start: e.period.start, end: e.period.end },
        receivedHours: 0,
        receivedEuros: 0,
        givenHours: 0,
        agreed: false,
        honoured: false
      }
      by.set(key, a)
    }
    if (e.municipality !== undefined && (a.municipality === undefined || e.municipality < a.municipality))
      a.municipality = e.municipality
    a.receivedHours += receivedHours(e)
    if (e._tag === "received" && e.unit === "euro") a.receivedEuros += e.amount
    a.givenHours += honouredHours(e)
    if (e._tag === "given" && e.agreed) {
      a.agreed = true
      if (e.honoured) a.honoured = true
    }
  }
  return [...by.entries()]
    .sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0))
    .map(([, a]) => (a.receivedHours > 0 ? { ...a, counterpart: (a.givenHours / a.receivedHours) * 100 } : a))
}

/**
 * The five verbs of Fondazione Zancan's generative welfare (the 5R).
 *
 * @category constants
 * @since 0.1.0
 */
export const verbs = ["raccogliere", "redistribuire", "rigenerare", "rendere", "responsabilizzare"] as const

/**
 * One of the 5R.
 *
 * @category models
 * @since 0.1.0
 */
export type Verb = (typeof verbs)[number]

/**
 * Each verb's formula in words and its source (Fondazione Zancan, Rapporto
 * sulla lotta alla povertà 2012-2014, outside the seeds).
 *
 * @category constants
 * @since 0.1.0
 */
export const formulas: { readonly [V in Verb]: { readonly part: string; readonly whole: string } } = {
  raccogliere: {
    part: "resources received (hours and euros apart, summed as shares) from every source but the largest",
    whole: "all resources received: gathering from many sources, not one"
  },
  redistribuire: {
    part: "persons who received a benefit, a service, hours or money",
    whole: "persons in the ledger: what was gathered reaches the persons"
  },
  rigenerare: {
    part: "hours received that return as community capacity (regenerates)",
    whole: "hours received"
  },
  rendere: {
    part: "hours given back by agreement and honoured",
    whole: "hours received: the social counterpart of all, which can exceed 100%"
  },
  responsabilizzare: {
    part: "persons who received and have an agreed contribution they honoured",
    whole: "persons who received"
  }
}

/** The share of a set of amounts by source that comes from every source but the largest. */
const diversified = (bySource: ReadonlyMap<string, number>): Fraction => {
  const total = [...bySource.values()].reduce((n, x) => n + x, 0)
  const largest = Math.max(0, ...bySource.values())
  return fraction(total - largest, total)
}

/**
 * Raccogliere: gather resources from many sources. The share of what the
 * persons received that comes from sources other than the largest one (0
 * when one source gives everything), in hours and in euros separately, then
 * averaged over the units present.
 *
 * @category calculators
 * @since 0.1.0
 */
export const gather = (entries: ReadonlyArray<Entry>): Fraction => {
  const hours = new Map<string, number>()
  const euros = new Map<string, number>()
  for (const e of entries)
    if (e._tag === "received") {
      const m = e.unit === "hour" ? hours : euros
      m.set(e.source, (m.get(e.source) ?? 0) + e.amount)
    }
  const parts = [diversified(hours), diversified(euros)].filter((f) => f.share !== undefined)
  if (parts.length === 0) return { part: 0, whole: 0 }
  const share = parts.reduce((n, f) => n + f.share!, 0) / parts.length
  return { part: share, whole: 100, share }
}

const persons = (entries: ReadonlyArray<Entry>, keep: (e: Entry) => boolean): ReadonlySet<string> =>
  new Set(entries.filter(keep).map((e) => e.person))

/**
 * Redistribuire: what was gathered reaches the persons. Persons who received
 * something over the persons in the ledger.
 *
 * @category calculators
 * @since 0.1.0
 */
export const redistribute = (entries: ReadonlyArray<Entry>): Fraction =>
  fraction(
    persons(entries, (e) => e._tag === "received" && e.amount > 0).size,
    persons(entries, () => true).size
  )

/**
 * Rigenerare: benefits that return as community capacity. Hours received
 * marked `regenerates` over hours received.
 *
 * @category calculators
 * @since 0.1.0
 */
export const regenerate = (entries: ReadonlyArray<Entry>): Fraction => {
  let part = 0
  let whole = 0
  for (const e of entries) {
    const h = receivedHours(e)
    whole += h
    if (e._tag === "received" && e.regenerates === true) part += h
  }
  return fraction(part, whole)
}

/**
 * Rendere: make the resources yield. Hours given back by agreement and
 * honoured over hours received: the social counterpart of all the persons.
 *
 * @category calculators
 * @since 0.1.0
 */
export const yieldBack = (entries: ReadonlyArray<Entry>): Fraction => {
  let part = 0
  let whole = 0
  for (const e of entries) {
    part += honouredHours(e)
    whole += receivedHours(e)
  }
  return fraction(part, whole)
}

/**
 * Responsabilizzare: make people responsible. Persons who received and have
 * an agreed contribution they honoured, over persons who received.
 *
 * @category calculators
 * @since 0.1.0
 */
export const responsibility = (entries: ReadonlyArray<Entry>): Fraction => {
  const received = persons(entries, (e) => e._tag === "received" && e.amount > 0)
  const honoured = persons(entries, (e) => e._tag === "given" && e.agreed && e.honoured)
  return fraction([...received].filter((p) => honoured.has(p)).length, received.size)
}

/**
 * Every verb of the 5R from the ledger.
 *
 * @category calculators
 * @since 0.1.0
 */
export const fiveR = (entries: ReadonlyArray<Entry>): { readonly [V in Verb]: Fraction } => ({
  raccogliere: gather(entries),
  redistribuire: redistribute(entries),
  rigenerare: regenerate(entries),
  rendere: yieldBack(entries),
  responsabilizzare: responsibility(entries)
})

/**
 * The indicator id of each published figure: the social counterpart per
 * person and each of the 5R.
 *
 * @category constants
 * @since 0.1.0
 */
export const indicatorIds: { readonly [K in Verb | "counterpart"]: Indicator.IndicatorId } = {
  counterpart: "ind-zancan-social-counterpart" as Indicator.IndicatorId,
  raccogliere: "ind-zancan-raccogliere" as Indicator.IndicatorId,
  redistribuire: "ind-zancan-redistribuire" as Indicator.IndicatorId,
  rigenerare: "ind-zancan-rigenerare" as Indicator.IndicatorId,
  rendere: "ind-zancan-rendere" as Indicator.IndicatorId,
  responsabilizzare: "ind-zancan-responsabilizzare" as Indicator.IndicatorId
}

/**
 * The ledger as measurements about persons, ready for `Summary`: one per
 * person account with a social counterpart (value in percent, 1 person, by
 * municipality when known), and one per verb and period (value in percent,
 * about the persons of that period).
 *
 * @category calculators
 * @since 0.1.0
 */
export const measurements = (
  entries: ReadonlyArray<Entry>,
  measuredBy: Actor.ActorId
): ReadonlyArray<Measurement.Measurement> => {
  const out: Array<Measurement.Measurement> = []
  const common = {
    assignment: "asg-zancan-ledger" as IndicatorAssignment.AssignmentId,
    unit: "percent" as const,
    measuredBy,
    source: "case-records" as const
  }
  for (const a of accounts(entries))
    if (a.counterpart !== undefined)
      out.push({
        ...common,
        indicator: indicatorIds.counterpart,
        period: a.period,
        ...(a.municipality === undefined ? {} : { municipality: a.municipality }),
        value: Math.round(a.counterpart * 100) / 100,
        persons: 1
      })
  const periods = new Map<string, IndicatorAssignment.Period>()
  for (const e of entries) periods.set(`${e.period.start}/${e.period.end}`, e.period)
  for (const [key, period] of [...periods.entries()].sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0))) {
    const inPeriod = entries.filter((e) => `${e.period.start}/${e.period.end}` === key)
    const n = persons(inPeriod, () => true).size
    const r = fiveR(inPeriod)
    for (const v of verbs) {
      const f = r[v]
      if (f.share !== undefined)
        out.push({
          ...common,
          indicator: indicatorIds[v],
          period: { start: period.start, end: period.end },
          value: Math.round(f.share * 100) / 100,
          persons: n
        })
    }
  }
  return out
}

/**
 * The ledger's figures published with the same small-cell suppression as
 * every published figure (`Published.publish`, default threshold 5 persons):
 * the mean social counterpart per municipality and period, and the 5R per
 * period. Never throws.
 *
 * @category calculators
 * @since 0.1.0
 */
export const publish = (
  entries: ReadonlyArray<Entry>,
  measuredBy: Actor.ActorId,
  options: { readonly threshold?: number } = {}
): Problem.Result<Published.Published> =>
  Published.publish(Summary.fromMeasurements(measurements(entries, measuredBy)), options)

/**
 * Every reference problem of a ledger: sources and municipalities that the
 * territory does not hold, and money given back (invariant 17).
 *
 * @category validation
 * @since 0.1.0
 */
export const referenceProblems = (
  entries: ReadonlyArray<Entry>,
  known: { readonly actors: ReadonlySet<string>; readonly municipalities: ReadonlySet<string> },
  path: ReadonlyArray<Problem.PathSegment>
): Array<Problem.Problem> => {
  const problems: Array<Problem.Problem> = []
  entries.forEach((e, i) => {
    if (e._tag === "received")
      problems.push(...unknownReference(known.actors, e.source, [...path, i, "source"], "actor", "actors"))
    if (e.municipality !== undefined)
      problems.push(
        ...unknownReference(
          known.municipalities,
          e.municipality,
          [...path, i, "municipality"],
          "municipality",
          "municipalities"
        )
      )
  })
  return problems
}

/**
 * Italian and English labels of the 5R and the social counterpart.
 *
 * @category labels
 * @since 0.1.0
 */
export const labels: Labels<Verb | "counterpart"> = {
  counterpart: { it: "Corrispettivo sociale (per persona)", en: "Social counterpart (per person)" },
  raccogliere: { it: "Raccogliere: risorse da più fonti", en: "Gather: resources from many sources" },
  redistribuire: { it: "Redistribuire: persone raggiunte", en: "Redistribute: persons reached" },
  rigenerare: {
    it: "Rigenerare: benefici che tornano capacità della comunità",
    en: "Regenerate: benefits that return as community capacity"
  },
  rendere: {
    it: "Rendere: ore restituite su ore ricevute",
    en: "Make yield: hours given back over hours received"
  },
  responsabilizzare: {
    it: "Responsabilizzare: persone con un contributo concordato e onorato",
    en: "Make responsible: persons with an agreed and honoured contribution"
  }
}

/**
 * Builds an Entry from typed fields without checking them, for trusted
 * builders (fixtures, generators, code that built them from checked values);
 * {@link make} is the checked way.
 *
 * @category constructors
 * @since 0.3.0
 */
export const unsafeMake = (fields: Entry): Entry => fields

const checkFields = validator(Entry)

/**
 * Builds an Entry from typed fields, checked against its schema (the
 * refinements and cross-field rules {@link decode} applies): the value, or
 * every problem with its path. Never throws.
 *
 * @category constructors
 * @since 0.3.0
 */
export const make = (fields: Entry): Problem.Result<Entry> => checkFields(fields)

const decodeValue = Decoder.lazy(Entry)

/**
 * Decodes a ledger entry from unknown input (parsed JSON), with every problem at
 * once, each with its path; unknown properties are problems. Never throws.
 *
 * @category decoding
 * @since 0.3.0
 */
export const decode = (input: unknown): Problem.Result<Entry> => decodeValue(input)

/**
 * {@link decode} as an `Effect` that fails with a `Problem.ValidationError`.
 *
 * @category decoding
 * @since 0.3.0
 */
export const decodeEffect: (input: unknown) => Effect.Effect<Entry, Problem.ValidationError> =
  toEffect(decode)

/**
 * Encodes a ledger entry to its JSON form.
 *
 * @category encoding
 * @since 0.3.0
 */
export const encode: (value: Entry) => EntryEncoded = Schema.encodeSync(Entry)
