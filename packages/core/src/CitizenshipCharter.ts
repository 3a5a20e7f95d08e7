/**
 * The Citizenship Charter (Carta della cittadinanza): the projects the
 * territory intends to realise (seed 004, row 55: "contenente i progetti che
 * si intende realizzare"). Each project names the policy areas it connects,
 * the groups of the population it is for (seed 004, row 21: "a favore delle
 * persone, delle famiglie o di gruppi specifici della popolazione o di
 * particolari fasce d'età") and the needs or requirements it answers.
 *
 * @since 0.1.0
 */

import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Schema from "effect/Schema"
import * as Decoder from "./Decoder.js"
import { duplicateIds, unknownReference } from "./internal/integrity.js"
import { id, literals, optional, text } from "./internal/schema.js"
import type { Labels } from "./Label.js"
import * as Need from "./Need.js"
import * as PolicyArea from "./PolicyArea.js"
import * as Problem from "./Problem.js"
import * as Requirement from "./Requirement.js"

/**
 * The id of a project of the Citizenship Charter.
 *
 * @category models
 * @since 0.1.0
 */
export const ProjectId = id("ProjectId", "proj", "The id of a project of the Citizenship Charter.")

/**
 * @category models
 * @since 0.1.0
 */
export type ProjectId = typeof ProjectId.Type

/**
 * The id of a Citizenship Charter, which a Solidarity Pact refers to.
 *
 * @category models
 * @since 0.1.0
 */
export const CharterId = id("CharterId", "charter", "The id of a Citizenship Charter.")

/**
 * @category models
 * @since 0.1.0
 */
export type CharterId = typeof CharterId.Type

/**
 * Every target group, in display order.
 *
 * @category constants
 * @since 0.1.0
 */
export const targetGroups = [
  "families",
  "minors",
  "young-adults",
  "elderly",
  "disabled",
  "migrants",
  "working-poor",
  "caregivers",
  "whole-community"
] as const

/**
 * A group of the population a project is for: families, minors, young
 * adults, elderly people, people with disabilities, migrants, the working
 * poor (the vulnerability between work and housing of seed 003), family
 * caregivers, or the whole community.
 *
 * @category models
 * @since 0.1.0
 */
export const TargetGroup = literals(
  "TargetGroup",
  targetGroups,
  "A group of the population a project is for."
)

/**
 * @category models
 * @since 0.1.0
 */
export type TargetGroup = typeof TargetGroup.Type

const projectTitles = [
  "Famiglie in rete",
  "Tra lavoro e casa",
  "Prossimità per gli anziani soli",
  "Doposcuola di comunità",
  "Sportello unico per il lavoro"
] as const

/**
 * A project of the Charter: its id and title, the policy areas it connects
 * and the groups it is for (at least one of each), and the needs and
 * requirements it answers.
 *
 * @category models
 * @since 0.1.0
 */
export const Project = Schema.Struct({
  id: ProjectId,
  title: text("ProjectTitle", "The title of a Charter project.").annotations({
    arbitrary: () => (fc) => fc.constantFrom(...projectTitles)
  }),
  policyAreas: Schema.Array(PolicyArea.PolicyArea).pipe(
    Schema.minItems(1, { message: () => "a project connects at least one policy area: add its policy areas" })
  ),
  targetGroups: Schema.Array(TargetGroup).pipe(
    Schema.minItems(1, {
      message: () => `a project is for at least one group: add one of ${targetGroups.join(", ")}`
    })
  ),
  needs: optional(Schema.Array(Need.NeedId)),
  requirements: optional(Schema.Array(Requirement.RequirementId))
}).annotations({
  identifier: "CharterProject",
  title: "CharterProject",
  description: "A project of the Citizenship Charter."
})

/**
 * @category models
 * @since 0.1.0
 */
export interface Project extends Schema.Schema.Type<typeof Project> {}

const RoadmapProcessId = id(
  "RoadmapProcessId",
  "codesign",
  "The id of the co-design process (roadmap) that drafted and approved a Charter or a Pact."
)
const RoadmapEventId = id("RoadmapEventId", "ev", "The id of an event of a co-design roadmap.")

/**
 * Where a Charter or a Pact comes from (invariant 16): the co-design process
 * whose roadmap drafted it, the id of its draft event (`charter-drafted` or
 * `pact-drafted`) and of the `approved` event (seed 004, row 55: «si scrivono
 * le bozze ... e si approvano e sottoscrivono i documenti»). The territory
 * checks it against the process: see `Provenance`.
 *
 * @category models
 * @since 0.1.0
 */
