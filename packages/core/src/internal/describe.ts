/**
 * A short, safe description of an offending value: a number, or the kind of
 * value (`a text of 12 characters`, `a list`, `an object`), never the text
 * itself (a wrong enum value or a number typed as words may be a name or a
 * note about a person, issue 14), so no personal free text reaches a message.
 * @internal
 */
export const describe = (u: unknown): string => {
  if (typeof u === "string")
    return u.length === 0
      ? "an empty text"
      : u.trim().length === 0
        ? `a text of ${u.length} ${u.length === 1 ? "space" : "spaces"}`
        : `a text of ${u.length} ${u.length === 1 ? "character" : "characters"}`
  if (u === undefined) return "nothing"
  if (u === null) return "null"
  if (Array.isArray(u)) return "a list"
  if (typeof u === "object") return "an object"
  return String(u)
}
