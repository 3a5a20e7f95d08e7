/**
 * View models of the Legnano scenario (seed 004) used by the tests and by the
 * example report of the browser test: two yearly profiles on the seven
 * dimensions, four indicators, and the actors of `examples/territories/legnano.json`
 * with the ties of two thematic tables.
 */
import type { Report, View } from "../src/index.js"

const dimension = (key: string, it: string, en: string): View.RadarAxis => ({ key, label: { it, en } })

export const axes: ReadonlyArray<View.RadarAxis> = [
  dimension("reference-model", "Modello di riferimento", "Reference model"),
  dimension("intervention-focus", "Focus dell'intervento", "Intervention focus"),
  dimension("needs-analysis", "Analisi dei bisogni", "Needs analysis"),
  dimension("delivery-chain", "Filiera di erogazione", "Delivery chain"),
  dimension("operator-role", "Ruolo dell'operatore", "Operator role"),
  dimension("organisation", "Organizzazione", "Organisation"),
  dimension("outcomes", "Esiti", "Outcomes")
]

export const profile2023: View.RadarSeries = { name: "2023", values: [0.4, 0.35, 0.5, 0.3, 0.45, 0.25, 0.4] }
export const profile2024: View.RadarSeries = { name: "2024", values: [0.6, 0.55, 0.7, 0.5, 0.6, 0.45, 0.55] }

export const comparison: View.RadarData = {
  title: { it: "Ambito di Legnano: 2023 e 2024", en: "Ambito di Legnano: 2023 and 2024" },
  axes,
  series: [profile2023, profile2024]
}

export const progress: View.ProgressBars = {
  title: { it: "Avanzamento degli indicatori, 2024", en: "Indicator progress, 2024" },
  bars: [
    {
      key: "ind-famiglie",
      label: { it: "Famiglie raggiunte dai sensori sociali", en: "Households reached by social sensors" },
      value: 0.62,
      note: "12 → 30"
    },
    {
      key: "ind-volontari",
      label: {
        it: "Ore di volontariato nei progetti della Carta",
        en: "Volunteer hours in Charter projects"
      },
      value: 1.15
    },
    {
      key: "ind-tavoli",
      label: { it: "Tavoli tematici con cittadini", en: "Thematic tables with citizens" },
      value: 0.25
    },
    {
      key: "ind-casa",
      label: { it: "Percorsi casa-lavoro conclusi", en: "Housing-work paths completed" },
      value: null,
      note: { it: "conteggio soppresso (< 5)", en: "count suppressed (< 5)" }
    }
  ]
}

type Sector = "public" | "third-sector" | "social-partners" | "market" | "community"
const node = (id: string, label: string, sector: Sector): View.NetworkNode => ({ id, label, sector })

export const network: View.NetworkView = {
  title: { it: "La rete dei partenariati", en: "The partnership network" },
  nodes: [
    node("comune-legnano", "Comune di Legnano", "public"),
    node("comune-parabiago", "Comune di Parabiago", "public"),
    node("ufficio-di-piano", "Ufficio di Piano", "public"),
    node("asst-ovest-milanese", "ASST Ovest Milanese", "public"),
    node("ic-carducci", "Istituto Comprensivo Carducci", "public"),
    node("forum-terzo-settore", "Forum del Terzo Settore", "third-sector"),
    node("casa-volontariato", "Casa del Volontariato", "third-sector"),
    node("ciessevi", "Ciessevi", "third-sector"),
    node("coop-melograno", "Cooperativa Sociale Il Melograno", "third-sector"),
    node("acli-famiglie", "ACLI Famiglie", "third-sector"),
    node("fondazione-ticino-olona", "Fondazione Comunitaria Ticino Olona", "third-sector"),
    node("oratorio-san-domenico", "Oratorio San Domenico", "third-sector"),
    node("cgil-legnano", "CGIL Legnano", "social-partners"),
    node("confcommercio-alto-milanese", "Confcommercio Alto Milanese", "market"),
    node("rete-vicinato", "Rete di vicinato", "community"),
    node("p-0017", "p-0017", "community"),
    node("genitori-canegrate", "Rete dei genitori di Canegrate", "community")
  ],
  edges: [
    { source: "ufficio-di-piano", target: "comune-legnano", weight: 2 },
    { source: "ufficio-di-piano", target: "comune-parabiago", weight: 2 },
    { source: "ufficio-di-piano", target: "forum-terzo-settore", weight: 2 },
    { source: "ufficio-di-piano", target: "asst-ovest-milanese", weight: 1 },
    { source: "forum-terzo-settore", target: "coop-melograno", weight: 1 },
    { source: "forum-terzo-settore", target: "casa-volontariato", weight: 1 },
    { source: "coop-melograno", target: "rete-vicinato", weight: 1 },
    { source: "coop-melograno", target: "comune-legnano", weight: 1 },
    { source: "fondazione-ticino-olona", target: "ufficio-di-piano", weight: 1 },
    { source: "confcommercio-alto-milanese", target: "cgil-legnano", weight: 1 },
    { source: "confcommercio-alto-milanese", target: "comune-legnano", weight: 1 },
    { source: "oratorio-san-domenico", target: "ic-carducci", weight: 1 },
    { source: "oratorio-san-domenico", target: "genitori-canegrate", weight: 1 },
    { source: "acli-famiglie", target: "genitori-canegrate", weight: 1 },
    { source: "ciessevi", target: "casa-volontariato", weight: 1 }
  ]
}

export const document: Report.ReportDocument = {
  lang: "it",
  title: {
    it: "Ambito di Legnano: rapporto sul welfare generativo",
    en: "Ambito di Legnano: generative welfare report"
  },
  subtitle: { it: "10 Comuni, 17 soggetti", en: "10 municipalities, 17 actors" },
  date: "2025-01-31",
  sections: [
    {
      id: "assessment",
      title: { it: "Valutazione del territorio", en: "Territory assessment" },
      blocks: [
        {
          kind: "facts",
          items: [
            { label: { it: "Indice complessivo 2024", en: "Overall index 2024" }, value: 0.56 },
            { label: { it: "Classe", en: "Class" }, value: { it: "In transizione", en: "In transition" } },
            {
              label: { it: "Persone prese in carico", en: "Persons in care" },
              value: { _tag: "Count", value: 42, threshold: 5 }
            }
          ]
        },
        { kind: "radar", data: comparison }
      ]
    },
    {
      id: "evaluation",
      title: { it: "Valutazione condivisa", en: "Shared evaluation" },
      blocks: [
        { kind: "progress", data: progress },
        {
          kind: "table",
          table: {
            caption: { it: "Persone per area di policy", en: "Persons by policy area" },
            columns: [{ it: "Area", en: "Area" }, "2023", "2024"],
            rows: [
              {
                header: { it: "Casa", en: "Housing" },
                cells: [
                  { _tag: "Count", value: 14, threshold: 5 },
                  { _tag: "Count", value: 19, threshold: 5 }
                ]
              },
              {
                header: { it: "Lavoro", en: "Labour" },
                cells: [
                  { _tag: "Count", value: null, threshold: 5 },
                  { _tag: "Count", value: 7, threshold: 5 }
                ]
              },
              {
                header: { it: "Trasporti", en: "Transport" },
                cells: [null, { _tag: "Count", value: null, threshold: 5 }]
              }
            ]
          }
        }
      ]
    },
    {
      id: "network",
      title: { it: "Rete e partenariati", en: "Network and partnerships" },
      blocks: [{ kind: "network", data: network }]
    }
  ]
}
