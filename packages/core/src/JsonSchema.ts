/**
 * JSON Schema for the territory document and for every top-level entity,
 * generated from the effect schemas with `JSONSchema.make` (draft-07), each
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
import * as Need from "./Need.js"
import * as Resource from "./Resource.js"
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
 * A JSON Schema document (draft-07) with its `$id`.
 *
 * @category models
 * @since 0.1.0
 */
export interface Document {
  /** The dialect: draft-07. */
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
  const generated = JSONSchema.make(entity.schema) as unknown as Record<string, unknown>
  const { $schema, ...rest } = generated
  const document: Record<string, unknown> = {
    $schema,
    $id: idOf(name),
    title: entity.title,
    description: entity.description,
    ...rest
  }
  if (name === "Territory") {
    const defs = rest.$defs as Record<string, Record<string, unknown>> | undefined
    const ref = typeof rest.$ref === "string" ? rest.$ref.replace("#/$defs/", "") : undefined
    const root = ref !== undefined ? defs?.[ref] : undefined
    if (defs !== undefined && ref !== undefined && root !== undefined) {
      const properties = (root.properties ?? {}) as Record<string, unknown>
      document.$defs = { ...defs, [ref]: { ...root, properties: { $schema: schemaProperty, ...properties } } }
    }
  }
  return document as Document
}
