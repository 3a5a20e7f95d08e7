/**
 * The rules an event must keep to be applied to a co-design process: its
 * identity and time, its kind and stage, then the rules of its type (one
 * function per type). Every problem is returned at once, with its path.
 * @internal
 */
import * as Problem from "../../Problem.js"
import { unknownReference } from "../integrity.js"
import type { Event, EventOf, EventType } from "./events.js"
import { stagesOfKind } from "./model.js"
import {
  activityStages,
  type Core,
  coDesignOnly,
  duplicatesIn,
  isPhase,
  type ProjectState,
  projectActivities,
  typeStages
} from "./state.js"

type Path = ReadonlyArray<string | number>

/** What the rules of one event share: the state, the problems found so far and small helpers. */
interface Context {
  readonly c: Core
  readonly stageOk: boolean
  readonly problems: Array<Problem.Problem>
  readonly path: Path
}

const at = (x: Context, ...p: Array<string | number>): Path => [...x.path, ...p]

const actor = (x: Context, id: string, p: Path): void => {
  if (x.c.known.has(id)) return
  x.problems.push(
    ...unknownReference(
      x.c.known,
      id,
      p,
      "promoter or stakeholder of the process",
      `the stakeholders of process "${x.c.definition.id}"`
    )
  )
}

const unknownProject = (x: Context, id: string, p: Path): void => {
  x.problems.push(
    Problem.make(
      "unknown-reference",
      p,
      `no project "${id}" was built by the focus groups of process "${x.c.definition.id}": record its project-built event first or correct the id`
    )
  )
}

/** The project an event names, or `undefined` after reporting it unknown. */
const knownProject = (x: Context, id: string, p: Path): ProjectState | undefined => {
  const project = x.c.projects.get(id as ProjectState["id"])
  if (project === undefined) unknownProject(x, id, p)
  return project
}

const need = (x: Context, id: string, p: Path): void => {
  if (!x.c.identifiedNeeds.has(id as never))
    x.problems.push(
      Problem.make(
        "unknown-reference",
        p,
        `the need "${id}" has not been identified in process "${x.c.definition.id}": add it to the trigger or record a needs-identified event first`
      )
    )
}

const distinct = (items: ReadonlyArray<string>): boolean => {
  for (let i = 1; i < items.length; i++) for (let j = 0; j < i; j++) if (items[i] === items[j]) return false
  return true
}

const noDuplicates = (x: Context, items: ReadonlyArray<string>, p: Path, what: string): void => {
  if (items.length < 2 || (items.length < 16 && distinct(items))) return
  for (const d of duplicatesIn(items))
    x.problems.push(Problem.make("rule", p, `the ${what} "${d}" is listed twice: list each ${what} once`))
}

const once = (x: Context, drafted: unknown, what: string): void => {
  if (drafted !== undefined)
    x.problems.push(Problem.make("rule", at(x, "type"), `the ${what} is already drafted: it is drafted once`))
}

const identityAndTime = (x: Context, event: Event): void => {
  const { c } = x
  if (c.eventIds.has(event.eventId))
    x.problems.push(
      Problem.make(
        "duplicate-id",
        at(x, "eventId"),
        `the event id "${event.eventId}" is already used in process "${c.definition.id}": give every event its own id`
      )
    )
  if (c.lastAt !== undefined && event.at < c.lastAt)
    x.problems.push(
      Problem.make(
        "out-of-order",
        at(x, "at"),
        `the time goes back: ${event.at} is before the previous event (${c.lastAt}); events are appended in time order`
      )
    )
  if (!c.known.has(event.by)) actor(x, event.by, at(x, "by"))
}

const kindAllows = (c: Core, type: EventType): boolean =>
  !(c.definition.kind === "co-programming" && coDesignOnly.has(type)) &&
  !(c.definition.kind === "co-design" && type === "programme-drafted")

const stageAllows = (c: Core, type: EventType): boolean =>
  typeStages[type].includes(c.stage) &&
  (type !== "verification-started" ||
    c.stage === (c.definition.kind === "co-design" ? "realisation" : "approved"))

