/**
 * Replaying a co-design log (issue 15): one process of 100,000 events along
 * the whole roadmap of seed 004 (rows 53-55): the steering group and its
 * contacts, the public event and the needs analysis, 500 projects built,
 * assessed and given partners by the focus groups, the Charter and the Pact,
 * the approval and the signatures, the realisation and the shared
 * verification, with the participation records of every meeting and phase
 * in between (most of the log). Target: < 1 s, and linear: the time per
 * event is the same at 10,000 and at 100,000 events (0.1 replayed the whole
 * history at each `apply`, so a log was quadratic).
 *
 * Workloads: `CoDesign.replay` (every rule of every event checked, the
 * state built incrementally) at 100,000 and 10,000 events; and a reference
 * hand-written fold that only tracks the stage and the event ids (no rule
 * checked), for the cost of the checks.
 */
import { Actor, CitizenshipCharter, CoDesign, Need, Person, Resource, Timestamp } from "@welfare/core"
import { Either } from "effect"
import { byName, type Scenario, seeded } from "../harness.js"

const EVENTS = 100_000
const SMALL = 10_000
const PROJECTS = 500
const SEED = 15

const comune = Actor.ActorId.make("comune-legnano")
const stakeholders = Array.from({ length: 24 }, (_, i) => Actor.ActorId.make(`ente-${i + 1}`))
const everyone = [comune, ...stakeholders]
const need = Need.NeedId.make("need-casa-lavoro")
const projects = Array.from({ length: PROJECTS }, (_, i) =>
  CitizenshipCharter.ProjectId.make(`proj-${i + 1}`)
)

const definition: CoDesign.Definition = {
  id: CoDesign.CoDesignId.make("codesign-bench"),
  kind: "co-design",
  title: "Verso la Carta della cittadinanza",
  promoter: comune,
  trigger: { needs: [need] },
  stakeholders
}

type Body = Record<string, unknown> & { readonly _tag: CoDesign.EventType }

/** The events of the log in order, one minute apart; `total` events in all. */
const log = (total: number, seed: number): ReadonlyArray<CoDesign.Event> => {
  const random = seeded(seed)
  const out: Array<CoDesign.Event> = []
  const start = Date.UTC(2015, 4, 4, 9)
  const push = (body: Body): void => {
    const n = out.length
    out.push({
      ...body,
      eventId: CoDesign.EventId.make(`ev-${n + 1}`),
      at: Timestamp.fromMillis(start + n * 60_000),
      by: everyone[n % everyone.length]!
    } as unknown as CoDesign.Event)
  }
  const pick = () => everyone[Math.floor(random() * everyone.length)]!
  const took = (activity: CoDesign.Activity, project?: CitizenshipCharter.ProjectId): Body => ({
    _tag: "participation-recorded",
    activity,
    ...(project === undefined ? {} : { project }),
    actors: [
      { actor: comune, role: "promoter" },
      ...[...new Set([pick(), pick(), pick()])]
        .filter((a) => a !== comune)
        .map((actor) => ({ actor, role: "partner" }))
    ],
    ...(random() < 0.5
      ? { recipientCount: Math.floor(random() * 40) }
      : { persons: [Person.PersonId.make(`p-${Math.floor(random() * 900)}`)] })
  })
  // the closing events the roadmap needs after the bulk of participation records
  const tail = PROJECTS + 2 * everyone.length + 8
  push({
    _tag: "steering-group-constituted",
    members: [comune, ...stakeholders.slice(0, 4)],
    themes: ["Casa e lavoro"]
  })
  for (const actor of stakeholders) push({ _tag: "partner-contacted", actor })
  push(took("public-event"))
  push(took("needs-analysis"))
  push({ _tag: "needs-identified", needs: [Need.NeedId.make("need-vulnerabilita")] })
  push({ _tag: "focus-groups-started" })
  projects.forEach((project, i) => {
    push({
      _tag: "project-built",
      project,
      needs: [need],
      services: [
        { provider: stakeholders[i % stakeholders.length]!, intensity: "high-intensity", resources: [] },
        {
          provider: stakeholders[(i + 1) % stakeholders.length]!,
          intensity: "proximity",
          resources: [Resource.unsafeMake("time", 20)]
        }
      ]
    })
    push({ _tag: "feasibility-assessed", project, feasible: true })
    push({ _tag: "partner-aggregated", project, actor: stakeholders[i % stakeholders.length]! })
  })
  const phases = ["focus-group", "ideation", "construction"] as const
  while (out.length < (total * 3) / 5 - tail / 2)
    push(took(phases[out.length % 3]!, projects[Math.floor(random() * PROJECTS)]))
  push({ _tag: "charter-drafted", projects })
  push({ _tag: "pact-drafted", parties: everyone })
  push({ _tag: "approved" })
  for (const actor of everyone) push({ _tag: "signed", actor })
  push({ _tag: "realisation-started" })
  while (out.length < total - everyone.length - 2)
    push(took("realisation", projects[Math.floor(random() * PROJECTS)]))
  push({ _tag: "verification-started" })
  while (out.length < total - 1) push(took("verification"))
  push({ _tag: "closed" })
  return out
}

