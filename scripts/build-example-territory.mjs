// Builds examples/territories/legnano.json, the example territory document, from
// legnano.base.json (name, municipalities, actors) and the section fragments
// legnano.<section>.json written beside it by each module's examples.
// Usage: node scripts/build-example-territory.mjs [--check]
import { readdirSync, readFileSync, writeFileSync } from "node:fs"
import { join } from "node:path"

const dir = new URL("../examples/territories/", import.meta.url).pathname
const read = (name) => JSON.parse(readFileSync(join(dir, name), "utf8"))

export const build = () => {
  const document = read("legnano.base.json")
  const fragments = readdirSync(dir)
    .filter((f) => /^legnano\.[a-z-]+\.json$/.test(f) && f !== "legnano.base.json")
    .sort()
  for (const fragment of fragments) {
    for (const [key, value] of Object.entries(read(fragment))) {
      if (key in document) throw new Error(`${fragment}: the section "${key}" is already set by another file`)
      document[key] = value
    }
  }
  return `${JSON.stringify(document, null, 2)}\n`
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const text = build()
  const target = join(dir, "legnano.json")
  if (process.argv.includes("--check")) {
    if (readFileSync(target, "utf8") !== text) {
      console.error(
        "examples/territories/legnano.json is out of date: run node scripts/build-example-territory.mjs"
      )
      process.exit(1)
    }
  } else {
    writeFileSync(target, text)
    console.log(`wrote ${target}`)
  }
}
