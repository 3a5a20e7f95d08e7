/**
 * `welfare assess FILE`: the explained assessment of a territory on the seven
 * dimensions.
 *
 * @since 0.1.0
 */
import { Rubric } from "@welfare/core"
import { Analysis } from "@welfare/report"
import { fromDetail, withStreamed } from "../analysis.js"
import { assessment } from "../explain.js"
import type { DocumentOptions } from "../index.js"
import type { Io } from "../io.js"
import { invalid, loadTerritory } from "../load.js"
import { ExitCode, type Failure } from "../outcome.js"
import { loadRubric } from "../rubric.js"
import type { Format } from "./tables.js"

/**
 * `--format csv|arrow|parquet --out DIR`: the tabular results written as
 * files instead of printed.
 *
 * @category models
 * @since 0.1.0
 */
export interface TablesOptions {
  readonly format: Format
  readonly out: string
}

/**
 * Assesses a territory document (under the default rubric, or the one of
 * `--rubric`): its verdict and index, the interventions' and system readings
 * side by side with coverage, depth and sensitivity, each dimension with its
 * position (or "not observed"), coverage, depth and traits, each intervention
 * with its verdict and sensitivity, the facts the records contradict, the
 * system checks and opportunities, the graded checklists of seeds 001 and
 * 004, the ladder of seed 002, the top recommendations and the findings (or,
 * with `--json`, the profile with its evidence, the sensitivity, the
 * interventions, the recommendations, the network's report and the rubric's
 * provenance; with `--format csv|arrow|parquet --out DIR`, its tables as
 * files: see `tables.ts`).
 *
 * @category commands
 * @since 0.1.0
 */
export const assess = async (
  io: Io,
  options: DocumentOptions & { readonly lang?: "it" | "en"; readonly tables?: TablesOptions }
): Promise<ExitCode | Failure> => {
  const loaded = await loadTerritory(io, options)
  if (loaded._tag === "Failure") return loaded
  if (loaded.value._tag === "Invalid") {
    return invalid(io, options, loaded.value.problems, loaded.value)
  }
  const rubric = await loadRubric(io, options.rubric, options.maxBytes)
  if (rubric._tag === "Failure") return rubric
  const territory = loaded.value.territory
  const streamed = loaded.value.streamed
  const own = Analysis.analyse(territory, { rubric: rubric.value })
  // the measurements of an NDJSON file are summarised, never held: their progress and summary
  const analysis = streamed === undefined ? own : withStreamed(own, fromDetail(territory, streamed))
  if (options.tables !== undefined) {
    const { assessTables, writeTables } = await import("./tables.js")
    return writeTables(io, assessTables(territory, analysis.profile), options.tables)
  }
  if (options.json) {
    const { profile, interventions, recommendations, network, sensitivity } = analysis
    io.stdout(
      `${JSON.stringify(
        {
          territory: territory.name,
          profile,
          sensitivity,
          interventions,
          recommendations,
          network: network.report,
          rubric: { version: analysis.rubric.version, provenance: Rubric.provenance }
        },
        null,
        2
      )}\n`
    )
    return ExitCode.ok
  }
  io.stdout(`${assessment(territory.name, analysis, options.lang ?? "it").join("\n")}\n`)
  return ExitCode.ok
}
