import { execFileSync } from "node:child_process"
import { join } from "node:path"
import { describe, expect, it } from "vitest"

const root = join(import.meta.dirname, "..")

describe("the standards example", () => {
  it("exports the Legnano territory to HSDS, FHIR, IATI and CIDS and imports HSDS and FHIR back", () => {
    const out = execFileSync(
      process.execPath,
      ["--conditions=@welfare/source", "--import", "tsx", join(root, "examples", "standards.ts")],
      { cwd: root, encoding: "utf8" }
    )
    expect(out.trim().split("\n")).toEqual([
      "HSDS: 17 organizations, 4 services, 10 locations, 81 terms of the welfare-generativo taxonomy",
      "HSDS import: 16 actors, 4 interventions, 0 unmapped fields",
      "FHIR case-2025-0017: 2 Condition, 1 ServiceRequest, 3 Task, 1 Goal, 1 Procedure, 1 Consent, 6 Organization",
      "FHIR import: 6 events, as recorded",
      "IATI: 4 results, 8 periods, 40 actuals",
      "CIDS: 1 cids:Organization, 4 cids:Outcome, 4 cids:Indicator, 6 cids:Target, 8 cids:IndicatorReport, 2 cids:Theme"
    ])
  })
})
