/**
 * Checks a territory's municipalities against the ISTAT table: every ISTAT
 * code must be known, valid throughout the territory's period and carry the
 * municipality's official name. The period is the zone plan's
 * (`district.zonePlan`), else a day given, else the table's date.
 *
 * Each finding is a {@link Diagnostic} with its path, its severity, a
 * sentence in Italian and English and, where the table knows it, the code or
 * name to write instead; {@link toProblems} turns them into the problems of
 * `@welfare/core`. Core never imports the table: this module takes it as an
 * argument, the shipped one by default.
 *
 * @since 0.2.0
 */
import { type Label, Problem } from "@welfare/core"
import * as Municipality from "./Municipality.js"

/**
 * What a diagnostic found.
 *
 * - `unknown-code`: no list knows the code;
 * - `code-not-valid`: the code was not valid throughout the period (suppressed
 *   before its end, or created after its start);
 * - `name-differs`: the municipality's name is not the official name of its code;
 * - `duplicate-code`: two municipalities of the territory carry one code.
 *
 * @example
 * ```ts
 * import * as assert from "node:assert"
 * import { Check } from "@welfare/istat"
 *
 * const codes: ReadonlyArray<Check.DiagnosticCode> = Check.municipalities({
 *   municipalities: [{ name: "Legnano", istatCode: "000000" }]
 * }).map((d) => d.code)
 * assert.deepStrictEqual(codes, ["unknown-code"])
 * ```
 *
 * @category models
 * @since 0.2.0
 */
export type DiagnosticCode = "unknown-code" | "code-not-valid" | "name-differs" | "duplicate-code"

/**
 * A finding: where, what, how serious, what to do, in both languages.
 *
 * @example
 * ```ts
 * import * as assert from "node:assert"
 * import { Check } from "@welfare/istat"
 *
 * const [d]: ReadonlyArray<Check.Diagnostic> = Check.municipalities({
 *   municipalities: [{ name: "Cerro", istatCode: "015072" }]
 * })
 * assert.deepStrictEqual([d?.severity, d?.suggestion], ["warning", { name: "Cerro Maggiore" }])
 * assert.ok(d?.message.it.includes("«Cerro Maggiore»"))
 * ```
 *
 * @category models
 * @since 0.2.0
 */
export interface Diagnostic {
  readonly code: DiagnosticCode
  /** `error` for a code that cannot be right; `warning` for a name that differs. */
  readonly severity: "error" | "warning"
  /** The path in the territory document: `["municipalities", 3, "istatCode"]`. */
  readonly path: ReadonlyArray<string | number>
  /** What is wrong and what to do. */
  readonly message: Label.Text
  /** The code or name the table suggests, when it knows one. */
  readonly suggestion?: { readonly istatCode?: string; readonly name?: string }
}

/**
 * The options of {@link municipalities}.
 *
 * @example
 * ```ts
 * import * as assert from "node:assert"
 * import { Check } from "@welfare/istat"
 *
 * const options: Check.Options = { at: "2017-12-31" }
 * // Alta Val Tidone (033049) exists from 2018-01-01 only
 * const [d] = Check.municipalities({ municipalities: [{ name: "Alta Val Tidone", istatCode: "033049" }] }, options)
 * assert.strictEqual(d?.code, "code-not-valid")
 * ```
 *
 * @category models
 * @since 0.2.0
 */
export interface Options {
  /** The table to check against; the shipped one by default. */
  readonly table?: Municipality.Table
  /** The period to check, when the territory has no zone plan; else `at`. */
  readonly period?: { readonly start: string; readonly end: string }
  /** The day to check, when there is neither a zone plan nor a period; else the table's date. */
  readonly at?: string
}

/**
 * What the checks read of a territory: its municipalities' names and codes,
 * and its district's zone plan. A `Territory.Territory` of `@welfare/core` is one.
 *
 * @example
 * ```ts
 * import * as assert from "node:assert"
 * import { Check } from "@welfare/istat"
 *
 * const input: Check.Input = {
 *   district: { zonePlan: { start: "2015-01-01", end: "2017-12-31" } },
 *   municipalities: [{ id: "legnano", name: "Legnano", istatCode: "015118" }]
 * }
 * assert.deepStrictEqual(Check.municipalities(input), [])
 * ```
 *
 * @category models
 * @since 0.2.0
 */
