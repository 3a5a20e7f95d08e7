/**
 * The legal procedure of art. 55 of the Third Sector Code (D.Lgs. 117/2017),
 * as the Ministry guidelines (DM 72/2021) describe it: an optional layer,
 * separate from the seeds' generative co-design (`CoDesign`).
 *
 * Art. 55 c.1: the public administrations «assicurano il coinvolgimento attivo
 * degli enti del Terzo settore, attraverso forme di co-programmazione e
 * co-progettazione». Co-programming (c.2) identifies the needs to answer, the
 * interventions, the ways to realise them and the resources; co-design (c.3)
 * defines and possibly carries out specific projects. The guidelines (DM
 * 72/2021) read a procedure as: started by the administration with a public
 * notice (avviso), open to Third Sector entities (enti del Terzo settore) as
 * parties, sessions with minutes (verbali), a closing document, and for
 * co-design a convenzione with the entities chosen.
 *
 * Actors that are not Third Sector entities (unions, businesses, citizens,
 * informal networks) take part in the wider roadmap of the seeds, never as
 * art. 55 parties. Co-programming needs no steering group nor focus groups:
 * those belong to the seeds' roadmap, which a procedure may name in
 * `roadmap` but never requires.
 *
 * Which actors are Third Sector entities is read from their kind's sector
 * (`Actor.sectorOf`): an editorial reading, since enrolment in the national
 * register (RUNTS, art. 11) is a fact the model does not hold.
 *
 * @since 0.1.0
 */

import * as Schema from "effect/Schema"
import * as Actor from "./Actor.js"
import * as Decoder from "./Decoder.js"
import { duplicateIds, unknownReference } from "./internal/integrity.js"
import { id, literals, optional, text } from "./internal/schema.js"
import type { Labels } from "./Label.js"
import * as Problem from "./Problem.js"

/**
 * The id of an art. 55 procedure.
 *
 * @category models
 * @since 0.1.0
 */
export const ProcedureId = id("Article55ProcedureId", "art55", "The id of an art. 55 procedure.")

/**
 * @category models
 * @since 0.1.0
 */
export type ProcedureId = typeof ProcedureId.Type

/**
 * The two procedures of art. 55: co-programming (c.2) and co-design (c.3).
 *
 * @category constants
 * @since 0.1.0
 */
export const kinds = ["co-programming", "co-design"] as const

/**
 * The kind of a procedure.
 *
 * @category models
 * @since 0.1.0
 */
export const Kind = literals(
  "Article55Kind",
  kinds,
  "Co-programming (art. 55 c.2) or co-design (art. 55 c.3)."
)

/**
 * @category models
 * @since 0.1.0
 */
export type Kind = typeof Kind.Type

const isCalendarDate = (s: string): boolean => {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s)
  if (m === null) return false
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])))
  return d.toISOString().slice(0, 10) === s
}

/**
 * A calendar day written `YYYY-MM-DD`.
 *
 * @category models
 * @since 0.1.0
 */
export const Day = Schema.String.pipe(
  Schema.filter(
    (s) =>
      isCalendarDate(s) ||
      `expected a calendar date written YYYY-MM-DD, got ${JSON.stringify(s.slice(0, 20))}`
  ),
  Schema.annotations({
    identifier: "Article55Day",
    description: "A day of an art. 55 procedure, written YYYY-MM-DD.",
    jsonSchema: { type: "string", format: "date" },
    arbitrary: () => (fc) =>
      fc
        .date({
          min: new Date("2018-01-01T00:00:00Z"),
          max: new Date("2030-12-31T00:00:00Z"),
          noInvalidDate: true
        })
        .map((d) => d.toISOString().slice(0, 10))
  })
)

const Ref = text(
  "Article55DocumentRef",
  "A reference to an act: a protocol number, a resolution, a URL.",
  200
)

/**
 * The public notice (avviso) that starts a procedure: the day it was
 * published, its reference, and the deadline for expressions of interest.
 *
 * @category models
 * @since 0.1.0
 */
export const Notice = Schema.Struct({ published: Day, ref: Ref, deadline: optional(Day) }).annotations({
  identifier: "Article55Notice",
  title: "Notice",
  description: "The public notice (avviso) that starts an art. 55 procedure (DM 72/2021)."
})

/**
 * @category models
 * @since 0.1.0
 */
