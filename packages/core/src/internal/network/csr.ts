/**
 * Typed-array (compressed sparse row) algorithms over an undirected weighted
 * graph whose nodes are 0..n-1: Brandes betweenness (exact or sampled) and
 * Burt's structural-hole measures. Written here because graphology's exact
 * betweenness takes about 37 s on 10,000 nodes and 100,000 edges (the target
 * is 10 s) and no JavaScript graph library has Burt's measures.
 * @internal
 */

/**
 * An undirected graph in CSR form: the neighbours of `v` are
 * `targets[offsets[v] .. offsets[v + 1]]`, sorted, with the tie weights
 * beside them. Every edge appears twice (once from each end).
 * @internal
 */
export interface Csr {
  readonly n: number
  readonly offsets: Int32Array
  readonly targets: Int32Array
  readonly weights: Float64Array
}

/**
 * Builds a CSR graph from undirected edges `(a[i], b[i], w[i])` with `a[i] < b[i]`, each pair once.
 * @internal
 */
export const fromEdges = (n: number, a: Int32Array, b: Int32Array, w: Float64Array): Csr => {
  const m = a.length
  const offsets = new Int32Array(n + 1)
  for (let i = 0; i < m; i++) {
    offsets[a[i]! + 1]!++
    offsets[b[i]! + 1]!++
  }
  for (let v = 0; v < n; v++) offsets[v + 1]! += offsets[v]!
  const fill = offsets.slice(0, n)
  const targets = new Int32Array(2 * m)
  const weights = new Float64Array(2 * m)
  for (let i = 0; i < m; i++) {
    const x = a[i]!
    const y = b[i]!
    const fx = fill[x]!++
    targets[fx] = y
    weights[fx] = w[i]!
    const fy = fill[y]!++
    targets[fy] = x
    weights[fy] = w[i]!
  }
  // Sort each neighbourhood so every later traversal is canonical.
  for (let v = 0; v < n; v++) {
    const lo = offsets[v]!
    const hi = offsets[v + 1]!
    if (hi - lo < 2) continue
    let sorted = true
    for (let e = lo + 1; e < hi && sorted; e++) sorted = targets[e - 1]! < targets[e]!
    if (sorted) continue
    const order = Array.from({ length: hi - lo }, (_, k) => lo + k).sort((p, q) => targets[p]! - targets[q]!)
    const t = order.map((k) => targets[k]!)
    const ww = order.map((k) => weights[k]!)
    for (let k = 0; k < t.length; k++) {
      targets[lo + k] = t[k]!
      weights[lo + k] = ww[k]!
    }
  }
  return { n, offsets, targets, weights }
}

/**
 * Brandes' algorithm on hop counts (unweighted shortest paths): the sum over
 * the given sources `s` of the dependencies `delta_s(v)`. With every node as
 * a source this is the betweenness of `v` with each unordered pair counted
 * twice, as graphology and networkx count it before normalising.
 *
 * Equal to {@link brandesReference} up to the order of floating-point sums,
 * and about twice as fast on 10,000 nodes and 100,000 edges:
 *
 * - the search is level-synchronous and direction-optimising (Beamer et al.
 *   2012): a level is expanded top-down (the frontier pushes `sigma` to its
 *   neighbours) while its nodes' degrees are small beside those of the nodes
 *   not reached yet, and bottom-up otherwise (every node not reached yet, in
 *   the source's component, sums `sigma` over its neighbours, read from an
 *   array that holds the frontier's `sigma` and 0 elsewhere: a branch-free
 *   gather; a positive sum means the node is on the next level). The last
 *   levels, where top-down would scan every frontier edge to find nothing, cost
 *   only the edges of the few nodes left;
 * - no predecessor lists: dependencies are accumulated level by level from
 *   the deepest, each node `w` gathering `coef[x] = (1 + delta_s(x)) / sigma[x]`
 *   over all its neighbours, where `coef` is non-zero only on the level below
 *   `w` (it is written for a whole level after that level is done, and the
 *   neighbours of `w` lie on its own level or one level up or down), so
 *   `delta_s(w) = sigma[w] * sum coef` with no test of distances;
 * - every per-source array is allocated once and reset only where touched.
 *
 * `switchRatio` chooses the direction: bottom-up when the frontier's degree
 * is at least `switchRatio` times that of the unreached nodes (0: always
 * bottom-up; Infinity: always top-down; both are exact, for tests).
 * @internal
 */
