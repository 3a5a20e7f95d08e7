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
import {
  Actor,
  CoDesign,
  Derivation,
  Dimension,
  Indicator,
  type Label,
  type Ledger,
  Need,
  Partnership,
  PolicyArea,
  Progress,
  type Published,
  Requirement,
  Resource,
  Rubric,
  type Sensitivity,
  TakingCharge,
  TerritoryAssessment,
  Trait
} from "@welfare/core"
import type * as Analysis from "./Analysis.js"
import * as From from "./From.js"
import { figureIds } from "./internal/figures.js"
import { formatNumber, formatPercent, of, type Str, text } from "./Labels.js"
import { ledgerSection } from "./LedgerSection.js"
import type { Block, ReportDocument, Section } from "./Report.js"
import { type Cell, type Count, count, percent, type Row, type Table } from "./View.js"

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

type Text = Label.Text
const t = (it: string, en: string): Text => ({ it, en })
const both = (f: (lang: Label.Lang) => string): Text => ({ it: f("it"), en: f("en") })
const num = (x: number, l: Label.Lang) => formatNumber(x, l)
const signed = (x: number, l: Label.Lang) => `${x > 0 ? "+" : ""}${formatNumber(x, l)}`
const yesNo = (b: boolean): Text => (b ? t("✓\u00a0sì", "✓\u00a0yes") : t("✗\u00a0no", "✗\u00a0no"))

/** "seme 000, riga 9" / "seed 000, row 9" from a seed file name and row. */
const seedRef = (source: { readonly file: string; readonly row: number }): Text => {
  const file = source.file.slice(0, 3)
  return t(
    `seme\u00a0${file},\u00a0riga\u00a0${source.row}`,
    `seed\u00a0${file},\u00a0row\u00a0${source.row}`
  )
}

/** Translates a source written as "seed 001, rows 35-37" into Italian. */
const sourceText = (source: string): Text =>
  t(
    source
      .replace(/\bseed\b/g, "seme")
      .replace(/\brows\b/g, "righe")
      .replace(/\brow\b/g, "riga"),
    source
  )

/** A period: its year when it is a whole calendar year, else its two dates. */
const periodText = (p: { readonly start: string; readonly end: string }): string =>
  /^\d{4}-01-01$/.test(p.start) && p.end === `${p.start.slice(0, 4)}-12-31`
    ? p.start.slice(0, 4)
    : `${p.start}\u00a0–\u00a0${p.end}`

/** Names of everything a report may mention by id; persons are never named. */
interface Names {
  readonly actor: (id: string) => Str
  readonly municipality: (id: string) => Str
  readonly example: (id: string) => Str
  readonly intervention: (id: string) => Str
  readonly project: (id: string) => Str
  readonly indicator: (id: string) => Str
  /** Whether an id is a taking-charge case (never shown: counted only). */
  readonly isCase: (id: string) => boolean
}

const personLabel = t("una persona (pseudonimo)", "a person (pseudonymous)")

const namesOf = (input: TerritoryReportInput): Names => {
  const ter = input.territory
  const actors = new Map<string, Str>()
  const persons = new Set<string>()
  for (const a of ter.actors) {
    if (a.kind === "citizen") persons.add(a.id)
    else if (!actors.has(a.id)) actors.set(a.id, a.name ?? a.id)
  }
  const municipalities = new Map<string, string>()
  for (const m of ter.municipalities ?? []) {
    const x = m as { readonly id?: unknown; readonly name?: unknown }
    if (typeof x?.id === "string" && typeof x.name === "string") municipalities.set(x.id, x.name)
  }
  const interventions = new Map<string, string>()
  for (const i of ter.interventions ?? []) interventions.set(i.id, i.name ?? i.id)
  for (const i of input.analysis?.interventions ?? [])
    if (i.name !== undefined) interventions.set(i.id, i.name)
  const partnerships = new Map<string, string>()
  for (const p of ter.partnerships ?? []) if (p.id !== undefined) partnerships.set(p.id, p.name ?? p.id)
  const projects = new Map((ter.charter?.projects ?? []).map((p) => [p.id, p.title]))
  const indicators = new Map<string, Str>((ter.indicators ?? []).map((d) => [d.id, d.label]))
  const cases = new Set((ter.takingCharge ?? []).map((e) => e.caseId as string))
  const actor = (id: string): Str => (persons.has(id) ? personLabel : (actors.get(id) ?? id))
  const policyAreas = PolicyArea.labels as { readonly [k: string]: Text }
  const sectors = Actor.sectorLabels as { readonly [k: string]: Text }
  return {
    actor,
    municipality: (id) => municipalities.get(id) ?? id,
    intervention: (id) => interventions.get(id) ?? id,
    project: (id) => projects.get(id) ?? id,
    indicator: (id) => input.indicatorLabel?.(id) ?? indicators.get(id) ?? id,
    isCase: (id) => cases.has(id) || id.startsWith("case-"),
    example: (id) =>
      persons.has(id)
        ? personLabel
        : (interventions.get(id) ??
          partnerships.get(id) ??
          actors.get(id) ??
          sectors[id] ??
          policyAreas[id] ??
          projects.get(id) ??
          id)
  }
}

const join = (items: ReadonlyArray<Str>, l: Label.Lang, sep = ", "): string =>
  items.map((s) => text(s, l)).join(sep)

const list = (items: ReadonlyArray<Str>): Str => both((l) => join(items, l))

/**
 * A count of persons as the whole document's disclosure decision says
 * (`Analysis.TerritoryAnalysis.disclosure`): shown, hidden as small ("< 5"),
 * or hidden to protect another figure. Without an analysis, the count alone
 * is checked against the default threshold.
 */
const personCount = (a: Analysis.TerritoryAnalysis | undefined, id: string, value: number): Count => {
  const d = a?.disclosure
  if (d === undefined) return count(value)
  const status = d.status[id]
  if (status === undefined) return count(value, d.threshold)
  return status === "visible"
    ? { _tag: "Count", value, threshold: d.threshold }
    : status === "small"
      ? { _tag: "Count", value: null, threshold: d.threshold }
      : { _tag: "Count", value: null, threshold: d.threshold, hidden: "complementary" }
}

const isTerritoryProfile = (p: unknown): p is TerritoryAssessment.TerritoryProfile =>
  typeof p === "object" && p !== null && "traits" in p && "system" in p && "moves" in p

const table = (caption: Str, columns: ReadonlyArray<Str>, rows: ReadonlyArray<Row>): Table => ({
  caption,
  columns,
  rows
})

// ---------------------------------------------------------------------------
// sections

const actorsTable = (actors: TerritoryReportInput["territory"]["actors"]): Table => ({
  caption: t("Organizzazioni, reti e gruppi per settore", "Organisations, networks and groups by sector"),
  columns: [both((l) => of("sector", l)), both((l) => of("actors", l))],
  rows: Actor.sectors.map((s) => ({
    header: Actor.sectorLabels[s],
    cells: [actors.filter((a) => a.kind !== "citizen" && Actor.sectorOfKind[a.kind] === s).length]
  }))
})

/** An index, or "no dimension observed" (never 0.5). */
const indexCell = (x: number | undefined): Cell =>
  x === undefined ? t("nessuna dimensione osservata", "no dimension observed") : x

/** A position, or "not observed" (never a number). */
const positionCell = (x: number | undefined): Cell => (x === undefined ? notObserved : x)

const notObserved = t("non osservata", "not observed")

const numOr = (x: number | undefined, l: Label.Lang): string =>
  x === undefined ? (l === "it" ? "n.d." : "n/a") : num(x, l)

const pct = (x: number, l: Label.Lang): string => formatPercent(x, l)

/** "robust (97% of 1,000 draws; index 0.41 to 0.55)". */
const sensitivityText = (s: Sensitivity.Sensitivity | undefined): Text =>
  s === undefined
    ? t("non calcolata", "not computed")
    : both((l) => {
        const range =
          s.index.p05 === undefined || s.index.p95 === undefined
            ? ""
            : `; p05–p95 ${num(s.index.p05, l)}–${num(s.index.p95, l)}`
        return l === "it"
          ? `${s.robust ? "robusto" : "fragile"}: stesso verdetto in ${pct(s.stability, l)} di ${s.draws} estrazioni${range}`
          : `${s.robust ? "robust" : "fragile"}: same verdict in ${pct(s.stability, l)} of ${s.draws} draws${range}`
      })

