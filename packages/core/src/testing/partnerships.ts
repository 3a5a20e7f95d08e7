/**
 * Arbitraries of partnerships, the Citizenship Charter, the Solidarity Pact
 * and partnership networks: realistic Legnano-like actors, tables of two to
 * six members, Charters of one to five projects and Pacts that respect every
 * signing rule.
 *
 * @since 0.1.0
 */
import * as Arbitrary from "effect/Arbitrary"
import * as fc from "fast-check"
import * as Actor from "../Actor.js"
import * as CitizenshipCharter from "../CitizenshipCharter.js"
import * as Partnership from "../Partnership.js"
import * as PolicyArea from "../PolicyArea.js"
import * as Resource from "../Resource.js"
import * as SolidarityPact from "../SolidarityPact.js"

/**
 * Any role a partnership member may hold.
 *
 * @category arbitraries
 * @since 0.1.0
 */
export const partnershipRole = (): fc.Arbitrary<Partnership.Role> => fc.constantFrom(...Partnership.roles)

/**
 * Any governance logic: hierarchy, market or network.
 *
 * @category arbitraries
 * @since 0.1.0
 */
export const governanceLogic = (): fc.Arbitrary<Partnership.GovernanceLogic> =>
  fc.constantFrom(...Partnership.governanceLogics)

/**
 * Any responsibility.
 *
 * @category arbitraries
 * @since 0.1.0
 */
export const responsibility = (): fc.Arbitrary<Partnership.Responsibility> =>
  fc.constantFrom(...Partnership.responsibilities)

/**
 * Any target group of a Charter project.
 *
 * @category arbitraries
 * @since 0.1.0
 */
export const targetGroup = (): fc.Arbitrary<CitizenshipCharter.TargetGroup> =>
  fc.constantFrom(...CitizenshipCharter.targetGroups)

const nonPromoterRoles = Partnership.roles.filter((r) => r !== "promoter")

const commitments = (): fc.Arbitrary<ReadonlyArray<Resource.Resource>> =>
  fc.array(Arbitrary.make(Resource.Resource), { maxLength: 3 })

const memberOf = (actor: Actor.ActorId, promoter: boolean): fc.Arbitrary<Partnership.Member> =>
  fc
    .record({
      roles: fc.uniqueArray(fc.constantFrom(...nonPromoterRoles), {
        minLength: promoter ? 0 : 1,
        maxLength: 2
      }),
      commitments: commitments(),
      responsibilities: fc.uniqueArray(responsibility(), { maxLength: 3 })
    })
    .map(({ roles, ...rest }) => ({
      actor,
      roles: promoter ? (["promoter", ...roles] as const) : roles,
      ...rest
    }))

/**
 * A valid partnership whose members are drawn from `actorIds` (at least one;
 * by default generated ids). When it has a promoter, the promoter is its
 * first member and holds the role promoter.
 *
 * @category arbitraries
 * @since 0.1.0
 */
export const partnership = (
  options: { readonly actorIds?: ReadonlyArray<Actor.ActorId>; readonly maxMembers?: number } = {}
): fc.Arbitrary<Partnership.Partnership> => {
  const members =
    options.actorIds === undefined
      ? fc.uniqueArray(Arbitrary.make(Actor.ActorId), { minLength: 1, maxLength: options.maxMembers ?? 6 })
      : fc.shuffledSubarray([...options.actorIds], {
          minLength: Math.min(1, options.actorIds.length),
          maxLength: Math.min(options.maxMembers ?? 6, options.actorIds.length)
        })
  return fc
    .record({
      id: Arbitrary.make(Partnership.PartnershipId),
      name: Arbitrary.make(Partnership.PartnershipFields.fields.name),
      form: fc.constantFrom(...Partnership.forms),
      governance: governanceLogic(),
      policyAreas: fc.uniqueArray(fc.constantFrom(...PolicyArea.values), { maxLength: 3 }),
      withPromoter: fc.boolean(),
      ids: members
    })
    .filter(({ ids }) => ids.length > 0)
    .chain(({ withPromoter, ids, ...rest }) =>
      fc
        .tuple(...ids.map((id, i) => memberOf(id, withPromoter && i === 0)))
        .map((ms) => ({ ...rest, ...(withPromoter ? { promoter: ids[0]! } : {}), members: ms }))
    )
}

const kindsWeighted: ReadonlyArray<{
  readonly arbitrary: fc.Arbitrary<Actor.ActorKind>
  readonly weight: number
}> = [
  {
    arbitrary: fc.constantFrom("local-authority", "public-institution", "school-culture-research"),
    weight: 3
  },
  {
    arbitrary: fc.constantFrom(
      "social-private-body",
      "volunteer-organisation",
      "social-cooperative",
      "promotion-association",
      "foundation",
      "educational-agency",
      "trade-union"
    ),
    weight: 5
  },
  { arbitrary: fc.constant("business"), weight: 1 },
  { arbitrary: fc.constantFrom("informal-network", "spontaneous-group", "citizen"), weight: 2 }
]

/**
 * Actors with unique ids (`act-1` ...) and kinds weighted as in a district:
 * third sector most often, then public bodies, informal groups and citizens,
 * then businesses.
 *
 * @category arbitraries
 * @since 0.1.0
 */
