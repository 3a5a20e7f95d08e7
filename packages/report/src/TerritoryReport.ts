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
  Dimension,
  Indicator,
  type Label,
  Need,
  Partnership,
  PolicyArea,
  Progress,
  Requirement,
  Resource,
  Rubric,
  TakingCharge,
  TerritoryAssessment
} from "@welfare/core"
import type * as Analysis from "./Analysis.js"
import * as From from "./From.js"
import { formatNumber, of, type Str, text } from "./Labels.js"
import type { Block, ReportDocument, Section } from "./Report.js"
import { type Count, count, percent, type Row, type Table } from "./View.js"

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
    readonly partnerships?: ReadonlyArray<{
      readonly id?: string
      readonly name?: string
      readonly members: ReadonlyArray<{ readonly actor: string }>
    }>
    readonly charter?: { readonly projects: ReadonlyArray<{ readonly id: string; readonly title: string }> }
    readonly interventions?: ReadonlyArray<{ readonly id: string; readonly name?: string }>
    readonly indicators?: ReadonlyArray<{ readonly id: string; readonly label: Label.Text }>
  }
  readonly analysis?: Analysis.TerritoryAnalysis
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

const classText = (c: string): Text => From.classLabel(c)

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
  const actor = (id: string): Str => (persons.has(id) ? personLabel : (actors.get(id) ?? id))
  const policyAreas = PolicyArea.labels as { readonly [k: string]: Text }
  const sectors = Actor.sectorLabels as { readonly [k: string]: Text }
  return {
    actor,
    municipality: (id) => municipalities.get(id) ?? id,
    intervention: (id) => interventions.get(id) ?? id,
    project: (id) => projects.get(id) ?? id,
    indicator: (id) => input.indicatorLabel?.(id) ?? indicators.get(id) ?? id,
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
 * Counts of persons in a partition (a total and its parts), suppressed below
 * `threshold` with complementary suppression: when exactly one part is
 * hidden while the total shows, the next smallest part is hidden too, so
 * that no hidden count can be recomputed by subtraction.
 */
const partition = (total: number, parts: ReadonlyArray<number>, threshold = 5): [Count, Array<Count>] => {
  const cells = parts.map((p) => count(p, threshold))
  const totalCell = count(total, threshold)
  const hidden = cells.filter((c, i) => c.value === null && parts[i]! > 0).length
  if (hidden === 1 && totalCell.value !== null) {
    let pick = -1
    parts.forEach((p, i) => {
      if (cells[i]!.value !== null && p > 0 && (pick === -1 || p < parts[pick]!)) pick = i
    })
    if (pick >= 0) cells[pick] = { _tag: "Count", value: null, threshold }
  }
  return [totalCell, cells]
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
      "Questo rapporto colloca il territorio sulle sette dimensioni del welfare generativo (seme 000): 0 è il polo tradizionale, 1 il polo generativo. Ogni posizione è spiegata con i tratti osservati negli interventi, con le parole dei semi e la riga da cui vengono.",
      "This report places the territory on the seven dimensions of generative welfare (seed 000): 0 is the traditional pole, 1 the generative pole. Every position is explained by the traits observed in the interventions, in the seeds' own words and with the row they come from."
    )
  })
  const findings =
    a === undefined
      ? undefined
      : a.coDesigns.reduce((n, p) => n + p.findings.length, 0) +
        a.accountability.reduce((n, r) => n + r.findings.length, 0)
  blocks.push({
    kind: "facts",
    items: [
      { label: both((l) => of("overallIndex", l)), value: profile.index },
      { label: both((l) => of("class", l)), value: classText(profile.class) },
      ...(tp === undefined
        ? []
        : [
            { label: t("Lettura degli interventi", "Intervention reading"), value: tp.interventionIndex },
            { label: t("Lettura di sistema", "System reading"), value: tp.systemIndex },
            { label: t("Interventi valutati", "Interventions assessed"), value: tp.interventions.length }
          ]),
      ...(findings === undefined ? [] : [{ label: t("Criticità rilevate", "Findings"), value: findings }])
    ]
  })
  if (tp !== undefined) {
    blocks.push({
      kind: "paragraph",
      text: both((l) => {
        const ii = num(tp.interventionIndex, l)
        const si = num(tp.systemIndex, l)
        const c = text(classText(tp.class), l).toLowerCase()
        const base =
          l === "it"
            ? `L'indice del territorio (${num(tp.index, l)}, classe «${c}») è il minore tra la lettura degli interventi (${ii}) e la lettura di sistema (${si}): «la generatività è una dimensione del sistema e non l'esito del singolo intervento» (seme 003, riga 24).`
            : `The territory's index (${num(tp.index, l)}, class "${c}") is the smaller of the intervention reading (${ii}) and the system reading (${si}): generativity is a property of the system, not the outcome of a single intervention (seed 003, row 24).`
        const capped = tp.capped
          ? l === "it"
            ? " La classe è limitata a «in transizione» perché la rete dei partenariati non è connessa tra settori (invariante 6)."
            : ' The class is capped at "transitional" because the partnership network is not connected across sectors (invariant 6).'
          : ""
        return base + capped
      })
    })
  }
  blocks.push({
    kind: "radar",
    data: From.profile(profile, input.profileName ?? input.territory.name)
  })
  const first = a?.recommendations[0]
  if (first !== undefined)
    blocks.push({
      kind: "paragraph",
      text: both((l) =>
        l === "it"
          ? `Il passo che renderebbe più generativo un intervento: «${first.change.it}» per ${text(names.intervention(first.intervention), l)} (+${num(first.gain, l)} sul suo indice; ${seedRef(first.source).it}). Le altre raccomandazioni sono nella sezione sugli interventi.`
          : `The step that would make an intervention most generative: "${first.change.en}" for ${text(names.intervention(first.intervention), l)} (+${num(first.gain, l)} on its index; ${seedRef(first.source).en}). The other recommendations are in the section on interventions.`
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
            ? [{ label: t("Cittadini (conteggio)", "Citizens (count)"), value: count(citizens) }]
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

const dimensionsSection = (tp: TerritoryAssessment.TerritoryProfile): Section => {
  const weights = Rubric.defaultRubric.weights as { readonly [k: string]: number }
  const overview = table(
    t("Posizione di ogni dimensione e tratti osservati", "Position of each dimension and traits observed"),
    [
      both((l) => of("dimension", l)),
      both((l) => of("position", l)),
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
          tp.dimensions[d].position,
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
      t("Peso", "Weight"),
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
  const strongest = [...Dimension.values].sort(
    (x, y) => tp.dimensions[y].position - tp.dimensions[x].position
  )
  const hi = strongest[0]!
  const lo = strongest[strongest.length - 1]!
  return {
    id: "dimensions",
    title: t("Le sette dimensioni spiegate", "The seven dimensions explained"),
    blocks: [
      {
        kind: "paragraph",
        text: t(
          "Ogni tratto osservato porta il suo peso al proprio polo; la posizione di una dimensione è il peso generativo sul peso totale osservato, mediata sugli interventi che mostrano un suo tratto (0,5 quando nessuno lo mostra).",
          "Each trait observed brings its weight to its pole; a dimension's position is the generative weight over all the weight observed, averaged over the interventions that show one of its traits (0.5 when none does)."
        )
      },
      {
        kind: "paragraph",
        text: both((l) =>
          l === "it"
            ? `La dimensione più generativa è «${Dimension.labels[hi].it}» (${num(tp.dimensions[hi].position, l)}); la più tradizionale è «${Dimension.labels[lo].it}» (${num(tp.dimensions[lo].position, l)}).`
            : `The most generative dimension is "${Dimension.labels[hi].en}" (${num(tp.dimensions[hi].position, l)}); the most traditional is "${Dimension.labels[lo].en}" (${num(tp.dimensions[lo].position, l)}).`
        )
      },
      { kind: "table", table: overview },
      { kind: "table", table: evidence, collapsed: true }
    ]
  }
}

const interventionsSection = (a: Analysis.TerritoryAnalysis, names: Names): Section => {
  const byClass = Rubric.classes.map((c) => a.interventions.filter((i) => i.class === c).length)
  const blocks: Array<Block> = [
    {
      kind: "paragraph",
      text: both((l) =>
        l === "it"
          ? `${a.interventions.length} interventi valutati: ${Rubric.classes.map((c, i) => `${byClass[i]} ${Rubric.classLabels[c].it.toLowerCase()}`).join(", ")}. Ciascuno è collocato con le stesse regole del territorio; la classe segue le soglie della rubrica (in transizione da 1/3, generativo da 2/3).`
          : `${a.interventions.length} interventions assessed: ${Rubric.classes.map((c, i) => `${byClass[i]} ${Rubric.classLabels[c].en.toLowerCase()}`).join(", ")}. Each is placed by the same rules as the territory; the class follows the rubric's thresholds (transitional from 1/3, generative from 2/3).`
      )
    },
    {
      kind: "table",
      table: table(
        t("Classe e indice di ogni intervento", "Class and index of each intervention"),
        [t("Intervento", "Intervention"), both((l) => of("class", l)), both((l) => of("overallIndex", l))],
        [...a.interventions]
          .sort((x, y) => y.index - x.index || (x.id < y.id ? -1 : 1))
          .map((i) => ({ header: names.intervention(i.id), cells: [classText(i.class), i.index] }))
      )
    }
  ]
  if (a.recommendations.length > 0) {
    blocks.push({ kind: "heading", text: t("Raccomandazioni", "Recommendations") })
    blocks.push({
      kind: "paragraph",
      text: t(
        "I tratti generativi che mancano agli interventi meno generativi, ordinati per il guadagno che ciascuno porterebbe all'indice del proprio intervento.",
        "The generative traits the least generative interventions miss, ranked by the gain each would bring to its intervention's index."
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
          t("Guadagno", "Gain"),
          t("Fonte", "Source")
        ],
        a.recommendations.map((r, i) => ({
          header: both((l) => `${i + 1}. ${text(names.intervention(r.intervention), l)}`),
          cells: [r.change, Dimension.labels[r.dimension], both((l) => signed(r.gain, l)), seedRef(r.source)]
        }))
      )
    })
  }
  return { id: "interventions", title: t("Gli interventi", "The interventions"), blocks }
}

const evidenceText = (evidence: ReadonlyArray<TerritoryAssessment.Count>, names: Names): Str =>
  both((l) =>
    evidence
      .map((e) =>
        e.what.en.startsWith("Partnership network connected across sectors")
          ? `${text(e.what, l).replace(/ \(.*\)$/, "")}: ${text(yesNo(e.count > 0), l)}`
          : `${text(e.what, l)}: ${e.count}${e.examples.length > 0 ? ` (${e.examples.map((x) => text(names.example(x), l)).join(", ")}${e.count > e.examples.length ? ", …" : ""})` : ""}`
      )
      .join("; ")
  )

const systemSection = (tp: TerritoryAssessment.TerritoryProfile, names: Names): Section => ({
  id: "system",
  title: t("La lettura di sistema", "The system reading"),
  blocks: [
    {
      kind: "paragraph",
      text: tp.connectedCrossSector
        ? t(
            "La rete dei partenariati è connessa tra settori: tutte le organizzazioni stanno in una sola componente che comprende più settori. Il territorio può quindi raggiungere la classe generativa (invariante 6).",
            "The partnership network is connected across sectors: every organisation lies in one component spanning several sectors. The territory can therefore reach the generative class (invariant 6)."
          )
        : t(
            "La rete dei partenariati non è connessa tra settori: alcune organizzazioni restano fuori dalla componente principale, o questa non attraversa i settori. Finché è così il territorio non può raggiungere la classe generativa (invariante 6).",
            "The partnership network is not connected across sectors: some organisations lie outside the main component, or it does not span sectors. Until it does, the territory cannot reach the generative class (invariant 6)."
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
    }
  ]
})

const checklistTable = (caption: Str, checklist: TerritoryAssessment.Checklist, names: Names): Table =>
  table(
    caption,
    [t("Elemento", "Item"), t("Presente", "Met"), both((l) => of("evidence", l)), t("Fonte", "Source")],
    checklist.items.map((i) => ({
      header: i.text,
      cells: [yesNo(i.met), evidenceText(i.evidence, names), seedRef(i.source)]
    }))
  )

const maturitySection = (tp: TerritoryAssessment.TerritoryProfile, names: Names): Section => {
  const met = (c: TerritoryAssessment.Checklist) => c.items.filter((i) => i.met).length
  const reached = tp.ladder.reached
  return {
    id: "maturity",
    title: t(
      "Maturità: mosse, caratteristiche, welfare di comunità",
      "Maturity: moves, characteristics, community welfare"
    ),
    blocks: [
      {
        kind: "facts",
        items: [
          {
            label: t("Mosse del welfare responsabile", "Moves of responsible welfare"),
            value: `${met(tp.moves)} / ${tp.moves.items.length}`
          },
          {
            label: t("Caratteristiche del welfare generativo", "Characteristics of generative welfare"),
            value: `${met(tp.characteristics)} / ${tp.characteristics.items.length}`
          },
          {
            label: t("Gradino del welfare di comunità", "Rung of community welfare"),
            value:
              reached === undefined ? t("nessuno", "none") : TerritoryAssessment.communityFormLabels[reached]
          }
        ]
      },
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
          "Dalla semplice aggregazione della domanda al mutuo aiuto fino alla collaborazione attiva (seme 002, riga 13): il gradino raggiunto è il più alto su cui si trova almeno un intervento.",
          "From the simple aggregation of demand to mutual aid and on to active collaboration (seed 002, row 13): the rung reached is the highest with at least one intervention on it."
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

const sectorText = (s: Actor.Sector): Text => Actor.sectorLabels[s]

const shortSector: { readonly [S in Actor.Sector]: Text } = {
  public: t("Pubblico", "Public"),
  "third-sector": t("Terzo settore", "Third sector"),
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
            ? `; cittadini in nessun partenariato: ${cellTextOf(count(n.isolatedCitizens), l)} (contati, mai nominati)`
            : `; citizens in no partnership: ${cellTextOf(count(n.isolatedCitizens), l)} (counted, never named)`
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
  c.value === null ? `< ${c.threshold}` : formatNumber(c.value, l, 0)

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
          ...[...Need.statuses]
            .reverse()
            .map((s) => ({ header: Need.statusLabels[s], cells: [n.byStatus[s]] })),
          {
            header: t(
              "Complessi (più aree di policy; seme 004, riga 32)",
              "Complex (several policy areas; seed 004, row 32)"
            ),
            cells: [n.complex]
          },
          {
            header: t(
              "In «terra di nessuno» (nessun ente responsabile; seme 004, riga 23)",
              'In "no man\'s land" (no responsible body; seed 004, row 23)'
            ),
            cells: [n.noMansLand]
          },
          { header: t("Totale", "Total"), cells: [n.total] }
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
    const [total, stages] = partition(
      tc.paths,
      TakingCharge.stages.map((s) => tc.byStage[s])
    )
    const [, response] = partition(tc.paths, [tc.withCommunityResponse, tc.withoutCommunityResponse])
    const [, contribution] = partition(tc.paths, [tc.withPersonContribution, tc.withoutPersonContribution])
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
            cells: [count(w.traditional)]
          },
          {
            header: t("Generativo (anche la vulnerabilità)", "Generative (vulnerability too)"),
            cells: [count(w.generative)]
          },
          {
            header: t("Raggiunte solo dall'accesso generativo", "Reached only by generative access"),
            cells: [count(w.widened)]
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
        rounds.map((r) => ({
          header: periodText(r.period),
          cells: [
            list(r.evaluators.actors.map(names.actor)),
            list(r.evaluators.sectors.map(sectorText)),
            count(r.evaluators.finalRecipients),
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
          ? `Indice complessivo da ${formatNumber(c.index.from, l)} (${name(a)}) a ${formatNumber(c.index.to, l)} (${name(b)}); classe da «${From.classLabel(c.class.from).it}» a «${From.classLabel(c.class.to).it}».`
          : `Overall index from ${formatNumber(c.index.from, l)} (${name(a)}) to ${formatNumber(c.index.to, l)} (${name(b)}); class from "${From.classLabel(c.class.from).en}" to "${From.classLabel(c.class.to).en}".`
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
  if (tp !== undefined) sections.push(dimensionsSection(tp))
  if (a !== undefined && a.interventions.length > 0) sections.push(interventionsSection(a, names))
  if (tp !== undefined) sections.push(systemSection(tp, names), maturitySection(tp, names))
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
