import * as fc from "fast-check"
import { UndirectedGraph } from "graphology"
import { connectedComponents } from "graphology-components"
import betweennessModule from "graphology-metrics/centrality/betweenness.js"
import { describe, expect, it } from "vitest"
import * as Actor from "./Actor.js"
import { brandes, brandesReference, fromEdges } from "./internal/network/csr.js"
import * as Label from "./Label.js"
import * as Partnership from "./Partnership.js"
import * as PartnershipNetwork from "./PartnershipNetwork.js"
import * as Arb from "./testing/index.js"

// CommonJS: Node gives `module.exports` as the default import; the types describe `.default`.
type Betweenness = typeof betweennessModule.default
const betweennessCentrality: Betweenness =
  (betweennessModule as unknown as { readonly default?: Betweenness }).default ??
  (betweennessModule as unknown as Betweenness)

const act = (id: string, kind: Actor.ActorKind) => Actor.unsafeMake({ id: Actor.ActorId.make(id), kind })
const table = (...ids: Array<string>) => ({ members: ids.map((a) => Partnership.member(a, ["partner"])) })
const id = Actor.ActorId.make
const close = (x: number, y: number) => expect(x).toBeCloseTo(y, 12)

/** Every metric of a network, as plain data, to compare two networks. */
const everything = (n: PartnershipNetwork.PartnershipNetwork) => ({
  actors: n.actors,
  ties: PartnershipNetwork.ties(n),
  density: PartnershipNetwork.density(n),
  degree: [...PartnershipNetwork.degree(n)],
  weighted: [...PartnershipNetwork.weightedDegree(n)],
  cross: PartnershipNetwork.crossSectorShare(n),
  mixing: PartnershipNetwork.sectorMixing(n),
  components: PartnershipNetwork.components(n),
  isolated: PartnershipNetwork.isolated(n),
  betweenness: [...PartnershipNetwork.betweenness(n)],
  holes: [...PartnershipNetwork.structuralHoles(n)],
  communities: PartnershipNetwork.communities(n),
  report: PartnershipNetwork.measure(n)
})

const shuffled = <A>(xs: ReadonlyArray<A>, keys: ReadonlyArray<number>): Array<A> =>
  xs
    .map((x, i) => [x, keys[i % Math.max(1, keys.length)]! + i / 1e6] as const)
    .sort((a, b) => a[1] - b[1])
    .map(([x]) => x)

