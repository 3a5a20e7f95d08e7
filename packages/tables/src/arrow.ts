/**
 * Result rows as Apache Arrow tables (`apache-arrow`): the columnar format
 * DuckDB, polars, pandas and Observable read without copying. A column of
 * type `string` is Arrow `Utf8`, `number` is `Float64`, `integer` is `Int32`
 * and `boolean` is `Bool`; every column is nullable exactly when its
 * column (`Rows.Column`) says so, and carries its description in the field's
 * metadata (`description_it`, `description_en`).
 *
 * The buffers are filled directly from the rows (no per-value builder, no
 * intermediate array); the time to convert a published summary of a million
 * cells is measured in `docs/benchmarks.md` (scenario `tables`).
 *
 * @packageDocumentation
 * @since 0.1.0
 */
import {
  Bool,
  type DataType,
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
  Utf8
} from "apache-arrow"
import type { ColumnType, Rows, Value } from "./Rows.js"

const arrowType = (t: ColumnType): DataType =>
  t === "string" ? new Utf8() : t === "number" ? new Float64() : t === "integer" ? new Int32() : new Bool()

/**
 * The Arrow schema of some rows: one field per column, in order.
 *
 * @category conversions
 * @since 0.1.0
 */
export const schemaOf = (rows: Pick<Rows, "name" | "columns">): Schema =>
  new Schema(
    rows.columns.map(
      (c) =>
        new Field(
          c.name,
          arrowType(c.type),
          c.nullable,
          new Map([
            ["description_it", c.description.it],
            ["description_en", c.description.en]
          ])
        )
    ),
    new Map([["name", rows.name]])
  )

const encoder = new TextEncoder()

type Row = Rows["rows"][number]

// One column's Arrow data, read straight from the rows (no intermediate array):
// the values and, when some are null, the validity bitmap (a bit set per valid row).
const columnData = (type: ColumnType, rows: ReadonlyArray<Row>, name: string) => {
  const length = rows.length
  const bitmap = new Uint8Array((length + 7) >> 3)
  let nulls = 0
  const valid = (v: Value | undefined, i: number): boolean => {
    if (v === null || v === undefined) {
      nulls++
      return false
    }
    bitmap[i >> 3]! |= 1 << (i & 7)
    return true
  }
  const done = () => ({ nullCount: nulls, nullBitmap: nulls === 0 ? empty : bitmap })
  switch (type) {
    case "number": {
      const data = new Float64Array(length)
      for (let i = 0; i < length; i++) {
        const v = rows[i]![name]
        data[i] = valid(v, i) ? (v as number) : 0
      }
      return makeData({ type: new Float64(), length, ...done(), data })
    }
    case "integer": {
      const data = new Int32Array(length)
      for (let i = 0; i < length; i++) {
        const v = rows[i]![name]
        data[i] = valid(v, i) ? (v as number) : 0
      }
      return makeData({ type: new Int32(), length, ...done(), data })
    }
    case "boolean": {
      const data = new Uint8Array((length + 7) >> 3)
      for (let i = 0; i < length; i++) {
        const v = rows[i]![name]
        if (valid(v, i) && v === true) data[i >> 3]! |= 1 << (i & 7)
      }
      return makeData({ type: new Bool(), length, ...done(), data })
    }
    case "string": {
      // repeated values (ids, periods) are encoded once
      const cache = new Map<string, Uint8Array>()
      const parts: Array<Uint8Array> = new Array(length)
      const valueOffsets = new Int32Array(length + 1)
      let bytes = 0
      for (let i = 0; i < length; i++) {
        const v = rows[i]![name]
        if (!valid(v, i)) parts[i] = empty
        else {
          const s = typeof v === "string" ? v : String(v)
          let b = cache.get(s)
          if (b === undefined) {
            b = encoder.encode(s)
            if (cache.size < 65_536) cache.set(s, b)
          }
          parts[i] = b
          bytes += b.length
        }
        valueOffsets[i + 1] = bytes
      }
      const data = new Uint8Array(bytes)
      for (let i = 0; i < length; i++) data.set(parts[i]!, valueOffsets[i]!)
      return makeData({ type: new Utf8(), length, ...done(), valueOffsets, data })
    }
  }
}

const empty = new Uint8Array(0)

/**
 * The rows as an Arrow table, one column per `Rows.Column`, in order.
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
export const toArrow = (rows: Rows): Table => {
  const schema = schemaOf(rows)
  const children = rows.columns.map((c) => columnData(c.type, rows.rows, c.name))
  const data = makeData({ type: new Struct(schema.fields), length: rows.rows.length, nullCount: 0, children })
  return new Table(schema, [new RecordBatch(schema, data)])
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
export const toIpc = (rows: Rows, options: { readonly format?: "stream" | "file" } = {}): Uint8Array =>
  tableToIPC(toArrow(rows), options.format ?? "stream")

/**
 * An Arrow table back to rows of the given columns (a value Arrow holds as
 * `null` is `null`). The inverse of {@link toArrow}, for round trips.
 *
 * @category conversions
 * @since 0.1.0
 */
export const fromArrow = (table: Table, like: Pick<Rows, "name" | "columns">): Rows => {
  const vectors = like.columns.map((c) => table.getChild(c.name))
  return {
    name: like.name,
    columns: like.columns,
    rows: Array.from({ length: table.numRows }, (_, i) =>
      Object.fromEntries(
        like.columns.map((c, j) => {
          const v = vectors[j]?.get(i)
          return [c.name, v === undefined ? null : (v as Value)]
        })
      )
    )
  }
}

/**
 * Reads an Arrow IPC stream or file (see {@link toIpc}).
 *
 * @category conversions
 * @since 0.1.0
 */
export const fromIpc = (bytes: Uint8Array): Table => tableFromIPC(bytes)
