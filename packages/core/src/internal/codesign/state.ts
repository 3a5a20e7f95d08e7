/**
 * The state of a co-design process: the public snapshot ({@link State}), the
 * tables of which event and activity each stage allows, and the incremental
 * state the rules read and `evolve` advances in constant time per event.
 * @internal
 */
import type * as Actor from "../../Actor.js"
import type * as CitizenshipCharter from "../../CitizenshipCharter.js"
import type * as Need from "../../Need.js"
import type * as Timestamp from "../../Timestamp.js"
import { Chain, Versions } from "../lifecycle/kernel.js"
import type { Definition, Event, EventType, Participation } from "./events.js"
import { type Activity, type Phase, phases, type Service, type Stage, stages } from "./model.js"

/**
 * A project built by the focus groups.
 *
 * @category models
 * @since 0.1.0
 */
export interface ProjectState {
  readonly id: CitizenshipCharter.ProjectId
  readonly needs: ReadonlyArray<Need.NeedId>
  readonly services: ReadonlyArray<Service>
  readonly feasible?: boolean
  readonly partners: ReadonlyArray<Actor.ActorId>
}

/**
 * What the events of a process have produced so far.
 *
 * @category models
 * @since 0.1.0
 */
export interface State {
  readonly stage: Stage
  readonly lastAt?: Timestamp.Timestamp
  readonly eventIds: ReadonlySet<string>
  readonly steeringGroup: ReadonlyArray<Actor.ActorId>
  readonly themes: ReadonlyArray<string>
  readonly contacted: ReadonlyArray<Actor.ActorId>
  readonly publicEvent: boolean
  readonly identifiedNeeds: ReadonlyArray<Need.NeedId>
  readonly projects: ReadonlyArray<ProjectState>
  readonly charter?: ReadonlyArray<CitizenshipCharter.ProjectId>
  readonly pact?: ReadonlyArray<Actor.ActorId>
  readonly programme?: ReadonlyArray<Need.NeedId>
  readonly signatures: ReadonlyArray<Actor.ActorId>
  readonly participation: ReadonlyArray<Participation>
}
export const stageIndex = (stage: Stage): number => stages.indexOf(stage)

/** The stages each activity may be recorded in. */
export const activityStages: { readonly [A in Activity]: ReadonlyArray<Stage> } = {
  "steering-group": ["steering-group"],
  "public-event": ["steering-group"],
  "needs-analysis": ["steering-group", "focus-groups"],
  "focus-group": ["focus-groups", "drafting"],
  ideation: ["focus-groups", "drafting"],
  construction: ["focus-groups", "drafting", "approved", "signed"],
  realisation: ["realisation"],
  verification: ["verification"]
}

export const projectActivities: ReadonlySet<Activity> = new Set([
  "focus-group",
  "ideation",
  "construction",
  "realisation"
])

export const isPhase = (a: Activity): a is Phase => (phases as ReadonlyArray<string>).includes(a)

/** The stages in which each event type may happen (participation aside). */
export const typeStages: { readonly [T in EventType]: ReadonlyArray<Stage> } = {
  "steering-group-constituted": ["proposed"],
  "partner-contacted": ["steering-group"],
  "needs-identified": ["steering-group", "focus-groups"],
  "focus-groups-started": ["steering-group"],
  "project-built": ["focus-groups"],
  "feasibility-assessed": ["focus-groups"],
  "partner-aggregated": ["focus-groups"],
  "charter-drafted": ["focus-groups", "drafting"],
  "pact-drafted": ["focus-groups", "drafting"],
  "programme-drafted": ["focus-groups", "drafting"],
  approved: ["drafting"],
  signed: ["approved", "signed"],
  "realisation-started": ["signed"],
  "verification-started": ["realisation", "approved"],
  closed: ["verification"],
  "participation-recorded": [
    "steering-group",
    "focus-groups",
    "drafting",
    "approved",
    "signed",
    "realisation",
    "verification"
  ]
}

export const coDesignOnly: ReadonlySet<EventType> = new Set([
  "project-built",
  "feasibility-assessed",
  "partner-aggregated",
  "charter-drafted",
  "pact-drafted",
  "signed",
  "realisation-started"
])

export const participantsOf = (definition: Definition): ReadonlyArray<Actor.ActorId> => [
  ...new Set([definition.promoter, ...definition.stakeholders])
]

export const duplicatesIn = <A>(items: ReadonlyArray<A>): Array<A> =>
  items.filter((x, i) => items.indexOf(x) !== i).filter((x, i, all) => all.indexOf(x) === i)

/**
 * The state the rules read: what {@link State} holds, in structures that
 * grow in constant time from the newest version (so a replay is linear),
 * with the participants of the definition computed once.
 */