export interface Notice extends Schema.Schema.Type<typeof Notice> {}

/**
 * One session (tavolo) of a procedure: the day, who took part, and the
 * reference of its minutes (verbale).
 *
 * @category models
 * @since 0.1.0
 */
export const Session = Schema.Struct({
  on: Day,
  participants: Schema.Array(Actor.ActorId),
  minutes: optional(Ref)
}).annotations({ identifier: "Article55Session", title: "Session" })

/**
 * @category models
 * @since 0.1.0
 */
export interface Session extends Schema.Schema.Type<typeof Session> {}

/**
 * A dated act of a procedure: its closing document, or the convenzione of a
 * co-design with who signs it.
 *
 * @category models
 * @since 0.1.0
 */
export const Act = Schema.Struct({ on: Day, ref: Ref }).annotations({
  identifier: "Article55Act",
  title: "Act"
})

/**
 * @category models
 * @since 0.1.0
 */
export interface Act extends Schema.Schema.Type<typeof Act> {}

/**
 * The convenzione that ends a co-design (art. 55 c.3; DM 72/2021): the day,
 * its reference, and who signs it.
 *
 * @category models
 * @since 0.1.0
 */
export const Agreement = Schema.Struct({
  on: Day,
  ref: Ref,
  signatories: Schema.Array(Actor.ActorId)
}).annotations({ identifier: "Article55Agreement", title: "Agreement" })

/**
 * @category models
 * @since 0.1.0
 */
export interface Agreement extends Schema.Schema.Type<typeof Agreement> {}

/**
 * An art. 55 procedure: its kind, the public administration that starts it,
 * its notice, the Third Sector entities admitted as parties, the sessions
 * with their minutes, the closing document, the convenzione (co-design only),
 * and optionally the seeds' co-design roadmap it sits beside.
 *
 * @category models
 * @since 0.1.0
 */
export const Procedure = Schema.Struct({
  id: ProcedureId,
  kind: Kind,
  administration: Actor.ActorId,
  notice: Notice,
  parties: Schema.Array(Actor.ActorId),
  sessions: Schema.Array(Session),
  closing: optional(Act),
  agreement: optional(Agreement),
  roadmap: optional(
    id("Article55RoadmapId", "codesign", "The seeds' co-design process this procedure sits beside.")
  )
}).annotations({
  identifier: "Article55Procedure",
  title: "Article55Procedure",
  description:
    "A co-programming or co-design procedure under art. 55 of D.Lgs. 117/2017 (DM 72/2021): notice, Third Sector parties, sessions with minutes, closing document, convenzione."
})

/**
 * @category models
 * @since 0.1.0
 */
export interface Procedure extends Schema.Schema.Type<typeof Procedure> {}

/**
 * The encoded (JSON) form of a procedure.
 *
 * @category models
 * @since 0.1.0
 */
export interface ProcedureEncoded extends Schema.Schema.Encoded<typeof Procedure> {}

/**
 * Every stage of a procedure, in order.
 *
 * @category constants
 * @since 0.1.0
 */
export const stages = ["noticed", "in-session", "closed", "agreed"] as const

/**
 * Where a procedure is: noticed (no session yet), in session, closed (closing
 * document), agreed (convenzione signed; co-design only).
 *
 * @category models
 * @since 0.1.0
 */
export type Stage = (typeof stages)[number]

/**
 * The stage of a procedure.
 *
 * @category getters
 * @since 0.1.0
 */
export const stage = (p: Pick<Procedure, "sessions" | "closing" | "agreement">): Stage =>
  p.agreement !== undefined
    ? "agreed"
    : p.closing !== undefined
      ? "closed"
      : p.sessions.length > 0
        ? "in-session"
        : "noticed"

/**
 * Whether an actor may be an art. 55 party: a Third Sector entity (art. 4 of
 * the Code), read from its kind's sector. Trade unions (excluded by art. 4
 * c.2), businesses, citizens and informal networks may not.
 *
 * @example
 * ```ts
 * import * as assert from "node:assert"
 * import { Article55 } from "@welfare/core"
 *
 * assert.strictEqual(Article55.mayBeParty({ kind: "social-cooperative" }), true)
 * assert.strictEqual(Article55.mayBeParty({ kind: "trade-union" }), false)
 * ```
 *
 * @category predicates
 * @since 0.1.0
 */
