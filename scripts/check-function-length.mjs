#!/usr/bin/env node
// No function over about 80 lines (issue 15, "No giant files"): lists every
// function, method or arrow function of packages/*/src (tests aside) longer
// than the limit, and fails when there is one. A data table written as a
// function (a catalogue literal returned by a thunk) is allowed by a comment
// `// table: <why>` just above it (or above the statement that declares it).
// Run by the root `lint` script; `--list [n]` prints every function over n
// lines (default the limit) without failing.
//
// The functions over the limit when the check was written are listed in
// scripts/function-length-baseline.json with their length: a ratchet. Such a
// function may shrink, never grow; a new one fails; once it is split under the
// limit its entry must go (`--write-baseline` rewrites the file from the tree,
// to be used only when splitting, never to let a function grow).
import { existsSync, readFileSync, writeFileSync } from "node:fs"
import { join, relative } from "node:path"
import ts from "typescript"
import { packageSources } from "./sources.mjs"

/** The limit, in lines (the function's first line to its last, both counted). */
export const limit = 80

const root = join(import.meta.dirname, "..")
const args = process.argv.slice(2)
const listing = args[0] === "--list"
const writing = args[0] === "--write-baseline"
const baselinePath = join(root, "scripts", "function-length-baseline.json")
const threshold = listing && args[1] !== undefined ? Number(args[1]) : limit

const files = packageSources(root, {
  skipDirs: ["node_modules", "testing"],
  file: (name) => /\.tsx?$/.test(name) && !/\.(test|spec|bench)\.tsx?$/.test(name) && !name.endsWith(".d.ts")
}).flatMap((p) => p.files)

const nameOf = (node) => {
  if (node.name && ts.isIdentifier(node.name)) return node.name.text
  if (node.name && ts.isStringLiteral(node.name)) return node.name.text
  const parent = node.parent
  if (parent && ts.isVariableDeclaration(parent) && ts.isIdentifier(parent.name)) return parent.name.text
  if (parent && ts.isPropertyAssignment(parent) && ts.isIdentifier(parent.name)) return parent.name.text
  if (parent && ts.isCallExpression(parent)) {
    const callee = parent.expression.getText()
    const holder =
      parent.parent && ts.isVariableDeclaration(parent.parent) ? parent.parent.name.getText() : undefined
    return holder ? `${holder} (${callee} callback)` : `(${callee} callback)`
  }
  return "(anonymous)"
}

// A `// table:` comment in the leading comments of the node or of the statement that holds it.
const isTable = (node, text) => {
  for (let at = node; at && !ts.isSourceFile(at); at = at.parent) {
    const ranges = ts.getLeadingCommentRanges(text, at.getFullStart()) ?? []
    if (ranges.some((r) => /^\/\/\s*table:/m.test(text.slice(r.pos, r.end)))) return true
    if (ts.isStatement(at) || ts.isClassElement(at) || ts.isPropertyAssignment(at)) break
  }
  return false
}

const found = []
for (const file of files) {
  const text = readFileSync(file, "utf8")
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true)
  const visit = (node) => {
    if (ts.isFunctionLike(node) && "body" in node && node.body) {
      const start = source.getLineAndCharacterOfPosition(node.getStart(source)).line
      const end = source.getLineAndCharacterOfPosition(node.getEnd()).line
      const lines = end - start + 1
      if (lines > threshold && (listing || !isTable(node, text)))
        found.push({
          file: relative(root, file),
          line: start + 1,
          name: nameOf(node),
          lines,
          table: isTable(node, text)
        })
    }
    ts.forEachChild(node, visit)
  }
  visit(source)
}

// A function's key: its file and name, numbered when a file has several of that name.
const occurrences = new Map()
for (const f of [...found].sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line)) {
  const key = `${f.file} ${f.name}`
  const n = (occurrences.get(key) ?? 0) + 1
  occurrences.set(key, n)
  f.key = n === 1 ? key : `${key} #${n}`
}
found.sort((a, b) => b.lines - a.lines)

if (listing) {
  for (const f of found)
    console.log(`${f.file}:${f.line} ${f.name} ${f.lines} lines${f.table ? " (table)" : ""}`)
  process.exit(0)
}
if (writing) {
  const entries = Object.fromEntries(
    [...found].sort((a, b) => a.key.localeCompare(b.key)).map((f) => [f.key, f.lines])
  )
  writeFileSync(baselinePath, `${JSON.stringify(entries, null, 2)}\n`)
  console.log(`${found.length} function(s) over ${limit} lines written to ${relative(root, baselinePath)}`)
  process.exit(0)
}

const baseline = existsSync(baselinePath) ? JSON.parse(readFileSync(baselinePath, "utf8")) : {}
const errors = []
for (const f of found) {
  const allowed = baseline[f.key]
  if (allowed === undefined)
    errors.push(
      `${f.file}:${f.line} ${f.name} is ${f.lines} lines (limit ${limit}): split it into named helpers by concern, or mark a data table with \`// table: <why>\``
    )
  else if (f.lines > allowed)
    errors.push(
      `${f.file}:${f.line} ${f.name} grew to ${f.lines} lines (${allowed} in the baseline, limit ${limit}): split it rather than grow it`
    )
}
const present = new Set(found.map((f) => f.key))
for (const key of Object.keys(baseline))
  if (!present.has(key))
    errors.push(
      `${key} is no longer over ${limit} lines (or was renamed): remove its entry from ${relative(root, baselinePath)}`
    )
for (const e of errors) console.error(e)
if (errors.length > 0) process.exit(1)
console.log(
  `functions: none over ${limit} lines but the ${found.length} of the baseline (${relative(root, baselinePath)})`
)
