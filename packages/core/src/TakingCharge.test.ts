import * as Either from "effect/Either"
import * as Schema from "effect/Schema"
import * as fc from "fast-check"
import { describe, expect, it } from "vitest"
import { formatted, roundTrip } from "../test/laws.js"
import * as Actor from "./Actor.js"
import * as Decoder from "./Decoder.js"
import * as Label from "./Label.js"
import * as Need from "./Need.js"
import * as Person from "./Person.js"
import * as Problem from "./Problem.js"
import * as Resource from "./Resource.js"
import * as TakingCharge from "./TakingCharge.js"
import * as Arb from "./testing/index.js"

type Event = TakingCharge.Event
const a = Actor.ActorId.make
const caseId = TakingCharge.CaseId.make("case-0042")
const at = (day: number, hour = 9) => TakingCharge.timestampOf(Date.UTC(2025, 1, day, hour))
const ev = (n: number) => TakingCharge.EventId.make(`ev-${n}`)
const casa = Need.NeedId.make("need-casa-01")
const lavoro = Need.NeedId.make("need-lavoro-01")

// Seed 003: a social sensor (row 85) notices a vulnerability between work and housing (rows 58-65);
// the path need - demand - choice (row 29) ends in a community response (row 32).
const cremona: ReadonlyArray<Event> = [
  {
    _tag: "NeedRecorded",
    eventId: ev(1),
    caseId,
    at: at(3),
    by: a("oratorio-san-domenico"),
    need: casa,
    person: Person.PersonId.make("p-0017")
  },
  { _tag: "NeedRecorded", eventId: ev(2), caseId, at: at(5), by: a("comune-legnano"), need: lavoro },
  {
    _tag: "DemandExpressed",
    eventId: ev(3),
    caseId,
    at: at(10),
    by: a("comune-legnano"),
    needs: [casa, lavoro]
  },
  {
    _tag: "ChoiceMade",
    eventId: ev(4),
    caseId,
    at: at(17),
    by: a("comune-legnano"),
    contribution: [Resource.unsafeMake("competence", 10), Resource.unsafeMake("time", 40)],
    benefits: [Resource.unsafeMake("economic", 600)]
  },
  {
    _tag: "CommunityResponseLinked",
    eventId: ev(5),
    caseId,
    at: at(24),
    by: a("ufficio-di-piano"),
    actors: [a("coop-melograno"), a("cgil-legnano"), a("rete-vicinato")],
    resources: [Resource.unsafeMake("competence", 12, "session"), Resource.unsafeMake("time", 60)]
  },
  { _tag: "Reviewed", eventId: ev(6), caseId, at: at(28), by: a("comune-legnano"), outcome: "on-track" }
]

const replayOk = (events: ReadonlyArray<Event>) => {
  const r = TakingCharge.replay(events)
  if (Either.isLeft(r)) throw new Error(r.left.map(TakingCharge.message).join("\n"))
  return r.right
}
const problemsOf = (events: ReadonlyArray<Event>) =>
  Either.match(TakingCharge.replay(events), {
    onLeft: (ps) => ps.map((p) => [p.code, p.eventId, p.index] as const),
    onRight: () => []
  })
const timeOf = (e: Event) => Date.parse(e.at)
const withTime = (e: Event, ms: number): Event => ({ ...e, at: TakingCharge.timestampOf(ms) })
const deepFreeze = <A>(x: A): A => {
  if (typeof x === "object" && x !== null) {
    for (const v of Object.values(x)) deepFreeze(v)
    Object.freeze(x)
  }
  return x
}