const verdictText = (c: string): Text => From.classLabel(c)

const summarySection = (
  input: TerritoryReportInput,
  profile: From.ProfileLike | undefined,
  a: Analysis.TerritoryAnalysis | undefined,
  names: Names
): Section | undefined => {
  if (profile === undefined) return undefined
  const blocks: Array<Block> = []
  const tp = isTerritoryProfile(profile) ? profile : undefined
  blocks.push({
    kind: "paragraph",
    text: t(
      "Questo rapporto colloca il territorio sulle sette dimensioni del welfare generativo (seme 000): 0 è il polo tradizionale, 1 il polo generativo. Ogni posizione è spiegata con i tratti osservati negli interventi, con le parole dei semi e la riga da cui vengono. Accanto a ogni punteggio c'è la sua copertura (quanta parte delle evidenze possibili è registrata): una dimensione senza evidenze è «non osservata», mai un numero, e con poca copertura il verdetto è «evidenze insufficienti».",
      'This report places the territory on the seven dimensions of generative welfare (seed 000): 0 is the traditional pole, 1 the generative pole. Every position is explained by the traits observed in the interventions, in the seeds\' own words and with the row they come from. Beside every score is its coverage (how much of the possible evidence is recorded): a dimension without evidence is "not observed", never a number, and with little coverage the verdict is "insufficient evidence".'
    )
  })
  const findings =
    a === undefined
      ? undefined
      : a.coDesigns.reduce((n, p) => n + p.findings.length, 0) +
        a.accountability.reduce((n, r) => n + r.findings.length, 0) +
        (tp?.contradictions.length ?? 0)
  blocks.push({
    kind: "facts",
    items: [
      { label: t("Verdetto", "Verdict"), value: verdictText(profile.class) },
      { label: both((l) => of("overallIndex", l)), value: indexCell(profile.index) },
      ...(profile.coverage === undefined
        ? []
        : [{ label: t("Copertura delle evidenze", "Evidence coverage"), value: percent(profile.coverage) }]),
      ...(profile.depth === undefined
        ? []
        : [{ label: t("Profondità generativa", "Generative depth"), value: percent(profile.depth) }]),
      ...(tp === undefined
        ? []
        : [{ label: t("Interventi valutati", "Interventions assessed"), value: tp.interventions.length }]),
      ...(findings === undefined ? [] : [{ label: t("Criticità rilevate", "Findings"), value: findings }])
    ]
  })
  if (tp !== undefined) {
    blocks.push({
      kind: "heading",
      text: t("Le due letture, fianco a fianco", "The two readings, side by side")
    })
    blocks.push({
      kind: "table",
      table: table(
        t(
          "Lettura degli interventi e lettura di sistema",
          "The interventions' reading and the system reading"
        ),
        [
          t("Lettura", "Reading"),
          t("Indice", "Index"),
          t("Verdetto", "Verdict"),
          t("Copertura", "Coverage"),
          t("Profondità", "Depth"),
          t("Sensibilità alle scelte editoriali", "Sensitivity to the editorial choices")
        ],
        [
          {
            header: t("Lettura degli interventi (seme 000)", "Interventions' reading (seed 000)"),
            cells: [
              indexCell(tp.interventionIndex),
              verdictText(tp.interventionClass),
              percent(tp.coverage),
              percent(tp.depth),
              sensitivityText(a?.sensitivity)
            ]
          },
          {
            header: t("Lettura di sistema (seme 003, riga 24)", "System reading (seed 003, row 24)"),
            cells: [tp.systemIndex, verdictText(tp.systemClass), "—", "—", "—"]
          },
          {
            header: t("Territorio", "Territory"),
            cells: [indexCell(tp.index), verdictText(tp.class), "—", "—", "—"]
          }
        ]
      )
    })
    blocks.push({
      kind: "paragraph",
      text: both((l) => {
        const c = text(verdictText(tp.class), l).toLowerCase()
        const ic = text(verdictText(tp.interventionClass), l).toLowerCase()
        const sc = text(verdictText(tp.systemClass), l).toLowerCase()
        const base =
          l === "it"
            ? `Il verdetto del territorio è «${c}». La lettura degli interventi (${numOr(tp.interventionIndex, l)}, «${ic}», copertura ${pct(tp.coverage, l)}, profondità ${pct(tp.depth, l)}) e la lettura di sistema (${num(tp.systemIndex, l)}, «${sc}») restano entrambe visibili: nessuna cancella l'altra. Il verdetto è quello degli interventi, ma la classe generativa richiede che anche il sistema lo sia: «la generatività è una dimensione del sistema e non l'esito del singolo intervento» (seme 003, riga 24; invariante 6). L'indice del territorio è la media delle due letture (scelta editoriale).`
            : `The territory's verdict is "${c}". The interventions' reading (${numOr(tp.interventionIndex, l)}, "${ic}", coverage ${pct(tp.coverage, l)}, depth ${pct(tp.depth, l)}) and the system reading (${num(tp.systemIndex, l)}, "${sc}") both stay visible: neither erases the other. The verdict is the interventions', but the generative class needs the system to be generative too: generativity is a property of the system, not the outcome of a single intervention (seed 003, row 24; invariant 6). The territory's index is the mean of the two readings (an editorial choice).`
        const capped = tp.capped
          ? l === "it"
            ? ` Qui gli interventi si leggono generativi ma la rete no: la classe è limitata a «in transizione».`
            : ` Here the interventions read as generative but the network does not: the class is capped at "transitional".`
          : tp.class === "insufficient-evidence"
            ? l === "it"
              ? ` Le evidenze registrate sugli interventi sono troppo poche per dare una classe: servono più fatti o più registrazioni.`
              : ` The evidence recorded on the interventions is too little to give a class: more facts or more records are needed.`
            : ""
        return base + capped
      })
    })
    if (tp.explanation !== undefined) blocks.push({ kind: "paragraph", text: tp.explanation })
  }
  blocks.push({
    kind: "radar",
    data: From.profile(profile, input.profileName ?? input.territory.name)
  })
  if (Dimension.values.some((d) => profile.dimensions[d]?.position === undefined))
    blocks.push({
      kind: "paragraph",
      text: both((l) =>
        l === "it"
          ? `Dimensioni non osservate (fuori dal grafico e dall'indice, non 0,5): ${Dimension.values
              .filter((d) => profile.dimensions[d]?.position === undefined)
              .map((d) => Dimension.labels[d].it)
              .join(", ")}.`
          : `Dimensions not observed (left out of the chart and of the index, not 0.5): ${Dimension.values
              .filter((d) => profile.dimensions[d]?.position === undefined)
              .map((d) => Dimension.labels[d].en)
              .join(", ")}.`
      )
    })
  const first = a?.recommendations[0]
  if (first !== undefined)
    blocks.push({
      kind: "paragraph",
      text: both((l) =>
        l === "it"
          ? `Il primo passo raccomandato, per le priorità dei semi: «${first.change.it}» per ${text(names.intervention(first.intervention), l)} (+${num(first.gain, l)} sul suo indice, +${num(first.depthGain, l)} sulla profondità; ${seedRef(first.whySource).it}). Le altre raccomandazioni sono nella sezione sugli interventi.`
          : `The first recommended step, by the seeds' priorities: "${first.change.en}" for ${text(names.intervention(first.intervention), l)} (+${num(first.gain, l)} on its index, +${num(first.depthGain, l)} on depth; ${seedRef(first.whySource).en}). The other recommendations are in the section on interventions.`
      )
    })
  return { id: "summary", title: t("In breve", "At a glance"), blocks }
}

