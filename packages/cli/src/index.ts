/**
 * `@welfare/cli`: the `welfare` command as a function, for tests and embedding.
 *
 * `run(argv, io)` parses the arguments with `node:util`'s `parseArgs` and
 * imports the heavy modules (`@welfare/core`, `@welfare/report`, effect) only
 * when a command needs them, so that `welfare --help` starts in a fraction of
 * a second. It never throws and never prints a stack trace: every outcome is
 * an exit code ({@link ExitCode}) and a clear message.
 *
 * @packageDocumentation
 * @since 0.1.0
 */

import { type ParseArgsConfig, parseArgs } from "node:util"
import packageJson from "../package.json" with { type: "json" }
import * as Help from "./help.js"
import type { Io } from "./io.js"
import { ExitCode, type Failure, usage } from "./outcome.js"
import { defaultMaxMegabytes } from "./read.js"
import { terminalSafe } from "./terminal.js"

export { type Io, nodeIo, type Source, type Writer } from "./io.js"
export { ExitCode } from "./outcome.js"
export { escapeControl, terminalSafe } from "./terminal.js"

/**
 * The version of the command, read from its `package.json` when it is built.
 * @since 0.1.0
 */
export const version: string = packageJson.version

/**
 * The options every command that reads a territory document accepts.
 *
 * @category models
 * @since 0.1.0
 */
export interface DocumentOptions {
  /** The territory document (`-` for standard input). */
  readonly file: string
  /** An NDJSON file of measurements, streamed. */
  readonly measurements: string | undefined
  /** The largest document read, in bytes. */
  readonly maxBytes: number
  /** Whether to print JSON rather than text. */
  readonly json: boolean
  /**
   * The threads that read the measurements file (default: the available
   * parallelism; 1 reads it on the main thread only).
   */
  readonly threads?: number | undefined
  /** Whether to print the peak memory and the time on standard error (hidden `--stats`). */
  readonly stats?: boolean
  /** A rubric file (`Rubric.decode`) in place of the default rubric (`assess`, `evaluate`, `report`). */
  readonly rubric?: string | undefined
  /**
   * How to read the measurements: `duckdb` (also NDJSON through DuckDB) or
   * `stream` (in-process); by default Parquet and CSV go through DuckDB,
   * NDJSON is streamed, a `postgres://` URL is read from PostgreSQL.
   */
  readonly engine?: "duckdb" | "stream" | undefined
  /** The PostgreSQL table of the measurements (`schema.table`, default `measurements`). */
  readonly table?: string | undefined
}

const documentSpec = {
  help: { type: "boolean", short: "h" },
  json: { type: "boolean" },
  measurements: { type: "string", short: "m" },
  "max-size": { type: "string" },
  threads: { type: "string", short: "t" },
  engine: { type: "string" },
  table: { type: "string" },
  stats: { type: "boolean" }
} as const

const reportSpec = {
  help: { type: "boolean", short: "h" },
  measurements: { type: "string", short: "m" },
  "max-size": { type: "string" },
  threads: { type: "string", short: "t" },
  engine: { type: "string" },
  table: { type: "string" },
  stats: { type: "boolean" },
  format: { type: "string", short: "f" },
  lang: { type: "string", short: "l" },
  out: { type: "string", short: "o" },
  rubric: { type: "string", short: "r" },
  threshold: { type: "string" },
  rounding: { type: "string" }
} as const

const assessSpec = {
  ...documentSpec,
  lang: { type: "string", short: "l" },
  rubric: { type: "string", short: "r" },
  format: { type: "string", short: "f" },
  out: { type: "string", short: "o" }
} as const

const evaluateSpec = {
  ...documentSpec,
  rubric: { type: "string", short: "r" },
  format: { type: "string", short: "f" },
  out: { type: "string", short: "o" }
} as const

