import type * as Actor from "../../Actor.js"
import * as Dimension from "../../Dimension.js"
import * as Intervention from "../../Intervention.js"
import * as Resource from "../../Resource.js"
import type { Action, Patch, Provenance, Trait, TraitId } from "../../Trait.js"

/**
 * The degree to which a mixed value (`"both"`) shows each of its two traits,
 * for the facts that gained a mixed value in 0.2.0 (who reads needs, where,
 * responses, delivery, governance, the third sector's place, the user's and
 * the operator's role, mediators, organisation, orientation, culture, what
 * resources are for, how the applicant is seen). Editorial: half evidence for
 * each pole, so that a service that does both sits in the middle of the
 * dimension on that fact and is never left out.
 *
 * @category constants
 * @since 0.2.0
 */
export const mixedDegree = 0.5

/**
 * The value of one hour of time, care or competence, in euro, used only to
 * compare money with the other resources when reading how far an
 * intervention depends on money (`economic-only`). Editorial: the order of
 * magnitude of an hour of social-care work in Italy; a session counts as two
 * hours; a resource counted in persons or of unknown amount is left out of
 * the comparison.
 *
 * @category constants
 * @since 0.2.0
 */
export const hourValue = 20

export type Spec = Omit<Trait, "id" | "source" | "weightProvenance" | "reads" | "action"> & {
  readonly row?: number
  readonly file?: string
}

export const has = (b: boolean): number => (b ? 1 : 0)

// A fact's value shows a trait fully (1), half when mixed (`mixedDegree`), or not (0).
export const shows = <A extends string>(value: A | undefined, pole: A): number =>
  value === pole ? 1 : value === "both" ? mixedDegree : 0

export const valueInEuro = (r: Intervention.ResourceUse): number | undefined => {
  const res = r.resource
  if (res === undefined) return undefined
  switch (res.unit) {
    case "euro":
      return res.amount
    case "hour":
      return res.amount * hourValue
    case "session":
      return res.amount * 2 * hourValue
    default:
      return undefined
  }
}

/**
 * The share of an intervention's valued resources that depends on money, in
 * [0, 1] (0 when nothing can be valued): what `economic-only` reads. Money
 * depends on money, and so does paid work (mode `paid`, the default for the
 * institution, the third sector and the market): seed 000 (row 11) reads the
 * traditional service as «fondato sullo scambio di prestazioni e sul capitale
 * economico che le può garantire», standing «se ci sono risorse economiche».
 * Paid hours are benefits that money guarantees, so they never dilute the
 * share as time given would (invariant 17: money paid is not a resource given).
 * Work under sanction (mode `compulsory`) is neither money nor a resource
 * given: it moves the share neither way.
 *
 * @example
 * ```ts
 * import * as assert from "node:assert"
 * import { Resource, Trait } from "@welfare/core"
 *
 * const share = Trait.moneyShare([
 *   { resource: Resource.unsafeMake("economic", 1000), from: "institution" },
 *   { resource: Resource.unsafeMake("time", 50), from: "community" }
 * ])
 * assert.strictEqual(share, 0.5) // 50 hours given at 20 euro
 * // 50 paid hours are money in another form
 * assert.strictEqual(Trait.moneyShare([{ resource: Resource.unsafeMake("time", 50), from: "third-sector" }]), 1)
 * ```
 *
 * @category getters
 * @since 0.2.0
 */
export const moneyShare = (resources: ReadonlyArray<Intervention.ResourceUse>): number => {
  let money = 0
  let all = 0
  for (const r of resources) {
    const v = valueInEuro(r)
    if (v === undefined || Intervention.modeOf(r) === "compulsory") continue
    all += v
    if (Intervention.isMoney(r) || Intervention.modeOf(r) === "paid") money += v
  }
  return all > 0 ? money / all : 0
}

export const designWith = (f: Intervention.InterventionInput): number =>
  f.designed === "with" ? 1 : f.designed === "both" ? (f.designSplit ?? 0.5) : 0

