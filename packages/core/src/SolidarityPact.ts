/**
 * The Solidarity Pact (Patto di solidarietà): the signed commitment "tra
 * coloro che metteranno in rete responsabilità e risorse, per realizzare la
 * Carta" (seed 004, row 55), involving the Comuni, public and social private
 * organisations, unions and the productive world (seed 004, row 47).
 *
 * Signing rules, all checked at once by {@link validate}: every signatory is
 * a known actor and signs once; it commits at least one responsibility or
 * resource; it supports only projects of the Charter; every Charter project
 * has at least one supporter; at least one municipality (Comune, a local
 * authority) signs, since the pact is made «con i Comuni» (seed 004, row 47);
 * the signatories span several sectors, or the Pact says why not in
 * `sectorsNote`.
 *
 * @since 0.1.0
 */

import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import { dual } from "effect/Function"
import * as Schema from "effect/Schema"
import * as Actor from "./Actor.js"
import * as CitizenshipCharter from "./CitizenshipCharter.js"
import * as Decoder from "./Decoder.js"
import { validator } from "./internal/contract.js"
import { unknownReference } from "./internal/integrity.js"
import { id, optional, text } from "./internal/schema.js"
import type { Labels } from "./Label.js"
import * as Partnership from "./Partnership.js"
import * as Problem from "./Problem.js"
import * as Resource from "./Resource.js"

/**
 * The id of a Solidarity Pact.
 *
 * @category models
 * @since 0.1.0
 */
export const PactId = id("PactId", "pact", "The id of a Solidarity Pact.")

/**
 * @category models
 * @since 0.1.0
 */
export type PactId = typeof PactId.Type

const isoDate = /^(\d{4})-(\d{2})-(\d{2})$/

const isCalendarDate = (s: string): boolean => {
  const m = isoDate.exec(s)
  if (m === null) return false
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])))
  return d.toISOString().slice(0, 10) === s
}

/**
 * A calendar date written `YYYY-MM-DD`, for example `2015-10-30`.
 *
 * @category models
 * @since 0.1.0
 */
export const SigningDate = Schema.String.pipe(
  Schema.filter(
    (s) =>
      isCalendarDate(s) ||
      `expected a calendar date written YYYY-MM-DD, got ${JSON.stringify(s.slice(0, 20))}`
  ),
  Schema.annotations({
    identifier: "SigningDate",
    description: "The day a signatory signed the Pact, written YYYY-MM-DD.",
    jsonSchema: { type: "string", format: "date" },
    arbitrary: () => (fc) =>
      fc
        .date({
          min: new Date("2010-01-01T00:00:00Z"),
          max: new Date("2030-12-31T00:00:00Z"),
          noInvalidDate: true
        })
        .map((d) => d.toISOString().slice(0, 10))
  })
)

/**
 * A signatory: the actor that signs, the Charter projects it supports, the
 * responsibilities it takes and the resources it puts in, the day it signed
 * and, when the Pact comes from a roadmap, the id of its `signed` event.
 *
 * @category models
 * @since 0.1.0
 */
export const Signatory = Schema.Struct({
  actor: Actor.ActorId,
  supports: Schema.Array(CitizenshipCharter.ProjectId),
  responsibilities: Schema.Array(Partnership.Responsibility),
  resources: Schema.Array(Resource.Resource),
  signedOn: optional(SigningDate),
  signature: optional(CitizenshipCharter.EventRef)
}).annotations({
  identifier: "PactSignatory",
  title: "PactSignatory",
  description: "A signatory of the Solidarity Pact with the projects it supports and what it commits."
})

/**
 * @category models
 * @since 0.1.0
 */
export interface Signatory extends Schema.Schema.Type<typeof Signatory> {}

/**
 * A Solidarity Pact: its id, the Charter it realises, its signatories, and
 * (when the signatories all belong to one sector) the reason why.
 *
 * The schema checks the shape only; the signing rules need the Charter and
 * the actors of the territory, see {@link validate}.
 *
 * @category models
 * @since 0.1.0
 */
export const SolidarityPact = Schema.Struct({
  id: PactId,
  charter: CitizenshipCharter.CharterId,
  title: text("PactTitle", "The title of the Solidarity Pact.").annotations({
    arbitrary: () => (fc) =>
      fc.constantFrom("Patto di solidarietà dell'Ambito di Legnano", "Patto di solidarietà")
  }),
  signatories: Schema.Array(Signatory),
  provenance: optional(CitizenshipCharter.Provenance),
  sectorsNote: optional(
    text(
      "SectorsNote",
      "Why the signatories of a Pact all belong to one sector (an organisational reason, never about a person).",
      500
    ).annotations({
      arbitrary: () => (fc) =>
        fc.constantFrom(
          "Prima fase: i Comuni firmano il Patto, il terzo settore aderisce in autunno",
          "Pilot phase signed by the municipalities only"
        )
    })
  )
}).annotations({
  identifier: "SolidarityPact",
  title: "SolidarityPact",
  description:
    "The Solidarity Pact: who puts responsibilities and resources into the network to realise the Charter."
})

