/**
 * The plain readings of a partnership network: ties, sector, density, degrees, cross-sector share and mixing, components, isolated actors.
 * @internal
 */
import { undirectedDensity } from "graphology-metrics/graph/density.js"
import * as Actor from "../../Actor.js"
import { componentLabels } from "../network/csr.js"
import { byCodeUnits, internal, type PartnershipNetwork } from "./model.js"

/**
 * A tie of the network: two actors (in id order), the number of partnerships
 * they share, and whether they belong to different sectors.
 *
 * @category models
 * @since 0.1.0
 */
export interface Tie {
  readonly actors: readonly [Actor.ActorId, Actor.ActorId]
  readonly weight: number
  readonly crossSector: boolean
}

/**
 * Every tie of the network, in id order.
 *
 * @category getters
 * @since 0.1.0
 */
export const ties = (network: PartnershipNetwork): ReadonlyArray<Tie> => {
  const { a, b, w, sector } = internal(network)
  const ids = network.actors
  return Array.from({ length: a.length }, (_, e) => ({
    actors: [ids[a[e]!]!, ids[b[e]!]!] as const,
    weight: w[e]!,
    crossSector: sector[a[e]!] !== sector[b[e]!]
  }))
}

/**
 * The sector of an actor of the network (undefined when it is not in it).
 *
 * @category getters
 * @since 0.1.0
 */
export const sectorIn = (network: PartnershipNetwork, actor: string): Actor.Sector | undefined => {
  const { index, sector } = internal(network)
  const i = index.get(actor)
  return i === undefined ? undefined : Actor.sectors[sector[i]!]
}

/**
 * The density: the share of the possible ties that exist, `2m / (n (n - 1))`,
 * in [0, 1]; 0 with fewer than two actors.
 *
 * @category calculators
 * @since 0.1.0
 */
export const density = (network: PartnershipNetwork): number =>
  network.actors.length < 2 ? 0 : undirectedDensity(network.actors.length, network.size)

/**
 * The degree of every actor (how many actors it is tied to), in id order.
 *
 * @category calculators
 * @since 0.1.0
 */
export const degree = (network: PartnershipNetwork): ReadonlyMap<Actor.ActorId, number> => {
  const { offsets } = internal(network).csr
  return new Map(network.actors.map((id, i) => [id, offsets[i + 1]! - offsets[i]!]))
}

/**
 * The weighted degree of every actor: the sum of the weights of its ties
 * (how many partnership memberships it shares with others), in id order.
 *
 * @category calculators
 * @since 0.1.0
 */
export const weightedDegree = (network: PartnershipNetwork): ReadonlyMap<Actor.ActorId, number> => {
  const { offsets, weights } = internal(network).csr
  return new Map(
    network.actors.map((id, i) => {
      let sum = 0
      for (let e = offsets[i]!; e < offsets[i + 1]!; e++) sum += weights[e]!
      return [id, sum]
    })
  )
}

/**
 * The share of ties that join actors of different sectors, in [0, 1]; 0 when
 * the network has no tie.
 *
 * @category calculators
 * @since 0.1.0
 */
export const crossSectorShare = (network: PartnershipNetwork): number => {
  const { a, b, sector } = internal(network)
  if (a.length === 0) return 0
  let cross = 0
  for (let e = 0; e < a.length; e++) if (sector[a[e]!] !== sector[b[e]!]) cross++
  return cross / a.length
}

/**
 * A symmetric sector-by-sector matrix: `mixing[s][t]` is the number of ties
 * between an actor of sector `s` and one of sector `t` (each tie counted once
 * in each cell it touches: `mixing[s][s]` counts the ties within `s`).
 *
 * @category models
 * @since 0.1.0
 */
export type SectorMatrix = { readonly [S in Actor.Sector]: { readonly [T in Actor.Sector]: number } }

const zeroRow = (): { [T in Actor.Sector]: number } =>
  Object.fromEntries(Actor.sectors.map((s) => [s, 0])) as { [T in Actor.Sector]: number }

/**
 * The sector mixing matrix of the network (see {@link SectorMatrix}).
 *
 * @example
 * ```ts
 * import * as assert from "node:assert"
 * import { Actor, Partnership, PartnershipNetwork } from "@welfare/core"
 *
 * const actor = (id: string, kind: Actor.ActorKind) => Actor.unsafeMake({ id: Actor.ActorId.make(id), kind })
 * const network = PartnershipNetwork.fromPartnerships(
 *   [actor("comune-legnano", "local-authority"), actor("cgil-legnano", "trade-union"), actor("confcommercio", "business")],
 *   [{ members: ["comune-legnano", "cgil-legnano", "confcommercio"].map((a) => Partnership.member(a, ["partner"])) }]
 * )
 * const mixing = PartnershipNetwork.sectorMixing(network)
 * assert.strictEqual(mixing.public["social-partners"], 1)
 * assert.strictEqual(mixing.public["third-sector"], 0)
 * assert.strictEqual(mixing.market.public, 1)
 * assert.strictEqual(mixing.public.public, 0)
 * ```
 *
 * @category calculators
 * @since 0.1.0
 */
export const sectorMixing = (network: PartnershipNetwork): SectorMatrix => {
  const { a, b, sector } = internal(network)
  const out = Object.fromEntries(Actor.sectors.map((s) => [s, zeroRow()])) as {
    [S in Actor.Sector]: { [T in Actor.Sector]: number }
  }
  for (let e = 0; e < a.length; e++) {
    const s = Actor.sectors[sector[a[e]!]!]!
    const t = Actor.sectors[sector[b[e]!]!]!
    out[s][t]++
    if (s !== t) out[t][s]++
  }
  return out
}

/**
 * The connected components: each a list of actors in id order; the largest
 * first, ties broken by their first actor. An isolated actor is a component
 * of its own.
 *
 * @category calculators
 * @since 0.1.0
 */
export const components = (network: PartnershipNetwork): ReadonlyArray<ReadonlyArray<Actor.ActorId>> => {
  const label = componentLabels(internal(network).csr)
  const groups: Array<Array<Actor.ActorId>> = []
  // Actors are in id order, so each group is too.
  network.actors.forEach((id, i) => {
    const c = label[i]!
    if (groups[c] === undefined) groups[c] = [id]
    else groups[c].push(id)
  })
  return groups.sort((x, y) => y.length - x.length || byCodeUnits(x[0]!, y[0]!))
}

/**
 * The isolated actors, in id order: those tied to no one. An actor in no
 * partnership (or only in partnerships of its own) is always isolated.
 *
 * @category calculators
 * @since 0.1.0
 */
export const isolated = (network: PartnershipNetwork): ReadonlyArray<Actor.ActorId> => {
  const { offsets } = internal(network).csr
  return network.actors.filter((_, i) => offsets[i + 1] === offsets[i])
}
