import * as Either from "effect/Either"
import { expect } from "vitest"

/**
 * The lifecycle laws every event-sourced module keeps (`TakingCharge`,
 * `CoDesign`): `apply` gives a new state or a non-empty list of diagnostics,
 * `replay` is its fold (an event with diagnostics is skipped, the next is
 * checked against the state before it), and every prefix of a valid history
 * replays (invariant 10: the history is append-only, so what was valid stays
 * valid).
 */
export interface Lifecycle<S, E, D> {
  readonly initial: S
  readonly apply: (state: S, event: E, index: number) => Either.Either<S, ReadonlyArray<D>>
  readonly replay: (events: ReadonlyArray<E>) => Either.Either<S, ReadonlyArray<D>>
  /** What of a state two folds must agree on. */
  readonly view: (state: S) => unknown
  /** What of a diagnostic two folds must agree on (the fold of apply numbers events by accepted ones). */
  readonly diagnostic?: (d: D) => unknown
}

/** Law: every prefix of a valid history replays, to the state the fold of apply reaches. */
export const everyPrefixReplays = <S, E, D>(l: Lifecycle<S, E, D>, history: ReadonlyArray<E>): void => {
  let state = l.initial
  for (let k = 0; k <= history.length; k++) {
    const replayed = l.replay(history.slice(0, k))
    if (Either.isLeft(replayed)) throw new Error(`the prefix of ${k} events does not replay`)
    expect(l.view(replayed.right)).toEqual(l.view(state))
    if (k < history.length) state = Either.getOrThrow(l.apply(state, history[k]!, k))
  }
}

/** Law: replay is the fold of apply, on any history, valid or not. */
export const replayIsFoldOfApply = <S, E, D>(l: Lifecycle<S, E, D>, history: ReadonlyArray<E>): number => {
  const key = l.diagnostic ?? ((d: D) => d)
  let state = l.initial
  const problems: Array<unknown> = []
  history.forEach((event, i) => {
    const applied = l.apply(state, event, i)
    if (Either.isLeft(applied)) {
      expect(applied.left.length).toBeGreaterThan(0)
      problems.push(...applied.left.map(key))
    } else state = applied.right
  })
  const replayed = l.replay(history)
  if (problems.length === 0) {
    if (Either.isLeft(replayed)) throw new Error("replay fails where every apply succeeds")
    expect(l.view(replayed.right)).toEqual(l.view(state))
  } else {
    if (Either.isRight(replayed)) throw new Error("replay succeeds where an apply fails")
    expect(replayed.left.map(key)).toEqual(problems)
  }
  return problems.length
}
