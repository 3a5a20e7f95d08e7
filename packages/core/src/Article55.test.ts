import * as Arbitrary from "effect/Arbitrary"
import * as fc from "fast-check"
import { describe, expect, it } from "vitest"
import { roundTrip } from "../test/laws.js"
import * as Actor from "./Actor.js"
import * as Article55 from "./Article55.js"
import * as Label from "./Label.js"
import * as Problem from "./Problem.js"

const ets: ReadonlyArray<Actor.ActorKind> = Actor.kinds.filter(
  (k) => Actor.sectorOfKind[k] === "third-sector"
)
const notEts: ReadonlyArray<Actor.ActorKind> = Actor.kinds.filter(
  (k) => Actor.sectorOfKind[k] !== "third-sector"
)

const day = (offset: number) =>
  new Date(Date.UTC(2022, 0, 10) + offset * 86_400_000).toISOString().slice(0, 10)

/** A valid procedure with its actors: a public administration, Third Sector parties, minuted sessions in order. */
const scenario = fc
  .record({
    kind: fc.constantFrom(...Article55.kinds),
    adminKind: fc.constantFrom<Actor.ActorKind>("local-authority", "public-institution"),
    parties: fc.array(fc.constantFrom(...ets), { minLength: 1, maxLength: 5 }),
    sessions: fc.array(fc.tuple(fc.nat(60), fc.array(fc.nat(), { maxLength: 4 })), {
      minLength: 1,
      maxLength: 5
    }),
    closed: fc.boolean(),
    agreed: fc.boolean()
  })
  .map(({ kind, adminKind, parties, sessions, closed, agreed }) => {
    const admin = Actor.ActorId.make("comune-legnano")
    const partyIds = parties.map((_, i) => Actor.ActorId.make(`ets-${i + 1}`))
    const actors = new Map<string, Pick<Actor.Actor, "kind">>([
      [admin, { kind: adminKind }],
      ...parties.map((k, i) => [partyIds[i]!, { kind: k }] as const)
    ])
    const sorted = [...sessions].sort((a, b) => a[0] - b[0])
    const ss: Array<Article55.Session> = sorted.map(([d, picks], i) => ({
      on: day(1 + d),
      participants: [admin, ...new Set(picks.map((n) => partyIds[n % partyIds.length]!))],
      minutes: `Verbale n. ${i + 1}`
    }))
    const lastDay = 1 + sorted[sorted.length - 1]![0]
    const procedure: Article55.Procedure = {
      id: Article55.ProcedureId.make("art55-1"),
      kind,
      administration: admin,
      notice: { published: day(0), ref: "Avviso prot. 1/2022" },
      parties: partyIds,
      sessions: ss,
      ...(closed || (agreed && kind === "co-design")
        ? { closing: { on: day(lastDay + 5), ref: "Documento conclusivo" } }
        : {}),
      ...(agreed && kind === "co-design"
        ? {
            agreement: {
              on: day(lastDay + 20),
              ref: "Convenzione rep. 7/2022",
              signatories: [admin, ...partyIds]
            }
          }
        : {})
    }
    return { procedure, actors }
  })

describe("Article55 (D.Lgs. 117/2017, art. 55; DM 72/2021)", () => {
  it("property: round trip (invariant 14)", () =>
    roundTrip(Article55.Procedure, Arbitrary.make(Article55.Procedure)))

  it("property: a procedure started by the administration's notice, among Third Sector entities, with minuted sessions, a closing document and (co-design) a convenzione breaks no rule; co-programming needs no steering group nor focus group", () =>
    fc.assert(
      fc.property(scenario, ({ procedure, actors }) => {
        expect(Article55.validate(procedure, actors)).toEqual([])
      })
    ))

  it("property: an actor that is not a Third Sector entity is never an art. 55 party (art. 55 c.1; art. 4 c.2 excludes unions)", () =>
    fc.assert(
      fc.property(scenario, fc.constantFrom(...notEts), ({ procedure, actors }, kind) => {
        const outsider = Actor.ActorId.make("outsider-1")
        const withOutsider = { ...procedure, parties: [...procedure.parties, outsider] }
        const problems = Article55.validate(withOutsider, new Map([...actors, [outsider, { kind }]]))
        expect(problems.map((p) => [p.code, Problem.formatPath(p.path)])).toContainEqual([
          "rule",
          `parties[${procedure.parties.length}]`
        ])
      })
    ))

  it("property: a session without minutes, or before the notice, is a finding at that session (DM 72/2021)", () =>
    fc.assert(
      fc.property(scenario, fc.nat(), fc.boolean(), ({ procedure, actors }, pick, early) => {
        const i = pick % procedure.sessions.length
        const sessions = procedure.sessions.map((s, j) => {
          if (j !== i) return s
          if (early) return { ...s, on: "2021-12-31" }
          const { minutes: _, ...rest } = s
          return rest
        })
        const paths = Article55.validate({ ...procedure, sessions }, actors).map((p) =>
          Problem.formatPath(p.path)
        )
        expect(paths).toContain(early ? `sessions[${i}].on` : `sessions[${i}].minutes`)
      })
    ))

  it("property: a convenzione belongs to a co-design, after its closing document (art. 55 c.3)", () =>
    fc.assert(
      fc.property(scenario, ({ procedure, actors }) => {
        const agreement = { on: "2030-12-31", ref: "Convenzione", signatories: [procedure.administration] }
        const problems = Article55.validate({ ...procedure, agreement }, actors).map((p) =>
          Problem.formatPath(p.path)
        )
        if (procedure.kind === "co-programming") expect(problems).toContain("agreement")
        if (procedure.closing === undefined) expect(problems).toContain("closing")
        if (procedure.kind === "co-design" && procedure.closing !== undefined) expect(problems).toEqual([])
      })
    ))

  it("property: the administration is public; a procedure started by anyone else is a finding (art. 55 c.1)", () =>
    fc.assert(
      fc.property(
        scenario,
        fc.constantFrom(...Actor.kinds.filter((k) => Actor.sectorOfKind[k] !== "public")),
        ({ procedure, actors }, kind) => {
          const paths = Article55.validate(
            procedure,
            new Map([...actors, [procedure.administration, { kind }]])
          ).map((p) => Problem.formatPath(p.path))
          expect(paths).toContain("administration")
        }
      )
    ))

  it("trade unions and businesses take part in the seeds' roadmap, not as art. 55 parties", () => {
    expect(Article55.mayBeParty({ kind: "trade-union" })).toBe(false)
    expect(Article55.mayBeParty({ kind: "business" })).toBe(false)
    expect(Article55.mayBeParty({ kind: "volunteer-organisation" })).toBe(true)
    expect(Article55.stage({ sessions: [] })).toBe("noticed")
    for (const lang of Label.langs) {
      for (const k of Article55.kinds) expect(Article55.kindLabels[k][lang]).not.toBe("")
      for (const s of Article55.stages) expect(Article55.stageLabels[s][lang]).not.toBe("")
    }
  })
})
