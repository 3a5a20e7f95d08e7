/**
 * Pseudonyms: a keyed HMAC-SHA-256 of an identifier, computed with WebCrypto
 * (so it runs in browsers as in Node), under a secret held apart from the data
 * and a named domain.
 *
 * The same identifier gives the same pseudonym under the same secret and
 * domain, so records of one person can still be linked; without the secret no
 * one can recompute or test a guess (a plain hash of a tax code can be
 * reversed by trying every tax code). A domain (`"legnano-2016-evaluation"`)
 * keeps pseudonyms of two uses apart: the same person gets unrelated
 * pseudonyms in two domains.
 *
 * Per the EDPB Guidelines 01/2025 on pseudonymisation, pseudonymised data are
 * still personal data: the secret is the "additional information" that must
 * be kept separately, under technical and organisational measures, by whoever
 * is allowed to re-identify; destroying it does not make the data anonymous
 * (see the guide "Pseudonymisation").
 *
 * @since 0.1.0
 */
import * as Either from "effect/Either"
import * as Problem from "./Problem.js"

/**
 * The fewest bytes a secret holds: 32 (256 bits, the output size of
 * SHA-256), so that the secret cannot be guessed. An editorial choice
 * following the size of the hash, as RFC 2104 advises for HMAC keys.
 *
 * @category constants
 * @since 0.1.0
 */
export const minSecretBytes = 32

/**
 * A secret made ready for pseudonymisation in one domain. Opaque: its bytes
 * are held by WebCrypto as a non-extractable key.
 *
 * @category models
 * @since 0.1.0
 */
export interface Pseudonymiser {
  readonly _tag: "Pseudonymiser"
  /** The domain: pseudonyms of two domains are unrelated. */
  readonly domain: string
  readonly key: Key
}

/**
 * A WebCrypto key (`CryptoKey`), named here so that the module needs no DOM types.
 *
 * @category models
 * @since 0.1.0
 */
export type Key = Awaited<ReturnType<typeof globalThis.crypto.subtle.importKey>>

const domainPattern = /^[a-z0-9][a-z0-9._:-]{0,63}$/

/**
 * Prepares a secret (at least {@link minSecretBytes} random bytes, kept apart
 * from the data) for one domain. Never throws: a short secret or a domain
 * that is not a short code is a problem.
 *
 * @example
 * ```ts
 * import * as assert from "node:assert"
 * import { Either } from "effect"
 * import { Pseudonym } from "@welfare/core"
 *
 * const secret = new Uint8Array(32).fill(7) // in real use: random bytes from a key file
 * const made = await Pseudonym.make(secret, "legnano-2016")
 * assert.ok(Either.isRight(made))
 * const a = await Pseudonym.pseudonymise(made.right, "RSSMRA80A01F205X")
 * assert.match(a, /^p-[0-9a-f]{64}$/)
 * assert.strictEqual(await Pseudonym.pseudonymise(made.right, "RSSMRA80A01F205X"), a)
 * const other = await Pseudonym.make(secret, "legnano-2017")
 * assert.ok(Either.isRight(other))
 * assert.notStrictEqual(await Pseudonym.pseudonymise(other.right, "RSSMRA80A01F205X"), a)
 * ```
 *
 * @category constructors
 * @since 0.1.0
 */
export const make = async (secret: Uint8Array, domain: string): Promise<Problem.Result<Pseudonymiser>> => {
  const problems: Array<Problem.Problem> = []
  if (secret.byteLength < minSecretBytes)
    problems.push(
      Problem.make(
        "invalid-value",
        ["secret"],
        `the secret holds ${secret.byteLength} bytes, expected at least ${minSecretBytes} random bytes: generate one (for example with openssl rand -out pseudonym.key 32) and keep it apart from the data`
      )
    )
  if (!domainPattern.test(domain))
    problems.push(
      Problem.make(
        "invalid-value",
        ["domain"],
        "expected a domain of 1 to 64 lower-case letters, digits, '.', '_', ':' or '-' naming one use (for example legnano-2016-evaluation)"
      )
    )
  if (problems.length > 0) return Problem.fromProblems(undefined as never, problems)
  const key = await globalThis.crypto.subtle.importKey(
    "raw",
    secret,
    { name: "HMAC", hash: "SHA-256" },
    false,
    ["sign"]
  )
  return Either.right({ _tag: "Pseudonymiser", domain, key })
}

const encoder = new TextEncoder()

const hex = (bytes: ArrayBuffer): string => {
  let out = ""
  for (const b of new Uint8Array(bytes)) out += b.toString(16).padStart(2, "0")
  return out
}

/**
 * The pseudonym of an identifier: `p-` and the 64 hexadecimal digits of
 * HMAC-SHA-256(secret, domain, NUL, identifier), a valid person id. The
 * identifier is compared exactly: normalise it (case, spaces) before.
 *
 * @category calculators
 * @since 0.1.0
 */
export const pseudonymise = async (p: Pseudonymiser, identifier: string): Promise<string> =>
  `p-${hex(await globalThis.crypto.subtle.sign("HMAC", p.key, encoder.encode(`${p.domain}\u0000${identifier}`)))}`
