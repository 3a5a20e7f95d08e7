/**
 * Facts with provenance: the facts of an intervention that the territory's
 * own records show, and how they meet the facts a user declared.
 *
 * An intervention's facts (`Intervention`) can be typed by a user
 * (*declared*), but many of them are already written in the territory
 * document: who read the need and where (`Requirement`), who took part in
 * which phase of co-design (`CoDesign`), how the paths of taking charge went
 * (`TakingCharge`), which governance logic its partnerships follow
 * (`Partnership`). A fact read from the records (*derived*) outranks the same
 * fact typed by a user (FRAMEWORK section 5); where the two differ, the
 * derived one is used and the difference is a {@link Contradiction}, never a
 * silent override.
 *
 * Each rule ({@link rules}) names the fact it derives, the records it reads
 * and the seed row it follows. A rule that finds no record derives nothing:
 * missing records are not evidence either way.
 *
 * @since 0.2.0
 */
import * as Actor from "./Actor.js"
import type * as Dimension from "./Dimension.js"
import type * as Intervention from "./Intervention.js"
import { tagOf } from "./internal/codesign/tag.js"
import type { Labels, Text } from "./Label.js"
import * as Requirement from "./Requirement.js"
import type * as Resource from "./Resource.js"

/**
 * The records a derivation reads: a structural slice of a territory, so that
 * partial documents work. Every field but `actors` may be absent.
 *
 * @category models
 * @since 0.2.0
 */
export interface Records {
  readonly actors: ReadonlyArray<{ readonly id: string; readonly kind: Actor.ActorKind }>
  readonly needs?: ReadonlyArray<{ readonly id: string; readonly status: string }>
  readonly requirements?: ReadonlyArray<{
    readonly id: string
    readonly needs: ReadonlyArray<string>
    readonly interlocutors: ReadonlyArray<string>
    readonly places: ReadonlyArray<Requirement.PlaceKind>
  }>
  readonly takingCharge?: ReadonlyArray<CaseEvent>
  readonly partnerships?: ReadonlyArray<{
    readonly id: string
    readonly governance?: string
    readonly members: ReadonlyArray<{ readonly actor: string }>
  }>
  readonly coDesigns?: ReadonlyArray<{
    readonly id: string
    readonly trigger?: { readonly needs: ReadonlyArray<string> }
    readonly events: ReadonlyArray<CoDesignEvent>
  }>
}

/**
 * The part of a taking-charge event a derivation reads.
 *
 * @category models
 * @since 0.2.0
 */
export interface CaseEvent {
  readonly _tag: string
  readonly caseId: string
  readonly need?: string
  readonly contribution?: ReadonlyArray<Resource.Resource>
  readonly benefits?: ReadonlyArray<Resource.Resource>
}

/**
 * The part of a co-design event a derivation reads.
 *
 * @category models
 * @since 0.2.0
 */
export interface CoDesignEvent {
  /** The event's tag in memory (`CoDesign.Event`). */
  readonly _tag?: string
  /** The same tag in JSON, for a territory read as parsed JSON without decoding it. */
  readonly type?: string
  readonly activity?: string
  readonly actors?: ReadonlyArray<{ readonly actor: string }>
  readonly persons?: ReadonlyArray<string>
  readonly recipientCount?: number
}

/**
 * Every derivation rule, by the fact it derives.
 *
 * @category constants
 * @since 0.2.0
 */
export const rules = [
  "needs-read-by",
  "needs-read-where",
  "designed-with-recipients",
  "delivery-from-paths",
  "contributions-from-paths",
  "access-from-paths",
  "governance-from-partnerships",
  "third-sector-reads",
  "responses-from-paths"
] as const

/**
 * A derivation rule.
 *
 * @category models
 * @since 0.2.0
 */
export type Rule = (typeof rules)[number]

/**
 * What each rule reads, what it derives, and the seed row it follows.
 *
 * @category constants
 * @since 0.2.0
 */
