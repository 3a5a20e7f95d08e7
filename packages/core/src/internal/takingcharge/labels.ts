/**
 * The Italian and English labels of taking charge's review outcomes, close
 * reasons, events, stages, step problems and personalisation kinds.
 * @internal
 */
import type { Labels } from "../../Label.js"
import type { CloseReason, EventKind, ReviewOutcome } from "./events.js"
import type { PersonalisationKind } from "./personalisation.js"
import type { StepProblemKind } from "./rules.js"
import type { Stage } from "./state.js"

/**
 * Italian and English labels of the review outcomes.
 *
 * @category labels
 * @since 0.1.0
 */
export const reviewOutcomeLabels: Labels<ReviewOutcome> = {
  "on-track": { it: "In linea con il progetto", en: "On track" },
  "to-adjust": { it: "Da riprogettare", en: "To adjust" },
  "goal-reached": { it: "Obiettivo raggiunto", en: "Goal reached" }
}

/**
 * Italian and English labels of the reasons to close a case.
 *
 * @category labels
 * @since 0.1.0
 */
export const closeReasonLabels: Labels<CloseReason> = {
  "goal-reached": { it: "Obiettivo raggiunto", en: "Goal reached" },
  withdrawn: { it: "Ritiro della persona", en: "Withdrawn by the person" },
  transferred: { it: "Trasferito ad altro servizio", en: "Transferred to another service" },
  "no-demand": { it: "Il bisogno non è diventato domanda", en: "The need did not become a demand" }
}

/**
 * Italian and English labels of the kinds of event.
 *
 * @category labels
 * @since 0.1.0
 */
export const eventLabels: Labels<EventKind> = {
  NeedRecorded: { it: "Bisogno registrato", en: "Need recorded" },
  DemandExpressed: { it: "Domanda espressa", en: "Demand expressed" },
  ChoiceMade: { it: "Scelta condivisa con la persona", en: "Choice made with the person" },
  CommunityResponseLinked: { it: "Risposta comunitaria collegata", en: "Community response linked" },
  Reviewed: { it: "Verifica del percorso", en: "Path reviewed" },
  Closed: { it: "Chiusura del percorso", en: "Path closed" }
}

/**
 * Italian and English labels of the stages.
 *
 * @category labels
 * @since 0.1.0
 */
export const stageLabels: Labels<Stage> = {
  need: { it: "Bisogno", en: "Need" },
  demand: { it: "Domanda", en: "Demand" },
  choice: { it: "Scelta", en: "Choice" },
  response: { it: "Risposta comunitaria", en: "Community response" },
  review: { it: "Verifica", en: "Review" },
  closed: { it: "Chiuso", en: "Closed" }
}

/**
 * Italian and English labels of the step problems.
 *
 * @category labels
 * @since 0.1.0
 */
export const stepProblemLabels: Labels<StepProblemKind> = {
  "other-case": { it: "Evento di un altro percorso", en: "Event of another case" },
  "after-close": { it: "Evento dopo la chiusura", en: "Event after closing" },
  "duplicate-event": { it: "Evento duplicato", en: "Duplicate event" },
  "time-goes-back": { it: "Il tempo torna indietro", en: "Time goes back" },
  "demand-without-need": { it: "Domanda senza bisogno", en: "Demand without a need" },
  "choice-without-demand": { it: "Scelta senza domanda", en: "Choice without a demand" },
  "step-goes-back": { it: "Passo all'indietro", en: "Step goes back" },
  "out-of-order": { it: "Passo fuori ordine", en: "Step out of order" },
  "unknown-need": { it: "Bisogno sconosciuto", en: "Unknown need" },
  "need-not-in-case": { it: "Bisogno non registrato nel percorso", en: "Need not recorded in the case" },
  "need-already-recorded": { it: "Bisogno già registrato", en: "Need already recorded" },
  "other-person": { it: "Bisogno di un'altra persona", en: "Need of another person" }
}

/**
 * Italian and English labels of the personalisation kinds.
 *
 * @category labels
 * @since 0.1.0
 */
export const personalisationLabels: Labels<PersonalisationKind> = {
  "no-choice-yet": { it: "Nessuna scelta ancora", en: "No choice yet" },
  "benefits-only": { it: "Solo prestazioni ricevute", en: "Benefits only" },
  "co-produced": { it: "Coprodotto con la persona", en: "Co-produced with the person" },
  "contribution-only": { it: "Solo contributo della persona", en: "Contribution of the person only" }
}