const territorySection = (input: TerritoryReportInput, names: Names): Section => {
  const ter = input.territory
  const citizens = ter.actors.filter((a) => a.kind === "citizen").length
  const organisations = ter.actors.length - citizens
  const munis = (ter.municipalities ?? []).flatMap((m) => {
    const x = m as { readonly id?: unknown }
    return typeof x?.id === "string" ? [names.municipality(x.id)] : []
  })
  return {
    id: "territory",
    title: t("Il territorio", "The territory"),
    blocks: [
      {
        kind: "facts",
        items: [
          { label: t("Comuni", "Municipalities"), value: ter.municipalities?.length ?? 0 },
          {
            label: t("Organizzazioni, reti e gruppi", "Organisations, networks and groups"),
            value: organisations
          },
          ...(citizens > 0
            ? [
                {
                  label: t("Cittadini (conteggio)", "Citizens (count)"),
                  value: personCount(input.analysis, figureIds.citizens, citizens)
                }
              ]
            : [])
        ]
      },
      ...(munis.length > 0
        ? [
            {
              kind: "paragraph" as const,
              text: both((l) => `${l === "it" ? "Comuni" : "Municipalities"}: ${join(munis, l)}.`)
            }
          ]
        : []),
      { kind: "table", table: actorsTable(ter.actors) }
    ]
  }
}

const dimensionsSection = (tp: TerritoryAssessment.TerritoryProfile, rubric: Rubric.Rubric): Section => {
  const weights = rubric.weights as { readonly [k: string]: number }
  const overview = table(
    t(
      "Posizione, copertura e profondità di ogni dimensione",
      "Position, coverage and depth of each dimension"
    ),
    [
      both((l) => of("dimension", l)),
      both((l) => of("position", l)),
      t("Copertura", "Coverage"),
      t("Profondità", "Depth"),
      t("Interventi osservati", "Interventions observed"),
      t("Tratti generativi", "Generative traits"),
      t("Tratti tradizionali", "Traditional traits"),
      t("Fonte", "Source")
    ],
    Dimension.values.map((d) => {
      const traits = tp.traits.filter((x) => x.dimension === d)
      return {
        header: Dimension.labels[d],
        cells: [
          positionCell(tp.dimensions[d].position),
          percent(tp.dimensions[d].coverage),
          percent(tp.dimensions[d].depth),
          tp.dimensions[d].observedIn,
          traits.filter((x) => x.pole === "generative").length,
          traits.filter((x) => x.pole === "traditional").length,
          seedRef(Dimension.sourceOf(d))
        ]
      }
    })
  )
  const evidence = table(
    both((l) =>
      l === "it"
        ? `Evidenze: i ${tp.traits.length} tratti osservati, con le parole del seme`
        : `Evidence: the ${tp.traits.length} traits observed, in the seed's words`
    ),
    [
      t("Tratto", "Trait"),
      both((l) => of("dimension", l)),
      t("Polo", "Pole"),
      t("Peso (editoriale)", "Weight (editorial)"),
      t("Interventi", "Interventions"),
      t("Fonte", "Source")
    ],
    tp.traits.map((x) => ({
      header: x.text,
      cells: [
        Dimension.labels[x.dimension],
        Dimension.poleLabels[x.pole],
        weights[x.trait] ?? null,
        x.interventions,
        seedRef(x.source)
      ]
    }))
  )
  const observed = Dimension.values.filter((d) => tp.dimensions[d].position !== undefined)
  const position = (d: Dimension.Dimension) => tp.dimensions[d].position ?? 0
  const strongest = [...observed].sort((x, y) => position(y) - position(x))
  const hi = strongest[0]
  const lo = strongest[strongest.length - 1]
  const extremes: Block =
    hi === undefined || lo === undefined
      ? {
          kind: "paragraph",
          text: t(
            "Nessuna dimensione è osservata: il rapporto non colloca il territorio.",
            "No dimension is observed: the report does not place the territory."
          )
        }
      : position(hi) === position(lo)
        ? {
            kind: "paragraph",
            text: both((l) =>
              l === "it"
                ? `Le ${observed.length} dimensioni osservate stanno tutte a ${num(position(hi), l)}: nessuna è più generativa delle altre.`
                : `The ${observed.length} dimensions observed all stand at ${num(position(hi), l)}: none is more generative than the others.`
            )
          }
        : {
            kind: "paragraph",
            text: both((l) =>
              l === "it"
                ? `Tra le ${observed.length} dimensioni osservate, la più generativa è «${Dimension.labels[hi].it}» (${num(position(hi), l)}, copertura ${pct(tp.dimensions[hi].coverage, l)}); la più tradizionale è «${Dimension.labels[lo].it}» (${num(position(lo), l)}, copertura ${pct(tp.dimensions[lo].coverage, l)}).`
                : `Of the ${observed.length} dimensions observed, the most generative is "${Dimension.labels[hi].en}" (${num(position(hi), l)}, coverage ${pct(tp.dimensions[hi].coverage, l)}); the most traditional is "${Dimension.labels[lo].en}" (${num(position(lo), l)}, coverage ${pct(tp.dimensions[lo].coverage, l)}).`
            )
          }
  return {
    id: "dimensions",
    title: t("Le sette dimensioni spiegate", "The seven dimensions explained"),
    blocks: [
      {
        kind: "paragraph",
        text: t(
          "Ogni tratto osservato porta il suo peso al proprio polo. La posizione (equilibrio) di una dimensione è il peso generativo sul peso totale presente, mediata sugli interventi che la osservano; la copertura è il peso dei tratti registrati sul peso di tutti i suoi tratti; la profondità è il peso generativo presente su quello disponibile. Una dimensione che nessun intervento osserva è «non osservata» e resta fuori dall'indice.",
          'Each trait observed brings its weight to its pole. A dimension\'s position (balance) is the generative weight over all the weight present, averaged over the interventions that observe it; its coverage is the weight of the traits recorded over the weight of all its traits; its depth is the generative weight present over the generative weight available. A dimension no intervention observes is "not observed" and is left out of the index.'
        )
      },
      extremes,
      { kind: "table", table: overview },
      { kind: "table", table: evidence, collapsed: true }
    ]
  }
}

