/**
 * Co-programming and co-design (co-programmazione, co-progettazione) as the
 * seeds describe them: the process, its roadmap and its rules.
 *
 * This is the seeds' generative co-design (2015): the roadmap (cronoprogramma)
 * of seed 004 (rows 53-55): a steering group (themes, partner contacts,
 * public event), focus groups, drafts, approval; a co-design then has its
 * Solidarity Pact signed, realises its projects and verifies them with
 * everyone who took part (seed 001, move 6). A co-programming ends with an
 * approved programme: its projects are carried out by the co-designs that
 * follow it. The seeds never cite the law, and their parties include unions
 * and businesses: the legal procedure of art. 55 of the Third Sector Code
 * (D.Lgs. 117/2017, DM 72/2021) is a separate, optional layer, see
 * `Article55`.
 *
 * A process is event-sourced: its definition plus an append-only list of
 * events, each with an id, a time (ISO 8601 UTC) and the actor who recorded
 * it. {@link next} says what the process allows now, {@link apply} appends
 * one event or returns every problem without changing anything, and
 * {@link audit} lists every rule of the seed 003 workshop (rows 50-54) that
 * the process breaks or puts at risk.
 *
 * @since 0.1.0
 */
import * as Either from "effect/Either"
import { dual } from "effect/Function"
import * as Schema from "effect/Schema"
import * as Actor from "./Actor.js"
import * as CitizenshipCharter from "./CitizenshipCharter.js"
import { describe } from "./internal/describe.js"
import { duplicateIds, unknownReference } from "./internal/integrity.js"
import { id, literals, optional, text } from "./internal/schema.js"
import type { Labels, Text } from "./Label.js"
import * as Need from "./Need.js"
import * as Person from "./Person.js"
import * as Problem from "./Problem.js"
import * as Resource from "./Resource.js"

/**
 * The id of a co-design or co-programming process.
 *
 * @category models
 * @since 0.1.0
 */
export const CoDesignId = id("CoDesignId", "codesign", "The id of a co-design or co-programming process.")

/**
 * @category models
 * @since 0.1.0
 */
export type CoDesignId = typeof CoDesignId.Type

/**
 * The id of one event of a process.
 *
 * @category models
 * @since 0.1.0
 */
export const EventId = id("CoDesignEventId", "ev", "The id of one event of a co-design process.")

/**
 * @category models
 * @since 0.1.0
 */
export type EventId = typeof EventId.Type

// ---------------------------------------------------------------------------
// Time
// ---------------------------------------------------------------------------

const instantPattern = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d:[0-5]\dZ$/

const isInstant = (s: string): boolean => {
  if (!instantPattern.test(s)) return false
  const d = new Date(s)
  return !Number.isNaN(d.getTime()) && `${d.toISOString().slice(0, 19)}Z` === s
}

/**
 * An instant in ISO 8601 UTC with seconds, `2015-05-20T17:30:00Z`: one fixed
 * format, so that instants compare correctly as texts.
 *
 * @category models
 * @since 0.1.0
 */
export const Instant = Schema.String.pipe(
  Schema.filter(
    (s) =>
      isInstant(s) ||
      `expected an instant in ISO 8601 UTC such as 2015-05-20T17:30:00Z (date, time with seconds, Z), got ${describe(s)}`
  ),
  Schema.annotations({
    identifier: "Instant",
    description: "An instant in ISO 8601 UTC with seconds, for example 2015-05-20T17:30:00Z.",
    jsonSchema: { type: "string", pattern: instantPattern.source },
    arbitrary: () => (fc) =>
      fc
        .integer({ min: Date.UTC(2015, 0, 1) / 1000, max: Date.UTC(2017, 11, 31) / 1000 })
        .map((s) => `${new Date(s * 1000).toISOString().slice(0, 19)}Z`)
  })
)

// ---------------------------------------------------------------------------
// Enumerations
// ---------------------------------------------------------------------------

/**
 * The two variants of the seeds' roadmap: a programme, or a Charter and a Pact.
 *
 * @category constants
 * @since 0.1.0
 */
export const kinds = ["co-programming", "co-design"] as const

/**
 * A process kind: co-programming (identifies needs, interventions, ways and
 * resources) or co-design (defines and carries out projects for needs already
 * identified).
 *
 * @category models
 * @since 0.1.0
 */
export const Kind = literals(
  "CoDesignKind",
  kinds,
  "Co-programming (an approved programme) or co-design (a Charter and a Pact) along the roadmap of seed 004."
)

/**
 * @category models
 * @since 0.1.0
 */
export type Kind = typeof Kind.Type

/**
 * What each kind of process produces.
 *
 * @category constants
 * @since 0.1.0
 */
export const productsOfKind: { readonly [K in Kind]: Text } = {
  "co-programming": {
    it: "Programma approvato: bisogni da soddisfare, interventi, modalità di realizzazione e risorse",
    en: "An approved programme: the needs to answer, the interventions, the ways to realise them and the resources"
  },
  "co-design": {
    it: "Carta della cittadinanza e Patto di solidarietà sottoscritto, progetti realizzati e verificati",
    en: "A Citizenship Charter and a signed Solidarity Pact, projects realised and verified"
  }
}

/**
 * Every stage of the roadmap, in order (seed 004, rows 53-55; realisation and
 * shared verification from seed 001, move 6). A co-programming skips
 * `signed` and `realisation`.
 *
 * @category constants
 * @since 0.1.0
 */
