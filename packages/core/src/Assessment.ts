/**
 * The assessment: places an intervention on each of the seven dimensions of
 * seed 000, from traditional (0) to generative (1), says how much of the
 * evidence it rests on, explains every point of the score with the seed's own
 * words and the provenance of each fact, gives a verdict, compares two
 * profiles and recommends the changes that would make it more generative.
 *
 * How a profile is computed (see also the guide "The framework"):
 * - the facts of the intervention are read by the trait catalogue: each
 *   trait present to a degree `d` with rubric weight `w` brings `w * d` to
 *   its pole on its dimension; a trait is *observed* when a fact it reads is
 *   recorded, even to degree 0;
 * - a dimension's **coverage** is the weight of its observed traits over the
 *   weight of all its traits; its **position** (balance) is `G / (G + T)`, the
 *   generative weight present over all the weight present, and its **depth**
 *   `G` over the generative weight available. A dimension with nothing
 *   observed is **unobserved**: it has no position and is left out of the
 *   index (it is not 0.5);
 * - the **index** is the weighted mean of the positions of the observed
 *   dimensions (undefined when none is); **coverage** and **depth** of the
 *   profile are the weighted means over all seven dimensions;
 * - the **verdict** (`Rubric.verdict`) is `insufficient-evidence` below the
 *   rubric's minimum coverage, otherwise the class of the index, with the
 *   generative class only at the rubric's minimum depth.
 *
 * Every evidence item names its trait, dimension, pole, weight (with its
 * provenance), degree, seed source, and whether the facts behind it were
 * declared or derived from the territory's records (with the record ids);
 * the `indexContribution`s of the evidence sum to the index, and
 * `provenance` splits it between derived and declared evidence.
 *
 * Try it in the page: the playground's "Assess an intervention"
 * (`playground/assess.html` of the API site). In a browser bundle, import the
 * module alone (`@welfare/core/Assessment`): it leaves the others out.
 *
 * @example
 * ```ts
 * import * as assert from "node:assert"
 * import * as Assessment from "@welfare/core/Assessment"
 * import * as Intervention from "@welfare/core/Intervention"
 *
 * // A home-care service as the seed's traditional column describes it.
 * const service = {
 *   id: Intervention.InterventionId.make("int-sad"),
 *   designed: "by-for",
 *   delivery: "request-benefit",
 *   governance: "vertical",
 *   userRole: "passive-beneficiary",
 *   operatorRole: "specialist",
 *   access: "overt-need-only"
 * } as const
 * const profile = Assessment.assess(service)
 * assert.strictEqual(profile.index, 0)
 * // Six facts cover a quarter of the evidence: too little for a class.
 * assert.strictEqual(profile.class, "insufficient-evidence")
 * // The first recommendation: design it with the people it is for.
 * const [first] = Assessment.recommend(service)
 * assert.strictEqual(first?.trait, "designed-with")
 * const after = Assessment.assess(Assessment.apply(service, first!))
 * assert.strictEqual(after.index, 0.25)
 * ```
 *
 * @since 0.1.0
 */
import { dual } from "effect/Function"
import * as Derivation from "./Derivation.js"
import * as Dimension from "./Dimension.js"
import type * as Intervention from "./Intervention.js"
import type { Text } from "./Label.js"
import * as Rubric from "./Rubric.js"
import * as Trait from "./Trait.js"

/**
 * A trait observed in some facts, to a degree in [0, 1]. A degree of 0 says
 * the trait's facts are recorded and show it absent.
 *
 * @category models
 * @since 0.1.0
 */
export interface Observation {
  readonly trait: Trait.TraitId
  readonly degree: number
}

/**
 * Whether the facts behind an evidence item were typed by a user or read
 * from the territory's records (with the ids of those records).
 *
 * @category models
 * @since 0.2.0
 */
export type EvidenceProvenance =
  | { readonly kind: "declared" }
  | {
      readonly kind: "derived"
      readonly rules: ReadonlyArray<Derivation.Rule>
      readonly records: ReadonlyArray<string>
    }

/**
 * One evidence item: a trait present, what it weighs, and the part of the
 * score it explains.
 *
 * - `share`: its weight present over all the weight present on its dimension
 *   (the shares of a dimension sum to 1);
 * - `contribution`: the part of the dimension's position it brings (its share
 *   for a generative trait, 0 for a traditional one): the contributions of a
 *   dimension sum to its position;
 * - `indexContribution`: its contribution to the overall index (the
 *   contributions of all evidence sum to the index);
 * - `provenance`: declared, or derived from the records.
 *
 * @category models
 * @since 0.1.0
 */