export const brandes = (g: Csr, sources: ArrayLike<number>, switchRatio = 0.15): Float64Array => {
  const cb = new Float64Array(g.n)
  const ws = workspace(g)
  for (let k = 0; k < sources.length; k++) {
    const levels = search(g, ws, sources[k]!, switchRatio)
    accumulate(g, ws, levels, cb)
    reset(ws)
  }
  return cb
}

/** The nodes of every component, grouped, with the sum of their degrees. */
interface Components {
  readonly label: Int32Array
  /** The nodes of component `c` are `nodes[start[c] .. start[c + 1]]`. */
  readonly start: Int32Array
  readonly nodes: Int32Array
  readonly degree: Float64Array
}

/** Groups the nodes by component (labels from {@link componentLabels}) and sums their degrees. */
const components = (g: Csr): Components => {
  const { n, offsets } = g
  const label = componentLabels(g)
  let comps = 0
  for (let v = 0; v < n; v++) if (label[v]! >= comps) comps = label[v]! + 1
  const start = new Int32Array(comps + 1)
  const degree = new Float64Array(comps)
  for (let v = 0; v < n; v++) {
    start[label[v]! + 1]!++
    degree[label[v]!]! += offsets[v + 1]! - offsets[v]!
  }
  for (let c = 0; c < comps; c++) start[c + 1]! += start[c]!
  const nodes = new Int32Array(n)
  const fill = start.slice(0, comps)
  for (let v = 0; v < n; v++) nodes[fill[label[v]!]!++] = v
  return { label, start, nodes, degree }
}

/**
 * The per-source state of {@link brandes}, allocated once and reset only where
 * touched; `tail`, `frontierDegree` and `pendingLen` are the search's cursors,
 * written by the level expansions.
 */
interface Workspace {
  readonly sigma: Float64Array
  readonly coef: Float64Array
  /** The frontier's `sigma` during a bottom-up level, 0 elsewhere. */
  readonly front: Float64Array
  readonly dist: Int32Array
  /** Nodes in order of discovery; level d is `order[levelStart[d] .. levelStart[d + 1])`. */
  readonly order: Int32Array
  readonly levelStart: Int32Array
  /** The unreached nodes of the source's component, listed at its first bottom-up level. */
  readonly pending: Int32Array
  readonly comps: Components
  tail: number
  frontierDegree: number
  pendingLen: number
}

/** Allocates the arrays of {@link brandes} for a graph. */
const workspace = (g: Csr): Workspace => {
  const n = g.n
  return {
    sigma: new Float64Array(n),
    coef: new Float64Array(n),
    front: new Float64Array(n),
    dist: new Int32Array(n).fill(-1),
    order: new Int32Array(n),
    levelStart: new Int32Array(n + 2),
    pending: new Int32Array(n),
    comps: components(g),
    tail: 0,
    frontierDegree: 0,
    pendingLen: -1
  }
}

/**
 * The direction-optimising breadth-first search from `s`: fills `dist`,
 * `sigma`, `order` and `levelStart`, and returns the number of levels
 * (`levelStart[levels]` is the number of nodes reached).
 */
const search = (g: Csr, ws: Workspace, s: number, switchRatio: number): number => {
  const { offsets } = g
  const { sigma, dist, order, levelStart } = ws
  const c = ws.comps.label[s]!
  sigma[s] = 1
  dist[s] = 0
  order[0] = s
  let head = 0
  ws.tail = 1
  let levels = 0
  const degS = offsets[s + 1]! - offsets[s]!
  ws.frontierDegree = degS
  let unreachedDegree = ws.comps.degree[c]! - degS
  ws.pendingLen = -1
  while (head < ws.tail) {
    const levelEnd = ws.tail
    levelStart[++levels] = levelEnd
    if (ws.frontierDegree < unreachedDegree * switchRatio) topDown(g, ws, head, levelEnd, levels)
    else bottomUp(g, ws, c, head, levelEnd, levels)
    head = levelEnd
    unreachedDegree -= ws.frontierDegree
  }
  return levels
}

