import { defineConfig } from "tsup"

export default defineConfig({
  // shard and shard-worker are entries of their own: the worker threads load
  // dist/shard-worker.js (never the CLI's bin), and the benchmark loads dist/shard.js
  entry: {
    index: "src/index.ts",
    bin: "src/bin.ts",
    shard: "src/shard.ts",
    "shard-worker": "src/shard-worker.ts",
    sql: "src/sql.ts"
  },
  format: ["esm"],
  dts: { entry: { index: "src/index.ts", sql: "src/sql.ts" } },
  sourcemap: true,
  clean: true,
  target: "es2022",
  external: [
    "effect",
    "@welfare/core",
    "@welfare/report",
    "@welfare/interop",
    "@welfare/sheets",
    "@welfare/tables",
    "@duckdb/node-api",
    "pg"
  ]
})
