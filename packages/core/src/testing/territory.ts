/**
 * A full territory: every section of the aggregate root populated (needs,
 * requirements, taking-charge histories, partnerships, the Charter and the
 * Pact, co-design processes, interventions, indicators, assignments,
 * measurements and evaluation rounds), composed from the arbitraries of each
 * module so that every reference holds, every history replays and the Pact
 * follows its signing rules. The actors and municipalities are those of the
 * Ambito di Legnano example (seed 004, `examples/territories/legnano.json`),
 * which the per-module arbitraries draw their ids from, plus a few generated
 * actors.
 *
 * @since 0.1.0
 */
import * as Arbitrary from "effect/Arbitrary"
import * as fc from "fast-check"
import * as Actor from "../Actor.js"
import type * as CitizenshipCharter from "../CitizenshipCharter.js"
import type * as CoDesign from "../CoDesign.js"
import type * as Evaluation from "../Evaluation.js"
import type * as Indicator from "../Indicator.js"
import type * as IndicatorAssignment from "../IndicatorAssignment.js"
import type * as Intervention from "../Intervention.js"
import * as Ledger from "../Ledger.js"
import type * as Measurement from "../Measurement.js"
import * as Need from "../Need.js"
import type * as Partnership from "../Partnership.js"
import type * as PlanningDistrict from "../PlanningDistrict.js"
import * as Resource from "../Resource.js"
import * as SolidarityPact from "../SolidarityPact.js"
import * as TakingCharge from "../TakingCharge.js"
import * as Territory from "../Territory.js"
import { intervention } from "./assessment.js"
import { coDesignProcess } from "./codesign.js"
import { evaluationRound, indicatorAssignment, indicatorDefinition, measurement } from "./evaluation.js"
import { caseHistory, interleaving, need, needs as needList, requirement } from "./needs.js"
import { citizenshipCharter, partnership, responsibility } from "./partnerships.js"

// ISTAT codes from ISTAT's Elenco comuni italiani (see @welfare/istat), all in the Città metropolitana di Milano.
const municipalityIds = [
  ["legnano", "Legnano", "015118"],
  ["cerro-maggiore", "Cerro Maggiore", "015072"],
  ["rescaldina", "Rescaldina", "015181"],
  ["san-vittore-olona", "San Vittore Olona", "015201"],
  ["canegrate", "Canegrate", "015046"],
  ["parabiago", "Parabiago", "015168"],
  ["nerviano", "Nerviano", "015154"],
  ["villa-cortese", "Villa Cortese", "015248"],
  ["busto-garolfo", "Busto Garolfo", "015041"],
  ["dairago", "Dairago", "015099"]
] as const

const district = (n: number): { readonly district?: PlanningDistrict.PlanningDistrict } => {
  const variant = n % 4
  if (variant === 0) return {}
  return {
    district: {
      name: "Ambito di Legnano",
      ...(variant >= 2 ? { code: "Legnano", region: "Lombardia" } : {}),
      ...(variant === 3 ? { zonePlan: { start: "2015-01-01", end: "2017-12-31" } } : {})
    }
  }
}

/**
 * The ten municipalities of the Ambito di Legnano (seed 004), with the ids
 * the assignment and measurement arbitraries use and their ISTAT codes.
 *
 * @category arbitraries
 * @since 0.1.0
 */
export const legnanoMunicipalities: ReadonlyArray<Territory.Municipality> = municipalityIds.map(
  ([id, name, istatCode]) => ({ id: Actor.MunicipalityId.make(id), name, istatCode })
)

const actorSeeds: ReadonlyArray<
  readonly [id: string, kind: Actor.ActorKind, name: string | undefined, municipality: string | undefined]
