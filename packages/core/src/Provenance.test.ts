import { readFileSync } from "node:fs"
import { join } from "node:path"
import * as Either from "effect/Either"
import * as fc from "fast-check"
import { describe, expect, it } from "vitest"
import { formatted } from "../test/laws.js"
import * as Problem from "./Problem.js"
import * as Provenance from "./Provenance.js"
import * as Territory from "./Territory.js"

const json = JSON.parse(
  readFileSync(join(import.meta.dirname, "..", "..", "..", "examples", "territories", "legnano.json"), "utf8")
)
const legnano = Either.getOrThrow(Territory.decode(json))

describe("Provenance (invariant 16: Charter and Pact from their process)", () => {
  it("the Legnano Charter and Pact are the ones its roadmap drafted, approved and signed (seed 004, row 55)", () => {
    // Seed 004, row 55: «si scrivono le bozze della "Carta della cittadinanza", contenente i progetti che si intende
    // realizzare, e del "Patto di solidarietà", tra coloro che metteranno in rete responsabilità e risorse, per
    // realizzare la Carta, e si approvano e sottoscrivono i documenti».
    expect(Provenance.problems(legnano)).toEqual([])
    const roadmap = Provenance.fromRoadmap(legnano.coDesigns[0]!)
    expect(legnano.charter?.projects.map((p) => p.id)).toEqual(roadmap.charter?.projects)
    expect(new Set(legnano.pact?.signatories.map((s) => s.actor))).toEqual(
      new Set(roadmap.signatures.map((s) => s.actor))
    )
    // The Pact is made with the Comuni, unions and the productive world (seed 004, row 47).
    expect(legnano.pact?.signatories.map((s) => s.actor)).toEqual(
      expect.arrayContaining([
        "comune-legnano",
        "comune-parabiago",
        "cgil-legnano",
        "confcommercio-alto-milanese"
      ])
    )
  })

  it("the pre-reconciliation Legnano document (3 other projects, 12 signatories) does not decode", () => {
    const diverging = {
      ...json,
      charter: {
        ...json.charter,
        projects: [
          ...json.charter.projects,
          {
            id: "proj-famiglie-in-rete",
            title: "Famiglie in rete",
            policyAreas: ["education"],
            targetGroups: ["families"]
          }
        ]
      },
      pact: {
        ...json.pact,
        signatories: [
          ...json.pact.signatories.filter((s: { actor: string }) => s.actor !== "rete-vicinato"),
          {
            actor: "acli-famiglie",
            supports: ["proj-famiglie-in-rete"],
            responsibilities: ["service-delivery"],
            resources: []
          }
        ]
      }
    }
    expect(formatted(Territory.decode(diverging))).toEqual([
      'charter.projects[2].id: the project "proj-famiglie-in-rete" is not in the Charter drafted by "codesign-legnano-2015" ("proj-abitare-lavoro", "proj-custodi-sociali"): a Charter contains the projects its roadmap drafted and approved',
      'pact.signatories[10].actor: "acli-famiglie" is not a party of the Pact drafted by "codesign-legnano-2015": add it to the roadmap\'s pact-drafted parties, or remove it from the Pact',
      'pact.signatories[10].signature: "acli-famiglie" has no signature in the roadmap "codesign-legnano-2015": record its signed event',
      'pact.signatories: "rete-vicinato" signed the Pact in the roadmap "codesign-legnano-2015" but is not among its signatories: add it with what it commits'
    ])
  })

  it("a Charter or Pact with no provenance is a finding once a roadmap of the territory drafted one", () => {
    const { provenance: _c, ...charter } = legnano.charter!
    const { provenance: _p, ...pact } = legnano.pact!
    expect(Provenance.problems({ ...legnano, charter, pact }).map((p) => Problem.formatPath(p.path))).toEqual(
      ["charter.provenance", "pact.provenance"]
    )
    // Without a roadmap that drafted them, a Charter and a Pact stand as declared.
    expect(Provenance.problems({ charter, pact, coDesigns: [] })).toEqual([])
  })

  type Change =
    | {
        readonly kind: "drop-project" | "drop-signatory" | "wrong-date" | "wrong-signature"
        readonly at: number
      }
    | { readonly kind: "extra-project" | "extra-signatory" | "wrong-draft" | "wrong-process" }

  const change: fc.Arbitrary<Change> = fc.oneof(
    fc.record({ kind: fc.constantFrom("drop-project" as const), at: fc.nat(1) }),
    fc.record({
      kind: fc.constantFrom("drop-signatory" as const, "wrong-date" as const, "wrong-signature" as const),
      at: fc.nat(10)
    }),
    fc.record({
      kind: fc.constantFrom(
        "extra-project" as const,
        "extra-signatory" as const,
        "wrong-draft" as const,
        "wrong-process" as const
      )
    })
  )

  const apply = (c: Change): Territory.Territory => {
    const charter = legnano.charter!
    const pact = legnano.pact!
    switch (c.kind) {
      case "drop-project":
        return {
          ...legnano,
          charter: { ...charter, projects: charter.projects.filter((_, i) => i !== c.at) }
        }
      case "extra-project":
        return {
          ...legnano,
          charter: {
            ...charter,
            projects: [...charter.projects, { ...charter.projects[0]!, id: "proj-extra" as never }]
          }
        }
      case "drop-signatory":
        return { ...legnano, pact: { ...pact, signatories: pact.signatories.filter((_, i) => i !== c.at) } }
      case "extra-signatory":
        return {
          ...legnano,
          pact: {
            ...pact,
            signatories: [...pact.signatories, { ...pact.signatories[0]!, actor: "acli-famiglie" as never }]
          }
        }
      case "wrong-date":
        return {
          ...legnano,
          pact: {
            ...pact,
            signatories: pact.signatories.map((s, i) => (i === c.at ? { ...s, signedOn: "2015-11-30" } : s))
          }
        }
      case "wrong-signature":
        return {
          ...legnano,
          pact: {
            ...pact,
            signatories: pact.signatories.map((s, i) =>
              i === c.at
                ? { ...s, signature: pact.signatories[(i + 1) % pact.signatories.length]!.signature! }
                : s
            )
          }
        }
      case "wrong-draft":
        return {
          ...legnano,
          charter: { ...charter, provenance: { ...charter.provenance!, drafted: "ev-27" as never } }
        }
      case "wrong-process":
        return {
          ...legnano,
          pact: { ...pact, provenance: { ...pact.provenance!, process: "codesign-other" as never } }
        }
    }
  }

  it("property: any divergence of the Charter or the Pact from the roadmap is a finding of Territory.integrity, at the Charter or the Pact (invariant 16)", () =>
    fc.assert(
      fc.property(change, (c) => {
        const problems = Provenance.problems(apply(c))
        expect(problems.length).toBeGreaterThan(0)
        for (const p of problems) expect(["charter", "pact"]).toContain(p.path[0])
        const integrity = Territory.integrity(apply(c)).map(Problem.format)
        for (const p of problems) expect(integrity).toContain(Problem.format(p))
      })
    ))
})
