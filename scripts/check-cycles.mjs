#!/usr/bin/env node
/**
 * Fails when a package's source has an import cycle: the layering a reader
 * relies on (public modules over `internal/`, nothing importing back up at
 * run time). Only imports that survive compilation count: `import type` and
 * `{ type A, type B }` lists are erased by TypeScript, so they never make a
 * cycle at run time. Tests and the `testing` folders are left out.
 *
 * Usage: node scripts/check-cycles.mjs (from the repository root).
 */
import { existsSync, readFileSync } from "node:fs"
import { dirname, join, normalize, relative } from "node:path"
import { packageSources } from "./sources.mjs"

// `import ... from "./x.js"` or `export ... from "./x.js"`, one statement (never past the next one)
const statement = /^(import|export)\s+(?!type\s)((?:(?!\n(?:import|export)\b)[^;])*?)\s+from\s+"(\.[^"]+)"/gm

const onlyTypes = (body) => {
  const list = body.trim()
  if (!/^\{[^}]*\}$/.test(list)) return false
  const names = list
    .slice(1, -1)
    .split(",")
    .map((n) => n.trim())
    .filter((n) => n !== "")
  return names.length > 0 && names.every((n) => n.startsWith("type "))
}

const graphOf = (files) => {
  const graph = new Map()
  for (const file of files) {
    const text = readFileSync(file, "utf8")
    const deps = []
    for (const m of text.matchAll(statement)) {
      if (onlyTypes(m[2])) continue
      const target = normalize(join(dirname(file), m[3].replace(/\.js$/, ".ts")))
      if (existsSync(target)) deps.push(target)
    }
    graph.set(normalize(file), deps)
  }
  return graph
}

const cyclesOf = (graph) => {
  const state = new Map()
  const stack = []
  const found = []
  const visit = (u) => {
    state.set(u, "open")
    stack.push(u)
    for (const v of graph.get(u) ?? []) {
      if (state.get(v) === "open") found.push(stack.slice(stack.indexOf(v)))
      else if (!state.has(v)) visit(v)
    }
    stack.pop()
    state.set(u, "done")
  }
  for (const u of graph.keys()) if (!state.has(u)) visit(u)
  return found
}

let failures = 0
const packages = packageSources(".", {
  skipDirs: ["node_modules", "testing"],
  file: (name) => name.endsWith(".ts") && !name.endsWith(".test.ts") && !name.endsWith(".d.ts")
})
for (const { name, src, files } of packages) {
  for (const cycle of cyclesOf(graphOf(files))) {
    failures++
    console.error(
      `import cycle in @welfare/${name}: ${[...cycle, cycle[0]].map((f) => relative(src, f)).join(" -> ")}`
    )
  }
}
if (failures > 0) {
  console.error(`${failures} import cycle(s): move what both sides need into a module of its own`)
  process.exit(1)
}
console.log("no import cycle in any package's source")
