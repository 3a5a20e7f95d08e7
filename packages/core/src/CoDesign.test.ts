import { readFileSync } from "node:fs"
import * as Either from "effect/Either"
import * as fc from "fast-check"
import { describe, expect, it } from "vitest"
import { formatted, roundTrip } from "../test/laws.js"
import * as Actor from "./Actor.js"
import * as CitizenshipCharter from "./CitizenshipCharter.js"
import * as CoDesign from "./CoDesign.js"
import * as Need from "./Need.js"
import * as Problem from "./Problem.js"
import * as Timestamp from "./Timestamp.js"
import * as Arb from "./testing/index.js"

const read = (name: string): unknown =>
  JSON.parse(readFileSync(new URL(`../../../examples/territories/${name}`, import.meta.url), "utf8"))
const territory = read("legnano.json") as { actors: ReadonlyArray<Pick<Actor.Actor, "id" | "kind">> }
const fragment = read("legnano.codesign.json") as { coDesigns: ReadonlyArray<unknown> }
const legnano = Either.getOrThrow(CoDesign.decode(fragment.coDesigns[0]))

const ok = <A>(r: Either.Either<A, ReadonlyArray<Problem.Problem>>): A =>
  Either.getOrElse(r, (problems) => {
    throw new Error(problems.map(Problem.format).join("\n"))
  })

const comune = Actor.ActorId.make("comune-legnano")
const forum = Actor.ActorId.make("forum-terzo-settore")
const rete = Actor.ActorId.make("rete-vicinato")
const custodi = CitizenshipCharter.ProjectId.make("proj-custodi-sociali")

/** The Legnano process up to (not including) its first event of a type. */
const until = (type: CoDesign.EventType): CoDesign.Process => ({
  ...legnano,
  events: legnano.events.slice(
    0,
    legnano.events.findIndex((e) => e._tag === type)
  )
})

const ev = <T extends CoDesign.EventType>(
  process: CoDesign.Process,
  type: T,
  fields: Omit<CoDesign.EventOf<T>, "_tag" | "eventId" | "at" | "by"> & { at?: string; by?: Actor.ActorId }
): CoDesign.Event =>
  ({
    _tag: type,
    eventId: CoDesign.EventId.make(`ev-new-${process.events.length}`),
    at: "2017-01-10T09:00:00Z",
    by: comune,
    ...fields
  }) as unknown as CoDesign.Event

const shuffleParticipation = (process: CoDesign.Process, order: ReadonlyArray<number>): CoDesign.Process => {
  // Permute the payloads of every run of consecutive participation records (a run never spans a stage
  // change, so the history stays valid), and the actors inside each record.
  const events = [...process.events]
  let k = 0
  for (let i = 0; i < events.length; ) {
    let j = i
    while (j < events.length && events[j]!._tag === "participation-recorded") j++
    if (j - i > 1) {
      const run = events.slice(i, j) as Array<CoDesign.Participation>
      const payloads = run
        .map((e, n) => ({ e, key: order[(k + n) % Math.max(1, order.length)] ?? n }))
        .sort((a, b) => a.key - b.key)
        .map(({ e }) => e)
      run.forEach((slot, n) => {
        const { eventId: _, at: __, by: ___, ...payload } = payloads[n]!
        events[i + n] = {
          eventId: slot.eventId,
          at: slot.at,
          by: slot.by,
          ...payload,
          actors: [...payload.actors].reverse()
        }
      })
      k += j - i
    }
    i = Math.max(j, i + 1)
  }
  return { ...process, events }
}