const interventionsSection = (a: Analysis.TerritoryAnalysis, names: Names): Section => {
  const byVerdict = Rubric.verdicts.map((c) => a.interventions.filter((i) => i.class === c).length)
  const ev = a.rubric.evidence
  const blocks: Array<Block> = [
    {
      kind: "paragraph",
      text: both((l) =>
        l === "it"
          ? `${a.interventions.length} interventi valutati: ${Rubric.verdicts.map((c, i) => `${byVerdict[i]} «${Rubric.verdictLabels[c].it.toLowerCase()}»`).join(", ")}. Ciascuno è letto sui fatti che i registri del territorio mostrano (derivati) e su quelli dichiarati. Una classe si dà solo con copertura di almeno ${pct(ev.minCoverage, l)} su almeno ${ev.minDimensions} dimensioni; la classe generativa richiede anche profondità di almeno ${pct(ev.minDepth, l)} (soglie editoriali, vedi l'appendice).`
          : `${a.interventions.length} interventions assessed: ${Rubric.verdicts.map((c, i) => `${byVerdict[i]} "${Rubric.verdictLabels[c].en.toLowerCase()}"`).join(", ")}. Each is read on the facts the territory's records show (derived) and on the declared ones. A class is given only with coverage of at least ${pct(ev.minCoverage, l)} over at least ${ev.minDimensions} dimensions; the generative class also needs depth of at least ${pct(ev.minDepth, l)} (editorial thresholds, see the appendix).`
      )
    },
    {
      kind: "table",
      table: table(
        t(
          "Verdetto, indice, copertura e sensibilità di ogni intervento",
          "Verdict, index, coverage and sensitivity of each intervention"
        ),
        [
          t("Intervento", "Intervention"),
          t("Verdetto", "Verdict"),
          both((l) => of("overallIndex", l)),
          t("Copertura", "Coverage"),
          t("Profondità", "Depth"),
          t("Evidenze derivate dai registri", "Evidence derived from records"),
          t("Sensibilità", "Sensitivity")
        ],
        [...a.interventions]
          .sort((x, y) => (y.index ?? -1) - (x.index ?? -1) || (x.id < y.id ? -1 : 1))
          .map((i) => ({
            header: names.intervention(i.id),
            cells: [
              verdictText(i.class),
              indexCell(i.index),
              percent(i.coverage),
              percent(i.depth),
              percent(i.derivedShare),
              sensitivityText(i.sensitivity)
            ]
          }))
      )
    }
  ]
  const provenanceRows = a.interventions.map((i) => ({
    header: names.intervention(i.id),
    cells: [
      i.derived.length === 0
        ? "—"
        : both((l) =>
            i.derived
              .map(
                (d) =>
                  `${d.field} (${text(Derivation.ruleLabels[d.rule], l).toLowerCase()}: ${text(recordsText(d.records, names), l)})`
              )
              .join("; ")
          ),
      i.declared.length === 0 ? "—" : i.declared.join(", ")
    ]
  }))
  blocks.push({ kind: "heading", text: t("Da dove vengono i fatti", "Where the facts come from") })
  blocks.push({
    kind: "paragraph",
    text: t(
      "Un fatto derivato è letto dai registri del territorio (esigenze, co-progettazioni, percorsi di presa in carico, partenariati), con gli identificativi dei record; un fatto dichiarato è scritto da chi descrive l'intervento. Dove i due non coincidono vale il registro, e la differenza è una criticità.",
      "A derived fact is read from the territory's records (requirements, co-designs, taking-charge paths, partnerships), with the ids of the records; a declared fact is written by whoever describes the intervention. Where the two differ the records win, and the difference is a finding."
    )
  })
  blocks.push({
    kind: "table",
    table: table(
      t("Provenienza dei fatti di ogni intervento", "Provenance of each intervention's facts"),
      [
        t("Intervento", "Intervention"),
        t("Derivati (regola: record)", "Derived (rule: records)"),
        t("Dichiarati", "Declared")
      ],
      provenanceRows
    )
  })
  if (a.recommendations.length > 0) {
    blocks.push({ kind: "heading", text: t("Raccomandazioni", "Recommendations") })
    blocks.push({
      kind: "paragraph",
      text: t(
        "I tratti generativi che mancano agli interventi meno generativi, ordinati prima per le priorità dei semi (co-progettazione con i destinatari, risorse dei cittadini e della comunità, percorso di responsabilità: priorità 1) e poi per il guadagno di indice e di profondità; con chi potrebbe agire e perché.",
        "The generative traits the least generative interventions miss, ranked first by the seeds' priorities (co-design with the recipients, the citizens' and the community's resources, the path of responsibility: priority 1) and then by the gain of index and depth; with who could act and why."
      )
    })
    blocks.push({
      kind: "table",
      table: table(
        t("Le raccomandazioni principali", "The top recommendations"),
        [
          t("Intervento", "Intervention"),
          t("Cambiamento", "Change"),
          both((l) => of("dimension", l)),
          t("Priorità", "Priority"),
          t("Guadagno (indice; profondità)", "Gain (index; depth)"),
          t("Chi può agire", "Who could act"),
          t("Perché", "Why")
        ],
        a.recommendations.map((r, i) => ({
          header: both((l) => `${i + 1}. ${text(names.intervention(r.intervention), l)}`),
          cells: [
            r.change,
            Dimension.labels[r.dimension],
            r.priority,
            both((l) => `${signed(r.gain, l)}; ${signed(r.depthGain, l)}`),
            r.actors.length === 0
              ? "—"
              : both((l) => [...new Set(r.actors.map((k) => Actor.kindLabels[k][l]))].join(", ")),
            r.why
          ]
        }))
      )
    })
  }
  return { id: "interventions", title: t("Gli interventi", "The interventions"), blocks }
}

const contradictionsSection = (
  tp: TerritoryAssessment.TerritoryProfile,
  names: Names
): Section | undefined => {
  if (tp.contradictions.length === 0) return undefined
  const value = (v: unknown): string => (typeof v === "string" ? v : (JSON.stringify(v) ?? "—"))
  return {
    id: "contradictions",
    title: t("Fatti dichiarati contraddetti dai registri", "Declared facts the records contradict"),
    blocks: [
      {
        kind: "paragraph",
        text: both((l) =>
          l === "it"
            ? `Fatti dichiarati che non coincidono con ciò che mostrano i registri del territorio: ${tp.contradictions.length}. La valutazione usa il valore derivato e segnala la differenza, mai in silenzio.`
            : `Declared facts that differ from what the territory's records show: ${tp.contradictions.length}. The assessment uses the derived value and reports the difference, never silently.`
        )
      },
      {
        kind: "table",
        table: table(
          t("Le contraddizioni", "The contradictions"),
          [
            t("Intervento", "Intervention"),
            t("Fatto", "Fact"),
            t("Dichiarato", "Declared"),
            t("Dai registri (usato)", "From the records (used)"),
            t("Regola", "Rule"),
            t("Record", "Records"),
            t("Gravità", "Severity")
          ],
          tp.contradictions.map((c) => ({
            header: names.intervention(c.intervention),
            cells: [
              c.field,
              value(c.declared),
              value(c.derived),
              Derivation.ruleLabels[c.rule],
              recordsText(c.records, names),
              c.severity === "error" ? t("errore", "error") : t("avviso", "warning")
            ]
          }))
        )
      }
    ]
  }
}

// Case ids are never shown: a count of paths names no example.
const evidenceText = (evidence: ReadonlyArray<TerritoryAssessment.Count>, names: Names): Str =>
  both((l) =>
    evidence
      .map((e) => {
        const shown = e.examples.filter((x) => !names.isCase(x))
        return `${text(e.what, l)}: ${e.count}${e.of === undefined ? "" : ` ${l === "it" ? "su" : "of"} ${e.of}`}${shown.length > 0 ? ` (${shown.map((x) => text(names.example(x), l)).join(", ")}${e.count > shown.length ? ", …" : ""})` : ""}`
      })
      .join("; ")
  )

/** Record ids with the cases counted, never named. */
const recordsText = (records: ReadonlyArray<string>, names: Names): Text => {
  const cases = records.filter(names.isCase).length
  const shown = records.filter((r) => !names.isCase(r))
  return both(
    (l) =>
      [
        ...shown,
        ...(cases === 0
          ? []
          : [
              l === "it"
                ? `${cases} ${cases === 1 ? "percorso" : "percorsi"} di presa in carico`
                : `${cases} taking-charge ${cases === 1 ? "path" : "paths"}`
            ])
      ].join(", ") || "—"
  )
}

const systemSection = (tp: TerritoryAssessment.TerritoryProfile, names: Names): Section => {
  const o = tp.opportunities
  const blocks: Array<Block> = [
    {
      kind: "paragraph",
      text: both((l) =>
        l === "it"
          ? `La lettura di sistema (${num(tp.systemIndex, l)}, «${text(verdictText(tp.systemClass), l).toLowerCase()}») è la media di quattro verifiche graduate: quanta parte delle organizzazioni sta in un partenariato generativo (almeno due settori, logica di rete: un appalto, logica di mercato o gerarchia, non conta; seme 001, riga 33), quanti partenariati hanno logica di rete, quanti interventi si svolgono in un partenariato generativo e quanti sono co-progettati. Un'organizzazione nuova ancora fuori dalla rete abbassa la lettura di poco ed è un'occasione, non un crollo.`
          : `The system reading (${num(tp.systemIndex, l)}, "${text(verdictText(tp.systemClass), l).toLowerCase()}") is the mean of four graded checks: how many organisations sit in a generative partnership (two sectors or more, network logic: a contract, market or hierarchy logic, does not count; seed 001, row 33), how many partnerships have a network logic, how many interventions run in a generative partnership and how many are co-designed. A new organisation not yet in the network lowers the reading a little and is an opportunity, not a cliff.`
      )
    },
    {
      kind: "table",
      table: table(
        both((l) =>
          l === "it"
            ? `Le quattro verifiche di sistema (media ${num(tp.systemIndex, l)})`
            : `The four system checks (mean ${num(tp.systemIndex, l)})`
        ),
        [t("Verifica", "Check"), t("Valore", "Value"), both((l) => of("evidence", l)), t("Fonte", "Source")],
        tp.system.map((c) => ({
          header: c.text,
          cells: [percent(c.value), evidenceText(c.evidence, names), seedRef(c.source)]
        }))
      )
    },
    { kind: "heading", text: t("Occasioni", "Opportunities") },
    {
      kind: "paragraph",
      text: both((l) =>
        o.count === 0
          ? l === "it"
            ? "Ogni organizzazione sta già in un partenariato generativo."
            : "Every organisation already sits in a generative partnership."
          : l === "it"
            ? `Organizzazioni in nessun partenariato generativo: ${o.count} su ${o.of ?? "?"} (${join(o.examples.map(names.actor), l)}${o.count > o.examples.length ? ", …" : ""}). Coinvolgerle è un'occasione: «riconoscere e valorizzare la molteplicità dei soggetti» (seme 004, riga 35).`
            : `Organisations in no generative partnership: ${o.count} of ${o.of ?? "?"} (${join(o.examples.map(names.actor), l)}${o.count > o.examples.length ? ", …" : ""}). Involving them is an opportunity: recognise and value the multiplicity of actors (seed 004, row 35).`
      )
    }
  ]
  return { id: "system", title: t("La lettura di sistema", "The system reading"), blocks }
}

