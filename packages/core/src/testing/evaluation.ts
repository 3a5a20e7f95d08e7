/**
 * Arbitraries of the evaluation modules: indicator definitions, periods,
 * assignments, measurements over the municipalities of the Legnano district,
 * and evaluation rounds.
 *
 * @since 0.1.0
 */
import * as Arbitrary from "effect/Arbitrary"
import * as fc from "fast-check"
import * as Actor from "../Actor.js"
import * as CitizenshipCharter from "../CitizenshipCharter.js"
import * as Evaluation from "../Evaluation.js"
import * as Indicator from "../Indicator.js"
import * as IndicatorAssignment from "../IndicatorAssignment.js"
import * as Measurement from "../Measurement.js"
import * as Person from "../Person.js"

/**
 * A realistic indicator definition, quantitative or qualitative.
 *
 * @category arbitraries
 * @since 0.1.0
 */
export const indicatorDefinition = (): fc.Arbitrary<Indicator.IndicatorDefinition> =>
  Arbitrary.make(Indicator.IndicatorDefinition)

/**
 * A period of one year (2015 to 2024) or of one of its halves.
 *
 * @category arbitraries
 * @since 0.1.0
 */
export const period = (): fc.Arbitrary<IndicatorAssignment.Period> =>
  fc
    .tuple(fc.integer({ min: 2015, max: 2024 }), fc.constantFrom("year", "h1", "h2"))
    .map(([y, p]) =>
      p === "year"
        ? { start: `${y}-01-01`, end: `${y}-12-31` }
        : p === "h1"
          ? { start: `${y}-01-01`, end: `${y}-06-30` }
          : { start: `${y}-07-01`, end: `${y}-12-31` }
    )

const legnanoMunicipalities = [
  "legnano",
  "cerro-maggiore",
  "rescaldina",
  "san-vittore-olona",
  "canegrate",
  "parabiago",
  "nerviano",
  "villa-cortese",
  "busto-garolfo",
  "dairago"
] as const

const measurers = [
  "comune-legnano",
  "ufficio-di-piano",
  "casa-volontariato",
  "coop-melograno",
  "acli-famiglie"
]

// actors of the Legnano territory (examples/territories/legnano.json) of every sector
const legnanoActors = [
  "comune-legnano",
  "ufficio-di-piano",
  "asst-ovest-milanese",
  "forum-terzo-settore",
  "casa-volontariato",
  "coop-melograno",
  "acli-famiglie",
  "rete-vicinato",
  "confcommercio-alto-milanese",
  "genitori-canegrate"
]

const year = (y: number): IndicatorAssignment.Period => ({ start: `${y}-01-01`, end: `${y}-12-31` })

/**
 * A realistic indicator assignment over the Legnano district: a project of
 * the Charter, the territory (or one municipality) or a population; one to
 * three responsible actors; one to four consecutive years from 2016; a
 * baseline dated the last day before them (a value or a level) or none; and
 * each period's target a number, a range or a level, or none.
 *
 * @category arbitraries
 * @since 0.1.0
 */
export const indicatorAssignment = (): fc.Arbitrary<IndicatorAssignment.IndicatorAssignment> => {
  const amount = fc.integer({ min: 0, max: 1_000_000 }).map((n) => n / 100)
  const target: fc.Arbitrary<IndicatorAssignment.Target> = fc.oneof(
    amount,
    fc.tuple(amount, amount).map(([a, b]) => ({ min: Math.min(a, b), max: Math.max(a, b) })),
    fc.constantFrom("lvl-weak", "lvl-fair", "lvl-good").map((level) => ({ level }))
  )
  const scope: fc.Arbitrary<IndicatorAssignment.Scope> = fc.oneof(
    fc
      .constantFrom("proj-abitare-lavoro", "proj-custodi-sociali")
      .map((p) => ({ type: "project" as const, project: CitizenshipCharter.ProjectId.make(p) })),
    fc.constant({ type: "territory" as const }),
    fc
      .constantFrom(...legnanoMunicipalities)
      .map((m) => ({ type: "territory" as const, municipality: Actor.MunicipalityId.make(m) })),
    fc
      .constantFrom("Famiglie con minori in condizione di vulnerabilità", "Anziani soli", "Giovani NEET")
      .map((population) => ({ type: "population" as const, population }))
  )
  const baseline = fc.option(
    fc.oneof(
      amount.map((value) => ({ value })),
      fc.constantFrom("lvl-weak", "lvl-fair").map((level) => ({ level }))
    ),
    { nil: undefined }
  )
  return fc
    .record({
      n: fc.integer({ min: 1, max: 9999 }),
      indicator: fc.constantFrom("ind-volunteer-hours", "ind-families-reached", "ind-network-quality"),
      scope,
      responsible: fc.uniqueArray(fc.constantFrom(...legnanoActors), { minLength: 1, maxLength: 3 }),
      baseline,
      targets: fc.array(fc.option(target, { nil: undefined }), { minLength: 1, maxLength: 4 })
    })
    .map(({ n, indicator, scope, responsible, baseline, targets }) => {
      const a: {
        -readonly [K in keyof IndicatorAssignment.IndicatorAssignment]: IndicatorAssignment.IndicatorAssignment[K]
      } = {
        id: IndicatorAssignment.AssignmentId.make(`asg-${n}`),
        indicator: Indicator.IndicatorId.make(indicator),
        scope,
        responsible: responsible.map((r) => Actor.ActorId.make(r)),
        periods: targets.map((t, i) => (t === undefined ? year(2016 + i) : { ...year(2016 + i), target: t }))
      }
      if (baseline !== undefined) a.baseline = { date: "2015-12-31", ...baseline }
      return a
    })
}

