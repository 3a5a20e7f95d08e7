/**
 * The scoring of an assessment: facts observed as traits, the reusable kernel, the dimension scores and index, and the assessment of one intervention.
 * @internal
 */
import * as Derivation from "../../Derivation.js"
import * as Dimension from "../../Dimension.js"
import type * as Intervention from "../../Intervention.js"
import * as Rubric from "../../Rubric.js"
import * as Trait from "../../Trait.js"
import type { DimensionScore, Evidence, EvidenceProvenance, Observation, Profile } from "./model.js"

export const catalogue = Trait.catalogue
const n = catalogue.length
const nd = Dimension.values.length
const degreeOf = catalogue.map((t) => t.degree)
const readsOf = catalogue.map((t) => t.reads)

// biome-ignore lint/complexity/useMathMinMax: a NaN degree must read as 0, which Math.max would not do
const clamp01 = (x: number): number => (x > 1 ? 1 : x > 0 ? x : 0)

export const recorded = (value: unknown): boolean =>
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

export const declared: EvidenceProvenance = { kind: "declared" }

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

/** Running sums of a profile's split between derived and declared facts, reset by each {@link score}. */
interface Tally {
  fromDerived: number
  fromDeclared: number
  derivedWeight: number
  presentWeight: number
}

// Scratch like `scratch` above: score is synchronous and never re-entered.
const tally: Tally = { fromDerived: 0, fromDeclared: 0, derivedWeight: 0, presentWeight: 0 }

/**
 * The evidence of trait `i`, present to `degree` under weight `w` in a
 * dimension whose present weight is `total` and whose weight is `dw`; adds its
 * share to the tally.
 */
const traitEvidence = (
  i: number,
  w: number,
  degree: number,
  total: number,
  dw: number,
  observedWeight: number,
  c: Rubric.Compiled,
  provenanceOf: Derivation.Resolved["provenance"] | undefined
): Evidence => {
  const trait = catalogue[i]!
  const share = (w * degree) / total
  const contribution = c.generative[i] === 1 ? share : 0
  const indexContribution = observedWeight > 0 ? (contribution * dw) / observedWeight : 0
  const provenance = evidenceProvenance(trait, provenanceOf)
  tally.presentWeight += w * degree
  if (provenance.kind === "derived") {
    tally.fromDerived += indexContribution
    tally.derivedWeight += w * degree
  } else tally.fromDeclared += indexContribution
  return {
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
}

/**
 * The score of dimension `d`: pushes its observed traits to `observed` and its
 * evidence (traits present) to `evidence`, in catalogue order.
 */
const dimensionScore = (
  d: number,
  degrees: Float64Array,
  seen: Uint8Array,
  c: Rubric.Compiled,
  k: Kernel,
  observedWeight: number,
  provenanceOf: Derivation.Resolved["provenance"] | undefined,
  evidence: Array<Evidence>,
  observed: Array<Observation>
): DimensionScore => {
  const gd = k.g[d]!
  const td = k.t[d]!
  const total = gd + td
  const dw = c.dimensionWeights[d]!
  const own: Array<Evidence> = []
  for (let i = dimensionStart[d]!; i < dimensionStart[d + 1]!; i++) {
    if (seen[i] === 1) observed.push({ trait: catalogue[i]!.id, degree: degrees[i]! })
    const w = c.weights[i]!
    const degree = degrees[i]!
    if (w * degree > 0) {
      const e = traitEvidence(i, w, degree, total, dw, observedWeight, c, provenanceOf)
      own.push(e)
      evidence.push(e)
    }
  }
  const available = c.available[d]!
  const availableG = c.availableGenerative[d]!
  return {
    dimension: Dimension.values[d]!,
    position: total > 0 ? k.positions[d]! : undefined,
    observed: total > 0,
    coverage: available > 0 ? clamp01(k.seenWeight[d]! / available) : 0,
    depth: availableG > 0 ? clamp01(gd / availableG) : 0,
    generative: gd,
    traditional: td,
    evidence: own
  }
}

/**
 * The profile of one intervention from its degrees and observed mask
 * (catalogue order) under a compiled rubric, with its evidence and the split
 * of its index between derived and declared facts.
 */
export const score = (
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
  tally.fromDerived = 0
  tally.fromDeclared = 0
  tally.derivedWeight = 0
  tally.presentWeight = 0
  const provenanceOf = resolved?.provenance
  for (let d = 0; d < nd; d++)
    dimensions[Dimension.values[d]!] = dimensionScore(
      d,
      degrees,
      seen,
      c,
      k,
      observedWeight,
      provenanceOf,
      evidence,
      observed
    )
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
      derived: tally.fromDerived,
      declared: tally.fromDeclared,
      derivedWeightShare: tally.presentWeight > 0 ? tally.derivedWeight / tally.presentWeight : 0
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
