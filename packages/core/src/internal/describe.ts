/**
 * A short, safe description of an offending value: a number, a short quoted
 * text, or the kind of value (`a list`, `an object`), never a whole object or
 * a long text, so no personal free text reaches a message.
 * @internal
 */
export const describe = (u: unknown): string => {
  if (typeof u === "string") return JSON.stringify(u.length > 40 ? `${u.slice(0, 40)}…` : u)
  if (u === undefined) return "nothing"
  if (u === null) return "null"
  if (Array.isArray(u)) return "a list"
  if (typeof u === "object") return "an object"
  return String(u)
}
