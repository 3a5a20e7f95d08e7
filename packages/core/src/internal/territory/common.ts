import type * as Dimension from "../../Dimension.js"
import type { Text } from "../../Label.js"
import * as Trait from "../../Trait.js"
import type { Count } from "./model.js"

export const seed = (file: "000" | "001" | "002" | "003" | "004", row: number): Dimension.Source => ({
  file: {
    "000": "000_7a1c4c52d0c555b3.txt",
    "001": "001_4553c96c3198ee0d.txt",
    "002": "002_67b8bbcfb93b079e.txt",
    "003": "003_5df635cd6d484fa5.txt",
    "004": "004_f8a83f590fe55963.txt"
  }[file],
  row
})

export interface Counter {
  readonly add: (id: string) => void
  readonly as: (what: Text, of?: number) => Count
  readonly size: () => number
}

// Counts ids and keeps the five smallest as examples, so that the evidence
// never depends on the order of the input (invariant 4).
export const counter = (): Counter => {
  let count = 0
  const examples: Array<string> = []
  return {
    add: (id) => {
      count++
      if (examples.length < 5) examples.push(id)
      else if (id < examples[4]!) examples[4] = id
      else return
      examples.sort()
    },
    as: (what, of) =>
      of === undefined
        ? { what, count, examples: [...examples] }
        : { what, count, of, examples: [...examples] },
    size: () => count
  }
}

export const traitIndex = (id: Trait.TraitId): number => Trait.ids.indexOf(id)

/**
 * The threshold at which a checklist item is met: half of its value
 * (editorial: «met» means the practice is the rule rather than the
 * exception; «partly» means it is present at all).
 *
 * @category constants
 * @since 0.2.0
 */
export const checklistThreshold = 0.5

export const share = (k: number, of: number) => (of === 0 ? 0 : k / of)
