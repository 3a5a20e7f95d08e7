/**
 * Result rows as Apache Arrow tables (`apache-arrow`): the columnar format
 * DuckDB, polars, pandas and Observable read without copying. A column of
 * type `string` is Arrow `Utf8`, `number` is `Float64`, `integer` is `Int32`
 * and `boolean` is `Bool`; every column is nullable exactly when its
 * column (`Rows.Column`) says so, and carries its description in the field's
 * metadata (`description_it`, `description_en`).
 *
 * The buffers are filled directly from the rows (no per-value builder, no
 * intermediate array); a published summary is written straight from its
 * cells by {@link summaryToArrow}. The time to convert a published summary of a million
 * cells is measured in `docs/benchmarks.md` (scenario `tables`).
 *
 * With `{ dictionary: true }` ({@link ArrowOptions}) every text column is
 * dictionary-encoded instead (`Dictionary<Utf8>`: each distinct text once,
 * a small integer index per row). Ids, periods and scopes repeat, so a
 * published summary of a million cells then takes 49 MB of buffers instead
 * of 107 MB and converts three to four times faster. The values are the
 * same, but readers type such columns differently: DuckDB reads them as
 * `VARCHAR`, pandas as `category`, and polars as `Categorical`, which it
 * will not join with a `String` column until one is cast. Plain `Utf8`
 * stays the default.
 *
 * @packageDocumentation
 * @since 0.1.0
 */
import { Problem, type Published } from "@welfare/core"
import {
  Bool,
  type Data,
  DataType,
  Field,
  Float64,
  Int32,
  makeData,
  RecordBatch,
  Schema,
  Struct,
  Table,
  tableFromIPC,
  tableToIPC,
  Utf8,
  type Vector
} from "apache-arrow"
import * as D from "./internal/arrow/codes.js"
import * as C from "./internal/arrow/columns.js"
import { summaryData } from "./internal/arrow/summary.js"
import {
  fitsInt32,
  locate,
  put,
  type Read,
  type Row as ReadRow,
  result,
  sinkOf
} from "./internal/read/columns.js"
import { damageOf } from "./internal/read/damage.js"
import { summaryColumns } from "./internal/rows/summary.js"
import type { Column, ColumnType, Rows, Value } from "./Rows.js"

const arrowType = (t: ColumnType): DataType =>
  t === "string" ? new Utf8() : t === "number" ? new Float64() : t === "integer" ? new Int32() : new Bool()

/**
 * The Arrow schema of some rows: one field per column, in order, text as
 * plain `Utf8` (the schema of `toArrow(rows)`; with `{ dictionary: true }`
 * the text fields are dictionaries, typed from the data: see
 * {@link ArrowOptions}).
 *
 * @category conversions
 * @since 0.1.0
 */
export const schemaOf = (rows: Pick<Rows, "name" | "columns">): Schema =>
  schemaWith(
    rows,
    rows.columns.map((c) => arrowType(c.type))
  )

// the schema of some rows with each column's Arrow type given (a dictionary's type carries its id)
const schemaWith = (rows: Pick<Rows, "name" | "columns">, types: ReadonlyArray<DataType>): Schema =>
  new Schema(
    rows.columns.map(
      (c, k) =>
        new Field(
          c.name,
          types[k]!,
          c.nullable,
          new Map([
            ["description_it", c.description.it],
            ["description_en", c.description.en]
          ])
        )
    ),
    new Map([["name", rows.name]])
  )

type Row = Rows["rows"][number]

// a value of a text column as written: null stays null, anything else its text
const textOf = (v: unknown): string | null =>
  v === null || v === undefined ? null : typeof v === "string" ? v : String(v)

