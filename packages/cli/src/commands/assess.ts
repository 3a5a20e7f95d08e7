/**
 * `welfare assess FILE`: the assessment of a territory on the seven dimensions.
 *
 * @since 0.1.0
 */
import { Dimension, Label, Rubric } from "@welfare/core"
import { analyse } from "../analysis.js"
import type { DocumentOptions } from "../index.js"
import type { Io } from "../io.js"
import { formatLocated, loadTerritory } from "../load.js"
import { ExitCode, type Failure, failure } from "../outcome.js"

const n = (x: number) => x.toFixed(2)

/**
 * Assesses a territory document: its class and index, the intervention and
 * system readings, each dimension and each system check (or all of it as
 * JSON with `--json`).
 *
 * @category commands
 * @since 0.1.0
 */
export const assess = async (io: Io, options: DocumentOptions): Promise<ExitCode | Failure> => {
  const loaded = await loadTerritory(io, options)
  if (loaded._tag === "Failure") return loaded
  if (loaded.value._tag === "Invalid") {
    for (const problem of loaded.value.problems) io.stderr(`${formatLocated(problem)}\n`)
    return failure(
      ExitCode.problems,
      `${options.file} has problems: fix them first (welfare validate ${options.file})`
    )
  }
  const { territory, profile } = analyse(loaded.value.territory, loaded.value.streamed)
  if (options.json) {
    io.stdout(`${JSON.stringify({ territory: territory.name, profile }, null, 2)}\n`)
    return ExitCode.ok
  }
  const lines = [
    `${territory.name}: ${Label.of(Rubric.classLabels, profile.class, "en")} (index ${n(profile.index)}; interventions ${n(profile.interventionIndex)}, system ${n(profile.systemIndex)})`,
    ...(profile.capped
      ? ["  capped at transitional: the partnership network is not connected across sectors (invariant 6)"]
      : []),
    `  ${profile.interventions.length} interventions assessed`,
    "Dimensions (0 traditional, 1 generative):",
    ...Dimension.values.map(
      (d) => `  ${n(profile.dimensions[d].position)}  ${Label.of(Dimension.labels, d, "en")}`
    ),
    "System checks:",
    ...profile.system.map((check) => `  ${n(check.value)}  ${check.text.en}`)
  ]
  io.stdout(`${lines.join("\n")}\n`)
  return ExitCode.ok
}
