import { SummarySql } from "@welfare/core"
import { duckdb } from "./src/sql.js"
const path = "/tmp/welfare-bench-sql-v1/measurements-10m.parquet"
const db = await duckdb({ memoryLimit: process.env.ML })
const source = { _tag: "File", format: "parquet", path } as const
const shape = (SummarySql.describe(await db.describe(source), { source: path }) as any).right
const t = async (name: string, q: SummarySql.Query) => {
  const s = performance.now(); const r = await db.all(q); console.log(name, Math.round(performance.now() - s), "ms", r.length, "rows", Math.round(process.resourceUsage().maxRSS/1024), "MB")
}
await t("check", SummarySql.checkQuery({ dialect: "duckdb", source, shape }))
await t("check", SummarySql.checkQuery({ dialect: "duckdb", source, shape }))
await t("dups", SummarySql.duplicatesQuery({ dialect: "duckdb", source, shape }))
await t("dups", SummarySql.duplicatesQuery({ dialect: "duckdb", source, shape }))
db.close()
