/**
 * The partnership network: actors linked by the partnerships they share, and
 * how networked a territory really is: which sectors talk to each other
 * (cross-sector ties, sector mixing), who brokers between them (betweenness,
 * Burt's structural holes), which actors stand alone, and which communities
 * form. "Investire sulle reti ... sul partenariato" (seed 004, row 47); local
 * networking is move 4 of responsible welfare (seed 001).
 *
 * A network is an opaque, immutable value built by {@link fromPartnerships};
 * every metric is a pure function of it. Two actors are tied when they are
 * members of at least one common partnership; the weight of a tie is the
 * number of partnerships they share. The result never depends on the order of
 * the actors, of the members or of the partnerships (invariant 4): nodes and
 * ties are kept in id order.
 *
 * Communities (Louvain) and density are computed by graphology; degrees and
 * components are read from typed arrays (building a graphology graph of
 * 100,000 ties alone takes a good part of the 1 s budget, so it is built only
 * for Louvain); betweenness by a typed-array, direction-optimising Brandes
 * of our own (exact in about 7 s at 10,000 actors and 100,000 ties, where
 * graphology's takes about 37 s, against a 10 s target);
 * Burt's measures are written here, since no JavaScript graph library has them.
 *
 * The implementation lives in `internal/network/` (model, metrics,
 * structure, report, and the typed-array graph in csr); this module is its
 * public face.
 *
 * @since 0.1.0
 */
import { UndirectedGraph } from "graphology"
import * as Actor from "./Actor.js"
import { fromEdges } from "./internal/network/csr.js"
import type { Internal, PartnershipNetwork } from "./internal/network/model.js"
import { byCodeUnits, Internals, sectorIndex, TypeId } from "./internal/network/model.js"
import { summary } from "./internal/network/report.js"

export type { SectorMatrix, Tie } from "./internal/network/metrics.js"
export {
  components,
  crossSectorShare,
  degree,
  density,
  isolated,
  sectorIn,
  sectorMixing,
  ties,
  weightedDegree
} from "./internal/network/metrics.js"
export type { PartnershipNetwork } from "./internal/network/model.js"
export { isPartnershipNetwork, TypeId } from "./internal/network/model.js"
export type { Report, ReportTerm } from "./internal/network/report.js"
export { formatReport, measure, reportLabels } from "./internal/network/report.js"
export type {
  BetweennessOptions,
  Broker,
  Communities,
  StructuralHoles
} from "./internal/network/structure.js"
export {
  betweenness,
  betweennessErrorBound,
  brokers,
  communities,
  structuralHoles
} from "./internal/network/structure.js"

/**
 * Builds the network of the given actors, tied by the partnerships they
 * share. Members that are not among the actors are left out (a territory
 * reports them as unknown references); an actor listed twice counts once
 * (its first entry); a member listed twice in a partnership counts once.
 *
 * @example
 * ```ts
 * import * as assert from "node:assert"
 * import { Actor, Partnership, PartnershipNetwork } from "@welfare/core"
 *
 * const actor = (id: string, kind: Actor.ActorKind) => Actor.unsafeMake({ id: Actor.ActorId.make(id), kind })
 * const network = PartnershipNetwork.fromPartnerships(
 *   [actor("comune-legnano", "local-authority"), actor("coop-melograno", "social-cooperative"), actor("p-0017", "citizen")],
 *   [{ members: [Partnership.member("comune-legnano", ["promoter"]), Partnership.member("coop-melograno", ["implementer"])] }]
 * )
 * assert.strictEqual(network.size, 1)
 * assert.strictEqual(PartnershipNetwork.crossSectorShare(network), 1)
 * assert.deepStrictEqual(PartnershipNetwork.isolated(network), ["p-0017"])
 * ```
 *
 * @category constructors
 * @since 0.1.0
 */
