import { readFileSync } from "node:fs"
import { join } from "node:path"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Schema from "effect/Schema"
import * as fc from "fast-check"
import { describe, expect, it } from "vitest"
import { breathe, formatted, roundTrip } from "../test/laws.js"
import * as Actor from "./Actor.js"
import type * as CoDesign from "./CoDesign.js"
import * as Decoder from "./Decoder.js"
import * as Problem from "./Problem.js"
import * as Territory from "./Territory.js"
import * as Arb from "./testing/index.js"

type Path = ReadonlyArray<string | number>

const ghost = "ghost-1"

/**
 * Every reference of a full territory that `Territory.integrity` checks, by
 * path: the fields where a dangling id must be reported.
 */
const referencePaths = (t: Territory.Territory): Array<Path> => {
  const out: Array<Path> = []
  const list = (items: ReadonlyArray<unknown> | undefined, ...at: Path) =>
    (items ?? []).forEach((_, j) => void out.push([...at, j]))
  t.actors.forEach((a, i) => {
    if (a.municipality !== undefined) out.push(["actors", i, "municipality"])
  })
  t.needs.forEach((n, i) => {
    if (n.recognisedBy !== undefined) out.push(["needs", i, "recognisedBy"])
    if (n.responsibleBody !== undefined) out.push(["needs", i, "responsibleBody"])
    if (n.raisedBy._tag === "social-sensor" || n.raisedBy._tag === "service")
      out.push(["needs", i, "raisedBy", "actor"])
  })
  t.ledger.forEach((e, i) => {
    if (e._tag === "received") out.push(["ledger", i, "source"])
    if (e.municipality !== undefined) out.push(["ledger", i, "municipality"])
  })
  t.responsibilities.forEach((a, i) => {
    if (a.body !== undefined) out.push(["responsibilities", i, "body"])
  })
  t.requirements.forEach((r, i) => {
    list(r.needs, "requirements", i, "needs")
    list(r.interlocutors, "requirements", i, "interlocutors")
    r.ties.forEach((tie, j) => void list(tie.between, "requirements", i, "ties", j, "between"))
  })
  t.takingCharge.forEach((e, i) => {
    out.push(["takingCharge", i, "by"])
    if (e._tag === "NeedRecorded") out.push(["takingCharge", i, "need"])
    if (e._tag === "DemandExpressed") list(e.needs, "takingCharge", i, "needs")
    if (e._tag === "CommunityResponseLinked") list(e.actors, "takingCharge", i, "actors")
  })
  t.partnerships.forEach((p, i) => {
    p.members.forEach((_, j) => void out.push(["partnerships", i, "members", j, "actor"]))
    if (p.promoter !== undefined) out.push(["partnerships", i, "promoter"])
  })
  t.charter?.projects.forEach((p, i) => {
    list(p.needs, "charter", "projects", i, "needs")
    list(p.requirements, "charter", "projects", i, "requirements")
  })
  if (t.pact !== undefined) {
    out.push(["pact", "charter"])
    t.pact.signatories.forEach((s, i) => {
      out.push(["pact", "signatories", i, "actor"])
      list(s.supports, "pact", "signatories", i, "supports")
    })
  }
  t.coDesigns.forEach((p, i) => {
    out.push(["coDesigns", i, "promoter"])
    list(p.stakeholders, "coDesigns", i, "stakeholders")
    list(p.trigger.needs, "coDesigns", i, "trigger", "needs")
    p.events.forEach((e: CoDesign.Event, j) => {
      const at = ["coDesigns", i, "events", j] as const
      out.push([...at, "by"])
      if (e._tag === "steering-group-constituted") list(e.members, ...at, "members")
      if (e._tag === "partner-contacted" || e._tag === "signed" || e._tag === "partner-aggregated")
        out.push([...at, "actor"])
      if (e._tag === "needs-identified" || e._tag === "programme-drafted" || e._tag === "project-built")
        list(e.needs, ...at, "needs")
      if (e._tag === "pact-drafted") list(e.parties, ...at, "parties")
      if (e._tag === "participation-recorded")
        e.actors.forEach((_, k) => void out.push([...at, "actors", k, "actor"]))
    })
  })
  t.interventions.forEach((v, i) => {
    list(v.actors, "interventions", i, "actors")
    v.resources?.forEach((r, j) => {
      if (r.actor !== undefined) out.push(["interventions", i, "resources", j, "actor"])
    })
    list(v.partnerships, "interventions", i, "partnerships")
    list(v.coDesigns, "interventions", i, "coDesigns")
    list(v.cases, "interventions", i, "cases")
  })
  t.assignments.forEach((a, i) => {
    out.push(["assignments", i, "indicator"])
    list(a.responsible, "assignments", i, "responsible")
    if (a.scope.type === "project") out.push(["assignments", i, "scope", "project"])
    if (a.scope.type === "territory" && a.scope.municipality !== undefined)
      out.push(["assignments", i, "scope", "municipality"])
  })
  t.measurements.forEach((m, i) => {
    out.push(
      ["measurements", i, "indicator"],
      ["measurements", i, "assignment"],
      ["measurements", i, "measuredBy"]
    )
    if (m.municipality !== undefined) out.push(["measurements", i, "municipality"])
  })
  t.evaluations.forEach((r, i) => {
    list(r.evaluators, "evaluations", i, "evaluators")
    list(r.assignments, "evaluations", i, "assignments")
  })
  return out
}

