/**
 * The trait catalogue: every observable fact of an intervention that moves a
 * dimension of seed 000 towards one pole, with its default weight, its
 * wording in Italian (the seed's own words) and English, the seed file and row
 * it comes from, and the predicate over the intervention's facts that detects
 * it. The catalogue is data, versioned ({@link version}) and shipped with the
 * package.
 *
 * The seed gives the traits (its own words) and the dimension of each; it
 * gives no number. The default weights are an **editorial** choice of this
 * library, labelled so in every trait's `weightProvenance`: a trait stated in
 * the first paragraph of its cell (the sentence that defines the pole) weighs
 * 2, a trait stated in a later paragraph weighs 1, on the reading that a
 * cell's first paragraph defines its pole and the later ones elaborate it.
 * `Sensitivity` shows how much a verdict depends on them.
 *
 * Each trait names the facts it `reads`: a trait is *observed* when one of
 * them is recorded (even if it shows the trait to degree 0), which is what
 * coverage counts. A mixed value (`"both"`) of a fact added in 0.2.0 shows
 * both of its traits to degree {@link mixedDegree}.
 *
 * @since 0.1.0
 */
import type * as Actor from "./Actor.js"
import * as Dimension from "./Dimension.js"
import type * as Intervention from "./Intervention.js"
import type { Text } from "./Label.js"

export { hourValue, mixedDegree, moneyShare } from "./internal/trait/catalogue.js"

import { actions, firstParagraph, laterParagraph, reads, specs } from "./internal/trait/catalogue.js"

/**
 * The version of the catalogue. A rubric names the version it was written for.
 *
 * @category constants
 * @since 0.1.0
 */
export const version = "2.0.0"

/**
 * Every trait id, grouped by dimension, traditional traits first.
 *
 * @category constants
 * @since 0.1.0
 */
export const ids = [
  "works-on-lack",
  "cure-treatment",
  "works-on-interactions",
  "competence-promotion",
  "individual-focus",
  "resources-answer-need",
  "community-processes",
  "resources-sustain-processes",
  "person-with-competences",
  "collects-lacks",
  "read-by-institutions",
  "read-in-institutional-places",
  "designed-by-for",
  "standardised-responses",
  "reads-community",
  "many-interlocutors",
  "daily-life-spaces",
  "designed-with",
  "flexible-responses",
  "request-benefit",
  "third-sector-provider",
  "vertical-management",
  "passive-user",
  "citizen-brings-resources",
  "responsibility-path",
  "cross-sector-reading",
  "horizontal-subsidiarity",
  "active-user",
  "specialist-operator",
  "mediators-as-tools",
  "facilitator-operator",
  "mediators-multiply",
  "sector-by-need-category",
  "shared-objectives",
  "overt-need-access",
  "emergency-plugging",
  "all-paid-all-due",
  "economic-only",
  "vulnerability-access",
  "co-building",
  "co-responsibility",
  "social-capital"
] as const

/**
 * The id of a trait of the catalogue.
 *
 * @category models
 * @since 0.1.0
 */
export type TraitId = (typeof ids)[number]

/**
 * A change of facts: each field set to its new value, or removed when `undefined`.
 *
 * @category models
 * @since 0.1.0
 */
export type Patch = {
  readonly [K in Exclude<keyof Intervention.InterventionInput, "id">]?:
    | Intervention.InterventionInput[K]
    | undefined
}

/**
 * Where a number comes from: the seeds (with the quoted phrase and its row),
 * or an editorial choice of this library (with its reason). No number of the
 * default rubric is given by the seeds; the type keeps room for a rubric
 * whose authors take one from a source.
 *
 * @category models
 * @since 0.2.0
 */
export type Provenance =
  | { readonly kind: "seed"; readonly quote: string; readonly source: Dimension.Source }
  | { readonly kind: "editorial"; readonly rationale: Text }

/**
 * Who could act on a generative trait, and why the seeds put it first:
 * `priority` 1 for the changes seeds 000 and 003 name as the heart of the
 * generative move (co-design with the recipients, the needs analysis
 * co-designed, the citizens' and the community's own resources, the path of
 * responsibility), 2 for the others.
 *
 * @category models
 * @since 0.2.0
 */