export interface Core {
  readonly definition: Definition
  readonly participants: ReadonlyArray<Actor.ActorId>
  readonly known: ReadonlySet<string>
  readonly stage: Stage
  readonly lastAt: Timestamp.Timestamp | undefined
  readonly eventIds: Chain<string>
  readonly steeringGroup: ReadonlyArray<Actor.ActorId>
  readonly themes: ReadonlyArray<string>
  readonly contacted: Chain<Actor.ActorId>
  readonly publicEvent: boolean
  readonly identifiedNeeds: Chain<Need.NeedId>
  readonly projects: Versions<CitizenshipCharter.ProjectId, ProjectState>
  readonly charter: ReadonlyArray<CitizenshipCharter.ProjectId> | undefined
  readonly pact: ReadonlyArray<Actor.ActorId> | undefined
  readonly programme: ReadonlyArray<Need.NeedId> | undefined
  readonly signatures: Chain<Actor.ActorId>
  readonly participation: Chain<Participation>
}

/** The state of a process before its first event. */
export const initial = (definition: Definition): Core => {
  const participants = participantsOf(definition)
  return {
    definition,
    participants,
    known: new Set<string>(participants),
    stage: "proposed",
    lastAt: undefined,
    eventIds: Chain.empty(),
    steeringGroup: [],
    themes: [],
    contacted: Chain.empty(),
    publicEvent: false,
    identifiedNeeds: Chain.of(new Set(definition.trigger.needs)),
    projects: Versions.empty(),
    charter: undefined,
    pact: undefined,
    programme: undefined,
    signatures: Chain.empty(),
    participation: Chain.empty(false)
  }
}

const addNeeds = (chain: Chain<Need.NeedId>, needs: ReadonlyArray<Need.NeedId>): Chain<Need.NeedId> => {
  let out = chain
  for (const n of needs) if (!out.has(n)) out = out.append(n)
  return out
}

const updateProject = (
  c: Core,
  id: CitizenshipCharter.ProjectId,
  change: (p: ProjectState) => ProjectState
): Core["projects"] => {
  const p = c.projects.get(id)
  return p === undefined ? c.projects : c.projects.set(id, change(p))
}

/** The state after an event the rules accepted. */
export const evolve = (c: Core, event: Event): Core => {
  const change = changeOf(c, event)
  // every state is built here, with all its fields in one order (one hidden class, fast replays)
  return {
    definition: c.definition,
    participants: c.participants,
    known: c.known,
    stage: change.stage ?? c.stage,
    lastAt: event.at,
    eventIds: c.eventIds.append(event.eventId),
    steeringGroup: change.steeringGroup ?? c.steeringGroup,
    themes: change.themes ?? c.themes,
    contacted: change.contacted ?? c.contacted,
    publicEvent: change.publicEvent ?? c.publicEvent,
    identifiedNeeds: change.identifiedNeeds ?? c.identifiedNeeds,
    projects: change.projects ?? c.projects,
    charter: change.charter ?? c.charter,
    pact: change.pact ?? c.pact,
    programme: change.programme ?? c.programme,
    signatures: change.signatures ?? c.signatures,
    participation: change.participation ?? c.participation
  }
}

/** What an event changes in the state besides its time and id. */
const changeOf = (c: Core, event: Event): Partial<Core> => {
  switch (event._tag) {
    case "steering-group-constituted":
      return { stage: "steering-group", steeringGroup: event.members, themes: event.themes }
    case "partner-contacted":
      return { contacted: c.contacted.append(event.actor) }
    case "needs-identified":
      return { identifiedNeeds: addNeeds(c.identifiedNeeds, event.needs) }
    case "focus-groups-started":
      return { stage: "focus-groups" }
    case "project-built":
      return {
        projects: c.projects.set(event.project, {
          id: event.project,
          needs: event.needs,
          services: event.services ?? [],
          partners: []
        })
      }
    case "feasibility-assessed":
      return {
        projects: updateProject(c, event.project, (p) => ({ ...p, feasible: event.feasible }))
      }
    case "partner-aggregated":
      return {
        projects: updateProject(c, event.project, (p) => ({ ...p, partners: [...p.partners, event.actor] }))
      }
    case "charter-drafted":
      return { stage: "drafting", charter: event.projects }
    case "pact-drafted":
      return { stage: "drafting", pact: event.parties }
    case "programme-drafted":
      return { stage: "drafting", programme: event.needs }
    case "signed":
      return { stage: "signed", signatures: c.signatures.append(event.actor) }
    case "participation-recorded":
      return {
        publicEvent: c.publicEvent || event.activity === "public-event",
        participation: c.participation.append(event)
      }
    case "approved":
      return { stage: "approved" }
    case "realisation-started":
      return { stage: "realisation" }
    case "verification-started":
      return { stage: "verification" }
    case "closed":
      return { stage: "closed" }
  }
}

/** The public snapshot of a state (each list copied once). */
export const toState = (c: Core): State => ({
  stage: c.stage,
  ...(c.lastAt === undefined ? {} : { lastAt: c.lastAt }),
  eventIds: new Set(c.eventIds.toArray()),
  steeringGroup: c.steeringGroup,
  themes: c.themes,
  contacted: c.contacted.toArray(),
  publicEvent: c.publicEvent,
  identifiedNeeds: c.identifiedNeeds.toArray(),
  projects: c.projects.values(),
  ...(c.charter === undefined ? {} : { charter: c.charter }),
  ...(c.pact === undefined ? {} : { pact: c.pact }),
  ...(c.programme === undefined ? {} : { programme: c.programme }),
  signatures: c.signatures.toArray(),
  participation: c.participation.toArray()
})
