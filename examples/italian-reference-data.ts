/**
 * The Italian reference data of the Ambito di Legnano: its municipalities
 * checked against ISTAT's lists (code, province, since when the code is
 * valid), its planning district and zone plan, and the sections of the Third
 * Sector register (RUNTS, art. 46 d.lgs. 117/2017) its actors may be
 * registered in. Then what the check says of a territory that kept the codes
 * of two municipalities merged in 2019.
 *
 * Run: node --conditions=@welfare/source --import tsx examples/italian-reference-data.ts [--lang=en]
 */
import { readFileSync } from "node:fs"
import { Actor, type Label, Problem, Runts, Territory } from "@welfare/core"
import { Check, Municipality } from "@welfare/istat"
import { Either } from "effect"

const lang: Label.Lang = process.argv.includes("--lang=en") ? "en" : "it"
const json = JSON.parse(readFileSync(new URL("./territories/legnano.json", import.meta.url), "utf8"))
const territory = Either.getOrElse(Territory.decode(json), (problems) => {
  for (const p of problems) console.error(Problem.format(p))
  return process.exit(1)
})

const plan = territory.district?.zonePlan
console.log(
  `${territory.district?.name} (${territory.district?.region}), Piano di Zona ${plan?.start} – ${plan?.end}`
)
for (const m of territory.municipalities) {
  const e = m.istatCode === undefined ? undefined : Municipality.lookup(m.istatCode, plan?.start)
  console.log(`  ${m.istatCode} ${m.name} (${e?.province}, ${e?.provinceName}) ${e?.validFrom ?? ""}`)
}
const diagnostics = Check.municipalities(territory)
console.log(
  lang === "it"
    ? `Codici ISTAT: ${diagnostics.length} problemi`
    : `ISTAT codes: ${diagnostics.length} problems`
)

console.log(lang === "it" ? "Sezioni RUNTS:" : "RUNTS sections:")
for (const a of territory.actors) {
  const sections = Runts.sectionsOf(a)
  if (sections.length > 0)
    console.log(
      `  ${a.id} (${Actor.kindLabels[a.kind][lang]}): ${sections.map((s) => Runts.letters[s]).join(", ")}`
    )
}

// A territory of the 2018-2020 zone plan that kept the codes of Vermezzo and Zelo Surrigone.
const stale = Check.municipalities({
  district: { name: "Ambito di esempio", zonePlan: { start: "2018-01-01", end: "2020-12-31" } },
  municipalities: [
    { name: "Vermezzo", istatCode: "015235" },
    { name: "Zelo Surrigone", istatCode: "015246" },
    { name: "Abbiategrasso", istatCode: "015002" }
  ]
})
for (const p of Check.toProblems(stale, lang)) console.log(Problem.format(p))
console.log(Municipality.attribution[lang])
