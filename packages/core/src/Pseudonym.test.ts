import { createHmac } from "node:crypto"
import * as Either from "effect/Either"
import * as fc from "fast-check"
import { describe, expect, it } from "vitest"
import * as Problem from "./Problem.js"
import * as Pseudonym from "./Pseudonym.js"

const made = async (secret: Uint8Array, domain: string) => {
  const r = await Pseudonym.make(secret, domain)
  if (Either.isLeft(r)) throw new Error(r.left.map(Problem.format).join("\n"))
  return r.right
}

describe("Pseudonym", () => {
  it("is HMAC-SHA-256 of domain, NUL, identifier under the secret (checked against Node's own HMAC)", async () => {
    const secret = new Uint8Array(32).map((_, i) => i)
    const p = await made(secret, "legnano-2016")
    const expected = createHmac("sha256", secret).update("legnano-2016\u0000RSSMRA80A01F205X").digest("hex")
    expect(await Pseudonym.pseudonymise(p, "RSSMRA80A01F205X")).toBe(`p-${expected}`)
  })

  it("refuses a short secret and a domain that is not a code, never throwing", async () => {
    const r = await Pseudonym.make(new Uint8Array(8), "Legnano 2016")
    expect(Either.isLeft(r) && r.left.map((x) => Problem.formatPath(x.path))).toEqual(["secret", "domain"])
    expect(Either.isLeft(r) && r.left[0].message).toMatch(/^the secret holds 8 bytes, expected at least 32/)
  })

  it("property: stable under one secret and domain, unrelated across domains and secrets", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uint8Array({ minLength: 32, maxLength: 64 }),
        fc.uint8Array({ minLength: 32, maxLength: 64 }),
        fc.string({ maxLength: 30 }),
        async (s1, s2, id) => {
          const a = await made(s1, "dom-a")
          const b = await made(s1, "dom-b")
          const c = await made(s2, "dom-a")
          const pa = await Pseudonym.pseudonymise(a, id)
          expect(pa).toMatch(/^p-[0-9a-f]{64}$/)
          expect(await Pseudonym.pseudonymise(a, id)).toBe(pa)
          expect(await Pseudonym.pseudonymise(b, id)).not.toBe(pa)
          if (Buffer.compare(Buffer.from(s1), Buffer.from(s2)) !== 0)
            expect(await Pseudonym.pseudonymise(c, id)).not.toBe(pa)
        }
      ),
      { numRuns: 100 }
    )
  })
})
