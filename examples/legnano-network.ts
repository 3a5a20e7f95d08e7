/**
 * The Legnano roadmap of seed 004 (rows 41-55) as data: the steering group
 * (gruppo di regia), the consultation and thematic tables, the network of the
 * volunteering councils, the Citizenship Charter and the Solidarity Pact. It
 * checks every reference and signing rule, then reports how networked the
 * territory is: sectors, ties across them, brokers and isolated actors, in
 * Italian and English.
 *
 * Run: node --conditions=@welfare/source --import tsx examples/legnano-network.ts [--lang=en]
 */
import { readFileSync } from "node:fs"
import {
  CitizenshipCharter,
  type Label,
  Partnership,
  PartnershipNetwork,
  Problem,
  SolidarityPact,
  Territory
} from "@welfare/core"
import { Either } from "effect"

const read = (name: string): unknown =>
  JSON.parse(readFileSync(new URL(`./territories/${name}`, import.meta.url), "utf8"))
const fail = (problems: ReadonlyArray<Problem.Problem>): never => {
  for (const problem of problems) console.error(Problem.format(problem))
  process.exit(1)
}
const langs: ReadonlyArray<Label.Lang> = process.argv.includes("--lang=en")
  ? ["en"]
  : process.argv.includes("--lang=it")
    ? ["it"]
    : ["it", "en"]

const territory = Either.getOrElse(Territory.decode(read("legnano.json")), fail)
const fragment = read("legnano.partnerships.json") as {
  readonly partnerships: ReadonlyArray<unknown>
  readonly charter: unknown
  readonly pact: unknown
}

// Decode every part, collecting every problem with its path in the territory document.
const problems: Array<Problem.Problem> = []
const partnerships: Array<Partnership.Partnership> = []
fragment.partnerships.forEach((input, i) => {
  Either.match(Partnership.decode(input), {
    onLeft: (ps) => problems.push(...Problem.prefix(ps, ["partnerships", i])),
    onRight: (p) => partnerships.push(p)
  })
})
const charter = Either.match(CitizenshipCharter.decode(fragment.charter), {
  onLeft: (ps) => void problems.push(...Problem.prefix(ps, ["charter"])),
  onRight: (c) => c
})
const pact = Either.match(SolidarityPact.decode(fragment.pact), {
  onLeft: (ps) => void problems.push(...Problem.prefix(ps, ["pact"])),
  onRight: (p) => p
})
const actorsById = Territory.actorsById(territory)
const actorIds = new Set<string>(actorsById.keys())
problems.push(...Partnership.referenceProblems(partnerships, { actors: actorIds }, ["partnerships"]))
if (pact !== undefined)
  problems.push(...Problem.prefix(SolidarityPact.validate(pact, charter, actorsById), ["pact"]))
if (problems.length > 0) fail(problems)

const names = (id: string): string => actorsById.get(id as never)?.name ?? id
const network = PartnershipNetwork.fromPartnerships(territory.actors, partnerships)
const report = PartnershipNetwork.measure(network, { maxBrokers: 4 })

console.log(
  `${territory.name}: ${partnerships.length} partnerships, ${charter?.projects.length} Charter projects, ${pact?.signatories.length} Pact signatories`
)
for (const lang of langs) {
  console.log("")
  for (const line of PartnershipNetwork.formatReport(report, lang, names)) console.log(line)
}
