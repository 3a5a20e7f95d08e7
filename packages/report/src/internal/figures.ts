// Every figure a territory report publishes about persons, with the private
// atoms it counts (citizens, persons with needs, needs, taking-charge cases,
// final recipients), so that one disclosure decision covers the whole document
// (core's Disclosure module, issue 14). Atoms never leave this module: the
// analysis keeps only the decision, by figure id.
import { Access, type Disclosure, Need, Responsibility, TakingCharge } from "@welfare/core"
import type { TerritoryLike } from "../Analysis.js"

/** The ids of the figures, as the report's sections ask for them. */
export const figureIds = {
  citizens: "territory.citizens",
  isolatedCitizens: "network.isolated-citizens",
  needsTotal: "needs.total",
  needsStatus: (s: Need.NeedStatus) => `needs.status.${s}`,
  needsComplex: "needs.complex",
  needsNoMansLand: "needs.no-mans-land",
  accessTraditional: "access.traditional",
  accessGenerative: "access.generative",
  accessWidened: "access.widened",
  paths: "taking-charge.paths",
  pathsStage: (s: TakingCharge.Stage) => `taking-charge.stage.${s}`,
  pathsResponse: (yes: boolean) => `taking-charge.response.${yes ? "yes" : "no"}`,
  pathsContribution: (yes: boolean) => `taking-charge.contribution.${yes ? "yes" : "no"}`,
  finalRecipients: (round: number) => `evaluation.${round}.final-recipients`
} as const

/**
 * The person figures of a territory's report. Organisations are public (the
 * report names them), so they are no atoms: the network's own figures are
 * read over organisations only (see Analysis) and need no entry here.
 */
export const personFigures = (
  t: TerritoryLike,
  replayed: TakingCharge.Replayed = TakingCharge.replayAll(t.takingCharge ?? [])
): Array<Disclosure.Figure> => {
  const figures: Array<Disclosure.Figure> = []
  const add: Add = (id, atoms) => figures.push({ id, atoms: [...atoms] })
  citizenFigures(t, add)
  needFigures(t, add)
  pathFigures(replayed, add)
  recipientFigures(t, add)
  return figures
}

type Add = (id: string, atoms: Iterable<string>) => void

// citizens, and those in no partnership
const citizenFigures = (t: TerritoryLike, add: Add): void => {
  const citizens = t.actors.filter((a) => a.kind === "citizen").map((a) => `citizen:${a.id}`)
  const members = new Set((t.partnerships ?? []).flatMap((p) => p.members.map((m) => `citizen:${m.actor}`)))
  add(figureIds.citizens, citizens)
  add(
    figureIds.isolatedCitizens,
    citizens.filter((c) => !members.has(c))
  )
}

// needs (each a record about a person) and the persons access reaches
const needFigures = (t: TerritoryLike, add: Add): void => {
  const needs = t.needs ?? []
  const needAtom = (i: number) => `need:${needs[i]!.id ?? i}`
  add(
    figureIds.needsTotal,
    needs.map((_, i) => needAtom(i))
  )
  for (const s of Need.statuses)
    add(
      figureIds.needsStatus(s),
      needs.flatMap((n, i) => (n.status === s ? [needAtom(i)] : []))
    )
  add(
    figureIds.needsComplex,
    needs.flatMap((n, i) => (Need.isComplex(n) ? [needAtom(i)] : []))
  )
  add(
    figureIds.needsNoMansLand,
    needs.flatMap((n, i) => (Responsibility.isNoMansLand(n, t.responsibilities ?? []) ? [needAtom(i)] : []))
  )
  const population = Access.populationFromNeeds(needs)
  const traditional = population.filter(Access.isTraditionallyEligible).map((m) => `person:${m.person}`)
  const generative = population.filter(Access.isGenerativelyEligible).map((m) => `person:${m.person}`)
  const overt = new Set(traditional)
  add(figureIds.accessTraditional, traditional)
  add(figureIds.accessGenerative, generative)
  add(
    figureIds.accessWidened,
    generative.filter((p) => !overt.has(p))
  )
}

// taking-charge paths: by stage, with a community response, with the person's contribution
const pathFigures = (replayed: TakingCharge.Replayed, add: Add): void => {
  const paths: Array<{ id: string; stage: TakingCharge.Stage; response: boolean; contribution: boolean }> = []
  for (const [id, s] of replayed.open)
    paths.push({
      id: `case:${id}`,
      stage: s.stage,
      response: s.responses.length > 0,
      contribution: TakingCharge.hasPersonContribution(s)
    })
  for (const [id, s] of replayed.closed)
    paths.push({
      id: `case:${id}`,
      stage: "closed",
      response: s.responses > 0,
      contribution: s.personContribution
    })
  add(
    figureIds.paths,
    paths.map((p) => p.id)
  )
  for (const stage of TakingCharge.stages)
    add(
      figureIds.pathsStage(stage),
      paths.flatMap((p) => (p.stage === stage ? [p.id] : []))
    )
  for (const yes of [true, false]) {
    add(
      figureIds.pathsResponse(yes),
      paths.flatMap((p) => (p.response === yes ? [p.id] : []))
    )
    add(
      figureIds.pathsContribution(yes),
      paths.flatMap((p) => (p.contribution === yes ? [p.id] : []))
    )
  }
}

// final recipients taking part in each evaluation round: counted, unknown persons
const recipientFigures = (t: TerritoryLike, add: Add): void => {
  ;(t.evaluations ?? []).forEach((round, i) => {
    const n =
      (round as { readonly finalRecipients?: { readonly count?: number } }).finalRecipients?.count ?? 0
    add(
      figureIds.finalRecipients(i),
      Array.from(
        { length: Number.isSafeInteger(n) && n > 0 ? Math.min(n, 100_000) : 0 },
        (_, k) => `recipient:${i}:${k}`
      )
    )
  })
}
