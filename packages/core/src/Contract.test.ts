// The module contract (issue 15): every entity module decodes, decodes as an
// Effect and encodes with the same shapes, so that a module learnt is every
// module learnt. A type-level test: a module that drifts does not compile.
import type * as Effect from "effect/Effect"
import { describe, expectTypeOf, it } from "vitest"
import * as Actor from "./Actor.js"
import * as CitizenshipCharter from "./CitizenshipCharter.js"
import * as Evaluation from "./Evaluation.js"
import * as Indicator from "./Indicator.js"
import * as IndicatorAssignment from "./IndicatorAssignment.js"
import * as Intervention from "./Intervention.js"
import * as Measurement from "./Measurement.js"
import * as Need from "./Need.js"
import * as Partnership from "./Partnership.js"
import * as PlanningDistrict from "./PlanningDistrict.js"
import type * as Problem from "./Problem.js"
import * as Requirement from "./Requirement.js"
import * as Resource from "./Resource.js"
import * as Rubric from "./Rubric.js"
import * as SolidarityPact from "./SolidarityPact.js"
import * as Territory from "./Territory.js"

/** What every entity module exports, for its type `A` and its JSON form `I`. */
interface EntityModule<A, I> {
  readonly decode: (input: unknown) => Problem.Result<A>
  readonly decodeEffect: (input: unknown) => Effect.Effect<A, Problem.ValidationError>
  readonly encode: (value: A) => I
}

/** What a decoding-only module exports (its encoded form is its input form). */
interface DecodingModule<A> {
  readonly decode: (input: unknown) => Problem.Result<A>
  readonly decodeEffect: (input: unknown) => Effect.Effect<A, Problem.ValidationError>
}

describe("the module contract (issue 15)", () => {
  it("every entity module decodes, decodes as an Effect and encodes with one shape", () => {
    Actor satisfies EntityModule<Actor.Actor, Actor.ActorEncoded>
    Resource satisfies EntityModule<Resource.Resource, Resource.ResourceEncoded>
    PlanningDistrict satisfies EntityModule<
      PlanningDistrict.PlanningDistrict,
      PlanningDistrict.PlanningDistrictEncoded
    >
    Need satisfies EntityModule<Need.Need, Need.NeedEncoded>
    Requirement satisfies EntityModule<Requirement.Requirement, Requirement.RequirementEncoded>
    Intervention satisfies EntityModule<Intervention.Intervention, Intervention.InterventionEncoded>
    Partnership satisfies EntityModule<Partnership.Partnership, Partnership.PartnershipEncoded>
    CitizenshipCharter satisfies EntityModule<
      CitizenshipCharter.CitizenshipCharter,
      CitizenshipCharter.CitizenshipCharterEncoded
    >
    SolidarityPact satisfies EntityModule<SolidarityPact.SolidarityPact, SolidarityPact.SolidarityPactEncoded>
    Measurement satisfies EntityModule<Measurement.Measurement, Measurement.MeasurementEncoded>
    Indicator satisfies EntityModule<Indicator.IndicatorDefinition, Indicator.IndicatorDefinitionEncoded>
    IndicatorAssignment satisfies EntityModule<
      IndicatorAssignment.IndicatorAssignment,
      IndicatorAssignment.IndicatorAssignmentEncoded
    >
    Evaluation satisfies EntityModule<Evaluation.EvaluationRound, Evaluation.EvaluationRoundEncoded>
    Territory satisfies EntityModule<Territory.Territory, Territory.TerritoryEncoded>
    Rubric satisfies DecodingModule<Rubric.Rubric>
    expectTypeOf(Actor.decode).returns.toEqualTypeOf<Problem.Result<Actor.Actor>>()
    expectTypeOf(Measurement.encode).parameter(0).toEqualTypeOf<Measurement.Measurement>()
  })
})