/**
 * A realistic evaluation round over one year from 2016 to 2019: one to five
 * evaluators among the Legnano actors, final recipients (a count, sometimes
 * with pseudonymous ids) or none, and the assignments it evaluates.
 *
 * @category arbitraries
 * @since 0.1.0
 */
export const evaluationRound = (): fc.Arbitrary<Evaluation.EvaluationRound> =>
  fc
    .record({
      y: fc.integer({ min: 2016, max: 2019 }),
      evaluators: fc.uniqueArray(fc.constantFrom(...legnanoActors), { minLength: 1, maxLength: 5 }),
      persons: fc.uniqueArray(fc.integer({ min: 1, max: 9999 }), { maxLength: 4 }),
      extra: fc.option(fc.integer({ min: 0, max: 40 }), { nil: undefined }),
      withIds: fc.boolean(),
      assignments: fc.uniqueArray(
        fc.constantFrom(
          "asg-volunteer-hours",
          "asg-families-reached",
          "asg-community-resources",
          "asg-network-quality"
        ),
        { maxLength: 4 }
      )
    })
    .map(({ y, evaluators, persons, extra, withIds, assignments }) => {
      const round: { -readonly [K in keyof Evaluation.EvaluationRound]: Evaluation.EvaluationRound[K] } = {
        id: Evaluation.RoundId.make(`eval-${y}`),
        period: year(y),
        evaluators: evaluators.map((e) => Actor.ActorId.make(e)),
        assignments: assignments.map((a) => IndicatorAssignment.AssignmentId.make(a))
      }
      if (extra !== undefined)
        round.finalRecipients =
          withIds && persons.length > 0
            ? {
                count: persons.length + extra,
                persons: persons.map((p) => Person.PersonId.make(`p-${String(p).padStart(4, "0")}`))
              }
            : { count: persons.length + extra }
      return round
    })

/**
 * A measurement over a few indicators, the two yearly periods 2016 and 2017
 * and the municipalities of the Legnano district (or none): a value with two
 * decimals or a level, and, often, the persons it is about (0 to 40).
 *
 * @category arbitraries
 * @since 0.1.0
 */
export const measurement = (
  constraints: {
    readonly indicators?: ReadonlyArray<string>
    readonly periods?: ReadonlyArray<IndicatorAssignment.Period>
    readonly municipalities?: ReadonlyArray<string>
    readonly withPersons?: boolean
    /** Also an id and a recording date, each on about half of the measurements. */
    readonly withRecord?: boolean
  } = {}
): fc.Arbitrary<Measurement.Measurement> => {
  const indicators = constraints.indicators ?? [
    "ind-volunteer-hours",
    "ind-families-reached",
    "ind-co-design"
  ]
  const periods = constraints.periods ?? [
    { start: "2016-01-01", end: "2016-12-31" },
    { start: "2017-01-01", end: "2017-12-31" }
  ]
  const municipalities = constraints.municipalities ?? legnanoMunicipalities
  return fc
    .record({
      indicator: fc.constantFrom(...indicators),
      period: fc.constantFrom(...periods),
      municipality: fc.option(fc.constantFrom(...municipalities), { nil: undefined, freq: 6 }),
      figure: fc.oneof(
        {
          weight: 4,
          arbitrary: fc.integer({ min: -100_000, max: 1_000_000 }).map((n) => ({ value: n / 100 }))
        },
        {
          weight: 1,
          arbitrary: fc.constantFrom("lvl-low", "lvl-mid", "lvl-high").map((level) => ({ level }))
        }
      ),
      measuredBy: fc.constantFrom(...measurers),
      source: fc.constantFrom(...Measurement.sources),
      persons:
        constraints.withPersons === false
          ? fc.constant(undefined)
          : constraints.withPersons === true
            ? fc.integer({ min: 0, max: 40 })
            : fc.option(fc.integer({ min: 0, max: 40 }), { nil: undefined }),
      record:
        constraints.withRecord === true
          ? fc.record({
              id: fc.option(fc.integer({ min: 1, max: 99_999 }), { nil: undefined }),
              recordedOn: fc.option(fc.integer({ min: 0, max: 59 }), { nil: undefined })
            })
          : fc.constant({ id: undefined, recordedOn: undefined })
    })
    .map(({ indicator, period, municipality, figure, measuredBy, source, persons, record }) => {
      const m: {
        -readonly [K in keyof Measurement.Measurement]: Measurement.Measurement[K]
      } = {
        indicator: indicator as Indicator.IndicatorId,
        assignment: `asg-${indicator}` as IndicatorAssignment.AssignmentId,
        period,
        measuredBy: Actor.ActorId.make(measuredBy),
        source
      }
      if (municipality !== undefined) m.municipality = Actor.MunicipalityId.make(municipality)
      if ("value" in figure) {
        m.value = figure.value
        m.unit = "hour"
      } else m.level = figure.level
      if (persons !== undefined) m.persons = persons
      if (record.id !== undefined) m.id = Measurement.MeasurementId.make(`msr-${record.id}`)
      if (record.recordedOn !== undefined) {
        // recorded within five years after the period ends
        const d = new Date(`${period.end}T00:00:00Z`)
        d.setUTCMonth(d.getUTCMonth() + record.recordedOn)
        m.recordedOn = d.toISOString().slice(0, 10)
      }
      return m
    })
}

/**
 * A list of measurements (see {@link measurement}).
 *
 * @category arbitraries
 * @since 0.1.0
 */
export const measurements = (
  constraints: Parameters<typeof measurement>[0] & { readonly maxLength?: number } = {}
): fc.Arbitrary<ReadonlyArray<Measurement.Measurement>> =>
  fc.array(measurement(constraints), { maxLength: constraints.maxLength ?? 40 })
