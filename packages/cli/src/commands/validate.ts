/**
 * `welfare validate FILE`: every problem of a territory document, with its path.
 *
 * @since 0.1.0
 */
import type { Territory } from "@welfare/core"
import type { DocumentOptions } from "../index.js"
import type { Io } from "../io.js"
import { loadTerritory, maxPrintedProblems, problemLines } from "../load.js"
import { ExitCode, type Failure } from "../outcome.js"

/**
 * What a valid document holds: the number of items of each non-empty list
 * (`10 municipalities, 25 actors, ...`).
 *
 * @category formatting
 * @since 0.1.0
 */
export const contents = (territory: Territory.Territory): string => {
  const parts = Object.entries(territory)
    .filter(([, value]) => Array.isArray(value) && value.length > 0)
    .map(([key, value]) => `${(value as ReadonlyArray<unknown>).length} ${key}`)
  return parts.length === 0 ? "no records yet" : parts.join(", ")
}

/**
 * Validates a territory document: prints every problem (exit 1) or what the
 * document holds (exit 0).
 *
 * @category commands
 * @since 0.1.0
 */
export const validate = async (io: Io, options: DocumentOptions): Promise<ExitCode | Failure> => {
  const loaded = await loadTerritory(io, options)
  if (loaded._tag === "Failure") return loaded
  const result = loaded.value
  if (options.json) {
    io.stdout(
      `${JSON.stringify(
        {
          file: options.file,
          valid: result._tag === "Valid",
          // the first problems in file order (see problemLines), then how many more there are
          problems:
            result._tag === "Valid"
              ? []
              : result.problems.slice(0, maxPrintedProblems).map((p) => ({
                  file: p.file,
                  code: p.problem.code,
                  path: p.problem.path,
                  message: p.problem.message
                })),
          problemCount: result._tag === "Valid" ? 0 : result.total
        },
        null,
        2
      )}\n`
    )
    return result._tag === "Valid" ? ExitCode.ok : ExitCode.problems
  }
  if (result._tag === "Valid") {
    io.stdout(`${options.file} is a valid territory document: ${contents(result.territory)}\n`)
    return ExitCode.ok
  }
  for (const line of problemLines(result.problems, maxPrintedProblems, result)) io.stdout(`${line}\n`)
  const n = result.total
  io.stdout(`${n} ${n === 1 ? "problem" : "problems"} in ${options.file}\n`)
  return ExitCode.problems
}
