import { readFileSync, writeFileSync } from "node:fs"
import { join } from "node:path"
import { describe, it } from "vitest"
// @ts-expect-error: a plain script without types
import { write } from "../../../scripts/extract-examples.mjs"

const root = join(import.meta.dirname, "..")
const examples: Array<{ file: string; source: string; line: number }> = write(root)
// The package importing itself by name would load its last build (dist/): point
// the examples at the sources instead, so they always run against this code.
for (const e of examples) {
  const path = join(root, "test", "doc-examples", e.file)
  writeFileSync(
    path,
    readFileSync(path, "utf8")
      .replaceAll('from "@welfare/tables"', 'from "../../src/index.js"')
      .replaceAll('from "@welfare/tables/arrow"', 'from "../../src/arrow.js"')
      .replaceAll('from "@welfare/tables/parquet"', 'from "../../src/parquet.js"')
  )
}

describe("every @example of the API docs runs", () => {
  it.each(examples.map((e) => [`${e.source}:${e.line}`, e.file] as const))(
    "%s",
    async (_, file) => {
      await import(join(root, "test", "doc-examples", file))
    },
    60_000
  )
})