// One column's Arrow data, written value by value in row order straight
// into its buffers (no per-value builder object, no intermediate array).
const columnData = (
  type: ColumnType,
  rows: ReadonlyArray<Row>,
  name: string,
  indices: D.Indices | undefined
): Data => {
  const n = rows.length
  switch (type) {
    case "number": {
      const c = C.floats(n)
      for (let i = 0; i < n; i++) {
        const v = rows[i]![name]
        C.setFloat(c, i, v === null || v === undefined ? null : (v as number))
      }
      return C.floatsData(c)
    }
    case "integer": {
      const c = C.ints(n)
      for (let i = 0; i < n; i++) {
        const v = rows[i]![name]
        C.setInt(c, i, v === null || v === undefined ? null : (v as number))
      }
      return C.intsData(c)
    }
    case "boolean": {
      const c = C.bools(n)
      for (let i = 0; i < n; i++) {
        const v = rows[i]![name]
        C.setBool(c, i, v === null || v === undefined ? null : v === true)
      }
      return C.boolsData(c)
    }
    case "string": {
      if (indices !== undefined) {
        const c = D.codes(n, indices)
        for (let i = 0; i < n; i++) {
          const v = rows[i]![name]
          D.setCode(c, i, textOf(v))
        }
        return D.codesData(c)
      }
      // the text's size, exact when it is ASCII (a pass over values already read costs less than growing the buffer)
      let bytes = 0
      for (let i = 0; i < n; i++) {
        const v = rows[i]![name]
        if (typeof v === "string") bytes += v.length
        else if (v !== null && v !== undefined) bytes += 8
      }
      const c = C.text(n, bytes)
      for (let i = 0; i < n; i++) {
        const v = rows[i]![name]
        C.setText(c, i, textOf(v))
      }
      return C.textData(c)
    }
  }
}

/**
 * Options of {@link toArrow}, {@link summaryToArrow} and {@link toIpc}.
 *
 * @example
 * ```ts
 * import * as assert from "node:assert"
 * import { tableFromIPC } from "apache-arrow"
 * import { Assessment, Intervention } from "@welfare/core"
 * import { Rows } from "@welfare/tables"
 * import { fromArrow, toArrow, toIpc } from "@welfare/tables/arrow"
 *
 * const rows = Rows.profiles(Assessment.assess({ id: Intervention.InterventionId.make("int-voucher"), delivery: "request-benefit" }))
 * const table = toArrow(rows, { dictionary: true })
 * assert.strictEqual(String(table.schema.fields[0]!.type), "Dictionary<Int8, Utf8>") // the intervention column
 * // read back as the same rows, from the table or from its IPC bytes
 * assert.deepStrictEqual(fromArrow(tableFromIPC(toIpc(rows, { dictionary: true })), rows), fromArrow(table, rows))
 * ```
 *
 * @category models
 * @since 0.4.0
 */
export interface ArrowOptions {
  /**
   * Write every text column dictionary-encoded (`Dictionary<Utf8>`: each
   * distinct text once, in order of first appearance, and a small index per
   * row, `Int8`, `Int16` or `Int32`, the smallest that holds the distinct
   * texts) instead of plain `Utf8`. With `"int32"`, the indices are
   * `Int32` whatever the data (4 bytes a row instead of 1 or 2), so tables
   * written from different data have the same schema and concatenate
   * (pyarrow's `concat_tables` wants identical schemas). Default `false`.
   */
  readonly dictionary?: boolean | "int32"
}

// the index type the options ask of dictionary-encoded text, or undefined for plain `Utf8`
const indicesOf = (options: ArrowOptions): D.Indices | undefined =>
  options.dictionary === "int32" ? "int32" : options.dictionary === true ? "smallest" : undefined

const tableOf = (schema: Schema, length: number, children: ReadonlyArray<Data>): Table =>
  new Table(schema, [
    new RecordBatch(
      schema,
      makeData({ type: new Struct(schema.fields), length, nullCount: 0, children: [...children] })
    )
  ])

