/**
 * The measures of a partnership network in one value (measure), and their bilingual text.
 * @internal
 */
import * as Actor from "../../Actor.js"
import type { Labels, Lang } from "../../Label.js"
import { components, crossSectorShare, density, isolated, sectorMixing } from "./metrics.js"
import { internal, type PartnershipNetwork } from "./model.js"
import {
  type BetweennessOptions,
  type Broker,
  betweennessErrorBound,
  brokers,
  communities
} from "./structure.js"

export const summary = (
  network: PartnershipNetwork
): { readonly connectedCrossSector: boolean; readonly components: number } => {
  const { csr, sector, citizen, index } = internal(network)
  const parts = components(network)
  const counted = (id: Actor.ActorId): boolean => {
    const i = index.get(id)!
    return citizen[i] === 0 || csr.offsets[i + 1] !== csr.offsets[i]
  }
  const relevant = parts.filter((c) => c.some(counted))
  const connectedCrossSector =
    network.size > 0 &&
    relevant.length === 1 &&
    new Set(relevant[0]!.map((id) => sector[index.get(id)!]!)).size >= 2
  return { connectedCrossSector, components: parts.length }
}

/**
 * What a network report says: its size, density and cross-sector share, the
 * actors and inner ties of each sector, the ties across each pair of sectors,
 * the brokers between sectors, the isolated actors, the number of components
 * and communities, and whether the network is connected across sectors.
 *
 * @category models
 * @since 0.1.0
 */
export interface Report {
  readonly actors: number
  readonly ties: number
  readonly density: number
  readonly crossSectorShare: number
  /** Every sector that has actors, in the order of `Actor.sectors`. */
  readonly sectors: ReadonlyArray<{
    readonly sector: Actor.Sector
    readonly actors: number
    readonly tiesWithin: number
  }>
  /** Every pair of different sectors joined by at least one tie. */
  readonly tiesAcross: ReadonlyArray<{
    readonly sectors: readonly [Actor.Sector, Actor.Sector]
    readonly ties: number
  }>
  /** The brokers between sectors, the most central first, at most `maxBrokers`. */
  readonly brokers: ReadonlyArray<Broker>
  readonly isolated: ReadonlyArray<Actor.ActorId>
  readonly components: number
  readonly communities: number
  readonly connectedCrossSector: boolean
}

/**
 * The report of a network (see {@link Report}). `maxBrokers` (default 5)
 * caps the brokers listed; `betweenness` options choose exact or sampled
 * betweenness: exact betweenness is O(actors x ties), about 7 s on one
 * core at 10,000 actors and 100,000 ties, where `{ sample: 1000 }` takes
 * under a second (see {@link betweennessErrorBound}).
 *
 * @example
 * ```ts
 * import * as assert from "node:assert"
 * import { Actor, Partnership, PartnershipNetwork } from "@welfare/core"
 *
 * const actor = (id: string, kind: Actor.ActorKind) => Actor.unsafeMake({ id: Actor.ActorId.make(id), kind })
 * const table = (...ids: Array<string>) => ({ members: ids.map((a) => Partnership.member(a, ["partner"])) })
 * const network = PartnershipNetwork.fromPartnerships(
 *   [actor("comune", "local-authority"), actor("forum", "social-private-body"), actor("impresa", "business"), actor("p-1", "citizen")],
 *   [table("comune", "forum"), table("forum", "impresa")]
 * )
 * const report = PartnershipNetwork.measure(network)
 * assert.deepStrictEqual(report.brokers.map((b) => b.actor), ["forum"])
 * assert.deepStrictEqual(report.isolated, ["p-1"])
 * assert.strictEqual(report.connectedCrossSector, true)
 * ```
 *
 * @category calculators
 * @since 0.1.0
 */