> = [
  ["comune-legnano", "local-authority", "Comune di Legnano", "legnano"],
  ["comune-parabiago", "local-authority", "Comune di Parabiago", "parabiago"],
  ["ufficio-di-piano", "public-institution", "Ufficio di Piano dell'Ambito di Legnano", "legnano"],
  ["asst-ovest-milanese", "public-institution", "ASST Ovest Milanese", "legnano"],
  ["forum-terzo-settore", "social-private-body", "Forum legnanese del Terzo Settore", "legnano"],
  [
    "casa-volontariato",
    "volunteer-organisation",
    "Casa del Volontariato e del Terzo Settore di Legnano",
    "legnano"
  ],
  ["ciessevi", "volunteer-organisation", "Ciessevi - Centro Servizi per il Volontariato", undefined],
  ["coop-melograno", "social-cooperative", "Cooperativa Sociale Il Melograno", "parabiago"],
  ["acli-famiglie", "promotion-association", "Associazione famiglie Canegrate", "canegrate"],
  ["rete-vicinato", "informal-network", "Rete di vicinato di Rescaldina", "rescaldina"],
  ["fondazione-ticino-olona", "foundation", "Fondazione Comunitaria Ticino Olona", undefined],
  ["ic-carducci", "school-culture-research", "Istituto Comprensivo Carducci", "legnano"],
  ["oratorio-san-domenico", "educational-agency", "Oratorio San Domenico", "legnano"],
  ["confcommercio-alto-milanese", "business", "Confcommercio Alto Milanese", undefined],
  ["cgil-legnano", "trade-union", "CGIL Camera del Lavoro di Legnano", "legnano"],
  ["p-0017", "citizen", undefined, "legnano"],
  ["genitori-canegrate", "spontaneous-group", "Gruppo genitori di Canegrate", "canegrate"]
]

/**
 * The ids of the actors of the Ambito di Legnano example (seed 004): every
 * actor id that the per-module arbitraries (needs, co-design, assignments,
 * measurements, evaluation rounds) draw from.
 *
 * @category arbitraries
 * @since 0.1.0
 */
export const legnanoTerritoryActorIds: ReadonlyArray<Actor.ActorId> = actorSeeds.map(([id]) =>
  Actor.ActorId.make(id)
)

// The needs that the co-design arbitraries identify and trigger processes with.
const coDesignNeeds = [
  "need-casa",
  "need-lavoro",
  "need-anziani-soli",
  "need-conciliazione",
  "need-vulnerabilita"
].map((n) => Need.NeedId.make(n))

/** Picks from a fixed list of numbers, round and round: pure, so shrinking stays readable. */
const picker = (numbers: ReadonlyArray<number>) => {
  let i = 0
  const nat = (): number => numbers[i++ % numbers.length] ?? 0
  const one = <A>(xs: ReadonlyArray<A>): A => xs[nat() % xs.length]!
  const some = <A>(xs: ReadonlyArray<A>, max: number): Array<A> => [
    ...new Set(Array.from({ length: nat() % (max + 1) }, () => one(xs)))
  ]
  return { nat, one, some }
}

/** A Pact over the given actors and Charter that follows every signing rule. */
const pactFor = (
  actors: ReadonlyArray<Actor.Actor>,
  charter: CitizenshipCharter.CitizenshipCharter
): fc.Arbitrary<SolidarityPact.SolidarityPact> => {
  const projectIds = charter.projects.map((p) => p.id)
  return fc
    .record({
      id: Arbitrary.make(SolidarityPact.PactId),
      // The pact is made «con i Comuni» (seed 004, row 47): a municipality always signs.
      signers: fc
        .shuffledSubarray([...actors], { minLength: 1, maxLength: 5 })
        .map((ss) =>
          ss.some((a) => a.kind === "local-authority")
            ? ss
            : [actors.find((a) => a.kind === "local-authority")!, ...ss]
        ),
      note: fc.option(fc.constant("Prima fase: firmano i Comuni, il terzo settore aderisce in autunno"), {
        nil: undefined,
        freq: 4
      })
    })
    .chain(({ id, signers, note }) =>
      fc
        .tuple(
          ...signers.map((a) =>
            fc.record({
              actor: fc.constant(a.id),
              supports: fc.subarray(projectIds),
              responsibilities: fc.uniqueArray(responsibility(), { minLength: 1, maxLength: 3 }),
              resources: fc.array(Arbitrary.make(Resource.Resource), { maxLength: 2 }),
              signedOn: Arbitrary.make(SolidarityPact.SigningDate)
            })
          )
        )
        .map((signatories) => {
          // Every project gets a supporter: the first signatory takes the unsupported ones.
          const supported = new Set(signatories.flatMap((s) => s.supports))
          const missing = projectIds.filter((p) => !supported.has(p))
          const fixed = signatories.map((s, i) =>
            i === 0 ? { ...s, supports: [...s.supports, ...missing] } : s
          )
          const sectors = SolidarityPact.sectorsOf(
            { signatories: fixed },
            new Map(actors.map((a) => [a.id, a]))
          )
          const sectorsNote =
            note ?? (sectors.length === 1 ? "Prima fase: firmano i soggetti di un solo settore" : undefined)
          return {
            id,
            charter: charter.id,
            title: "Patto di solidarietà",
            signatories: fixed,
            ...(sectorsNote === undefined ? {} : { sectorsNote })
          }
        })
    )
}

