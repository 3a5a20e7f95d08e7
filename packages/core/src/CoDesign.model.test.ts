/**
 * Model-based test (fast-check `commands`): the real `CoDesign.apply` checked
 * against a small reference model of the seed 004 roadmap, written
 * independently of the implementation: a stage number, the projects and
 * their partners, the drafts and the signatures.
 */
import * as Either from "effect/Either"
import * as fc from "fast-check"
import { describe, expect, it } from "vitest"
import * as Actor from "./Actor.js"
import * as CitizenshipCharter from "./CitizenshipCharter.js"
import * as CoDesign from "./CoDesign.js"

const comune = Actor.ActorId.make("comune-legnano")
const partners = ["forum-terzo-settore", "coop-melograno", "rete-vicinato"].map((a) => Actor.ActorId.make(a))
const everyone = [comune, ...partners]
const projectIds = ["proj-1", "proj-2", "proj-3"].map((p) => CitizenshipCharter.ProjectId.make(p))

// 0 proposed, 1 steering group, 2 focus groups, 3 drafting, 4 approved, 5 signed,
// 6 realisation, 7 verification, 8 closed
const STAGES = [
  "proposed",
  "steering-group",
  "focus-groups",
  "drafting",
  "approved",
  "signed",
  "realisation",
  "verification",
  "closed"
] as const

interface Model {
  stage: number
  publicEvent: boolean
  projects: Map<string, { feasible?: boolean; partners: Set<string> }>
  charter?: Set<string>
  pact?: Set<string>
  signatures: Set<string>
  events: number
}

/** Every stage some run has reached: the runs must check every stage. */
const reached = new Set<number>()

interface Real {
  process: CoDesign.Process
}

const at = (n: number, back = false) =>
  `${new Date(Date.UTC(2015, 4, 5, 9) + (back ? n - 2 : n) * 3_600_000).toISOString().slice(0, 19)}Z`

type Body = { _tag: CoDesign.EventType } & Record<string, unknown>

abstract class Step implements fc.Command<Model, Real> {
  abstract body(): Body
  abstract allowed(m: Model): boolean
  abstract update(m: Model): void
  abstract toString(): string
  back = false
  check = () => true
  run(m: Model, r: Real): void {
    const event = {
      ...this.body(),
      eventId: CoDesign.EventId.make(`ev-${m.events + 1}`),
      at: at(m.events, this.back),
      by: comune
    } as unknown as CoDesign.Event
    const expected = this.allowed(m) && !(this.back && m.events > 0)
    const result = CoDesign.apply(r.process, event)
    expect(Either.isRight(result), `${this.toString()} at stage ${STAGES[m.stage]}`).toBe(expected)
    if (Either.isRight(result)) {
      this.update(m)
      m.events++
      r.process = result.right
    }
    expect(CoDesign.state(r.process).stage).toBe(STAGES[m.stage])
    reached.add(m.stage)
    expect(r.process.events.length).toBe(m.events)
  }
}

class Constitute extends Step {
  constructor(back = false) {
    super()
    this.back = back
  }
  body = (): Body => ({
    _tag: "steering-group-constituted",
    members: [comune, partners[0]],
    themes: ["Casa e lavoro"]
  })
  allowed = (m: Model) => m.stage === 0
  update = (m: Model) => {
    m.stage = 1
  }
  toString = () => (this.back ? "Constitute(time goes back)" : "Constitute")
}

class PublicEvent extends Step {
  body = (): Body => ({
    _tag: "participation-recorded",
    activity: "public-event",
    actors: everyone.map((actor) => ({ actor, role: "partner" })),
    recipientCount: 80
  })
  allowed = (m: Model) => m.stage === 1
  update = (m: Model) => {
    m.publicEvent = true
  }
  toString = () => "PublicEvent"
}

