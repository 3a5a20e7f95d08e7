/**
 * A minimal reader of a zip's central directory, to look at a workbook
 * before handing it to exceljs: the entries and their declared sizes, and
 * each entry's real size and content checked while inflating it with a cap
 * (a zip bomb declares small sizes and inflates to gigabytes).
 */
import { inflateRawSync } from "node:zlib"

export interface Entry {
  readonly name: string
  readonly method: number
  readonly compressed: number
  readonly size: number
  readonly offset: number
}

export class ZipError extends Error {}

export const entries = (zip: Buffer): Array<Entry> => {
  const min = Math.max(0, zip.length - 65_557)
  let eocd = -1
  for (let i = zip.length - 22; i >= min; i--)
    if (zip.readUInt32LE(i) === 0x06054b50) {
      eocd = i
      break
    }
  if (eocd === -1) throw new ZipError("not a zip archive")
  const count = zip.readUInt16LE(eocd + 10)
  let at = zip.readUInt32LE(eocd + 16)
  if (count === 0xffff || at === 0xffffffff) throw new ZipError("zip64 archives are not read")
  const out: Array<Entry> = []
  for (let n = 0; n < count; n++) {
    if (at + 46 > zip.length || zip.readUInt32LE(at) !== 0x02014b50)
      throw new ZipError("corrupt central directory")
    const nameLength = zip.readUInt16LE(at + 28)
    const extra = zip.readUInt16LE(at + 30)
    const comment = zip.readUInt16LE(at + 32)
    out.push({
      method: zip.readUInt16LE(at + 10),
      compressed: zip.readUInt32LE(at + 20),
      size: zip.readUInt32LE(at + 24),
      offset: zip.readUInt32LE(at + 42),
      name: zip.toString("utf8", at + 46, at + 46 + nameLength)
    })
    at += 46 + nameLength + extra + comment
  }
  return out
}

const data = (zip: Buffer, entry: Entry): Buffer => {
  const at = entry.offset
  if (at + 30 > zip.length || zip.readUInt32LE(at) !== 0x04034b50)
    throw new ZipError(`corrupt entry ${entry.name}`)
  const start = at + 30 + zip.readUInt16LE(at + 26) + zip.readUInt16LE(at + 28)
  return zip.subarray(start, start + entry.compressed)
}

/** The content of an entry, inflated with a cap on its real size (throws ZipError beyond it). */
export const read = (zip: Buffer, entry: Entry, cap: number): Buffer => {
  const raw = data(zip, entry)
  if (entry.method === 0) {
    if (raw.length > cap) throw new ZipError(`${entry.name} is larger than ${cap} bytes`)
    return raw
  }
  if (entry.method !== 8) throw new ZipError(`${entry.name}: compression method ${entry.method} is not read`)
  try {
    return inflateRawSync(raw, { maxOutputLength: cap })
  } catch (e) {
    if (e instanceof RangeError || (e as { code?: string }).code === "ERR_BUFFER_TOO_LARGE")
      throw new ZipError(`${entry.name} inflates beyond ${cap} bytes`)
    throw new ZipError(`${entry.name} cannot be inflated`)
  }
}
