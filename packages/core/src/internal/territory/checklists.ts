import * as Actor from "../../Actor.js"
import type * as Dimension from "../../Dimension.js"
import { tagOf } from "../../internal/codesign/tag.js"
import type { Text } from "../../Label.js"
import { checklistThreshold, counter, seed, share } from "./common.js"
import { words } from "./labels.js"
import type { Checklist, ChecklistItem, Count, Status, SystemCheck, TerritoryLike } from "./model.js"
import type { InterventionsReading, Network, Paths } from "./readings.js"

export const item = (
  id: string,
  text: Text,
  reads: Text,
  source: Dimension.Source,
  value: number,
  evidence: ReadonlyArray<Count>
): ChecklistItem => {
  const v = Math.min(1, Math.max(0, value))
  const status: Status = v >= checklistThreshold ? "met" : v > 0 ? "partly" : "not-met"
  return {
    id,
    text,
    reads,
    source,
    value: v,
    threshold: checklistThreshold,
    status,
    met: status === "met",
    evidence
  }
}

export const checklist = (items: ReadonlyArray<ChecklistItem>): Checklist => ({
  items,
  maturity: items.reduce((acc, i) => acc + i.value, 0) / items.length,
  met: items.filter((i) => i.status === "met").length,
  partly: items.filter((i) => i.status === "partly").length
})

export interface Context {
  readonly territory: TerritoryLike
  readonly sectorOf: ReadonlyMap<string, Actor.Sector>
  readonly network: Network
  readonly paths: Paths
  readonly reading: InterventionsReading
  readonly system: ReadonlyArray<SystemCheck>
}

// The sectors that read needs: interlocutors of requirements and participants in a needs analysis.
export const readingSectors = (
  ctx: Context
): { readonly reading: ReadonlySet<string>; readonly present: ReadonlySet<string> } => {
  const reading = new Set<string>()
  const add = (a: string) => {
    const s = ctx.sectorOf.get(a)
    if (s !== undefined) reading.add(s)
  }
  for (const r of ctx.territory.requirements ?? []) for (const a of r.interlocutors) add(a)
  for (const p of ctx.territory.coDesigns ?? [])
    for (const e of p.events)
      if (tagOf(e) === "participation-recorded" && e.activity === "needs-analysis") {
        for (const a of e.actors ?? []) add(a.actor)
        if ((e.recipientCount ?? 0) > 0 || (e.persons?.length ?? 0) > 0) reading.add("community")
      }
  return { reading, present: new Set(ctx.sectorOf.values()) }
}

// A round shared across sectors but without the final recipients shows
// accountability among organisations, not with the people: a quarter of the
// credit (editorial), so that such rounds alone never meet move 6.
export const crossSectorOnly = 0.25

// Shared evaluation rounds (seed 001, row 37): across sectors, with the final recipients.
export const sharedRounds = (ctx: Context): { readonly value: number; readonly count: Count } => {
  const shared = counter()
  let credit = 0
  const rounds = ctx.territory.evaluations ?? []
  for (const r of rounds) {
    const sectors = new Set<string>()
    for (const e of r.evaluators) {
      const s = ctx.sectorOf.get(e)
      if (s !== undefined) sectors.add(s)
    }
    const recipients = (r.finalRecipients?.count ?? 0) > 0 || sectors.has("community")
    if (recipients) sectors.add("community")
    if (sectors.size >= 2 && recipients) {
      shared.add(r.id)
      credit += 1
    } else if (sectors.size >= 2) credit += crossSectorOnly
  }
  return { value: share(credit, rounds.length), count: shared.as(words.sharedRounds, rounds.length) }
}