/**
 * The rows as an Arrow table, one column per `Rows.Column`, in order; text
 * columns plain `Utf8`, or dictionary-encoded with `{ dictionary: true }`.
 *
 * @example
 * ```ts
 * import * as assert from "node:assert"
 * import { Assessment, Intervention } from "@welfare/core"
 * import { Rows } from "@welfare/tables"
 * import { toArrow } from "@welfare/tables/arrow"
 *
 * const profile = Assessment.assess({
 *   id: Intervention.InterventionId.make("int-percorso"),
 *   delivery: "resources-responsibility-path",
 *   designed: "with"
 * })
 * const table = toArrow(Rows.profiles(profile))
 * assert.strictEqual(table.numRows, 7)
 * assert.strictEqual(table.schema.fields[0]!.name, "intervention")
 * assert.strictEqual(table.getChild("dimension")!.get(0), "reference-model")
 * ```
 *
 * @category conversions
 * @since 0.1.0
 */
export const toArrow = (rows: Rows, options: ArrowOptions = {}): Table => {
  const indices = indicesOf(options)
  const children = rows.columns.map((c) => columnData(c.type, rows.rows, c.name, indices))
  return tableOf(
    schemaWith(
      rows,
      children.map((d) => d.type)
    ),
    rows.rows.length,
    children
  )
}

/**
 * A published summary as an Arrow table: the table of
 * `toArrow(Rows.summary(published), options)`, byte for byte, written
 * straight from the cells into the column buffers with no row object in
 * between (for a million cells the row objects cost more than everything
 * else together: `docs/benchmarks.md`, scenario `tables`). For a large
 * summary, `{ dictionary: true }` is three to four times faster and takes
 * less than half the memory ({@link ArrowOptions} says what it changes for
 * the readers).
 *
 * @example
 * ```ts
 * import * as assert from "node:assert"
 * import * as Either from "effect/Either"
 * import { Published, Summary } from "@welfare/core"
 * import { Rows } from "@welfare/tables"
 * import { summaryToArrow, toArrow } from "@welfare/tables/arrow"
 *
 * const period = { start: "2024-01-01", end: "2024-12-31" }
 * const m = (municipality: string, persons: number) =>
 *   ({ indicator: "ind-families-reached", assignment: "asg-1", period, municipality, value: persons, unit: "person", persons, measuredBy: "ente-comune", source: "administrative-data" }) as never
 * const published = Either.getOrThrow(Published.publish(Summary.fromMeasurements([m("legnano", 40), m("parabiago", 30), m("rescaldina", 3)])))
 * const table = summaryToArrow(published)
 * assert.strictEqual(table.numRows, 4) // three cells and their total
 * assert.deepStrictEqual(table.toArray().map((r) => r.toJSON()), toArrow(Rows.summary(published)).toArray().map((r) => r.toJSON()))
 *
 * // the same values, text dictionary-encoded: faster and smaller for large summaries
 * const coded = summaryToArrow(published, { dictionary: true })
 * assert.strictEqual(String(coded.schema.fields[1]!.type), "Dictionary<Int8, Utf8>") // indicator
 * assert.deepStrictEqual(coded.toArray().map((r) => r.toJSON()), table.toArray().map((r) => r.toJSON()))
 * ```
 *
 * @category conversions
 * @since 0.2.0
 */
export const summaryToArrow = (published: Published.Published, options: ArrowOptions = {}): Table => {
  const { children, length } = summaryData(published, indicesOf(options))
  return tableOf(
    schemaWith(
      { name: "summary", columns: summaryColumns },
      children.map((d) => d.type)
    ),
    length,
    children
  )
}

/**
 * The rows as an Arrow IPC stream (or file, with `{ format: "file" }`): the
 * bytes DuckDB's `read_arrow`/`arrow_scan`, polars' `read_ipc` and
 * pyarrow read.
 *
 * @example
 * ```ts
 * import * as assert from "node:assert"
 * import { tableFromIPC } from "apache-arrow"
 * import { Assessment, Intervention } from "@welfare/core"
 * import { Rows } from "@welfare/tables"
 * import { toIpc } from "@welfare/tables/arrow"
 *
 * const profile = Assessment.assess({ id: Intervention.InterventionId.make("int-voucher"), delivery: "request-benefit" })
 * const bytes = toIpc(Rows.evidence(profile))
 * assert.strictEqual(tableFromIPC(bytes).numRows, profile.evidence.length)
 * ```
 *
 * @category conversions
 * @since 0.1.0
 */
