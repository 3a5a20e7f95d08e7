import { Actor, Intervention, type Territory } from "@welfare/core"
import { fullTerritory } from "@welfare/core/testing"
import * as fc from "fast-check"
import { describe, expect, it } from "vitest"
import { hsdsDataPackage, hsdsValidators } from "../test/vendor.js"
import * as Hsds from "./Hsds.js"

const validator = hsdsValidators()
const dataPackage = hsdsDataPackage()

const schemaErrors = (dataset: Hsds.Dataset): Array<string> => {
  const out: Array<string> = []
  for (const table of Hsds.tables) {
    const validate = validator(table)
    dataset[table].forEach((row, i) => {
      if (!validate(row)) out.push(`${table}[${i}]: ${JSON.stringify(validate.errors)}`)
    })
  }
  for (const [i, s] of Hsds.nestedServices(dataset).entries()) {
    const validate = validator("service")
    if (!validate(s)) out.push(`nested service[${i}]: ${JSON.stringify(validate.errors)}`)
  }
  return out
}

// The tabular form: every row's fields are fields of the data package's
// resource, with its required ones present and its enumerations respected.
const tabularErrors = (dataset: Hsds.Dataset): Array<string> => {
  const out: Array<string> = []
  for (const table of Hsds.tables) {
    const resource = dataPackage.resources.find((r) => r.name === table)
    if (resource === undefined) {
      out.push(`no resource ${table} in the data package`)
      continue
    }
    const fields = new Map(resource.schema.fields.map((f) => [f.name, f]))
    dataset[table].forEach((row, i) => {
      for (const [key, value] of Object.entries(row)) {
        const field = fields.get(key)
        if (field === undefined) out.push(`${table}[${i}].${key}: not a field of ${resource.path}`)
        else if (field.type === "string" && typeof value !== "string")
          out.push(`${table}[${i}].${key}: not a string`)
        else if (field.constraints?.enum !== undefined && !field.constraints.enum.includes(String(value)))
          out.push(`${table}[${i}].${key}: not one of ${field.constraints.enum.join(", ")}`)
      }
      for (const field of resource.schema.fields)
        if (
          field.constraints?.required === true &&
          (row as unknown as Record<string, unknown>)[field.name] === undefined
        )
          out.push(`${table}[${i}].${field.name}: required by ${resource.path}`)
    })
  }
  return out
}

describe("Hsds", () => {
  it("property: every export of a generated territory is valid against the HSDS 3.0 JSON Schemas and data package (issue 17)", () => {
    fc.assert(
      fc.property(fullTerritory(), (territory) => {
        const dataset = Hsds.fromTerritory(territory)
        expect(schemaErrors(dataset)).toEqual([])
        expect(tabularErrors(dataset)).toEqual([])
      }),
      { numRuns: 40 }
    )
  }, 120_000)
})

describe("Hsds schemas catch what they should", () => {
  it("rejects an organisation without a name and an id that is not a UUID (the validator is live)", () => {
    const validate = validator("organization")
    expect(validate({ id: "comune-legnano", description: "x" })).toBe(false)
    expect(validate.errors?.map((e) => e.keyword).sort()).toEqual(["format", "required"])
  })
})

const carried = (territory: Territory.TerritoryInput) => ({
  actors: territory.actors
    .filter((a) => !Actor.isPerson(a))
    .map((a) => ({ ...a, ...(a.policyAreas?.length === 0 ? { policyAreas: undefined } : {}) }))
    .map((a) => JSON.parse(JSON.stringify(a))),
  interventions: territory.interventions.map((i) => {
    const organisations = new Set(
      territory.actors.filter((a) => !Actor.isPerson(a)).map((a) => a.id as string)
    )
    const { partnerships: _p, coDesigns: _c, cases: _k, actors, resources, ...rest } = i
    const kept = (actors ?? []).filter((a) => organisations.has(a))
    const uses = (resources ?? []).map((u) => {
      if (u.actor === undefined || organisations.has(u.actor)) return u
      const { actor: _a, ...kept } = u
      return kept
    })
    return JSON.parse(
      JSON.stringify({
        ...rest,
        ...(kept.length > 0 ? { actors: kept } : {}),
        ...(uses.length > 0 ? { resources: uses } : {})
      })
    )
  })
})