describe("TakingCharge", () => {
  it("replays the seed 003 case from a social sensor's report to a community response", () => {
    const state = replayOk(cremona)!
    expect(state.stage).toBe("review")
    expect(state.person).toBe("p-0017")
    expect(state.needs).toEqual([casa, lavoro])
    expect(state.demand).toEqual([casa, lavoro])
    expect(state.responses[0]!.actors).toEqual(["coop-melograno", "cgil-legnano", "rete-vicinato"])
    expect(state.openedAt).toBe("2025-02-03T09:00:00Z")
    expect(state.lastAt).toBe("2025-02-28T09:00:00Z")
    expect(TakingCharge.next(state)).toEqual(["Reviewed", "Closed"])
    expect(TakingCharge.hasPersonContribution(state)).toBe(true)
    expect(TakingCharge.personalisation(state)).toEqual({
      kind: "co-produced",
      contribution: ["time", "competence"],
      benefits: ["economic"]
    })
  })

  it("traces each step with time, actor and label, in Italian and in English", () => {
    const steps = TakingCharge.trace(cremona)
    expect(steps.map((s) => s.stage)).toEqual(["need", "need", "demand", "choice", "response", "review"])
    expect(steps.map((s) => TakingCharge.formatStep(s, "it"))).toEqual([
      "2025-02-03T09:00:00Z  oratorio-san-domenico  Bisogno registrato [need-casa-01, p-0017]",
      "2025-02-05T09:00:00Z  comune-legnano  Bisogno registrato [need-lavoro-01]",
      "2025-02-10T09:00:00Z  comune-legnano  Domanda espressa [need-casa-01, need-lavoro-01]",
      "2025-02-17T09:00:00Z  comune-legnano  Scelta condivisa con la persona",
      "2025-02-24T09:00:00Z  ufficio-di-piano  Risposta comunitaria collegata [coop-melograno, cgil-legnano, rete-vicinato]",
      "2025-02-28T09:00:00Z  comune-legnano  Verifica del percorso [In linea con il progetto]"
    ])
    expect(TakingCharge.formatStep(steps[5]!, "en")).toBe(
      "2025-02-28T09:00:00Z  comune-legnano  Path reviewed [On track]"
    )
  })

  it("reports a path with no contribution of the person (move 7, seed 001 rows 39-41)", () => {
    const benefitsOnly = cremona.map((e) => (e._tag === "ChoiceMade" ? { ...e, contribution: [] } : e))
    const state = replayOk(benefitsOnly)!
    expect(TakingCharge.hasPersonContribution(state)).toBe(false)
    expect(TakingCharge.personalisation(state).kind).toBe("benefits-only")
    expect(TakingCharge.personalisation(replayOk(cremona.slice(0, 3))!).kind).toBe("no-choice-yet")
  })

  it("names every bad event by id and index, and keeps checking the others", () => {
    const [n1, n2, d, c, r, v] = cremona as [Event, Event, Event, Event, Event, Event]
    expect(problemsOf([c, n1])).toEqual([["demand-without-need", "ev-4", 0]])
    expect(problemsOf([n1, c, d])).toEqual([
      ["choice-without-demand", "ev-4", 1],
      ["need-not-in-case", "ev-3", 2]
    ])
    const onlyCasa: Event = { ...(d as TakingCharge.DemandExpressed), needs: [casa] }
    expect(problemsOf([n1, onlyCasa, c, withTime(n2, timeOf(c))])).toEqual([["step-goes-back", "ev-2", 3]])
    expect(problemsOf([n1, n2, d, r])).toEqual([["out-of-order", "ev-5", 3]])
    expect(problemsOf([n1, n2, n2, d])).toEqual([["duplicate-event", "ev-2", 2]])
    expect(problemsOf([n1, withTime(n2, timeOf(n1) - 1000), d])).toEqual([
      ["time-goes-back", "ev-2", 1],
      ["need-not-in-case", "ev-3", 2]
    ])
    const closed: Event = {
      _tag: "Closed",
      eventId: ev(7),
      caseId,
      at: at(28),
      by: a("comune-legnano"),
      reason: "goal-reached"
    }
    expect(problemsOf([n1, n2, d, c, r, v, closed, { ...v, eventId: ev(8) }])).toEqual([
      ["after-close", "ev-8", 7]
    ])
    expect(problemsOf([n1, { ...n2, caseId: TakingCharge.CaseId.make("case-0043") }])).toEqual([
      ["other-case", "ev-2", 1]
    ])
    expect(problemsOf([n1, { ...(n2 as TakingCharge.NeedRecorded), need: casa }])).toEqual([
      ["need-already-recorded", "ev-2", 1]
    ])
    expect(
      problemsOf([n1, { ...(n2 as TakingCharge.NeedRecorded), person: Person.PersonId.make("p-0099") }])
    ).toEqual([["other-person", "ev-2", 1]])
    const unknown = TakingCharge.replay(cremona, { needs: new Set([casa]) })
    expect(Either.isLeft(unknown) && unknown.left.map((p) => [p.code, p.eventId, p.need])).toEqual([
      ["unknown-need", "ev-2", "need-lavoro-01"],
      ["need-not-in-case", "ev-3", "need-lavoro-01"],
      ["choice-without-demand", "ev-4", undefined],
      ["out-of-order", "ev-5", undefined],
      ["out-of-order", "ev-6", undefined]
    ])
  })

  it("turns step problems into problems with paths and actionable messages", () => {
    const [n1, n2, d, c] = cremona as [Event, Event, Event, Event]
    expect(
      TakingCharge.historyProblems([n1, c, withTime(n2, timeOf(n1) - 1000), d], ["takingCharge"]).map(
        Problem.format
      )
    ).toEqual([
      'takingCharge[1]: event "ev-4" of case "case-0042" is a choice without a demand: record DemandExpressed first (expected NeedRecorded or DemandExpressed or Closed)',
      'takingCharge[2].at: event "ev-2" of case "case-0042" is earlier than the event before it: time never goes back; correct its time or its place in the history',
      'takingCharge[3].needs: event "ev-3" of case "case-0042" names the need "need-lavoro-01", which is not recorded in this case: record it with NeedRecorded first or correct the id'
    ])
  })

  it("checks references of the whole log: duplicate event ids across cases, unknown needs and actors", () => {
    const other: Event = {
      ...cremona[0]!,
      caseId: TakingCharge.CaseId.make("case-0043"),
      by: a("bar-centrale")
    }
    const problems = TakingCharge.referenceProblems(
      [...cremona, other],
      {
        actors: new Set([
          "oratorio-san-domenico",
          "comune-legnano",
          "ufficio-di-piano",
          "coop-melograno",
          "rete-vicinato"
        ]),
        needs: new Set([casa])
      },
      ["takingCharge"]
    )
    expect(problems.map(Problem.format)).toEqual([
      'takingCharge[1].need: no need has the id "need-lavoro-01": add it to needs or correct the id',
      'takingCharge[2].needs[1]: no need has the id "need-lavoro-01": add it to needs or correct the id',
      'takingCharge[4].actors[1]: no actor has the id "cgil-legnano": add it to actors or correct the id',
      'takingCharge[6].eventId: the event id "ev-1" is already used by takingCharge[0]: give every event its own id',
      'takingCharge[6].by: no actor has the id "bar-centrale": add it to actors or correct the id'
    ])
  })

  it("accepts only UTC times to the second that name a real day", () => {
    const decode = Decoder.lazy(TakingCharge.Timestamp)
    for (const ok of ["2025-02-03T09:30:00Z", "2024-02-29T23:59:59Z"])
      expect(Either.isRight(decode(ok))).toBe(true)
    for (const bad of [
      "2025-02-30T09:30:00Z",
      "2025-02-03T09:30:00+01:00",
      "2025-02-03T09:30:00.000Z",
      "2025-02-03",
      "2023-02-29T10:00:00Z"
    ])
      expect(formatted(decode(bad))).toEqual([
        `expected a UTC time such as 2025-02-03T09:30:00Z (date, "T", time to the second, "Z"), got a text of ${bad.length} characters`
      ])
  })

  it("decodes a JSON history, every problem with its path", () => {
    expect(
      formatted(
        TakingCharge.decodeHistory([
          {
            _tag: "DemandExpressed",
            eventId: "ev-3",
            caseId: "case-0042",
            at: "2025-02-10T09:00:00Z",
            by: "comune-legnano",
            needs: []
          },
          { _tag: "Signalled", eventId: "ev-4" }
        ])
      )
    ).toEqual([
      "[0].needs: a demand expresses at least one recorded need: list the ids of its needs",
      "[1]._tag: expected one of NeedRecorded, DemandExpressed, ChoiceMade, CommunityResponseLinked, Reviewed, Closed, got a text of 9 characters"
    ])
  })

  it("every event kind, stage, outcome, reason, problem and personalisation has both labels", () => {
    for (const lang of Label.langs) {
      for (const k of TakingCharge.eventKinds)
        expect(Label.of(TakingCharge.eventLabels, k, lang)).not.toBe("")
      for (const s of TakingCharge.stages) expect(Label.of(TakingCharge.stageLabels, s, lang)).not.toBe("")
      for (const o of TakingCharge.reviewOutcomes)
        expect(Label.of(TakingCharge.reviewOutcomeLabels, o, lang)).not.toBe("")
      for (const r of TakingCharge.closeReasons)
        expect(Label.of(TakingCharge.closeReasonLabels, r, lang)).not.toBe("")
      for (const p of TakingCharge.stepProblemKinds)
        expect(Label.of(TakingCharge.stepProblemLabels, p, lang)).not.toBe("")
      for (const p of TakingCharge.personalisationKinds)
        expect(Label.of(TakingCharge.personalisationLabels, p, lang)).not.toBe("")
    }
  })

  it("property: round trip of every event schema (invariant 14)", () =>
    roundTrip(Schema.Array(TakingCharge.Event), Arb.caseHistory(), 200))

  it("property: a generated history is valid and its stages and times never go back (invariant 10)", () => {
    fc.assert(
      fc.property(Arb.caseHistory(), (history) => {
        expect(problemsOf(history)).toEqual([])
        let state: TakingCharge.CaseState | undefined
        for (const [i, event] of history.entries()) {
          if (i > 0) expect(event.at >= history[i - 1]!.at).toBe(true)
          expect(TakingCharge.next(state)).toContain(event._tag)
          const after = TakingCharge.apply(state, event)
          if (Either.isLeft(after)) throw new Error(TakingCharge.message(after.left[0]))
          if (state !== undefined)
            expect(TakingCharge.stageRank(after.right.stage)).toBeGreaterThanOrEqual(
              TakingCharge.stageRank(state.stage)
            )
          state = after.right
        }
      })
    )
  })

  it("property: a choice needs a demand and a demand needs a need, in any order that replays (invariant 10)", () => {
    fc.assert(
      fc.property(
        Arb.caseHistory().chain((h) =>
          fc.shuffledSubarray([...h], { minLength: h.length, maxLength: h.length })
        ),
        (shuffled) => {
          const first = (tag: Event["_tag"]) => shuffled.findIndex((e) => e._tag === tag)
          const result = TakingCharge.replay(shuffled)
          if (Either.isRight(result)) {
            if (first("ChoiceMade") >= 0) expect(first("DemandExpressed")).toBeLessThan(first("ChoiceMade"))
            if (first("DemandExpressed") >= 0)
              expect(first("NeedRecorded")).toBeLessThan(first("DemandExpressed"))
            expect(first("NeedRecorded")).toBe(0)
          }
        }
      )
    )
  })

  it("property: removing the demand makes the choice a choice-without-demand, naming it (invariant 10)", () => {
    fc.assert(
      fc.property(
        Arb.caseHistory().filter((h) => h.some((e) => e._tag === "ChoiceMade")),
        (history) => {
          const without = history.filter((e) => e._tag !== "DemandExpressed")
          const choice = without.findIndex((e) => e._tag === "ChoiceMade")
          expect(problemsOf(without)).toContainEqual([
            "choice-without-demand",
            without[choice]!.eventId,
            choice
          ])
          const noNeed = history.filter((e) => e._tag !== "NeedRecorded")
          expect(problemsOf(noNeed)[0]).toEqual(["demand-without-need", noNeed[0]!.eventId, 0])
        }
      )
    )
  })

  it("property: an earlier step appended after a later one is reported as going back, at its index (invariant 10)", () => {
    fc.assert(
      fc.property(
        Arb.caseHistory().filter((h) => h.some((e) => e._tag === "ChoiceMade")),
        fc.constantFrom("NeedRecorded", "DemandExpressed"),
        (history, tag) => {
          const last = history[history.length - 1]!
          const common = {
            eventId: TakingCharge.EventId.make("ev-late"),
            caseId: last.caseId,
            at: last.at,
            by: last.by
          }
          const late: Event =
            tag === "NeedRecorded"
              ? { _tag: "NeedRecorded", ...common, need: Need.NeedId.make("need-late") }
              : {
                  _tag: "DemandExpressed",
                  ...common,
                  needs: [(history[0] as TakingCharge.NeedRecorded).need]
                }
          const expected = last._tag === "Closed" ? "after-close" : "step-goes-back"
          expect(problemsOf([...history, late])).toEqual([[expected, "ev-late", history.length]])
        }
      )
    )
  })

  it("property: an event earlier than the one before it is reported as time going back, and not applied (invariant 10)", () => {
    fc.assert(
      fc.property(
        Arb.caseHistory().filter((h) => h.length > 1),
        fc.nat(),
        fc.integer({ min: 1, max: 86_400 * 30 }),
        (history, pick, seconds) => {
          const i = 1 + (pick % (history.length - 1))
          const mutated = history.map((e, j) =>
            j === i ? withTime(e, timeOf(history[i - 1]!) - seconds * 1000) : e
          )
          expect(problemsOf(mutated)[0]).toEqual(["time-goes-back", history[i]!.eventId, i])
          const before = replayOk(history.slice(0, i))
          expect(TakingCharge.replay(mutated.slice(0, i + 1)).pipe(Either.isLeft)).toBe(true)
          expect(Either.getOrThrow(TakingCharge.replay(mutated.slice(0, i)))).toEqual(before)
        }
      )
    )
  })

  it("property: replay of any prefix of a valid history is valid (invariant 10)", () => {
    fc.assert(
      fc.property(Arb.caseHistory(), fc.nat(), (history, cut) => {
        expect(problemsOf(history.slice(0, cut % (history.length + 1)))).toEqual([])
      })
    )
  })

  it("property: appending valid events keeps every earlier state unchanged (append-only, invariant 10)", () => {
    fc.assert(
      fc.property(Arb.caseHistory(), fc.nat(), (history, cut) => {
        const k = cut % (history.length + 1)
        const prefixStates: Array<TakingCharge.CaseState | undefined> = []
        let state: TakingCharge.CaseState | undefined
        for (const event of history.slice(0, k)) {
          state = Either.getOrThrow(TakingCharge.apply(state, event))
          prefixStates.push(deepFreeze(state))
        }
        const snapshot = structuredClone(prefixStates)
        // frozen states: any mutation by apply would throw in strict mode
        for (const event of history.slice(k)) state = Either.getOrThrow(TakingCharge.apply(state, event))
        expect(prefixStates).toEqual(snapshot)
        prefixStates.forEach((s, i) => {
          expect(replayOk(history.slice(0, i + 1))).toEqual(s)
        })
        expect(replayOk(history)).toEqual(state)
      })
    )
  })

  it("property: an event with a problem is never half-applied (a duplicate leaves the state as it was)", () => {
    fc.assert(
      fc.property(Arb.caseHistory(), fc.nat(), (history, pick) => {
        const state = deepFreeze(replayOk(history)!)
        const copy = structuredClone(state)
        const duplicate = history[pick % history.length]!
        const result = TakingCharge.apply(state, duplicate)
        expect(Either.isLeft(result)).toBe(true)
        expect(state).toEqual(copy)
      })
    )
  })

  it("property: replayAll gives each case what replay gives it alone, whatever the interleaving (invariant 4)", () => {
    const mutate = (h: ReadonlyArray<Event>, swap: number): ReadonlyArray<Event> => {
      if (swap === 0 || h.length < 2) return h
      const i = swap % (h.length - 1)
      const out = [...h]
      ;[out[i], out[i + 1]] = [out[i + 1]!, out[i]!]
      return out
    }
    fc.assert(
      fc.property(
        Arb.caseHistories()
          .chain((hs) =>
            fc.tuple(
              fc.constant(hs),
              fc.array(fc.nat({ max: 6 }), { minLength: hs.length, maxLength: hs.length })
            )
          )
          .map(([hs, swaps]) => hs.map((h, i) => mutate(h, swaps[i]!)))
          .chain((hs) => fc.tuple(fc.constant(hs), Arb.interleaving(hs), Arb.interleaving(hs))),
        ([histories, one, two]) => {
          const r1 = TakingCharge.replayAll(one)
          const r2 = TakingCharge.replayAll(two)
          const key = (ps: ReadonlyArray<TakingCharge.StepDiagnostic>) =>
            ps.map((p) => `${p.caseId}|${p.eventId}|${p.code}|${p.allowed.join(",")}`).sort()
          expect(r1.open).toEqual(r2.open)
          expect(r1.closed).toEqual(r2.closed)
          expect(key(r1.problems)).toEqual(key(r2.problems))
          for (const h of histories) {
            const alone = TakingCharge.replayAll(h)
            const id = h[0]!.caseId
            expect(r1.open.get(id)).toEqual(alone.open.get(id))
            expect(r1.closed.get(id)).toEqual(alone.closed.get(id))
            if (alone.problems.length === 0) {
              const state = replayOk(h)!
              if (state.stage === "closed") expect(r1.closed.get(id)?.events).toBe(state.eventIds.length)
              else expect(r1.open.get(id)).toEqual(state)
            }
          }
        }
      )
    )
  })
})
