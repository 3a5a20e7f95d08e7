/**
 * A published summary written straight into Arrow column buffers: the rows
 * of `Rows.summary` (same order, same values, same bytes) without building a
 * row object per cell. For a million cells the row objects cost more than
 * everything else together (`docs/benchmarks.md`, scenario `tables`).
 *
 * @internal
 */
import type { Published } from "@welfare/core"
import type { Data } from "apache-arrow"
import { levelsOf, meanOf, municipalityOf, personsOf, sortedKeys, sumOf } from "../rows/summary.js"
import * as C from "./columns.js"

/** The columns of `Rows.summary(published)`, in `summaryColumns` order. @internal */
export const summaryData = (
  published: Published.Published
): { readonly length: number; readonly children: ReadonlyArray<Data> } => {
  const keys = sortedKeys(published)
  const length = keys.cells.length + keys.totals.length
  const scope = C.text(length)
  const indicator = C.text(length)
  const start = C.text(length)
  const end = C.text(length)
  const municipality = C.text(length)
  const suppressed = C.bools(length)
  const hidden = C.text(length)
  const count = C.ints(length)
  const persons = C.ints(length)
  const sum = C.floats(length)
  const mean = C.floats(length)
  const min = C.floats(length)
  const max = C.floats(length)
  const levels = C.text(length)
  let i = 0
  const write = (kind: "cell" | "total", from: Published.Published["cells"], ks: ReadonlyArray<string>) => {
    for (let k = 0; k < ks.length; k++, i++) {
      const c = from[ks[k]!]!
      C.setText(scope, i, kind)
      C.setText(indicator, i, c.indicator)
      C.setText(start, i, c.period.start)
      C.setText(end, i, c.period.end)
      C.setText(municipality, i, municipalityOf(kind, c))
      C.setBool(suppressed, i, c.suppressed)
      if (c.suppressed) {
        C.setText(hidden, i, c.hidden)
        C.setInt(count, i, null)
        C.setInt(persons, i, null)
        C.setFloat(sum, i, null)
        C.setFloat(mean, i, null)
        C.setFloat(min, i, null)
        C.setFloat(max, i, null)
        C.setText(levels, i, null)
      } else {
        C.setText(hidden, i, null)
        C.setInt(count, i, c.count)
        C.setInt(persons, i, personsOf(c))
        C.setFloat(sum, i, sumOf(c))
        C.setFloat(mean, i, meanOf(c))
        C.setFloat(min, i, c.min)
        C.setFloat(max, i, c.max)
        C.setText(levels, i, levelsOf(c))
      }
    }
  }
  write("cell", published.cells, keys.cells)
  write("total", published.totals, keys.totals)
  return {
    length,
    children: [
      C.textData(scope),
      C.textData(indicator),
      C.textData(start),
      C.textData(end),
      C.textData(municipality),
      C.boolsData(suppressed),
      C.textData(hidden),
      C.intsData(count),
      C.intsData(persons),
      C.floatsData(sum),
      C.floatsData(mean),
      C.floatsData(min),
      C.floatsData(max),
      C.textData(levels)
    ]
  }
}
