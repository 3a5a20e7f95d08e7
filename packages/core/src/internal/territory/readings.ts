import type * as Actor from "../../Actor.js"
import * as Assessment from "../../Assessment.js"
import * as Derivation from "../../Derivation.js"
import * as Dimension from "../../Dimension.js"
import * as Intervention from "../../Intervention.js"
import { tagOf } from "../../internal/codesign/tag.js"
import * as Rubric from "../../Rubric.js"
import * as Trait from "../../Trait.js"
import { type Counter, counter, traitIndex } from "./common.js"
import type { InterventionLine, TerritoryDimension, TerritoryLike, TraitCount } from "./model.js"

export interface Network {
  readonly generative: ReadonlySet<string>
  readonly members: ReadonlySet<string>
  readonly sectors: ReadonlySet<string>
  readonly areas: ReadonlySet<string>
  readonly real: Counter
  readonly networkLogic: Counter
  readonly generativeCount: Counter
}

// Partnerships of two members or more; generative ones have a network logic
// and members from two sectors or more (seed 001, row 33; seed 001, row 29).
export const readNetwork = (
  territory: TerritoryLike,
  sectorOf: ReadonlyMap<string, Actor.Sector>
): Network => {
  const generative = new Set<string>()
  const members = new Set<string>()
  const sectors = new Set<string>()
  const areas = new Set<string>()
  const real = counter()
  const networkLogic = counter()
  const generativeCount = counter()
  const seen = new Set<string>()
  for (const p of territory.partnerships ?? []) {
    if (seen.has(p.id)) continue
    seen.add(p.id)
    const own = new Set(p.members.map((m) => m.actor))
    if (own.size < 2) continue
    real.add(p.id)
    if (p.governance !== "network") continue
    networkLogic.add(p.id)
    const ownSectors = new Set<string>()
    for (const m of own) {
      const s = sectorOf.get(m)
      if (s !== undefined) ownSectors.add(s)
    }
    if (ownSectors.size < 2) continue
    generative.add(p.id)
    generativeCount.add(p.id)
    for (const m of own) members.add(m)
    for (const s of ownSectors) sectors.add(s)
    for (const a of p.policyAreas ?? []) areas.add(a)
  }
  return { generative, members, sectors, areas, real, networkLogic, generativeCount }
}

export interface Paths {
  readonly withChoice: Counter
  readonly contributing: Counter
  readonly coProduced: Counter
  readonly complex: Counter
  readonly complexWithResponse: Counter
}

// The paths of taking charge, case by case (seed 001, rows 17 and 41; seed 004, rows 32 and 36).
export const readPaths = (territory: TerritoryLike): Paths => {
  const areasOf = new Map<string, ReadonlyArray<string>>()
  for (const n of territory.needs ?? []) if (!areasOf.has(n.id)) areasOf.set(n.id, n.policyAreas ?? [])
  const cases = new Map<string, { areas: Set<string>; choice?: Derivation.CaseEvent; response: boolean }>()
  for (const e of territory.takingCharge ?? []) {
    let c = cases.get(e.caseId)
    if (c === undefined) {
      c = { areas: new Set(), response: false }
      cases.set(e.caseId, c)
    }
    if (e._tag === "NeedRecorded" && e.need !== undefined)
      for (const a of areasOf.get(e.need) ?? []) c.areas.add(a)
    else if (e._tag === "ChoiceMade") c.choice = e
    else if (e._tag === "CommunityResponseLinked") c.response = true
  }
  const withChoice = counter()
  const contributing = counter()
  const coProduced = counter()
  const complex = counter()
  const complexWithResponse = counter()
  for (const [id, c] of cases) {
    if (c.areas.size >= 2) {
      complex.add(id)
      if (c.response) complexWithResponse.add(id)
    }
    if (c.choice === undefined) continue
    withChoice.add(id)
    const gives = (c.choice.contribution ?? []).some((r) => r.amount > 0)
    const receives = (c.choice.benefits ?? []).some((r) => r.amount > 0)
    if (gives) contributing.add(id)
    if (gives && receives) coProduced.add(id)
  }
  return { withChoice, contributing, coProduced, complex, complexWithResponse }
}

export interface InterventionsReading {
  readonly lines: ReadonlyArray<InterventionLine>
  readonly dimensions: { readonly [D in Dimension.Dimension]: TerritoryDimension }
  readonly traits: ReadonlyArray<TraitCount>
  readonly index: number | undefined
  readonly coverage: number
  readonly depth: number
  readonly observedDimensions: number
  readonly contradictions: ReadonlyArray<Derivation.Contradiction>
  readonly inNetwork: Counter
  readonly coDesigned: Counter
  readonly givenByPeople: Counter
  readonly sustain: Counter
  readonly pooled: Counter
  readonly mutual: Counter
  readonly collaboration: Counter
  readonly providers: ReadonlySet<string>
}

