/**
 * Replaying taking-charge histories (issue 3): 1,000,000 events across
 * 100,000 cases (ten events each: two needs, the demand, the choice, three
 * community responses, two reviews, the closing), interleaved the way a
 * district's log interleaves them: about 1,000 cases open at any time.
 * Target: < 2 s on one core, with memory that grows with the open cases, not
 * with the events.
 *
 * Workloads: `TakingCharge.replayAll` over the prepared log (every rule
 * checked); the same over a log built on the fly by a generator (the log is
 * never held in memory, so the heap it retains is the replay's own); and
 * a reference hand-written fold that only counts events per case (no rule
 * checked), for the cost of the checks.
 */
import { Actor, type Need, Resource, TakingCharge } from "@welfare/core"
import { byName, type Scenario, seeded } from "../harness.js"

const CASES = 100_000
const WINDOW = 1_000
const PER_CASE = 10
const EVENTS = CASES * PER_CASE
const SEED = 3

const actors = [
  "comune-legnano",
  "ufficio-di-piano",
  "asst-ovest-milanese",
  "coop-melograno",
  "rete-vicinato",
  "oratorio-san-domenico",
  "cgil-legnano"
].map((a) => Actor.ActorId.make(a))
const responders = [[actors[3]!, actors[4]!], [actors[5]!, actors[6]!, actors[4]!], [actors[3]!]] as const
const contribution = [Resource.unsafeMake("competence", 10), Resource.unsafeMake("time", 20)]
const benefits = [Resource.unsafeMake("economic", 400)]
const responseResources = [Resource.unsafeMake("time", 30), Resource.unsafeMake("competence", 6, "session")]
const start = Date.UTC(2024, 0, 1) / 1000

/**
 * The events of the log in order: cases go through in batches of WINDOW, all
 * the cases of a batch advancing one step at a time (so they interleave), one
 * hour apart per step, a random minute within the hour per case.
 */
function* log(seed: number): Generator<TakingCharge.Event> {
  const random = seeded(seed)
  const minute = new Uint16Array(WINDOW)
  for (let batch = 0; batch < CASES / WINDOW; batch++) {
    for (let c = 0; c < WINDOW; c++) minute[c] = Math.floor(random() * 59)
    for (let step = 0; step < PER_CASE; step++) {
      for (let c = 0; c < WINDOW; c++) {
        const n = batch * WINDOW + c
        const caseId = `case-${n}` as TakingCharge.CaseId
        const at = TakingCharge.timestampOf(
          (start + (batch * PER_CASE + step) * 3600 + minute[c]! * 60 + step) * 1000
        )
        const common = {
          eventId: `ev-${n}-${step}` as TakingCharge.EventId,
          caseId,
          at,
          by: actors[(n + step) % actors.length]!
        }
        const needA = `need-${n}-a` as Need.NeedId
        const needB = `need-${n}-b` as Need.NeedId
        switch (step) {
          case 0:
            yield { _tag: "NeedRecorded", ...common, need: needA }
            break
          case 1:
            yield { _tag: "NeedRecorded", ...common, need: needB }
            break
          case 2:
            yield { _tag: "DemandExpressed", ...common, needs: [needA, needB] }
            break
          case 3:
            yield {
              _tag: "ChoiceMade",
              ...common,
              contribution: n % 4 === 0 ? [] : contribution,
              benefits
            }
            break
          case 4:
          case 5:
          case 6:
            yield {
              _tag: "CommunityResponseLinked",
              ...common,
              actors: responders[step - 4]!,
              resources: responseResources
            }
            break
          case 7:
          case 8:
            yield { _tag: "Reviewed", ...common, outcome: step === 7 ? "on-track" : "goal-reached" }
            break
          default:
            yield { _tag: "Closed", ...common, reason: "goal-reached" }
        }
      }
    }
  }
}

let retainedMb = Number.NaN
let minCpuMs = Number.POSITIVE_INFINITY

/** replayAll over the prepared log, recording its CPU time (user + system) beside the harness's wall time. */
const timed = (events: ReadonlyArray<TakingCharge.Event>): TakingCharge.Replayed => {
  const before = process.cpuUsage()
  const result = TakingCharge.replayAll(events)
  const cpu = process.cpuUsage(before)
  minCpuMs = Math.min(minCpuMs, (cpu.user + cpu.system) / 1000)
  return result
}

const gc = (): void => (globalThis as { gc?: () => void }).gc?.()

/**
 * The replay of a log built on the fly (never held in memory); with
 * `--expose-gc`, records the heap the result retains after a collection.
 */
const streamed = (): TakingCharge.Replayed => {
  gc()
  const base = process.memoryUsage().heapUsed
  const result = TakingCharge.replayAll(log(SEED))
  gc()
  retainedMb = (process.memoryUsage().heapUsed - base) / 1024 / 1024
  return result
}

const check = (r: TakingCharge.Replayed): TakingCharge.Replayed => {
  if (r.problems.length > 0 || r.closed.size !== CASES || r.events !== EVENTS)
    throw new Error(
      `the seeded log should replay cleanly: ${r.problems.length} problems, ${r.closed.size} closed cases`
    )
  return r
}

/** The reference: counts events per case, checking nothing. */
const handWritten = (events: ReadonlyArray<TakingCharge.Event>): number => {
  const open = new Map<string, number>()
  let closed = 0
  for (const e of events) {
    const n = (open.get(e.caseId) ?? 0) + 1
    if (e._tag === "Closed") {
      open.delete(e.caseId)
      closed++
    } else open.set(e.caseId, n)
  }
  return closed
}

/**
 * @since 0.1.0
 */
export const scenario: Scenario<ReadonlyArray<TakingCharge.Event>> = {
  id: "taking-charge-replay",
  title: "TakingCharge.replayAll: 1,000,000 events across 100,000 cases",
  target: "< 2 s on one core; memory grows with open cases, not events",
  sizes: `${EVENTS.toLocaleString("en")} events, ${CASES.toLocaleString("en")} cases, ${WINDOW.toLocaleString("en")} open at a time (seed ${SEED})`,
  prepare: () => [...log(SEED)],
  workloads: [
    { name: "@welfare/core replayAll", items: EVENTS, run: (events) => check(timed(events)) },
    {
      name: "@welfare/core replayAll, streamed log (events built on the fly)",
      items: EVENTS,
      run: () => check(streamed())
    },
    { name: "hand-written count per case (no rule checked)", items: EVENTS, run: handWritten }
  ],
  runs: 3,
  meets: (results) => byName(results, "@welfare/core replayAll").medianMs < 2000,
  notes: () => [
    `replayAll CPU time (user + system, fastest run): ${minCpuMs.toFixed(0)} ms; on a shared machine the wall time also counts waiting for a core`,
    ...(Number.isNaN(retainedMb)
      ? []
      : [
          `streamed replay: ${retainedMb.toFixed(0)} MB retained after GC for ${EVENTS.toLocaleString("en")} events (${CASES.toLocaleString("en")} closed-case summaries; at most ${WINDOW.toLocaleString("en")} open cases held at a time)`
        ])
  ]
}
