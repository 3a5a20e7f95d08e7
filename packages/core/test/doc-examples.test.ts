import { join } from "node:path"
import { describe, it } from "vitest"
// @ts-expect-error: a plain script without types
import { write } from "../../../scripts/extract-examples.mjs"

const root = join(import.meta.dirname, "..")
const examples: Array<{ file: string; source: string; line: number }> = write(root)

describe("every @example of the API docs runs", () => {
  it.each(examples.map((e) => [`${e.source}:${e.line}`, e.file] as const))("%s", async (_, file) => {
    await import(join(root, "test", "doc-examples", file))
  })
})