/**
 * @category models
 * @since 0.1.0
 */
export interface SolidarityPact extends Schema.Schema.Type<typeof SolidarityPact> {}

/**
 * The encoded (JSON) form of a Pact.
 *
 * @category models
 * @since 0.1.0
 */
export interface SolidarityPactEncoded extends Schema.Schema.Encoded<typeof SolidarityPact> {}

/**
 * Whether a signatory commits something: a responsibility, or a resource
 * with a positive amount.
 *
 * @category predicates
 * @since 0.1.0
 */
export const commitsSomething = (signatory: Pick<Signatory, "responsibilities" | "resources">): boolean =>
  signatory.responsibilities.length > 0 || signatory.resources.some((r) => r.amount > 0)

/**
 * The sectors the known signatories of a Pact span, in the order of `Actor.sectors`.
 *
 * @category getters
 * @since 0.1.0
 */
export const sectorsOf: {
  (
    actorsById: ReadonlyMap<string, Pick<Actor.Actor, "kind">>
  ): (pact: Pick<SolidarityPact, "signatories">) => ReadonlyArray<Actor.Sector>
  (
    pact: Pick<SolidarityPact, "signatories">,
    actorsById: ReadonlyMap<string, Pick<Actor.Actor, "kind">>
  ): ReadonlyArray<Actor.Sector>
} = dual(
  2,
  (
    pact: Pick<SolidarityPact, "signatories">,
    actorsById: ReadonlyMap<string, Pick<Actor.Actor, "kind">>
  ): ReadonlyArray<Actor.Sector> => {
    const seen = new Set<Actor.Sector>()
    for (const s of pact.signatories) {
      const a = actorsById.get(s.actor)
      if (a !== undefined) seen.add(Actor.sectorOf(a))
    }
    return Actor.sectors.filter((s) => seen.has(s))
  }
)

/**
 * The signatories supporting each Charter project, in Charter order (a
 * project with none has an empty list).
 *
 * @category getters
 * @since 0.1.0
 */
export const supporters: {
  (
    charter: Pick<CitizenshipCharter.CitizenshipCharter, "projects">
  ): (pact: Pick<SolidarityPact, "signatories">) => ReadonlyArray<{
    readonly project: CitizenshipCharter.ProjectId
    readonly signatories: ReadonlyArray<Actor.ActorId>
  }>
  (
    pact: Pick<SolidarityPact, "signatories">,
    charter: Pick<CitizenshipCharter.CitizenshipCharter, "projects">
  ): ReadonlyArray<{
    readonly project: CitizenshipCharter.ProjectId
    readonly signatories: ReadonlyArray<Actor.ActorId>
  }>
} = dual(
  2,
  (
    pact: Pick<SolidarityPact, "signatories">,
    charter: Pick<CitizenshipCharter.CitizenshipCharter, "projects">
  ): ReadonlyArray<{
    readonly project: CitizenshipCharter.ProjectId
    readonly signatories: ReadonlyArray<Actor.ActorId>
  }> =>
    charter.projects.map((p) => ({
      project: p.id,
      signatories: [...new Set(pact.signatories.filter((s) => s.supports.includes(p.id)).map((s) => s.actor))]
    }))
)

