/**
 * A minimal reader of a zip archive (a workbook is one) that runs in Node,
 * Deno and browsers alike: the central directory with each entry's declared
 * sizes, and each entry inflated as a stream (the platform's
 * `DecompressionStream("deflate-raw")`) with a cap on its real size, so a
 * zip bomb (small declared sizes, gigabytes once inflated) stops at the cap
 * and memory stays bounded by a chunk.
 *
 * @internal
 */

/** One entry of the central directory. @internal */
export interface Entry {
  readonly name: string
  readonly method: number
  readonly compressed: number
  readonly size: number
  readonly offset: number
}

/** An archive that cannot be read, or an entry beyond its cap. @internal */
export class ZipError extends Error {}

const utf8 = new TextDecoder("utf-8")

/** The entries of the central directory. Throws {@link ZipError}. @internal */
export const entries = (zip: Uint8Array): Array<Entry> => {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength)
  const min = Math.max(0, zip.length - 65_557)
  let eocd = -1
  for (let i = zip.length - 22; i >= min; i--)
    if (view.getUint32(i, true) === 0x06054b50) {
      eocd = i
      break
    }
  if (eocd === -1) throw new ZipError("not a zip archive")
  const count = view.getUint16(eocd + 10, true)
  let at = view.getUint32(eocd + 16, true)
  if (count === 0xffff || at === 0xffffffff) throw new ZipError("zip64 archives are not read")
  const out: Array<Entry> = []
  for (let n = 0; n < count; n++) {
    if (at + 46 > zip.length || view.getUint32(at, true) !== 0x02014b50)
      throw new ZipError("corrupt central directory")
    const nameLength = view.getUint16(at + 28, true)
    const extra = view.getUint16(at + 30, true)
    const comment = view.getUint16(at + 32, true)
    if (at + 46 + nameLength > zip.length) throw new ZipError("corrupt central directory")
    out.push({
      method: view.getUint16(at + 10, true),
      compressed: view.getUint32(at + 20, true),
      size: view.getUint32(at + 24, true),
      offset: view.getUint32(at + 42, true),
      name: utf8.decode(zip.subarray(at + 46, at + 46 + nameLength))
    })
    at += 46 + nameLength + extra + comment
  }
  return out
}

const data = (zip: Uint8Array, entry: Entry): Uint8Array => {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength)
  const at = entry.offset
  if (at + 30 > zip.length || view.getUint32(at, true) !== 0x04034b50)
    throw new ZipError(`corrupt entry ${entry.name}`)
  const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true)
  if (start + entry.compressed > zip.length) throw new ZipError(`corrupt entry ${entry.name}`)
  return zip.subarray(start, start + entry.compressed)
}

/**
 * The content of an entry as chunks of bytes, inflated as they are asked
 * for; throws {@link ZipError} once the real size passes `cap`, or when the
 * data cannot be inflated. Stopping early (a `break` in `for await`) stops
 * the inflation.
 *
 * @internal
 */
export async function* chunks(zip: Uint8Array, entry: Entry, cap: number): AsyncGenerator<Uint8Array> {
  const raw = data(zip, entry)
  if (entry.method === 0) {
    if (raw.length > cap) throw new ZipError(`${entry.name} is larger than ${cap} bytes`)
    for (let i = 0; i < raw.length; i += 1 << 16) yield raw.subarray(i, Math.min(raw.length, i + (1 << 16)))
    return
  }
  if (entry.method !== 8) throw new ZipError(`${entry.name}: compression method ${entry.method} is not read`)
  // one slice at a time (a stream of the whole would inflate it whole before the cap is checked)
  let offset = 0
  const slices = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (offset >= raw.length) {
        controller.close()
        return
      }
      const end = Math.min(raw.length, offset + (1 << 16))
      // a copy: some platforms transfer (detach) the buffers written to a compression stream
      controller.enqueue(raw.slice(offset, end))
      offset = end
    }
  })
  const reader = slices.pipeThrough(new DecompressionStream("deflate-raw")).getReader()
  let size = 0
  let done = false
  try {
    for (;;) {
      let next: Awaited<ReturnType<typeof reader.read>>
      try {
        next = await reader.read()
      } catch {
        throw new ZipError(`${entry.name} cannot be inflated`)
      }
      if (next.done) {
        done = true
        return
      }
      size += next.value.length
      if (size > cap) throw new ZipError(`${entry.name} inflates beyond ${cap} bytes`)
      yield next.value
    }
  } finally {
    if (!done) await reader.cancel().catch(() => undefined)
  }
}

/** The content of an entry as text (UTF-8), inflated with a cap (throws {@link ZipError} beyond it). @internal */
export const text = async (zip: Uint8Array, entry: Entry, cap: number): Promise<string> => {
  const decoder = new TextDecoder("utf-8")
  const parts: Array<string> = []
  for await (const chunk of chunks(zip, entry, cap)) parts.push(decoder.decode(chunk, { stream: true }))
  parts.push(decoder.decode())
  return parts.join("")
}
