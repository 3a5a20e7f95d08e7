/**
 * The report section on the social counterpart and the 5R (Fondazione Zancan,
 * Rapporto sulla lotta alla povertà 2012-2014; outside the seeds), computed
 * from the territory's per-person ledger and published through
 * `Ledger.publish`, so every figure about persons is suppressed below the
 * report's threshold (5 persons by default) with complementary suppression,
 * like every other published figure.
 *
 * @internal
 */
import { Actor, Ledger, Summary } from "@welfare/core"
import * as Either from "effect/Either"
import type { Block, Section } from "./Report.js"
import { type Cell, count, percent, type Row } from "./View.js"

const t = (it: string, en: string) => ({ it, en })

/**
 * The section, or `undefined` when the territory has no ledger.
 *
 * @internal
 */
export const ledgerSection = (
  territory: {
    readonly ledger?: ReadonlyArray<Ledger.Entry>
    readonly municipalities?: ReadonlyArray<unknown>
  },
  disclosure?: { readonly threshold: number; readonly rounding?: number }
): Section | undefined => {
  const entries = territory.ledger ?? []
  if (entries.length === 0) return undefined
  // the report's one threshold and rounding (`analyse`'s options), 5 and exact counts by default
  const published = Ledger.publish(
    entries,
    Actor.ActorId.make("ledger"),
    disclosure === undefined ? {} : { threshold: disclosure.threshold }
  )
  if (Either.isLeft(published)) return undefined
  const names = new Map<string, string>()
  for (const m of territory.municipalities ?? []) {
    const x = m as { readonly id?: string; readonly name?: string }
    if (typeof x.id === "string" && typeof x.name === "string") names.set(x.id, x.name)
  }
  const { counterpartRows, verbRows } = ledgerRows(published.right, names, disclosure?.rounding)
  return {
    id: "social-counterpart",
    title: t("Corrispettivo sociale e 5R", "Social counterpart and the 5R"),
    blocks: ledgerBlocks(published.right.threshold, counterpartRows, verbRows)
  }
}

type Published = Either.Either.Right<ReturnType<typeof Ledger.publish>>
type LedgerCell = Published["cells"][string]

// The rows of the two tables: the mean counterpart per year and municipality, and the 5R by year.
const ledgerRows = (
  published: Published,
  names: ReadonlyMap<string, string>,
  rounding: number | undefined
): { readonly counterpartRows: Array<Row>; readonly verbRows: Array<Row> } => {
  const rounded = (n: number) => (rounding === undefined ? n : Math.round(n / rounding) * rounding)
  const cells = Object.values(published.cells).sort((a, b) => {
    const ka = `${a.indicator}|${a.period.start}|${a.municipality ?? ""}`
    const kb = `${b.indicator}|${b.period.start}|${b.municipality ?? ""}`
    return ka < kb ? -1 : ka > kb ? 1 : 0
  })
  const hiddenCount = (c: LedgerCell): Cell =>
    c.suppressed && c.hidden === "complementary"
      ? { _tag: "Count", value: null, threshold: published.threshold, hidden: "complementary" }
      : count(null, published.threshold)
  const value = (c: LedgerCell): Cell => {
    if (c.suppressed) return hiddenCount(c)
    const m = Summary.mean(c)
    return m === undefined ? null : percent(m / 100)
  }
  const persons = (c: LedgerCell): Cell =>
    c.suppressed ? hiddenCount(c) : count(rounded(c.persons), published.threshold)
  const year = (c: LedgerCell) => c.period.start.slice(0, 4)
  const counterpartRows: Array<Row> = cells
    .filter((c) => c.indicator === Ledger.indicatorIds.counterpart)
    .map((c) => ({
      header: `${year(c)} · ${c.municipality === undefined ? "—" : (names.get(c.municipality) ?? c.municipality)}`,
      cells: [persons(c), value(c)]
    }))
  const verbRows: Array<Row> = Ledger.verbs.flatMap((v) =>
    cells
      .filter((c) => c.indicator === Ledger.indicatorIds[v])
      .map((c) => ({
        header: t(`${Ledger.labels[v].it} (${year(c)})`, `${Ledger.labels[v].en} (${year(c)})`),
        cells: [value(c), t(Ledger.formulas[v].part, Ledger.formulas[v].part)]
      }))
  )
  return { counterpartRows, verbRows }
}

// The section's explanation and its tables (those with rows).
const ledgerBlocks = (threshold: number, counterpartRows: Array<Row>, verbRows: Array<Row>): Array<Block> => {
  const blocks: Array<Block> = [
    {
      kind: "paragraph",
      text: t(
        `Fuori dai semi: le 5R e il corrispettivo sociale della Fondazione Zancan (Rapporto sulla lotta alla povertà 2012-2014). Il corrispettivo sociale è ciò che chi riceve aiuto restituisce alla comunità per accordo nel suo percorso di presa in carico: per persona, ore restituite e onorate su ore ricevute. Ore ed euro non si sommano (scelta editoriale: nessun tasso di cambio è dato). Ogni cifra su meno di ${threshold} persone è soppressa, con soppressione complementare.`,
        `Outside the seeds: Fondazione Zancan's 5R and social counterpart (Rapporto sulla lotta alla povertà 2012-2014). The social counterpart is what a person who receives help gives back to the community by agreement in their taking-charge path: per person, hours given back and honoured over hours received. Hours and euros are never added (an editorial choice: no exchange rate is given). Every figure about fewer than ${threshold} persons is suppressed, with complementary suppression.`
      )
    }
  ]
  if (counterpartRows.length > 0)
    blocks.push({
      kind: "table",
      table: {
        caption: t("Corrispettivo sociale medio per persona", "Mean social counterpart per person"),
        columns: [t("Anno · Comune", "Year · Municipality"), t("Persone", "Persons"), t("Media", "Mean")],
        rows: counterpartRows
      }
    })
  if (verbRows.length > 0)
    blocks.push({
      kind: "table",
      table: {
        caption: t("Le 5R dal registro delle persone", "The 5R from the persons' ledger"),
        columns: [t("Verbo", "Verb"), t("Valore", "Value"), t("Formula", "Formula")],
        rows: verbRows
      }
    })
  return blocks
}