// Third-sector organisations and businesses with responsibilities in partnerships or resources in interventions (seed 001, row 21).
const responsibleOrganisations = (ctx: Context): { readonly count: Count; readonly value: number } => {
  const organisations = ctx.territory.actors.filter((a) => {
    const s = Actor.sectorOfKind[a.kind]
    return s === "third-sector" || s === "market"
  })
  const responsible = counter()
  const committed = new Set<string>()
  for (const p of ctx.territory.partnerships ?? [])
    for (const m of p.members)
      if ((m.commitments?.length ?? 0) > 0 || (m.responsibilities?.length ?? 0) > 0) committed.add(m.actor)
  for (const a of new Set(organisations.map((o) => o.id)))
    if (committed.has(a) || ctx.reading.providers.has(a)) responsible.add(a)
  const orgCount = new Set(organisations.map((o) => o.id)).size
  return { count: responsible.as(words.responsible, orgCount), value: share(responsible.size(), orgCount) }
}

// table: the seven moves of responsible welfare (seed 001), one item each: its text, what it reads, its seed row, its value and evidence
export const moves = (ctx: Context): Checklist => {
  const { paths } = ctx
  const responsible = responsibleOrganisations(ctx)
  const sectors = readingSectors(ctx)
  const rounds = sharedRounds(ctx)
  return checklist([
    item(
      "person-activation",
      { it: "Attivazione della persona", en: "Activation of the person" },
      {
        it: "Percorsi di presa in carico con un contributo della persona",
        en: "Taking-charge paths with a contribution of the person"
      },
      seed("001", 17),
      share(paths.contributing.size(), paths.withChoice.size()),
      [paths.contributing.as(words.contributing, paths.withChoice.size())]
    ),
    item(
      "community-activation",
      { it: "Attivazione della comunità", en: "Activation of the community" },
      {
        it: "Terzo Settore e imprese con responsabilità nei partenariati o risorse negli interventi",
        en: "Third sector and businesses with responsibilities in partnerships or resources in interventions"
      },
      seed("001", 21),
      responsible.value,
      [responsible.count]
    ),
    item(
      "actors-involvement",
      {
        it: "Coinvolgimento degli attori che compongono la comunità",
        en: "Involvement of the community's actors"
      },
      {
        it: "Settori presenti che partecipano alla lettura dei bisogni",
        en: "Sectors present that take part in reading needs"
      },
      seed("001", 25),
      share(
        [...sectors.reading].filter((s) => sectors.present.has(s) || s === "community").length,
        sectors.present.size
      ),
      [
        {
          what: words.readingSectors,
          count: sectors.reading.size,
          of: sectors.present.size,
          examples: [...sectors.reading].sort()
        }
      ]
    ),
    item(
      "local-networking",
      { it: "Processi di networking locale", en: "Local networking" },
      { it: "Organizzazioni in un partenariato generativo", en: "Organisations in a generative partnership" },
      seed("001", 29),
      ctx.system[0]!.value,
      ctx.system[0]!.evidence
    ),
    item(
      "co-action",
      {
        it: "Pratiche di co-azione per la gestione dei servizi",
        en: "Co-action in the governance of services"
      },
      {
        it: "Partenariati con logica di rete, non di mercato o gerarchia",
        en: "Partnerships with a network logic, not market or hierarchy"
      },
      seed("001", 33),
      ctx.system[1]!.value,
      ctx.system[1]!.evidence
    ),
    item(
      "shared-accountability",
      {
        it: "Processi di rendicontazione e di valutazione condivisi",
        en: "Shared accountability and evaluation"
      },
      {
        it: "Giri di valutazione condivisi tra più settori e con i destinatari finali (un quarto del credito senza destinatari)",
        en: "Evaluation rounds shared across sectors and with the final recipients (a quarter of the credit without recipients)"
      },
      seed("001", 37),
      rounds.value,
      [rounds.count]
    ),
    item(
      "personalisation",
      { it: "Personalizzazione degli interventi", en: "Personalisation of interventions" },
      {
        it: "Percorsi coprodotti con la persona (prestazioni e contributo)",
        en: "Paths co-produced with the person (benefits and contribution)"
      },
      seed("001", 41),
      share(paths.coProduced.size(), paths.withChoice.size()),
      [paths.coProduced.as(words.coProduced, paths.withChoice.size())]
    )
  ])
}