export const measure = (
  network: PartnershipNetwork,
  options: { readonly maxBrokers?: number; readonly betweenness?: BetweennessOptions } = {}
): Report => {
  const { sector } = internal(network)
  const mixing = sectorMixing(network)
  const counts = Actor.sectors.map(() => 0)
  for (let i = 0; i < sector.length; i++) counts[sector[i]!]!++
  const tiesAcross: Array<{
    readonly sectors: readonly [Actor.Sector, Actor.Sector]
    readonly ties: number
  }> = []
  Actor.sectors.forEach((s, x) => {
    Actor.sectors.forEach((t, y) => {
      if (y > x && mixing[s][t] > 0) tiesAcross.push({ sectors: [s, t], ties: mixing[s][t] })
    })
  })
  const { connectedCrossSector, components: parts } = summary(network)
  return {
    actors: network.actors.length,
    ties: network.size,
    density: density(network),
    crossSectorShare: crossSectorShare(network),
    sectors: Actor.sectors
      .map((s, x) => ({ sector: s, actors: counts[x]!, tiesWithin: mixing[s][s] }))
      .filter((s) => s.actors > 0),
    tiesAcross,
    brokers: brokers(network, options.betweenness ?? {}).slice(0, options.maxBrokers ?? 5),
    isolated: isolated(network),
    components: parts,
    communities: communities(network).communities.length,
    connectedCrossSector
  }
}

/**
 * The words of a printed report.
 *
 * @category models
 * @since 0.1.0
 */
export type ReportTerm =
  | "actors"
  | "ties"
  | "density"
  | "cross-sector-share"
  | "sectors"
  | "ties-within"
  | "ties-across"
  | "brokers"
  | "betweenness"
  | "isolated"
  | "none"
  | "components"
  | "communities"
  | "connected-cross-sector"
  | "yes"
  | "no"

/**
 * Italian and English labels of the words of a printed report.
 *
 * @category labels
 * @since 0.1.0
 */
export const reportLabels: Labels<ReportTerm> = {
  actors: { it: "Attori", en: "Actors" },
  ties: { it: "Legami", en: "Ties" },
  density: { it: "Densità", en: "Density" },
  "cross-sector-share": { it: "Quota di legami tra settori", en: "Share of cross-sector ties" },
  sectors: { it: "Settori", en: "Sectors" },
  "ties-within": { it: "legami interni", en: "ties within" },
  "ties-across": { it: "Legami tra settori", en: "Ties across sectors" },
  brokers: { it: "Attori ponte tra settori", en: "Brokers between sectors" },
  betweenness: { it: "intermediazione", en: "betweenness" },
  isolated: { it: "Attori isolati", en: "Isolated actors" },
  none: { it: "nessuno", en: "none" },
  components: { it: "Componenti connesse", en: "Connected components" },
  communities: { it: "Comunità (Louvain)", en: "Communities (Louvain)" },
  "connected-cross-sector": { it: "Rete connessa tra settori", en: "Connected cross-sector network" },
  yes: { it: "sì", en: "yes" },
  no: { it: "no", en: "no" }
}

/**
 * A report as lines of text in one language, with the labels of sectors
 * (`Actor.sectorLabels`) and of {@link reportLabels}. Numbers are printed
 * with at most three decimals. `names` gives the display name of an actor
 * (its id by default).
 *
 * @category formatting
 * @since 0.1.0
 */
export const formatReport = (
  r: Report,
  lang: Lang,
  names: (actor: Actor.ActorId) => string = (actor) => actor
): ReadonlyArray<string> => {
  const t = (term: ReportTerm) => reportLabels[term][lang]
  const s = (sector: Actor.Sector) => Actor.sectorLabels[sector][lang]
  const num = (x: number) => String(Math.round(x * 1000) / 1000)
  return [
    `${t("actors")}: ${r.actors}; ${t("ties")}: ${r.ties}; ${t("density")}: ${num(r.density)}`,
    `${t("cross-sector-share")}: ${num(r.crossSectorShare)}`,
    `${t("sectors")}:`,
    ...r.sectors.map((x) => `  ${s(x.sector)}: ${x.actors} (${t("ties-within")}: ${x.tiesWithin})`),
    `${t("ties-across")}:`,
    ...(r.tiesAcross.length === 0
      ? [`  ${t("none")}`]
      : r.tiesAcross.map((x) => `  ${s(x.sectors[0])} - ${s(x.sectors[1])}: ${x.ties}`)),
    `${t("brokers")}:`,
    ...(r.brokers.length === 0
      ? [`  ${t("none")}`]
      : r.brokers.map(
          (b) =>
            `  ${names(b.actor)} (${s(b.sector)}): ${t("betweenness")} ${num(b.betweenness)}, ${b.sectorsReached.map(s).join(", ")}`
        )),
    `${t("isolated")}: ${r.isolated.length === 0 ? t("none") : r.isolated.map(names).join(", ")}`,
    `${t("components")}: ${r.components}; ${t("communities")}: ${r.communities}`,
    `${t("connected-cross-sector")}: ${r.connectedCrossSector ? t("yes") : t("no")}`
  ]
}
