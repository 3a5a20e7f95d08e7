/**
 * `welfare export FILE --format FORMAT --out DIR`: writes the territory in the
 * format a neighbour system reads. The formats are a table
 * ({@link formats}): each turns a valid territory into files under DIR.
 *
 * @since 0.1.0
 */
import type { Territory } from "@welfare/core"
import { Cids, Fhir, Hsds, Iati } from "@welfare/interop"
import type { DocumentOptions } from "../index.js"
import type { Io } from "../io.js"
import { loadTerritory, maxPrintedProblems, problemLines } from "../load.js"
import { ExitCode, type Failure, failure } from "../outcome.js"
import { writeOut } from "../read.js"

/**
 * A file an export writes: its path under the output folder and its text.
 *
 * @category models
 * @since 0.1.0
 */
export interface ExportFile {
  readonly path: string
  readonly text: string
}

/**
 * An export format: what it is called in messages and the files it writes.
 *
 * @category models
 * @since 0.1.0
 */
export interface Format {
  readonly title: string
  readonly files: (territory: Territory.Territory) => ReadonlyArray<ExportFile>
}

const json = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`

const fileSafe = (id: string): string => id.replace(/[^A-Za-z0-9._-]/g, "_")

/**
 * The export formats by name: HSDS 3.0 (CSV tables, their data package and the
 * nested JSON services), FHIR R4 SDOH Bundles (one per taking-charge case),
 * IATI 2.03 results (XML) and CIDS JSON-LD.
 *
 * @category encoding
 * @since 0.1.0
 */
export const formats = {
  hsds: {
    title: "Open Referral HSDS 3.0",
    files: (territory) => {
      const dataset = Hsds.fromTerritory(territory)
      return [
        ...Hsds.tables.map((table) => ({
          path: `hsds/${Hsds.files[table].path}`,
          text: Hsds.toCsv(dataset[table], Hsds.files[table].columns)
        })),
        {
          path: "hsds/datapackage.json",
          text: json({
            name: "welfare-hsds",
            title: `HSDS 3.0: ${territory.name}`,
            profile: "tabular-data-package",
            version: "3.0.0",
            resources: Hsds.tables.map((table) => ({
              name: table,
              path: Hsds.files[table].path,
              profile: "tabular-data-resource",
              format: "csv",
              mediatype: "text/csv",
              schema: { fields: Hsds.files[table].columns.map((name) => ({ name, type: "string" })) }
            }))
          })
        },
        { path: "hsds/dataset.json", text: json(dataset) },
        { path: "hsds/services.json", text: json(Hsds.nestedServices(dataset)) }
      ]
    }
  },
  fhir: {
    title: "HL7 FHIR R4 (SDOH closed-loop referral)",
    files: (territory) =>
      Fhir.bundles(territory).map((bundle) => ({
        path: `fhir/${fileSafe(bundle.identifier.value)}.json`,
        text: json(bundle)
      }))
  },
  iati: {
    title: "IATI 2.03 results",
    files: (territory) => [{ path: "iati/activities.xml", text: Iati.activities(territory) }]
  },
  cids: {
    title: "Common Impact Data Standard JSON-LD (Essential tier)",
    files: (territory) => [{ path: "cids/impact.jsonld", text: json(Cids.document(territory)) }]
  }
} as const satisfies { readonly [name: string]: Format }

/**
 * The name of an export format.
 *
 * @category encoding
 * @since 0.1.0
 */
export type FormatName = keyof typeof formats

/**
 * Whether a text names an export format.
 *
 * @category encoding
 * @since 0.1.0
 */
export const isFormat = (name: string): name is FormatName => Object.hasOwn(formats, name)

/**
 * The options of `welfare export`.
 *
 * @category models
 * @since 0.1.0
 */
export interface ExportOptions extends DocumentOptions {
  readonly format: FormatName
  readonly out: string
}

/**
 * Exports a valid territory document in a format; a document with problems
 * is refused (exit 1) with every problem listed.
 *
 * @category commands
 * @since 0.1.0
 */
export const exportTerritory = async (io: Io, options: ExportOptions): Promise<ExitCode | Failure> => {
  const loaded = await loadTerritory(io, options)
  if (loaded._tag === "Failure") return loaded
  if (loaded.value._tag === "Invalid") {
    for (const line of problemLines(loaded.value.problems, maxPrintedProblems, loaded.value))
      io.stderr(`${line}\n`)
    return failure(
      ExitCode.problems,
      `${options.file} has problems: fix them first (welfare validate ${options.file})`
    )
  }
  const format = formats[options.format]
  const files = format.files(loaded.value.territory)
  const out = options.out.replace(/\/+$/, "") || "."
  for (const file of files) {
    const path = `${out}/${file.path}`
    const written = await writeOut(io, path, file.text)
    if (written !== undefined) return written
  }
  io.stdout(`${format.title}: ${files.length} file${files.length === 1 ? "" : "s"} written under ${out}\n`)
  return ExitCode.ok
}
