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
import type { Published } from "@welfare/core"
import {
  Bool,
  type Data,
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
import { summary } from "./internal/rows/summary.js"
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

/** One column's Arrow data, filled value by value in row order. */
interface Builder {
  readonly push: (v: Value | undefined) => void
  readonly finish: () => Data
}

// A builder writes straight into the column's buffers (no per-value object,
// no intermediate array): the values and, when some are null, the validity
// bitmap (a bit set per valid row). Its length is known up front.
const builder = (type: ColumnType, length: number): Builder => {
  const bitmap = new Uint8Array((length + 7) >> 3)
  let nulls = 0
  let i = 0
  const done = () => ({ nullCount: nulls, nullBitmap: nulls === 0 ? empty : bitmap })
  switch (type) {
    case "number":
    case "integer": {
      const data = type === "number" ? new Float64Array(length) : new Int32Array(length)
      return {
        push: (v) => {
          if (v === null || v === undefined) nulls++
          else {
            bitmap[i >> 3]! |= 1 << (i & 7)
            data[i] = v as number
          }
          i++
        },
        finish: () =>
          type === "number"
            ? makeData({ type: new Float64(), length, ...done(), data: data as Float64Array })
            : makeData({ type: new Int32(), length, ...done(), data: data as Int32Array })
      }
    }
    case "boolean": {
      const data = new Uint8Array((length + 7) >> 3)
      return {
        push: (v) => {
          if (v === null || v === undefined) nulls++
          else {
            bitmap[i >> 3]! |= 1 << (i & 7)
            if (v === true) data[i >> 3]! |= 1 << (i & 7)
          }
          i++
        },
        finish: () => makeData({ type: new Bool(), length, ...done(), data })
      }
    }
    case "string": {
      // Repeated values (ids, periods) are encoded once, and a value equal to
      // the one before (rows sorted by key repeat it) is not even looked up;
      // the bytes go straight into one growing buffer.
      const cache = new Map<string, Uint8Array>()
      const valueOffsets = new Int32Array(length + 1)
      let data = new Uint8Array(Math.max(64, length * 8))
      let bytes = 0
      let last: string | undefined
      let lastBytes: Uint8Array = empty
      return {
        push: (v) => {
          if (v === null || v === undefined) nulls++
          else {
            bitmap[i >> 3]! |= 1 << (i & 7)
            const s = typeof v === "string" ? v : String(v)
            let b = lastBytes
            if (s !== last) {
              const cached = cache.get(s)
              if (cached === undefined) {
                b = encoder.encode(s)
                if (cache.size < 65_536) cache.set(s, b)
              } else b = cached
              last = s
              lastBytes = b
            }
            const n = b.length
            if (bytes + n > data.length) {
              const grown = new Uint8Array(Math.max(data.length * 2, bytes + n))
              grown.set(data.subarray(0, bytes))
              data = grown
            }
            if (n < 32) for (let k = 0; k < n; k++) data[bytes + k] = b[k]!
            else data.set(b, bytes)
            bytes += n
          }
          valueOffsets[++i] = bytes
        },
        finish: () =>
          makeData({ type: new Utf8(), length, ...done(), valueOffsets, data: data.slice(0, bytes) })
      }
    }
  }
}

const columnData = (type: ColumnType, rows: ReadonlyArray<Row>, name: string): Data => {
  const b = builder(type, rows.length)
  for (let i = 0; i < rows.length; i++) b.push(rows[i]![name])
  return b.finish()
}

const tableOf = (schema: Schema, length: number, children: ReadonlyArray<Data>): Table =>
  new Table(schema, [
    new RecordBatch(
      schema,
      makeData({ type: new Struct(schema.fields), length, nullCount: 0, children: [...children] })
    )
  ])

const empty: Uint8Array = new Uint8Array(0)

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
export const toArrow = (rows: Rows): Table =>
  tableOf(
    schemaOf(rows),
    rows.rows.length,
    rows.columns.map((c) => columnData(c.type, rows.rows, c.name))
  )

/**
 * A published summary as an Arrow table: `toArrow(Rows.summary(published))`
 * in one call. (A column-by-column path without row objects was measured
 * slower than this one, 8.1 s against 5.0 s for a million cells:
 * `docs/benchmarks.md`, scenario `tables`.)
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
 * ```
 *
 * @category conversions
 * @since 0.2.0
 */
export const summaryToArrow = (published: Published.Published): Table => toArrow(summary(published))

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