export const ruleTable: {
  readonly [R in Rule]: {
    readonly field: Intervention.FactField
    readonly reads: Text
    readonly source: Dimension.Source
  }
} = {
  "needs-read-by": {
    field: "needReadBy",
    reads: {
      it: "Gli interlocutori delle esigenze lette sui bisogni dei suoi casi e delle sue co-progettazioni, e chi ha partecipato all'analisi dei bisogni: «più interlocutori» con cittadini o comunità e almeno tre soggetti; altrimenti «tra Istituzione e Privato Sociale»",
      en: "The interlocutors of the requirements read on the needs of its cases and co-designs, and who took part in the needs analysis: «many interlocutors» with citizens or the community and at least three of them; otherwise «between institution and social private bodies»"
    },
    source: { file: "000_7a1c4c52d0c555b3.txt", row: 6 }
  },
  "needs-read-where": {
    field: "needReadWhere",
    reads: {
      it: "I luoghi delle esigenze lette sui bisogni dei suoi casi e delle sue co-progettazioni: spazi di vita quotidiani o luoghi istituzionali",
      en: "The places of the requirements read on the needs of its cases and co-designs: daily-life spaces or institutional places"
    },
    source: { file: "000_7a1c4c52d0c555b3.txt", row: 6 }
  },
  "designed-with-recipients": {
    field: "designed",
    reads: {
      it: "Le sue co-progettazioni: «con...» quando i destinatari finali hanno partecipato all'analisi dei bisogni o all'ideazione e almeno due settori alla costruzione; in parte «con...» quando hanno co-progettato solo gli enti",
      en: "Its co-designs: «with...» when the final recipients took part in the needs analysis or ideation and at least two sectors in construction; partly «with...» when only organisations co-designed"
    },
    source: { file: "003_5df635cd6d484fa5.txt", row: 53 }
  },
  "delivery-from-paths": {
    field: "delivery",
    reads: {
      it: "Le scelte dei suoi casi: con un contributo della persona è un percorso di responsabilizzazione, con sole prestazioni è richiesta-prestazione",
      en: "The choices of its cases: with a contribution of the person a path of responsibility, with benefits only request-benefit"
    },
    source: { file: "000_7a1c4c52d0c555b3.txt", row: 8 }
  },
  "contributions-from-paths": {
    field: "resources",
    reads: {
      it: "I contributi concordati con le persone nelle scelte dei suoi casi: risorse portate dai beneficiari, per accordo",
      en: "The contributions agreed with the persons in the choices of its cases: resources brought by the beneficiaries, by agreement"
    },
    source: { file: "000_7a1c4c52d0c555b3.txt", row: 8 }
  },
  "access-from-paths": {
    field: "access",
    reads: {
      it: "I bisogni registrati nei suoi casi: un bisogno latente o emergente preso in carico mostra l'accesso anche alla vulnerabilità",
      en: "The needs recorded in its cases: a latent or emerging need taken in charge shows access for vulnerability too"
    },
    source: { file: "000_7a1c4c52d0c555b3.txt", row: 11 }
  },
  "governance-from-partnerships": {
    field: "governance",
    reads: {
      it: "La logica di governo dei suoi partenariati: rete è sussidiarietà orizzontale; mercato e gerarchia sono gestione verticale",
      en: "The governance logic of its partnerships: network is horizontal subsidiarity; market and hierarchy are vertical management"
    },
    source: { file: "001_4553c96c3198ee0d.txt", row: 33 }
  },
  "third-sector-reads": {
    field: "thirdSector",
    reads: {
      it: "Se il Terzo Settore è tra chi legge i bisogni (esigenze, analisi dei bisogni) o solo tra chi eroga",
      en: "Whether the third sector is among those who read the needs (requirements, needs analysis) or only among those who deliver"
    },
    source: { file: "000_7a1c4c52d0c555b3.txt", row: 8 }
  },
  "responses-from-paths": {
    field: "responses",
    reads: {
      it: "La personalizzazione dei suoi casi: percorsi coprodotti con la persona mostrano risposte flessibili",
      en: "The personalisation of its cases: paths co-produced with the person show flexible responses"
    },
    source: { file: "001_4553c96c3198ee0d.txt", row: 41 }
  }
}

