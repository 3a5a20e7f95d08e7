/**
 * The vocabulary of a co-design process: its ids, kinds, stages, activities,
 * roles, trigger, participants and services.
 * @internal
 */
import * as Schema from "effect/Schema"
import * as Actor from "../../Actor.js"
import type { Text } from "../../Label.js"
import * as Need from "../../Need.js"
import * as Resource from "../../Resource.js"
import { id, literals, optional, text } from "../schema.js"

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
