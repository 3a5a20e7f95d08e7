/**
 * Adapters from the models of `@welfare/core` to the view models of
 * {@link View}. They read values structurally (only the fields they show), so
 * they accept the core's `Assessment.Profile`, `Assessment.Comparison`,
 * `Progress.AssignmentProgress`, `Published.Published` and territories, and any
 * value of the same shape.
 *
 * @since 0.1.0
 */
import { Actor, Dimension, type Label, type Published, Rubric } from "@welfare/core"
import { of, type Str } from "./Labels.js"
import type { Cell, Count, NetworkView, ProgressBars, RadarData, Table } from "./View.js"

/**
 * What a radar reads from a profile: a position in `[0, 1]` per dimension,
 * undefined where the dimension is not observed (the core's
 * `Assessment.Profile` and `TerritoryAssessment.TerritoryProfile`); and, when
 * the profile has them, its coverage and depth.
 *
 * @category models
 * @since 0.1.0
 */
export interface ProfileLike {
  readonly dimensions: {
    readonly [D in Dimension.Dimension]: {
      readonly position: number | undefined
      readonly coverage?: number
      readonly depth?: number
    }
  }
  readonly index: number | undefined
  readonly class: string
  readonly coverage?: number
  readonly depth?: number
}

/**
 * What a comparison radar reads from a comparison of two profiles (the core's
 * `Assessment.Comparison`).
 *
 * @category models
 * @since 0.1.0
 */
export interface ComparisonLike {
  readonly dimensions: {
    readonly [D in Dimension.Dimension]: {
      readonly from: number | undefined
      readonly to: number | undefined
    }
  }
  readonly index: {
    readonly from: number | undefined
    readonly to: number | undefined
    readonly delta: number | undefined
  }
  readonly class: { readonly from: string; readonly to: string }
}

/**
 * The seven dimensions of seed 000 as radar axes, with core's labels.
 *
 * @category constructors
 * @since 0.1.0
 */
export const dimensionAxes = (): RadarData["axes"] =>
  Dimension.values.map((d) => ({ key: d, label: Dimension.labels[d] }))

/**
 * The radar of one profile. An unobserved dimension has no value (`null`): it
 * is left out of the polygon and said "not observed", never drawn as 0.5.
 *
 * @example
 * ```ts
 * import * as assert from "node:assert"
 * import { Dimension } from "@welfare/core"
 * import { From } from "@welfare/report"
 *
 * const dimensions = Object.fromEntries(Dimension.values.map((d, i) => [d, { position: i / 6 }]))
 * const radar = From.profile({ dimensions, index: 0.5, class: "transitional" } as From.ProfileLike, "Legnano 2024")
 * assert.strictEqual(radar.axes.length, 7)
 * assert.strictEqual(radar.axes[0]?.key, "reference-model")
 * assert.strictEqual(radar.series[0]?.values[6], 1)
 * ```
 *
 * @category rendering
 * @since 0.1.0
 */
export const profile = (p: ProfileLike, name: Str, title?: Str): RadarData => ({
  title: title ?? { it: of("radarTitle", "it"), en: of("radarTitle", "en") },
  axes: dimensionAxes(),
  series: [{ name, values: Dimension.values.map((d) => p.dimensions?.[d]?.position ?? null) }]
})

/**
 * The radar of a comparison: the two profiles overlaid (`names` of the "from"
 * and "to" profiles, for example two periods).
 *
 * @category rendering
 * @since 0.1.0
 */
export const comparison = (c: ComparisonLike, names: readonly [Str, Str], title?: Str): RadarData => ({
  title: title ?? { it: of("comparisonTitle", "it"), en: of("comparisonTitle", "en") },
  axes: dimensionAxes(),
  series: [
    { name: names[0], values: Dimension.values.map((d) => c.dimensions?.[d]?.from ?? null) },
    { name: names[1], values: Dimension.values.map((d) => c.dimensions?.[d]?.to ?? null) }
  ]
})

/**
 * What a progress bar reads from an assignment's progress (the core's
 * `Progress.AssignmentProgress`): the share of the target reached in its
 * latest period with a share.
 *
 * @category models
 * @since 0.1.0
 */
export interface AssignmentProgressLike {
  readonly assignment: string
  readonly indicator: string
  readonly periods: ReadonlyArray<{
    readonly period: { readonly start: string; readonly end: string }
    readonly share?: number
    readonly status: string
  }>
}

/**
 * Bars of indicator progress: one per assignment, the share of its latest
 * period (or of `period`, an ISO interval `start/end`), labelled with
 * `labelOf(indicatorId)` (the id by default); the note names the period and
 * the status.
 *
 * @category rendering
 * @since 0.1.0
 */
export const progress = (
  items: ReadonlyArray<AssignmentProgressLike>,
  options: {
    readonly title?: Str
    readonly period?: string
    readonly labelOf?: (indicator: string) => Str
    readonly statusOf?: (status: string) => Str
  } = {}
): ProgressBars => ({
  title: options.title ?? { it: of("progressTitle", "it"), en: of("progressTitle", "en") },
  bars: items.map((a) => {
    const periods = a.periods.filter((p) =>
      options.period === undefined ? true : `${p.period.start}/${p.period.end}` === options.period
    )
    const last = [...periods].reverse().find((p) => p.share !== undefined) ?? periods[periods.length - 1]
    const status = last === undefined ? undefined : (options.statusOf?.(last.status) ?? last.status)
    return {
      key: a.assignment,
      label: options.labelOf?.(a.indicator) ?? a.indicator,
      value: last?.share ?? null,
      ...(last === undefined
        ? {}
        : {
            note:
              status === undefined || typeof status === "string"
                ? `${last.period.start}/${last.period.end}${status === undefined ? "" : ` · ${status}`}`
                : {
                    it: `${last.period.start}/${last.period.end} · ${status.it}`,
                    en: `${last.period.start}/${last.period.end} · ${status.en}`
                  }
          })
    }
  })
})

