/**
 * The event-sourcing kernel shared by `TakingCharge` and `CoDesign`: one
 * shape for applying an event (a new state, or a non-empty list of
 * diagnostics, never half-applied), one fold for replaying a history (every
 * event checked against the state the accepted events before it produced,
 * so every problem is reported at once), and one trace.
 *
 * Each module instantiates it with its own state, event and diagnostic.
 * Replay is the fold of `step`: a property of both modules checks it, and
 * that every prefix of a valid history replays.
 * @internal
 */
import * as Either from "effect/Either"

/** A non-empty list of diagnostics. */
export type Diagnostics<D> = readonly [D, ...Array<D>]

/** The result of applying one event: the new state, or why it cannot apply. */
export type Applied<S, D> = Either.Either<S, Diagnostics<D>>

/** Applies one event, at its index in the history, to a state. */
export type Step<S, E, D> = (state: S, event: E, index: number) => Applied<S, D>

/** The outcome of a replay: the last state, the diagnostics of the events skipped, the events read. */
export interface Folded<S, D> {
  readonly state: S
  readonly problems: ReadonlyArray<D>
  readonly events: number
}

/**
 * Folds a history with `step` from `initial`. An event with diagnostics is
 * skipped and the next is checked against the state before it. Linear when
 * `step` is constant-time: nothing here copies the history.
 */
export const fold = <S, E, D>(step: Step<S, E, D>, initial: S, events: Iterable<E>): Folded<S, D> => {
  let state = initial
  const problems: Array<D> = []
  let index = 0
  for (const event of events) {
    const applied = step(state, event, index)
    if (Either.isLeft(applied)) for (const d of applied.left) problems.push(d)
    else state = applied.right
    index++
  }
  return { state, problems, events: index }
}

/** A value, or every diagnostic when there is one. */
export const result = <A, D>(value: A, problems: ReadonlyArray<D>): Either.Either<A, Diagnostics<D>> =>
  problems.length === 0 ? Either.right(value) : Either.left(problems as unknown as Diagnostics<D>)

/** One failure as diagnostics. */
export const fail = <D>(diagnostic: D): Either.Either<never, Diagnostics<D>> => Either.left([diagnostic])

/** The trace of a history: one line per event, in order, with its index. */
export const trace = <E, T>(events: Iterable<E>, line: (event: E, index: number) => T): Array<T> => {
  const out: Array<T> = []
  let index = 0
  for (const event of events) out.push(line(event, index++))
  return out
}

/**
 * An append-only list shared by the versions of a state. Appending to the
 * newest version pushes onto the shared buffer (constant time, amortised);
 * appending to an older version copies its items first, so no version ever
 * sees a later one's items. `has` answers in constant time.
 */
export class Chain<A> {
  private cached: ReadonlyArray<A> | undefined = undefined

  private constructor(
    private readonly buffer: Array<A>,
    /** The first position of each item, when `has` is asked of the chain (`undefined`: never). */
    private readonly positions: Map<A, number> | undefined,
    readonly length: number
  ) {}

  /** An empty chain; `indexed: false` when `has` is never asked (no index kept). */
  static empty<A>(indexed = true): Chain<A> {
    return new Chain<A>([], indexed ? new Map() : undefined, 0)
  }

  static of<A>(items: Iterable<A>, indexed = true): Chain<A> {
    let chain = Chain.empty<A>(indexed)
    for (const a of items) chain = chain.append(a)
    return chain
  }

  append(a: A): Chain<A> {
    if (this.buffer.length !== this.length)
      return Chain.of(this.buffer.slice(0, this.length), this.positions !== undefined).append(a)
    this.buffer.push(a)
    if (this.positions !== undefined && !this.positions.has(a)) this.positions.set(a, this.length)
    return new Chain(this.buffer, this.positions, this.length + 1)
  }

  has(a: A): boolean {
    if (this.positions === undefined) {
      for (let i = 0; i < this.length; i++) if (this.buffer[i] === a) return true
      return false
    }
    const at = this.positions.get(a)
    return at !== undefined && at < this.length
  }

  /** The items of this version, as a new array (cached). */
  toArray(): ReadonlyArray<A> {
    if (this.cached === undefined) this.cached = this.buffer.slice(0, this.length)
    return this.cached
  }
}

/**
 * A map shared by the versions of a state, for a history that mostly grows
 * from its newest version: each key keeps the list of its writes, stamped
 * with the version that made them; a version reads the last write older than
 * itself. Writing to the newest version is constant time (amortised);
 * writing to an older one copies what it sees first. Keys keep the order of
 * their first write.
 */
export class Versions<K, V> {
  private constructor(
    private readonly store: {
      writes: number
      readonly log: Map<K, Array<{ readonly seq: number; readonly value: V }>>
      readonly order: Array<K>
    },
    private readonly seq: number,
    readonly size: number
  ) {}

  static empty<K, V>(): Versions<K, V> {
    return new Versions<K, V>({ writes: 0, log: new Map(), order: [] }, 0, 0)
  }

  get(key: K): V | undefined {
    const writes = this.store.log.get(key)
    if (writes === undefined) return undefined
    for (let i = writes.length - 1; i >= 0; i--) if (writes[i]!.seq < this.seq) return writes[i]!.value
    return undefined
  }

  has(key: K): boolean {
    return this.get(key) !== undefined
  }

  set(key: K, value: V): Versions<K, V> {
    if (this.store.writes !== this.seq) {
      let copy = Versions.empty<K, V>()
      for (const k of this.keys()) copy = copy.set(k, this.get(k)!)
      return copy.set(key, value)
    }
    const writes = this.store.log.get(key)
    const isNew = writes === undefined
    if (isNew) {
      this.store.log.set(key, [{ seq: this.seq, value }])
      this.store.order.push(key)
    } else writes.push({ seq: this.seq, value })
    this.store.writes++
    return new Versions(this.store, this.seq + 1, this.size + (isNew ? 1 : 0))
  }

  /** The keys of this version, in the order of their first write. */
  keys(): ReadonlyArray<K> {
    return this.store.order.slice(0, this.size)
  }

  /** The values of this version, in the order of their keys. */
  values(): Array<V> {
    return this.keys().map((k) => this.get(k)!)
  }
}