/** A copy of `root` with `value` at `path`. */
const setAt = <A>(root: A, path: Path, value: unknown): A => {
  const copy = structuredClone(root) as any
  let parent = copy
  for (const segment of path.slice(0, -1)) parent = parent[segment]
  parent[path[path.length - 1]!] = value
  return copy
}

const getAt = (root: unknown, path: Path): unknown =>
  path.reduce<unknown>((v, k) => (v as Record<string | number, unknown>)[k], root)

/** A full territory with one reference, picked at random, replaced by an unknown id. */
const dangling = Arb.fullTerritory().chain((t) => {
  const paths = referencePaths(t)
  return fc.constantFrom(...paths).map((path) => ({ t, path, broken: setAt(t, path, ghost) }))
})

/** The sections whose items have an id, and the field that holds it. */
const idFields = {
  municipalities: "id",
  actors: "id",
  needs: "id",
  requirements: "id",
  takingCharge: "eventId",
  partnerships: "id",
  coDesigns: "id",
  interventions: "id",
  indicators: "id",
  assignments: "id",
  measurements: "id",
  evaluations: "id"
} as const

type IdSection = keyof typeof idFields

/** A full territory with one item of one section, picked at random, copied to another position. */
const duplicated = fc
  .tuple(
    Arb.fullTerritory(),
    fc.constantFrom(...(Object.keys(idFields) as Array<IdSection>)),
    fc.nat(),
    fc.nat()
  )
  .map(([t, section, from, to]) => {
    const field = idFields[section]
    const items = (t[section] as ReadonlyArray<Record<string, unknown>>).filter((x) => x[field] !== undefined)
    if (items.length === 0) return undefined
    const source = items[from % items.length]!
    const copy = [...(t[section] as ReadonlyArray<Record<string, unknown>>)]
    copy.splice(to % (copy.length + 1), 0, structuredClone(source))
    const first = copy.findIndex((x) => x[field] === source[field])
    const second = copy.findIndex((x, i) => i > first && x[field] === source[field])
    return {
      t,
      section,
      id: source[field] as string,
      path: [section, second, field] as Path,
      broken: { ...t, [section]: copy } as Territory.Territory
    }
  })
  .filter((c) => c !== undefined)

/** A full territory whose Pact is signed twice by one of its signatories (the signatory's actor is its id in the Pact). */
const doubleSigned = fc.tuple(Arb.fullTerritory(), fc.nat(), fc.nat()).map(([t, from, to]) => {
  const signatories = [...t.pact!.signatories]
  const source = signatories[from % signatories.length]!
  signatories.splice(to % (signatories.length + 1), 0, structuredClone(source))
  const first = signatories.findIndex((s) => s.actor === source.actor)
  const second = signatories.findIndex((s, i) => i > first && s.actor === source.actor)
  return {
    t,
    section: "pact" as const,
    id: source.actor as string,
    path: ["pact", "signatories", second, "actor"] as Path,
    broken: { ...t, pact: { ...t.pact!, signatories } }
  }
})

/** A shuffle driven by a list of numbers (pure, so counterexamples replay). */
const shuffler = (numbers: ReadonlyArray<number>) => {
  let i = 0
  const nat = () => numbers[i++ % numbers.length] ?? 0
  const shuffle = <A>(xs: ReadonlyArray<A>): Array<A> => {
    const out = [...xs]
    for (let k = out.length - 1; k > 0; k--) {
      const j = nat() % (k + 1)
      ;[out[k], out[j]] = [out[j]!, out[k]!]
    }
    return out
  }
  return { nat, shuffle }
}

