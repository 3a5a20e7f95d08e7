/**
 * What a co-design process allows next: the offers of its stage, and
 * whether an offer allows an event.
 * @internal
 */
import type * as Actor from "../../Actor.js"
import type * as CitizenshipCharter from "../../CitizenshipCharter.js"
import type * as Need from "../../Need.js"
import type { Event, EventType, Process } from "./events.js"
import { type Activity, activities } from "./model.js"
import { state } from "./process.js"
import { activityStages, isPhase, participantsOf, type State } from "./state.js"

/**
 * One kind of event (its `_tag`) the process allows now, with the values it may carry:
 * the actors (`by`, and the actor a `partner-contacted` or `signed` names, the
 * members, parties or participants), the projects, the needs, the activity,
 * and the earliest instant (`notBefore`).
 *
 * @category models
 * @since 0.1.0
 */
export interface Offer {
  /** The tag of the event offered. */
  readonly _tag: EventType
  readonly notBefore?: string
  readonly by: ReadonlyArray<Actor.ActorId>
  readonly actors?: ReadonlyArray<Actor.ActorId>
  readonly projects?: ReadonlyArray<CitizenshipCharter.ProjectId>
  readonly needs?: ReadonlyArray<Need.NeedId>
  readonly activity?: Activity
  readonly project?: CitizenshipCharter.ProjectId
  /** For `project-built`: the project ids already used (a new project takes another). */
  readonly usedProjects?: ReadonlyArray<CitizenshipCharter.ProjectId>
}

type Base = Pick<Offer, "by" | "notBefore">

const steeringGroup = (s: State, by: ReadonlyArray<Actor.ActorId>, base: Base): Array<Offer> => {
  const offers: Array<Offer> = []
  const uncontacted = by.filter((a) => !s.contacted.includes(a))
  if (uncontacted.length > 0) offers.push({ ...base, _tag: "partner-contacted", actors: uncontacted })
  offers.push({ ...base, _tag: "needs-identified" })
  if (s.publicEvent) offers.push({ ...base, _tag: "focus-groups-started" })
  return offers
}

const focusGroups = (
  s: State,
  by: ReadonlyArray<Actor.ActorId>,
  base: Base,
  codesign: boolean
): Array<Offer> => {
  const offers: Array<Offer> = [{ ...base, _tag: "needs-identified" }]
  if (!codesign) return offers
  offers.push({
    ...base,
    _tag: "project-built",
    needs: s.identifiedNeeds,
    usedProjects: s.projects.map((p) => p.id)
  })
  for (const p of s.projects) {
    if (p.feasible === undefined) offers.push({ ...base, _tag: "feasibility-assessed", project: p.id })
    const free = by.filter((a) => !p.partners.includes(a))
    if (free.length > 0) offers.push({ ...base, _tag: "partner-aggregated", project: p.id, actors: free })
  }
  return offers
}

const drafting = (
  s: State,
  by: ReadonlyArray<Actor.ActorId>,
  base: Base,
  codesign: boolean
): Array<Offer> => {
  const offers: Array<Offer> = []
  if (codesign) {
    const feasible = s.projects.filter((p) => p.feasible === true).map((p) => p.id)
    if (s.charter === undefined && feasible.length > 0)
      offers.push({ ...base, _tag: "charter-drafted", projects: feasible })
    if (s.pact === undefined) offers.push({ ...base, _tag: "pact-drafted", actors: by })
    if (s.charter !== undefined && s.pact !== undefined) offers.push({ ...base, _tag: "approved" })
  } else {
    if (s.programme === undefined && s.identifiedNeeds.length > 0)
      offers.push({ ...base, _tag: "programme-drafted", needs: s.identifiedNeeds })
    if (s.programme !== undefined) offers.push({ ...base, _tag: "approved" })
  }
  return offers
}

const signing = (s: State, base: Base, codesign: boolean): Array<Offer> => {
  if (!codesign) return [{ ...base, _tag: "verification-started" }]
  const offers: Array<Offer> = []
  const unsigned = (s.pact ?? []).filter((a) => !s.signatures.includes(a))
  if (unsigned.length > 0) offers.push({ ...base, _tag: "signed", actors: unsigned })
  if (s.stage === "signed") offers.push({ ...base, _tag: "realisation-started" })
  return offers
}

