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
 * {@link duplicateIds} into a collector: once it is full, a duplicate is only
 * counted (no message built), so a million duplicates cost no memory. Items
 * whose id is `undefined` are skipped.
 * @internal
 */
export const duplicateIdsInto = <A>(
  sink: Problem.Collector,
  items: ReadonlyArray<A>,
  idOf: (a: A) => string | undefined,
  path: Path,
  what: string
): void => {
  const first = new Map<string, number>()
  for (let i = 0; i < items.length; i++) {
    const id = idOf(items[i]!)
    if (id === undefined) continue
    const at = first.get(id)
    if (at === undefined) first.set(id, i)
    else if (sink.full()) sink.skip("duplicate-id")
    else
      sink.add(
        Problem.make(
          "duplicate-id",
          [...path, i, "id"],
          `the ${what} id "${id}" is already used by ${Problem.formatPath([...path, at])}: give every ${what} its own id`
        )
      )
  }
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

/**
 * Reports every item whose municipality is not among the known ones, at
 * `[...path, i, "municipality"]`; once the sink is full a problem is only
 * counted (no message built). The one check behind `Actor.referenceProblems`
 * and the territory's integrity.
 * @internal
 */
export const unknownMunicipalitiesInto = (
  sink: Pick<Problem.Collector, "addAll" | "full" | "skip">,
  items: ReadonlyArray<{ readonly municipality?: string | undefined }>,
  municipalities: ReadonlySet<string>,
  path: Path
): void => {
  items.forEach((item, i) => {
    const municipality = item.municipality
    if (municipality === undefined || municipalities.has(municipality)) return
    if (sink.full()) sink.skip("unknown-reference")
    else
      sink.addAll(
        unknownReference(
          municipalities,
          municipality,
          [...path, i, "municipality"],
          "municipality",
          "municipalities"
        )
      )
  })
}
