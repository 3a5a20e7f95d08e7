/**
 * JSON Schema for the territory document and for every top-level entity,
 * generated from the effect schemas with `JSONSchema.make` (JSON Schema
 * 2020-12, so that a refinement may sit next to a `$ref`), each
 * with a stable `$id` under {@link baseUrl}.
 *
 * The same documents are published as files in the package
 * (`@welfare/core/schemas/Territory.json`, ...) and printed by
 * `welfare schema [ENTITY]`. A JSON Schema checks shapes, kinds and ranges;
 * the rules that span several records (unique ids, references to known ids)
 * are beyond it and are checked by `Territory.decode` and `welfare validate`.
 *
 * @since 0.1.0
 */
import * as JSONSchema from "effect/JSONSchema"
import type * as Schema from "effect/Schema"
import * as Actor from "./Actor.js"
import * as CitizenshipCharter from "./CitizenshipCharter.js"
import * as CoDesign from "./CoDesign.js"
import * as Evaluation from "./Evaluation.js"
import * as Indicator from "./Indicator.js"
import * as IndicatorAssignment from "./IndicatorAssignment.js"
import * as Intervention from "./Intervention.js"
import * as Measurement from "./Measurement.js"
import * as Need from "./Need.js"
import * as Partnership from "./Partnership.js"
import * as Requirement from "./Requirement.js"
import * as Resource from "./Resource.js"
import * as SolidarityPact from "./SolidarityPact.js"
import * as TakingCharge from "./TakingCharge.js"
import * as Territory from "./Territory.js"

/**
 * The base of every `$id`: the version in the path changes only when a
 * document valid under the old schema could become invalid.
 *
 * @category constants
 * @since 0.1.0
 */
export const baseUrl = "https://welfare.dev/schema/0.1/"

/**
 * A top-level entity: its effect schema and how its JSON Schema presents it.
 *
 * @category models
 * @since 0.1.0
 */
export interface Entity {
  /** The title of the JSON Schema document. */
  readonly title: string
  /** What the entity is, for readers of the JSON Schema. */
  readonly description: string
  /** The effect schema the JSON Schema is generated from. */
  readonly schema: Schema.Schema<any, any, never>
}

/**
 * Every top-level entity with a published JSON Schema. `Territory` is the
 * whole territory document, the input of the `welfare` command.
 *
 * @category constants
 * @since 0.1.0
 */
export const entities = {
  Territory: {
    title: "Territory document",
    description:
      "A territory (ambito territoriale) as one JSON document: its municipalities, actors and every record of its generative welfare. Unique ids and references to known ids are checked by Territory.decode and `welfare validate`, not by this schema.",
    schema: Territory.Territory
  },
  Municipality: {
    title: "Municipality",
    description: "A municipality (Comune) of the territory.",
    schema: Territory.Municipality
  },
  Actor: {
    title: "Actor",
    description: "A subject of the community (seed 004, row 21): its kind, resources and policy areas.",
    schema: Actor.Actor
  },
  Resource: {
    title: "Resource",
    description: "A resource by kind (time, care, competence, economic), with its amount and unit.",
    schema: Resource.Resource
  },
  Need: {
    title: "Need",
    description: "A need (bisogno): what is missing, its status, policy areas and who raised it.",
    schema: Need.Need
  },
  Requirement: {
    title: "Requirement",
    description:
      "A requirement (esigenza): how the needs of a person or a community are read, with the interlocutors, places, resources and ties of the community.",
    schema: Requirement.Requirement
  },
  TakingChargeEvent: {
    title: "Taking-charge event",
    description:
      "One event of the traceable taking-charge path (presa in carico): a need recorded, a demand expressed, a choice made, a community response linked, a review, a closure. Every event carries its caseId.",
    schema: TakingCharge.Event
  },
  Partnership: {
    title: "Partnership",
    description: "A partnership of actors: its form, governance logic, policy areas, promoter and members.",
    schema: Partnership.Partnership
  },
  CitizenshipCharter: {
    title: "Citizenship Charter",
    description: "The Citizenship Charter (Carta della cittadinanza) and its projects.",
    schema: CitizenshipCharter.CitizenshipCharter
  },
  SolidarityPact: {
    title: "Solidarity Pact",
    description: "The Solidarity Pact (Patto di solidarietà): its signatories and what each commits.",
    schema: SolidarityPact.SolidarityPact
  },
  CoDesignProcess: {
    title: "Co-design process",
    description:
      "A co-programming or co-design process (D.Lgs. 117/2017, art. 55): its definition and its own event list.",
    schema: CoDesign.Process
  },
  Intervention: {
    title: "Intervention",
    description: "An intervention (service, project, programme): its facts, resources and who takes part.",
    schema: Intervention.Intervention
  },
  IndicatorDefinition: {
    title: "Indicator definition",
    description:
      "An indicator: quantitative (unit, direction, aggregation) or qualitative (a scale of levels).",
    schema: Indicator.IndicatorDefinition
  },
  IndicatorAssignment: {
    title: "Indicator assignment",
    description: "An indicator applied to a scope, with its baseline, periods and targets.",
    schema: IndicatorAssignment.IndicatorAssignment
  },
  Measurement: {
    title: "Measurement",
    description: "One figure of an assigned indicator for one period, with who measured it and its source.",
    schema: Measurement.Measurement
  },
  EvaluationRound: {
    title: "Evaluation round",
    description:
      "A round of evaluation: its period, its evaluators and the indicator assignments it evaluates.",
    schema: Evaluation.EvaluationRound
  }
} satisfies Record<string, Entity>