/**
 * A realistic, valid territory with every section populated: the ten
 * municipalities and seventeen actors of the Ambito di Legnano (seed 004)
 * plus up to `maxItems` generated actors; the five needs the co-design
 * processes identify plus a few more; requirements about them; one to
 * `maxItems` taking-charge cases interleaved into one log; partnerships of
 * the territory's actors; a Charter of one to three projects about its needs
 * and requirements and a Pact that realises it; one or two co-design
 * processes walked along the roadmap; interventions naming the territory's
 * actors, partnerships, processes and cases; indicators, assignments of them
 * to the Charter's projects or the municipalities, measurements of those
 * assignments, and evaluation rounds over them. `Territory.integrity` finds
 * no problem in any of them. `maxItems` (3 by default) bounds each section.
 *
 * @example
 * ```ts
 * import * as assert from "node:assert"
 * import * as fc from "fast-check"
 * import { Territory } from "@welfare/core"
 * import * as Arb from "@welfare/core/testing"
 *
 * const [t] = fc.sample(Arb.fullTerritory(), { numRuns: 1, seed: 7 })
 * assert.ok(t !== undefined && t.needs.length > 0 && t.pact !== undefined)
 * assert.deepStrictEqual(Territory.integrity(t), [])
 * ```
 *
 * @category arbitraries
 * @since 0.1.0
 */