class Simple extends Step {
  constructor(
    readonly tag:
      | "focus-groups-started"
      | "approved"
      | "realisation-started"
      | "verification-started"
      | "closed"
  ) {
    super()
  }
  body = (): Body => ({ _tag: this.tag })
  allowed = (m: Model) => {
    switch (this.tag) {
      case "focus-groups-started":
        return m.stage === 1 && m.publicEvent
      case "approved":
        return m.stage === 3 && m.charter !== undefined && m.pact !== undefined
      case "realisation-started":
        return m.stage === 5
      case "verification-started":
        return m.stage === 6
      case "closed":
        return m.stage === 7
    }
  }
  update = (m: Model) => {
    m.stage = {
      "focus-groups-started": 2,
      approved: 4,
      "realisation-started": 6,
      "verification-started": 7,
      closed: 8
    }[this.tag]
  }
  toString = () => this.tag
}

class Build extends Step {
  constructor(readonly project: CitizenshipCharter.ProjectId) {
    super()
  }
  body = (): Body => ({ _tag: "project-built", project: this.project, needs: [] })
  allowed = (m: Model) => m.stage === 2 && !m.projects.has(this.project)
  update = (m: Model) => {
    m.projects.set(this.project, { partners: new Set() })
  }
  toString = () => `Build(${this.project})`
}

class Assess extends Step {
  constructor(
    readonly project: CitizenshipCharter.ProjectId,
    readonly feasible: boolean
  ) {
    super()
  }
  body = (): Body => ({ _tag: "feasibility-assessed", project: this.project, feasible: this.feasible })
  allowed = (m: Model) =>
    m.stage === 2 && m.projects.get(this.project)?.feasible === undefined && m.projects.has(this.project)
  update = (m: Model) => {
    m.projects.get(this.project)!.feasible = this.feasible
  }
  toString = () => `Assess(${this.project}, ${this.feasible})`
}

class Aggregate extends Step {
  constructor(
    readonly project: CitizenshipCharter.ProjectId,
    readonly actor: Actor.ActorId
  ) {
    super()
  }
  body = (): Body => ({ _tag: "partner-aggregated", project: this.project, actor: this.actor })
  allowed = (m: Model) =>
    m.stage === 2 && m.projects.has(this.project) && !m.projects.get(this.project)!.partners.has(this.actor)
  update = (m: Model) => {
    m.projects.get(this.project)!.partners.add(this.actor)
  }
  toString = () => `Aggregate(${this.project}, ${this.actor})`
}

class DraftCharter extends Step {
  constructor(readonly projects: ReadonlyArray<CitizenshipCharter.ProjectId>) {
    super()
  }
  body = (): Body => ({ _tag: "charter-drafted", projects: this.projects })
  allowed = (m: Model) =>
    (m.stage === 2 || m.stage === 3) &&
    m.charter === undefined &&
    this.projects.every((p) => m.projects.get(p)?.feasible === true)
  update = (m: Model) => {
    m.charter = new Set(this.projects)
    m.stage = 3
  }
  toString = () => `DraftCharter(${this.projects.join(", ")})`
}

class DraftPact extends Step {
  constructor(readonly parties: ReadonlyArray<Actor.ActorId>) {
    super()
  }
  body = (): Body => ({ _tag: "pact-drafted", parties: this.parties })
  allowed = (m: Model) => (m.stage === 2 || m.stage === 3) && m.pact === undefined
  update = (m: Model) => {
    m.pact = new Set(this.parties)
    m.stage = 3
  }
  toString = () => `DraftPact(${this.parties.join(", ")})`
}

class Sign extends Step {
  constructor(readonly actor: Actor.ActorId) {
    super()
  }
  body = (): Body => ({ _tag: "signed", actor: this.actor })
  allowed = (m: Model) =>
    (m.stage === 4 || m.stage === 5) && m.pact?.has(this.actor) === true && !m.signatures.has(this.actor)
  update = (m: Model) => {
    m.signatures.add(this.actor)
    m.stage = 5
  }
  toString = () => `Sign(${this.actor})`
}

