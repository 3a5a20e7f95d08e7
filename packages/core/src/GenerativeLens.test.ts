import { readFileSync } from "node:fs"
import * as Either from "effect/Either"
import * as fc from "fast-check"
import { describe, expect, it } from "vitest"
import * as Actor from "./Actor.js"
import * as CoDesign from "./CoDesign.js"
import * as Decoder from "./Decoder.js"
import * as GenerativeLens from "./GenerativeLens.js"
import * as Indicator from "./Indicator.js"
import * as Partnership from "./Partnership.js"
import * as Problem from "./Problem.js"
import * as TakingCharge from "./TakingCharge.js"
import * as Territory from "./Territory.js"
import * as Arb from "./testing/index.js"

const legnano = (() => {
  const decoded = Territory.decode(
    JSON.parse(readFileSync(new URL("../../../examples/territories/legnano.json", import.meta.url), "utf8"))
  )
  if (Either.isLeft(decoded)) throw new Error(decoded.left.map(Problem.format).join("\n"))
  return decoded.right
})()

const shares = (fractions: { readonly [id: string]: GenerativeLens.Fraction }) =>
  Object.fromEntries(
    Object.entries(fractions).map(([id, f]) => [
      id,
      [f.part, f.whole, f.share && Math.round(f.share * 100) / 100]
    ])
  )

describe("GenerativeLens: the ready-made indicators", () => {
  it("decode as indicator definitions, with Italian and English labels and distinct ids", () => {
    const decode = Decoder.lazy(Indicator.IndicatorDefinition)
    for (const d of GenerativeLens.definitions)
      expect(decode(JSON.parse(JSON.stringify(d)))).toEqual(Either.right(d))
    expect(new Set(GenerativeLens.definitions.map((d) => d.id)).size).toBe(6)
  })
})

describe("GenerativeLens on the Legnano territory (seed 004)", () => {
  it("computes every lens from the territory's own models", () => {
    expect(shares(GenerativeLens.ofTerritory(legnano))).toEqual({
      // hours of rete-vicinato (900), genitori-canegrate (300) and the citizen p-0017 (50) of 18,370
      "ind-gen-community-resources": [1250, 18370, 6.8],
      "ind-gen-beneficiary-resources": [50, 18370, 0.27],
      // the five tables of the Pact each join at least two sectors
      "ind-gen-cross-sector-partnerships": [5, 5, 100],
      // codesign-legnano-2015: recipients in the needs analysis (ev-07) and the verification (ev-41)
      "ind-gen-final-recipient-participation": [1, 1, 100],
      // case-2025-0017 was linked to coop-melograno, cgil-legnano and rete-vicinato
      "ind-gen-community-response": [1, 1, 100],
      // p-0017 has an overt need; p-0023 only an emerging one raised by the family
      "ind-gen-vulnerability-access": [1, 2, 50]
    })
  })

  it("counts a partnership of the public sector alone as not cross-sector", () => {
    const publicOnly = {
      members: [
        Partnership.member("comune-legnano", ["promoter"]),
        Partnership.member("ufficio-di-piano", ["partner"]),
        Partnership.member("asst-ovest-milanese", ["partner"])
      ]
    }
    const f = GenerativeLens.crossSectorPartnerships([...legnano.partnerships, publicOnly], legnano.actors)
    expect([f.part, f.whole, f.share]).toEqual([5, 6, (5 / 6) * 100])
  })

  it("reads final-recipient participation from the participation records of the co-design", () => {
    const process = legnano.coDesigns[0]!
    expect(GenerativeLens.recipientParticipation(process)).toEqual({
      needsAnalysis: true,
      verification: true
    })
    // without the verification meeting of 21 November 2016 (ev-41) the recipients did not verify
    const withoutVerification = {
      events: process.events.filter(
        (e) => !(e._tag === "participation-recorded" && e.activity === "verification")
      )
    }
    expect(GenerativeLens.recipientParticipation(withoutVerification)).toEqual({
      needsAnalysis: true,
      verification: false
    })
    expect(GenerativeLens.finalRecipientsOf([process, withoutVerification])).toEqual({
      part: 1,
      whole: 2,
      share: 50
    })
  })

  it("replays the taking-charge log: a second case without community response halves the share", () => {
    const at = (day: number) => TakingCharge.timestampOf(Date.UTC(2025, 2, day))
    const other: ReadonlyArray<TakingCharge.Event> = [
      {
        _tag: "NeedRecorded",
        eventId: TakingCharge.EventId.make("ev-0023-01"),
        caseId: TakingCharge.CaseId.make("case-2025-0023"),
        at: at(3),
        by: Actor.ActorId.make("comune-legnano"),
        need: legnano.needs.find((n) => n.person === "p-0023")!.id
      }
    ]
    expect(GenerativeLens.communityResponsesOf([...legnano.takingCharge, ...other])).toEqual({
      part: 1,
      whole: 2,
      share: 50
    })
  })

  it("measures the social counterpart of p-0017: 50 hours given back of the 110 hours of the path", () => {
    const f = GenerativeLens.socialCounterpartOf(legnano.takingCharge)
    expect([f.part, f.whole, Math.round(f.share! * 100) / 100]).toEqual([50, 110, 45.45])
  })

  it("turns a lens into a measurement of its ready-made indicator", () => {
    const f = GenerativeLens.ofTerritory(legnano)[GenerativeLens.communityResourceShare.id]!
    const m = GenerativeLens.toMeasurement(GenerativeLens.communityResourceShare, f, {
      assignment: "asg-community-resources" as never,
      period: { start: "2016-01-01", end: "2016-12-31" },
      measuredBy: Actor.ActorId.make("forum-terzo-settore"),
      source: "administrative-data"
    })
    expect([m?.indicator, m?.value, m?.unit]).toEqual(["ind-gen-community-resources", 6.8, "percent"])
    expect(
      GenerativeLens.toMeasurement(
        GenerativeLens.communityResourceShare,
        { part: 0, whole: 0 },
        {
          assignment: "asg-community-resources" as never,
          period: { start: "2016-01-01", end: "2016-12-31" },
          measuredBy: Actor.ActorId.make("forum-terzo-settore"),
          source: "administrative-data"
        }
      )
    ).toBeUndefined()
  })
})

