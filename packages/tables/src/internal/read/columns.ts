/**
 * What reading rows back (`Csv.parse`, `fromArrow`) checks of the columns
 * found against the columns expected: each expected column found once, no
 * other column, and where each is. Reading by name, never by position, so a
 * file whose columns were reordered reads the same and one whose column was
 * misspelt or dropped is reported, not misread.
 *
 * @internal
 */
import { Problem } from "@welfare/core"
import * as Either from "effect/Either"
import type { Column, Rows, Value } from "../rows/model.js"

/** A value read for a column, or why it cannot be (a sentence that never quotes the value). */
export type Read = Value | { readonly code: "missing" | "invalid-value"; readonly problem: string }

/** The collector of a reading: the first `maxProblems` problems (default `Problem.defaultMaxProblems`), the rest counted. */
export const sinkOf = (maxProblems: number | undefined): Problem.Collector =>
  Problem.collector(Math.max(1, maxProblems ?? Problem.defaultMaxProblems))

/** Whether a whole number fits an `integer` column (a signed 32-bit integer, as `toArrow` and `toParquet` write it). */
export const fitsInt32 = (n: number): boolean => n >= -(2 ** 31) && n < 2 ** 31

/** A row being read. */
export type Row = { [column: string]: Value }

/** Puts a value read into the row, or its problem into the sink (at `[i].column`, the sentence after `where`). */
export const put = (
  sink: Problem.Collector,
  row: Row,
  c: Column,
  i: number,
  where: string,
  v: Read
): void => {
  if (v === null || typeof v !== "object") row[c.name] = v
  else if (sink.full()) sink.skip(v.code)
  else sink.add(Problem.make(v.code, [i, c.name], `${where}: ${v.problem}`))
}

/** The rows read, when no problem was found; else every problem (capped). */
export const result = (
  sink: Problem.Collector,
  like: Pick<Rows, "name" | "columns">,
  rows: ReadonlyArray<Row>
): Problem.CappedResult<Rows> => {
  const capped = sink.result()
  return capped.total === 0
    ? Either.right({ name: like.name, columns: like.columns, rows })
    : Either.left(capped as Problem.CappedProblems)
}

// A header cell is structure, not data, but a mistaken file may hold anything there: only a
// short code-like name goes into a problem's path; any other is named by its position.
const headerKey = (name: string, i: number): string | number =>
  /^[A-Za-z0-9_$][A-Za-z0-9_$.:-]{0,63}$/.test(name) ? name : i

/** Where each expected column is among the found ones (-1: missing), after the header's problems went to `sink`. */
export const locate = (
  found: ReadonlyArray<string>,
  expected: ReadonlyArray<Column>,
  table: string,
  sink: Problem.Collector
): ReadonlyArray<number> => {
  const names = expected.map((c) => c.name)
  const list = names.join(", ")
  const first = new Map<string, number>()
  found.forEach((name, i) => {
    const seen = first.get(name)
    if (seen === undefined) first.set(name, i)
    else
      sink.add(
        Problem.make(
          "invalid-value",
          ["header", headerKey(name, i)],
          `columns ${seen + 1} and ${i + 1} have the same name: keep one of them`
        )
      )
  })
  const at = names.map((name) => first.get(name) ?? -1)
  if (found.length > 0 && at.every((i) => i < 0)) {
    sink.add(
      Problem.make(
        "invalid-value",
        ["header"],
        `no column of "${table}" is named (expected ${list}): check that this is the right file, and its delimiter`
      )
    )
    return at
  }
  found.forEach((name, i) => {
    if (first.get(name) === i && !names.includes(name))
      sink.add(
        Problem.make(
          "invalid-value",
          ["header", headerKey(name, i)],
          `column ${i + 1} is not a column of "${table}": remove it or correct its name (the columns are ${list})`
        )
      )
  })
  at.forEach((i, k) => {
    if (i < 0)
      sink.add(
        Problem.make(
          "missing",
          ["header", names[k]!],
          `the column is missing: add it (the columns of "${table}" are ${list})`
        )
      )
  })
  return at
}
