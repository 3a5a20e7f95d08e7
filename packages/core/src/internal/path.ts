/** @internal */
export type Path = ReadonlyArray<string | number>

const identifier = /^[A-Za-z_$][A-Za-z0-9_$]*$/

/**
 * Renders a path the way a reader writes it: `actors[3].kind`.
 * @internal
 */
export const formatPath = (path: Path): string => {
  let out = ""
  for (const segment of path) {
    if (typeof segment === "number") out += `[${segment}]`
    else if (identifier.test(segment)) out += out === "" ? segment : `.${segment}`
    else out += `[${JSON.stringify(segment)}]`
  }
  return out
}
