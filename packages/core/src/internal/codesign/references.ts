/**
 * The references of a territory's co-design processes: duplicate process
 * ids, and the actors, needs and projects they name.
 * @internal
 */
import type * as Problem from "../../Problem.js"
import { duplicateIds, unknownReference } from "../integrity.js"
import type { Event, Process } from "./events.js"

type Path = ReadonlyArray<string | number>

interface Checks {
  readonly actor: (id: string, p: Path) => void
  readonly need: (id: string, p: Path) => void
  readonly project: (id: string, p: Path) => void
}

/** The references one event makes (a table of its fields by type). */
const eventReferences = (e: Event, ev: (...p: Array<string | number>) => Path, check: Checks): void => {
  const { actor, need, project } = check
  switch (e._tag) {
    case "steering-group-constituted":
      e.members.forEach((a, k) => {
        actor(a, ev("members", k))
      })
      break
    case "partner-contacted":
    case "signed":
      actor(e.actor, ev("actor"))
      break
    case "partner-aggregated":
      actor(e.actor, ev("actor"))
      project(e.project, ev("project"))
      break
    case "needs-identified":
    case "programme-drafted":
      e.needs.forEach((n, k) => {
        need(n, ev("needs", k))
      })
      break
    case "project-built":
      project(e.project, ev("project"))
      e.needs.forEach((n, k) => {
        need(n, ev("needs", k))
      })
      e.services?.forEach((x, k) => {
        actor(x.provider, ev("services", k, "provider"))
      })
      break
    case "feasibility-assessed":
      project(e.project, ev("project"))
      break
    case "charter-drafted":
      e.projects.forEach((p, k) => {
        project(p, ev("projects", k))
      })
      break
    case "pact-drafted":
      e.parties.forEach((a, k) => {
        actor(a, ev("parties", k))
      })
      break
    case "participation-recorded":
      e.actors.forEach((a, k) => {
        actor(a.actor, ev("actors", k, "actor"))
      })
      if (e.project !== undefined) project(e.project, ev("project"))
      break
    default:
      break
  }
}

export const referenceProblems = (
  items: ReadonlyArray<Process>,
  known: {
    readonly actors: ReadonlySet<string>
    readonly needs: ReadonlySet<string>
    readonly projects?: ReadonlySet<string>
  },
  path: ReadonlyArray<string | number>
): Array<Problem.Problem> => {
  const problems = duplicateIds(items, (p) => p.id, path, "co-design process")
  const actor = (id: string, p: ReadonlyArray<string | number>): void => {
    problems.push(...unknownReference(known.actors, id, p, "actor", "actors"))
  }
  const need = (id: string, p: ReadonlyArray<string | number>): void => {
    problems.push(...unknownReference(known.needs, id, p, "need", "needs"))
  }
  const project = (id: string, p: ReadonlyArray<string | number>) => {
    if (known.projects !== undefined)
      problems.push(
        ...unknownReference(known.projects, id, p, "project", "the projects of the Citizenship Charter")
      )
  }
  const check: Checks = { actor, need, project }
  items.forEach((process, i) => {
    const at = (...p: Array<string | number>) => [...path, i, ...p]
    actor(process.promoter, at("promoter"))
    process.stakeholders.forEach((a, j) => {
      actor(a, at("stakeholders", j))
    })
    process.trigger.needs.forEach((n, j) => {
      need(n, at("trigger", "needs", j))
    })
    process.events.forEach((e, j) => {
      const ev = (...p: Array<string | number>) => at("events", j, ...p)
      actor(e.by, ev("by"))
      eventReferences(e, ev, check)
    })
  })
  return problems
}
