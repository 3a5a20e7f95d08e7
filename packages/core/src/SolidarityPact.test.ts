import * as Either from "effect/Either"
import * as fc from "fast-check"
import { describe, expect, it } from "vitest"
import { formatted, roundTrip } from "../test/laws.js"
import * as Actor from "./Actor.js"
import * as CitizenshipCharter from "./CitizenshipCharter.js"
import * as Problem from "./Problem.js"
import * as SolidarityPact from "./SolidarityPact.js"
import * as Arb from "./testing/index.js"

const act = (id: string, kind: Actor.ActorKind) => Actor.unsafeMake({ id: Actor.ActorId.make(id), kind })
// Seed 004, row 47: the Comuni, public and social private organisations, unions and the productive world.
const actors = new Map(
  [
    act("comune-legnano", "local-authority"),
    act("comune-parabiago", "local-authority"),
    act("coop-melograno", "social-cooperative"),
    act("cgil-legnano", "trade-union"),
    act("confcommercio-alto-milanese", "business")
  ].map((a) => [a.id as string, a])
)
const charter = CitizenshipCharter.decode({
  id: "carta-legnano",
  title: "Carta della cittadinanza",
  projects: [
    {
      id: "proj-lavoro-casa",
      title: "Tra lavoro e casa",
      policyAreas: ["labour", "housing"],
      targetGroups: ["working-poor"]
    },
    {
      id: "proj-anziani",
      title: "Prossimità per gli anziani",
      policyAreas: ["transport"],
      targetGroups: ["elderly"]
    }
  ]
}).pipe(Either.getOrThrow)

const patto = SolidarityPact.decode({
  id: "patto-legnano",
  charter: "carta-legnano",
  title: "Patto di solidarietà dell'Ambito di Legnano",
  signatories: [
    {
      actor: "comune-legnano",
      supports: ["proj-lavoro-casa", "proj-anziani"],
      responsibilities: ["coordination", "funding"],
      resources: [{ kind: "economic", amount: 50000, unit: "euro" }],
      signedOn: "2015-10-30"
    },
    {
      actor: "coop-melograno",
      supports: ["proj-anziani"],
      responsibilities: ["service-delivery"],
      resources: [{ kind: "care", amount: 800, unit: "hour" }],
      signedOn: "2015-10-30"
    },
    {
      actor: "confcommercio-alto-milanese",
      supports: ["proj-lavoro-casa"],
      responsibilities: [],
      resources: [{ kind: "economic", amount: 5000, unit: "euro" }]
    }
  ]
}).pipe(Either.getOrThrow)

