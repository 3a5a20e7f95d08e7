// The module contract (issue 15): every entity module exports the same set,
// with the same shapes, so that a module learnt is every module learnt: the
// schema, `X` and `XEncoded`, a checked `make` returning a result and an
// `unsafeMake` for trusted builders, `decode`, `decodeEffect`, `encode`,
// `referenceProblems` and `labels`. A type-level test: a module that drifts
// does not compile.
//
// The entity modules are the modules whose value is a part of a territory
// document (a section or an item of one), the territory itself, and the
// rubric (the document of assessment settings):
//   Actor, Resource, PlanningDistrict, Need, Responsibility (an assignment),
//   Requirement, TakingCharge (an event of a case), Ledger (an entry),
//   Partnership, CitizenshipCharter, SolidarityPact, CoDesign (a process),
//   Intervention, Indicator (a definition), IndicatorAssignment, Measurement,
//   Evaluation (a round), Territory, Rubric.
// Not entity modules: value modules with no document of their own (Person,
// PolicyArea, Dimension, Trait, Timestamp, Runts, Label, Problem), readings
// computed from entities (Assessment, TerritoryAssessment, PartnershipNetwork,
// GenerativeLens, Summary, Published, Disclosure, Derivation, Article55,
// Progress, Provenance, Sensitivity, Access) and the tools (Decoder, Ndjson,
// JsonSchema, SummarySql). A new module that holds a part of the territory
// document is added to the list below.
import * as Either from "effect/Either"
import { describe, expect, expectTypeOf, it } from "vitest"
import * as Actor from "./Actor.js"
import * as CitizenshipCharter from "./CitizenshipCharter.js"
import * as CoDesign from "./CoDesign.js"
import * as Evaluation from "./Evaluation.js"
import * as Indicator from "./Indicator.js"
import * as IndicatorAssignment from "./IndicatorAssignment.js"
import * as Intervention from "./Intervention.js"
import type { EntityModule } from "./internal/contract.js"
import * as Ledger from "./Ledger.js"
import * as Measurement from "./Measurement.js"
import * as Need from "./Need.js"
import * as Partnership from "./Partnership.js"
import * as PlanningDistrict from "./PlanningDistrict.js"
import type * as Problem from "./Problem.js"
import * as Requirement from "./Requirement.js"
import * as Resource from "./Resource.js"
import * as Responsibility from "./Responsibility.js"
import * as Rubric from "./Rubric.js"
import * as SolidarityPact from "./SolidarityPact.js"
import * as TakingCharge from "./TakingCharge.js"
import * as Territory from "./Territory.js"

const modules = {
  Actor: Actor satisfies EntityModule<Actor.Actor, Actor.ActorEncoded>,
  Resource: Resource satisfies EntityModule<Resource.Resource, Resource.ResourceEncoded>,
  PlanningDistrict: PlanningDistrict satisfies EntityModule<
    PlanningDistrict.PlanningDistrict,
    PlanningDistrict.PlanningDistrictEncoded,
    PlanningDistrict.PlanningDistrict
  >,
  Need: Need satisfies EntityModule<Need.Need, Need.NeedEncoded>,
  Responsibility: Responsibility satisfies EntityModule<
    Responsibility.Assignment,
    Responsibility.AssignmentEncoded
  >,
  Requirement: Requirement satisfies EntityModule<Requirement.Requirement, Requirement.RequirementEncoded>,
  TakingCharge: TakingCharge satisfies EntityModule<TakingCharge.Event, TakingCharge.EventEncoded>,
  Ledger: Ledger satisfies EntityModule<Ledger.Entry, Ledger.EntryEncoded>,
  Partnership: Partnership satisfies EntityModule<Partnership.Partnership, Partnership.PartnershipEncoded>,
  CitizenshipCharter: CitizenshipCharter satisfies EntityModule<
    CitizenshipCharter.CitizenshipCharter,
    CitizenshipCharter.CitizenshipCharterEncoded,
    CitizenshipCharter.CitizenshipCharter
  >,
  SolidarityPact: SolidarityPact satisfies EntityModule<
    SolidarityPact.SolidarityPact,
    SolidarityPact.SolidarityPactEncoded,
    SolidarityPact.SolidarityPact
  >,
  CoDesign: CoDesign satisfies EntityModule<CoDesign.Process, CoDesign.ProcessEncoded>,
  Intervention: Intervention satisfies EntityModule<
    Intervention.Intervention,
    Intervention.InterventionEncoded
  >,
  Indicator: Indicator satisfies EntityModule<
    Indicator.IndicatorDefinition,
    Indicator.IndicatorDefinitionEncoded
  >,
  IndicatorAssignment: IndicatorAssignment satisfies EntityModule<
    IndicatorAssignment.IndicatorAssignment,
    IndicatorAssignment.IndicatorAssignmentEncoded
  >,
  Measurement: Measurement satisfies EntityModule<Measurement.Measurement, Measurement.MeasurementEncoded>,
  Evaluation: Evaluation satisfies EntityModule<
    Evaluation.EvaluationRound,
    Evaluation.EvaluationRoundEncoded
  >,
  Territory: Territory satisfies EntityModule<
    Territory.Territory,
    Territory.TerritoryEncoded,
    Territory.Territory
  >,
  Rubric: Rubric satisfies EntityModule<Rubric.Rubric, Rubric.RubricEncoded, Rubric.Rubric>
}

