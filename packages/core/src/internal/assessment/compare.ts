/**
 * Two profiles compared, dimension by dimension.
 * @internal
 */
import { dual } from "effect/Function"
import * as Dimension from "../../Dimension.js"
import type * as Rubric from "../../Rubric.js"
import type { DimensionScore, Evidence, Profile } from "./model.js"

/**
 * How one dimension changed between two profiles: `delta = to - from`
 * (undefined when either side is unobserved), the change of coverage and
 * depth, and the evidence that appeared, disappeared or changed weight or
 * degree.
 *
 * @category models
 * @since 0.1.0
 */
export interface DimensionChange {
  readonly dimension: Dimension.Dimension
  readonly from: number | undefined
  readonly to: number | undefined
  readonly delta: number | undefined
  readonly coverage: { readonly from: number; readonly to: number; readonly delta: number }
  readonly depth: { readonly from: number; readonly to: number; readonly delta: number }
  readonly added: ReadonlyArray<Evidence>
  readonly removed: ReadonlyArray<Evidence>
  readonly changed: ReadonlyArray<{ readonly from: Evidence; readonly to: Evidence }>
}

/**
 * The comparison of two profiles (for example two years of a service, or two
 * territories): per-dimension deltas with the evidence that changed, and the
 * change of index (undefined when either index is), coverage, depth and verdict.
 *
 * @category models
 * @since 0.1.0
 */
export interface Comparison {
  readonly dimensions: { readonly [D in Dimension.Dimension]: DimensionChange }
  readonly index: {
    readonly from: number | undefined
    readonly to: number | undefined
    readonly delta: number | undefined
  }
  readonly coverage: { readonly from: number; readonly to: number; readonly delta: number }
  readonly depth: { readonly from: number; readonly to: number; readonly delta: number }
  readonly class: { readonly from: Rubric.Verdict; readonly to: Rubric.Verdict }
}

export const change = (from: number, to: number) => ({ from, to, delta: to - from })
const optionalDelta = (from: number | undefined, to: number | undefined): number | undefined =>
  from === undefined || to === undefined ? undefined : to - from

const compareDimension = (a: DimensionScore, b: DimensionScore): DimensionChange => {
  const before = new Map(a.evidence.map((e) => [e.trait, e]))
  const after = new Map(b.evidence.map((e) => [e.trait, e]))
  const changed: Array<{ from: Evidence; to: Evidence }> = []
  for (const e of b.evidence) {
    const old = before.get(e.trait)
    if (old !== undefined && (old.weight !== e.weight || old.degree !== e.degree))
      changed.push({ from: old, to: e })
  }
  return {
    dimension: a.dimension,
    from: a.position,
    to: b.position,
    delta: optionalDelta(a.position, b.position),
    coverage: change(a.coverage, b.coverage),
    depth: change(a.depth, b.depth),
    added: b.evidence.filter((e) => !before.has(e.trait)),
    removed: a.evidence.filter((e) => !after.has(e.trait)),
    changed
  }
}

/**
 * Compares two profiles: `delta = b - a` on every dimension and on the
 * index, coverage and depth, with the evidence that changed. `compare(a, a)`
 * is all zeros (and undefined where a dimension is unobserved).
 *
 * @example
 * ```ts
 * import * as assert from "node:assert"
 * import { Assessment, Intervention } from "@welfare/core"
 *
 * const id = Intervention.InterventionId.make("int-1")
 * const before = Assessment.assess({ id, delivery: "request-benefit" })
 * const after = Assessment.assess({ id, delivery: "resources-responsibility-path" })
 * const c = Assessment.compare(before, after)
 * assert.strictEqual(c.dimensions["delivery-chain"].delta, 1)
 * assert.strictEqual(c.dimensions.organisation.delta, undefined)
 * assert.deepStrictEqual(c.dimensions["delivery-chain"].added.map((e) => e.trait), ["responsibility-path"])
 * ```
 *
 * @category calculators
 * @since 0.1.0
 */
export const compare: {
  (b: Profile): (a: Profile) => Comparison
  (a: Profile, b: Profile): Comparison
} = dual(2, (a: Profile, b: Profile): Comparison => {
  const dimensions = {} as { [D in Dimension.Dimension]: DimensionChange }
  for (const d of Dimension.values) dimensions[d] = compareDimension(a.dimensions[d], b.dimensions[d])
  return {
    dimensions,
    index: { from: a.index, to: b.index, delta: optionalDelta(a.index, b.index) },
    coverage: change(a.coverage, b.coverage),
    depth: change(a.depth, b.depth),
    class: { from: a.class, to: b.class }
  }
})
