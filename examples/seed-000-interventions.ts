/**
 * The two example interventions of seed 000 (the table "Welfare tradizionale /
 * Welfare Generativo"): a traditional benefit-by-request service and a
 * generative community project. Each is assessed on the seven dimensions and
 * printed with its evidence in Italian and English; then what would make the
 * traditional one more generative, and how the two compare.
 *
 * Run: node --conditions=@welfare/source --import tsx examples/seed-000-interventions.ts
 */
import { Assessment, Dimension, Intervention, Resource, Rubric } from "@welfare/core"
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
  resources: [{ resource: Resource.make("economic", 120000), from: "institution" }]
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
    { resource: Resource.make("time", 600), from: "beneficiaries" },
    { resource: Resource.make("care", 400), from: "community" },
    { resource: Resource.make("competence", 80), from: "third-sector" },
    { resource: Resource.make("economic", 15000), from: "institution" }
  ]
})

if (Either.isLeft(service) || Either.isLeft(project)) {
  console.error("the example interventions should decode")
  process.exit(1)
}

const fixed = (x: number) => x.toFixed(3)
const sign = (x: number) => (x > 0 ? `+${fixed(x)}` : fixed(x))

const print = (name: string, profile: Assessment.Profile) => {
  const cls = Rubric.classLabels[profile.class]
  console.log(`${name} (${profile.intervention}): ${fixed(profile.index)} ${cls.it} / ${cls.en}`)
  for (const d of Dimension.values) {
    const s = profile.dimensions[d]
    console.log(`  ${Dimension.labels[d].it} / ${Dimension.labels[d].en}: ${fixed(s.position)}`)
    for (const e of s.evidence) {
      const pole = e.pole === "generative" ? "G" : "T"
      console.log(`    [${pole} ${e.weight}] ${e.text.it} (seed 000, riga ${e.source.row})`)
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
  console.log(`  ${sign(r.gain)} ${r.change.it} / ${r.change.en} (seed 000, riga ${r.source.row})`)
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
  resources: (project.right.resources ?? []).filter((r) => r.resource.kind !== "economic")
})
console.log(
  `Senza risorse economiche / With no economic resources: ${benefitCapacity.time.hour + benefitCapacity.care.hour} vs ${projectCapacity.time.hour + projectCapacity.care.hour} hours of time and care`
)