/**
 * The territory with the items of every section and of the lists inside
 * them (members, signatories, projects, stakeholders, responsible actors,
 * evaluators...) in another order. Histories keep their order within one
 * case: the taking-charge log is re-interleaved across cases.
 */
const permuted = (t: Territory.Territory, numbers: ReadonlyArray<number>): Territory.Territory => {
  const { nat, shuffle } = shuffler(numbers)
  const cases = new Map<string, Array<(typeof t.takingCharge)[number]>>()
  for (const e of t.takingCharge) cases.set(e.caseId, [...(cases.get(e.caseId) ?? []), e])
  const queues = shuffle([...cases.values()])
  const log: Array<(typeof t.takingCharge)[number]> = []
  for (
    let live = queues.filter((q) => q.length > 0);
    live.length > 0;
    live = live.filter((q) => q.length > 0)
  )
    log.push(live[nat() % live.length]!.shift()!)
  return {
    ...t,
    municipalities: shuffle(t.municipalities),
    actors: shuffle(t.actors),
    needs: shuffle(t.needs),
    requirements: shuffle(t.requirements.map((r) => ({ ...r, interlocutors: shuffle(r.interlocutors) }))),
    takingCharge: log,
    partnerships: shuffle(t.partnerships.map((p) => ({ ...p, members: shuffle(p.members) }))),
    ...(t.charter === undefined ? {} : { charter: { ...t.charter, projects: shuffle(t.charter.projects) } }),
    ...(t.pact === undefined ? {} : { pact: { ...t.pact, signatories: shuffle(t.pact.signatories) } }),
    coDesigns: shuffle(t.coDesigns.map((p) => ({ ...p, stakeholders: shuffle(p.stakeholders) }))),
    interventions: shuffle(t.interventions),
    indicators: shuffle(t.indicators),
    assignments: shuffle(t.assignments.map((a) => ({ ...a, responsible: shuffle(a.responsible) }))),
    measurements: shuffle(t.measurements),
    evaluations: shuffle(t.evaluations.map((r) => ({ ...r, evaluators: shuffle(r.evaluators) })))
  }
}

/** What problems say regardless of where items sit: each code with the ids its message quotes. */
const named = (problems: ReadonlyArray<Problem.Problem>): Array<string> =>
  problems.map((p) => `${p.code} ${[...p.message.matchAll(/"([^"]*)"/g)].map((m) => m[1]).join(" ")}`).sort()

const legnano = {
  name: "Ambito di Legnano",
  municipalities: [
    { id: "015118", name: "Legnano" },
    { id: "015072", name: "Cerro Maggiore" }
  ],
  actors: [
    {
      id: "comune-legnano",
      kind: "local-authority",
      name: "Comune di Legnano",
      municipality: "015118",
      resources: []
    },
    {
      id: "casa-volontariato",
      kind: "volunteer-organisation",
      name: "Casa del Volontariato e del Terzo Settore di Legnano",
      municipality: "015118",
      resources: [{ kind: "time", amount: 1200, unit: "hour" }]
    },
    { id: "p-001", kind: "citizen", resources: [{ kind: "competence", amount: 20, unit: "hour" }] }
  ]
}