const statusText = (s: TerritoryAssessment.Status): Text => {
  const mark = s === "met" ? "✓\u00a0" : s === "partly" ? "◐\u00a0" : "✗\u00a0"
  const label = TerritoryAssessment.statusLabels[s]
  return { it: mark + label.it, en: mark + label.en }
}

const checklistTable = (caption: Str, checklist: TerritoryAssessment.Checklist, names: Names): Table =>
  table(
    caption,
    [
      t("Elemento", "Item"),
      t("Stato", "Status"),
      t("Valore (soglia)", "Value (threshold)"),
      t("Che cosa legge", "What it reads"),
      both((l) => of("evidence", l)),
      t("Fonte", "Source")
    ],
    checklist.items.map((i) => ({
      header: i.text,
      cells: [
        statusText(i.status),
        both((l) => `${pct(i.value, l)} (${pct(i.threshold, l)})`),
        i.reads,
        evidenceText(i.evidence, names),
        seedRef(i.source)
      ]
    }))
  )

const maturitySection = (tp: TerritoryAssessment.TerritoryProfile, names: Names): Section => {
  const reached = tp.ladder.reached
  const score = (c: TerritoryAssessment.Checklist): Text =>
    both((l) =>
      c.partly === 0
        ? `${c.met} / ${c.items.length}`
        : l === "it"
          ? `${c.met} / ${c.items.length} (in parte ${c.partly})`
          : `${c.met} / ${c.items.length} (partly ${c.partly})`
    )
  return {
    id: "maturity",
    title: t(
      "Maturità: mosse, caratteristiche, welfare di comunità",
      "Maturity: moves, characteristics, community welfare"
    ),
    blocks: [
      {
        kind: "paragraph",
        text: t(
          "Ogni elemento legge il modulo che ne tiene le evidenze (percorsi di presa in carico, tornate di valutazione, partenariati, letture dei bisogni) e dà credito parziale: soddisfatto dalla soglia in su, in parte sopra zero, non soddisfatto a zero (soglia editoriale).",
          "Each item reads the module that holds its evidence (taking-charge paths, evaluation rounds, partnerships, needs readings) and gives partial credit: met from the threshold up, partly above zero, not met at zero (an editorial threshold)."
        )
      },
      {
        kind: "facts",
        items: [
          {
            label: t("Mosse del welfare responsabile", "Moves of responsible welfare"),
            value: score(tp.moves)
          },
          {
            label: t("Caratteristiche del welfare generativo", "Characteristics of generative welfare"),
            value: score(tp.characteristics)
          },
          {
            label: t("Gradino del welfare di comunità", "Rung of community welfare"),
            value:
              reached === undefined ? t("nessuno", "none") : TerritoryAssessment.communityFormLabels[reached]
          },
          { label: t("Verdetto del territorio", "Territory verdict"), value: verdictText(tp.class) }
        ]
      },
      ...(tp.explanation === undefined
        ? []
        : [
            {
              kind: "paragraph" as const,
              text: both(
                (l) =>
                  `${l === "it" ? "Perché liste e verdetto differiscono" : "Why the checklists and the verdict differ"}: ${tp.explanation![l]}`
              )
            }
          ]),
      {
        kind: "heading",
        text: t(
          "Le sette mosse del welfare responsabile (seme 001)",
          "The seven moves of responsible welfare (seed 001)"
        )
      },
      { kind: "table", table: checklistTable(t("Le sette mosse", "The seven moves"), tp.moves, names) },
      {
        kind: "heading",
        text: t(
          "Le sette caratteristiche del welfare generativo (seme 004)",
          "The seven characteristics of generative welfare (seed 004)"
        )
      },
      {
        kind: "table",
        table: checklistTable(
          t("Le sette caratteristiche", "The seven characteristics"),
          tp.characteristics,
          names
        )
      },
      {
        kind: "heading",
        text: t("La scala del welfare di comunità (seme 002)", "The ladder of community welfare (seed 002)")
      },
      {
        kind: "paragraph",
        text: t(
          "Dalla semplice aggregazione della domanda (persone che mettono insieme la propria domanda, non una tariffa) al mutuo aiuto fino alla collaborazione attiva (seme 002, riga 13): il gradino raggiunto è il più alto su cui si trova almeno un intervento.",
          "From the simple aggregation of demand (people pooling their demand, not a tariff) to mutual aid and on to active collaboration (seed 002, row 13): the rung reached is the highest with at least one intervention on it."
        )
      },
      {
        kind: "table",
        table: table(
          t("I gradini", "The rungs"),
          [t("Gradino", "Rung"), t("Interventi", "Interventions"), t("Quali", "Which")],
          tp.ladder.rungs.map((r) => ({
            header: r.text,
            cells: [r.evidence.count, list(r.evidence.examples.map(names.example))]
          }))
        )
      }
    ]
  }
}

const provenanceText = (p: Trait.Provenance): Text =>
  p.kind === "seed"
    ? both((l) => `${l === "it" ? "seme" : "seed"}: «${p.quote}» (${text(seedRef(p.source), l)})`)
    : both((l) => `${l === "it" ? "editoriale" : "editorial"}: ${p.rationale[l]}`)

const appendixSection = (rubric: Rubric.Rubric): Section => ({
  id: "appendix",
  title: t("Appendice: da dove vengono i numeri", "Appendix: where the numbers come from"),
  blocks: [
    {
      kind: "paragraph",
      text: t(
        "Nessun peso o soglia della rubrica predefinita è dato dai semi: sono scelte editoriali di questa libreria, ciascuna con la sua ragione. L'analisi di sensibilità misura quanto il verdetto dipende da esse.",
        "No weight or threshold of the default rubric is given by the seeds: they are editorial choices of this library, each with its reason. The sensitivity analysis measures how much the verdict depends on them."
      )
    },
    {
      kind: "table",
      collapsed: false,
      table: table(
        both((l) =>
          l === "it"
            ? `Le impostazioni della rubrica (versione ${rubric.version})`
            : `The rubric's settings (version ${rubric.version})`
        ),
        [
          t("Impostazione", "Setting"),
          t("Valore predefinito", "Default value"),
          t("Provenienza", "Provenance")
        ],
        Rubric.provenance.map((x) => ({ header: x.name, cells: [x.value, provenanceText(x.provenance)] }))
      )
    },
    {
      kind: "table",
      collapsed: true,
      table: table(
        t("I pesi dei tratti e la loro provenienza", "The traits' weights and their provenance"),
        [
          t("Tratto", "Trait"),
          both((l) => of("dimension", l)),
          t("Polo", "Pole"),
          t("Peso", "Weight"),
          t("Provenienza", "Provenance"),
          t("Fonte del tratto", "Source of the trait")
        ],
        Trait.catalogue.map((x) => ({
          header: x.text,
          cells: [
            Dimension.labels[x.dimension],
            Dimension.poleLabels[x.pole],
            (rubric.weights as { readonly [k: string]: number })[x.id] ?? x.weight,
            provenanceText(x.weightProvenance),
            seedRef(x.source)
          ]
        }))
      )
    },
    {
      kind: "table",
      collapsed: true,
      table: table(
        t("Le regole di derivazione dai registri", "The rules that derive facts from the records"),
        [t("Regola", "Rule"), t("Fatto", "Fact"), t("Che cosa legge", "What it reads"), t("Fonte", "Source")],
        Derivation.rules.map((r) => ({
          header: Derivation.ruleLabels[r],
          cells: [
            Derivation.ruleTable[r].field,
            Derivation.ruleTable[r].reads,
            seedRef(Derivation.ruleTable[r].source)
          ]
        }))
      )
    }
  ]
})

