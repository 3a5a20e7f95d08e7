/**
 * Result rows as Parquet files, written by `hyparquet-writer` (pure
 * JavaScript: no native binary, no WebAssembly, also in browsers). A column
 * of type `string` is `BYTE_ARRAY` with the `UTF8` annotation, `number` is
 * `DOUBLE`, `integer` is `INT32` and `boolean` is `BOOLEAN`, every one
 * optional exactly when its column (`Rows.Column`) is nullable; pages are
 * Snappy-compressed. DuckDB (`read_parquet`), polars, pandas, Spark and
 * hyparquet read them.
 *
 * @packageDocumentation
 * @since 0.1.0
 */
import { parquetWriteBuffer } from "hyparquet-writer"
import type { ColumnType, Rows } from "./Rows.js"

const parquetType = (t: ColumnType) =>
  t === "string" ? "STRING" : t === "number" ? "DOUBLE" : t === "integer" ? "INT32" : "BOOLEAN"

/**
 * The rows as the bytes of a Parquet file, one column per
 * `Rows.Column`, in order, with the columns' descriptions and the
 * table's name in the file's key-value metadata.
 *
 * @example
 * ```ts
 * import * as assert from "node:assert"
 * import { parquetReadObjects } from "hyparquet"
 * import { Assessment, Intervention } from "@welfare/core"
 * import { Rows } from "@welfare/tables"
 * import { toParquet } from "@welfare/tables/parquet"
 *
 * const profile = Assessment.assess({ id: Intervention.InterventionId.make("int-voucher"), delivery: "request-benefit" })
 * const bytes = toParquet(Rows.profiles(profile))
 * const back = await parquetReadObjects({ file: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer })
 * assert.strictEqual(back.length, 7)
 * assert.strictEqual(back[0]!.intervention, "int-voucher")
 * ```
 *
 * @category encoding
 * @since 0.1.0
 */
export const toParquet = (rows: Rows): Uint8Array => {
  const buffer = parquetWriteBuffer({
    columnData: rows.columns.map((c) => ({
      name: c.name,
      data: rows.rows.map((r) => r[c.name] ?? null),
      type: parquetType(c.type),
      nullable: c.nullable
    })),
    kvMetadata: [
      { key: "welfare.table", value: rows.name },
      {
        key: "welfare.columns",
        value: JSON.stringify(
          rows.columns.map((c) => ({ name: c.name, type: c.type, description: c.description }))
        )
      }
    ],
    createdBy: "@welfare/tables"
  })
  return new Uint8Array(buffer)
}