/** Expands the level `order[head .. levelEnd)` top-down: the frontier pushes `sigma` to its neighbours. */
const topDown = (g: Csr, ws: Workspace, head: number, levelEnd: number, dv: number): void => {
  const { offsets, targets } = g
  const { sigma, dist, order } = ws
  let tail = ws.tail
  let frontierDegree = 0
  for (; head < levelEnd; head++) {
    const v = order[head]!
    const sv = sigma[v]!
    for (let e = offsets[v]!, end = offsets[v + 1]!; e < end; e++) {
      const w = targets[e]!
      const dw = dist[w]!
      if (dw < 0) {
        dist[w] = dv
        sigma[w] = sv
        order[tail++] = w
        frontierDegree += offsets[w + 1]! - offsets[w]!
      } else if (dw === dv) sigma[w]! += sv
    }
  }
  ws.tail = tail
  ws.frontierDegree = frontierDegree
}

/**
 * Expands the level `order[head .. levelEnd)` bottom-up: every unreached node
 * of component `c` gathers the frontier's `sigma` from its neighbours (a
 * branch-free sum over `front`); a positive sum puts it on the next level.
 */
const bottomUp = (g: Csr, ws: Workspace, c: number, head: number, levelEnd: number, dv: number): void => {
  const { offsets, targets } = g
  const { sigma, dist, order, front, pending } = ws
  if (ws.pendingLen < 0) {
    const { start, nodes } = ws.comps
    let pendingLen = 0
    for (let i = start[c]!, end = start[c + 1]!; i < end; i++) {
      const w = nodes[i]!
      if (dist[w]! < 0) pending[pendingLen++] = w
    }
    ws.pendingLen = pendingLen
  }
  for (let i = head; i < levelEnd; i++) front[order[i]!] = sigma[order[i]!]!
  let tail = ws.tail
  let frontierDegree = 0
  let kept = 0
  for (let i = 0, pendingLen = ws.pendingLen; i < pendingLen; i++) {
    const w = pending[i]!
    if (dist[w]! >= 0) continue // reached by a top-down level since the list was made
    let acc = 0
    for (let e = offsets[w]!, end = offsets[w + 1]!; e < end; e++) acc += front[targets[e]!]!
    if (acc > 0) {
      dist[w] = dv
      sigma[w] = acc
      order[tail++] = w
      frontierDegree += offsets[w + 1]! - offsets[w]!
    } else pending[kept++] = w
  }
  ws.pendingLen = kept
  for (let i = head; i < levelEnd; i++) front[order[i]!] = 0
  ws.tail = tail
  ws.frontierDegree = frontierDegree
}

/**
 * Adds the source's dependencies to `cb`, level by level from the deepest:
 * `delta_s(w) = sigma[w] * sum coef` over the neighbours of `w` (see {@link brandes}).
 */
const accumulate = (g: Csr, ws: Workspace, levels: number, cb: Float64Array): void => {
  const { offsets, targets } = g
  const { sigma, coef, order, levelStart } = ws
  // levels - 1 is the deepest level: its nodes have no dependants (delta = 0).
  for (let i = levelStart[levels - 1]!, end = levelStart[levels]!; i < end; i++) {
    const w = order[i]!
    coef[w] = 1 / sigma[w]!
  }
  for (let d = levels - 2; d >= 1; d--) {
    const lo = levelStart[d]!
    const hi = levelStart[d + 1]!
    for (let i = lo; i < hi; i++) {
      const w = order[i]!
      let acc = 0
      for (let e = offsets[w]!, end = offsets[w + 1]!; e < end; e++) acc += coef[targets[e]!]!
      const sw = sigma[w]!
      cb[w]! += sw * acc
      // sigma[w] is not read again for this source: it holds w's coefficient until the level is done.
      sigma[w] = acc + 1 / sw
    }
    for (let i = lo; i < hi; i++) coef[order[i]!] = sigma[order[i]!]!
  }
}

