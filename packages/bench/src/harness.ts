/**
 * The benchmark harness: every scenario runs in its own process (see run.ts),
 * with seeded data, warm-up, then the median of several runs, printed beside
 * its references and its target.
 */
export interface Measured {
  /** What was measured, e.g. "@welfare/core Actor fast decode". */
  readonly name: string
  /** Median wall time of one run, in milliseconds. */
  readonly medianMs: number
  /** Items processed by one run (records, events, ...), for a rate. */
  readonly items?: number
}

export interface Scenario<P = unknown> {
  /** Stable id used on the command line: `pnpm bench -- taking-charge-replay`. */
  readonly id: string
  /** One line for the report. */
  readonly title: string
  /** The target from the issue, in words, e.g. "< 2 s". */
  readonly target: string
  /** The target as a check on the measurements; undefined when there is no hard figure. */
  readonly meets?: (results: ReadonlyArray<Measured>) => boolean
  /** Builds the seeded input once (not timed). */
  readonly prepare: () => P | Promise<P>
  /** The workloads: ours first, then references. Each returns something so the work is not optimised away. */
  readonly workloads: ReadonlyArray<{
    readonly name: string
    readonly items?: number
    readonly run: (prepared: P) => unknown | Promise<unknown>
  }>
  /** Runs of each workload after warm-up (default 5). */
  readonly runs?: number
}

const now = () => Number(process.hrtime.bigint()) / 1e6

/** Measures every workload of a scenario: `warmup` runs, then the median of `runs`. */
export const measure = async <P>(scenario: Scenario<P>, warmup = 1): Promise<Array<Measured>> => {
  const prepared = await scenario.prepare()
  const results: Array<Measured> = []
  for (const w of scenario.workloads) {
    for (let i = 0; i < warmup; i++) await w.run(prepared)
    const times: Array<number> = []
    for (let i = 0; i < (scenario.runs ?? 5); i++) {
      const t0 = now()
      await w.run(prepared)
      times.push(now() - t0)
    }
    times.sort((a, b) => a - b)
    results.push({ name: w.name, medianMs: times[Math.floor(times.length / 2)]!, ...(w.items ? { items: w.items } : {}) })
  }
  return results
}