export const toIpc = (
  rows: Rows,
  options: ArrowOptions & { readonly format?: "stream" | "file" } = {}
): Uint8Array => tableToIPC(toArrow(rows, options), options.format ?? "stream")

const typeFits = (type: ColumnType, t: DataType): boolean =>
  type === "string"
    ? DataType.isUtf8(t) ||
      DataType.isLargeUtf8(t) ||
      (DataType.isDictionary(t) && DataType.isUtf8(t.dictionary))
    : type === "number"
      ? DataType.isFloat(t) || DataType.isInt(t)
      : type === "integer"
        ? DataType.isInt(t)
        : DataType.isBool(t)

const typeWords: { readonly [K in ColumnType]: string } = {
  string: "text (Utf8)",
  number: "numbers (a Float or Int type)",
  integer: "whole numbers (an Int type)",
  boolean: "booleans (Bool)"
}

// one value of a column whose type fits: the value, or the problem's sentence
const arrowValue = (v: unknown, c: Column): Read => {
  if (v === null || v === undefined)
    return c.nullable ? null : { code: "missing", problem: "is null where the column may not be: fill it in" }
  const n = typeof v === "bigint" ? Number(v) : v
  if (c.type === "integer" && !fitsInt32(n as number))
    return { code: "invalid-value", problem: "is a whole number outside -2147483648 to 2147483647" }
  if (typeof v === "bigint" && !Number.isSafeInteger(n))
    return {
      code: "invalid-value",
      problem: "is a whole number beyond 9007199254740991 in size, which a number does not hold exactly"
    }
  return n as Value
}

/**
 * An Arrow table back to rows of the given columns: the inverse of
 * {@link toArrow}, for round trips and for tables made elsewhere (DuckDB,
 * polars). Columns are found by name, in any order. Every problem comes back
 * at once, with its path (`header.column`, or `[row].column`, the row
 * counted from 0 in the path and from 1 in the sentence, "row 1 of the
 * table" being `[0]`): a column missing, named twice or not one of these rows; a
 * column whose Arrow type does not fit its type (text is `Utf8`,
 * `LargeUtf8` or a dictionary of `Utf8`; numbers any `Float` or `Int`; whole
 * numbers any `Int`, within 32 bits; booleans `Bool`); a column whose
 * buffers do not hold what its type says (text offsets or dictionary
 * indices out of bounds, a buffer cut short: `apache-arrow` would read such
 * values as empty or missing without a word), none of its values then
 * read; a `null` in a column that may not hold one. Values are never quoted in a problem; past
 * `maxProblems` (default `Problem.defaultMaxProblems`), problems are counted
 * by kind.
 *
 * @example
 * ```ts
 * import * as assert from "node:assert"
 * import * as Either from "effect/Either"
 * import { Assessment, Intervention } from "@welfare/core"
 * import { Rows } from "@welfare/tables"
 * import { fromArrow, toArrow } from "@welfare/tables/arrow"
 *
 * const rows = Rows.profiles(Assessment.assess({ id: Intervention.InterventionId.make("int-voucher"), delivery: "request-benefit" }))
 * const back = fromArrow(toArrow(rows), rows)
 * assert.deepStrictEqual(Either.getOrThrow(back).rows, rows.rows)
 * // the same table read as other rows: every column of these rows is missing
 * const other = { name: "other", columns: [{ name: "id", type: "string", nullable: false, description: { it: "Id", en: "Id" } }] } as const
 * assert.ok(Either.isLeft(fromArrow(toArrow(rows), other)))
 * ```
 *
 * @category conversions
 * @since 0.1.0
 */
