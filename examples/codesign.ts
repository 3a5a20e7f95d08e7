/**
 * Co-programming and co-design, step by step.
 *
 * 1. The Cremona workshop recommendations (seed 003, workshop 2, rows 50-54)
 *    walked as a co-programming for the Piano di Zona: a public promoter of
 *    alliances, a needs analysis co-designed with the final recipients, a
 *    shared verification.
 * 2. The Legnano roadmap (seed 004, rows 53-55): the steering group by May
 *    2015, the focus groups in July, the drafts of the Citizenship Charter and
 *    of the Solidarity Pact in September and October, their approval and
 *    signature, then the realisation and the shared verification (seed 001,
 *    move 6). The events are in examples/territories/legnano.codesign.json.
 * 3. The audit of a deliberately flawed variant of the Legnano process: a
 *    partner missing from the realisation, no final recipient in the
 *    verification.
 *
 * Run: node --conditions=@welfare/source --import tsx examples/codesign.ts
 */
import { readFileSync } from "node:fs"
import { Actor, CoDesign, Label, Need, Problem, Timestamp } from "@welfare/core"
import { Either } from "effect"

const lang: Label.Lang = process.argv.includes("--lang=en") ? "en" : "it"
const read = (name: string): unknown => JSON.parse(readFileSync(new URL(name, import.meta.url), "utf8"))

const detail = (e: CoDesign.Event): string => {
  switch (e._tag) {
    case "partner-contacted":
    case "signed":
    case "partner-aggregated":
      return ` ${e.actor}${e._tag === "partner-aggregated" ? ` -> ${e.project}` : ""}`
    case "project-built":
    case "feasibility-assessed":
      return ` ${e.project}`
    case "needs-identified":
    case "programme-drafted":
      return ` ${e.needs.join(", ")}`
    case "charter-drafted":
      return ` ${e.projects.join(", ")}`
    case "pact-drafted":
      return ` (${e.parties.length} parties)`
    case "participation-recorded": {
      const recipients = (e.persons?.length ?? 0) + (e.recipientCount ?? 0)
      return ` ${Label.of(CoDesign.activityLabels, e.activity, lang)}${e.project === undefined ? "" : ` ${e.project}`}: ${e.actors.length} actors, ${recipients} final recipients`
    }
    default:
      return ""
  }
}

const show = (p: CoDesign.Process): void => {
  const e = p.events.at(-1)!
  const s = CoDesign.state(p)
  const next = [...new Set(CoDesign.next(p).map((o) => o._tag))].filter((t) => t !== "participation-recorded")
  console.log(
    `  ${e.at.slice(0, 10)} ${Label.of(CoDesign.eventTypeLabels, e._tag, lang)}${detail(e)}\n` +
      `             -> ${Label.of(CoDesign.stageLabels, s.stage, lang)}; next: ${next.join(", ") || "-"}`
  )
}

const printAudit = (findings: ReadonlyArray<CoDesign.AuditDiagnostic>): void => {
  if (findings.length === 0) console.log("  audit: no rule broken or at risk")
  for (const f of findings)
    console.log(
      `  [${f.severity}] ${Label.of(CoDesign.ruleLabels, f.code, lang)} (seed ${f.seed.file.slice(0, 3)}, row ${f.seed.row}): ${f.message}`
    )
}

const fail = (problems: ReadonlyArray<Problem.Problem>): never => {
  for (const problem of problems) console.error(Problem.format(problem))
  process.exit(1)
}

// ---------------------------------------------------------------------------
// 1. Cremona, 12 March 2015: the workshop recommendations as a co-programming
// ---------------------------------------------------------------------------

const cremonaActors: ReadonlyArray<Pick<Actor.Actor, "id" | "kind">> = [
  { id: Actor.ActorId.make("comune-cremona"), kind: "local-authority" },
  { id: Actor.ActorId.make("asst-cremona"), kind: "public-institution" },
  { id: Actor.ActorId.make("consorzio-cremonese"), kind: "social-cooperative" },
  { id: Actor.ActorId.make("csv-cremona"), kind: "volunteer-organisation" },
  { id: Actor.ActorId.make("caritas-cremona"), kind: "volunteer-organisation" },
  { id: Actor.ActorId.make("famiglie-in-rete"), kind: "informal-network" }
]
const [comune, asst, consorzio, csv, caritas, famiglie] = cremonaActors.map((a) => a.id) as [
  Actor.ActorId,
  Actor.ActorId,
  Actor.ActorId,
  Actor.ActorId,
  Actor.ActorId,
  Actor.ActorId
]
const need = Need.NeedId.make("need-vulnerabilita-lavoro-casa")