export const mayBeParty = (actor: Pick<Actor.Actor, "kind">): boolean =>
  Actor.sectorOf(actor) === "third-sector"

/**
 * Every rule of art. 55 and DM 72/2021 a procedure breaks, at once, each at
 * its path:
 *
 * - the administration is a known public actor (art. 55 c.1: «le
 *   amministrazioni pubbliche»);
 * - every party is a known Third Sector entity, listed once (art. 55 c.1: «il
 *   coinvolgimento attivo degli enti del Terzo settore»);
 * - every session comes after the notice, has minutes, and gathers only the
 *   administration and the parties;
 * - the closing document comes after the notice and the last session;
 * - a convenzione ends a co-design only (art. 55 c.3), after its closing
 *   document, signed by the administration and parties only.
 *
 * No rule asks for a steering group or focus groups: co-programming under
 * art. 55 has none.
 *
 * @example
 * ```ts
 * import * as assert from "node:assert"
 * import { Actor, Article55, Problem } from "@welfare/core"
 *
 * const actors = new Map<string, Pick<Actor.Actor, "kind">>([
 *   ["comune-legnano", { kind: "local-authority" }],
 *   ["coop-melograno", { kind: "social-cooperative" }],
 *   ["cgil-legnano", { kind: "trade-union" }]
 * ])
 * const procedure: Article55.Procedure = {
 *   id: Article55.ProcedureId.make("art55-coprog-2022"),
 *   kind: "co-programming",
 *   administration: Actor.ActorId.make("comune-legnano"),
 *   notice: { published: "2022-03-01", ref: "Avviso prot. 1234/2022" },
 *   parties: [Actor.ActorId.make("coop-melograno"), Actor.ActorId.make("cgil-legnano")],
 *   sessions: [{ on: "2022-04-05", participants: [Actor.ActorId.make("comune-legnano"), Actor.ActorId.make("coop-melograno")], minutes: "Verbale n. 1" }]
 * }
 * assert.deepStrictEqual(Article55.validate(procedure, actors).map(Problem.format), [
 *   'parties[1]: "cgil-legnano" is not a Third Sector entity (trade union): it may take part in the wider roadmap, not as an art. 55 party (D.Lgs. 117/2017, art. 55 c.1; art. 4)'
 * ])
 * ```
 *
 * @category validation
 * @since 0.1.0
 */
export const validate = (
  procedure: Procedure,
  actorsById: ReadonlyMap<string, Pick<Actor.Actor, "kind">>
): Array<Problem.ProblemDiagnostic> => {
  const p = procedure
  const problems: Array<Problem.Problem> = []
  partyProblems(p, actorsById, problems)
  const allowed = new Set<string>([p.administration, ...p.parties])
  sessionProblems(p, allowed, problems)
  let last: string = p.notice.published
  for (const s of p.sessions) if (s.on > last) last = s.on
  if (p.closing !== undefined && p.closing.on < last)
    problems.push(
      Problem.make(
        "out-of-order",
        ["closing", "on"],
        `the closing document of ${p.closing.on} comes before the session or notice of ${last}: it closes the procedure`
      )
    )
  if (p.agreement !== undefined) agreementProblems(p, p.agreement, allowed, problems)
  return Problem.asDiagnostics(problems, "D.Lgs. 117/2017, art. 55")
}

/** The administration is a known public administration; the parties are known Third Sector entities, each once. */
const partyProblems = (
  p: Procedure,
  actorsById: ReadonlyMap<string, Pick<Actor.Actor, "kind">>,
  problems: Array<Problem.Problem>
): void => {
  problems.push(...unknownReference(actorsById, p.administration, ["administration"], "actor", "actors"))
  const admin = actorsById.get(p.administration)
  if (admin !== undefined && !Actor.isInstitutional(admin))
    problems.push(
      Problem.make(
        "rule",
        ["administration"],
        `"${p.administration}" is not a public administration: an art. 55 procedure is started by a public administration with a notice (D.Lgs. 117/2017, art. 55 c.1; DM 72/2021)`
      )
    )
  problems.push(...duplicateIds(p.parties, (a) => a, ["parties"], "party"))
  p.parties.forEach((a, i) => {
    problems.push(...unknownReference(actorsById, a, ["parties", i], "actor", "actors"))
    const actor = actorsById.get(a)
    if (actor !== undefined && !mayBeParty(actor))
      problems.push(
        Problem.make(
          "rule",
          ["parties", i],
          `"${a}" is not a Third Sector entity (${Actor.kindLabels[actor.kind].en.toLowerCase()}): it may take part in the wider roadmap, not as an art. 55 party (D.Lgs. 117/2017, art. 55 c.1; art. 4)`
        )
      )
  })
}

