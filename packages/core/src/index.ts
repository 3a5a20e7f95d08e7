/**
 * `@welfare/core`: generative welfare (welfare generativo) as typed models and
 * pure functions. Each concept is a namespace: `import { Actor } from "@welfare/core"`.
 *
 * @packageDocumentation
 * @since 0.1.0
 */

/**
 * Access: traditional (overt need) and generative (also vulnerability) eligibility.
 * @since 0.1.0
 */
export * as Access from "./Access.js"

/**
 * Actors of the community, their kinds and sectors.
 * @since 0.1.0
 */
export * as Actor from "./Actor.js"

/**
 * The art. 55 procedure of the Third Sector Code (D.Lgs. 117/2017, DM 72/2021): an optional layer beside the seeds' co-design.
 * @since 0.1.0
 */
export * as Article55 from "./Article55.js"

/**
 * The assessment of an intervention: profile, evidence, comparison, recommendations.
 * @since 0.1.0
 */
export * as Assessment from "./Assessment.js"

/**
 * The Citizenship Charter and its projects.
 * @since 0.1.0
 */
export * as CitizenshipCharter from "./CitizenshipCharter.js"

/**
 * Co-programming and co-design processes.
 * @since 0.1.0
 */
export * as CoDesign from "./CoDesign.js"

/**
 * Fast decoders compiled from schemas, with exactly effect's results.
 * @since 0.1.0
 */
export * as Decoder from "./Decoder.js"

/**
 * Facts with provenance: the facts of an intervention derived from the territory's records, and contradictions.
 * @since 0.2.0
 */
export * as Derivation from "./Derivation.js"
/**
 * The seven dimensions of the traditional-versus-generative table (seed 000).
 * @since 0.1.0
 */
export * as Dimension from "./Dimension.js"
/**
 * Disclosure control of a whole publication: no hidden figure, and no small group, found by subtraction.
 * @since 0.2.0
 */
export * as Disclosure from "./Disclosure.js"

/**
 * Shared evaluation rounds, their findings and the accountability report (rendicontazione).
 * @since 0.1.0
 */
export * as Evaluation from "./Evaluation.js"

/**
 * Ready-made generative indicators (collect, redistribute, regenerate, make yield, make responsible) and their calculators.
 * @since 0.1.0
 */
export * as GenerativeLens from "./GenerativeLens.js"

/**
 * Indicator definitions.
 * @since 0.1.0
 */
export * as Indicator from "./Indicator.js"

/**
 * Indicator assignments: an indicator applied to a scope, with baseline, periods and targets.
 * @since 0.1.0
 */
export * as IndicatorAssignment from "./IndicatorAssignment.js"

/**
 * Interventions: services, projects, programmes.
 * @since 0.1.0
 */
export * as Intervention from "./Intervention.js"

/**
 * JSON Schema of the territory document and of every top-level entity.
 * @since 0.1.0
 */
export * as JsonSchema from "./JsonSchema.js"

/**
 * Bilingual (Italian and English) labels.
 * @since 0.1.0
 */
export * as Label from "./Label.js"

/**
 * The per-person ledger, the social counterpart and Fondazione Zancan's 5R (outside the seeds).
 * @since 0.1.0
 */
export * as Ledger from "./Ledger.js"

/**
 * Measurements of assigned indicators, and their validation.
 * @since 0.1.0
 */
export * as Measurement from "./Measurement.js"

/**
 * Incremental NDJSON and JSON-array readers with bounded memory.
 * @since 0.1.0
 */
export * as Ndjson from "./Ndjson.js"

/**
 * Needs (bisogno).
 * @since 0.1.0
 */
export * as Need from "./Need.js"

/**
 * Partnerships and their governance logic.
 * @since 0.1.0
 */
export * as Partnership from "./Partnership.js"

/**
 * The partnership network: density, cross-sector ties, brokers, structural holes, communities.
 * @since 0.1.0
 */
export * as PartnershipNetwork from "./PartnershipNetwork.js"

/**
 * Persons, as pseudonymous ids.
 * @since 0.1.0
 */
export * as Person from "./Person.js"

/**
 * The planning district (ambito territoriale sociale, law 328/2000) of a territory: name, code, region, zone plan period.
 * @since 0.2.0
 */
export * as PlanningDistrict from "./PlanningDistrict.js"

/**
 * Policy areas that generative welfare connects.
 * @since 0.1.0
 */
export * as PolicyArea from "./PolicyArea.js"
/**
 * Problems reported by decoding and validating APIs.
 * @since 0.1.0
 */
export * as Problem from "./Problem.js"
/**
 * Progress of assigned indicators, period by period, direction-aware.
 * @since 0.1.0
 */
export * as Progress from "./Progress.js"
/**
 * Charter and Pact from their process: provenance checked against the co-design roadmap (invariant 16).
 * @since 0.1.0
 */
export * as Provenance from "./Provenance.js"

/**
 * Pseudonyms: a keyed HMAC-SHA-256 (WebCrypto) under a secret held apart and a named domain.
 * @since 0.1.0
 */
export * as Pseudonym from "./Pseudonym.js"

/**
 * Published summaries: small counts hidden with complementary suppression, one decision kept by every view (roll-ups, totals, parts), and a cross-view audit.
 * @since 0.2.0
 */
export * as Published from "./Published.js"

/**
 * Requirements (esigenza).
 * @since 0.1.0
 */
export * as Requirement from "./Requirement.js"
/**
 * Resources by kind: time, care, competence, economic.
 * @since 0.1.0
 */
export * as Resource from "./Resource.js"

/**
 * The responsibility map: which public body the law assigns to each kind of need, and the gaps (terra di nessuno).
 * @since 0.1.0
 */
export * as Responsibility from "./Responsibility.js"

/**
 * Rubrics: trait and dimension weights, class thresholds, validation.
 * @since 0.1.0
 */
export * as Rubric from "./Rubric.js"

/**
 * The sections of the Third Sector register (RUNTS, art. 46 d.lgs. 117/2017) and the sections each actor kind maps to.
 * @since 0.2.0
 */
export * as Runts from "./Runts.js"

/**
 * How much a verdict depends on the editorial numbers: a seeded sensitivity analysis.
 * @since 0.2.0
 */
export * as Sensitivity from "./Sensitivity.js"

/**
 * The Solidarity Pact and its signing rules.
 * @since 0.1.0
 */
export * as SolidarityPact from "./SolidarityPact.js"

/**
 * Summaries of measurements: a commutative monoid that merges municipalities into districts (for computing; publish with `Published`).
 * @since 0.1.0
 */
export * as Summary from "./Summary.js"

/**
 * Summaries computed by SQL engines (DuckDB, PostgreSQL, Spark SQL): queries, rows to Summary, checks.
 * @since 0.1.0
 */
export * as SummarySql from "./SummarySql.js"

/**
 * The traceable taking-charge path (presa in carico).
 * @since 0.1.0
 */
export * as TakingCharge from "./TakingCharge.js"

/**
 * The territory: the aggregate root with its integrity check.
 * @since 0.1.0
 */
export * as Territory from "./Territory.js"

/**
 * The assessment of a territory: interventions joined with the partnership network and co-design, moves, characteristics, ladder.
 * @since 0.1.0
 */
export * as TerritoryAssessment from "./TerritoryAssessment.js"

/**
 * The one branded timestamp of the event-sourced modules (ISO 8601 UTC to the second).
 * @since 0.2.0
 */
export * as Timestamp from "./Timestamp.js"

/**
 * The versioned trait catalogue: observable facts that move a dimension.
 * @since 0.1.0
 */
export * as Trait from "./Trait.js"
