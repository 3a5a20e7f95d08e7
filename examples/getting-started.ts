// The tour of docs/guides/getting-started.md: decode the example territory,
// assess it, read its partnership network, evaluate it, and render a report.
// Run: node --conditions=@welfare/source --import tsx examples/getting-started.ts
import { readFileSync } from "node:fs"
import {
  Label,
  PartnershipNetwork,
  Problem,
  Published,
  Rubric,
  Summary,
  Territory,
  TerritoryAssessment
} from "@welfare/core"
import { Either } from "effect"

// 1. Decode: the territory or every problem, with its path. Never a throw.
const json: unknown = JSON.parse(readFileSync(new URL("./territories/legnano.json", import.meta.url), "utf8"))
const decoded = Territory.decode(json)
if (Either.isLeft(decoded)) {
  for (const problem of decoded.left) console.error(Problem.format(problem))
  process.exit(1)
}
const territory = decoded.right

// 2. Assess: from traditional (0) to generative (1), as a property of the system.
//    Two readings side by side: the interventions' (with its coverage and depth)
//    and the system's; the verdict is the interventions', capped unless the
//    system is generative too.
const profile = TerritoryAssessment.assessTerritory(territory)
const pct = (x: number) => `${Math.round(x * 100)}%`
console.log(
  `${territory.name}: ${Label.of(Rubric.verdictLabels, profile.class, "en")}, index ${profile.index?.toFixed(2) ?? "not computed"}`
)
console.log(
  `  interventions' reading ${profile.interventionIndex?.toFixed(2) ?? "not computed"} (coverage ${pct(profile.coverage)}, depth ${pct(profile.depth)}), system reading ${profile.systemIndex.toFixed(2)}`
)
if (profile.explanation !== undefined) console.log(`  ${profile.explanation.en}`)

// 3. The partnership network: who ties which sectors together.
const network = PartnershipNetwork.measure(PartnershipNetwork.fromTerritory(territory))
console.log(`  ${network.ties} ties, ${Math.round(network.crossSectorShare * 100)}% across sectors`)

// 4. Evaluate: a summary of the measurements (it merges: per municipality, then
//    the district), published with every cell about fewer than 5 people hidden.
const published = Published.publish(Summary.fromMeasurements(territory.measurements))
if (Either.isRight(published)) {
  const cells = Object.values(published.right.cells)
  const hidden = cells.filter((c) => c.suppressed).length
  console.log(`  ${territory.measurements.length} measurements, ${cells.length} cells, ${hidden} suppressed`)
}