/** Clears the arrays the last search touched (its `tail` reached nodes). */
const reset = (ws: Workspace): void => {
  const { sigma, coef, dist, order } = ws
  for (let i = 0, tail = ws.tail; i < tail; i++) {
    const v = order[i]!
    dist[v] = -1
    sigma[v] = 0
    coef[v] = 0
  }
}

/**
 * Brandes' algorithm on hop counts (unweighted shortest paths): the sum over
 * the given sources `s` of the dependencies `delta_s(v)`. With every node as
 * a source this is the betweenness of `v` with each unordered pair counted
 * twice, as graphology and networkx count it before normalising.
 * Predecessors are stored in each node's CSR slot. The plain textbook kernel,
 * kept as the reference {@link brandes} is tested against.
 * @internal
 */
export const brandesReference = (g: Csr, sources: ArrayLike<number>): Float64Array => {
  const { n, offsets, targets } = g
  const cb = new Float64Array(n)
  const sigma = new Float64Array(n)
  const delta = new Float64Array(n)
  const dist = new Int32Array(n).fill(-1)
  const order = new Int32Array(n)
  // The predecessors of w on shortest paths from s, stored in w's own CSR slot.
  const preds = new Int32Array(targets.length)
  const predEnd = new Int32Array(n)
  for (let k = 0; k < sources.length; k++) {
    const s = sources[k]!
    sigma[s] = 1
    dist[s] = 0
    predEnd[s] = offsets[s]!
    order[0] = s
    let head = 0
    let tail = 1
    while (head < tail) {
      const v = order[head++]!
      const dv = dist[v]! + 1
      const sv = sigma[v]!
      for (let e = offsets[v]!, end = offsets[v + 1]!; e < end; e++) {
        const w = targets[e]!
        let dw = dist[w]!
        if (dw < 0) {
          dw = dv
          dist[w] = dv
          predEnd[w] = offsets[w]!
          order[tail++] = w
        }
        if (dw === dv) {
          sigma[w]! += sv
          preds[predEnd[w]!++] = v
        }
      }
    }
    for (let i = tail - 1; i > 0; i--) {
      const w = order[i]!
      const coeff = (1 + delta[w]!) / sigma[w]!
      for (let e = offsets[w]!, end = predEnd[w]!; e < end; e++) {
        const v = preds[e]!
        delta[v]! += sigma[v]! * coeff
      }
      cb[w]! += delta[w]!
    }
    // Reset only what this source touched.
    for (let i = 0; i < tail; i++) {
      const v = order[i]!
      dist[v] = -1
      sigma[v] = 0
      delta[v] = 0
    }
  }
  return cb
}

/**
 * Burt's structural-hole measures of every node, on the tie weights
 * (Burt 1992, Structural Holes, ch. 2; undirected ties, so `a_ij + a_ji` is
 * the one tie weight `w_ij`):
 *
 * - proportional tie strength `p_ij = w_ij / sum_k w_ik`;
 * - marginal strength `m_jq = w_jq / max_k w_jk`;
 * - effective size `ES_i = sum_j (1 - sum_{q != i,j} p_iq m_jq)`;
 * - efficiency `ES_i / N_i` (`N_i` contacts);
 * - dyadic constraint `c_ij = (p_ij + sum_{q != i,j} p_iq p_qj)^2`, constraint `C_i = sum_j c_ij`;
 * - hierarchy `H_i = sum_j r_j ln r_j / (N_i ln N_i)` with `r_j = c_ij / (C_i / N_i)`,
 *   taken as 0 with a single contact (every `r_j` is 1, so the sum is 0).
 *
 * Nodes without a tie get NaN everywhere (the measures are undefined).
 * @internal
 */