export const designByFor = (f: Intervention.InterventionInput): number =>
  f.designed === "by-for" ? 1 : f.designed === "both" ? 1 - (f.designSplit ?? 0.5) : 0

export const widen =
  <K extends "worksOn" | "practice" | "focus" | "needsTools">(
    field: K,
    traditional: NonNullable<Intervention.InterventionInput[K]>,
    generative: NonNullable<Intervention.InterventionInput[K]>
  ) =>
  (f: Intervention.InterventionInput): Patch =>
    ({ [field]: f[field] === traditional ? "both" : generative }) as Patch

export const set = (patch: Patch) => (): Patch => patch

export const addResource =
  (
    kind: Resource.ResourceKind,
    amount: number,
    from: Intervention.Contributor,
    mode: Intervention.ContributionMode
  ) =>
  (f: Intervention.InterventionInput): Patch => ({
    resources: [...(f.resources ?? []), { resource: Resource.unsafeMake(kind, amount), from, mode }]
  })

export const T = "traditional" as const

export const G = "generative" as const

export const specs: { readonly [K in TraitId]: Spec } = {
  // Reference model (seed 000, row 4)
  "works-on-lack": {
    dimension: "reference-model",
    pole: T,
    weight: 1,
    text: {
      it: "Si parte dalla mancanza per attivare cura/risarcimento",
      en: "It starts from the lack to activate care or compensation"
    },
    degree: (f) => has(f.worksOn === "lack" || f.worksOn === "both")
  },
  "cure-treatment": {
    dimension: "reference-model",
    pole: T,
    weight: 2,
    text: {
      it: "Sanitario: oggetto di lavoro è la malattia/disagio, prassi sono cura, trattamento, prevenzione",
      en: "Health model: the object of work is illness or disadvantage, the practices are cure, treatment, prevention"
    },
    degree: (f) => has(f.practice === "cure-treatment" || f.practice === "both")
  },
  "works-on-interactions": {
    dimension: "reference-model",
    pole: G,
    weight: 2,
    text: {
      it: "Sociale, oggetto sono le interazioni",
      en: "Social model: the object is interactions"
    },
    degree: (f) => has(f.worksOn === "interactions" || f.worksOn === "both"),
    promote: widen("worksOn", "lack", "interactions"),
    change: {
      it: "Lavorare anche sulle interazioni, non solo sulla mancanza",
      en: "Work on the interactions too, not only on the lack"
    }
  },
  "competence-promotion": {
    dimension: "reference-model",
    pole: G,
    weight: 2,
    text: { it: "Prassi è la promozione di competenze", en: "The practice is the promotion of competences" },
    degree: (f) => has(f.practice === "competence-promotion" || f.practice === "both"),
    promote: widen("practice", "cure-treatment", "competence-promotion"),
    change: {
      it: "Affiancare alla cura la promozione di competenze",
      en: "Add the promotion of competences to care"
    }
  },
  // Intervention focus (seed 000, row 5)
  "individual-focus": {
    dimension: "intervention-focus",
    pole: T,
    weight: 2,
    text: {
      it: "Il focus è sull'individuo singolo e sul suo bisogno",
      en: "The focus is on the single individual and their need"
    },
    degree: (f) => has(f.focus === "individual" || f.focus === "both")
  },
  "resources-answer-need": {
    dimension: "intervention-focus",
    pole: T,
    weight: 1,
    text: {
      it: "Le risorse sono volte a rispondere al bisogno",
      en: "Resources are aimed at answering the need"
    },
    degree: (f) => shows(f.resourcesAim, "answer-need")
  },
  "community-processes": {
    dimension: "intervention-focus",
    pole: G,
    weight: 2,
    text: {
      it: "Il focus è sui processi che caratterizzano la comunità, sulle relazioni dinamiche",
      en: "The focus is on the processes of the community, on dynamic relations"
    },
    degree: (f) => has(f.focus === "community-process" || f.focus === "both"),
    promote: widen("focus", "individual", "community-process"),
    change: {
      it: "Guardare anche ai processi della comunità, non solo al singolo",
      en: "Look at the community's processes too, not only at the individual"
    }
  },
  "resources-sustain-processes": {
    dimension: "intervention-focus",
    pole: G,
    weight: 2,
    text: {
      it: 'Le risorse sono finalizzate a sostenere questi processi, per "anticipare" l\'emergere dei bisogni',
      en: 'Resources sustain these processes, to "anticipate" the emergence of needs'
    },
    degree: (f) => shows(f.resourcesAim, "sustain-processes"),
    promote: set({ resourcesAim: "sustain-processes" }),
    change: {
      it: "Destinare le risorse a sostenere i processi che anticipano i bisogni",
      en: "Use the resources to sustain the processes that anticipate needs"
    }
  },
  "person-with-competences": {
    dimension: "intervention-focus",
    pole: G,
    weight: 1,
    text: {
      it: 'Vede nel "richiedente" una "persona", un soggetto che ha competenze nella ricerca di una soluzione condivisa',
      en: 'It sees in the "applicant" a "person", a subject with competences in seeking a shared solution'
    },
    degree: (f) => shows(f.applicant, "person-with-competences"),
    promote: set({ applicant: "person-with-competences" }),
    change: {
      it: "Riconoscere nel richiedente una persona con competenze",
      en: "Recognise in the applicant a person with competences"
    }
  },
  // Needs analysis (seed 000, row 6)
  "collects-lacks": {
    dimension: "needs-analysis",
    pole: T,
    weight: 2,
    text: {
      it: "Vengono usati strumenti per raccogliere i bisogni (ciò che manca)",
      en: "Tools are used to collect needs (what is missing)"
    },
    degree: (f) => has(f.needsTools === "collect-lacks" || f.needsTools === "both")
  },
  "read-by-institutions": {
    dimension: "needs-analysis",
    pole: T,
    weight: 1,
    text: {
      it: "La lettura del bisogno avviene tra Istituzione e Privato Sociale",
      en: "The need is read between the institution and social private bodies"
    },
    degree: (f) => shows(f.needReadBy, "institution-and-social-private")
  },
  "read-in-institutional-places": {
    dimension: "needs-analysis",
    pole: T,
    weight: 1,
    text: { it: "In luoghi istituzionali deputati", en: "In designated institutional places" },
    degree: (f) => shows(f.needReadWhere, "institutional-places")
  },
  "designed-by-for": {
    dimension: "needs-analysis",
    pole: T,
    weight: 1,
    text: {
      it: 'Servizio è pensato "da..." "per..." sulla base di una standardizzazione dei bisogni',
      en: 'The service is designed "by..." "for..." on a standardisation of needs'
    },
    degree: designByFor
  },
  "standardised-responses": {
    dimension: "needs-analysis",
    pole: T,
    weight: 1,
    text: {
      it: "Una standardizzazione dei bisogni che implica una rigidità delle risposte",
      en: "A standardisation of needs that makes the responses rigid"
    },
    degree: (f) => shows(f.responses, "standardised")
  },
  "reads-community": {
    dimension: "needs-analysis",
    pole: G,
    weight: 2,
    text: {
      it: "Vengono usati strumenti per leggere come la comunità si gestisce (le esigenze), il capitale sociale, le risorse",
      en: "Tools are used to read how the community manages itself (its requirements), its social capital, its resources"
    },
    degree: (f) => has(f.needsTools === "read-community" || f.needsTools === "both"),
    promote: widen("needsTools", "collect-lacks", "read-community"),
    change: {
      it: "Usare strumenti che leggono come la comunità si gestisce",
      en: "Use tools that read how the community manages itself"
    }
  },
  "many-interlocutors": {
    dimension: "needs-analysis",
    pole: G,
    weight: 1,
    text: {
      it: "Questa lettura comporta più interlocutori, una messa in circolo di competenze",
      en: "This reading involves many interlocutors, putting competences in circulation"
    },
    degree: (f) => shows(f.needReadBy, "many-interlocutors"),
    promote: set({ needReadBy: "many-interlocutors" }),
    change: { it: "Leggere il bisogno con più interlocutori", en: "Read the need with many interlocutors" }
  },
  "daily-life-spaces": {
    dimension: "needs-analysis",
    pole: G,
    weight: 1,
    text: {
      it: "L'intercettazione di ciò che accade negli spazi di vita quotidiani",
      en: "Intercepting what happens in the spaces of daily life"
    },
    degree: (f) => shows(f.needReadWhere, "daily-life-spaces"),
    promote: set({ needReadWhere: "daily-life-spaces" }),
    change: {
      it: "Leggere il bisogno negli spazi di vita quotidiani",
      en: "Read the need in the spaces of daily life"
    }
  },
  "designed-with": {
    dimension: "needs-analysis",
    pole: G,
    weight: 1,
    text: { it: 'Servizio pensato "con..."', en: 'Service designed "with..."' },
    degree: designWith,
    promote: set({ designed: "with", designSplit: undefined }),
    change: { it: 'Progettare il servizio "con" le persone', en: 'Design the service "with" the people' }
  },
  "flexible-responses": {
    dimension: "needs-analysis",
    pole: G,
    weight: 1,
    text: {
      it: "Le risposte si generano/modificano sulla base di un criterio di flessibilità",
      en: "Responses are generated and changed by a criterion of flexibility"
    },
    degree: (f) => shows(f.responses, "flexible"),
    promote: set({ responses: "flexible" }),
    change: { it: "Rendere flessibili le risposte", en: "Make the responses flexible" }
  },
  // Delivery chain (seed 000, row 8)
  "request-benefit": {
    dimension: "delivery-chain",
    pole: T,
    weight: 2,
    text: {
      it: "Utente fa Richiesta ➔ Operatore risponde offrendo prestazioni",
      en: "The user makes a request ➔ the operator answers with benefits"
    },
    degree: (f) => shows(f.delivery, "request-benefit")
  },
  "third-sector-provider": {
    dimension: "delivery-chain",
    pole: T,
    weight: 1,
    text: {
      it: "La filiera è Istituzione->Terzo Settore come prestatore",
      en: "The chain is institution -> third sector as provider"
    },
    degree: (f) => shows(f.thirdSector, "provider")
  },
  "vertical-management": {
    dimension: "delivery-chain",
    pole: T,
    weight: 1,
    text: { it: "Presuppone una gestione verticale", en: "It presupposes vertical management" },
    degree: (f) => shows(f.governance, "vertical")
  },
  "passive-user": {
    dimension: "delivery-chain",
    pole: T,
    weight: 1,
    text: {
      it: "Il potere sta nella prestazione, l'utente ha un ruolo di beneficiario passivo",
      en: "Power lies in the benefit, the user is a passive beneficiary"
    },
    degree: (f) => shows(f.userRole, "passive-beneficiary")
  },
  "citizen-brings-resources": {
    dimension: "delivery-chain",
    pole: G,
    weight: 2,
    text: {
      it: "Cittadino è portatore di risorse/esigenze",
      en: "The citizen brings resources and requirements"
    },
    // Resources given by the beneficiaries or the community (families,
    // residents) by choice or agreement; not tariffs, not compulsory or paid work.
    degree: (f) => has((f.resources ?? []).some(Intervention.isGivenByPeople)),
    promote: addResource("time", 10, "beneficiaries", "agreed"),
    change: {
      it: "Accogliere le risorse (tempo) che portano i beneficiari",
      en: "Welcome the resources (time) the beneficiaries bring"
    }
  },
  "responsibility-path": {
    dimension: "delivery-chain",
    pole: G,
    weight: 2,
    text: {
      it: "Operatore promuove percorso di responsabilizzazione del cittadino nel contribuire a trovare risposte",
      en: "The operator promotes a path of responsibility of the citizen in helping to find answers"
    },
    degree: (f) => shows(f.delivery, "resources-responsibility-path"),
    promote: set({ delivery: "resources-responsibility-path" }),
    change: {
      it: "Sostituire la filiera richiesta-prestazione con un percorso di responsabilizzazione",
      en: "Replace the request-benefit chain with a path of responsibility"
    }
  },
  "cross-sector-reading": {
    dimension: "delivery-chain",
    pole: G,
    weight: 1,
    text: {
      it: 'Istituzioni, Terzo Settore e profit collaborano a leggere "come" i bisogni vengono gestiti',
      en: 'Institutions, third sector and business work together to read "how" needs are managed'
    },
    degree: (f) => shows(f.thirdSector, "co-reader"),
    promote: set({ thirdSector: "co-reader" }),
    change: {
      it: "Coinvolgere il Terzo Settore nella lettura, non solo come prestatore",
      en: "Involve the third sector in the reading, not only as a provider"
    }
  },
  "horizontal-subsidiarity": {
    dimension: "delivery-chain",
    pole: G,
    weight: 1,
    text: { it: "Presuppone una sussidiarietà orizzontale", en: "It presupposes horizontal subsidiarity" },
    degree: (f) => shows(f.governance, "horizontal"),
    promote: set({ governance: "horizontal" }),
    change: { it: "Passare a una gestione orizzontale", en: "Move to horizontal management" }
  },
  "active-user": {
    dimension: "delivery-chain",
    pole: G,
    weight: 1,
    text: {
      it: "Stimola il ruolo attivo del fruitore, attraverso processi capacitanti",
      en: "It stimulates the active role of the user, through capacitating processes"
    },
    degree: (f) => shows(f.userRole, "active-capacitated"),
    promote: set({ userRole: "active-capacitated" }),
    change: { it: "Dare al fruitore un ruolo attivo", en: "Give the user an active role" }
  },
  // Operator role (seed 000, row 9)
  "specialist-operator": {
    dimension: "operator-role",
    pole: T,
    weight: 2,
    text: {
      it: "E' in mano agli specialisti che sono tali in quanto sanno di bisogni/mancanze e di risposte prestazionali",
      en: "It is in the hands of specialists, who are such because they know lacks and benefit responses"
    },
    degree: (f) => shows(f.operatorRole, "specialist")
  },
  "mediators-as-tools": {
    dimension: "operator-role",
    pole: T,
    weight: 1,
    text: {
      it: "I mediatori (ad es. gli insegnanti) sono strumenti dentro all'erogazione di prestazioni",
      en: "Mediators (for example teachers) are tools inside the delivery of benefits"
    },
    degree: (f) => shows(f.mediators, "delivery-tools")
  },
  "facilitator-operator": {
    dimension: "operator-role",
    pole: G,
    weight: 2,
    text: {
      it: "Mette in campo competenze di anticipazione e di gestione delle criticità e facilita la costruzione delle risposte con il soggetto",
      en: "Brings competences of anticipation and of managing critical issues, and facilitates building the answers with the person"
    },
    degree: (f) => shows(f.operatorRole, "facilitator"),
    promote: set({ operatorRole: "facilitator" }),
    change: {
      it: "Formare l'operatore a facilitare e anticipare",
      en: "Train the operator to facilitate and anticipate"
    }
  },
  "mediators-multiply": {
    dimension: "operator-role",
    pole: G,
    weight: 1,
    text: {
      it: "I mediatori sono soggetti generatori/moltiplicatori a loro volta di risorse/opportunità",
      en: "Mediators in turn generate and multiply resources and opportunities"
    },
    degree: (f) => shows(f.mediators, "resource-multipliers"),
    promote: set({ mediators: "resource-multipliers" }),
    change: {
      it: "Fare dei mediatori dei moltiplicatori di risorse",
      en: "Make the mediators multipliers of resources"
    }
  },
  // Organisation (seed 000, row 10)
  "sector-by-need-category": {
    dimension: "organisation",
    pole: T,
    weight: 2,
    text: {
      it: "Settorializzazione sulla base delle categorie di bisogni. Criteri burocratico-amministrativi",
      en: "Sectors by category of need. Bureaucratic and administrative criteria"
    },
    degree: (f) => shows(f.organisation, "sector-by-need-category")
  },
  "shared-objectives": {
    dimension: "organisation",
    pole: G,
    weight: 2,
    text: {
      it: "Condivisione di obiettivi sulla base delle criticità, risorse, ruoli in campo",
      en: "Objectives shared on the basis of the critical issues, resources and roles in play"
    },
    degree: (f) => shows(f.organisation, "shared-objectives"),
    promote: set({ organisation: "shared-objectives" }),
    change: { it: "Organizzarsi per obiettivi condivisi", en: "Organise around shared objectives" }
  },
  // Outcomes (seed 000, row 11)
  "overt-need-access": {
    dimension: "outcomes",
    pole: T,
    weight: 2,
    text: {
      it: 'Se si accede solo con un bisogno "conclamato", gli utenti rimangono i classici "classificati" con fragilità',
      en: 'If access requires an "overt" need, users stay the classic "classified" as fragile'
    },
    degree: (f) => has(f.access === "overt-need-only")
  },
  "emergency-plugging": {
    dimension: "outcomes",
    pole: T,
    weight: 1,
    text: {
      it: "L'orientamento a risolvere i problemi/tappare le emergenze, genera delega assistenziale",
      en: "Aiming to solve problems and plug emergencies breeds delegation to assistance"
    },
    degree: (f) => shows(f.orientation, "emergency-plugging")
  },
  "all-paid-all-due": {
    dimension: "outcomes",
    pole: T,
    weight: 1,
    text: {
      it: 'Mantiene la cultura del "tutto pagato-tutto dovuto"',
      en: 'It keeps the "all paid, all due" culture'
    },
    // A tariff or co-payment paid by the beneficiaries is the same culture (seed 000, row 11).
    degree: (f) =>
      Math.max(
        shows(f.culture, "all-paid-all-due"),
        has((f.resources ?? []).some((r) => Intervention.modeOf(r) === "tariff"))
      )
  },
  "economic-only": {
    dimension: "outcomes",
    pole: T,
    weight: 1,
    text: {
      it: "In quanto fondato sullo scambio di prestazioni e sul capitale economico che le può garantire, sta in piedi se ci sono risorse economiche",
      en: "Built on exchanging benefits and on the economic capital that pays for them, it stands only while economic resources last"
    },
    // The share of the valued resources that depends on money, paid work included
    // (see `moneyShare`): one volunteer hour no longer hides a budget of thousands of euro.
    degree: (f) => moneyShare(f.resources ?? [])
  },
  "vulnerability-access": {
    dimension: "outcomes",
    pole: G,
    weight: 2,
    text: {
      it: "Si allarga la platea del possibile intervento alla vulnerabilità",
      en: "The reach of possible intervention widens to vulnerability"
    },
    degree: (f) => has(f.access === "vulnerability-too"),
    promote: set({ access: "vulnerability-too" }),
    change: {
      it: "Aprire l'accesso anche alla vulnerabilità, prima che il bisogno sia conclamato",
      en: "Open access to vulnerability too, before the need is overt"
    }
  },
  "co-building": {
    dimension: "outcomes",
    pole: G,
    weight: 1,
    text: {
      it: "L'orientamento a costruire beni/servizi ad hoc con le persone",
      en: "Aiming to build goods and services ad hoc with the people"
    },
    degree: (f) => shows(f.orientation, "co-building"),
    promote: set({ orientation: "co-building" }),
    change: { it: "Costruire beni e servizi con le persone", en: "Build goods and services with the people" }
  },
  "co-responsibility": {
    dimension: "outcomes",
    pole: G,
    weight: 1,
    text: {
      it: "Genera corresponsabilità a contribuire alla gestione (communityholders) e promuove la cultura della sostenibilità",
      en: "It breeds co-responsibility in contributing to the management (communityholders) and a culture of sustainability"
    },
    degree: (f) => shows(f.culture, "co-responsibility"),
    promote: set({ culture: "co-responsibility" }),
    change: {
      it: "Coinvolgere le persone nella gestione (communityholders)",
      en: "Involve the people in the management (communityholders)"
    }
  },
  "social-capital": {
    dimension: "outcomes",
    pole: G,
    weight: 1,
    text: {
      it: "In quanto fondato sul capitale sociale/territorio, è sempre possibile co-costruire risposte",
      en: "Built on social capital and the territory, answers can always be co-built"
    },
    degree: (f) =>
      has((f.resources ?? []).some((r) => Intervention.isGivenByPeople(r) && !Intervention.isMoney(r))),
    promote: addResource("time", 20, "community", "voluntary"),
    change: {
      it: "Mobilitare tempo della comunità (famiglie, reti informali)",
      en: "Mobilise the community's time (families, informal networks)"
    }
  }
}