export interface Input {
  readonly municipalities: ReadonlyArray<{
    readonly id?: string
    readonly name: string
    readonly istatCode?: string | undefined
  }>
  readonly district?:
    | {
        readonly name?: string
        readonly code?: string | undefined
        readonly region?: string | undefined
        readonly zonePlan?: { readonly start: string; readonly end: string } | undefined
      }
    | undefined
}

const periodOf = (territory: Input, options: Options, table: Municipality.Table) => {
  const plan = territory.district?.zonePlan
  if (plan !== undefined) return { start: plan.start, end: plan.end, source: "plan" as const }
  if (options.period !== undefined) return { ...options.period, source: "period" as const }
  const day = options.at ?? table.asOf
  return { start: day, end: day, source: "day" as const }
}

const names = (entries: ReadonlyArray<Municipality.Entry>): string =>
  entries.map((e) => `${e.code} ${e.name}`).join(", ")

/**
 * Every finding about the ISTAT codes of a territory's municipalities, in
 * the order of the municipalities. Municipalities without a code are not
 * checked (see {@link suggestCodes}). Never throws.
 *
 * @example
 * ```ts
 * import * as assert from "node:assert"
 * import { Check } from "@welfare/istat"
 *
 * const found = Check.municipalities({
 *   district: { name: "Ambito di Legnano", zonePlan: { start: "2018-01-01", end: "2020-12-31" } },
 *   municipalities: [
 *     { id: "legnano", name: "LEGNANO", istatCode: "015118" },
 *     { id: "vermezzo", name: "Vermezzo", istatCode: "015235" },
 *     { id: "cerro", name: "Cerro", istatCode: "015072" }
 *   ]
 * })
 * assert.deepStrictEqual(found.map((d) => [d.code, d.path.join("."), d.suggestion]), [
 *   ["code-not-valid", "municipalities.1.istatCode", { istatCode: "015251", name: "Vermezzo con Zelo" }],
 *   ["name-differs", "municipalities.2.name", { name: "Cerro Maggiore" }]
 * ])
 * assert.strictEqual(
 *   found[0]?.message.en,
 *   "the ISTAT code 015235 (Vermezzo) was suppressed on 2019-02-08, within the zone plan 2018-01-01 to 2020-12-31: it merged into 015251 Vermezzo con Zelo; use the code in force for the period"
 * )
 * ```
 *
 * @category validation
 * @since 0.2.0
 */
export const municipalities = (territory: Input, options: Options = {}): Array<Diagnostic> => {
  const table = options.table ?? Municipality.table()
  const period = periodOf(territory, options, table)
  const context: Context = { table, period, ...periodWords(period) }
  const out: Array<Diagnostic> = []
  const firstWithCode = new Map<string, number>()
  territory.municipalities.forEach((m, i) => {
    const code = m.istatCode
    if (code === undefined) return
    const seen = firstWithCode.get(code)
    if (seen !== undefined) {
      out.push({
        code: "duplicate-code",
        severity: "error",
        path: ["municipalities", i, "istatCode"],
        message: {
          it: `il codice ISTAT ${code} è già di municipalities[${seen}]: ogni comune ha un codice suo; correggere uno dei due`,
          en: `the ISTAT code ${code} is already municipalities[${seen}]'s: each municipality has its own; correct one of the two`
        }
      })
      return
    }
    firstWithCode.set(code, i)
    const found = checkCode(context, m.name, code, i)
    if (found !== undefined) out.push(found)
  })
  return out
}

type Period = ReturnType<typeof periodOf>

// What the check of one code needs: the table, the period and how to say where a suppression falls.
interface Context {
  readonly table: Municipality.Table
  readonly period: Period
  readonly within: Label.Text
  readonly before: Label.Text
}