/**
 * Italian and English labels of the rules.
 *
 * @category labels
 * @since 0.2.0
 */
export const ruleLabels: Labels<Rule> = {
  "needs-read-by": { it: "Chi legge i bisogni", en: "Who reads the needs" },
  "needs-read-where": { it: "Dove si leggono i bisogni", en: "Where needs are read" },
  "designed-with-recipients": { it: "Progettato con i destinatari", en: "Designed with the recipients" },
  "delivery-from-paths": { it: "Filiera dai percorsi", en: "Delivery from the paths" },
  "contributions-from-paths": { it: "Contributi dai percorsi", en: "Contributions from the paths" },
  "access-from-paths": { it: "Accesso dai percorsi", en: "Access from the paths" },
  "governance-from-partnerships": {
    it: "Governance dai partenariati",
    en: "Governance from the partnerships"
  },
  "third-sector-reads": { it: "Il Terzo Settore legge", en: "The third sector reads" },
  "responses-from-paths": { it: "Risposte dai percorsi", en: "Responses from the paths" }
}

/**
 * A fact derived from the records: its value, the rule and the record ids
 * behind it (sorted, never personal data: ids of requirements, cases,
 * co-designs and partnerships).
 *
 * @category models
 * @since 0.2.0
 */
export interface DerivedFact {
  readonly field: Intervention.FactField
  readonly value: unknown
  readonly rule: Rule
  readonly records: ReadonlyArray<string>
}

/**
 * Where the fact of an intervention comes from.
 *
 * @category models
 * @since 0.2.0
 */
export type FactProvenance =
  | { readonly kind: "declared" }
  | { readonly kind: "derived"; readonly rule: Rule; readonly records: ReadonlyArray<string> }

/**
 * A declared fact that the records contradict: the derived value is used.
 *
 * @category models
 * @since 0.2.0
 */
export interface Contradiction {
  readonly code: "declared-contradicts-records"
  readonly severity: "error" | "warning"
  readonly intervention: string
  readonly field: Intervention.FactField
  readonly declared: unknown
  readonly derived: unknown
  readonly rule: Rule
  readonly records: ReadonlyArray<string>
  readonly message: Text
}

/**
 * The facts of an intervention after derivation: the declared facts with the
 * derived ones laid over them, where each fact came from, and every
 * contradiction.
 *
 * @category models
 * @since 0.2.0
 */
export interface Resolved {
  readonly facts: Intervention.InterventionInput
  readonly provenance: { readonly [F in Intervention.FactField]?: FactProvenance }
  readonly contradictions: ReadonlyArray<Contradiction>
}

/**
 * What a derivation keeps of one taking-charge case: its needs and its choice.
 *
 * @category models
 * @since 0.2.0
 */
export interface CaseSummary {
  readonly needs: ReadonlyArray<string>
  choice?: {
    readonly contribution: ReadonlyArray<Resource.Resource>
    readonly benefits: ReadonlyArray<Resource.Resource>
  }
}

/**
 * What a derivation keeps of one co-design: its trigger needs, who analysed
 * the needs, whether the final recipients took part in the needs analysis or
 * ideation, the sectors in construction, and whether any participation was
 * recorded.
 *
 * @category models
 * @since 0.2.0
 */
export interface CoDesignSummary {
  readonly needs: ReadonlyArray<string>
  readonly analysers: ReadonlySet<string>
  readonly recipientsInAnalysisOrIdeation: boolean
  readonly constructionSectors: ReadonlySet<string>
  readonly participated: boolean
}

/**
 * The records indexed once for many derivations (build it with {@link index}).
 *
 * @category models
 * @since 0.2.0
 */
export interface Index {
  readonly sectorOf: ReadonlyMap<string, Actor.Sector>
  readonly needStatus: ReadonlyMap<string, string>
  readonly requirementsOfNeed: ReadonlyMap<
    string,
    ReadonlyArray<NonNullable<Records["requirements"]>[number]>
  >
  readonly cases: ReadonlyMap<string, CaseSummary>
  readonly coDesigns: ReadonlyMap<string, CoDesignSummary>
  readonly governance: ReadonlyMap<string, string | undefined>
}

