/**
 * Arbitraries of the evaluation modules: indicator definitions, periods,
 * measurements over the municipalities of the Legnano district, and
 * evaluation rounds.
 *
 * @since 0.1.0
 */
import * as Arbitrary from "effect/Arbitrary"
import * as fc from "fast-check"
import * as Actor from "../Actor.js"
import * as Indicator from "../Indicator.js"
import type * as IndicatorAssignment from "../IndicatorAssignment.js"
import * as Measurement from "../Measurement.js"

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
            : fc.option(fc.integer({ min: 0, max: 40 }), { nil: undefined })
    })
    .map(({ indicator, period, municipality, figure, measuredBy, source, persons }) => {
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