export const Provenance = Schema.Struct({
  process: RoadmapProcessId,
  drafted: RoadmapEventId,
  approved: RoadmapEventId
}).annotations({
  identifier: "RoadmapProvenance",
  title: "RoadmapProvenance",
  description:
    "The co-design process, draft event and approval event a Charter or a Pact comes from (seed 004, row 55)."
})

/**
 * @category models
 * @since 0.1.0
 */
export interface Provenance extends Schema.Schema.Type<typeof Provenance> {}

/**
 * The id of one event of a roadmap, as a Pact signatory's `signature` names it.
 *
 * @category models
 * @since 0.1.0
 */
export const EventRef = RoadmapEventId

/**
 * The fields of a Charter, before its project ids are checked.
 *
 * @category models
 * @since 0.1.0
 */
export const CharterFields = Schema.Struct({
  id: CharterId,
  title: text("CharterTitle", "The title of the Citizenship Charter.").annotations({
    arbitrary: () => (fc) =>
      fc.constantFrom("Carta della cittadinanza dell'Ambito di Legnano", "Carta della cittadinanza")
  }),
  projects: Schema.Array(Project).pipe(
    Schema.minItems(1, {
      message: () =>
        "a Charter contains the projects the territory intends to realise: add at least one project"
    })
  ),
  provenance: optional(Provenance)
}).annotations({ identifier: "CitizenshipCharterFields", title: "CitizenshipCharter" })

/**
 * The input of {@link make}.
 *
 * @category models
 * @since 0.1.0
 */
export interface CharterInput extends Schema.Schema.Type<typeof CharterFields> {}

/**
 * Every broken rule of a Charter: a project id used twice.
 *
 * @category validation
 * @since 0.1.0
 */
export const rules = (charter: CharterInput): Array<Problem.Problem> =>
  duplicateIds(charter.projects, (p) => p.id, ["projects"], "project")

/**
 * A Citizenship Charter whose project ids are unique.
 *
 * @example
 * ```ts
 * import * as assert from "node:assert"
 * import { Schema } from "effect"
 * import { CitizenshipCharter } from "@welfare/core"
 *
 * const charter = Schema.decodeUnknownSync(CitizenshipCharter.CitizenshipCharter)({
 *   id: "carta-legnano",
 *   title: "Carta della cittadinanza dell'Ambito di Legnano",
 *   projects: [
 *     { id: "proj-lavoro-casa", title: "Tra lavoro e casa", policyAreas: ["labour", "housing"], targetGroups: ["working-poor", "families"] }
 *   ]
 * })
 * assert.deepStrictEqual(CitizenshipCharter.policyAreas(charter), ["labour", "housing"])
 * ```
 *
 * @category models
 * @since 0.1.0
 */
export const CitizenshipCharter = CharterFields.pipe(
  Schema.filter((c) => rules(c).map((x) => ({ path: x.path, message: x.message }))),
  Schema.annotations({
    identifier: "CitizenshipCharter",
    title: "CitizenshipCharter",
    description: "The Citizenship Charter: the projects the territory intends to realise (seed 004)."
  })
)

/**
 * A Citizenship Charter whose project ids are unique.
 *
 * @category models
 * @since 0.1.0
 */
export interface CitizenshipCharter extends CharterInput {}

/**
 * The encoded (JSON) form of a Charter.
 *
 * @category models
 * @since 0.1.0
 */
export interface CitizenshipCharterEncoded extends Schema.Schema.Encoded<typeof CharterFields> {}

/**
 * Builds a Charter from typed fields, or returns every broken rule.
 *
 * @category constructors
 * @since 0.1.0
 */
export const make = (input: CharterInput): Problem.Result<CitizenshipCharter> => {
  const empty =
    input.projects.length === 0
      ? [
          Problem.make(
            "rule",
            ["projects"],
            "a Charter contains the projects the territory intends to realise: add at least one project"
          )
        ]
      : []
  return Problem.fromProblems(input, [...empty, ...rules(input)])
}

const decodeFields = Decoder.lazy(CharterFields)

/**
 * Decodes unknown input into a Charter, or returns every problem. Never throws.
 *
 * @category decoding
 * @since 0.1.0
 */
export const decode = (input: unknown): Problem.Result<CitizenshipCharter> =>
  Either.flatMap(decodeFields(input), (fields) => make(fields))

/**
 * {@link decode} as an `Effect` that fails with a {@link Problem.ValidationError}.
 *
 * @category decoding
 * @since 0.1.0
 */
export const decodeEffect = (input: unknown): Effect.Effect<CitizenshipCharter, Problem.ValidationError> =>
  Either.match(decode(input), {
    onLeft: (problems) => Effect.fail(new Problem.ValidationError({ problems })),
    onRight: Effect.succeed
  })

/**
 * Encodes a Charter to its JSON form.
 *
 * @category encoding
 * @since 0.1.0
 */
