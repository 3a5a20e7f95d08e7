/**
 * The layout of a territory workbook, derived from the JSON Schema of the
 * territory document (`JsonSchema.make("Territory")`), never written by hand:
 * a field added to a schema (a new intervention fact, say) becomes a column
 * of its sheet, with its allowed values, without touching this package.
 *
 * The rules:
 *
 * - the territory itself is the sheet `Territorio` (one row: id and name);
 * - every list of records of the document is a sheet (`Attori`,
 *   `Interventi`, ...), and a list of records inside a record is a sheet of
 *   its own (`Attori.risorse`), whose first columns name the record it
 *   belongs to (the parent's id);
 * - a single record (the Charter, the Pact) is a sheet of at most one row;
 * - a nested object is flattened into dotted columns (`period.start`);
 * - a list of plain values is one cell, its items separated by `;`;
 * - what fits none of these (a value that may be a number or an object) is
 *   one cell holding JSON.
 *
 * @since 0.1.0
 */
import { JsonSchema } from "@welfare/core"
import { headerLabel, sheetLabel } from "./internal/names.js"

/**
 * The kind of value a cell holds.
 *
 * - `string`, `number`, `integer`, `boolean`: one plain value;
 * - `list`: plain values separated by `;` (or a JSON array);
 * - `json`: a JSON value.
 *
 * @category models
 * @since 0.1.0
 */
export type CellKind = "string" | "number" | "integer" | "boolean" | "list" | "json"

/**
 * One column of a sheet.
 *
 * @category models
 * @since 0.1.0
 */
export interface Column {
  /** The key read and written in the header: the dotted path inside the record, `period.start`. */
  readonly key: string
  /** The path of the value inside the record. */
  readonly path: ReadonlyArray<string>
  /** The header in Italian and English. */
  readonly header: { readonly it: string; readonly en: string }
  /** What a cell holds. */
  readonly kind: CellKind
  /** For a list, what each item is. */
  readonly item?: "string" | "number" | "integer" | "boolean"
  /** The allowed values, for an enumeration (or a list of one). */
  readonly values?: ReadonlyArray<string>
  /** Required in every record that has it (for a union of records: in every variant). */
  readonly required: boolean
  /** The pattern a text must match, if any (ids, dates). */
  readonly pattern?: string
  /** What the column is, from the schema's description. */
  readonly description: string
}

/**
 * The columns that name the parent record of a row of a nested sheet.
 *
 * @category models
 * @since 0.1.0
 */
export interface ParentKey {
  /** The key written in the header, `actor`. */
  readonly key: string
  /** The header in Italian and English. */
  readonly header: { readonly it: string; readonly en: string }
  /** The field of the parent record that identifies it (`id`, `eventId`), or `#row` for its row number. */
  readonly field: string
}

/**
 * One sheet: the records of one list (or the one record) of the document.
 *
 * @category models
 * @since 0.1.0
 */
export interface Sheet {
  /** The sheet name: Italian, at most 31 characters (`Interventi`). */
  readonly name: string
  /** The English name (`Interventions`). */
  readonly nameEn: string
  /** The path of the list (or record) in the document: `["interventions"]`, `["actors", "*", "resources"]`. */
  readonly path: ReadonlyArray<string>
  /** The property of the parent holding these records. */
  readonly property: string
  /** `many` for a list, `one` for a single optional or required record. */
  readonly cardinality: "many" | "one"
  /** Whether the property is required in its parent (an absent list of a required property reads as empty). */
  readonly required: boolean
  /** The index of the parent sheet in {@link Layout.sheets}, or -1 for the territory sheet. */
  readonly parent: number
  /** The columns naming the parent record, for a sheet nested in a list. */
  readonly keys: ReadonlyArray<ParentKey>
  /** The columns of the records. */
  readonly columns: ReadonlyArray<Column>
  /** What the records are. */
  readonly description: string
  /** The field identifying a record of this sheet (`id`, `eventId`), if every record has one. */
  readonly idField?: string
  /** The field telling the kinds of records of this sheet apart (`_tag`, `type`), if they are of several kinds. */
  readonly discriminator?: string
  /** Required only in parents whose discriminator has one of these values (when `required` is false). */
  readonly requiredWhen?: ReadonlyArray<string>
}

