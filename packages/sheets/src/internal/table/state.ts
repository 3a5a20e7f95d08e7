/**
 * What building a territory document from sheets keeps between rows and
 * sheets (see `build.ts`): the document so far, where each record came from,
 * the records that later sheets attach to, and the sheets already finished.
 *
 * @internal
 */
import type { Problem } from "@welfare/core"
import type * as Layout from "../../Layout.js"
import type { SheetProblem } from "./model.js"
import { childrenOf } from "./write.js"

/** A record kept for the sheets that attach to it, with its path in the document. @internal */
export type Attached = { record: Record<string, unknown>; path: Array<Problem.PathSegment> }

/** The state of one build. @internal */
export interface Build {
  readonly layout: Layout.Layout
  readonly push: (p: SheetProblem) => void
  /** The problems found, when the builder was given no sink. */
  readonly own: Array<SheetProblem>
  /** Each layout sheet's name as the workbook spells it (the layout's name when it is absent). */
  readonly sheetNames: Array<string>
  /** Each layout sheet's workbook name, when the workbook has it. */
  readonly given: Array<string | undefined>
  /** Each sheet's columns: the column key -> its index in the header row. */
  readonly columnsOf: Array<Map<string, number>>
  readonly document: Record<string, unknown>
  /** Where each record came from: the record object -> its sheet and row (packed). */
  readonly located: Map<object, number>
  readonly children: ReadonlyArray<ReadonlyArray<number>>
  /** Records by sheet, for the sheets that have children only: the key tuple of the record (joined) -> the record and its path. */
  readonly index: Array<Map<string, Attached> | undefined>
  /** The records of each finished sheet that later sheets attach to. */
  readonly attachedBySheet: Array<Array<Attached> | undefined>
  /** The first sheet not finished yet. */
  next: number
}

/** A new build over a layout. @internal */
export const newBuild = (layout: Layout.Layout, push: ((p: SheetProblem) => void) | undefined): Build => {
  const own: Array<SheetProblem> = []
  const children = childrenOf(layout)
  return {
    layout,
    push: push ?? ((p: SheetProblem) => own.push(p)),
    own,
    sheetNames: layout.sheets.map((s) => s.name),
    given: layout.sheets.map(() => undefined),
    columnsOf: layout.sheets.map(() => new Map()),
    document: {},
    located: new Map(),
    children,
    index: layout.sheets.map((_, s) => (children[s]!.length > 0 ? new Map() : undefined)),
    attachedBySheet: layout.sheets.map(() => undefined),
    next: 0
  }
}

/** A record's row and sheet packed in one number (a layout has fewer than 256 sheets). @internal */
export const pack = (sheet: number, row: number): number => row * 256 + sheet

/** Finishes sheet `s`: required lists of records read as empty lists when no row fills them. @internal */
export const finishSheet = (b: Build, s: number, attached: Array<Attached>): void => {
  b.attachedBySheet[s] = attached
  const sheet = b.layout.sheets[s]!
  if (sheet.parent === -1) return
  if (sheet.parent === 0) {
    if (sheet.cardinality === "many" && sheet.required && b.document[sheet.property] === undefined)
      b.document[sheet.property] = []
    return
  }
  const parent = b.layout.sheets[sheet.parent]!
  for (const owner of b.attachedBySheet[sheet.parent] ?? []) {
    if (owner.record[sheet.property] !== undefined) continue
    const tag = parent.discriminator === undefined ? undefined : owner.record[parent.discriminator]
    if (
      sheet.required ||
      (sheet.requiredWhen !== undefined && typeof tag === "string" && sheet.requiredWhen.includes(tag))
    )
      owner.record[sheet.property] = []
  }
}

/** Finishes the sheets before `s` that no rows were given for. @internal */
export const skipTo = (b: Build, s: number): void => {
  for (; b.next < s; b.next++) if (b.attachedBySheet[b.next] === undefined) finishSheet(b, b.next, [])
}
