/**
 * Problems: what the library reports instead of throwing.
 *
 * Every decoding or validating API returns all the problems it found at once,
 * each with the path of the offending value and a sentence a practitioner can
 * act on. Messages never quote personal free text: they name paths, ids and
 * expected values only.
 *
 * @since 0.1.0
 */
import * as Data from "effect/Data"
import * as Either from "effect/Either"
import * as Schema from "effect/Schema"
import { formatPath as renderPath } from "./internal/path.js"
import { make, type PathSegment, type Problem, type ProblemCode } from "./internal/problem/parse.js"
import type { Labels } from "./Label.js"

// the problem model and the translation of parse errors live apart, so that the decoders
// import them without a cycle through this module
export {
  fromParseError,
  lenientOptions,
  make,
  type PathSegment,
  Problem,
  ProblemCode,
  rememberTitles,
  strictOptions
} from "./internal/problem/parse.js"

/**
 * Renders a path as a reader writes it, for example `actors[3].kind`.
 *
 * @category formatting
 * @since 0.1.0
 */
export const formatPath = (path: ReadonlyArray<PathSegment>): string => renderPath(path)

/**
 * Renders a problem as one line: `path: message` (just the message at the root).
 *
 * @category formatting
 * @since 0.1.0
 */
export const format = (problem: Problem): string => {
  const where = renderPath(problem.path)
  return where === "" ? problem.message : `${where}: ${problem.message}`
}

/**
 * Prefixes the path of every problem, to report problems of a part inside its whole.
 *
 * @category combinators
 * @since 0.1.0
 */
export const prefix = (problems: ReadonlyArray<Problem>, path: ReadonlyArray<PathSegment>): Array<Problem> =>
  problems.map((p) => make(p.code, [...path, ...p.path], p.message))

/**
 * The error value of the `Effect` APIs: every problem found, never empty.
 *
 * @category errors
 * @since 0.1.0
 */
export class ValidationError extends Data.TaggedError("ValidationError")<{
  readonly problems: readonly [Problem, ...Array<Problem>]
}> {
  /**
   * One line a problem, ready to show to a user.
   * @since 0.1.0
   */
  override get message(): string {
    return this.problems.map(format).join("\n")
  }
}

/**
 * The result of a decoding or validating API: the value, or every problem found.
 *
 * @category models
 * @since 0.1.0
 */
export type Result<A> = Either.Either<A, readonly [Problem, ...Array<Problem>]>

/**
 * The one implementation behind `Decoder.lazy` and `Decoder.compile`
 * (`internal/compile/decoder.ts`).
 *
 * @internal
 */
export { compiledDecoder } from "./internal/compile/decoder.js"

/**
 * Every severity of a diagnostic, from the most serious: one table for the
 * whole library.
 *
 * @category constants
 * @since 0.3.0
 */
export const severities = ["error", "warning", "info"] as const

/**
 * How serious a diagnostic is: `error` (a rule is broken: the data is not
 * usable as it is), `warning` (a rule is at risk, or broken in a way that
 * can still be repaired: it asks for a look) or `info` (a remark).
 *
 * @category models
 * @since 0.3.0
 */
export const Severity = Schema.Literal(...severities).annotations({
  identifier: "Severity",
  description: "How serious a diagnostic is."
})

/**
 * @category models
 * @since 0.3.0
 */
export type Severity = typeof Severity.Type

/**
 * Italian and English labels of the severities.
 *
 * @category labels
 * @since 0.3.0
 */
export const severityLabels: Labels<Severity> = {
  error: { it: "Errore", en: "Error" },
  warning: { it: "Avvertenza", en: "Warning" },
  info: { it: "Nota", en: "Info" }
}

/**
 * A diagnostic: a problem with its severity and the source of the rule it
 * reads. What (`code`, from the module's list), how serious (`severity`),
 * where (`path`), a sentence that says what to do (`message`, never quoting
 * personal free text) and where the rule comes from (`source`, for example
 * `"IATI"` or `"seed 003_5df635cd6d484fa5.txt, row 51"`). Every `validate`
 * and `audit` of the library returns diagnostics; a module may add fields
 * (the ids a diagnostic is about).
 *
 * @example
 * ```ts
 * import * as assert from "node:assert"
 * import { Problem } from "@welfare/core"
 *
 * const d = Problem.diagnostic("rule", "warning", ["pact", "signatories", 0], "add its commitment", "seed 004, row 55")
 * assert.strictEqual(Problem.formatDiagnostic(d), "warning pact.signatories[0]: add its commitment (seed 004, row 55)")
 * ```
 *
 * @category models
 * @since 0.3.0
 */