export const networkActors = (
  constraints: { readonly minActors?: number; readonly maxActors?: number } = {}
): fc.Arbitrary<ReadonlyArray<Actor.Actor>> =>
  fc
    .array(fc.oneof(...kindsWeighted), {
      minLength: constraints.minActors ?? 0,
      maxLength: constraints.maxActors ?? 12
    })
    .map((kinds) =>
      kinds.map((kind, i) => Actor.unsafeMake({ id: Actor.ActorId.make(`act-${i + 1}`), kind }))
    )

/**
 * The input of a partnership network: actors with unique ids, and valid
 * partnerships whose members are among them. Some actors may be in no
 * partnership.
 *
 * @category arbitraries
 * @since 0.1.0
 */
export const partnershipWorld = (
  constraints: {
    readonly minActors?: number
    readonly maxActors?: number
    readonly maxPartnerships?: number
  } = {}
): fc.Arbitrary<{
  readonly actors: ReadonlyArray<Actor.Actor>
  readonly partnerships: ReadonlyArray<Partnership.Partnership>
}> =>
  networkActors({ minActors: constraints.minActors ?? 1, maxActors: constraints.maxActors ?? 12 }).chain(
    (actors) =>
      fc
        .array(partnership({ actorIds: actors.map((a) => a.id) }), {
          maxLength: constraints.maxPartnerships ?? 6
        })
        .map((ps) => ({
          actors,
          partnerships: ps.map((p, i) => ({ ...p, id: Partnership.PartnershipId.make(`pship-${i + 1}`) }))
        }))
  )

/**
 * A valid Citizenship Charter: one to five projects with unique ids, each
 * with policy areas and target groups.
 *
 * @category arbitraries
 * @since 0.1.0
 */
export const citizenshipCharter = (
  constraints: { readonly maxProjects?: number } = {}
): fc.Arbitrary<CitizenshipCharter.CitizenshipCharter> =>
  fc.record({
    id: Arbitrary.make(CitizenshipCharter.CharterId),
    title: Arbitrary.make(CitizenshipCharter.CharterFields.fields.title),
    projects: fc.uniqueArray(Arbitrary.make(CitizenshipCharter.Project), {
      minLength: 1,
      maxLength: constraints.maxProjects ?? 5,
      selector: (p) => p.id
    })
  })

/**
 * A valid Pact with its Charter and actors: every signatory is a known actor
 * that signs once and commits something; every project has a supporter; a
 * municipality signs (seed 004, row 47); signatories span several sectors,
 * or the Pact says why not.
 *
 * @category arbitraries
 * @since 0.1.0
 */
export const pactScenario = (): fc.Arbitrary<{
  readonly actors: ReadonlyArray<Actor.Actor>
  readonly charter: CitizenshipCharter.CitizenshipCharter
  readonly pact: SolidarityPact.SolidarityPact
}> =>
  fc
    .record({
      actors: networkActors({ minActors: 1, maxActors: 10 }),
      charter: citizenshipCharter(),
      id: Arbitrary.make(SolidarityPact.PactId),
      note: fc.option(fc.constantFrom("Prima fase: firmano i Comuni, il terzo settore aderisce in autunno"), {
        nil: undefined
      })
    })
    .map(({ actors, ...rest }) => ({
      ...rest,
      // The pact is made «con i Comuni» (seed 004, row 47): the district has a municipality.
      actors: actors.some((a) => a.kind === "local-authority")
        ? actors
        : actors.map((a, i) => (i === 0 ? { ...a, kind: "local-authority" as const } : a))
    }))
    .chain(({ actors, charter, id, note }) =>
      fc
        .shuffledSubarray([...actors], { minLength: 1 })
        .map((ss) =>
          ss.some((a) => a.kind === "local-authority")
            ? ss
            : [actors.find((a) => a.kind === "local-authority")!, ...ss]
        )
        .chain((signers) =>
          fc.tuple(
            ...signers.map((a) =>
              fc.record({
                actor: fc.constant(a.id),
                supports: fc.subarray(
                  CitizenshipCharter.projectIds(charter) as Array<CitizenshipCharter.ProjectId>
                ),
                responsibilities: fc.uniqueArray(responsibility(), { minLength: 1, maxLength: 3 }),
                resources: commitments(),
                signedOn: Arbitrary.make(SolidarityPact.SigningDate)
              })
            )
          )
        )
        .map((signatories) => {
          // Every project gets a supporter: the first signatory takes the unsupported ones.
          const supported = new Set(signatories.flatMap((s) => s.supports))
          const missing = CitizenshipCharter.projectIds(charter).filter((p) => !supported.has(p))
          const fixed = signatories.map((s, i) =>
            i === 0 ? { ...s, supports: [...s.supports, ...missing] } : s
          )
          const byId = new Map(actors.map((a) => [a.id, a]))
          const sectors = SolidarityPact.sectorsOf({ signatories: fixed }, byId)
          const sectorsNote =
            note ?? (sectors.length === 1 ? "Prima fase: firmano i soggetti di un solo settore" : undefined)
          return {
            actors,
            charter,
            pact: {
              id,
              charter: charter.id,
              title: "Patto di solidarietà",
              signatories: fixed,
              ...(sectorsNote === undefined ? {} : { sectorsNote })
            }
          }
        })
    )