describe("SolidarityPact", () => {
  it("a Pact no municipality signs is a finding: seed 004 row 47, «un patto di solidarietà territoriale con i Comuni»", () => {
    const withoutComune = {
      ...patto,
      signatories: patto.signatories.filter((s) => s.actor !== "comune-legnano"),
      sectorsNote: undefined
    }
    const { sectorsNote: _, ...pact } = withoutComune
    const problems = SolidarityPact.validate({ ...pact, signatories: pact.signatories }, charter, actors)
    expect(problems.map(Problem.format)).toContain(
      "signatories: no municipality signs the Pact: the Solidarity Pact is made with the Comuni (seed 004, row 47); add the signature of at least one local authority"
    )
    // The Legnano Pact, signed by the Comune di Legnano, has no such finding.
    expect(
      SolidarityPact.validate(patto, charter, actors).filter((p) => p.message.includes("Comuni"))
    ).toEqual([])
  })

  it("accepts the Legnano Pact: three sectors, every project supported", () => {
    expect(SolidarityPact.validate(patto, charter, actors)).toEqual([])
    expect(SolidarityPact.sectorsOf(patto, actors)).toEqual(["public", "third-sector", "market"])
    expect(SolidarityPact.supporters(patto, charter)).toEqual([
      { project: "proj-lavoro-casa", signatories: ["comune-legnano", "confcommercio-alto-milanese"] },
      { project: "proj-anziani", signatories: ["comune-legnano", "coop-melograno"] }
    ])
  })

  it("property: round trip (invariant 14)", () =>
    roundTrip(
      SolidarityPact.SolidarityPact,
      Arb.pactScenario().map((s) => s.pact),
      200
    ))

  it("property: a generated Pact breaks no signing rule", () => {
    fc.assert(
      fc.property(Arb.pactScenario(), ({ actors, charter, pact }) => {
        expect(SolidarityPact.validate(pact, charter, new Map(actors.map((a) => [a.id, a])))).toEqual([])
      })
    )
  })

  it("reports every broken rule at once, each with its path", () => {
    const bad: SolidarityPact.SolidarityPact = {
      ...patto,
      charter: CitizenshipCharter.CharterId.make("carta-cremona"),
      signatories: [
        {
          ...patto.signatories[0]!,
          supports: [
            CitizenshipCharter.ProjectId.make("proj-lavoro-casa"),
            CitizenshipCharter.ProjectId.make("proj-x")
          ]
        },
        { ...patto.signatories[0]!, supports: [] },
        {
          actor: Actor.ActorId.make("ghost"),
          supports: [],
          responsibilities: [],
          resources: [{ kind: "time", amount: 0, unit: "hour" }]
        }
      ]
    }
    const problems = SolidarityPact.validate(bad, charter, actors)
    expect(problems.map(Problem.format)).toEqual([
      'charter: the Pact realises the Charter "carta-cremona" but the Charter is "carta-legnano": correct the reference',
      'signatories[0].supports[1]: the Charter has no project "proj-x": add it to the Charter or correct the id',
      'signatories[1].actor: the actor "comune-legnano" already signed at signatories[0]: sign once, with every project, responsibility and resource',
      'signatories[2].actor: no actor has the id "ghost": add it to actors or correct the id',
      'signatories[2]: the signatory "ghost" commits nothing: add at least one responsibility or a resource with a positive amount',
      'signatories: no signatory supports the Charter project "proj-anziani": find a supporter or remove the project from the Charter',
      "sectorsNote: every signatory belongs to the public sector: add signatories from other sectors, or say why not in sectorsNote"
    ])
    expect(problems.map((p) => p.code)).toEqual([
      "unknown-reference",
      "unknown-reference",
      "duplicate-id",
      "unknown-reference",
      "rule",
      "rule",
      "rule"
    ])
    expect(Either.isLeft(SolidarityPact.check(bad, charter, actors))).toBe(true)
  })

  it("accepts a single-sector Pact that says why", () => {
    const publicOnly: SolidarityPact.SolidarityPact = {
      ...patto,
      signatories: [patto.signatories[0]!],
      sectorsNote: "Prima fase: firmano i Comuni, il terzo settore aderisce in autunno"
    }
    expect(SolidarityPact.validate(publicOnly, charter, actors)).toEqual([])
  })

  it("reports a Pact without Charter and without signatories", () => {
    expect(
      SolidarityPact.validate({ ...patto, signatories: [] }, undefined, actors).map(Problem.format)
    ).toEqual([
      'charter: the Pact realises the Charter "carta-legnano" but there is no Charter: add the Citizenship Charter',
      "signatories: the Pact has no signatory: it is signed by those who put responsibilities and resources into the network"
    ])
  })

  it("property: validation reports every broken rule at once, one problem per breakage", () => {
    const breakages = [
      "commits-nothing",
      "unknown-project",
      "duplicate",
      "unknown-actor",
      "no-supporter",
      "wrong-charter"
    ] as const
    type Breakage = (typeof breakages)[number]
    const classify = (p: Problem.Problem): Breakage | "other" =>
      p.message.includes("commits nothing")
        ? "commits-nothing"
        : p.message.includes("the Charter has no project")
          ? "unknown-project"
          : p.code === "duplicate-id"
            ? "duplicate"
            : p.message.startsWith("no actor has the id")
              ? "unknown-actor"
              : p.message.startsWith("no signatory supports")
                ? "no-supporter"
                : p.path[0] === "charter"
                  ? "wrong-charter"
                  : "other"
    fc.assert(
      fc.property(Arb.pactScenario(), fc.subarray([...breakages]), ({ actors, charter, pact }, broken) => {
        const has = (b: Breakage) => broken.includes(b)
        let signatories = [...pact.signatories]
        if (has("commits-nothing"))
          signatories[signatories.length - 1] = {
            ...signatories[signatories.length - 1]!,
            responsibilities: [],
            resources: []
          }
        if (has("unknown-project"))
          signatories[0] = {
            ...signatories[0]!,
            supports: [...signatories[0]!.supports, CitizenshipCharter.ProjectId.make("proj-ghost")]
          }
        if (has("duplicate"))
          signatories = [
            ...signatories,
            { actor: signatories[0]!.actor, supports: [], responsibilities: ["funding"], resources: [] }
          ]
        if (has("unknown-actor"))
          signatories = [
            ...signatories,
            {
              actor: Actor.ActorId.make("ghost-1"),
              supports: [],
              responsibilities: ["hosting"],
              resources: []
            }
          ]
        const c = has("no-supporter")
          ? {
              ...charter,
              projects: [
                ...charter.projects,
                { ...charter.projects[0]!, id: CitizenshipCharter.ProjectId.make("proj-orphan") }
              ]
            }
          : charter
        const p = {
          ...pact,
          signatories,
          ...(has("wrong-charter") ? { charter: CitizenshipCharter.CharterId.make("charter-elsewhere") } : {})
        }
        const problems = SolidarityPact.validate(p, c, new Map(actors.map((a) => [a.id, a])))
        expect(problems.map(classify).sort()).toEqual([...broken].sort())
      })
    )
  })

  it("reports reference problems of a Pact with their paths", () => {
    expect(
      SolidarityPact.referenceProblems(
        patto,
        {
          actors: new Set(["comune-legnano"]),
          projects: new Set(["proj-anziani"]),
          charters: new Set(["carta-legnano"])
        },
        ["pact"]
      ).map(Problem.format)
    ).toEqual([
      'pact.signatories[0].supports[0]: no project has the id "proj-lavoro-casa": add it to the Charter\'s projects or correct the id',
      'pact.signatories[1].actor: no actor has the id "coop-melograno": add it to actors or correct the id',
      'pact.signatories[2].actor: no actor has the id "confcommercio-alto-milanese": add it to actors or correct the id',
      'pact.signatories[2].supports[0]: no project has the id "proj-lavoro-casa": add it to the Charter\'s projects or correct the id'
    ])
  })

  it("rejects malformed Pacts with every shape problem", () => {
    expect(
      formatted(
        SolidarityPact.decode({
          ...SolidarityPact.encode(patto),
          signatories: [
            {
              actor: "comune-legnano",
              supports: [],
              responsibilities: ["lobbying"],
              resources: [],
              signedOn: "2015-02-30"
            }
          ]
        })
      )
    ).toEqual([
      `signatories[0].responsibilities[0]: expected one of coordination, needs-reading, service-delivery, funding, volunteer-mobilisation, training, communication, hosting, accountability, evaluation, got a text of 8 characters`,
      'signatories[0].signedOn: expected a calendar date written YYYY-MM-DD, got "2015-02-30"'
    ])
  })
})
