import type { Io, Source } from "../src/index.js"

/** An in-memory io: files as texts (or sources), outputs captured. */
export const memoryIo = (
  files: Readonly<Record<string, string | Source>> = {},
  options: {
    readonly stderrIsTTY?: boolean
    readonly stdoutIsTTY?: boolean
    readonly stdout?: (text: string) => void
  } = {}
) => {
  const out: Array<string> = []
  const err: Array<string> = []
  const written = new Map<string, string>()
  const io: Io = {
    stdout: options.stdout ?? ((text) => void out.push(text)),
    stderr: (text) => void err.push(text),
    stderrIsTTY: options.stderrIsTTY ?? false,
    ...(options.stdoutIsTTY === undefined ? {} : { stdoutIsTTY: options.stdoutIsTTY }),
    open: async (path) => {
      const file = files[path]
      if (file === undefined) throw Object.assign(new Error("not found"), { code: "ENOENT" })
      if (typeof file !== "string") return file
      const bytes = new TextEncoder().encode(file)
      return {
        size: bytes.byteLength,
        chunks: (async function* () {
          yield bytes
        })()
      }
    },
    writeFile: async (path, text) => void written.set(path, text),
    env: {}
  }
  return {
    io,
    stdout: () => out.join(""),
    stderr: () => err.join(""),
    written
  }
}