export interface Action {
  readonly priority: 1 | 2
  readonly actors: ReadonlyArray<Actor.ActorKind>
  readonly why: Text
  readonly source: Dimension.Source
}

/**
 * A trait: an observable fact that moves one dimension towards one pole.
 *
 * - `degree` tells how much of the trait the facts show, in [0, 1] (0 absent,
 *   1 fully present; a service designed partly "with" shows `designed-with`
 *   to the degree of its `designSplit`).
 * - `promote` (generative traits only) is the smallest change of facts that
 *   makes the trait fully present, used by `Assessment.recommend`.
 *
 * @category models
 * @since 0.1.0
 */
export interface Trait {
  readonly id: TraitId
  readonly dimension: Dimension.Dimension
  readonly pole: Dimension.Pole
  readonly weight: number
  /** Where the default weight comes from (editorial for every trait of the default catalogue). */
  readonly weightProvenance: Provenance
  readonly text: Text
  readonly source: Dimension.Source
  /** The facts this trait reads: it is observed when one of them is recorded. */
  readonly reads: ReadonlyArray<Intervention.FactField>
  /** Who could act on a generative trait, and the seed's reason for its priority. */
  readonly action?: Action
  /** How much of the trait the facts show, in [0, 1] (0 absent, 1 fully present). */
  readonly degree: (facts: Intervention.InterventionInput) => number
  /** The smallest change of facts that makes a generative trait present (generative traits only). */
  readonly promote?: (facts: Intervention.InterventionInput) => Patch
  readonly change?: Text
}

/**
 * The whole catalogue, in the order of {@link ids}.
 *
 * @example
 * ```ts
 * import * as assert from "node:assert"
 * import { Trait } from "@welfare/core"
 *
 * const t = Trait.byId["designed-with"]
 * assert.strictEqual(t.dimension, "needs-analysis")
 * assert.strictEqual(t.pole, "generative")
 * assert.deepStrictEqual(t.source, { file: "000_7a1c4c52d0c555b3.txt", row: 6 })
 * assert.strictEqual(t.text.it, 'Servizio pensato "con..."')
 * ```
 *
 * @category constants
 * @since 0.1.0
 */
export const catalogue: ReadonlyArray<Trait> = ids.map((id): Trait => {
  const { row, file, ...spec } = specs[id]
  const action = actions[id]
  return {
    id,
    ...spec,
    weightProvenance: spec.weight === 2 ? firstParagraph : laterParagraph,
    reads: reads[id],
    ...(action === undefined ? {} : { action }),
    source: { file: file ?? Dimension.seedFile, row: row ?? Dimension.rows[spec.dimension] }
  }
})

/**
 * The catalogue by trait id.
 *
 * @category constants
 * @since 0.1.0
 */
export const byId: { readonly [K in TraitId]: Trait } = Object.fromEntries(
  catalogue.map((t) => [t.id, t])
) as {
  readonly [K in TraitId]: Trait
}

/**
 * Whether a string is a trait id of the catalogue.
 *
 * @category predicates
 * @since 0.1.0
 */
export const isTraitId = (s: string): s is TraitId => Object.hasOwn(byId, s)

/**
 * The traits of one dimension and, optionally, one pole.
 *
 * @category getters
 * @since 0.1.0
 */
export const of = (dimension: Dimension.Dimension, pole?: Dimension.Pole): ReadonlyArray<Trait> =>
  catalogue.filter((t) => t.dimension === dimension && (pole === undefined || t.pole === pole))

/**
 * Applies a patch to an intervention's facts: each field set, or removed when
 * the patch holds `undefined`.
 *
 * @category combinators
 * @since 0.1.0
 */
export const applyPatch = <I extends Intervention.InterventionInput>(facts: I, patch: Patch): I => {
  const out: Record<string, unknown> = { ...facts }
  for (const [k, v] of Object.entries(patch)) {
    if (v === undefined) delete out[k]
    else out[k] = v
  }
  return out as I
}