export interface Evidence {
  readonly trait: Trait.TraitId
  readonly dimension: Dimension.Dimension
  readonly pole: Dimension.Pole
  readonly weight: number
  readonly weightProvenance: Trait.Provenance
  readonly degree: number
  readonly share: number
  readonly contribution: number
  readonly indexContribution: number
  readonly source: Dimension.Source
  readonly text: Text
  readonly provenance: EvidenceProvenance
}

/**
 * The reading of a profile on one dimension, with its evidence.
 *
 * @category models
 * @since 0.1.0
 */
export interface DimensionScore {
  readonly dimension: Dimension.Dimension
  /** Balance in [0, 1] (0 traditional, 1 generative); undefined when nothing was observed. */
  readonly position: number | undefined
  /** Whether any weighed trait of the dimension is present. */
  readonly observed: boolean
  /** The weight of its observed traits over the weight of all its traits, in [0, 1]. */
  readonly coverage: number
  /** The generative weight present over the generative weight available, in [0, 1]. */
  readonly depth: number
  /** The generative weight present. */
  readonly generative: number
  /** The traditional weight present. */
  readonly traditional: number
  readonly evidence: ReadonlyArray<Evidence>
}

/**
 * How the index splits between evidence derived from the records and
 * evidence declared by a user (`derived + declared = index`), and the same
 * split of the weight present.
 *
 * @category models
 * @since 0.2.0
 */
export interface ProvenanceSummary {
  readonly derived: number
  readonly declared: number
  /** The share of the weight present that rests on derived facts, in [0, 1]. */
  readonly derivedWeightShare: number
}

/**
 * The profile of an intervention: a reading per dimension, the index (the
 * balance over the observed dimensions; undefined when none is), coverage,
 * depth, the verdict, every evidence item behind them (in catalogue order),
 * the traits observed, the provenance summary, and the contradictions
 * between declared facts and the records.
 *
 * @category models
 * @since 0.1.0
 */
export interface Profile {
  readonly intervention?: Intervention.InterventionId
  readonly dimensions: { readonly [D in Dimension.Dimension]: DimensionScore }
  readonly index: number | undefined
  readonly coverage: number
  readonly depth: number
  readonly observedDimensions: number
  readonly class: Rubric.Verdict
  readonly evidence: ReadonlyArray<Evidence>
  /** The traits whose facts are recorded (present or not), in catalogue order. */
  readonly observed: ReadonlyArray<Observation>
  readonly provenance: ProvenanceSummary
  readonly contradictions: ReadonlyArray<Derivation.Contradiction>
}

const catalogue = Trait.catalogue
const n = catalogue.length
const nd = Dimension.values.length
const degreeOf = catalogue.map((t) => t.degree)
const readsOf = catalogue.map((t) => t.reads)

// biome-ignore lint/complexity/useMathMinMax: a NaN degree must read as 0, which Math.max would not do
const clamp01 = (x: number): number => (x > 1 ? 1 : x > 0 ? x : 0)

const recorded = (value: unknown): boolean =>
  value !== undefined && !(Array.isArray(value) && value.length === 0)

/**
 * Whether the facts record something a trait reads.
 *
 * @category calculators
 * @since 0.2.0
 */
export const isObserved = (facts: Intervention.InterventionInput, trait: Trait.TraitId): boolean =>
  Trait.byId[trait].reads.some((f) => recorded(facts[f]))

/**
 * The traits whose facts are recorded, in catalogue order, with the degree
 * the facts show (0 when they show the trait absent).
 *
 * @category calculators
 * @since 0.1.0
 */
export const observe = (facts: Intervention.InterventionInput): ReadonlyArray<Observation> => {
  const out: Array<Observation> = []
  for (let i = 0; i < n; i++)
    if (readsOf[i]!.some((f) => recorded(facts[f])))
      out.push({ trait: catalogue[i]!.id, degree: clamp01(degreeOf[i]!(facts)) })
  return out
}

/**
 * The numbers of a profile, computed into arrays: the one kernel behind
 * {@link assess}, territory assessment and the sensitivity analysis.
 *
 * @internal
 */