export interface Diagnostic<Code extends string = string> {
  readonly code: Code
  readonly severity: Severity
  readonly path: ReadonlyArray<PathSegment>
  readonly message: string
  readonly source: string
}

/**
 * The schema of a diagnostic whose code is one of `codes` (for JSON Schemas
 * and decoding saved diagnostics).
 *
 * @category models
 * @since 0.3.0
 */
export const Diagnostic = <const Codes extends ReadonlyArray<string>>(codes: Codes, identifier: string) =>
  Schema.Struct({
    code: Schema.Literal(...(codes as unknown as readonly [Codes[number]])),
    severity: Severity,
    path: Schema.Array(Schema.Union(Schema.String, Schema.NonNegativeInt)),
    message: Schema.String,
    source: Schema.String
  }).annotations({ identifier, title: identifier })

/**
 * Builds a diagnostic.
 *
 * @category constructors
 * @since 0.3.0
 */
export const diagnostic = <Code extends string>(
  code: Code,
  severity: Severity,
  path: ReadonlyArray<PathSegment>,
  message: string,
  source: string
): Diagnostic<Code> => ({ code, severity, path, message, source })

/**
 * Renders a diagnostic as one line: `severity path: message (source)`.
 *
 * @category formatting
 * @since 0.3.0
 */
export const formatDiagnostic = (d: Diagnostic): string => {
  const where = renderPath(d.path)
  return `${d.severity} ${where === "" ? "" : `${where}: `}${d.message} (${d.source})`
}

/**
 * Whether a diagnostic is an error (the data is not usable as it is).
 *
 * @category predicates
 * @since 0.3.0
 */
export const isError = (d: Pick<Diagnostic, "severity">): boolean => d.severity === "error"

/**
 * A problem that is also a diagnostic: what the `validate` of a module whose
 * checks are all errors returns (`Rubric`, `SolidarityPact`, `Article55`),
 * usable wherever a problem or a diagnostic is.
 *
 * @category models
 * @since 0.3.0
 */
export interface ProblemDiagnostic extends Problem, Diagnostic<ProblemCode> {}

/**
 * Problems as diagnostics of severity `error`, each with the source of the
 * rules that found it.
 *
 * @example
 * ```ts
 * import * as assert from "node:assert"
 * import { Problem } from "@welfare/core"
 *
 * const [d] = Problem.asDiagnostics([Problem.make("rule", ["weights"], "weights sum to zero")], "rubric")
 * assert.strictEqual(Problem.formatDiagnostic(d!), "error weights: weights sum to zero (rubric)")
 * assert.strictEqual(Problem.format(d!), "weights: weights sum to zero")
 * ```
 *
 * @category conversions
 * @since 0.3.0
 */
export const asDiagnostics = (problems: ReadonlyArray<Problem>, source: string): Array<ProblemDiagnostic> =>
  problems.map((p) => ({ ...p, severity: "error", source }))

/**
 * Appends a problem list to a result: a valid value with problems becomes a failure.
 *
 * @internal
 */
export const fromProblems = <A>(value: A, problems: ReadonlyArray<Problem>): Result<A> =>
  problems.length === 0
    ? Either.right(value)
    : Either.left(problems as unknown as readonly [Problem, ...Array<Problem>])

/**
 * The default most problems kept by a capped decoder or collector: the first
 * 1,000 in input order, then a count by kind of the rest. An editorial
 * choice: enough to show every kind of mistake a file repeats many times
 * over, while a file of a million broken records costs the memory of a
 * thousand problems, not a million (issue 14).
 *
 * @category constants
 * @since 0.2.0
 */
export const defaultMaxProblems = 1_000

/**
 * Problems kept under a cap: the first ones in input order (`kept`, at most
 * the cap), how many were found in all (`total`), and the ones not kept
 * counted by kind (`omitted`; a code appears only when it counts at least
 * one). `total` is `kept.length` plus the sum of `omitted`.
 *
 * @category models
 * @since 0.2.0
 */
export interface Capped {
  readonly kept: ReadonlyArray<Problem>
  readonly total: number
  readonly omitted: { readonly [code in ProblemCode]?: number }
}

/**
 * The failure of a capped decoding: the first problems and a count of the
 * rest, never empty (`kept` holds at least one problem).
 *
 * @category models
 * @since 0.2.0
 */
export interface CappedProblems extends Capped {
  readonly kept: readonly [Problem, ...Array<Problem>]
}

/**
 * The result of a capped decoding API: the value, or the first problems and
 * a count of the rest.
 *
 * @category models
 * @since 0.2.0
 */
export type CappedResult<A> = Either.Either<A, CappedProblems>