export const firstParagraph: Provenance = {
  kind: "editorial",
  rationale: {
    it: "Peso 2: il tratto è nel primo paragrafo della cella della tabella (seme 000), che definisce il polo. Il seme non dà pesi: è una scelta editoriale.",
    en: "Weight 2: the trait is in the first paragraph of its cell of the table (seed 000), which defines the pole. The seed gives no weights: an editorial choice."
  }
}

export const laterParagraph: Provenance = {
  kind: "editorial",
  rationale: {
    it: "Peso 1: il tratto è in un paragrafo successivo della cella (seme 000), che elabora il polo. Il seme non dà pesi: è una scelta editoriale.",
    en: "Weight 1: the trait is in a later paragraph of its cell (seed 000), which elaborates the pole. The seed gives no weights: an editorial choice."
  }
}

export const reads: { readonly [K in TraitId]: ReadonlyArray<Intervention.FactField> } = {
  "works-on-lack": ["worksOn"],
  "cure-treatment": ["practice"],
  "works-on-interactions": ["worksOn"],
  "competence-promotion": ["practice"],
  "individual-focus": ["focus"],
  "resources-answer-need": ["resourcesAim"],
  "community-processes": ["focus"],
  "resources-sustain-processes": ["resourcesAim"],
  "person-with-competences": ["applicant"],
  "collects-lacks": ["needsTools"],
  "read-by-institutions": ["needReadBy"],
  "read-in-institutional-places": ["needReadWhere"],
  "designed-by-for": ["designed", "designSplit"],
  "standardised-responses": ["responses"],
  "reads-community": ["needsTools"],
  "many-interlocutors": ["needReadBy"],
  "daily-life-spaces": ["needReadWhere"],
  "designed-with": ["designed", "designSplit"],
  "flexible-responses": ["responses"],
  "request-benefit": ["delivery"],
  "third-sector-provider": ["thirdSector"],
  "vertical-management": ["governance"],
  "passive-user": ["userRole"],
  "citizen-brings-resources": ["resources"],
  "responsibility-path": ["delivery"],
  "cross-sector-reading": ["thirdSector"],
  "horizontal-subsidiarity": ["governance"],
  "active-user": ["userRole"],
  "specialist-operator": ["operatorRole"],
  "mediators-as-tools": ["mediators"],
  "facilitator-operator": ["operatorRole"],
  "mediators-multiply": ["mediators"],
  "sector-by-need-category": ["organisation"],
  "shared-objectives": ["organisation"],
  "overt-need-access": ["access"],
  "emergency-plugging": ["orientation"],
  "all-paid-all-due": ["culture", "resources"],
  "economic-only": ["resources"],
  "vulnerability-access": ["access"],
  "co-building": ["orientation"],
  "co-responsibility": ["culture"],
  "social-capital": ["resources"]
}

