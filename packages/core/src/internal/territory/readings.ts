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
  const m = interventions.length
  const nt = Trait.ids.length
  const nd = Dimension.values.length
  const idx = Derivation.index(territory)
  const coDesigns = new Set<string>()
  for (const p of territory.coDesigns ?? [])
    if (p.events.some((e) => tagOf(e) === "participation-recorded")) coDesigns.add(p.id)
  const degrees = new Float64Array(nt)
  const seen = new Uint8Array(nt)
  const k = Assessment.kernel()
  const positions = Array.from({ length: nd }, () => new Float64Array(m))
  const observedIn = new Int32Array(nd)
  const coverages = Array.from({ length: nd }, () => new Float64Array(m))
  const depths = Array.from({ length: nd }, () => new Float64Array(m))
  const overallCoverage = new Float64Array(m)
  const overallDepth = new Float64Array(m)
  const traitCounts = new Int32Array(nt)
  const lines: Array<InterventionLine> = []
  const contradictions: Array<Derivation.Contradiction> = []
  const inNetwork = counter()
  const coDesigned = counter()
  const givenByPeople = counter()
  const sustain = counter()
  const pooled = counter()
  const mutual = counter()
  const collaboration = counter()
  const providers = new Set<string>()
  const designedWith = traitIndex("designed-with")
  const coResponsibility = traitIndex("co-responsibility")
  const sustaining = traitIndex("resources-sustain-processes")
  interventions.forEach((intervention, j) => {
    const resolved = Derivation.resolve(idx, intervention, rubric.evidence.contradiction)
    contradictions.push(...resolved.contradictions)
    const facts = resolved.facts
    Assessment.read(facts, degrees, seen)
    Assessment.compute(degrees, seen, c.weights, c.dimensionWeights, c, k)
    let present = 0
    let derived = 0
    for (let i = 0; i < nt; i++) {
      const wd = c.weights[i]! * degrees[i]!
      if (wd <= 0) continue
      traitCounts[i]!++
      present += wd
      if (Trait.catalogue[i]!.reads.some((f) => resolved.provenance[f]?.kind === "derived")) derived += wd
    }
    for (let d = 0; d < nd; d++) {
      if (!Number.isNaN(k.positions[d]!)) positions[d]![observedIn[d]!++] = k.positions[d]!
      coverages[d]![j] = c.available[d]! > 0 ? k.seenWeight[d]! / c.available[d]! : 0
      depths[d]![j] = c.availableGenerative[d]! > 0 ? k.g[d]! / c.availableGenerative[d]! : 0
    }
    overallCoverage[j] = k.coverage
    overallDepth[j] = k.depth
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
      derivedShare: present > 0 ? derived / present : 0
    })
    const networked = (intervention.partnerships ?? []).some((p) => network.generative.has(p))
    if (networked) inNetwork.add(intervention.id)
    if ((intervention.coDesigns ?? []).some((p) => coDesigns.has(p))) coDesigned.add(intervention.id)
    if (degrees[sustaining]! > 0) sustain.add(intervention.id)
    let gives = false
    let pools = false
    let reciprocity = false
    for (const r of facts.resources ?? []) {
      if (r.actor !== undefined && (r.from === "third-sector" || r.from === "market")) providers.add(r.actor)
      if (Intervention.modeOf(r) === "pooled") pools = true
      if (!Intervention.isGivenByPeople(r)) continue
      gives = true
      const kind = Intervention.kindOf(r)
      if (kind === "time" || kind === "care") reciprocity = true
    }
    if (gives) givenByPeople.add(intervention.id)
    if (pools) pooled.add(intervention.id)
    if (reciprocity) mutual.add(intervention.id)
    if (degrees[designedWith] === 1 && degrees[coResponsibility]! > 0 && networked)
      collaboration.add(intervention.id)
  })
  const dimensions = {} as { [D in Dimension.Dimension]: TerritoryDimension }
  let weighted = 0
  let observedWeight = 0
  let observedDimensions = 0
  Dimension.values.forEach((dimension, d) => {
    const count = observedIn[d]!
    const position = count > 0 ? Math.min(1, Math.max(0, mean(positions[d]!.subarray(0, count)))) : undefined
    if (position !== undefined) {
      weighted += c.dimensionWeights[d]! * position
      observedWeight += c.dimensionWeights[d]!
      observedDimensions++
    }
    dimensions[dimension] = {
      dimension,
      position,
      observedIn: count,
      coverage: mean(coverages[d]!),
      depth: mean(depths[d]!)
    }
  })
  const traits: Array<TraitCount> = []
  Trait.catalogue.forEach((t, i) => {
    if (traitCounts[i]! > 0)
      traits.push({
        trait: t.id,
        dimension: t.dimension,
        pole: t.pole,
        interventions: traitCounts[i]!,
        text: t.text,
        source: t.source
      })
  })
  contradictions.sort((a, b) =>
    a.intervention < b.intervention ? -1 : a.intervention > b.intervention ? 1 : a.field < b.field ? -1 : 1
  )
  return {
    lines,
    dimensions,
    traits,
    index: observedWeight > 0 ? Math.min(1, Math.max(0, weighted / observedWeight)) : undefined,
    coverage: mean(overallCoverage),
    depth: mean(overallDepth),
    observedDimensions,
    contradictions,
    inNetwork,
    coDesigned,
    givenByPeople,
    sustain,
    pooled,
    mutual,
    collaboration,
    providers
  }
}