const community = (s: Actor.Sector | undefined): boolean => s === "community"

/**
 * Indexes the records once, so that deriving the facts of many interventions
 * is linear in their references.
 *
 * @category constructors
 * @since 0.2.0
 */
export const index = (records: Records): Index => {
  const sectorOf = new Map<string, Actor.Sector>()
  for (const a of records.actors) if (!sectorOf.has(a.id)) sectorOf.set(a.id, Actor.sectorOfKind[a.kind])
  const needStatus = new Map<string, string>()
  for (const n of records.needs ?? []) if (!needStatus.has(n.id)) needStatus.set(n.id, n.status)
  const requirementsOfNeed = new Map<string, Array<NonNullable<Records["requirements"]>[number]>>()
  for (const r of records.requirements ?? [])
    for (const need of new Set(r.needs)) {
      const list = requirementsOfNeed.get(need)
      if (list === undefined) requirementsOfNeed.set(need, [r])
      else list.push(r)
    }
  const cases = new Map<string, CaseSummary & { needs: Array<string> }>()
  for (const e of records.takingCharge ?? []) {
    let c = cases.get(e.caseId)
    if (c === undefined) {
      c = { needs: [] }
      cases.set(e.caseId, c)
    }
    if (e._tag === "NeedRecorded" && e.need !== undefined) c.needs.push(e.need)
    else if (e._tag === "ChoiceMade")
      c.choice = { contribution: e.contribution ?? [], benefits: e.benefits ?? [] }
  }
  const coDesigns = new Map<string, CoDesignSummary>()
  for (const p of records.coDesigns ?? []) {
    const analysers = new Set<string>()
    const constructionSectors = new Set<string>()
    let recipients = false
    let participated = false
    for (const e of p.events) {
      if (tagOf(e) !== "participation-recorded") continue
      participated = true
      const people = (e.recipientCount ?? 0) > 0 || (e.persons?.length ?? 0) > 0
      if (e.activity === "needs-analysis" || e.activity === "ideation") {
        if (people) recipients = true
        if (e.activity === "needs-analysis") for (const a of e.actors ?? []) analysers.add(a.actor)
      }
      if (e.activity === "construction")
        for (const a of e.actors ?? []) {
          const s = sectorOf.get(a.actor)
          if (s !== undefined) constructionSectors.add(s)
        }
    }
    if (!coDesigns.has(p.id))
      coDesigns.set(p.id, {
        needs: p.trigger?.needs ?? [],
        analysers,
        recipientsInAnalysisOrIdeation: recipients,
        constructionSectors,
        participated
      })
  }
  const governance = new Map<string, string | undefined>()
  for (const p of records.partnerships ?? [])
    if (!governance.has(p.id) && new Set(p.members.map((m) => m.actor)).size >= 2)
      governance.set(p.id, p.governance)
  return { sectorOf, needStatus, requirementsOfNeed, cases, coDesigns, governance }
}

/**
 * The least number of interlocutors that makes a reading «più interlocutori»
 * (seed 000, row 6), when citizens or the community are among them.
 * Editorial: "many" read as at least three.
 *
 * @category constants
 * @since 0.2.0
 */
export const manyInterlocutors = 3

// All the values seen: one pole, the other, or both.
const poleOf = <A extends string>(seen: ReadonlySet<A>, a: A, b: A): A | "both" | undefined =>
  seen.has(a) ? (seen.has(b) ? "both" : a) : seen.has(b) ? b : undefined

const sorted = (ids: Iterable<string>): ReadonlyArray<string> => [...new Set(ids)].sort()

