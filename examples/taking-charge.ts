/**
 * One taking-charge case of the Ambito di Legnano, along seed 003's traceable
 * path "bisogno – domanda – scelta" (row 29): a social sensor (row 85), the
 * Oratorio San Domenico, notices a vulnerability between work and housing
 * (workshop 3); the social service records a second, overt need; the person
 * expresses a demand; the choice is taken with her, with her own time and
 * competences (move 7 of seed 001); the case is brought into a community
 * response (row 32). Prints the trace in Italian and in English.
 *
 * Run: node --conditions=@welfare/source --import tsx examples/taking-charge.ts
 */
import { readFileSync } from "node:fs"
import {
  Access,
  Decoder,
  Need,
  Problem,
  Requirement,
  Responsibility,
  TakingCharge,
  Territory
} from "@welfare/core"
import { Either, Schema } from "effect"

const read = (name: string): unknown => JSON.parse(readFileSync(new URL(name, import.meta.url), "utf8"))
const fail = (problems: ReadonlyArray<Problem.Problem>): never => {
  for (const problem of problems) console.error(Problem.format(problem))
  process.exit(1)
}

const territory = Either.getOrElse(Territory.decode(read("./territories/legnano.json")), fail)
const fragment = Either.getOrElse(
  Decoder.lazy(
    Schema.Struct({
      needs: Schema.Array(Need.Need),
      responsibilities: Schema.Array(Responsibility.Assignment),
      requirements: Schema.Array(Requirement.Requirement),
      takingCharge: Schema.Array(TakingCharge.Event)
    })
  )(read("./territories/legnano.needs.json")),
  fail
)

// Every reference of the fragment points into the territory.
const actors = new Set<string>(territory.actors.map((a) => a.id))
const needs = new Set<string>(fragment.needs.map((n) => n.id))
const references = [
  ...Need.referenceProblems(fragment.needs, { actors }, ["needs"]),
  ...Requirement.referenceProblems(fragment.requirements, { actors, needs }, ["requirements"]),
  ...TakingCharge.referenceProblems(fragment.takingCharge, { actors, needs }, ["takingCharge"]),
  ...TakingCharge.historyProblems(fragment.takingCharge, ["takingCharge"], { needs })
]
if (references.length > 0) fail(references)

// The need, and the community reading of it as a requirement (seed 000, row 6).
const [sensed] = fragment.needs
console.log(
  `${sensed!.id}: ${Need.statusLabels[sensed!.status].it} / ${Need.statusLabels[sensed!.status].en}, ` +
    `complex: ${Need.isComplex(sensed!)}, no man's land: ${Responsibility.isNoMansLand(sensed!, territory.responsibilities)}`
)
const byId = Territory.actorsById(territory)
const [requirement] = fragment.requirements
console.log(
  `${requirement!.id}: gaps for a generative reading: ${Requirement.gaps(requirement!, byId).length}`
)

// The path of the case, replayed and traced.
const result = TakingCharge.replay(fragment.takingCharge)
if (Either.isLeft(result)) fail(result.left.map((p) => TakingCharge.toProblem(p, ["takingCharge"])))
const state = Either.getOrThrow(result)!
console.log(
  `${state.caseId}: ${TakingCharge.stageLabels[state.stage].it} / ${TakingCharge.stageLabels[state.stage].en}`
)
for (const lang of ["it", "en"] as const) {
  console.log(`Trace (${lang}):`)
  for (const step of TakingCharge.trace(fragment.takingCharge))
    console.log(`  ${TakingCharge.formatStep(step, lang)}`)
}
const p = TakingCharge.personalisation(state)
console.log(
  `Personalisation: ${TakingCharge.personalisationLabels[p.kind].it} / ${TakingCharge.personalisationLabels[p.kind].en} ` +
    `(the person brings ${p.contribution.join(", ")}; receives ${p.benefits.join(", ")})`
)
console.log(`Next: ${TakingCharge.next(state).join(", ")}`)

// Who each access reaches among the persons the needs concern (counts only).
const w = Access.widening(Access.populationFromNeeds(fragment.needs))
console.log(`Access: traditional ${w.traditional}, generative ${w.generative}, widened ${w.widened}`)
