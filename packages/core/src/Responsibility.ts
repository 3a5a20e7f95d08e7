/**
 * The responsibility map: which public body the law assigns to each kind of
 * need in each policy area, and where it assigns none.
 *
 * Seed 004 (row 23) says generative welfare is essential «in presenza di
 * bisogni complessi ... o di nuovi bisogni, rispetto ai quali il legislatore
 * non ha definito il sistema delle responsabilità pubbliche tenute ad
 * intervenire», or people with those needs are left in a «terra di nessuno» or
 * «terra di mezzo». The no man's land is a gap in the law, a property of the
 * *kind* of need and of its policy areas, not a field missing from one
 * record: a need lies there when no assignment of the map gives its kind a
 * public body in any of its policy areas ({@link isNoMansLand}).
 *
 * An assignment names a kind of need (or every kind, when `needKind` is
 * absent) in one policy area and the public body responsible for it, with its
 * legal basis; an assignment with no `body` records the gap explicitly. A
 * kind-specific assignment takes precedence over an area-wide one for the same
 * area.
 *
 * @since 0.1.0
 */

import type * as Effect from "effect/Effect"
import { dual } from "effect/Function"
import * as Schema from "effect/Schema"
import * as Actor from "./Actor.js"
import * as Decoder from "./Decoder.js"
import { toEffect, validator } from "./internal/contract.js"
import { unknownReference } from "./internal/integrity.js"
import { optional, text } from "./internal/schema.js"
import type { Labels } from "./Label.js"
import * as Need from "./Need.js"
import * as PolicyArea from "./PolicyArea.js"
import * as Problem from "./Problem.js"

/**
 * One line of the responsibility map: a kind of need (every kind when absent)
 * in a policy area, the public body the law makes responsible for it (none
 * when absent: the gap is recorded), and the legal basis.
 *
 * @category models
 * @since 0.1.0
 */
export const Assignment = Schema.Struct({
  needKind: optional(Need.NeedKind),
  policyArea: PolicyArea.PolicyArea,
  body: optional(Actor.ActorId),
  basis: optional(
    text(
      "LegalBasis",
      "The law or act that assigns the responsibility (or states that none is assigned), for example L. 328/2000, art. 6.",
      200
    ).annotations({
      arbitrary: () => (fc) =>
        fc.constantFrom("L. 328/2000, art. 6", "L.R. Lombardia 3/2008", "D.Lgs. 502/1992")
    })
  )
}).annotations({
  identifier: "ResponsibilityAssignment",
  title: "ResponsibilityAssignment",
  description:
    "Which public body the law makes responsible for a kind of need in a policy area; no body records a gap (terra di nessuno, seed 004 row 23)."
})

/**
 * @category models
 * @since 0.1.0
 */
export interface Assignment extends Schema.Schema.Type<typeof Assignment> {}

/**
 * The encoded (JSON) form of an assignment.
 *
 * @category models
 * @since 0.1.0
 */
export interface AssignmentEncoded extends Schema.Schema.Encoded<typeof Assignment> {}

/**
 * The public bodies responsible for a need, policy area by policy area, in
 * the need's order of areas: for each area, the bodies of the assignments for
 * the need's kind, or (when there is none for its kind) those of the
 * area-wide assignments. An area with no body is a gap.
 *
 * @category getters
 * @since 0.1.0
 */
