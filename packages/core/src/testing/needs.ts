/**
 * Arbitraries for needs, requirements, access populations and taking-charge
 * histories. Histories are written by hand so that every one is valid:
 * one to three needs, then, as far as the path goes, the demand, the choice
 * with the person, community responses, reviews and maybe the closing, with
 * times that never go back (equal times happen).
 *
 * @since 0.1.0
 */
import * as Arbitrary from "effect/Arbitrary"
import * as fc from "fast-check"
import * as Access from "../Access.js"
import * as Actor from "../Actor.js"
import * as Need from "../Need.js"
import * as Person from "../Person.js"
import * as PolicyArea from "../PolicyArea.js"
import * as Requirement from "../Requirement.js"
import * as Resource from "../Resource.js"
import * as TakingCharge from "../TakingCharge.js"

/**
 * Actor ids of the Ambito di Legnano example territory (seed 004), used as
 * the recorders and responders of generated histories.
 *
 * @category arbitraries
 * @since 0.1.0
 */
export const legnanoActorIds: ReadonlyArray<Actor.ActorId> = [
  "comune-legnano",
  "ufficio-di-piano",
  "asst-ovest-milanese",
  "casa-volontariato",
  "coop-melograno",
  "acli-famiglie",
  "rete-vicinato",
  "oratorio-san-domenico",
  "ic-carducci",
  "cgil-legnano",
  "confcommercio-alto-milanese"
].map((a) => Actor.ActorId.make(a))

/**
 * A pseudonymous person id such as `p-42`.
 *
 * @category arbitraries
 * @since 0.1.0
 */
export const personId = (): fc.Arbitrary<Person.PersonId> => Arbitrary.make(Person.PersonId)

/**
 * A need status.
 *
 * @category arbitraries
 * @since 0.1.0
 */
export const needStatus = (): fc.Arbitrary<Need.NeedStatus> => fc.constantFrom(...Need.statuses)

/**
 * Who raised a need, among the given actors.
 *
 * @category arbitraries
 * @since 0.1.0
 */
export const raisedBy = (
  actors: ReadonlyArray<Actor.ActorId> = legnanoActorIds
): fc.Arbitrary<Need.RaisedBy> =>
  fc.oneof(
    personId().map((person) => ({ _tag: "person" as const, person })),
    fc.constant({ _tag: "family" as const }),
    fc.uniqueArray(personId(), { minLength: 1, maxLength: 4 }).map((members) => ({
      _tag: "family" as const,
      members
    })),
    fc.constantFrom(...actors).map((actor) => ({ _tag: "social-sensor" as const, actor })),
    fc.constantFrom(...actors).map((actor) => ({ _tag: "service" as const, actor }))
  )

/**
 * A valid need: an overt need always names who recognised it, a latent or
 * emerging one never does; one to three distinct policy areas; a responsible
 * body or none (no man's land); maybe the person it concerns.
 *
 * @category arbitraries
 * @since 0.1.0
 */
export const need = (
  constraints: { readonly actors?: ReadonlyArray<Actor.ActorId> } = {}
): fc.Arbitrary<Need.Need> => {
  const actors = constraints.actors ?? legnanoActorIds
  return fc
    .record({
      id: Arbitrary.make(Need.NeedId),
      status: needStatus(),
      recogniser: fc.constantFrom(...actors),
      policyAreas: fc.uniqueArray(fc.constantFrom(...PolicyArea.values), { minLength: 1, maxLength: 3 }),
      responsibleBody: fc.option(fc.constantFrom(...actors), { nil: undefined }),
      raisedBy: raisedBy(actors),
      person: fc.option(personId(), { nil: undefined })
    })
    .map(({ id, status, recogniser, policyAreas, responsibleBody, raisedBy, person }) => ({
      id,
      status,
      ...(status === "overt" ? { recognisedBy: recogniser } : {}),
      policyAreas,
      ...(responsibleBody === undefined ? {} : { responsibleBody }),
      raisedBy,
      ...(person === undefined ? {} : { person })
    }))
}

/**
 * A list of needs with distinct ids.
 *
 * @category arbitraries
 * @since 0.1.0
 */
export const needs = (
  constraints: { readonly maxLength?: number; readonly actors?: ReadonlyArray<Actor.ActorId> } = {}
): fc.Arbitrary<ReadonlyArray<Need.Need>> =>
  fc.uniqueArray(need(constraints), { maxLength: constraints.maxLength ?? 10, selector: (n) => n.id })

