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
  it("property: every position and the index lie in [0, 1] for every rubric (invariant 1)", () => {
    fc.assert(
      fc.property(Arb.intervention(), Arb.rubric(), (i, rubric) => {
        const p = Assessment.assess(i, rubric)
        for (const x of [...positions(p), p.index]) {
          expect(x).toBeGreaterThanOrEqual(0)
          expect(x).toBeLessThanOrEqual(1)
        }
      }),
      { numRuns: 2000 }
    )
  })

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
            const delta = after.dimensions[d].position - before.dimensions[d].position
            if (d !== trait.dimension) expect(delta).toBe(0)
            else if (trait.pole === "generative") expect(delta).toBeGreaterThanOrEqual(-1e-12)
            else expect(delta).toBeLessThanOrEqual(1e-12)
          }
          if (trait.pole === "generative") expect(after.index).toBeGreaterThanOrEqual(before.index - 1e-12)
          else expect(after.index).toBeLessThanOrEqual(before.index + 1e-12)
        }
      ),
      { numRuns: 3000 }
    )
  })

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
  })

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
  })

  it("property: every point of every score is backed by evidence naming trait, dimension, pole and seed source (invariant 5)", () => {
    fc.assert(
      fc.property(Arb.intervention(), Arb.rubric(), (i, rubric) => {
        const p = Assessment.assess(i, rubric)
        let indexFromEvidence = p.neutral
        for (const d of Dimension.values) {
          const s = p.dimensions[d]
          const contributions = s.evidence.reduce((acc, e) => acc + e.contribution, 0)
          if (s.observed) {
            expect(Math.abs(contributions - s.position)).toBeLessThan(eps)
            expect(Math.abs(s.evidence.reduce((acc, e) => acc + e.share, 0) - 1)).toBeLessThan(eps)
          } else {
            expect(s.position).toBe(0.5)
            expect(s.evidence).toEqual([])
          }
          for (const e of s.evidence) {
            const trait = Trait.byId[e.trait]
            expect([e.dimension, e.pole, e.source, e.text]).toEqual([d, trait.pole, trait.source, trait.text])
            expect(e.source.file).toBe(Dimension.seedFile)
            expect(e.weight).toBe(rubric.weights[e.trait])
            indexFromEvidence += e.indexContribution
          }
        }
        expect(Math.abs(indexFromEvidence - p.index)).toBeLessThan(eps)
        expect(p.evidence).toEqual(Dimension.values.flatMap((d) => p.dimensions[d].evidence))
      }),
      { numRuns: 2000 }
    )
  })

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
  })

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
  })

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
      }),
      { numRuns: 1000 }
    )
  })

  it("property: recommend's first suggestion, once applied, raises the index by the gain it announced", () => {
    fc.assert(
      fc.property(Arb.intervention(), Arb.rubric(), (i, rubric) => {
        const recs = Assessment.recommend(i, rubric)
        for (let k = 1; k < recs.length; k++) expect(recs[k - 1]!.gain).toBeGreaterThanOrEqual(recs[k]!.gain)
        const first = recs[0]
        if (first === undefined) return
        expect(first.gain).toBeGreaterThan(0)
        const applied = Assessment.apply(i, first)
        expect(Intervention.rules(applied)).toEqual([])
        const gained = Assessment.assess(applied, rubric).index - Assessment.assess(i, rubric).index
        expect(Math.abs(gained - first.gain)).toBeLessThan(1e-12)
        expect(Trait.byId[first.trait].degree(applied)).toBe(1)
      }),
      { numRuns: 500 }
    )
  })

  it("property: compare(a, a) is all zeros", () => {
    fc.assert(
      fc.property(Arb.intervention(), Arb.rubric(), (i, rubric) => {
        const p = Assessment.assess(i, rubric)
        const c = Assessment.compare(p, p)
        expect(c.index.delta).toBe(0)
        expect(c.class.from).toBe(c.class.to)
        for (const d of Dimension.values) {
          const ch = c.dimensions[d]
          expect([ch.delta, ch.added, ch.removed, ch.changed]).toEqual([0, [], [], []])
        }
      }),
      { numRuns: 1000 }
    )
  })

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
  })

  it("reads a benefit-by-request contribution with the seed's words and neutral unobserved dimensions", () => {
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
      generative: 0
    })
    expect(p.dimensions["delivery-chain"]).toMatchObject({ position: 0, traditional: 3 })
    expect(p.dimensions.organisation).toMatchObject({ position: 0.5, observed: false })
    // 3 observed dimensions at 0, 4 unobserved at 0.5: (4 * 0.5) / 7
    expect(p.index).toBeCloseTo(2 / 7, 12)
    expect(p.neutral).toBeCloseTo(2 / 7, 12)
    expect(p.class).toBe("traditional")
    expect(p.evidence.find((e) => e.trait === "request-benefit")).toMatchObject({
      source: { file: "000_7a1c4c52d0c555b3.txt", row: 8 },
      weight: 2,
      share: 2 / 3,
      contribution: 0
    })
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

  it("recommends, for a request-benefit service, the change of delivery chain among the first with its seed source", () => {
    const service = {
      id,
      delivery: "request-benefit",
      governance: "vertical",
      userRole: "passive-beneficiary",
      organisation: "sector-by-need-category"
    } as const
    const recs = Assessment.recommend(service)
    expect(recs[0]).toMatchObject({ trait: "shared-objectives", dimension: "organisation" })
    // the organisation moves from sectors by need category (0) to shared objectives (1)
    expect(recs[0]!.gain).toBeCloseTo(1 / 7, 12)
    const chain = recs.find((r) => r.trait === "responsibility-path")!
    expect(chain.source).toEqual({ file: Dimension.seedFile, row: 8 })
    expect(chain.patch).toEqual({ delivery: "resources-responsibility-path" })
    // delivery chain: request-benefit (2) is replaced, vertical (1) and passive (1) remain: 2 / 4
    expect(chain.gain).toBeCloseTo(0.5 / 7, 12)
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
    expect(c.index.delta).toBeCloseTo(0.5 / 7, 12)
  })
})
