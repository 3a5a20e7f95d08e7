import type { Text } from "./common.js"

/**
 * The names of the facts of the assessment form, in Italian and English, in
 * the words of seed 000's table (000_7a1c4c52d0c555b3.txt, rows 4-11).
 */
export const factNames: Record<string, Text> = {
  worksOn: { it: "Oggetto di lavoro", en: "What it works on" },
  practice: { it: "Prassi", en: "Practice" },
  assistanceBenefit: { it: "Eroga anche assistenza", en: "Also delivers assistance" },
  focus: { it: "Focus dell'intervento", en: "Focus of the intervention" },
  resourcesAim: { it: "Le risorse sono volte a", en: "Resources are aimed at" },
  applicant: { it: 'Il "richiedente" è', en: 'The "applicant" is' },
  needsTools: { it: "Strumenti di analisi dei bisogni", en: "Tools of the needs analysis" },
  needReadBy: { it: "La lettura del bisogno avviene tra", en: "Who reads the need" },
  needReadWhere: { it: "Dove avviene la lettura", en: "Where the need is read" },
  designed: { it: "Il servizio è pensato", en: "The service is designed" },
  responses: { it: "Le risposte sono", en: "The responses are" },
  delivery: { it: "Filiera di erogazione", en: "Delivery chain" },
  governance: { it: "Gestione", en: "Management" },
  thirdSector: { it: "Il Terzo Settore è", en: "The third sector is" },
  userRole: { it: "Ruolo dell'utente", en: "The user's role" },
  operatorRole: { it: "Ruolo dell'operatore", en: "The operator's role" },
  mediators: { it: "I mediatori sono", en: "The mediators are" },
  organisation: { it: "Organizzazione", en: "Organisation" },
  access: { it: "Chi accede", en: "Who may access" },
  orientation: { it: "Orientamento", en: "Orientation" },
  culture: { it: "Cultura che genera", en: "The culture it breeds" }
}

export const ui = {
  notObserved: { it: "— non osservato —", en: "— not observed —" },
  index: { it: "Indice generativo", en: "Generative index" },
  verdict: { it: "Lettura", en: "Reading" },
  coverage: { it: "Copertura delle evidenze", en: "Evidence coverage" },
  depth: { it: "Profondità generativa", en: "Generative depth" },
  sensitivity: { it: "Sensibilità ai numeri editoriali", en: "Sensitivity to the editorial numbers" },
  robust: { it: "robusto", en: "robust" },
  fragile: { it: "fragile", en: "fragile" },
  evidence: { it: "Evidenze (con le frasi dei semi)", en: "Evidence (with the seeds' phrases)" },
  recommendations: { it: "Raccomandazioni, in ordine", en: "Recommendations, ranked" },
  none: {
    it: "Nessuna: ogni tratto generativo è già presente.",
    en: "None: every generative trait is already present."
  },
  share: { it: "Link a questo stato", en: "Link to this state" },
  apply: { it: "Applica", en: "Apply" },
  seed: { it: "seme", en: "seed" },
  row: { it: "riga", en: "row" },
  gain: { it: "guadagno d'indice", en: "index gain" }
} as const
