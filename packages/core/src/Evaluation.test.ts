import * as Arbitrary from "effect/Arbitrary"
import * as fc from "fast-check"
import { describe, expect, it } from "vitest"
import { roundTrip } from "../test/laws.js"
import * as Evaluation from "./Evaluation.js"
import * as Indicator from "./Indicator.js"
import type * as IndicatorAssignment from "./IndicatorAssignment.js"
import type * as Measurement from "./Measurement.js"
import * as Progress from "./Progress.js"
import * as Summary from "./Summary.js"
import * as Arb from "./testing/evaluation.js"

const y = (year: number) => ({ start: `${year}-01-01`, end: `${year}-12-31` })
const hours = {
  id: "ind-volunteer-hours",
  kind: "quantitative",
  label: { it: "Ore di volontariato", en: "Volunteer hours" },
  unit: "hour",
  direction: "increase",
  aggregation: "sum",
  rba: "how-much"
} as unknown as Indicator.IndicatorDefinition
const quality = {
  id: "ind-network-quality",
  kind: "qualitative",
  label: { it: "Qualità della rete", en: "Network quality" },
  scale: [
    { code: "lvl-weak", label: { it: "Debole", en: "Weak" } },
    { code: "lvl-good", label: { it: "Buona", en: "Good" } }
  ],
  direction: "increase",
  rba: "how-well"
} as unknown as Indicator.IndicatorDefinition
const assignment = {
  id: "asg-volunteer-hours",
  indicator: "ind-volunteer-hours",
  scope: { type: "territory" },
  responsible: ["casa-volontariato"],
  baseline: { date: "2015-12-31", value: 4200 },
  periods: [
    { ...y(2016), target: 4600 },
    { ...y(2017), target: 5000 }
  ]
} as unknown as IndicatorAssignment.IndicatorAssignment
const m = (fields: Record<string, unknown>) =>
  ({
    indicator: "ind-volunteer-hours",
    assignment: "asg-volunteer-hours",
    period: y(2016),
    value: 100,
    unit: "hour",
    measuredBy: "casa-volontariato",
    source: "administrative-data",
    ...fields
  }) as unknown as Measurement.Measurement

describe("Evaluation.validate", () => {
  it("reports every bad measurement, period and round at once, with paths", () => {
    const findings = Evaluation.validate(
      {
        actors: [{ id: "comune-legnano" as never, kind: "local-authority" }],
        indicators: [hours, quality, hours],
        assignments: [
          assignment,
          {
            ...assignment,
            id: "asg-quality",
            indicator: "ind-network-quality",
            baseline: { date: "2016-02-01", value: 3 },
            periods: [
              y(2016),
              { start: "2016-12-01", end: "2016-11-30" },
              { start: "2016-06-01", end: "2017-05-31" }
            ]
          } as never
        ],
        measurements: [
          m({ indicator: "ind-nothing" }),
          m({ period: y(2018) }),
          m({ unit: "euro" }),
          m({ indicator: "ind-network-quality", assignment: "asg-quality", value: 3 }),
          m({
            indicator: "ind-network-quality",
            assignment: "asg-quality",
            value: undefined,
            unit: undefined,
            level: "lvl-great"
          }),
          m({ period: y(2017) })
        ],
        evaluations: [
          { id: "eval-1" as never, period: y(2016), evaluators: ["comune-legnano" as never], assignments: [] }
        ]
      },
      { asOf: "2017-06-30" }
    )
    expect(findings.map((f) => `${f.severity} ${f.code} ${f.path.join(".")}`)).toEqual([
      "error duplicate-id indicators.2.id",
      "error period-ends-before-start assignments.1.periods.1.end",
      "error overlapping-periods assignments.1.periods.2",
      "error baseline-not-before-periods assignments.1.baseline.date",
      "error wrong-kind assignments.1.baseline.value",
      "error unknown-indicator measurements.0.indicator",
      "error indicator-mismatch measurements.0.indicator",
      "error unknown-period measurements.1.period",
      "error actual-before-period-end measurements.1.period.end",
      "error wrong-unit measurements.2.unit",
      "error wrong-kind measurements.3.value",
      "error unknown-level measurements.4.level",
      "error actual-before-period-end measurements.5.period.end",
      "error period-without-target-or-actual assignments.1.periods.1",
      "error period-without-target-or-actual assignments.1.periods.2",
      "warning one-sector-evaluation evaluations.0.evaluators",
      "warning no-final-recipients evaluations.0.finalRecipients"
    ])
    expect(Indicator.errorsAsProblems(findings).map((p) => p.code)).toContain("unknown-reference")
  })
})

describe("EvaluationRound", () => {
  it("property: round trip of realistic rounds (invariant 14)", () =>
    roundTrip(Evaluation.EvaluationRound, Arb.evaluationRound(), 200))

  it("property: round trip of any round the schema admits (invariant 14)", () =>
    roundTrip(Evaluation.EvaluationRound, Arbitrary.make(Evaluation.EvaluationRound), 200))
})

describe("Progress", () => {
  it("is direction-aware: fewer hours of waiting is an improvement", () => {
    const waiting = {
      ...hours,
      id: "ind-waiting-days",
      unit: "day",
      direction: "decrease",
      aggregation: "mean"
    } as never
    const a = {
      ...assignment,
      indicator: "ind-waiting-days",
      baseline: { date: "2015-12-31", value: 60 },
      periods: [{ ...y(2016), target: 30 }, y(2017)]
    } as never
    const p = Progress.progress(waiting, a, [
      m({ indicator: "ind-waiting-days", value: 40, unit: "day" }),
      m({ indicator: "ind-waiting-days", value: 20, unit: "day" }),
      m({ indicator: "ind-waiting-days", period: y(2017), value: 35, unit: "day" })
    ])
    expect(p.periods.map((x) => [x.actual, x.status, x.share, x.trend])).toEqual([
      [30, "achieved", 1, "improving"],
      [35, "worsening", undefined, "worsening"]
    ])
  })

  it("property: progress of the merged municipal summaries equals progress of all the measurements (invariant 13)", () => {
    fc.assert(
      fc.property(Arb.measurements({ indicators: ["ind-volunteer-hours"], maxLength: 50 }), (ms) => {
        const byMunicipality = new Map<string, Array<Measurement.Measurement>>()
        for (const x of ms)
          byMunicipality.set(x.municipality ?? "", [...(byMunicipality.get(x.municipality ?? "") ?? []), x])
        const a = { ...assignment, id: "asg-ind-volunteer-hours" } as never
        const merged = Summary.mergeAll([...byMunicipality.values()].map(Summary.fromMeasurements))
        expect(Progress.fromSummary(hours, a, merged)).toEqual(Progress.progress(hours, a, ms))
      })
    )
  })
})
