/**
 * `--rubric FILE`: a rubric read from a JSON file (`Rubric.decode`): any part
 * of a rubric (weights, dimension weights, thresholds, evidence settings,
 * ranking, sensitivity settings), the rest taken from the default rubric.
 *
 * @since 0.2.0
 */
import { Problem, Rubric } from "@welfare/core"
import * as Either from "effect/Either"
import type { Io } from "./io.js"
import { ExitCode, failure, type Outcome, success } from "./outcome.js"
import { readJson } from "./read.js"

/**
 * Reads the rubric at `path` (the default rubric when `path` is undefined);
 * every problem of the file is listed on standard error, each with its path,
 * and the outcome is a failure with exit code 1.
 *
 * @category decoding
 * @since 0.2.0
 */
export const loadRubric = async (
  io: Io,
  path: string | undefined,
  maxBytes: number
): Promise<Outcome<Rubric.Rubric>> => {
  if (path === undefined) return success(Rubric.defaultRubric)
  const json = await readJson(io, path, { maxBytes, what: "rubric" })
  if (json._tag === "Failure") return json
  const decoded = Rubric.decode(json.value)
  if (Either.isRight(decoded)) return success(decoded.right)
  for (const problem of decoded.left) io.stderr(`${path}: ${Problem.format(problem)}\n`)
  return failure(ExitCode.problems, `the rubric ${path} has problems: fix them first`)
}
