/**
 * `--measurements` through a SQL engine: a Parquet or CSV file (or NDJSON
 * with `--engine duckdb`) summarised by embedded DuckDB, or a PostgreSQL
 * table, into the same detail summary the streaming path makes (cells keyed
 * by assignment, indicator and measuring actor, see `stream.ts`), checked
 * against the document's ids and indicator definitions. Problems name the
 * file or table, the row key and the column.
 *
 * @since 0.1.0
 */
import { type Indicator, type IndicatorAssignment, type Measurement, Problem } from "@welfare/core"
import * as Either from "effect/Either"
import { capLocated, none } from "./capped.js"
import type { Io } from "./io.js"
import type { Located } from "./load.js"
import { ExitCode, failure, type Outcome, success } from "./outcome.js"
import { detailKey } from "./shard-reader.js"
import { type Engine, postgres, type Route, summarise } from "./sql.js"
import type { Known, Streamed } from "./stream.js"

/**
 * What the engine path checks the rows against.
 *
 * @category models
 * @since 0.1.0
 */
export interface EngineOptions {
  readonly known: Known
  readonly inline: ReadonlyArray<Measurement.Measurement>
  readonly indicators: ReadonlyArray<Indicator.IndicatorDefinition>
  /** The territory's assignments: a row in none of its assignment's periods is a problem. */
  readonly assignments?: ReadonlyArray<IndicatorAssignment.IndicatorAssignment>
}

const list = (set: ReadonlySet<string>): ReadonlyArray<string> | undefined =>
  set instanceof Set ? [...set] : undefined

const located = (problem: Problem.Problem): Located => ({
  file: String(problem.path[0] ?? ""),
  problem: Problem.make(problem.code, problem.path.slice(1), problem.message)
})

const run = async (
  engine: Engine,
  route: Exclude<Route, { _tag: "Stream" }>,
  options: EngineOptions
): Promise<Streamed> => {
  const source = route._tag === "DuckDB" ? route.source : ({ _tag: "Table", name: route.table } as const)
  const known = {
    ...(list(options.known.indicators) === undefined ? {} : { indicators: list(options.known.indicators)! }),
    ...(list(options.known.assignments) === undefined
      ? {}
      : { assignments: list(options.known.assignments)! }),
    ...(list(options.known.actors) === undefined ? {} : { actors: list(options.known.actors)! }),
    ...(list(options.known.municipalities) === undefined
      ? {}
      : { municipalities: list(options.known.municipalities)! })
  }
  const result = await summarise(engine, {
    source,
    ...(route._tag === "DuckDB" ? { columns: route.columns } : {}),
    indicators: options.indicators,
    known,
    detail: true,
    indicatorOf: (indicator, assignment, measuredBy) => detailKey(assignment, indicator, measuredBy),
    usedIds: options.inline.flatMap((m) => (m.id === undefined ? [] : [m.id])),
    ...(options.assignments === undefined ? {} : { assignments: options.assignments })
  })
  if (Either.isLeft(result)) {
    // as when the file's measurements were merged into the document: references after the document's own
    const isCheck = (p: Problem.Problem) => p.code === "unknown-reference" || p.code === "duplicate-id"
    return {
      detail: { _tag: "Summary", cells: {} },
      records: 0,
      lines: capLocated(result.left.filter((p) => !isCheck(p)).map(located)),
      checks: capLocated(result.left.filter(isCheck).map(located)),
      threads: 1
    }
  }
  return {
    detail: result.right.summary,
    records: result.right.records,
    lines: none,
    checks: none,
    threads: 1
  }
}

/**
 * Summarises `--measurements` through its engine (see `sql.ts`'s `route`).
 * Fails when the file cannot be found or the server cannot be reached; the
 * table's problems are a value.
 *
 * @category decoding
 * @since 0.1.0
 */
export const engineMeasurements = async (
  io: Io,
  route: Exclude<Route, { _tag: "Stream" }>,
  options: EngineOptions
): Promise<Outcome<Streamed>> => {
  if (route._tag === "DuckDB") {
    const path = route.source._tag === "File" ? route.source.path : ""
    const local = io.file === undefined ? undefined : await io.file(path)
    if (local === undefined) return failure(ExitCode.input, `${path} cannot be read: no such file`)
    const { duckdb } = await import("./sql.js")
    const engine = await duckdb()
    try {
      return success(await run(engine, route, options))
    } finally {
      engine.close()
    }
  }
  const { default: pg } = await import("pg")
  const client = new pg.Client({ connectionString: route.url })
  try {
    await client.connect()
  } catch (error) {
    return failure(
      ExitCode.input,
      `cannot connect to the PostgreSQL server (${error instanceof Error ? error.message.split("\n")[0] : "unknown error"}): check the URL and that the server runs`
    )
  }
  try {
    return success(await run(postgres(client), route, options))
  } finally {
    await client.end()
  }
}
