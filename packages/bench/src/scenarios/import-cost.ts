/**
 * Import cost of `@welfare/core` (built dist) in a fresh process, beside the
 * deep effect modules it uses and the `effect` barrel it avoids. Issue 19's
 * target: the in-process import time of `@welfare/core` is at most 1.2 times
 * that of `effect/Schema` alone (the process start, the same for both, is left
 * out). The deep import `@welfare/core/Assessment` loads the same one-file
 * Node build, so it costs the same.
 */
import { spawnSync } from "node:child_process"
import { existsSync } from "node:fs"
import { createRequire } from "node:module"
import { dirname, join } from "node:path"
import { fileURLToPath } from "node:url"
import type { Scenario } from "../harness.js"

const benchDir = join(dirname(fileURLToPath(import.meta.url)), "../..")
const inProcess = new Map<string, Array<number>>()

/** Spawns a fresh node that imports `specifiers` and prints the in-process import time. */
const importIn = (label: string, specifiers: ReadonlyArray<string>) => (): number => {
  const code = `const t0 = performance.now(); ${specifiers.map((s) => `await import(${JSON.stringify(s)});`).join(" ")} console.log(performance.now() - t0)`
  const r = spawnSync(process.execPath, ["--input-type=module", "-e", code], {
    cwd: benchDir,
    encoding: "utf8"
  })
  if (r.status !== 0) throw new Error(`${label}: ${r.stderr.split("\n").slice(0, 3).join(" ")}`)
  const ms = Number(r.stdout.trim())
  inProcess.set(label, [...(inProcess.get(label) ?? []), ms])
  return ms
}

const median = (xs: ReadonlyArray<number>): number =>
  [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN

const ratio = (): number =>
  median(inProcess.get("@welfare/core") ?? []) / median(inProcess.get("effect/Schema") ?? [])

export const scenario: Scenario<void> = {
  id: "import-cost",
  title: "Import cost of @welfare/core in a fresh process (built dist)",
  target: "in-process import of @welfare/core <= 1.2x effect/Schema alone (issue 19)",
  meets: () => ratio() <= 1.2,
  sizes: "one fresh node process per run",
  runs: 5,
  prepare: () => {
    const require = createRequire(join(benchDir, "package.json"))
    const main = require.resolve("@welfare/core")
    if (!existsSync(main))
      throw new Error(`${main} is missing: run pnpm build (turbo builds it before bench)`)
  },
  workloads: [
    { name: "ours: node + import @welfare/core", run: importIn("@welfare/core", ["@welfare/core"]) },
    { name: "node + import effect/Schema alone", run: importIn("effect/Schema", ["effect/Schema"]) },
    {
      name: "node + import effect/Schema, effect/Either",
      run: importIn("effect deep", ["effect/Schema", "effect/Either"])
    },
    { name: "node + import effect (barrel)", run: importIn("effect barrel", ["effect"]) },
    { name: "node + import zod", run: importIn("zod", ["zod"]) },
    { name: "node alone (empty script)", run: importIn("nothing", []) }
  ],
  notes: () => [
    ...[...inProcess.entries()].map(
      ([label, xs]) =>
        `in-process import time of ${label}: ${median(xs).toFixed(0)} ms (median of ${xs.length}, warm-up included)`
    ),
    `in-process ratio @welfare/core / effect/Schema alone: ${ratio().toFixed(2)}x (target <= 1.2x)`
  ]
}
