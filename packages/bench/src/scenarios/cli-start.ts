/**
 * Cold start of the CLI: `node packages/cli/dist/bin.js --help` in a fresh
 * process (built first). Issue 9: < 0.5 s.
 */
import { spawnSync } from "node:child_process"
import { existsSync } from "node:fs"
import { dirname, join } from "node:path"
import { fileURLToPath } from "node:url"
import { byName, type Scenario } from "../harness.js"

const repo = join(dirname(fileURLToPath(import.meta.url)), "../../../..")
const bin = join(repo, "packages/cli/dist/bin.js")

const spawn = (args: ReadonlyArray<string>) => (): number => {
  const r = spawnSync(process.execPath, [...args], { cwd: repo, encoding: "utf8" })
  if (r.status !== 0)
    throw new Error(`node ${args.join(" ")} exited with ${r.status}: ${r.stderr.slice(0, 300)}`)
  return r.stdout.length
}

export const scenario: Scenario<void> = {
  id: "cli-start",
  title: "welfare --help cold start (fresh process, built CLI)",
  target: "< 0.5 s",
  sizes: "one fresh node process per run",
  prepare: () => {
    if (!existsSync(bin)) throw new Error(`${bin} is missing: run pnpm build (turbo builds it before bench)`)
  },
  workloads: [
    { name: "ours: node packages/cli/dist/bin.js --help", run: spawn([bin, "--help"]) },
    { name: "node alone (empty script)", run: spawn(["-e", ""]) }
  ],
  meets: (results) => byName(results, "ours: node packages/cli/dist/bin.js --help").medianMs < 500,
  notes: (results) => {
    const ours = byName(results, "ours: node packages/cli/dist/bin.js --help").medianMs
    const node = byName(results, "node alone (empty script)").medianMs
    return [
      `welfare --help: ${ours.toFixed(0)} ms, of which node itself ${node.toFixed(0)} ms (target < 500 ms)`
    ]
  }
}
