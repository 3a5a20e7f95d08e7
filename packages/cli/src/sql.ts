/**
 * Summaries computed by SQL engines, from Node: DuckDB embedded (Parquet,
 * CSV and NDJSON files, or its own tables) and PostgreSQL (a table of a
 * server, through `pg`). The queries are `SummarySql`'s (pure, in core);
 * this module runs them: it describes the table, checks its columns and rows
 * (every problem names the table, the column and the row key), then reads
 * the partial cells into a `Summary` equal to the in-memory one.
 *
 * @example
 * ```ts
 * import * as assert from "node:assert"
 * import { Summary } from "@welfare/core"
 * import { duckdb, summarise } from "@welfare/cli/sql"
 *
 * const engine = await duckdb()
 * await engine.run(`CREATE TABLE measurements AS SELECT 'ind-hours' AS indicator, 'asg-1' AS assignment,
 *   DATE '2016-01-01' AS period_start, DATE '2016-12-31' AS period_end, 'legnano' AS municipality,
 *   1.5 * i AS value, 'hour' AS unit, 'casa-volontariato' AS measured_by, 'administrative-data' AS source FROM range(4) t(i)`)
 * const result = await summarise(engine, { source: { _tag: "Table", name: "measurements" } })
 * engine.close()
 * assert.ok(result._tag === "Right")
 * const cell = Summary.get(result.right.summary, "ind-hours", { start: "2016-01-01", end: "2016-12-31" }, "legnano")!
 * assert.strictEqual(Summary.sum(cell), 9)
 * ```
 *
 * @since 0.1.0
 */
import {
  type Indicator,
  type IndicatorAssignment,
  type Measurement,
  Problem,
  type Summary,
  SummarySql
} from "@welfare/core"
import * as Either from "effect/Either"
import { periodProblems, periodQuery } from "./periods.js"

/**
 * An engine the summaries run on: its dialect, how it describes a source's
 * columns and how it runs a query.
 *
 * @category models
 * @since 0.1.0
 */
export interface Engine {
  readonly dialect: SummarySql.Dialect
  readonly describe: (
    source: SummarySql.Source
  ) => Promise<ReadonlyArray<{ readonly name: string; readonly type: string }>>
  readonly all: (query: SummarySql.Query) => Promise<ReadonlyArray<SummarySql.ResultRow>>
}

/**
 * An embedded DuckDB database: an {@link Engine} that also runs plain SQL
 * (to create tables) and is closed when done.
 *
 * @category models
 * @since 0.1.0
 */
export interface DuckDB extends Engine {
  readonly run: (sql: string, params?: ReadonlyArray<string>) => Promise<void>
  /**
   * Creates `table` (replacing it) in the flat layout (`SummarySql.flatColumns`,
   * dates as `DATE`, plus an integer `part` column from `partOf`) and appends
   * the measurements.
   */
  readonly load: (
    table: string,
    measurements: Iterable<Measurement.Measurement>,
    options?: { readonly partOf?: (index: number) => number }
  ) => Promise<void>
  readonly close: () => void
}

/** The flat table of measurements, as SQL column definitions. */
const flatTable = (dialect: SummarySql.Dialect, table: string): string => {
  const q = (n: string) => SummarySql.quote(dialect, n)
  const text = dialect === "postgres" ? "text" : "VARCHAR"
  const double = dialect === "postgres" ? "double precision" : "DOUBLE"
  const c = SummarySql.flatColumns
  return `CREATE TABLE ${q(table)} (${q(c.id as string)} ${text}, ${q(c.indicator as string)} ${text} NOT NULL, ${q(c.assignment as string)} ${text} NOT NULL, ${q(c.periodStart as string)} DATE NOT NULL, ${q(c.periodEnd as string)} DATE NOT NULL, ${q(c.municipality as string)} ${text}, ${q(c.value as string)} ${double}, ${q(c.unit as string)} ${text}, ${q(c.level as string)} ${text}, ${q(c.measuredBy as string)} ${text} NOT NULL, ${q(c.source as string)} ${text} NOT NULL, ${q(c.persons as string)} BIGINT, ${q("part")} INTEGER NOT NULL)`
}

/**
 * Opens an embedded DuckDB database (in memory by default, or a database
 * file), with at most `threads` threads and `memoryLimit` (a DuckDB size,
 * for example `"1GB"`).
 *
 * @category engines
 * @since 0.1.0
 */
