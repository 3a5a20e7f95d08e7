/**
 * The audit of a co-design process: every rule of the seed 003 workshop
 * (rows 50-54), seed 004 (row 55) and seed 001 (move 6) it breaks or puts
 * at risk, one function per rule, and equal dignity (invariant 11).
 * @internal
 */
import * as Actor from "../../Actor.js"
import type * as CitizenshipCharter from "../../CitizenshipCharter.js"
import * as Problem from "../../Problem.js"
import type { Participation, Process } from "./events.js"
import { activityLabels } from "./labels.js"
import { type Activity, activities, type Kind, phases, type Stage, stagesOfKind } from "./model.js"
import { state } from "./process.js"
import { activityStages, type ProjectState, participantsOf, type State, stageIndex } from "./state.js"

/**
 * Every rule {@link audit} checks, in the order findings are listed.
 *
 * @category constants
 * @since 0.1.0
 */
export const rules = [
  "equal-dignity",
  "final-recipients",
  "needs-analysis-co-designed",
  "public-promoter",
  "not-only-bando",
  "proximity-connection",
  "pact-signatures",
  "shared-verification"
] as const

/**
 * A rule of the co-design.
 *
 * @category models
 * @since 0.1.0
 */
export type Rule = (typeof rules)[number]

/**
 * Where a rule comes from: a seed file and its row.
 *
 * @category models
 * @since 0.1.0
 */
export interface Source {
  readonly file: string
  readonly row: number
}

const seed003 = "003_5df635cd6d484fa5.txt"

/**
 * The seed rule each audit rule comes from (file and row).
 *
 * @category constants
 * @since 0.1.0
 */
export const ruleSources: { readonly [R in Rule]: Source } = {
  "equal-dignity": { file: seed003, row: 51 },
  "final-recipients": { file: seed003, row: 53 },
  "needs-analysis-co-designed": { file: seed003, row: 52 },
  "public-promoter": { file: seed003, row: 50 },
  "not-only-bando": { file: seed003, row: 54 },
  "proximity-connection": { file: seed003, row: 54 },
  "pact-signatures": { file: "004_f8a83f590fe55963.txt", row: 55 },
  "shared-verification": { file: "001_4553c96c3198ee0d.txt", row: 37 }
}

/**
 * One rule broken or at risk, as a `Problem.Diagnostic` whose code is the
 * rule: its severity, a sentence saying what to do, the rule's seed source
 * (as text in `source`, as file and row in `seed`), and the actors, project
 * and activity it is about. The path is within the process (empty: the
 * process as a whole). Diagnostics never quote personal free text: they
 * name ids only.
 *
 * @category models
 * @since 0.3.0
 */
export interface AuditDiagnostic extends Problem.Diagnostic<Rule> {
  readonly seed: Source
  readonly actors?: ReadonlyArray<Actor.ActorId>
  readonly project?: CitizenshipCharter.ProjectId
  readonly activity?: Activity
}

/**
 * What {@link audit} may know besides the process: the kinds of the actors
 * (for example the territory's actors). Rules that need a kind are skipped,
 * with an `info` finding, when it is unknown.
 *
 * @category models
 * @since 0.1.0
 */
export interface AuditContext {
  readonly actors?: ReadonlyArray<Pick<Actor.Actor, "id" | "kind">>
}

/** Whether the window in which an activity is recorded is over, open, or still ahead. */
const windowOf = (kind: Kind, stage: Stage, activity: Activity): "over" | "open" | "ahead" => {
  const allowed = activityStages[activity].filter((s) => stagesOfKind[kind].includes(s))
  if (allowed.includes(stage)) return "open"
  const last = Math.max(...allowed.map(stageIndex))
  return stageIndex(stage) > last ? "over" : "ahead"
}

const tookPart = (
  records: ReadonlyArray<Participation>,
  activity: Activity,
  project?: CitizenshipCharter.ProjectId
): ReadonlySet<Actor.ActorId> =>
  new Set(
    records
      .filter((r) => r.activity === activity && (project === undefined || r.project === project))
      .flatMap((r) => r.actors.filter((a) => a.role !== "observer").map((a) => a.actor))
  )

const recipientsTookPart = (records: ReadonlyArray<Participation>, activity: Activity): boolean =>
  records.some(
    (r) => r.activity === activity && ((r.persons?.length ?? 0) > 0 || (r.recipientCount ?? 0) > 0)
  )

