import { Actor, TakingCharge } from "@welfare/core"
import { caseHistory, fullTerritory } from "@welfare/core/testing"
import * as Either from "effect/Either"
import * as fc from "fast-check"
import { describe, expect, it } from "vitest"
import { fhirValidator } from "../test/vendor.js"
import * as Fhir from "./Fhir.js"

const bundleSchema = fhirValidator("Bundle")

const schemaErrors = (bundle: Fhir.Bundle): Array<string> => {
  const out: Array<string> = []
  const value: unknown = bundle
  if (!bundleSchema(value)) out.push(`Bundle: ${JSON.stringify((bundleSchema.errors ?? []).slice(0, 3))}`)
  // each resource against its own definition too (the Bundle's ResourceList is a oneOf)
  bundle.entry.forEach((e, i) => {
    const v = fhirValidator(String(e.resource.resourceType))
    const resource: unknown = e.resource
    if (!v(resource))
      out.push(`entry[${i}] ${e.resource.resourceType}: ${JSON.stringify(v.errors?.slice(0, 3))}`)
  })
  return out
}

// The elements the SDOH Clinical Care profiles (STU 2.x) make required (min 1),
// as read from the IG's differentials; the profiles' StructureDefinitions are
// not vendored, so this list is the check (see the guide "FHIR R4 (SDOH)").
const required: { readonly [type: string]: ReadonlyArray<string> } = {
  Condition: [
    "meta.profile",
    "clinicalStatus",
    "verificationStatus",
    "category",
    "code",
    "subject",
    "recordedDate"
  ],
  ServiceRequest: [
    "meta.profile",
    "status",
    "intent",
    "category",
    "code",
    "subject",
    "authoredOn",
    "requester"
  ],
  Task: ["meta.profile", "status", "intent", "code", "focus", "for", "authoredOn", "requester", "owner"],
  Goal: [
    "meta.profile",
    "lifecycleStatus",
    "achievementStatus",
    "category",
    "description",
    "subject",
    "startDate",
    "expressedBy"
  ],
  Procedure: ["meta.profile", "status", "category", "code", "subject", "performedDateTime"],
  Consent: ["meta.profile", "status", "scope", "category", "patient", "dateTime", "policyRule"]
}

const at = (value: unknown, path: string): unknown =>
  path.split(".").reduce<unknown>((v, k) => (v as Record<string, unknown> | undefined)?.[k], value)

const profileErrors = (bundle: Fhir.Bundle): Array<string> =>
  bundle.entry.flatMap((e, i) =>
    (required[String(e.resource.resourceType)] ?? []).flatMap((path) => {
      const v = at(e.resource, path)
      return v === undefined || (Array.isArray(v) && v.length === 0)
        ? [`entry[${i}] ${e.resource.resourceType}.${path} is required by its SDOHCC profile`]
        : []
    })
  )