export const seed003 = "003_5df635cd6d484fa5.txt"

export const seed000 = Dimension.seedFile

export const codesign: Action["why"] = {
  it: "«gli stakeholder coinvolti devono avere pari dignità [...] co-progettazione dell'analisi dei bisogni [...] coinvolgimento diretto dei cosiddetti destinatari finali» (seme 003, righe 51-53)",
  en: "«stakeholders must have equal dignity [...] co-design of the needs analysis [...] direct involvement of the so-called final recipients» (seed 003, rows 51-53)"
}

export const bearer: Action["why"] = {
  it: "«Cittadino è portatore di risorse/esigenze ➔ Operatore promuove percorso di responsabilizzazione» (seme 000, riga 8)",
  en: "«The citizen brings resources and requirements ➔ the operator promotes a path of responsibility» (seed 000, row 8)"
}

export const planners: ReadonlyArray<Actor.ActorKind> = ["local-authority", "public-institution"]

export const thirdSector: ReadonlyArray<Actor.ActorKind> = [
  "social-private-body",
  "social-cooperative",
  "volunteer-organisation",
  "promotion-association"
]

export const community: ReadonlyArray<Actor.ActorKind> = ["citizen", "informal-network", "spontaneous-group"]

export const own = (dimension: Dimension.Dimension, actors: ReadonlyArray<Actor.ActorKind>): Action => ({
  priority: 2,
  actors,
  why: {
    it: `Un tratto del polo generativo della dimensione «${Dimension.labels[dimension].it}» (seme 000, riga ${Dimension.rows[dimension]})`,
    en: `A trait of the generative pole of the dimension «${Dimension.labels[dimension].en}» (seed 000, row ${Dimension.rows[dimension]})`
  },
  source: Dimension.sourceOf(dimension)
})

