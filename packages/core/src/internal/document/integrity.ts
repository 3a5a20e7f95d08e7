import type * as Actor from "../../Actor.js"
import * as CitizenshipCharter from "../../CitizenshipCharter.js"
import * as CoDesign from "../../CoDesign.js"
import * as Evaluation from "../../Evaluation.js"
import * as Indicator from "../../Indicator.js"
import * as IndicatorAssignment from "../../IndicatorAssignment.js"
import * as Intervention from "../../Intervention.js"
import { duplicateIdsInto, unknownMunicipalitiesInto } from "../../internal/integrity.js"
import * as Ledger from "../../Ledger.js"
import * as Measurement from "../../Measurement.js"
import * as Need from "../../Need.js"
import * as Partnership from "../../Partnership.js"
import * as Problem from "../../Problem.js"
import * as Provenance from "../../Provenance.js"
import * as Requirement from "../../Requirement.js"
import * as Responsibility from "../../Responsibility.js"
import * as SolidarityPact from "../../SolidarityPact.js"
import * as TakingCharge from "../../TakingCharge.js"
import type { Territory, TerritoryInput } from "../../Territory.js"

export const ids = (items: ReadonlyArray<{ readonly id: string }>): ReadonlySet<string> =>
  new Set(items.map((i) => i.id))

/**
 * Every referential-integrity problem of a territory, all at once: duplicate
 * ids in every section; references to unknown municipalities, actors, needs,
 * requirements, partnerships, co-designs, cases, charter projects, indicators
 * and assignments; taking-charge and co-design histories that do not replay
 * (a choice without a demand, a time that goes back, a Pact signed before its
 * drafts...); the Pact's signing rules; and a Charter or Pact that diverges
 * from the roadmap that drafted it (invariant 16, see `Provenance`).
 *
 * @example
 * ```ts
 * import * as assert from "node:assert"
 * import { Actor, Territory } from "@welfare/core"
 *
 * const problems = Territory.integrity(Territory.empty({
 *   name: "Ambito di Legnano",
 *   actors: [
 *     Actor.unsafeMake({ id: Actor.ActorId.make("a-1"), kind: "business" }),
 *     Actor.unsafeMake({ id: Actor.ActorId.make("a-1"), kind: "foundation" })
 *   ]
 * }))
 * assert.deepStrictEqual(problems.map((p) => p.code), ["duplicate-id"])
 * ```
 *
 * @category validation
 * @since 0.1.0
 */
export const integrity = (territory: TerritoryInput): Array<Problem.Problem> => {
  const sink = Problem.collector(Number.POSITIVE_INFINITY)
  integrityInto(territory, sink)
  return sink.result().kept.slice()
}

/**
 * {@link integrity} into a {@link Problem.Collector}: the same problems in
 * the same order, the first ones kept and the rest counted, so that a
 * territory of a million actors sharing one id costs the memory of the cap,
 * not of a million problems (issue 14).
 *
 * @example
 * ```ts
 * import * as assert from "node:assert"
 * import { Actor, Problem, Territory } from "@welfare/core"
 *
 * const actors = Array.from({ length: 10 }, () => Actor.unsafeMake({ id: Actor.ActorId.make("a-1"), kind: "business" }))
 * const sink = Problem.collector(2)
 * Territory.integrityInto(Territory.empty({ name: "Ambito di Legnano", actors }), sink)
 * assert.strictEqual(sink.result().kept.length, 2)
 * assert.deepStrictEqual(sink.result().omitted, { "duplicate-id": 7 })
 * ```
 *
 * @category validation
 * @since 0.2.0
 */