const kindAndStage = (x: Context, type: EventType, kindOk: boolean): void => {
  const { definition } = x.c
  if (!kindOk)
    x.problems.push(
      Problem.make(
        "rule",
        at(x, "type"),
        definition.kind === "co-programming"
          ? `a co-programming identifies needs, interventions, ways and resources: a "${type}" event belongs to a co-design process`
          : `a co-design defines and carries out projects: draft a Charter and a Pact, not a programme ("programme-drafted" belongs to a co-programming)`
      )
    )
  else if (!x.stageOk)
    x.problems.push(
      Problem.make(
        "out-of-order",
        at(x, "type"),
        `a "${type}" event is not allowed at the stage "${x.c.stage}" of process "${definition.id}": allowed at ${typeStages[type].filter((s) => stagesOfKind[definition.kind].includes(s)).join(", ")}`
      )
    )
}

const charterDrafted = (x: Context, event: EventOf<"charter-drafted">): void => {
  once(x, x.c.charter, "Charter")
  event.projects.forEach((id, i) => {
    const p = knownProject(x, id, at(x, "projects", i))
    if (p !== undefined && p.feasible !== true)
      x.problems.push(
        Problem.make(
          "rule",
          at(x, "projects", i),
          `the project "${id}" has not been assessed feasible: only feasible projects enter the Charter (seed 004, row 54)`
        )
      )
  })
  noDuplicates(x, event.projects, at(x, "projects"), "project")
}

const approved = (x: Context): void => {
  const { c } = x
  const codesign = c.definition.kind === "co-design"
  if (x.stageOk && (codesign ? c.charter === undefined || c.pact === undefined : c.programme === undefined))
    x.problems.push(
      Problem.make(
        "out-of-order",
        at(x, "type"),
        codesign
          ? "both the Charter and the Pact must be drafted before the approval (seed 004, row 55)"
          : "the programme must be drafted before the approval"
      )
    )
}

const signed = (x: Context, event: EventOf<"signed">): void => {
  const { c } = x
  actor(x, event.actor, at(x, "actor"))
  if (c.signatures.has(event.actor))
    x.problems.push(
      Problem.make(
        "rule",
        at(x, "actor"),
        `"${event.actor}" has already signed the Pact: each party signs once`
      )
    )
  else if (c.known.has(event.actor) && c.pact !== undefined && !c.pact.includes(event.actor))
    x.problems.push(
      Problem.make(
        "rule",
        at(x, "actor"),
        `"${event.actor}" is not a party of the drafted Pact: only its parties sign it`
      )
    )
}

const participationActivity = (x: Context, event: Participation): void => {
  const allowed = activityStages[event.activity]
  if (x.stageOk && !allowed.includes(x.c.stage))
    x.problems.push(
      Problem.make(
        "out-of-order",
        at(x, "activity"),
        `a participation in "${event.activity}" is recorded at the stage ${allowed.join(" or ")}, not at "${x.c.stage}"`
      )
    )
  if (!isPhase(event.activity)) return
  if (x.c.definition.kind === "co-programming")
    x.problems.push(
      Problem.make(
        "rule",
        at(x, "activity"),
        `the phase "${event.activity}" belongs to the projects of a co-design, not to a co-programming`
      )
    )
  else if (event.project === undefined)
    x.problems.push(
      Problem.make(
        "missing",
        at(x, "project"),
        `the phase "${event.activity}" is the phase of a project: name the project`
      )
    )
}

const participationProject = (x: Context, event: Participation): void => {
  if (event.project === undefined) return
  if (!projectActivities.has(event.activity)) {
    x.problems.push(
      Problem.make(
        "rule",
        at(x, "project"),
        `a participation in "${event.activity}" concerns the whole process: remove the project (only focus groups and project phases name one)`
      )
    )
    return
  }
  const p = knownProject(x, event.project, at(x, "project"))
  const { charter } = x.c
  if (
    p !== undefined &&
    event.activity === "realisation" &&
    charter !== undefined &&
    !charter.includes(event.project)
  )
    x.problems.push(
      Problem.make(
        "rule",
        at(x, "project"),
        `the project "${event.project}" is not in the Charter: only the projects of the Charter are realised`
      )
    )
}