/** `--format csv|arrow|parquet --out DIR` of assess and evaluate: both or neither. */
const tablesOptions = async (
  values: { readonly format?: string | boolean | undefined; readonly out?: string | boolean | undefined },
  command: Help.Command
): Promise<{ readonly format: "csv" | "arrow" | "parquet"; readonly out: string } | undefined | Failure> => {
  const { format, out } = values
  if (format === undefined && out === undefined) return undefined
  const { isFormat } = await import("./commands/tables.js")
  if (!isFormat(format))
    return usage(
      `--format expects csv, arrow or parquet, got ${JSON.stringify(format ?? "nothing")}`,
      command
    )
  if (typeof out !== "string")
    return usage(`--format ${format} needs --out DIR, the folder the tables are written to`, command)
  return { format, out }
}

const schemaSpec = {
  help: { type: "boolean", short: "h" },
  list: { type: "boolean" },
  out: { type: "string", short: "o" }
} as const

const templateSpec = {
  help: { type: "boolean", short: "h" },
  out: { type: "string", short: "o" }
} as const

const importSpec = {
  help: { type: "boolean", short: "h" },
  stats: { type: "boolean" },
  json: { type: "boolean" },
  lang: { type: "string", short: "l" },
  out: { type: "string", short: "o" }
} as const

const exportSpec = {
  help: { type: "boolean", short: "h" },
  format: { type: "string", short: "f" },
  "max-size": { type: "string" },
  out: { type: "string", short: "o" }
} as const

const pseudonymiseSpec = {
  help: { type: "boolean", short: "h" },
  "key-file": { type: "string" },
  domain: { type: "string" },
  columns: { type: "string" },
  format: { type: "string", short: "f" },
  out: { type: "string", short: "o" },
  "max-size": { type: "string" },
  stats: { type: "boolean" }
} as const

const mainSpec = {
  help: { type: "boolean", short: "h" },
  version: { type: "boolean", short: "V" }
} as const

type Parsed = { values: Record<string, string | boolean | undefined>; positionals: Array<string> }

const parse = (
  args: ReadonlyArray<string>,
  options: NonNullable<ParseArgsConfig["options"]>,
  command: string | undefined
): Parsed | Failure => {
  try {
    const { values, positionals } = parseArgs({
      args: [...args],
      options,
      allowPositionals: true,
      strict: true
    })
    return { values: values as Parsed["values"], positionals }
  } catch (error) {
    const code = (error as { code?: string }).code
    const message = error instanceof Error ? error.message.split("\n")[0]! : "the arguments cannot be read"
    return usage(
      code === "ERR_PARSE_ARGS_UNKNOWN_OPTION" || code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE"
        ? message
            .replace(/\. To specify a positional argument.*$/, "")
            .replace(/^Unknown option/, "unknown option")
        : message,
      command
    )
  }
}

const isFailure = (u: unknown): u is Failure =>
  typeof u === "object" && u !== null && (u as { _tag?: unknown })._tag === "Failure"

const maxBytesOf = (value: string | boolean | undefined, command: string): number | Failure => {
  if (value === undefined) return defaultMaxMegabytes * 1024 * 1024
  const n = typeof value === "string" && /^\d+(\.\d+)?$/.test(value) ? Number(value) : Number.NaN
  if (n > 0 && n <= defaultMaxMegabytes) return Math.floor(n * 1024 * 1024)
  return usage(
    n > defaultMaxMegabytes
      ? `--max-size can lower the largest document, not raise it past ${defaultMaxMegabytes} MB: a document is read whole, and beyond that its memory could pass 300 MB. Move measurements to an NDJSON file passed with --measurements (it streams whatever its size), or split the territory`
      : `--max-size expects a number of megabytes between 1 and ${defaultMaxMegabytes}, got ${JSON.stringify(value)}`,
    command
  )
}

/** A whole number from `min` to `max`: `undefined` when absent, `NaN` when it is not one. */
const wholeIn = (value: string | boolean | undefined, min: number, max: number): number | undefined => {
  if (value === undefined) return undefined
  const n = typeof value === "string" && /^\d+$/.test(value) ? Number(value) : Number.NaN
  return n >= min && n <= max ? n : Number.NaN
}