/** The projects whose phases count: the Charter's once drafted, every project built before. */
const projectsInScope = (s: State): ReadonlyArray<ProjectState> =>
  s.charter === undefined ? s.projects : s.projects.filter((p) => s.charter!.includes(p.id))

const sorted = <A extends string>(xs: Iterable<A>): Array<A> => [...new Set(xs)].sort()

const phaseLabel = (a: Activity): string => activityLabels[a].en.toLowerCase()

const finding = (
  rule: Rule,
  severity: Problem.Severity,
  message: string,
  about: {
    actors?: Iterable<Actor.ActorId>
    project?: CitizenshipCharter.ProjectId
    activity?: Activity
  } = {}
): AuditDiagnostic => ({
  code: rule,
  severity,
  path: [],
  message,
  source: `seed ${ruleSources[rule].file}, row ${ruleSources[rule].row}`,
  seed: ruleSources[rule],
  ...(about.actors === undefined ? {} : { actors: sorted(about.actors) }),
  ...(about.project === undefined ? {} : { project: about.project }),
  ...(about.activity === undefined ? {} : { activity: about.activity })
})

/** What every rule reads: the process, its state and the kinds of the actors. */
interface Audit {
  readonly process: Process
  readonly s: State
  readonly records: ReadonlyArray<Participation>
  readonly codesign: boolean
  readonly kinds: ReadonlyMap<string, Actor.ActorKind>
  readonly participants: ReadonlyArray<Actor.ActorId>
  readonly started: boolean
}

const severityOf = (w: "over" | "open" | "ahead"): Problem.Severity | undefined =>
  w === "over" ? "error" : w === "open" ? "warning" : undefined

/** Equal dignity (seed 003, row 51). */
const equalDignity = (x: Audit): Array<AuditDiagnostic> => {
  const out: Array<AuditDiagnostic> = []
  const { process, s, records, codesign } = x
  if (codesign) {
    const scope = projectsInScope(s)
    for (const project of scope)
      for (const phase of phases) {
        const severity = severityOf(windowOf(process.kind, s.stage, phase))
        if (severity === undefined) continue
        const present = tookPart(records, phase, project.id)
        const missing = project.partners.filter((a) => !present.has(a))
        if (missing.length > 0)
          out.push(
            finding(
              "equal-dignity",
              severity,
              `${sorted(missing).join(", ")} ${severity === "error" ? "did not take part" : "has not yet taken part"} in the ${phaseLabel(phase)} of project "${project.id}" (or only as observer): every stakeholder takes part in ideation, construction and realisation with equal dignity`,
              { actors: missing, project: project.id, activity: phase }
            )
          )
      }
    if (stageIndex(s.stage) >= stageIndex("drafting")) {
      const partners = new Set(scope.flatMap((p) => p.partners))
      const alone = process.stakeholders.filter((a) => !partners.has(a))
      if (alone.length > 0)
        out.push(
          finding(
            "equal-dignity",
            "warning",
            `the stakeholders ${sorted(alone).join(", ")} are partners of no project${s.charter === undefined ? "" : " of the Charter"}: aggregate them to a project so they take part in its ideation, construction and realisation`,
            { actors: alone }
          )
        )
    }
  }
  return out
}

/** Final recipients (row 53). */
const finalRecipients = (x: Audit): Array<AuditDiagnostic> => {
  const out: Array<AuditDiagnostic> = []
  const { process, s, records } = x
  for (const activity of ["needs-analysis", "verification"] as const) {
    const severity = severityOf(windowOf(process.kind, s.stage, activity))
    if (severity !== undefined && !recipientsTookPart(records, activity))
      out.push(
        finding(
          "final-recipients",
          severity,
          `no final recipient ${severity === "error" ? "took" : "has yet taken"} part in the ${phaseLabel(activity)}: involve the final recipients directly (pseudonymous ids or a count)`,
          { activity }
        )
      )
  }
  return out
}