export interface Kernel {
  readonly g: Float64Array
  readonly t: Float64Array
  readonly seenWeight: Float64Array
  readonly positions: Float64Array
  readonly available: Float64Array
  readonly availableG: Float64Array
  index: number
  coverage: number
  depth: number
  observedDimensions: number
}

/** @internal */
export const kernel = (): Kernel => ({
  g: new Float64Array(nd),
  t: new Float64Array(nd),
  seenWeight: new Float64Array(nd),
  positions: new Float64Array(nd),
  available: new Float64Array(nd),
  availableG: new Float64Array(nd),
  index: Number.NaN,
  coverage: 0,
  depth: 0,
  observedDimensions: 0
})

/**
 * Computes a profile's numbers from degrees and the observed mask (catalogue
 * order) under compiled weights. `index` is NaN when no dimension is
 * observed; a position is NaN on an unobserved dimension.
 *
 * @internal
 */
export const compute = (
  degrees: Float64Array,
  seen: Uint8Array,
  weights: Float64Array,
  dimensionWeights: Float64Array,
  c: Rubric.Compiled,
  k: Kernel
): Kernel => {
  const { g, t, seenWeight, positions, available, availableG } = k
  g.fill(0)
  t.fill(0)
  seenWeight.fill(0)
  available.fill(0)
  availableG.fill(0)
  for (let i = 0; i < n; i++) {
    const w = weights[i]!
    const d = c.dimensionOf[i]!
    available[d]! += w
    if (c.generative[i] === 1) availableG[d]! += w
    if (seen[i] === 1) seenWeight[d]! += w
    const wd = w * degrees[i]!
    if (wd > 0) {
      if (c.generative[i] === 1) g[d]! += wd
      else t[d]! += wd
    }
  }
  let weighted = 0
  let observedWeight = 0
  let coverage = 0
  let depth = 0
  let totalWeight = 0
  let observedDimensions = 0
  for (let d = 0; d < nd; d++) {
    const dw = dimensionWeights[d]!
    totalWeight += dw
    const total = g[d]! + t[d]!
    if (total > 0) {
      positions[d] = g[d]! / total
      weighted += dw * positions[d]!
      observedWeight += dw
      observedDimensions++
    } else positions[d] = Number.NaN
    coverage += dw * (available[d]! > 0 ? seenWeight[d]! / available[d]! : 0)
    depth += dw * (availableG[d]! > 0 ? g[d]! / availableG[d]! : 0)
  }
  k.index = observedWeight > 0 ? clamp01(weighted / observedWeight) : Number.NaN
  k.coverage = totalWeight > 0 ? clamp01(coverage / totalWeight) : 0
  k.depth = totalWeight > 0 ? clamp01(depth / totalWeight) : 0
  k.observedDimensions = observedDimensions
  return k
}

// Scratch buffers: assessing is synchronous and never re-entered, so reusing
// them keeps it a tight loop without changing any result.
const scratch = kernel()
const scratchDegrees = new Float64Array(n)
const scratchSeen = new Uint8Array(n)

/**
 * Reads the facts of an intervention into degrees and the observed mask
 * (catalogue order).
 *
 * @internal
 */
export const read = (
  facts: Intervention.InterventionInput,
  degrees: Float64Array,
  seen: Uint8Array
): void => {
  for (let i = 0; i < n; i++) {
    seen[i] = readsOf[i]!.some((f) => recorded(facts[f])) ? 1 : 0
    degrees[i] = seen[i] === 1 ? clamp01(degreeOf[i]!(facts)) : 0
  }
}

// The catalogue is grouped by dimension: the traits of dimension d are the
// indices [dimensionStart[d], dimensionStart[d + 1]).
const dimensionStart: ReadonlyArray<number> = Dimension.values
  .map((d) => catalogue.findIndex((t) => t.dimension === d))
  .concat([n])

const declared: EvidenceProvenance = { kind: "declared" }

const evidenceProvenance = (
  trait: Trait.Trait,
  provenance: Derivation.Resolved["provenance"] | undefined
): EvidenceProvenance => {
  if (provenance === undefined) return declared
  const rules = new Set<Derivation.Rule>()
  const records = new Set<string>()
  for (const f of trait.reads) {
    const p = provenance[f]
    if (p?.kind === "derived") {
      rules.add(p.rule)
      for (const r of p.records) records.add(r)
    }
  }
  return rules.size === 0 ? declared : { kind: "derived", rules: [...rules], records: [...records].sort() }
}

