/**
 * The lean part of sharded evaluation (see `shard.ts`): ranges of lines read
 * by the kernel of core (`@welfare/core/kernel`: the validating line reader
 * and the summary cell fold that `Summary` itself uses), with no import of
 * `@welfare/core`'s index (so of effect), so that a shard worker starts in a
 * few milliseconds instead of paying effect/Schema's import. A line the
 * reader cannot vouch for is not decoded here: its byte range goes back in
 * the result ("deferred"), and the main thread, which has core loaded, decodes
 * it with the full path. The facts of core's schemas the reader needs come in
 * a {@link Vocabulary} from the main thread (`Measurement.vocabulary`).
 *
 * Internal to the CLI.
 *
 * @since 0.1.0
 */
import { closeSync, openSync, readSync } from "node:fs"
import * as Kernel from "@welfare/core/kernel"

/**
 * What the reader needs to know of core's schemas, passed by the main thread
 * (which has core loaded): `Measurement.vocabulary` and `Ndjson.defaultMaxLength`.
 */
export interface Vocabulary extends Kernel.Vocabulary {
  readonly maxLength: number
}

const CHUNK = 1 << 20

/** The fields of a measurement a summary reads, from the fast path. */
export interface Figures {
  readonly indicator: string
  readonly period: { readonly start: string; readonly end: string }
  readonly municipality: string | undefined
  readonly value: number | undefined
  readonly level: string | undefined
  readonly persons: number | undefined
}

let read: Kernel.Reader = () => false
let maxLength = 0
let current: Vocabulary | undefined

/** Sets the vocabulary the reader checks lines against (once a thread, or when it changes). */
export const configure = (vocabulary: Vocabulary): void => {
  if (current === vocabulary) return
  current = vocabulary
  read = Kernel.reader(vocabulary)
  maxLength = vocabulary.maxLength
}

/**
 * Reads one line [s, e) (without its newline) that is a valid measurement as
 * `JSON.parse` + `Decoder.compile(Measurement.Measurement)` would decode it:
 * the figures a summary needs, or undefined (the full path decides).
 */
export const fastFigures = (
  b: Uint8Array,
  s: number,
  e: number,
  out: Kernel.Line = Kernel.line()
): Figures | undefined =>
  read(b, s, e, out)
    ? {
        indicator: out.indicator,
        period: { start: out.start, end: out.end },
        municipality: out.municipality,
        value: out.value,
        level: out.level,
        persons: out.persons
      }
    : undefined

/**
 * The two 32-bit hashes of an id (ASCII, as core's ids are), as the detail
 * mode collects them: equal ids have equal hashes; two different ids share
 * both with a chance of about 2^-64.
 *
 * @category calculators
 * @since 0.1.0
 */
export const idHashes: (id: string) => readonly [number, number] = Kernel.idHashes

/**
 * The indicator key of a cell in the detail mode: the assignment, the
 * indicator and the measuring actor, joined by `|` (ids never hold one).
 *
 * @category calculators
 * @since 0.1.0
 */
export const detailKey = (assignment: string, indicator: string, measuredBy: string): string =>
  `${assignment}|${indicator}|${measuredBy}`

const detailKeys = new Map<string, Map<string, Map<string, string>>>()
export const detailKeyOf = (assignment: string, indicator: string, measuredBy: string): string => {
  let byIndicator = detailKeys.get(assignment)
  if (byIndicator === undefined) {
    byIndicator = new Map()
    detailKeys.set(assignment, byIndicator)
  }
  let byActor = byIndicator.get(indicator)
  if (byActor === undefined) {
    byActor = new Map()
    byIndicator.set(indicator, byActor)
  }
  let key = byActor.get(measuredBy)
  if (key === undefined) {
    key = detailKey(assignment, indicator, measuredBy)
    byActor.set(measuredBy, key)
  }
  return key
}

/** A growable list of id hash pairs. */
interface IdList {
  data: Int32Array
  length: number
}
const pushId = (list: IdList, a: number, b: number): void => {
  if (list.length + 2 > list.data.length) {
    const bigger = new Int32Array(Math.max(1024, list.data.length * 2))
    bigger.set(list.data)
    list.data = bigger
  }
  list.data[list.length++] = a
  list.data[list.length++] = b
}

/** A line the JSON trim would leave empty (the splitter's blank line): only ASCII spaces and controls it trims. */
const isBlank = (b: Uint8Array, s: number, e: number): boolean => {
  for (let i = s; i < e; i++) {
    const c = b[i]!
    if (!(c === 32 || (c >= 9 && c <= 13))) return false
  }
  return true
}
/** Where the line starting at `from` ends (its newline, or `end`), reading ahead in the file. */
export const lineEnd = (fd: number, from: number, end: number, probe: Uint8Array): number => {
  let pos = from
  while (pos < end) {
    const n = readSync(fd, probe, 0, Math.min(probe.length, end - pos), pos)
    if (n <= 0) return end
    const nl = probe.subarray(0, n).indexOf(10)
    if (nl !== -1) return pos + nl
    pos += n
  }
  return end
}

// --- partial summary cells -----------------------------------------------------
//
// The kernel's fold, the one of `Summary.accumulator().add`, without normalising: the main
// thread adds these cells into core's accumulator (`addSummary`), whose `result` normalises them.

/** One cell of a partial summary, in the shape of core's `Summary.Cell` (sums not yet normalised). */
export type PartialCell = Kernel.Cell