/**
 * The layout of a workbook: its sheets, parents before children.
 *
 * @category models
 * @since 0.1.0
 */
export interface Layout {
  readonly sheets: ReadonlyArray<Sheet>
}

type Json = Readonly<Record<string, unknown>>

const isObject = (u: unknown): u is Json => typeof u === "object" && u !== null && !Array.isArray(u)

interface Resolver {
  readonly resolve: (schema: Json) => Json
}

const resolver = (defs: Readonly<Record<string, Json>>): Resolver => {
  const resolve = (schema: Json): Json => {
    let s = schema
    for (let guard = 0; typeof s.$ref === "string" && guard < 32; guard++) {
      const name = decodeURIComponent(s.$ref.replace("#/$defs/", ""))
      const target = defs[name]
      if (target === undefined) return {}
      const { $ref: _ignored, ...rest } = s
      s = { ...target, ...rest, description: rest.description ?? target.description }
    }
    return s
  }
  return { resolve }
}

type Shape =
  | {
      readonly tag: "scalar"
      readonly type: "string" | "number" | "integer" | "boolean"
      readonly schema: Json
    }
  | { readonly tag: "object"; readonly schema: Json }
  | { readonly tag: "objects"; readonly variants: ReadonlyArray<Json> }
  | { readonly tag: "array"; readonly items: Json }
  | { readonly tag: "json" }

const alternatives = (s: Json): ReadonlyArray<Json> | undefined =>
  Array.isArray(s.anyOf)
    ? (s.anyOf as Array<Json>)
    : Array.isArray(s.oneOf) && s.type === undefined
      ? (s.oneOf as Array<Json>)
      : undefined

const shapeOf = (r: Resolver, schema: Json): Shape => {
  const s = r.resolve(schema)
  const alts = alternatives(s)
  if (alts !== undefined) {
    const shapes = alts.map((a) => shapeOf(r, a))
    if (shapes.every((x) => x.tag === "scalar")) {
      const types = new Set(shapes.map((x) => (x.tag === "scalar" ? x.type : "")))
      const values = shapes.flatMap((x) =>
        x.tag === "scalar" && Array.isArray(x.schema.enum) ? x.schema.enum : [null]
      )
      if (types.size === 1 && types.has("string") && !values.includes(null))
        return { tag: "scalar", type: "string", schema: { ...s, enum: values } }
      return { tag: "json" }
    }
    if (shapes.every((x) => x.tag === "object"))
      return { tag: "objects", variants: shapes.map((x) => (x.tag === "object" ? x.schema : {})) }
    return { tag: "json" }
  }
  if (Array.isArray(s.enum) && s.enum.every((v) => typeof v === "string"))
    return { tag: "scalar", type: "string", schema: s }
  switch (s.type) {
    case "string":
    case "number":
    case "integer":
    case "boolean":
      return { tag: "scalar", type: s.type, schema: s }
    case "object":
      return isObject(s.properties) ? { tag: "object", schema: s } : { tag: "json" }
    case "array":
      return isObject(s.items) ? { tag: "array", items: s.items } : { tag: "json" }
    default:
      return { tag: "json" }
  }
}

const describe = (r: Resolver, schema: Json): string => {
  const s = r.resolve(schema)
  return typeof s.description === "string" ? s.description : typeof s.title === "string" ? s.title : ""
}

interface Building {
  readonly sheets: Array<Sheet>
}

/** A list of records found inside a record: it becomes a sheet once every variant is read. */
interface Pending {
  readonly name: string
  readonly variants: Array<Json>
  /** Required in every variant (`true`), in none (`false`), or in the variants with these discriminator values. */
  required: boolean | ReadonlyArray<string>
  readonly description: string
}

const requiredOf = (s: Json): ReadonlySet<string> =>
  new Set(Array.isArray(s.required) ? (s.required as Array<string>) : [])

