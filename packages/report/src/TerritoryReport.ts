/**
 * The full report of a territory: whatever parts exist (its actors, an
 * assessment profile, a comparison of two periods, indicator progress, a
 * published summary, the partnership network) and, given an
 * {@link Analysis.TerritoryAnalysis}, the explanation a planning office can
 * share: every dimension with the evidence behind it, every intervention with
 * its class, the recommendations, the checklists of seeds 001, 002 and 004,
 * the system reading, the network's brokers, needs and taking charge (counts
 * only, small counts suppressed), the co-design audits and the shared
 * evaluation with the Pact's accounts. One {@link Report.ReportDocument},
 * ready for `renderHtml`, `renderMarkdown` or `renderJson`.
 *
 * @since 0.1.0
 */
import { type Actor, type Label, type Ledger, type Published, Rubric } from "@welfare/core"
import type * as Analysis from "./Analysis.js"
import * as From from "./From.js"
import { appendixSection } from "./internal/territory/appendix.js"
import { coDesignSection } from "./internal/territory/codesign.js"
import { contradictionsSection } from "./internal/territory/contradictions.js"
import { dimensionsSection } from "./internal/territory/dimensions.js"
import { evaluationSection } from "./internal/territory/evaluation.js"
import { interventionsSection } from "./internal/territory/interventions.js"
import { maturitySection } from "./internal/territory/maturity.js"
import { needsSection } from "./internal/territory/needs.js"
import { networkSection } from "./internal/territory/network.js"
import { both, isTerritoryProfile, namesOf, t } from "./internal/territory/shared.js"
import { comparisonBlocks, summarySection } from "./internal/territory/summary.js"
import { systemSection } from "./internal/territory/system.js"
import { territorySection } from "./internal/territory/territory.js"
import { of, type Str } from "./Labels.js"
import { ledgerSection } from "./LedgerSection.js"
import type { ReportDocument, Section } from "./Report.js"

/**
 * The parts of a territory report; every part but the territory is optional.
 *
 * - `territory`: its name, municipalities (with their names) and actors
 *   (and partnerships, for the network when `network` is absent; charter,
 *   interventions and indicators, for the names of projects, interventions
 *   and indicators);
 * - `analysis`: what {@link Analysis.analyse} computed: with it the report
 *   explains the assessment, the network, needs and taking charge, co-design
 *   and the shared evaluation;
 * - `profile`: an assessment profile (`Assessment.Profile` or
 *   `TerritoryAssessment.TerritoryProfile`; the analysis's by default);
 * - `comparison`: two profiles compared (`Assessment.Comparison`) with the
 *   names of the two periods;
 * - `progress`: the progress of indicator assignments (`Progress.AssignmentProgress`);
 * - `summary`: a summary published with small counts suppressed (`Published.Published`);
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
    readonly partnerships?: ReadonlyArray<{
      readonly id?: string
      readonly name?: string
      readonly members: ReadonlyArray<{ readonly actor: string }>
    }>
    readonly charter?: { readonly projects: ReadonlyArray<{ readonly id: string; readonly title: string }> }
    readonly interventions?: ReadonlyArray<{ readonly id: string; readonly name?: string }>
    readonly indicators?: ReadonlyArray<{ readonly id: string; readonly label: Label.Text }>
    /** The taking-charge events, read only for their case ids, which are never shown. */
    readonly takingCharge?: ReadonlyArray<{ readonly caseId: string }>
    /** The per-person ledger of the taking-charge paths (social counterpart and 5R, `Ledger`). */
    readonly ledger?: ReadonlyArray<Ledger.Entry>
  }
  readonly analysis?: Analysis.TerritoryAnalysis
  readonly profile?: From.ProfileLike
  readonly profileName?: Str
  readonly comparison?: { readonly comparison: From.ComparisonLike; readonly names: readonly [Str, Str] }
  readonly progress?: ReadonlyArray<From.AssignmentProgressLike>
  readonly summary?: Published.Published
  readonly network?: ReadonlyArray<{ readonly actors: readonly [string, string]; readonly weight: number }>
  /** The display name of an indicator id (the id by default). */
  readonly indicatorLabel?: (indicator: string) => Str
  readonly date?: string
}

/**
 * Builds the report of a territory from the parts given. With an
 * {@link Analysis.TerritoryAnalysis} (`analysis`), the sections are: at a
 * glance (index, class, radar), the territory, the seven dimensions
 * explained, the interventions and recommendations, the system reading, the
 * maturity checklists, the network, needs and taking charge, co-design, and
 * the shared evaluation. Without it, sections appear only for the parts
 * present. Persons never appear but as counts, small counts suppressed.
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
  const ter = input.territory
  const a = input.analysis
  const names = namesOf(input)
  const profile: From.ProfileLike | undefined = input.profile ?? a?.profile
  const tp = isTerritoryProfile(profile) ? profile : undefined
  const sections: Array<Section> = []
  const summary = summarySection(input, profile, a, names)
  if (summary !== undefined) {
    sections.push({ ...summary, blocks: [...summary.blocks, ...comparisonBlocks(input)] })
  }
  sections.push(territorySection(input, names))
  if (summary === undefined && input.comparison !== undefined)
    sections.push({
      id: "assessment",
      title: both((l) => of("assessment", l)),
      blocks: comparisonBlocks(input)
    })
  const rubric = a?.rubric ?? Rubric.defaultRubric
  if (tp !== undefined) sections.push(dimensionsSection(tp, rubric))
  if (a !== undefined && a.interventions.length > 0) sections.push(interventionsSection(a, names))
  if (tp !== undefined) {
    const contradictions = contradictionsSection(tp, names)
    if (contradictions !== undefined) sections.push(contradictions)
    sections.push(systemSection(tp, names), maturitySection(tp, names))
  }
  const ties = input.network ?? (ter.partnerships !== undefined ? From.ties(ter.partnerships) : undefined)
  const network = networkSection(input, a, ties, names)
  if (network !== undefined) sections.push(network)
  if (a !== undefined) {
    const needs = needsSection(a)
    if (needs !== undefined) sections.push(needs)
    const coDesign = coDesignSection(a, names)
    if (coDesign !== undefined) sections.push(coDesign)
  }
  const evaluation = evaluationSection(input, a, names)
  if (evaluation !== undefined) sections.push(evaluation)
  const ledger = ledgerSection(ter, a?.disclosure)
  if (ledger !== undefined) sections.push(ledger)
  if (profile !== undefined) sections.push(appendixSection(rubric))
  return {
    lang: options.lang,
    title: both(
      (l) => `${ter.name}: ${l === "it" ? "rapporto sul welfare generativo" : "generative welfare report"}`
    ),
    ...(a === undefined
      ? {}
      : {
          subtitle: t(
            "Valutazione spiegata del territorio, della sua rete e della valutazione condivisa",
            "An explained assessment of the territory, its network and its shared evaluation"
          )
        }),
    ...(input.date !== undefined ? { date: input.date } : {}),
    sections,
    notes: [
      t(
        "Le fonti citano i documenti di base (semi) per file e riga: seme 000 (le sette dimensioni), 001 (le sette mosse), 002 (welfare di comunità), 003 (Cremona), 004 (Legnano).",
        "Sources cite the seed documents by file and row: seed 000 (the seven dimensions), 001 (the seven moves), 002 (community welfare), 003 (Cremona), 004 (Legnano)."
      ),
      t(
        "Le persone compaiono solo come conteggi: nessun nome, nessun identificativo personale.",
        "Persons appear only as counts: no name, no personal identifier."
      )
    ]
  }
}