describe("GenerativeLens properties", () => {
  it("property: the share of taking-charge paths with a community response does not depend on how the cases interleave (invariant 4)", () => {
    fc.assert(
      fc.property(
        Arb.caseHistories({ maxCases: 4 }).chain((hs) =>
          fc.tuple(fc.constant(hs), Arb.interleaving(hs), Arb.interleaving(hs))
        ),
        ([histories, a, b]) => {
          const f = GenerativeLens.communityResponsesOf(a)
          expect(GenerativeLens.communityResponsesOf(b)).toEqual(f)
          expect(f.whole).toBe(histories.length)
          // a case counts exactly when one of its events linked a community response
          expect(f.part).toBe(
            histories.filter((h) => h.some((e) => e._tag === "CommunityResponseLinked")).length
          )
        }
      )
    )
  })

  it("property: the cross-sector share does not depend on the order of partnerships, members or actors (invariant 4)", () => {
    fc.assert(
      fc.property(
        Arb.partnershipWorld().chain((w) =>
          fc.tuple(
            fc.constant(w),
            fc.shuffledSubarray([...w.partnerships], { minLength: w.partnerships.length }),
            fc.shuffledSubarray([...w.actors], { minLength: w.actors.length })
          )
        ),
        ([w, partnerships, actors]) => {
          const reversed = partnerships.map((p) => ({ members: [...p.members].reverse() }))
          const f = GenerativeLens.crossSectorPartnerships(w.partnerships, w.actors)
          expect(GenerativeLens.crossSectorPartnerships(reversed, actors)).toEqual(f)
          expect(f.part).toBeLessThanOrEqual(f.whole)
        }
      ),
      { numRuns: 100 }
    )
  })

  it("property: a co-design with equal dignity has its final recipients in the needs analysis and the verification (invariant 11)", () => {
    fc.assert(
      fc.property(Arb.coDesignProcess({ maxEvents: 60 }), (process) => {
        const r = GenerativeLens.recipientParticipation(process)
        if (CoDesign.hasEqualDignity(process)) expect(r).toEqual({ needsAnalysis: true, verification: true })
        expect(GenerativeLens.finalRecipientsOf([process]).part).toBe(
          r.needsAnalysis && r.verification ? 1 : 0
        )
      }),
      { numRuns: 100 }
    )
  })

  it("property: access widening is a share of the generatively eligible, between 0 and 100 (invariant 8)", () => {
    fc.assert(
      fc.property(Arb.needs(), (needs) => {
        const f = GenerativeLens.accessWideningOf(needs)
        expect(f.part).toBeLessThanOrEqual(f.whole)
        if (f.share !== undefined) expect(f.share >= 0 && f.share <= 100).toBe(true)
        // every person with a need is reached by generative access
        expect(f.whole).toBe(new Set(needs.flatMap((n) => (n.person === undefined ? [] : [n.person]))).size)
      })
    )
  })
})
