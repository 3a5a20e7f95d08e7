/**
 * Checks that an Arrow column's buffers hold what its type says, before any
 * value is read. `apache-arrow` reads without checking: a text whose
 * offsets point past its buffer reads as a shorter or empty text, a
 * dictionary index past its dictionary as the empty text, a value past a
 * short buffer as nothing. A table from damaged or hostile IPC bytes would
 * then be misread without a word; these checks turn that into a problem.
 *
 * @internal
 */
import { type Data, DataType, type Vector } from "apache-arrow"

type Offsets = ArrayLike<number | bigint>

// text offsets: as many as the rows plus one, never decreasing, within the text buffer
const offsetsDamage = (offsets: Offsets, from: number, count: number, bytes: number) => {
  let previous = Number(offsets[from])
  if (previous < 0 || previous > bytes) return "a text's bounds fall outside its buffer"
  for (let i = from + 1; i <= from + count; i++) {
    const o = Number(offsets[i])
    if (o < previous || o > bytes) return "a text's bounds fall outside its buffer"
    previous = o
  }
  return undefined
}

// a row is valid unless a bitmap (checked long enough) clears its bit
const isValid = (d: Data, i: number): boolean =>
  d.nullBitmap === undefined || d.nullBitmap.length === 0
    ? true
    : (d.nullBitmap[(d.offset + i) >> 3]! & (1 << ((d.offset + i) & 7))) !== 0

// a dictionary's indices: each valid row's index names one of its texts
const indicesDamage = (d: Data): string | undefined => {
  const dictionary = d.dictionary as Vector | undefined
  if (dictionary === undefined) return "its dictionary is missing"
  for (const chunk of dictionary.data) {
    const damage = dataDamage(chunk)
    if (damage !== undefined) return `its dictionary is damaged: ${damage}`
  }
  const indices = d.values as ArrayLike<number | bigint>
  for (let i = 0; i < d.length; i++) {
    if (!isValid(d, i)) continue
    const index = Number(indices[d.offset + i])
    if (!(index >= 0 && index < dictionary.length)) return "a row's index falls outside its dictionary"
  }
  return undefined
}

/**
 * What is wrong with one chunk of a column, or `undefined` when its buffers
 * hold what its type says. The lengths are compared first, so no loop runs
 * past a buffer that is really there, whatever length the chunk claims.
 */
const dataDamage = (d: Data): string | undefined => {
  const end = d.offset + d.length
  const t = d.type
  const text = DataType.isUtf8(t) || DataType.isLargeUtf8(t)
  const values = (text ? d.valueOffsets : d.values) as ArrayLike<unknown> | undefined
  const needed = text ? end + 1 : DataType.isBool(t) ? Math.ceil(end / 8) : end
  if (values === undefined || values.length < needed)
    return text ? "its text offsets are cut short" : "its values are cut short"
  const bitmap = d.nullBitmap
  if (bitmap !== undefined && bitmap.length > 0 && bitmap.length * 8 < end)
    return "its null bitmap is cut short"
  if (text) return offsetsDamage(values as Offsets, d.offset, d.length, d.values?.length ?? 0)
  return DataType.isDictionary(t) ? indicesDamage(d) : undefined
}

/**
 * What is wrong with a column's buffers, in words (`"its values are cut
 * short"`), or `undefined` when every chunk holds what its type says.
 * Checked: the column's length against the table's `rows`; the null bitmap's length; text offsets (never decreasing, within
 * the text); the values' length; a dictionary's indices (each valid one
 * within the dictionary) and the dictionary itself.
 *
 * @internal
 */
export const damageOf = (vector: Vector, rows: number): string | undefined => {
  if (vector.length !== rows) return "its length differs from the table's"
  for (const chunk of vector.data) {
    const damage = dataDamage(chunk)
    if (damage !== undefined) return damage
  }
  return undefined
}
