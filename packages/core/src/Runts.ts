/**
 * The sections of the Third Sector register (*Registro unico nazionale del
 * Terzo settore*, RUNTS), art. 46 c.1 of the Third Sector Code (d.lgs.
 * 117/2017), and the sections an actor kind may be registered in:
 *
 * - a) organizzazioni di volontariato (ODV, artt. 32-34);
 * - b) associazioni di promozione sociale (APS, artt. 35-36);
 * - c) enti filantropici (artt. 37-39);
 * - d) imprese sociali, incluse le cooperative sociali (art. 40, d.lgs.
 *   112/2017, law 381/1991);
 * - e) reti associative (art. 41);
 * - f) società di mutuo soccorso (artt. 42-44, law 3818/1886);
 * - g) altri enti del Terzo settore.
 *
 * An entity is registered in one section only, reti associative excepted
 * (art. 46 c.2). Public administrations, trade unions and the other bodies
 * art. 4 c.2 names are not Third Sector entities: their kinds map to no
 * section, and so do businesses, citizens and informal groups, which are not
 * entities that register.
 *
 * @since 0.2.0
 */
import * as Schema from "effect/Schema"
import type * as Actor from "./Actor.js"
import { literals } from "./internal/schema.js"
import type { Labels } from "./Label.js"

/**
 * Every section, in the order of art. 46 c.1 (letters a to g).
 *
 * @example
 * ```ts
 * import * as assert from "node:assert"
 * import { Runts } from "@welfare/core"
 *
 * assert.strictEqual(Runts.sections.length, 7)
 * assert.strictEqual(Runts.sections[0], "volunteer-organisations")
 * ```
 *
 * @category constants
 * @since 0.2.0
 */
export const sections = [
  "volunteer-organisations",
  "promotion-associations",
  "philanthropic-entities",
  "social-enterprises",
  "associative-networks",
  "mutual-aid-societies",
  "other-entities"
] as const

/**
 * A section of the RUNTS.
 *
 * @example
 * ```ts
 * import * as assert from "node:assert"
 * import { Schema } from "effect"
 * import { Runts } from "@welfare/core"
 *
 * assert.ok(Schema.is(Runts.Section)("social-enterprises"))
 * ```
 *
 * @category models
 * @since 0.2.0
 */
export const Section = literals(
  "RuntsSection",
  sections,
  "A section of the Third Sector register (RUNTS), art. 46 c.1 of d.lgs. 117/2017."
)

/**
 * A section of the RUNTS, as decoded.
 *
 * @example
 * ```ts
 * import * as assert from "node:assert"
 * import { Runts } from "@welfare/core"
 *
 * const section: Runts.Section = "promotion-associations"
 * assert.strictEqual(Runts.letters[section], "b")
 * ```
 *
 * @category models
 * @since 0.2.0
 */
export type Section = typeof Section.Type

/**
 * The letter of each section in art. 46 c.1.
 *
 * @example
 * ```ts
 * import * as assert from "node:assert"
 * import { Runts } from "@welfare/core"
 *
 * assert.strictEqual(Runts.letters["social-enterprises"], "d")
 * ```
 *
 * @category constants
 * @since 0.2.0
 */
export const letters: { readonly [S in Section]: "a" | "b" | "c" | "d" | "e" | "f" | "g" } = {
  "volunteer-organisations": "a",
  "promotion-associations": "b",
  "philanthropic-entities": "c",
  "social-enterprises": "d",
  "associative-networks": "e",
  "mutual-aid-societies": "f",
  "other-entities": "g"
}

/**
 * Italian and English labels of the sections, as art. 46 c.1 names them.
 *
 * @example
 * ```ts
 * import * as assert from "node:assert"
 * import { Runts } from "@welfare/core"
 *
 * assert.strictEqual(Runts.labels["volunteer-organisations"].it, "Organizzazioni di volontariato")
 * ```
 *
 * @category labels
 * @since 0.2.0
 */
export const labels: Labels<Section> = {
  "volunteer-organisations": { it: "Organizzazioni di volontariato", en: "Volunteer organisations" },
  "promotion-associations": { it: "Associazioni di promozione sociale", en: "Social promotion associations" },
  "philanthropic-entities": { it: "Enti filantropici", en: "Philanthropic entities" },
  "social-enterprises": {
    it: "Imprese sociali, incluse le cooperative sociali",
    en: "Social enterprises, social cooperatives included"
  },
  "associative-networks": { it: "Reti associative", en: "Associative networks" },
  "mutual-aid-societies": { it: "Società di mutuo soccorso", en: "Mutual aid societies" },
  "other-entities": { it: "Altri enti del Terzo settore", en: "Other Third Sector entities" }
}