// Where a suppression falls: within the period (or on its day), or before it starts.
const periodWords = (period: Period): { readonly within: Label.Text; readonly before: Label.Text } => {
  const [s, e] = [period.start, period.end]
  return {
    within:
      period.source === "plan"
        ? { it: `nel Piano di Zona ${s} – ${e}`, en: `within the zone plan ${s} to ${e}` }
        : s === e
          ? { it: `al ${s}`, en: `on ${s}` }
          : { it: `nel periodo ${s} – ${e}`, en: `within ${s} to ${e}` },
    before:
      period.source === "plan"
        ? { it: `prima del Piano di Zona ${s} – ${e}`, en: `before the zone plan ${s} to ${e}` }
        : s === e
          ? { it: `prima del ${s}`, en: `before ${s}` }
          : { it: `prima del periodo ${s} – ${e}`, en: `before ${s} to ${e}` }
  }
}

// The finding about one municipality's code (the first to carry it), if any.
const checkCode = (c: Context, name: string, code: string, i: number): Diagnostic | undefined => {
  const path = ["municipalities", i, "istatCode"] as const
  const history = Municipality.history(code, c.table)
  if (history.length === 0) return unknownCode(c, name, code, path)
  const valid = history.find((e) => Municipality.isValidThroughout(e, c.period))
  if (valid === undefined) return notValid(c, history, code, path)
  if (Municipality.hasName(valid, name)) return undefined
  return {
    code: "name-differs",
    severity: "warning",
    path: ["municipalities", i, "name"],
    message: {
      it: `il nome non è quello ufficiale del codice ISTAT ${code}: scrivere «${valid.name}» (${valid.province}), o correggere il codice`,
      en: `the name is not the official name of the ISTAT code ${code}: write "${valid.name}" (${valid.province}), or correct the code`
    },
    suggestion: { name: valid.name }
  }
}

// A code in no list: the code of the one municipality with that name, when there is one.
const unknownCode = (c: Context, name: string, code: string, path: Diagnostic["path"]): Diagnostic => {
  const { table } = c
  const candidates = Municipality.byName(name, c.period.start, table)
  const [only] = candidates
  return {
    code: "unknown-code",
    severity: "error",
    path,
    message:
      candidates.length === 1 && only !== undefined
        ? {
            it: `il codice ISTAT ${code} non è negli elenchi ISTAT (dati al ${table.asOf}); ${only.name} (${only.province}) ha il codice ${only.code}`,
            en: `the ISTAT code ${code} is in no ISTAT list (data as of ${table.asOf}); ${only.name} (${only.province}) has the code ${only.code}`
          }
        : {
            it: `il codice ISTAT ${code} non è negli elenchi ISTAT (dati al ${table.asOf}): controllare il codice nell'Elenco comuni italiani, o aggiornare @welfare/istat se il comune è stato istituito dopo`,
            en: `the ISTAT code ${code} is in no ISTAT list (data as of ${table.asOf}): check it in ISTAT's Elenco comuni italiani, or update @welfare/istat if the municipality was created later`
          },
    ...(candidates.length === 1 && only !== undefined
      ? { suggestion: { istatCode: only.code, name: only.name } }
      : {})
  }
}