const sectorText = (s: Actor.Sector): Text => Actor.sectorLabels[s]

const shortSector: { readonly [S in Actor.Sector]: Text } = {
  public: t("Pubblico", "Public"),
  "third-sector": t("Terzo settore", "Third sector"),
  "social-partners": t("Parti sociali", "Social partners"),
  market: t("Mercato", "Market"),
  community: t("Comunità", "Community")
}

const networkSection = (
  input: TerritoryReportInput,
  a: Analysis.TerritoryAnalysis | undefined,
  ties: ReadonlyArray<{ readonly actors: readonly [string, string]; readonly weight: number }> | undefined,
  names: Names
): Section | undefined => {
  if (ties === undefined && a === undefined) return undefined
  const organisations = input.territory.actors.filter((x) => x.kind !== "citizen")
  const known = new Set(organisations.map((x) => x.id as string))
  const shown = (ties ?? a?.network.ties ?? []).filter(
    (x) => known.has(x.actors[0]) && known.has(x.actors[1])
  )
  const chart: Block = { kind: "network", data: From.network({ actors: organisations, ties: shown }) }
  if (a === undefined)
    return { id: "network", title: t("Rete e partenariati", "Network and partnerships"), blocks: [chart] }
  const n = a.network
  const r = n.report
  const hole = new Map(n.holes.map((h) => [h.actor, h]))
  const isolatedOrgs = r.isolated.filter((x) => known.has(x))
  const blocks: Array<Block> = [
    {
      kind: "paragraph",
      text: t(
        "Due soggetti sono legati quando siedono insieme in almeno un partenariato (un tavolo, un gruppo di regia, una rete). I soggetti ponte collegano settori che altrimenti non si parlerebbero: sono i buchi strutturali di Burt.",
        "Two actors are tied when they sit together in at least one partnership (a table, a steering group, a network). Brokers join sectors that would otherwise not talk to each other: Burt's structural holes."
      )
    },
    {
      kind: "facts",
      items: [
        { label: t("Soggetti", "Actors"), value: r.actors },
        { label: t("Legami", "Ties"), value: r.ties },
        { label: t("Densità", "Density"), value: r.density },
        {
          label: t("Quota di legami tra settori", "Share of cross-sector ties"),
          value: percent(r.crossSectorShare)
        },
        { label: t("Componenti connesse", "Connected components"), value: r.components },
        {
          label: t("Rete connessa tra settori", "Connected across sectors"),
          value: yesNo(r.connectedCrossSector)
        }
      ]
    },
    {
      kind: "table",
      table: table(
        t("Legami tra settori (matrice di mescolamento)", "Ties across sectors (mixing matrix)"),
        [both((l) => of("sector", l)), t("Soggetti", "Actors"), ...Actor.sectors.map((x) => shortSector[x])],
        r.sectors.map((s) => ({
          header: sectorText(s.sector),
          cells: [s.actors, ...Actor.sectors.map((x) => n.mixing[s.sector][x])]
        }))
      )
    }
  ]
  if (r.brokers.length > 0)
    blocks.push({
      kind: "table",
      table: table(
        t("Soggetti ponte tra settori", "Brokers between sectors"),
        [
          t("Soggetto (settore)", "Actor (sector)"),
          t("Intermediazione", "Betweenness"),
          t("Coppie aperte", "Open pairs"),
          t("Dimensione effettiva", "Effective size"),
          t("Vincolo", "Constraint"),
          t("Settori raggiunti", "Sectors reached")
        ],
        r.brokers.map((b) => {
          const h = hole.get(b.actor)
          return {
            header: both((l) => `${text(names.actor(b.actor), l)} (${text(shortSector[b.sector], l)})`),
            cells: [
              b.betweenness,
              b.crossSectorPairs,
              h?.effectiveSize ?? null,
              h?.constraint ?? null,
              list(b.sectorsReached.map((x) => shortSector[x]))
            ]
          }
        })
      )
    })
  if (r.brokers.length > 0)
    blocks.push({
      kind: "paragraph",
      text: t(
        "Intermediazione: la quota dei cammini più brevi tra altri soggetti che passa per il soggetto. Coppie aperte: le coppie di suoi contatti di settori diversi che non sono legate tra loro. Dimensione effettiva e vincolo sono le misure di Burt: contatti non ridondanti, e quanto i contatti sono legati tra loro (un vincolo basso indica più buchi strutturali).",
        "Betweenness: the share of shortest paths between other actors that pass through the actor. Open pairs: the pairs of its contacts from different sectors that are not tied to each other. Effective size and constraint are Burt's measures: non-redundant contacts, and how much the contacts are tied to each other (a low constraint means more structural holes)."
      )
    })
  blocks.push({
    kind: "paragraph",
    text: both((l) => {
      const orgs =
        isolatedOrgs.length === 0
          ? l === "it"
            ? "Nessuna organizzazione è isolata"
            : "No organisation is isolated"
          : `${l === "it" ? "Organizzazioni isolate (in nessun partenariato)" : "Isolated organisations (in no partnership)"}: ${join(isolatedOrgs.map(names.actor), l)}`
      const citizens =
        n.isolatedCitizens > 0
          ? l === "it"
            ? `; cittadini in nessun partenariato: ${cellTextOf(personCount(a, figureIds.isolatedCitizens, n.isolatedCitizens), l)} (contati, mai nominati)`
            : `; citizens in no partnership: ${cellTextOf(personCount(a, figureIds.isolatedCitizens, n.isolatedCitizens), l)} (counted, never named)`
          : ""
      return `${orgs}${citizens}. ${
        l === "it"
          ? `La rete ha ${r.components} componenti connesse (ogni soggetto isolato è una componente a sé) e ${r.communities} comunità (Louvain).`
          : `The network has ${r.components} connected components (each isolated actor is one of its own) and ${r.communities} communities (Louvain).`
      }`
    })
  })
  blocks.push(chart)
  return { id: "network", title: t("Rete e partenariati", "Network and partnerships"), blocks }
}

const cellTextOf = (c: Count, l: Label.Lang): string =>
  c.value !== null
    ? formatNumber(c.value, l, 0)
    : c.hidden === "complementary"
      ? of("hiddenToProtect", l)
      : `< ${c.threshold}`