const score = (
  degrees: Float64Array,
  seen: Uint8Array,
  c: Rubric.Compiled,
  id: Intervention.InterventionId | undefined,
  resolved?: Pick<Derivation.Resolved, "provenance" | "contradictions">
): Profile => {
  const k = compute(degrees, seen, c.weights, c.dimensionWeights, c, scratch)
  const index = Number.isNaN(k.index) ? undefined : k.index
  let observedWeight = 0
  for (let d = 0; d < nd; d++) if (!Number.isNaN(k.positions[d]!)) observedWeight += c.dimensionWeights[d]!
  const evidence: Array<Evidence> = []
  const observed: Array<Observation> = []
  const dimensions = {} as { [D in Dimension.Dimension]: DimensionScore }
  let fromDerived = 0
  let fromDeclared = 0
  let derivedWeight = 0
  let presentWeight = 0
  for (let d = 0; d < nd; d++) {
    const gd = k.g[d]!
    const td = k.t[d]!
    const total = gd + td
    const dw = c.dimensionWeights[d]!
    const own: Array<Evidence> = []
    for (let i = dimensionStart[d]!; i < dimensionStart[d + 1]!; i++) {
      const trait = catalogue[i]!
      if (seen[i] === 1) observed.push({ trait: trait.id, degree: degrees[i]! })
      const w = c.weights[i]!
      const degree = degrees[i]!
      if (w * degree > 0) {
        const share = (w * degree) / total
        const contribution = c.generative[i] === 1 ? share : 0
        const indexContribution = observedWeight > 0 ? (contribution * dw) / observedWeight : 0
        const provenance = evidenceProvenance(trait, resolved?.provenance)
        presentWeight += w * degree
        if (provenance.kind === "derived") {
          fromDerived += indexContribution
          derivedWeight += w * degree
        } else fromDeclared += indexContribution
        const e: Evidence = {
          trait: trait.id,
          dimension: trait.dimension,
          pole: trait.pole,
          weight: w,
          weightProvenance: trait.weightProvenance,
          degree,
          share,
          contribution,
          indexContribution,
          source: trait.source,
          text: trait.text,
          provenance
        }
        own.push(e)
        evidence.push(e)
      }
    }
    const dimension = Dimension.values[d]!
    const available = c.available[d]!
    const availableG = c.availableGenerative[d]!
    dimensions[dimension] = {
      dimension,
      position: total > 0 ? k.positions[d]! : undefined,
      observed: total > 0,
      coverage: available > 0 ? clamp01(k.seenWeight[d]! / available) : 0,
      depth: availableG > 0 ? clamp01(gd / availableG) : 0,
      generative: gd,
      traditional: td,
      evidence: own
    }
  }
  const reading = { index, depth: k.depth, coverage: k.coverage, observedDimensions: k.observedDimensions }
  const profile: Profile = {
    dimensions,
    index,
    coverage: k.coverage,
    depth: k.depth,
    observedDimensions: k.observedDimensions,
    class: Rubric.verdict(reading, c.rubric),
    evidence,
    observed,
    provenance: {
      derived: fromDerived,
      declared: fromDeclared,
      derivedWeightShare: presentWeight > 0 ? derivedWeight / presentWeight : 0
    },
    contradictions: resolved?.contradictions ?? []
  }
  return id === undefined ? profile : { intervention: id, ...profile }
}

/**
 * The profile of a list of observations (see {@link observe}) under a rubric:
 * each listed trait is observed, to its degree. Useful to reason about traits
 * directly; {@link assess} reads the facts first.
 *
 * @category calculators
 * @since 0.1.0
 */
export const fromObservations = (
  observations: ReadonlyArray<Observation>,
  rubric: Rubric.Rubric = Rubric.defaultRubric
): Profile => {
  const degrees = new Float64Array(n)
  const seen = new Uint8Array(n)
  for (const o of observations) {
    const i = Trait.ids.indexOf(o.trait)
    if (i >= 0) {
      seen[i] = 1
      degrees[i] = Math.max(degrees[i]!, clamp01(o.degree))
    }
  }
  return score(degrees, seen, Rubric.compile(rubric), undefined)
}