// A code not in force throughout the period: suppressed (with its successors), or created after it starts.
const notValid = (
  c: Context,
  history: ReadonlyArray<Municipality.Entry>,
  code: string,
  path: Diagnostic["path"]
): Diagnostic => {
  const { period, table } = c
  const last = history[history.length - 1]!
  const suppressed = history.find(
    (e) => e.validTo !== undefined && e.validTo <= period.end && (e.validFrom ?? "") <= period.end
  )
  if (suppressed?.validTo === undefined) {
    const from = last.validFrom ?? table.asOf
    return {
      code: "code-not-valid",
      severity: "error",
      path,
      message: {
        it: `il codice ISTAT ${code} (${last.name}) è in vigore dal ${from}, dopo l'inizio del periodo (${period.start}): usare il codice che il comune aveva allora`,
        en: `the ISTAT code ${code} (${last.name}) is in force from ${from}, after the period starts (${period.start}): use the code the municipality had then`
      }
    }
  }
  const heirs = Municipality.successorsAt(code, period.end, table)
  const [heir] = heirs
  const when = suppressed.validTo >= period.start ? c.within : c.before
  return {
    code: "code-not-valid",
    severity: "error",
    path,
    message: {
      it: `il codice ISTAT ${code} (${suppressed.name}) è stato soppresso il ${suppressed.validTo}, ${when.it}: ${heirs.length > 0 ? `è confluito in ${names(heirs)}` : "non ha un successore negli elenchi"}; usare il codice in vigore nel periodo`,
      en: `the ISTAT code ${code} (${suppressed.name}) was suppressed on ${suppressed.validTo}, ${when.en}: ${heirs.length > 0 ? `it merged into ${names(heirs)}` : "no list names a successor"}; use the code in force for the period`
    },
    ...(heirs.length === 1 && heir !== undefined
      ? { suggestion: { istatCode: heir.code, name: heir.name } }
      : {})
  }
}

/**
 * For each municipality without an ISTAT code, the code the table gives its
 * name in the territory's period, when exactly one municipality has that
 * name: a way to fill the codes in.
 *
 * @example
 * ```ts
 * import * as assert from "node:assert"
 * import { Check } from "@welfare/istat"
 *
 * const suggested = Check.suggestCodes({
 *   municipalities: [
 *     { id: "legnano", name: "Legnano" },
 *     { id: "castro", name: "Castro" }
 *   ]
 * })
 * assert.deepStrictEqual(suggested, [{ index: 0, istatCode: "015118", name: "Legnano", province: "MI" }])
 * ```
 *
 * @category validation
 * @since 0.2.0
 */
export const suggestCodes = (
  territory: Input,
  options: Options = {}
): Array<{
  readonly index: number
  readonly istatCode: string
  readonly name: string
  readonly province: string
}> => {
  const table = options.table ?? Municipality.table()
  const period = periodOf(territory, options, table)
  const out: Array<{ index: number; istatCode: string; name: string; province: string }> = []
  territory.municipalities.forEach((m, index) => {
    if (m.istatCode !== undefined) return
    const candidates = Municipality.byName(m.name, period.start, table).filter((e) =>
      Municipality.isValidThroughout(e, period)
    )
    const [only] = candidates
    if (candidates.length === 1 && only !== undefined)
      out.push({ index, istatCode: only.code, name: only.name, province: only.province })
  })
  return out
}

const problemCodes: { readonly [C in DiagnosticCode]: Problem.ProblemCode } = {
  "unknown-code": "unknown-reference",
  "code-not-valid": "rule",
  "name-differs": "rule",
  "duplicate-code": "duplicate-id"
}

/**
 * The diagnostics as `@welfare/core` problems, in one language (English by
 * default): `unknown-code` is an `unknown-reference`, `duplicate-code` a
 * `duplicate-id`, the others `rule`s.
 *
 * @example
 * ```ts
 * import * as assert from "node:assert"
 * import { Problem } from "@welfare/core"
 * import { Check } from "@welfare/istat"
 *
 * const problems = Check.toProblems(
 *   Check.municipalities({ municipalities: [{ id: "x", name: "X", istatCode: "999999" }] }),
 *   "it"
 * )
 * assert.deepStrictEqual(problems.map(Problem.format), [
 *   "municipalities[0].istatCode: il codice ISTAT 999999 non è negli elenchi ISTAT (dati al 2023-11-10): controllare il codice nell'Elenco comuni italiani, o aggiornare @welfare/istat se il comune è stato istituito dopo"
 * ])
 * ```
 *
 * @category conversions
 * @since 0.2.0
 */
export const toProblems = (
  diagnostics: ReadonlyArray<Diagnostic>,
  lang: Label.Lang = "en"
): Array<Problem.Problem> =>
  diagnostics.map((d) => Problem.make(problemCodes[d.code], d.path, d.message[lang]))