/**
 * A table of a published summary: one row per indicator, period and
 * municipality, with its measurements and persons. A suppressed cell shows
 * "< 5" for persons (or "hidden to protect another cell" when it was hidden
 * as a complement) and "n.d." for measurements (which would let a reader
 * recompute it); a cell not about persons shows "n.d." for persons.
 *
 * @category rendering
 * @since 0.1.0
 */
export const summary = (
  published: Published.Published,
  options: { readonly title?: Str; readonly labelOf?: (indicator: string) => Str } = {}
): Table => {
  const threshold = Number.isFinite(published.threshold) ? published.threshold : 5
  const suppressed = (hidden: Published.Hidden): Count =>
    hidden === "small"
      ? { _tag: "Count", value: null, threshold }
      : { _tag: "Count", value: null, threshold, hidden: "complementary" }
  const keys = Object.keys(published.cells ?? {}).sort()
  return {
    caption: options.title ?? { it: "Sintesi delle misurazioni", en: "Summary of measurements" },
    columns: [
      { it: "Indicatore", en: "Indicator" },
      { it: "Periodo", en: "Period" },
      { it: "Comune", en: "Municipality" },
      { it: "Misurazioni", en: "Measurements" },
      { it: "Persone", en: "Persons" }
    ],
    rows: keys.map((k) => {
      const c = published.cells[k]!
      const cells: Array<Cell> = [
        `${c.period.start}/${c.period.end}`,
        c.municipality ?? "—",
        ...(c.suppressed
          ? [null, suppressed(c.hidden)]
          : [c.count, c.personCounted > 0 ? ({ _tag: "Count", value: c.persons, threshold } as Count) : null])
      ]
      return { header: options.labelOf?.(c.indicator) ?? c.indicator, cells }
    })
  }
}

/**
 * The network view of actors and the ties between them (the core's
 * `PartnershipNetwork.ties`, or {@link ties}): nodes labelled with the actor's
 * name (a citizen by its pseudonymous id only), in the sector of its kind.
 *
 * @category rendering
 * @since 0.1.0
 */
export const network = (
  input: {
    readonly actors: ReadonlyArray<Pick<Actor.Actor, "id" | "kind"> & { readonly name?: string }>
    readonly ties: ReadonlyArray<{ readonly actors: readonly [string, string]; readonly weight: number }>
  },
  title?: Str
): NetworkView => ({
  title: title ?? { it: of("networkTitle", "it"), en: of("networkTitle", "en") },
  nodes: input.actors.map((a) => ({
    id: a.id,
    label: a.kind === "citizen" || a.name === undefined ? a.id : a.name,
    sector: Actor.sectorOfKind[a.kind] ?? "community"
  })),
  edges: input.ties.map((t) => ({ source: t.actors[0], target: t.actors[1], weight: t.weight }))
})

/**
 * The ties of partnerships: two actors are tied when they are members of the
 * same partnership, with a weight equal to how many they share (the rule of
 * the core's `PartnershipNetwork`), in id order.
 *
 * @example
 * ```ts
 * import * as assert from "node:assert"
 * import { From } from "@welfare/report"
 *
 * const table = (...ids: Array<string>) => ({ members: ids.map((actor) => ({ actor })) })
 * assert.deepStrictEqual(From.ties([table("a", "b", "c"), table("b", "a")]), [
 *   { actors: ["a", "b"], weight: 2 },
 *   { actors: ["a", "c"], weight: 1 },
 *   { actors: ["b", "c"], weight: 1 }
 * ])
 * ```
 *
 * @category rendering
 * @since 0.1.0
 */
export const ties = (
  partnerships: ReadonlyArray<{ readonly members: ReadonlyArray<{ readonly actor: string }> }>
): Array<{ readonly actors: readonly [string, string]; readonly weight: number }> => {
  const weights = new Map<string, { actors: readonly [string, string]; weight: number }>()
  for (const p of partnerships) {
    const ids = [...new Set(p.members.map((m) => m.actor))].sort()
    for (let i = 0; i < ids.length; i++)
      for (let j = i + 1; j < ids.length; j++) {
        const key = `${ids[i]}\u0000${ids[j]}`
        const found = weights.get(key)
        if (found === undefined) weights.set(key, { actors: [ids[i]!, ids[j]!], weight: 1 })
        else found.weight++
      }
  }
  return [...weights.entries()].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)).map(([, v]) => v)
}

/**
 * The label of a verdict of the rubric (insufficient evidence, traditional,
 * transitional, generative), from core's `Rubric.verdictLabels`; an unknown
 * class is shown as it is.
 *
 * @example
 * ```ts
 * import * as assert from "node:assert"
 * import { From } from "@welfare/report"
 *
 * assert.strictEqual(From.classLabel("insufficient-evidence").it, "Evidenze insufficienti")
 * ```
 *
 * @category labels
 * @since 0.1.0
 */
export const classLabel = (c: string): Label.Text =>
  (Rubric.verdictLabels as { readonly [k: string]: Label.Text })[c] ?? { it: c, en: c }