export const fromArrow = (
  table: Table,
  like: Pick<Rows, "name" | "columns">,
  options: { readonly maxProblems?: number } = {}
): Problem.CappedResult<Rows> => {
  const sink = sinkOf(options.maxProblems)
  const fields = table.schema.fields
  const at = locate(
    fields.map((f) => f.name),
    like.columns,
    like.name,
    sink
  )
  // a column read only when its type fits and its buffers hold what the type says; otherwise one problem
  const unreadable = (c: Column, field: Field, vector: Vector): string | undefined => {
    if (!typeFits(c.type, field.type))
      return `the column holds ${String(field.type)} values where ${typeWords[c.type]} are expected`
    const damage = damageOf(vector, table.numRows)
    return damage === undefined
      ? undefined
      : `the column's data is damaged (${damage}): none of its values is read; write the table again from its source`
  }
  const vectors = like.columns.map((c, k) => {
    const field = fields[at[k]!]
    const vector = table.getChildAt(at[k]!)
    if (field === undefined || vector === null) return undefined
    const why = unreadable(c, field, vector)
    if (why === undefined) return vector
    sink.add(Problem.make("invalid-value", ["header", c.name], why))
    return undefined
  })
  const rows: Array<ReadRow> = []
  // rows are read only where a column was checked to hold them: a damaged length read from hostile
  // bytes (up to 2^53) is never looped over when no column backs it
  const count = vectors.some((v) => v !== undefined) ? table.numRows : 0
  for (let i = 0; i < count; i++) {
    const row: ReadRow = {}
    like.columns.forEach((c, k) => {
      const vector = vectors[k]
      if (vector === undefined) return
      put(sink, row, c, i, `row ${i + 1} of the table`, arrowValue(vector.get(i), c))
    })
    rows.push(row)
  }
  return result(sink, like, rows)
}

/**
 * Arrow IPC bytes (a stream or a file, as {@link toIpc} writes them, or as
 * DuckDB, polars and pyarrow do) back to rows of the given columns:
 * {@link fromArrow} of the table they hold. Bytes that are not Arrow IPC,
 * or are cut short, come back as one problem at the path `bytes`, never
 * thrown; a column whose buffers do not hold what its type says (damaged
 * or hostile bytes) is a problem at `header.column`, and none of its values
 * is read.
 *
 * The bytes are parsed by `apache-arrow`, which does not bound its own
 * work: a single damaged byte in a message's metadata can make it run for
 * seconds or out of memory before any check here runs (found by flipping
 * bytes of a record batch's metadata; a known upstream bug,
 * apache/arrow-js#315; cut bytes and bytes that are not Arrow are refused
 * quickly). Read bytes from an untrusted source in a worker with
 * `resourceLimits` and a time limit.
 *
 * @example
 * ```ts
 * import * as assert from "node:assert"
 * import * as Either from "effect/Either"
 * import { Assessment, Intervention } from "@welfare/core"
 * import { Rows } from "@welfare/tables"
 * import { fromIpc, toIpc } from "@welfare/tables/arrow"
 *
 * const rows = Rows.profiles(Assessment.assess({ id: Intervention.InterventionId.make("int-voucher"), delivery: "request-benefit" }))
 * assert.deepStrictEqual(Either.getOrThrow(fromIpc(toIpc(rows), rows)).rows, rows.rows)
 * // a CSV file given by mistake
 * const wrong = fromIpc(new TextEncoder().encode("intervention,dimension\n"), rows)
 * assert.ok(Either.isLeft(wrong))
 * assert.deepStrictEqual(wrong.left.kept.map((p) => p.path), [["bytes"]])
 * ```
 *
 * @category conversions
 * @since 0.1.0
 */
export const fromIpc = (
  bytes: Uint8Array,
  like: Pick<Rows, "name" | "columns">,
  options: { readonly maxProblems?: number } = {}
): Problem.CappedResult<Rows> => {
  let table: Table | undefined
  try {
    table = tableFromIPC(bytes)
  } catch {
    table = undefined
  }
  // empty bytes, or JSON, read as a table of no column: no Arrow either
  if (table === undefined || table.schema.fields.length === 0) {
    const sink = sinkOf(options.maxProblems)
    sink.add(
      Problem.make(
        "invalid-value",
        ["bytes"],
        "the bytes are not an Arrow IPC stream or file, or they are cut short: check that this is the right file, and write it again"
      )
    )
    return result(sink, like, [])
  }
  return fromArrow(table, like, options)
}
