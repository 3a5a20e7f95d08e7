// Evaluates the Legnano Solidarity Pact (seed 004) over 2016 and 2017: every
// municipality summarises its own measurements, the district merges three of
// them, and the accountability data of the shared 2017 round is printed.
// Run: node --conditions=@welfare/source --import tsx examples/evaluate-legnano.ts
import { readFileSync } from "node:fs"
import { join } from "node:path"
import {
  Actor,
  Evaluation,
  Indicator,
  IndicatorAssignment,
  Label,
  Measurement,
  Problem,
  Progress,
  Resource,
  Summary,
  Territory
} from "@welfare/core"
import * as Either from "effect/Either"
import * as Schema from "effect/Schema"

const dir = join(import.meta.dirname, "territories")
const read = (file: string): unknown => JSON.parse(readFileSync(join(dir, file), "utf8"))
const orFail = <A>(result: Problem.Result<A>): A =>
  Either.getOrThrowWith(result, (problems) => new Error(problems.map(Problem.format).join("\n")))

const territory = orFail(Territory.decode(read("legnano.json")))
const fragment = orFail(
  Problem.decoder(
    Schema.Struct({
      indicators: Schema.Array(Indicator.IndicatorDefinition),
      assignments: Schema.Array(IndicatorAssignment.IndicatorAssignment),
      measurements: Schema.Array(Measurement.Measurement),
      evaluations: Schema.Array(Evaluation.EvaluationRound)
    })
  )(read("legnano.evaluation.json"))
)
const slice = { actors: territory.actors, ...fragment }

// 1. Every finding at once, as of the end of March 2018.
const findings = Evaluation.validate(slice, { asOf: "2018-03-31" })
console.log(`findings: ${findings.length}`)
for (const f of findings) console.log(`  ${Indicator.formatFinding(f)}`)

// 2. Each municipality summarises its own measurements; the district merges them.
const municipalities = ["legnano", "parabiago", "canegrate"]
const parts = municipalities.map((m) =>
  Summary.fromMeasurements(fragment.measurements.filter((x) => x.municipality === m))
)
const district = Summary.mergeAll(parts)
console.log(
  `district = merge of ${parts.length} municipalities: ${Summary.equals(district, Summary.fromMeasurements(fragment.measurements))}`
)

// 3. Progress of every assignment, from the merged summary.
const byId = new Map(fragment.indicators.map((d) => [d.id as string, d]))
for (const a of fragment.assignments) {
  const definition = byId.get(a.indicator)!
  const p = Progress.fromSummary(definition, a, district, { asOf: "2018-03-31" })
  const periods = p.periods.map(
    (x) =>
      `${x.period.start.slice(0, 4)} ${x.level ?? Math.round((x.actual ?? 0) * 100) / 100} ${Label.of(Progress.statusLabels, x.status, "it")}` +
      (x.share === undefined ? "" : ` (${Math.round(x.share * 100)}%)`)
  )
  console.log(`${definition.label.it}: ${periods.join("; ")}`)
}

// 4. Privacy: publish each municipality with suppression, then merge the published parts.
const published = orFail(Summary.mergePublished(parts.map((s) => orFail(Summary.suppress(s)))))
const hidden = Object.values(published.cells).filter((c) => c.suppressed)
console.log(
  `suppressed cells: ${hidden.map((c) => `${c.municipality} ${c.period.start.slice(0, 4)}`).join(", ")}`
)

// 5. Accountability data of the shared 2017 round, with the Pact's signatories.
const signatory = (
  actor: string,
  responsibilities: Evaluation.PactSlice["signatories"][number]["responsibilities"],
  resources: ReadonlyArray<Resource.Resource>
) => ({ actor: Actor.ActorId.make(actor), supports: [], responsibilities, resources })
const pact: Evaluation.PactSlice = {
  signatories: [
    signatory("casa-volontariato", ["volunteer-mobilisation"], [Resource.make("time", 4200)]),
    signatory("ufficio-di-piano", ["coordination", "evaluation"], [Resource.make("competence", 1200)]),
    signatory("coop-melograno", ["service-delivery"], [Resource.make("care", 2000)]),
    signatory("forum-terzo-settore", ["accountability"], [Resource.make("competence", 300)])
  ]
}
const round = fragment.evaluations.find((r) => r.id === "eval-2017")!
const report = Evaluation.accountabilityReport({ ...slice, pact }, round, { asOf: "2018-03-31" })
console.log(
  `round ${report.round}: sectors ${report.evaluators.sectors.join(", ")}; final recipients ${report.evaluators.finalRecipients}; evidence ${report.evidence.length}`
)
for (const s of report.signatories)
  console.log(
    `  ${s.actor}: committed ${s.committed.responsibilities.join("+")}; answers for ${s.responsibleFor.map((r) => `${r.assignment}=${r.status}`).join(", ") || "nothing"}; delivered ${s.delivered.measurements} measurements, ${s.delivered.hours} hours`
  )
