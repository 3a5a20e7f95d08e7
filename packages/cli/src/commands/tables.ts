/**
 * `--format csv|arrow|parquet --out DIR` of `welfare assess` and `welfare
 * evaluate`: the command's tabular results written as files, one per table
 * (`DIR/<table>.csv`, `.arrow` or `.parquet`), with `@welfare/tables`.
 *
 * @since 0.1.0
 */
import { mkdir, writeFile } from "node:fs/promises"
import { join } from "node:path"
import {
  Evaluation,
  PartnershipNetwork,
  type Published,
  Responsibility,
  type Territory,
  type TerritoryAssessment
} from "@welfare/core"
import { Csv, Rows } from "@welfare/tables"
import type { Io } from "../io.js"
import { ExitCode, type Failure, failure } from "../outcome.js"

/**
 * The table formats, with their file extension.
 *
 * @category encoding
 * @since 0.1.0
 */
export const formats = { csv: ".csv", arrow: ".arrow", parquet: ".parquet" } as const

/**
 * A table format.
 *
 * @category encoding
 * @since 0.1.0
 */
export type Format = keyof typeof formats

/**
 * Whether a string names a table format.
 *
 * @category encoding
 * @since 0.1.0
 */
export const isFormat = (s: unknown): s is Format => typeof s === "string" && Object.hasOwn(formats, s)

/**
 * The tables of `welfare assess`: the territory's reading, its interventions,
 * dimensions and checks, and the network's actors and ties (persons left out).
 *
 * @category encoding
 * @since 0.1.0
 */
export const assessTables = (
  territory: Territory.Territory,
  profile: TerritoryAssessment.TerritoryProfile
): ReadonlyArray<Rows.Rows> => {
  const network = PartnershipNetwork.fromTerritory(territory)
  const persons = Rows.personsOf(territory.actors)
  return [
    Rows.territoryReading(profile),
    Rows.territoryInterventions(profile),
    Rows.territoryDimensions(profile),
    Rows.territoryChecks(profile),
    Rows.networkActors(network, { persons }),
    Rows.networkTies(network, { persons })
  ]
}

/**
 * The tables of `welfare evaluate`: the published summary (small counts
 * suppressed), the progress of every assignment, the accountability of every
 * evaluation round and the responsibility map.
 *
 * @category encoding
 * @since 0.1.0
 */
export const evaluateTables = (
  territory: Territory.Territory,
  results: {
    readonly summary: Published.Published | undefined
    readonly progress: Parameters<typeof Rows.progress>[0]
  }
): ReadonlyArray<Rows.Rows> => {
  const rounds = territory.evaluations.map((round) =>
    Rows.accountability(Evaluation.accountabilityReport(territory, round))
  )
  return [
    ...(results.summary === undefined ? [] : [Rows.summary(results.summary)]),
    Rows.progress(results.progress),
    {
      name: "accountability",
      columns: Rows.accountabilityColumns,
      rows: rounds.flatMap((r) => r.rows)
    },
    Rows.responsibilityMap(Responsibility.rows(territory.needs, territory.responsibilities))
  ]
}

const bytesOf = async (rows: Rows.Rows, format: Format): Promise<Uint8Array | string> => {
  switch (format) {
    case "csv":
      return Csv.format(rows)
    case "arrow": {
      const { toIpc } = await import("@welfare/tables/arrow")
      return toIpc(rows, { format: "file" })
    }
    case "parquet": {
      const { toParquet } = await import("@welfare/tables/parquet")
      return toParquet(rows)
    }
  }
}

/**
 * Writes tables into a folder, one file each, and prints the files written
 * with their rows.
 *
 * @category encoding
 * @since 0.1.0
 */
export const writeTables = async (
  io: Io,
  tables: ReadonlyArray<Rows.Rows>,
  options: { readonly format: Format; readonly out: string }
): Promise<ExitCode | Failure> => {
  const lines: Array<string> = []
  try {
    await mkdir(options.out, { recursive: true })
    for (const t of tables) {
      const path = join(options.out, `${t.name}${formats[options.format]}`)
      await writeFile(path, await bytesOf(t, options.format))
      lines.push(`${path}: ${t.rows.length} rows, ${t.columns.length} columns`)
    }
  } catch (error) {
    const code = (error as { code?: unknown }).code
    if (typeof code === "string")
      return failure(
        ExitCode.input,
        `cannot write into ${options.out}: check that the folder can be created and written`
      )
    throw error
  }
  io.stdout(`${lines.join("\n")}\n`)
  return ExitCode.ok
}
