/**
 * Two interventions written from the two columns of the table of seed 000
 * ("Welfare tradizionale / Welfare Generativo"): seed 000 gives no example
 * services, so these are ours, each fact taken from one cell of its column (a
 * traditional benefit-by-request service, a generative community project).
 * Each is assessed on the seven dimensions and printed with its verdict,
 * coverage, depth, sensitivity to the rubric's editorial choices and the
 * evidence behind every score, in Italian and English; then what would make
 * the traditional one more generative (by the seeds' priorities), how the two
 * compare, and what an intervention described only by its name reads as.
 *
 * Run: node --conditions=@welfare/source --import tsx examples/seed-000-interventions.ts
 */
import { Assessment, Dimension, Intervention, Resource, Rubric, Sensitivity } from "@welfare/core"
import { Either } from "effect"

// "Utente fa Richiesta ➔ Operatore risponde offrendo prestazioni" (seed 000, row 8)
const service = Intervention.decode({
  id: "int-contributo-a-domanda",
  name: "Contributo economico a domanda",
  worksOn: "lack",
  practice: "cure-treatment",
  assistanceBenefit: true,
  focus: "individual",
  resourcesAim: "answer-need",
  applicant: "beneficiary",
  needsTools: "collect-lacks",
  needReadBy: "institution-and-social-private",
  needReadWhere: "institutional-places",
  designed: "by-for",
  responses: "standardised",
  delivery: "request-benefit",
  governance: "vertical",
  thirdSector: "provider",
  userRole: "passive-beneficiary",
  operatorRole: "specialist",
  mediators: "delivery-tools",
  organisation: "sector-by-need-category",
  access: "overt-need-only",
  orientation: "emergency-plugging",
  culture: "all-paid-all-due",
  resources: [{ resource: Resource.unsafeMake("economic", 120000), from: "institution" }]
})

// "Cittadino è portatore di risorse/esigenze ➔ Operatore promuove percorso di
// responsabilizzazione" (seed 000, row 8); assistance is still contemplated (row 4).
const project = Intervention.decode({
  id: "int-portineria-di-comunita",
  name: "Portineria di comunità",
  worksOn: "both",
  practice: "competence-promotion",
  assistanceBenefit: true,
  focus: "community-process",
  resourcesAim: "sustain-processes",
  applicant: "person-with-competences",
  needsTools: "read-community",
  needReadBy: "many-interlocutors",
  needReadWhere: "daily-life-spaces",
  designed: "with",
  responses: "flexible",
  delivery: "resources-responsibility-path",
  governance: "horizontal",
  thirdSector: "co-reader",
  userRole: "active-capacitated",
  operatorRole: "facilitator",
  mediators: "resource-multipliers",
  organisation: "shared-objectives",
  access: "vulnerability-too",
  orientation: "co-building",
  culture: "co-responsibility",
  resources: [
    { resource: Resource.unsafeMake("time", 600), from: "beneficiaries" },
    { resource: Resource.unsafeMake("care", 400), from: "community" },
    { resource: Resource.unsafeMake("competence", 80), from: "third-sector" },
    { resource: Resource.unsafeMake("economic", 15000), from: "institution" }
  ]
})

if (Either.isLeft(service) || Either.isLeft(project)) {
  console.error("the example interventions should decode")
  process.exit(1)
}

const fixed = (x: number | undefined) => (x === undefined ? "non osservata / not observed" : x.toFixed(3))
const sign = (x: number | undefined) => (x !== undefined && x > 0 ? `+${fixed(x)}` : fixed(x))
const pct = (x: number) => `${Math.round(x * 100)}%`

const print = (name: string, profile: Assessment.Profile) => {
  const cls = Rubric.verdictLabels[profile.class]
  const s = Sensitivity.analyse(profile)
  console.log(
    `${name} (${profile.intervention}): ${fixed(profile.index)} ${cls.it} / ${cls.en}; copertura / coverage ${pct(profile.coverage)}, profondità / depth ${pct(profile.depth)}`
  )
  console.log(
    `  ${Sensitivity.robustnessLabels[s.robust ? "robust" : "fragile"].en}: same verdict in ${pct(s.stability)} of ${s.draws} draws, index ${fixed(s.index.p05)} to ${fixed(s.index.p95)} (p05-p95)`
  )
  for (const d of Dimension.values) {
    const x = profile.dimensions[d]
    console.log(
      `  ${Dimension.labels[d].it} / ${Dimension.labels[d].en}: ${fixed(x.position)} (coverage ${pct(x.coverage)}, depth ${pct(x.depth)})`
    )
    for (const e of x.evidence) {
      const pole = e.pole === "generative" ? "G" : "T"
      console.log(
        `    [${pole} ${e.weight}, ${e.provenance.kind}] ${e.text.it} (seed 000, riga ${e.source.row})`
      )
      console.log(`          ${e.text.en}`)
    }
  }
}

const before = Assessment.assess(service.right)
const after = Assessment.assess(project.right)
print("Contributo economico a domanda", before)
console.log("")
print("Portineria di comunità", after)
console.log("")
console.log("Raccomandazioni / Recommendations (Contributo economico a domanda):")
for (const r of Assessment.recommend(service.right).slice(0, 5))
  console.log(
    `  [priority ${r.priority}] ${sign(r.gain)} ${r.change.it} / ${r.change.en} (seed ${r.whySource.file.slice(0, 3)}, riga ${r.whySource.row})`
  )
console.log("")
const c = Assessment.compare(before, after)
console.log(`Confronto / Comparison: ${fixed(c.index.from)} -> ${fixed(c.index.to)} (${sign(c.index.delta)})`)
for (const d of Dimension.values) {
  const ch = c.dimensions[d]
  console.log(
    `  ${Dimension.labels[d].en}: ${sign(ch.delta)} (evidence: ${ch.added.length} added, ${ch.removed.length} removed)`
  )
}
const benefitCapacity = Intervention.capacity({ ...service.right, resources: [] })
const projectCapacity = Intervention.capacity({
  ...project.right,
  resources: (project.right.resources ?? []).filter((r) => Intervention.kindOf(r) !== "economic")
})
console.log(
  `Senza risorse economiche / With no economic resources: ${benefitCapacity.time.hour + benefitCapacity.care.hour} vs ${projectCapacity.time.hour + projectCapacity.care.hour} hours of time and care`
)
// A name alone is no evidence: no index (never 0.5), and no class.
const nameOnly = Assessment.assess({
  id: Intervention.InterventionId.make("int-solo-nome"),
  name: "Solo un nome"
})
console.log(
  `Solo un nome / A name only: indice / index ${nameOnly.index ?? "non calcolato / not computed"}, coverage ${pct(nameOnly.coverage)}, ${Rubric.verdictLabels[nameOnly.class].it} / ${Rubric.verdictLabels[nameOnly.class].en}`
)
