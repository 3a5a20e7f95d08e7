/**
 * The art. 55 layer (D.Lgs. 117/2017; Ministry guidelines DM 72/2021), beside
 * the seeds' co-design: the Comune di Legnano publishes a notice (avviso) for
 * a co-design of the "Custodi sociali" service, admits three Third Sector
 * entities as parties, holds two minuted sessions, closes with a closing
 * document and signs a convenzione. The procedure names the seeds' roadmap it
 * sits beside; the union and the business of that roadmap take part in it,
 * not in the art. 55 procedure: adding the union as a party is a finding.
 *
 * Run: node --conditions=@welfare/source --import tsx examples/article55.ts
 */
import { readFileSync } from "node:fs"
import { Article55, Label, Problem, Territory } from "@welfare/core"
import { Either } from "effect"

const lang: Label.Lang = process.argv.includes("--lang=en") ? "en" : "it"
const territory = Either.getOrThrow(
  Territory.decode(JSON.parse(readFileSync(new URL("./territories/legnano.json", import.meta.url), "utf8")))
)
const actors = Territory.actorsById(territory)

const procedure = Either.getOrThrow(
  Article55.decode({
    id: "art55-custodi-sociali-2022",
    kind: "co-design",
    administration: "comune-legnano",
    notice: { published: "2022-02-01", ref: "Avviso pubblico prot. 4521/2022", deadline: "2022-03-01" },
    parties: ["casa-volontariato", "coop-melograno", "forum-terzo-settore"],
    sessions: [
      {
        on: "2022-03-15",
        participants: ["comune-legnano", "casa-volontariato", "coop-melograno", "forum-terzo-settore"],
        minutes: "Verbale n. 1 del 15/03/2022"
      },
      {
        on: "2022-04-12",
        participants: ["comune-legnano", "casa-volontariato", "coop-melograno"],
        minutes: "Verbale n. 2 del 12/04/2022"
      }
    ],
    closing: { on: "2022-05-10", ref: "Documento conclusivo del tavolo di co-progettazione" },
    agreement: {
      on: "2022-06-01",
      ref: "Convenzione rep. 118/2022",
      signatories: ["comune-legnano", "casa-volontariato", "coop-melograno"]
    },
    roadmap: "codesign-legnano-2015"
  })
)

const line = (p: Article55.Procedure) => {
  const problems = Article55.validate(p, actors)
  return `${p.id} (${Label.of(Article55.kindLabels, p.kind, lang)}): ${Label.of(Article55.stageLabels, Article55.stage(p), lang)}; ${p.sessions.length} sessions, ${p.sessions.filter((s) => s.minutes !== undefined).length} minuted; problems: ${problems.length === 0 ? "none" : problems.map(Problem.format).join(" | ")}`
}

console.log(line(procedure))
// The union signed the seeds' Pact (seed 004, row 47) but is not a Third Sector entity (art. 4 c.2).
console.log(line({ ...procedure, parties: [...procedure.parties, "cgil-legnano" as never] }))
const { agreement: _, ...withoutAgreement } = procedure
// A co-programming: notice, minuted sessions and a closing document; no steering group, no focus groups.
console.log(
  line({
    ...withoutAgreement,
    id: "art55-coprogrammazione-2021" as never,
    kind: "co-programming",
    notice: { published: "2021-09-01", ref: "Avviso pubblico prot. 9870/2021" },
    sessions: [
      {
        on: "2021-10-05",
        participants: procedure.parties.concat([procedure.administration]),
        minutes: "Verbale n. 1"
      }
    ],
    closing: { on: "2021-11-30", ref: "Documento di co-programmazione del Piano di Zona" }
  } as Article55.Procedure)
)
