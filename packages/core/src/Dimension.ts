/**
 * The seven dimensions of seed 000 (the table "Welfare tradizionale / Welfare
 * Generativo"), each with its two poles in the seed's own words. A position on
 * a dimension lies in [0, 1]: 0 is the traditional pole, 1 the generative one.
 *
 * @since 0.1.0
 */
import { literals } from "./internal/schema.js"
import type { Labels, Text } from "./Label.js"

/**
 * The seed file the seven dimensions come from.
 *
 * @category constants
 * @since 0.1.0
 */
export const seedFile = "000_7a1c4c52d0c555b3.txt"

/**
 * Every dimension, in the order of the table of seed 000 (rows 4 to 11).
 *
 * @category constants
 * @since 0.1.0
 */
export const values = [
  "reference-model",
  "intervention-focus",
  "needs-analysis",
  "delivery-chain",
  "operator-role",
  "organisation",
  "outcomes"
] as const

/**
 * A dimension of the traditional-versus-generative table of seed 000.
 *
 * @category models
 * @since 0.1.0
 */
export const Dimension = literals(
  "Dimension",
  values,
  "A dimension of the traditional-versus-generative welfare table (seed 000)."
)

/**
 * @category models
 * @since 0.1.0
 */
export type Dimension = typeof Dimension.Type

/**
 * Both poles of a dimension, traditional first.
 *
 * @category constants
 * @since 0.1.0
 */
export const poles = ["traditional", "generative"] as const

/**
 * A pole: traditional (position 0) or generative (position 1).
 *
 * @category models
 * @since 0.1.0
 */
export const Pole = literals("Pole", poles, "A pole of a dimension: traditional (0) or generative (1).")

/**
 * @category models
 * @since 0.1.0
 */
export type Pole = typeof Pole.Type

/**
 * Where a statement comes from: a seed file and its row (1-based, as `cat -n` prints it).
 *
 * @category models
 * @since 0.1.0
 */
export interface Source {
  readonly file: string
  readonly row: number
}

/**
 * The row of seed 000 that defines each dimension.
 *
 * @category constants
 * @since 0.1.0
 */
export const rows: { readonly [D in Dimension]: number } = {
  "reference-model": 4,
  "intervention-focus": 5,
  "needs-analysis": 6,
  "delivery-chain": 8,
  "operator-role": 9,
  organisation: 10,
  outcomes: 11
}

/**
 * The source (seed 000 and its row) of a dimension.
 *
 * @category getters
 * @since 0.1.0
 */
export const sourceOf = (dimension: Dimension): Source => ({ file: seedFile, row: rows[dimension] })

/**
 * Italian (the seed's own heading) and English labels of the dimensions.
 *
 * @example
 * ```ts
 * import * as assert from "node:assert"
 * import { Dimension } from "@welfare/core"
 *
 * assert.strictEqual(Dimension.labels["delivery-chain"].it, "Filiera di erogazione")
 * assert.strictEqual(Dimension.sourceOf("delivery-chain").row, 8)
 * ```
 *
 * @category labels
 * @since 0.1.0
 */
export const labels: Labels<Dimension> = {
  "reference-model": { it: "Modello di riferimento", en: "Reference model" },
  "intervention-focus": { it: "Focus dell'intervento", en: "Intervention focus" },
  "needs-analysis": { it: "Analisi dei bisogni/esigenze", en: "Analysis of needs and requirements" },
  "delivery-chain": { it: "Filiera di erogazione", en: "Delivery chain" },
  "operator-role": { it: "Ruolo dell'esperto/operatore", en: "Role of the expert or operator" },
  organisation: { it: "Organizzazione", en: "Organisation" },
  outcomes: { it: "Ricadute culturali, sociali, economiche", en: "Cultural, social and economic outcomes" }
}

/**
 * Italian and English labels of the poles.
 *
 * @category labels
 * @since 0.1.0
 */
export const poleLabels: Labels<Pole> = {
  traditional: { it: "Welfare tradizionale", en: "Traditional welfare" },
  generative: { it: "Welfare generativo", en: "Generative welfare" }
}

/**
 * The two poles of every dimension in the seed's words (Italian, abridged
 * from seed 000 at the dimension's row) and in English.
 *
 * @category constants
 * @since 0.1.0
 */