/** Each session follows the notice, is minuted, and admits only the administration and the parties. */
const sessionProblems = (
  p: Procedure,
  allowed: ReadonlySet<string>,
  problems: Array<Problem.Problem>
): void => {
  p.sessions.forEach((s, i) => {
    if (s.on < p.notice.published)
      problems.push(
        Problem.make(
          "out-of-order",
          ["sessions", i, "on"],
          `the session of ${s.on} comes before the notice of ${p.notice.published}: a procedure starts with the public notice (DM 72/2021)`
        )
      )
    if (s.minutes === undefined)
      problems.push(
        Problem.make(
          "missing",
          ["sessions", i, "minutes"],
          `the session of ${s.on} has no minutes: every session of an art. 55 procedure is minuted (DM 72/2021); give the reference of its verbale`
        )
      )
    s.participants.forEach((a, j) => {
      if (!allowed.has(a))
        problems.push(
          Problem.make(
            "rule",
            ["sessions", i, "participants", j],
            `"${a}" is neither the administration nor a party: admit it through the notice (if it is a Third Sector entity), or involve it in the wider roadmap`
          )
        )
    })
  })
}

/** The convenzione ends a co-design, after its closing document, signed by the administration and parties only. */
const agreementProblems = (
  p: Procedure,
  agreement: NonNullable<Procedure["agreement"]>,
  allowed: ReadonlySet<string>,
  problems: Array<Problem.Problem>
): void => {
  if (p.kind === "co-programming")
    problems.push(
      Problem.make(
        "rule",
        ["agreement"],
        "a co-programming ends with its closing document: the convenzione belongs to a co-design (D.Lgs. 117/2017, art. 55 c.3)"
      )
    )
  if (p.closing === undefined)
    problems.push(
      Problem.make(
        "missing",
        ["closing"],
        "the convenzione follows the closing document of the co-design: record the closing document first (DM 72/2021)"
      )
    )
  else if (agreement.on < p.closing.on)
    problems.push(
      Problem.make(
        "out-of-order",
        ["agreement", "on"],
        `the convenzione of ${agreement.on} comes before the closing document of ${p.closing.on}`
      )
    )
  if (!agreement.signatories.includes(p.administration))
    problems.push(
      Problem.make(
        "rule",
        ["agreement", "signatories"],
        `the administration "${p.administration}" does not sign the convenzione: it is agreed between the administration and the entities`
      )
    )
  agreement.signatories.forEach((a, i) => {
    if (!allowed.has(a))
      problems.push(
        Problem.make(
          "rule",
          ["agreement", "signatories", i],
          `"${a}" is not a party of the procedure: only the administration and the Third Sector entities admitted sign the convenzione`
        )
      )
  })
}

const decodeShape = Decoder.lazy(Procedure)

/**
 * Decodes unknown input into a procedure (shape only), or returns every
 * problem. Never throws. Check its rules with {@link validate}.
 *
 * @category decoding
 * @since 0.1.0
 */
export const decode = (input: unknown): Problem.Result<Procedure> => decodeShape(input)

/**
 * Italian and English labels of the procedure kinds.
 *
 * @category labels
 * @since 0.1.0
 */
export const kindLabels: Labels<Kind> = {
  "co-programming": { it: "Co-programmazione (art. 55 c.2)", en: "Co-programming (art. 55 c.2)" },
  "co-design": { it: "Co-progettazione (art. 55 c.3)", en: "Co-design (art. 55 c.3)" }
}

/**
 * Italian and English labels of the stages.
 *
 * @category labels
 * @since 0.1.0
 */
export const stageLabels: Labels<Stage> = {
  noticed: { it: "Avviso pubblicato", en: "Notice published" },
  "in-session": { it: "Tavoli in corso", en: "In session" },
  closed: { it: "Documento conclusivo", en: "Closing document" },
  agreed: { it: "Convenzione sottoscritta", en: "Convenzione signed" }
}