/**
 * Assesses an intervention from its declared facts: its reading on each of
 * the seven dimensions, its index, coverage, depth and verdict, and the
 * evidence behind every point. To read the facts the territory's records
 * show, use {@link assessIn}.
 *
 * @example
 * ```ts
 * import * as assert from "node:assert"
 * import { Assessment, Intervention } from "@welfare/core"
 *
 * const profile = Assessment.assess({
 *   id: Intervention.InterventionId.make("int-contributo"),
 *   worksOn: "lack",
 *   delivery: "request-benefit",
 *   access: "overt-need-only"
 * })
 * assert.strictEqual(profile.dimensions["delivery-chain"].position, 0)
 * // Nothing is known of the organisation: no position, not 0.5.
 * assert.strictEqual(profile.dimensions.organisation.position, undefined)
 * assert.strictEqual(profile.index, 0)
 * // Three facts are too little to give a class.
 * assert.strictEqual(profile.class, "insufficient-evidence")
 * assert.ok(profile.coverage < 0.2)
 * assert.deepStrictEqual(profile.evidence.map((e) => e.trait), ["works-on-lack", "request-benefit", "overt-need-access"])
 * assert.strictEqual(profile.evidence[1]?.text.it, "Utente fa Richiesta ➔ Operatore risponde offrendo prestazioni")
 * ```
 *
 * @category calculators
 * @since 0.1.0
 */
export const assess = (
  intervention: Intervention.InterventionInput,
  rubric: Rubric.Rubric = Rubric.defaultRubric
): Profile => {
  read(intervention, scratchDegrees, scratchSeen)
  return score(scratchDegrees, scratchSeen, Rubric.compile(rubric), intervention.id)
}

/**
 * Assesses resolved facts (see `Derivation.resolve`): the evidence says which
 * facts were derived from the records, and the profile carries the
 * contradictions.
 *
 * @category calculators
 * @since 0.2.0
 */
export const assessResolved = (
  resolved: Derivation.Resolved,
  rubric: Rubric.Rubric = Rubric.defaultRubric
): Profile => {
  read(resolved.facts, scratchDegrees, scratchSeen)
  return score(scratchDegrees, scratchSeen, Rubric.compile(rubric), resolved.facts.id, resolved)
}

/**
 * Assesses an intervention within its territory: the facts the records show
 * (who read its needs and where, its co-designs, its paths of taking charge,
 * its partnerships' governance) are derived and outrank the declared ones;
 * every difference is a contradiction on the profile.
 *
 * @example
 * ```ts
 * import * as assert from "node:assert"
 * import { Assessment, Intervention } from "@welfare/core"
 *
 * const records = {
 *   actors: [{ id: "comune-legnano", kind: "local-authority" }, { id: "coop-melograno", kind: "social-cooperative" }],
 *   partnerships: [{ id: "pship-appalto", governance: "market", members: [{ actor: "comune-legnano" }, { actor: "coop-melograno" }] }]
 * } as const
 * const profile = Assessment.assessIn(records, {
 *   id: Intervention.InterventionId.make("int-sad"),
 *   governance: "horizontal",
 *   partnerships: ["pship-appalto" as never]
 * })
 * // A contract is not horizontal subsidiarity (seed 001, row 33): the records win.
 * assert.strictEqual(profile.contradictions[0]?.derived, "vertical")
 * assert.deepStrictEqual(profile.evidence[0]?.provenance, { kind: "derived", rules: ["governance-from-partnerships"], records: ["pship-appalto"] })
 * ```
 *
 * @category calculators
 * @since 0.2.0
 */
export const assessIn = (
  records: Derivation.Records | Derivation.Index,
  intervention: Intervention.InterventionInput,
  rubric: Rubric.Rubric = Rubric.defaultRubric
): Profile => {
  const idx = "sectorOf" in records ? records : Derivation.index(records)
  return assessResolved(Derivation.resolve(idx, intervention, rubric.evidence.contradiction), rubric)
}

/**
 * The class of an index under a rubric (the default rubric when omitted).
 *
 * @category calculators
 * @since 0.1.0
 */
export const classify: (index: number, rubric?: Pick<Rubric.Rubric, "thresholds">) => Rubric.Class =
  Rubric.classify

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

const change = (from: number, to: number) => ({ from, to, delta: to - from })
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

