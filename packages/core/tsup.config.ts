import { rmSync, writeFileSync } from "node:fs"
import { pathToFileURL } from "node:url"
import { defineConfig, type Options } from "tsup"
import { modules } from "./scripts/entries.mjs"

// Two builds of the same sources (issue 19):
// - Node (`import` and `require` conditions): one file, `dist/index.js` (and
//   `.cjs`), as Node loads one file far faster than forty; each deep entry
//   (`dist/Assessment.js`) is a thin file that re-exports its namespace from
//   that one file, so `@welfare/core` and `@welfare/core/Assessment` share one
//   instance of every schema and class.
// - Browsers and bundlers (`browser` condition): `dist/browser/`, ES modules
//   split per module, so a bundle that deep-imports one module (or names two
//   namespaces of the index) leaves the others out.
// The types are the same declarations for both.
rmSync("dist", { recursive: true, force: true })

const deep: Record<string, string> = Object.fromEntries(modules().map((m) => [m, `src/${m}.ts`]))
const main = { index: "src/index.ts", "testing/index": "src/testing/index.ts" }
// The kernel (`@welfare/core/kernel`, issue 15) is built on its own, not re-exported from the
// index: it must load without effect (the CLI's shard workers import it alone).
const kernel = { kernel: "src/kernel.ts" }
const common = {
  sourcemap: true,
  treeshake: true,
  target: "es2022",
  external: ["effect", "fast-check"]
} satisfies Options

const identifier = /^[A-Za-z_$][\w$]*$/

/** Writes the thin deep-import files of the Node build, from the built index's namespaces. */
const writeThinEntries = async (): Promise<void> => {
  const index = (await import(`${pathToFileURL("dist/index.js").href}?t=${Date.now()}`)) as Record<
    string,
    Record<string, unknown>
  >
  for (const m of modules()) {
    const names = Object.keys(index[m] ?? {}).filter((k) => identifier.test(k))
    if (names.length === 0) throw new Error(`@welfare/core's index has no namespace ${m}`)
    const header = `// @welfare/core/${m}: the ${m} namespace of the one-file Node build (see tsup.config.ts).\n`
    writeFileSync(
      `dist/${m}.js`,
      `${header}import { ${m} as M } from "./index.js"\nexport const { ${names.join(", ")} } = M\n`
    )
    writeFileSync(`dist/${m}.cjs`, `${header}"use strict"\nmodule.exports = require("./index.cjs").${m}\n`)
  }
}

export default defineConfig([
  { ...common, entry: kernel, format: ["esm", "cjs"], dts: false },
  {
    ...common,
    entry: main,
    format: ["esm", "cjs"],
    dts: { entry: { ...main, ...deep, ...kernel } },
    onSuccess: writeThinEntries
  },
  {
    ...common,
    entry: { ...main, ...deep, ...kernel },
    outDir: "dist/browser",
    format: ["esm"],
    platform: "browser",
    splitting: true,
    dts: false
  }
])