// Who could act on each generative trait, and the seeds' priority.
export const actions: { readonly [K in TraitId]?: Action } = {
  "works-on-interactions": own("reference-model", [...planners, ...thirdSector]),
  "competence-promotion": own("reference-model", [...planners, ...thirdSector]),
  "community-processes": own("intervention-focus", [...planners, ...thirdSector]),
  "resources-sustain-processes": own("intervention-focus", [...planners, "foundation"]),
  "person-with-competences": own("intervention-focus", [...planners, ...thirdSector]),
  "reads-community": {
    priority: 1,
    actors: [...planners, ...thirdSector, ...community],
    why: codesign,
    source: { file: seed003, row: 52 }
  },
  "many-interlocutors": {
    priority: 1,
    actors: [...planners, ...thirdSector, ...community],
    why: codesign,
    source: { file: seed003, row: 53 }
  },
  "daily-life-spaces": {
    priority: 1,
    actors: [...thirdSector, "educational-agency", ...community],
    why: codesign,
    source: { file: seed003, row: 53 }
  },
  "designed-with": {
    priority: 1,
    actors: [...planners, ...thirdSector, ...community],
    why: codesign,
    source: { file: seed003, row: 51 }
  },
  "flexible-responses": own("needs-analysis", [...planners, ...thirdSector]),
  "citizen-brings-resources": {
    priority: 1,
    actors: [...planners, ...community],
    why: bearer,
    source: { file: seed000, row: 8 }
  },
  "responsibility-path": {
    priority: 1,
    actors: [...planners, ...thirdSector],
    why: bearer,
    source: { file: seed000, row: 8 }
  },
  "cross-sector-reading": own("delivery-chain", [...planners, ...thirdSector, "business"]),
  "horizontal-subsidiarity": own("delivery-chain", planners),
  "active-user": own("delivery-chain", [...planners, ...thirdSector]),
  "facilitator-operator": own("operator-role", [...planners, ...thirdSector]),
  "mediators-multiply": own("operator-role", [
    ...thirdSector,
    "school-culture-research",
    "educational-agency"
  ]),
  "shared-objectives": own("organisation", [...planners, ...thirdSector]),
  "vulnerability-access": own("outcomes", planners),
  "co-building": own("outcomes", [...planners, ...thirdSector, ...community]),
  "co-responsibility": own("outcomes", [...planners, ...community]),
  "social-capital": {
    priority: 1,
    actors: [...community, "volunteer-organisation", "informal-network"],
    why: {
      it: "«In quanto fondato sul capitale sociale/territorio [...] è sempre possibile co-costruire risposte» (seme 000, riga 11)",
      en: "«Built on social capital and the territory [...] answers can always be co-built» (seed 000, row 11)"
    },
    source: { file: seed000, row: 11 }
  }
}