/** The needs analysis is co-designed (row 52). */
const needsAnalysis = (x: Audit): Array<AuditDiagnostic> => {
  const out: Array<AuditDiagnostic> = []
  const { process, s, records, kinds } = x
  {
    const severity = severityOf(windowOf(process.kind, s.stage, "needs-analysis"))
    const analysts = tookPart(records, "needs-analysis")
    const others = [...analysts].filter((a) => a !== process.promoter)
    if (severity !== undefined && others.length === 0)
      out.push(
        finding(
          "needs-analysis-co-designed",
          severity,
          `the needs analysis ${analysts.size === 0 ? "has no participation record" : "was done by the promoter alone"}: co-design the needs analysis too, with the stakeholders`,
          { activity: "needs-analysis" }
        )
      )
    else if (
      others.length > 0 &&
      [...analysts].every((a) => kinds.has(a) && Actor.isInstitutional({ kind: kinds.get(a)! }))
    )
      out.push(
        finding(
          "needs-analysis-co-designed",
          "warning",
          "the needs analysis was read between public bodies only: read it with many interlocutors, in the places of daily life (seed 000, row 6)",
          { actors: analysts, activity: "needs-analysis" }
        )
      )
  }
  return out
}

/** The public actor promotes alliances (row 50). */
const publicPromoter = (x: Audit): Array<AuditDiagnostic> => {
  const out: Array<AuditDiagnostic> = []
  const { process, s, records, kinds, participants } = x
  {
    const promoterKind = kinds.get(process.promoter)
    const publicOnes = participants.filter((a) => {
      const k = kinds.get(a)
      return k !== undefined && Actor.isInstitutional({ kind: k })
    })
    if (promoterKind === undefined)
      out.push(
        finding(
          "public-promoter",
          "info",
          `the kind of the promoter "${process.promoter}" is unknown: pass the territory's actors to check that the public actor promotes the alliance`,
          { actors: [process.promoter] }
        )
      )
    else if (!Actor.isInstitutional({ kind: promoterKind }))
      out.push(
        finding(
          "public-promoter",
          publicOnes.length === 0 ? "error" : "warning",
          publicOnes.length === 0
            ? `no public actor takes part in the process: the public actor is the promoter of alliances; involve the municipality or the district`
            : `the promoter "${process.promoter}" is not a public actor: let ${sorted(publicOnes).join(", ")} promote the alliance`,
          { actors: [process.promoter] }
        )
      )
    else if (
      stageIndex(s.stage) >= stageIndex("focus-groups") &&
      !records.some((r) => r.actors.some((a) => a.actor === process.promoter && a.role === "promoter"))
    )
      out.push(
        finding(
          "public-promoter",
          "warning",
          `the promoter "${process.promoter}" never took part in an activity as promoter: the public actor acts as promoter of alliances, not only as funder`,
          { actors: [process.promoter] }
        )
      )
  }
  return out
}

/** Not only because there is a bando (row 54); the needs analysis itself is co-designed (row 52) */
const notOnlyBando = (x: Audit): Array<AuditDiagnostic> => {
  const out: Array<AuditDiagnostic> = []
  const { process, s, records, codesign } = x
  if (codesign) {
    if (process.trigger.needs.length === 0) {
      const analysisWindow = windowOf(process.kind, s.stage, "needs-analysis")
      const coDesignedAnalysis =
        [...tookPart(records, "needs-analysis")].some((a) => a !== process.promoter) &&
        s.identifiedNeeds.length > 0
      if (!coDesignedAnalysis)
        out.push(
          process.trigger.call !== undefined
            ? finding(
                "not-only-bando",
                analysisWindow === "over" ? "error" : "warning",
                analysisWindow === "over"
                  ? "the co-design was started for a call for funding and no co-designed needs analysis identified the needs it answers: co-design answers the needs of the welfare system, not only a bando"
                  : "the co-design was started for a call for funding with no identified need: co-design the needs analysis with the stakeholders (seed 003, row 52) and record the needs it identifies, so the process answers the needs of the welfare system, not only the bando"
              )
            : finding(
                "not-only-bando",
                "warning",
                "the co-design names no identified need: identify the needs of the welfare system it answers in a co-designed needs analysis (seed 003, row 52)"
              )
        )
    }
    for (const project of s.projects)
      if (project.needs.length === 0)
        out.push(
          finding(
            "not-only-bando",
            "warning",
            `the project "${project.id}" answers no identified need: link it to a need`,
            { project: project.id }
          )
        )
  }
  return out
}

