/**
 * The planning district of a territory: the *ambito territoriale sociale*
 * (art. 8 c.3 lett. a of law 328/2000), the municipalities that plan their
 * social services together in one zone plan (*Piano di Zona*, art. 19). The
 * regions draw the districts and number them each in its own way (Lombardy
 * names them after their chief town, Apulia numbers them `BA/1`, Campania
 * `S03`): no national list of the districts with codes was found public, so
 * the code is a free field, checked only for its shape, and the regional
 * list it comes from is named in `region`.
 *
 * The zone plan's period (`zonePlan`) is the period of the territory: the
 * ISTAT codes of its municipalities are checked against it by
 * `@welfare/istat`.
 *
 * @since 0.2.0
 */

import type * as Effect from "effect/Effect"
import * as Schema from "effect/Schema"
import * as Decoder from "./Decoder.js"
import * as IndicatorAssignment from "./IndicatorAssignment.js"
import { referencesNothing, toEffect, validator } from "./internal/contract.js"
import { optional, text } from "./internal/schema.js"
import type { Labels } from "./Label.js"
import type * as Problem from "./Problem.js"

const codePattern = /^[A-Za-z0-9][A-Za-z0-9 ._/-]{0,31}$/

/**
 * The code of a district as its region writes it: 1 to 32 letters, digits,
 * spaces, `.`, `_`, `/` or `-`, starting with a letter or digit (`BA/1`,
 * `S03`, `ATS-12`).
 *
 * @example
 * ```ts
 * import * as assert from "node:assert"
 * import { Schema } from "effect"
 * import { PlanningDistrict } from "@welfare/core"
 *
 * assert.ok(Schema.is(PlanningDistrict.DistrictCode)("BA/1"))
 * assert.ok(!Schema.is(PlanningDistrict.DistrictCode)("/1"))
 * ```
 *
 * @category models
 * @since 0.2.0
 */
export const DistrictCode = Schema.String.pipe(
  Schema.pattern(codePattern, {
    message: () =>
      "expected the district's code as its region writes it: 1 to 32 letters, digits, spaces, '.', '_', '/' or '-', starting with a letter or digit (for example BA/1)"
  }),
  Schema.annotations({
    identifier: "DistrictCode",
    description:
      "The code of the ambito territoriale sociale in its region's list (free: no national list with codes is public).",
    arbitrary: () => (fc) => fc.constantFrom("BA/1", "S03", "ATS-12", "Legnano")
  })
)

/**
 * A district code, as decoded.
 *
 * @example
 * ```ts
 * import * as assert from "node:assert"
 * import type { PlanningDistrict } from "@welfare/core"
 *
 * const code: PlanningDistrict.DistrictCode = "BA/1"
 * assert.strictEqual(code.split("/")[0], "BA")
 * ```
 *
 * @category models
 * @since 0.2.0
 */
export type DistrictCode = typeof DistrictCode.Type

/**
 * The planning district (*ambito territoriale sociale*) of a territory: its
 * name, its code in its region's list, the region and the period of its zone
 * plan.
 *
 * @example
 * ```ts
 * import * as assert from "node:assert"
 * import { Schema } from "effect"
 * import { PlanningDistrict } from "@welfare/core"
 *
 * const legnano = Schema.decodeUnknownSync(PlanningDistrict.PlanningDistrict)({
 *   name: "Ambito di Legnano",
 *   region: "Lombardia",
 *   zonePlan: { start: "2015-01-01", end: "2017-12-31" }
 * })
 * assert.strictEqual(legnano.zonePlan?.end, "2017-12-31")
 * ```
 *
 * @category models
 * @since 0.2.0
 */
export const PlanningDistrict = Schema.Struct({
  name: text(
    "PlanningDistrictName",
    "The name of the ambito territoriale sociale, for example Ambito di Legnano."
  ).annotations({
    arbitrary: () => (fc) => fc.constantFrom("Ambito di Legnano", "Ambito territoriale BA/1", "Ambito S03")
  }),
  code: optional(DistrictCode),
  region: optional(
    text(
      "RegionName",
      "The region whose list of districts the code comes from, for example Lombardia.",
      80
    ).annotations({ arbitrary: () => (fc) => fc.constantFrom("Lombardia", "Puglia", "Campania") })
  ),
  zonePlan: optional(
    IndicatorAssignment.Period.annotations({
      description: "The period of the zone plan (Piano di Zona), both days included."
    })
  )
}).annotations({
  identifier: "PlanningDistrict",
  title: "PlanningDistrict",
  description:
    "The ambito territoriale sociale (law 328/2000, art. 8): the municipalities that plan their social services in one Piano di Zona."
})

/**
 * A planning district, as decoded.
 *
 * @example
 * ```ts
 * import * as assert from "node:assert"
 * import { PlanningDistrict } from "@welfare/core"
 *
 * const legnano: PlanningDistrict.PlanningDistrict = { name: "Ambito di Legnano", region: "Lombardia" }
 * assert.strictEqual(PlanningDistrict.referenceDate(legnano, "2023-11-10"), "2023-11-10")
 * ```
 *
 * @category models
 * @since 0.2.0
 */