export const mean = (values: Float64Array): number => {
  // Summed in sorted order so that the mean never depends on the order of the interventions (invariant 4).
  values.sort()
  let sum = 0
  for (const x of values) sum += x
  return values.length > 0 ? sum / values.length : 0
}

// Each intervention assessed on its resolved facts, in one pass.
export const readInterventions = (
  territory: TerritoryLike,
  rubric: Rubric.Rubric,
  network: Network
): InterventionsReading => {
  const c = Rubric.compile(rubric)
  const interventions = territory.interventions ?? []
  const idx = Derivation.index(territory)
  const coDesigns = new Set<string>()
  for (const p of territory.coDesigns ?? [])
    if (p.events.some((e) => tagOf(e) === "participation-recorded")) coDesigns.add(p.id)
  const degrees = new Float64Array(Trait.ids.length)
  const seen = new Uint8Array(Trait.ids.length)
  const k = Assessment.kernel()
  const scores = scoreColumns(interventions.length)
  const moves = movements()
  const lines: Array<InterventionLine> = []
  const contradictions: Array<Derivation.Contradiction> = []
  interventions.forEach((intervention, j) => {
    const resolved = Derivation.resolve(idx, intervention, rubric.evidence.contradiction)
    contradictions.push(...resolved.contradictions)
    Assessment.read(resolved.facts, degrees, seen)
    Assessment.compute(degrees, seen, c.weights, c.dimensionWeights, c, k)
    const derivedShare = recordScores(scores, c, k, degrees, resolved.provenance, j)
    const index = Number.isNaN(k.index) ? undefined : k.index
    lines.push({
      id: intervention.id,
      index,
      class: Rubric.verdict(
        { index, depth: k.depth, coverage: k.coverage, observedDimensions: k.observedDimensions },
        rubric
      ),
      coverage: k.coverage,
      depth: k.depth,
      derivedShare
    })
    recordMovements(moves, intervention, resolved.facts, degrees, network, coDesigns)
  })
  contradictions.sort((a, b) =>
    a.intervention < b.intervention ? -1 : a.intervention > b.intervention ? 1 : a.field < b.field ? -1 : 1
  )
  const { dimensions, index, observedDimensions } = territoryDimensions(c, scores)
  return {
    lines,
    dimensions,
    traits: traitCounts(scores.traitCounts),
    index,
    coverage: mean(scores.overallCoverage),
    depth: mean(scores.overallDepth),
    observedDimensions,
    contradictions,
    inNetwork: moves.inNetwork,
    coDesigned: moves.coDesigned,
    givenByPeople: moves.givenByPeople,
    sustain: moves.sustain,
    pooled: moves.pooled,
    mutual: moves.mutual,
    collaboration: moves.collaboration,
    providers: moves.providers
  }
}

/** Each intervention's numbers, in columns (one slot per intervention), and each trait's count. */
interface ScoreColumns {
  /** Per dimension, the positions where it is observed, packed: `observedIn[d]` of them. */
  readonly positions: ReadonlyArray<Float64Array>
  readonly observedIn: Int32Array
  readonly coverages: ReadonlyArray<Float64Array>
  readonly depths: ReadonlyArray<Float64Array>
  readonly overallCoverage: Float64Array
  readonly overallDepth: Float64Array
  readonly traitCounts: Int32Array
}

const scoreColumns = (m: number): ScoreColumns => {
  const nd = Dimension.values.length
  return {
    positions: Array.from({ length: nd }, () => new Float64Array(m)),
    observedIn: new Int32Array(nd),
    coverages: Array.from({ length: nd }, () => new Float64Array(m)),
    depths: Array.from({ length: nd }, () => new Float64Array(m)),
    overallCoverage: new Float64Array(m),
    overallDepth: new Float64Array(m),
    traitCounts: new Int32Array(Trait.ids.length)
  }
}

/**
 * Writes intervention `j`'s numbers (just computed into `k`) to the columns,
 * counts its present traits, and returns the share of its present weight that
 * comes from derived facts.
 */