/**
 * The sections each actor kind may be registered in, the likeliest first; an
 * empty list where the RUNTS does not apply.
 *
 * - a volunteer organisation is an ODV (a), a social or family promotion
 *   association an APS (b), a social cooperative a social enterprise (d);
 * - a foundation is a philanthropic entity when it grants money, goods or
 *   services (art. 37), else another entity (g);
 * - a social private body (privato sociale) is the kind for the Third Sector
 *   bodies the other kinds do not name: a second-level network such as a
 *   Third Sector forum (e), a mutual aid society (f) or another entity (g);
 * - an educational agency (an oratory, an after-school centre) is another
 *   entity (g), for a religious body through its registered branch (art. 4 c.3);
 * - local authorities, public institutions, schools and research bodies
 *   (public administrations) and trade unions are excluded by art. 4 c.2;
 *   businesses, citizens, informal networks and spontaneous groups are not
 *   entities that register.
 *
 * @example
 * ```ts
 * import * as assert from "node:assert"
 * import { Runts } from "@welfare/core"
 *
 * assert.deepStrictEqual(Runts.sectionsOfKind["social-private-body"], [
 *   "associative-networks",
 *   "mutual-aid-societies",
 *   "other-entities"
 * ])
 * ```
 *
 * @category constants
 * @since 0.2.0
 */
export const sectionsOfKind: { readonly [K in Actor.ActorKind]: ReadonlyArray<Section> } = {
  "local-authority": [],
  "public-institution": [],
  "social-private-body": ["associative-networks", "mutual-aid-societies", "other-entities"],
  "volunteer-organisation": ["volunteer-organisations"],
  "social-cooperative": ["social-enterprises"],
  "promotion-association": ["promotion-associations"],
  "informal-network": [],
  foundation: ["philanthropic-entities", "other-entities"],
  "school-culture-research": [],
  "educational-agency": ["other-entities"],
  business: [],
  "trade-union": [],
  citizen: [],
  "spontaneous-group": []
}

/**
 * The RUNTS sections an actor may be registered in, from its kind (art. 46
 * c.1 of d.lgs. 117/2017), the likeliest first; empty where the register does
 * not apply.
 *
 * @example
 * ```ts
 * import * as assert from "node:assert"
 * import { Runts } from "@welfare/core"
 *
 * assert.deepStrictEqual(Runts.sectionsOf({ kind: "social-cooperative" }), ["social-enterprises"])
 * assert.deepStrictEqual(Runts.sectionsOf({ kind: "foundation" }), ["philanthropic-entities", "other-entities"])
 * assert.deepStrictEqual(Runts.sectionsOf({ kind: "local-authority" }), [])
 * ```
 *
 * @category getters
 * @since 0.2.0
 */
export const sectionsOf = (actor: Pick<Actor.Actor, "kind">): ReadonlyArray<Section> =>
  sectionsOfKind[actor.kind]

/**
 * The one RUNTS section an actor kind maps to, when exactly one applies
 * (ODV, APS, social enterprise, another entity for an educational agency);
 * `undefined` when none or several do.
 *
 * @example
 * ```ts
 * import * as assert from "node:assert"
 * import { Runts } from "@welfare/core"
 *
 * assert.strictEqual(Runts.sectionOf({ kind: "volunteer-organisation" }), "volunteer-organisations")
 * assert.strictEqual(Runts.sectionOf({ kind: "foundation" }), undefined)
 * ```
 *
 * @category getters
 * @since 0.2.0
 */
export const sectionOf = (actor: Pick<Actor.Actor, "kind">): Section | undefined => {
  const candidates = sectionsOfKind[actor.kind]
  return candidates.length === 1 ? candidates[0] : undefined
}

/**
 * A section as the register writes it, with its letter and the article that
 * lists it: `art. 46 c.1 lett. a) d.lgs. 117/2017 — Organizzazioni di volontariato`.
 *
 * @example
 * ```ts
 * import * as assert from "node:assert"
 * import { Runts } from "@welfare/core"
 *
 * assert.strictEqual(
 *   Runts.cite("social-enterprises", "en"),
 *   "art. 46 c.1(d) d.lgs. 117/2017: Social enterprises, social cooperatives included"
 * )
 * ```
 *
 * @category formatting
 * @since 0.2.0
 */
export const cite = (section: Section, lang: "it" | "en"): string =>
  lang === "it"
    ? `art. 46 c.1 lett. ${letters[section]}) d.lgs. 117/2017: ${labels[section].it}`
    : `art. 46 c.1(${letters[section]}) d.lgs. 117/2017: ${labels[section].en}`

/**
 * Whether a value is a RUNTS section.
 *
 * @example
 * ```ts
 * import * as assert from "node:assert"
 * import { Runts } from "@welfare/core"
 *
 * assert.ok(Runts.isSection("other-entities"))
 * assert.ok(!Runts.isSection("onlus"))
 * ```
 *
 * @category predicates
 * @since 0.2.0
 */
export const isSection: (u: unknown) => u is Section = Schema.is(Section)
