/**
 * Result rows as a Frictionless tabular data resource
 * (`application/vnd.dataresource+json`): the Table Schema of the columns and
 * the rows inline. Jupyter front-ends that know the type (nteract, JupyterLab
 * extensions) show it as a data grid; VS Code ignores it and shows the HTML.
 *
 * @since 0.1.0
 */
import type { Rows, Value } from "./Rows.js"

/**
 * The MIME type of a tabular data resource in a notebook's output.
 *
 * @category constants
 * @since 0.1.0
 */
export const mimeType = "application/vnd.dataresource+json" as const

/**
 * A Frictionless tabular data resource with its data inline.
 *
 * @category models
 * @since 0.1.0
 */
export interface DataResource {
  readonly profile: "tabular-data-resource"
  readonly name: string
  readonly schema: {
    readonly fields: ReadonlyArray<{
      readonly name: string
      readonly type: "string" | "number" | "integer" | "boolean"
      readonly description: string
      readonly constraints?: { readonly required: true }
    }>
    readonly missingValues: ReadonlyArray<string>
  }
  readonly data: ReadonlyArray<{ readonly [column: string]: Value }>
}

/**
 * The rows as a data resource, its field descriptions in the given language
 * (Italian by default). A column that may not be `null` is `required`.
 *
 * @example
 * ```ts
 * import * as assert from "node:assert"
 * import { Assessment, Intervention } from "@welfare/core"
 * import { DataResource, Rows } from "@welfare/tables"
 *
 * const profile = Assessment.assess({ id: Intervention.InterventionId.make("int-voucher"), delivery: "request-benefit" })
 * const resource = DataResource.of(Rows.profiles(profile), { lang: "en" })
 * assert.strictEqual(resource.schema.fields[1]!.name, "dimension")
 * assert.strictEqual(resource.data.length, 7)
 * ```
 *
 * @category constructors
 * @since 0.1.0
 */
export const of = (rows: Rows, options: { readonly lang?: "it" | "en" } = {}): DataResource => ({
  profile: "tabular-data-resource",
  name: rows.name.toLowerCase().replace(/[^a-z0-9._-]/g, "-"),
  schema: {
    fields: rows.columns.map((c) => ({
      name: c.name,
      type: c.type,
      description: c.description[options.lang ?? "it"],
      ...(c.nullable ? {} : { constraints: { required: true } as const })
    })),
    missingValues: [""]
  },
  data: rows.rows
})
