/**
 * Arrow column buffers written in place, row by row: the values and, when
 * some are null, the validity bitmap (a bit set per valid row). Every
 * column's length is known up front; text goes straight into one growing
 * UTF-8 buffer (ASCII, the usual case for ids and dates, byte by byte with
 * no encoder call). Used by `toArrow` and by `summaryToArrow`, so both write
 * the same bytes.
 *
 * @internal
 */
import { Bool, type Data, Float64, Int32, makeData, Utf8 } from "apache-arrow"

const empty: Uint8Array = new Uint8Array(0)
const encoder = new TextEncoder()

interface Validity {
  readonly bitmap: Uint8Array
  nulls: number
}

const validity = (length: number): Validity => ({ bitmap: new Uint8Array((length + 7) >> 3), nulls: 0 })

const nullBitmap = (v: Validity): Uint8Array => (v.nulls === 0 ? empty : v.bitmap)

/** A `Utf8` column being written. @internal */
export interface Text extends Validity {
  readonly length: number
  readonly offsets: Int32Array
  data: Uint8Array
  bytes: number
}

/**
 * A `Utf8` column of `length` rows, with room for `bytes` bytes of text
 * (default 8 a row; it grows when that is not enough). Give the exact UTF-8
 * size when it is known: the column then takes its buffer as it is, with no
 * copy at the end, and no byte of memory is touched twice. On the machines
 * measured, first touching fresh memory costs more than writing it
 * (`docs/benchmarks.md`, scenario `tables`).
 *
 * @internal
 */
export const text = (length: number, bytes: number = length * 8): Text => ({
  ...validity(length),
  length,
  offsets: new Int32Array(length + 1),
  data: new Uint8Array(bytes),
  bytes: 0
})

const reserve = (c: Text, n: number): void => {
  if (c.bytes + n <= c.data.length) return
  const grown = new Uint8Array(Math.max(c.data.length * 2, c.bytes + n, 64))
  grown.set(c.data.subarray(0, c.bytes))
  c.data = grown
}

/** Writes row `i` (rows are written in order, each once). @internal */
export const setText = (c: Text, i: number, s: string | null): void => {
  if (s !== null) {
    c.bitmap[i >> 3]! |= 1 << (i & 7)
    const n = s.length
    // room for ASCII (one byte a code unit); a code unit is at most 3 bytes of UTF-8
    reserve(c, n)
    const start = c.bytes
    let data = c.data
    let j = start
    for (let k = 0; k < n; k++) {
      const ch = s.charCodeAt(k)
      if (ch >= 0x80) {
        reserve(c, n * 3)
        data = c.data
        j = start + encoder.encodeInto(s, data.subarray(start)).written
        break
      }
      data[j++] = ch
    }
    c.bytes = j
  } else c.nulls++
  // the offsets start zeroed: a column still empty (all null so far) is not written, so its pages stay untouched
  if (c.bytes !== 0) c.offsets[i + 1] = c.bytes
}

/** The finished column. @internal */
export const textData = (c: Text): Data =>
  makeData({
    type: new Utf8(),
    length: c.length,
    nullCount: c.nulls,
    nullBitmap: nullBitmap(c),
    valueOffsets: c.offsets,
    data: c.bytes === c.data.length ? c.data : c.data.slice(0, c.bytes)
  })

/** A `Float64` column being written. @internal */
export interface Floats extends Validity {
  readonly values: Float64Array
}

/** A `Float64` column of `length` rows. @internal */
export const floats = (length: number): Floats => ({ ...validity(length), values: new Float64Array(length) })

/** Writes row `i`. @internal */
export const setFloat = (c: Floats, i: number, v: number | null): void => {
  if (v === null) c.nulls++
  else {
    c.bitmap[i >> 3]! |= 1 << (i & 7)
    c.values[i] = v
  }
}

/** The finished column. @internal */
export const floatsData = (c: Floats): Data =>
  makeData({
    type: new Float64(),
    length: c.values.length,
    nullCount: c.nulls,
    nullBitmap: nullBitmap(c),
    data: c.values
  })

/** An `Int32` column being written. @internal */
export interface Ints extends Validity {
  readonly values: Int32Array
}

/** An `Int32` column of `length` rows. @internal */
export const ints = (length: number): Ints => ({ ...validity(length), values: new Int32Array(length) })

/** Writes row `i`. @internal */
export const setInt = (c: Ints, i: number, v: number | null): void => {
  if (v === null) c.nulls++
  else {
    c.bitmap[i >> 3]! |= 1 << (i & 7)
    c.values[i] = v
  }
}

/** The finished column. @internal */
export const intsData = (c: Ints): Data =>
  makeData({
    type: new Int32(),
    length: c.values.length,
    nullCount: c.nulls,
    nullBitmap: nullBitmap(c),
    data: c.values
  })

/** A `Bool` column being written. @internal */
export interface Bools extends Validity {
  readonly length: number
  readonly values: Uint8Array
}

/** A `Bool` column of `length` rows. @internal */
export const bools = (length: number): Bools => ({
  ...validity(length),
  length,
  values: new Uint8Array((length + 7) >> 3)
})

/** Writes row `i`. @internal */
export const setBool = (c: Bools, i: number, v: boolean | null): void => {
  if (v === null) c.nulls++
  else {
    c.bitmap[i >> 3]! |= 1 << (i & 7)
    if (v) c.values[i >> 3]! |= 1 << (i & 7)
  }
}

/** The finished column. @internal */
export const boolsData = (c: Bools): Data =>
  makeData({
    type: new Bool(),
    length: c.length,
    nullCount: c.nulls,
    nullBitmap: nullBitmap(c),
    data: c.values
  })