/** The identifying field of a record: `id`, else `eventId`, else none. */
const identifier = (variants: ReadonlyArray<Json>): string | undefined => {
  for (const field of ["id", "eventId"])
    if (variants.every((v) => isObject(v.properties) && field in v.properties && requiredOf(v).has(field)))
      return field
  return undefined
}

/** The field telling variants apart (`_tag`, `type`, `kind`) and each variant's value of it. */
const discriminator = (
  r: Resolver,
  variants: ReadonlyArray<Json>
): { field: string; values: Array<string> } | undefined => {
  if (variants.length < 2) return undefined
  const first = variants[0]!
  for (const field of Object.keys((first.properties ?? {}) as Json)) {
    const values = variants.map((v) => {
      const p = ((v.properties ?? {}) as Record<string, Json>)[field]
      if (p === undefined) return undefined
      const s = r.resolve(p)
      if (typeof s.const === "string") return s.const
      return Array.isArray(s.enum) && s.enum.length === 1 && typeof s.enum[0] === "string"
        ? (s.enum[0] as string)
        : undefined
    })
    if (values.every((v) => v !== undefined) && new Set(values).size === values.length)
      return { field, values: values as Array<string> }
  }
  return undefined
}

const mergeColumn = (columns: Array<Column>, column: Column): void => {
  const at = columns.findIndex((c) => c.key === column.key)
  if (at === -1) {
    columns.push(column)
    return
  }
  const old = columns[at]!
  if (old.kind !== column.kind || old.item !== column.item) {
    const { values: _values, pattern: _pattern, item: _item, ...rest } = old
    columns[at] = { ...rest, kind: "json", required: old.required && column.required }
    return
  }
  const values =
    old.values !== undefined && column.values !== undefined
      ? [...new Set([...old.values, ...column.values])]
      : undefined
  const { values: _values, ...rest } = old
  columns[at] = {
    ...rest,
    required: old.required && column.required,
    ...(values === undefined ? {} : { values })
  }
}

const scalarColumn = (
  key: string,
  path: ReadonlyArray<string>,
  type: "string" | "number" | "integer" | "boolean",
  schema: Json,
  required: boolean,
  description: string
): Column => ({
  key,
  path,
  header: headerLabel(path),
  kind: type,
  required,
  description,
  ...(Array.isArray(schema.enum) ? { values: schema.enum as Array<string> } : {}),
  ...(typeof schema.pattern === "string" ? { pattern: schema.pattern } : {})
})

const jsonColumn = (
  key: string,
  path: ReadonlyArray<string>,
  required: boolean,
  description: string
): Column => ({
  key,
  path,
  header: headerLabel(path),
  kind: "json",
  required,
  description
})

