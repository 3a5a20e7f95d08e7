/**
 * A published summary written straight into Arrow column buffers: the rows
 * of `Rows.summary` (same order, same values, same bytes) without building a
 * row object per cell. For a million cells the row objects cost more than
 * everything else together (`docs/benchmarks.md`, scenario `tables`).
 *
 * @internal
 */
import { Published } from "@welfare/core"
import type { Data } from "apache-arrow"
import { levelsOf, meanOf, municipalityOf, personsOf, sumOf } from "../rows/summary.js"
import * as C from "./columns.js"

/**
 * The size of each text column, exact when its text is ASCII (ids, dates and
 * the column's own words usually are; the levels, rare, grow as needed).
 */
const textSizes = (cells: ReadonlyArray<Published.Cell>, totals: ReadonlyArray<Published.Cell>) => {
  let indicator = 0
  let start = 0
  let end = 0
  let municipality = 0
  let hidden = 0
  const add = (c: Published.Cell, withMunicipality: boolean) => {
    indicator += c.indicator.length
    start += c.period.start.length
    end += c.period.end.length
    if (withMunicipality && c.municipality !== undefined) municipality += c.municipality.length
    if (c.suppressed) hidden += c.hidden.length
  }
  for (let k = 0; k < cells.length; k++) add(cells[k]!, true)
  for (let k = 0; k < totals.length; k++) add(totals[k]!, false)
  return {
    scope: cells.length * "cell".length + totals.length * "total".length,
    indicator,
    start,
    end,
    municipality,
    hidden
  }
}

/** The columns of `Rows.summary(published)`, in `summaryColumns` order. @internal */
export const summaryData = (
  published: Published.Published
): { readonly length: number; readonly children: ReadonlyArray<Data> } => {
  const cells = Published.cells(published)
  const totals = Published.totalCells(published)
  const length = cells.length + totals.length
  const size = textSizes(cells, totals)
  const scope = C.text(length, size.scope)
  const indicator = C.text(length, size.indicator)
  const start = C.text(length, size.start)
  const end = C.text(length, size.end)
  const municipality = C.text(length, size.municipality)
  const suppressed = C.bools(length)
  const hidden = C.text(length, size.hidden)
  const count = C.ints(length)
  const persons = C.ints(length)
  const sum = C.floats(length)
  const mean = C.floats(length)
  const min = C.floats(length)
  const max = C.floats(length)
  const levels = C.text(length, 0)
  let i = 0
  const write = (kind: "cell" | "total", from: ReadonlyArray<Published.Cell>) => {
    for (let k = 0; k < from.length; k++, i++) {
      const c = from[k]!
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
  write("cell", cells)
  write("total", totals)
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
