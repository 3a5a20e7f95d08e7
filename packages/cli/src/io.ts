/**
 * What the command needs from the world: output writers, a file reader and a
 * file writer. {@link nodeIo} is the real one; tests pass their own.
 *
 * @since 0.1.0
 */
import { randomBytes } from "node:crypto"
import { createReadStream } from "node:fs"
import { mkdir, open, rename, stat, unlink, writeFile } from "node:fs/promises"
import { basename, dirname, join } from "node:path"

/**
 * A file opened for reading: its size when known, and its content in chunks.
 *
 * @category models
 * @since 0.1.0
 */
export interface Source {
  /** The size in bytes, when known (undefined for standard input). */
  readonly size: number | undefined
  /** The content, chunk by chunk; stopping the iteration closes the file. */
  readonly chunks: AsyncIterable<Uint8Array | string>
}

/**
 * A file being written piece by piece: nothing is at its path until
 * {@link Writer.commit}, and {@link Writer.abort} leaves the path as it was.
 *
 * @category models
 * @since 0.2.0
 */
export interface Writer {
  /** Appends a text; resolves when it has been handed to the system (so memory stays bounded). */
  readonly write: (text: string) => Promise<void>
  /** Finishes the file: it appears whole at its path, replacing any file there. */
  readonly commit: () => Promise<void>
  /** Gives up: what was written is deleted, and the path is left as it was. */
  readonly abort: () => Promise<void>
}

/**
 * The input and output of one run of the command.
 *
 * @category models
 * @since 0.1.0
 */
export interface Io {
  /** Writes to standard output. */
  readonly stdout: (text: string) => void
  /** Writes to standard error. */
  readonly stderr: (text: string) => void
  /** Whether standard error is a terminal: progress is shown only then. */
  readonly stderrIsTTY?: boolean
  /**
   * Whether standard output is a terminal. When it is `false` (a file or a
   * pipe), what a command prints there is written exactly, as `--out` writes
   * a file; when it is a terminal, or unknown, control characters are
   * escaped (see `terminalSafe`).
   */
  readonly stdoutIsTTY?: boolean
  /**
   * Opens a file (`-` is standard input). Rejects with an error whose `code`
   * is a Node error code (`ENOENT`, `EACCES`, `EISDIR`, ...) when it cannot.
   */
  readonly open: (path: string) => Promise<Source>
  /**
   * The path of a regular file on disk that other threads may read, or
   * undefined (standard input, a file that is not on disk): large NDJSON
   * files on disk are read across worker threads.
   */
  readonly file?: (path: string) => Promise<string | undefined>
  /** Writes a text file, creating its folder when missing. */
  readonly writeFile: (path: string, text: string) => Promise<void>
  /**
   * Opens a file to write piece by piece (creating its folder when missing),
   * all or nothing: see {@link Writer}. When absent, the pieces are kept and
   * written with `writeFile` at the end.
   */
  readonly openWriter?: (path: string) => Promise<Writer>
  /**
   * Resolves once standard output has taken what was written to it, so that a
   * command writing much waits for a slow reader instead of buffering.
   */
  readonly stdoutDrained?: () => Promise<void>
  /** Environment variables (only `WELFARE_DEBUG` is read). */
  readonly env?: Readonly<Record<string, string | undefined>>
}

const chunkSize = 1 << 20

/** The most folders `--out` creates: more is a mistyped path, not a report's place. */
const maxNewFolders = 32

/**
 * Creates a folder and its missing parents one by one, a bounded number of
 * them: `mkdir(..., { recursive: true })` spins forever on some paths under
 * `/proc` (issue 14), where each step fails, so every step is checked here.
 */
const makeFolder = async (folder: string): Promise<void> => {
  const missing: Array<string> = []
  let current = folder
  for (;;) {
    try {
      const info = await stat(current)
      if (!info.isDirectory()) throw Object.assign(new Error("not a folder"), { code: "ENOTDIR" })
      break
    } catch (error) {
      if ((error as { code?: unknown }).code !== "ENOENT") throw error
    }
    missing.push(current)
    const parent = dirname(current)
    if (parent === current || missing.length > maxNewFolders)
      throw Object.assign(new Error("too many missing folders"), { code: "ENOENT" })
    current = parent
  }
  for (const f of missing.reverse()) {
    try {
      await mkdir(f)
    } catch (error) {
      if ((error as { code?: unknown }).code !== "EEXIST") throw error
    }
  }
}

/**
 * The io of a Node process: `process.stdout`, `process.stderr`, the file system.
 *
 * @category constructors
 * @since 0.1.0
 */
export const nodeIo = (): Io => ({
  stdout: (text) => {
    process.stdout.write(text)
  },
  stderr: (text) => {
    process.stderr.write(text)
  },
  stderrIsTTY: process.stderr.isTTY === true,
  stdoutIsTTY: process.stdout.isTTY === true,
  open: async (path) => {
    if (path === "-") return { size: undefined, chunks: process.stdin }
    const info = await stat(path)
    if (info.isDirectory()) throw Object.assign(new Error("is a directory"), { code: "EISDIR" })
    // A pipe, device or socket may never end (`welfare validate FIFO` blocked forever, issue 14):
    // only regular files are read, and standard input as `-`.
    if (!info.isFile()) throw Object.assign(new Error("not a regular file"), { code: "ENOTREG" })
    return {
      size: info.size,
      // Opened on first read only: a file refused by its size is never opened (no stray fd, no late error).
      chunks: (async function* () {
        yield* createReadStream(path, { highWaterMark: chunkSize })
      })()
    }
  },
  file: async (path) => {
    if (path === "-") return undefined
    try {
      return (await stat(path)).isFile() ? path : undefined
    } catch {
      return undefined
    }
  },
  writeFile: async (path, text) => {
    await makeFolder(dirname(path))
    await writeFile(path, text, "utf8")
  },
  openWriter: async (path) => {
    await makeFolder(dirname(path))
    // a hidden temporary file beside the target (the same file system, so the rename is atomic)
    const temporary = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString("hex")}.tmp`)
    const handle = await open(temporary, "wx")
    let closed = false
    const close = async () => {
      if (closed) return
      closed = true
      await handle.close()
    }
    return {
      write: async (text) => {
        await handle.writeFile(text, "utf8")
      },
      commit: async () => {
        await close()
        await rename(temporary, path)
      },
      abort: async () => {
        await close().catch(() => undefined)
        await unlink(temporary).catch(() => undefined)
      }
    }
  },
  stdoutDrained: () =>
    process.stdout.writableNeedDrain
      ? new Promise<void>((resolve) => {
          const done = () => {
            process.stdout.off("drain", done)
            process.stdout.off("close", done)
            process.stdout.off("error", done)
            resolve()
          }
          process.stdout.once("drain", done)
          process.stdout.once("close", done)
          process.stdout.once("error", done)
        })
      : Promise.resolve(),
  env: process.env
})

/**
 * A writer for an io without {@link Io.openWriter} (a test's): the pieces are
 * kept and handed to `writeFile` on commit.
 *
 * @category constructors
 * @since 0.2.0
 */
export const writerOf = async (io: Io, path: string): Promise<Writer> => {
  if (io.openWriter !== undefined) return io.openWriter(path)
  const pieces: Array<string> = []
  return {
    write: async (text) => void pieces.push(text),
    commit: () => io.writeFile(path, pieces.join("")),
    abort: async () => {
      pieces.length = 0
    }
  }
}
