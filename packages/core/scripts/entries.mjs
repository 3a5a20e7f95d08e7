// The public modules of @welfare/core, one deep-import entry point each
// (`@welfare/core/Assessment`): every `src/<Module>.ts` that is not a test.
// Each has a `browser` condition (the split ES modules of dist/browser/) before
// `import` and `require` (the one-file Node build): see tsup.config.ts.
// tsup.config.ts builds one entry per module from this list, and
// `node scripts/entries.mjs --write` writes the matching `exports` subpaths
// into package.json (`--check` fails when they differ; src/entries.test.ts
// runs the same check), so a new module gets its entry point by itself.
import { readdirSync, readFileSync, writeFileSync } from "node:fs"
import { dirname, join } from "node:path"
import { fileURLToPath } from "node:url"

const pkgDir = join(dirname(fileURLToPath(import.meta.url)), "..")

/** The public module names, sorted: `src/<Name>.ts`, capitalised, not a test. */
export const modules = () =>
  readdirSync(join(pkgDir, "src"))
    .filter((f) => /^[A-Z][A-Za-z0-9]*\.ts$/.test(f))
    .map((f) => f.slice(0, -3))
    .sort()

const entry = (source, out) => ({
  "@welfare/source": `./src/${source}.ts`,
  browser: { types: `./dist/${out}.d.ts`, default: `./dist/browser/${out}.js` },
  import: { types: `./dist/${out}.d.ts`, default: `./dist/${out}.js` },
  require: { types: `./dist/${out}.d.cts`, default: `./dist/${out}.cjs` }
})

/** The `exports` field package.json must have. */
export const exportsField = () => {
  const out = {
    ".": entry("index", "index"),
    "./testing": entry("testing/index", "testing/index"),
    // the kernel that imports no effect (issue 15): its own file in both builds
    "./kernel": entry("kernel", "kernel")
  }
  for (const m of modules()) out[`./${m}`] = entry(m, m)
  out["./schemas/*.json"] = "./schemas/*.json"
  out["./package.json"] = "./package.json"
  out["./internal/*"] = null
  return out
}

const pkgPath = join(pkgDir, "package.json")

/** The difference between package.json's `exports` and the generated one, or "" when equal. */
export const exportsDrift = () => {
  const pkg = JSON.parse(readFileSync(pkgPath, "utf8"))
  const want = JSON.stringify(exportsField(), null, 2)
  const have = JSON.stringify(pkg.exports, null, 2)
  return want === have
    ? ""
    : "package.json's exports differ from the public modules of src/: run node packages/core/scripts/entries.mjs --write"
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  if (process.argv.includes("--write")) {
    const pkg = JSON.parse(readFileSync(pkgPath, "utf8"))
    pkg.exports = exportsField()
    writeFileSync(pkgPath, `${JSON.stringify(pkg, null, 2)}\n`)
    console.log(`package.json: ${modules().length} deep-import entry points`)
  } else {
    const drift = exportsDrift()
    if (drift !== "") {
      console.error(drift)
      process.exit(1)
    }
    console.log(`package.json: ${modules().length} deep-import entry points, in sync`)
  }
}
