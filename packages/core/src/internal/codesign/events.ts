/**
 * The events of a co-design process, its definition and the process itself.
 * @internal
 */
import * as Schema from "effect/Schema"
import * as Actor from "../../Actor.js"
import * as CitizenshipCharter from "../../CitizenshipCharter.js"
import * as Need from "../../Need.js"
import * as Person from "../../Person.js"
import * as Timestamp from "../../Timestamp.js"
import { literals, optional, text } from "../schema.js"
import { Activity, CoDesignId, EventId, Kind, Participant, Service, Trigger } from "./model.js"

const common = { eventId: EventId, at: Timestamp.Timestamp, by: Actor.ActorId }

// In memory an event is tagged (`_tag`), like every event of the library; in
// JSON it keeps its `type` property, so the documents written before 0.2.0
// decode unchanged (a transformation renames one to the other).
const eventStruct = <const T extends string, F extends Schema.Struct.Fields>(type: T, fields: F) =>
  Schema.transform(
    Schema.Struct({ type: Schema.Literal(type), ...common, ...fields }).annotations({
      identifier: `CoDesignEvent:${type}`,
      title: type
    }),
    Schema.typeSchema(Schema.Struct({ _tag: Schema.Literal(type), ...common, ...fields })),
    {
      strict: false,
      decode: (wire) => {
        const { type: tag, ...rest } = wire as unknown as { readonly type: T }
        return { _tag: tag, ...rest }
      },
      encode: (event) => {
        const { _tag: tag, ...rest } = event as unknown as { readonly _tag: T }
        return { type: tag, ...rest }
      }
    }
  )

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
 * One event of a process, tagged by `_tag` (in JSON, by `type`: see the
 * co-design guide). Every event carries its `eventId`, the timestamp `at`
 * (`Timestamp.Timestamp`) and the actor `by` who recorded it.
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
export type EventOf<T extends EventType> = Extract<Event, { readonly _tag: T }>

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
