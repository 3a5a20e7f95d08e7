import { spawn } from "node:child_process"
import { existsSync } from "node:fs"
import { join } from "node:path"

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

/**
 * Builds, each with its own tsup, the packages whose built entry is missing
 * (a memory test measures the built CLI, so it is never skipped): a failed
 * build throws, and so does a build that did not write `bin`.
 */
export const buildIfMissing = async (
  root: string,
  names: ReadonlyArray<string>,
  bin: string
): Promise<void> => {
  for (const name of names) {
    const dir = join(root, "packages", name)
    if (existsSync(join(dir, "dist", name === "cli" ? "bin.js" : "index.js"))) continue
    const r = await spawnAsync(join(dir, "node_modules", ".bin", "tsup"), [], dir)
    if (r.status !== 0)
      throw new Error(`could not build @welfare/${name} for the memory test:\n${r.stdout}\n${r.stderr}`)
  }
  if (!existsSync(bin)) throw new Error(`the build did not write ${bin}`)
}
