import * as Arbitrary from "effect/Arbitrary"
import * as fc from "fast-check"
import { describe, expect, it } from "vitest"
import * as Access from "./Access.js"
import * as Assessment from "./Assessment.js"
import * as Dimension from "./Dimension.js"
import * as Intervention from "./Intervention.js"
import * as Resource from "./Resource.js"
import * as Rubric from "./Rubric.js"
import * as Trait from "./Trait.js"
import * as Arb from "./testing/assessment.js"

const eps = 1e-9
const positions = (p: Assessment.Profile) => Dimension.values.map((d) => p.dimensions[d].position)
const id = Intervention.InterventionId.make("int-test")

describe("Assessment", () => {
  it("property: positions, depth, coverage and the index lie in [0, 1]; unobserved dimensions have no position (invariant 1')", () => {
    fc.assert(
      fc.property(Arb.intervention(), Arb.rubric(), (i, rubric) => {
        const p = Assessment.assess(i, rubric)
        const numbers = [p.coverage, p.depth, ...(p.index === undefined ? [] : [p.index])]
        for (const d of Dimension.values) {
          const s = p.dimensions[d]
          numbers.push(s.coverage, s.depth)
          if (s.observed) numbers.push(s.position!)
          else expect(s.position).toBeUndefined()
        }
        for (const x of numbers) {
          expect(x).toBeGreaterThanOrEqual(0)
          expect(x).toBeLessThanOrEqual(1)
        }
        expect(p.index === undefined).toBe(
          !Dimension.values.some((d) => p.dimensions[d].observed && rubric.dimensionWeights[d] > 0)
        )
      }),
      { numRuns: 2000 }
    )
  }, 120_000)

  it("property: an unobserved dimension never moves the index (FRAMEWORK section 5)", () => {
    fc.assert(
      fc.property(
        Arb.observations(),
        fc.constantFrom(...Dimension.values),
        Arb.rubric(),
        (obs, d, rubric) => {
          const without = obs.filter((o) => Trait.byId[o.trait].dimension !== d)
          const p = Assessment.fromObservations(without, rubric)
          // Changing the weight of the unobserved dimension changes nothing.
          const heavier = { ...rubric, dimensionWeights: { ...rubric.dimensionWeights, [d]: 7 } }
          expect(Assessment.fromObservations(without, heavier).index).toBe(p.index)
          expect(p.dimensions[d].position).toBeUndefined()
          expect(p.evidence.some((e) => e.dimension === d)).toBe(false)
        }
      ),
      { numRuns: 1000 }
    )
  }, 120_000)

  it("property: adding evidence of either pole never lowers coverage", () => {
    fc.assert(
      fc.property(
        Arb.observations(),
        fc.constantFrom(...Trait.catalogue),
        fc.constantFrom(0, 0.5, 1),
        Arb.rubric(),
        (obs, trait, degree, rubric) => {
          const before = Assessment.fromObservations(obs, rubric)
          const after = Assessment.fromObservations([...obs, { trait: trait.id, degree }], rubric)
          expect(after.coverage).toBeGreaterThanOrEqual(before.coverage - 1e-12)
          for (const d of Dimension.values)
            expect(after.dimensions[d].coverage).toBeGreaterThanOrEqual(before.dimensions[d].coverage - 1e-12)
        }
      ),
      { numRuns: 2000 }
    )
  }, 120_000)

  it("property: too little coverage gives insufficient evidence, never a class", () => {
    fc.assert(
      fc.property(Arb.intervention(), Arb.rubric(), (i, rubric) => {
        const p = Assessment.assess(i, rubric)
        const thin =
          p.coverage < rubric.evidence.minCoverage || p.observedDimensions < rubric.evidence.minDimensions
        expect(p.class === "insufficient-evidence").toBe(thin || p.index === undefined)
        if (p.class === "generative") expect(p.depth).toBeGreaterThanOrEqual(rubric.evidence.minDepth)
      }),
      { numRuns: 2000 }
    )
  }, 120_000)

  it("property: adding a generative trait never lowers a dimension, a traditional one never raises it (invariant 2)", () => {
    fc.assert(
      fc.property(
        Arb.observations(),
        fc.constantFrom(...Trait.catalogue),
        Arb.rubric(),
        (obs, trait, rubric) => {
          const before = Assessment.fromObservations(obs, rubric)
          const after = Assessment.fromObservations([...obs, { trait: trait.id, degree: 1 }], rubric)
          for (const d of Dimension.values) {
            const a = after.dimensions[d]
            const b = before.dimensions[d]
            if (d !== trait.dimension) {
              expect(a.position).toBe(b.position)
              continue
            }
            if (trait.pole === "generative") expect(a.depth).toBeGreaterThanOrEqual(b.depth - 1e-12)
            else expect(a.depth).toBe(b.depth)
            if (a.position === undefined || b.position === undefined) continue
            if (trait.pole === "generative") expect(a.position).toBeGreaterThanOrEqual(b.position - 1e-12)
            else expect(a.position).toBeLessThanOrEqual(b.position + 1e-12)
          }
          // The index moves with the dimension when the dimension was already observed.
          if (before.index !== undefined && before.dimensions[trait.dimension].observed) {
            if (trait.pole === "generative") expect(after.index!).toBeGreaterThanOrEqual(before.index - 1e-12)
            else expect(after.index!).toBeLessThanOrEqual(before.index + 1e-12)
          }
        }
      ),
      { numRuns: 3000 }
    )
  }, 120_000)

  it("property: all traditional traits score 0 and classify traditional, all generative score 1 and classify generative, for every rubric (invariant 3)", () => {
    fc.assert(
      fc.property(
        Arb.interventionAtPole("traditional"),
        Arb.interventionAtPole("generative"),
        Arb.rubric(),
        (t, g, rubric) => {
          const pt = Assessment.assess(t, rubric)
          const pg = Assessment.assess(g, rubric)
          expect(positions(pt)).toEqual(Dimension.values.map(() => 0))
          expect(positions(pg)).toEqual(Dimension.values.map(() => 1))
          expect([pt.index, pt.class]).toEqual([0, "traditional"])
          expect([pg.index, pg.class]).toEqual([1, "generative"])
          expect(pt.evidence.every((e) => e.pole === "traditional")).toBe(true)
          expect(pg.evidence.every((e) => e.pole === "generative")).toBe(true)
        }
      ),
      { numRuns: 1000 }
    )
  }, 120_000)

  it("property: the order of resources, partnerships and observations never changes a profile (invariant 4)", () => {
    fc.assert(
      fc.property(
        Arb.intervention(),
        Arb.rubric(),
        fc.array(fc.nat(), { minLength: 8, maxLength: 8 }),
        (i, rubric, keys) => {
          const shuffle = <A>(xs: ReadonlyArray<A>): Array<A> =>
            xs
              .map((x, k) => [x, keys[k % keys.length]! * 31 + k] as const)
              .sort((a, b) => a[1] - b[1] || 0)
              .reverse()
              .map(([x]) => x)
          const permuted = {
            ...i,
            ...(i.resources ? { resources: shuffle(i.resources) } : {}),
            ...(i.partnerships ? { partnerships: shuffle(i.partnerships) } : {})
          }
          expect(Assessment.assess(permuted, rubric)).toEqual(Assessment.assess(i, rubric))
          const obs = Assessment.observe(i)
          expect(Assessment.fromObservations(shuffle(obs), rubric)).toEqual(
            Assessment.fromObservations(obs, rubric)
          )
        }
      ),
      { numRuns: 1000 }
    )
  }, 120_000)

  it("property: every point of every score is backed by evidence naming trait, dimension, pole, seed source and provenance (invariant 5')", () => {
    fc.assert(
      fc.property(Arb.intervention(), Arb.rubric(), (i, rubric) => {
        const p = Assessment.assess(i, rubric)
        let indexFromEvidence = 0
        for (const d of Dimension.values) {
          const s = p.dimensions[d]
          const contributions = s.evidence.reduce((acc, e) => acc + e.contribution, 0)
          if (s.observed) {
            expect(Math.abs(contributions - s.position!)).toBeLessThan(eps)
            expect(Math.abs(s.evidence.reduce((acc, e) => acc + e.share, 0) - 1)).toBeLessThan(eps)
          } else {
            expect(s.position).toBeUndefined()
            expect(s.evidence).toEqual([])
          }
          for (const e of s.evidence) {
            const trait = Trait.byId[e.trait]
            expect([e.dimension, e.pole, e.source, e.text]).toEqual([d, trait.pole, trait.source, trait.text])
            expect(e.source.file).toBe(Dimension.seedFile)
            expect(e.weight).toBe(rubric.weights[e.trait])
            expect(e.weightProvenance).toEqual(trait.weightProvenance)
            expect(e.provenance).toEqual({ kind: "declared" })
            indexFromEvidence += e.indexContribution
          }
        }
        expect(Math.abs(indexFromEvidence - (p.index ?? 0))).toBeLessThan(eps)
        // Provenance sums up: derived + declared = index.
        expect(Math.abs(p.provenance.derived + p.provenance.declared - (p.index ?? 0))).toBeLessThan(eps)
        expect(p.evidence).toEqual(Dimension.values.flatMap((d) => p.dimensions[d].evidence))
      }),
      { numRuns: 2000 }
    )
  }, 120_000)

  it("property: adding an individual-assistance benefit to a generative intervention does not by itself make it traditional (invariant 7)", () => {
    fc.assert(
      fc.property(Arb.intervention(), Arb.rubric(), (i, rubric) => {
        const before = Assessment.assess(i, rubric)
        fc.pre(before.class === "generative")
        const after = Assessment.assess({ ...i, assistanceBenefit: true }, rubric)
        expect(after.class).not.toBe("traditional")
        expect(after.index).toBe(before.index)
      }),
      { numRuns: 300 }
    )
    fc.assert(
      fc.property(Arb.interventionAtPole("generative"), Arb.rubric(), (g, rubric) => {
        expect(Assessment.assess({ ...g, assistanceBenefit: true }, rubric).class).toBe("generative")
      }),
      { numRuns: 500 }
    )
  }, 120_000)

  it("property: the persons eligible under generative access are a superset of those under traditional access (invariant 8)", () => {
    const member = Arbitrary.make(Access.Member)
    fc.assert(
      fc.property(fc.array(member, { maxLength: 30 }), (population) => {
        const traditional = Intervention.eligible({ access: "overt-need-only" }, population)
        const generative = Intervention.eligible({ access: "vulnerability-too" }, population)
        for (const p of traditional) expect(generative.has(p)).toBe(true)
      }),
      { numRuns: 1000 }
    )
  }, 120_000)

  it("property: with zero economic resources a benefit-based response has zero capacity, a generative one keeps its time, care and competence (invariant 9)", () => {
    const nonEconomic = fc.array(
      fc.record({
        resource: Arbitrary.make(Resource.Resource).filter((r) => r.kind !== "economic"),
        from: fc.constantFrom(...Intervention.factValues.contributor)
      }),
      { maxLength: 6 }
    )
    fc.assert(
      fc.property(nonEconomic, (resources) => {
        const benefit = Intervention.capacity({ delivery: "request-benefit", resources })
        const generative = Intervention.capacity({ delivery: "resources-responsibility-path", resources })
        expect(benefit).toEqual(Resource.empty)
        expect(generative).toEqual(Resource.totals(resources.map((r) => r.resource)))
        // A mixed delivery chain is not purely benefit-based either.
        expect(Intervention.capacity({ delivery: "both", resources })).toEqual(generative)
      }),
      { numRuns: 1000 }
    )
  }, 120_000)

  it("property: recommend's first suggestion, once applied, raises the index by the gain it announced", () => {
    fc.assert(
      fc.property(Arb.intervention(), Arb.rubric(), (i, rubric) => {
        const recs = Assessment.recommend(i, rubric)
        for (let k = 1; k < recs.length; k++) {
          const [a, b] = [recs[k - 1]!, recs[k]!]
          if (rubric.ranking === "index-gain") expect(a.gain).toBeGreaterThanOrEqual(b.gain)
          else {
            expect(a.priority).toBeLessThanOrEqual(b.priority)
            if (a.priority === b.priority)
              expect(a.gain + a.depthGain).toBeGreaterThanOrEqual(b.gain + b.depthGain - 1e-12)
          }
        }
        const first = recs[0]
        if (first === undefined) return
        expect(first.gain > 0 || first.depthGain > 0).toBe(true)
        const applied = Assessment.applyRecommendation(i, first)
        expect(Intervention.rules(applied)).toEqual([])
        const [before, after] = [Assessment.assess(i, rubric), Assessment.assess(applied, rubric)]
        const gained =
          before.index === undefined || after.index === undefined ? 0 : after.index - before.index
        expect(Math.abs(gained - first.gain)).toBeLessThan(1e-12)
        expect(Math.abs(after.depth - before.depth - first.depthGain)).toBeLessThan(1e-12)
        expect(Trait.byId[first.trait].degree(applied)).toBe(1)
      }),
      { numRuns: 500 }
    )
  }, 120_000)

  it("property: compare(a, a) is all zeros", () => {
    fc.assert(
      fc.property(Arb.intervention(), Arb.rubric(), (i, rubric) => {
        const p = Assessment.assess(i, rubric)
        const c = Assessment.compare(p, p)
        expect(c.index.delta).toBe(p.index === undefined ? undefined : 0)
        expect([c.coverage.delta, c.depth.delta]).toEqual([0, 0])
        expect(c.class.from).toBe(c.class.to)
        for (const d of Dimension.values) {
          const ch = c.dimensions[d]
          expect([ch.delta, ch.added, ch.removed, ch.changed]).toEqual([
            p.dimensions[d].observed ? 0 : undefined,
            [],
            [],
            []
          ])
        }
      }),
      { numRuns: 1000 }
    )
  }, 120_000)

  it("property: the class is monotone in the index, for every rubric", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        Arb.rubric(),
        (x, y, rubric) => {
          const [lo, hi] = x <= y ? [x, y] : [y, x]
          expect(Rubric.rank(Assessment.classify(lo, rubric))).toBeLessThanOrEqual(
            Rubric.rank(Assessment.classify(hi, rubric))
          )
        }
      ),
      { numRuns: 3000 }
    )
  }, 120_000)

  it("reads a benefit-by-request contribution with the seed's words; unobserved dimensions are left out, not 0.5", () => {
    const p = Assessment.assess({
      id,
      worksOn: "lack",
      practice: "cure-treatment",
      delivery: "request-benefit",
      governance: "vertical",
      access: "overt-need-only"
    })
    expect(p.dimensions["reference-model"]).toMatchObject({
      position: 0,
      observed: true,
      traditional: 3,
      generative: 0,
      depth: 0
    })
    // worksOn and practice are the only facts of the reference model: all of its weight (1 + 2 + 2 + 2) is observed.
    expect(p.dimensions["reference-model"].coverage).toBe(1)
    expect(p.dimensions["delivery-chain"]).toMatchObject({ position: 0, traditional: 3 })
    expect(p.dimensions.organisation).toMatchObject({ position: undefined, observed: false, coverage: 0 })
    // 3 observed dimensions, all at 0: the index is 0 (it was 2/7 when unobserved dimensions counted 0.5).
    expect(p.index).toBe(0)
    expect(p.observedDimensions).toBe(3)
    expect(p.class).toBe("insufficient-evidence")
    expect(p.evidence.find((e) => e.trait === "request-benefit")).toMatchObject({
      source: { file: "000_7a1c4c52d0c555b3.txt", row: 8 },
      weight: 2,
      weightProvenance: { kind: "editorial" },
      share: 2 / 3,
      contribution: 0
    })
  })

  it("gives no index and no class to an intervention with only a name (it scored 0.5 and transitional in 0.1)", () => {
    const p = Assessment.assess({ id, name: "Portineria di comunità" })
    expect(p.index).toBeUndefined()
    expect(p.coverage).toBe(0)
    expect(p.class).toBe("insufficient-evidence")
    expect(Dimension.values.map((d) => p.dimensions[d].position)).toEqual(
      Dimension.values.map(() => undefined)
    )
  })

  it("does not class seven generative facts, one per dimension, as fully generative (balance is not depth)", () => {
    const p = Assessment.assess({
      id,
      worksOn: "interactions",
      focus: "community-process",
      needReadBy: "many-interlocutors",
      delivery: "resources-responsibility-path",
      operatorRole: "facilitator",
      organisation: "shared-objectives",
      access: "vulnerability-too"
    })
    expect(p.index).toBe(1)
    expect(p.depth).toBeLessThan(0.5)
    expect(p.coverage).toBeLessThan(0.5)
    expect(p.class).toBe("insufficient-evidence")
    // With enough coverage but little depth, the class stops at transitional.
    const lenient = Rubric.make({ evidence: { minCoverage: 0.3 } })
    expect(lenient._tag).toBe("Right")
    const seven = {
      id,
      worksOn: "interactions",
      focus: "community-process",
      needReadBy: "many-interlocutors",
      delivery: "resources-responsibility-path",
      operatorRole: "facilitator",
      organisation: "shared-objectives",
      access: "vulnerability-too"
    } as const
    if (lenient._tag === "Right") expect(Assessment.assess(seven, lenient.right).class).toBe("transitional")
  })

  it("reads a mixed value as half evidence for both poles: operators who deliver and facilitate", () => {
    const p = Assessment.assess({ id, operatorRole: "both" })
    expect(p.dimensions["operator-role"].evidence.map((e) => [e.trait, e.degree])).toEqual([
      ["specialist-operator", Trait.mixedDegree],
      ["facilitator-operator", Trait.mixedDegree]
    ])
    expect(p.dimensions["operator-role"].position).toBe(0.5)
    expect(p.dimensions["operator-role"].depth).toBeCloseTo((0.5 * 2) / 3, 12)
  })

  it("reads a tariff as «tutto pagato - tutto dovuto», not as a resource the citizen brings (seed 000, rows 8 and 11)", () => {
    const tariff = {
      resource: Resource.unsafeMake("economic", 30),
      from: "beneficiaries",
      mode: "tariff"
    } as const
    const p = Assessment.assess({ id, resources: [tariff] })
    expect(p.evidence.map((e) => e.trait)).toEqual(["all-paid-all-due", "economic-only"])
    // Compulsory community work under sanction and paid work are not responsibility taken by choice
    // either; paid work is money in another form (seed 000, row 11: «sta in piedi se ci sono risorse economiche»).
    const by = (mode: "compulsory" | "paid") =>
      Assessment.assess({
        id,
        resources: [{ resource: Resource.unsafeMake("time", 10), from: "beneficiaries", mode }]
      }).evidence.map((e) => e.trait)
    expect(by("compulsory")).toEqual([])
    expect(by("paid")).toEqual(["economic-only"])
    const agreed = Assessment.assess({
      id,
      resources: [{ resource: Resource.unsafeMake("time", 10), from: "beneficiaries", mode: "agreed" }]
    })
    expect(agreed.evidence.map((e) => e.trait)).toEqual(["citizen-brings-resources", "social-capital"])
    // Families who are not beneficiaries bring resources too.
    const families = Assessment.assess({ id, resources: [{ kind: "care", from: "community" }] })
    expect(families.evidence.map((e) => e.trait)).toEqual(["citizen-brings-resources", "social-capital"])
  })

  it("property: money paid (a tariff from the beneficiaries, paid work) is never read as a resource given, and never raises the index (invariant 17, seed 000 rows 8 and 11)", () => {
    const given = new Set<string>(["citizen-brings-resources", "social-capital"])
    const count = (p: Assessment.Profile) => p.evidence.filter((e) => given.has(e.trait)).length
    fc.assert(
      fc.property(
        Arb.intervention(),
        fc.oneof(
          fc.record({
            resource: fc.integer({ min: 1, max: 1_000_000 }).map((n) => Resource.unsafeMake("economic", n)),
            from: fc.constant("beneficiaries" as const),
            mode: fc.constant("tariff" as const)
          }),
          fc.record({
            resource: fc
              .tuple(
                fc.constantFrom("time" as const, "care" as const, "competence" as const),
                fc.integer({ min: 1, max: 10_000 })
              )
              .map(([kind, n]) => Resource.unsafeMake(kind, n)),
            from: fc.constantFrom("beneficiaries" as const, "community" as const),
            mode: fc.constantFrom("paid" as const, "compulsory" as const)
          })
        ),
        (i, paid) => {
          const before = Assessment.assess(i)
          const after = Assessment.assess({ ...i, resources: [...(i.resources ?? []), paid] })
          expect(count(after)).toBeLessThanOrEqual(count(before))
          if (before.index !== undefined && after.index !== undefined)
            expect(after.index).toBeLessThanOrEqual(before.index + eps)
        }
      )
    )
  })

  it("reads how far a service depends on money as a share: one volunteer hour no longer hides a budget", () => {
    const p = Assessment.assess({
      id,
      resources: [
        { resource: Resource.unsafeMake("economic", 180000), from: "institution" },
        { resource: Resource.unsafeMake("time", 1), from: "community" }
      ]
    })
    expect(p.evidence.find((e) => e.trait === "economic-only")?.degree).toBeCloseTo(180000 / 180020, 12)
    // Goods given in kind are not money.
    const inKind = Assessment.assess({
      id,
      resources: [{ resource: Resource.unsafeMake("economic", 500), from: "community", form: "in-kind" }]
    })
    expect(inKind.evidence.map((e) => e.trait)).toEqual(["citizen-brings-resources", "social-capital"])
  })

  it("weighs a design split: a service designed 30% with the people", () => {
    const p = Assessment.assess({ id, designed: "both", designSplit: 0.3 })
    // designed-by-for 1 * 0.7, designed-with 1 * 0.3
    expect(p.dimensions["needs-analysis"].position).toBeCloseTo(0.3, 12)
    expect(p.dimensions["needs-analysis"].evidence.map((e) => [e.trait, e.degree])).toEqual([
      ["designed-by-for", 0.7],
      ["designed-with", 0.3]
    ])
  })

  it("recommends, for a request-benefit service, the seeds' priorities first, with who could act and why", () => {
    const service = {
      id,
      delivery: "request-benefit",
      governance: "vertical",
      userRole: "passive-beneficiary",
      organisation: "sector-by-need-category"
    } as const
    const recs = Assessment.recommend(service)
    // The citizen's and the community's resources and the path of responsibility (seed 000, rows 8 and 11) come first.
    expect(recs.slice(0, 2).map((r) => r.trait)).toEqual(["citizen-brings-resources", "social-capital"])
    const firstSecond = recs.findIndex((r) => r.priority === 2)
    expect(recs.slice(firstSecond).every((r) => r.priority === 2)).toBe(true)
    expect(recs.filter((r) => r.priority === 1).map((r) => r.trait)).toEqual([
      "citizen-brings-resources",
      "social-capital",
      "reads-community",
      "many-interlocutors",
      "daily-life-spaces",
      "designed-with",
      "responsibility-path"
    ])
    const chain = recs.find((r) => r.trait === "responsibility-path")!
    expect(chain).toMatchObject({ priority: 1, whySource: { file: Dimension.seedFile, row: 8 } })
    expect(chain.actors).toContain("local-authority")
    expect(chain.why.it).toContain("Cittadino è portatore di risorse/esigenze")
    expect(chain.source).toEqual({ file: Dimension.seedFile, row: 8 })
    expect(chain.patch).toEqual({ delivery: "resources-responsibility-path" })
    // Observed dimensions: delivery chain (at 0) and organisation (at 0). The delivery chain
    // goes to 2 / 4: request-benefit (2) is replaced, vertical (1) and passive (1) remain.
    expect(chain.gain).toBeCloseTo(0.5 / 2, 12)
    // The 0.1 ranking by index gain alone put a single-role change first.
    const byGain = Rubric.make({ ranking: "index-gain" })
    if (byGain._tag === "Right")
      expect(Assessment.recommend(service, byGain.right)[0]?.trait).toBe("shared-objectives")
  })

  it("compares two years of a service, listing the evidence that changed", () => {
    const before = Assessment.assess({ id, designed: "by-for", delivery: "request-benefit" })
    const after = Assessment.assess({ id, designed: "both", designSplit: 0.5, delivery: "request-benefit" })
    const c = Assessment.compare(before, after)
    expect(c.dimensions["needs-analysis"]).toMatchObject({ from: 0, to: 0.5, delta: 0.5 })
    expect(c.dimensions["needs-analysis"].added.map((e) => e.trait)).toEqual(["designed-with"])
    expect(c.dimensions["needs-analysis"].changed.map((x) => [x.from.degree, x.to.degree])).toEqual([
      [1, 0.5]
    ])
    expect(c.dimensions["delivery-chain"].delta).toBe(0)
    // Two observed dimensions: the needs analysis moves by 0.5, the index by 0.5 / 2.
    expect(c.index.delta).toBeCloseTo(0.5 / 2, 12)
    expect(c.dimensions.organisation.delta).toBeUndefined()
  })
})
