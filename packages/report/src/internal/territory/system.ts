// The territory report's section: system (see TerritoryReport.ts).
import type { TerritoryAssessment } from "@welfare/core"
import { of, text } from "../../Labels.js"
import type { Block, Section } from "../../Report.js"
import { percent } from "../../View.js"
import { both, evidenceText, join, type Names, num, seedRef, t, table, verdictText } from "./shared.js"

export const systemSection = (tp: TerritoryAssessment.TerritoryProfile, names: Names): Section => {
  const o = tp.opportunities
  const blocks: Array<Block> = [
    {
      kind: "paragraph",
      text: both((l) =>
        l === "it"
          ? `La lettura di sistema (${num(tp.systemIndex, l)}, «${text(verdictText(tp.systemClass), l).toLowerCase()}») è la media di quattro verifiche graduate: quanta parte delle organizzazioni sta in un partenariato generativo (almeno due settori, logica di rete: un appalto, logica di mercato o gerarchia, non conta; seme 001, riga 33), quanti partenariati hanno logica di rete, quanti interventi si svolgono in un partenariato generativo e quanti sono co-progettati. Un'organizzazione nuova ancora fuori dalla rete abbassa la lettura di poco ed è un'occasione, non un crollo.`
          : `The system reading (${num(tp.systemIndex, l)}, "${text(verdictText(tp.systemClass), l).toLowerCase()}") is the mean of four graded checks: how many organisations sit in a generative partnership (two sectors or more, network logic: a contract, market or hierarchy logic, does not count; seed 001, row 33), how many partnerships have a network logic, how many interventions run in a generative partnership and how many are co-designed. A new organisation not yet in the network lowers the reading a little and is an opportunity, not a cliff.`
      )
    },
    {
      kind: "table",
      table: table(
        both((l) =>
          l === "it"
            ? `Le quattro verifiche di sistema (media ${num(tp.systemIndex, l)})`
            : `The four system checks (mean ${num(tp.systemIndex, l)})`
        ),
        [t("Verifica", "Check"), t("Valore", "Value"), both((l) => of("evidence", l)), t("Fonte", "Source")],
        tp.system.map((c) => ({
          header: c.text,
          cells: [percent(c.value), evidenceText(c.evidence, names), seedRef(c.source)]
        }))
      )
    },
    { kind: "heading", text: t("Occasioni", "Opportunities") },
    {
      kind: "paragraph",
      text: both((l) =>
        o.count === 0
          ? l === "it"
            ? "Ogni organizzazione sta già in un partenariato generativo."
            : "Every organisation already sits in a generative partnership."
          : l === "it"
            ? `Organizzazioni in nessun partenariato generativo: ${o.count} su ${o.of ?? "?"} (${join(o.examples.map(names.actor), l)}${o.count > o.examples.length ? ", …" : ""}). Coinvolgerle è un'occasione: «riconoscere e valorizzare la molteplicità dei soggetti» (seme 004, riga 35).`
            : `Organisations in no generative partnership: ${o.count} of ${o.of ?? "?"} (${join(o.examples.map(names.actor), l)}${o.count > o.examples.length ? ", …" : ""}). Involving them is an opportunity: recognise and value the multiplicity of actors (seed 004, row 35).`
      )
    }
  ]
  return { id: "system", title: t("La lettura di sistema", "The system reading"), blocks }
}
