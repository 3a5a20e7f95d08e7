/**
 * The assessment of a territory. "La generatività è una dimensione del sistema
 * e non l'esito del singolo intervento" (seed 003, row 24): the territory's
 * profile joins its interventions with its partnership network and its
 * co-design processes.
 *
 * - The intervention reading: on each dimension, the mean position of the
 *   interventions that show a trait of it (0.5 when none does); the
 *   `interventionIndex` is their weighted mean, as for one intervention.
 * - The system reading: four checks in [0, 1] (a partnership network
 *   connected across sectors, the share of interventions run in a
 *   partnership, the share run in a co-design process, the share of
 *   organisations in a partnership); the `systemIndex` is their mean.
 * - The territory `index` is the smaller of the two: a territory is as
 *   generative as its interventions and its system allow. A territory whose
 *   network is not connected across sectors never reaches the generative
 *   class (invariant 6): its class is capped at transitional.
 *
 * It also scores the seven moves of responsible welfare (seed 001), the seven
 * characteristics of generative welfare (seed 004) and the ladder of forms of
 * community welfare (seed 002) as maturity checklists with evidence (counts
 * and example ids, never free text).
 *
 * Every input is a structural slice, so this works with partial territories.
 *
 * @since 0.1.0
 */
import * as Actor from "./Actor.js"
import * as Assessment from "./Assessment.js"
import * as Dimension from "./Dimension.js"
import type * as Intervention from "./Intervention.js"
import type { Text } from "./Label.js"
import * as PartnershipNetwork from "./PartnershipNetwork.js"
import * as Rubric from "./Rubric.js"
import * as Trait from "./Trait.js"

/**
 * The slice of a territory the assessment reads. Every field but `actors` may
 * be absent (read as none).
 *
 * @category models
 * @since 0.1.0
 */
export interface TerritoryLike {
  readonly actors: ReadonlyArray<Pick<Actor.Actor, "id" | "kind">>
  readonly interventions?: ReadonlyArray<Intervention.InterventionInput>
  readonly partnerships?: ReadonlyArray<{
    readonly id: string
    readonly governance?: string
    readonly policyAreas?: ReadonlyArray<string>
    readonly members: ReadonlyArray<{ readonly actor: Actor.ActorId }>
  }>
  readonly coDesigns?: ReadonlyArray<{ readonly id: string }>
  readonly takingCharge?: ReadonlyArray<{ readonly caseId: string }>
}

/**
 * A piece of evidence of a checklist item or system check: what was counted
 * (fixed wording), how many, and up to five example ids.
 *
 * @category models
 * @since 0.1.0
 */
export interface Count {
  readonly what: Text
  readonly count: number
  readonly examples: ReadonlyArray<string>
}

/**
 * One item of a maturity checklist, with its seed source and evidence.
 *
 * @category models
 * @since 0.1.0
 */
export interface ChecklistItem {
  readonly id: string
  readonly text: Text
  readonly source: Dimension.Source
  readonly met: boolean
  readonly evidence: ReadonlyArray<Count>
}

/**
 * A maturity checklist: its items and the share met.
 *
 * @category models
 * @since 0.1.0
 */
export interface Checklist {
  readonly items: ReadonlyArray<ChecklistItem>
  readonly maturity: number
}

/**
 * A system check in [0, 1] with its evidence.
 *
 * @category models
 * @since 0.1.0
 */
