// Evaluates the Legnano Solidarity Pact (seed 004) over 2016 and 2017, from the
// whole territory document: every municipality summarises its own measurements,
// the district merges three of them, the accountability data of the shared 2017
// round lists what each signatory of the territory's Pact committed and
// delivered, the generative lenses are computed from the territory's models, and
// Fondazione Zancan's 5R and social counterpart (outside the seeds) from the
// per-person ledger, published with small cells suppressed.
// Run: node --conditions=@welfare/source --import tsx examples/evaluate-legnano.ts
import { readFileSync } from "node:fs"
import { join } from "node:path"
import {
  Actor,
  Evaluation,
  GenerativeLens,
  Label,
  Ledger,
  Problem,
  Progress,
  Published,
  Summary,
  Territory
} from "@welfare/core"
import * as Either from "effect/Either"

const orFail = <A>(result: Problem.Result<A>): A =>
  Either.getOrThrowWith(result, (problems) => new Error(problems.map(Problem.format).join("\n")))

// The whole territory document: actors, partnerships, Charter, Pact, co-design, taking charge,
// indicators, assignments, measurements and evaluation rounds, with every reference checked.
const territory = orFail(
  Territory.decode(JSON.parse(readFileSync(join(import.meta.dirname, "territories", "legnano.json"), "utf8")))
)

// 1. Every finding at once, as of the end of March 2018.
const findings = Evaluation.validate(territory, { asOf: "2018-03-31" })
console.log(`findings: ${findings.length}`)
for (const f of findings) console.log(`  ${Problem.formatDiagnostic(f)}`)

// 2. Each municipality summarises its own measurements; the district merges them.
const municipalities = ["legnano", "parabiago", "canegrate"]
const parts = municipalities.map((m) =>
  Summary.fromMeasurements(territory.measurements.filter((x) => x.municipality === m))
)
const district = Summary.mergeAll(parts)
console.log(
  `district = merge of ${parts.length} municipalities: ${Summary.equals(district, Summary.fromMeasurements(territory.measurements))}`
)

// 3. Progress of every assignment, from the merged summary.
const byId = new Map(territory.indicators.map((d) => [d.id as string, d]))
for (const a of territory.assignments) {
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
const published = orFail(Published.merge(parts.map((s) => orFail(Published.publish(s)))))
const hidden = Object.values(published.cells).filter((c) => c.suppressed)
console.log(
  `suppressed cells: ${hidden.map((c) => `${c.municipality} ${c.period.start.slice(0, 4)}`).join(", ")}`
)

// 5. Accountability data of the shared 2017 round, with the signatories of the territory's Pact.
const round = territory.evaluations.find((r) => r.id === "eval-2017")!
const report = Evaluation.accountabilityReport(territory, round, { asOf: "2018-03-31" })
console.log(
  `round ${report.round}: sectors ${report.evaluators.sectors.join(", ")}; final recipients ${report.evaluators.finalRecipients}; evidence ${report.evidence.length}`
)
console.log(`pact ${territory.pact?.id}: ${report.signatories.length} signatories`)
for (const s of report.signatories)
  console.log(
    `  ${s.actor}: committed ${s.committed.responsibilities.join("+")}; answers for ${s.responsibleFor.map((r) => `${r.assignment}=${r.status}`).join(", ") || "nothing"}; delivered ${s.delivered.measurements} measurements, ${s.delivered.hours} hours`
  )

// 6. The ready-made generative lenses, computed from the territory's own models.
const lenses = GenerativeLens.ofTerritory(territory)
for (const d of GenerativeLens.definitions) {
  const f = lenses[d.id]!
  console.log(
    `${d.label.it}: ${f.share === undefined ? "n/a" : `${Math.round(f.share * 10) / 10}%`} (${f.part}/${f.whole})`
  )
}

// 7. The 5R and the social counterpart (Fondazione Zancan, Rapporto sulla lotta alla povertà 2012-2014),
// from the per-person ledger; published figures go through the same suppression as every other.
const fiveR = Ledger.fiveR(territory.ledger)
for (const v of Ledger.verbs) {
  const f = fiveR[v]
  console.log(
    `${Ledger.labels[v].it}: ${f.share === undefined ? "n/a" : `${Math.round(f.share * 10) / 10}%`}`
  )
}
const ledgerFigures = Either.getOrThrow(
  Ledger.publish(territory.ledger, Actor.ActorId.make("ufficio-di-piano"))
)
for (const c of Object.values(ledgerFigures.cells))
  if (c.indicator === Ledger.indicatorIds.counterpart)
    console.log(
      `${Ledger.labels.counterpart.it}, ${c.municipality}: ${c.suppressed ? "< 5 persone (soppresso)" : `${Math.round((Summary.mean(c) ?? 0) * 10) / 10}% (${c.persons} persone)`}`
    )