describe("Fhir", () => {
  it("property: every Bundle of a generated path is valid FHIR R4 (fhir.schema.json) and has the SDOHCC profiles' required elements (issue 17)", () => {
    fc.assert(
      fc.property(caseHistory(), (events) => {
        const bundle = Fhir.bundle(events)
        expect(schemaErrors(bundle)).toEqual([])
        expect(profileErrors(bundle)).toEqual([])
      }),
      { numRuns: 60 }
    )
  }, 180_000)

  it("property: a Bundle reads back into the same events (round trip, issue 17; invariant 14)", () => {
    fc.assert(
      fc.property(caseHistory(), (events) => {
        const bundle = Fhir.bundle(events)
        const back = Fhir.events(bundle)
        expect(Either.isRight(back) ? back.right : back.left).toEqual(events)
        // nothing the module writes is left out when it reads it back
        expect(Fhir.read(bundle).unmapped).toEqual([])
      }),
      { numRuns: 100 }
    )
  }, 120_000)

  it("property: a Bundle names no person: the Patient has only a pseudonymous identifier, and no resource has narrative text (issue 17, privacy)", () => {
    fc.assert(
      fc.property(fullTerritory(), (territory) => {
        for (const bundle of Fhir.bundles(territory)) {
          const patient = bundle.entry[0]!.resource
          expect(
            Object.keys(patient).filter((k) => !["resourceType", "id", "identifier", "active"].includes(k))
          ).toEqual([])
          const text = JSON.stringify(bundle)
          for (const key of ['"text"', '"name":{', '"telecom"', '"address"', '"birthDate"', '"note"'])
            expect(text.includes(key)).toBe(false)
          const citizens = new Set(territory.actors.filter(Actor.isPerson).map((a) => a.name))
          for (const n of citizens) if (n !== undefined) expect(text.includes(n)).toBe(false)
        }
      }),
      { numRuns: 20 }
    )
  }, 180_000)

  it("the schema is live: a Task without its required status and with an unknown element is rejected", () => {
    const task = fhirValidator("Task")
    expect(task({ resourceType: "Task", intent: "order", status: "accepted", comment: "x" })).toBe(false)
    expect(fhirValidator("Patient")({ resourceType: "Patient", nickname: "x" })).toBe(false)
    expect(fhirValidator("Patient")({ resourceType: "Patient", active: true })).toBe(true)
  })

  it("reports a Bundle that names no case, and never throws", () => {
    for (const input of [null, 3, {}, { resourceType: "Patient" }])
      expect(Either.isLeft(Fhir.events(input))).toBe(true)
    const r = Fhir.events({ resourceType: "Bundle", type: "collection", entry: [] })
    expect(Either.isLeft(r) && r.left[0]!.path).toEqual(["identifier"])
    const ok = Fhir.events({
      resourceType: "Bundle",
      identifier: { system: Fhir.systems.case, value: "case-1" },
      entry: []
    })
    expect(ok).toEqual(Either.right([]))
  })

  it("lists in unmapped, with their paths and without quoting them, the entries it does not read", () => {
    const header = {
      eventId: TakingCharge.EventId.make("ev-1"),
      caseId: TakingCharge.CaseId.make("case-1"),
      at: TakingCharge.Timestamp.make("2025-02-03T09:30:00Z"),
      by: Actor.ActorId.make("comune-legnano")
    }
    const written = Fhir.bundle([{ _tag: "NeedRecorded", ...header, need: "need-casa" as never }])
    const foreign = [
      {
        fullUrl: "urn:uuid:a",
        resource: { resourceType: "Task", status: "requested", note: [{ text: "Mario Rossi" }] }
      },
      { fullUrl: "urn:uuid:b", resource: { resourceType: "Observation", status: "final" } },
      { fullUrl: "urn:uuid:c", resource: { resourceType: "Mario Rossi, via Roma 1" } },
      { fullUrl: "urn:uuid:d" },
      "not an entry"
    ]
    const imported = Fhir.read({ ...written, entry: [...written.entry, ...foreign] })
    const n = written.entry.length
    expect(imported.unmapped.map((u) => u.path)).toEqual([
      ["entry", n, "resource", "identifier"],
      ["entry", n + 1, "resource", "resourceType"],
      ["entry", n + 2, "resource", "resourceType"],
      ["entry", n + 3],
      ["entry", n + 4]
    ])
    expect(imported.unmapped[1]!.message).toContain("a resource of type Observation is not read")
    expect(JSON.stringify(imported.unmapped)).not.toContain("Mario")
    // the events it does read are those of the Bundle, as events() gives them
    expect(imported.events).toEqual(Fhir.events(written))
    expect(Either.isRight(imported.events) && imported.events.right.map((e) => e.eventId)).toEqual(["ev-1"])
    // a Bundle refused as a whole lists nothing
    expect(Fhir.read({ resourceType: "Bundle" }).unmapped).toEqual([])
  })

  it("maps a housing need to the SDOH housing-instability domain", () => {
    const events: ReadonlyArray<TakingCharge.Event> = [
      {
        _tag: "NeedRecorded",
        eventId: TakingCharge.EventId.make("ev-1"),
        caseId: TakingCharge.CaseId.make("case-1"),
        at: TakingCharge.Timestamp.make("2025-02-03T09:30:00Z"),
        by: Actor.ActorId.make("comune-legnano"),
        need: "need-casa" as never
      }
    ]
    const bundle = Fhir.bundle(events, { needs: [{ id: "need-casa" as never, policyAreas: ["housing"] }] })
    const condition = bundle.entry.find((e) => e.resource.resourceType === "Condition")!.resource
    expect(JSON.stringify(condition.category)).toContain("housing-instability")
  })
})
