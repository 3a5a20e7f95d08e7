/**
 * Corruptions of valid values, as a hostile or careless producer sends them:
 * odd values set, keys deleted, unknown keys added, keys moved to a prototype.
 * Shared by the decoder properties (Decoder.test.ts, ProblemCap.test.ts).
 */
import * as fc from "fast-check"

/** Values a hostile or careless producer sends instead of the right one. */
export const oddValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(
    undefined,
    null,
    Number.NaN,
    -0,
    Number.POSITIVE_INFINITY,
    -1,
    1e13,
    "",
    "   ",
    "x".repeat(201),
    "act 1",
    "citizen",
    "care",
    "euro",
    [],
    {},
    [1],
    true
  ),
  fc.jsonValue({ maxDepth: 2 })
)

type Json = unknown

/** Every path to an object or array inside a value (the root included). */
const containers = (
  u: Json,
  path: ReadonlyArray<string | number> = [],
  seen: Set<object> = new Set()
): Array<ReadonlyArray<string | number>> => {
  // a mutation may have made the value cyclic (an object set inside itself): visit each container once
  if (typeof u !== "object" || u === null || seen.has(u)) return []
  seen.add(u)
  const here = [path]
  for (const k of Object.keys(u)) {
    here.push(
      ...containers((u as Record<string, unknown>)[k], [...path, Array.isArray(u) ? Number(k) : k], seen)
    )
  }
  return here
}

const at = (u: Json, path: ReadonlyArray<string | number>): Record<string, unknown> =>
  path.reduce<unknown>((v, k) => (v as Record<string | number, unknown>)[k], u) as Record<string, unknown>

export type Mutation =
  | { readonly op: "set"; readonly pick: number; readonly key: number; readonly value: unknown }
  | { readonly op: "delete"; readonly pick: number; readonly key: number }
  | { readonly op: "excess"; readonly pick: number; readonly name: string; readonly value: unknown }
  | { readonly op: "inherit"; readonly pick: number; readonly key: number }
  | { readonly op: "proto"; readonly pick: number }

export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ op: fc.constant("set" as const), pick: fc.nat(), key: fc.nat(), value: oddValue }),
  fc.record({ op: fc.constant("delete" as const), pick: fc.nat(), key: fc.nat() }),
  fc.record({
    op: fc.constant("excess" as const),
    pick: fc.nat(),
    name: fc.constantFrom("extra", "note", "constructor", "toString"),
    value: oddValue
  }),
  fc.record({ op: fc.constant("inherit" as const), pick: fc.nat(), key: fc.nat() }),
  fc.record({ op: fc.constant("proto" as const), pick: fc.nat() })
)

/** Applies mutations to a JSON copy of a value; the result may or may not still be valid. */
export const mutate = (value: unknown, mutations: ReadonlyArray<Mutation>): unknown => {
  let root: Json = JSON.parse(JSON.stringify(value))
  for (const m of mutations) {
    const paths = containers(root)
    if (paths.length === 0) return m.op === "set" ? m.value : root
    const path = paths[m.pick % paths.length]!
    const target = at(root, path)
    const keys = Object.keys(target)
    const key = keys.length === 0 ? undefined : keys[("key" in m ? m.key : 0) % keys.length]!
    switch (m.op) {
      case "set":
        if (key !== undefined) target[key] = m.value
        else if (path.length === 0) root = m.value
        break
      case "delete":
        if (key !== undefined && !Array.isArray(target)) delete target[key]
        break
      case "excess":
        if (!Array.isArray(target)) target[m.name] = m.value
        break
      case "inherit": {
        // The key moves to the prototype: effect reads it through the chain only when required.
        if (key === undefined || Array.isArray(target)) break
        const { [key]: moved, ...own } = target
        const moved_ = Object.assign(Object.create({ [key]: moved }), own)
        if (path.length === 0) root = moved_
        else at(root, path.slice(0, -1))[path[path.length - 1]!] = moved_
        break
      }
      case "proto":
        if (!Array.isArray(target) && path.length === 0) {
          root = Object.assign(JSON.parse('{"__proto__": {"kind": "citizen"}}'), target)
        }
        break
    }
  }
  return root
}

export const corrupted = <A>(valid: fc.Arbitrary<A>) =>
  fc.tuple(valid, fc.array(mutation, { minLength: 1, maxLength: 3 })).map(([v, ms]) => mutate(v, ms))