const documentOptions = (parsed: Parsed, command: string): DocumentOptions | Failure => {
  const [file, ...extra] = parsed.positionals
  if (file === undefined) return usage(`${command} needs the path of a territory document (FILE)`, command)
  if (extra.length > 0) return usage(`${command} reads one FILE; unexpected: ${extra.join(" ")}`, command)
  const maxBytes = maxBytesOf(parsed.values["max-size"], command)
  if (isFailure(maxBytes)) return maxBytes
  const measurements = parsed.values.measurements
  const rubric = parsed.values.rubric
  const threads = parsed.values.threads
  let count: number | undefined
  if (threads !== undefined) {
    count = typeof threads === "string" && /^\d+$/.test(threads) ? Number(threads) : Number.NaN
    if (!(count >= 1 && count <= 256))
      return usage(
        `--threads expects a number of threads between 1 and 256, got ${JSON.stringify(threads)}`,
        command
      )
  }
  const engine = parsed.values.engine
  if (engine !== undefined && engine !== "duckdb" && engine !== "stream")
    return usage(`--engine expects duckdb or stream, got ${JSON.stringify(engine)}`, command)
  const table = parsed.values.table
  return {
    file,
    measurements: typeof measurements === "string" ? measurements : undefined,
    engine,
    table: typeof table === "string" ? table : undefined,
    maxBytes,
    json: parsed.values.json === true,
    threads: count,
    stats: parsed.values.stats === true,
    ...(typeof rubric === "string" ? { rubric } : {})
  }
}

/** The peak memory and the time of the run so far, for `--stats`. */
const stats = (io: Io, started: number): void => {
  const rss = process.resourceUsage().maxRSS / 1024
  io.stderr(`stats: peak RSS ${rss.toFixed(1)} MB, ${((performance.now() - started) / 1000).toFixed(2)} s\n`)
}

const withStats = async (
  io: Io,
  options: DocumentOptions,
  command: () => Promise<ExitCode | Failure>
): Promise<ExitCode | Failure> => {
  const started = performance.now()
  const result = await command()
  if (options.stats === true) stats(io, started)
  return result
}

/** `welfare pseudonymise`: its options checked, then the command (loaded on demand). */
const pseudonymiseCommand = async (parsed: Parsed, io: Io): Promise<ExitCode | Failure> => {
  const command = "pseudonymise"
  const [file, ...more] = parsed.positionals
  if (file === undefined || more.length > 0) return usage("pseudonymise reads one FILE", command)
  const v = parsed.values
  const keyFile = v["key-file"]
  const domain = v.domain
  const columns = v.columns
  if (typeof keyFile !== "string")
    return usage("--key-file KEY is required: the secret, kept apart from the data", command)
  if (typeof domain !== "string") return usage("--domain NAME is required", command)
  if (typeof columns !== "string" || columns.trim() === "") return usage("--columns A,B is required", command)
  const format =
    v.format ?? (/\.(ndjson|jsonl)$/i.test(file) ? "ndjson" : /\.csv$/i.test(file) ? "csv" : undefined)
  if (format !== "csv" && format !== "ndjson")
    return usage("--format expects csv or ndjson (the file's extension does not say)", command)
  // no default limit: the file streams in bounded memory whatever its size (issue 14)
  const size = v["max-size"] === undefined ? undefined : Number(v["max-size"])
  if (size !== undefined && !(size > 0)) return usage("--max-size expects a number of megabytes", command)
  const { pseudonymise } = await import("./commands/pseudonymise.js")
  const started = performance.now()
  const result = await pseudonymise(io, {
    file,
    keyFile,
    domain,
    columns: columns
      .split(",")
      .map((c) => c.trim())
      .filter((c) => c !== ""),
    format,
    out: typeof v.out === "string" ? v.out : undefined,
    maxBytes: size === undefined ? undefined : size * 1024 * 1024
  })
  if (v.stats === true) stats(io, started)
  return result
}