let minCpuMs = Number.POSITIVE_INFINITY

const replayed = (events: ReadonlyArray<CoDesign.Event>): CoDesign.Process => {
  const before = process.cpuUsage()
  const result = CoDesign.replay(definition, events)
  const cpu = process.cpuUsage(before)
  if (events.length === EVENTS) minCpuMs = Math.min(minCpuMs, (cpu.user + cpu.system) / 1000)
  if (Either.isLeft(result))
    throw new Error(`the seeded log should replay cleanly: ${result.left.length} problems`)
  if (CoDesign.state(result.right).stage !== "closed")
    throw new Error("the seeded log should reach the closing")
  return result.right
}

/** The reference: tracks the stage and the event ids, checking no rule. */
const handWritten = (events: ReadonlyArray<CoDesign.Event>): number => {
  const ids = new Set<string>()
  let stage = 0
  for (const e of events) {
    ids.add(e.eventId)
    if (e._tag !== "participation-recorded") stage++
  }
  return stage + ids.size
}

interface Prepared {
  readonly large: ReadonlyArray<CoDesign.Event>
  readonly small: ReadonlyArray<CoDesign.Event>
}

const LARGE_NAME = `@welfare/core CoDesign.replay, ${EVENTS.toLocaleString("en")} events`
const SMALL_NAME = `@welfare/core CoDesign.replay, ${SMALL.toLocaleString("en")} events`

/**
 * @since 0.2.0
 */
export const scenario: Scenario<Prepared> = {
  id: "codesign-replay",
  title: `CoDesign.replay: a co-design log of ${EVENTS.toLocaleString("en")} events`,
  target: "< 1 s, linear (the same time per event at 10,000 and 100,000 events)",
  sizes: `${EVENTS.toLocaleString("en")} events (and ${SMALL.toLocaleString("en")}), ${PROJECTS} projects, ${everyone.length} actors (seed ${SEED})`,
  prepare: () => ({ large: log(EVENTS, SEED), small: log(SMALL, SEED) }),
  workloads: [
    { name: LARGE_NAME, items: EVENTS, run: (p) => replayed(p.large) },
    { name: SMALL_NAME, items: SMALL, run: (p) => replayed(p.small) },
    {
      name: "hand-written stage and id tracking (no rule checked)",
      items: EVENTS,
      run: (p) => handWritten(p.large)
    }
  ],
  runs: 5,
  meets: (results) => byName(results, LARGE_NAME).medianMs < 1000,
  notes: (results) => {
    const large = byName(results, LARGE_NAME).medianMs / EVENTS
    const small = byName(results, SMALL_NAME).medianMs / SMALL
    return [
      `replay of ${EVENTS.toLocaleString("en")} events, CPU time (user + system, fastest run): ${minCpuMs.toFixed(0)} ms; on a shared machine the wall time also counts waiting for a core`,
      `time per event: ${(large * 1000).toFixed(2)} µs at ${EVENTS.toLocaleString("en")} events, ${(small * 1000).toFixed(2)} µs at ${SMALL.toLocaleString("en")} (ratio ${(large / small).toFixed(2)}: linear when close to 1; quadratic would be 10)`
    ]
  }
}
