/**
 * Charter and Pact from their process (invariant 16): the Citizenship
 * Charter's projects and the Solidarity Pact's signatories are traceable to
 * the co-design roadmap that drafted, approved and signed them (seed 004,
 * row 55: «si scrivono le bozze della "Carta della cittadinanza", contenente
 * i progetti che si intende realizzare, e del "Patto di solidarietà" ... e si
 * approvano e sottoscrivono i documenti»).
 *
 * {@link fromRoadmap} reads what a process drafted, approved and signed;
 * {@link problems} reports every divergence between it and the territory's
 * Charter and Pact, each at its path. `Territory.integrity` calls it: a
 * territory whose Charter or Pact diverges from its roadmap does not decode.
 *
 * A Charter or Pact with no `provenance` is accepted only while no co-design
 * of the territory has drafted one: once a roadmap drafted a Charter (or a
 * Pact), the document must name it.
 *
 * @since 0.1.0
 */
import type * as Actor from "./Actor.js"
import type * as CitizenshipCharter from "./CitizenshipCharter.js"
import type * as CoDesign from "./CoDesign.js"
import * as Problem from "./Problem.js"
import type * as SolidarityPact from "./SolidarityPact.js"

/**
 * What a roadmap drafted, approved and signed: the last Charter and Pact
 * drafts with their event ids, the approval, and every signature with its
 * event id and day.
 *
 * @category models
 * @since 0.1.0
 */
export interface Roadmap {
  readonly process: CoDesign.CoDesignId
  readonly charter?: {
    readonly drafted: CoDesign.EventId
    readonly projects: ReadonlyArray<CitizenshipCharter.ProjectId>
  }
  readonly pact?: { readonly drafted: CoDesign.EventId; readonly parties: ReadonlyArray<Actor.ActorId> }
  readonly approved?: CoDesign.EventId
  readonly signatures: ReadonlyArray<{
    readonly actor: Actor.ActorId
    readonly eventId: CoDesign.EventId
    readonly on: string
  }>
}

/**
 * Reads what a process drafted, approved and signed (the last draft of each
 * document before the approval).
 *
 * @example
 * ```ts
 * import * as assert from "node:assert"
 * import { Actor, CitizenshipCharter, CoDesign, Provenance, Timestamp } from "@welfare/core"
 *
 * const comune = Actor.ActorId.make("comune-legnano")
 * const process: CoDesign.Process = {
 *   ...CoDesign.unsafeMake({ id: CoDesign.CoDesignId.make("codesign-1"), kind: "co-design", title: "Verso la Carta", promoter: comune, trigger: { needs: [] }, stakeholders: [] }),
 *   events: [
 *     { _tag: "charter-drafted", eventId: CoDesign.EventId.make("ev-8"), at: Timestamp.fromMillis(Date.UTC(2015, 8, 15, 10, 0)), by: comune, projects: [CitizenshipCharter.ProjectId.make("proj-custodi-sociali")] },
 *     { _tag: "approved", eventId: CoDesign.EventId.make("ev-9"), at: Timestamp.fromMillis(Date.UTC(2015, 9, 20, 18, 0)), by: comune },
 *     { _tag: "signed", eventId: CoDesign.EventId.make("ev-10"), at: Timestamp.fromMillis(Date.UTC(2015, 9, 27, 10, 0)), by: comune, actor: comune }
 *   ]
 * }
 * const roadmap = Provenance.fromRoadmap(process)
 * assert.deepStrictEqual(roadmap.charter?.projects, ["proj-custodi-sociali"])
 * assert.deepStrictEqual(roadmap.signatures, [{ actor: "comune-legnano", eventId: "ev-10", on: "2015-10-27" }])
 * ```
 *
 * @category getters
 * @since 0.1.0
 */
export const fromRoadmap = (process: Pick<CoDesign.Process, "id" | "events">): Roadmap => {
  let charter: Roadmap["charter"]
  let pact: Roadmap["pact"]
  let approved: CoDesign.EventId | undefined
  const signatures: Array<Roadmap["signatures"][number]> = []
  for (const e of process.events) {
    if (e._tag === "charter-drafted" && approved === undefined)
      charter = { drafted: e.eventId, projects: e.projects }
    else if (e._tag === "pact-drafted" && approved === undefined)
      pact = { drafted: e.eventId, parties: e.parties }
    else if (e._tag === "approved" && approved === undefined) approved = e.eventId
    else if (e._tag === "signed")
      signatures.push({ actor: e.actor, eventId: e.eventId, on: e.at.slice(0, 10) })
  }
  return {
    process: process.id,
    ...(charter === undefined ? {} : { charter }),
    ...(pact === undefined ? {} : { pact }),
    ...(approved === undefined ? {} : { approved }),
    signatures
  }
}

const list = (xs: Iterable<string>): string =>
  [...new Set(xs)]
    .sort()
    .map((x) => `"${x}"`)
    .join(", ")

type Path = ReadonlyArray<Problem.PathSegment>

