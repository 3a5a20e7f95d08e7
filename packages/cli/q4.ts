import { duckdb } from "./src/sql.js"
const path = "/tmp/welfare-bench-sql-v1/measurements-10m.parquet"
const db = await duckdb({ memoryLimit: process.env.ML })
const t = async (name: string, sql: string) => {
  const s = performance.now(); const r = await db.all({ sql, params: [path] }); console.log(name, Math.round(performance.now() - s), "ms", r.length, "rows", Math.round(process.resourceUsage().maxRSS/1024), "MB")
}
const q = `WITH hashed AS (SELECT hash("id") AS h FROM read_parquet($1) WHERE "id" IS NOT NULL),
shared AS (SELECT h FROM hashed GROUP BY h HAVING count(*) > 1)
SELECT CAST("id" AS VARCHAR) AS row_key, count(*) AS rows, count(*) OVER () AS total
FROM read_parquet($1) WHERE hash("id") IN (SELECT h FROM shared)
GROUP BY "id" HAVING count(*) > 1 ORDER BY 1 LIMIT 100`
await t("hashdups", q)
await t("hashdups", q)
const q2 = `SELECT count(*) - count(DISTINCT hash("id")) FROM read_parquet($1)`
await t("distinct", q2)
db.close()