export const fullTerritory = (
  constraints: { readonly maxItems?: number } = {}
): fc.Arbitrary<Territory.Territory> => {
  const max = Math.max(1, constraints.maxItems ?? 3)
  const seeded = new Set<string>(legnanoTerritoryActorIds)
  const actorsArb = fc
    .record({
      resources: fc.array(fc.array(Arbitrary.make(Resource.Resource), { maxLength: 2 }), {
        minLength: actorSeeds.length,
        maxLength: actorSeeds.length
      }),
      extras: fc.uniqueArray(Arbitrary.make(Actor.Actor), { maxLength: max, selector: (a) => a.id }),
      places: fc.array(fc.nat(), { minLength: max, maxLength: max })
    })
    .map(
      ({ resources, extras, places }): ReadonlyArray<Actor.Actor> => [
        ...actorSeeds.map(([id, kind, name, municipality], i) => ({
          id: Actor.ActorId.make(id),
          kind,
          ...(name === undefined ? {} : { name }),
          ...(municipality === undefined ? {} : { municipality: Actor.MunicipalityId.make(municipality) }),
          resources: resources[i]!
        })),
        ...extras
          .filter((a) => !seeded.has(a.id))
          .map((a, i) => {
            const { municipality: _, ...rest } = a
            const place = places[i % places.length]!
            return place % 3 === 0 ? rest : { ...rest, municipality: legnanoMunicipalities[place % 10]!.id }
          })
      ]
    )
  return actorsArb.chain((actors) => {
    const actorIds = actors.map((a) => a.id)
    const needsArb = fc
      .record({
        pooled: fc.tuple(...coDesignNeeds.map((id) => need({ actors: actorIds }).map((n) => ({ ...n, id })))),
        more: needList({ maxLength: max, actors: actorIds })
      })
      .map(
        ({ pooled, more }): ReadonlyArray<Need.Need> => [
          ...pooled,
          ...more.filter((n) => !coDesignNeeds.includes(n.id))
        ]
      )
    return needsArb.chain((needs) => {
      const needIds = needs.map((n) => n.id)
      return fc
        .record({
          id: fc.option(Arbitrary.make(Territory.TerritoryId), { nil: undefined }),
          name: fc.constantFrom("Ambito di Legnano", "Ambito territoriale Alto Milanese"),
          requirements: fc.uniqueArray(requirement({ needs: needIds, actors: actorIds }), {
            minLength: 1,
            maxLength: max,
            selector: (r) => r.id
          }),
          takingCharge: fc
            .uniqueArray(Arbitrary.make(TakingCharge.CaseId), { minLength: 1, maxLength: max })
            .chain((cases) =>
              fc.tuple(...cases.map((caseId) => caseHistory({ caseId, actors: actorIds, needs: needIds })))
            )
            .chain((histories) => interleaving(histories)),
          partnerships: fc.uniqueArray(partnership({ actorIds, maxMembers: 4 }), {
            minLength: 1,
            maxLength: max,
            selector: (p) => p.id
          }),
          charter: citizenshipCharter({ maxProjects: 3 }),
          coDesigns: fc.uniqueArray(coDesignProcess({ maxEvents: 16 }), {
            minLength: 1,
            maxLength: 2,
            selector: (p) => p.id
          }),
          interventions: fc.uniqueArray(intervention(), {
            minLength: 1,
            maxLength: max,
            selector: (i) => i.id
          }),
          indicators: fc.uniqueArray(indicatorDefinition(), {
            minLength: 1,
            maxLength: max,
            selector: (d) => d.id
          }),
          assignments: fc.uniqueArray(indicatorAssignment(), {
            minLength: 1,
            maxLength: max,
            selector: (a) => a.id
          }),
          measurements: fc.array(
            measurement({ municipalities: legnanoMunicipalities.map((m) => m.id), withRecord: true }),
            { maxLength: 2 * max }
          ),
          evaluations: fc.uniqueArray(evaluationRound(), { maxLength: 2, selector: (r) => r.id }),
          ledger: fc.array(
            fc
              .tuple(Arbitrary.make(Ledger.Entry), fc.constantFrom(...actorIds), fc.nat(10))
              .map(([e, source, place]): Ledger.Entry => {
                const { municipality: _, ...rest } = e
                const placed =
                  place === 10 ? rest : { ...rest, municipality: legnanoMunicipalities[place]!.id }
                return placed._tag === "received" ? { ...placed, source } : placed
              }),
            { maxLength: 2 * max }
          ),
          numbers: fc.array(fc.nat({ max: 10_000 }), { minLength: 16, maxLength: 16 })
        })
        .chain((s) => {
          const p = picker(s.numbers)
          const requirementIds = s.requirements.map((r) => r.id)
          const charter: CitizenshipCharter.CitizenshipCharter = {
            ...s.charter,
            projects: s.charter.projects.map((project) => {
              const { needs: _n, requirements: _r, ...rest } = project
              const ns = p.some(needIds, 2)
              const rs = p.some(requirementIds, 1)
              return {
                ...rest,
                ...(ns.length === 0 ? {} : { needs: ns }),
                ...(rs.length === 0 ? {} : { requirements: rs })
              }
            })
          }
          const projectIds = charter.projects.map((pr) => pr.id)
          const partnershipIds = s.partnerships.map((x) => x.id)
          const coDesignIds = s.coDesigns.map((x) => x.id)
          const caseIds = [...new Set(s.takingCharge.map((e) => e.caseId))]
          const interventions: ReadonlyArray<Intervention.Intervention> = s.interventions.map((i) => {
            const { partnerships: _, ...rest } = i
            const ps = p.some(partnershipIds, 2)
            const as = p.some(actorIds, 3)
            const cs = p.some(coDesignIds, 1)
            const ks = p.some(caseIds, 2)
            return {
              ...rest,
              ...(i.resources === undefined
                ? {}
                : {
                    resources: i.resources.map((r) =>
                      p.nat() % 2 === 0 ? { ...r, actor: p.one(actorIds) } : r
                    )
                  }),
              ...(as.length === 0 ? {} : { actors: as }),
              ...(ps.length === 0 ? {} : { partnerships: ps }),
              ...(cs.length === 0 ? {} : { coDesigns: cs }),
              ...(ks.length === 0 ? {} : { cases: ks })
            }
          })
          const indicatorIds = s.indicators.map((d) => d.id)
          const assignments: ReadonlyArray<IndicatorAssignment.IndicatorAssignment> = s.assignments.map(
            (a) => ({
              ...a,
              indicator: p.one(indicatorIds),
              scope: a.scope.type === "project" ? { ...a.scope, project: p.one(projectIds) } : a.scope
            })
          )
          const definitions = new Map(s.indicators.map((d) => [d.id as string, d]))
          const measurements: ReadonlyArray<Measurement.Measurement> = s.measurements.map((m, i) => {
            const a = p.one(assignments)
            const { id: _, ...rest } = m
            // a value is in its indicator's unit (another unit is a problem, issue 14)
            const d = definitions.get(a.indicator) as
              | { readonly unit?: Measurement.Measurement["unit"] }
              | undefined
            return {
              ...rest,
              ...(m.unit !== undefined && d?.unit !== undefined ? { unit: d.unit } : {}),
              ...(m.id === undefined ? {} : { id: `msr-${i + 1}` as Measurement.MeasurementId }),
              indicator: a.indicator,
              assignment: a.id,
              period: p.one(a.periods.map(({ start, end }) => ({ start, end })))
            }
          })
          const assignmentIds = assignments.map((a) => a.id)
          const evaluations: ReadonlyArray<Evaluation.EvaluationRound> = s.evaluations.map((r) => ({
            ...r,
            assignments: p.some(assignmentIds, 3)
          }))
          return pactFor(actors, charter).map(
            (pact): Territory.Territory => ({
              ...(s.id === undefined ? {} : { id: s.id }),
              name: s.name,
              // read from the numbers already drawn, so that adding the district changed no other draw
              ...district(s.numbers[15]!),
              municipalities: legnanoMunicipalities,
              actors,
              needs,
              // The law assigns social services to the municipalities; working-poor housing has no body (seed 004, row 23).
              responsibilities: [
                {
                  policyArea: "social-and-health-services",
                  body: "comune-legnano" as Actor.ActorId,
                  basis: "L. 328/2000, art. 6"
                },
                { needKind: "working-poor-housing" as Need.NeedKind, policyArea: "housing" }
              ],
              requirements: s.requirements,
              takingCharge: s.takingCharge,
              ledger: s.ledger,
              partnerships: s.partnerships as ReadonlyArray<Partnership.Partnership>,
              charter,
              pact,
              // Each process stops before it drafts a Charter, a Pact or a programme: a drafted Charter
              // or Pact must be the territory's own (invariant 16), which the generated Charter is not.
              coDesigns: (s.coDesigns as ReadonlyArray<CoDesign.Process>).map((x) => {
                const stop = x.events.findIndex(
                  (e) =>
                    e._tag === "charter-drafted" ||
                    e._tag === "pact-drafted" ||
                    e._tag === "programme-drafted"
                )
                return stop < 0 ? x : { ...x, events: x.events.slice(0, stop) }
              }),
              interventions,
              indicators: s.indicators as ReadonlyArray<Indicator.IndicatorDefinition>,
              assignments,
              measurements,
              evaluations
            })
          )
        })
    })
  })
}