/**
 * The name of an entity with a published JSON Schema.
 *
 * @category models
 * @since 0.1.0
 */
export type EntityName = keyof typeof entities

/**
 * Every entity name, the territory document first.
 *
 * @category constants
 * @since 0.1.0
 */
export const names: ReadonlyArray<EntityName> = Object.keys(entities) as Array<EntityName>

/**
 * Whether a text names an entity with a published JSON Schema.
 *
 * @example
 * ```ts
 * import * as assert from "node:assert"
 * import { JsonSchema } from "@welfare/core"
 *
 * assert.strictEqual(JsonSchema.isEntityName("Actor"), true)
 * assert.strictEqual(JsonSchema.isEntityName("toString"), false)
 * ```
 *
 * @category predicates
 * @since 0.1.0
 */
export const isEntityName = (name: unknown): name is EntityName =>
  typeof name === "string" && Object.hasOwn(entities, name)

/**
 * The stable `$id` of an entity's JSON Schema.
 *
 * @example
 * ```ts
 * import * as assert from "node:assert"
 * import { JsonSchema } from "@welfare/core"
 *
 * assert.strictEqual(JsonSchema.idOf("Territory"), "https://welfare.dev/schema/0.1/Territory.json")
 * ```
 *
 * @category getters
 * @since 0.1.0
 */
export const idOf = (name: EntityName): string => `${baseUrl}${name}.json`

/**
 * A JSON Schema document (2020-12) with its `$id`.
 *
 * @category models
 * @since 0.1.0
 */
export interface Document {
  /** The dialect: JSON Schema 2020-12. */
  readonly $schema: string
  /** The stable id, see {@link idOf}. */
  readonly $id: string
  /** The title. */
  readonly title: string
  /** What the entity is. */
  readonly description: string
  /** The root: a reference into `$defs`, or an inline schema. */
  readonly [keyword: string]: unknown
}

type Def = Readonly<Record<string, unknown>>

const required = (key: string) => ({ required: [key] })
const whenIs = (key: string, value: string) => ({ properties: { [key]: { const: value } }, required: [key] })

// JSON Schema's if/then/else.
const conditional = (condition: Def, consequence: Def, alternative?: Def): Def =>
  Object.fromEntries([
    ["if", condition],
    // biome-ignore lint/suspicious/noThenProperty: the JSON Schema keyword, never awaited
    ["then", consequence],
    ...(alternative === undefined ? [] : [["else", alternative]])
  ])

/**
 * The rules across fields that a refinement checks in code and that JSON
 * Schema can also say, by definition name: they are added to the generated
 * definitions, so that a document the decoder rejects for them is rejected by
 * the JSON Schema too (invariant 14). Rules across records (unique ids,
 * references, the order of events) are beyond JSON Schema.
 */