export const encode: (charter: CitizenshipCharter) => CitizenshipCharterEncoded =
  Schema.encodeSync(CharterFields)

/**
 * The project ids of a Charter, in Charter order.
 *
 * @category getters
 * @since 0.1.0
 */
export const projectIds = (charter: Pick<CitizenshipCharter, "projects">): ReadonlyArray<ProjectId> =>
  charter.projects.map((p) => p.id)

/**
 * The policy areas the Charter connects, in the order of `PolicyArea.values`.
 *
 * @category getters
 * @since 0.1.0
 */
export const policyAreas = (
  charter: Pick<CitizenshipCharter, "projects">
): ReadonlyArray<PolicyArea.PolicyArea> => {
  const seen = new Set(charter.projects.flatMap((p) => p.policyAreas))
  return PolicyArea.values.filter((a) => seen.has(a))
}

/**
 * The groups the Charter is for, in the order of {@link targetGroups}.
 *
 * @category getters
 * @since 0.1.0
 */
export const groupsServed = (charter: Pick<CitizenshipCharter, "projects">): ReadonlyArray<TargetGroup> => {
  const seen = new Set(charter.projects.flatMap((p) => p.targetGroups))
  return targetGroups.filter((g) => seen.has(g))
}

/**
 * Every reference problem of a Charter: needs and requirements its projects
 * answer that are not known (duplicate project ids are shape problems,
 * reported by the schema and {@link rules}). `path` is where the Charter sits (for a
 * territory, `["charter"]`).
 *
 * @example
 * ```ts
 * import * as assert from "node:assert"
 * import { CitizenshipCharter, Need, Problem } from "@welfare/core"
 *
 * const problems = CitizenshipCharter.referenceProblems(
 *   { projects: [{ id: CitizenshipCharter.ProjectId.make("proj-1"), needs: [Need.NeedId.make("need-9")] }] },
 *   { needs: new Set(["need-1"]), requirements: new Set() },
 *   ["charter"]
 * )
 * assert.deepStrictEqual(problems.map(Problem.format), [
 *   'charter.projects[0].needs[0]: no need has the id "need-9": add it to needs or correct the id'
 * ])
 * ```
 *
 * @category validation
 * @since 0.1.0
 */
export const referenceProblems = (
  charter: {
    readonly projects: ReadonlyArray<Pick<Project, "id"> & Partial<Pick<Project, "needs" | "requirements">>>
  },
  known: { readonly needs: ReadonlySet<string>; readonly requirements: ReadonlySet<string> },
  path: ReadonlyArray<Problem.PathSegment>
): Array<Problem.Problem> => {
  const problems: Array<Problem.Problem> = []
  charter.projects.forEach((p, i) => {
    ;(p.needs ?? []).forEach((n, j) => {
      problems.push(
        ...unknownReference(known.needs, n, [...path, "projects", i, "needs", j], "need", "needs")
      )
    })
    ;(p.requirements ?? []).forEach((r, j) => {
      problems.push(
        ...unknownReference(
          known.requirements,
          r,
          [...path, "projects", i, "requirements", j],
          "requirement",
          "requirements"
        )
      )
    })
  })
  return problems
}

/**
 * Italian and English labels of the target groups.
 *
 * @category labels
 * @since 0.1.0
 */
export const targetGroupLabels: Labels<TargetGroup> = {
  families: { it: "Famiglie", en: "Families" },
  minors: { it: "Minori", en: "Minors" },
  "young-adults": { it: "Giovani adulti", en: "Young adults" },
  elderly: { it: "Anziani", en: "Elderly people" },
  disabled: { it: "Persone con disabilità", en: "People with disabilities" },
  migrants: { it: "Persone migranti", en: "Migrants" },
  "working-poor": { it: "Lavoratori poveri", en: "Working poor" },
  caregivers: { it: "Caregiver familiari", en: "Family caregivers" },
  "whole-community": { it: "Tutta la comunità", en: "Whole community" }
}

/**
 * Builds a CitizenshipCharter from typed fields without checking them, for trusted
 * builders (fixtures, generators, code that built them from checked values);
 * {@link make} is the checked way.
 *
 * @category constructors
 * @since 0.3.0
 */
export const unsafeMake = (input: CharterInput): CitizenshipCharter => input

/**
 * The module's words in Italian and English: the entity's name and the
 * headings of its main fields (its enumerations have their own tables).
 *
 * @category labels
 * @since 0.3.0
 */
export const labels: Labels<"charter" | "projects" | "targetGroups"> = {
  charter: { it: "Carta della cittadinanza", en: "Citizenship Charter" },
  projects: { it: "Progetti", en: "Projects" },
  targetGroups: { it: "Destinatari", en: "Target groups" }
}
