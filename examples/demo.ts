/**
 * The Quick start demo: decodes the example territory (the Ambito di Legnano
 * of seed 004), reports any problem, and prints what it holds.
 *
 * Run: pnpm demo
 */
import { readFileSync } from "node:fs"
import { Actor, Label, Problem, Resource, Territory } from "@welfare/core"
import { Either } from "effect"

const file = new URL("./territories/legnano.json", import.meta.url)
const lang: Label.Lang = process.argv.includes("--lang=en") ? "en" : "it"

const result = Territory.decode(JSON.parse(readFileSync(file, "utf8")))
if (Either.isLeft(result)) {
  for (const problem of result.left) console.error(Problem.format(problem))
  process.exit(1)
}
const territory = result.right

console.log(
  `${territory.name}: ${territory.municipalities.length} municipalities, ${territory.actors.length} actors`
)
const counts = Territory.sectorCounts(territory)
for (const sector of Actor.sectors) {
  console.log(`  ${Label.of(Actor.sectorLabels, sector, lang).padEnd(38)} ${counts[sector]}`)
}
const totals = Resource.totals(territory.actors.flatMap((a) => a.resources))
console.log("Resources brought by the community:")
for (const kind of Resource.kinds) {
  for (const unit of Resource.unitsByKind[kind]) {
    const amount = totals[kind][unit]
    if (amount > 0)
      console.log(
        `  ${Label.of(Resource.kindLabels, kind, lang).padEnd(20)} ${amount.toLocaleString("it-IT").padStart(10)} ${Label.of(Resource.unitLabels, unit, lang)}`
      )
  }
}
