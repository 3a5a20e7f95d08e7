// Loads the vendored official schemas (see vendor/README.md) for the tests.
import { readdirSync, readFileSync } from "node:fs"
import { createRequire } from "node:module"
import { join } from "node:path"
import { gunzipSync } from "node:zlib"
import { Ajv, type ValidateFunction } from "ajv"

export const vendor = join(import.meta.dirname, "..", "vendor")

const formats = {
  uuid: /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i,
  uri: /^[a-z][a-z0-9+.-]*:\S*$/i,
  email: /^[^\s@]+@[^\s@]+$/,
  "date-time": /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/,
  date: /^\d{4}-\d{2}-\d{2}$/
}

/** The HSDS 3.0 JSON Schemas by table name, compiled with Ajv (draft 2020-12 keywords only). */
export const hsdsValidators = (): ((table: string) => ValidateFunction) => {
  // HSDS schemas carry data-package keywords (constraints, datapackage_metadata, core...)
  // that are not JSON Schema: strict mode off so Ajv ignores them.
  const ajv = new Ajv({ strict: false, allErrors: true, formats })
  const dir = join(vendor, "hsds-3.0", "schema")
  for (const file of readdirSync(dir)) {
    if (!file.endsWith(".json")) continue
    ajv.addSchema(JSON.parse(readFileSync(join(dir, file), "utf8")), file)
  }
  return (table) => ajv.getSchema(`${table}.json`)!
}

/** The HSDS 3.0 tabular data package (datapackage.json). */
export const hsdsDataPackage = (): {
  resources: ReadonlyArray<{
    name: string
    path: string
    schema: {
      fields: ReadonlyArray<{
        name: string
        type: string
        constraints?: { required?: boolean; enum?: ReadonlyArray<string> }
      }>
    }
  }>
} => JSON.parse(readFileSync(join(vendor, "hsds-3.0", "datapackage.json"), "utf8"))

let fhirAjv: Ajv | undefined
const fhirCompiled = new Map<string, ValidateFunction>()

/**
 * The FHIR R4 JSON Schema (fhir.schema.json, draft-06): a validator for one of
 * its definitions (a resource type, or "ResourceList" for any resource).
 */
export const fhirValidator = (definition = "ResourceList"): ValidateFunction => {
  if (fhirAjv === undefined) {
    const schema = JSON.parse(
      gunzipSync(readFileSync(join(vendor, "fhir-r4", "fhir.schema.json.gz"))).toString("utf8")
    )
    // draft-06: Ajv 8 reads it once the draft-06 meta-schema is added; the schema's
    // top-level "id" (an older spelling) and "discriminator" are not Ajv keywords.
    fhirAjv = new Ajv({ strict: false, allErrors: true })
    const require = createRequire(import.meta.url)
    fhirAjv.addMetaSchema(
      JSON.parse(readFileSync(require.resolve("ajv/dist/refs/json-schema-draft-06.json"), "utf8"))
    )
    delete schema.id
    fhirAjv.addSchema(schema, "fhir")
  }
  let v = fhirCompiled.get(definition)
  if (v === undefined) {
    v = fhirAjv.compile({ $ref: `fhir#/definitions/${definition}` })
    fhirCompiled.set(definition, v)
  }
  return v
}
