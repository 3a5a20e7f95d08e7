/**
 * Problems under a cap (see `Table.problemSink`).
 *
 * @internal
 */
import { Problem } from "@welfare/core"
import type { ProblemSink, SheetProblem } from "./model.js"

/** See `Table.problemSink`. @internal */
export const problemSink = (max: number = Problem.defaultMaxProblems): ProblemSink => {
  const kept: Array<SheetProblem> = []
  const omitted = new Map<string, number>()
  let rest = 0
  const skip = (code: Problem.ProblemCode, count: number): void => {
    if (count <= 0) return
    rest += count
    omitted.set(code, (omitted.get(code) ?? 0) + count)
  }
  return {
    push: (problem) => {
      if (kept.length < max) kept.push(problem)
      else skip(problem.code, 1)
    },
    skip,
    result: () => {
      if (rest === 0) return kept.slice()
      const byCode = [...omitted].map(([code, n]) => `${n} ${code}`).join(", ")
      return [
        ...kept,
        {
          code: "invalid-value",
          sheet: "",
          path: [],
          message: {
            it: `... e altri ${rest} problemi non mostrati (${byCode}): sono tenuti solo i primi ${kept.length}`,
            en: `... and ${rest} more problems not shown (${byCode}): only the first ${kept.length} are kept`
          }
        }
      ]
    }
  }
}
