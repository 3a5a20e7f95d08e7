/**
 * Dictionary-encoded text columns (Arrow `Dictionary<Utf8>`) written in
 * place, row by row: each distinct text is stored once, in order of first
 * appearance, and each row holds its index. The index type is the smallest
 * of `Int8`, `Int16` and `Int32` that holds the number of distinct texts (a
 * column starts as `Int8` and widens, once or twice, as texts are added).
 * Used by `toArrow` and `summaryToArrow` when asked for
 * `{ dictionary: true }`.
 *
 * @internal
 */
import { type Data, Dictionary, Int8, Int16, Int32, makeData, makeVector, Utf8 } from "apache-arrow"
import * as C from "./columns.js"

/** A dictionary-encoded text column being written. @internal */
export interface Codes {
  readonly length: number
  readonly bitmap: Uint8Array
  nulls: number
  readonly ids: Map<string, number>
  readonly words: Array<string>
  indices: Int8Array | Int16Array | Int32Array
  /** The text of the row written last (rows in order repeat it often), and its index. */
  last: string | null
  lastId: number
}

/**
 * The index type of dictionary-encoded columns: the smallest that holds
 * their texts, or `Int32` whatever they hold.
 *
 * @internal
 */
export type Indices = "smallest" | "int32"

/**
 * A dictionary-encoded text column of `length` rows, its indices starting
 * as `Int8` and widened as texts are added (`"smallest"`), or `Int32` from
 * the start (`"int32"`: the same type whatever the data).
 *
 * @internal
 */
export const codes = (length: number, indices: Indices): Codes => ({
  length,
  bitmap: new Uint8Array((length + 7) >> 3),
  nulls: 0,
  ids: new Map(),
  words: [],
  indices: indices === "int32" ? new Int32Array(length) : new Int8Array(length),
  last: null,
  lastId: 0
})

// the rows written so far (0 to `upTo`) copied into a wider index array
const widen = (c: Codes, upTo: number): void => {
  const wider = c.indices instanceof Int8Array ? new Int16Array(c.length) : new Int32Array(c.length)
  wider.set(c.indices.subarray(0, upTo))
  c.indices = wider
}

const add = (c: Codes, i: number, s: string): number => {
  const id = c.words.length
  c.words.push(s)
  c.ids.set(s, id)
  if ((id === 0x80 && c.indices instanceof Int8Array) || (id === 0x8000 && c.indices instanceof Int16Array))
    widen(c, i)
  return id
}

/** Writes row `i` (rows are written in order, each once). @internal */
export const setCode = (c: Codes, i: number, s: string | null): void => {
  if (s === null) {
    c.nulls++
    return
  }
  c.bitmap[i >> 3]! |= 1 << (i & 7)
  if (s !== c.last) {
    c.lastId = c.ids.get(s) ?? add(c, i, s)
    c.last = s
  }
  c.indices[i] = c.lastId
}

const typeOf = (c: Codes): Dictionary =>
  c.indices instanceof Int8Array
    ? new Dictionary(new Utf8(), new Int8())
    : c.indices instanceof Int16Array
      ? new Dictionary(new Utf8(), new Int16())
      : new Dictionary(new Utf8(), new Int32())

/**
 * The finished column. Its type (`data.type`, a new dictionary id) is the
 * one to give its field in the schema.
 *
 * @internal
 */
export const codesData = (c: Codes): Data => {
  let bytes = 0
  for (const w of c.words) bytes += w.length
  const words = C.text(c.words.length, bytes)
  for (let k = 0; k < c.words.length; k++) C.setText(words, k, c.words[k]!)
  return makeData<Dictionary>({
    type: typeOf(c),
    length: c.length,
    nullCount: c.nulls,
    nullBitmap: c.nulls === 0 ? new Uint8Array(0) : c.bitmap,
    data: c.indices,
    dictionary: makeVector(C.textData(words))
  })
}