/** The columns of one record schema (flattening nested objects), collecting its lists of records. */
const recordColumns = (
  r: Resolver,
  record: Json,
  prefix: ReadonlyArray<string>,
  depth: number,
  allRequired: boolean,
  children: Array<Pending> | undefined,
  variantValue: string | undefined
): Array<Column> => {
  const columns: Array<Column> = []
  const required = requiredOf(record)
  const properties = (record.properties ?? {}) as Record<string, Json>
  for (const [name, property] of Object.entries(properties)) {
    if (name === "$schema") continue
    const path = [...prefix, name]
    const key = path.join(".")
    const isRequired = allRequired && required.has(name)
    const description = describe(r, property)
    const shape = shapeOf(r, property)
    switch (shape.tag) {
      case "scalar":
        mergeColumn(columns, scalarColumn(key, path, shape.type, shape.schema, isRequired, description))
        break
      case "object":
        if (depth < 3) {
          for (const c of recordColumns(r, shape.schema, path, depth + 1, isRequired, undefined, undefined))
            mergeColumn(columns, c)
        } else mergeColumn(columns, jsonColumn(key, path, isRequired, description))
        break
      case "array": {
        const items = shapeOf(r, shape.items)
        if (items.tag === "scalar") {
          mergeColumn(columns, {
            key,
            path,
            header: headerLabel(path),
            kind: "list",
            item: items.type,
            required: isRequired,
            description: description || describe(r, shape.items),
            ...(Array.isArray(items.schema.enum) ? { values: items.schema.enum as Array<string> } : {}),
            ...(typeof items.schema.pattern === "string" ? { pattern: items.schema.pattern } : {})
          })
        } else if (
          (items.tag === "object" || items.tag === "objects") &&
          prefix.length === 0 &&
          children !== undefined
        ) {
          const variants = items.tag === "object" ? [items.schema] : items.variants
          const here: boolean | ReadonlyArray<string> = required.has(name)
            ? variantValue === undefined
              ? true
              : [variantValue]
            : false
          const known = children.find((c) => c.name === name)
          if (known === undefined)
            children.push({
              name,
              variants: [...variants],
              required: here,
              description: describe(r, shape.items) || description
            })
          else {
            known.variants.push(...variants)
            known.required =
              known.required === true || here === true
                ? true
                : [...(known.required === false ? [] : known.required), ...(here === false ? [] : here)]
          }
        } else mergeColumn(columns, jsonColumn(key, path, isRequired, description))
        break
      }
      case "objects":
      case "json":
        mergeColumn(columns, jsonColumn(key, path, isRequired, description))
        break
    }
  }
  return columns
}

const addSheet = (
  r: Resolver,
  b: Building,
  variants: ReadonlyArray<Json>,
  path: ReadonlyArray<string>,
  property: string,
  cardinality: "many" | "one",
  required: boolean | ReadonlyArray<string>,
  parent: number,
  description: string
): void => {
  const index = b.sheets.length
  const names = sheetLabel(path)
  const depth = path.filter((p) => p !== "*").length
  const tags = discriminator(r, variants)
  const children: Array<Pending> = []
  const columns: Array<Column> = []
  const presence = new Map<string, number>()
  variants.forEach((variant, v) => {
    const own = recordColumns(r, variant, [], depth, true, depth < 2 ? children : undefined, tags?.values[v])
    for (const c of own) {
      presence.set(c.key, (presence.get(c.key) ?? 0) + 1)
      mergeColumn(columns, c)
    }
  })
  // A column is required when every variant requires it.
  const finalColumns = columns.map((c) =>
    c.required && (presence.get(c.key) ?? 0) < variants.length ? { ...c, required: false } : c
  )
  const id = identifier(variants)
  b.sheets.push({
    name: names.it,
    nameEn: names.en,
    path,
    property,
    cardinality,
    required: required === true,
    parent,
    keys: [],
    columns: finalColumns,
    description,
    ...(id === undefined ? {} : { idField: id }),
    ...(tags === undefined ? {} : { discriminator: tags.field })
  })
  const base = cardinality === "many" ? [...path, "*"] : path
  for (const child of children)
    addSheet(
      r,
      b,
      child.variants,
      [...base, child.name],
      child.name,
      "many",
      child.required,
      index,
      child.description
    )
  if (Array.isArray(required) && required.length > 0) {
    const at = b.sheets.findIndex((s) => s.path === path)
    b.sheets[at] = { ...b.sheets[at]!, requiredWhen: required }
  }
}

/** The parent-naming columns of a sheet nested in a list: one per ancestor list. */
const parentKeys = (b: Building, parent: number): ReadonlyArray<ParentKey> => {
  const keys: Array<ParentKey> = []
  for (let at = parent; at > 0; at = b.sheets[at]!.parent) {
    const sheet = b.sheets[at]!
    if (sheet.cardinality === "one") continue
    const field = sheet.idField ?? "#row"
    const singular = sheet.property
    keys.unshift({
      key: `@${singular}`,
      header: {
        it: `${sheet.name} (${field === "#row" ? "riga" : field})`,
        en: `${sheet.nameEn} (${field === "#row" ? "row" : field})`
      },
      field
    })
  }
  return keys
}

