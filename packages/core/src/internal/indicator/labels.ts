/**
 * Italian and English labels of an indicator definition's enumerations (tables).
 * @internal
 */

import type { Aggregation, BesDomain, Direction, Lens, Move, RbaCategory, Unit } from "../../Indicator.js"
import type { Labels } from "../../Label.js"

/**
 * Italian and English labels of the units.
 *
 * @category labels
 * @since 0.1.0
 */
export const unitLabels: Labels<Unit> = {
  count: { it: "numero", en: "count" },
  person: { it: "persone", en: "persons" },
  percent: { it: "percentuale", en: "percent" },
  euro: { it: "euro", en: "euro" },
  hour: { it: "ore", en: "hours" },
  session: { it: "incontri", en: "sessions" },
  day: { it: "giorni", en: "days" }
}

/**
 * Italian and English labels of the directions of improvement.
 *
 * @category labels
 * @since 0.1.0
 */
export const directionLabels: Labels<Direction> = {
  increase: { it: "Migliora se aumenta", en: "Better when higher" },
  decrease: { it: "Migliora se diminuisce", en: "Better when lower" },
  "target-range": { it: "Migliora se entro l'intervallo obiettivo", en: "Better within the target range" }
}

/**
 * Italian and English labels of the aggregations.
 *
 * @category labels
 * @since 0.1.0
 */
export const aggregationLabels: Labels<Aggregation> = {
  sum: { it: "Somma", en: "Sum" },
  mean: { it: "Media", en: "Mean" },
  min: { it: "Minimo", en: "Minimum" },
  max: { it: "Massimo", en: "Maximum" }
}

/**
 * Italian and English labels of the Results-Based Accountability categories.
 *
 * @category labels
 * @since 0.1.0
 */
export const rbaLabels: Labels<RbaCategory> = {
  "how-much": { it: "Quanto abbiamo fatto?", en: "How much did we do?" },
  "how-well": { it: "Quanto bene lo abbiamo fatto?", en: "How well did we do it?" },
  "better-off": { it: "Qualcuno sta meglio?", en: "Is anyone better off?" }
}

/**
 * Italian and English labels of the seven moves of responsible welfare (seed 001).
 *
 * @category labels
 * @since 0.1.0
 */
export const moveLabels: Labels<Move> = {
  "person-activation": { it: "Attivazione della persona", en: "Activation of the person" },
  "community-activation": { it: "Attivazione della comunità", en: "Activation of the community" },
  "community-actors-involvement": {
    it: "Coinvolgimento degli attori della comunità",
    en: "Involvement of the community's actors"
  },
  "local-networking": { it: "Lavoro di rete locale", en: "Local networking" },
  "co-action-in-governance": {
    it: "Pratiche di co-azione per la gestione dei servizi",
    en: "Co-action in service governance"
  },
  "shared-accountability": {
    it: "Processi di rendicontazione e di valutazione condivisi",
    en: "Shared accountability and evaluation"
  },
  personalisation: { it: "Personalizzazione degli interventi", en: "Personalisation of interventions" }
}

/**
 * Italian and English labels of the ISTAT BES domains.
 *
 * @category labels
 * @since 0.1.0
 */
export const besDomainLabels: Labels<BesDomain> = {
  health: { it: "Salute", en: "Health" },
  "education-and-training": { it: "Istruzione e formazione", en: "Education and training" },
  "work-and-life-balance": { it: "Lavoro e conciliazione dei tempi di vita", en: "Work and life balance" },
  "economic-well-being": { it: "Benessere economico", en: "Economic well-being" },
  "social-relationships": { it: "Relazioni sociali", en: "Social relationships" },
  "politics-and-institutions": { it: "Politica e istituzioni", en: "Politics and institutions" },
  safety: { it: "Sicurezza", en: "Safety" },
  "subjective-well-being": { it: "Benessere soggettivo", en: "Subjective well-being" },
  "landscape-and-cultural-heritage": {
    it: "Paesaggio e patrimonio culturale",
    en: "Landscape and cultural heritage"
  },
  environment: { it: "Ambiente", en: "Environment" },
  "innovation-research-creativity": {
    it: "Innovazione, ricerca e creatività",
    en: "Innovation, research and creativity"
  },
  "quality-of-services": { it: "Qualità dei servizi", en: "Quality of services" }
}

/**
 * Italian and English labels of the generative lenses (Fondazione Zancan).
 *
 * @category labels
 * @since 0.1.0
 */
export const lensLabels: Labels<Lens> = {
  collect: { it: "Raccogliere", en: "Collect" },
  redistribute: { it: "Redistribuire", en: "Redistribute" },
  regenerate: { it: "Rigenerare", en: "Regenerate" },
  "make-yield": { it: "Rendere (far rendere le risorse)", en: "Make resources yield" },
  "make-responsible": { it: "Responsabilizzare", en: "Make responsible" }
}
