/**
 * The opaque value of a partnership network: its brand, its internal arrays and the sector order.
 * @internal
 */
import type { UndirectedGraph } from "graphology"
import louvainModule from "graphology-communities-louvain"
import * as Actor from "../../Actor.js"
import type { Csr } from "../network/csr.js"

// A CommonJS package: Node gives `module.exports` as the default import, bundlers may give `.default`.
export type Louvain = typeof louvainModule.default
export const louvain: Louvain =
  (louvainModule as unknown as { readonly default?: Louvain }).default ??
  (louvainModule as unknown as Louvain)

/**
 * The brand of a partnership network value.
 *
 * @category symbols
 * @since 0.1.0
 */
export const TypeId: unique symbol = Symbol.for("@welfare/core/PartnershipNetwork")

/**
 * @category symbols
 * @since 0.1.0
 */
export type TypeId = typeof TypeId
export const Internals: unique symbol = Symbol.for("@welfare/core/PartnershipNetwork/internals")

export interface Internal {
  readonly sector: Uint8Array
  readonly citizen: Uint8Array
  readonly index: ReadonlyMap<string, number>
  readonly a: Int32Array
  readonly b: Int32Array
  readonly w: Float64Array
  readonly csr: Csr
  /** The graphology graph, built on first use (for components and Louvain) and never exposed. */
  readonly graph: () => UndirectedGraph<Record<string, never>, { readonly weight: number }>
}

/**
 * A partnership network: an opaque, immutable value. Read it with the
 * functions of this module; `actors` lists its actors in id order.
 *
 * @category models
 * @since 0.1.0
 */
export interface PartnershipNetwork {
  readonly [TypeId]: typeof TypeId
  /** The actors of the network, in id order. */
  readonly actors: ReadonlyArray<Actor.ActorId>
  /** How many ties (pairs of actors sharing a partnership) it has. */
  readonly size: number
}

export const internal = (network: PartnershipNetwork): Internal =>
  (network as unknown as { readonly [Internals]: Internal })[Internals]

/**
 * Whether a value is a partnership network.
 *
 * @category predicates
 * @since 0.1.0
 */
export const isPartnershipNetwork = (u: unknown): u is PartnershipNetwork =>
  typeof u === "object" && u !== null && TypeId in u

/** The index of each sector in `Actor.sectors` (the order sectors are stored and listed in). */
export const sectorIndex = Object.fromEntries(Actor.sectors.map((s, i) => [s, i])) as {
  readonly [S in Actor.Sector]: number
}

export const byCodeUnits = (x: string, y: string): number => (x < y ? -1 : x > y ? 1 : 0)
