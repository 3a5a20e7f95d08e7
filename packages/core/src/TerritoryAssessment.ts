/**
 * The assessment of a territory. «La generatività è una dimensione del sistema
 * e non l'esito del singolo intervento» (seed 003, row 24): the territory is
 * read twice, side by side, and neither reading erases the other.
 *
 * - **The interventions' reading**: each intervention is assessed on the
 *   facts the territory's records show (`Derivation`) laid over its declared
 *   facts; on each dimension, the mean position of the interventions that
 *   observe it (unobserved dimensions are left out, never 0.5); its index,
 *   coverage, depth and verdict as for one intervention.
 * - **The system reading**: four graded checks in [0, 1], each citing its
 *   seed row: the share of organisations in a *generative* partnership (two
 *   members or more, from two sectors or more, whose governance logic is
 *   network: market and hierarchy, that is contracting, are not a generative
 *   network, seed 001 row 33), the share of partnerships whose logic is
 *   network, the share of interventions run in a generative partnership, the
 *   share run in a co-design process with recorded participation. The
 *   `systemIndex` is their mean. An organisation in no partnership lowers it
 *   by at most `1 / (4 (n + 1))` for `n` organisations, and is listed as an
 *   opportunity (seed 004, row 35: «riconoscere e valorizzare la molteplicità
 *   dei soggetti»).
 * - **The verdict**: the interventions' verdict, capped at transitional
 *   unless the system reading is itself generative (invariant 6: generative
 *   interventions without a generative network never make a generative
 *   territory, but keep their reading). The territory `index` is the mean of
 *   the two readings (an editorial choice: neither reading outranks the other).
 *
 * It also scores the seven moves of responsible welfare (seed 001), the seven
 * characteristics of generative welfare (seed 004) and the ladder of forms of
 * community welfare (seed 002), each item reading the module that holds its
 * evidence (paths of taking charge, evaluation rounds, partnerships, needs
 * readings), with partial credit (met, partly, not met) and the ids behind it,
 * never free text. Where the checklists and the verdict disagree, the profile
 * says why (`explanation`).
 *
 * Every input is a structural slice, so this works with partial territories.
 *
 * The implementation lives in `internal/territory/` (model, labels, the
 * readings of the network, the paths and the interventions, the checklists,
 * the system checks); this module is its public face.
 *
 * @since 0.1.0
 */
import * as Actor from "./Actor.js"
import * as Rubric from "./Rubric.js"

export type {
  Checklist,
  ChecklistItem,
  CommunityForm,
  Count,
  InterventionLine,
  Ladder,
  Status,
  SystemCheck,
  TerritoryDimension,
  TerritoryLike,
  TerritoryProfile,
  TraitCount
} from "./internal/territory/model.js"
export { communityForms } from "./internal/territory/model.js"

import type { TerritoryLike, TerritoryProfile } from "./internal/territory/model.js"

export { communityFormLabels, statusLabels } from "./internal/territory/labels.js"

import { words } from "./internal/territory/labels.js"

export { checklistThreshold } from "./internal/territory/common.js"

import { type Context, characteristics, moves } from "./internal/territory/checklists.js"
import { readInterventions, readNetwork, readPaths } from "./internal/territory/readings.js"
import { explain, systemChecks } from "./internal/territory/system.js"