const crossFieldRules: Readonly<Record<string, (def: Def) => Def>> = {
  // A citizen is a pseudonymous id only: never a name.
  Actor: (def) => ({ ...def, ...conditional(whenIs("kind", "citizen"), { not: required("name") }) }),
  // A resource's unit suits its kind (Resource.unitsByKind).
  Resource: (def) => ({
    ...def,
    allOf: Resource.kinds.map((kind) =>
      conditional(whenIs("kind", kind), { properties: { unit: { enum: Resource.unitsByKind[kind] } } })
    )
  }),
  // An overt need names who recognised it, and only an overt need does; each policy area once.
  Need: (def) => ({
    ...def,
    properties: {
      ...(def.properties as Def),
      policyAreas: { ...((def.properties as Def).policyAreas as Def), uniqueItems: true }
    },
    ...conditional(whenIs("status", "overt"), required("recognisedBy"), { not: required("recognisedBy") })
  }),
  // Designed partly each way exactly when a design split is given; each id listed once.
  Intervention: (def) => ({
    ...def,
    properties: Object.fromEntries(
      Object.entries(def.properties as Def).map(([key, property]) => [
        key,
        ["actors", "partnerships", "coDesigns", "cases"].includes(key)
          ? { ...(property as Def), uniqueItems: true }
          : property
      ])
    ),
    ...conditional(whenIs("designed", "both"), required("designSplit"), { not: required("designSplit") })
  }),
  // A resource with its amount, or its kind alone; a form only on an economic
  // resource; a tariff only on money.
  ResourceUse: (def) => {
    const economic: Def = {
      anyOf: [
        { properties: { resource: { properties: { kind: { const: "economic" } } } }, required: ["resource"] },
        whenIs("kind", "economic")
      ]
    }
    return {
      ...def,
      oneOf: [required("resource"), required("kind")],
      allOf: [
        conditional(required("form"), economic),
        conditional(whenIs("mode", "tariff"), { allOf: [economic, { not: whenIs("form", "in-kind") }] })
      ]
    }
  },
  // A value with its unit, or a level without unit: never both, never neither.
  Measurement: (def) => ({
    ...def,
    oneOf: [required("value"), required("level")],
    ...conditional(required("value"), required("unit"), { not: required("unit") })
  })
}

const withRules = (defs: Readonly<Record<string, Def>>): Record<string, Def> =>
  Object.fromEntries(
    Object.entries(defs).map(([name, def]) => [
      name,
      Object.hasOwn(crossFieldRules, name) ? crossFieldRules[name]!(def) : def
    ])
  )

const schemaProperty = {
  type: "string",
  description: "Optional: the address of this JSON Schema, for editors that validate as you type."
}

/**
 * The JSON Schema of an entity, generated from its effect schema. The
 * territory document also accepts a top-level `$schema` property, so that an
 * editor can find the schema from the document itself.
 *
 * @example
 * ```ts
 * import * as assert from "node:assert"
 * import { JsonSchema } from "@welfare/core"
 *
 * const schema = JsonSchema.make("Actor")
 * assert.strictEqual(schema.$id, "https://welfare.dev/schema/0.1/Actor.json")
 * assert.strictEqual(schema.$ref, "#/$defs/Actor")
 * ```
 *
 * @category constructors
 * @since 0.1.0
 */
export const make = (name: EntityName): Document => {
  const entity: Entity = entities[name]
  const generated = JSONSchema.make(entity.schema, { target: "jsonSchema2020-12" }) as unknown as Record<
    string,
    unknown
  >
  const { $schema, ...rest } = generated
  const document: Record<string, unknown> = {
    $schema,
    $id: idOf(name),
    title: entity.title,
    description: entity.description,
    ...rest
  }
  if (rest.$defs !== undefined) document.$defs = withRules(rest.$defs as Record<string, Def>)
  if (name === "Territory") {
    const defs = document.$defs as Record<string, Record<string, unknown>> | undefined
    const ref = typeof rest.$ref === "string" ? rest.$ref.replace("#/$defs/", "") : undefined
    const root = ref !== undefined ? defs?.[ref] : undefined
    if (defs !== undefined && ref !== undefined && root !== undefined) {
      const properties = (root.properties ?? {}) as Record<string, unknown>
      document.$defs = { ...defs, [ref]: { ...root, properties: { $schema: schemaProperty, ...properties } } }
    }
  }
  return document as Document
}