/**
 * Gathers problems as they are found, keeping the first `max` and counting
 * the others by kind, so that memory stays bounded however many there are.
 * `full()` tells a producer that a new problem will only be counted: it may
 * then call `skip(code)` instead of building the problem's message.
 *
 * @category models
 * @since 0.2.0
 */
export interface Collector {
  /** The cap: the most problems kept. */
  readonly max: number
  /** Keeps the problem, or counts it when `max` are kept already. */
  readonly add: (problem: Problem) => void
  /** Adds each problem in order. */
  readonly addAll: (problems: Iterable<Problem>) => void
  /** Counts a problem of this kind that is not kept (cheaper than `add` once full). */
  readonly skip: (code: ProblemCode, count?: number) => void
  /** Whether `max` problems are kept already. */
  readonly full: () => boolean
  /** How many problems were added or skipped so far. */
  readonly total: () => number
  /** The problems kept and the count of the others, so far. */
  readonly result: () => Capped
}

const checkedMax = (max: number | undefined): number =>
  max === undefined || Number.isNaN(max) ? defaultMaxProblems : Math.max(0, Math.floor(max))

/**
 * Makes a {@link Collector} that keeps the first `max` problems (default
 * {@link defaultMaxProblems}; `Infinity` keeps every one).
 *
 * @example
 * ```ts
 * import * as assert from "node:assert"
 * import { Problem } from "@welfare/core"
 *
 * const sink = Problem.collector(2)
 * for (let i = 0; i < 5; i++) sink.add(Problem.make("duplicate-id", ["actors", i, "id"], "the actor id is already used"))
 * sink.add(Problem.make("missing", ["name"], "is required but missing"))
 * const capped = sink.result()
 * assert.deepStrictEqual(capped.kept.map((p) => Problem.formatPath(p.path)), ["actors[0].id", "actors[1].id"])
 * assert.deepStrictEqual(capped.omitted, { "duplicate-id": 3, missing: 1 })
 * assert.strictEqual(capped.total, 6)
 * ```
 *
 * @category constructors
 * @since 0.2.0
 */
export const collector = (max?: number): Collector => {
  const cap = checkedMax(max)
  const kept: Array<Problem> = []
  const omitted: { [code in ProblemCode]?: number } = {}
  let total = 0
  const skip = (code: ProblemCode, count = 1): void => {
    if (count <= 0) return
    total += count
    omitted[code] = (omitted[code] ?? 0) + count
  }
  const add = (problem: Problem): void => {
    if (kept.length < cap) {
      kept.push(problem)
      total++
    } else skip(problem.code)
  }
  return {
    max: cap,
    add,
    addAll: (problems) => {
      for (const p of problems) add(p)
    },
    skip,
    full: () => kept.length >= cap,
    total: () => total,
    result: () => ({ kept: kept.slice(), total, omitted: { ...omitted } })
  }
}

/**
 * Caps a list of problems: the first `max` (default
 * {@link defaultMaxProblems}) and a count by kind of the rest.
 *
 * @example
 * ```ts
 * import * as assert from "node:assert"
 * import { Problem } from "@welfare/core"
 *
 * const problems = [0, 1, 2].map((i) => Problem.make("unknown-reference", ["needs", i, "actor"], "no actor has this id"))
 * const capped = Problem.cap(problems, 1)
 * assert.strictEqual(capped.kept.length, 1)
 * assert.deepStrictEqual(capped.omitted, { "unknown-reference": 2 })
 * assert.strictEqual(Problem.formatOmitted(capped), "... and 2 more problems not shown (2 unknown-reference): only the first 1 are kept")
 * ```
 *
 * @category combinators
 * @since 0.2.0
 */
export const cap = (problems: Iterable<Problem>, max?: number): Capped => {
  const sink = collector(max)
  sink.addAll(problems)
  return sink.result()
}

/**
 * How many problems a capped list left out (`total - kept.length`).
 *
 * @category combinators
 * @since 0.2.0
 */
export const omittedCount = (capped: Capped): number => capped.total - capped.kept.length

/**
 * The line that says what a capped list left out, by kind (`... and 824981
 * more problems not shown (824981 duplicate-id): only the first 1000 are
 * kept`); the empty text when nothing was left out. `verb` ends the line
 * (`kept` by default; `printed` for a printed list).
 *
 * @category formatting
 * @since 0.2.0
 */
export const formatOmitted = (capped: Capped, verb = "kept"): string => {
  const n = omittedCount(capped)
  if (n <= 0) return ""
  const counts = Object.entries(capped.omitted)
    .map(([code, count]) => `${count} ${code}`)
    .join(", ")
  return `... and ${n} more problems not shown (${counts}): only the first ${capped.kept.length} are ${verb}`
}