/**
 * A recommended change: the generative trait it makes present, the change of
 * facts (`patch`) that does it, the gain of index and of depth it brings,
 * its priority by the seeds, who could act on it (actor kinds) and why (the
 * seed's words).
 *
 * @category models
 * @since 0.1.0
 */
export interface Recommendation {
  readonly trait: Trait.TraitId
  readonly dimension: Dimension.Dimension
  /** The gain of index (0 when the index was or stays undefined). */
  readonly gain: number
  /** The gain of depth. */
  readonly depthGain: number
  /** 1 for the changes the seeds put first, 2 for the others. */
  readonly priority: 1 | 2
  readonly actors: ReadonlyArray<Trait.Action["actors"][number]>
  readonly why: Text
  readonly whySource: Dimension.Source
  readonly text: Text
  readonly change: Text
  readonly source: Dimension.Source
  readonly patch: Trait.Patch
}

const defaultAction = (t: Trait.Trait): Trait.Action => ({
  priority: 2,
  actors: [],
  why: t.text,
  source: t.source
})

/**
 * The generative traits an intervention misses (or shows only in part), each
 * with the change of facts that makes it present, ranked by the rubric's
 * `ranking` rule: by default (`seed-priorities`) the changes the seeds put
 * first (co-design with the recipients and the needs analysis read with them,
 * the citizens' and the community's own resources, the path of
 * responsibility) before the others, and within a priority by the gain of
 * index plus the gain of depth (ties in catalogue order); `index-gain` ranks
 * by the index gain alone. Only changes that raise the index or the depth are
 * listed; each gain is exactly what {@link apply} then {@link assess} would show.
 *
 * @example
 * ```ts
 * import * as assert from "node:assert"
 * import { Assessment, Intervention } from "@welfare/core"
 *
 * const service = { id: Intervention.InterventionId.make("int-1"), delivery: "request-benefit", access: "overt-need-only" } as const
 * const [first] = Assessment.recommend(service)
 * assert.ok(first !== undefined && first.priority === 1)
 * const after = Assessment.assess(Assessment.apply(service, first))
 * assert.ok(Math.abs((after.index ?? 0) - (Assessment.assess(service).index ?? 0) - first.gain) < 1e-12)
 * ```
 *
 * @category calculators
 * @since 0.1.0
 */
export const recommend = (
  intervention: Intervention.InterventionInput,
  rubric: Rubric.Rubric = Rubric.defaultRubric
): ReadonlyArray<Recommendation> => {
  const before = assess(intervention, rubric)
  const base = before.index
  const baseDepth = before.depth
  const out: Array<Recommendation> = []
  for (const trait of catalogue) {
    if (trait.promote === undefined || trait.change === undefined) continue
    if (trait.degree(intervention) >= 1) continue
    const patch = trait.promote(intervention)
    const after = assess(Trait.applyPatch(intervention, patch), rubric)
    const gain = base === undefined || after.index === undefined ? 0 : after.index - base
    const depthGain = after.depth - baseDepth
    if (gain > 0 || depthGain > 0) {
      const action = trait.action ?? defaultAction(trait)
      out.push({
        trait: trait.id,
        dimension: trait.dimension,
        gain,
        depthGain,
        priority: action.priority,
        actors: action.actors,
        why: action.why,
        whySource: action.source,
        text: trait.text,
        change: trait.change,
        source: trait.source,
        patch
      })
    }
  }
  const order = (r: Recommendation) => Trait.ids.indexOf(r.trait)
  return rubric.ranking === "index-gain"
    ? out.sort((x, y) => y.gain - x.gain || y.depthGain - x.depthGain || order(x) - order(y))
    : out.sort(
        (x, y) =>
          x.priority - y.priority || y.gain + y.depthGain - (x.gain + x.depthGain) || order(x) - order(y)
      )
}

/**
 * Applies a recommendation to an intervention's facts.
 *
 * @category calculators
 * @since 0.1.0
 */
export const apply: {
  (
    recommendation: Pick<Recommendation, "patch">
  ): <I extends Intervention.InterventionInput>(intervention: I) => I
  <I extends Intervention.InterventionInput>(
    intervention: I,
    recommendation: Pick<Recommendation, "patch">
  ): I
} = dual(
  2,
  <I extends Intervention.InterventionInput>(
    intervention: I,
    recommendation: Pick<Recommendation, "patch">
  ): I => Trait.applyPatch(intervention, recommendation.patch)
)
