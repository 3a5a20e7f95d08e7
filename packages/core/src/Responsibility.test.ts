import * as Arbitrary from "effect/Arbitrary"
import * as fc from "fast-check"
import { describe, expect, it } from "vitest"
import { roundTrip } from "../test/laws.js"
import * as Actor from "./Actor.js"
import * as Need from "./Need.js"
import * as PolicyArea from "./PolicyArea.js"
import * as Problem from "./Problem.js"
import * as Responsibility from "./Responsibility.js"

const comune = Actor.ActorId.make("comune-legnano")
const asst = Actor.ActorId.make("asst-ovest-milanese")
const workingPoorHousing = Need.NeedKind.make("working-poor-housing")
const isolatedElderly = Need.NeedKind.make("isolated-elderly")

// The Legnano map: social services to the Comune (L. 328/2000), health to the ASST, and no public body
// assigned to the housing of the working poor (the «terra di nessuno» of seed 004, row 23).
const map: ReadonlyArray<Responsibility.Assignment> = [
  { policyArea: "social-and-health-services", body: comune, basis: "L. 328/2000, art. 6" },
  { needKind: isolatedElderly, policyArea: "social-and-health-services", body: asst },
  { needKind: workingPoorHousing, policyArea: "housing", basis: "no public body is assigned" },
  { needKind: workingPoorHousing, policyArea: "labour" }
]

describe("Responsibility", () => {
  it("terra di nessuno is a gap in the law, not a missing field (seed 004, row 23)", () => {
    // Seed 004, row 23: «nuovi bisogni, rispetto ai quali il legislatore non ha definito il sistema delle
    // responsabilità pubbliche tenute ad intervenire ... una "terra di nessuno" o una "terra di mezzo"».
    const casaLavoro = { kind: workingPoorHousing, policyAreas: ["housing", "labour"] as const }
    expect(Responsibility.isNoMansLand(casaLavoro, map)).toBe(true)
    // A need whose record names a body that took charge is still in no man's land if the law assigns none:
    // the field is a fact of the record, the gap is a property of the kind.
    const taken: Pick<Need.Need, "kind" | "policyAreas" | "responsibleBody"> = {
      ...casaLavoro,
      responsibleBody: comune
    }
    expect(Responsibility.isNoMansLand(taken, map)).toBe(true)
    // Social services are assigned: the kind-specific line wins over the area-wide one.
    expect(
      Responsibility.bodiesFor({ kind: isolatedElderly, policyAreas: ["social-and-health-services"] }, map)
    ).toEqual([{ policyArea: "social-and-health-services", bodies: ["asst-ovest-milanese"] }])
    expect(Responsibility.isNoMansLand({ policyAreas: ["social-and-health-services"] }, map)).toBe(false)
  })

  it("the map shows each kind and area with its bodies or its gap, and how many needs fall there", () => {
    const rows = Responsibility.rows(
      [
        { kind: workingPoorHousing, policyAreas: ["housing", "labour"] },
        { kind: isolatedElderly, policyAreas: ["social-and-health-services"] },
        { policyAreas: ["social-and-health-services"] }
      ],
      map
    )
    expect(rows.map((r) => [r.needKind ?? "-", r.policyArea, r.bodies.join(","), r.gap, r.needs])).toEqual([
      ["-", "social-and-health-services", "comune-legnano", false, 1],
      ["isolated-elderly", "social-and-health-services", "asst-ovest-milanese", false, 1],
      ["working-poor-housing", "housing", "", true, 1],
      ["working-poor-housing", "labour", "", true, 1]
    ])
  })

  it("a responsible body is a known public actor", () => {
    const actors = new Map<string, Pick<Actor.Actor, "kind">>([
      ["comune-legnano", { kind: "local-authority" }],
      ["coop-melograno", { kind: "social-cooperative" }]
    ])
    const problems = Responsibility.referenceProblems(
      [
        { policyArea: "housing", body: Actor.ActorId.make("coop-melograno") },
        { policyArea: "labour", body: Actor.ActorId.make("ghost") },
        { policyArea: "transport" }
      ],
      actors,
      ["responsibilities"]
    )
    expect(problems.map((p) => [p.code, Problem.formatPath(p.path)])).toEqual([
      ["rule", "responsibilities[0].body"],
      ["unknown-reference", "responsibilities[1].body"]
    ])
  })

  it("property: round trip (invariant 14)", () =>
    roundTrip(Responsibility.Assignment, Arbitrary.make(Responsibility.Assignment)))

  const assignment = fc
    .record({
      needKind: fc.option(fc.constantFrom(workingPoorHousing, isolatedElderly), { nil: undefined }),
      policyArea: fc.constantFrom(...PolicyArea.values),
      body: fc.option(fc.constantFrom(comune, asst), { nil: undefined })
    })
    .map(
      ({ needKind, body, policyArea }): Responsibility.Assignment => ({
        policyArea,
        ...(needKind === undefined ? {} : { needKind }),
        ...(body === undefined ? {} : { body })
      })
    )
  const need = fc
    .record({
      kind: fc.option(fc.constantFrom(workingPoorHousing, isolatedElderly), { nil: undefined }),
      policyAreas: fc.uniqueArray(fc.constantFrom(...PolicyArea.values), { minLength: 1, maxLength: 3 })
    })
    .map(({ kind, policyAreas }) => ({ policyAreas, ...(kind === undefined ? {} : { kind }) }))

  it("property: a need is in no man's land exactly when no area of it has a body; assigning its kind a body in one of its areas takes it out (seed 004, row 23; invariant 4)", () =>
    fc.assert(
      fc.property(need, fc.array(assignment, { maxLength: 8 }), fc.nat(), (n, m, pick) => {
        const gap = Responsibility.isNoMansLand(n, m)
        expect(gap).toBe(Responsibility.bodiesFor(n, m).every((a) => a.bodies.length === 0))
        expect(Responsibility.isNoMansLand(n, [...m].reverse())).toBe(gap)
        const area = n.policyAreas[pick % n.policyAreas.length]!
        const assigned: Responsibility.Assignment = {
          policyArea: area,
          body: comune,
          ...(n.kind === undefined ? {} : { needKind: n.kind })
        }
        expect(Responsibility.isNoMansLand(n, [...m, assigned])).toBe(false)
        expect(Responsibility.rows([n], m)).toEqual(Responsibility.rows([n], [...m].reverse()))
      })
    ))
})
