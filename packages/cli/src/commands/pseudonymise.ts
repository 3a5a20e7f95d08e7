/**
 * `welfare pseudonymise FILE`: replaces the identifiers of some columns of a
 * CSV file, or of some properties of an NDJSON file, with their keyed
 * pseudonyms (`Pseudonym` of `@welfare/core`: HMAC-SHA-256 under a secret
 * read from a key file kept apart from the data, in a named domain).
 *
 * The file streams (issue 14): it is read line by line, its records are
 * pseudonymised in batches of at most {@link batchRecords} records and
 * written as they go, so memory stays flat whatever the file's size. An
 * output file is written all or nothing: to a hidden temporary file beside
 * it, renamed over it only when every record was read without a problem, and
 * deleted otherwise.
 *
 * @since 0.1.0
 */
import { Problem, Pseudonym } from "@welfare/core"
import * as Either from "effect/Either"
import { locatedCollector } from "../capped.js"
import { type Io, writerOf } from "../io.js"
import { maxPrintedProblems, problemLines } from "../load.js"
import { ExitCode, type Failure, failure, usage } from "../outcome.js"
import { isSystemError, openFailure } from "../read.js"

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
  /** The largest file read, in bytes (no limit when undefined: the file streams). */
  readonly maxBytes?: number | undefined
}

/**
 * The longest line of an NDJSON file, or record of a CSV file, in bytes
 * (1 MiB): an identifier and its record are a few hundred. Longer ones are
 * skipped as they stream and reported, so one endless line (or an unclosed
 * quote) cannot fill the memory. An editorial choice, the same as the
 * measurement files' longest line.
 *
 * @category constants
 * @since 0.2.0
 */
export const maxRecordBytes = 1024 * 1024

/**
 * The most records pseudonymised together (their HMACs computed at once,
 * then written): a batch also ends after {@link maxRecordBytes} of input or
 * 4,096 HMACs.
 *
 * @category constants
 * @since 0.2.0
 */
export const batchRecords = 1024

/** The most HMACs of one batch (records of many named columns end their batch sooner). */
const batchHashes = 4096

const megabytes = (bytes: number) => `${+(bytes / 1024 / 1024).toFixed(1)} MB`

const tooLarge = (path: string, maxBytes: number): Failure =>
  failure(ExitCode.input, `${path} is over the limit of ${megabytes(maxBytes)} set with --max-size`)

const readSecret = async (io: Io, path: string): Promise<Uint8Array | Failure> => {
  const max = 1024
  try {
    const source = await io.open(path)
    const parts: Array<Uint8Array> = []
    let size = 0
    for await (const chunk of source.chunks) {
      const bytes = typeof chunk === "string" ? new TextEncoder().encode(chunk) : chunk
      size += bytes.byteLength
      if (size > max)
        return failure(
          ExitCode.input,
          `${path} is over ${max} bytes: a key file holds 32 to ${max} random bytes`
        )
      parts.push(bytes)
    }
    return concat(parts, size)
  } catch (error) {
    if (isSystemError(error)) return openFailure(path, error)
    throw error
  }
}

/**
 * One line of the file as read: its number (from 1), its text with its line
 * feed (undefined when longer than the limit), and whether it was UTF-8.
 */
interface Physical {
  readonly line: number
  readonly text: string | undefined
  readonly utf8: boolean
}

/**
 * Splits bytes into lines (at line feeds, which no UTF-8 character holds),
 * each decoded on its own so that a byte that is not UTF-8 is reported on
 * its line; a line over `max` bytes is dropped as it streams. The byte order
 * mark of the file, if any, is removed (as `TextDecoder` does).
 */