const recordScores = (
  scores: ScoreColumns,
  c: Rubric.Compiled,
  k: Assessment.Kernel,
  degrees: Float64Array,
  provenance: Derivation.Resolved["provenance"],
  j: number
): number => {
  const { positions, observedIn, coverages, depths, traitCounts } = scores
  let present = 0
  let derived = 0
  for (let i = 0, nt = degrees.length; i < nt; i++) {
    const wd = c.weights[i]! * degrees[i]!
    if (wd <= 0) continue
    traitCounts[i]!++
    present += wd
    if (Trait.catalogue[i]!.reads.some((f) => provenance[f]?.kind === "derived")) derived += wd
  }
  for (let d = 0, nd = observedIn.length; d < nd; d++) {
    if (!Number.isNaN(k.positions[d]!)) positions[d]![observedIn[d]!++] = k.positions[d]!
    coverages[d]![j] = c.available[d]! > 0 ? k.seenWeight[d]! / c.available[d]! : 0
    depths[d]![j] = c.availableGenerative[d]! > 0 ? k.g[d]! / c.availableGenerative[d]! : 0
  }
  scores.overallCoverage[j] = k.coverage
  scores.overallDepth[j] = k.depth
  return present > 0 ? derived / present : 0
}

/** The interventions that show each movement towards generative welfare, and the providers of resources. */
type Movements = Pick<
  InterventionsReading,
  "inNetwork" | "coDesigned" | "givenByPeople" | "sustain" | "pooled" | "mutual" | "collaboration"
> & {
  readonly providers: Set<string>
  /** The catalogue indices of the traits the movements read. */
  readonly designedWith: number
  readonly coResponsibility: number
  readonly sustaining: number
}

const movements = (): Movements => ({
  inNetwork: counter(),
  coDesigned: counter(),
  givenByPeople: counter(),
  sustain: counter(),
  pooled: counter(),
  mutual: counter(),
  collaboration: counter(),
  providers: new Set<string>(),
  designedWith: traitIndex("designed-with"),
  coResponsibility: traitIndex("co-responsibility"),
  sustaining: traitIndex("resources-sustain-processes")
})

/** Counts an intervention (its resolved facts read into `degrees`) under every movement it shows. */
const recordMovements = (
  moves: Movements,
  intervention: NonNullable<TerritoryLike["interventions"]>[number],
  facts: Derivation.Resolved["facts"],
  degrees: Float64Array,
  network: Network,
  coDesigns: ReadonlySet<string>
): void => {
  const networked = (intervention.partnerships ?? []).some((p) => network.generative.has(p))
  if (networked) moves.inNetwork.add(intervention.id)
  if ((intervention.coDesigns ?? []).some((p) => coDesigns.has(p))) moves.coDesigned.add(intervention.id)
  if (degrees[moves.sustaining]! > 0) moves.sustain.add(intervention.id)
  let gives = false
  let pools = false
  let reciprocity = false
  for (const r of facts.resources ?? []) {
    if (r.actor !== undefined && (r.from === "third-sector" || r.from === "market"))
      moves.providers.add(r.actor)
    if (Intervention.modeOf(r) === "pooled") pools = true
    if (!Intervention.isGivenByPeople(r)) continue
    gives = true
    const kind = Intervention.kindOf(r)
    if (kind === "time" || kind === "care") reciprocity = true
  }
  if (gives) moves.givenByPeople.add(intervention.id)
  if (pools) moves.pooled.add(intervention.id)
  if (reciprocity) moves.mutual.add(intervention.id)
  if (degrees[moves.designedWith] === 1 && degrees[moves.coResponsibility]! > 0 && networked)
    moves.collaboration.add(intervention.id)
}

/** The territory's dimensions (means over the interventions) and its index over the observed ones. */
const territoryDimensions = (
  c: Rubric.Compiled,
  scores: ScoreColumns
): Pick<InterventionsReading, "dimensions" | "index" | "observedDimensions"> => {
  const dimensions = {} as { [D in Dimension.Dimension]: TerritoryDimension }
  let weighted = 0
  let observedWeight = 0
  let observedDimensions = 0
  Dimension.values.forEach((dimension, d) => {
    const count = scores.observedIn[d]!
    const position =
      count > 0 ? Math.min(1, Math.max(0, mean(scores.positions[d]!.subarray(0, count)))) : undefined
    if (position !== undefined) {
      weighted += c.dimensionWeights[d]! * position
      observedWeight += c.dimensionWeights[d]!
      observedDimensions++
    }
    dimensions[dimension] = {
      dimension,
      position,
      observedIn: count,
      coverage: mean(scores.coverages[d]!),
      depth: mean(scores.depths[d]!)
    }
  })
  return {
    dimensions,
    index: observedWeight > 0 ? Math.min(1, Math.max(0, weighted / observedWeight)) : undefined,
    observedDimensions
  }
}

/** The traits present in at least one intervention, in catalogue order, with their counts. */
const traitCounts = (counts: Int32Array): Array<TraitCount> => {
  const traits: Array<TraitCount> = []
  Trait.catalogue.forEach((t, i) => {
    if (counts[i]! > 0)
      traits.push({
        trait: t.id,
        dimension: t.dimension,
        pole: t.pole,
        interventions: counts[i]!,
        text: t.text,
        source: t.source
      })
  })
  return traits
}