/**
 * Every fact the records show about one intervention, each with its rule and
 * the ids of the records behind it (in {@link rules} order). A rule with no
 * record to read derives nothing.
 *
 * @example
 * ```ts
 * import * as assert from "node:assert"
 * import { Derivation, Intervention } from "@welfare/core"
 *
 * const records = {
 *   actors: [
 *     { id: "comune-legnano", kind: "local-authority" },
 *     { id: "coop-melograno", kind: "social-cooperative" }
 *   ],
 *   requirements: [
 *     { id: "req-1", needs: ["need-1"], interlocutors: ["comune-legnano", "coop-melograno"], places: ["social-service-office"] }
 *   ],
 *   takingCharge: [{ _tag: "NeedRecorded", caseId: "case-1", need: "need-1" }]
 * } as const
 * const facts = Derivation.derive(Derivation.index(records), {
 *   id: Intervention.InterventionId.make("int-1"),
 *   cases: ["case-1" as never]
 * })
 * // The Comune and a cooperative reading the need in an office: the traditional pole (seed 000, row 6).
 * assert.deepStrictEqual(
 *   facts.map((f) => [f.field, f.value]),
 *   [["needReadBy", "institution-and-social-private"], ["needReadWhere", "institutional-places"], ["thirdSector", "co-reader"]]
 * )
 * ```
 *
 * @category calculators
 * @since 0.2.0
 */
export const derive = (
  idx: Index,
  intervention: Intervention.InterventionInput
): ReadonlyArray<DerivedFact> => {
  const out: Array<DerivedFact> = []
  // The field each rule derives is in the rule table.
  const emit = (rule: Rule, value: unknown, records: ReadonlyArray<string>) =>
    out.push({ field: ruleTable[rule].field, value, rule, records })
  const caseIds = sorted(intervention.cases ?? []).filter((k) => idx.cases.has(k))
  const coDesignIds = sorted(intervention.coDesigns ?? []).filter((k) => idx.coDesigns.has(k))
  const needs = new Set<string>()
  for (const k of caseIds) for (const n of idx.cases.get(k)!.needs) needs.add(n)
  for (const k of coDesignIds) for (const n of idx.coDesigns.get(k)!.needs) needs.add(n)

  // Who reads the needs, and where (seed 000, row 6).
  const reading = needReading(idx, needs, coDesignIds)
  const by = poleOf(reading.byKinds, "institution-and-social-private", "many-interlocutors")
  if (by !== undefined) emit("needs-read-by", by, sorted(reading.records))
  const where = poleOf(reading.whereKinds, "institutional-places", "daily-life-spaces")
  if (where !== undefined) emit("needs-read-where", where, sorted(reading.placeRecords))

  // Designed with the recipients (seed 003, rows 51-53).
  const designKinds = new Set<"with" | "both">()
  const designRecords: Array<string> = []
  for (const k of coDesignIds) {
    const c = idx.coDesigns.get(k)!
    if (!c.participated) continue
    designKinds.add(c.recipientsInAnalysisOrIdeation && c.constructionSectors.size >= 2 ? "with" : "both")
    designRecords.push(k)
  }
  if (designKinds.size > 0)
    emit("designed-with-recipients", designKinds.has("both") ? "both" : "with", designRecords)

  // Paths of taking charge (seed 000, rows 8 and 11; seed 001, row 41).
  const paths = takingChargePaths(idx, caseIds)
  const delivery = poleOf(paths.deliveryKinds, "request-benefit", "resources-responsibility-path")
  if (delivery !== undefined) emit("delivery-from-paths", delivery, paths.choiceRecords)
  if (paths.contributions.length > 0)
    emit("contributions-from-paths", paths.contributions, paths.contributionRecords)
  if (paths.vulnerable.length > 0) emit("access-from-paths", "vulnerability-too", paths.vulnerable)

  // Governance of its partnerships (seed 001, row 33).
  const governanceKinds = new Set<"vertical" | "horizontal">()
  const partnershipRecords: Array<string> = []
  for (const p of sorted(intervention.partnerships ?? [])) {
    if (!idx.governance.has(p)) continue
    const g = idx.governance.get(p)
    if (g === undefined) continue
    governanceKinds.add(g === "network" ? "horizontal" : "vertical")
    partnershipRecords.push(p)
  }
  const governance = poleOf(governanceKinds, "vertical", "horizontal")
  if (governance !== undefined) emit("governance-from-partnerships", governance, partnershipRecords)

  // The third sector reads, or only provides (seed 000, row 8).
  if (reading.records.length > 0) {
    const reads = [...reading.readers].some((a) => idx.sectorOf.get(a) === "third-sector")
    const provides = (intervention.resources ?? []).some((r) => r.from === "third-sector")
    if (reads) emit("third-sector-reads", "co-reader", sorted(reading.records))
    else if (provides) emit("third-sector-reads", "provider", sorted(reading.records))
  }

  // Responses personalised with the person (seed 001, row 41).
  if (paths.coProduced > 0)
    emit(
      "responses-from-paths",
      paths.coProduced === paths.choiceRecords.length ? "flexible" : "both",
      paths.contributionRecords
    )
  return out
}

