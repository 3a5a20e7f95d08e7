/**
 * The traditional-versus-generative assessment (issues 6 and 12): `assess` of
 * 100,000 interventions in under 1 s, `assessTerritory` of 10,000 actors,
 * 100,000 ties and 100,000 interventions in under 5 s, and the sensitivity
 * analysis of one profile with 1,000 draws in under 50 ms (reported apart). The reference for `assess` is
 * a hand-written scorer that reads the same facts into the seven positions
 * without any evidence, so the cost of the explanation is visible.
 */
import {
  type Actor,
  Assessment,
  Intervention,
  Partnership,
  Resource,
  Sensitivity,
  TerritoryAssessment
} from "@welfare/core"
import { byName, type Scenario, seeded } from "../harness.js"

const INTERVENTIONS = 100_000
const ACTORS = 10_000
const TIES = 100_000

const v = Intervention.factValues
const kinds: ReadonlyArray<Actor.ActorKind> = [
  "local-authority",
  "public-institution",
  "social-cooperative",
  "volunteer-organisation",
  "promotion-association",
  "foundation",
  "business",
  "informal-network",
  "citizen"
]

/** Realistic interventions: each fact observed with probability 0.8, values drawn evenly. */
const interventions = (
  count: number,
  partnerships: number,
  seed: number
): Array<Intervention.Intervention> => {
  const r = seeded(seed)
  const pick = <A>(xs: ReadonlyArray<A>): A => xs[Math.floor(r() * xs.length)]!
  const maybe = <K extends string, A>(key: K, xs: ReadonlyArray<A>) => (r() < 0.8 ? { [key]: pick(xs) } : {})
  return Array.from({ length: count }, (_, i) => {
    const designed = r() < 0.8 ? pick(v.designed) : undefined
    return {
      id: Intervention.InterventionId.make(`int-${i}`),
      ...maybe("worksOn", v.worksOn),
      ...maybe("practice", v.practice),
      ...maybe("focus", v.focus),
      ...maybe("resourcesAim", v.resourcesAim),
      ...maybe("applicant", v.applicant),
      ...maybe("needsTools", v.needsTools),
      ...maybe("needReadBy", v.needReadBy),
      ...maybe("needReadWhere", v.needReadWhere),
      ...(designed === undefined ? {} : designed === "both" ? { designed, designSplit: 0.5 } : { designed }),
      ...maybe("responses", v.responses),
      ...maybe("delivery", v.delivery),
      ...maybe("governance", v.governance),
      ...maybe("thirdSector", v.thirdSector),
      ...maybe("userRole", v.userRole),
      ...maybe("operatorRole", v.operatorRole),
      ...maybe("mediators", v.mediators),
      ...maybe("organisation", v.organisation),
      ...maybe("access", v.access),
      ...maybe("orientation", v.orientation),
      ...maybe("culture", v.culture),
      resources: [
        { resource: Resource.unsafeMake("economic", Math.floor(r() * 50000)), from: "institution" as const },
        ...(r() < 0.5
          ? [{ resource: Resource.unsafeMake("time", Math.floor(r() * 500)), from: pick(v.contributor) }]
          : [])
      ],
      partnerships: [Partnership.PartnershipId.make(`pship-${Math.floor(r() * partnerships)}`)]
    } as unknown as Intervention.Intervention
  })
}

/** Actors in areas of 100; partnerships of 2 to 4 members until `ties` distinct ties exist. */
const world = (seed: number) => {
  const r = seeded(seed)
  const actors = Array.from({ length: ACTORS }, (_, i) => ({
    id: `act-${i}` as Actor.ActorId,
    kind: kinds[Math.floor(r() * kinds.length)]!
  }))
  const seen = new Set<number>()
  const partnerships: Array<{ id: string; governance: string; members: Array<{ actor: Actor.ActorId }> }> = []
  while (seen.size < TIES) {
    const size = 2 + Math.floor(r() * 3)
    const base = Math.floor(r() * (ACTORS / 100)) * 100
    const picks = new Set<number>()
    while (picks.size < size) picks.add(r() < 0.2 ? Math.floor(r() * ACTORS) : base + Math.floor(r() * 100))
    const list = [...picks].sort((a, b) => a - b)
    for (let x = 0; x < list.length; x++)
      for (let y = x + 1; y < list.length; y++) seen.add(list[x]! * ACTORS + list[y]!)
    partnerships.push({
      id: `pship-${partnerships.length}`,
      governance: r() < 0.5 ? "network" : "hierarchy",
      members: list.map((i) => ({ actor: actors[i]!.id }))
    })
  }
  return { actors, partnerships }
}

