/**
 * `welfare evaluate FILE`: the progress of every indicator assignment.
 *
 * @since 0.1.0
 */
import { Label, Progress, Rubric } from "@welfare/core"
import { analyse } from "../analysis.js"
import type { DocumentOptions } from "../index.js"
import type { Io } from "../io.js"
import { invalid, loadTerritory } from "../load.js"
import { ExitCode, type Failure } from "../outcome.js"
import { loadRubric } from "../rubric.js"
import type { TablesOptions } from "./assess.js"

/**
 * Evaluates a territory document: for each indicator assignment, the status
 * of each period against its target (or all of it, with the published
 * summary of the measurements, as JSON with `--json`; with `--format
 * csv|arrow|parquet --out DIR`, the summary, progress, accountability and
 * responsibility tables as files).
 *
 * @category commands
 * @since 0.1.0
 */
export const evaluate = async (
  io: Io,
  options: DocumentOptions & { readonly tables?: TablesOptions }
): Promise<ExitCode | Failure> => {
  const loaded = await loadTerritory(io, options)
  if (loaded._tag === "Failure") return loaded
  if (loaded.value._tag === "Invalid") {
    return invalid(io, options, loaded.value.problems, loaded.value)
  }
  const rubric = await loadRubric(io, options.rubric, options.maxBytes)
  if (rubric._tag === "Failure") return rubric
  const { territory, progress, summary, indicators, profile } = analyse(
    loaded.value.territory,
    loaded.value.streamed,
    rubric.value
  )
  if (options.tables !== undefined) {
    const { evaluateTables, writeTables } = await import("./tables.js")
    return writeTables(io, evaluateTables(loaded.value.territory, { summary, progress }), options.tables)
  }
  if (options.json) {
    io.stdout(`${JSON.stringify({ territory: territory.name, progress, summary }, null, 2)}\n`)
    return ExitCode.ok
  }
  if (progress.length === 0) {
    io.stdout(
      `${territory.name}: no indicator assignment to evaluate (add indicators, assignments and measurements to the document)\n`
    )
    return ExitCode.ok
  }
  const p = profile
  const pct = (x: number) => `${Math.round(x * 100)}%`
  const lines = [
    `${territory.name}: ${progress.length} indicator assignments`,
    `  assessment: ${Rubric.verdictLabels[p.class].en} (interventions' reading ${p.interventionIndex === undefined ? "not computed" : p.interventionIndex.toFixed(2)}, ${Rubric.verdictLabels[p.interventionClass].en}, coverage ${pct(p.coverage)}, depth ${pct(p.depth)}; system reading ${p.systemIndex.toFixed(2)}, ${Rubric.verdictLabels[p.systemClass].en}${p.capped ? "; capped at transitional" : ""}; ${p.contradictions.length} declared facts contradicted by the records): welfare assess explains it`
  ]
  for (const p of progress) {
    lines.push(`  ${p.assignment} (${indicators.get(p.indicator)?.label.en ?? p.indicator})`)
    for (const period of p.periods)
      lines.push(
        `    ${period.period.start}/${period.period.end}  ${Label.of(Progress.statusLabels, period.status, "en")}${period.share === undefined ? "" : ` (${Math.round(period.share * 100)}% of the way to the target)`}`
      )
  }
  io.stdout(`${lines.join("\n")}\n`)
  return ExitCode.ok
}