const checkRef = (
  doc: "Charter" | "Pact",
  ref: CitizenshipCharter.Provenance,
  roadmap: Roadmap | undefined,
  path: Path,
  drafted: { readonly drafted: string } | undefined
): Array<Problem.Problem> => {
  const out: Array<Problem.Problem> = []
  if (roadmap === undefined) {
    out.push(
      Problem.make(
        "unknown-reference",
        [...path, "process"],
        `no co-design process has the id "${ref.process}": name the process whose roadmap drafted the ${doc}`
      )
    )
    return out
  }
  if (drafted === undefined)
    out.push(
      Problem.make(
        "rule",
        [...path, "drafted"],
        `the process "${ref.process}" never drafted the ${doc}: record its ${doc === "Charter" ? "charter-drafted" : "pact-drafted"} event in the roadmap (seed 004, row 55)`
      )
    )
  else if (drafted.drafted !== ref.drafted)
    out.push(
      Problem.make(
        "rule",
        [...path, "drafted"],
        `the ${doc} names the draft "${ref.drafted}" but the draft the roadmap approved is "${drafted.drafted}": name the approved draft`
      )
    )
  if (roadmap.approved === undefined)
    out.push(
      Problem.make(
        "rule",
        [...path, "approved"],
        `the process "${ref.process}" has not approved the ${doc} yet: approve it in the roadmap before publishing it (seed 004, row 55)`
      )
    )
  else if ((roadmap.approved as string) !== ref.approved)
    out.push(
      Problem.make(
        "rule",
        [...path, "approved"],
        `the ${doc} names the approval "${ref.approved}" but the roadmap's approval is "${roadmap.approved}": name the approval event`
      )
    )
  return out
}

const drafts = (
  processes: ReadonlyArray<Pick<CoDesign.Process, "id" | "events">>,
  type: "charter-drafted" | "pact-drafted"
): ReadonlyArray<string> => processes.filter((p) => p.events.some((e) => e._tag === type)).map((p) => p.id)

/**
 * Every divergence between a territory's Charter and Pact and the roadmap
 * they come from, at once:
 *
 * - `unknown-reference`: the provenance names no process of the territory;
 * - `rule`: a roadmap drafted the document but the document names no
 *   provenance; the process never drafted or approved it, or the ids differ;
 *   the Charter has a project the roadmap did not draft, or lacks one it did;
 *   the Pact comes from another process than the Charter; a signatory is not
 *   a party of the drafted Pact, has no signature in the roadmap, names a
 *   signature event that is not its own, or signed on another day; a party
 *   that signed in the roadmap is missing from the Pact.
 *
 * Paths are relative to the territory (`charter.projects[2].id`,
 * `pact.signatories[3].signature`).
 *
 * @category validation
 * @since 0.1.0
 */
export const problems = (territory: {
  readonly charter?: Pick<CitizenshipCharter.CitizenshipCharter, "projects" | "provenance">
  readonly pact?: Pick<SolidarityPact.SolidarityPact, "signatories" | "provenance">
  readonly coDesigns: ReadonlyArray<Pick<CoDesign.Process, "id" | "events">>
}): Array<Problem.Problem> => {
  const out: Array<Problem.Problem> = []
  const byId = new Map(territory.coDesigns.map((p) => [p.id as string, p]))
  if (territory.charter !== undefined) charterProblems(territory.charter, territory.coDesigns, byId, out)
  if (territory.pact !== undefined)
    pactProblems(territory.pact, territory.charter, territory.coDesigns, byId, out)
  return out
}

type Processes = ReadonlyArray<Pick<CoDesign.Process, "id" | "events">>
type ProcessesById = ReadonlyMap<string, Pick<CoDesign.Process, "id" | "events">>

/** The Charter's provenance against its roadmap, then its projects against the drafted ones. */
const charterProblems = (
  charter: Pick<CitizenshipCharter.CitizenshipCharter, "projects" | "provenance">,
  coDesigns: Processes,
  byId: ProcessesById,
  out: Array<Problem.Problem>
): void => {
  const ref = charter.provenance
  if (ref === undefined) {
    const drafting = drafts(coDesigns, "charter-drafted")
    if (drafting.length > 0)
      out.push(
        Problem.make(
          "rule",
          ["charter", "provenance"],
          `the co-design ${list(drafting)} drafted a Charter but the Charter names no provenance: the Charter's projects come from its roadmap (seed 004, row 55); give the process, draft and approval ids`
        )
      )
    return
  }
  const process = byId.get(ref.process)
  const roadmap = process === undefined ? undefined : fromRoadmap(process)
  out.push(...checkRef("Charter", ref, roadmap, ["charter", "provenance"], roadmap?.charter))
  if (roadmap?.charter !== undefined) projectProblems(charter, ref.process, roadmap.charter.projects, out)
}