// The policy areas of the needs and of the generative partnerships.
const needAreasOf = (ctx: Context): ReadonlySet<string> => {
  const needAreas = new Set<string>(ctx.network.areas)
  for (const n of ctx.territory.needs ?? []) for (const a of n.policyAreas ?? []) needAreas.add(a)
  return needAreas
}

// table: the seven characteristics of generative welfare (seed 004), one item each: its text, what it reads, its seed row, its value and evidence
export const characteristics = (ctx: Context): Checklist => {
  const { paths, network, reading, sectorOf } = ctx
  const m = reading.lines.length
  const needAreas = needAreasOf(ctx)
  const present = new Set(sectorOf.values())
  return checklist([
    item(
      "partnership",
      { it: "Forme di partenariato", en: "Partnerships" },
      {
        it: "Interventi realizzati in un partenariato generativo",
        en: "Interventions run in a generative partnership"
      },
      seed("004", 31),
      ctx.system[2]!.value,
      ctx.system[2]!.evidence
    ),
    item(
      "integrated-taking-charge",
      {
        it: "Presa in carico integrata dei bisogni complessi",
        en: "Integrated taking charge of complex needs"
      },
      {
        it: "Casi con bisogni di più aree di policy e una risposta di comunità",
        en: "Cases with needs of several policy areas and a community response"
      },
      seed("004", 32),
      share(paths.complexWithResponse.size(), paths.complex.size()),
      [paths.complexWithResponse.as(words.complexCases, paths.complex.size())]
    ),
    item(
      "policy-networking",
      { it: "Mettere in rete sistemi di politiche frammentate", en: "Networking fragmented policy areas" },
      {
        it: "Aree di policy dei bisogni e dei partenariati coperte da partenariati generativi",
        en: "Policy areas of needs and partnerships covered by generative partnerships"
      },
      seed("004", 33),
      share(network.areas.size, needAreas.size),
      [
        {
          what: words.policyAreas,
          count: network.areas.size,
          of: needAreas.size,
          examples: [...network.areas].sort().slice(0, 5)
        }
      ]
    ),
    item(
      "fiduciary-relations",
      {
        it: "Relazioni fiduciarie e solidaristiche sul territorio",
        en: "Fiduciary and solidarity relations"
      },
      {
        it: "Interventi con risorse donate da beneficiari o comunità",
        en: "Interventions with resources given by beneficiaries or the community"
      },
      seed("004", 34),
      share(reading.givenByPeople.size(), m),
      [reading.givenByPeople.as(words.givenByPeople, m)]
    ),
    item(
      "multiplicity-of-actors",
      {
        it: "Riconoscere e valorizzare la molteplicità dei soggetti",
        en: "Recognising the multiplicity of actors"
      },
      {
        it: "Settori presenti raggiunti dai partenariati generativi",
        en: "Sectors present reached by generative partnerships"
      },
      seed("004", 35),
      share([...network.sectors].filter((s) => present.has(s as Actor.Sector)).length, present.size),
      [
        {
          what: words.sectors,
          count: network.sectors.size,
          of: present.size,
          examples: [...network.sectors].sort()
        }
      ]
    ),
    item(
      "rights-and-duties",
      { it: "Coniugare diritti personali e doveri sociali", en: "Personal rights joined with social duties" },
      {
        it: "Percorsi in cui la persona riceve prestazioni e dà un contributo",
        en: "Paths where the person receives benefits and gives a contribution"
      },
      seed("004", 36),
      share(paths.coProduced.size(), paths.withChoice.size()),
      [paths.coProduced.as(words.rightsAndDuties, paths.withChoice.size())]
    ),
    item(
      "social-capital-investment",
      {
        it: "Investimento sul capitale sociale, non solo tagli",
        en: "Investment in social capital, not only cuts"
      },
      {
        it: "Interventi le cui risorse sostengono i processi della comunità",
        en: "Interventions whose resources sustain the community's processes"
      },
      seed("004", 37),
      share(reading.sustain.size(), m),
      [reading.sustain.as(words.sustain, m)]
    )
  ])
}
