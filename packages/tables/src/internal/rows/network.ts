import type { Actor } from "@welfare/core"
import { PartnershipNetwork } from "@welfare/core"
import { type Column, col, type Rows, type Value } from "./model.js"

/**
 * A row of {@link networkActors}: one actor's metrics.
 *
 * @category models
 * @since 0.1.0
 */
export interface NetworkActorRow {
  readonly [column: string]: Value
  readonly actor: string
  readonly sector: Actor.Sector
  readonly degree: number
  readonly weighted_degree: number
  readonly betweenness: number
  readonly constraint: number | null
  readonly effective_size: number | null
  readonly community: number
  readonly isolated: boolean
}

/**
 * The columns of {@link networkActors}, in order.
 *
 * @category constants
 * @since 0.1.0
 */
export const networkActorColumns: ReadonlyArray<Column> = [
  col("actor", "string", false, "Id dell'attore", "Id of the actor"),
  col("sector", "string", false, "Settore", "Sector"),
  col("degree", "integer", false, "Legami", "Ties"),
  col(
    "weighted_degree",
    "number",
    false,
    "Legami pesati (partenariati condivisi)",
    "Weighted ties (partnerships shared)"
  ),
  col("betweenness", "number", false, "Intermediazione normalizzata", "Normalised betweenness"),
  col(
    "constraint",
    "number",
    true,
    "Vincolo di Burt; vuoto senza legami",
    "Burt's constraint; empty without ties"
  ),
  col(
    "effective_size",
    "number",
    true,
    "Dimensione efficace di Burt; vuota senza legami",
    "Burt's effective size; empty without ties"
  ),
  col("community", "integer", false, "Comunità (0 la più grande)", "Community (0 the largest)"),
  col("isolated", "boolean", false, "Se non ha legami", "Whether it has no tie")
]

/**
 * The ids of the actors that are persons (kind `citizen`): pass them as
 * `persons` to {@link networkActors} and {@link networkTies}, which then list
 * no person (persons are counted, never listed, as in the reports).
 *
 * @category getters
 * @since 0.1.0
 */
export const personsOf = (actors: ReadonlyArray<Pick<Actor.Actor, "id" | "kind">>): ReadonlySet<string> =>
  new Set(actors.filter((a) => a.kind === "citizen").map((a) => a.id as string))

/**
 * The metrics of every actor of a partnership network, in the network's
 * actor order: degree, weighted degree, betweenness (exact, or sampled with
 * `options.betweenness`), Burt's constraint and effective size, community
 * (Louvain, seeded) and isolation. The actors in `options.persons` (see
 * {@link personsOf}) are left out of the rows; the metrics of the others
 * still count their ties.
 *
 * @example
 * ```ts
 * import * as assert from "node:assert"
 * import { Actor, Partnership, PartnershipNetwork } from "@welfare/core"
 * import { Rows } from "@welfare/tables"
 *
 * const actor = (id: string, kind: Actor.ActorKind) => Actor.unsafeMake({ id: Actor.ActorId.make(id), kind })
 * const table = (...ids: Array<string>) => ({ members: ids.map((a) => Partnership.member(a, ["partner"])) })
 * const network = PartnershipNetwork.fromPartnerships(
 *   [actor("comune", "local-authority"), actor("forum", "social-private-body"), actor("impresa", "business")],
 *   [table("comune", "forum"), table("forum", "impresa")]
 * )
 * const forum = Rows.networkActors(network).rows.find((r) => r.actor === "forum")!
 * assert.strictEqual(forum.degree, 2)
 * assert.strictEqual(forum.betweenness, 1)
 * ```
 *
 * @category conversions
 * @since 0.1.0
 */
export const networkActors = (
  network: PartnershipNetwork.PartnershipNetwork,
  options: {
    readonly betweenness?: PartnershipNetwork.BetweennessOptions
    readonly persons?: ReadonlySet<string>
  } = {}
): Rows<NetworkActorRow> => {
  const persons = options.persons ?? new Set<string>()
  const degree = PartnershipNetwork.degree(network)
  const weighted = PartnershipNetwork.weightedDegree(network)
  const between = PartnershipNetwork.betweenness(network, options.betweenness ?? {})
  const holes = PartnershipNetwork.structuralHoles(network)
  const community = new Map<string, number>()
  PartnershipNetwork.communities(network).communities.forEach((members, i) => {
    for (const m of members) community.set(m, i)
  })
  return {
    name: "network_actors",
    columns: networkActorColumns,
    rows: network.actors
      .filter((actor) => !persons.has(actor))
      .map((actor) => {
        const h = holes.get(actor)
        const d = degree.get(actor) ?? 0
        return {
          actor,
          sector: PartnershipNetwork.sectorIn(network, actor)!,
          degree: d,
          weighted_degree: weighted.get(actor) ?? 0,
          betweenness: between.get(actor) ?? 0,
          constraint: h === undefined ? null : h.constraint,
          effective_size: h === undefined ? null : h.effectiveSize,
          community: community.get(actor) ?? 0,
          isolated: d === 0
        }
      })
  }
}

/**
 * A row of {@link networkTies}: one tie.
 *
 * @category models
 * @since 0.1.0
 */
export interface NetworkTieRow {
  readonly [column: string]: Value
  readonly actor_a: string
  readonly actor_b: string
  readonly weight: number
  readonly cross_sector: boolean
}

/**
 * The columns of {@link networkTies}, in order.
 *
 * @category constants
 * @since 0.1.0
 */
export const networkTieColumns: ReadonlyArray<Column> = [
  col("actor_a", "string", false, "Primo attore (in ordine di id)", "First actor (in id order)"),
  col("actor_b", "string", false, "Secondo attore", "Second actor"),
  col("weight", "number", false, "Partenariati condivisi", "Partnerships shared"),
  col("cross_sector", "boolean", false, "Se unisce due settori", "Whether it joins two sectors")
]

/**
 * Every tie of a partnership network (an edge list), in id order, but those
 * of the actors in `options.persons` (see {@link personsOf}).
 *
 * @category conversions
 * @since 0.1.0
 */
export const networkTies = (
  network: PartnershipNetwork.PartnershipNetwork,
  options: { readonly persons?: ReadonlySet<string> } = {}
): Rows<NetworkTieRow> => ({
  name: "network_ties",
  columns: networkTieColumns,
  rows: PartnershipNetwork.ties(network)
    .filter(
      (t) =>
        options.persons === undefined ||
        !(options.persons.has(t.actors[0]) || options.persons.has(t.actors[1]))
    )
    .map((t) => ({
      actor_a: t.actors[0],
      actor_b: t.actors[1],
      weight: t.weight,
      cross_sector: t.crossSector
    }))
})
