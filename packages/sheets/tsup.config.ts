import { defineConfig } from "tsup"

export default defineConfig({
  entry: { index: "src/index.ts", xlsx: "src/xlsx.ts" },
  format: ["esm"],
  dts: true,
  sourcemap: true,
  clean: true,
  treeshake: true,
  target: "es2022",
  external: ["effect", "@welfare/core", "exceljs", "papaparse"]
})