export const structuralHoles = (
  g: Csr
): {
  readonly effectiveSize: Float64Array
  readonly efficiency: Float64Array
  readonly constraint: Float64Array
  readonly hierarchy: Float64Array
} => {
  const { n, offsets, targets, weights } = g
  const sum = new Float64Array(n)
  const max = new Float64Array(n)
  for (let v = 0; v < n; v++) {
    let s = 0
    let m = 0
    for (let e = offsets[v]!, end = offsets[v + 1]!; e < end; e++) {
      const w = weights[e]!
      s += w
      if (w > m) m = w
    }
    sum[v] = s
    max[v] = m
  }
  const effectiveSize = new Float64Array(n)
  const efficiency = new Float64Array(n)
  const constraint = new Float64Array(n)
  const hierarchy = new Float64Array(n)
  // p[q] = p_iq for the neighbours q of the current i, 0 elsewhere.
  const p = new Float64Array(n)
  let dyadic = new Float64Array(16)
  for (let i = 0; i < n; i++) {
    const lo = offsets[i]!
    const hi = offsets[i + 1]!
    const deg = hi - lo
    if (deg === 0) {
      effectiveSize[i] = Number.NaN
      efficiency[i] = Number.NaN
      constraint[i] = Number.NaN
      hierarchy[i] = Number.NaN
      continue
    }
    if (dyadic.length < deg) dyadic = new Float64Array(deg * 2)
    for (let e = lo; e < hi; e++) p[targets[e]!] = weights[e]! / sum[i]!
    let es = 0
    let c = 0
    for (let e = lo; e < hi; e++) {
      const j = targets[e]!
      let redundancy = 0
      let indirect = 0
      for (let f = offsets[j]!, end = offsets[j + 1]!; f < end; f++) {
        const q = targets[f]!
        if (q === i) continue
        const piq = p[q]!
        if (piq === 0) continue
        const wjq = weights[f]!
        redundancy += piq * (wjq / max[j]!)
        indirect += piq * (wjq / sum[q]!)
      }
      es += 1 - redundancy
      const cij = (p[j]! + indirect) ** 2
      dyadic[e - lo] = cij
      c += cij
    }
    for (let e = lo; e < hi; e++) p[targets[e]!] = 0
    effectiveSize[i] = es
    efficiency[i] = es / deg
    constraint[i] = c
    if (deg === 1) hierarchy[i] = 0
    else {
      const mean = c / deg
      let h = 0
      for (let k = 0; k < deg; k++) {
        const r = dyadic[k]! / mean
        if (r > 0) h += r * Math.log(r)
      }
      hierarchy[i] = h / (deg * Math.log(deg))
    }
  }
  return { effectiveSize, efficiency, constraint, hierarchy }
}

/**
 * The connected component of every node, numbered 0, 1, ... in the order of
 * their smallest node (a breadth-first search from each unvisited node). Linear
 * in nodes and edges; graphology's connectedComponents needs a graphology
 * graph, whose construction alone costs more than the 1 s budget's share.
 * @internal
 */
export const componentLabels = (g: Csr): Int32Array => {
  const { n, offsets, targets } = g
  const label = new Int32Array(n).fill(-1)
  const queue = new Int32Array(n)
  let next = 0
  for (let s = 0; s < n; s++) {
    if (label[s] !== -1) continue
    label[s] = next
    queue[0] = s
    let head = 0
    let tail = 1
    while (head < tail) {
      const v = queue[head++]!
      for (let e = offsets[v]!, end = offsets[v + 1]!; e < end; e++) {
        const w = targets[e]!
        if (label[w] === -1) {
          label[w] = next
          queue[tail++] = w
        }
      }
    }
    next++
  }
  return label
}

/**
 * A small seeded generator (mulberry32) of numbers in [0, 1), for Louvain and sampling.
 * @internal
 */
export const mulberry32 = (seed: number): (() => number) => {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/**
 * `k` distinct nodes of `0..n-1` drawn uniformly without replacement (partial Fisher-Yates), sorted.
 * @internal
 */
export const samplePivots = (n: number, k: number, rng: () => number): Int32Array => {
  const all = new Int32Array(n)
  for (let i = 0; i < n; i++) all[i] = i
  const take = Math.min(k, n)
  for (let i = 0; i < take; i++) {
    const j = i + Math.floor(rng() * (n - i))
    const t = all[i]!
    all[i] = all[j]!
    all[j] = t
  }
  return all.slice(0, take).sort()
}