/**
 * A community reading: interlocutors among the given actors, places, community
 * resources and ties between distinct actors.
 *
 * @category arbitraries
 * @since 0.1.0
 */
export const reading = (
  actors: ReadonlyArray<Actor.ActorId> = legnanoActorIds
): fc.Arbitrary<Requirement.Reading> =>
  fc.record({
    interlocutors: fc.uniqueArray(fc.constantFrom(...actors), { maxLength: 5 }),
    places: fc.uniqueArray(fc.constantFrom(...Requirement.placeKinds), { maxLength: 4 }),
    resources: fc.array(Arbitrary.make(Resource.Resource), { maxLength: 4 }),
    ties: fc.array(
      fc
        .tuple(fc.constantFrom(...actors), fc.constantFrom(...actors))
        .filter(([a, b]) => a !== b)
        .map((between) => ({ between })),
      { maxLength: 4 }
    )
  })

/**
 * A valid requirement about the given needs (or generated need ids).
 *
 * @category arbitraries
 * @since 0.1.0
 */
export const requirement = (
  constraints: {
    readonly needs?: ReadonlyArray<Need.NeedId>
    readonly actors?: ReadonlyArray<Actor.ActorId>
  } = {}
): fc.Arbitrary<Requirement.Requirement> =>
  fc
    .record({
      id: Arbitrary.make(Requirement.RequirementId),
      needs: fc.uniqueArray(
        constraints.needs && constraints.needs.length > 0
          ? fc.constantFrom(...constraints.needs)
          : Arbitrary.make(Need.NeedId),
        { minLength: 1, maxLength: 3 }
      ),
      reading: reading(constraints.actors)
    })
    .map(({ id, needs, reading }) => ({
      id,
      needs,
      ...reading
    }))

/**
 * A member of a population: a pseudonymous person, the statuses of zero to
 * three needs and zero to two vulnerability signals.
 *
 * @category arbitraries
 * @since 0.1.0
 */
export const member = (): fc.Arbitrary<Access.Member> =>
  fc.record({
    person: personId(),
    needs: fc.array(needStatus(), { maxLength: 3 }),
    signals: fc.array(fc.constantFrom(...Access.signalKinds), { maxLength: 2 })
  })

/**
 * A population (persons may appear more than once, as in real registers).
 *
 * @category arbitraries
 * @since 0.1.0
 */
export const population = (
  constraints: { readonly maxLength?: number } = {}
): fc.Arbitrary<ReadonlyArray<Access.Member>> =>
  fc.array(member(), { maxLength: constraints.maxLength ?? 40 })

const day = 86_400
const start2015 = Date.UTC(2015, 0, 1) / 1000
const end2028 = Date.UTC(2028, 0, 1) / 1000

/**
 * A valid history of one case: one to three needs (maybe naming one person),
 * then as far as the path goes the demand, the choice (with or without a
 * contribution of the person), one to three community responses, one or two
 * reviews, and maybe the closing. Times never go back; event ids are
 * `ev-<case>-<n>`; need ids are taken from `needs` when given.
 *
 * @category arbitraries
 * @since 0.1.0
 */
