/**
 * `welfare report FILE`: a report of a territory in Markdown, HTML or JSON.
 *
 * @since 0.1.0
 */
import type { DocumentOptions } from "../index.js"
import type { Io } from "../io.js"
import { formatLocated, loadTerritory } from "../load.js"
import { ExitCode, type Failure, failure } from "../outcome.js"

/**
 * The options of `welfare report`.
 *
 * @category models
 * @since 0.1.0
 */
export interface ReportOptions extends DocumentOptions {
  readonly format: "md" | "html" | "json"
  readonly lang: "it" | "en"
  readonly out: string | undefined
}

/**
 * Writes the report of a territory document.
 *
 * @category commands
 * @since 0.1.0
 */
export const report = async (io: Io, options: ReportOptions): Promise<ExitCode | Failure> => {
  const loaded = await loadTerritory(io, options)
  if (loaded._tag === "Failure") return loaded
  if (loaded.value._tag === "Invalid") {
    for (const problem of loaded.value.problems) io.stderr(`${formatLocated(problem)}\n`)
    return failure(
      ExitCode.problems,
      `${options.file} has problems: fix them first (welfare validate ${options.file})`
    )
  }
  return failure(ExitCode.internal, "the report is not available in this version of @welfare/report yet")
}
