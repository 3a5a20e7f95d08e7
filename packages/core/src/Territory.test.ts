import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as fc from "fast-check"
import { describe, expect, it } from "vitest"
import { formatted, roundTrip } from "../test/laws.js"
import * as Actor from "./Actor.js"
import * as Problem from "./Problem.js"
import * as Territory from "./Territory.js"
import * as Arb from "./testing/index.js"

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
        market: 0,
        community: 1
      })
      expect(Territory.actorsById(result.right).get(Actor.ActorId.make("p-001"))?.kind).toBe("citizen")
    }
  })

  it("property: a territory built from any valid set of actors round-trips (invariant 14)", () =>
    roundTrip(Territory.Territory, Arb.territory(), 200))

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
      `actors[4].kind: expected one of ${Actor.kinds.join(", ")}, got "x"`
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
    const decode = Problem.decoder(Territory.Territory)
    const bad = { ...legnano, actors: [...legnano.actors, legnano.actors[0]] }
    expect(formatted(decode(bad))).toEqual([
      'actors[3].id: the actor id "comune-legnano" is already used by actors[0]: give every actor its own id'
    ])
  })
})
