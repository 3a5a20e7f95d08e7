import { readFileSync } from "node:fs"
import { join } from "node:path"
import { describe, expect, it } from "vitest"
import { ExitCode, run } from "../src/index.js"
import { memoryIo } from "./memory.js"

const root = join(import.meta.dirname, "..", "..", "..")
const legnano = readFileSync(join(root, "examples", "territories", "legnano.json"), "utf8")

const exportWith = async (argv: ReadonlyArray<string>) => {
  const m = memoryIo({ "legnano.json": legnano })
  const code = await run(["export", "legnano.json", ...argv], m.io)
  return { code, ...m }
}

describe("welfare export", () => {
  it("writes the HSDS 3.0 tables, data package and JSON of the Legnano territory", async () => {
    const r = await exportWith(["--format", "hsds", "--out", "out"])
    expect(r.code).toBe(ExitCode.ok)
    expect([...r.written.keys()].sort()).toEqual(
      [
        "attributes.csv",
        "datapackage.json",
        "dataset.json",
        "locations.csv",
        "organization_identifiers.csv",
        "organizations.csv",
        "service_at_location.csv",
        "services.csv",
        "services.json",
        "taxonomies.csv",
        "taxonomy_terms.csv"
      ].map((f) => `out/hsds/${f}`)
    )
    expect(r.written.get("out/hsds/organizations.csv")).toContain("Cooperativa Sociale Il Melograno")
    expect(r.stdout()).toBe("Open Referral HSDS 3.0: 11 files written under out\n")
  }, 60_000)

  it("writes one FHIR Bundle per taking-charge case, the IATI XML and the CIDS JSON-LD", async () => {
    const fhir = await exportWith(["--format", "fhir", "--out", "out/"])
    expect([...fhir.written.keys()]).toEqual(["out/fhir/case-2025-0017.json"])
    expect(JSON.parse(fhir.written.get("out/fhir/case-2025-0017.json")!).resourceType).toBe("Bundle")
    const iati = await exportWith(["-f", "iati", "-o", "out"])
    expect(iati.written.get("out/iati/activities.xml")).toContain(
      "<iati-identifier>XI-WELFARE-ambito-legnano-welfare</iati-identifier>"
    )
    const cids = await exportWith(["-f", "cids", "-o", "out"])
    expect(JSON.parse(cids.written.get("out/cids/impact.jsonld")!)["@context"]).toBe(
      "https://ontology.commonapproach.org/contexts/cidsContext.jsonld"
    )
  }, 60_000)

  it("refuses an unknown format and a missing --out (usage, exit 2)", async () => {
    const unknown = await exportWith(["--format", "xml", "--out", "out"])
    expect(unknown.code).toBe(ExitCode.usage)
    expect(unknown.stderr()).toContain("--format expects hsds, fhir, iati, cids")
    const noOut = await exportWith(["--format", "hsds"])
    expect(noOut.code).toBe(ExitCode.usage)
    expect(noOut.written.size).toBe(0)
  }, 60_000)
})
