import * as Either from "effect/Either"
import { describe, expect, it } from "vitest"
import { formatted, roundTrip } from "../test/laws.js"
import * as CitizenshipCharter from "./CitizenshipCharter.js"
import * as Label from "./Label.js"
import * as Need from "./Need.js"
import * as Problem from "./Problem.js"
import * as Requirement from "./Requirement.js"
import * as Arb from "./testing/index.js"

// The Charter drafted in September-October 2015 (seed 004, row 55): the projects the territory intends to realise.
const carta = {
  id: "carta-legnano",
  title: "Carta della cittadinanza dell'Ambito di Legnano",
  projects: [
    {
      id: "proj-famiglie-in-rete",
      title: "Famiglie in rete",
      policyAreas: ["social-and-health-services", "education"],
      targetGroups: ["families", "minors"]
    },
    {
      id: "proj-lavoro-casa",
      title: "Tra lavoro e casa",
      policyAreas: ["labour", "housing", "local-taxation-and-tariffs"],
      targetGroups: ["working-poor", "families"],
      needs: ["need-sfratto"]
    }
  ]
}

describe("CitizenshipCharter", () => {
  it("decodes the Legnano Charter and reads its policy areas and groups", () => {
    const c = CitizenshipCharter.decode(carta).pipe(Either.getOrThrow)
    expect(CitizenshipCharter.projectIds(c)).toEqual(["proj-famiglie-in-rete", "proj-lavoro-casa"])
    expect(CitizenshipCharter.policyAreas(c)).toEqual([
      "labour",
      "housing",
      "education",
      "social-and-health-services",
      "local-taxation-and-tariffs"
    ])
    expect(CitizenshipCharter.groupsServed(c)).toEqual(["families", "minors", "working-poor"])
    expect(CitizenshipCharter.encode(c)).toEqual(carta)
  })

  it("property: round trip (invariant 14)", () =>
    roundTrip(CitizenshipCharter.CitizenshipCharter, Arb.citizenshipCharter(), 200))

  it("reports every problem at once: no policy area, no group, a duplicate project", () => {
    const bad = {
      ...carta,
      projects: [
        ...carta.projects,
        { id: "proj-lavoro-casa", title: "Bis", policyAreas: [], targetGroups: [] }
      ]
    }
    expect(formatted(CitizenshipCharter.decode(bad))).toEqual([
      "projects[2].policyAreas: a project connects at least one policy area: add its policy areas",
      "projects[2].targetGroups: a project is for at least one group: add one of families, minors, young-adults, elderly, disabled, migrants, working-poor, caregivers, whole-community"
    ])
    const dup = { ...carta, projects: [...carta.projects, carta.projects[0]] }
    expect(formatted(CitizenshipCharter.decode(dup))).toEqual([
      'projects[2].id: the project id "proj-famiglie-in-rete" is already used by projects[0]: give every project its own id'
    ])
    expect(formatted(CitizenshipCharter.decode({ ...carta, projects: [] }))).toEqual([
      "projects: a Charter contains the projects the territory intends to realise: add at least one project"
    ])
  })

  it("reports needs and requirements that are not known, with their paths", () => {
    const c = CitizenshipCharter.decode(carta).pipe(Either.getOrThrow)
    const withReq = {
      projects: [
        ...c.projects,
        { ...c.projects[0]!, requirements: [Requirement.RequirementId.make("req-x")] }
      ]
    }
    expect(
      CitizenshipCharter.referenceProblems(withReq, { needs: new Set(), requirements: new Set() }, [
        "charter"
      ]).map(Problem.format)
    ).toEqual([
      'charter.projects[1].needs[0]: no need has the id "need-sfratto": add it to needs or correct the id',
      'charter.projects[2].requirements[0]: no requirement has the id "req-x": add it to requirements or correct the id'
    ])
    expect(
      CitizenshipCharter.referenceProblems(
        c,
        { needs: new Set([Need.NeedId.make("need-sfratto")]), requirements: new Set() },
        ["charter"]
      )
    ).toEqual([])
  })

  it("labels every target group in Italian and English", () => {
    for (const lang of Label.langs)
      for (const g of CitizenshipCharter.targetGroups)
        expect(Label.of(CitizenshipCharter.targetGroupLabels, g, lang)).not.toBe("")
    expect(CitizenshipCharter.targetGroupLabels["working-poor"].it).toBe("Lavoratori poveri")
  })
})