const needsSection = (a: Analysis.TerritoryAnalysis): Section | undefined => {
  const n = a.needs
  const tc = a.takingCharge
  if (n.total === 0 && tc.paths === 0 && n.requirements.length === 0) return undefined
  const blocks: Array<Block> = [
    {
      kind: "paragraph",
      text: t(
        "Un bisogno è latente finché nessuno lo vede, emergente quando qualcuno lo segnala, manifesto quando un servizio lo riconosce. L'accesso tradizionale raggiunge solo i bisogni manifesti; quello generativo anche la vulnerabilità (seme 000, riga 11). Le persone compaiono solo come conteggi, e i conteggi inferiori a 5 sono soppressi.",
        "A need is latent while no one sees it, emerging when someone reports it, overt when a service recognises it. Traditional access reaches overt needs only; generative access reaches vulnerability too (seed 000, row 11). Persons appear only as counts, and counts below 5 are suppressed."
      )
    }
  ]
  if (n.total > 0)
    blocks.push({
      kind: "table",
      table: table(
        t("I bisogni", "Needs"),
        [t("Bisogni", "Needs"), t("Numero", "Number")],
        [
          ...[...Need.statuses].reverse().map((s) => ({
            header: Need.statusLabels[s],
            cells: [personCount(a, figureIds.needsStatus(s), n.byStatus[s])]
          })),
          {
            header: t(
              "Complessi (più aree di policy; seme 004, riga 32)",
              "Complex (several policy areas; seed 004, row 32)"
            ),
            cells: [personCount(a, figureIds.needsComplex, n.complex)]
          },
          {
            header: t(
              "In «terra di nessuno» (nessun ente responsabile; seme 004, riga 23)",
              'In "no man\'s land" (no responsible body; seed 004, row 23)'
            ),
            cells: [personCount(a, figureIds.needsNoMansLand, n.noMansLand)]
          },
          { header: t("Totale", "Total"), cells: [personCount(a, figureIds.needsTotal, n.total)] }
        ]
      )
    })
  if (n.requirements.length > 0) {
    const gapCounts = Requirement.gapKinds.map(
      (g) => n.requirements.filter((r) => r.gaps.some((x) => x.kind === g)).length
    )
    const generative = n.requirements.filter((r) => r.gaps.length === 0).length
    blocks.push({
      kind: "paragraph",
      text: both((l) =>
        l === "it"
          ? `Letture dei bisogni come esigenze (seme 000, riga 5): ${n.requirements.length}, di cui ${generative} senza lacune, cioè generative.`
          : `Needs read as requirements (seed 000, row 5): ${n.requirements.length}, of which ${generative} with no gap, that is generative readings.`
      )
    })
    if (gapCounts.some((c) => c > 0))
      blocks.push({
        kind: "table",
        table: table(
          t("Lacune delle letture", "Gaps of the readings"),
          [t("Lacuna", "Gap"), t("Esigenze", "Requirements"), t("Fonte", "Source")],
          Requirement.gapKinds.flatMap((g, i) =>
            gapCounts[i]! > 0
              ? [
                  {
                    header: Requirement.gapLabels[g],
                    cells: [gapCounts[i]!, sourceText(Requirement.gapSources[g])]
                  }
                ]
              : []
          )
        )
      })
  }
  if (tc.paths > 0) {
    const total = personCount(a, figureIds.paths, tc.paths)
    const stages = TakingCharge.stages.map((s) => personCount(a, figureIds.pathsStage(s), tc.byStage[s]))
    const response = [
      personCount(a, figureIds.pathsResponse(true), tc.withCommunityResponse),
      personCount(a, figureIds.pathsResponse(false), tc.withoutCommunityResponse)
    ]
    const contribution = [
      personCount(a, figureIds.pathsContribution(true), tc.withPersonContribution),
      personCount(a, figureIds.pathsContribution(false), tc.withoutPersonContribution)
    ]
    blocks.push({
      kind: "table",
      table: table(
        t("Percorsi di presa in carico per fase raggiunta", "Taking-charge paths by stage reached"),
        [t("Fase", "Stage"), t("Percorsi", "Paths")],
        [
          ...TakingCharge.stages.map((s, i) => ({
            header: TakingCharge.stageLabels[s],
            cells: [stages[i]!]
          })),
          { header: t("Totale", "Total"), cells: [total] }
        ]
      )
    })
    blocks.push({
      kind: "table",
      table: table(
        t(
          "Risposta comunitaria e contributo della persona",
          "Community response and the person's contribution"
        ),
        [t("Percorsi", "Paths"), t("Sì", "Yes"), t("No", "No")],
        [
          { header: t("Con una risposta della comunità", "With a community response"), cells: response },
          {
            header: t("Con un contributo della persona", "With a contribution of the person"),
            cells: contribution
          }
        ]
      )
    })
  }
  if (n.persons > 0) {
    const w = n.access
    blocks.push({
      kind: "table",
      table: table(
        t("Accesso: quante persone raggiunge", "Access: how many persons it reaches"),
        [t("Accesso", "Access"), t("Persone", "Persons")],
        [
          {
            header: t("Tradizionale (solo bisogno manifesto)", "Traditional (overt need only)"),
            cells: [personCount(a, figureIds.accessTraditional, w.traditional)]
          },
          {
            header: t("Generativo (anche la vulnerabilità)", "Generative (vulnerability too)"),
            cells: [personCount(a, figureIds.accessGenerative, w.generative)]
          },
          {
            header: t("Raggiunte solo dall'accesso generativo", "Reached only by generative access"),
            cells: [personCount(a, figureIds.accessWidened, w.widened)]
          }
        ]
      )
    })
  }
  return { id: "needs", title: t("Bisogni e presa in carico", "Needs and taking charge"), blocks }
}

const coDesignSection = (a: Analysis.TerritoryAnalysis, names: Names): Section | undefined => {
  if (a.coDesigns.length === 0) return undefined
  const blocks: Array<Block> = [
    {
      kind: "paragraph",
      text: t(
        "Ogni processo di co-programmazione o co-progettazione è verificato sulle regole dei semi: pari dignità degli stakeholder, destinatari finali coinvolti, analisi dei bisogni co-progettata, il pubblico promotore di alleanze, non progettare solo per un bando, connessione con i servizi di prossimità, Patto sottoscritto, verifica condivisa.",
        "Each co-programming or co-design process is checked against the seeds' rules: equal dignity of stakeholders, final recipients involved, a co-designed needs analysis, the public actor promoting alliances, not designing only for a call, connection with proximity services, the Pact signed, shared verification."
      )
    },
    {
      kind: "table",
      table: table(
        t("I processi", "The processes"),
        [t("Processo", "Process"), t("Tipo", "Kind"), t("Fase", "Stage"), t("Criticità", "Findings")],
        a.coDesigns.map((p) => ({
          header: p.title,
          cells: [CoDesign.kindLabels[p.kind], CoDesign.stageLabels[p.stage], p.findings.length]
        }))
      )
    }
  ]
  const findings = a.coDesigns.flatMap((p) => p.findings.map((f) => ({ p, f })))
  blocks.push(
    findings.length === 0
      ? {
          kind: "paragraph",
          text: t(
            "Nessuna regola della co-progettazione risulta violata o a rischio.",
            "No rule of the co-design is broken or at risk."
          )
        }
      : {
          kind: "table",
          table: table(
            t("Criticità della co-progettazione", "Co-design findings"),
            [
              t("Regola", "Rule"),
              t("Gravità", "Severity"),
              t("Processo", "Process"),
              t("Riguarda", "About"),
              t("Fonte", "Source")
            ],
            findings.map(({ p, f }) => ({
              header: CoDesign.ruleLabels[f.rule],
              cells: [
                CoDesign.severityLabels[f.severity],
                p.title,
                both(
                  (l) =>
                    [
                      ...(f.actors ?? []).map((x) => text(names.actor(x), l)),
                      ...(f.project === undefined ? [] : [text(names.project(f.project), l)]),
                      ...(f.activity === undefined ? [] : [text(CoDesign.activityLabels[f.activity], l)])
                    ].join(", ") || "—"
                ),
                seedRef(f.source)
              ]
            }))
          )
        }
  )
  return { id: "co-design", title: t("Co-progettazione", "Co-design"), blocks }
}

const resourcesText = (totals: Resource.Totals): Str =>
  both((l) => {
    const parts: Array<string> = []
    for (const k of Resource.kinds)
      for (const u of Resource.units) {
        const v = totals[k][u]
        if (v > 0)
          parts.push(
            u === "euro"
              ? `${formatNumber(v, l, 0)} €`
              : `${formatNumber(v, l, 0)} ${Resource.unitLabels[u][l].toLowerCase()} (${Resource.kindLabels[k][l].toLowerCase()})`
          )
      }
    return parts.length === 0 ? "—" : parts.join("; ")
  })