/** `welfare` with no command, or an option first: `--version`, `--help` or the usage. */
const mainCommand = (argv: ReadonlyArray<string>, io: Io): ExitCode | Failure => {
  const parsed = parse(argv, mainSpec, undefined)
  if (isFailure(parsed)) return parsed
  if (parsed.values.version === true) {
    io.stdout(`welfare ${version}\n`)
    return ExitCode.ok
  }
  if (parsed.values.help === true) {
    io.stdout(Help.main)
    return ExitCode.ok
  }
  if (parsed.positionals.length > 0) return usage(`unknown command "${parsed.positionals[0]}"`)
  io.stderr(Help.main)
  return ExitCode.usage
}

/** `welfare help [COMMAND]`. */
const helpCommand = (topic: string | undefined, io: Io): ExitCode | Failure => {
  if (topic === undefined) io.stdout(Help.main)
  else if (Help.isCommand(topic)) io.stdout(Help.commands[topic])
  else return usage(`unknown command "${topic}"`)
  return ExitCode.ok
}

const dispatch = async (argv: ReadonlyArray<string>, io: Io): Promise<ExitCode | Failure> => {
  const first = argv[0]
  if (first === undefined || first.startsWith("-")) return mainCommand(argv, io)
  if (first === "help") return helpCommand(argv[1], io)
  if (!Help.isCommand(first))
    return usage(
      `unknown command "${first}"; the commands are validate, assess, evaluate, report, schema, template, import, export and pseudonymise`
    )
  const command = first
  const parsed = parse(argv.slice(1), specs[command], command)
  if (isFailure(parsed)) return parsed
  if (parsed.values.help === true) {
    io.stdout(Help.commands[command])
    return ExitCode.ok
  }
  return commands[command](parsed, io)
}

// The options of each command.
const specs: { readonly [C in Help.Command]: NonNullable<ParseArgsConfig["options"]> } = {
  validate: documentSpec,
  assess: assessSpec,
  evaluate: evaluateSpec,
  report: reportSpec,
  schema: schemaSpec,
  template: templateSpec,
  import: importSpec,
  export: exportSpec,
  pseudonymise: pseudonymiseSpec
}

type Command = (parsed: Parsed, io: Io) => ExitCode | Failure | Promise<ExitCode | Failure>

/** `--lang it|en` (Italian by default). */
const langOf = (parsed: Parsed, command: Help.Command): "it" | "en" | Failure => {
  const lang = parsed.values.lang ?? "it"
  if (lang !== "it" && lang !== "en")
    return usage(`--lang expects it or en, got ${JSON.stringify(lang)}`, command)
  return lang
}

const schemaCommand: Command = async (parsed, io) => {
  if (parsed.positionals.length > 1)
    return usage(`schema prints one entity; unexpected: ${parsed.positionals.slice(1).join(" ")}`, "schema")
  const { schema } = await import("./commands/schema.js")
  const out = parsed.values.out
  return schema(io, {
    entity: parsed.positionals[0],
    list: parsed.values.list === true,
    out: typeof out === "string" ? out : undefined
  })
}

const templateCommand: Command = async (parsed, io) => {
  const out = parsed.values.out ?? parsed.positionals[0]
  if (typeof out !== "string")
    return usage("template needs --out PATH (territorio.xlsx, or a folder for CSV)", "template")
  const { template } = await import("./commands/sheets.js")
  return template(io, { out })
}

const importCommand: Command = async (parsed, io) => {
  const command = "import"
  const [file, ...extra] = parsed.positionals
  if (file === undefined) return usage("import needs a workbook (.xlsx) or a folder of CSV files", command)
  if (extra.length > 0) return usage(`import reads one FILE; unexpected: ${extra.join(" ")}`, command)
  const lang = langOf(parsed, command)
  if (isFailure(lang)) return lang
  const out = parsed.values.out
  const { importSheets } = await import("./commands/sheets.js")
  const started = performance.now()
  const result = await importSheets(io, {
    file,
    lang,
    json: parsed.values.json === true,
    out: typeof out === "string" ? out : undefined
  })
  if (parsed.values.stats === true) stats(io, started)
  return result
}

