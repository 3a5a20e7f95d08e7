/**
 * Applying and replaying the events of a co-design process, incrementally:
 * the state a process reached is kept beside it (a weak map, so it goes with
 * the process), so `apply` checks one event against it instead of replaying
 * the history, and `replay` is one fold of `step` over the events.
 * @internal
 */

import * as Either from "effect/Either"
import * as Schema from "effect/Schema"
import * as Decoder from "../../Decoder.js"
import * as Problem from "../../Problem.js"
import { describe } from "../describe.js"
import * as Lifecycle from "../lifecycle/kernel.js"
import {
  type Definition,
  Definition as DefinitionSchema,
  type Event,
  EventType,
  eventSchemas,
  eventTypes,
  Process,
  type ProcessEncoded
} from "./events.js"
import { check } from "./rules.js"
import { type Core, evolve, initial, type State, toState } from "./state.js"

/** One step of the lifecycle: the state after the event at `index`, or every problem with it. */
export const step: Lifecycle.Step<Core, Event, Problem.Problem> = (c, event, index) => {
  const problems = check(c, event, ["events", index])
  return problems.length === 0 ? Either.right(evolve(c, event)) : Lifecycle.result(c, problems)
}

/** The fold of a history: the state of the events accepted, and the problems of the others. */
export const fold = (definition: Definition, events: Iterable<Event>) =>
  Lifecycle.fold(step, initial(definition), events)

// The state each valid process reached (a process whose events do not all apply is not kept).
const reached = new WeakMap<Process, Core>()

/** The state a process reached, and the problems of its events (cached when there are none). */
export const coreOf = (
  process: Process
): { readonly core: Core; readonly problems: ReadonlyArray<Problem.Problem> } => {
  const known = reached.get(process)
  if (known !== undefined) return { core: known, problems: [] }
  const { problems, state } = fold(process, process.events)
  if (problems.length === 0) reached.set(process, state)
  return { core: state, problems }
}

const snapshots = new WeakMap<Process, State>()

export const state = (process: Process): State => {
  const known = snapshots.get(process)
  if (known !== undefined) return known
  const s = toState(coreOf(process).core)
  snapshots.set(process, s)
  return s
}

export const definitionOf = (process: Process): Definition => {
  const { events: _, ...definition } = process
  return definition
}

export const make = (definition: Definition): Process => ({ ...definition, events: [] })

export const apply = (self: Process, event: Event): Problem.Result<Process> => {
  const { core, problems: earlier } = coreOf(self)
  if (earlier.length > 0) return Problem.fromProblems(self, earlier)
  const applied = step(core, event, self.events.length)
  if (Either.isLeft(applied)) return Either.left(applied.left)
  const next: Process = { ...self, events: [...self.events, event] }
  reached.set(next, applied.right)
  return Either.right(next)
}

export const replay = (definition: Definition, events: ReadonlyArray<Event>): Problem.Result<Process> => {
  const { problems, state } = fold(definition, events)
  if (problems.length > 0) return Lifecycle.result(undefined as never, problems)
  const process: Process = { ...definitionOf(definition as Process), events }
  reached.set(process, state)
  return Either.right(process)
}

const decodeDefinition = Decoder.lazy(DefinitionSchema)
// Reads the type alone (the event's other fields are checked strictly by its own decoder).
const decodeType = Decoder.lazy(Schema.Struct({ type: EventType }), { unknownProperties: "ignore" })
const eventDecoders: { readonly [T in EventType]: (u: unknown) => Problem.Result<Event> } =
  Object.fromEntries(
    eventTypes.map((t) => [t, Decoder.lazy(eventSchemas[t] as unknown as Schema.Schema<Event, unknown>)])
  ) as never

export const decodeEvent = (input: unknown): Problem.Result<Event> =>
  Either.flatMap(decodeType(input), ({ type }) => eventDecoders[type](input))

const decodeEvents = (raw: unknown, problems: Array<Problem.Problem>): Array<Event> => {
  const events: Array<Event> = []
  if (!Array.isArray(raw))
    problems.push(
      raw === undefined
        ? Problem.make("missing", ["events"], "is required but missing")
        : Problem.make("invalid-value", ["events"], `expected a list of events, got ${describe(raw)}`)
    )
  else
    raw.forEach((u, i) => {
      const e = decodeEvent(u)
      if (Either.isLeft(e)) problems.push(...Problem.prefix(e.left, ["events", i]))
      else events.push(e.right)
    })
  return events
}

export const decode = (input: unknown): Problem.Result<Process> => {
  const isObject = typeof input === "object" && input !== null && !Array.isArray(input)
  // The definition is every property but `events`, which are decoded one by one below.
  const { events: raw, ...fields } = isObject
    ? (input as { readonly events?: unknown })
    : { events: undefined }
  const definition = decodeDefinition(isObject ? fields : input)
  const problems: Array<Problem.Problem> = Either.isLeft(definition) ? [...definition.left] : []
  const events = decodeEvents(raw, problems)
  if (problems.length > 0 || Either.isLeft(definition))
    return Problem.fromProblems(undefined as never, problems)
  return replay(definition.right, events)
}

export const encode: (process: Process) => ProcessEncoded = Schema.encodeSync(Process)

/** The trace of a process: each event and the stage reached after it. */
export const trace = (process: Process) => {
  let c = initial(process)
  return Lifecycle.trace(process.events, (event, index) => {
    const applied = step(c, event, index)
    if (Either.isRight(applied)) c = applied.right
    return { index, eventId: event.eventId, at: event.at, by: event.by, kind: event._tag, stage: c.stage }
  })
}
