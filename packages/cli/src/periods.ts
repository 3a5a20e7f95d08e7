/**
 * The period check of measurements read by a SQL engine (issue 14): a row
 * whose period is none of its assignment's periods would be silently left
 * out of the assignment's progress, so it is a problem naming the file or
 * table, the row (its `id`, or its number) and the column, with the same
 * sentence the streamed NDJSON path and the document give. (A unit that is
 * not the indicator's is `SummarySql.checkQuery`'s `wrong-unit`.)
 *
 * @since 0.2.0
 */
import { type IndicatorAssignment, Problem, SummarySql } from "@welfare/core"

const pathOf = (column: string | ReadonlyArray<string>): ReadonlyArray<string> =>
  typeof column === "string" ? [column] : column

const columnRef = (dialect: SummarySql.Dialect, column: string | ReadonlyArray<string>): string => {
  const path = pathOf(column)
  if (dialect === "postgres" && path.length > 1)
    return `(${SummarySql.quote(dialect, path[0]!)}).${path
      .slice(1)
      .map((p) => SummarySql.quote(dialect, p))
      .join(".")}`
  return path.map((p) => SummarySql.quote(dialect, p)).join(".")
}

// the JSON form of a measurement, as SummarySql reads NDJSON: every field a text
const ndjsonColumns =
  "id: 'VARCHAR', indicator: 'VARCHAR', assignment: 'VARCHAR', period: 'STRUCT(\"start\" VARCHAR, \"end\" VARCHAR)', municipality: 'VARCHAR', value: 'VARCHAR', unit: 'VARCHAR', level: 'VARCHAR', measuredBy: 'VARCHAR', source: 'VARCHAR', persons: 'VARCHAR'"

/**
 * The SQL that finds the rows of an assignment with periods whose period is
 * none of them (at most `limit`, in row key order, with the total), or
 * `undefined` when no assignment has a period to compare with. Ids and dates
 * are parameters.
 *
 * @category validation
 * @since 0.2.0
 */
export const periodQuery = (options: {
  readonly dialect: "duckdb" | "postgres"
  readonly source: SummarySql.Source
  readonly columns: SummarySql.Columns
  readonly shape: SummarySql.Shape
  readonly assignments: ReadonlyArray<IndicatorAssignment.IndicatorAssignment>
  readonly limit?: number
}): SummarySql.Query | undefined => {
  const { dialect, source, columns } = options
  const planned = options.assignments.filter((a) => a.periods.length > 0)
  if (planned.length === 0) return undefined
  const params: Array<string> = []
  const param = (value: string): string => {
    params.push(value)
    return `$${params.length}`
  }
  const q = (name: string) => SummarySql.quote(dialect, name)
  const text = dialect === "postgres" ? "text" : "VARCHAR"
  let from: string
  if (source._tag === "Table") {
    const name = typeof source.name === "string" ? [source.name] : source.name
    from = name.map(q).join(".")
  } else if (dialect === "duckdb") {
    const path = param(source.path)
    from =
      source.format === "parquet"
        ? `read_parquet(${path})`
        : source.format === "csv"
          ? `read_csv(${path})`
          : `read_json(${path}, format = 'newline_delimited', columns = {${ndjsonColumns}})`
  } else throw new Error(`PostgreSQL reads tables, not files: load ${source.path} into a table first`)
  // the same row key as SummarySql.checkQuery's: the id column, else the engine's row number
  const rowKey =
    options.shape.kinds.id !== undefined
      ? `CAST(${columnRef(dialect, columns.id)} AS ${text})`
      : dialect === "postgres"
        ? "CAST(ctid AS text)"
        : "CAST(row_number() OVER () AS VARCHAR)"
  // a date column prints as YYYY-MM-DD in both engines; a text one is compared as written
  const day = (column: string | ReadonlyArray<string>) => `CAST(${columnRef(dialect, column)} AS ${text})`
  const assignment = `CAST(${columnRef(dialect, columns.assignment)} AS ${text})`
  const known = planned.map((a) => param(a.id)).join(", ")
  const matches = planned
    .flatMap((a) =>
      a.periods.map(
        (p) =>
          `(${q("assignment")} = ${param(a.id)} AND ${q("period_start")} = ${param(p.start)} AND ${q("period_end")} = ${param(p.end)})`
      )
    )
    .join(" OR ")
  const limit = Math.max(1, Math.floor(options.limit ?? 100))
  const sql = `-- @welfare/cli: rows whose period is none of their assignment's (${dialect})
WITH measurements AS (
  SELECT ${rowKey} AS ${q("row_key")}, ${assignment} AS ${q("assignment")},
    ${day(columns.periodStart)} AS ${q("period_start")}, ${day(columns.periodEnd)} AS ${q("period_end")}
  FROM ${from}
)
SELECT ${q("row_key")}, ${q("assignment")}, ${q("period_start")}, ${q("period_end")}, count(*) OVER () AS ${q("total")}
FROM measurements
WHERE ${q("assignment")} IN (${known}) AND ${q("period_start")} IS NOT NULL AND ${q("period_end")} IS NOT NULL
  AND NOT (${matches})
ORDER BY ${q("row_key")}
LIMIT ${limit}`
  return { sql, params }
}

/**
 * The problems of the rows a {@link periodQuery} found, each at
 * `[source, "row KEY", "period"]` with the document's own sentence; with
 * more rows than reported, a last problem counts the others.
 *
 * @category validation
 * @since 0.2.0
 */
export const periodProblems = (
  rows: Iterable<SummarySql.ResultRow>,
  options: {
    readonly source: string
    readonly assignments: ReadonlyArray<IndicatorAssignment.IndicatorAssignment>
  }
): Array<Problem.Problem> => {
  const byId = new Map(options.assignments.map((a) => [a.id as string, a]))
  const out: Array<Problem.Problem> = []
  let total = 0
  for (const row of rows) {
    total = Number(row.total ?? 0)
    const a = byId.get(String(row.assignment))
    if (a === undefined) continue
    const period = `${String(row.period_start)}/${String(row.period_end)}`
    out.push(
      Problem.make(
        "rule",
        [options.source, `row ${String(row.row_key ?? "?")}`, "period"],
        `the assignment "${a.id}" has no period ${period}: use one of ${a.periods.map((p) => `${p.start}/${p.end}`).join(", ")}`
      )
    )
  }
  if (total > out.length && out.length > 0)
    out.push(
      Problem.make(
        "rule",
        [options.source],
        `${total - out.length} more rows have a period that is none of their assignment's periods`
      )
    )
  return out
}
