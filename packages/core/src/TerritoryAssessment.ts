/**
 * The assessment of a territory. «La generatività è una dimensione del sistema
 * e non l'esito del singolo intervento» (seed 003, row 24): the territory is
 * read twice, side by side, and neither reading erases the other.
 *
 * - **The interventions' reading**: each intervention is assessed on the
 *   facts the territory's records show (`Derivation`) laid over its declared
 *   facts; on each dimension, the mean position of the interventions that
 *   observe it (unobserved dimensions are left out, never 0.5); its index,
 *   coverage, depth and verdict as for one intervention.
 * - **The system reading**: four graded checks in [0, 1], each citing its
 *   seed row: the share of organisations in a *generative* partnership (two
 *   members or more, from two sectors or more, whose governance logic is
 *   network: market and hierarchy, that is contracting, are not a generative
 *   network, seed 001 row 33), the share of partnerships whose logic is
 *   network, the share of interventions run in a generative partnership, the
 *   share run in a co-design process with recorded participation. The
 *   `systemIndex` is their mean. An organisation in no partnership lowers it
 *   by at most `1 / (4 (n + 1))` for `n` organisations, and is listed as an
 *   opportunity (seed 004, row 35: «riconoscere e valorizzare la molteplicità
 *   dei soggetti»).
 * - **The verdict**: the interventions' verdict, capped at transitional
 *   unless the system reading is itself generative (invariant 6: generative
 *   interventions without a generative network never make a generative
 *   territory, but keep their reading). The territory `index` is the mean of
 *   the two readings (an editorial choice: neither reading outranks the other).
 *
 * It also scores the seven moves of responsible welfare (seed 001), the seven
 * characteristics of generative welfare (seed 004) and the ladder of forms of
 * community welfare (seed 002), each item reading the module that holds its
 * evidence (paths of taking charge, evaluation rounds, partnerships, needs
 * readings), with partial credit (met, partly, not met) and the ids behind it,
 * never free text. Where the checklists and the verdict disagree, the profile
 * says why (`explanation`).
 *
 * Every input is a structural slice, so this works with partial territories.
 *
 * @since 0.1.0
 */
import * as Actor from "./Actor.js"
import * as Assessment from "./Assessment.js"
import * as Derivation from "./Derivation.js"
import * as Dimension from "./Dimension.js"
import * as Intervention from "./Intervention.js"
import { tagOf } from "./internal/codesign/tag.js"
import type { Labels, Text } from "./Label.js"
import * as Rubric from "./Rubric.js"
import * as Trait from "./Trait.js"

/**
 * The slice of a territory the assessment reads. Every field but `actors` may
 * be absent (read as none).
 *
 * @category models
 * @since 0.1.0
 */
export interface TerritoryLike extends Derivation.Records {
  readonly actors: ReadonlyArray<{ readonly id: string; readonly kind: Actor.ActorKind }>
  readonly needs?: ReadonlyArray<{
    readonly id: string
    readonly status: string
    readonly policyAreas?: ReadonlyArray<string>
  }>
  readonly interventions?: ReadonlyArray<Intervention.InterventionInput>
  readonly partnerships?: ReadonlyArray<{
    readonly id: string
    readonly governance?: string
    readonly policyAreas?: ReadonlyArray<string>
    readonly members: ReadonlyArray<{
      readonly actor: string
      readonly commitments?: ReadonlyArray<unknown>
      readonly responsibilities?: ReadonlyArray<unknown>
    }>
  }>
  readonly takingCharge?: ReadonlyArray<Derivation.CaseEvent & { readonly actors?: ReadonlyArray<string> }>
  readonly evaluations?: ReadonlyArray<{
    readonly id: string
    readonly evaluators: ReadonlyArray<string>
    readonly finalRecipients?: { readonly count: number }
  }>
}

/**
 * A piece of evidence of a checklist item or system check: what was counted
 * (fixed wording), how many, out of how many where a share is meant, and up
 * to five example ids (the smallest, so that the evidence never depends on
 * the order of the input).
 *
 * @category models
 * @since 0.1.0
 */
export interface Count {
  readonly what: Text
  readonly count: number
  readonly of?: number
  readonly examples: ReadonlyArray<string>
}

/**
 * The status of a checklist item: met at or above its threshold, partly met
 * above zero, not met at zero.
 *
 * @category models
 * @since 0.2.0
 */
