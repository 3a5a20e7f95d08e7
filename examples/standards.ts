/**
 * The Ambito di Legnano (seed 004) in the standards its neighbours read:
 * Open Referral HSDS 3.0 for the directory of services, an HL7 FHIR R4 SDOH
 * closed-loop referral for the taking-charge path of seed 003, IATI 2.03
 * results and the Common Impact Data Standard for the indicators (seed 001).
 * Prints what each export holds and what the imports give back.
 *
 * Run: node --conditions=@welfare/source --import tsx examples/standards.ts
 */
import { readFileSync } from "node:fs"
import { Problem, Territory } from "@welfare/core"
import { Cids, Fhir, Hsds, Iati } from "@welfare/interop"
import { Either } from "effect"

const fail = (problems: ReadonlyArray<Problem.Problem>): never => {
  for (const problem of problems) console.error(Problem.format(problem))
  process.exit(1)
}
const territory = Either.getOrElse(
  Territory.decode(JSON.parse(readFileSync(new URL("./territories/legnano.json", import.meta.url), "utf8"))),
  fail
)

// HSDS 3.0: organisations (never citizens), services, municipalities as locations
const dataset = Hsds.fromTerritory(territory)
console.log(
  `HSDS: ${dataset.organization.length} organizations, ${dataset.service.length} services, ${dataset.location.length} locations, ${dataset.taxonomy_term.length} terms of the ${Hsds.taxonomyName} taxonomy`
)
const back = Hsds.toTerritory(dataset)
console.log(
  `HSDS import: ${back.actors.length} actors, ${back.interventions.length} interventions, ${back.unmapped.length} unmapped fields`
)

// FHIR R4: one closed-loop referral Bundle per taking-charge case
for (const bundle of Fhir.bundles(territory)) {
  const types = bundle.entry.map((e) => String(e.resource.resourceType))
  const count = (t: string) => types.filter((x) => x === t).length
  console.log(
    `FHIR ${bundle.identifier.value}: ${count("Condition")} Condition, ${count("ServiceRequest")} ServiceRequest, ${count("Task")} Task, ${count("Goal")} Goal, ${count("Procedure")} Procedure, ${count("Consent")} Consent, ${count("Organization")} Organization`
  )
  const events = Fhir.events(bundle)
  console.log(
    `FHIR import: ${Either.isRight(events) ? `${events.right.length} events, as recorded` : "problems"}`
  )
}

// IATI 2.03: results with only the cells Published.publish publishes
const xml = Iati.activities(territory)
console.log(
  `IATI: ${(xml.match(/<result /g) ?? []).length} results, ${(xml.match(/<period>/g) ?? []).length} periods, ${(xml.match(/<actual /g) ?? []).length} actuals`
)

// CIDS JSON-LD, Essential tier
const graph = Cids.document(territory)["@graph"]
const types = [...new Set(graph.map((n) => String(n["@type"])))]
console.log(`CIDS: ${types.map((t) => `${graph.filter((n) => n["@type"] === t).length} ${t}`).join(", ")}`)
