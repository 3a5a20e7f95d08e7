import { defineConfig } from "tsup"

export default defineConfig({
  entry: { index: "src/index.ts" },
  format: ["esm", "cjs"],
  dts: true,
  // no source maps: the table is 0.7 MB of one string
  sourcemap: false,
  clean: true,
  treeshake: true,
  target: "es2022",
  external: ["@welfare/core"]
})
