// Writes examples/territories/legnano.xlsx, the example territory as a
// workbook (the template's layout, filled), from legnano.json.
// Usage: node --conditions=@welfare/source --import tsx scripts/build-example-workbook.ts [--check]
// A workbook is a zip with timestamps, so --check compares contents, not bytes:
// the checked-in workbook must read back (welfare import) as legnano.json.
import { readFileSync, writeFileSync } from "node:fs"
import { isDeepStrictEqual } from "node:util"
import { Territory } from "@welfare/core"
import * as Xlsx from "@welfare/sheets/xlsx"
import * as Either from "effect/Either"

const dir = new URL("../examples/territories/", import.meta.url).pathname
const decoded = Territory.decode(JSON.parse(readFileSync(`${dir}legnano.json`, "utf8")))
if (Either.isLeft(decoded)) {
  console.error("examples/territories/legnano.json does not decode: run welfare validate on it")
  process.exit(1)
}
const encoded = Territory.encode(decoded.right)
const target = `${dir}legnano.xlsx`
if (process.argv.includes("--check")) {
  let file: Uint8Array
  try {
    file = readFileSync(target)
  } catch {
    console.error(`${target} is missing: run pnpm run workbook`)
    process.exit(1)
  }
  const back = await Xlsx.decode(file)
  if (Either.isLeft(back) || !isDeepStrictEqual(Territory.encode(back.right), encoded)) {
    console.error(
      "examples/territories/legnano.xlsx is out of date with legnano.json: run pnpm run workbook (node --conditions=@welfare/source --import tsx scripts/build-example-workbook.ts)"
    )
    process.exit(1)
  }
} else {
  writeFileSync(target, await Xlsx.write(encoded))
  console.log(`wrote ${target}`)
}
