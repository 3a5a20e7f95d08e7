/**
 * Located problems under a cap (issue 14): the first ones in file order are
 * kept with their file, the others counted by kind, so that a file of a
 * million broken lines holds a thousand problems, not a million. Built on
 * core's `Problem.collector`.
 *
 * @since 0.2.0
 */
import { Problem } from "@welfare/core"
import type { Located } from "./load.js"

/**
 * The first located problems in file order (`kept`), how many there are in
 * all (`total`), and the ones not kept counted by kind (`omitted`).
 *
 * @category models
 * @since 0.2.0
 */
export interface CappedLocated {
  readonly kept: ReadonlyArray<Located>
  readonly total: number
  readonly omitted: Problem.Capped["omitted"]
}

/**
 * Gathers located problems under a cap (default `Problem.defaultMaxProblems`).
 *
 * @category models
 * @since 0.2.0
 */
export interface LocatedCollector {
  readonly add: (located: Located) => void
  /** Adds a capped list after the problems so far: its kept ones, then its count. */
  readonly addCapped: (capped: CappedLocated) => void
  readonly skip: (code: Problem.ProblemCode) => void
  readonly full: () => boolean
  readonly total: () => number
  readonly result: () => CappedLocated
}

/**
 * Makes a {@link LocatedCollector}.
 *
 * @category constructors
 * @since 0.2.0
 */
export const locatedCollector = (max?: number): LocatedCollector => {
  const sink = Problem.collector(max)
  const files: Array<string> = []
  const add = (located: Located): void => {
    if (sink.full()) sink.skip(located.problem.code)
    else {
      files.push(located.file)
      sink.add(located.problem)
    }
  }
  return {
    add,
    addCapped: (capped) => {
      for (const l of capped.kept) add(l)
      for (const [code, n] of Object.entries(capped.omitted)) sink.skip(code as Problem.ProblemCode, n)
    },
    skip: (code) => sink.skip(code),
    full: sink.full,
    total: sink.total,
    result: () => {
      const r = sink.result()
      return {
        kept: r.kept.map((problem, i) => ({ file: files[i]!, problem })),
        total: r.total,
        omitted: r.omitted
      }
    }
  }
}

/**
 * No problem.
 *
 * @category constants
 * @since 0.2.0
 */
export const none: CappedLocated = { kept: [], total: 0, omitted: {} }

/**
 * Caps a list of located problems.
 *
 * @category constructors
 * @since 0.2.0
 */
export const capLocated = (problems: Iterable<Located>, max?: number): CappedLocated => {
  const sink = locatedCollector(max)
  for (const p of problems) sink.add(p)
  return sink.result()
}
