import { spawn } from "node:child_process"

/**
 * Runs a process without blocking the test worker (a blocking spawnSync of a minute or more
 * starves vitest's own messages on a busy machine and ends the run with a timeout error).
 */
export const spawnAsync = (command: string, args: ReadonlyArray<string>, cwd?: string) =>
  new Promise<{ readonly status: number | null; readonly stdout: string; readonly stderr: string }>(
    (resolve) => {
      const child = spawn(command, args, { cwd, stdio: ["ignore", "pipe", "pipe"] })
      const out: Array<Buffer> = []
      const err: Array<Buffer> = []
      child.stdout.on("data", (b: Buffer) => out.push(b))
      child.stderr.on("data", (b: Buffer) => err.push(b))
      child.on("error", (e) => resolve({ status: -1, stdout: "", stderr: String(e) }))
      child.on("close", (status) =>
        resolve({
          status,
          stdout: Buffer.concat(out).toString("utf8"),
          stderr: Buffer.concat(err).toString("utf8")
        })
      )
    }
  )