/** A project of the Charter its roadmap did not draft, and the drafted projects it leaves out. */
const projectProblems = (
  charter: Pick<CitizenshipCharter.CitizenshipCharter, "projects">,
  process: string,
  projects: ReadonlyArray<string>,
  out: Array<Problem.Problem>
): void => {
  const drafted = new Set<string>(projects)
  charter.projects.forEach((p, i) => {
    if (!drafted.has(p.id))
      out.push(
        Problem.make(
          "rule",
          ["charter", "projects", i, "id"],
          `the project "${p.id}" is not in the Charter drafted by "${process}" (${list(drafted)}): a Charter contains the projects its roadmap drafted and approved`
        )
      )
  })
  const present = new Set<string>(charter.projects.map((p) => p.id))
  const missing = projects.filter((p) => !present.has(p))
  if (missing.length > 0)
    out.push(
      Problem.make(
        "rule",
        ["charter", "projects"],
        `the roadmap "${process}" drafted ${list(missing)} but the Charter leaves ${missing.length === 1 ? "it" : "them"} out: add ${missing.length === 1 ? "it" : "them"}, or redraft the Charter in the roadmap`
      )
    )
}

/** The Pact's provenance against its roadmap and the Charter's, then its signatories against the roadmap's signatures. */
const pactProblems = (
  pact: Pick<SolidarityPact.SolidarityPact, "signatories" | "provenance">,
  charter: Pick<CitizenshipCharter.CitizenshipCharter, "provenance"> | undefined,
  coDesigns: Processes,
  byId: ProcessesById,
  out: Array<Problem.Problem>
): void => {
  const ref = pact.provenance
  if (ref === undefined) {
    const drafting = drafts(coDesigns, "pact-drafted")
    if (drafting.length > 0)
      out.push(
        Problem.make(
          "rule",
          ["pact", "provenance"],
          `the co-design ${list(drafting)} drafted a Pact but the Pact names no provenance: its signatories come from the roadmap's signatures (seed 004, row 55); give the process, draft and approval ids`
        )
      )
    return
  }
  const process = byId.get(ref.process)
  const roadmap = process === undefined ? undefined : fromRoadmap(process)
  out.push(...checkRef("Pact", ref, roadmap, ["pact", "provenance"], roadmap?.pact))
  if (charter?.provenance !== undefined && charter.provenance.process !== ref.process)
    out.push(
      Problem.make(
        "rule",
        ["pact", "provenance", "process"],
        `the Pact comes from "${ref.process}" but the Charter it realises from "${charter.provenance.process}": Charter and Pact are drafted by one roadmap`
      )
    )
  if (roadmap !== undefined) signatoryProblems(pact, ref.process, roadmap, out)
}

/**
 * Each signatory of the Pact against the roadmap: a party of the drafted
 * Pact, with its own signature event, on the same day; then the parties that
 * signed in the roadmap but are missing from the Pact.
 */
const signatoryProblems = (
  pact: Pick<SolidarityPact.SolidarityPact, "signatories">,
  process: string,
  roadmap: Roadmap,
  out: Array<Problem.Problem>
): void => {
  const parties = new Set<string>(roadmap.pact?.parties ?? [])
  const signatureOf = new Map(roadmap.signatures.map((s) => [s.actor as string, s]))
  const eventActor = new Map(roadmap.signatures.map((s) => [s.eventId as string, s.actor as string]))
  pact.signatories.forEach((s, i) => {
    const at = ["pact", "signatories", i]
    if (roadmap.pact !== undefined && !parties.has(s.actor))
      out.push(
        Problem.make(
          "rule",
          [...at, "actor"],
          `"${s.actor}" is not a party of the Pact drafted by "${process}": add it to the roadmap's pact-drafted parties, or remove it from the Pact`
        )
      )
    const signed = signatureOf.get(s.actor)
    if (signed === undefined)
      out.push(
        Problem.make(
          "rule",
          [...at, "signature"],
          `"${s.actor}" has no signature in the roadmap "${process}": record its signed event`
        )
      )
    else {
      if (s.signature === undefined || eventActor.get(s.signature) !== s.actor)
        out.push(
          Problem.make(
            "rule",
            [...at, "signature"],
            `the signature of "${s.actor}" is the roadmap event "${signed.eventId}"${s.signature === undefined ? ": name it" : `, not "${s.signature}"`}`
          )
        )
      if (s.signedOn !== undefined && s.signedOn !== signed.on)
        out.push(
          Problem.make(
            "rule",
            [...at, "signedOn"],
            `"${s.actor}" signed on ${signed.on} in the roadmap, not on ${s.signedOn}: correct the date`
          )
        )
    }
  })
  const inPact = new Set<string>(pact.signatories.map((s) => s.actor))
  const left = roadmap.signatures.filter((s) => !inPact.has(s.actor)).map((s) => s.actor)
  if (left.length > 0)
    out.push(
      Problem.make(
        "rule",
        ["pact", "signatories"],
        `${list(left)} signed the Pact in the roadmap "${process}" but ${left.length === 1 ? "is" : "are"} not among its signatories: add ${left.length === 1 ? "it" : "them"} with what ${left.length === 1 ? "it commits" : "they commit"}`
      )
    )
}