export type Status = "met" | "partly" | "not-met"

/**
 * Italian and English labels of the statuses.
 *
 * @category labels
 * @since 0.2.0
 */
export const statusLabels: Labels<Status> = {
  met: { it: "Soddisfatto", en: "Met" },
  partly: { it: "In parte", en: "Partly" },
  "not-met": { it: "Non soddisfatto", en: "Not met" }
}

/**
 * One item of a maturity checklist: what it reads (`reads`, fixed wording),
 * its value in [0, 1], the threshold at which it is met (editorial), its
 * status, its seed source and its evidence.
 *
 * @category models
 * @since 0.1.0
 */
export interface ChecklistItem {
  readonly id: string
  readonly text: Text
  readonly reads: Text
  readonly source: Dimension.Source
  readonly value: number
  readonly threshold: number
  readonly status: Status
  /** Whether the status is `met`. */
  readonly met: boolean
  readonly evidence: ReadonlyArray<Count>
}

/**
 * A maturity checklist: its items, the mean of their values (`maturity`) and
 * how many are met, partly met and not met.
 *
 * @category models
 * @since 0.1.0
 */
export interface Checklist {
  readonly items: ReadonlyArray<ChecklistItem>
  readonly maturity: number
  readonly met: number
  readonly partly: number
}

/**
 * A system check in [0, 1] with its evidence.
 *
 * @category models
 * @since 0.1.0
 */
export interface SystemCheck {
  readonly id: "network-reach" | "network-logic" | "interventions-in-network" | "co-designed-interventions"
  readonly text: Text
  readonly source: Dimension.Source
  readonly value: number
  readonly evidence: ReadonlyArray<Count>
}

/**
 * The forms of community welfare of seed 002 (row 13), from the first rung to the last.
 *
 * @category constants
 * @since 0.1.0
 */
export const communityForms = ["demand-aggregation", "mutual-aid", "active-collaboration"] as const

/**
 * A form of community welfare.
 *
 * @category models
 * @since 0.1.0
 */
export type CommunityForm = (typeof communityForms)[number]

/**
 * The ladder of community welfare: the interventions found on each rung and
 * the highest rung reached (none when no intervention is on the ladder).
 *
 * @category models
 * @since 0.1.0
 */
export interface Ladder {
  readonly rungs: ReadonlyArray<{
    readonly form: CommunityForm
    readonly text: Text
    readonly evidence: Count
  }>
  readonly reached?: CommunityForm
}

/**
 * The interventions' reading of one dimension.
 *
 * @category models
 * @since 0.1.0
 */
export interface TerritoryDimension {
  readonly dimension: Dimension.Dimension
  /** The mean position of the interventions that observe it; undefined when none does. */
  readonly position: number | undefined
  /** How many interventions observe this dimension. */
  readonly observedIn: number
  /** The mean coverage of this dimension over all interventions. */
  readonly coverage: number
  /** The mean depth of this dimension over all interventions. */
  readonly depth: number
}

/**
 * How many interventions show a trait, with the trait's words and source.
 *
 * @category models
 * @since 0.1.0
 */
export interface TraitCount {
  readonly trait: Trait.TraitId
  readonly dimension: Dimension.Dimension
  readonly pole: Dimension.Pole
  readonly interventions: number
  readonly text: Text
  readonly source: Dimension.Source
}

/**
 * One intervention's line in a territory profile.
 *
 * @category models
 * @since 0.2.0
 */
export interface InterventionLine {
  readonly id: Intervention.InterventionId
  readonly index: number | undefined
  readonly class: Rubric.Verdict
  readonly coverage: number
  readonly depth: number
  /** The share of its weight present that rests on facts derived from the records. */
  readonly derivedShare: number
}

/**
 * The profile of a territory: the interventions' reading and the system
 * reading side by side, the verdict, the checklists and the ladder.
 *
 * @category models
 * @since 0.1.0
 */
