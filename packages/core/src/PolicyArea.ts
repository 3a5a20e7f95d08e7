/**
 * Policy areas: the fragmented policy systems that generative welfare puts in a
 * network (seed 004, row 33: "politiche del lavoro, della casa, del territorio,
 * dei trasporti, dell'istruzione, della formazione professionale, dei servizi
 * alla persona sociali e sanitari; della fiscalità locale e delle tariffe").
 *
 * @since 0.1.0
 */
import { literals } from "./internal/schema.js"
import type { Labels } from "./Label.js"

/**
 * Every policy area, in the order of seed 004.
 *
 * @category constants
 * @since 0.1.0
 */
export const values = [
  "labour",
  "housing",
  "territory",
  "transport",
  "education",
  "vocational-training",
  "social-and-health-services",
  "local-taxation-and-tariffs"
] as const

/**
 * A policy area.
 *
 * @example
 * ```ts
 * import * as assert from "node:assert"
 * import { Schema } from "effect"
 * import { PolicyArea } from "@welfare/core"
 *
 * assert.strictEqual(Schema.is(PolicyArea.PolicyArea)("housing"), true)
 * assert.strictEqual(PolicyArea.labels.housing.it, "Politiche della casa")
 * ```
 *
 * @category models
 * @since 0.1.0
 */
export const PolicyArea = literals(
  "PolicyArea",
  values,
  "A policy area that generative welfare connects with the others (seed 004)."
)

/**
 * @category models
 * @since 0.1.0
 */
export type PolicyArea = typeof PolicyArea.Type

/**
 * Italian and English labels of every policy area.
 *
 * @category labels
 * @since 0.1.0
 */
export const labels: Labels<PolicyArea> = {
  labour: { it: "Politiche del lavoro", en: "Labour" },
  housing: { it: "Politiche della casa", en: "Housing" },
  territory: { it: "Politiche del territorio", en: "Territory and planning" },
  transport: { it: "Trasporti", en: "Transport" },
  education: { it: "Istruzione", en: "Education" },
  "vocational-training": { it: "Formazione professionale", en: "Vocational training" },
  "social-and-health-services": {
    it: "Servizi alla persona sociali e sanitari",
    en: "Social and health services"
  },
  "local-taxation-and-tariffs": {
    it: "Fiscalità locale e tariffe di accesso ai servizi",
    en: "Local taxation and service tariffs"
  }
}

/**
 * Whether a set of policy areas is complex, that is touches more than one
 * area: complex needs call for an integrated taking charge (seed 004, row 32).
 *
 * @example
 * ```ts
 * import * as assert from "node:assert"
 * import { PolicyArea } from "@welfare/core"
 *
 * assert.strictEqual(PolicyArea.isComplex(["housing", "labour"]), true)
 * assert.strictEqual(PolicyArea.isComplex(["housing", "housing"]), false)
 * ```
 *
 * @category predicates
 * @since 0.1.0
 */
export const isComplex = (areas: ReadonlyArray<PolicyArea>): boolean => new Set(areas).size > 1