export const stages = [
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

/**
 * A stage of the roadmap.
 *
 * @category models
 * @since 0.1.0
 */
export const Stage = literals(
  "CoDesignStage",
  stages,
  "A stage of the co-design roadmap (seed 004, rows 53-55)."
)

/**
 * @category models
 * @since 0.1.0
 */
export type Stage = typeof Stage.Type

/**
 * The stages each kind goes through, in order.
 *
 * @category constants
 * @since 0.1.0
 */
export const stagesOfKind: { readonly [K in Kind]: ReadonlyArray<Stage> } = {
  "co-programming": [
    "proposed",
    "steering-group",
    "focus-groups",
    "drafting",
    "approved",
    "verification",
    "closed"
  ],
  "co-design": stages
}

/**
 * The phases inside every project (seed 003, row 51).
 *
 * @category constants
 * @since 0.1.0
 */
export const phases = ["ideation", "construction", "realisation"] as const

/**
 * A phase of a project: ideation, construction or realisation.
 *
 * @category models
 * @since 0.1.0
 */
export type Phase = (typeof phases)[number]

/**
 * Every activity a participation record can be about: the meetings of the
 * roadmap and the three phases of a project.
 *
 * @category constants
 * @since 0.1.0
 */
export const activities = [
  "steering-group",
  "public-event",
  "needs-analysis",
  "focus-group",
  "ideation",
  "construction",
  "realisation",
  "verification"
] as const

/**
 * An activity someone took part in.
 *
 * @category models
 * @since 0.1.0
 */
export const Activity = literals("CoDesignActivity", activities, "An activity of a co-design process.")

/**
 * @category models
 * @since 0.1.0
 */
export type Activity = typeof Activity.Type

/**
 * Every role an actor can take in an activity.
 *
 * @category constants
 * @since 0.1.0
 */
export const roles = ["promoter", "co-conductor", "partner", "expert", "funder", "observer"] as const

/**
 * The role of an actor in an activity. An observer does not take part with
 * equal dignity (seed 003, row 51).
 *
 * @category models
 * @since 0.1.0
 */
export const Role = literals("CoDesignRole", roles, "The role of an actor in a co-design activity.")

/**
 * @category models
 * @since 0.1.0
 */
export type Role = typeof Role.Type

// ---------------------------------------------------------------------------
// Definition and events
// ---------------------------------------------------------------------------

/**
 * What started a process: the needs it answers and, optionally, a call for
 * funding (bando) it answers too.
 *
 * @category models
 * @since 0.1.0
 */
export const Trigger = Schema.Struct({
  needs: Schema.Array(Need.NeedId),
  call: optional(text("CallForFunding", "The title of a call for funding (bando)."))
}).annotations({ identifier: "CoDesignTrigger", title: "Trigger" })

/**
 * @category models
 * @since 0.1.0
 */
export interface Trigger extends Schema.Schema.Type<typeof Trigger> {}

/**
 * An actor taking part in an activity, with its role.
 *
 * @category models
 * @since 0.1.0
 */
export const Participant = Schema.Struct({ actor: Actor.ActorId, role: Role }).annotations({
  identifier: "CoDesignParticipant",
  title: "Participant"
})

/**
 * @category models
 * @since 0.1.0
 */
export interface Participant extends Schema.Schema.Type<typeof Participant> {}

const common = { eventId: EventId, at: Instant, by: Actor.ActorId }

const eventStruct = <const T extends string, F extends Schema.Struct.Fields>(type: T, fields: F) =>
  Schema.Struct({ type: Schema.Literal(type), ...common, ...fields }).annotations({
    identifier: `CoDesignEvent:${type}`,
    title: type
  })

const nonEmpty = <S extends Schema.Schema.Any>(item: S, what: string) =>
  Schema.Array(item).pipe(Schema.filter((a) => a.length > 0 || `expected at least one ${what}, got none`))

const Theme = text(
  "CoDesignTheme",
  "A theme of the co-design, for example housing and work.",
  120
).annotations({
  arbitrary: () => (fc) =>
    fc.constantFrom("Casa e lavoro", "Vulnerabilità", "Conciliazione famiglia-lavoro", "Anziani soli")
})

const Count = Schema.Number.pipe(
  Schema.filter(
    (n) =>
      (Number.isInteger(n) && n >= 0 && n <= 1_000_000) ||
      `expected a whole number of persons from 0 to 1000000, got ${n}`
  ),
  Schema.annotations({ jsonSchema: { type: "integer", minimum: 0, maximum: 1_000_000 } })
)

/**
 * Every intensity of a service a project connects (seed 003, row 54):
 * high-intensity structures and services («strutture e servizi ad Alta
 * Intensità») and light proximity services («servizi leggeri di prossimità»).
 * The intensity is a property of the service, never of its provider's legal
 * form: a cooperative may run either.
 *
 * @category constants
 * @since 0.1.0
 */
export const intensities = ["high-intensity", "proximity"] as const

/**
 * The intensity of a service: high intensity or light proximity.
 *
 * @category models
 * @since 0.1.0
 */
export const ServiceIntensity = literals(
  "ServiceIntensity",
  intensities,
  "High-intensity structures and services, or light proximity services (seed 003, row 54)."
)

/**
 * @category models
 * @since 0.1.0
 */
export type ServiceIntensity = typeof ServiceIntensity.Type

/**
 * A service a project connects: who provides it, its intensity, whether it
 * is formal or informal («di tipo formale e informale», seed 003 row 54) and
 * the resources set aside for it (the proximity task «deve prevedere adeguate
 * risorse per essere assunto»).
 *
 * @category models
 * @since 0.1.0
 */
export const Service = Schema.Struct({
  provider: Actor.ActorId,
  intensity: ServiceIntensity,
  formality: optional(
    literals("ServiceFormality", ["formal", "informal"] as const, "Whether a service is formal or informal.")
  ),
  resources: Schema.Array(Resource.Resource)
}).annotations({
  identifier: "CoDesignService",
  title: "Service",
  description:
    "A service a co-design project connects: provider, intensity, formality and resources (seed 003, row 54)."
})

/**
 * @category models
 * @since 0.1.0
 */
export interface Service extends Schema.Schema.Type<typeof Service> {}

/**
 * The schema of each event type (see {@link Event}).
 *
 * @category models
 * @since 0.1.0
 */
export const eventSchemas = {
  "steering-group-constituted": eventStruct("steering-group-constituted", {
    members: nonEmpty(Actor.ActorId, "member"),
    themes: nonEmpty(Theme, "theme")
  }),
  "partner-contacted": eventStruct("partner-contacted", { actor: Actor.ActorId }),
  "needs-identified": eventStruct("needs-identified", { needs: nonEmpty(Need.NeedId, "need") }),
  "focus-groups-started": eventStruct("focus-groups-started", {}),
  "project-built": eventStruct("project-built", {
    project: CitizenshipCharter.ProjectId,
    needs: Schema.Array(Need.NeedId),
    services: optional(Schema.Array(Service))
  }),
  "feasibility-assessed": eventStruct("feasibility-assessed", {
    project: CitizenshipCharter.ProjectId,
    feasible: Schema.Boolean
  }),
  "partner-aggregated": eventStruct("partner-aggregated", {
    project: CitizenshipCharter.ProjectId,
    actor: Actor.ActorId
  }),
  "charter-drafted": eventStruct("charter-drafted", {
    projects: nonEmpty(CitizenshipCharter.ProjectId, "project")
  }),
  "pact-drafted": eventStruct("pact-drafted", { parties: nonEmpty(Actor.ActorId, "party") }),
  "programme-drafted": eventStruct("programme-drafted", { needs: nonEmpty(Need.NeedId, "need") }),
  approved: eventStruct("approved", {}),
  signed: eventStruct("signed", { actor: Actor.ActorId }),
  "realisation-started": eventStruct("realisation-started", {}),
  "verification-started": eventStruct("verification-started", {}),
  closed: eventStruct("closed", {}),
  "participation-recorded": eventStruct("participation-recorded", {
    activity: Activity,
    project: optional(CitizenshipCharter.ProjectId),
    actors: Schema.Array(Participant),
    persons: optional(Schema.Array(Person.PersonId)),
    recipientCount: optional(Count)
  })
}

/**
 * Every event type, in roadmap order.
 *
 * @category constants
 * @since 0.1.0
 */
export const eventTypes = [
  "steering-group-constituted",
  "partner-contacted",
  "needs-identified",
  "focus-groups-started",
  "project-built",
  "feasibility-assessed",
  "partner-aggregated",
  "charter-drafted",
  "pact-drafted",
  "programme-drafted",
  "approved",
  "signed",
  "realisation-started",
  "verification-started",
  "closed",
  "participation-recorded"
] as const satisfies ReadonlyArray<keyof typeof eventSchemas>

/**
 * The type of an event.
 *
 * @category models
 * @since 0.1.0
 */
export const EventType = literals("CoDesignEventType", eventTypes, "The type of a co-design event.")

/**
 * @category models
 * @since 0.1.0
 */
export type EventType = typeof EventType.Type

/**
 * One event of a process, discriminated by `type`. Every event carries its
 * `eventId`, the instant `at` and the actor `by` who recorded it.
 *
 * - `steering-group-constituted`: the steering group (gruppo di regia) and its themes;
 * - `partner-contacted`: a potential partner was contacted;
 * - `needs-identified`: needs identified by the needs analysis;
 * - `focus-groups-started`: the focus groups begin (after the public event);
 * - `project-built`, `feasibility-assessed`, `partner-aggregated`: the work of the focus groups;
 * - `charter-drafted`, `pact-drafted` (co-design) or `programme-drafted` (co-programming);
 * - `approved`, `signed` (one signature of the Pact), `realisation-started`,
 *   `verification-started`, `closed`;
 * - `participation-recorded`: who took part in an activity, with what role,
 *   and which final recipients (pseudonymous ids or a count).
 *
 * @category models
 * @since 0.1.0
 */
export const Event = Schema.Union(...eventTypes.map((t) => eventSchemas[t])).annotations({
  identifier: "CoDesignEvent",
  title: "Event"
}) as unknown as Schema.Schema<
  Schema.Schema.Type<(typeof eventSchemas)[EventType]>,
  Schema.Schema.Encoded<(typeof eventSchemas)[EventType]>
>

/**
 * @category models
 * @since 0.1.0
 */
export type Event = Schema.Schema.Type<(typeof eventSchemas)[EventType]>

/**
 * The event of one type.
 *
 * @category models
 * @since 0.1.0
 */
export type EventOf<T extends EventType> = Extract<Event, { readonly type: T }>

/**
 * A participation record: the `participation-recorded` event.
 *
 * @category models
 * @since 0.1.0
 */
export type Participation = EventOf<"participation-recorded">

/**
 * The definition of a process, without its events.
 *
 * @category models
 * @since 0.1.0
 */
export const Definition = Schema.Struct({
  id: CoDesignId,
  kind: Kind,
  title: text("CoDesignTitle", "The title of the process.").annotations({
    arbitrary: () => (fc) =>
      fc.constantFrom("Verso la Carta della cittadinanza", "Casa e lavoro", "Piano di Zona 2015-2017")
  }),
  promoter: Actor.ActorId,
  trigger: Trigger,
  stakeholders: Schema.Array(Actor.ActorId)
}).annotations({ identifier: "CoDesignDefinition", title: "Definition" })

/**
 * @category models
 * @since 0.1.0
 */
export interface Definition extends Schema.Schema.Type<typeof Definition> {}

/**
 * A process: its definition and its events in the order they happened. Use
 * {@link decode} or {@link replay} to get a process whose events are valid.
 *
 * @category models
 * @since 0.1.0
 */
export const Process = Schema.Struct({
  ...Definition.fields,
  events: Schema.Array(Event)
}).annotations({
  identifier: "CoDesignProcess",
  title: "Process",
  description: "A co-programming or co-design process: its definition and its events."
})

/**
 * @category models
 * @since 0.1.0
 */
export interface Process extends Definition {
  readonly events: ReadonlyArray<Event>
}

/**
 * The encoded (JSON) form of a process.
 *
 * @category models
 * @since 0.1.0
 */
export interface ProcessEncoded extends Schema.Schema.Encoded<typeof Process> {}

// ---------------------------------------------------------------------------
// State
// ---------------------------------------------------------------------------

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
  readonly lastAt?: string
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

const initial = (definition: Definition): State => ({
  stage: "proposed",
  eventIds: new Set(),
  steeringGroup: [],
  themes: [],
  contacted: [],
  publicEvent: false,
  identifiedNeeds: [...new Set(definition.trigger.needs)],
  projects: [],
  signatures: [],
  participation: []
})

const stageIndex = (stage: Stage): number => stages.indexOf(stage)

/** The stages each activity may be recorded in. */
const activityStages: { readonly [A in Activity]: ReadonlyArray<Stage> } = {
  "steering-group": ["steering-group"],
  "public-event": ["steering-group"],
  "needs-analysis": ["steering-group", "focus-groups"],
  "focus-group": ["focus-groups", "drafting"],
  ideation: ["focus-groups", "drafting"],
  construction: ["focus-groups", "drafting", "approved", "signed"],
  realisation: ["realisation"],
  verification: ["verification"]
}

const projectActivities: ReadonlySet<Activity> = new Set([
  "focus-group",
  "ideation",
  "construction",
  "realisation"
])

const isPhase = (a: Activity): a is Phase => (phases as ReadonlyArray<string>).includes(a)

/** The stages in which each event type may happen (participation aside). */
const typeStages: { readonly [T in EventType]: ReadonlyArray<Stage> } = {
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

const coDesignOnly: ReadonlySet<EventType> = new Set([
  "project-built",
  "feasibility-assessed",
  "partner-aggregated",
  "charter-drafted",
  "pact-drafted",
  "signed",
  "realisation-started"
])

const participantsOf = (definition: Definition): ReadonlyArray<Actor.ActorId> => [
  ...new Set([definition.promoter, ...definition.stakeholders])
]

const duplicatesIn = <A>(items: ReadonlyArray<A>): Array<A> =>
  items.filter((x, i) => items.indexOf(x) !== i).filter((x, i, all) => all.indexOf(x) === i)

// ---------------------------------------------------------------------------
// Applying events
// ---------------------------------------------------------------------------

type Path = ReadonlyArray<string | number>

const check = (definition: Definition, state: State, event: Event, path: Path): Array<Problem.Problem> => {
  const problems: Array<Problem.Problem> = []
  const at = (...p: Array<string | number>) => [...path, ...p]
  const participants = participantsOf(definition)
  const known = new Set<string>(participants)
  const actor = (id: string, p: Path): void => {
    problems.push(
      ...unknownReference(
        known,
        id,
        p,
        "promoter or stakeholder of the process",
        `the stakeholders of process "${definition.id}"`
      )
    )
  }
  const project = (id: string, _p?: Path) => state.projects.find((x) => x.id === id)
  const unknownProject = (id: string, p: Path) =>
    problems.push(
      Problem.make(
        "unknown-reference",
        p,
        `no project "${id}" was built by the focus groups of process "${definition.id}": record its project-built event first or correct the id`
      )
    )
  const identified = new Set<string>(state.identifiedNeeds)
  const need = (id: string, p: Path): void => {
    if (!identified.has(id))
      problems.push(
        Problem.make(
          "unknown-reference",
          p,
          `the need "${id}" has not been identified in process "${definition.id}": add it to the trigger or record a needs-identified event first`
        )
      )
  }
  const noDuplicates = (items: ReadonlyArray<string>, p: Path, what: string) => {
    for (const d of duplicatesIn(items))
      problems.push(Problem.make("rule", p, `the ${what} "${d}" is listed twice: list each ${what} once`))
  }

  // Identity and time.
  if (state.eventIds.has(event.eventId))
    problems.push(
      Problem.make(
        "duplicate-id",
        at("eventId"),
        `the event id "${event.eventId}" is already used in process "${definition.id}": give every event its own id`
      )
    )
  if (state.lastAt !== undefined && event.at < state.lastAt)
    problems.push(
      Problem.make(
        "out-of-order",
        at("at"),
        `the time goes back: ${event.at} is before the previous event (${state.lastAt}); events are appended in time order`
      )
    )
  actor(event.by, at("by"))

  // Kind and stage.
  const kindOk =
    !(definition.kind === "co-programming" && coDesignOnly.has(event.type)) &&
    !(definition.kind === "co-design" && event.type === "programme-drafted")
  if (!kindOk)
    problems.push(
      Problem.make(
        "rule",
        at("type"),
        definition.kind === "co-programming"
          ? `a co-programming identifies needs, interventions, ways and resources: a "${event.type}" event belongs to a co-design process`
          : `a co-design defines and carries out projects: draft a Charter and a Pact, not a programme ("programme-drafted" belongs to a co-programming)`
      )
    )
  const stageOk =
    typeStages[event.type].includes(state.stage) &&
    (event.type !== "verification-started" ||
      state.stage === (definition.kind === "co-design" ? "realisation" : "approved"))
  if (kindOk && !stageOk)
    problems.push(
      Problem.make(
        "out-of-order",
        at("type"),
        `a "${event.type}" event is not allowed at the stage "${state.stage}" of process "${definition.id}": allowed at ${typeStages[event.type].filter((s) => stagesOfKind[definition.kind].includes(s)).join(", ")}`
      )
    )

  switch (event.type) {
    case "steering-group-constituted":
      event.members.forEach((m, i) => {
        actor(m, at("members", i))
      })
      noDuplicates(event.members, at("members"), "member")
      noDuplicates(event.themes, at("themes"), "theme")
      break
    case "partner-contacted":
      actor(event.actor, at("actor"))
      if (state.contacted.includes(event.actor))
        problems.push(Problem.make("rule", at("actor"), `the partner "${event.actor}" was already contacted`))
      break
    case "needs-identified":
      noDuplicates(event.needs, at("needs"), "need")
      break
    case "focus-groups-started":
      if (!state.publicEvent && stageOk)
        problems.push(
          Problem.make(
            "out-of-order",
            at("type"),
            "the steering group realises the public event before the focus groups start (seed 004, row 53): record a participation in the public-event first"
          )
        )
      break
    case "project-built":
      if (project(event.project, at("project")) !== undefined)
        problems.push(
          Problem.make(
            "duplicate-id",
            at("project"),
            `the project "${event.project}" was already built in process "${definition.id}": give every project its own id`
          )
        )
      event.needs.forEach((n, i) => {
        need(n, at("needs", i))
      })
      noDuplicates(event.needs, at("needs"), "need")
      break
    case "feasibility-assessed": {
      const p = project(event.project, at("project"))
      if (p === undefined) unknownProject(event.project, at("project"))
      else if (p.feasible !== undefined)
        problems.push(
          Problem.make(
            "rule",
            at("project"),
            `the feasibility of project "${event.project}" was already assessed`
          )
        )
      break
    }
    case "partner-aggregated": {
      actor(event.actor, at("actor"))
      const p = project(event.project, at("project"))
      if (p === undefined) unknownProject(event.project, at("project"))
      else if (p.partners.includes(event.actor))
        problems.push(
          Problem.make(
            "rule",
            at("actor"),
            `"${event.actor}" is already a partner of project "${event.project}"`
          )
        )
      break
    }
    case "charter-drafted":
      if (state.charter !== undefined)
        problems.push(Problem.make("rule", at("type"), "the Charter is already drafted: it is drafted once"))
      event.projects.forEach((id, i) => {
        const p = project(id, at("projects", i))
        if (p === undefined) unknownProject(id, at("projects", i))
        else if (p.feasible !== true)
          problems.push(
            Problem.make(
              "rule",
              at("projects", i),
              `the project "${id}" has not been assessed feasible: only feasible projects enter the Charter (seed 004, row 54)`
            )
          )
      })
      noDuplicates(event.projects, at("projects"), "project")
      break
    case "pact-drafted":
      if (state.pact !== undefined)
        problems.push(Problem.make("rule", at("type"), "the Pact is already drafted: it is drafted once"))
      event.parties.forEach((a, i) => {
        actor(a, at("parties", i))
      })
      noDuplicates(event.parties, at("parties"), "party")
      break
    case "programme-drafted":
      if (state.programme !== undefined)
        problems.push(
          Problem.make("rule", at("type"), "the programme is already drafted: it is drafted once")
        )
      event.needs.forEach((n, i) => {
        need(n, at("needs", i))
      })
      noDuplicates(event.needs, at("needs"), "need")
      break
    case "approved":
      if (
        stageOk &&
        (definition.kind === "co-design"
          ? state.charter === undefined || state.pact === undefined
          : state.programme === undefined)
      )
        problems.push(
          Problem.make(
            "out-of-order",
            at("type"),
            definition.kind === "co-design"
              ? "both the Charter and the Pact must be drafted before the approval (seed 004, row 55)"
              : "the programme must be drafted before the approval"
          )
        )
      break
    case "signed":
      actor(event.actor, at("actor"))
      if (state.signatures.includes(event.actor))
        problems.push(
          Problem.make(
            "rule",
            at("actor"),
            `"${event.actor}" has already signed the Pact: each party signs once`
          )
        )
      else if (known.has(event.actor) && state.pact !== undefined && !state.pact.includes(event.actor))
        problems.push(
          Problem.make(
            "rule",
            at("actor"),
            `"${event.actor}" is not a party of the drafted Pact: only its parties sign it`
          )
        )
      break
    case "participation-recorded": {
      const allowed = activityStages[event.activity]
      if (stageOk && !allowed.includes(state.stage))
        problems.push(
          Problem.make(
            "out-of-order",
            at("activity"),
            `a participation in "${event.activity}" is recorded at the stage ${allowed.join(" or ")}, not at "${state.stage}"`
          )
        )
      if (isPhase(event.activity)) {
        if (definition.kind === "co-programming")
          problems.push(
            Problem.make(
              "rule",
              at("activity"),
              `the phase "${event.activity}" belongs to the projects of a co-design, not to a co-programming`
            )
          )
        else if (event.project === undefined)
          problems.push(
            Problem.make(
              "missing",
              at("project"),
              `the phase "${event.activity}" is the phase of a project: name the project`
            )
          )
      }
      if (event.project !== undefined && !projectActivities.has(event.activity))
        problems.push(
          Problem.make(
            "rule",
            at("project"),
            `a participation in "${event.activity}" concerns the whole process: remove the project (only focus groups and project phases name one)`
          )
        )
      else if (event.project !== undefined) {
        const p = project(event.project, at("project"))
        if (p === undefined) unknownProject(event.project, at("project"))
        else if (
          event.activity === "realisation" &&
          state.charter !== undefined &&
          !state.charter.includes(event.project)
        )
          problems.push(
            Problem.make(
              "rule",
              at("project"),
              `the project "${event.project}" is not in the Charter: only the projects of the Charter are realised`
            )
          )
      }
      event.actors.forEach((a, i) => {
        actor(a.actor, at("actors", i, "actor"))
      })
      noDuplicates(
        event.actors.map((a) => a.actor),
        at("actors"),
        "actor"
      )
      noDuplicates(event.persons ?? [], at("persons"), "person")
      break
    }
    default:
      break
  }
  return problems
}

const evolve = (state: State, event: Event): State => {
  const base: State = {
    ...state,
    lastAt: event.at,
    eventIds: new Set([...state.eventIds, event.eventId])
  }
  switch (event.type) {
    case "steering-group-constituted":
      return { ...base, stage: "steering-group", steeringGroup: event.members, themes: event.themes }
    case "partner-contacted":
      return { ...base, contacted: [...state.contacted, event.actor] }
    case "needs-identified":
      return { ...base, identifiedNeeds: [...new Set([...state.identifiedNeeds, ...event.needs])] }
    case "focus-groups-started":
      return { ...base, stage: "focus-groups" }
    case "project-built":
      return {
        ...base,
        projects: [
          ...state.projects,
          { id: event.project, needs: event.needs, services: event.services ?? [], partners: [] }
        ]
      }
    case "feasibility-assessed":
      return {
        ...base,
        projects: state.projects.map((p) => (p.id === event.project ? { ...p, feasible: event.feasible } : p))
      }
    case "partner-aggregated":
      return {
        ...base,
        projects: state.projects.map((p) =>
          p.id === event.project ? { ...p, partners: [...p.partners, event.actor] } : p
        )
      }
    case "charter-drafted":
      return { ...base, stage: "drafting", charter: event.projects }
    case "pact-drafted":
      return { ...base, stage: "drafting", pact: event.parties }
    case "programme-drafted":
      return { ...base, stage: "drafting", programme: event.needs }
    case "approved":
      return { ...base, stage: "approved" }
    case "signed":
      return { ...base, stage: "signed", signatures: [...state.signatures, event.actor] }
    case "realisation-started":
      return { ...base, stage: "realisation" }
    case "verification-started":
      return { ...base, stage: "verification" }
    case "closed":
      return { ...base, stage: "closed" }
    case "participation-recorded":
      return {
        ...base,
        publicEvent: state.publicEvent || event.activity === "public-event",
        participation: [...state.participation, event]
      }
  }
  return base
}

const fold = (
  definition: Definition,
  events: ReadonlyArray<Event>
): {
  readonly state: State
  readonly accepted: ReadonlyArray<Event>
  readonly problems: Array<Problem.Problem>
} => {
  let state = initial(definition)
  const accepted: Array<Event> = []
  const problems: Array<Problem.Problem> = []
  events.forEach((event, i) => {
    const found = check(definition, state, event, ["events", i])
    if (found.length > 0) problems.push(...found)
    else {
      state = evolve(state, event)
      accepted.push(event)
    }
  })
  return { state, accepted, problems }
}

/**
 * What the events of a process have produced so far: its stage, its steering
 * group, projects, drafts, signatures and participation records. Events that
 * a valid process could not hold are skipped.
 *
 * @category getters
 * @since 0.1.0
 */
export const state = (process: Process): State => fold(process, process.events).state

/**
 * The definition of a process, without its events.
 *
 * @category getters
 * @since 0.1.0
 */
export const definitionOf = (process: Process): Definition => {
  const { events: _, ...definition } = process
  return definition
}

/**
 * Starts a process from its definition, with no event yet.
 *
 * @category constructors
 * @since 0.1.0
 */
export const make = (definition: Definition): Process => ({ ...definition, events: [] })

/**
 * Appends one event to a process, or returns every problem with it: an event
 * the stage does not allow, an unknown actor, project or need, a duplicate
 * signature or event id, a time that goes back. Nothing is half-applied: on a
 * problem the process is unchanged.
 *
 * @example
 * ```ts
 * import * as assert from "node:assert"
 * import { Either } from "effect"
 * import { Actor, CoDesign } from "@welfare/core"
 *
 * const comune = Actor.ActorId.make("comune-legnano")
 * const forum = Actor.ActorId.make("forum-terzo-settore")
 * const process = CoDesign.make({
 *   id: CoDesign.CoDesignId.make("codesign-legnano"),
 *   kind: "co-design",
 *   title: "Verso la Carta della cittadinanza",
 *   promoter: comune,
 *   trigger: { needs: [] },
 *   stakeholders: [forum]
 * })
 * const started = CoDesign.apply(process, {
 *   type: "steering-group-constituted",
 *   eventId: CoDesign.EventId.make("ev-1"),
 *   at: "2015-05-12T17:00:00Z",
 *   by: comune,
 *   members: [comune, forum],
 *   themes: ["Casa e lavoro"]
 * })
 * assert.ok(Either.isRight(started))
 * assert.strictEqual(CoDesign.state(started.right).stage, "steering-group")
 *
 * const signedTooEarly = CoDesign.apply(started.right, {
 *   type: "signed",
 *   eventId: CoDesign.EventId.make("ev-2"),
 *   at: "2015-05-13T09:00:00Z",
 *   by: forum,
 *   actor: forum
 * })
 * assert.ok(Either.isLeft(signedTooEarly))
 * assert.strictEqual(signedTooEarly.left[0].code, "out-of-order")
 * ```
 *
 * @category combinators
 * @since 0.1.0
 */
export const apply: {
  (event: Event): (self: Process) => Problem.Result<Process>
  (self: Process, event: Event): Problem.Result<Process>
} = dual(2, (self: Process, event: Event): Problem.Result<Process> => {
  const { state: current, problems: earlier } = fold(self, self.events)
  if (earlier.length > 0) return Problem.fromProblems(self, earlier)
  return Problem.fromProblems(
    { ...self, events: [...self.events, event] },
    check(self, current, event, ["events", self.events.length])
  )
})

/**
 * Rebuilds a process from its definition and events, or returns the
 * problems of every event that cannot be applied (each checked against the
 * events accepted before it).
 *
 * @category constructors
 * @since 0.1.0
 */
export const replay = (definition: Definition, events: ReadonlyArray<Event>): Problem.Result<Process> => {
  const { problems } = fold(definition, events)
  return Problem.fromProblems({ ...definition, events }, problems)
}

const decodeDefinition = Problem.decoder(Definition)
// Reads the type alone (the event's other fields are checked strictly by its own decoder).
const decodeType = Problem.decoder(Schema.Struct({ type: EventType }), { unknownProperties: "ignore" })
const eventDecoders: { readonly [T in EventType]: (u: unknown) => Problem.Result<Event> } =
  Object.fromEntries(
    eventTypes.map((t) => [t, Problem.decoder(eventSchemas[t] as unknown as Schema.Schema<Event, unknown>)])
  ) as never

/**
 * Decodes one event from unknown input: its type first (an unknown type or
 * activity is reported with the accepted values), then its fields.
 *
 * @category decoding
 * @since 0.1.0
 */
export const decodeEvent = (input: unknown): Problem.Result<Event> =>
  Either.flatMap(decodeType(input), ({ type }) => eventDecoders[type](input))

/**
 * Decodes unknown input (for example parsed JSON) into a process whose events
 * are valid: shape problems first (every one, with paths), then the problems
 * of replaying its events. Never throws.
 *
 * @example
 * ```ts
 * import * as assert from "node:assert"
 * import { Either } from "effect"
 * import { CoDesign, Problem } from "@welfare/core"
 *
 * const result = CoDesign.decode({
 *   id: "codesign-1",
 *   kind: "co-design",
 *   title: "Casa e lavoro",
 *   promoter: "comune-legnano",
 *   trigger: { needs: [] },
 *   stakeholders: [],
 *   events: [{ type: "draft-everything", eventId: "ev-1", at: "2015-05-12T17:00:00Z", by: "comune-legnano" }]
 * })
 * assert.ok(Either.isLeft(result))
 * assert.match(Problem.format(result.left[0]), /^events\[0\]\.type: expected one of steering-group-constituted, /)
 * ```
 *
 * @category decoding
 * @since 0.1.0
 */
export const decode = (input: unknown): Problem.Result<Process> => {
  const isObject = typeof input === "object" && input !== null && !Array.isArray(input)
  // The definition is every property but `events`, which are decoded one by one below.
  const { events: raw, ...fields } = isObject
    ? (input as { readonly events?: unknown })
    : { events: undefined }
  const definition = decodeDefinition(isObject ? fields : input)
  const problems: Array<Problem.Problem> = Either.isLeft(definition) ? [...definition.left] : []
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
  if (problems.length > 0 || Either.isLeft(definition))
    return Problem.fromProblems(undefined as never, problems)
  return replay(definition.right, events)
}

/**
 * Encodes a process to its JSON form.
 *
 * @category encoding
 * @since 0.1.0
 */
export const encode: (process: Process) => ProcessEncoded = Schema.encodeSync(Process)

// ---------------------------------------------------------------------------
// What is allowed next
// ---------------------------------------------------------------------------

/**
 * One kind of event the process allows now, with the values it may carry:
 * the actors (`by`, and the actor a `partner-contacted` or `signed` names, the
 * members, parties or participants), the projects, the needs, the activity,
 * and the earliest instant (`notBefore`).
 *
 * @category models
 * @since 0.1.0
 */
export interface Offer {
  readonly type: EventType
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

/**
 * Every event the process allows now. An event is accepted by {@link apply}
 * exactly when one offer allows it ({@link isOffered}) and its event id is new.
 *
 * @example
 * ```ts
 * import * as assert from "node:assert"
 * import { Actor, CoDesign } from "@welfare/core"
 *
 * const process = CoDesign.make({
 *   id: CoDesign.CoDesignId.make("codesign-legnano"),
 *   kind: "co-design",
 *   title: "Verso la Carta della cittadinanza",
 *   promoter: Actor.ActorId.make("comune-legnano"),
 *   trigger: { needs: [] },
 *   stakeholders: []
 * })
 * assert.deepStrictEqual(CoDesign.next(process).map((o) => o.type), ["steering-group-constituted"])
 * ```
 *
 * @category getters
 * @since 0.1.0
 */
export const next = (process: Process): ReadonlyArray<Offer> => {
  const s = state(process)
  const by = participantsOf(process)
  const base = s.lastAt === undefined ? { by } : { by, notBefore: s.lastAt }
  const offers: Array<Offer> = []
  const codesign = process.kind === "co-design"
  const feasible = s.projects.filter((p) => p.feasible === true).map((p) => p.id)
  switch (s.stage) {
    case "proposed":
      offers.push({ ...base, type: "steering-group-constituted", actors: by })
      break
    case "steering-group": {
      const uncontacted = by.filter((a) => !s.contacted.includes(a))
      if (uncontacted.length > 0) offers.push({ ...base, type: "partner-contacted", actors: uncontacted })
      offers.push({ ...base, type: "needs-identified" })
      if (s.publicEvent) offers.push({ ...base, type: "focus-groups-started" })
      break
    }
    case "focus-groups":
    case "drafting":
      if (s.stage === "focus-groups") {
        offers.push({ ...base, type: "needs-identified" })
        if (codesign) {
          offers.push({
            ...base,
            type: "project-built",
            needs: s.identifiedNeeds,
            usedProjects: s.projects.map((p) => p.id)
          })
          for (const p of s.projects) {
            if (p.feasible === undefined)
              offers.push({ ...base, type: "feasibility-assessed", project: p.id })
            const free = by.filter((a) => !p.partners.includes(a))
            if (free.length > 0)
              offers.push({ ...base, type: "partner-aggregated", project: p.id, actors: free })
          }
        }
      }
      if (codesign) {
        if (s.charter === undefined && feasible.length > 0)
          offers.push({ ...base, type: "charter-drafted", projects: feasible })
        if (s.pact === undefined) offers.push({ ...base, type: "pact-drafted", actors: by })
        if (s.charter !== undefined && s.pact !== undefined) offers.push({ ...base, type: "approved" })
      } else {
        if (s.programme === undefined && s.identifiedNeeds.length > 0)
          offers.push({ ...base, type: "programme-drafted", needs: s.identifiedNeeds })
        if (s.programme !== undefined) offers.push({ ...base, type: "approved" })
      }
      break
    case "approved":
    case "signed": {
      if (codesign) {
        const unsigned = (s.pact ?? []).filter((a) => !s.signatures.includes(a))
        if (unsigned.length > 0) offers.push({ ...base, type: "signed", actors: unsigned })
        if (s.stage === "signed") offers.push({ ...base, type: "realisation-started" })
      } else offers.push({ ...base, type: "verification-started" })
      break
    }
    case "realisation":
      offers.push({ ...base, type: "verification-started" })
      break
    case "verification":
      offers.push({ ...base, type: "closed" })
      break
    case "closed":
      break
  }
  if (s.stage !== "proposed" && s.stage !== "closed")
    for (const activity of activities) {
      if (!activityStages[activity].includes(s.stage)) continue
      if (isPhase(activity)) {
        if (!codesign) continue
        const projects = activity === "realisation" ? (s.charter ?? []) : s.projects.map((p) => p.id)
        for (const project of projects)
          offers.push({ ...base, type: "participation-recorded", activity, project, actors: by })
      } else {
        offers.push({ ...base, type: "participation-recorded", activity, actors: by })
        if (activity === "focus-group" && codesign)
          for (const p of s.projects)
            offers.push({ ...base, type: "participation-recorded", activity, project: p.id, actors: by })
      }
    }
  return offers
}

const distinct = (xs: ReadonlyArray<string>): boolean => new Set(xs).size === xs.length
const within = (xs: ReadonlyArray<string>, allowed: ReadonlyArray<string> | undefined): boolean =>
  xs.every((x) => (allowed ?? []).includes(x))

/**
 * Whether an offer allows an event: same type, time not before the offer's,
 * and every actor, project and need among the offered ones.
 *
 * @category predicates
 * @since 0.1.0
 */
export const allows = (offer: Offer, event: Event): boolean => {
  if (offer.type !== event.type) return false
  if (offer.notBefore !== undefined && event.at < offer.notBefore) return false
  if (!offer.by.includes(event.by)) return false
  switch (event.type) {
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

/**
 * Whether one of the offers allows an event.
 *
 * @category predicates
 * @since 0.1.0
 */
export const isOffered = (offers: ReadonlyArray<Offer>, event: Event): boolean =>
  offers.some((o) => allows(o, event))

// ---------------------------------------------------------------------------
// Audit
// ---------------------------------------------------------------------------

/**
 * Every severity of a finding, from the most serious.
 *
 * @category constants
 * @since 0.1.0
 */
export const severities = ["error", "warning", "info"] as const

/**
 * How serious a finding is: `error` (a rule is broken), `warning` (a rule is
 * at risk, or broken in a way that can still be repaired) or `info`.
 *
 * @category models
 * @since 0.1.0
 */
export type Severity = (typeof severities)[number]

/**
 * Every rule {@link audit} checks, in the order findings are listed.
 *
 * @category constants
 * @since 0.1.0
 */
export const rules = [
  "equal-dignity",
  "final-recipients",
  "needs-analysis-co-designed",
  "public-promoter",
  "not-only-bando",
  "proximity-connection",
  "pact-signatures",
  "shared-verification"
] as const

/**
 * A rule of the co-design.
 *
 * @category models
 * @since 0.1.0
 */
export type Rule = (typeof rules)[number]

/**
 * Where a rule comes from: a seed file and its row.
 *
 * @category models
 * @since 0.1.0
 */
export interface Source {
  readonly file: string
  readonly row: number
}

const seed003 = "003_5df635cd6d484fa5.txt"

/**
 * The seed rule each audit rule comes from (file and row).
 *
 * @category constants
 * @since 0.1.0
 */
export const ruleSources: { readonly [R in Rule]: Source } = {
  "equal-dignity": { file: seed003, row: 51 },
  "final-recipients": { file: seed003, row: 53 },
  "needs-analysis-co-designed": { file: seed003, row: 52 },
  "public-promoter": { file: seed003, row: 50 },
  "not-only-bando": { file: seed003, row: 54 },
  "proximity-connection": { file: seed003, row: 54 },
  "pact-signatures": { file: "004_f8a83f590fe55963.txt", row: 55 },
  "shared-verification": { file: "001_4553c96c3198ee0d.txt", row: 37 }
}

/**
 * One rule broken or at risk: its severity, the rule and its seed source, a
 * sentence saying what to do, and the actors, project and activity it is about.
 * Findings never quote personal free text: they name ids only.
 *
 * @category models
 * @since 0.1.0
 */
export interface Finding {
  readonly rule: Rule
  readonly severity: Severity
  readonly source: Source
  readonly message: string
  readonly actors?: ReadonlyArray<Actor.ActorId>
  readonly project?: CitizenshipCharter.ProjectId
  readonly activity?: Activity
}

/**
 * What {@link audit} may know besides the process: the kinds of the actors
 * (for example the territory's actors). Rules that need a kind are skipped,
 * with an `info` finding, when it is unknown.
 *
 * @category models
 * @since 0.1.0
 */
export interface AuditContext {
  readonly actors?: ReadonlyArray<Pick<Actor.Actor, "id" | "kind">>
}

/** Whether the window in which an activity is recorded is over, open, or still ahead. */
const windowOf = (kind: Kind, stage: Stage, activity: Activity): "over" | "open" | "ahead" => {
  const allowed = activityStages[activity].filter((s) => stagesOfKind[kind].includes(s))
  if (allowed.includes(stage)) return "open"
  const last = Math.max(...allowed.map(stageIndex))
  return stageIndex(stage) > last ? "over" : "ahead"
}

const tookPart = (
  records: ReadonlyArray<Participation>,
  activity: Activity,
  project?: CitizenshipCharter.ProjectId
): ReadonlySet<Actor.ActorId> =>
  new Set(
    records
      .filter((r) => r.activity === activity && (project === undefined || r.project === project))
      .flatMap((r) => r.actors.filter((a) => a.role !== "observer").map((a) => a.actor))
  )

const recipientsTookPart = (records: ReadonlyArray<Participation>, activity: Activity): boolean =>
  records.some(
    (r) => r.activity === activity && ((r.persons?.length ?? 0) > 0 || (r.recipientCount ?? 0) > 0)
  )

/** The projects whose phases count: the Charter's once drafted, every project built before. */
const projectsInScope = (s: State): ReadonlyArray<ProjectState> =>
  s.charter === undefined ? s.projects : s.projects.filter((p) => s.charter!.includes(p.id))

const sorted = <A extends string>(xs: Iterable<A>): Array<A> => [...new Set(xs)].sort()

const phaseLabel = (a: Activity): string => activityLabels[a].en.toLowerCase()

const finding = (
  rule: Rule,
  severity: Severity,
  message: string,
  about: {
    actors?: Iterable<Actor.ActorId>
    project?: CitizenshipCharter.ProjectId
    activity?: Activity
  } = {}
): Finding => ({
  rule,
  severity,
  source: ruleSources[rule],
  message,
  ...(about.actors === undefined ? {} : { actors: sorted(about.actors) }),
  ...(about.project === undefined ? {} : { project: about.project }),
  ...(about.activity === undefined ? {} : { activity: about.activity })
})

/**
 * Every rule of the co-design the process breaks or puts at risk, each with
 * its severity and the seed rule it comes from:
 *
 * - `equal-dignity` (seed 003, row 51): a partner of a project absent from its
 *   ideation, construction or realisation (an observer does not count), or a
 *   stakeholder partner of no project;
 * - `final-recipients` (row 53): no final recipient in the needs analysis or
 *   in the verification;
 * - `needs-analysis-co-designed` (row 52): a needs analysis done by the
 *   promoter alone, or between public bodies only;
 * - `public-promoter` (row 50): the public actor not promoting the alliance;
 * - `not-only-bando` (row 54): a co-design started for a call for funding with
 *   no identified need: a `warning` while the needs analysis can still be
 *   co-designed (row 52), cleared once a co-designed needs analysis (someone
 *   besides the promoter took part) is recorded and has identified needs, an
 *   `error` only once that window is over without one; a project answering no need;
 * - `proximity-connection` (row 54): a project with high-intensity services
 *   and no light proximity service, formal or informal, or a proximity service
 *   with no resource set aside («deve prevedere adeguate risorse»). Intensity
 *   is a property of each service (`project-built`'s `services`), never of the
 *   provider's legal form;
 * - `pact-signatures` (seed 004, row 55): parties of the Pact that never signed;
 * - `shared-verification` (seed 001, move 6): a verification done by one actor alone.
 *
 * A rule whose window is over is an `error`; while it is open, a `warning`.
 * "Adequate" resources for a proximity service are read as at least one
 * resource with a positive amount: an editorial threshold (the seed names no
 * amount), the least that shows the task was resourced.
 * The result does not depend on the order of the participation records
 * (invariant 4): findings are sorted by rule, severity, project and activity.
 *
 * @example
 * ```ts
 * import * as assert from "node:assert"
 * import { Actor, CoDesign } from "@welfare/core"
 *
 * const process = CoDesign.make({
 *   id: CoDesign.CoDesignId.make("codesign-bando"),
 *   kind: "co-design",
 *   title: "Bando conciliazione",
 *   promoter: Actor.ActorId.make("coop-melograno"),
 *   trigger: { needs: [], call: "Bando regionale conciliazione 2015" },
 *   stakeholders: []
 * })
 * const findings = CoDesign.audit(process, { actors: [{ id: Actor.ActorId.make("coop-melograno"), kind: "social-cooperative" }] })
 * assert.deepStrictEqual(
 *   findings.map((f) => [f.rule, f.severity, f.source.row]),
 *   [
 *     ["public-promoter", "error", 50],
 *     ["not-only-bando", "warning", 54]
 *   ]
 * )
 * ```
 *
 * @category validation
 * @since 0.1.0
 */
export const audit = (process: Process, context: AuditContext = {}): ReadonlyArray<Finding> => {
  const s = state(process)
  const out: Array<Finding> = []
  const codesign = process.kind === "co-design"
  const kinds = new Map<string, Actor.ActorKind>((context.actors ?? []).map((a) => [a.id, a.kind]))
  const participants = participantsOf(process)
  const records = s.participation
  const severityOf = (w: "over" | "open" | "ahead"): Severity | undefined =>
    w === "over" ? "error" : w === "open" ? "warning" : undefined
  const started = s.stage !== "proposed"

  // equal dignity (seed 003, row 51)
  if (codesign) {
    const scope = projectsInScope(s)
    for (const project of scope)
      for (const phase of phases) {
        const severity = severityOf(windowOf(process.kind, s.stage, phase))
        if (severity === undefined) continue
        const present = tookPart(records, phase, project.id)
        const missing = project.partners.filter((a) => !present.has(a))
        if (missing.length > 0)
          out.push(
            finding(
              "equal-dignity",
              severity,
              `${sorted(missing).join(", ")} ${severity === "error" ? "did not take part" : "has not yet taken part"} in the ${phaseLabel(phase)} of project "${project.id}" (or only as observer): every stakeholder takes part in ideation, construction and realisation with equal dignity`,
              { actors: missing, project: project.id, activity: phase }
            )
          )
      }
    if (stageIndex(s.stage) >= stageIndex("drafting")) {
      const partners = new Set(scope.flatMap((p) => p.partners))
      const alone = process.stakeholders.filter((a) => !partners.has(a))
      if (alone.length > 0)
        out.push(
          finding(
            "equal-dignity",
            "warning",
            `the stakeholders ${sorted(alone).join(", ")} are partners of no project${s.charter === undefined ? "" : " of the Charter"}: aggregate them to a project so they take part in its ideation, construction and realisation`,
            { actors: alone }
          )
        )
    }
  }

  // final recipients (row 53)
  for (const activity of ["needs-analysis", "verification"] as const) {
    const severity = severityOf(windowOf(process.kind, s.stage, activity))
    if (severity !== undefined && !recipientsTookPart(records, activity))
      out.push(
        finding(
          "final-recipients",
          severity,
          `no final recipient ${severity === "error" ? "took" : "has yet taken"} part in the ${phaseLabel(activity)}: involve the final recipients directly (pseudonymous ids or a count)`,
          { activity }
        )
      )
  }

  // the needs analysis is co-designed (row 52)
  {
    const severity = severityOf(windowOf(process.kind, s.stage, "needs-analysis"))
    const analysts = tookPart(records, "needs-analysis")
    const others = [...analysts].filter((a) => a !== process.promoter)
    if (severity !== undefined && others.length === 0)
      out.push(
        finding(
          "needs-analysis-co-designed",
          severity,
          `the needs analysis ${analysts.size === 0 ? "has no participation record" : "was done by the promoter alone"}: co-design the needs analysis too, with the stakeholders`,
          { activity: "needs-analysis" }
        )
      )
    else if (
      others.length > 0 &&
      [...analysts].every((a) => kinds.has(a) && Actor.isInstitutional({ kind: kinds.get(a)! }))
    )
      out.push(
        finding(
          "needs-analysis-co-designed",
          "warning",
          "the needs analysis was read between public bodies only: read it with many interlocutors, in the places of daily life (seed 000, row 6)",
          { actors: analysts, activity: "needs-analysis" }
        )
      )
  }

  // the public actor promotes alliances (row 50)
  {
    const promoterKind = kinds.get(process.promoter)
    const publicOnes = participants.filter((a) => {
      const k = kinds.get(a)
      return k !== undefined && Actor.isInstitutional({ kind: k })
    })
    if (promoterKind === undefined)
      out.push(
        finding(
          "public-promoter",
          "info",
          `the kind of the promoter "${process.promoter}" is unknown: pass the territory's actors to check that the public actor promotes the alliance`,
          { actors: [process.promoter] }
        )
      )
    else if (!Actor.isInstitutional({ kind: promoterKind }))
      out.push(
        finding(
          "public-promoter",
          publicOnes.length === 0 ? "error" : "warning",
          publicOnes.length === 0
            ? `no public actor takes part in the process: the public actor is the promoter of alliances; involve the municipality or the district`
            : `the promoter "${process.promoter}" is not a public actor: let ${sorted(publicOnes).join(", ")} promote the alliance`,
          { actors: [process.promoter] }
        )
      )
    else if (
      stageIndex(s.stage) >= stageIndex("focus-groups") &&
      !records.some((r) => r.actors.some((a) => a.actor === process.promoter && a.role === "promoter"))
    )
      out.push(
        finding(
          "public-promoter",
          "warning",
          `the promoter "${process.promoter}" never took part in an activity as promoter: the public actor acts as promoter of alliances, not only as funder`,
          { actors: [process.promoter] }
        )
      )
  }

  // not only because there is a bando (row 54); the needs analysis itself is co-designed (row 52)
  if (codesign) {
    if (process.trigger.needs.length === 0) {
      const analysisWindow = windowOf(process.kind, s.stage, "needs-analysis")
      const coDesignedAnalysis =
        [...tookPart(records, "needs-analysis")].some((a) => a !== process.promoter) &&
        s.identifiedNeeds.length > 0
      if (!coDesignedAnalysis)
        out.push(
          process.trigger.call !== undefined
            ? finding(
                "not-only-bando",
                analysisWindow === "over" ? "error" : "warning",
                analysisWindow === "over"
                  ? "the co-design was started for a call for funding and no co-designed needs analysis identified the needs it answers: co-design answers the needs of the welfare system, not only a bando"
                  : "the co-design was started for a call for funding with no identified need: co-design the needs analysis with the stakeholders (seed 003, row 52) and record the needs it identifies, so the process answers the needs of the welfare system, not only the bando"
              )
            : finding(
                "not-only-bando",
                "warning",
                "the co-design names no identified need: identify the needs of the welfare system it answers in a co-designed needs analysis (seed 003, row 52)"
              )
        )
    }
    for (const project of s.projects)
      if (project.needs.length === 0)
        out.push(
          finding(
            "not-only-bando",
            "warning",
            `the project "${project.id}" answers no identified need: link it to a need`,
            { project: project.id }
          )
        )
  }

  // high-intensity services connected to light proximity services, with adequate resources (row 54)
  if (codesign)
    for (const project of projectsInScope(s)) {
      const high = project.services.filter((x) => x.intensity === "high-intensity")
      const proximity = project.services.filter((x) => x.intensity === "proximity")
      if (high.length > 0 && proximity.length === 0)
        out.push(
          finding(
            "proximity-connection",
            "warning",
            `project "${project.id}" joins high-intensity services (${sorted(high.map((x) => x.provider)).join(", ")}) with no light proximity service: connect them to proximity services of the territory, formal or informal`,
            { actors: high.map((x) => x.provider), project: project.id }
          )
        )
      const unresourced = proximity.filter((x) => !x.resources.some((r) => r.amount > 0))
      if (unresourced.length > 0)
        out.push(
          finding(
            "proximity-connection",
            "warning",
            `the proximity services of ${sorted(unresourced.map((x) => x.provider)).join(", ")} in project "${project.id}" have no resource set aside: the proximity task needs adequate resources to be taken on`,
            { actors: unresourced.map((x) => x.provider), project: project.id }
          )
        )
    }

  // every party signs (seed 004, row 55)
  if (codesign && s.pact !== undefined && stageIndex(s.stage) >= stageIndex("realisation")) {
    const unsigned = s.pact.filter((a) => !s.signatures.includes(a))
    if (unsigned.length > 0)
      out.push(
        finding(
          "pact-signatures",
          "warning",
          `the Pact parties ${sorted(unsigned).join(", ")} never signed it: their responsibilities and resources are not committed`,
          { actors: unsigned }
        )
      )
  }

  // shared verification (seed 001, move 6)
  if (started && windowOf(process.kind, s.stage, "verification") === "over") {
    const verifiers = tookPart(records, "verification")
    if (verifiers.size < 2)
      out.push(
        finding(
          "shared-verification",
          "warning",
          `the verification was done by ${verifiers.size === 0 ? "no actor" : "one actor alone"}: evaluate together with the partners what works and what does not`,
          { activity: "verification" }
        )
      )
  }

  const order = (f: Finding) =>
    [
      String(rules.indexOf(f.rule)).padStart(2, "0"),
      severities.indexOf(f.severity),
      f.project ?? "",
      f.activity === undefined ? "" : String(activities.indexOf(f.activity)),
      f.message
    ].join("\u0000")
  return out.sort((a, b) => (order(a) < order(b) ? -1 : order(a) > order(b) ? 1 : 0))
}

/**
 * Whether a co-design is valid under equal dignity (invariant 11): every
 * stakeholder is a partner of a project, every partner of every project (of
 * the Charter, once drafted) took part in its ideation, construction and
 * realisation other than as observer, and final recipients took part in the
 * needs analysis and in the verification. A co-programming is valid when
 * every stakeholder took part in some activity and final recipients took part
 * in the needs analysis and the verification.
 *
 * @category predicates
 * @since 0.1.0
 */
export const hasEqualDignity = (process: Process): boolean => {
  const s = state(process)
  const recipients =
    recipientsTookPart(s.participation, "needs-analysis") &&
    recipientsTookPart(s.participation, "verification")
  if (!recipients) return false
  if (process.kind === "co-programming") {
    const present = new Set(
      s.participation.flatMap((r) => r.actors.filter((a) => a.role !== "observer").map((a) => a.actor))
    )
    return process.stakeholders.every((a) => present.has(a))
  }
  const scope = projectsInScope(s)
  const partners = new Set(scope.flatMap((p) => p.partners))
  return (
    process.stakeholders.every((a) => partners.has(a)) &&
    scope.every((p) =>
      phases.every((phase) => {
        const present = tookPart(s.participation, phase, p.id)
        return p.partners.every((a) => present.has(a))
      })
    )
  )
}

// ---------------------------------------------------------------------------
// References
// ---------------------------------------------------------------------------

/**
 * Every reference problem of a territory's processes: duplicate process ids,
 * and actors (promoter, stakeholders, and every actor an event names), needs
 * (trigger and events) and, when `known.projects` is given, projects that the
 * territory does not hold. `path` is where the processes sit, for example
 * `["coDesigns"]`.
 *
 * @example
 * ```ts
 * import * as assert from "node:assert"
 * import { Actor, CoDesign, Problem } from "@welfare/core"
 *
 * const process = CoDesign.make({
 *   id: CoDesign.CoDesignId.make("codesign-1"),
 *   kind: "co-design",
 *   title: "Casa e lavoro",
 *   promoter: Actor.ActorId.make("comune-legnano"),
 *   trigger: { needs: [] },
 *   stakeholders: [Actor.ActorId.make("coop-nowhere")]
 * })
 * const problems = CoDesign.referenceProblems([process], { actors: new Set(["comune-legnano"]), needs: new Set() }, ["coDesigns"])
 * assert.deepStrictEqual(problems.map(Problem.format), [
 *   'coDesigns[0].stakeholders[0]: no actor has the id "coop-nowhere": add it to actors or correct the id'
 * ])
 * ```
 *
 * @category validation
 * @since 0.1.0
 */
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
      switch (e.type) {
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
    })
  })
  return problems
}

// ---------------------------------------------------------------------------
// Labels
// ---------------------------------------------------------------------------

/**
 * Italian and English labels of the process kinds.
 *
 * @category labels
 * @since 0.1.0
 */
export const kindLabels: Labels<Kind> = {
  "co-programming": { it: "Co-programmazione", en: "Co-programming" },
  "co-design": { it: "Co-progettazione", en: "Co-design" }
}

/**
 * Italian and English labels of the stages (seed 004, rows 53-55).
 *
 * @category labels
 * @since 0.1.0
 */
export const stageLabels: Labels<Stage> = {
  proposed: { it: "Proposto", en: "Proposed" },
  "steering-group": { it: "Gruppo di regia costituito", en: "Steering group constituted" },
  "focus-groups": { it: "Focus group", en: "Focus groups" },
  drafting: { it: "Stesura delle bozze", en: "Drafting" },
  approved: { it: "Approvato", en: "Approved" },
  signed: { it: "Sottoscritto", en: "Signed" },
  realisation: { it: "Realizzazione", en: "Realisation" },
  verification: { it: "Verifica condivisa", en: "Shared verification" },
  closed: { it: "Concluso", en: "Closed" }
}

/**
 * Italian and English labels of the activities and project phases (seed 003, row 51).
 *
 * @category labels
 * @since 0.1.0
 */
export const activityLabels: Labels<Activity> = {
  "steering-group": { it: "Gruppo di regia", en: "Steering group" },
  "public-event": { it: "Evento pubblico", en: "Public event" },
  "needs-analysis": { it: "Analisi dei bisogni", en: "Needs analysis" },
  "focus-group": { it: "Focus group", en: "Focus group" },
  ideation: { it: "Ideazione", en: "Ideation" },
  construction: { it: "Costruzione", en: "Construction" },
  realisation: { it: "Realizzazione", en: "Realisation" },
  verification: { it: "Verifica delle azioni", en: "Verification" }
}

/**
 * Italian and English labels of the roles.
 *
 * @category labels
 * @since 0.1.0
 */
export const roleLabels: Labels<Role> = {
  promoter: { it: "Promotore di alleanze", en: "Promoter of alliances" },
  "co-conductor": { it: "Co-conduttore", en: "Co-conductor" },
  partner: { it: "Partner", en: "Partner" },
  expert: { it: "Esperto", en: "Expert" },
  funder: { it: "Finanziatore", en: "Funder" },
  observer: { it: "Osservatore", en: "Observer" }
}

/**
 * Italian and English labels of the event types.
 *
 * @category labels
 * @since 0.1.0
 */
export const eventTypeLabels: Labels<EventType> = {
  "steering-group-constituted": { it: "Costituzione del gruppo di regia", en: "Steering group constituted" },
  "partner-contacted": { it: "Contatto con un potenziale partner", en: "Potential partner contacted" },
  "needs-identified": { it: "Bisogni individuati", en: "Needs identified" },
  "focus-groups-started": { it: "Avvio dei focus group", en: "Focus groups started" },
  "project-built": { it: "Progetto costruito", en: "Project built" },
  "feasibility-assessed": { it: "Fattibilità valutata", en: "Feasibility assessed" },
  "partner-aggregated": { it: "Partner aggregato", en: "Partner aggregated" },
  "charter-drafted": { it: "Bozza della Carta della cittadinanza", en: "Citizenship Charter drafted" },
  "pact-drafted": { it: "Bozza del Patto di solidarietà", en: "Solidarity Pact drafted" },
  "programme-drafted": { it: "Bozza del programma", en: "Programme drafted" },
  approved: { it: "Approvazione", en: "Approval" },
  signed: { it: "Sottoscrizione del Patto", en: "Pact signed" },
  "realisation-started": { it: "Avvio della realizzazione", en: "Realisation started" },
  "verification-started": { it: "Avvio della verifica condivisa", en: "Shared verification started" },
  closed: { it: "Chiusura", en: "Closed" },
  "participation-recorded": { it: "Partecipazione registrata", en: "Participation recorded" }
}

/**
 * Italian and English labels of the severities.
 *
 * @category labels
 * @since 0.1.0
 */
export const severityLabels: Labels<Severity> = {
  error: { it: "Regola violata", en: "Error" },
  warning: { it: "Regola a rischio", en: "Warning" },
  info: { it: "Informazione", en: "Info" }
}

/**
 * Italian and English labels of the rules, close to the words of the seeds.
 *
 * @category labels
 * @since 0.1.0
 */
export const ruleLabels: Labels<Rule> = {
  "equal-dignity": {
    it: "Pari dignità degli stakeholder nelle fasi di ideazione, costruzione e realizzazione",
    en: "Equal dignity of stakeholders in ideation, construction and realisation"
  },
  "final-recipients": {
    it: "Coinvolgimento diretto dei destinatari finali nell'analisi dei bisogni e nella verifica",
    en: "Final recipients directly involved in the needs analysis and the verification"
  },
  "needs-analysis-co-designed": {
    it: "Co-progettazione dell'analisi dei bisogni",
    en: "The needs analysis is co-designed"
  },
  "public-promoter": {
    it: "Il soggetto pubblico promotore di alleanze",
    en: "The public actor as promoter of alliances"
  },
  "not-only-bando": {
    it: "Non progettare solo perché c'è un bando",
    en: "Not designing only because there is a call for funding"
  },
  "proximity-connection": {
    it: "Connessione tra strutture ad alta intensità e servizi leggeri di prossimità, formali e informali",
    en: "High-intensity structures connected to light proximity services, formal and informal"
  },
  "pact-signatures": {
    it: "Sottoscrizione del Patto da parte dei soggetti interessati",
    en: "The Pact signed by its parties"
  },
  "shared-verification": {
    it: "Rendicontazione e valutazione condivise",
    en: "Shared accountability and evaluation"
  }
}
