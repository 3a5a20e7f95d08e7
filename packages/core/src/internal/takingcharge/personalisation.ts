/**
 * How personal a taking-charge path is (move 7 of seed 001).
 * @internal
 */
import * as Resource from "../../Resource.js"
import type { CaseState } from "./state.js"

/**
 * How personal a path is (move 7 of seed 001, rows 39-41: personalisation
 * and capacitation, against standardised benefits).
 *
 * - `no-choice-yet`: no choice taken with the person yet.
 * - `benefits-only`: the choice brings no contribution of the person: a
 *   beneficiary, not a bearer of resources (seed 000, row 8).
 * - `co-produced`: the person brings resources or competences and receives benefits.
 * - `contribution-only`: the person brings resources and receives none.
 *
 * @category constants
 * @since 0.1.0
 */
export const personalisationKinds = [
  "no-choice-yet",
  "benefits-only",
  "co-produced",
  "contribution-only"
] as const

/**
 * A kind of personalisation.
 *
 * @category models
 * @since 0.1.0
 */
export type PersonalisationKind = (typeof personalisationKinds)[number]

/**
 * Whether the choice records a contribution of the person: a resource or a
 * competence with a positive amount.
 *
 * @category predicates
 * @since 0.1.0
 */
export const hasPersonContribution = (state: Pick<CaseState, "choice">): boolean =>
  state.choice?.contribution.some((r) => r.amount > 0) === true

/**
 * The personalisation of a path: its kind, and the kinds of resource the
 * person brings and receives.
 *
 * @category models
 * @since 0.1.0
 */
export interface Personalisation {
  readonly kind: PersonalisationKind
  readonly contribution: ReadonlyArray<Resource.ResourceKind>
  readonly benefits: ReadonlyArray<Resource.ResourceKind>
}

export const personalisation = (state: Pick<CaseState, "choice">): Personalisation => {
  if (state.choice === undefined) return { kind: "no-choice-yet", contribution: [], benefits: [] }
  const contribution = Resource.kindsOf(state.choice.contribution)
  const benefits = Resource.kindsOf(state.choice.benefits)
  const kind: PersonalisationKind =
    contribution.length === 0 ? "benefits-only" : benefits.length === 0 ? "contribution-only" : "co-produced"
  return { kind, contribution, benefits }
}
