/**
 * Italian and English labels of every fact value of an intervention (a table).
 * @internal
 */
import type { Labels } from "../../Label.js"
import type { FactName, FactValue } from "./facts.js"

/**
 * Italian and English labels of every value of every enumerated fact.
 *
 * @category labels
 * @since 0.1.0
 */
export const factLabels: { readonly [F in FactName]: Labels<FactValue<F>> } = {
  worksOn: {
    lack: { it: "La mancanza", en: "The lack" },
    interactions: { it: "Le interazioni", en: "The interactions" },
    both: { it: "La mancanza e le interazioni", en: "The lack and the interactions" }
  },
  practice: {
    "cure-treatment": { it: "Cura, trattamento, prevenzione", en: "Cure, treatment, prevention" },
    "competence-promotion": { it: "Promozione di competenze", en: "Promotion of competences" },
    both: { it: "Cura e promozione di competenze", en: "Cure and promotion of competences" }
  },
  focus: {
    individual: { it: "L'individuo singolo", en: "The single individual" },
    "community-process": { it: "I processi della comunità", en: "The community's processes" },
    both: {
      it: "L'individuo e i processi della comunità",
      en: "The individual and the community's processes"
    }
  },
  resourcesAim: {
    "answer-need": { it: "Rispondere al bisogno", en: "Answer the need" },
    "sustain-processes": {
      it: "Sostenere i processi e anticipare i bisogni",
      en: "Sustain processes and anticipate needs"
    },
    both: { it: "Rispondere al bisogno e sostenere i processi", en: "Answer the need and sustain processes" }
  },
  applicant: {
    beneficiary: { it: "Beneficiario", en: "Beneficiary" },
    "person-with-competences": { it: "Persona con competenze", en: "Person with competences" },
    both: { it: "Beneficiario e persona con competenze", en: "Beneficiary and person with competences" }
  },
  needsTools: {
    "collect-lacks": { it: "Raccolgono i bisogni (ciò che manca)", en: "Collect needs (what is missing)" },
    "read-community": {
      it: "Leggono come la comunità si gestisce",
      en: "Read how the community manages itself"
    },
    both: { it: "Raccolgono i bisogni e leggono la comunità", en: "Collect needs and read the community" }
  },
  needReadBy: {
    "institution-and-social-private": {
      it: "Istituzione e Privato Sociale",
      en: "Institution and social private bodies"
    },
    "many-interlocutors": { it: "Più interlocutori", en: "Many interlocutors" },
    both: {
      it: "In parte tra Istituzione e Privato Sociale, in parte con più interlocutori",
      en: "Partly institution and social private bodies, partly many interlocutors"
    }
  },
  needReadWhere: {
    "institutional-places": { it: "Luoghi istituzionali deputati", en: "Designated institutional places" },
    "daily-life-spaces": { it: "Spazi di vita quotidiani", en: "Spaces of daily life" },
    both: {
      it: "In parte in luoghi istituzionali, in parte negli spazi di vita",
      en: "Partly institutional places, partly daily-life spaces"
    }
  },
  designed: {
    "by-for": { it: 'Pensato "da..." "per..."', en: 'Designed "by..." "for..."' },
    with: { it: 'Pensato "con..."', en: 'Designed "with..."' },
    both: { it: 'In parte "da... per...", in parte "con..."', en: 'Partly "by... for...", partly "with..."' }
  },
  responses: {
    standardised: { it: "Standardizzate e rigide", en: "Standardised and rigid" },
    flexible: { it: "Flessibili", en: "Flexible" },
    both: { it: "In parte standardizzate, in parte flessibili", en: "Partly standardised, partly flexible" }
  },
  delivery: {
    "request-benefit": { it: "Richiesta -> prestazione", en: "Request -> benefit" },
    "resources-responsibility-path": {
      it: "Risorse/esigenze -> percorso di responsabilizzazione",
      en: "Resources and requirements -> path of responsibility"
    },
    both: {
      it: "In parte prestazioni a richiesta, in parte percorsi di responsabilizzazione",
      en: "Partly benefits on request, partly paths of responsibility"
    }
  },
  governance: {
    vertical: { it: "Gestione verticale", en: "Vertical management" },
    horizontal: { it: "Sussidiarietà orizzontale", en: "Horizontal subsidiarity" },
    both: { it: "In parte verticale, in parte orizzontale", en: "Partly vertical, partly horizontal" }
  },
  thirdSector: {
    provider: { it: "Terzo Settore come prestatore", en: "Third sector as provider" },
    "co-reader": {
      it: "Terzo Settore che legge con le istituzioni",
      en: "Third sector reading with the institutions"
    },
    both: { it: "Terzo Settore prestatore e co-lettore", en: "Third sector as provider and co-reader" }
  },
  userRole: {
    "passive-beneficiary": { it: "Beneficiario passivo", en: "Passive beneficiary" },
    "active-capacitated": { it: "Fruitore attivo, capacitato", en: "Active, capacitated user" },
    both: { it: "In parte passivo, in parte attivo", en: "Partly passive, partly active" }
  },
  operatorRole: {
    specialist: { it: "Specialista di bisogni e prestazioni", en: "Specialist of needs and benefits" },
    facilitator: {
      it: "Facilitatore che anticipa le criticità",
      en: "Facilitator who anticipates critical issues"
    },
    both: { it: "Eroga prestazioni e facilita", en: "Delivers benefits and facilitates" }
  },
  mediators: {
    "delivery-tools": { it: "Strumenti dell'erogazione", en: "Tools of delivery" },
    "resource-multipliers": { it: "Moltiplicatori di risorse", en: "Multipliers of resources" },
    both: { it: "Strumenti dell'erogazione e moltiplicatori", en: "Tools of delivery and multipliers" }
  },
  organisation: {
    "sector-by-need-category": { it: "Settori per categorie di bisogno", en: "Sectors by category of need" },
    "shared-objectives": { it: "Obiettivi condivisi", en: "Shared objectives" },
    both: {
      it: "In parte per categorie di bisogno, in parte per obiettivi condivisi",
      en: "Partly by category of need, partly shared objectives"
    }
  },
  access: {
    "overt-need-only": { it: "Solo con bisogno conclamato", en: "Overt need only" },
    "vulnerability-too": { it: "Anche la vulnerabilità", en: "Vulnerability too" }
  },
  orientation: {
    "emergency-plugging": { it: "Tappare le emergenze", en: "Plugging emergencies" },
    "co-building": {
      it: "Co-costruire beni e servizi con le persone",
      en: "Co-building goods and services with people"
    },
    both: { it: "In parte emergenze, in parte co-costruzione", en: "Partly emergencies, partly co-building" }
  },
  culture: {
    "all-paid-all-due": { it: '"Tutto pagato-tutto dovuto"', en: '"All paid, all due"' },
    "co-responsibility": {
      it: "Corresponsabilità (communityholders)",
      en: "Co-responsibility (communityholders)"
    },
    both: {
      it: 'In parte "tutto pagato-tutto dovuto", in parte corresponsabilità',
      en: 'Partly "all paid, all due", partly co-responsibility'
    }
  },
  contributor: {
    institution: { it: "Istituzione", en: "Institution" },
    "third-sector": { it: "Terzo settore", en: "Third sector" },
    market: { it: "Mercato", en: "Market" },
    community: {
      it: "Comunità (famiglie e reti informali)",
      en: "Community (families and informal networks)"
    },
    beneficiaries: { it: "Beneficiari", en: "Beneficiaries" }
  },
  mode: {
    tariff: { it: "Tariffa o compartecipazione", en: "Tariff or co-payment" },
    compulsory: { it: "Obbligatorio, sotto sanzione", en: "Compulsory, under sanction" },
    paid: { it: "Retribuito", en: "Paid" },
    voluntary: { it: "Volontario", en: "Voluntary" },
    agreed: { it: "Concordato in un patto o percorso", en: "Agreed in a pact or path" },
    pooled: { it: "Domanda aggregata", en: "Pooled demand" }
  },
  form: {
    money: { it: "Denaro", en: "Money" },
    "in-kind": { it: "In natura", en: "In kind" }
  }
}