class Phase extends Step {
  constructor(
    readonly phase: CoDesign.Phase,
    readonly project: CitizenshipCharter.ProjectId
  ) {
    super()
  }
  body = (): Body => ({
    _tag: "participation-recorded",
    activity: this.phase,
    project: this.project,
    actors: [{ actor: comune, role: "promoter" }]
  })
  allowed = (m: Model) => {
    if (!m.projects.has(this.project)) return false
    if (this.phase === "ideation") return m.stage === 2 || m.stage === 3
    if (this.phase === "construction") return m.stage >= 2 && m.stage <= 5
    return m.stage === 6 && m.charter?.has(this.project) === true
  }
  update = () => {}
  toString = () => `Phase(${this.phase}, ${this.project})`
}

const project = fc.constantFrom(...projectIds)
const partner = fc.constantFrom(...everyone)
const simple = fc
  .constantFrom("focus-groups-started", "approved", "realisation-started", "verification-started", "closed")
  .map((t) => new Simple(t as Simple["tag"]))
// Commands that move the roadmap forward are listed several times, so that
// sequences reach the signatures, the realisation and the verification.
const commands = [
  fc.boolean().map((back) => new Constitute(back)),
  fc.constant(new PublicEvent()),
  simple,
  simple,
  simple,
  simple,
  simple,
  project.map((p) => new Build(p)),
  project.map((p) => new Build(p)),
  fc.tuple(project, fc.boolean()).map(([p, f]) => new Assess(p, f)),
  project.map((p) => new Assess(p, true)),
  fc.tuple(project, partner).map(([p, a]) => new Aggregate(p, a)),
  fc.uniqueArray(project, { minLength: 1, maxLength: 3 }).map((ps) => new DraftCharter(ps)),
  project.map((p) => new DraftCharter([p])),
  fc.uniqueArray(partner, { minLength: 1, maxLength: 4 }).map((as) => new DraftPact(as)),
  partner.map((a) => new Sign(a)),
  partner.map((a) => new Sign(a)),
  fc.tuple(fc.constantFrom(...CoDesign.phases), project).map(([ph, p]) => new Phase(ph, p))
]

describe("CoDesign model", { timeout: 120_000 }, () => {
  it("property: apply agrees with a reference model of the roadmap over command sequences (invariants 10 and 12)", () => {
    fc.assert(
      fc.property(fc.commands(commands, { maxCommands: 120, size: "large" }), (cmds) => {
        const model: Model = {
          stage: 0,
          publicEvent: false,
          projects: new Map(),
          signatures: new Set(),
          events: 0
        }
        const real: Real = {
          process: CoDesign.unsafeMake({
            id: CoDesign.CoDesignId.make("codesign-model"),
            kind: "co-design",
            title: "Casa e lavoro",
            promoter: comune,
            trigger: { needs: [] },
            stakeholders: partners
          })
        }
        fc.modelRun(() => ({ model, real }), cmds)
      }),
      {
        numRuns: 200,
        // the Legnano roadmap of seed 004, from the steering group to the closure, always runs first
        examples: [
          [
            [
              new Constitute(),
              new PublicEvent(),
              new Simple("focus-groups-started"),
              new Build(projectIds[0]!),
              new Aggregate(projectIds[0]!, partners[0]!),
              new Phase("ideation", projectIds[0]!),
              new Assess(projectIds[0]!, true),
              new DraftCharter([projectIds[0]!]),
              new Sign(partners[0]!),
              new DraftPact([comune, partners[0]!]),
              new Simple("approved"),
              new Sign(partners[0]!),
              new Sign(partners[0]!),
              new Phase("realisation", projectIds[0]!),
              new Simple("realisation-started"),
              new Phase("realisation", projectIds[0]!),
              new Simple("verification-started"),
              new Simple("closed"),
              new Constitute(true)
            ]
          ]
        ]
      }
    )
    // the checks above were made at every stage
    expect([...reached].sort()).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8])
  })
})