describe("CoDesign", { timeout: 120_000 }, () => {
  it("decodes the Legnano roadmap of seed 004 (rows 53-55) and reaches its shared verification", () => {
    const s = CoDesign.state(legnano)
    expect(s.stage).toBe("closed")
    expect(s.steeringGroup).toEqual([comune, "ufficio-di-piano", forum, "casa-volontariato"])
    expect(s.themes).toEqual(["Casa e lavoro", "Anziani soli"])
    expect(s.charter).toEqual(["proj-abitare-lavoro", "proj-custodi-sociali"])
    expect(s.pact).toHaveLength(11)
    expect(s.signatures).toEqual(s.pact)
    expect(s.identifiedNeeds).toEqual(["need-casa-lavoro-0017", "need-solitudine-rescaldina"])
    expect(s.projects.find((p) => p.id === custodi)?.partners).toEqual([
      "asst-ovest-milanese",
      "rete-vicinato",
      "casa-volontariato",
      "ufficio-di-piano",
      "comune-parabiago"
    ])
    expect(legnano.events.find((e) => e._tag === "signed")?.at.slice(0, 7)).toBe("2015-10")
    expect(CoDesign.hasEqualDignity(legnano)).toBe(true)
    expect(CoDesign.audit(legnano, territory)).toEqual([])
  })

  it("offers what the roadmap allows: focus groups only after the public event, drafts only after the focus groups", () => {
    const proposed = CoDesign.unsafeMake(CoDesign.definitionOf(legnano))
    expect(CoDesign.next(proposed).map((o) => o._tag)).toEqual(["steering-group-constituted"])
    const beforeEvent = until("participation-recorded")
    expect(CoDesign.state(beforeEvent).stage).toBe("steering-group")
    const types = (p: CoDesign.Process) => [...new Set(CoDesign.next(p).map((o) => o._tag))]
    expect(types(beforeEvent)).toEqual(["partner-contacted", "needs-identified", "participation-recorded"])
    expect(types(until("focus-groups-started"))).toContain("focus-groups-started")
    expect(types(until("focus-groups-started"))).not.toContain("pact-drafted")
    expect(types(until("charter-drafted"))).toEqual([
      "needs-identified",
      "project-built",
      "partner-aggregated",
      "charter-drafted",
      "pact-drafted",
      "participation-recorded"
    ])
    const approved = until("signed")
    expect(CoDesign.next(approved).find((o) => o._tag === "signed")?.actors).toHaveLength(11)
    expect(CoDesign.next(legnano)).toEqual([])
  })

  it("a co-programming identifies needs and approves a programme: it builds no project and signs no Pact", () => {
    const p = CoDesign.unsafeMake({ ...CoDesign.definitionOf(legnano), kind: "co-programming" })
    const focus = until("project-built").events.reduce(
      (acc, e) => Either.getOrThrow(CoDesign.apply(acc, e)),
      p
    )
    const types = [...new Set(CoDesign.next(focus).map((o) => o._tag))]
    expect(types).toEqual(["needs-identified", "programme-drafted", "participation-recorded"])
    expect(
      formatted(CoDesign.apply(focus, ev(focus, "project-built", { project: custodi, needs: [] })))
    ).toEqual([
      `events[${focus.events.length}].type: a co-programming identifies needs, interventions, ways and resources: a "project-built" event belongs to a co-design process`
    ])
  })

  it("rejects bad events with every problem at once, and changes nothing", () => {
    const approved = until("signed")
    const once = Either.getOrThrow(
      CoDesign.apply(approved, ev(approved, "signed", { actor: forum, at: "2015-10-27T10:00:00Z" }))
    )
    const n = once.events.length
    // a duplicate signature, recorded by an unknown actor, at a time that goes back
    expect(
      formatted(
        CoDesign.apply(
          once,
          ev(once, "signed", { actor: forum, at: "2015-10-01T10:00:00Z", by: Actor.ActorId.make("act-x") })
        )
      )
    ).toEqual([
      `events[${n}].at: the time goes back: 2015-10-01T10:00:00Z is before the previous event (2015-10-27T10:00:00Z); events are appended in time order`,
      `events[${n}].by: no promoter or stakeholder of the process has the id "act-x": add it to the stakeholders of process "codesign-legnano-2015" or correct the id`,
      `events[${n}].actor: "forum-terzo-settore" has already signed the Pact: each party signs once`
    ])
    // a phase of an unknown project, at a stage that does not allow it
    expect(
      formatted(
        CoDesign.apply(
          once,
          ev(once, "participation-recorded", {
            activity: "realisation",
            project: CitizenshipCharter.ProjectId.make("proj-nowhere"),
            actors: [{ actor: rete, role: "partner" }]
          })
        )
      )
    ).toEqual([
      `events[${n}].activity: a participation in "realisation" is recorded at the stage realisation, not at "signed"`,
      `events[${n}].project: no project "proj-nowhere" was built by the focus groups of process "codesign-legnano-2015": record its project-built event first or correct the id`
    ])
    // a Pact signed before both drafts (invariant 12)
    const drafting = until("pact-drafted")
    expect(
      CoDesign.apply(drafting, ev(drafting, "signed", { actor: forum })).pipe(
        Either.match({ onLeft: (ps) => ps.map((p) => p.code), onRight: () => [] })
      )
    ).toEqual(["out-of-order"])
    expect(once.events).toHaveLength(n)
  })

  it("reports unknown stage names and event types by decoding, with the accepted values", () => {
    const encoded = CoDesign.encode(legnano)
    const events = [...encoded.events]
    events[5] = { ...events[5]!, activity: "tavolo-tematico" } as never
    events[6] = { ...events[6]!, type: "sign-everything" } as never
    expect(formatted(CoDesign.decode({ ...encoded, events }))).toEqual([
      `events[5].activity: expected one of ${CoDesign.activities.join(", ")}, got a text of 15 characters`,
      `events[6].type: expected one of ${CoDesign.eventTypes.join(", ")}, got a text of 15 characters`
    ])
    expect(
      formatted(CoDesign.decode({ ...encoded, events: [{ ...events[0], at: "2015-05-12 17:00" }] }))
    ).toEqual([
      'events[0].at: expected a UTC time such as 2025-02-03T09:30:00Z (date, "T", time to the second, "Z"), got a text of 16 characters'
    ])
  })

  it("audits a flawed Legnano variant: a partner missing from the realisation, no final recipient in the verification", () => {
    const events = legnano.events.map((e): CoDesign.Event => {
      if (e._tag !== "participation-recorded") return e
      if (e.activity === "realisation" && e.project === custodi)
        return { ...e, actors: e.actors.filter((a) => a.actor !== rete) }
      if (e.activity === "verification") {
        const { persons: _, recipientCount: __, ...rest } = e
        return rest
      }
      return e
    })
    const flawed = Either.getOrThrow(CoDesign.replay(legnano, events))
    expect(CoDesign.hasEqualDignity(flawed)).toBe(false)
    expect(
      CoDesign.audit(flawed, territory).map((f) => [
        f.code,
        f.severity,
        f.seed.row,
        f.actors,
        f.project,
        f.activity
      ])
    ).toEqual([
      ["equal-dignity", "error", 51, [rete], custodi, "realisation"],
      ["final-recipients", "error", 53, undefined, undefined, "verification"]
    ])
  })

  it("audits the rules of seed 003 rows 50-54 on an early co-design started for a bando", () => {
    const coop = Actor.ActorId.make("coop-melograno")
    const asst = Actor.ActorId.make("asst-ovest-milanese")
    let p = CoDesign.unsafeMake({
      id: CoDesign.CoDesignId.make("codesign-bando"),
      kind: "co-design",
      title: "Bando conciliazione",
      promoter: coop,
      trigger: { needs: [], call: "Bando regionale conciliazione 2015" },
      stakeholders: [asst, comune, rete]
    })
    const add = (type: CoDesign.EventType, fields: Record<string, unknown>, at: string) => {
      p = Either.getOrThrow(CoDesign.apply(p, ev(p, type, { ...fields, at, by: coop } as never)))
    }
    add(
      "steering-group-constituted",
      { members: [coop, asst], themes: ["Conciliazione famiglia-lavoro"] },
      "2015-05-04T10:00:00Z"
    )
    add(
      "participation-recorded",
      { activity: "public-event", actors: [{ actor: coop, role: "promoter" }] },
      "2015-05-20T10:00:00Z"
    )
    add(
      "participation-recorded",
      { activity: "needs-analysis", actors: [{ actor: coop, role: "promoter" }] },
      "2015-05-21T10:00:00Z"
    )
    add("focus-groups-started", {}, "2015-06-01T10:00:00Z")
    add(
      "project-built",
      {
        project: custodi,
        needs: [],
        // The ASST's home care is a high-intensity service; nothing of proximity is connected to it.
        services: [{ provider: asst, intensity: "high-intensity", resources: [] }]
      },
      "2015-06-02T10:00:00Z"
    )
    add("partner-aggregated", { project: custodi, actor: asst }, "2015-06-03T10:00:00Z")
    add("partner-aggregated", { project: custodi, actor: coop }, "2015-06-03T11:00:00Z")
    expect(CoDesign.audit(p, territory).map((f) => [f.code, f.severity, f.seed.row])).toEqual([
      ["equal-dignity", "warning", 51], // ideation open, nobody recorded yet
      ["equal-dignity", "warning", 51], // construction open
      ["final-recipients", "warning", 53], // the needs analysis is still open, with no final recipient yet
      ["needs-analysis-co-designed", "warning", 52], // by the promoter alone so far
      ["public-promoter", "warning", 50], // a cooperative promotes, the municipality does not
      ["not-only-bando", "warning", 54], // the needs analysis can still be co-designed (row 52)
      ["not-only-bando", "warning", 54], // the project answers no need
      ["proximity-connection", "warning", 54] // a high-intensity service, no proximity service
    ])
  })

  describe("seed 003 row 54, read as the seed says", () => {
    const coop = Actor.ActorId.make("coop-melograno")
    const asst = Actor.ActorId.make("asst-ovest-milanese")
    const casa = Actor.ActorId.make("casa-volontariato")
    const need = Need.NeedId.make("need-solitudine-rescaldina")
    const start = (): CoDesign.Process => {
      let p = CoDesign.unsafeMake({
        id: CoDesign.CoDesignId.make("codesign-bando-2"),
        kind: "co-design",
        title: "Bando conciliazione",
        promoter: comune,
        trigger: { needs: [], call: "Bando regionale conciliazione 2015" },
        stakeholders: [coop, rete, casa]
      })
      p = ok(
        CoDesign.apply(
          p,
          ev(p, "steering-group-constituted", {
            members: [comune, coop],
            themes: ["Conciliazione famiglia-lavoro"],
            at: "2015-05-04T10:00:00Z"
          })
        )
      )
      return p
    }
    const bando = (p: CoDesign.Process) =>
      CoDesign.audit(p, territory)
        .filter((f) => f.code === "not-only-bando" && f.project === undefined)
        .map((f) => f.severity)

    it("«Non progettare solo perché c'è un bando» is a warning while the needs analysis can be co-designed, and clears once it is (rows 52, 54)", () => {
      // Row 54: «Non progettare solo perché c'è un bando»; row 52: «co-progettazione dell'analisi dei bisogni».
      let p = start()
      expect(bando(p)).toEqual(["warning"])
      p = ok(
        CoDesign.apply(
          p,
          ev(p, "participation-recorded", {
            activity: "needs-analysis",
            actors: [
              { actor: comune, role: "promoter" },
              { actor: rete, role: "partner" },
              { actor: casa, role: "partner" }
            ],
            recipientCount: 9,
            at: "2015-05-10T10:00:00Z"
          })
        )
      )
      // Co-designed, but no need identified yet: still a warning.
      expect(bando(p)).toEqual(["warning"])
      p = ok(CoDesign.apply(p, ev(p, "needs-identified", { needs: [need], at: "2015-05-10T12:00:00Z" })))
      expect(bando(p)).toEqual([])
      // And it stays cleared once the needs analysis window is over.
      p = ok(
        CoDesign.apply(
          p,
          ev(p, "participation-recorded", {
            activity: "public-event",
            actors: [{ actor: comune, role: "promoter" }],
            at: "2015-05-11T10:00:00Z"
          })
        )
      )
      p = ok(CoDesign.apply(p, ev(p, "focus-groups-started", { at: "2015-05-12T10:00:00Z" })))
      p = ok(
        CoDesign.apply(
          p,
          ev(p, "project-built", { project: custodi, needs: [need], at: "2015-05-13T10:00:00Z" })
        )
      )
      p = ok(
        CoDesign.apply(
          p,
          ev(p, "feasibility-assessed", { project: custodi, feasible: true, at: "2015-05-14T10:00:00Z" })
        )
      )
      p = ok(CoDesign.apply(p, ev(p, "charter-drafted", { projects: [custodi], at: "2015-09-13T10:00:00Z" })))
      expect(bando(p)).toEqual([])
    })

    it("without a co-designed needs analysis, the finding becomes an error only once its window is over", () => {
      let p = start()
      p = ok(
        CoDesign.apply(
          p,
          ev(p, "participation-recorded", {
            activity: "public-event",
            actors: [{ actor: comune, role: "promoter" }],
            at: "2015-05-11T10:00:00Z"
          })
        )
      )
      p = ok(CoDesign.apply(p, ev(p, "focus-groups-started", { at: "2015-05-12T10:00:00Z" })))
      expect(bando(p)).toEqual(["warning"])
      p = ok(
        CoDesign.apply(p, ev(p, "project-built", { project: custodi, needs: [], at: "2015-05-13T10:00:00Z" }))
      )
      p = ok(
        CoDesign.apply(
          p,
          ev(p, "feasibility-assessed", { project: custodi, feasible: true, at: "2015-05-14T10:00:00Z" })
        )
      )
      p = ok(CoDesign.apply(p, ev(p, "charter-drafted", { projects: [custodi], at: "2015-09-13T10:00:00Z" })))
      expect(bando(p)).toEqual(["error"])
    })

    it("high intensity is a property of the service (proximity, adequate resources), not of the provider's legal form", () => {
      // Row 54: «curare la connessione tra strutture e servizi ad Alta Intensità e i servizi leggeri di prossimità
      // nel territorio di tipo formale e informale. Questo compito di prossimità del territorio deve prevedere
      // adeguate risorse per essere assunto».
      const proximity = (services: ReadonlyArray<CoDesign.Service>) => {
        let p = start()
        p = ok(
          CoDesign.apply(
            p,
            ev(p, "participation-recorded", {
              activity: "public-event",
              actors: [{ actor: comune, role: "promoter" }],
              at: "2015-05-11T10:00:00Z"
            })
          )
        )
        p = ok(CoDesign.apply(p, ev(p, "focus-groups-started", { at: "2015-05-12T10:00:00Z" })))
        p = ok(
          CoDesign.apply(
            p,
            ev(p, "project-built", { project: custodi, needs: [], services, at: "2015-05-13T10:00:00Z" })
          )
        )
        return CoDesign.audit(p, territory)
          .filter((f) => f.code === "proximity-connection")
          .map((f) => f.actors)
      }
      // A social cooperative running a resourced proximity service with the ASST's high-intensity one: no finding,
      // whatever its legal form (the old reading counted every cooperative as high intensity).
      expect(
        proximity([
          { provider: asst, intensity: "high-intensity", resources: [] },
          {
            provider: coop,
            intensity: "proximity",
            formality: "formal",
            resources: [{ kind: "care", amount: 200, unit: "hour" }]
          }
        ])
      ).toEqual([])
      // The same cooperative running a high-intensity residential service, with nothing of proximity: a finding.
      expect(proximity([{ provider: coop, intensity: "high-intensity", resources: [] }])).toEqual([[coop]])
      // A proximity service with no resource set aside is not «adeguate risorse».
      expect(
        proximity([
          { provider: asst, intensity: "high-intensity", resources: [] },
          { provider: rete, intensity: "proximity", formality: "informal", resources: [] }
        ])
      ).toEqual([[rete]])
    })
  })

  it("referenceProblems reports duplicate processes and unknown actors, needs and projects with paths", () => {
    const problems = CoDesign.referenceProblems(
      [legnano, legnano],
      {
        actors: new Set(territory.actors.filter((a) => a.id !== rete).map((a) => a.id)),
        needs: new Set(["need-casa-lavoro-0017", "need-solitudine-rescaldina"]),
        projects: new Set(["proj-abitare-lavoro"])
      },
      ["coDesigns"]
    )
    expect(problems.filter((p) => p.code === "duplicate-id").map((p) => p.path)).toEqual([
      ["coDesigns", 1, "id"]
    ])
    const first = problems.filter((p) => p.path[1] === 0).map((p) => p.path.slice(2).join("."))
    expect(first).toContain("stakeholders.5")
    expect(first).toContain("events.3.actor")
    expect(first).toContain("events.10.project")
    expect(first.filter((p) => p.endsWith("project") || p.includes("projects")).length).toBeGreaterThan(3)
    expect(
      CoDesign.referenceProblems(
        [legnano],
        {
          actors: new Set(territory.actors.map((a) => a.id)),
          needs: new Set(["need-casa-lavoro-0017", "need-solitudine-rescaldina"])
        },
        ["coDesigns"]
      )
    ).toEqual([])
  })

  it("property: a process round-trips through JSON and decodes back (invariant 14)", async () => {
    await roundTrip(CoDesign.Process, Arb.coDesignProcess(), 100)
    fc.assert(
      fc.property(Arb.coDesignProcess(), (p) => {
        expect(CoDesign.decode(JSON.parse(JSON.stringify(CoDesign.encode(p))))).toEqual(Either.right(p))
      }),
      { numRuns: 100 }
    )
  })

  it("property: apply accepts an event exactly when next offers it, and then appends it (invariant 10)", () => {
    fc.assert(
      fc.property(
        Arb.coDesignProcess().chain((p) =>
          fc.tuple(fc.constant(p), fc.oneof(Arb.offeredEvent(p), Arb.anyEvent(p)))
        ),
        ([p, e]) => {
          if (e === undefined) return
          const result = CoDesign.apply(p, e)
          expect(Either.isRight(result)).toBe(CoDesign.isOffered(CoDesign.next(p), e))
          if (Either.isRight(result)) expect(result.right.events).toEqual([...p.events, e])
        }
      ),
      { numRuns: 300 }
    )
  })

  it("property: every event next offers is accepted (invariant 10)", () => {
    fc.assert(
      fc.property(
        Arb.coDesignProcess().chain((p) => fc.tuple(fc.constant(p), Arb.offeredEvent(p))),
        ([p, e]) => {
          if (e !== undefined) expect(formatted(CoDesign.apply(p, e))).toEqual([])
        }
      ),
      { numRuns: 200 }
    )
  })

  it("property: no Pact is signed before both drafts, and no draft before the focus groups (invariant 12)", () => {
    const roadmapHolds = (events: ReadonlyArray<CoDesign.Event>) =>
      events.every((e, i) => {
        const before = events.slice(0, i).map((x) => x._tag)
        if (e._tag === "signed") return before.includes("charter-drafted") && before.includes("pact-drafted")
        if (e._tag === "charter-drafted" || e._tag === "pact-drafted" || e._tag === "programme-drafted")
          return before.includes("focus-groups-started")
        return true
      })
    // histories walked along what next offers
    fc.assert(
      fc.property(Arb.coDesignProcess(), (p) => {
        expect(roadmapHolds(p.events)).toBe(true)
      }),
      { numRuns: 200 }
    )
    // any events at all, kept only when apply accepts them
    fc.assert(
      fc.property(
        Arb.coDesignDefinition().chain((d) =>
          fc.tuple(fc.constant(d), fc.array(Arb.anyEvent(CoDesign.unsafeMake(d)), { maxLength: 60 }))
        ),
        ([d, attempts]) => {
          let p = CoDesign.unsafeMake(d)
          attempts.forEach((e, i) => {
            const r = CoDesign.apply(p, { ...e, eventId: CoDesign.EventId.make(`ev-${i + 1}`) })
            if (Either.isRight(r)) p = r.right
          })
          expect(roadmapHolds(p.events)).toBe(true)
        }
      ),
      { numRuns: 200 }
    )
  })

  it("property: every prefix of a valid history replays into a valid process", () => {
    fc.assert(
      fc.property(Arb.coDesignProcess(), (p) => {
        for (let i = 0; i <= p.events.length; i++)
          expect(formatted(CoDesign.replay(p, p.events.slice(0, i)))).toEqual([])
      }),
      { numRuns: 100 }
    )
  })

  it("property: a time that goes back is rejected as out-of-order and nothing is applied (invariant 10)", () => {
    fc.assert(
      fc.property(
        Arb.coDesignProcess()
          .filter((p) => p.events.length > 0)
          .chain((p) => fc.tuple(fc.constant(p), Arb.offeredEvent(p), fc.integer({ min: 1, max: 10_000 }))),
        ([p, e, seconds]) => {
          if (e === undefined) return
          const last = p.events.at(-1)!.at
          const at = Timestamp.fromMillis(Date.parse(last) - seconds * 1000)
          const result = CoDesign.apply(p, { ...e, at })
          expect(Either.isLeft(result) && result.left.map((x) => x.code)).toEqual(["out-of-order"])
        }
      ),
      { numRuns: 200 }
    )
  })

  it("property: the audit does not depend on the order of the participation records (invariant 4)", () => {
    fc.assert(
      fc.property(
        Arb.coDesignProcess({ maxEvents: 80 }),
        fc.array(fc.nat(), { minLength: 1, maxLength: 40 }),
        (p, order) => {
          const shuffled = shuffleParticipation(p, order)
          expect(formatted(CoDesign.replay(shuffled, shuffled.events))).toEqual([])
          expect(CoDesign.audit(shuffled, territory)).toEqual(CoDesign.audit(p, territory))
          expect(CoDesign.hasEqualDignity(shuffled)).toBe(CoDesign.hasEqualDignity(p))
        }
      ),
      { numRuns: 200 }
    )
  }, 60_000)

  it("property: a closed co-design is valid exactly when every stakeholder took part in each phase and final recipients in the needs analysis and the verification (invariant 11)", () => {
    // The oracle reads the events directly, without the state of the implementation.
    const oracle = (p: CoDesign.Process): boolean => {
      const records = p.events.filter((e): e is CoDesign.Participation => e._tag === "participation-recorded")
      const charter = p.events.find((e) => e._tag === "charter-drafted")
      const partners = new Map<string, Set<string>>()
      for (const e of p.events)
        if (e._tag === "partner-aggregated")
          partners.set(e.project, (partners.get(e.project) ?? new Set()).add(e.actor))
      const scope = charter?._tag === "charter-drafted" ? charter.projects : [...partners.keys()]
      const withRecipients = (a: CoDesign.Activity) =>
        records.some((r) => r.activity === a && ((r.persons ?? []).length > 0 || (r.recipientCount ?? 0) > 0))
      const present = (phase: CoDesign.Phase, project: string, actor: string) =>
        records.some(
          (r) =>
            r.activity === phase &&
            r.project === project &&
            r.actors.some((a) => a.actor === actor && a.role !== "observer")
        )
      return (
        withRecipients("needs-analysis") &&
        withRecipients("verification") &&
        p.stakeholders.every((s) => scope.some((project) => partners.get(project)?.has(s))) &&
        scope.every((project) =>
          [...(partners.get(project) ?? [])].every((a) =>
            CoDesign.phases.every((phase) => present(phase, project, a))
          )
        )
      )
    }
    fc.assert(
      fc.property(
        Arb.coDesignProcess({ kind: "co-design", maxEvents: 80 }).filter(
          (p) => CoDesign.state(p).stage === "closed"
        ),
        (p) => {
          const valid = CoDesign.hasEqualDignity(p)
          expect(valid).toBe(oracle(p))
          const broken = CoDesign.audit(p).filter(
            (f) => f.code === "equal-dignity" || f.code === "final-recipients"
          )
          expect(broken.length === 0).toBe(valid)
        }
      ),
      { numRuns: 50 }
    )
    expect(oracle(legnano)).toBe(true)
  }, 60_000)

  it("has an Italian and an English label for every stage, activity, role, rule and event type", () => {
    for (const labels of [
      CoDesign.stageLabels,
      CoDesign.activityLabels,
      CoDesign.roleLabels,
      CoDesign.ruleLabels,
      CoDesign.eventTypeLabels,
      CoDesign.kindLabels
    ])
      for (const text of Object.values(labels)) {
        expect(text.it.length).toBeGreaterThan(0)
        expect(text.en.length).toBeGreaterThan(0)
      }
    expect(CoDesign.stageLabels["steering-group"].it).toBe("Gruppo di regia costituito")
    expect(CoDesign.ruleLabels["not-only-bando"].it).toBe("Non progettare solo perché c'è un bando")
    expect(Need.NeedId.make("need-casa-lavoro-0017")).toBe(legnano.trigger.needs[0])
  })
})
