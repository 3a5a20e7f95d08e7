/**
 * `welfare assess FILE`: the assessment of a territory on the seven dimensions.
 *
 * @since 0.1.0
 */
import type { DocumentOptions } from "../index.js"
import type { Io } from "../io.js"
import { formatLocated, loadTerritory } from "../load.js"
import { ExitCode, type Failure, failure } from "../outcome.js"

/**
 * Assesses a territory document.
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
  return failure(ExitCode.internal, "the assessment is not available in this version of @welfare/core yet")
}