describe("the module contract (issue 15)", () => {
  it("every entity module exports the same set with one shape", () => {
    expectTypeOf(Actor.decode).returns.toEqualTypeOf<Problem.Result<Actor.Actor>>()
    expectTypeOf(Actor.make).returns.toEqualTypeOf<Problem.Result<Actor.Actor>>()
    expectTypeOf(Actor.unsafeMake).returns.toEqualTypeOf<Actor.Actor>()
    expectTypeOf(Measurement.encode).parameter(0).toEqualTypeOf<Measurement.Measurement>()
    expectTypeOf(Resource.make).returns.toEqualTypeOf<Problem.Result<Resource.Resource>>()
    expectTypeOf(CoDesign.make).returns.toEqualTypeOf<Problem.Result<CoDesign.Process>>()
    expectTypeOf(Rubric.encode).returns.toEqualTypeOf<Rubric.RubricEncoded>()
    expect(Object.keys(modules)).toHaveLength(19)
  })

  it("every module's labels exist in Italian and English, none empty", () => {
    for (const [name, m] of Object.entries(modules)) {
      const entries = Object.entries(m.labels)
      expect(entries.length, name).toBeGreaterThan(0)
      for (const [key, text] of entries) {
        expect(text.it.trim(), `${name}.labels.${key}.it`).not.toBe("")
        expect(text.en.trim(), `${name}.labels.${key}.en`).not.toBe("")
      }
    }
  })

  it("make checks what unsafeMake does not: a negative amount, a citizen's name", () => {
    expect(Either.isLeft(Resource.make("time", -1))).toBe(true)
    expect(Resource.unsafeMake("time", -1).amount).toBe(-1)
    const named = { id: Actor.ActorId.make("c-1"), kind: "citizen" as const, name: "Mario" }
    expect(Either.isLeft(Actor.make(named))).toBe(true)
    expect(Actor.unsafeMake(named).name).toBe("Mario")
    expect(Either.isRight(Actor.make({ id: Actor.ActorId.make("coop-1"), kind: "social-cooperative" }))).toBe(
      true
    )
  })

  it("an entity that references nothing says so: no dangling id, ever", () => {
    expect(Resource.referenceProblems([Resource.unsafeMake("care", 3)], {}, ["resources"])).toEqual([])
    expect(Rubric.referenceProblems(Rubric.defaultRubric, {}, [])).toEqual([])
  })

  it("a rubric encodes to an input that decodes to the same rubric", () => {
    const decoded = Rubric.decode(Rubric.encode(Rubric.defaultRubric))
    expect(decoded).toEqual(Either.right(Rubric.defaultRubric))
  })
})