export const lineSplitter = (max: number) => {
  const strict = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true })
  const lossy = new TextDecoder("utf-8", { ignoreBOM: true })
  const encoder = new TextEncoder()
  let parts: Array<Uint8Array> = []
  let size = 0
  let long = false
  let line = 1
  const make = (): Physical => {
    let text: string | undefined
    let utf8 = true
    if (!long) {
      const bytes = parts.length === 1 ? parts[0]! : concat(parts, size)
      try {
        text = strict.decode(bytes)
      } catch {
        utf8 = false
        text = lossy.decode(bytes)
      }
      if (line === 1 && text.charCodeAt(0) === 0xfeff) text = text.slice(1)
    }
    const out = { line: line++, text, utf8 }
    parts = []
    size = 0
    long = false
    return out
  }
  return {
    *push(chunk: Uint8Array | string): Generator<Physical> {
      const bytes = typeof chunk === "string" ? encoder.encode(chunk) : chunk
      let start = 0
      for (;;) {
        const lf = bytes.indexOf(10, start)
        const end = lf === -1 ? bytes.length : lf + 1
        if (!long && end > start) {
          if (size + end - start > max) {
            long = true
            parts = []
            size = 0
          } else {
            parts.push(bytes.subarray(start, end))
            size += end - start
          }
        }
        if (lf === -1) return
        yield make()
        start = lf + 1
      }
    },
    *end(): Generator<Physical> {
      if (size > 0 || long) yield make()
    }
  }
}

const concat = (parts: ReadonlyArray<Uint8Array>, size: number): Uint8Array => {
  const all = new Uint8Array(size)
  let at = 0
  for (const p of parts) {
    all.set(p, at)
    at += p.byteLength
  }
  return all
}

/** A CSV record: the line it starts on, its fields, and whether it was over the limit (fields dropped). */
export interface CsvRecord {
  readonly line: number
  readonly fields: ReadonlyArray<string>
  readonly long: boolean
}

const QUOTE = 34
const COMMA = 44
const LF = 10
const CR = 13

/**
 * An incremental RFC 4180 reader (fields split by commas, quoted with double
 * quotes, `""` inside; a record ends at CR, LF or CRLF), fed text in pieces
 * of any size: the records are those of the whole text read at once. A
 * record over `max` characters keeps no field (it is only followed to its
 * end) and is marked `long`.
 */
export const csvReader = (max: number): CsvReader => new CsvReader(max)

/** The state of {@link csvReader}. */
export class CsvReader {
  private row: Array<string> = []
  private field = ""
  private empty = true
  private quoted = false
  private pendingQuote = false
  private pendingCR = false
  private line = 1
  private start = 0
  private length = 0
  private long = false
  constructor(private readonly max: number) {}

  private add(s: string): void {
    this.empty = false
    this.length += s.length
    if (this.long) return
    if (this.length > this.max) {
      this.long = true
      this.row = []
      this.field = ""
    } else this.field += s
  }

  private endField(): void {
    if (!this.long) this.row.push(this.field)
    this.field = ""
    this.empty = true
  }

  private endRow(out: Array<CsvRecord>): void {
    this.endField()
    out.push({ line: this.start, fields: this.long ? [] : this.row, long: this.long })
    this.row = []
    this.length = 0
    this.long = false
    this.start = 0
  }

  /** Whether the character was taken by a lookahead pending from the one before. */
  private pending(c: number): boolean {
    if (this.pendingQuote) {
      this.pendingQuote = false
      if (c === QUOTE) {
        this.add('"')
        return true
      }
      this.quoted = false
    } else if (this.pendingCR) {
      this.pendingCR = false
      if (c === LF) {
        this.line++
        return true
      }
    }
    return false
  }

  push(text: string): Array<CsvRecord> {
    const out: Array<CsvRecord> = []
    const n = text.length
    for (let i = 0; i < n; i++) {
      const c = text.charCodeAt(i)
      if (this.pending(c)) continue
      if (this.start === 0) this.start = this.line
      if (this.quoted) {
        if (c === QUOTE) this.pendingQuote = true
        else {
          // a run of ordinary characters at once
          let j = i
          while (j < n && text.charCodeAt(j) !== QUOTE) if (text.charCodeAt(j++) === LF) this.line++
          this.add(text.slice(i, j))
          i = j - 1
        }
      } else if (c === QUOTE && this.empty) this.quoted = true
      else if (c === COMMA) this.endField()
      else if (c === LF) {
        this.endRow(out)
        this.line++
      } else if (c === CR) {
        this.endRow(out)
        this.pendingCR = true
      } else {
        // this character (a quote too, inside a field), then a run of ordinary ones
        let j = i + 1
        for (let d = text.charCodeAt(j); j < n && d !== QUOTE && d !== COMMA && d !== LF && d !== CR; )
          d = text.charCodeAt(++j)
        this.add(text.slice(i, j))
        i = j - 1
      }
    }
    return out
  }