describe("Territory", () => {
  it("decodes the Legnano territory of seed 004", () => {
    const result = Territory.decode(legnano)
    expect(Either.isRight(result)).toBe(true)
    if (Either.isRight(result)) {
      expect(Territory.sectorCounts(result.right)).toEqual({
        public: 1,
        "third-sector": 1,
        "social-partners": 0,
        market: 0,
        community: 1
      })
      expect(Territory.actorsById(result.right).get(Actor.ActorId.make("p-001"))?.kind).toBe("citizen")
    }
  })

  it("property: a territory built from any valid set of actors round-trips (invariant 14)", () =>
    roundTrip(Territory.Territory, Arb.territory(), 200))

  it("property: encode gives effect's encoder's JSON form, key order included, co-design events tagged by type (invariant 14)", () => {
    const effects = Schema.encodeSync(Territory.TerritoryFields)
    let events = 0
    fc.assert(
      fc.property(Arb.fullTerritory(), (t) => {
        const encoded = Territory.encode(t)
        expect(JSON.stringify(encoded)).toBe(JSON.stringify(effects(t)))
        for (const p of encoded.coDesigns ?? [])
          for (const e of p.events) {
            events++
            expect(Object.hasOwn(e, "type") && !Object.hasOwn(e, "_tag")).toBe(true)
          }
      }),
      { numRuns: 60 }
    )
    // the transformed part (the events' tag) was drawn
    expect(events).toBeGreaterThan(0)
  }, 120_000)

  it("property: any duplicated id is reported at the duplicate's path", () => {
    fc.assert(
      fc.property(
        Arb.territory().filter((t) => t.actors.length > 0),
        fc.nat(),
        fc.nat(),
        (t, from, to) => {
          const source = t.actors[from % t.actors.length]!
          const target = to % (t.actors.length + 1)
          const actors = [...t.actors]
          actors.splice(target, 0, { ...source })
          const problems = Territory.integrity({ ...t, actors })
          const first = actors.findIndex((a) => a.id === source.id)
          const second = actors.findIndex((a, i) => i > first && a.id === source.id)
          expect(problems).toEqual([
            Problem.make(
              "duplicate-id",
              ["actors", second, "id"],
              `the actor id "${source.id}" is already used by actors[${first}]: give every actor its own id`
            )
          ])
        }
      )
    )
  })

  it("property: any dangling municipality reference is reported, one problem per reference", () => {
    fc.assert(
      fc.property(
        Arb.territory().filter((t) => t.actors.length > 0),
        fc.uniqueArray(fc.nat(), { minLength: 1, maxLength: 5 }),
        (t, picks) => {
          const dangling = new Set(picks.map((p) => p % t.actors.length))
          const actors = t.actors.map((a, i) =>
            dangling.has(i) ? { ...a, municipality: Actor.MunicipalityId.make("nowhere-0") } : a
          )
          const problems = Territory.integrity({ ...t, actors })
          expect(problems.map((p) => p.code)).toEqual([...dangling].map(() => "unknown-reference"))
          expect(problems.map((p) => p.path[1]).sort()).toEqual([...dangling].sort())
        }
      )
    )
  })

  it("property: a generated territory has no integrity problem", () => {
    fc.assert(fc.property(Arb.territory(), (t) => Either.isRight(Territory.make(t))))
  })

  describe("full territories (every section populated)", { timeout: 120_000 }, () => {
    it("property: a generated full territory has no integrity problem (the arbitrary's law)", async () => {
      await fc.assert(
        fc.asyncProperty(Arb.fullTerritory(), async (t) => {
          await breathe()
          expect(Territory.integrity(t).map(Problem.format)).toEqual([])
        }),
        { numRuns: 100 }
      )
    })

    it("property: a full territory round-trips through JSON (invariant 14)", () =>
      roundTrip(Territory.Territory, Arb.fullTerritory(), 100))

    it("property: the order of the items of every section never changes whether integrity finds problems, nor which ids they name (invariant 4)", async () => {
      const cases = fc.oneof(
        Arb.fullTerritory(),
        dangling.map((c) => c.broken),
        duplicated.map((c) => c.broken),
        doubleSigned.map((c) => c.broken)
      )
      await fc.assert(
        fc.asyncProperty(
          cases,
          fc.array(fc.nat({ max: 10_000 }), { minLength: 32, maxLength: 32 }),
          async (t, numbers) => {
            await breathe()
            expect(named(Territory.integrity(permuted(t, numbers)))).toEqual(named(Territory.integrity(t)))
          }
        ),
        { numRuns: 150 }
      )
    })

    it("property: any dangling reference in any section is reported as unknown-reference at its path", async () => {
      const sections = new Set<string>()
      await fc.assert(
        fc.asyncProperty(dangling, async ({ t, path, broken }) => {
          await breathe()
          sections.add(String(path[0]))
          const problems = Territory.integrity(broken)
          const at = problems.filter(
            (p) => p.code === "unknown-reference" && Problem.formatPath(p.path) === Problem.formatPath(path)
          )
          expect(at.length, Problem.formatPath(path)).toBeGreaterThan(0)
          expect(at[0]!.message).toContain(`"${ghost}"`)
          const section = path[0]!
          if (section === "takingCharge") {
            // The replay of the case may say more, but only about that case.
            const caseId = t.takingCharge[path[1] as number]!.caseId
            for (const p of problems) expect(broken.takingCharge[p.path[1] as number]?.caseId).toBe(caseId)
          } else if (section === "coDesigns") {
            // The replay of the process may say more, but only about that process.
            for (const p of problems) expect(p.path.slice(0, 2)).toEqual(path.slice(0, 2))
          } else if (section === "pact") {
            // The Pact's signing rules may say more (a project left without supporter, one sector only).
            for (const p of problems) expect(p.path[0]).toBe("pact")
          } else expect(problems.map(Problem.format)).toEqual([Problem.format(at[0]!)])
          expect(getAt(broken, path)).toBe(ghost)
        }),
        { numRuns: 300 }
      )
      // Not vacuous: the references of most sections were broken at least once.
      expect(sections.size).toBeGreaterThan(8)
    })

    it("property: any duplicated id in any section is reported as duplicate-id at the copy's path", async () => {
      await fc.assert(
        fc.asyncProperty(fc.oneof(duplicated, doubleSigned), async ({ section, id, path, broken }) => {
          await breathe()
          const problems = Territory.integrity(broken)
          const at = problems.filter(
            (p) => p.code === "duplicate-id" && Problem.formatPath(p.path) === Problem.formatPath(path)
          )
          expect(at.length, Problem.formatPath(path)).toBeGreaterThan(0)
          expect(at[0]!.message).toContain(`"${id}"`)
          if (section !== "takingCharge")
            expect(problems.map(Problem.format)).toEqual([Problem.format(at[0]!)])
        }),
        { numRuns: 200 }
      )
    })
  })

  it("reports an actor that signs the Pact of the Legnano example twice (found by the duplicated-id property)", () => {
    const example = JSON.parse(
      readFileSync(
        join(import.meta.dirname, "..", "..", "..", "examples", "territories", "legnano.json"),
        "utf8"
      )
    )
    expect(formatted(Territory.decode(example))).toEqual([])
    const signatories = example.pact.signatories
    const twice = { ...example, pact: { ...example.pact, signatories: [...signatories, signatories[0]] } }
    expect(formatted(Territory.decode(twice))).toEqual([
      `pact.signatories[11].actor: the actor "comune-legnano" already signed at signatories[0]: sign once, with every project, responsibility and resource`
    ])
  })

  it("reports shape problems of malformed JSON, all at once", () => {
    expect(formatted(Territory.decode(null))).toEqual(["expected an object (Territory), got null"])
    expect(formatted(Territory.decode([]))).toEqual(["expected an object (Territory), got a list"])
    expect(formatted(Territory.decode({}))).toEqual([
      "name: is required but missing",
      "municipalities: is required but missing",
      "actors: is required but missing"
    ])
    expect(
      formatted(
        Territory.decode({
          ...legnano,
          actors: [...legnano.actors, 5, { id: "b", kind: "x", resources: [] }]
        })
      )
    ).toEqual([
      "actors[3]: expected an object (Actor), got 5",
      `actors[4].kind: expected one of ${Actor.kinds.join(", ")}, got a text of 1 character`
    ])
  })

  it("reports duplicate and unknown ids together", () => {
    const bad = {
      ...legnano,
      municipalities: [...legnano.municipalities, { id: "015118", name: "Legnano bis" }],
      actors: [
        ...legnano.actors,
        { id: "comune-legnano", kind: "business", municipality: "999", resources: [] }
      ]
    }
    expect(formatted(Territory.decode(bad))).toEqual([
      'municipalities[2].id: the municipality id "015118" is already used by municipalities[0]: give every municipality its own id',
      'actors[3].id: the actor id "comune-legnano" is already used by actors[0]: give every actor its own id',
      'actors[3].municipality: no municipality has the id "999": add it to municipalities or correct the id'
    ])
  })

  it("fails the Effect API with a ValidationError listing every problem", async () => {
    const exit = await Effect.runPromiseExit(
      Territory.decodeEffect({ name: "x", municipalities: [], actors: 3 })
    )
    expect(exit._tag).toBe("Failure")
    const error = await Effect.runPromise(
      Effect.flip(Territory.decodeEffect({ name: "x", municipalities: [], actors: 3 }))
    )
    expect(error.message).toBe("actors: expected a list, got 3")
  })

  it("the checked schema rejects what integrity rejects", () => {
    const decode = Decoder.lazy(Territory.Territory)
    const bad = { ...legnano, actors: [...legnano.actors, legnano.actors[0]] }
    expect(formatted(decode(bad))).toEqual([
      'actors[3].id: the actor id "comune-legnano" is already used by actors[0]: give every actor its own id'
    ])
  })
})
