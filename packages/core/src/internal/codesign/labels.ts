/**
 * The Italian and English labels of co-design's kinds, stages, activities,
 * roles, event types and rules.
 * @internal
 */
import type { Labels } from "../../Label.js"
import type { Rule } from "./audit.js"
import type { EventType } from "./events.js"
import type { Activity, Kind, Role, Stage } from "./model.js"

/**
 * Italian and English labels of the process kinds.
 *
 * @category labels
 * @since 0.1.0
 */
export const kindLabels: Labels<Kind> = {
  "co-programming": { it: "Co-programmazione", en: "Co-programming" },
  "co-design": { it: "Co-progettazione", en: "Co-design" }
}

/**
 * Italian and English labels of the stages (seed 004, rows 53-55).
 *
 * @category labels
 * @since 0.1.0
 */
export const stageLabels: Labels<Stage> = {
  proposed: { it: "Proposto", en: "Proposed" },
  "steering-group": { it: "Gruppo di regia costituito", en: "Steering group constituted" },
  "focus-groups": { it: "Focus group", en: "Focus groups" },
  drafting: { it: "Stesura delle bozze", en: "Drafting" },
  approved: { it: "Approvato", en: "Approved" },
  signed: { it: "Sottoscritto", en: "Signed" },
  realisation: { it: "Realizzazione", en: "Realisation" },
  verification: { it: "Verifica condivisa", en: "Shared verification" },
  closed: { it: "Concluso", en: "Closed" }
}

/**
 * Italian and English labels of the activities and project phases (seed 003, row 51).
 *
 * @category labels
 * @since 0.1.0
 */
export const activityLabels: Labels<Activity> = {
  "steering-group": { it: "Gruppo di regia", en: "Steering group" },
  "public-event": { it: "Evento pubblico", en: "Public event" },
  "needs-analysis": { it: "Analisi dei bisogni", en: "Needs analysis" },
  "focus-group": { it: "Focus group", en: "Focus group" },
  ideation: { it: "Ideazione", en: "Ideation" },
  construction: { it: "Costruzione", en: "Construction" },
  realisation: { it: "Realizzazione", en: "Realisation" },
  verification: { it: "Verifica delle azioni", en: "Verification" }
}

/**
 * Italian and English labels of the roles.
 *
 * @category labels
 * @since 0.1.0
 */
export const roleLabels: Labels<Role> = {
  promoter: { it: "Promotore di alleanze", en: "Promoter of alliances" },
  "co-conductor": { it: "Co-conduttore", en: "Co-conductor" },
  partner: { it: "Partner", en: "Partner" },
  expert: { it: "Esperto", en: "Expert" },
  funder: { it: "Finanziatore", en: "Funder" },
  observer: { it: "Osservatore", en: "Observer" }
}

/**
 * Italian and English labels of the event types.
 *
 * @category labels
 * @since 0.1.0
 */
export const eventTypeLabels: Labels<EventType> = {
  "steering-group-constituted": { it: "Costituzione del gruppo di regia", en: "Steering group constituted" },
  "partner-contacted": { it: "Contatto con un potenziale partner", en: "Potential partner contacted" },
  "needs-identified": { it: "Bisogni individuati", en: "Needs identified" },
  "focus-groups-started": { it: "Avvio dei focus group", en: "Focus groups started" },
  "project-built": { it: "Progetto costruito", en: "Project built" },
  "feasibility-assessed": { it: "Fattibilità valutata", en: "Feasibility assessed" },
  "partner-aggregated": { it: "Partner aggregato", en: "Partner aggregated" },
  "charter-drafted": { it: "Bozza della Carta della cittadinanza", en: "Citizenship Charter drafted" },
  "pact-drafted": { it: "Bozza del Patto di solidarietà", en: "Solidarity Pact drafted" },
  "programme-drafted": { it: "Bozza del programma", en: "Programme drafted" },
  approved: { it: "Approvazione", en: "Approval" },
  signed: { it: "Sottoscrizione del Patto", en: "Pact signed" },
  "realisation-started": { it: "Avvio della realizzazione", en: "Realisation started" },
  "verification-started": { it: "Avvio della verifica condivisa", en: "Shared verification started" },
  closed: { it: "Chiusura", en: "Closed" },
  "participation-recorded": { it: "Partecipazione registrata", en: "Participation recorded" }
}

/**
 * Italian and English labels of the rules, close to the words of the seeds.
 *
 * @category labels
 * @since 0.1.0
 */
export const ruleLabels: Labels<Rule> = {
  "equal-dignity": {
    it: "Pari dignità degli stakeholder nelle fasi di ideazione, costruzione e realizzazione",
    en: "Equal dignity of stakeholders in ideation, construction and realisation"
  },
  "final-recipients": {
    it: "Coinvolgimento diretto dei destinatari finali nell'analisi dei bisogni e nella verifica",
    en: "Final recipients directly involved in the needs analysis and the verification"
  },
  "needs-analysis-co-designed": {
    it: "Co-progettazione dell'analisi dei bisogni",
    en: "The needs analysis is co-designed"
  },
  "public-promoter": {
    it: "Il soggetto pubblico promotore di alleanze",
    en: "The public actor as promoter of alliances"
  },
  "not-only-bando": {
    it: "Non progettare solo perché c'è un bando",
    en: "Not designing only because there is a call for funding"
  },
  "proximity-connection": {
    it: "Connessione tra strutture ad alta intensità e servizi leggeri di prossimità, formali e informali",
    en: "High-intensity structures connected to light proximity services, formal and informal"
  },
  "pact-signatures": {
    it: "Sottoscrizione del Patto da parte dei soggetti interessati",
    en: "The Pact signed by its parties"
  },
  "shared-verification": {
    it: "Rendicontazione e valutazione condivise",
    en: "Shared accountability and evaluation"
  }
}