describe("PartnershipNetwork: Burt's structural holes against hand computations", () => {
  it("a star: the centre spans three holes", () => {
    // Centre c with contacts x, y, z, none tied to another. p_cj = 1/3 for each j.
    // Effective size = sum_j (1 - 0) = 3; efficiency = 3/3 = 1.
    // Constraint = 3 * (1/3)^2 = 1/3. Every c_cj is equal, so hierarchy = 0.
    // A leaf x has one contact c: p_xc = 1, ES = 1, efficiency 1, constraint = 1^2 = 1, hierarchy 0 (one contact).
    const n = PartnershipNetwork.fromPartnerships(
      [
        act("c", "local-authority"),
        act("x", "social-cooperative"),
        act("y", "trade-union"),
        act("z", "business")
      ],
      [table("c", "x"), table("c", "y"), table("c", "z")]
    )
    const h = PartnershipNetwork.structuralHoles(n)
    expect(h.get(id("c"))).toEqual({ effectiveSize: 3, efficiency: 1, constraint: 1 / 3, hierarchy: 0 })
    expect(h.get(id("x"))).toEqual({ effectiveSize: 1, efficiency: 1, constraint: 1, hierarchy: 0 })
  })

  it("a triangle: every contact is redundant by half", () => {
    // Each node i has two contacts j, q, tied together; p = 1/2 and m = 1 everywhere.
    // ES = sum_j (1 - p_iq m_jq) = 2 * (1 - 1/2) = 1; efficiency = 1/2.
    // c_ij = (p_ij + p_iq p_qj)^2 = (1/2 + 1/4)^2 = 9/16; constraint = 2 * 9/16 = 9/8; hierarchy = 0.
    const n = PartnershipNetwork.fromPartnerships(
      [act("a", "local-authority"), act("b", "social-cooperative"), act("c", "business")],
      [table("a", "b", "c")]
    )
    for (const h of PartnershipNetwork.structuralHoles(n).values()) {
      close(h.effectiveSize, 1)
      close(h.efficiency, 0.5)
      close(h.constraint, 9 / 8)
      close(h.hierarchy, 0)
    }
  })

  it("a kite: hierarchy when constraint concentrates on the tied contacts", () => {
    // o is tied to a, b, d; a and b are tied. p_o* = 1/3; p_ab = p_ba = 1/2 (a: o, b); m = 1 (unit weights).
    // ES_o = (1 - 1/3) + (1 - 1/3) + 1 = 7/3; efficiency = 7/9.
    // c_oa = (1/3 + p_ob p_ba)^2 = (1/3 + 1/6)^2 = 1/4 = c_ob; c_od = (1/3)^2 = 1/9; C_o = 1/2 + 1/9 = 11/18.
    // Mean C/N = 11/54; r_a = r_b = (1/4)/(11/54) = 27/22; r_d = (1/9)/(11/54) = 6/11.
    // H_o = (2 (27/22) ln(27/22) + (6/11) ln(6/11)) / (3 ln 3) ~ 0.0522.
    // a: contacts o and b, tied: p = 1/2; ES_a = 2 - 2 * 1/2 = 1.
    // c_ao = (1/2 + p_ab p_bo)^2 = (1/2 + 1/2 * 1/2)^2 = 9/16 (p_bo = 1/2: b has contacts o and a);
    // c_ab = (1/2 + p_ao p_ob)^2 = (1/2 + 1/2 * 1/3)^2 = 4/9 (p_ob = 1/3); C_a = 9/16 + 4/9 = 145/144.
    const n = PartnershipNetwork.fromPartnerships(
      [
        act("o", "local-authority"),
        act("a", "social-cooperative"),
        act("b", "foundation"),
        act("d", "business")
      ],
      [table("o", "a", "b"), table("o", "d")]
    )
    const h = PartnershipNetwork.structuralHoles(n)
    const o = h.get(id("o"))!
    close(o.effectiveSize, 7 / 3)
    close(o.efficiency, 7 / 9)
    close(o.constraint, 11 / 18)
    close(o.hierarchy, (2 * (27 / 22) * Math.log(27 / 22) + (6 / 11) * Math.log(6 / 11)) / (3 * Math.log(3)))
    expect(o.hierarchy).toBeCloseTo(0.0522, 4)
    const a = h.get(id("a"))!
    close(a.effectiveSize, 1)
    close(a.constraint, 145 / 144)
  })

  it("a weighted triangle: shared partnerships weigh the investment", () => {
    // o and a share two partnerships (w = 2); o-b and a-b share one (w = 1).
    // p_oa = 2/3, p_ob = 1/3; p_ao = 2/3, p_ab = 1/3; p_bo = p_ba = 1/2. max_a = 2, max_b = 1.
    // ES_o = (1 - p_ob m_ab) + (1 - p_oa m_ba) = (1 - 1/3 * 1/2) + (1 - 2/3 * 1) = 5/6 + 1/3 = 7/6; efficiency 7/12.
    // C_o = (p_oa + p_ob p_ba)^2 + (p_ob + p_oa p_ab)^2 = (2/3 + 1/6)^2 + (1/3 + 2/9)^2 = 25/36 + 25/81 = 325/324.
    const n = PartnershipNetwork.fromPartnerships(
      [act("o", "local-authority"), act("a", "social-cooperative"), act("b", "business")],
      [table("o", "a", "b"), table("o", "a")]
    )
    const o = PartnershipNetwork.structuralHoles(n).get(id("o"))!
    close(o.effectiveSize, 7 / 6)
    close(o.efficiency, 7 / 12)
    close(o.constraint, 325 / 324)
    expect(PartnershipNetwork.weightedDegree(n).get(id("o"))).toBe(3)
    expect(PartnershipNetwork.degree(n).get(id("o"))).toBe(2)
  })

  it("isolated actors have no structural-hole measure", () => {
    const n = PartnershipNetwork.fromPartnerships([act("a", "citizen"), act("b", "business")], [])
    expect(PartnershipNetwork.structuralHoles(n).size).toBe(0)
  })
})