  /** The last record, or the line of a quoted field never closed. */
  end(): { readonly records: Array<CsvRecord>; readonly unclosed: number | undefined } {
    if (this.pendingQuote) {
      this.pendingQuote = false
      this.quoted = false
    }
    if (this.quoted) return { records: [], unclosed: this.start }
    const out: Array<CsvRecord> = []
    if (!this.empty || this.row.length > 0 || (this.long && this.start !== 0)) this.endRow(out)
    return { records: out, unclosed: undefined }
  }
}

/**
 * The CSV form of a field: quoted when it holds a comma, a quote or a line break.
 *
 * @category formatting
 * @since 0.2.0
 */
export const csvField = (s: string): string => (/[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s)

/** What kind of value a JSON value is, never the value itself. */
const kindOf = (v: unknown): string =>
  Array.isArray(v) ? "a list" : typeof v === "object" ? "an object" : "true or false"

/** Where the output goes: a file written all or nothing, or standard output. */
interface Output {
  readonly write: (text: string) => Promise<void>
  readonly commit: () => Promise<void>
  readonly abort: () => Promise<void>
}

const stdoutOutput = (io: Io): Output => ({
  write: async (text) => {
    io.stdout(text)
    await io.stdoutDrained?.()
  },
  commit: async () => undefined,
  abort: async () => undefined
})

/**
 * Pseudonymises the chosen columns (CSV, by header name) or top-level
 * properties (NDJSON) of a file: empty values stay empty, every other value
 * becomes `p-` and 64 hexadecimal digits. Writes to `out` (all or nothing),
 * or to standard output (as it goes, stopping before the first problem).
 * Problems are gathered with their lines, the first ones kept (see
 * `capped.ts`), and never quote the file.
 *
 * @category commands
 * @since 0.1.0
 */
export const pseudonymise = async (io: Io, options: PseudonymiseOptions): Promise<ExitCode | Failure> => {
  const secret = await readSecret(io, options.keyFile)
  if (!(secret instanceof Uint8Array)) return secret
  const made = await Pseudonym.make(secret, options.domain)
  if (Either.isLeft(made))
    return usage(
      made.left
        .map((p) => `${p.path[0] === "secret" ? options.keyFile : "--domain"}: ${p.message}`)
        .join("; "),
      "pseudonymise"
    )
  let source: Awaited<ReturnType<Io["open"]>>
  try {
    source = await io.open(options.file)
  } catch (error) {
    if (isSystemError(error)) return openFailure(options.file, error)
    throw error
  }
  const maxBytes = options.maxBytes
  if (maxBytes !== undefined && source.size !== undefined && source.size > maxBytes)
    return tooLarge(options.file, maxBytes)
  return new Run(io, options, made.right).all(source)
}

/** One run of the command: the batch being pseudonymised, the output, the problems found. */
class Run {
  private readonly path: string
  private readonly problems = locatedCollector()
  // the output, opened with the first text written (a refused header writes nothing)
  private output: Output | undefined
  // whether an error comes from the output (else from the file read)
  private writing = false
  private written = 0
  private batch: Array<() => string> = []
  private hashes: Array<Promise<void>> = []
  private batchBytes = 0
  private readonly csv: CsvReader | undefined
  private header: ReadonlyArray<string> | undefined
  private at: ReadonlyArray<number> = []
  private stop: Failure | undefined

  constructor(
    private readonly io: Io,
    private readonly options: PseudonymiseOptions,
    private readonly p: Pseudonym.Pseudonymiser
  ) {
    this.path = options.file
    this.csv = options.format === "csv" ? csvReader(maxRecordBytes) : undefined
  }

  private problem(line: number, message: string, at: ReadonlyArray<string> = []): void {
    this.problems.add({ file: `${this.path}:${line}`, problem: Problem.make("invalid-value", at, message) })
  }

  private async flush(): Promise<void> {
    if (this.batch.length === 0) return
    await Promise.all(this.hashes)
    let text = ""
    for (const render of this.batch) text += `${render()}\n`
    this.written += this.batch.length
    this.batch = []
    this.hashes = []
    this.batchBytes = 0
    this.writing = true
    if (this.output === undefined)
      this.output =
        this.options.out === undefined ? stdoutOutput(this.io) : await writerOf(this.io, this.options.out)
    await this.output.write(text)
    this.writing = false
  }

  /** Queues a record, written with its batch. */
  private async queue(render: () => string, bytes: number): Promise<void> {
    this.batch.push(render)
    this.batchBytes += bytes
    if (
      this.batch.length >= batchRecords ||
      this.batchBytes >= maxRecordBytes ||
      this.hashes.length >= batchHashes
    )
      await this.flush()
  }

  private hash(value: string, set: (pseudonym: string) => void): void {
    this.hashes.push(Pseudonym.pseudonymise(this.p, value).then(set))
  }

  private async onRecord(r: CsvRecord): Promise<void> {
    const header = this.header
    if (header === undefined) {
      this.header = r.long ? [] : r.fields
      this.stop = headerFailure(this.path, this.header, this.options.columns, r.long)
      if (this.stop !== undefined) return
      this.at = this.options.columns.map((c) => this.header!.indexOf(c))
      const line = this.header.map(csvField).join(",")
      return this.queue(() => line, line.length)
    }
    if (r.long)
      return this.problem(
        r.line,
        `a record longer than ${maxRecordBytes} characters (is a quote not closed?)`
      )
    const fields = r.fields
    // a blank line stays blank
    if (fields.length === 1 && fields[0] === "") return this.queue(() => "", 0)
    if (fields.length !== header.length)
      return this.problem(
        r.line,
        `${fields.length} fields where the header has ${header.length}: a value holding a comma must be quoted, or an identifier would land in another column`
      )
    if (this.problems.total() > 0) return
    const copy = [...fields]
    let size = 0
    for (const f of fields) size += f.length + 1
    for (const i of this.at)
      if (copy[i] !== "")
        this.hash(copy[i]!, (h) => {
          copy[i] = h
        })
    await this.queue(() => copy.map(csvField).join(","), size)
  }

  private async onCsvLine(l: Physical, csv: CsvReader): Promise<void> {
    if (l.text === undefined) {
      this.stop = failure(
        ExitCode.input,
        `${this.path}:${l.line}: a line longer than ${maxRecordBytes} bytes: is it a CSV file? (nothing was written)`
      )
      return
    }
    for (const r of csv.push(l.text)) {
      await this.onRecord(r)
      if (this.stop !== undefined) return
    }
  }

  private async onNdjsonLine(l: Physical): Promise<void> {
    if (l.text === undefined)
      return this.problem(l.line, `longer than ${maxRecordBytes} bytes: each line holds one JSON object`)
    if (!l.utf8) return
    let text = l.text
    if (text.endsWith("\n")) text = text.slice(0, -1)
    if (text.endsWith("\r")) text = text.slice(0, -1)
    if (text.trim() === "") return
    let record: unknown
    try {
      record = JSON.parse(text)
    } catch {
      return this.problem(l.line, "not valid JSON (each line holds one JSON object)")
    }
    if (typeof record !== "object" || record === null || Array.isArray(record))
      return this.problem(l.line, "expected a JSON object")
    const r = record as Record<string, unknown>
    const named = this.options.columns.filter((c) => Object.hasOwn(r, c) && r[c] !== null && r[c] !== "")
    for (const c of named)
      if (typeof r[c] !== "string" && typeof r[c] !== "number")
        this.problem(l.line, `expected a text or a number (an identifier), got ${kindOf(r[c])}`, [c])
    if (this.problems.total() > 0) return
    for (const c of named)
      this.hash(String(r[c]), (h) => {
        r[c] = h
      })
    await this.queue(() => JSON.stringify(r), text.length)
  }

  private async onLine(l: Physical): Promise<void> {
    const before = this.problems.total()
    if (!l.utf8) this.problem(l.line, "not UTF-8 text: save the file as UTF-8")
    if (this.csv !== undefined) await this.onCsvLine(l, this.csv)
    else await this.onNdjsonLine(l)
    if (before === 0 && this.problems.total() > 0) {
      // standard output gets the records before the first problem, and nothing after it;
      // an output file gets nothing
      if (this.options.out === undefined) await this.flush()
      else this.batch = []
    }
  }

  /** Reads the whole file: a failure, or the lines' problems gathered. */
  private async read(source: Awaited<ReturnType<Io["open"]>>): Promise<Failure | undefined> {
    const splitter = lineSplitter(maxRecordBytes)
    const maxBytes = this.options.maxBytes
    let bytes = 0
    for await (const chunk of source.chunks) {
      bytes += typeof chunk === "string" ? Buffer.byteLength(chunk) : chunk.byteLength
      if (maxBytes !== undefined && bytes > maxBytes) return tooLarge(this.path, maxBytes)
      for (const l of splitter.push(chunk)) {
        await this.onLine(l)
        if (this.stop !== undefined) return this.stop
      }
    }
    for (const l of splitter.end()) {
      await this.onLine(l)
      if (this.stop !== undefined) return this.stop
    }
    if (this.csv !== undefined) {
      const last = this.csv.end()
      if (last.unclosed !== undefined)
        this.problem(last.unclosed, "a quoted field is not closed: the record runs to the end of the file")
      for (const r of last.records) await this.onRecord(r)
      if (this.stop !== undefined) return this.stop
      if (this.header === undefined) return headerFailure(this.path, [], this.options.columns, false)
    }
    const found = this.problems.result()
    if (found.total === 0) return undefined
    for (const line of problemLines(found.kept, maxPrintedProblems, found)) this.io.stderr(`${line}\n`)
    return failure(
      ExitCode.input,
      this.options.out === undefined
        ? `${this.path} has problems: fix them first (standard output stops before the first one)`
        : `${this.path} has problems: fix them first (nothing was written to ${this.options.out})`
    )
  }

  /** Reads, pseudonymises and writes the whole file; the output file appears only when all went well. */
  async all(source: Awaited<ReturnType<Io["open"]>>): Promise<ExitCode | Failure> {
    const { out, domain } = this.options
    let done = false
    try {
      const failed = await this.read(source)
      if (failed !== undefined) return failed
      await this.flush()
      if (out !== undefined) {
        this.writing = true
        // an empty file is still a file: open the output if nothing was written to it
        if (this.output === undefined) this.output = await writerOf(this.io, out)
        await this.output.commit()
        this.io.stderr(`${this.written} lines written to ${out} (domain ${domain})\n`)
      }
      done = true
      return ExitCode.ok
    } catch (error) {
      if (!isSystemError(error)) throw error
      const code = (error as { code: string }).code
      return this.writing
        ? failure(
            ExitCode.input,
            `cannot write ${out ?? "standard output"} (${code}): check that its folder can be created and written, and has room`
          )
        : openFailure(this.path, error)
    } finally {
      if (!done) await this.output?.abort().catch(() => undefined)
    }
  }
}

/** Why a CSV header cannot be used, if it cannot: a named column missing, or named twice. */
const headerFailure = (
  path: string,
  header: ReadonlyArray<string>,
  columns: ReadonlyArray<string>,
  long: boolean
): Failure | undefined => {
  if (long) return failure(ExitCode.input, `${path}: the header is longer than ${maxRecordBytes} bytes`)
  const missing = columns.filter((c) => !header.includes(c))
  if (missing.length > 0)
    return failure(
      ExitCode.input,
      `${path} has no column ${missing.join(", ")}: its columns are ${header.join(", ")}`
    )
  const twice = columns.filter((c) => header.indexOf(c) !== header.lastIndexOf(c))
  if (twice.length > 0)
    return failure(
      ExitCode.input,
      `${path} names the column ${twice.join(", ")} more than once in its header: rename the copies, or one of them would keep its identifiers`
    )
  return undefined
}