/**
 * Every broken signing rule of a Pact, at once, each with its path:
 *
 * - `unknown-reference`: the Pact names another Charter; a signatory is not a
 *   known actor; a signatory supports a project that is not in the Charter;
 * - `duplicate-id`: an actor signs twice;
 * - `rule`: a signatory commits nothing; a Charter project has no supporter;
 *   the Pact has no signatory; no municipality (local authority) signs it
 *   (seed 004, row 47: «un patto di solidarietà territoriale con i Comuni»);
 *   the signatories all belong to one sector and the Pact has no `sectorsNote`.
 *
 * Pass `undefined` as the Charter when the territory has none: the Pact
 * realises a Charter, so that is a problem too.
 *
 * @example
 * ```ts
 * import * as assert from "node:assert"
 * import { Actor, CitizenshipCharter, Problem, SolidarityPact } from "@welfare/core"
 *
 * const charter: CitizenshipCharter.CitizenshipCharter = {
 *   id: CitizenshipCharter.CharterId.make("carta-legnano"),
 *   title: "Carta della cittadinanza",
 *   projects: [
 *     { id: CitizenshipCharter.ProjectId.make("proj-lavoro-casa"), title: "Tra lavoro e casa", policyAreas: ["labour"], targetGroups: ["working-poor"] },
 *     { id: CitizenshipCharter.ProjectId.make("proj-anziani"), title: "Prossimità per gli anziani", policyAreas: ["social-and-health-services"], targetGroups: ["elderly"] }
 *   ]
 * }
 * const actors = new Map([["comune-legnano", Actor.unsafeMake({ id: Actor.ActorId.make("comune-legnano"), kind: "local-authority" })]])
 * const pact: SolidarityPact.SolidarityPact = {
 *   id: SolidarityPact.PactId.make("patto-legnano"),
 *   charter: charter.id,
 *   title: "Patto di solidarietà",
 *   signatories: [
 *     { actor: Actor.ActorId.make("comune-legnano"), supports: [CitizenshipCharter.ProjectId.make("proj-lavoro-casa")], responsibilities: [], resources: [] }
 *   ]
 * }
 * assert.deepStrictEqual(SolidarityPact.validate(pact, charter, actors).map(Problem.format), [
 *   'signatories[0]: the signatory "comune-legnano" commits nothing: add at least one responsibility or a resource with a positive amount',
 *   'signatories: no signatory supports the Charter project "proj-anziani": find a supporter or remove the project from the Charter',
 *   "sectorsNote: every signatory belongs to the public sector: add signatories from other sectors, or say why not in sectorsNote"
 * ])
 * ```
 *
 * @category validation
 * @since 0.1.0
 */
export const validate = (
  pact: SolidarityPact,
  charter: Pick<CitizenshipCharter.CitizenshipCharter, "id" | "projects"> | undefined,
  actorsById: ReadonlyMap<string, Pick<Actor.Actor, "kind">>
): Array<Problem.ProblemDiagnostic> => {
  const problems: Array<Problem.Problem> = []
  if (charter === undefined)
    problems.push(
      Problem.make(
        "unknown-reference",
        ["charter"],
        `the Pact realises the Charter "${pact.charter}" but there is no Charter: add the Citizenship Charter`
      )
    )
  else if (charter.id !== pact.charter)
    problems.push(
      Problem.make(
        "unknown-reference",
        ["charter"],
        `the Pact realises the Charter "${pact.charter}" but the Charter is "${charter.id}": correct the reference`
      )
    )
  signatoryProblems(pact, charter, actorsById, problems)
  if (pact.signatories.length === 0)
    problems.push(
      Problem.make(
        "rule",
        ["signatories"],
        "the Pact has no signatory: it is signed by those who put responsibilities and resources into the network"
      )
    )
  const supported = new Set(pact.signatories.flatMap((s) => s.supports))
  for (const p of charter?.projects ?? [])
    if (!supported.has(p.id))
      problems.push(
        Problem.make(
          "rule",
          ["signatories"],
          `no signatory supports the Charter project "${p.id}": find a supporter or remove the project from the Charter`
        )
      )
  if (
    pact.signatories.length > 0 &&
    !pact.signatories.some((s) => actorsById.get(s.actor)?.kind === "local-authority")
  )
    problems.push(
      Problem.make(
        "rule",
        ["signatories"],
        "no municipality signs the Pact: the Solidarity Pact is made with the Comuni (seed 004, row 47); add the signature of at least one local authority"
      )
    )
  const sectors = sectorsOf(pact, actorsById)
  if (sectors.length === 1 && pact.sectorsNote === undefined)
    problems.push(
      Problem.make(
        "rule",
        ["sectorsNote"],
        `every signatory belongs to the ${Actor.sectorLabels[sectors[0]!].en.toLowerCase()} sector: add signatories from other sectors, or say why not in sectorsNote`
      )
    )
  return Problem.asDiagnostics(problems, "seed 004_f8a83f590fe55963.txt, row 55")
}

/** Each signatory signs once, is a known actor, commits something, and supports only projects of the Charter. */
const signatoryProblems = (
  pact: SolidarityPact,
  charter: Pick<CitizenshipCharter.CitizenshipCharter, "projects"> | undefined,
  actorsById: ReadonlyMap<string, Pick<Actor.Actor, "kind">>,
  problems: Array<Problem.Problem>
): void => {
  const projects = new Set<string>(charter?.projects.map((p) => p.id) ?? [])
  const first = new Map<string, number>()
  pact.signatories.forEach((s, i) => {
    const at = first.get(s.actor)
    if (at === undefined) first.set(s.actor, i)
    else
      problems.push(
        Problem.make(
          "duplicate-id",
          ["signatories", i, "actor"],
          `the actor "${s.actor}" already signed at signatories[${at}]: sign once, with every project, responsibility and resource`
        )
      )
    problems.push(...unknownReference(actorsById, s.actor, ["signatories", i, "actor"], "actor", "actors"))
    if (!commitsSomething(s))
      problems.push(
        Problem.make(
          "rule",
          ["signatories", i],
          `the signatory "${s.actor}" commits nothing: add at least one responsibility or a resource with a positive amount`
        )
      )
    if (charter !== undefined)
      s.supports.forEach((p, j) => {
        if (!projects.has(p))
          problems.push(
            Problem.make(
              "unknown-reference",
              ["signatories", i, "supports", j],
              `the Charter has no project "${p}": add it to the Charter or correct the id`
            )
          )
      })
  })
}