export const bodiesFor: {
  (
    map: ReadonlyArray<Assignment>
  ): (need: Pick<Need.Need, "policyAreas" | "kind">) => ReadonlyArray<{
    readonly policyArea: PolicyArea.PolicyArea
    readonly bodies: ReadonlyArray<Actor.ActorId>
  }>
  (
    need: Pick<Need.Need, "policyAreas" | "kind">,
    map: ReadonlyArray<Assignment>
  ): ReadonlyArray<{
    readonly policyArea: PolicyArea.PolicyArea
    readonly bodies: ReadonlyArray<Actor.ActorId>
  }>
} = dual(
  2,
  (
    need: Pick<Need.Need, "policyAreas" | "kind">,
    map: ReadonlyArray<Assignment>
  ): ReadonlyArray<{
    readonly policyArea: PolicyArea.PolicyArea
    readonly bodies: ReadonlyArray<Actor.ActorId>
  }> =>
    need.policyAreas.map((area) => {
      const inArea = map.filter((a) => a.policyArea === area)
      const specific =
        need.kind === undefined
          ? []
          : inArea.filter((a) => a.needKind !== undefined && a.needKind === need.kind)
      const chosen = specific.length > 0 ? specific : inArea.filter((a) => a.needKind === undefined)
      const bodies = [...new Set(chosen.flatMap((a) => (a.body === undefined ? [] : [a.body])))].sort()
      return { policyArea: area, bodies }
    })
)

/**
 * Whether a need lies in a «terra di nessuno» (seed 004, row 23): the map
 * assigns its kind no public body in any of its policy areas. A need the map
 * says nothing about is in no man's land too: nobody is assigned.
 *
 * @example
 * ```ts
 * import * as assert from "node:assert"
 * import { Actor, Need, Responsibility } from "@welfare/core"
 *
 * const map: ReadonlyArray<Responsibility.Assignment> = [
 *   { policyArea: "social-and-health-services", body: Actor.ActorId.make("comune-legnano"), basis: "L. 328/2000, art. 6" },
 *   { needKind: Need.NeedKind.make("working-poor-housing"), policyArea: "housing", basis: "no public body is assigned" }
 * ]
 * const workingPoor = { kind: Need.NeedKind.make("working-poor-housing"), policyAreas: ["housing"] as const }
 * assert.strictEqual(Responsibility.isNoMansLand(workingPoor, map), true)
 * assert.strictEqual(Responsibility.isNoMansLand({ policyAreas: ["social-and-health-services"] }, map), false)
 * ```
 *
 * @category predicates
 * @since 0.1.0
 */
export const isNoMansLand: {
  (map: ReadonlyArray<Assignment>): (need: Pick<Need.Need, "policyAreas" | "kind">) => boolean
  (need: Pick<Need.Need, "policyAreas" | "kind">, map: ReadonlyArray<Assignment>): boolean
} = dual(2, (need: Pick<Need.Need, "policyAreas" | "kind">, map: ReadonlyArray<Assignment>): boolean =>
  bodiesFor(need, map).every((a) => a.bodies.length === 0)
)

/**
 * One row of the map as a planner reads it: a kind of need (absent for needs
 * with no kind) in a policy area, the responsible bodies (none: a gap), and how
 * many of the given needs fall in it.
 *
 * @category models
 * @since 0.1.0
 */
export interface MapRow {
  readonly needKind?: Need.NeedKind
  readonly policyArea: PolicyArea.PolicyArea
  readonly bodies: ReadonlyArray<Actor.ActorId>
  readonly gap: boolean
  readonly needs: number
}

/**
 * The responsibility map that shows the gaps: one row per kind of need and
 * policy area met among the needs (and per line of the map), sorted by kind
 * then area, with its bodies and whether it is a gap. The order of the needs
 * and of the map never changes the result (invariant 4).
 *
 * @category getters
 * @since 0.1.0
 */