export const duckdb = async (
  options: { readonly path?: string; readonly threads?: number; readonly memoryLimit?: string } = {}
): Promise<DuckDB> => {
  const { DuckDBInstance } = await import("@duckdb/node-api")
  const config: Record<string, string> = {}
  if (options.threads !== undefined) config.threads = String(options.threads)
  if (options.memoryLimit !== undefined) config.memory_limit = options.memoryLimit
  const instance = await DuckDBInstance.create(options.path ?? ":memory:", config)
  const connection = await instance.connect()
  const all = async (sql: string, params: ReadonlyArray<string>) => {
    const reader = await connection.runAndReadAll(sql, params.length === 0 ? undefined : [...params])
    return reader.getRowObjects() as ReadonlyArray<SummarySql.ResultRow>
  }
  return {
    dialect: "duckdb",
    describe: async (source) => {
      const query = SummarySql.describeQuery({ dialect: "duckdb", source })
      const rows = await all(query.sql, query.params)
      return rows.map((r) => ({ name: String(r.column_name), type: String(r.column_type) }))
    },
    all: (query) => all(query.sql, query.params),
    run: async (sql, params = []) => {
      await connection.run(sql, params.length === 0 ? undefined : [...params])
    },
    load: async (table, measurements, options = {}) => {
      await connection.run(`DROP TABLE IF EXISTS ${SummarySql.quote("duckdb", table)}`)
      await connection.run(flatTable("duckdb", table))
      const appender = await connection.createAppender(table)
      const text = (v: string | undefined) =>
        v === undefined ? appender.appendNull() : appender.appendVarchar(v)
      let i = 0
      for (const m of measurements) {
        text(m.id)
        appender.appendVarchar(m.indicator)
        appender.appendVarchar(m.assignment)
        appender.appendVarchar(m.period.start)
        appender.appendVarchar(m.period.end)
        text(m.municipality)
        if (m.value === undefined) appender.appendNull()
        else appender.appendDouble(m.value)
        text(m.unit)
        text(m.level)
        appender.appendVarchar(m.measuredBy)
        appender.appendVarchar(m.source)
        if (m.persons === undefined) appender.appendNull()
        else appender.appendBigInt(BigInt(m.persons))
        appender.appendInteger(options.partOf?.(i) ?? 0)
        appender.endRow()
        i++
      }
      appender.closeSync()
    },
    close: () => {
      connection.closeSync()
      instance.closeSync()
    }
  }
}

/**
 * The part of a `pg` client (a `Client` or a `Pool`) that an engine needs.
 *
 * @category models
 * @since 0.1.0
 */
export interface PgQueryable {
  readonly query: (
    sql: string,
    params?: Array<unknown>
  ) => Promise<{
    readonly rows: Array<Record<string, unknown>>
    readonly fields: Array<{ readonly name: string; readonly dataTypeID: number }>
  }>
}

/**
 * A PostgreSQL {@link Engine} over a connected `pg` client or pool (the
 * caller opens and closes it). Reads tables and views.
 *
 * @category engines
 * @since 0.1.0
 */
export const postgres = (client: PgQueryable): Engine => ({
  dialect: "postgres",
  describe: async (source) => {
    if (source._tag === "File")
      throw new Error(`PostgreSQL reads tables, not files: load ${source.path} into a table first`)
    const query = SummarySql.describeQuery({ dialect: "postgres", source })
    const empty = await client.query(query.sql, [...query.params])
    const oids = [...new Set(empty.fields.map((f) => f.dataTypeID))]
    const types = await client.query(
      "SELECT oid::int AS oid, typname FROM pg_type WHERE oid = ANY($1::oid[])",
      [oids]
    )
    const byOid = new Map(types.rows.map((r) => [Number(r.oid), String(r.typname)]))
    return empty.fields.map((f) => ({ name: f.name, type: byOid.get(f.dataTypeID) ?? "unknown" }))
  },
  all: async (query) => (await client.query(query.sql, [...query.params])).rows
})

/**
 * Options of {@link summarise}: the source and where its fields are; the
 * indicator definitions and known ids the rows are checked against;
 * `detail` (cells keyed by assignment and measuring actor too, through
 * `indicatorOf`); `partition`, a column splitting the table into parts
 * summarised apart and merged; `limit`, the most offending rows reported.
 *
 * @category models
 * @since 0.1.0
 */
