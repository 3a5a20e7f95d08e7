import { defineConfig } from "tsup"

export default defineConfig({
  entry: { index: "src/index.ts", arrow: "src/arrow.ts", parquet: "src/parquet.ts" },
  format: ["esm"],
  dts: true,
  sourcemap: true,
  clean: true,
  treeshake: true,
  target: "es2022",
  external: ["@welfare/core", "apache-arrow", "effect", "hyparquet-writer", "papaparse"]
})
