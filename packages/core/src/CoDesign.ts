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
 * A process is event-sourced, with the same shape as `TakingCharge`: its
 * definition plus an append-only list of tagged events (`_tag`), each with an
 * id, a branded `Timestamp` and the actor who recorded it. {@link next} says what the process allows now, {@link apply} appends
 * one event or returns every problem without changing anything, and
 * {@link audit} lists every rule of the seed 003 workshop (rows 50-54) that
 * the process breaks or puts at risk. {@link apply} is incremental (the state
 * a process reached is kept beside it), and {@link replay} is the fold of the
 * same step, so replaying a long history is linear.
 *
 * The implementation lives in `internal/codesign/` (model, events, state,
 * rules, next, audit, references, labels); this module is its public face.
 *
 * @since 0.1.0
 */

import type * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import { dual } from "effect/Function"
import type * as Actor from "./Actor.js"
import * as Audit from "./internal/codesign/audit.js"
import type { Definition, Event, Process } from "./internal/codesign/events.js"
import * as Events from "./internal/codesign/events.js"
import { stageLabels as stageNames, eventTypeLabels as typeLabels } from "./internal/codesign/labels.js"
import * as Next from "./internal/codesign/next.js"
import * as Lifecycle from "./internal/codesign/process.js"
import * as References from "./internal/codesign/references.js"
import type * as State from "./internal/codesign/state.js"
import { toEffect, validator } from "./internal/contract.js"
import type { Labels, Lang } from "./Label.js"
import type * as Problem from "./Problem.js"

export type { AuditContext, AuditDiagnostic, Rule, Source } from "./internal/codesign/audit.js"
export { ruleSources, rules } from "./internal/codesign/audit.js"
export type { EventOf, Participation, ProcessEncoded } from "./internal/codesign/events.js"
export {
  Definition,
  Event,
  EventType,
  eventSchemas,
  eventTypes,
  Process
} from "./internal/codesign/events.js"
export {
  activityLabels,
  eventTypeLabels,
  kindLabels,
  roleLabels,
  ruleLabels,
  stageLabels
} from "./internal/codesign/labels.js"
export type { Phase } from "./internal/codesign/model.js"
export {
  Activity,
  activities,
  CoDesignId,
  EventId,
  intensities,
  Kind,
  kinds,
  Participant,
  phases,
  productsOfKind,
  Role,
  roles,
  Service,
  ServiceIntensity,
  Stage,
  stages,
  stagesOfKind,
  Trigger
} from "./internal/codesign/model.js"
export type { Offer } from "./internal/codesign/next.js"
export type { ProjectState, State } from "./internal/codesign/state.js"

/**
 * Starts a process from its definition, with no event yet, without checking
 * the definition: for trusted builders (fixtures, generators, definitions
 * the code built from checked values). This was `make` before 0.3.0.
 *
 * @category constructors
 * @since 0.3.0
 */
export const unsafeMake: (definition: Definition) => Process = Lifecycle.make

const checkDefinition = validator(Events.Definition)

/**
 * Starts a process from its definition, with no event yet, the definition
 * checked against its schema: the process, or every problem with its path.
 *
 * @example
 * ```ts
 * import * as assert from "node:assert"
 * import { Either } from "effect"
 * import { Actor, CoDesign } from "@welfare/core"
 *
 * const started = CoDesign.make({
 *   id: CoDesign.CoDesignId.make("codesign-casa-lavoro"),
 *   kind: "co-design",
 *   title: "Casa e lavoro",
 *   promoter: Actor.ActorId.make("comune-legnano"),
 *   trigger: { needs: [] },
 *   stakeholders: []
 * })
 * assert.ok(Either.isRight(started))
 * assert.deepStrictEqual(CoDesign.state(started.right).stage, "proposed")
 * ```
 *
 * @category constructors
 * @since 0.1.0
 */
