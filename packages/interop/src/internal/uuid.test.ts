import { describe, expect, it } from "vitest"
import { sha1, uuidOf, v5 } from "./uuid.js"

const hex = (b: Uint8Array) => Array.from(b, (x) => x.toString(16).padStart(2, "0")).join("")

describe("uuid", () => {
  it("computes SHA-1 test vectors (FIPS 180-4)", () => {
    expect(hex(sha1(new TextEncoder().encode("abc")))).toBe("a9993e364706816aba3e25717850c26c9cd0d89d")
    expect(hex(sha1(new Uint8Array()))).toBe("da39a3ee5e6b4b0d3255bfef95601890afd80709")
    expect(
      hex(sha1(new TextEncoder().encode("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")))
    ).toBe("84983e441c3bd26ebaae4aa1f95129e5e54670f1")
  })
  it("computes the RFC 9562 version-5 example (DNS namespace, www.example.com)", () => {
    expect(v5("6ba7b810-9dad-11d1-80b4-00c04fd430c8", "www.example.com")).toBe(
      "2ed6657d-e927-568b-95e1-2665a8aea6a2"
    )
  })
  it("is stable and distinct per kind", () => {
    expect(uuidOf("organization", "a")).toBe(uuidOf("organization", "a"))
    expect(uuidOf("organization", "a")).not.toBe(uuidOf("service", "a"))
  })
})