/**
 * The layout of the territory workbook, derived from the territory's JSON Schema.
 *
 * @example
 * ```ts
 * import * as assert from "node:assert"
 * import { Layout } from "@welfare/sheets"
 *
 * const layout = Layout.territory()
 * const interventions = layout.sheets.find((s) => s.path.join(".") === "interventions")!
 * assert.strictEqual(interventions.name, "Interventi")
 * const worksOn = interventions.columns.find((c) => c.key === "worksOn")!
 * assert.deepStrictEqual(worksOn.values, ["lack", "interactions", "both"])
 * ```
 *
 * @category constructors
 * @since 0.1.0
 */
export const territory = (): Layout => {
  if (cached !== undefined) return cached
  cached = fromSchema(JsonSchema.make("Territory") as unknown as Json)
  return cached
}

let cached: Layout | undefined

/**
 * The layout of a workbook for any JSON Schema document whose root is an
 * object (the territory document's schema, or a variant of it).
 *
 * @category constructors
 * @since 0.1.0
 */
export const fromSchema = (document: Readonly<Record<string, unknown>>): Layout => {
  const r = resolver((document.$defs ?? {}) as Record<string, Json>)
  const root = r.resolve(document)
  const b: Building = { sheets: [] }
  const names = sheetLabel([])
  b.sheets.push({
    name: names.it,
    nameEn: names.en,
    path: [],
    property: "",
    cardinality: "one",
    required: true,
    parent: -1,
    keys: [],
    columns: [],
    description: describe(r, root)
  })
  const columns: Array<Column> = []
  const required = requiredOf(root)
  for (const [name, property] of Object.entries((root.properties ?? {}) as Record<string, Json>))
    if (name !== "$schema") columns.push(...topLevel(r, b, name, property, required))
  b.sheets[0] = { ...b.sheets[0]!, columns }
  // Nested sheets' parent keys are computed when they are added, before their
  // parents know their id field: compute them again now.
  const sheets = b.sheets.map((s) => {
    if (s.parent <= 0) return s
    return { ...s, keys: parentKeys(b, s.parent) }
  })
  return { sheets }
}

/**
 * A property of the document's root: a sheet of its own (a list of records,
 * or a record holding lists), else the columns it adds to the territory's sheet.
 */
const topLevel = (
  r: Resolver,
  b: Building,
  name: string,
  property: Json,
  required: ReadonlySet<string>
): Array<Column> => {
  const shape = shapeOf(r, property)
  const description = describe(r, property)
  const asColumns = () =>
    recordColumns(
      r,
      { properties: { [name]: property }, required: [...required] },
      [],
      0,
      true,
      undefined,
      undefined
    )
  if (shape.tag === "array") {
    const items = shapeOf(r, shape.items)
    if (items.tag === "object" || items.tag === "objects") {
      const variants = items.tag === "object" ? [items.schema] : items.variants
      addSheet(
        r,
        b,
        variants,
        [name],
        name,
        "many",
        required.has(name),
        0,
        describe(r, shape.items) || description
      )
      return []
    }
  }
  if (shape.tag === "object" || shape.tag === "objects") {
    // A record of plain fields only (the planning district) is dotted columns of the territory's sheet;
    // one holding lists of records (the Charter, the Pact) a sheet of its own.
    const lists: Array<Pending> = []
    if (shape.tag === "object") recordColumns(r, shape.schema, [], 1, false, lists, undefined)
    if (shape.tag === "object" && lists.length === 0) return asColumns()
    const variants = shape.tag === "object" ? [shape.schema] : shape.variants
    addSheet(r, b, variants, [name], name, "one", required.has(name), 0, description)
    return []
  }
  return asColumns()
}

/**
 * The sheet with a given name (Italian or English, any case), if any.
 *
 * @category getters
 * @since 0.1.0
 */
export const sheetNamed = (layout: Layout, name: string): Sheet | undefined => {
  const wanted = name.trim().toLowerCase()
  return layout.sheets.find((s) => s.name.toLowerCase() === wanted || s.nameEn.toLowerCase() === wanted)
}