export const fromPartnerships = (
  actors: ReadonlyArray<Pick<Actor.Actor, "id" | "kind">>,
  partnerships: ReadonlyArray<{ readonly members: ReadonlyArray<{ readonly actor: Actor.ActorId }> }>
): PartnershipNetwork => {
  const kindOf = new Map<Actor.ActorId, Actor.ActorKind>()
  for (const a of actors) if (!kindOf.has(a.id)) kindOf.set(a.id, a.kind)
  const ids = [...kindOf.keys()].sort(byCodeUnits)
  const n = ids.length
  const index = new Map<string, number>(ids.map((id, i) => [id, i]))
  const sector = new Uint8Array(n)
  const citizen = new Uint8Array(n)
  ids.forEach((id, i) => {
    const kind = kindOf.get(id)!
    sector[i] = sectorIndex[Actor.sectorOfKind[kind]]
    citizen[i] = kind === "citizen" ? 1 : 0
  })
  const weights = new Map<number, number>()
  for (const p of partnerships) {
    const members = new Set<number>()
    for (const m of p.members) {
      const i = index.get(m.actor)
      if (i !== undefined) members.add(i)
    }
    const list = [...members].sort((x, y) => x - y)
    for (let x = 0; x < list.length; x++)
      for (let y = x + 1; y < list.length; y++) {
        const key = list[x]! * n + list[y]!
        weights.set(key, (weights.get(key) ?? 0) + 1)
      }
  }
  const keys = [...weights.keys()].sort((x, y) => x - y)
  const m = keys.length
  const a = new Int32Array(m)
  const b = new Int32Array(m)
  const w = new Float64Array(m)
  keys.forEach((key, e) => {
    a[e] = Math.floor(key / n)
    b[e] = key % n
    w[e] = weights.get(key)!
  })
  let built: UndirectedGraph<Record<string, never>, { readonly weight: number }> | undefined
  const graph = () => {
    if (built === undefined) {
      built = new UndirectedGraph<Record<string, never>, { readonly weight: number }>()
      for (const id of ids) built.addNode(id)
      for (let e = 0; e < m; e++) built.addEdge(ids[a[e]!]!, ids[b[e]!]!, { weight: w[e]! })
    }
    return built
  }
  const inner: Internal = { sector, citizen, index, a, b, w, csr: fromEdges(n, a, b, w), graph }
  const network: PartnershipNetwork = { [TypeId]: TypeId, actors: Object.freeze(ids), size: m }
  Object.defineProperty(network, Internals, { value: inner, enumerable: false })
  return Object.freeze(network)
}

/**
 * The network of a territory-like value: its actors and partnerships (none
 * when absent).
 *
 * @category constructors
 * @since 0.1.0
 */
export const fromTerritory = (territory: {
  readonly actors: ReadonlyArray<Pick<Actor.Actor, "id" | "kind">>
  readonly partnerships?: ReadonlyArray<{
    readonly members: ReadonlyArray<{ readonly actor: Actor.ActorId }>
  }>
}): PartnershipNetwork => fromPartnerships(territory.actors, territory.partnerships ?? [])

/**
 * Whether the actors of a territory form a connected cross-sector network:
 * the system property behind invariant 6 ("a territory whose interventions
 * are each generative but whose actors share no partnership cannot reach the
 * generative class").
 *
 * It holds when every organisation, network and group (every actor but the
 * citizens) lies in one component of the partnership network, and that
 * component spans at least two sectors. A citizen in no partnership is
 * ignored: persons take part through their taking charge, not by signing
 * partnerships; a citizen who is a member counts like any actor. A territory
 * without partnerships never holds.
 *
 * @example
 * ```ts
 * import * as assert from "node:assert"
 * import { Actor, Partnership, PartnershipNetwork } from "@welfare/core"
 *
 * const actors = [
 *   Actor.unsafeMake({ id: Actor.ActorId.make("comune-legnano"), kind: "local-authority" }),
 *   Actor.unsafeMake({ id: Actor.ActorId.make("casa-volontariato"), kind: "volunteer-organisation" }),
 *   Actor.unsafeMake({ id: Actor.ActorId.make("p-0017"), kind: "citizen" })
 * ]
 * assert.strictEqual(PartnershipNetwork.isConnectedCrossSector({ actors, partnerships: [] }), false)
 * const regia = { members: [Partnership.member("comune-legnano", ["promoter"]), Partnership.member("casa-volontariato", ["partner"])] }
 * assert.strictEqual(PartnershipNetwork.isConnectedCrossSector({ actors, partnerships: [regia] }), true)
 * ```
 *
 * @category predicates
 * @since 0.1.0
 */
export const isConnectedCrossSector = (territory: {
  readonly actors: ReadonlyArray<Pick<Actor.Actor, "id" | "kind">>
  readonly partnerships?: ReadonlyArray<{
    readonly members: ReadonlyArray<{ readonly actor: Actor.ActorId }>
  }>
}): boolean => summary(fromTerritory(territory)).connectedCrossSector