describe("PartnershipNetwork: betweenness", () => {
  const graphologyBetweenness = (n: PartnershipNetwork.PartnershipNetwork) => {
    const g = new UndirectedGraph()
    for (const a of n.actors) g.addNode(a)
    for (const t of PartnershipNetwork.ties(n)) g.addEdge(t.actors[0], t.actors[1])
    return betweennessCentrality(g, { getEdgeWeight: null })
  }

  it("property: the typed-array Brandes equals graphology's exact betweenness on generated graphs", () => {
    fc.assert(
      fc.property(Arb.partnershipWorld({ maxActors: 14, maxPartnerships: 8 }), ({ actors, partnerships }) => {
        const n = PartnershipNetwork.fromPartnerships(actors, partnerships)
        const ours = PartnershipNetwork.betweenness(n)
        const theirs = graphologyBetweenness(n)
        for (const a of n.actors) expect(ours.get(a)).toBeCloseTo(theirs[a] ?? 0, 12)
      }),
      { numRuns: 200 }
    )
  })

  /** An undirected graph on `n` nodes, from sparse (several components, leaves) to dense, with a subset of sources. */
  const csrGraph = fc
    .integer({ min: 1, max: 40 })
    .chain((n) =>
      fc.record({
        n: fc.constant(n),
        pairs: fc.uniqueArray(fc.tuple(fc.nat(n - 1), fc.nat(n - 1)), {
          maxLength: 4 * n,
          selector: ([x, y]) => Math.min(x, y) * n + Math.max(x, y)
        }),
        sources: fc.uniqueArray(fc.nat(n - 1), { minLength: 1, maxLength: n })
      })
    )
    .map(({ n, pairs, sources }) => {
      const edges = pairs
        .filter(([x, y]) => x !== y)
        .map(([x, y]) => [Math.min(x, y), Math.max(x, y)] as const)
      const g = fromEdges(
        n,
        Int32Array.from(edges, (e) => e[0]),
        Int32Array.from(edges, (e) => e[1]),
        new Float64Array(edges.length).fill(1)
      )
      return { g, sources: Int32Array.from(sources) }
    })

  it("property: the direction-optimising Brandes kernel equals the textbook kernel, top-down, bottom-up or mixed", () => {
    fc.assert(
      fc.property(csrGraph, ({ g, sources }) => {
        const reference = brandesReference(g, sources)
        for (const ratio of [0, 0.15, 1, Number.POSITIVE_INFINITY]) {
          const fast = brandes(g, sources, ratio)
          for (let v = 0; v < g.n; v++)
            expect(Math.abs(fast[v]! - reference[v]!)).toBeLessThanOrEqual(1e-9 * Math.max(1, reference[v]!))
        }
      }),
      { numRuns: 300 }
    )
  })

  it("property: the typed-array components equal graphology's connected components", () => {
    fc.assert(
      fc.property(Arb.partnershipWorld({ maxActors: 14, maxPartnerships: 6 }), ({ actors, partnerships }) => {
        const n = PartnershipNetwork.fromPartnerships(actors, partnerships)
        const g = new UndirectedGraph()
        for (const a of n.actors) g.addNode(a)
        for (const t of PartnershipNetwork.ties(n)) g.addEdge(t.actors[0], t.actors[1])
        const canonical = (cs: ReadonlyArray<ReadonlyArray<string>>) =>
          cs.map((c) => [...c].sort().join(" ")).sort()
        expect(canonical(PartnershipNetwork.components(n))).toEqual(canonical(connectedComponents(g)))
      })
    )
  })

  it("a path of three: the middle actor lies on every shortest path", () => {
    const n = PartnershipNetwork.fromPartnerships(
      [act("comune", "local-authority"), act("forum", "social-private-body"), act("impresa", "business")],
      [table("comune", "forum"), table("forum", "impresa")]
    )
    expect([...PartnershipNetwork.betweenness(n)]).toEqual([
      ["comune", 0],
      ["forum", 1],
      ["impresa", 0]
    ])
  })

  it("sampling every actor is exact; a sample stays within its error bound", () => {
    // Deterministic world: 60 actors in 12 tables of 5, chained by a shared member.
    const actors = Array.from({ length: 60 }, (_, i) =>
      act(`a-${String(i).padStart(2, "0")}`, Actor.kinds[i % 14]!)
    )
    const tables = Array.from({ length: 12 }, (_, t) =>
      table(...[0, 1, 2, 3, 4, 5].map((k) => actors[(t * 5 + k) % 60]!.id))
    )
    const n = PartnershipNetwork.fromPartnerships(actors, tables)
    const exact = PartnershipNetwork.betweenness(n)
    expect([...PartnershipNetwork.betweenness(n, { sample: 60 })]).toEqual([...exact])
    const sampled = PartnershipNetwork.betweenness(n, { sample: 30, seed: 7 })
    const bound = PartnershipNetwork.betweennessErrorBound({ actors: 60, sample: 30, confidence: 0.99 })
    for (const a of n.actors) expect(Math.abs(sampled.get(a)! - exact.get(a)!)).toBeLessThanOrEqual(bound)
    expect([...PartnershipNetwork.betweenness(n, { sample: 30, seed: 7 })]).toEqual([...sampled])
  })

  it("the error bound shrinks as the sample grows and vanishes when it covers everyone", () => {
    const e = (sample: number) => PartnershipNetwork.betweennessErrorBound({ actors: 10_000, sample })
    expect(e(500)).toBeGreaterThan(e(2000))
    expect(e(10_000)).toBe(0)
    close(e(2000), (10_000 / 9_999) * Math.sqrt(Math.log(20_000 / 0.05) / 4000))
  })
})

