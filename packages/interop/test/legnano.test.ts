// The example territory (seed 004, Ambito di Legnano) through every export:
// real values, and each file valid against its official schema.
import { readFileSync } from "node:fs"
import { join } from "node:path"
import { Territory } from "@welfare/core"
import * as Either from "effect/Either"
import { describe, expect, it } from "vitest"
import { Cids, Fhir, Hsds, Iati } from "../src/index.js"
import { fhirValidator, hsdsValidators } from "./vendor.js"
import { iatiErrors } from "./xmllint.js"

const decoded = Territory.decode(
  JSON.parse(
    readFileSync(
      join(import.meta.dirname, "..", "..", "..", "examples", "territories", "legnano.json"),
      "utf8"
    )
  )
)
if (Either.isLeft(decoded)) throw new Error("the example territory does not decode")
const legnano = decoded.right

describe("the Legnano example through the standards", () => {
  it("HSDS: the cooperative Il Melograno is an organisation of kind social-cooperative, in Parabiago", () => {
    const dataset = Hsds.fromTerritory(legnano)
    const org = dataset.organization.find((o) => o.name === "Cooperativa Sociale Il Melograno")!
    const terms = new Map(dataset.taxonomy_term.map((t) => [t.id, t]))
    const attributes = dataset.attribute
      .filter((a) => a.link_id === org.id)
      .map((a) => `${terms.get(a.taxonomy_term_id)!.code}${a.value === undefined ? "" : `=${a.value}`}`)
    expect(attributes).toContain("actor-kind:social-cooperative")
    expect(attributes).toContain("municipality=parabiago")
    expect(terms.get(dataset.attribute.find((a) => a.link_id === org.id)!.taxonomy_term_id)!.language).toBe(
      "it"
    )
    const service = dataset.service.find((s) => s.name === "Contributo economico a domanda")!
    expect(service.organization_id).toBe(dataset.organization.find((o) => o.name === "Comune di Legnano")!.id)
    const validate = hsdsValidators()
    for (const table of Hsds.tables) for (const row of dataset[table]) expect(validate(table)(row)).toBe(true)
    // nothing about persons: the citizen p-0017 is not an organisation
    expect(JSON.stringify(dataset)).not.toContain("p-0017")
  }, 60_000)

  it("FHIR: case-2025-0017 is a Bundle of a pseudonymous Patient, two Conditions, a ServiceRequest and the Task history", () => {
    const [bundle] = Fhir.bundles(legnano)
    expect(bundle!.identifier.value).toBe("case-2025-0017")
    const types = bundle!.entry.map((e) => e.resource.resourceType).filter((t) => t !== "Organization")
    expect(types).toEqual([
      "Patient",
      "Condition",
      "Condition",
      "ServiceRequest",
      "Consent",
      "Task",
      "Goal",
      "Task",
      "Procedure",
      "Task"
    ])
    expect(
      bundle!.entry.filter((e) => e.resource.resourceType === "Task").map((e) => e.resource.status)
    ).toEqual(["accepted", "in-progress", "in-progress"])
    expect(bundle!.entry[0]!.resource.identifier).toEqual([{ system: "urn:welfare:person", value: "p-0017" }])
    expect(fhirValidator("Bundle")(bundle)).toBe(true)
    expect(Fhir.events(bundle)).toEqual(Either.right(legnano.takingCharge))
  }, 60_000)

  it("IATI: volunteer hours 2016 are 4,700 against a target of 4,600, 2,900 of them in Legnano; valid against the XSD", () => {
    const xml = Iati.activities(legnano)
    expect(xml).toContain(
      '<period><period-start iso-date="2016-01-01"/><period-end iso-date="2016-12-31"/><target value="4600"/><actual value="4700"></actual>'
    )
    expect(xml).toContain('<actual value="2900"><dimension name="municipality" value="legnano"/></actual>')
    expect(iatiErrors(xml)).toEqual([])
  }, 60_000)

  it("CIDS: the volunteer-hours indicator has its baseline 4,200 and a report of 4,700 for 2016", () => {
    const graph = Cids.document(legnano)["@graph"]
    const indicator = graph.find(
      (n) => n["@id"] === "urn:welfare:ambito-legnano:indicator:ind-volunteer-hours"
    )!
    expect(indicator.hasBaseline).toEqual({
      "@type": "i72:Measure",
      hasNumericalValue: "4200",
      "i72:unit_of_measure": { "@id": "urn:welfare:unit:hour" }
    })
    const report = graph.find(
      (n) => n["@id"] === "urn:welfare:ambito-legnano:report:ind-volunteer-hours:2016-01-01_2016-12-31"
    )!
    expect((report.value as { hasNumericalValue: string }).hasNumericalValue).toBe("4700")
  })
})