type Participation = EventOf<"participation-recorded">

const participation = (x: Context, event: Participation): void => {
  participationActivity(x, event)
  participationProject(x, event)
  event.actors.forEach((a, i) => {
    if (!x.c.known.has(a.actor)) actor(x, a.actor, at(x, "actors", i, "actor"))
  })
  if (event.actors.length > 1)
    noDuplicates(
      x,
      event.actors.map((a) => a.actor),
      at(x, "actors"),
      "actor"
    )
  if (event.persons !== undefined) noDuplicates(x, event.persons, at(x, "persons"), "person")
}

/** The rules of each event type, after those every event shares (a table). */
const byType: { readonly [T in EventType]: (x: Context, event: EventOf<T>) => void } = {
  "steering-group-constituted": (x, e) => {
    e.members.forEach((m, i) => {
      actor(x, m, at(x, "members", i))
    })
    noDuplicates(x, e.members, at(x, "members"), "member")
    noDuplicates(x, e.themes, at(x, "themes"), "theme")
  },
  "partner-contacted": (x, e) => {
    actor(x, e.actor, at(x, "actor"))
    if (x.c.contacted.has(e.actor))
      x.problems.push(Problem.make("rule", at(x, "actor"), `the partner "${e.actor}" was already contacted`))
  },
  "needs-identified": (x, e) => {
    noDuplicates(x, e.needs, at(x, "needs"), "need")
  },
  "focus-groups-started": (x) => {
    if (!x.c.publicEvent && x.stageOk)
      x.problems.push(
        Problem.make(
          "out-of-order",
          at(x, "type"),
          "the steering group realises the public event before the focus groups start (seed 004, row 53): record a participation in the public-event first"
        )
      )
  },
  "project-built": (x, e) => {
    if (x.c.projects.has(e.project))
      x.problems.push(
        Problem.make(
          "duplicate-id",
          at(x, "project"),
          `the project "${e.project}" was already built in process "${x.c.definition.id}": give every project its own id`
        )
      )
    e.needs.forEach((n, i) => {
      need(x, n, at(x, "needs", i))
    })
    noDuplicates(x, e.needs, at(x, "needs"), "need")
  },
  "feasibility-assessed": (x, e) => {
    const p = knownProject(x, e.project, at(x, "project"))
    if (p?.feasible !== undefined)
      x.problems.push(
        Problem.make(
          "rule",
          at(x, "project"),
          `the feasibility of project "${e.project}" was already assessed`
        )
      )
  },
  "partner-aggregated": (x, e) => {
    actor(x, e.actor, at(x, "actor"))
    const p = knownProject(x, e.project, at(x, "project"))
    if (p?.partners.includes(e.actor) === true)
      x.problems.push(
        Problem.make("rule", at(x, "actor"), `"${e.actor}" is already a partner of project "${e.project}"`)
      )
  },
  "charter-drafted": charterDrafted,
  "pact-drafted": (x, e) => {
    once(x, x.c.pact, "Pact")
    e.parties.forEach((a, i) => {
      actor(x, a, at(x, "parties", i))
    })
    noDuplicates(x, e.parties, at(x, "parties"), "party")
  },
  "programme-drafted": (x, e) => {
    once(x, x.c.programme, "programme")
    e.needs.forEach((n, i) => {
      need(x, n, at(x, "needs", i))
    })
    noDuplicates(x, e.needs, at(x, "needs"), "need")
  },
  approved,
  signed,
  "realisation-started": () => {},
  "verification-started": () => {},
  closed: () => {},
  "participation-recorded": participation
}

/**
 * Every problem that keeps an event from applying to a state, at `path`
 * (where the event sits). Empty when the event applies.
 */
export const check = (c: Core, event: Event, path: Path): Array<Problem.Problem> => {
  const kindOk = kindAllows(c, event._tag)
  const x: Context = {
    c,
    stageOk: stageAllows(c, event._tag),
    problems: [],
    path
  }
  identityAndTime(x, event)
  kindAndStage(x, event._tag, kindOk)
  ;(byType[event._tag] as (x: Context, event: Event) => void)(x, event)
  return x.problems
}
