import type { Text } from "../../Label.js"
import * as Rubric from "../../Rubric.js"
import { counter, seed, share } from "./common.js"
import { words } from "./labels.js"
import type { Checklist, Count, SystemCheck, TerritoryLike } from "./model.js"
import type { InterventionsReading, Network } from "./readings.js"

export const systemChecks = (
  territory: TerritoryLike,
  network: Network,
  reading: InterventionsReading
): {
  readonly checks: ReadonlyArray<SystemCheck>
  readonly opportunities: Count
} => {
  const organisations = [...new Set(territory.actors.filter((a) => a.kind !== "citizen").map((a) => a.id))]
  const inside = counter()
  const outside = counter()
  for (const a of organisations) (network.members.has(a) ? inside : outside).add(a)
  const m = reading.lines.length
  const realCount = network.real.size()
  return {
    checks: [
      {
        id: "network-reach",
        text: {
          it: "Superare interessi individualistici e barriere che spesso si interpongono tra settori diversi",
          en: "Overcome individual interests and the barriers that often stand between different sectors"
        },
        source: seed("001", 29),
        value: share(inside.size(), organisations.length),
        evidence: [
          inside.as(words.organisations, organisations.length),
          network.generativeCount.as(words.generativePartnerships)
        ]
      },
      {
        id: "network-logic",
        text: {
          it: "Superamento delle classiche forme di governo centrate su Mercato e gerarchia per collocarsi in una logica di rete",
          en: "Beyond the classic forms of governance centred on market and hierarchy, towards a network logic"
        },
        source: seed("001", 33),
        value: share(network.networkLogic.size(), realCount),
        evidence: [network.networkLogic.as(words.partnerships, realCount)]
      },
      {
        id: "interventions-in-network",
        text: {
          it: "Un welfare che si realizzi grazie a forme di partenariato",
          en: "A welfare realised through partnerships"
        },
        source: seed("004", 31),
        value: share(reading.inNetwork.size(), m),
        evidence: [reading.inNetwork.as(words.inNetwork, m)]
      },
      {
        id: "co-designed-interventions",
        text: {
          it: "Investire in forma sistemica su processi di co-progettazione",
          en: "Invest systemically in co-design processes"
        },
        source: seed("003", 48),
        value: share(reading.coDesigned.size(), m),
        evidence: [reading.coDesigned.as(words.coDesigned, m)]
      }
    ],
    opportunities: outside.as(words.isolated, organisations.length)
  }
}

export const explain = (
  moves: Checklist,
  chars: Checklist,
  verdict: Rubric.Verdict,
  capped: boolean,
  interventionClass: Rubric.Verdict,
  systemClass: Rubric.Class
): Text | undefined => {
  const strong = moves.met + chars.met >= 10
  if (capped)
    return {
      it: "Gli interventi si leggono generativi, ma la rete del territorio non lo è ancora: la generatività è una dimensione del sistema (seme 003, riga 24), quindi la classe si ferma a «in transizione».",
      en: "The interventions read as generative, but the territory's network is not yet: generativity is a property of the system (seed 003, row 24), so the class stops at «transitional»."
    }
  if (strong && verdict !== "generative")
    return {
      it: `Le liste di controllo leggono i processi registrati (percorsi, partenariati, valutazioni) e ne trovano molti; il verdetto legge i tratti degli interventi («${Rubric.verdictLabels[interventionClass].it.toLowerCase()}») e la rete («${Rubric.verdictLabels[systemClass].it.toLowerCase()}»), che dicono altro. Guarda la copertura e le contraddizioni degli interventi.`,
      en: `The checklists read the recorded processes (paths, partnerships, evaluations) and find many; the verdict reads the interventions' traits («${Rubric.verdictLabels[interventionClass].en.toLowerCase()}») and the network («${Rubric.verdictLabels[systemClass].en.toLowerCase()}»), which say otherwise. Look at the interventions' coverage and contradictions.`
    }
  if (!strong && verdict === "generative")
    return {
      it: "Gli interventi e la rete si leggono generativi, ma le liste di controllo trovano pochi processi registrati: il verdetto poggia sulle dichiarazioni più che sui dati.",
      en: "The interventions and the network read as generative, but the checklists find few recorded processes: the verdict rests on declarations more than on records."
    }
  return undefined
}