describe("Hsds import", () => {
  it("property: importing an export gives back the organisations and interventions HSDS carries (issue 17)", () => {
    fc.assert(
      fc.property(fullTerritory(), (territory) => {
        const imported = Hsds.toTerritory(Hsds.fromTerritory(territory))
        expect(imported.unmapped).toEqual([])
        expect({
          actors: JSON.parse(JSON.stringify(imported.actors)),
          interventions: JSON.parse(JSON.stringify(imported.interventions))
        }).toEqual(carried(territory))
        for (const i of imported.interventions) expect(Intervention.rules(i)).toEqual([])
      }),
      { numRuns: 40 }
    )
  }, 120_000)

  it("property: no export carries a citizen's id (issue 17, privacy)", () => {
    fc.assert(
      fc.property(fullTerritory(), (territory) => {
        const text = JSON.stringify(Hsds.fromTerritory(territory))
        for (const a of territory.actors)
          if (Actor.isPerson(a)) expect(text.includes(`"${a.id}"`) || text.includes(`=${a.id}"`)).toBe(false)
      }),
      { numRuns: 40 }
    )
  }, 120_000)

  it("reports every field of another publisher it cannot carry, without quoting its value", () => {
    const imported = Hsds.toTerritory({
      organization: [
        {
          id: "6f1c1a52-1a4e-4d61-9a53-0d3c1f6b2a10",
          name: "Caritas cittadina",
          description: "Centro di ascolto",
          email: "ascolto@example.org",
          year_incorporated: 1980
        }
      ],
      service: [
        {
          id: "8a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d",
          organization_id: "6f1c1a52-1a4e-4d61-9a53-0d3c1f6b2a10",
          name: "Centro di ascolto",
          status: "active",
          fees_description: "gratuito"
        }
      ]
    })
    expect(imported.actors).toEqual([
      {
        id: "6f1c1a52-1a4e-4d61-9a53-0d3c1f6b2a10",
        kind: "social-private-body",
        name: "Caritas cittadina",
        resources: []
      }
    ])
    expect(imported.interventions).toEqual([
      {
        id: "8a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d",
        name: "Centro di ascolto",
        actors: ["6f1c1a52-1a4e-4d61-9a53-0d3c1f6b2a10"]
      }
    ])
    expect(imported.unmapped.map((u) => u.path.join("."))).toEqual([
      "organization.0.email",
      "organization.0.year_incorporated",
      "service.0.fees_description",
      "organization.0.attributes"
    ])
    expect(JSON.stringify(imported.unmapped)).not.toContain("ascolto@example.org")
  })

  it("never throws on input that is not a dataset", () => {
    for (const input of [null, 1, "x", []])
      expect(Hsds.toTerritory(input)).toEqual({ actors: [], interventions: [], unmapped: [] })
    // a table that is not a list, and rows that are not objects, are left out and said so
    const paths = (input: unknown) => {
      const imported = Hsds.toTerritory(input)
      expect([imported.actors, imported.interventions]).toEqual([[], []])
      return imported.unmapped.map((u) => u.path.join("."))
    }
    expect(paths({ organization: "no" })).toEqual(["organization"])
    expect(paths({ organization: [null, 3] })).toEqual(["organization.0", "organization.1"])
  })

  it("reports a top-level entry that is not a table it reads (a misspelt table name), without quoting its rows", () => {
    const imported = Hsds.toTerritory({
      organizations: [{ id: "coop-1", name: "Cooperativa Il Melograno" }],
      organization: []
    })
    expect(imported.actors).toEqual([])
    expect(imported.unmapped).toEqual([
      {
        path: ["organizations"],
        message:
          "organizations is not a table this import reads (organization, organization_identifier, service, location, service_at_location, taxonomy, taxonomy_term, attribute): it was left out; check its name"
      }
    ])
    expect(JSON.stringify(imported.unmapped)).not.toContain("Melograno")
  })
})

describe("Hsds files", () => {
  it("names each table's file and columns as the HSDS 3.0 data package does, columns in its order", () => {
    for (const table of Hsds.tables) {
      const resource = dataPackage.resources.find((r) => r.name === table)!
      expect(Hsds.files[table].path).toBe(resource.path)
      const order = resource.schema.fields.map((f) => f.name)
      const columns = Hsds.files[table].columns
      expect(columns.every((c) => order.includes(c))).toBe(true)
      expect([...columns].sort((a, b) => order.indexOf(a) - order.indexOf(b))).toEqual(columns)
    }
  })

  it("writes CSV with quoting (RFC 4180)", () => {
    expect(Hsds.toCsv([{ id: "1", name: 'Casa "Aperta", Legnano' }], ["id", "name", "description"])).toBe(
      'id,name,description\r\n1,"Casa ""Aperta"", Legnano",\r\n'
    )
  })
})