describe("PartnershipNetwork: metrics", () => {
  // Seed 004 rows 43-47: the steering group joins public bodies and the second-level third sector;
  // a thematic table joins the Comune, the union and the productive world; a citizen is in no partnership.
  const actors = [
    act("comune-legnano", "local-authority"),
    act("ufficio-di-piano", "public-institution"),
    act("forum-terzo-settore", "social-private-body"),
    act("casa-volontariato", "volunteer-organisation"),
    act("cgil-legnano", "trade-union"),
    act("confcommercio-alto-milanese", "business"),
    act("p-0017", "citizen")
  ]
  const partnerships = [
    table("ufficio-di-piano", "comune-legnano", "forum-terzo-settore", "casa-volontariato"),
    table("comune-legnano", "cgil-legnano", "confcommercio-alto-milanese")
  ]
  const n = PartnershipNetwork.fromPartnerships(actors, partnerships)

  it("counts ties, density, cross-sector share and the mixing matrix", () => {
    expect(n.size).toBe(9)
    close(PartnershipNetwork.density(n), 9 / 21)
    // Cross-sector ties: comune-forum, comune-casa, ufficio-forum, ufficio-casa, comune-cgil, comune-confcommercio, cgil-confcommercio.
    close(PartnershipNetwork.crossSectorShare(n), 7 / 9)
    const m = PartnershipNetwork.sectorMixing(n)
    expect(m.public.public).toBe(1)
    expect(m["third-sector"]["third-sector"]).toBe(1)
    // Trade unions are social partners, not Third Sector (art. 4 c.2, D.Lgs. 117/2017; seed 004, row 47:
    // «unitamente ai soggetti sindacali e del mondo produttivo»).
    expect(m.public["third-sector"]).toBe(4)
    expect(m.public["social-partners"]).toBe(1)
    expect(m.public.market).toBe(1)
    expect(m["third-sector"].market).toBe(0)
    expect(m["social-partners"].market).toBe(1)
    expect(m.community.public).toBe(0)
  })

  it("finds components, isolated actors and the brokers between sectors", () => {
    expect(PartnershipNetwork.components(n).map((c) => c.length)).toEqual([6, 1])
    expect(PartnershipNetwork.isolated(n)).toEqual(["p-0017"])
    const brokers = PartnershipNetwork.brokers(n)
    expect(brokers[0]!.actor).toBe("comune-legnano")
    expect(brokers[0]!.sectorsReached).toEqual(["public", "third-sector", "social-partners", "market"])
    // comune's contacts: ufficio (public), forum, casa (third sector), cgil (social partners), confcommercio (market).
    // Open pairs across sectors: ufficio-cgil, ufficio-confcommercio, forum-cgil, forum-confcommercio,
    // casa-cgil, casa-confcommercio = 6 (ufficio-forum, ufficio-casa, cgil-confcommercio are tied).
    expect(brokers[0]!.crossSectorPairs).toBe(6)
    expect(brokers.map((b) => b.actor)).toEqual(["comune-legnano"])
  })

  it("finds two triangles as Louvain communities, deterministically", () => {
    // m = 9 ties; degrees: comune 5, ufficio 3, forum 3, casa 3, cgil 2, confcommercio 2 (sum 18).
    // The two tables as they are: Q = (6/9 - (14/18)^2) + (1/9 - (4/18)^2) = 10/81 ~ 0.123.
    // Comune with the union and the productive world: Q = 2 (3/9 - (9/18)^2) = 1/6 ~ 0.167, the better split.
    const c = PartnershipNetwork.communities(n)
    expect(c.communities).toEqual([
      ["casa-volontariato", "forum-terzo-settore", "ufficio-di-piano"],
      ["cgil-legnano", "comune-legnano", "confcommercio-alto-milanese"],
      ["p-0017"]
    ])
    expect(c.modularity).toBeCloseTo(1 / 6, 12)
    expect(PartnershipNetwork.communities(n)).toEqual(c)
  })

  it("is connected across sectors, ignoring the citizen in no partnership (invariant 6)", () => {
    expect(PartnershipNetwork.isConnectedCrossSector({ actors, partnerships })).toBe(true)
    expect(PartnershipNetwork.isConnectedCrossSector({ actors, partnerships: [partnerships[0]!] })).toBe(
      false
    )
    expect(PartnershipNetwork.isConnectedCrossSector({ actors })).toBe(false)
    const oneSector = [
      act("comune-legnano", "local-authority"),
      act("ufficio-di-piano", "public-institution")
    ]
    expect(
      PartnershipNetwork.isConnectedCrossSector({
        actors: oneSector,
        partnerships: [table("comune-legnano", "ufficio-di-piano")]
      })
    ).toBe(false)
  })

  it("reports and prints sectors, ties across them, brokers and isolated actors in both languages", () => {
    const r = PartnershipNetwork.measure(n)
    expect(r.sectors).toEqual([
      { sector: "public", actors: 2, tiesWithin: 1 },
      { sector: "third-sector", actors: 2, tiesWithin: 1 },
      { sector: "social-partners", actors: 1, tiesWithin: 0 },
      { sector: "market", actors: 1, tiesWithin: 0 },
      { sector: "community", actors: 1, tiesWithin: 0 }
    ])
    expect(r.tiesAcross).toEqual([
      { sectors: ["public", "third-sector"], ties: 4 },
      { sectors: ["public", "social-partners"], ties: 1 },
      { sectors: ["public", "market"], ties: 1 },
      { sectors: ["social-partners", "market"], ties: 1 }
    ])
    expect(r.connectedCrossSector).toBe(true)
    const it = PartnershipNetwork.formatReport(r, "it")
    expect(it).toContain("Attori isolati: p-0017")
    expect(it).toContain("  Pubblico - Terzo settore: 4")
    expect(it).toContain("  Pubblico - Parti sociali (sindacati): 1")
    expect(PartnershipNetwork.formatReport(r, "en")).toContain("Connected cross-sector network: yes")
    for (const lang of Label.langs)
      for (const v of Object.values(PartnershipNetwork.reportLabels)) expect(v[lang]).not.toBe("")
  })

  it("is an opaque, frozen value that does not leak the graph library", () => {
    expect(Object.isFrozen(n)).toBe(true)
    expect(Object.keys(n).sort()).toEqual(["actors", "size"])
    expect(JSON.stringify(n)).toBe(JSON.stringify({ actors: n.actors, size: 9 }))
    expect(PartnershipNetwork.isPartnershipNetwork(n)).toBe(true)
    expect(PartnershipNetwork.isPartnershipNetwork({ actors: [], size: 0 })).toBe(false)
  })

  it("leaves out members that are not actors and counts a repeated member once", () => {
    const m = PartnershipNetwork.fromPartnerships(
      [act("a", "business"), act("b", "citizen")],
      [table("a", "a", "b", "ghost")]
    )
    expect(PartnershipNetwork.ties(m)).toEqual([{ actors: ["a", "b"], weight: 1, crossSector: true }])
  })
})

