/**
 * `welfare pseudonymise FILE`: replaces the identifiers of some columns of a
 * CSV file, or of some properties of an NDJSON file, with their keyed
 * pseudonyms (`Pseudonym` of `@welfare/core`: HMAC-SHA-256 under a secret
 * read from a key file kept apart from the data, in a named domain).
 *
 * @since 0.1.0
 */
import { Problem, Pseudonym } from "@welfare/core"
import * as Either from "effect/Either"
import type { Io } from "../io.js"
import { ExitCode, type Failure, failure, usage } from "../outcome.js"
import { isSystemError, openFailure, writeOut } from "../read.js"

/**
 * The options of `welfare pseudonymise`.
 *
 * @category models
 * @since 0.1.0
 */
export interface PseudonymiseOptions {
  readonly file: string
  readonly keyFile: string
  readonly domain: string
  readonly columns: ReadonlyArray<string>
  readonly format: "csv" | "ndjson"
  readonly out: string | undefined
  readonly maxBytes: number
}

const readAll = async (io: Io, path: string, maxBytes: number): Promise<Uint8Array | Failure> => {
  try {
    const source = await io.open(path)
    if (source.size !== undefined && source.size > maxBytes)
      return failure(
        ExitCode.input,
        `${path} is over the limit of ${maxBytes / 1024 / 1024} MB: raise it with --max-size <MB>`
      )
    const parts: Array<Uint8Array> = []
    let size = 0
    for await (const chunk of source.chunks) {
      const bytes = typeof chunk === "string" ? new TextEncoder().encode(chunk) : chunk
      size += bytes.byteLength
      if (size > maxBytes)
        return failure(
          ExitCode.input,
          `${path} is over the limit of ${maxBytes / 1024 / 1024} MB: raise it with --max-size <MB>`
        )
      parts.push(bytes)
    }
    const all = new Uint8Array(size)
    let at = 0
    for (const p of parts) {
      all.set(p, at)
      at += p.byteLength
    }
    return all
  } catch (error) {
    if (isSystemError(error)) return openFailure(path, error)
    throw error
  }
}

/** RFC 4180 records: fields split by commas, quoted with double quotes ("" inside). */
const parseCsv = (text: string): Array<Array<string>> | string => {
  const rows: Array<Array<string>> = []
  let row: Array<string> = []
  let field = ""
  let quoted = false
  let line = 1
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"'
          i++
        } else quoted = false
      } else {
        if (c === "\n") line++
        field += c
      }
    } else if (c === '"' && field === "") quoted = true
    else if (c === ",") {
      row.push(field)
      field = ""
    } else if (c === "\n" || c === "\r") {
      if (c === "\r" && text[i + 1] === "\n") i++
      row.push(field)
      rows.push(row)
      row = []
      field = ""
      line++
    } else field += c
  }
  if (quoted) return `line ${line}: a quoted field is not closed`
  if (field !== "" || row.length > 0) {
    row.push(field)
    rows.push(row)
  }
  return rows
}

const csvField = (s: string): string => (/[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s)

/**
 * Pseudonymises the chosen columns (CSV, by header name) or top-level
 * properties (NDJSON) of a file: empty values stay empty, every other value
 * becomes `p-` and 64 hexadecimal digits. Writes to `out`, or to standard
 * output.
 *
 * @category commands
 * @since 0.1.0
 */
export const pseudonymise = async (io: Io, options: PseudonymiseOptions): Promise<ExitCode | Failure> => {
  const secret = await readAll(io, options.keyFile, 1024)
  if (!(secret instanceof Uint8Array)) return secret
  const made = await Pseudonym.make(secret, options.domain)
  if (Either.isLeft(made))
    return usage(
      made.left
        .map((p) => `${p.path[0] === "secret" ? options.keyFile : "--domain"}: ${p.message}`)
        .join("; "),
      "pseudonymise"
    )
  const p = made.right
  const bytes = await readAll(io, options.file, options.maxBytes)
  if (!(bytes instanceof Uint8Array)) return bytes
  let text: string
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes)
  } catch {
    return failure(ExitCode.input, `${options.file} is not UTF-8 text: save it as UTF-8`)
  }
  const out: Array<string> = []
  if (options.format === "csv") {
    const rows = parseCsv(text)
    if (typeof rows === "string") return failure(ExitCode.input, `${options.file}: ${rows}`)
    const header = rows[0] ?? []
    const missing = options.columns.filter((c) => !header.includes(c))
    if (missing.length > 0)
      return failure(
        ExitCode.input,
        `${options.file} has no column ${missing.join(", ")}: its columns are ${header.join(", ")}`
      )
    const at = options.columns.map((c) => header.indexOf(c))
    out.push(header.map(csvField).join(","))
    for (const row of rows.slice(1)) {
      const copy = [...row]
      for (const i of at)
        if (copy[i] !== undefined && copy[i] !== "") copy[i] = await Pseudonym.pseudonymise(p, copy[i]!)
      out.push(copy.map(csvField).join(","))
    }
  } else {
    const lines = text.split("\n")
    for (let n = 0; n < lines.length; n++) {
      const line = lines[n]!.replace(/\r$/, "")
      if (line.trim() === "") continue
      let record: unknown
      try {
        record = JSON.parse(line)
      } catch {
        return failure(
          ExitCode.input,
          `${options.file}:${n + 1}: not valid JSON (each line holds one JSON object)`
        )
      }
      if (typeof record !== "object" || record === null || Array.isArray(record))
        return failure(ExitCode.input, `${options.file}:${n + 1}: expected a JSON object`)
      const r = record as Record<string, unknown>
      for (const c of options.columns) {
        const v = r[c]
        if (Object.hasOwn(r, c) && v !== null && v !== "") {
          if (typeof v !== "string" && typeof v !== "number")
            return failure(
              ExitCode.input,
              `${options.file}:${n + 1}: ${Problem.formatPath([c])} is not a text or a number`
            )
          r[c] = await Pseudonym.pseudonymise(p, String(v))
        }
      }
      out.push(JSON.stringify(r))
    }
  }
  const result = out.length === 0 ? "" : `${out.join("\n")}\n`
  if (options.out === undefined) {
    io.stdout(result)
    return ExitCode.ok
  }
  const written = await writeOut(io, options.out, result)
  if (written !== undefined) return written
  io.stderr(`${out.length} lines written to ${options.out} (domain ${options.domain})\n`)
  return ExitCode.ok
}