export interface SystemCheck {
  readonly id:
    | "cross-sector-network"
    | "interventions-in-partnership"
    | "co-designed-interventions"
    | "actors-in-partnership"
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
 * The territory's reading of one dimension.
 *
 * @category models
 * @since 0.1.0
 */
export interface TerritoryDimension {
  readonly dimension: Dimension.Dimension
  readonly position: number
  /** How many interventions show a weighed trait of this dimension. */
  readonly observedIn: number
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
 * The profile of a territory.
 *
 * @category models
 * @since 0.1.0
 */
export interface TerritoryProfile {
  readonly interventions: ReadonlyArray<{
    readonly id: Intervention.InterventionId
    readonly index: number
    readonly class: Rubric.Class
  }>
  readonly dimensions: { readonly [D in Dimension.Dimension]: TerritoryDimension }
  readonly traits: ReadonlyArray<TraitCount>
  readonly interventionIndex: number
  readonly system: ReadonlyArray<SystemCheck>
  readonly systemIndex: number
  readonly connectedCrossSector: boolean
  readonly index: number
  readonly class: Rubric.Class
  /** Whether the class was capped at transitional because the network is not connected across sectors. */
  readonly capped: boolean
  readonly moves: Checklist
  readonly characteristics: Checklist
  readonly ladder: Ladder
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
  readonly as: (what: Text) => Count
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
    as: (what) => ({ what, count, examples: [...examples] }),
    size: () => count
  }
}

const words = {
  interventions: { it: "Interventi", en: "Interventions" },
  partnerships: { it: "Partenariati con almeno due membri", en: "Partnerships with at least two members" },
  networkPartnerships: { it: "Partenariati con logica di rete", en: "Partnerships with a network logic" },
  tracedCases: {
    it: "Interventi che ospitano percorsi di presa in carico tracciati",
    en: "Interventions hosting traced taking-charge paths"
  },
  sectors: { it: "Settori presenti nei partenariati", en: "Sectors present in partnerships" },
  policyAreas: { it: "Aree di policy dei partenariati", en: "Policy areas of the partnerships" },
  organisations: { it: "Organizzazioni in un partenariato", en: "Organisations in a partnership" },
  components: {
    it: "Rete dei partenariati connessa tra settori (1 sì, 0 no)",
    en: "Partnership network connected across sectors (1 yes, 0 no)"
  }
} as const

const traitIndex = (id: Trait.TraitId): number => Trait.ids.indexOf(id)

/**
 * Assesses a territory: its interventions joined with its partnership network
 * and co-design processes, the seven moves (seed 001), the seven
 * characteristics (seed 004) and the ladder of community welfare (seed 002).
 *
 * @example
 * ```ts
 * import * as assert from "node:assert"
 * import { Actor, Intervention, Partnership, TerritoryAssessment } from "@welfare/core"
 *
 * const actors = [
 *   Actor.make({ id: Actor.ActorId.make("comune-legnano"), kind: "local-authority" }),
 *   Actor.make({ id: Actor.ActorId.make("coop-melograno"), kind: "social-cooperative" })
 * ]
 * const regia = { id: "pship-regia", members: [{ actor: actors[0]!.id }, { actor: actors[1]!.id }] }
 * const project = {
 *   id: Intervention.InterventionId.make("int-portineria"),
 *   worksOn: "interactions",
 *   delivery: "resources-responsibility-path",
 *   organisation: "shared-objectives",
 *   partnerships: [Partnership.PartnershipId.make("pship-regia")]
 * } as const
 * // Generative interventions, but no partnership: the system is not generative.
 * const alone = TerritoryAssessment.assessTerritory({ actors, interventions: [project] })
 * assert.strictEqual(alone.interventionIndex, 5 / 7)
 * assert.strictEqual(alone.systemIndex, 0)
 * assert.strictEqual(alone.class, "traditional")
 * // The same intervention run in a partnership of the municipality and a cooperative.
 * const together = TerritoryAssessment.assessTerritory({ actors, interventions: [project], partnerships: [regia] })
 * assert.strictEqual(together.connectedCrossSector, true)
 * assert.strictEqual(together.systemIndex, 0.75)
 * assert.strictEqual(together.class, "generative")
 * ```
 *
 * @category assessment
 * @since 0.1.0
 */
export const assessTerritory = (
  territory: TerritoryLike,
  rubric: Rubric.Rubric = Rubric.defaultRubric
): TerritoryProfile => {
  const c = Rubric.compile(rubric)
  const interventions = territory.interventions ?? []
  const partnerships = territory.partnerships ?? []
  const nt = Trait.ids.length
  const nd = Dimension.values.length
  const sectorOf = new Map<string, Actor.Sector>()
  for (const a of territory.actors) if (!sectorOf.has(a.id)) sectorOf.set(a.id, Actor.sectorOfKind[a.kind])

  // Partnerships: which are real (two members or more), which cross sectors.
  const realPartnerships = new Set<string>()
  const crossSectorPartnerships = new Set<string>()
  const partnered = new Set<string>()
  const partnershipSectors = new Set<string>()
  const policyAreas = new Set<string>()
  const partnershipCount = counter()
  const networkLogic = counter()
  for (const p of partnerships) {
    const members = new Set(p.members.map((m) => m.actor))
    if (members.size < 2) continue
    realPartnerships.add(p.id)
    partnershipCount.add(p.id)
    if (p.governance === "network") networkLogic.add(p.id)
    for (const a of p.policyAreas ?? []) policyAreas.add(a)
    const sectors = new Set<string>()
    for (const m of members) {
      partnered.add(m)
      const s = sectorOf.get(m)
      if (s !== undefined) sectors.add(s)
    }
    for (const s of sectors) partnershipSectors.add(s)
    if (sectors.size >= 2) crossSectorPartnerships.add(p.id)
  }
  const coDesigns = new Set((territory.coDesigns ?? []).map((p) => p.id))
  const cases = new Set((territory.takingCharge ?? []).map((e) => e.caseId))

  // Interventions: one tight loop.
  const degrees = new Float64Array(nt)
  const positions = new Float64Array(nd)
  const observed = new Uint8Array(nd)
  // Positions by dimension, summed in sorted order afterwards so that the
  // mean never depends on the order of the interventions (invariant 4).
  const observedPositions = Array.from({ length: nd }, () => new Float64Array(interventions.length))
  const observedIn = new Float64Array(nd)
  const traitCounts = new Float64Array(nt)
  const summaries: Array<TerritoryProfile["interventions"][number]> = []
  const inPartnership = counter()
  const coDesigned = counter()
  const traced = counter()
  const tracedInPartnership = counter()
  const byTrait = (ids: ReadonlyArray<Trait.TraitId>) => ({ at: ids.map(traitIndex), counter: counter() })
  const activation = byTrait(["active-user", "citizen-brings-resources"])
  const readers = byTrait(["many-interlocutors"])
  const personalised = byTrait(["designed-with", "flexible-responses"])
  const solidarity = byTrait(["social-capital"])
  const duties = byTrait(["co-responsibility", "citizen-brings-resources"])
  const investment = byTrait(["resources-sustain-processes"])
  const watched = [activation, readers, personalised, solidarity, duties, investment]
  const aggregation = counter()
  const mutualAid = counter()
  const collaboration = counter()
  const designedWith = traitIndex("designed-with")
  const coResponsibility = traitIndex("co-responsibility")
  const communityResources = counter()
  for (const intervention of interventions) {
    const index = Assessment.scoreInto(intervention, c, degrees, positions, observed)
    summaries.push({ id: intervention.id, index, class: Rubric.classify(index, rubric) })
    for (let d = 0; d < nd; d++)
      if (observed[d] === 1) {
        observedPositions[d]![observedIn[d]!] = positions[d]!
        observedIn[d]!++
      }
    for (let i = 0; i < nt; i++) if (degrees[i]! > 0 && c.weights[i]! > 0) traitCounts[i]!++
    for (const w of watched) if (w.at.some((i) => degrees[i]! > 0)) w.counter.add(intervention.id)
    const ps = intervention.partnerships ?? []
    const isPartnered = ps.some((p) => realPartnerships.has(p))
    if (isPartnered) inPartnership.add(intervention.id)
    if ((intervention.coDesigns ?? []).some((p) => coDesigns.has(p))) coDesigned.add(intervention.id)
    const hostsCases = (intervention.cases ?? []).some((k) => cases.has(k))
    if (hostsCases) {
      traced.add(intervention.id)
      if (isPartnered) tracedInPartnership.add(intervention.id)
    }
    let beneficiariesMoney = false
    let reciprocity = false
    for (const r of intervention.resources ?? []) {
      if (r.from === "beneficiaries" && r.resource.kind === "economic") beneficiariesMoney = true
      if (
        (r.from === "beneficiaries" || r.from === "community") &&
        (r.resource.kind === "time" || r.resource.kind === "care")
      )
        reciprocity = true
      if (r.from === "third-sector" || r.from === "market") {
        communityResources.add(intervention.id)
        break
      }
    }
    if (beneficiariesMoney) aggregation.add(intervention.id)
    if (reciprocity) mutualAid.add(intervention.id)
    if (
      degrees[designedWith] === 1 &&
      degrees[coResponsibility]! > 0 &&
      ps.some((p) => crossSectorPartnerships.has(p))
    )
      collaboration.add(intervention.id)
  }

  const dimensions = {} as { [D in Dimension.Dimension]: TerritoryDimension }
  let weighted = 0
  Dimension.values.forEach((dimension, d) => {
    const values = observedPositions[d]!.subarray(0, observedIn[d]!).sort()
    let sum = 0
    for (const x of values) sum += x
    const position = observedIn[d]! > 0 ? Math.min(1, Math.max(0, sum / observedIn[d]!)) : 0.5
    weighted += c.dimensionWeights[d]! * position
    dimensions[dimension] = { dimension, position, observedIn: observedIn[d]! }
  })
  const interventionIndex = Math.min(1, Math.max(0, weighted / c.totalDimensionWeight))
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

  // The system (seed 003, row 24).
  const connectedCrossSector = PartnershipNetwork.isConnectedCrossSector(territory)
  const organisations = territory.actors.filter((a) => a.kind !== "citizen")
  const organisationsIn = counter()
  for (const a of organisations) if (partnered.has(a.id)) organisationsIn.add(a.id)
  const share = (k: number, of: number) => (of === 0 ? 0 : k / of)
  const all = (counter: Counter) => counter.as(words.interventions)
  const system: Array<SystemCheck> = [
    {
      id: "cross-sector-network",
      text: {
        it: "Superare interessi individualistici e barriere che spesso si interpongono tra settori diversi",
        en: "Overcome individual interests and the barriers that often stand between different sectors"
      },
      source: seed("001", 29),
      value: connectedCrossSector ? 1 : 0,
      evidence: [
        { what: words.components, count: connectedCrossSector ? 1 : 0, examples: [] },
        partnershipCount.as(words.partnerships)
      ]
    },
    {
      id: "interventions-in-partnership",
      text: {
        it: "Un welfare che si realizzi grazie a forme di partenariato",
        en: "A welfare realised through partnerships"
      },
      source: seed("004", 31),
      value: share(inPartnership.size(), interventions.length),
      evidence: [all(inPartnership)]
    },
    {
      id: "co-designed-interventions",
      text: {
        it: "Investire in forma sistemica su processi di co-progettazione",
        en: "Invest systemically in co-design processes"
      },
      source: seed("003", 48),
      value: share(coDesigned.size(), interventions.length),
      evidence: [all(coDesigned)]
    },
    {
      id: "actors-in-partnership",
      text: {
        it: "Riconoscere e valorizzare la molteplicità dei soggetti presenti sul territorio",
        en: "Recognise and value the multiplicity of the territory's actors"
      },
      source: seed("004", 35),
      value: share(organisationsIn.size(), organisations.length),
      evidence: [organisationsIn.as(words.organisations)]
    }
  ]
  const systemIndex = system.reduce((acc, s) => acc + s.value, 0) / system.length
  const index = Math.min(interventionIndex, systemIndex)
  const free = Rubric.classify(index, rubric)
  const capped = free === "generative" && !connectedCrossSector
  const sectorsCount: Count = {
    what: words.sectors,
    count: partnershipSectors.size,
    examples: [...partnershipSectors].sort().slice(0, 5)
  }
  const areasCount: Count = {
    what: words.policyAreas,
    count: policyAreas.size,
    examples: [...policyAreas].sort().slice(0, 5)
  }

  const item = (
    id: string,
    text: Text,
    source: Dimension.Source,
    met: boolean,
    evidence: ReadonlyArray<Count>
  ): ChecklistItem => ({
    id,
    text,
    source,
    met,
    evidence
  })
  const checklist = (items: ReadonlyArray<ChecklistItem>): Checklist => ({
    items,
    maturity: items.filter((i) => i.met).length / items.length
  })
  const moves = checklist([
    item(
      "person-activation",
      { it: "Attivazione della persona", en: "Activation of the person" },
      seed("001", 15),
      activation.counter.size() > 0,
      [all(activation.counter)]
    ),
    item(
      "community-activation",
      { it: "Attivazione della comunità", en: "Activation of the community" },
      seed("001", 19),
      partnershipCount.size() > 0 && communityResources.size() > 0,
      [partnershipCount.as(words.partnerships), all(communityResources)]
    ),
    item(
      "actors-involvement",
      {
        it: "Coinvolgimento degli attori che compongono la comunità",
        en: "Involvement of the community's actors"
      },
      seed("001", 23),
      readers.counter.size() > 0,
      [all(readers.counter)]
    ),
    item(
      "local-networking",
      { it: "Processi di networking locale", en: "Local networking" },
      seed("001", 27),
      connectedCrossSector,
      [{ what: words.components, count: connectedCrossSector ? 1 : 0, examples: [] }]
    ),
    item(
      "co-action",
      {
        it: "Pratiche di co-azione per la gestione dei servizi",
        en: "Co-action in the governance of services"
      },
      seed("001", 31),
      networkLogic.size() > 0,
      [networkLogic.as(words.networkPartnerships)]
    ),
    item(
      "shared-accountability",
      {
        it: "Processi di rendicontazione e di valutazione condivisi",
        en: "Shared accountability and evaluation"
      },
      seed("001", 35),
      traced.size() > 0,
      [traced.as(words.tracedCases)]
    ),
    item(
      "personalisation",
      { it: "Personalizzazione degli interventi", en: "Personalisation of interventions" },
      seed("001", 39),
      personalised.counter.size() > 0,
      [all(personalised.counter)]
    )
  ])
  const characteristics = checklist([
    item(
      "partnership",
      { it: "Forme di partenariato", en: "Partnerships" },
      seed("004", 31),
      partnershipCount.size() > 0,
      [partnershipCount.as(words.partnerships)]
    ),
    item(
      "integrated-taking-charge",
      {
        it: "Presa in carico integrata dei bisogni complessi",
        en: "Integrated taking charge of complex needs"
      },
      seed("004", 32),
      tracedInPartnership.size() > 0,
      [tracedInPartnership.as(words.tracedCases)]
    ),
    item(
      "policy-networking",
      { it: "Mettere in rete sistemi di politiche frammentate", en: "Networking fragmented policy areas" },
      seed("004", 33),
      policyAreas.size >= 2,
      [areasCount]
    ),
    item(
      "fiduciary-relations",
      {
        it: "Relazioni fiduciarie e solidaristiche sul territorio",
        en: "Fiduciary and solidarity relations"
      },
      seed("004", 34),
      solidarity.counter.size() > 0,
      [all(solidarity.counter)]
    ),
    item(
      "multiplicity-of-actors",
      {
        it: "Riconoscere e valorizzare la molteplicità dei soggetti",
        en: "Recognising the multiplicity of actors"
      },
      seed("004", 35),
      partnershipSectors.size >= 3,
      [sectorsCount]
    ),
    item(
      "rights-and-duties",
      { it: "Coniugare diritti personali e doveri sociali", en: "Personal rights joined with social duties" },
      seed("004", 36),
      duties.counter.size() > 0,
      [all(duties.counter)]
    ),
    item(
      "social-capital-investment",
      {
        it: "Investimento sul capitale sociale, non solo tagli",
        en: "Investment in social capital, not only cuts"
      },
      seed("004", 37),
      investment.counter.size() > 0,
      [all(investment.counter)]
    )
  ])
  const rungs = [
    {
      form: "demand-aggregation" as const,
      text: { it: "Semplice aggregazione della domanda", en: "Simple aggregation of demand" },
      evidence: all(aggregation)
    },
    {
      form: "mutual-aid" as const,
      text: { it: "Vere e proprie forme di mutuo aiuto", en: "Real forms of mutual aid" },
      evidence: all(mutualAid)
    },
    {
      form: "active-collaboration" as const,
      text: { it: "Forme di collaborazione attiva", en: "Forms of active collaboration" },
      evidence: all(collaboration)
    }
  ]
  const reached = [...rungs].reverse().find((r) => r.evidence.count > 0)?.form
  return {
    interventions: summaries,
    dimensions,
    traits,
    interventionIndex,
    system,
    systemIndex,
    connectedCrossSector,
    index,
    class: capped ? "transitional" : free,
    capped,
    moves,
    characteristics,
    ladder: reached === undefined ? { rungs } : { rungs, reached }
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