export const rows = (
  needs: ReadonlyArray<Pick<Need.Need, "policyAreas" | "kind">>,
  map: ReadonlyArray<Assignment>
): ReadonlyArray<MapRow> => {
  const key = (kind: string | undefined, area: string) => `${kind ?? ""}\u0000${area}`
  const cells = new Map<
    string,
    { kind: Need.NeedKind | undefined; area: PolicyArea.PolicyArea; needs: number }
  >()
  for (const a of map) {
    const k = key(a.needKind, a.policyArea)
    if (!cells.has(k)) cells.set(k, { kind: a.needKind, area: a.policyArea, needs: 0 })
  }
  for (const n of needs)
    for (const area of n.policyAreas) {
      const k = key(n.kind, area)
      const cell = cells.get(k) ?? { kind: n.kind, area, needs: 0 }
      cell.needs++
      cells.set(k, cell)
    }
  return [...cells.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([, c]) => {
      const bodies = bodiesFor(
        { policyAreas: [c.area], ...(c.kind === undefined ? {} : { kind: c.kind }) },
        map
      )[0]!.bodies
      return {
        ...(c.kind === undefined ? {} : { needKind: c.kind }),
        policyArea: c.area,
        bodies,
        gap: bodies.length === 0,
        needs: c.needs
      }
    })
}

/**
 * Every problem of a responsibility map: a body that is not an actor of the
 * territory, or not a public one (the map assigns *public* responsibility,
 * seed 004 row 23: «responsabilità pubbliche»). `path` is where the map sits.
 *
 * @category validation
 * @since 0.1.0
 */
export const referenceProblems = (
  map: ReadonlyArray<Assignment>,
  actorsById: ReadonlyMap<string, Pick<Actor.Actor, "kind">>,
  path: ReadonlyArray<Problem.PathSegment>
): Array<Problem.Problem> => {
  const problems: Array<Problem.Problem> = []
  map.forEach((a, i) => {
    if (a.body === undefined) return
    problems.push(...unknownReference(actorsById, a.body, [...path, i, "body"], "actor", "actors"))
    const actor = actorsById.get(a.body)
    if (actor !== undefined && !Actor.isInstitutional(actor))
      problems.push(
        Problem.make(
          "rule",
          [...path, i, "body"],
          `"${a.body}" is not a public body: the map records the public responsibility the law assigns (seed 004, row 23); name a local authority or public institution, or leave body out to record a gap`
        )
      )
  })
  return problems
}

/**
 * Italian and English labels of the map's columns.
 *
 * @category labels
 * @since 0.1.0
 */
export const labels: Labels<"needKind" | "policyArea" | "bodies" | "gap" | "noMansLand"> = {
  needKind: { it: "Tipo di bisogno", en: "Kind of need" },
  policyArea: { it: "Area di policy", en: "Policy area" },
  bodies: { it: "Ente pubblico responsabile", en: "Responsible public body" },
  gap: { it: "Nessun ente assegnato", en: "No body assigned" },
  noMansLand: { it: "Terra di nessuno", en: "No man's land" }
}

/**
 * Builds an Assignment from typed fields without checking them, for trusted
 * builders (fixtures, generators, code that built them from checked values);
 * {@link make} is the checked way.
 *
 * @category constructors
 * @since 0.3.0
 */
export const unsafeMake = (fields: Assignment): Assignment => fields

const checkFields = validator(Assignment)

/**
 * Builds an Assignment from typed fields, checked against its schema (the
 * refinements and cross-field rules {@link decode} applies): the value, or
 * every problem with its path. Never throws.
 *
 * @category constructors
 * @since 0.3.0
 */
export const make = (fields: Assignment): Problem.Result<Assignment> => checkFields(fields)

const decodeValue = Decoder.lazy(Assignment)

/**
 * Decodes a responsibility assignment from unknown input (parsed JSON), with every problem at
 * once, each with its path; unknown properties are problems. Never throws.
 *
 * @category decoding
 * @since 0.3.0
 */
export const decode = (input: unknown): Problem.Result<Assignment> => decodeValue(input)

/**
 * {@link decode} as an `Effect` that fails with a `Problem.ValidationError`.
 *
 * @category decoding
 * @since 0.3.0
 */
export const decodeEffect: (input: unknown) => Effect.Effect<Assignment, Problem.ValidationError> =
  toEffect(decode)

/**
 * Encodes a responsibility assignment to its JSON form.
 *
 * @category encoding
 * @since 0.3.0
 */
export const encode: (value: Assignment) => AssignmentEncoded = Schema.encodeSync(Assignment)
