import * as Either from "effect/Either"
import { describe, expect, it } from "vitest"
import { formatted, roundTrip } from "../test/laws.js"
import * as Intervention from "./Intervention.js"
import * as Label from "./Label.js"
import * as Problem from "./Problem.js"
import * as Resource from "./Resource.js"
import * as Arb from "./testing/assessment.js"

describe("Intervention", () => {
  it("property: round trip (invariant 14)", () => roundTrip(Intervention.Intervention, Arb.intervention()))

  it("reports contradictory facts and repeated references, all at once", () => {
    const messages = formatted(
      Intervention.decode({
        id: "int-1",
        designed: "both",
        partnerships: ["pship-a", "pship-a"],
        cases: ["case-1", "case-2", "case-1"]
      })
    )
    expect(messages).toEqual([
      'designSplit: a service designed both "by... for..." and "with..." must say which share was designed with the people: add designSplit (for example 0.3), or choose "by-for" or "with"',
      'partnerships[1]: the partnership "pship-a" is already listed at partnerships[0]: list it once',
      'cases[2]: the case "case-1" is already listed at cases[0]: list it once'
    ])
    expect(formatted(Intervention.decode({ id: "int-1", designed: "with", designSplit: 0.4 }))).toEqual([
      'designSplit: a design split only applies to a service designed partly each way: set designed to "both" or remove designSplit'
    ])
  })

  it("reports shape problems with every accepted value", () => {
    expect(formatted(Intervention.decode({ id: "int-1", access: "all", designSplit: 1 }))).toEqual([
      "designSplit: expected a share strictly between 0 and 1, got 1",
      "access: expected one of overt-need-only, vulnerability-too, got a text of 3 characters"
    ])
  })

  it("reports unknown actors, partnerships, co-designs and cases, and duplicate ids", () => {
    const i = {
      id: Intervention.InterventionId.make("int-1"),
      actors: ["comune-legnano", "ghost"],
      resources: [{ resource: Resource.unsafeMake("time", 10), from: "community", actor: "nobody" }],
      partnerships: ["pship-x"],
      coDesigns: ["codesign-1"],
      cases: ["case-9"]
    } as unknown as Intervention.Intervention
    const problems = Intervention.referenceProblems(
      [i, i],
      {
        actors: new Set(["comune-legnano"]),
        partnerships: new Set(),
        coDesigns: new Set(["codesign-1"]),
        cases: new Set()
      },
      ["interventions"]
    )
    expect(problems.map((p) => [p.code, Problem.formatPath(p.path)])).toEqual([
      ["duplicate-id", "interventions[1].id"],
      ["unknown-reference", "interventions[0].actors[1]"],
      ["unknown-reference", "interventions[0].resources[0].actor"],
      ["unknown-reference", "interventions[0].partnerships[0]"],
      ["unknown-reference", "interventions[0].cases[0]"],
      ["unknown-reference", "interventions[1].actors[1]"],
      ["unknown-reference", "interventions[1].resources[0].actor"],
      ["unknown-reference", "interventions[1].partnerships[0]"],
      ["unknown-reference", "interventions[1].cases[0]"]
    ])
  })

  it("keeps the capacity of time and care only for a path of responsibility (seed 000, row 11)", () => {
    const resources = [
      { resource: Resource.unsafeMake("care", 400), from: "third-sector" },
      { resource: Resource.unsafeMake("economic", 0), from: "institution" }
    ] as const
    expect(Intervention.capacity({ delivery: "request-benefit", resources }).care.hour).toBe(0)
    expect(Intervention.capacity({ resources }).care.hour).toBe(0)
    expect(Intervention.capacity({ delivery: "resources-responsibility-path", resources }).care.hour).toBe(
      400
    )
    const funded = [
      ...resources,
      { resource: Resource.unsafeMake("economic", 5000), from: "institution" }
    ] as const
    expect(Intervention.capacity({ delivery: "request-benefit", resources: funded }).care.hour).toBe(400)
  })

  it("every value of every fact has both labels", () => {
    for (const [fact, values] of Object.entries(Intervention.factValues))
      for (const value of values)
        for (const lang of Label.langs)
          expect(
            (Intervention.factLabels as Record<string, Record<string, Label.Text>>)[fact]![value]![lang]
              .length
          ).toBeGreaterThan(0)
    expect(Either.isRight(Intervention.decode({ id: "int-1" }))).toBe(true)
  })

  it("reports a resource without kind, with both amount and kind, a form on a non-economic resource and a tariff that is not money", () => {
    const result = Intervention.decode({
      id: "int-1",
      resources: [
        { from: "community" },
        { resource: { kind: "time", amount: 3, unit: "hour" }, kind: "time", from: "community" },
        { kind: "care", form: "in-kind", from: "community" },
        { kind: "economic", form: "in-kind", mode: "tariff", from: "beneficiaries" }
      ]
    })
    expect(formatted(result)).toEqual([
      "resources[0]: a resource needs its kind: give resource (kind, amount and unit) or, when the amount is not known, kind alone",
      "resources[1]: give either resource (with its amount) or kind (amount not known), not both",
      "resources[2].form: only an economic resource has a form (money or in kind): remove form, or make the resource economic",
      'resources[3].mode: a tariff is money paid for the service: use mode "tariff" only on an economic resource in money, or choose another mode'
    ])
  })

  it("reads who gives a resource and how: tariffs, compulsory and paid work are not resources given (seed 000, rows 8 and 11)", () => {
    const use = (from: Intervention.Contributor, mode?: Intervention.ContributionMode) =>
      Intervention.isGivenByPeople(mode === undefined ? { from } : { from, mode })
    expect(
      ["voluntary", "agreed", "pooled"].map((m) => use("beneficiaries", m as Intervention.ContributionMode))
    ).toEqual([true, true, true])
    expect(
      ["tariff", "compulsory", "paid"].map((m) => use("community", m as Intervention.ContributionMode))
    ).toEqual([false, false, false])
    // Without a mode: the community and the beneficiaries give; organisations are paid.
    expect([use("community"), use("beneficiaries"), use("third-sector"), use("institution")]).toEqual([
      true,
      true,
      false,
      false
    ])
    expect(Intervention.isMoney({ kind: "economic", form: "in-kind" })).toBe(false)
    expect(Intervention.isMoney({ kind: "economic" })).toBe(true)
  })
})