/**
 * Assesses a territory: the interventions' reading (on facts derived from its
 * records, laid over the declared ones) and the system reading side by side,
 * the verdict gated by the system (invariant 6), the seven moves (seed 001),
 * the seven characteristics (seed 004) and the ladder of community welfare
 * (seed 002).
 *
 * @example
 * ```ts
 * import * as assert from "node:assert"
 * import { Actor, Partnership, TerritoryAssessment } from "@welfare/core"
 * import { interventions } from "@welfare/core/testing"
 *
 * const actors = [
 *   Actor.unsafeMake({ id: Actor.ActorId.make("comune-legnano"), kind: "local-authority" }),
 *   Actor.unsafeMake({ id: Actor.ActorId.make("coop-melograno"), kind: "social-cooperative" })
 * ]
 * const project = { ...interventions.generative, partnerships: [Partnership.PartnershipId.make("pship-regia")] }
 * // Generative interventions, but no partnership: the class stops at transitional,
 * // and the interventions keep their reading.
 * const alone = TerritoryAssessment.assessTerritory({ actors, interventions: [project] })
 * assert.strictEqual(alone.interventionIndex, 1)
 * assert.strictEqual(alone.systemIndex, 0)
 * assert.strictEqual(alone.class, "transitional")
 * // A contract is not a generative network (seed 001, row 33).
 * const members = [{ actor: actors[0]!.id }, { actor: actors[1]!.id }]
 * const contract = TerritoryAssessment.assessTerritory({
 *   actors, interventions: [project], partnerships: [{ id: "pship-regia", governance: "market", members }]
 * })
 * assert.strictEqual(contract.system[0]?.value, 0)
 * // The same intervention run in a network of the municipality and a cooperative.
 * const together = TerritoryAssessment.assessTerritory({
 *   actors, interventions: [project], partnerships: [{ id: "pship-regia", governance: "network", members }]
 * })
 * assert.strictEqual(together.system[0]?.value, 1)
 * assert.strictEqual(together.systemClass, "generative")
 * assert.strictEqual(together.class, "generative")
 * ```
 *
 * @category calculators
 * @since 0.1.0
 */
export const assessTerritory = (
  territory: TerritoryLike,
  rubric: Rubric.Rubric = Rubric.defaultRubric
): TerritoryProfile => {
  const sectorOf = new Map<string, Actor.Sector>()
  for (const a of territory.actors) if (!sectorOf.has(a.id)) sectorOf.set(a.id, Actor.sectorOfKind[a.kind])
  const network = readNetwork(territory, sectorOf)
  const reading = readInterventions(territory, rubric, network)
  const { checks, opportunities } = systemChecks(territory, network, reading)
  const systemIndex = checks.reduce((acc, s) => acc + s.value, 0) / checks.length
  const systemClass = Rubric.classify(systemIndex, rubric)
  const interventionClass = Rubric.verdict(
    {
      index: reading.index,
      depth: reading.depth,
      coverage: reading.coverage,
      observedDimensions: reading.observedDimensions
    },
    rubric
  )
  const capped = interventionClass === "generative" && systemClass !== "generative"
  const verdict: Rubric.Verdict = capped ? "transitional" : interventionClass
  const ctx: Context = { territory, sectorOf, network, paths: readPaths(territory), reading, system: checks }
  const movesList = moves(ctx)
  const charsList = characteristics(ctx)
  const rungs = [
    {
      form: "demand-aggregation" as const,
      text: { it: "Semplice aggregazione della domanda", en: "Simple aggregation of demand" },
      evidence: reading.pooled.as(words.pooled, reading.lines.length)
    },
    {
      form: "mutual-aid" as const,
      text: { it: "Vere e proprie forme di mutuo aiuto", en: "Real forms of mutual aid" },
      evidence: reading.mutual.as(words.mutual, reading.lines.length)
    },
    {
      form: "active-collaboration" as const,
      text: { it: "Forme di collaborazione attiva", en: "Forms of active collaboration" },
      evidence: reading.collaboration.as(words.collaboration, reading.lines.length)
    }
  ]
  const reached = [...rungs].reverse().find((r) => r.evidence.count > 0)?.form
  const explanation = explain(movesList, charsList, verdict, capped, interventionClass, systemClass)
  return {
    interventions: reading.lines,
    dimensions: reading.dimensions,
    traits: reading.traits,
    interventionIndex: reading.index,
    interventionClass,
    coverage: reading.coverage,
    depth: reading.depth,
    system: checks,
    systemIndex,
    systemClass,
    index: reading.index === undefined ? undefined : (reading.index + systemIndex) / 2,
    class: verdict,
    capped,
    opportunities,
    contradictions: reading.contradictions,
    moves: movesList,
    characteristics: charsList,
    ladder: reached === undefined ? { rungs } : { rungs, reached },
    ...(explanation === undefined ? {} : { explanation })
  }
}
