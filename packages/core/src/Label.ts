/**
 * Bilingual labels: every user-facing word of the library exists in Italian and English.
 *
 * Each module keeps one `labels` table for its enumerated values, typed as
 * `Labels<K>` so that a value without a label is a compile error.
 *
 * @since 0.1.0
 */

/**
 * The languages every label exists in: Italian (`it`), the language of the seed
 * documents and of practitioners, and English (`en`).
 *
 * @category models
 * @since 0.1.0
 */
export type Lang = "it" | "en"

/**
 * Every language a label must exist in, in display order.
 *
 * @category constants
 * @since 0.1.0
 */
export const langs: ReadonlyArray<Lang> = ["it", "en"]

/**
 * A text in both languages.
 *
 * @category models
 * @since 0.1.0
 */
export interface Text {
  readonly it: string
  readonly en: string
}

/**
 * A label table: one bilingual text for each value of `K`. A missing key is a
 * compile error.
 *
 * @example
 * ```ts
 * import * as assert from "node:assert"
 * import { Label } from "@welfare/core"
 *
 * const colours: Label.Labels<"red" | "green"> = {
 *   red: { it: "rosso", en: "red" },
 *   green: { it: "verde", en: "green" }
 * }
 * assert.strictEqual(Label.of(colours, "green", "it"), "verde")
 * ```
 *
 * @category models
 * @since 0.1.0
 */
export type Labels<K extends string> = { readonly [k in K]: Text }

/**
 * Reads the label of `key` in `lang` from a label table.
 *
 * @example
 * ```ts
 * import * as assert from "node:assert"
 * import { Actor, Label } from "@welfare/core"
 *
 * assert.strictEqual(Label.of(Actor.kindLabels, "social-cooperative", "it"), "Cooperativa sociale")
 * ```
 *
 * @category getters
 * @since 0.1.0
 */
export const of = <K extends string>(labels: Labels<K>, key: K, lang: Lang): string => labels[key][lang]
