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
import * as D from "./codes.js"
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

/** How text columns are written: plain `Utf8`, or dictionary-encoded. */
interface TextColumns<T> {
  /** Whether `make` needs each column's exact size (plain text does; a dictionary stores each text once). */
  readonly sized: boolean
  readonly make: (length: number, bytes: number) => T
  readonly set: (c: T, i: number, s: string | null) => void
  readonly data: (c: T) => Data
}

const plain: TextColumns<C.Text> = { sized: true, make: C.text, set: C.setText, data: C.textData }
const coded = (indices: D.Indices): TextColumns<D.Codes> => ({
  sized: false,
  make: (n) => D.codes(n, indices),
  set: D.setCode,
  data: D.codesData
})

/**
 * The columns of `Rows.summary(published)`, in `summaryColumns` order, with
 * text columns plain (`Utf8`, `indices` undefined) or dictionary-encoded
 * with those indices.
 *
 * @internal
 */
export const summaryData = (
  published: Published.Published,
  indices: D.Indices | undefined
): { readonly length: number; readonly children: ReadonlyArray<Data> } =>
  indices === undefined ? written(published, plain) : written(published, coded(indices))

const noSizes = { scope: 0, indicator: 0, start: 0, end: 0, municipality: 0, hidden: 0 }

const written = <T>(
  published: Published.Published,
  T: TextColumns<T>
): { readonly length: number; readonly children: ReadonlyArray<Data> } => {
  const cells = Published.cells(published)
  const totals = Published.totalCells(published)
  const length = cells.length + totals.length
  const size = T.sized ? textSizes(cells, totals) : noSizes
  const scope = T.make(length, size.scope)
  const indicator = T.make(length, size.indicator)
  const start = T.make(length, size.start)
  const end = T.make(length, size.end)
  const municipality = T.make(length, size.municipality)
  const suppressed = C.bools(length)
  const hidden = T.make(length, size.hidden)
  const count = C.ints(length)
  const persons = C.ints(length)
  const sum = C.floats(length)
  const mean = C.floats(length)
  const min = C.floats(length)
  const max = C.floats(length)
  const levels = T.make(length, 0)
  let i = 0
  const write = (kind: "cell" | "total", from: ReadonlyArray<Published.Cell>) => {
    for (let k = 0; k < from.length; k++, i++) {
      const c = from[k]!
      T.set(scope, i, kind)
      T.set(indicator, i, c.indicator)
      T.set(start, i, c.period.start)
      T.set(end, i, c.period.end)
      T.set(municipality, i, municipalityOf(kind, c))
      C.setBool(suppressed, i, c.suppressed)
      if (c.suppressed) {
        T.set(hidden, i, c.hidden)
        C.setInt(count, i, null)
        C.setInt(persons, i, null)
        C.setFloat(sum, i, null)
        C.setFloat(mean, i, null)
        C.setFloat(min, i, null)
        C.setFloat(max, i, null)
        T.set(levels, i, null)
      } else {
        T.set(hidden, i, null)
        C.setInt(count, i, c.count)
        C.setInt(persons, i, personsOf(c))
        C.setFloat(sum, i, sumOf(c))
        C.setFloat(mean, i, meanOf(c))
        C.setFloat(min, i, c.min)
        C.setFloat(max, i, c.max)
        T.set(levels, i, levelsOf(c))
      }
    }
  }
  write("cell", cells)
  write("total", totals)
  return {
    length,
    children: [
      T.data(scope),
      T.data(indicator),
      T.data(start),
      T.data(end),
      T.data(municipality),
      C.boolsData(suppressed),
      T.data(hidden),
      C.intsData(count),
      C.intsData(persons),
      C.floatsData(sum),
      C.floatsData(mean),
      C.floatsData(min),
      C.floatsData(max),
      T.data(levels)
    ]
  }
}