const evaluationSection = (
  input: TerritoryReportInput,
  a: Analysis.TerritoryAnalysis | undefined,
  names: Names
): Section | undefined => {
  const blocks: Array<Block> = []
  const progress = input.progress ?? a?.progress
  const summary = input.summary ?? a?.summary
  const labelOf = (id: string) => names.indicator(id)
  const statusOf = (s: string): Str => (Progress.statusLabels as { readonly [k: string]: Text })[s] ?? s
  if (progress !== undefined && progress.length > 0) {
    blocks.push({
      kind: "paragraph",
      text: t(
        "Ogni barra va dal valore di partenza (0 %) al traguardo (100 %) dell'ultimo periodo misurato; oltre il 100 % il traguardo è superato.",
        "Each bar runs from the baseline (0%) to the target (100%) of the latest period measured; beyond 100% the target is exceeded."
      )
    })
    blocks.push({ kind: "progress", data: From.progress(progress, { labelOf, statusOf }) })
    blocks.push({
      kind: "table",
      table: table(
        t("Avanzamento per indicatore e periodo", "Progress by indicator and period"),
        [
          both((l) => of("indicator", l)),
          both((l) => of("period", l)),
          both((l) => of("progress", l)),
          t("Stato", "Status")
        ],
        progress.flatMap((p) =>
          p.periods.map((x) => ({
            header: labelOf(p.indicator),
            cells: [periodText(x.period), x.share === undefined ? null : percent(x.share), statusOf(x.status)]
          }))
        )
      )
    })
  }
  const rounds = a?.accountability ?? []
  if (rounds.length > 0) {
    blocks.push({ kind: "heading", text: t("Le tornate di valutazione", "The evaluation rounds") })
    blocks.push({
      kind: "paragraph",
      text: t(
        "Una valutazione condivisa coinvolge soggetti di più settori e i destinatari finali (seme 001, righe 35-37; seme 003, riga 53).",
        "A shared evaluation involves actors of several sectors and the final recipients (seed 001, rows 35-37; seed 003, row 53)."
      )
    })
    blocks.push({
      kind: "table",
      table: table(
        t("Chi ha valutato", "Who evaluated"),
        [
          t("Tornata", "Round"),
          t("Valutatori", "Evaluators"),
          t("Settori", "Sectors"),
          t("Destinatari finali", "Final recipients"),
          t("Criticità", "Findings")
        ],
        rounds.map((r, i) => ({
          header: periodText(r.period),
          cells: [
            list(r.evaluators.actors.map(names.actor)),
            list(r.evaluators.sectors.map(sectorText)),
            personCount(a, figureIds.finalRecipients(i), r.evaluators.finalRecipients),
            r.findings.length
          ]
        }))
      )
    })
    const findings = rounds.flatMap((r) => r.findings.map((f) => ({ r, f })))
    if (findings.length > 0)
      blocks.push({
        kind: "table",
        table: table(
          t("Criticità delle tornate", "Round findings"),
          [t("Criticità", "Finding"), t("Gravità", "Severity"), t("Tornata", "Round"), t("Fonte", "Source")],
          findings.map(({ r, f }) => ({
            header: Indicator.findingCodeLabels[f.code],
            cells: [Indicator.severityLabels[f.severity], periodText(r.period), sourceText(f.source)]
          }))
        )
      })
    const signatories = rounds[0]!.signatories
    if (signatories.length > 0) {
      const roundName = (r: (typeof rounds)[number]) => periodText(r.period)
      blocks.push({
        kind: "heading",
        text: t(
          "Il Patto di solidarietà: impegni e rendiconto",
          "The Solidarity Pact: commitments and accounts"
        )
      })
      blocks.push({
        kind: "paragraph",
        text: t(
          "Per ogni firmatario del Patto: le risorse e le responsabilità che ha preso, i progetti della Carta che sostiene, e ciò che ha rendicontato in ogni tornata (misurazioni registrate e stato degli indicatori di cui risponde).",
          "For each signatory of the Pact: the resources and responsibilities it took on, the Charter's projects it supports, and what it accounted for in each round (measurements recorded and the status of the indicators it answers for)."
        )
      })
      blocks.push({
        kind: "table",
        collapsed: false,
        table: table(
          t("Gli impegni dei firmatari", "The signatories' commitments"),
          [
            t("Firmatario", "Signatory"),
            t("Risorse impegnate", "Resources committed"),
            t("Responsabilità", "Responsibilities"),
            t("Progetti sostenuti", "Projects supported")
          ],
          signatories.map((s) => ({
            header: names.actor(s.actor),
            cells: [
              resourcesText(s.committed.resources),
              list(s.committed.responsibilities.map((x) => Partnership.responsibilityLabels[x])),
              s.committed.projects.length
            ]
          }))
        )
      })
      const latest = rounds[rounds.length - 1]!
      const accountable = signatories.filter(
        (s) =>
          rounds.some(
            (r) => (r.signatories.find((x) => x.actor === s.actor)?.delivered.measurements ?? 0) > 0
          ) || (latest.signatories.find((x) => x.actor === s.actor)?.responsibleFor.length ?? 0) > 0
      )
      const silent = signatories.length - accountable.length
      blocks.push({
        kind: "table",
        table: table(
          t("Il rendiconto dei firmatari", "The signatories' accounts"),
          [
            t("Firmatario", "Signatory"),
            ...rounds.map((r) =>
              both((l) => `${l === "it" ? "Misurazioni" : "Measurements"} ${roundName(r)}`)
            ),
            both((l) =>
              l === "it"
                ? `Indicatori di cui risponde (${roundName(latest)})`
                : `Indicators it answers for (${roundName(latest)})`
            )
          ],
          accountable.map((s) => {
            const last = latest.signatories.find((x) => x.actor === s.actor)
            return {
              header: names.actor(s.actor),
              cells: [
                ...rounds.map(
                  (r) => r.signatories.find((x) => x.actor === s.actor)?.delivered.measurements ?? 0
                ),
                last === undefined || last.responsibleFor.length === 0
                  ? "—"
                  : both((l) =>
                      last.responsibleFor
                        .map((x) => {
                          const ind = r0Indicator(rounds, x.assignment)
                          return `${ind === undefined ? x.assignment : text(labelOf(ind), l)}: ${text(statusOf(x.status), l).toLowerCase()}`
                        })
                        .join("; ")
                    )
              ]
            }
          })
        )
      })
      if (silent > 0)
        blocks.push({
          kind: "paragraph",
          text: both((l) =>
            l === "it"
              ? `Gli altri ${silent} firmatari non hanno registrato misurazioni e non rispondono di alcun indicatore: il loro contributo non è ancora rendicontato.`
              : `The other ${silent} signatories recorded no measurement and answer for no indicator: their contribution is not yet accounted for.`
          )
        })
    }
  }
  if (summary !== undefined) {
    const base = From.summary(summary, { labelOf })
    blocks.push({
      kind: "table",
      collapsed: true,
      table: {
        ...base,
        rows: base.rows.map((r) => ({
          ...r,
          cells: r.cells.map((c, i) => {
            if (typeof c !== "string") return c
            if (i === 1) return names.municipality(c)
            const [start, end] = c.split("/")
            return i === 0 && start !== undefined && end !== undefined ? periodText({ start, end }) : c
          })
        }))
      }
    })
  }
  if (blocks.length === 0) return undefined
  return { id: "evaluation", title: both((l) => of("evaluation", l)), blocks }
}

const r0Indicator = (
  rounds: ReadonlyArray<Analysis.TerritoryAnalysis["accountability"][number]>,
  assignment: string
): string | undefined => {
  for (const r of rounds) {
    const found = r.indicators.find((i) => i.assignment === assignment)
    if (found !== undefined) return found.indicator
  }
  return undefined
}

const comparisonBlocks = (input: TerritoryReportInput): Array<Block> => {
  if (input.comparison === undefined) return []
  const c = input.comparison.comparison
  const [a, b] = input.comparison.names
  return [
    {
      kind: "paragraph",
      text: both((l) => {
        const name = (s: Str) => (typeof s === "string" ? s : s[l])
        return l === "it"
          ? `Indice complessivo da ${numOr(c.index.from, l)} (${name(a)}) a ${numOr(c.index.to, l)} (${name(b)}); verdetto da «${From.classLabel(c.class.from).it}» a «${From.classLabel(c.class.to).it}».`
          : `Overall index from ${numOr(c.index.from, l)} (${name(a)}) to ${numOr(c.index.to, l)} (${name(b)}); verdict from "${From.classLabel(c.class.from).en}" to "${From.classLabel(c.class.to).en}".`
      })
    },
    { kind: "radar", data: From.comparison(c, input.comparison.names) }
  ]
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
  const ledger = ledgerSection(ter)
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