let cremona = CoDesign.unsafeMake({
  id: CoDesign.CoDesignId.make("codesign-cremona-pdz"),
  kind: "co-programming",
  title: "Insieme verso il Piano di Zona",
  promoter: comune,
  trigger: { needs: [] },
  stakeholders: [asst, consorzio, csv, caritas, famiglie]
})
let n = 0
const step = (
  at: string,
  by: Actor.ActorId,
  fields: Record<string, unknown> & { _tag: CoDesign.EventType }
) => {
  const event = {
    ...fields,
    eventId: CoDesign.EventId.make(`ev-${++n}`),
    at: Timestamp.fromMillis(Date.parse(at)),
    by
  } as CoDesign.Event
  const result = CoDesign.apply(cremona, event)
  if (Either.isLeft(result)) fail(result.left)
  else {
    cremona = result.right
    show(cremona)
  }
}
const everyone = (lead: Actor.ActorId) => [
  { actor: comune, role: "promoter" as const },
  ...[asst, consorzio, csv, caritas, famiglie].map((actor) => ({
    actor,
    role: actor === lead ? ("co-conductor" as const) : ("partner" as const)
  }))
]

console.log(`1. ${cremona.title} (${Label.of(CoDesign.kindLabels, cremona.kind, lang)}, seed 003)`)
step("2015-02-10T17:00:00Z", comune, {
  _tag: "steering-group-constituted",
  members: [comune, asst, consorzio, csv],
  themes: ["Presa in carico generativa", "Processi di co-progettazione", "Vulnerabilità tra lavoro e casa"]
})
step("2015-03-12T09:00:00Z", comune, {
  _tag: "participation-recorded",
  activity: "public-event",
  actors: everyone(csv),
  recipientCount: 30
})
// Row 52-53: the needs analysis is itself co-designed, with the final recipients.
step("2015-04-14T17:00:00Z", csv, {
  _tag: "participation-recorded",
  activity: "needs-analysis",
  actors: everyone(caritas),
  persons: ["p-0101", "p-0102", "p-0103"]
})
step("2015-04-14T19:00:00Z", comune, { _tag: "needs-identified", needs: [need] })
step("2015-05-05T17:00:00Z", comune, { _tag: "focus-groups-started" })
step("2015-05-19T17:00:00Z", consorzio, {
  _tag: "participation-recorded",
  activity: "focus-group",
  actors: everyone(consorzio),
  recipientCount: 8
})
step("2015-06-16T10:00:00Z", comune, { _tag: "programme-drafted", needs: [need] })
step("2015-07-14T18:00:00Z", comune, { _tag: "approved" })
step("2016-06-01T09:00:00Z", comune, { _tag: "verification-started" })
step("2016-06-21T17:00:00Z", caritas, {
  _tag: "participation-recorded",
  activity: "verification",
  actors: everyone(famiglie),
  persons: ["p-0101", "p-0103"]
})
step("2016-07-05T12:00:00Z", comune, { _tag: "closed" })
printAudit(CoDesign.audit(cremona, { actors: cremonaActors }))

// ---------------------------------------------------------------------------
// 2. Legnano, May-October 2015: the roadmap of seed 004
// ---------------------------------------------------------------------------

const territory = read("./territories/legnano.json") as {
  actors: ReadonlyArray<Pick<Actor.Actor, "id" | "kind">>
}
const fragment = read("./territories/legnano.codesign.json") as { coDesigns: ReadonlyArray<unknown> }
const decoded = CoDesign.decode(fragment.coDesigns[0])
if (Either.isLeft(decoded)) fail(decoded.left)
const legnano = Either.getOrThrow(decoded)

console.log(`\n2. ${legnano.title} (${Label.of(CoDesign.kindLabels, legnano.kind, lang)}, seed 004)`)
for (let i = 1; i <= legnano.events.length; i++) show({ ...legnano, events: legnano.events.slice(0, i) })
const final = CoDesign.state(legnano)
console.log(
  `  Charter: ${final.charter?.join(", ")}; Pact signed by ${final.signatures.length} of ${final.pact?.length} parties; equal dignity: ${CoDesign.hasEqualDignity(legnano)}`
)
printAudit(CoDesign.audit(legnano, territory))

// ---------------------------------------------------------------------------
// 3. A flawed variant: a partner missing from the realisation, no final
//    recipient in the verification
// ---------------------------------------------------------------------------

const flawedEvents = legnano.events.map((e): CoDesign.Event => {
  if (e._tag !== "participation-recorded") return e
  if (e.activity === "realisation" && e.project === "proj-custodi-sociali")
    return { ...e, actors: e.actors.filter((a) => a.actor !== "rete-vicinato") }
  if (e.activity === "verification") {
    const { persons: _, recipientCount: __, ...rest } = e
    return rest
  }
  return e
})
const flawed = CoDesign.replay(legnano, flawedEvents)
if (Either.isLeft(flawed)) fail(flawed.left)
const flawedProcess = Either.getOrThrow(flawed)
console.log(`\n3. The flawed variant (equal dignity: ${CoDesign.hasEqualDignity(flawedProcess)})`)
printAudit(CoDesign.audit(flawedProcess, territory))