/** Who reads an intervention's needs and where, from their requirements and its co-designs' analysers. */
interface NeedReading {
  readonly byKinds: ReadonlySet<"institution-and-social-private" | "many-interlocutors">
  readonly whereKinds: ReadonlySet<"institutional-places" | "daily-life-spaces">
  /** The requirements and co-designs that name readers. */
  readonly records: ReadonlyArray<string>
  /** The requirements that name places. */
  readonly placeRecords: ReadonlyArray<string>
  readonly readers: ReadonlySet<string>
}

const needReading = (
  idx: Index,
  needs: ReadonlySet<string>,
  coDesignIds: ReadonlyArray<string>
): NeedReading => {
  const byKinds = new Set<"institution-and-social-private" | "many-interlocutors">()
  const whereKinds = new Set<"institutional-places" | "daily-life-spaces">()
  const readingRecords: Array<string> = []
  const placeRecords: Array<string> = []
  const readers = new Set<string>()
  const seenRequirements = new Set<string>()
  for (const need of [...needs].sort())
    for (const r of idx.requirementsOfNeed.get(need) ?? []) {
      if (seenRequirements.has(r.id)) continue
      seenRequirements.add(r.id)
      const who = new Set(r.interlocutors)
      for (const a of who) readers.add(a)
      if (who.size > 0) {
        const withPeople = [...who].some((a) => community(idx.sectorOf.get(a)))
        byKinds.add(
          withPeople && who.size >= manyInterlocutors
            ? "many-interlocutors"
            : "institution-and-social-private"
        )
        readingRecords.push(r.id)
      }
      for (const p of r.places) {
        whereKinds.add(
          Requirement.settingOfPlace[p] === "daily-life" ? "daily-life-spaces" : "institutional-places"
        )
        placeRecords.push(r.id)
      }
    }
  for (const k of coDesignIds) {
    const c = idx.coDesigns.get(k)!
    if (c.analysers.size === 0) continue
    for (const a of c.analysers) readers.add(a)
    const withPeople =
      c.recipientsInAnalysisOrIdeation || [...c.analysers].some((a) => community(idx.sectorOf.get(a)))
    byKinds.add(
      withPeople && c.analysers.size >= manyInterlocutors
        ? "many-interlocutors"
        : "institution-and-social-private"
    )
    readingRecords.push(k)
  }
  return { byKinds, whereKinds, records: readingRecords, placeRecords, readers }
}

/** What an intervention's taking-charge paths show: their choices, the beneficiaries' contributions, vulnerability. */
interface Paths {
  readonly deliveryKinds: ReadonlySet<"request-benefit" | "resources-responsibility-path">
  /** The cases with a choice. */
  readonly choiceRecords: ReadonlyArray<string>
  readonly contributions: ReadonlyArray<Intervention.ResourceUse>
  readonly contributionRecords: ReadonlyArray<string>
  /** The cases with a latent or emerging need. */
  readonly vulnerable: ReadonlyArray<string>
  /** How many choices both give and receive resources. */
  readonly coProduced: number
}

