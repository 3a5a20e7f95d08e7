import * as Problem from "../Problem.js"

type Path = ReadonlyArray<string | number>

/**
 * Reports every item whose id was already used earlier in the same list.
 * @internal
 */
export const duplicateIds = <A>(
  items: ReadonlyArray<A>,
  idOf: (a: A) => string,
  path: Path,
  what: string
): Array<Problem.Problem> => {
  const first = new Map<string, number>()
  const problems: Array<Problem.Problem> = []
  items.forEach((item, i) => {
    const id = idOf(item)
    const at = first.get(id)
    if (at === undefined) first.set(id, i)
    else
      problems.push(
        Problem.make(
          "duplicate-id",
          [...path, i, "id"],
          `the ${what} id "${id}" is already used by ${Problem.formatPath([...path, at])}: give every ${what} its own id`
        )
      )
  })
  return problems
}

/**
 * Reports a reference to an id that is not among the known ones.
 * @internal
 */
export const unknownReference = (
  known: ReadonlySet<string> | ReadonlyMap<string, unknown>,
  id: string,
  path: Path,
  what: string,
  where: string
): Array<Problem.Problem> =>
  known.has(id)
    ? []
    : [
        Problem.make(
          "unknown-reference",
          path,
          `no ${what} has the id "${id}": add it to ${where} or correct the id`
        )
      ]