export interface SummariseOptions {
  readonly source: SummarySql.Source
  readonly columns?: SummarySql.Columns
  readonly indicators?: ReadonlyArray<Indicator.IndicatorDefinition>
  readonly known?: SummarySql.CheckOptions["known"]
  readonly detail?: boolean
  readonly indicatorOf?: SummarySql.FromRowsOptions["indicatorOf"]
  readonly partition?: string
  readonly limit?: number
  /** The ids already used (the document's own measurements), for duplicates. */
  readonly usedIds?: ReadonlyArray<string>
  /**
   * Whether to look for ids that rows share (default `true`): the engine
   * groups the table by id, which costs memory in proportion to the ids.
   */
  readonly checkIds?: boolean
  /**
   * The assignments of the territory: a row whose period is none of its
   * assignment's periods is a problem (issue 14), as in the document and the
   * streamed NDJSON path.
   *
   * @since 0.2.0
   */
  readonly assignments?: ReadonlyArray<IndicatorAssignment.IndicatorAssignment>
}

/**
 * A table summarised: the summary and the measurements it counts.
 *
 * @category models
 * @since 0.1.0
 */
export interface Summarised {
  readonly summary: Summary.Summary
  readonly records: number
}

/**
 * Summarises a measurements table on an engine: describes it (a missing
 * required column or a column of the wrong type is a problem naming the
 * table and the column), checks its rows (`SummarySql.checkQuery`: each
 * problem names the table, the row key and the column; ids that two rows
 * share are problems too), then runs `SummarySql.summaryQuery` and reads the
 * rows into a `Summary`, equal to `Summary.fromMeasurements` over the same
 * measurements. Never a wrong summary: with any problem, only the problems.
 *
 * @category engines
 * @since 0.1.0
 */
export const summarise = async (
  engine: Engine,
  options: SummariseOptions
): Promise<Either.Either<Summarised, ReadonlyArray<Problem.Problem>>> => {
  const name = SummarySql.sourceName(options.source)
  const columns = options.columns ?? SummarySql.flatColumns
  let described: ReadonlyArray<{ readonly name: string; readonly type: string }>
  try {
    described = await engine.describe(options.source)
  } catch (error) {
    return Either.left([
      Problem.make(
        "invalid-value",
        [name],
        `${name} cannot be read as a measurements table (${firstLine(error)}): check the path, the table name and its format`
      )
    ])
  }
  const shape = SummarySql.describe(described, { source: name, columns })
  if (Either.isLeft(shape)) return Either.left(shape.left)
  try {
    return await checkedSummary(engine, options, name, columns, shape.right)
  } catch (error) {
    return Either.left([
      Problem.make(
        "invalid-value",
        [name],
        `${name} could not be summarised (${firstLine(error)}): check the types of its columns`
      )
    ])
  }
}

const checkedSummary = async (
  engine: Engine,
  options: SummariseOptions,
  name: string,
  columns: SummarySql.Columns,
  shape: SummarySql.Shape
): Promise<Either.Either<Summarised, ReadonlyArray<Problem.Problem>>> => {
  const base = { dialect: engine.dialect, source: options.source, columns, shape }
  const checked = await engine.all(
    SummarySql.checkQuery({
      ...base,
      ...(options.indicators === undefined ? {} : { indicators: options.indicators }),
      ...(options.known === undefined ? {} : { known: options.known }),
      ...(options.limit === undefined ? {} : { limit: options.limit })
    })
  )
  const problems = SummarySql.checkProblems(checked, {
    source: name,
    columns,
    ...(options.indicators === undefined ? {} : { indicators: options.indicators })
  })
  if (shape.kinds.id !== undefined && options.checkIds !== false) {
    const duplicates = await engine.all(
      SummarySql.duplicatesQuery({
        ...base,
        ...(options.limit === undefined ? {} : { limit: options.limit }),
        ...(options.usedIds === undefined ? {} : { used: options.usedIds })
      })
    )
    problems.push(
      ...SummarySql.duplicateProblems(duplicates, { source: name, columns, used: options.usedIds ?? [] })
    )
  }
  if (options.assignments !== undefined && engine.dialect !== "spark") {
    const query = periodQuery({
      dialect: engine.dialect,
      source: options.source,
      columns,
      shape,
      assignments: options.assignments,
      ...(options.limit === undefined ? {} : { limit: options.limit })
    })
    if (query !== undefined)
      problems.push(
        ...periodProblems(await engine.all(query), { source: name, assignments: options.assignments })
      )
  }
  if (problems.length > 0) return Either.left(problems)
  const rows = await engine.all(
    SummarySql.summaryQuery({
      ...base,
      ...(options.detail === undefined ? {} : { detail: options.detail }),
      ...(options.partition === undefined ? {} : { partition: options.partition })
    })
  )
  const summary = SummarySql.fromRows(rows, {
    source: name,
    ...(options.indicatorOf === undefined ? {} : { indicatorOf: options.indicatorOf })
  })
  if (Either.isLeft(summary)) return Either.left(summary.left)
  let records = 0
  for (const key in summary.right.cells) records += summary.right.cells[key]!.count
  return Either.right({ summary: summary.right, records })
}