const validateCommand: Command = async (parsed, io) => {
  const options = documentOptions(parsed, "validate")
  if (isFailure(options)) return options
  const { validate } = await import("./commands/validate.js")
  return withStats(io, options, () => validate(io, options))
}

const assessCommand: Command = async (parsed, io) => {
  const command = "assess"
  const options = documentOptions(parsed, command)
  if (isFailure(options)) return options
  const lang = langOf(parsed, command)
  if (isFailure(lang)) return lang
  const tables = await tablesOptions(parsed.values, command)
  if (isFailure(tables)) return tables
  const { assess } = await import("./commands/assess.js")
  return withStats(io, options, () =>
    assess(io, { ...options, lang, ...(tables === undefined ? {} : { tables }) })
  )
}

const evaluateCommand: Command = async (parsed, io) => {
  const command = "evaluate"
  const options = documentOptions(parsed, command)
  if (isFailure(options)) return options
  const tables = await tablesOptions(parsed.values, command)
  if (isFailure(tables)) return tables
  const { evaluate } = await import("./commands/evaluate.js")
  return withStats(io, options, () =>
    evaluate(io, { ...options, ...(tables === undefined ? {} : { tables }) })
  )
}

const exportCommand: Command = async (parsed, io) => {
  const command = "export"
  const sheetsFormat = parsed.values.format
  if (sheetsFormat === "xlsx" || sheetsFormat === "csv") return exportSheetsCommand(parsed, io, sheetsFormat)
  const options = documentOptions(
    { ...parsed, values: { ...parsed.values, json: false, measurements: undefined } },
    command
  )
  if (isFailure(options)) return options
  const { exportTerritory, formats, isFormat } = await import("./commands/export.js")
  const format = parsed.values.format
  if (typeof format !== "string" || !isFormat(format))
    return usage(
      `--format expects ${[...Object.keys(formats), "xlsx", "csv"].join(", ")}, got ${JSON.stringify(format ?? "nothing")}`,
      command
    )
  const out = parsed.values.out
  if (typeof out !== "string")
    return usage("export needs --out DIR, the folder the files are written to", command)
  return exportTerritory(io, { ...options, format, out })
}

/** `welfare export --format xlsx|csv`: the territory as a workbook or CSV files. */
const exportSheetsCommand = async (
  parsed: Parsed,
  io: Io,
  format: "xlsx" | "csv"
): Promise<ExitCode | Failure> => {
  const command = "export"
  const [file, ...extra] = parsed.positionals
  if (file === undefined) return usage("export needs the path of a territory document (FILE)", command)
  if (extra.length > 0) return usage(`export reads one FILE; unexpected: ${extra.join(" ")}`, command)
  const out = parsed.values.out
  if (typeof out !== "string")
    return usage("export needs --out PATH (a .xlsx file, or a folder for csv)", command)
  const maxBytes = maxBytesOf(parsed.values["max-size"], command)
  if (isFailure(maxBytes)) return maxBytes
  const { exportSheets } = await import("./commands/sheets.js")
  return exportSheets(io, { file, format, out, maxBytes })
}

const reportCommand: Command = async (parsed, io) => {
  const command = "report"
  const options = documentOptions({ ...parsed, values: { ...parsed.values, json: false } }, command)
  if (isFailure(options)) return options
  const format = parsed.values.format ?? "html"
  if (format !== "md" && format !== "html" && format !== "json")
    return usage(`--format expects md, html or json, got ${JSON.stringify(format)}`, command)
  const lang = langOf(parsed, command)
  if (isFailure(lang)) return lang
  const out = parsed.values.out
  const publication = publicationOptions(parsed)
  if (isFailure(publication)) return publication
  const { report } = await import("./commands/report.js")
  return withStats(io, options, () =>
    report(io, { ...options, format, lang, out: typeof out === "string" ? out : undefined, ...publication })
  )
}