export interface TerritoryProfile {
  readonly interventions: ReadonlyArray<InterventionLine>
  readonly dimensions: { readonly [D in Dimension.Dimension]: TerritoryDimension }
  readonly traits: ReadonlyArray<TraitCount>
  /** The interventions' reading: mean positions over the observed dimensions (undefined with none). */
  readonly interventionIndex: number | undefined
  readonly interventionClass: Rubric.Verdict
  readonly coverage: number
  readonly depth: number
  readonly system: ReadonlyArray<SystemCheck>
  readonly systemIndex: number
  readonly systemClass: Rubric.Class
  /** The mean of the two readings (undefined when the interventions' reading is). */
  readonly index: number | undefined
  readonly class: Rubric.Verdict
  /** Whether the interventions' generative class was capped at transitional because the system reading is not generative. */
  readonly capped: boolean
  /** Organisations in no generative partnership: opportunities to widen the network. */
  readonly opportunities: Count
  /** Every declared fact the records contradict, by intervention. */
  readonly contradictions: ReadonlyArray<Derivation.Contradiction>
  readonly moves: Checklist
  readonly characteristics: Checklist
  readonly ladder: Ladder
  /** Why the checklists and the verdict tell different stories, when they do. */
  readonly explanation?: Text
}

const seed = (file: "000" | "001" | "002" | "003" | "004", row: number): Dimension.Source => ({
  file: {
    "000": "000_7a1c4c52d0c555b3.txt",
    "001": "001_4553c96c3198ee0d.txt",
    "002": "002_67b8bbcfb93b079e.txt",
    "003": "003_5df635cd6d484fa5.txt",
    "004": "004_f8a83f590fe55963.txt"
  }[file],
  row
})

interface Counter {
  readonly add: (id: string) => void
  readonly as: (what: Text, of?: number) => Count
  readonly size: () => number
}

// Counts ids and keeps the five smallest as examples, so that the evidence
// never depends on the order of the input (invariant 4).
const counter = (): Counter => {
  let count = 0
  const examples: Array<string> = []
  return {
    add: (id) => {
      count++
      if (examples.length < 5) examples.push(id)
      else if (id < examples[4]!) examples[4] = id
      else return
      examples.sort()
    },
    as: (what, of) =>
      of === undefined
        ? { what, count, examples: [...examples] }
        : { what, count, of, examples: [...examples] },
    size: () => count
  }
}

const words = {
  interventions: { it: "Interventi", en: "Interventions" },
  organisations: {
    it: "Organizzazioni in un partenariato generativo",
    en: "Organisations in a generative partnership"
  },
  isolated: {
    it: "Organizzazioni in nessun partenariato generativo",
    en: "Organisations in no generative partnership"
  },
  partnerships: { it: "Partenariati con logica di rete", en: "Partnerships with a network logic" },
  generativePartnerships: {
    it: "Partenariati generativi (rete, due settori o più)",
    en: "Generative partnerships (network, two sectors or more)"
  },
  inNetwork: {
    it: "Interventi in un partenariato generativo",
    en: "Interventions in a generative partnership"
  },
  coDesigned: { it: "Interventi co-progettati", en: "Co-designed interventions" },
  contributing: {
    it: "Percorsi con un contributo della persona",
    en: "Paths with a contribution of the person"
  },
  coProduced: { it: "Percorsi coprodotti con la persona", en: "Paths co-produced with the person" },
  responsible: {
    it: "Enti del Terzo Settore e imprese con responsabilità o risorse",
    en: "Third-sector bodies and businesses with responsibilities or resources"
  },
  readingSectors: { it: "Settori che leggono i bisogni", en: "Sectors that read the needs" },
  sharedRounds: {
    it: "Valutazioni condivise tra settori con i destinatari finali",
    en: "Evaluations shared across sectors with the final recipients"
  },
  complexCases: {
    it: "Casi con bisogni complessi e una risposta di comunità",
    en: "Cases of complex needs with a community response"
  },
  policyAreas: {
    it: "Aree di policy dei partenariati generativi",
    en: "Policy areas of generative partnerships"
  },
  givenByPeople: {
    it: "Interventi con risorse donate da beneficiari o comunità",
    en: "Interventions with resources given by beneficiaries or the community"
  },
  sectors: {
    it: "Settori raggiunti dai partenariati generativi",
    en: "Sectors reached by generative partnerships"
  },
  rightsAndDuties: {
    it: "Percorsi con prestazioni e contributo della persona",
    en: "Paths with benefits and a contribution of the person"
  },
  sustain: {
    it: "Interventi le cui risorse sostengono i processi",
    en: "Interventions whose resources sustain processes"
  },
  pooled: { it: "Interventi con domanda aggregata", en: "Interventions with pooled demand" },
  mutual: {
    it: "Interventi con tempo o cura donati da beneficiari o comunità",
    en: "Interventions with time or care given by beneficiaries or the community"
  },
  collaboration: {
    it: "Interventi progettati con le persone, corresponsabili e in rete",
    en: "Interventions designed with the people, co-responsible and networked"
  }
} as const

