import { readFileSync } from "node:fs"
import { join } from "node:path"
import { describe, expect, it } from "vitest"
import { exportsDrift, exportsField, modules } from "../scripts/entries.mjs"

const src = join(import.meta.dirname)

describe("deep-import entry points", () => {
  it("package.json exports one subpath per public module, as scripts/entries.mjs generates", () => {
    expect(exportsDrift()).toBe("")
  })

  it("every namespace of the index is a deep-import entry point, and every entry point is in the index", () => {
    const index = readFileSync(join(src, "index.ts"), "utf8")
    const namespaces = [...index.matchAll(/export \* as (\w+) from "\.\/(\w+)\.js"/g)].map((m) => {
      expect(m[1]).toBe(m[2])
      return m[1]
    })
    expect([...namespaces].sort()).toEqual([...modules()])
    expect(Object.keys(exportsField())).toContain("./Assessment")
  })
})