export const integrityInto = (territory: TerritoryInput, sink: Problem.Collector): void => {
  const t = territory
  duplicateIdsInto(sink, t.municipalities, (m) => m.id, ["municipalities"], "municipality")
  duplicateIdsInto(sink, t.actors, (a) => a.id, ["actors"], "actor")
  const municipalities = ids(t.municipalities)
  unknownMunicipalitiesInto(sink, t.actors, municipalities, ["actors"])
  // each section's problems go to the sink as they come (a list may be too long to spread)
  const add = (ps: ReadonlyArray<Problem.Problem>) => sink.addAll(ps)
  const actors = ids(t.actors)
  const needs = ids(t.needs)
  const requirements = ids(t.requirements)
  const projects: ReadonlySet<string> = new Set(t.charter?.projects.map((p) => p.id) ?? [])
  const indicators = ids(t.indicators)
  const assignments = ids(t.assignments)
  add(Need.referenceProblems(t.needs, { actors }, ["needs"]))
  add(Responsibility.referenceProblems(t.responsibilities, actorsById(t), ["responsibilities"]))
  add(Requirement.referenceProblems(t.requirements, { actors, needs }, ["requirements"]))
  add(TakingCharge.referenceProblems(t.takingCharge, { actors, needs }, ["takingCharge"]))
  add(TakingCharge.historyProblems(t.takingCharge, ["takingCharge"], { needs }))
  add(Partnership.referenceProblems(t.partnerships, { actors }, ["partnerships"]))
  add(Ledger.referenceProblems(t.ledger, { actors, municipalities }, ["ledger"]))
  if (t.charter !== undefined)
    add(CitizenshipCharter.referenceProblems(t.charter, { needs, requirements }, ["charter"]))
  if (t.pact !== undefined) {
    add(
      SolidarityPact.referenceProblems(
        t.pact,
        { actors, projects, charters: new Set(t.charter === undefined ? [] : [t.charter.id]) },
        ["pact"]
      )
    )
    // Its references are checked above; its signing rules and its signatories signing twice, here.
    add(
      Problem.prefix(SolidarityPact.validate(t.pact, t.charter, actorsById(t)), ["pact"]).filter(
        (p) => p.code === "rule" || p.code === "duplicate-id"
      )
    )
  }
  // Invariant 16: the Charter's projects and the Pact's signatories come from their roadmap (seed 004, row 55).
  add(Provenance.problems(t))
  add(CoDesign.referenceProblems(t.coDesigns, { actors, needs }, ["coDesigns"]))
  t.coDesigns.forEach((process, i) => {
    const replayed = CoDesign.replay(process, process.events)
    if (replayed._tag === "Left") add(Problem.prefix(replayed.left, ["coDesigns", i]))
  })
  add(
    Intervention.referenceProblems(
      t.interventions,
      {
        actors,
        partnerships: ids(t.partnerships),
        coDesigns: ids(t.coDesigns),
        cases: new Set(t.takingCharge.map((e) => e.caseId))
      },
      ["interventions"]
    )
  )
  add(Indicator.referenceProblems(t.indicators, {}, ["indicators"]))
  add(
    IndicatorAssignment.referenceProblems(t.assignments, { indicators, actors, projects, municipalities }, [
      "assignments"
    ])
  )
  // the measurements may be many: their problems go to the sink a slice at a time
  measurementProblemsInto(sink, t, { indicators, assignments, actors, municipalities })
  add(Evaluation.referenceProblems(t.evaluations, { actors, assignments }, ["evaluations"]))
}

export const slice = 4_096

export const measurementProblemsInto = (
  sink: Problem.Collector,
  t: TerritoryInput,
  known: {
    readonly indicators: ReadonlySet<string>
    readonly assignments: ReadonlySet<string>
    readonly actors: ReadonlySet<string>
    readonly municipalities: ReadonlySet<string>
  }
): void => {
  // duplicate ids first, as Measurement.referenceProblems reports them
  duplicateIdsInto(sink, t.measurements, (m) => m.id, ["measurements"], "measurement")
  const withIds = t.measurements.some((m) => m.id !== undefined)
  const plans = { indicators: t.indicators, assignments: t.assignments }
  const shifted = (problems: ReadonlyArray<Problem.Problem>, by: number) =>
    problems.map((p) =>
      Problem.make(p.code, ["measurements", (p.path[1] as number) + by, ...p.path.slice(2)], p.message)
    )
  for (let from = 0; from < t.measurements.length; from += slice) {
    const part = t.measurements.slice(from, from + slice)
    // ids were checked above: the slice's references only
    const own = Measurement.referenceProblems(
      withIds ? part.map(({ id: _, ...m }) => m as Measurement.Measurement) : part,
      known,
      ["measurements"]
    )
    sink.addAll(shifted(own, from))
  }
  // a unit that is not its indicator's, a period none of its assignment's (issue 14)
  for (let from = 0; from < t.measurements.length; from += slice)
    sink.addAll(
      shifted(
        Measurement.planProblems(t.measurements.slice(from, from + slice), plans, ["measurements"]),
        from
      )
    )
}

/**
 * The actors of a territory by id.
 *
 * @category getters
 * @since 0.1.0
 */
export const actorsById = (territory: Pick<Territory, "actors">): ReadonlyMap<Actor.ActorId, Actor.Actor> =>
  new Map(territory.actors.map((a) => [a.id, a]))