/** `--threshold` and `--rounding` of `welfare report`. */
const publicationOptions = (
  parsed: Parsed
): { readonly threshold: number | undefined; readonly rounding: number | undefined } | Failure => {
  const threshold = wholeIn(parsed.values.threshold, 3, 11)
  if (Number.isNaN(threshold))
    return usage(
      `--threshold expects a whole number of persons from 3 to 11 (5 by default; 11 is what health-data rules ask), got ${JSON.stringify(parsed.values.threshold)}`,
      "report"
    )
  const rounding = wholeIn(parsed.values.rounding, 2, 10)
  if (Number.isNaN(rounding))
    return usage(
      `--rounding expects a whole number from 2 to 10, the base shown counts of persons are rounded to (5 is usual), got ${JSON.stringify(parsed.values.rounding)}`,
      "report"
    )
  return { threshold, rounding }
}

// What each command runs once its options are parsed.
const commands: { readonly [C in Help.Command]: Command } = {
  validate: validateCommand,
  assess: assessCommand,
  evaluate: evaluateCommand,
  report: reportCommand,
  schema: schemaCommand,
  template: templateCommand,
  import: importCommand,
  export: exportCommand,
  pseudonymise: pseudonymiseCommand
}

/**
 * Runs `welfare` with the arguments that follow the command name
 * (`process.argv.slice(2)`) and returns its exit code. Never throws: a usage
 * error, an unreadable file or a bug ends with a one-line message on standard
 * error and the matching {@link ExitCode}, never a stack trace (set
 * `WELFARE_DEBUG=1` to see the stack of an internal error).
 *
 * `io` is everything the command touches ({@link Io}): give it {@link nodeIo}
 * to act as the `welfare` command does, or an in-memory one to embed the
 * command in a service or a test (the file opener reads from your own store,
 * the writers collect the output).
 *
 * @example
 * ```ts
 * import * as assert from "node:assert"
 * import { ExitCode, type Io, run } from "@welfare/cli"
 *
 * // An in-memory io: one territory document with an unknown actor kind.
 * const files: Record<string, string> = {
 *   "territory.json": JSON.stringify({
 *     name: "Ambito di prova",
 *     municipalities: [],
 *     actors: [{ id: "a-1", kind: "foo", resources: [] }]
 *   })
 * }
 * const out: Array<string> = []
 * const err: Array<string> = []
 * const io: Io = {
 *   stdout: (text) => void out.push(text),
 *   stderr: (text) => void err.push(text),
 *   open: async (path) => {
 *     const text = files[path]
 *     if (text === undefined) throw Object.assign(new Error(path), { code: "ENOENT" })
 *     return { size: text.length, chunks: (async function* () { yield text })() }
 *   },
 *   writeFile: async (path, text) => void (files[path] = text)
 * }
 *
 * const code = await run(["validate", "territory.json"], io)
 * assert.strictEqual(code, ExitCode.problems)
 * assert.match(out.join("") + err.join(""), /actors\[0\]\.kind/)
 * ```
 *
 * @category commands
 * @since 0.1.0
 */
export const run = async (argv: ReadonlyArray<string>, raw: Io): Promise<ExitCode> => {
  // Every text printed escapes control characters (issue 14): names come from documents.
  const io = terminalSafe(raw)
  try {
    const result = await dispatch(argv, io)
    if (!isFailure(result)) return result
    io.stderr(`welfare: ${result.message}\n`)
    return result.exit
  } catch (error) {
    const name = error instanceof Error ? error.name : typeof error
    io.stderr(
      `welfare: internal error (${name}). This is a bug: please report it with the command you ran.\n` +
        (io.env?.WELFARE_DEBUG === "1" && error instanceof Error && error.stack !== undefined
          ? `${error.stack}\n`
          : "")
    )
    return ExitCode.internal
  }
}