export const poleTexts: { readonly [D in Dimension]: { readonly [P in Pole]: Text } } = {
  "reference-model": {
    traditional: {
      it: "Sanitario: oggetto di lavoro è la malattia/disagio, prassi sono cura, trattamento, prevenzione. Si parte dalla mancanza per attivare cura/risarcimento.",
      en: "Health model: the object of work is illness or disadvantage, the practices are cure, treatment, prevention. It starts from the lack to activate care or compensation."
    },
    generative: {
      it: "Sociale, oggetto sono le interazioni. Prassi è la promozione di competenze. L'assistenza è contemplata, ma il sistema di servizi non si esaurisce in questa.",
      en: "Social model: the object is interactions. The practice is promoting competences. Assistance is contemplated, but the system of services is not exhausted by it."
    }
  },
  "intervention-focus": {
    traditional: {
      it: 'Il focus è sull\'individuo singolo e sul suo bisogno, "conclamato" e considerato "da Servizio Sociale". Le risorse sono volte a rispondere al bisogno. Se la comunità è coinvolta, lo è in quanto "funzionale" a rispondere al singolo.',
      en: 'The focus is on the single individual and their need, "overt" and recognised "by the Social Service". Resources answer the need. If the community is involved, it is only as "functional" to answering the individual.'
    },
    generative: {
      it: 'Il focus è sui processi che caratterizzano la comunità, sulle relazioni dinamiche. Le risorse sostengono questi processi per "anticipare" i bisogni. Vede nel "richiedente" una "persona" che ha competenze.',
      en: 'The focus is on the processes of the community and on dynamic relations. Resources sustain these processes to "anticipate" needs. It sees in the "applicant" a "person" with competences.'
    }
  },
  "needs-analysis": {
    traditional: {
      it: 'Strumenti per raccogliere i bisogni (ciò che manca). Lettura tra Istituzione e Privato Sociale in luoghi istituzionali deputati. Servizio pensato "da..." "per...", standardizzato e rigido.',
      en: 'Tools collect needs (what is missing). The reading happens between institution and social private bodies in designated institutional places. Service designed "by..." "for...", standardised and rigid.'
    },
    generative: {
      it: 'Strumenti per leggere come la comunità si gestisce (le esigenze), il capitale sociale, le risorse. Più interlocutori e spazi di vita quotidiani. Servizio pensato "con...", flessibile.',
      en: 'Tools read how the community manages itself (its requirements), its social capital, its resources. Many interlocutors and the spaces of daily life. Service designed "with...", flexible.'
    }
  },
  "delivery-chain": {
    traditional: {
      it: "Utente fa richiesta, operatore risponde offrendo prestazioni. Filiera Istituzione -> Terzo Settore come prestatore. Gestione verticale: il potere sta nella prestazione, l'utente è beneficiario passivo.",
      en: "The user requests, the operator answers with benefits. Chain institution -> third sector as provider. Vertical management: power lies in the benefit, the user is a passive beneficiary."
    },
    generative: {
      it: "Cittadino portatore di risorse/esigenze, operatore promuove un percorso di responsabilizzazione. Istituzioni, Terzo Settore e profit collaborano. Sussidiarietà orizzontale, ruolo attivo del fruitore.",
      en: "The citizen brings resources and requirements, the operator promotes a path of responsibility. Institutions, third sector and business collaborate. Horizontal subsidiarity, an active user."
    }
  },
  "operator-role": {
    traditional: {
      it: "In mano agli specialisti che sanno di bisogni/mancanze e di risposte prestazionali. I mediatori (ad es. gli insegnanti) sono strumenti dentro all'erogazione di prestazioni.",
      en: "In the hands of specialists who know lacks and benefit responses. Mediators (for example teachers) are tools inside the delivery of benefits."
    },
    generative: {
      it: "Competenze di anticipazione e gestione delle criticità; facilita la costruzione delle risposte con il soggetto. I mediatori sono generatori/moltiplicatori di risorse/opportunità.",
      en: "Competences of anticipation and of managing critical issues; facilitates building the answers with the person. Mediators generate and multiply resources and opportunities."
    }
  },
  organisation: {
    traditional: {
      it: "Settorializzazione sulla base delle categorie di bisogni. Criteri burocratico-amministrativi.",
      en: "Sectors by category of need. Bureaucratic and administrative criteria."
    },
    generative: {
      it: "Condivisione di obiettivi sulla base delle criticità, risorse, ruoli in campo.",
      en: "Objectives shared on the basis of the critical issues, resources and roles in play."
    }
  },
  outcomes: {
    traditional: {
      it: 'Accesso solo con un bisogno "conclamato": utenti "classificati" con fragilità. Tappare le emergenze genera delega assistenziale; cultura del "tutto pagato-tutto dovuto"; sta in piedi se ci sono risorse economiche.',
      en: 'Access only with an "overt" need: users stay "classified" as fragile. Plugging emergencies breeds delegation; an "all paid, all due" culture; it stands only while economic resources last.'
    },
    generative: {
      it: "Si allarga la platea del possibile intervento alla vulnerabilità. Corresponsabilità (communityholders) e cultura della sostenibilità. Fondato sul capitale sociale: è sempre possibile co-costruire risposte.",
      en: "The reach of intervention widens to vulnerability. Co-responsibility (communityholders) and a culture of sustainability. Built on social capital: answers can always be co-built."
    }
  }
}
