// Validates XML against the vendored IATI 2.03 activity XSD with xmllint
// (Debian's libxml2-utils, installed by .ci/run). A missing xmllint fails the
// test: it never skips.
import { execFileSync } from "node:child_process"
import { mkdtempSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { vendor } from "./vendor.js"

const schema = join(vendor, "iati-2.03", "iati-activities-schema.xsd")

/** The xmllint messages for an XML text, or [] when it is valid. */
export const iatiErrors = (xml: string): Array<string> => {
  const dir = mkdtempSync(join(tmpdir(), "welfare-iati-"))
  const file = join(dir, "activities.xml")
  try {
    writeFileSync(file, xml)
    execFileSync("xmllint", ["--noout", "--nonet", "--schema", schema, file], { stdio: "pipe" })
    return []
  } catch (e) {
    const err = e as { code?: string; stderr?: Buffer }
    if (err.code === "ENOENT")
      throw new Error("xmllint is not installed: apt-get install libxml2-utils (CI does)")
    return String(err.stderr ?? e)
      .split("\n")
      .filter((l) => l.length > 0 && !l.endsWith("fails to validate"))
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
