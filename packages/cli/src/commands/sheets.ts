/**
 * `welfare template`, `welfare import` and `welfare export`: the territory
 * document to and from spreadsheets (a workbook, or a folder of CSV files,
 * one per sheet), with `@welfare/sheets`.
 *
 * @since 0.1.0
 */
import { mkdir, readdir, readFile, stat, writeFile } from "node:fs/promises"
import { basename, dirname, extname, join } from "node:path"
import { Territory } from "@welfare/core"
import { Csv, Table, Workbook } from "@welfare/sheets"
import * as Either from "effect/Either"
import type { Io } from "../io.js"
import { ExitCode, type Failure, failure } from "../outcome.js"
import { readJson } from "../read.js"

/**
 * The largest CSV file read, in bytes (an editorial choice: 100,000 rows of
 * measurements are about 15 MB).
 *
 * @category constants
 * @since 0.1.0
 */
export const maxCsvBytes = 256 * 1024 * 1024

// exceljs (the workbook writer) is loaded only by the commands that write a workbook
const xlsx = () => import("@welfare/sheets/xlsx")

const writeBinary = async (path: string, content: Uint8Array | string): Promise<void> => {
  await mkdir(dirname(path), { recursive: true })
  await writeFile(path, content)
}

/**
 * Writes the empty workbook template (`.xlsx`), or a folder of empty CSV
 * files with their headers when `out` has no `.xlsx` extension.
 *
 * @category commands
 * @since 0.1.0
 */
export const template = async (io: Io, options: { readonly out: string }): Promise<ExitCode | Failure> => {
  try {
    if (extname(options.out).toLowerCase() === ".xlsx")
      await writeBinary(options.out, await (await xlsx()).write())
    else await writeCsvFolder(options.out, undefined)
  } catch {
    return failure(ExitCode.input, `cannot write ${options.out}: check the folder exists and is writable`)
  }
  io.stdout(`template written to ${options.out}\n`)
  return ExitCode.ok
}

const writeCsvFolder = async (folder: string, document: unknown): Promise<number> => {
  const { Layout } = await import("@welfare/sheets")
  const layout = Layout.territory()
  const sheets =
    document === undefined
      ? layout.sheets.map((s) => ({ name: s.name, rows: Table.headerRows(s, "keys") }))
      : Table.write(document, { headers: "keys" })
  await mkdir(folder, { recursive: true })
  for (const sheet of sheets) await writeFile(join(folder, `${sheet.name}.csv`), Csv.format(sheet), "utf8")
  return sheets.length
}

/**
 * The options of `welfare import`.
 *
 * @category models
 * @since 0.1.0
 */
export interface ImportOptions {
  /** A workbook (`.xlsx`) or a folder of CSV files. */
  readonly file: string
  /** Where to write the territory document; printed when absent. */
  readonly out: string | undefined
  /** The language of the problems. */
  readonly lang: "it" | "en"
  /** Print the problems as JSON. */
  readonly json: boolean
}

/**
 * Reads a workbook or a folder of CSV files into a territory document:
 * writes the document (exit 0) or prints every problem at its cell, all at
 * once (exit 1).
 *
 * @category commands
 * @since 0.1.0
 */
export const importSheets = async (io: Io, options: ImportOptions): Promise<ExitCode | Failure> => {
  let info: Awaited<ReturnType<typeof stat>>
  try {
    info = await stat(options.file)
  } catch {
    return failure(ExitCode.input, `cannot read ${options.file}: check the path`)
  }
  let result: Either.Either<Territory.Territory, ReadonlyArray<Table.SheetProblem>>
  if (info.isDirectory()) {
    const names = (await readdir(options.file)).filter((n) => extname(n).toLowerCase() === ".csv").sort()
    if (names.length === 0)
      return failure(
        ExitCode.input,
        `${options.file} holds no .csv file: one file per sheet, named like the sheet`
      )
    for (const name of names) {
      const path = join(options.file, name)
      if ((await stat(path)).size > maxCsvBytes)
        return failure(ExitCode.input, `${path} is larger than ${maxCsvBytes / 1024 / 1024} MB`)
    }
    // one file at a time: each sheet's rows go into the document, then are dropped
    const sink = Table.problemSink()
    const builder = Table.builder(
      names.map((n) => basename(n, extname(n))),
      { problems: sink }
    )
    for (const sheet of builder.order) {
      const name = names.find((n) => basename(n, extname(n)) === sheet)!
      const parsed = Csv.parse(sheet, await readFile(join(options.file, name), "utf8"))
      const rows = builder.sheet(sheet)
      for (const row of parsed.rows) rows.row(row)
      rows.end()
    }
    result = Table.conclude(builder.finish(), sink)
  } else {
    if (info.size > 64 * 1024 * 1024)
      return failure(ExitCode.input, `${options.file} is larger than 64 MB: split it into several workbooks`)
    // the lean streaming reader: rows go straight into the document (exceljs is loaded only to write)
    result = await Workbook.decode(await readFile(options.file))
  }
  if (Either.isLeft(result)) {
    const problems = result.left
    if (options.json)
      io.stdout(
        `${JSON.stringify(
          {
            file: options.file,
            valid: false,
            problems: problems.map((p) => ({ ...p, address: Table.address(p) }))
          },
          null,
          2
        )}\n`
      )
    else {
      for (const p of problems) io.stdout(`${options.file}: ${Table.format(p, options.lang)}\n`)
      const n = problems.length
      io.stdout(
        options.lang === "it"
          ? `${n} ${n === 1 ? "problema" : "problemi"} in ${options.file}\n`
          : `${n} ${n === 1 ? "problem" : "problems"} in ${options.file}\n`
      )
    }
    return ExitCode.problems
  }
  const text = `${JSON.stringify(Territory.encode(result.right), null, 2)}\n`
  if (options.out === undefined) {
    io.stdout(text)
    return ExitCode.ok
  }
  try {
    await io.writeFile(options.out, text)
  } catch {
    return failure(ExitCode.input, `cannot write ${options.out}: check the folder exists and is writable`)
  }
  io.stdout(`territory document written to ${options.out}\n`)
  return ExitCode.ok
}

/**
 * The options of `welfare export`.
 *
 * @category models
 * @since 0.1.0
 */
export interface ExportOptions {
  readonly file: string
  readonly format: "xlsx" | "csv"
  readonly out: string
  readonly maxBytes: number
}

/**
 * Writes a (valid) territory document as a workbook or a folder of CSV files.
 *
 * @category commands
 * @since 0.1.0
 */
export const exportSheets = async (io: Io, options: ExportOptions): Promise<ExitCode | Failure> => {
  const read = await readJson(io, options.file, { maxBytes: options.maxBytes, what: "territory document" })
  if (read._tag === "Failure") return read
  const decoded = Territory.decode(read.value)
  if (Either.isLeft(decoded))
    return failure(
      ExitCode.problems,
      `${options.file} has ${decoded.left.length} problems: run "welfare validate ${options.file}" and fix them first`
    )
  const document = Territory.encode(decoded.right)
  try {
    if (options.format === "xlsx") await writeBinary(options.out, await (await xlsx()).write(document))
    else await writeCsvFolder(options.out, document)
  } catch {
    return failure(ExitCode.input, `cannot write ${options.out}: check the folder exists and is writable`)
  }
  io.stdout(`${options.file} written to ${options.out} (${options.format})\n`)
  return ExitCode.ok
}