const firstLine = (error: unknown): string =>
  (error instanceof Error ? error.message : String(error)).split("\n")[0]!.slice(0, 300)

/**
 * Creates `table` in a PostgreSQL database (replacing it) in the flat layout
 * (`SummarySql.flatColumns`, dates as `date`, plus an integer `part` column
 * from `partOf`) and inserts the measurements, `batch` rows a statement
 * (as arrays, through `unnest`: every value a parameter).
 *
 * @category engines
 * @since 0.1.0
 */
export const loadPostgres = async (
  client: PgQueryable,
  table: string,
  measurements: Iterable<Measurement.Measurement>,
  options: { readonly partOf?: (index: number) => number; readonly batch?: number } = {}
): Promise<void> => {
  const q = (n: string) => SummarySql.quote("postgres", n)
  await client.query(`DROP TABLE IF EXISTS ${q(table)}`)
  await client.query(flatTable("postgres", table))
  const batch = options.batch ?? 50_000
  const types = [
    "text",
    "text",
    "text",
    "date",
    "date",
    "text",
    "float8",
    "text",
    "text",
    "text",
    "text",
    "int8",
    "int4"
  ]
  const insert = `INSERT INTO ${q(table)} SELECT * FROM unnest(${types.map((t, i) => `$${i + 1}::${t}[]`).join(", ")})`
  let columns: Array<Array<unknown>> = types.map(() => [])
  const flush = async () => {
    if (columns[0]!.length === 0) return
    await client.query(insert, columns)
    columns = types.map(() => [])
  }
  let i = 0
  for (const m of measurements) {
    const row = [
      m.id ?? null,
      m.indicator,
      m.assignment,
      m.period.start,
      m.period.end,
      m.municipality ?? null,
      m.value ?? null,
      m.unit ?? null,
      m.level ?? null,
      m.measuredBy,
      m.source,
      m.persons ?? null,
      options.partOf?.(i) ?? 0
    ]
    for (let k = 0; k < row.length; k++) columns[k]!.push(row[k])
    i++
    if (columns[0]!.length >= batch) await flush()
  }
  await flush()
}

/**
 * How the CLI reads a `--measurements` argument: through DuckDB (a Parquet or
 * CSV file, or NDJSON with `--engine duckdb`), from a PostgreSQL table (a
 * `postgres://` or `postgresql://` URL, the table from `--table`), or
 * streamed in-process (NDJSON, the default for `.ndjson`, `.jsonl` and `-`).
 *
 * @category engines
 * @since 0.1.0
 */
export type Route =
  | { readonly _tag: "DuckDB"; readonly source: SummarySql.Source; readonly columns: SummarySql.Columns }
  | { readonly _tag: "PostgreSQL"; readonly url: string; readonly table: ReadonlyArray<string> }
  | { readonly _tag: "Stream" }

/**
 * The route of a `--measurements` argument (see {@link Route}): `engine`
 * forces one (`duckdb` or `stream`), `table` names the PostgreSQL table
 * (`schema.table`, default `measurements`).
 *
 * @category engines
 * @since 0.1.0
 */
export const route = (
  path: string,
  options: { readonly engine?: "duckdb" | "stream" | undefined; readonly table?: string | undefined } = {}
): Route => {
  if (/^postgres(ql)?:\/\//.test(path))
    return { _tag: "PostgreSQL", url: path, table: (options.table ?? "measurements").split(".") }
  const lower = path.toLowerCase()
  const format = lower.endsWith(".parquet")
    ? "parquet"
    : lower.endsWith(".csv")
      ? "csv"
      : options.engine === "duckdb" && path !== "-"
        ? "ndjson"
        : undefined
  if (format === undefined || options.engine === "stream") return { _tag: "Stream" }
  return {
    _tag: "DuckDB",
    source: { _tag: "File", format, path },
    columns: format === "ndjson" ? SummarySql.jsonColumns : SummarySql.flatColumns
  }
}
