import type { Labels, Text } from "../../Label.js"
import type { CommunityForm, Status } from "./model.js"

/**
 * Italian and English labels of the statuses.
 *
 * @category labels
 * @since 0.2.0
 */
export const statusLabels: Labels<Status> = {
  met: { it: "Soddisfatto", en: "Met" },
  partly: { it: "In parte", en: "Partly" },
  "not-met": { it: "Non soddisfatto", en: "Not met" }
}

export const words = {
  interventions: { it: "Interventi", en: "Interventions" },
  organisations: {
    it: "Organizzazioni in un partenariato generativo",
    en: "Organisations in a generative partnership"
  },
  isolated: {
    it: "Organizzazioni in nessun partenariato generativo",
    en: "Organisations in no generative partnership"
  },
  partnerships: { it: "Partenariati con logica di rete", en: "Partnerships with a network logic" },
  generativePartnerships: {
    it: "Partenariati generativi (rete, due settori o più)",
    en: "Generative partnerships (network, two sectors or more)"
  },
  inNetwork: {
    it: "Interventi in un partenariato generativo",
    en: "Interventions in a generative partnership"
  },
  coDesigned: { it: "Interventi co-progettati", en: "Co-designed interventions" },
  contributing: {
    it: "Percorsi con un contributo della persona",
    en: "Paths with a contribution of the person"
  },
  coProduced: { it: "Percorsi coprodotti con la persona", en: "Paths co-produced with the person" },
  responsible: {
    it: "Enti del Terzo Settore e imprese con responsabilità o risorse",
    en: "Third-sector bodies and businesses with responsibilities or resources"
  },
  readingSectors: { it: "Settori che leggono i bisogni", en: "Sectors that read the needs" },
  sharedRounds: {
    it: "Valutazioni condivise tra settori con i destinatari finali",
    en: "Evaluations shared across sectors with the final recipients"
  },
  complexCases: {
    it: "Casi con bisogni complessi e una risposta di comunità",
    en: "Cases of complex needs with a community response"
  },
  policyAreas: {
    it: "Aree di policy dei partenariati generativi",
    en: "Policy areas of generative partnerships"
  },
  givenByPeople: {
    it: "Interventi con risorse donate da beneficiari o comunità",
    en: "Interventions with resources given by beneficiaries or the community"
  },
  sectors: {
    it: "Settori raggiunti dai partenariati generativi",
    en: "Sectors reached by generative partnerships"
  },
  rightsAndDuties: {
    it: "Percorsi con prestazioni e contributo della persona",
    en: "Paths with benefits and a contribution of the person"
  },
  sustain: {
    it: "Interventi le cui risorse sostengono i processi",
    en: "Interventions whose resources sustain processes"
  },
  pooled: { it: "Interventi con domanda aggregata", en: "Interventions with pooled demand" },
  mutual: {
    it: "Interventi con tempo o cura donati da beneficiari o comunità",
    en: "Interventions with time or care given by beneficiaries or the community"
  },
  collaboration: {
    it: "Interventi progettati con le persone, corresponsabili e in rete",
    en: "Interventions designed with the people, co-responsible and networked"
  }
} as const

/**
 * Italian and English labels of the forms of community welfare (seed 002, row 13).
 *
 * @category labels
 * @since 0.1.0
 */
export const communityFormLabels: { readonly [F in CommunityForm]: Text } = {
  "demand-aggregation": { it: "Aggregazione della domanda", en: "Demand aggregation" },
  "mutual-aid": { it: "Mutuo aiuto", en: "Mutual aid" },
  "active-collaboration": { it: "Collaborazione attiva", en: "Active collaboration" }
}