export interface PlanningDistrict extends Schema.Schema.Type<typeof PlanningDistrict> {}

/**
 * A planning district as JSON.
 *
 * @category models
 * @since 0.2.0
 */
export interface PlanningDistrictEncoded extends Schema.Schema.Encoded<typeof PlanningDistrict> {}

/**
 * Decodes a planning district from unknown input (parsed JSON), with every
 * problem at once, each with its path; unknown properties are problems.
 *
 * @example
 * ```ts
 * import * as assert from "node:assert"
 * import { Either } from "effect"
 * import { PlanningDistrict } from "@welfare/core"
 *
 * assert.ok(Either.isRight(PlanningDistrict.decode({ name: "Ambito di Legnano", code: "Legnano" })))
 * assert.ok(Either.isLeft(PlanningDistrict.decode({ name: "Ambito di Legnano", code: "/1" })))
 * ```
 *
 * @category decoding
 * @since 0.2.0
 */
export const decode: (input: unknown) => Problem.Result<PlanningDistrict> = Decoder.lazy(PlanningDistrict)

/**
 * {@link decode} as an `Effect` that fails with a `Problem.ValidationError`.
 *
 * @category decoding
 * @since 0.2.0
 */
export const decodeEffect: (input: unknown) => Effect.Effect<PlanningDistrict, Problem.ValidationError> =
  toEffect(decode)

/**
 * Encodes a planning district to its JSON form.
 *
 * @category encoding
 * @since 0.2.0
 */
export const encode: (value: PlanningDistrict) => PlanningDistrictEncoded =
  Schema.encodeSync(PlanningDistrict)

/**
 * Italian and English labels of the fields of a planning district.
 *
 * @example
 * ```ts
 * import * as assert from "node:assert"
 * import { PlanningDistrict } from "@welfare/core"
 *
 * assert.strictEqual(PlanningDistrict.fieldLabels.zonePlan.it, "Periodo del Piano di Zona")
 * ```
 *
 * @category labels
 * @since 0.2.0
 */
export const fieldLabels: Labels<keyof PlanningDistrict> = {
  name: { it: "Ambito territoriale sociale", en: "Planning district (ambito territoriale sociale)" },
  code: { it: "Codice dell'ambito", en: "District code" },
  region: { it: "Regione", en: "Region" },
  zonePlan: { it: "Periodo del Piano di Zona", en: "Zone plan period" }
}

/**
 * The day at which a district's municipalities are read: the first day of its
 * zone plan, or `fallback` when it has none.
 *
 * @example
 * ```ts
 * import * as assert from "node:assert"
 * import { PlanningDistrict } from "@welfare/core"
 *
 * const d = { name: "Ambito di Legnano", zonePlan: { start: "2015-01-01", end: "2017-12-31" } }
 * assert.strictEqual(PlanningDistrict.referenceDate(d, "2023-11-10"), "2015-01-01")
 * assert.strictEqual(PlanningDistrict.referenceDate(undefined, "2023-11-10"), "2023-11-10")
 * ```
 *
 * @category getters
 * @since 0.2.0
 */
export const referenceDate = (district: PlanningDistrict | undefined, fallback: string): string =>
  district?.zonePlan?.start ?? fallback

/**
 * Builds a PlanningDistrict from typed fields without checking them, for trusted
 * builders (fixtures, generators, code that built them from checked values);
 * {@link make} is the checked way.
 *
 * @category constructors
 * @since 0.3.0
 */
export const unsafeMake = (fields: PlanningDistrict): PlanningDistrict => fields

const checkFields = validator(PlanningDistrict)

/**
 * Builds a PlanningDistrict from typed fields, checked against its schema (the
 * refinements and cross-field rules {@link decode} applies): the value, or
 * every problem with its path. Never throws.
 *
 * @category constructors
 * @since 0.3.0
 */
export const make = (fields: PlanningDistrict): Problem.Result<PlanningDistrict> => checkFields(fields)

/**
 * The dangling ids of a planning district: always none, since a district
 * references no other entity by id (its municipalities are the territory's,
 * checked against ISTAT's lists by `@welfare/istat`). Here for the module
 * contract.
 *
 * @category validation
 * @since 0.3.0
 */
export const referenceProblems: (
  district: PlanningDistrict,
  known?: unknown,
  path?: ReadonlyArray<Problem.PathSegment>
) => Array<Problem.Problem> = referencesNothing

/**
 * The module's words in Italian and English: the entity's name and its
 * fields ({@link fieldLabels}).
 *
 * @category labels
 * @since 0.3.0
 */
export const labels: Labels<"district" | keyof PlanningDistrict> = {
  district: { it: "Ambito territoriale sociale", en: "Planning district" },
  ...fieldLabels
}