/** High-intensity services connected to light proximity services, with adequate resources (row 54) */
const proximity = (x: Audit): Array<AuditDiagnostic> => {
  const out: Array<AuditDiagnostic> = []
  const { s, codesign } = x
  if (codesign)
    for (const project of projectsInScope(s)) {
      const high = project.services.filter((x) => x.intensity === "high-intensity")
      const proximity = project.services.filter((x) => x.intensity === "proximity")
      if (high.length > 0 && proximity.length === 0)
        out.push(
          finding(
            "proximity-connection",
            "warning",
            `project "${project.id}" joins high-intensity services (${sorted(high.map((x) => x.provider)).join(", ")}) with no light proximity service: connect them to proximity services of the territory, formal or informal`,
            { actors: high.map((x) => x.provider), project: project.id }
          )
        )
      const unresourced = proximity.filter((x) => !x.resources.some((r) => r.amount > 0))
      if (unresourced.length > 0)
        out.push(
          finding(
            "proximity-connection",
            "warning",
            `the proximity services of ${sorted(unresourced.map((x) => x.provider)).join(", ")} in project "${project.id}" have no resource set aside: the proximity task needs adequate resources to be taken on`,
            { actors: unresourced.map((x) => x.provider), project: project.id }
          )
        )
    }
  return out
}

/** Every party signs (seed 004, row 55). */
const pactSignatures = (x: Audit): Array<AuditDiagnostic> => {
  const out: Array<AuditDiagnostic> = []
  const { s, codesign } = x
  if (codesign && s.pact !== undefined && stageIndex(s.stage) >= stageIndex("realisation")) {
    const unsigned = s.pact.filter((a) => !s.signatures.includes(a))
    if (unsigned.length > 0)
      out.push(
        finding(
          "pact-signatures",
          "warning",
          `the Pact parties ${sorted(unsigned).join(", ")} never signed it: their responsibilities and resources are not committed`,
          { actors: unsigned }
        )
      )
  }
  return out
}

/** Shared verification (seed 001, move 6). */
const sharedVerification = (x: Audit): Array<AuditDiagnostic> => {
  const out: Array<AuditDiagnostic> = []
  const { process, s, records, started } = x
  if (started && windowOf(process.kind, s.stage, "verification") === "over") {
    const verifiers = tookPart(records, "verification")
    if (verifiers.size < 2)
      out.push(
        finding(
          "shared-verification",
          "warning",
          `the verification was done by ${verifiers.size === 0 ? "no actor" : "one actor alone"}: evaluate together with the partners what works and what does not`,
          { activity: "verification" }
        )
      )
  }
  return out
}

export const audit = (process: Process, context: AuditContext = {}): ReadonlyArray<AuditDiagnostic> => {
  const s = state(process)
  const x: Audit = {
    process,
    s,
    records: s.participation,
    codesign: process.kind === "co-design",
    kinds: new Map<string, Actor.ActorKind>((context.actors ?? []).map((a) => [a.id, a.kind])),
    participants: participantsOf(process),
    started: s.stage !== "proposed"
  }
  const out = [
    ...equalDignity(x),
    ...finalRecipients(x),
    ...needsAnalysis(x),
    ...publicPromoter(x),
    ...notOnlyBando(x),
    ...proximity(x),
    ...pactSignatures(x),
    ...sharedVerification(x)
  ]
  const order = (f: AuditDiagnostic) =>
    [
      String(rules.indexOf(f.code)).padStart(2, "0"),
      Problem.severities.indexOf(f.severity),
      f.project ?? "",
      f.activity === undefined ? "" : String(activities.indexOf(f.activity)),
      f.message
    ].join("\u0000")
  return out.sort((a, b) => (order(a) < order(b) ? -1 : order(a) > order(b) ? 1 : 0))
}

export const hasEqualDignity = (process: Process): boolean => {
  const s = state(process)
  const recipients =
    recipientsTookPart(s.participation, "needs-analysis") &&
    recipientsTookPart(s.participation, "verification")
  if (!recipients) return false
  if (process.kind === "co-programming") {
    const present = new Set(
      s.participation.flatMap((r) => r.actors.filter((a) => a.role !== "observer").map((a) => a.actor))
    )
    return process.stakeholders.every((a) => present.has(a))
  }
  const scope = projectsInScope(s)
  const partners = new Set(scope.flatMap((p) => p.partners))
  return (
    process.stakeholders.every((a) => partners.has(a)) &&
    scope.every((p) =>
      phases.every((phase) => {
        const present = tookPart(s.participation, phase, p.id)
        return p.partners.every((a) => present.has(a))
      })
    )
  )
}
