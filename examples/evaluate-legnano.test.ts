import { execFileSync } from "node:child_process"
import { join } from "node:path"
import { describe, expect, it } from "vitest"

const root = join(import.meta.dirname, "..")
const run = (): Array<string> =>
  execFileSync(
    process.execPath,
    ["--conditions=@welfare/source", "--import", "tsx", join(root, "examples", "evaluate-legnano.ts")],
    { cwd: root, encoding: "utf8" }
  )
    .trim()
    .split("\n")

describe("examples/evaluate-legnano.ts", () => {
  it("evaluates the Legnano pact over 2016 and 2017 from the whole territory, merges three municipalities, prints the accountability data of the Pact's signatories and the generative lenses", () => {
    expect(run()).toEqual([
      "findings: 2",
      "  warning evaluations[0].evaluators: every evaluator belongs to the public sector: a shared evaluation involves actors of several sectors (seed 001, rows 35-37)",
      "  warning evaluations[0].finalRecipients: no final recipient took part: involve the final recipients in verifying the actions (seed 003, row 53)",
      "district = merge of 3 municipalities: true",
      "Ore di volontariato messe in rete: 2016 4700 Obiettivo raggiunto (125%); 2017 4870 Obiettivo non raggiungibile (84%)",
      "Famiglie raggiunte dai progetti della Carta: 2016 309 Obiettivo non raggiungibile (23%); 2017 341 Obiettivo non raggiungibile (51%)",
      "Quota di risorse portate dalla comunità: 2016 11 Obiettivo raggiunto (150%); 2017 13.17 Obiettivo raggiunto (129%)",
      "Qualità del lavoro di rete: 2016 lvl-fair Obiettivo raggiunto (100%); 2017 lvl-good Obiettivo raggiunto (100%)",
      "suppressed cells: canegrate 2016, canegrate 2017",
      "round eval-2017: sectors public, third-sector, market, community; final recipients 12; evidence 12",
      "pact patto-legnano: 11 signatories",
      "  comune-legnano: committed coordination+funding; answers for nothing; delivered 0 measurements, 0 hours",
      "  ufficio-di-piano: committed accountability+evaluation; answers for asg-families-reached=not-attainable, asg-network-quality=achieved; delivered 3 measurements, 0 hours",
      "  forum-terzo-settore: committed needs-reading+communication; answers for asg-community-resources=achieved; delivered 3 measurements, 0 hours",
      "  casa-volontariato: committed volunteer-mobilisation; answers for asg-volunteer-hours=not-attainable; delivered 3 measurements, 4870 hours",
      "  coop-melograno: committed service-delivery; answers for asg-families-reached=not-attainable; delivered 3 measurements, 0 hours",
      "  asst-ovest-milanese: committed service-delivery; answers for nothing; delivered 0 measurements, 0 hours",
      "  rete-vicinato: committed volunteer-mobilisation; answers for nothing; delivered 0 measurements, 0 hours",
      "  fondazione-ticino-olona: committed funding; answers for nothing; delivered 0 measurements, 0 hours",
      "  cgil-legnano: committed needs-reading; answers for nothing; delivered 0 measurements, 0 hours",
      "  confcommercio-alto-milanese: committed funding; answers for nothing; delivered 0 measurements, 0 hours",
      "  comune-parabiago: committed funding; answers for nothing; delivered 0 measurements, 0 hours",
      "Quota di risorse portate dalla comunità: 6.8% (1250/18370)",
      // Citizens' declared hours are not the social counterpart (Fondazione Zancan): that is per person, below.
      "Quota delle ore dichiarate portate dai cittadini: 0.3% (50/18370)",
      "Quota di partenariati intersettoriali: 100% (5/5)",
      "Partecipazione dei destinatari finali ad analisi dei bisogni e verifica: 100% (1/1)",
      "Quota di prese in carico con risposta comunitaria: 100% (1/1)",
      "Ampliamento dell'accesso alla vulnerabilità: 50% (1/2)",
      // The 5R from the per-person ledger, each formula matching its verb (Zancan, outside the seeds).
      "Raccogliere: risorse da più fonti: 35.4%",
      "Redistribuire: persone raggiunte: 100%",
      "Rigenerare: benefici che tornano capacità della comunità: 16.9%",
      "Rendere: ore restituite su ore ricevute: 30.9%",
      "Responsabilizzare: persone con un contributo concordato e onorato: 60%",
      "Corrispettivo sociale (per persona), canegrate: < 5 persone (soppresso)",
      "Corrispettivo sociale (per persona), legnano: 45.3% (6 persone)",
      "Corrispettivo sociale (per persona), parabiago: < 5 persone (soppresso)"
    ])
  })
})