const traitIndex = (id: Trait.TraitId): number => Trait.ids.indexOf(id)

/**
 * The threshold at which a checklist item is met: half of its value
 * (editorial: «met» means the practice is the rule rather than the
 * exception; «partly» means it is present at all).
 *
 * @category constants
 * @since 0.2.0
 */
export const checklistThreshold = 0.5

const share = (k: number, of: number) => (of === 0 ? 0 : k / of)

interface Network {
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
const readNetwork = (territory: TerritoryLike, sectorOf: ReadonlyMap<string, Actor.Sector>): Network => {
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

interface Paths {
  readonly withChoice: Counter
  readonly contributing: Counter
  readonly coProduced: Counter
  readonly complex: Counter
  readonly complexWithResponse: Counter
}

// The paths of taking charge, case by case (seed 001, rows 17 and 41; seed 004, rows 32 and 36).
const readPaths = (territory: TerritoryLike): Paths => {
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

interface InterventionsReading {
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

const mean = (values: Float64Array): number => {
  // Summed in sorted order so that the mean never depends on the order of the interventions (invariant 4).
  values.sort()
  let sum = 0
  for (const x of values) sum += x
  return values.length > 0 ? sum / values.length : 0
}

// Each intervention assessed on its resolved facts, in one pass.
const readInterventions = (
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

const item = (
  id: string,
  text: Text,
  reads: Text,
  source: Dimension.Source,
  value: number,
  evidence: ReadonlyArray<Count>
): ChecklistItem => {
  const v = Math.min(1, Math.max(0, value))
  const status: Status = v >= checklistThreshold ? "met" : v > 0 ? "partly" : "not-met"
  return {
    id,
    text,
    reads,
    source,
    value: v,
    threshold: checklistThreshold,
    status,
    met: status === "met",
    evidence
  }
}

const checklist = (items: ReadonlyArray<ChecklistItem>): Checklist => ({
  items,
  maturity: items.reduce((acc, i) => acc + i.value, 0) / items.length,
  met: items.filter((i) => i.status === "met").length,
  partly: items.filter((i) => i.status === "partly").length
})

interface Context {
  readonly territory: TerritoryLike
  readonly sectorOf: ReadonlyMap<string, Actor.Sector>
  readonly network: Network
  readonly paths: Paths
  readonly reading: InterventionsReading
  readonly system: ReadonlyArray<SystemCheck>
}

// The sectors that read needs: interlocutors of requirements and participants in a needs analysis.
const readingSectors = (
  ctx: Context
): { readonly reading: ReadonlySet<string>; readonly present: ReadonlySet<string> } => {
  const reading = new Set<string>()
  const add = (a: string) => {
    const s = ctx.sectorOf.get(a)
    if (s !== undefined) reading.add(s)
  }
  for (const r of ctx.territory.requirements ?? []) for (const a of r.interlocutors) add(a)
  for (const p of ctx.territory.coDesigns ?? [])
    for (const e of p.events)
      if (tagOf(e) === "participation-recorded" && e.activity === "needs-analysis") {
        for (const a of e.actors ?? []) add(a.actor)
        if ((e.recipientCount ?? 0) > 0 || (e.persons?.length ?? 0) > 0) reading.add("community")
      }
  return { reading, present: new Set(ctx.sectorOf.values()) }
}

// A round shared across sectors but without the final recipients shows
// accountability among organisations, not with the people: a quarter of the
// credit (editorial), so that such rounds alone never meet move 6.
const crossSectorOnly = 0.25

// Shared evaluation rounds (seed 001, row 37): across sectors, with the final recipients.
const sharedRounds = (ctx: Context): { readonly value: number; readonly count: Count } => {
  const shared = counter()
  let credit = 0
  const rounds = ctx.territory.evaluations ?? []
  for (const r of rounds) {
    const sectors = new Set<string>()
    for (const e of r.evaluators) {
      const s = ctx.sectorOf.get(e)
      if (s !== undefined) sectors.add(s)
    }
    const recipients = (r.finalRecipients?.count ?? 0) > 0 || sectors.has("community")
    if (recipients) sectors.add("community")
    if (sectors.size >= 2 && recipients) {
      shared.add(r.id)
      credit += 1
    } else if (sectors.size >= 2) credit += crossSectorOnly
  }
  return { value: share(credit, rounds.length), count: shared.as(words.sharedRounds, rounds.length) }
}

const moves = (ctx: Context): Checklist => {
  const { paths, reading } = ctx
  const organisations = ctx.territory.actors.filter((a) => {
    const s = Actor.sectorOfKind[a.kind]
    return s === "third-sector" || s === "market"
  })
  const responsible = counter()
  const committed = new Set<string>()
  for (const p of ctx.territory.partnerships ?? [])
    for (const m of p.members)
      if ((m.commitments?.length ?? 0) > 0 || (m.responsibilities?.length ?? 0) > 0) committed.add(m.actor)
  for (const a of new Set(organisations.map((o) => o.id)))
    if (committed.has(a) || reading.providers.has(a)) responsible.add(a)
  const sectors = readingSectors(ctx)
  const rounds = sharedRounds(ctx)
  const orgCount = new Set(organisations.map((o) => o.id)).size
  return checklist([
    item(
      "person-activation",
      { it: "Attivazione della persona", en: "Activation of the person" },
      {
        it: "Percorsi di presa in carico con un contributo della persona",
        en: "Taking-charge paths with a contribution of the person"
      },
      seed("001", 17),
      share(paths.contributing.size(), paths.withChoice.size()),
      [paths.contributing.as(words.contributing, paths.withChoice.size())]
    ),
    item(
      "community-activation",
      { it: "Attivazione della comunità", en: "Activation of the community" },
      {
        it: "Terzo Settore e imprese con responsabilità nei partenariati o risorse negli interventi",
        en: "Third sector and businesses with responsibilities in partnerships or resources in interventions"
      },
      seed("001", 21),
      share(responsible.size(), orgCount),
      [responsible.as(words.responsible, orgCount)]
    ),
    item(
      "actors-involvement",
      {
        it: "Coinvolgimento degli attori che compongono la comunità",
        en: "Involvement of the community's actors"
      },
      {
        it: "Settori presenti che partecipano alla lettura dei bisogni",
        en: "Sectors present that take part in reading needs"
      },
      seed("001", 25),
      share(
        [...sectors.reading].filter((s) => sectors.present.has(s) || s === "community").length,
        sectors.present.size
      ),
      [
        {
          what: words.readingSectors,
          count: sectors.reading.size,
          of: sectors.present.size,
          examples: [...sectors.reading].sort()
        }
      ]
    ),
    item(
      "local-networking",
      { it: "Processi di networking locale", en: "Local networking" },
      { it: "Organizzazioni in un partenariato generativo", en: "Organisations in a generative partnership" },
      seed("001", 29),
      ctx.system[0]!.value,
      ctx.system[0]!.evidence
    ),
    item(
      "co-action",
      {
        it: "Pratiche di co-azione per la gestione dei servizi",
        en: "Co-action in the governance of services"
      },
      {
        it: "Partenariati con logica di rete, non di mercato o gerarchia",
        en: "Partnerships with a network logic, not market or hierarchy"
      },
      seed("001", 33),
      ctx.system[1]!.value,
      ctx.system[1]!.evidence
    ),
    item(
      "shared-accountability",
      {
        it: "Processi di rendicontazione e di valutazione condivisi",
        en: "Shared accountability and evaluation"
      },
      {
        it: "Giri di valutazione condivisi tra più settori e con i destinatari finali (un quarto del credito senza destinatari)",
        en: "Evaluation rounds shared across sectors and with the final recipients (a quarter of the credit without recipients)"
      },
      seed("001", 37),
      rounds.value,
      [rounds.count]
    ),
    item(
      "personalisation",
      { it: "Personalizzazione degli interventi", en: "Personalisation of interventions" },
      {
        it: "Percorsi coprodotti con la persona (prestazioni e contributo)",
        en: "Paths co-produced with the person (benefits and contribution)"
      },
      seed("001", 41),
      share(paths.coProduced.size(), paths.withChoice.size()),
      [paths.coProduced.as(words.coProduced, paths.withChoice.size())]
    )
  ])
}

const characteristics = (ctx: Context): Checklist => {
  const { paths, network, reading, sectorOf } = ctx
  const m = reading.lines.length
  const needAreas = new Set<string>(network.areas)
  for (const n of ctx.territory.needs ?? []) for (const a of n.policyAreas ?? []) needAreas.add(a)
  const present = new Set(sectorOf.values())
  return checklist([
    item(
      "partnership",
      { it: "Forme di partenariato", en: "Partnerships" },
      {
        it: "Interventi realizzati in un partenariato generativo",
        en: "Interventions run in a generative partnership"
      },
      seed("004", 31),
      ctx.system[2]!.value,
      ctx.system[2]!.evidence
    ),
    item(
      "integrated-taking-charge",
      {
        it: "Presa in carico integrata dei bisogni complessi",
        en: "Integrated taking charge of complex needs"
      },
      {
        it: "Casi con bisogni di più aree di policy e una risposta di comunità",
        en: "Cases with needs of several policy areas and a community response"
      },
      seed("004", 32),
      share(paths.complexWithResponse.size(), paths.complex.size()),
      [paths.complexWithResponse.as(words.complexCases, paths.complex.size())]
    ),
    item(
      "policy-networking",
      { it: "Mettere in rete sistemi di politiche frammentate", en: "Networking fragmented policy areas" },
      {
        it: "Aree di policy dei bisogni e dei partenariati coperte da partenariati generativi",
        en: "Policy areas of needs and partnerships covered by generative partnerships"
      },
      seed("004", 33),
      share(network.areas.size, needAreas.size),
      [
        {
          what: words.policyAreas,
          count: network.areas.size,
          of: needAreas.size,
          examples: [...network.areas].sort().slice(0, 5)
        }
      ]
    ),
    item(
      "fiduciary-relations",
      {
        it: "Relazioni fiduciarie e solidaristiche sul territorio",
        en: "Fiduciary and solidarity relations"
      },
      {
        it: "Interventi con risorse donate da beneficiari o comunità",
        en: "Interventions with resources given by beneficiaries or the community"
      },
      seed("004", 34),
      share(reading.givenByPeople.size(), m),
      [reading.givenByPeople.as(words.givenByPeople, m)]
    ),
    item(
      "multiplicity-of-actors",
      {
        it: "Riconoscere e valorizzare la molteplicità dei soggetti",
        en: "Recognising the multiplicity of actors"
      },
      {
        it: "Settori presenti raggiunti dai partenariati generativi",
        en: "Sectors present reached by generative partnerships"
      },
      seed("004", 35),
      share([...network.sectors].filter((s) => present.has(s as Actor.Sector)).length, present.size),
      [
        {
          what: words.sectors,
          count: network.sectors.size,
          of: present.size,
          examples: [...network.sectors].sort()
        }
      ]
    ),
    item(
      "rights-and-duties",
      { it: "Coniugare diritti personali e doveri sociali", en: "Personal rights joined with social duties" },
      {
        it: "Percorsi in cui la persona riceve prestazioni e dà un contributo",
        en: "Paths where the person receives benefits and gives a contribution"
      },
      seed("004", 36),
      share(paths.coProduced.size(), paths.withChoice.size()),
      [paths.coProduced.as(words.rightsAndDuties, paths.withChoice.size())]
    ),
    item(
      "social-capital-investment",
      {
        it: "Investimento sul capitale sociale, non solo tagli",
        en: "Investment in social capital, not only cuts"
      },
      {
        it: "Interventi le cui risorse sostengono i processi della comunità",
        en: "Interventions whose resources sustain the community's processes"
      },
      seed("004", 37),
      share(reading.sustain.size(), m),
      [reading.sustain.as(words.sustain, m)]
    )
  ])
}

const systemChecks = (
  territory: TerritoryLike,
  network: Network,
  reading: InterventionsReading
): {
  readonly checks: ReadonlyArray<SystemCheck>
  readonly opportunities: Count
} => {
  const organisations = [...new Set(territory.actors.filter((a) => a.kind !== "citizen").map((a) => a.id))]
  const inside = counter()
  const outside = counter()
  for (const a of organisations) (network.members.has(a) ? inside : outside).add(a)
  const m = reading.lines.length
  const realCount = network.real.size()
  return {
    checks: [
      {
        id: "network-reach",
        text: {
          it: "Superare interessi individualistici e barriere che spesso si interpongono tra settori diversi",
          en: "Overcome individual interests and the barriers that often stand between different sectors"
        },
        source: seed("001", 29),
        value: share(inside.size(), organisations.length),
        evidence: [
          inside.as(words.organisations, organisations.length),
          network.generativeCount.as(words.generativePartnerships)
        ]
      },
      {
        id: "network-logic",
        text: {
          it: "Superamento delle classiche forme di governo centrate su Mercato e gerarchia per collocarsi in una logica di rete",
          en: "Beyond the classic forms of governance centred on market and hierarchy, towards a network logic"
        },
        source: seed("001", 33),
        value: share(network.networkLogic.size(), realCount),
        evidence: [network.networkLogic.as(words.partnerships, realCount)]
      },
      {
        id: "interventions-in-network",
        text: {
          it: "Un welfare che si realizzi grazie a forme di partenariato",
          en: "A welfare realised through partnerships"
        },
        source: seed("004", 31),
        value: share(reading.inNetwork.size(), m),
        evidence: [reading.inNetwork.as(words.inNetwork, m)]
      },
      {
        id: "co-designed-interventions",
        text: {
          it: "Investire in forma sistemica su processi di co-progettazione",
          en: "Invest systemically in co-design processes"
        },
        source: seed("003", 48),
        value: share(reading.coDesigned.size(), m),
        evidence: [reading.coDesigned.as(words.coDesigned, m)]
      }
    ],
    opportunities: outside.as(words.isolated, organisations.length)
  }
}

const explain = (
  moves: Checklist,
  chars: Checklist,
  verdict: Rubric.Verdict,
  capped: boolean,
  interventionClass: Rubric.Verdict,
  systemClass: Rubric.Class
): Text | undefined => {
  const strong = moves.met + chars.met >= 10
  if (capped)
    return {
      it: "Gli interventi si leggono generativi, ma la rete del territorio non lo è ancora: la generatività è una dimensione del sistema (seme 003, riga 24), quindi la classe si ferma a «in transizione».",
      en: "The interventions read as generative, but the territory's network is not yet: generativity is a property of the system (seed 003, row 24), so the class stops at «transitional»."
    }
  if (strong && verdict !== "generative")
    return {
      it: `Le liste di controllo leggono i processi registrati (percorsi, partenariati, valutazioni) e ne trovano molti; il verdetto legge i tratti degli interventi («${Rubric.verdictLabels[interventionClass].it.toLowerCase()}») e la rete («${Rubric.verdictLabels[systemClass].it.toLowerCase()}»), che dicono altro. Guarda la copertura e le contraddizioni degli interventi.`,
      en: `The checklists read the recorded processes (paths, partnerships, evaluations) and find many; the verdict reads the interventions' traits («${Rubric.verdictLabels[interventionClass].en.toLowerCase()}») and the network («${Rubric.verdictLabels[systemClass].en.toLowerCase()}»), which say otherwise. Look at the interventions' coverage and contradictions.`
    }
  if (!strong && verdict === "generative")
    return {
      it: "Gli interventi e la rete si leggono generativi, ma le liste di controllo trovano pochi processi registrati: il verdetto poggia sulle dichiarazioni più che sui dati.",
      en: "The interventions and the network read as generative, but the checklists find few recorded processes: the verdict rests on declarations more than on records."
    }
  return undefined
}

/**
 * Assesses a territory: the interventions' reading (on facts derived from its
 * records, laid over the declared ones) and the system reading side by side,
 * the verdict gated by the system (invariant 6), the seven moves (seed 001),
 * the seven characteristics (seed 004) and the ladder of community welfare
 * (seed 002).
 *
 * @example
 * ```ts
 * import * as assert from "node:assert"
 * import { Actor, Partnership, TerritoryAssessment } from "@welfare/core"
 * import { interventions } from "@welfare/core/testing"
 *
 * const actors = [
 *   Actor.make({ id: Actor.ActorId.make("comune-legnano"), kind: "local-authority" }),
 *   Actor.make({ id: Actor.ActorId.make("coop-melograno"), kind: "social-cooperative" })
 * ]
 * const project = { ...interventions.generative, partnerships: [Partnership.PartnershipId.make("pship-regia")] }
 * // Generative interventions, but no partnership: the class stops at transitional,
 * // and the interventions keep their reading.
 * const alone = TerritoryAssessment.assessTerritory({ actors, interventions: [project] })
 * assert.strictEqual(alone.interventionIndex, 1)
 * assert.strictEqual(alone.systemIndex, 0)
 * assert.strictEqual(alone.class, "transitional")
 * // A contract is not a generative network (seed 001, row 33).
 * const members = [{ actor: actors[0]!.id }, { actor: actors[1]!.id }]
 * const contract = TerritoryAssessment.assessTerritory({
 *   actors, interventions: [project], partnerships: [{ id: "pship-regia", governance: "market", members }]
 * })
 * assert.strictEqual(contract.system[0]?.value, 0)
 * // The same intervention run in a network of the municipality and a cooperative.
 * const together = TerritoryAssessment.assessTerritory({
 *   actors, interventions: [project], partnerships: [{ id: "pship-regia", governance: "network", members }]
 * })
 * assert.strictEqual(together.system[0]?.value, 1)
 * assert.strictEqual(together.systemClass, "generative")
 * assert.strictEqual(together.class, "generative")
 * ```
 *
 * @category calculators
 * @since 0.1.0
 */
export const assessTerritory = (
  territory: TerritoryLike,
  rubric: Rubric.Rubric = Rubric.defaultRubric
): TerritoryProfile => {
  const sectorOf = new Map<string, Actor.Sector>()
  for (const a of territory.actors) if (!sectorOf.has(a.id)) sectorOf.set(a.id, Actor.sectorOfKind[a.kind])
  const network = readNetwork(territory, sectorOf)
  const reading = readInterventions(territory, rubric, network)
  const { checks, opportunities } = systemChecks(territory, network, reading)
  const systemIndex = checks.reduce((acc, s) => acc + s.value, 0) / checks.length
  const systemClass = Rubric.classify(systemIndex, rubric)
  const interventionClass = Rubric.verdict(
    {
      index: reading.index,
      depth: reading.depth,
      coverage: reading.coverage,
      observedDimensions: reading.observedDimensions
    },
    rubric
  )
  const capped = interventionClass === "generative" && systemClass !== "generative"
  const verdict: Rubric.Verdict = capped ? "transitional" : interventionClass
  const ctx: Context = { territory, sectorOf, network, paths: readPaths(territory), reading, system: checks }
  const movesList = moves(ctx)
  const charsList = characteristics(ctx)
  const rungs = [
    {
      form: "demand-aggregation" as const,
      text: { it: "Semplice aggregazione della domanda", en: "Simple aggregation of demand" },
      evidence: reading.pooled.as(words.pooled, reading.lines.length)
    },
    {
      form: "mutual-aid" as const,
      text: { it: "Vere e proprie forme di mutuo aiuto", en: "Real forms of mutual aid" },
      evidence: reading.mutual.as(words.mutual, reading.lines.length)
    },
    {
      form: "active-collaboration" as const,
      text: { it: "Forme di collaborazione attiva", en: "Forms of active collaboration" },
      evidence: reading.collaboration.as(words.collaboration, reading.lines.length)
    }
  ]
  const reached = [...rungs].reverse().find((r) => r.evidence.count > 0)?.form
  const explanation = explain(movesList, charsList, verdict, capped, interventionClass, systemClass)
  return {
    interventions: reading.lines,
    dimensions: reading.dimensions,
    traits: reading.traits,
    interventionIndex: reading.index,
    interventionClass,
    coverage: reading.coverage,
    depth: reading.depth,
    system: checks,
    systemIndex,
    systemClass,
    index: reading.index === undefined ? undefined : (reading.index + systemIndex) / 2,
    class: verdict,
    capped,
    opportunities,
    contradictions: reading.contradictions,
    moves: movesList,
    characteristics: charsList,
    ladder: reached === undefined ? { rungs } : { rungs, reached },
    ...(explanation === undefined ? {} : { explanation })
  }
}

/**
 * Italian and English labels of the forms of community welfare (seed 002, row 13).
 *
 * @category labels
 * @since 0.1.0
 */
export const communityFormLabels: { readonly [F in CommunityForm]: Text } = {
  "demand-aggregation": { it: "Aggregazione della domanda", en: "Demand aggregation" },
  "mutual-aid": { it: "Mutuo aiuto", en: "Mutual aid" },
  "active-collaboration": { it: "Collaborazione attiva", en: "Active collaboration" }
}