/** Partial cells by core's key (`indicator|start/end` and, for a municipality, `|municipality`). */
export type PartialCells = { [key: string]: PartialCell }

interface Fold {
  readonly cells: PartialCells
  readonly index: Kernel.Index
  readonly made: (key: string, c: PartialCell) => void
}

const newFold = (): Fold => {
  const cells: PartialCells = {}
  return {
    cells,
    index: new Map(),
    made: (key, c) => {
      cells[key] = c
    }
  }
}

const addLine = (fold: Fold, indicator: string, l: Kernel.Line): void =>
  Kernel.add(
    Kernel.cellFor(fold.index, indicator, l.start, l.end, l.municipality, fold.made),
    l.value,
    l.level,
    l.persons
  )

// --- ranges ------------------------------------------------------------------------

/**
 * What a thread reports of one range: the records the reader read, the
 * newlines, and the lines it deferred to the full path, as quadruples
 * (start byte, end byte of the line without its newline, range-local line,
 * records read before it in the range).
 */
export interface RangePart {
  readonly range: number
  readonly records: number
  readonly newlines: number
  readonly deferred: Float64Array
}

/** What a thread reports of one job: its ranges and the partial cells of all of them. */
export interface ThreadResult {
  readonly cells: PartialCells
  readonly parts: ReadonlyArray<RangePart>
  /** With `detail`: the id hashes of the lines read, in pairs. */
  readonly ids?: Int32Array
  /**
   * With `detail`: the units the lines read measure each indicator in, as a
   * bit set of indices into the vocabulary's units (the checks of a unit
   * against its indicator's need no line kept).
   */
  readonly units?: { readonly [indicator: string]: number }
}

interface Deferred {
  data: Float64Array
  length: number
}
const defer = (list: Deferred, start: number, end: number, line: number, before: number): void => {
  if (list.length + 4 > list.data.length) {
    const bigger = new Float64Array(Math.max(64, list.data.length * 2))
    bigger.set(list.data)
    list.data = bigger
  }
  list.data[list.length++] = start
  list.data[list.length++] = end
  list.data[list.length++] = line
  list.data[list.length++] = before
}

/** Folds one range [start, end) of whole lines; its counts and deferred lines, range-local. */
const foldRange = (
  fd: number,
  range: number,
  start: number,
  end: number,
  fold: Fold,
  buf: Uint8Array,
  ids: IdList | undefined,
  units: { [indicator: string]: number } | undefined
): RangePart => {
  const l = Kernel.line()
  const deferred: Deferred = { data: new Float64Array(0), length: 0 }
  let records = 0
  let line = 1
  let newlines = 0
  let pos = start
  while (pos < end) {
    const n = readSync(fd, buf, 0, Math.min(buf.length, end - pos), pos)
    if (n <= 0) break
    let s = 0
    for (;;) {
      const nl = buf.indexOf(10, s)
      const last = nl === -1 || nl >= n
      if (last && pos + n < end) {
        if (s === 0) {
          // a line longer than the buffer: the full path reads it from the file
          const le = lineEnd(fd, pos + n, end, buf)
          defer(deferred, pos, le, line, records)
          if (le < end) newlines++
          line++
          s = le + 1 - pos
        }
        break
      }
      const e = last ? n : nl
      let le = e
      if (le > s && buf[le - 1] === 13) le--
      if (!isBlank(buf, s, le)) {
        // a line the reader would find over-long goes to the full path, which reports it
        if (e - s <= maxLength && read(buf, s, le, l)) {
          records++
          if (ids === undefined) addLine(fold, l.indicator, l)
          else {
            addLine(fold, detailKeyOf(l.assignment, l.indicator, l.measuredBy), l)
            if (l.id) pushId(ids, l.idA, l.idB)
            if (l.unit >= 0) units![l.indicator] = (units![l.indicator] ?? 0) | (1 << l.unit)
          }
        } else defer(deferred, pos + s, pos + e, line, records)
      }
      if (!last) newlines++
      line++
      s = e + 1
      if (last) break
    }
    pos += s
  }
  return { range, records, newlines, deferred: deferred.data.slice(0, deferred.length) }
}

/**
 * Takes ranges from the shared queue (`owner[r]`: 0 free, else the thread
 * that took it) until none is left, folding them all into one set of partial
 * cells; undefined when it took none.
 */
export const runRanges = (
  vocabulary: Vocabulary,
  path: string,
  ranges: ReadonlyArray<readonly [number, number]>,
  owner: Int32Array,
  me: number,
  detail = false
): ThreadResult | undefined => {
  configure(vocabulary)
  const ids: IdList | undefined = detail ? { data: new Int32Array(0), length: 0 } : undefined
  const units: { [indicator: string]: number } | undefined = detail ? {} : undefined
  let fd: number | undefined
  let fold: Fold | undefined
  let buf: Uint8Array | undefined
  const parts: Array<RangePart> = []
  try {
    for (let r = 0; r < ranges.length; r++) {
      if (Atomics.compareExchange(owner, r, 0, me) !== 0) continue
      fd ??= openSync(path, "r")
      fold ??= newFold()
      buf ??= new Uint8Array(CHUNK)
      parts.push(foldRange(fd, r, ranges[r]![0], ranges[r]![1], fold, buf, ids, units))
    }
  } finally {
    if (fd !== undefined) closeSync(fd)
  }
  if (fold === undefined) return undefined
  return ids === undefined
    ? { cells: fold.cells, parts }
    : { cells: fold.cells, parts, ids: ids.data.slice(0, ids.length), units: units! }
}
