#!/usr/bin/env node
// One closed list of TypeDoc @category values for every package (issue 15): a
// reader who learnt one module finds the same sections in all. Run by the root
// `lint` script; `--fix` rewrites the known near-duplicates to their canonical
// name. A new category is added here, with its meaning, on purpose.
import { readFileSync, writeFileSync } from "node:fs"
import { join } from "node:path"
import { packageSources } from "./sources.mjs"

/** The categories, and what belongs in each. */
export const categories = {
  models: "types and schemas of the data",
  constants: "fixed values and tables",
  symbols: "type ids and brands",
  constructors: "functions that make a value of the module's type",
  conversions: "functions that turn one representation into another",
  arbitraries: "fast-check generators and fixtures",
  decoding: "reading and decoding untrusted input",
  encoding: "writing and exporting to a format",
  validation: "checks that return problems or diagnostics",
  predicates: "functions returning a boolean (guards included)",
  getters: "functions that read a part of a value",
  combinators: "functions that transform or combine values of the same type",
  calculators: "functions that compute a reading (metrics, assessments, progress, indicators)",
  labels: "bilingual labels",
  formatting: "text for people (messages, help, text alternatives)",
  rendering: "report documents, tables, charts and displays",
  events: "event types and event constructors of a lifecycle",
  commands: "CLI commands and the programmatic run",
  engines: "SQL engines and their queries",
  io: "files and streams (Node only)",
  errors: "error types"
}

/** Near-duplicates found in the code, and their canonical category. */
export const aliases = {
  guards: "predicates",
  eligibility: "predicates",
  checking: "validation",
  parsing: "decoding",
  reading: "decoding",
  imports: "decoding",
  writing: "encoding",
  exports: "encoding",
  formats: "encoding",
  fixtures: "arbitraries",
  metrics: "calculators",
  indicators: "calculators",
  assessment: "calculators",
  evaluation: "calculators",
  classification: "calculators",
  recommendation: "calculators",
  progress: "calculators",
  observation: "calculators",
  derivation: "calculators",
  sustainability: "calculators",
  accountability: "calculators",
  analysis: "calculators",
  tracing: "calculators",
  pseudonymisation: "calculators",
  comparison: "calculators",
  comparing: "calculators",
  folding: "calculators",
  "text alternatives": "formatting",
  help: "formatting",
  display: "rendering",
  charts: "rendering",
  tables: "rendering",
  specifications: "rendering",
  adapters: "rendering",
  sql: "engines",
  running: "commands",
  privacy: "validation"
}

const root = join(import.meta.dirname, "..")
const files = packageSources(root, {
  skipDirs: ["node_modules", "dist"],
  file: (name) => name.endsWith(".ts") && !name.endsWith(".test.ts")
}).flatMap((p) => p.files)

const fix = process.argv.includes("--fix")
const wrong = []
for (const file of files) {
  const text = readFileSync(file, "utf8")
  let changed = false
  const out = text.replace(/@category ([^\n*]+?)\s*$/gm, (whole, name) => {
    if (Object.hasOwn(categories, name)) return whole
    if (fix && Object.hasOwn(aliases, name)) {
      changed = true
      return `@category ${aliases[name]}`
    }
    const line = text.slice(0, text.indexOf(whole)).split("\n").length
    wrong.push(
      `${file.slice(root.length + 1)}:${line}: @category ${name}${Object.hasOwn(aliases, name) ? ` (use ${aliases[name]}; --fix rewrites it)` : ""}`
    )
    return whole
  })
  if (changed) writeFileSync(file, out)
}
if (wrong.length > 0) {
  console.error(`${wrong.length} @category value(s) outside the closed list of scripts/check-categories.mjs:`)
  for (const w of wrong.slice(0, 50)) console.error(`  ${w}`)
  process.exit(1)
}
console.log(
  `@category: ${files.length} files, every value in the closed list of ${Object.keys(categories).length}`
)
