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
  /** Peak resident set size of the scenario's process after this workload, in MB. */
  readonly peakRssMb?: number
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
  /** The seeded data, in words, e.g. "100,000 actors (seed 42)". */
  readonly sizes?: string
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
  /** Warm-up runs of each workload (default 1). */
  readonly warmup?: number
  /** Extra node flags for the scenario's process (e.g. a heap cap for a memory target). */
  readonly execArgv?: ReadonlyArray<string>
  /** Extra lines for the report, computed from the measurements (e.g. a ratio the target names). */
  readonly notes?: (results: ReadonlyArray<Measured>) => ReadonlyArray<string>
}

const now = () => Number(process.hrtime.bigint()) / 1e6

const gc = (): void => {
  const g = (globalThis as { gc?: () => void }).gc
  if (g !== undefined) g()
}

/** Peak resident set size of this process so far, in MB. */
export const peakRssMb = (): number => process.resourceUsage().maxRSS / 1024

/** Measures every workload of a scenario: `warmup` runs, then the median of `runs`. */
export const measure = async <P>(
  scenario: Scenario<P>,
  warmup = scenario.warmup ?? 1
): Promise<Array<Measured>> => {
  const prepared = await scenario.prepare()
  const results: Array<Measured> = []
  for (const w of scenario.workloads) {
    for (let i = 0; i < warmup; i++) await w.run(prepared)
    const times: Array<number> = []
    for (let i = 0; i < (scenario.runs ?? 5); i++) {
      gc()
      const t0 = now()
      await w.run(prepared)
      times.push(now() - t0)
    }
    times.sort((a, b) => a - b)
    results.push({
      name: w.name,
      medianMs: times[Math.floor(times.length / 2)]!,
      ...(w.items ? { items: w.items } : {}),
      peakRssMb: peakRssMb()
    })
  }
  return results
}

/** The measurement of a workload by name (throws in a scenario's `meets` when misnamed: a bug of the scenario). */
export const byName = (results: ReadonlyArray<Measured>, name: string): Measured => {
  const found = results.find((r) => r.name === name)
  if (found === undefined) throw new Error(`no workload named ${name}`)
  return found
}

/** Items per second of a measurement (0 when it has no item count). */
export const rate = (m: Measured): number => (m.items === undefined ? 0 : (m.items / m.medianMs) * 1000)

/** A deterministic pseudo-random generator (mulberry32), for seeded data. */
export const seeded = (seed: number): (() => number) => {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}
