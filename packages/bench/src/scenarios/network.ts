/**
 * The partnership network (issue 4): 10,000 actors and 100,000 ties. Every
 * metric but betweenness (build, density, degrees, cross-sector share, sector
 * mixing, components, isolated actors, Burt's structural holes, Louvain) in
 * under 1 s; betweenness (exact, or sampled with its error bound) in under
 * 10 s. graphology called directly is the reference, so the wrapper's
 * overhead is visible.
 *
 * graphology's exact betweenness takes about 37 s unweighted at this size, so
 * it is measured only with BENCH_GRAPHOLOGY_BETWEENNESS=1 (with 1 warm-up and
 * 3 runs that is about three minutes); on 2,000 actors and 20,000 ties both
 * are always measured.
 */
import { type Actor, type Partnership, PartnershipNetwork } from "@welfare/core"
import { UndirectedGraph } from "graphology"
import louvainModule from "graphology-communities-louvain"
import { connectedComponents } from "graphology-components"
import betweennessModule from "graphology-metrics/centrality/betweenness.js"
import { density } from "graphology-metrics/graph/density.js"
import { byName, type Scenario, seeded } from "../harness.js"

// CommonJS: Node gives `module.exports` as the default import; the types describe `.default`.
type Betweenness = typeof betweennessModule.default
const betweennessCentrality: Betweenness =
  (betweennessModule as unknown as { readonly default?: Betweenness }).default ??
  (betweennessModule as unknown as Betweenness)

type Louvain = typeof louvainModule.default
const louvain: Louvain =
  (louvainModule as unknown as { readonly default?: Louvain }).default ??
  (louvainModule as unknown as Louvain)

const ACTORS = 10_000
const TIES = 100_000
const SMALL_ACTORS = 2_000
const SMALL_TIES = 20_000
const SAMPLE = 1_000

const kinds: ReadonlyArray<Actor.ActorKind> = [
  "local-authority",
  "public-institution",
  "social-cooperative",
  "volunteer-organisation",
  "promotion-association",
  "foundation",
  "trade-union",
  "business",
  "informal-network",
  "citizen"
]

type Members = ReadonlyArray<Pick<Partnership.Member, "actor">>

interface World {
  readonly actors: ReadonlyArray<Pick<Actor.Actor, "id" | "kind">>
  readonly partnerships: ReadonlyArray<{ readonly members: Members }>
}

/**
 * A district-like world: actors grouped in areas of 100 (a municipality and
 * its neighbours); each partnership gathers 3 to 8 members, mostly from one
 * area and one in five from anywhere, until `ties` distinct ties exist.
 */
const world = (actorCount: number, ties: number, seed: number): World => {
  const r = seeded(seed)
  const actors = Array.from({ length: actorCount }, (_, i) => ({
    id: `act-${i}` as Actor.ActorId,
    kind: kinds[Math.floor(r() * kinds.length)]!
  }))
  const area = 100
  const seen = new Set<number>()
  const partnerships: Array<{ readonly members: Members }> = []
  while (seen.size < ties) {
    const size = 3 + Math.floor(r() * 6)
    const base = Math.floor(r() * (actorCount / area)) * area
    const picks = new Set<number>()
    while (picks.size < size)
      picks.add(r() < 0.2 ? Math.floor(r() * actorCount) : base + Math.floor(r() * area))
    const list = [...picks].sort((a, b) => a - b)
    for (let x = 0; x < list.length && seen.size < ties; x++)
      for (let y = x + 1; y < list.length; y++) seen.add(list[x]! * actorCount + list[y]!)
    partnerships.push({ members: list.map((i) => ({ actor: actors[i]!.id })) })
  }
  return { actors, partnerships }
}

interface Prepared {
  readonly big: World
  readonly small: World
  readonly network: PartnershipNetwork.PartnershipNetwork
  readonly smallNetwork: PartnershipNetwork.PartnershipNetwork
  readonly graph: UndirectedGraph
  readonly smallGraph: UndirectedGraph
}

/** The same ties as a plain graphology graph, built the way a user of graphology would. */
const graphologyGraph = (w: World): UndirectedGraph => {
  const g = new UndirectedGraph()
  for (const a of w.actors) g.addNode(a.id)
  for (const p of w.partnerships)
    for (let x = 0; x < p.members.length; x++)
      for (let y = x + 1; y < p.members.length; y++) {
        const a = p.members[x]!.actor
        const b = p.members[y]!.actor
        if (g.hasEdge(a, b)) g.updateEdgeAttribute(a, b, "weight", (w: number) => w + 1)
        else g.addEdge(a, b, { weight: 1 })
      }
  return g
}