export const make = (definition: Definition): Problem.Result<Process> =>
  Either.map(checkDefinition(definition), Lifecycle.make)

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
 * import { Actor, CoDesign, Timestamp } from "@welfare/core"
 *
 * const comune = Actor.ActorId.make("comune-legnano")
 * const forum = Actor.ActorId.make("forum-terzo-settore")
 * const process = CoDesign.unsafeMake({
 *   id: CoDesign.CoDesignId.make("codesign-legnano"),
 *   kind: "co-design",
 *   title: "Verso la Carta della cittadinanza",
 *   promoter: comune,
 *   trigger: { needs: [] },
 *   stakeholders: [forum]
 * })
 * const started = CoDesign.apply(process, {
 *   _tag: "steering-group-constituted",
 *   eventId: CoDesign.EventId.make("ev-1"),
 *   at: Timestamp.fromMillis(Date.UTC(2015, 4, 12, 17, 0)),
 *   by: comune,
 *   members: [comune, forum],
 *   themes: ["Casa e lavoro"]
 * })
 * assert.ok(Either.isRight(started))
 * assert.strictEqual(CoDesign.state(started.right).stage, "steering-group")
 *
 * const signedTooEarly = CoDesign.apply(started.right, {
 *   _tag: "signed",
 *   eventId: CoDesign.EventId.make("ev-2"),
 *   at: Timestamp.fromMillis(Date.UTC(2015, 4, 13, 9, 0)),
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
} = dual(2, Lifecycle.apply)

/**
 * Rebuilds a process from its definition and events, or returns the
 * problems of every event that cannot be applied (each checked against the
 * events accepted before it).
 *
 * @category constructors
 * @since 0.1.0
 */
export const replay: (definition: Definition, events: ReadonlyArray<Event>) => Problem.Result<Process> =
  Lifecycle.replay

/**
 * What the events of a process have produced so far: its stage, its steering
 * group, projects, drafts, signatures and participation records. Events that
 * a valid process could not hold are skipped.
 *
 * @category getters
 * @since 0.1.0
 */
export const state: (process: Process) => State.State = Lifecycle.state

/**
 * The definition of a process, without its events.
 *
 * @category getters
 * @since 0.1.0
 */
export const definitionOf: (process: Process) => Definition = Lifecycle.definitionOf

/**
 * Decodes one event from unknown input: its type first (an unknown type or
 * activity is reported with the accepted values), then its fields.
 *
 * @category decoding
 * @since 0.1.0
 */
export const decodeEvent: (input: unknown) => Problem.Result<Event> = Lifecycle.decodeEvent

/**
 * Decodes unknown input (for example parsed JSON) into a process whose events
 * are valid: shape problems first (every one, with paths), then the problems
 * of replaying its events. Never throws.
 *
 * @example
 * ```ts
 * import * as assert from "node:assert"
 * import { Either } from "effect"
 * import { CoDesign, Problem, Timestamp } from "@welfare/core"
 *
 * const result = CoDesign.decode({
 *   id: "codesign-1",
 *   kind: "co-design",
 *   title: "Casa e lavoro",
 *   promoter: "comune-legnano",
 *   trigger: { needs: [] },
 *   stakeholders: [],
 *   events: [{ type: "draft-everything", eventId: "ev-1", at: Timestamp.fromMillis(Date.UTC(2015, 4, 12, 17, 0)), by: "comune-legnano" }]
 * })
 * assert.ok(Either.isLeft(result))
 * assert.match(Problem.format(result.left[0]), /^events\[0\]\.type: expected one of steering-group-constituted, /)
 * ```
 *
 * @category decoding
 * @since 0.1.0
 */
export const decode: (input: unknown) => Problem.Result<Process> = Lifecycle.decode

/**
 * Encodes a process to its JSON form.
 *
 * @category encoding
 * @since 0.1.0
 */
export const encode: (process: Process) => Events.ProcessEncoded = Lifecycle.encode

/**
 * {@link decode} as an `Effect` that fails with a `Problem.ValidationError`.
 *
 * @category decoding
 * @since 0.3.0
 */
export const decodeEffect: (input: unknown) => Effect.Effect<Process, Problem.ValidationError> =
  toEffect(decode)

/**
 * Every event the process allows now. An event is accepted by {@link apply}
 * exactly when one offer allows it ({@link isOffered}) and its event id is new.
 *
 * @example
 * ```ts
 * import * as assert from "node:assert"
 * import { Actor, CoDesign } from "@welfare/core"
 *
 * const process = CoDesign.unsafeMake({
 *   id: CoDesign.CoDesignId.make("codesign-legnano"),
 *   kind: "co-design",
 *   title: "Verso la Carta della cittadinanza",
 *   promoter: Actor.ActorId.make("comune-legnano"),
 *   trigger: { needs: [] },
 *   stakeholders: []
 * })
 * assert.deepStrictEqual(CoDesign.next(process).map((o) => o._tag), ["steering-group-constituted"])
 * ```
 *
 * @category getters
 * @since 0.1.0
 */
export const next: (process: Process) => ReadonlyArray<Next.Offer> = Next.next

/**
 * Whether an offer allows an event: same type, time not before the offer's,
 * and every actor, project and need among the offered ones.
 *
 * @category predicates
 * @since 0.1.0
 */
export const allows: {
  (event: Event): (offer: Next.Offer) => boolean
  (offer: Next.Offer, event: Event): boolean
} = dual(2, Next.allows)

/**
 * Whether one of the offers allows an event.
 *
 * @category predicates
 * @since 0.1.0
 */
export const isOffered: {
  (event: Event): (offers: ReadonlyArray<Next.Offer>) => boolean
  (offers: ReadonlyArray<Next.Offer>, event: Event): boolean
} = dual(2, Next.isOffered)

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
 * const process = CoDesign.unsafeMake({
 *   id: CoDesign.CoDesignId.make("codesign-bando"),
 *   kind: "co-design",
 *   title: "Bando conciliazione",
 *   promoter: Actor.ActorId.make("coop-melograno"),
 *   trigger: { needs: [], call: "Bando regionale conciliazione 2015" },
 *   stakeholders: []
 * })
 * const findings = CoDesign.audit(process, { actors: [{ id: Actor.ActorId.make("coop-melograno"), kind: "social-cooperative" }] })
 * assert.deepStrictEqual(
 *   findings.map((f) => [f.code, f.severity, f.seed.row]),
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
export const audit: (process: Process, context?: Audit.AuditContext) => ReadonlyArray<Audit.AuditDiagnostic> =
  Audit.audit

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
export const hasEqualDignity: (process: Process) => boolean = Audit.hasEqualDignity

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
 * const process = CoDesign.unsafeMake({
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
export const referenceProblems: (
  items: ReadonlyArray<Process>,
  known: {
    readonly actors: ReadonlySet<string>
    readonly needs: ReadonlySet<string>
    readonly projects?: ReadonlySet<string>
  },
  path: ReadonlyArray<string | number>
) => Array<Problem.Problem> = References.referenceProblems

/**
 * One step of a trace: the event (its index, id, time, actor and kind) and
 * the stage the process reached after it.
 *
 * @category models
 * @since 0.2.0
 */
export interface Step {
  readonly index: number
  readonly eventId: Events.Event["eventId"]
  readonly at: Events.Event["at"]
  readonly by: Actor.ActorId
  readonly kind: Events.EventType
  readonly stage: State.State["stage"]
}

/**
 * The trace of a process: each event with its time, its actor, its kind and
 * the stage reached after it, in order (what an auditor reads back, move 6 of
 * seed 001). The same shape as `TakingCharge.trace`.
 *
 * @example
 * ```ts
 * import * as assert from "node:assert"
 * import { Either } from "effect"
 * import { Actor, CoDesign, Timestamp } from "@welfare/core"
 *
 * const comune = Actor.ActorId.make("comune-legnano")
 * const process = CoDesign.unsafeMake({
 *   id: CoDesign.CoDesignId.make("codesign-legnano"),
 *   kind: "co-design",
 *   title: "Verso la Carta della cittadinanza",
 *   promoter: comune,
 *   trigger: { needs: [] },
 *   stakeholders: []
 * })
 * const started = CoDesign.apply(process, {
 *   _tag: "steering-group-constituted",
 *   eventId: CoDesign.EventId.make("ev-1"),
 *   at: Timestamp.fromMillis(Date.UTC(2015, 4, 12, 17)),
 *   by: comune,
 *   members: [comune],
 *   themes: ["Casa e lavoro"]
 * })
 * assert.ok(Either.isRight(started))
 * const [step] = CoDesign.trace(started.right)
 * assert.strictEqual(
 *   CoDesign.formatStep(step!, "it"),
 *   "2015-05-12T17:00:00Z  comune-legnano  Costituzione del gruppo di regia [Gruppo di regia costituito]"
 * )
 * ```
 *
 * @category calculators
 * @since 0.2.0
 */
export const trace: (process: Process) => ReadonlyArray<Step> = Lifecycle.trace

/**
 * One line of a trace in a language: `time  actor  label [stage]`. Only
 * ids, times and labels: nothing personal.
 *
 * @category calculators
 * @since 0.2.0
 */
export const formatStep = (step: Step, lang: Lang): string =>
  `${step.at}  ${step.by}  ${typeLabels[step.kind][lang]} [${stageNames[step.stage][lang]}]`

/**
 * The module's words in Italian and English: the entity's name and its main
 * fields (kinds, stages, activities, roles, events and rules have their
 * own tables; the severities are `Problem.severityLabels`).
 *
 * @category labels
 * @since 0.3.0
 */
export const labels: Labels<"process" | "processes" | "promoter" | "stakeholders" | "events"> = {
  process: { it: "Processo di co-progettazione", en: "Co-design process" },
  processes: { it: "Processi di co-progettazione", en: "Co-design processes" },
  promoter: { it: "Promotore", en: "Promoter" },
  stakeholders: { it: "Portatori di interesse", en: "Stakeholders" },
  events: { it: "Eventi", en: "Events" }
}