export const caseHistory = (
  constraints: {
    readonly caseId?: TakingCharge.CaseId
    readonly actors?: ReadonlyArray<Actor.ActorId>
    readonly needs?: ReadonlyArray<Need.NeedId>
  } = {}
): fc.Arbitrary<ReadonlyArray<TakingCharge.Event>> => {
  const actors = constraints.actors ?? legnanoActorIds
  return fc
    .record({
      caseId:
        constraints.caseId === undefined
          ? Arbitrary.make(TakingCharge.CaseId)
          : fc.constant(constraints.caseId),
      person: fc.option(personId(), { nil: undefined }),
      start: fc.integer({ min: start2015, max: end2028 }),
      needPicks: fc.uniqueArray(fc.nat({ max: 999 }), { minLength: 1, maxLength: 3 }),
      reach: fc.integer({ min: 0, max: 4 }),
      close: fc.boolean(),
      responses: fc.integer({ min: 1, max: 3 }),
      reviews: fc.integer({ min: 1, max: 2 }),
      gaps: fc.array(fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 45 * day })), {
        minLength: 12,
        maxLength: 12
      }),
      by: fc.array(fc.constantFrom(...actors), { minLength: 12, maxLength: 12 }),
      contribution: fc.array(Arbitrary.make(Resource.Resource), { maxLength: 2 }),
      benefits: fc.array(Arbitrary.make(Resource.Resource), { maxLength: 2 }),
      responders: fc.array(fc.uniqueArray(fc.constantFrom(...actors), { minLength: 1, maxLength: 3 }), {
        minLength: 3,
        maxLength: 3
      }),
      responseResources: fc.array(fc.array(Arbitrary.make(Resource.Resource), { maxLength: 3 }), {
        minLength: 3,
        maxLength: 3
      }),
      outcomes: fc.array(fc.constantFrom(...TakingCharge.reviewOutcomes), { minLength: 2, maxLength: 2 }),
      reason: fc.constantFrom(...TakingCharge.closeReasons)
    })
    .map((g) => {
      const events: Array<TakingCharge.Event> = []
      let t = g.start
      const common = () => {
        const n = events.length
        t += g.gaps[n % g.gaps.length]!
        return {
          eventId: TakingCharge.EventId.make(`ev-${g.caseId}-${n + 1}`),
          caseId: g.caseId,
          at: TakingCharge.timestampOf(t * 1000),
          by: g.by[n % g.by.length]!
        }
      }
      const needIds = [
        ...new Set(
          g.needPicks.map((k) =>
            constraints.needs && constraints.needs.length > 0
              ? constraints.needs[k % constraints.needs.length]!
              : Need.NeedId.make(`need-${g.caseId}-${k}`)
          )
        )
      ]
      needIds.forEach((need, i) => {
        events.push({
          _tag: "NeedRecorded",
          ...common(),
          need,
          ...(g.person !== undefined && i === 0 ? { person: g.person } : {})
        })
      })
      if (g.reach >= 1)
        events.push({
          _tag: "DemandExpressed",
          ...common(),
          needs: needIds
        })
      if (g.reach >= 2)
        events.push({ _tag: "ChoiceMade", ...common(), contribution: g.contribution, benefits: g.benefits })
      if (g.reach >= 3)
        for (let i = 0; i < g.responses; i++)
          events.push({
            _tag: "CommunityResponseLinked",
            ...common(),
            actors: g.responders[i]!,
            resources: g.responseResources[i]!
          })
      if (g.reach >= 4)
        for (let i = 0; i < g.reviews; i++)
          events.push({ _tag: "Reviewed", ...common(), outcome: g.outcomes[i]! })
      if (g.close) events.push({ _tag: "Closed", ...common(), reason: g.reason })
      return events
    })
}

/**
 * Valid histories of several cases with distinct case ids (so event ids are
 * distinct across the whole log too).
 *
 * @category arbitraries
 * @since 0.1.0
 */
export const caseHistories = (
  constraints: { readonly maxCases?: number; readonly actors?: ReadonlyArray<Actor.ActorId> } = {}
): fc.Arbitrary<ReadonlyArray<ReadonlyArray<TakingCharge.Event>>> =>
  fc
    .uniqueArray(Arbitrary.make(TakingCharge.CaseId), { minLength: 1, maxLength: constraints.maxCases ?? 6 })
    .chain((ids) =>
      fc.tuple(
        ...ids.map((caseId) =>
          caseHistory(constraints.actors === undefined ? { caseId } : { caseId, actors: constraints.actors })
        )
      )
    )

/**
 * One interleaving of several histories into a flat log: every history keeps
 * its own order.
 *
 * @category arbitraries
 * @since 0.1.0
 */
export const interleaving = <A>(
  histories: ReadonlyArray<ReadonlyArray<A>>
): fc.Arbitrary<ReadonlyArray<A>> => {
  const total = histories.reduce((n, h) => n + h.length, 0)
  return fc.array(fc.nat(), { minLength: total, maxLength: total }).map((picks) => {
    const cursors = histories.map(() => 0)
    const out: Array<A> = []
    for (const pick of picks) {
      const live = histories.map((_, i) => i).filter((i) => cursors[i]! < histories[i]!.length)
      const i = live[pick % live.length]!
      out.push(histories[i]![cursors[i]!]!)
      cursors[i] = cursors[i]! + 1
    }
    return out
  })
}