/** The reference: the same seven positions from the same facts, no evidence, no rubric. */
const handScore = (i: Intervention.Intervention): number => {
  let g = 0
  let t = 0
  if (i.delivery === "resources-responsibility-path") g += 2
  else if (i.delivery === "request-benefit") t += 2
  if (i.governance === "horizontal") g += 1
  else if (i.governance === "vertical") t += 1
  if (i.organisation === "shared-objectives") g += 2
  else if (i.organisation === "sector-by-need-category") t += 2
  if (i.access === "vulnerability-too") g += 2
  else if (i.access === "overt-need-only") t += 2
  if (i.worksOn === "interactions" || i.worksOn === "both") g += 2
  if (i.worksOn === "lack" || i.worksOn === "both") t += 1
  return g + t === 0 ? 0 : g / (g + t)
}

interface Prepared {
  readonly interventions: ReadonlyArray<Intervention.Intervention>
  readonly territory: TerritoryAssessment.TerritoryLike
  readonly profile: Assessment.Profile
}

const OURS = "@welfare/core Assessment.assess, full profile with evidence (100,000 interventions)"
const REFERENCE = "hand-written scorer of 5 dimensions, no evidence (100,000 interventions)"
const TERRITORY =
  "@welfare/core TerritoryAssessment.assessTerritory (10,000 actors, 100,000 ties, 100,000 interventions)"
const SENSITIVITY = "@welfare/core Sensitivity.analyse of one profile (1,000 draws, seeded)"

export const scenario: Scenario<Prepared> = {
  id: "assessment",
  title:
    "Assessment: 100,000 interventions; a territory of 10,000 actors, 100,000 ties, 100,000 interventions",
  target: "assess of 100,000 < 1 s; assessTerritory < 5 s; sensitivity of one profile (1,000 draws) < 50 ms",
  sizes: `${INTERVENTIONS.toLocaleString("en")} interventions (facts observed with p = 0.8, seed 6); ${ACTORS.toLocaleString("en")} actors, ${TIES.toLocaleString("en")} ties from partnerships of 2-4 members (seed 7)`,
  runs: 3,
  prepare: () => {
    const w = world(7)
    const list = interventions(INTERVENTIONS, w.partnerships.length, 6)
    // the profile of the intervention with the most facts recorded: the most work per draw
    const richest = list.reduce((a, b) => (Object.keys(b).length > Object.keys(a).length ? b : a))
    const profile = Assessment.assess(richest)
    return { interventions: list, territory: { ...w, interventions: list }, profile }
  },
  workloads: [
    {
      name: OURS,
      items: INTERVENTIONS,
      run: ({ interventions }) => {
        let sum = 0
        for (const i of interventions) sum += Assessment.assess(i).index ?? 0
        return sum
      }
    },
    {
      name: REFERENCE,
      items: INTERVENTIONS,
      run: ({ interventions }) => {
        let sum = 0
        for (const i of interventions) sum += handScore(i)
        return sum
      }
    },
    {
      name: TERRITORY,
      items: INTERVENTIONS,
      run: ({ territory }) => TerritoryAssessment.assessTerritory(territory).index ?? 0
    },
    {
      name: SENSITIVITY,
      items: 1000,
      run: ({ profile }) => Sensitivity.analyse(profile).stability
    }
  ],
  meets: (results) =>
    byName(results, OURS).medianMs < 1000 &&
    byName(results, TERRITORY).medianMs < 5000 &&
    byName(results, SENSITIVITY).medianMs < 50
}
