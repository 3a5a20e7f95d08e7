/**
 * Access: who a welfare system reaches.
 *
 * Traditional access opens only to an overt need: "se si accede solo con un
 * bisogno conclamato, gli utenti rimangono i classici classificati con
 * fragilità" (seed 000, row 11). Generative access reads the movements of the
 * community and "si allarga la platea del possibile intervento alla
 * vulnerabilità" (same row): it also reaches people with a latent or emerging
 * need, or whom a social sensor (seed 003, row 85), the family or a service
 * has signalled. Invariant 8: the generatively eligible are a superset of the
 * traditionally eligible.
 *
 * Persons are pseudonymous ids; {@link widening} reports counts only.
 *
 * @since 0.1.0
 */
import * as Schema from "effect/Schema"
import { literals } from "./internal/schema.js"
import type { Labels } from "./Label.js"
import * as Need from "./Need.js"
import * as Person from "./Person.js"

/**
 * Every kind of vulnerability signal: a report by a social sensor in a place
 * of daily life (seed 003, row 85), by the family, by a service, or a
 * self-report of the person.
 *
 * @category constants
 * @since 0.1.0
 */
export const signalKinds = ["social-sensor-report", "family-report", "service-report", "self-report"] as const

/**
 * A kind of vulnerability signal.
 *
 * @category models
 * @since 0.1.0
 */
export const SignalKind = literals(
  "SignalKind",
  signalKinds,
  "A vulnerability signal: a report by a social sensor, the family, a service, or the person."
)

/**
 * @category models
 * @since 0.1.0
 */
export type SignalKind = typeof SignalKind.Type

/**
 * Italian and English labels of the vulnerability signals.
 *
 * @category labels
 * @since 0.1.0
 */
export const signalLabels: Labels<SignalKind> = {
  "social-sensor-report": { it: "Segnalazione di un sensore sociale", en: "Social sensor report" },
  "family-report": { it: "Segnalazione della famiglia", en: "Family report" },
  "service-report": { it: "Segnalazione di un servizio", en: "Service report" },
  "self-report": { it: "Richiesta della persona", en: "Self-report" }
}

/**
 * One member of a population: a pseudonymous person, the statuses of the
 * needs recorded for them, and the vulnerability signals about them.
 *
 * @category models
 * @since 0.1.0
 */
export const Member = Schema.Struct({
  person: Person.PersonId,
  needs: Schema.Array(Need.NeedStatus),
  signals: Schema.Array(SignalKind)
}).annotations({
  identifier: "Member",
  title: "Member",
  description:
    "A pseudonymous person with the statuses of their needs and the vulnerability signals about them."
})

/**
 * @category models
 * @since 0.1.0
 */
export interface Member extends Schema.Schema.Type<typeof Member> {}

/**
 * A population: the members a territory knows of.
 *
 * @category models
 * @since 0.1.0
 */
export type Population = Iterable<Member>

/**
 * Whether a member is eligible under traditional access: at least one overt need.
 *
 * @category predicates
 * @since 0.1.0
 */
export const isTraditionallyEligible = (member: Member): boolean => member.needs.includes("overt")

/**
 * Whether a member is eligible under generative access: any recorded need,
 * overt or not yet, or any vulnerability signal.
 *
 * @category predicates
 * @since 0.1.0
 */
export const isGenerativelyEligible = (member: Member): boolean =>
  member.needs.length > 0 || member.signals.length > 0

const eligible = (population: Population, test: (m: Member) => boolean): ReadonlySet<Person.PersonId> => {
  const out = new Set<Person.PersonId>()
  for (const m of population) if (test(m)) out.add(m.person)
  return out
}

/**
 * The persons eligible under traditional access (overt need only).
 *
 * @category predicates
 * @since 0.1.0
 */
export const traditionalEligible = (population: Population): ReadonlySet<Person.PersonId> =>
  eligible(population, isTraditionallyEligible)

/**
 * The persons eligible under generative access (also the vulnerable whose
 * need is not yet overt). Always a superset of {@link traditionalEligible}
 * (invariant 8).
 *
 * @category predicates
 * @since 0.1.0
 */
export const generativeEligible = (population: Population): ReadonlySet<Person.PersonId> =>
  eligible(population, isGenerativelyEligible)

/**
 * How much generative access widens the reach: counts only, no person.
 *
 * @category models
 * @since 0.1.0
 */
export interface Widening {
  /** Persons eligible under traditional access. */
  readonly traditional: number
  /** Persons eligible under generative access. */
  readonly generative: number
  /** Persons reached only by generative access: vulnerable, not yet overt. */
  readonly widened: number
}

/**
 * Counts the traditionally and generatively eligible persons and the extra
 * ones generative access reaches. A person listed twice counts once.
 *
 * @example
 * ```ts
 * import * as assert from "node:assert"
 * import { Access, Person } from "@welfare/core"
 *
 * const p = Person.PersonId.make
 * const w = Access.widening([
 *   { person: p("p-0017"), needs: ["overt"], signals: [] },
 *   { person: p("p-0023"), needs: ["emerging"], signals: ["social-sensor-report"] },
 *   { person: p("p-0031"), needs: [], signals: ["family-report"] },
 *   { person: p("p-0042"), needs: [], signals: [] }
 * ])
 * assert.deepStrictEqual(w, { traditional: 1, generative: 3, widened: 2 })
 * ```
 *
 * @category predicates
 * @since 0.1.0
 */
export const widening = (population: Population): Widening => {
  const traditional = new Set<string>()
  const generative = new Set<string>()
  for (const m of population) {
    if (isTraditionallyEligible(m)) traditional.add(m.person)
    if (isGenerativelyEligible(m)) generative.add(m.person)
  }
  let widened = 0
  for (const p of generative) if (!traditional.has(p)) widened++
  return { traditional: traditional.size, generative: generative.size, widened }
}

/**
 * Builds a population from the needs of a territory: one member for each
 * person a need concerns, with the statuses of their needs, and a signal for
 * each need raised by a social sensor, the family, a service or the person.
 *
 * @category constructors
 * @since 0.1.0
 */
export const populationFromNeeds = (
  needs: Iterable<Pick<Need.Need, "status" | "raisedBy" | "person">>
): ReadonlyArray<Member> => {
  const byPerson = new Map<Person.PersonId, { needs: Array<Need.NeedStatus>; signals: Array<SignalKind> }>()
  for (const need of needs) {
    if (need.person === undefined) continue
    const entry = byPerson.get(need.person) ?? { needs: [], signals: [] }
    byPerson.set(need.person, entry)
    entry.needs.push(need.status)
    entry.signals.push(signalOf[need.raisedBy._tag])
  }
  return [...byPerson].map(([person, { needs, signals }]) => ({ person, needs, signals }))
}

const signalOf: { readonly [K in Need.RaiserKind]: SignalKind } = {
  person: "self-report",
  family: "family-report",
  "social-sensor": "social-sensor-report",
  service: "service-report"
}