const takingChargePaths = (idx: Index, caseIds: ReadonlyArray<string>): Paths => {
  const deliveryKinds = new Set<"request-benefit" | "resources-responsibility-path">()
  const choiceRecords: Array<string> = []
  const contributions: Array<Intervention.ResourceUse> = []
  const contributionRecords: Array<string> = []
  const vulnerable: Array<string> = []
  let coProduced = 0
  for (const k of caseIds) {
    const c = idx.cases.get(k)!
    if (c.needs.some((n) => idx.needStatus.get(n) === "latent" || idx.needStatus.get(n) === "emerging"))
      vulnerable.push(k)
    if (c.choice === undefined) continue
    choiceRecords.push(k)
    const given = c.choice.contribution.filter((r) => r.amount > 0)
    deliveryKinds.add(given.length > 0 ? "resources-responsibility-path" : "request-benefit")
    if (given.length > 0 && c.choice.benefits.some((r) => r.amount > 0)) coProduced++
    if (given.length > 0) contributionRecords.push(k)
    for (const r of given) contributions.push({ resource: r, from: "beneficiaries", mode: "agreed" })
  }
  return { deliveryKinds, choiceRecords, contributions, contributionRecords, vulnerable, coProduced }
}

const same = (a: unknown, b: unknown): boolean => a === b

/**
 * Lays the derived facts over the declared ones. A derived enumerated fact
 * replaces the declared one; where they differ the difference is a
 * {@link Contradiction} (with the rubric's severity) naming both values, the
 * rule and the records. Derived contributions are added to the declared
 * resources (a contribution agreed in a path is a resource given). A derived
 * `designed: "both"` comes with `designSplit: 0.5` unless one was declared.
 *
 * @category calculators
 * @since 0.2.0
 */
export const resolve = (
  idx: Index,
  intervention: Intervention.InterventionInput,
  severity: Contradiction["severity"] = "warning"
): Resolved => {
  const facts: Record<string, unknown> = { ...intervention }
  const provenance: { [F in Intervention.FactField]?: FactProvenance } = {}
  const contradictions: Array<Contradiction> = []
  for (const key of Object.keys(intervention))
    if (
      key !== "id" &&
      key !== "name" &&
      key !== "actors" &&
      key !== "partnerships" &&
      key !== "coDesigns" &&
      key !== "cases"
    )
      provenance[key as Intervention.FactField] = { kind: "declared" }
  for (const d of derive(idx, intervention)) {
    const derived = { kind: "derived" as const, rule: d.rule, records: d.records }
    if (d.field === "resources") {
      facts.resources = [
        ...(intervention.resources ?? []),
        ...(d.value as ReadonlyArray<Intervention.ResourceUse>)
      ]
      provenance.resources = derived
      continue
    }
    const declared = (intervention as Record<string, unknown>)[d.field]
    if (declared !== undefined && !same(declared, d.value))
      contradictions.push({
        code: "declared-contradicts-records",
        severity,
        intervention: intervention.id,
        field: d.field,
        declared,
        derived: d.value,
        rule: d.rule,
        records: d.records,
        message: {
          it: `${intervention.id}: il fatto ${d.field} è dichiarato "${String(declared)}" ma i dati del territorio (${d.records.join(", ")}) mostrano "${String(d.value)}": si usa il valore dei dati; correggi la dichiarazione o i dati`,
          en: `${intervention.id}: the fact ${d.field} is declared "${String(declared)}" but the territory's records (${d.records.join(", ")}) show "${String(d.value)}": the records' value is used; correct the declaration or the records`
        }
      })
    facts[d.field] = d.value
    provenance[d.field] = derived
    // The design split goes with the design: kept when both say "both", 0.5
    // when only the records do, gone when the records say "with".
    if (d.field === "designed") {
      if (d.value !== "both") {
        delete facts.designSplit
        delete provenance.designSplit
      } else if (intervention.designSplit === undefined || intervention.designed !== "both") {
        facts.designSplit = 0.5
        provenance.designSplit = derived
      }
    }
  }
  return { facts: facts as unknown as Intervention.InterventionInput, provenance, contradictions }
}
