/**
 * `@welfare/core/testing`: realistic fast-check arbitraries for every model, so
 * that apps built on the library can property-test their own code. The
 * library's own tests use the same arbitraries.
 *
 * Arbitraries come from the schemas (effect's `Arbitrary.make`) wherever the
 * schema says enough, and are written by hand where a value spans several
 * records (a territory whose references hold).
 *
 * @example
 * ```ts
 * import * as fc from "fast-check"
 * import { Territory } from "@welfare/core"
 * import * as Arb from "@welfare/core/testing"
 *
 * fc.assert(fc.property(Arb.territory(), (t) => Territory.integrity(t).length === 0))
 * ```
 *
 * @packageDocumentation
 * @since 0.1.0
 */
import * as Arbitrary from "effect/Arbitrary"
import * as fc from "fast-check"
import * as Actor from "../Actor.js"
import * as PolicyArea from "../PolicyArea.js"
import * as Resource from "../Resource.js"
import * as Territory from "../Territory.js"

/**
 * Any actor kind.
 *
 * @category arbitraries
 * @since 0.1.0
 */
export const actorKind = (): fc.Arbitrary<Actor.ActorKind> => fc.constantFrom(...Actor.kinds)

/**
 * Any policy area.
 *
 * @category arbitraries
 * @since 0.1.0
 */
export const policyArea = (): fc.Arbitrary<PolicyArea.PolicyArea> => fc.constantFrom(...PolicyArea.values)

/**
 * An actor id such as `act-42`.
 *
 * @category arbitraries
 * @since 0.1.0
 */
export const actorId = (): fc.Arbitrary<Actor.ActorId> => Arbitrary.make(Actor.ActorId)

/**
 * A resource whose unit suits its kind, with a realistic amount (0 to 2,000).
 *
 * @category arbitraries
 * @since 0.1.0
 */
export const resource = (): fc.Arbitrary<Resource.Resource> => Arbitrary.make(Resource.Resource)

/**
 * A list of resources.
 *
 * @category arbitraries
 * @since 0.1.0
 */
export const resources = (
  constraints: { readonly maxLength?: number } = {}
): fc.Arbitrary<ReadonlyArray<Resource.Resource>> =>
  fc.array(resource(), { maxLength: constraints.maxLength ?? 6 })

/**
 * A valid actor: an organisation with a realistic name, or a citizen with none.
 *
 * @category arbitraries
 * @since 0.1.0
 */
export const actor = (): fc.Arbitrary<Actor.Actor> => Arbitrary.make(Actor.Actor)

/**
 * A municipality with an id such as `mun-15`.
 *
 * @category arbitraries
 * @since 0.1.0
 */
export const municipality = (): fc.Arbitrary<Territory.Municipality> => Arbitrary.make(Territory.Municipality)

/**
 * A valid territory: unique municipality and actor ids, and every actor's
 * municipality among the territory's municipalities.
 *
 * @category arbitraries
 * @since 0.1.0
 */
export const territory = (
  constraints: { readonly maxActors?: number; readonly maxMunicipalities?: number } = {}
): fc.Arbitrary<Territory.Territory> =>
  fc
    .record({
      name: fc.constantFrom("Ambito di Legnano", "Distretto di Cremona", "Ambito di Ravenna"),
      municipalities: fc.uniqueArray(municipality(), {
        maxLength: constraints.maxMunicipalities ?? 6,
        selector: (m) => m.id
      }),
      actors: fc.uniqueArray(actor(), { maxLength: constraints.maxActors ?? 20, selector: (a) => a.id }),
      picks: fc.array(fc.nat(), { minLength: 20, maxLength: 20 })
    })
    .map(({ name, municipalities, actors, picks }) =>
      Territory.empty({
        name,
        municipalities,
        actors: actors.map((a, i) => {
          const { municipality: _, ...rest } = a
          const pick = picks[i % picks.length]!
          return municipalities.length === 0 || pick % 3 === 0
            ? rest
            : { ...rest, municipality: municipalities[pick % municipalities.length]!.id }
        })
      })
    )
export * from "./assessment.js"
export * from "./codesign.js"
export * from "./evaluation.js"
export * from "./lines.js"
export * from "./needs.js"
export * from "./partnerships.js"
export * from "./territory.js"
