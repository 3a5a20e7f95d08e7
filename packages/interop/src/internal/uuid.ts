// Name-based UUIDs (RFC 9562 version 5: SHA-1), in pure JavaScript so the
// package runs in browsers too. HSDS 3.0 requires every id to be a UUID; a
// name-based one makes the same territory export to the same ids every time.

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text)

const rotl = (x: number, n: number): number => (x << n) | (x >>> (32 - n))

/** SHA-1 of bytes (FIPS 180-4), 20 bytes. */
export const sha1 = (message: Uint8Array): Uint8Array => {
  const length = message.length
  const blocks = ((length + 8) >>> 6) + 1
  const words = new Uint32Array(blocks * 16)
  for (let i = 0; i < length; i++) words[i >>> 2]! |= message[i]! << (24 - (i % 4) * 8)
  words[length >>> 2]! |= 0x80 << (24 - (length % 4) * 8)
  const bits = length * 8
  words[blocks * 16 - 1] = bits >>> 0
  words[blocks * 16 - 2] = Math.floor(bits / 0x100000000)
  let h0 = 0x67452301
  let h1 = 0xefcdab89
  let h2 = 0x98badcfe
  let h3 = 0x10325476
  let h4 = 0xc3d2e1f0
  const w = new Uint32Array(80)
  for (let b = 0; b < blocks; b++) {
    for (let t = 0; t < 16; t++) w[t] = words[b * 16 + t]!
    for (let t = 16; t < 80; t++) w[t] = rotl(w[t - 3]! ^ w[t - 8]! ^ w[t - 14]! ^ w[t - 16]!, 1)
    let a = h0
    let bb = h1
    let c = h2
    let d = h3
    let e = h4
    for (let t = 0; t < 80; t++) {
      const f =
        t < 20
          ? (bb & c) | (~bb & d)
          : t < 40
            ? bb ^ c ^ d
            : t < 60
              ? (bb & c) | (bb & d) | (c & d)
              : bb ^ c ^ d
      const k = t < 20 ? 0x5a827999 : t < 40 ? 0x6ed9eba1 : t < 60 ? 0x8f1bbcdc : 0xca62c1d6
      const temp = (rotl(a, 5) + f + e + k + w[t]!) >>> 0
      e = d
      d = c
      c = rotl(bb, 30) >>> 0
      bb = a
      a = temp
    }
    h0 = (h0 + a) >>> 0
    h1 = (h1 + bb) >>> 0
    h2 = (h2 + c) >>> 0
    h3 = (h3 + d) >>> 0
    h4 = (h4 + e) >>> 0
  }
  const out = new Uint8Array(20)
  ;[h0, h1, h2, h3, h4].forEach((h, i) => {
    out[i * 4] = h >>> 24
    out[i * 4 + 1] = (h >>> 16) & 0xff
    out[i * 4 + 2] = (h >>> 8) & 0xff
    out[i * 4 + 3] = h & 0xff
  })
  return out
}

const hex = (bytes: Uint8Array): string => Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("")

const parse = (uuid: string): Uint8Array => {
  const h = uuid.replace(/-/g, "")
  const out = new Uint8Array(16)
  for (let i = 0; i < 16; i++) out[i] = Number.parseInt(h.slice(i * 2, i * 2 + 2), 16)
  return out
}

/** The UUID version 5 of a name in a namespace (a UUID). */
export const v5 = (namespace: string, name: string): string => {
  const ns = parse(namespace)
  const n = utf8(name)
  const message = new Uint8Array(ns.length + n.length)
  message.set(ns)
  message.set(n, ns.length)
  const bytes = sha1(message).slice(0, 16)
  bytes[6] = (bytes[6]! & 0x0f) | 0x50
  bytes[8] = (bytes[8]! & 0x3f) | 0x80
  const h = hex(bytes)
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`
}

/**
 * The namespace of @welfare's name-based UUIDs. An editorial constant: any
 * fixed UUID would do; this one must never change, or exported ids change.
 */
export const welfareNamespace = "7f3c2a1e-5b4d-4e8f-9a6b-0c1d2e3f4a5b"

/** The UUID of an entity of a territory, for example `uuidOf("organization", "comune-legnano")`. */
export const uuidOf = (kind: string, id: string): string => v5(welfareNamespace, `${kind}:${id}`)
