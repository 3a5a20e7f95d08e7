/**
 * The full report of a territory: whatever parts exist (its actors, an
 * assessment profile, a comparison of two periods, indicator progress, a
 * published summary, the partnership network), as one {@link Report.ReportDocument}
 * ready for `renderHtml`, `renderMarkdown` or `renderJson`.
 *
 * @since 0.1.0
 */
import { Actor, type Label } from "@welfare/core"
import * as From from "./From.js"
import { formatNumber, of, type Str } from "./Labels.js"
import type { Block, ReportDocument, Section } from "./Report.js"
import type { Table } from "./View.js"

/**
 * The parts of a territory report; every part but the territory is optional.
 *
 * - `territory`: its name, municipalities and actors (and partnerships, for
 *   the network when `network` is absent);
 * - `profile`: an assessment profile (`Assessment.Profile`);
 * - `comparison`: two profiles compared (`Assessment.Comparison`) with the
 *   names of the two periods;
 * - `progress`: the progress of indicator assignments (`Progress.AssignmentProgress`);
 * - `summary`: a summary published with small counts suppressed (`Summary.Published`);
 * - `network`: the ties of the partnership network (`PartnershipNetwork.ties`);
 * - `indicatorLabel`: the display name of an indicator id;
 * - `date`: the date printed on the report (renderers never read the clock).
 *
 * @category models
 * @since 0.1.0
 */
export interface TerritoryReportInput {
  readonly territory: {
    readonly name: string
    readonly municipalities?: ReadonlyArray<unknown>
    readonly actors: ReadonlyArray<Pick<Actor.Actor, "id" | "kind"> & { readonly name?: string }>
    readonly partnerships?: ReadonlyArray<{ readonly members: ReadonlyArray<{ readonly actor: string }> }>
  }
  readonly profile?: From.ProfileLike
  readonly profileName?: Str
  readonly comparison?: { readonly comparison: From.ComparisonLike; readonly names: readonly [Str, Str] }
  readonly progress?: ReadonlyArray<From.AssignmentProgressLike>
  readonly summary?: From.PublishedLike
  readonly network?: ReadonlyArray<{ readonly actors: readonly [string, string]; readonly weight: number }>
  /** The display name of an indicator id (the id by default). */
  readonly indicatorLabel?: (indicator: string) => Str
  readonly date?: string
}

const both = (f: (lang: Label.Lang) => string): Label.Text => ({ it: f("it"), en: f("en") })

const actorsTable = (actors: TerritoryReportInput["territory"]["actors"]): Table => ({
  caption: both((l) => `${of("actors", l)}: ${of("sector", l).toLowerCase()}`),
  columns: [both((l) => of("sector", l)), both((l) => of("actors", l))],
  rows: Actor.sectors.map((s) => ({
    header: Actor.sectorLabels[s],
    cells: [actors.filter((a) => Actor.sectorOfKind[a.kind] === s).length]
  }))
})

/**
 * Builds the report of a territory from the parts given; sections appear only
 * for the parts present, in the order: territory, assessment, evaluation,
 * network.
 *
 * @example
 * ```ts
 * import * as assert from "node:assert"
 * import { renderHtml, territoryReport } from "@welfare/report"
 *
 * const doc = territoryReport(
 *   {
 *     territory: {
 *       name: "Ambito di Legnano",
 *       actors: [
 *         { id: "comune-legnano", kind: "local-authority", name: "Comune di Legnano" },
 *         { id: "coop-melograno", kind: "social-cooperative", name: "Cooperativa Sociale Il Melograno" }
 *       ] as any,
 *       partnerships: [{ members: [{ actor: "comune-legnano" }, { actor: "coop-melograno" }] }]
 *     }
 *   },
 *   { lang: "en" }
 * )
 * assert.deepStrictEqual(doc.sections.map((s) => s.id), ["territory", "network"])
 * assert.ok(renderHtml(doc).includes("Network of 2 actors and 1 links"))
 * ```
 *
 * @category constructors
 * @since 0.1.0
 */
export const territoryReport = (
  input: TerritoryReportInput,
  options: { readonly lang: Label.Lang }
): ReportDocument => {
  const t = input.territory
  const sections: Array<Section> = []
  const municipalities = t.municipalities?.length ?? 0
  sections.push({
    id: "territory",
    title: both((l) => (l === "it" ? "Il territorio" : "The territory")),
    blocks: [
      {
        kind: "facts",
        items: [
          { label: both((l) => (l === "it" ? "Comuni" : "Municipalities")), value: municipalities },
          { label: both((l) => of("actors", l)), value: t.actors.length }
        ]
      },
      { kind: "table", table: actorsTable(t.actors) }
    ]
  })
  const assessment: Array<Block> = []
  if (input.profile !== undefined) {
    assessment.push({
      kind: "facts",
      items: [
        { label: both((l) => of("overallIndex", l)), value: input.profile.index },
        { label: both((l) => of("class", l)), value: From.classLabel(input.profile.class) }
      ]
    })
    assessment.push({ kind: "radar", data: From.profile(input.profile, input.profileName ?? t.name) })
  }
  if (input.comparison !== undefined) {
    const c = input.comparison.comparison
    const [a, b] = input.comparison.names
    assessment.push({
      kind: "paragraph",
      text: both((l) => {
        const name = (s: Str) => (typeof s === "string" ? s : s[l])
        return l === "it"
          ? `Indice complessivo da ${formatNumber(c.index.from, l)} (${name(a)}) a ${formatNumber(c.index.to, l)} (${name(b)}); classe da «${From.classLabel(c.class.from).it}» a «${From.classLabel(c.class.to).it}».`
          : `Overall index from ${formatNumber(c.index.from, l)} (${name(a)}) to ${formatNumber(c.index.to, l)} (${name(b)}); class from "${From.classLabel(c.class.from).en}" to "${From.classLabel(c.class.to).en}".`
      })
    })
    assessment.push({ kind: "radar", data: From.comparison(c, input.comparison.names) })
  }
  if (assessment.length > 0)
    sections.push({ id: "assessment", title: both((l) => of("assessment", l)), blocks: assessment })
  const evaluation: Array<Block> = []
  const labelOf = input.indicatorLabel
  if (input.progress !== undefined && input.progress.length > 0)
    evaluation.push({
      kind: "progress",
      data: From.progress(input.progress, labelOf === undefined ? {} : { labelOf })
    })
  if (input.summary !== undefined)
    evaluation.push({
      kind: "table",
      table: From.summary(input.summary, labelOf === undefined ? {} : { labelOf })
    })
  if (evaluation.length > 0)
    sections.push({ id: "evaluation", title: both((l) => of("evaluation", l)), blocks: evaluation })
  const ties = input.network ?? (t.partnerships !== undefined ? From.ties(t.partnerships) : undefined)
  if (ties !== undefined)
    sections.push({
      id: "network",
      title: both((l) => of("network", l)),
      blocks: [{ kind: "network", data: From.network({ actors: t.actors, ties }) }]
    })
  return {
    lang: options.lang,
    title: both(
      (l) => `${t.name}: ${l === "it" ? "rapporto sul welfare generativo" : "generative welfare report"}`
    ),
    ...(input.date !== undefined ? { date: input.date } : {}),
    sections
  }
}