/**
 * The Pact if every signing rule holds, or every broken rule (see {@link validate}).
 *
 * @category validation
 * @since 0.1.0
 */
export const check = (
  pact: SolidarityPact,
  charter: Pick<CitizenshipCharter.CitizenshipCharter, "id" | "projects"> | undefined,
  actorsById: ReadonlyMap<string, Pick<Actor.Actor, "kind">>
): Problem.Result<SolidarityPact> => Problem.fromProblems(pact, validate(pact, charter, actorsById))

const decodeShape = Decoder.lazy(SolidarityPact)

/**
 * Decodes unknown input into a Pact (shape only), or returns every problem.
 * Never throws. Check the signing rules with {@link validate}.
 *
 * @category decoding
 * @since 0.1.0
 */
export const decode = (input: unknown): Problem.Result<SolidarityPact> => decodeShape(input)

/**
 * {@link decode} as an `Effect` that fails with a {@link Problem.ValidationError}
 * listing every problem; given the actors (and the Charter, if any), it also
 * checks the signing rules ({@link validate}), like every module's
 * `decodeEffect` with its optional context.
 *
 * @category decoding
 * @since 0.1.0
 */
export const decodeEffect = (
  input: unknown,
  charter?: Pick<CitizenshipCharter.CitizenshipCharter, "id" | "projects">,
  actorsById?: ReadonlyMap<string, Pick<Actor.Actor, "kind">>
): Effect.Effect<SolidarityPact, Problem.ValidationError> =>
  Either.match(
    actorsById === undefined
      ? decode(input)
      : Either.flatMap(decode(input), (pact) => check(pact, charter, actorsById)),
    {
      onLeft: (problems) => Effect.fail(new Problem.ValidationError({ problems })),
      onRight: Effect.succeed
    }
  )

/**
 * Encodes a Pact to its JSON form.
 *
 * @category encoding
 * @since 0.1.0
 */
export const encode: (pact: SolidarityPact) => SolidarityPactEncoded = Schema.encodeSync(SolidarityPact)

/**
 * Every reference problem of a Pact: a Charter, signatory actors or supported
 * projects that are not known. `path` is where the Pact sits (for a
 * territory, `["pact"]`). {@link validate} reports these too, with the
 * signing rules: a territory check calls one of the two, not both.
 *
 * @category validation
 * @since 0.1.0
 */
export const referenceProblems = (
  pact: Pick<SolidarityPact, "charter" | "signatories">,
  known: {
    readonly actors: ReadonlySet<string>
    readonly projects: ReadonlySet<string>
    readonly charters: ReadonlySet<string>
  },
  path: ReadonlyArray<Problem.PathSegment>
): Array<Problem.Problem> => {
  const problems = unknownReference(known.charters, pact.charter, [...path, "charter"], "Charter", "charter")
  pact.signatories.forEach((s, i) => {
    problems.push(
      ...unknownReference(known.actors, s.actor, [...path, "signatories", i, "actor"], "actor", "actors")
    )
    s.supports.forEach((p, j) => {
      problems.push(
        ...unknownReference(
          known.projects,
          p,
          [...path, "signatories", i, "supports", j],
          "project",
          "the Charter's projects"
        )
      )
    })
  })
  return problems
}

/**
 * Builds a SolidarityPact from typed fields without checking them, for trusted
 * builders (fixtures, generators, code that built them from checked values);
 * {@link make} is the checked way.
 *
 * @category constructors
 * @since 0.3.0
 */
export const unsafeMake = (fields: SolidarityPact): SolidarityPact => fields

const checkFields = validator(SolidarityPact)

/**
 * Builds a SolidarityPact from typed fields, checked against its schema (the
 * refinements and cross-field rules {@link decode} applies): the value, or
 * every problem with its path. Never throws.
 *
 * @category constructors
 * @since 0.3.0
 */
export const make = (fields: SolidarityPact): Problem.Result<SolidarityPact> => checkFields(fields)

/**
 * The module's words in Italian and English: the entity's name and the
 * headings of its main fields (its enumerations have their own tables).
 *
 * @category labels
 * @since 0.3.0
 */
export const labels: Labels<"pact" | "charter" | "signatories"> = {
  pact: { it: "Patto di solidarietà", en: "Solidarity Pact" },
  charter: { it: "Carta della cittadinanza", en: "Citizenship Charter" },
  signatories: { it: "Firmatari", en: "Signatories" }
}