/** The roadmap events the stage allows (participation aside). */
const roadmap = (s: State, by: ReadonlyArray<Actor.ActorId>, base: Base, codesign: boolean): Array<Offer> => {
  switch (s.stage) {
    case "proposed":
      return [{ ...base, _tag: "steering-group-constituted", actors: by }]
    case "steering-group":
      return steeringGroup(s, by, base)
    case "focus-groups":
      return [...focusGroups(s, by, base, codesign), ...drafting(s, by, base, codesign)]
    case "drafting":
      return drafting(s, by, base, codesign)
    case "approved":
    case "signed":
      return signing(s, base, codesign)
    case "realisation":
      return [{ ...base, _tag: "verification-started" }]
    case "verification":
      return [{ ...base, _tag: "closed" }]
    case "closed":
      return []
  }
}

/** The participation records the stage allows. */
const participations = (
  s: State,
  by: ReadonlyArray<Actor.ActorId>,
  base: Base,
  codesign: boolean
): Array<Offer> => {
  const offers: Array<Offer> = []
  if (s.stage === "proposed" || s.stage === "closed") return offers
  for (const activity of activities) {
    if (!activityStages[activity].includes(s.stage)) continue
    if (isPhase(activity)) {
      if (!codesign) continue
      const projects = activity === "realisation" ? (s.charter ?? []) : s.projects.map((p) => p.id)
      for (const project of projects)
        offers.push({ ...base, _tag: "participation-recorded", activity, project, actors: by })
    } else {
      offers.push({ ...base, _tag: "participation-recorded", activity, actors: by })
      if (activity === "focus-group" && codesign)
        for (const p of s.projects)
          offers.push({ ...base, _tag: "participation-recorded", activity, project: p.id, actors: by })
    }
  }
  return offers
}

export const next = (process: Process): ReadonlyArray<Offer> => {
  const s = state(process)
  const by = participantsOf(process)
  const base: Base = s.lastAt === undefined ? { by } : { by, notBefore: s.lastAt }
  const codesign = process.kind === "co-design"
  return [...roadmap(s, by, base, codesign), ...participations(s, by, base, codesign)]
}

const distinct = (xs: ReadonlyArray<string>): boolean => new Set(xs).size === xs.length
const within = (xs: ReadonlyArray<string>, allowed: ReadonlyArray<string> | undefined): boolean =>
  xs.every((x) => (allowed ?? []).includes(x))

export const allows = (offer: Offer, event: Event): boolean => {
  if (offer._tag !== event._tag) return false
  if (offer.notBefore !== undefined && event.at < offer.notBefore) return false
  if (!offer.by.includes(event.by)) return false
  switch (event._tag) {
    case "steering-group-constituted":
      return distinct(event.members) && distinct(event.themes) && within(event.members, offer.actors)
    case "partner-contacted":
    case "signed":
      return within([event.actor], offer.actors)
    case "needs-identified":
      return distinct(event.needs)
    case "project-built":
      return (
        distinct(event.needs) &&
        within(event.needs, offer.needs) &&
        !(offer.usedProjects ?? []).includes(event.project)
      )
    case "feasibility-assessed":
      return event.project === offer.project
    case "partner-aggregated":
      return event.project === offer.project && within([event.actor], offer.actors)
    case "charter-drafted":
      return distinct(event.projects) && within(event.projects, offer.projects)
    case "pact-drafted":
      return distinct(event.parties) && within(event.parties, offer.actors)
    case "programme-drafted":
      return distinct(event.needs) && within(event.needs, offer.needs)
    case "participation-recorded": {
      const actors = event.actors.map((a) => a.actor)
      return (
        event.activity === offer.activity &&
        event.project === offer.project &&
        distinct(actors) &&
        within(actors, offer.actors) &&
        distinct(event.persons ?? [])
      )
    }
    default:
      return true
  }
}

export const isOffered = (offers: ReadonlyArray<Offer>, event: Event): boolean =>
  offers.some((o) => allows(o, event))