const allButBetweenness = (w: World) => {
  const n = PartnershipNetwork.fromPartnerships(w.actors, w.partnerships)
  return [
    PartnershipNetwork.density(n),
    PartnershipNetwork.degree(n).size,
    PartnershipNetwork.weightedDegree(n).size,
    PartnershipNetwork.crossSectorShare(n),
    PartnershipNetwork.sectorMixing(n).public.market,
    PartnershipNetwork.components(n).length,
    PartnershipNetwork.isolated(n).length,
    PartnershipNetwork.structuralHoles(n).size,
    PartnershipNetwork.communities(n).communities.length
  ]
}

const OURS_ALL = "@welfare/core build + every metric but betweenness (10,000 actors)"
const OURS_EXACT = "@welfare/core betweenness, exact (10,000 actors)"
const OURS_SAMPLED = `@welfare/core betweenness, sampled ${SAMPLE.toLocaleString("en")} pivots (10,000 actors)`

export const scenario: Scenario<Prepared> = {
  id: "network",
  title: "PartnershipNetwork: metrics of 10,000 actors and 100,000 ties",
  target: "every metric but betweenness < 1 s; betweenness < 10 s",
  sizes: `${ACTORS.toLocaleString("en")} actors, ${TIES.toLocaleString("en")} ties from partnerships of 3-8 members in areas of 100 (seed 4); ${SMALL_ACTORS.toLocaleString("en")} actors, ${SMALL_TIES.toLocaleString("en")} ties (seed 5)`,
  runs: 3,
  prepare: () => {
    const big = world(ACTORS, TIES, 4)
    const small = world(SMALL_ACTORS, SMALL_TIES, 5)
    return {
      big,
      small,
      network: PartnershipNetwork.fromPartnerships(big.actors, big.partnerships),
      smallNetwork: PartnershipNetwork.fromPartnerships(small.actors, small.partnerships),
      graph: graphologyGraph(big),
      smallGraph: graphologyGraph(small)
    }
  },
  workloads: [
    {
      name: "@welfare/core fromPartnerships (10,000 actors)",
      run: (p) => PartnershipNetwork.fromPartnerships(p.big.actors, p.big.partnerships).size
    },
    { name: OURS_ALL, run: (p) => allButBetweenness(p.big) },
    {
      name: "@welfare/core structuralHoles (10,000 actors)",
      run: (p) => PartnershipNetwork.structuralHoles(p.network).size
    },
    {
      name: "@welfare/core communities, Louvain (10,000 actors)",
      run: (p) => PartnershipNetwork.communities(p.network).modularity
    },
    { name: OURS_EXACT, run: (p) => PartnershipNetwork.betweenness(p.network).size },
    {
      name: OURS_SAMPLED,
      run: (p) => PartnershipNetwork.betweenness(p.network, { sample: SAMPLE, seed: 1 }).size
    },
    {
      name: "@welfare/core betweenness, exact (2,000 actors)",
      run: (p) => PartnershipNetwork.betweenness(p.smallNetwork).size
    },
    {
      name: "graphology build graph (10,000 actors)",
      run: (p) => graphologyGraph(p.big).size
    },
    {
      name: "graphology density + degree + components + Louvain (10,000 actors, prebuilt)",
      run: (p) => [
        density(p.graph),
        p.graph.mapNodes((n) => p.graph.degree(n)).length,
        connectedComponents(p.graph).length,
        louvain.detailed(p.graph, { getEdgeWeight: "weight", rng: seeded(42) }).count
      ]
    },
    {
      name: "graphology betweenness, exact unweighted (2,000 actors)",
      run: (p) => Object.keys(betweennessCentrality(p.smallGraph, { getEdgeWeight: null })).length
    },
    ...(process.env.BENCH_GRAPHOLOGY_BETWEENNESS === "1"
      ? [
          {
            name: "graphology betweenness, exact unweighted (10,000 actors)",
            run: (p: Prepared) => Object.keys(betweennessCentrality(p.graph, { getEdgeWeight: null })).length
          }
        ]
      : [])
  ],
  meets: (results) =>
    byName(results, OURS_ALL).medianMs < 1_000 &&
    Math.min(byName(results, OURS_EXACT).medianMs, byName(results, OURS_SAMPLED).medianMs) < 10_000,
  notes: (results) => [
    `sampled betweenness error bound (95%, every actor at once): ${PartnershipNetwork.betweennessErrorBound({ actors: ACTORS, sample: SAMPLE }).toFixed(3)}`,
    `exact betweenness, ours vs graphology at 2,000 actors: ${(
      byName(results, "graphology betweenness, exact unweighted (2,000 actors)").medianMs /
        byName(results, "@welfare/core betweenness, exact (2,000 actors)").medianMs
    ).toFixed(1)}x faster`
  ]
}
