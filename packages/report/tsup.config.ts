import { readdirSync, rmSync } from "node:fs"
import { defineConfig, type Options } from "tsup"

// Two builds (issue 19), as in @welfare/core: one file for Node (`dist/index.js`,
// `.cjs`), and for browsers and bundlers (`browser` condition) ES modules split
// per module in `dist/browser/`, so that a page importing `Svg` and `From` from
// the index leaves the territory report, its analysis and their dependencies out.
rmSync("dist", { recursive: true, force: true })

const modules = readdirSync("src")
  .filter((f) => /^[A-Z]\w*\.ts$/.test(f))
  .map((f) => f.slice(0, -3))

const common = {
  sourcemap: true,
  treeshake: true,
  target: "es2022",
  external: ["effect", "@welfare/core"]
} satisfies Options

export default defineConfig([
  { ...common, entry: { index: "src/index.ts" }, format: ["esm", "cjs"], dts: true },
  {
    ...common,
    entry: { index: "src/index.ts", ...Object.fromEntries(modules.map((m) => [m, `src/${m}.ts`])) },
    outDir: "dist/browser",
    format: ["esm"],
    platform: "browser",
    splitting: true,
    dts: false
  }
])