describe("PartnershipNetwork: properties", () => {
  it("property: metrics do not depend on the order of actors, members or partnerships (invariant 4)", () => {
    fc.assert(
      fc.property(
        Arb.partnershipWorld({ maxActors: 12, maxPartnerships: 6 }),
        fc.array(fc.nat(), { minLength: 1, maxLength: 20 }),
        ({ actors, partnerships }, keys) => {
          const original = PartnershipNetwork.fromPartnerships(actors, partnerships)
          const permuted = PartnershipNetwork.fromPartnerships(
            shuffled(actors, keys),
            shuffled(partnerships, [...keys].reverse()).map((p) => ({
              ...p,
              members: shuffled(p.members, keys)
            }))
          )
          expect(everything(permuted)).toEqual(everything(original))
        }
      ),
      { numRuns: 100 }
    )
  })

  it("property: adding a partnership never lowers density, nor the cross-sector share when its new ties cross sectors", () => {
    fc.assert(
      fc.property(
        Arb.partnershipWorld({ minActors: 2, maxActors: 12, maxPartnerships: 5 }),
        fc.array(fc.nat(), { minLength: 2, maxLength: 6 }),
        ({ actors, partnerships }, picks) => {
          const before = PartnershipNetwork.fromPartnerships(actors, partnerships)
          const extra = table(...picks.map((k) => actors[k % actors.length]!.id))
          const after = PartnershipNetwork.fromPartnerships(actors, [...partnerships, extra])
          expect(PartnershipNetwork.density(after)).toBeGreaterThanOrEqual(PartnershipNetwork.density(before))
          const old = new Set(PartnershipNetwork.ties(before).map((t) => t.actors.join(" ")))
          const added = PartnershipNetwork.ties(after).filter((t) => !old.has(t.actors.join(" ")))
          if (added.every((t) => t.crossSector))
            expect(PartnershipNetwork.crossSectorShare(after)).toBeGreaterThanOrEqual(
              PartnershipNetwork.crossSectorShare(before) - 1e-12
            )
        }
      )
    )
  })

  it("property: adding a partnership of actors from different sectors never lowers the cross-sector share", () => {
    fc.assert(
      fc.property(
        Arb.partnershipWorld({ minActors: 2, maxActors: 12, maxPartnerships: 5 }),
        ({ actors, partnerships }) => {
          const bySector = new Map<Actor.Sector, Actor.ActorId>()
          for (const a of actors) if (!bySector.has(Actor.sectorOf(a))) bySector.set(Actor.sectorOf(a), a.id)
          const before = PartnershipNetwork.fromPartnerships(actors, partnerships)
          const after = PartnershipNetwork.fromPartnerships(actors, [
            ...partnerships,
            table(...bySector.values())
          ])
          expect(PartnershipNetwork.crossSectorShare(after)).toBeGreaterThanOrEqual(
            PartnershipNetwork.crossSectorShare(before) - 1e-12
          )
        }
      )
    )
  })

  it("property: an actor in no partnership is always reported isolated", () => {
    fc.assert(
      fc.property(Arb.partnershipWorld({ maxActors: 12, maxPartnerships: 6 }), ({ actors, partnerships }) => {
        const members = new Set(partnerships.flatMap((p) => p.members.map((m) => m.actor)))
        const n = PartnershipNetwork.fromPartnerships(actors, partnerships)
        const isolated = new Set(PartnershipNetwork.isolated(n))
        for (const a of actors) if (!members.has(a.id)) expect(isolated.has(a.id)).toBe(true)
        expect(PartnershipNetwork.measure(n).isolated).toEqual([...isolated])
        for (const a of isolated) expect(PartnershipNetwork.degree(n).get(a)).toBe(0)
      })
    )
  })

  it("property: a territory whose actors share no partnership is never a connected cross-sector network (invariant 6)", () => {
    fc.assert(
      fc.property(Arb.networkActors({ maxActors: 15 }), (actors) => {
        expect(PartnershipNetwork.isConnectedCrossSector({ actors, partnerships: [] })).toBe(false)
        expect(PartnershipNetwork.isConnectedCrossSector({ actors })).toBe(false)
      })
    )
  })

  it("property: metrics stay in range and the mixing matrix counts every tie once", () => {
    fc.assert(
      fc.property(Arb.partnershipWorld({ maxActors: 12, maxPartnerships: 6 }), ({ actors, partnerships }) => {
        const n = PartnershipNetwork.fromPartnerships(actors, partnerships)
        for (const x of [PartnershipNetwork.density(n), PartnershipNetwork.crossSectorShare(n)]) {
          expect(x).toBeGreaterThanOrEqual(0)
          expect(x).toBeLessThanOrEqual(1)
        }
        const m = PartnershipNetwork.sectorMixing(n)
        let total = 0
        Actor.sectors.forEach((s, i) => {
          Actor.sectors.forEach((t, j) => {
            expect(m[s][t]).toBe(m[t][s])
            if (j >= i) total += m[s][t]
          })
        })
        expect(total).toBe(n.size)
        for (const h of PartnershipNetwork.structuralHoles(n).values()) {
          expect(h.efficiency).toBeGreaterThan(0)
          expect(h.efficiency).toBeLessThanOrEqual(1 + 1e-12)
          expect(h.hierarchy).toBeGreaterThanOrEqual(-1e-12)
          expect(h.hierarchy).toBeLessThanOrEqual(1 + 1e-12)
        }
        expect(PartnershipNetwork.components(n).flat().sort()).toEqual([...n.actors])
      })
    )
  })
})
