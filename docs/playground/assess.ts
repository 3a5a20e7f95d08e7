/**
 * Playground, page 1: assess an intervention. The seven dimensions of seed 000
 * as a form; the radar, the evidence with the seeds' phrases, coverage,
 * sensitivity and the ranked recommendations follow every change; the URL's
 * fragment holds the facts, so a link shares the state. Deep imports keep the
 * page light: only the modules it uses are in its bundle.
 */
import * as Assessment from "@welfare/core/Assessment"
import * as Dimension from "@welfare/core/Dimension"
import * as Intervention from "@welfare/core/Intervention"
import * as Sensitivity from "@welfare/core/Sensitivity"
import * as Trait from "@welfare/core/Trait"
import { From, Svg } from "@welfare/report"
import { $, both, esc, type Lang, langOf, num, pct, ready } from "./common.js"
import { factNames, ui } from "./labels.js"

type Facts = Record<string, string | boolean | number>
const enumerated = Object.keys(factNames).filter(
  (f): f is Intervention.FactName => f in Intervention.factValues
)

/** The facts each dimension is read from, in catalogue order, each once. */
const factsOf = (d: Dimension.Dimension): Array<string> => {
  const out: Array<string> = []
  for (const t of Trait.of(d)) for (const f of t.reads) if (f in factNames && !out.includes(f)) out.push(f)
  return out
}

/** The starting point: a traditional service, every fact at its traditional value. */
const start: Facts = Object.fromEntries(enumerated.map((f) => [f, Intervention.factValues[f][0] as string]))

const readState = (): { facts: Facts; lang: Lang } => {
  const hash = new URLSearchParams(location.hash.slice(1))
  const lang = langOf(hash)
  if (![...hash.keys()].some((k) => k in factNames)) return { facts: { ...start }, lang }
  const facts: Facts = {}
  for (const [k, v] of hash) {
    if (!(k in factNames)) continue
    if (k === "assistanceBenefit") facts[k] = v === "true"
    else if ((Intervention.factValues[k as Intervention.FactName] as ReadonlyArray<string>).includes(v))
      facts[k] = v
  }
  return { facts, lang }
}

let { facts, lang } = readState()

const writeState = (): void => {
  const p = new URLSearchParams()
  for (const [k, v] of Object.entries(facts)) p.set(k, String(v))
  if (lang === "en") p.set("lang", "en")
  history.replaceState(null, "", `#${p.toString()}`)
  $<HTMLAnchorElement>("#share").href = location.href
}

const optionLabel = (f: Intervention.FactName, v: string): string => {
  const labels = Intervention.factLabels[f] as Record<string, { it: string; en: string }>
  const l = labels[v]
  return l === undefined ? v : lang === "it" ? `${l.it} · ${l.en}` : `${l.en} · ${l.it}`
}

const renderForm = (): void => {
  const html = Dimension.values
    .map((d) => {
      const row = Dimension.rows[d]
      const poles = Dimension.poleTexts[d]
      const fields = factsOf(d)
        .map((f) => {
          const name = factNames[f]
          if (name === undefined) return ""
          const current = facts[f]
          const control =
            f === "assistanceBenefit"
              ? `<select name="${f}"><option value="">${esc(ui.notObserved[lang])}</option><option value="true"${current === true ? " selected" : ""}>✓</option><option value="false"${current === false ? " selected" : ""}>✗</option></select>`
              : `<select name="${f}"><option value="">${esc(ui.notObserved[lang])}</option>${(
                  Intervention.factValues[f as Intervention.FactName] as ReadonlyArray<string>
                )
                  .map(
                    (v) =>
                      `<option value="${esc(v)}"${current === v ? " selected" : ""}>${esc(optionLabel(f as Intervention.FactName, v))}</option>`
                  )
                  .join("")}</select>`
          return `<label class="fact"><span>${both(name, lang)}</span>${control}</label>`
        })
        .join("")
      return `<fieldset><legend>${both(Dimension.labels[d], lang)} <small>(${ui.seed[lang]} 000, ${ui.row[lang]} ${row})</small></legend>
<details><summary>${lang === "it" ? "Le frasi del seme" : "The seed's phrases"}</summary>
<p><b>${lang === "it" ? "Tradizionale" : "Traditional"}:</b> ${both(poles.traditional, lang)}</p>
<p><b>${lang === "it" ? "Generativo" : "Generative"}:</b> ${both(poles.generative, lang)}</p></details>${fields}</fieldset>`
    })
    .join("")
  $("#form").innerHTML = html
}

const input = (): Intervention.InterventionInput =>
  ({ id: "int-playground", ...facts }) as unknown as Intervention.InterventionInput

const render = (): void => {
  const i = input()
  const profile = Assessment.assess(i)
  const s = Sensitivity.analyse(profile)
  const radar = From.profile(profile, { it: "Questo intervento", en: "This intervention" })
  $("#radar").innerHTML = Svg.radar(radar, { lang, id: "playground-radar" })
  const verdict = From.classLabel(profile.class)
  $("#index").textContent = num(profile.index, lang)
  $("#index").dataset.value = String(profile.index ?? "")
  $("#verdict").innerHTML = both(verdict, lang)
  $("#coverage").textContent = pct(profile.coverage, lang)
  $("#depth").textContent = pct(profile.depth, lang)
  $("#sensitivity").innerHTML =
    `${esc(s.robust ? ui.robust[lang] : ui.fragile[lang])}: ${pct(s.stability, lang)} ${
      lang === "it" ? "delle" : "of"
    } ${s.draws} ${lang === "it" ? "estrazioni danno la stessa lettura; indice tra" : "draws give the same reading; index between"} ${num(s.index.p05, lang)} ${lang === "it" ? "e" : "and"} ${num(s.index.p95, lang)} (p05-p95)`
  const evidence = profile.evidence
    .filter((e) => e.degree > 0)
    .map((e) => {
      // The seed's own words (Italian), with the English beside them; a weight the seed gives is quoted too.
      const weight =
        e.weightProvenance.kind === "seed"
          ? ` <small>${lang === "it" ? "peso dal seme" : "weight from the seed"}: «${esc(e.weightProvenance.quote)}»</small>`
          : ` <small>${lang === "it" ? "peso editoriale" : "editorial weight"}</small>`
      const quote = `<blockquote lang="it">«${esc(e.text.it)}»</blockquote>`
      return `<li class="${e.pole}"><b>${both(Dimension.labels[e.dimension], lang)}</b> — ${esc(e.text.en)}${weight} <small>(${ui.seed[lang]} ${esc(e.source.file.slice(0, 3))}, ${ui.row[lang]} ${e.source.row}; ${pct(e.degree, lang)})</small>${quote}</li>`
    })
  $("#evidence").innerHTML =
    evidence.length === 0 ? `<li>${esc(ui.notObserved[lang])}</li>` : evidence.join("")
  const recs = Assessment.recommend(i)
  $("#recommendations").innerHTML =
    recs.length === 0
      ? `<li>${esc(ui.none[lang])}</li>`
      : recs
          .map(
            (r, n) =>
              `<li><b>${r.change === undefined ? both(r.text, lang) : both(r.change, lang)}</b> <small>(+${num(r.gain, lang)} ${esc(ui.gain[lang])}; ${ui.seed[lang]} ${esc(r.source.file.slice(0, 3))}, ${ui.row[lang]} ${r.source.row})</small><br>${both(r.why, lang)} <button type="button" data-apply="${n}">${esc(ui.apply[lang])}</button></li>`
          )
          .join("")
  for (const b of document.querySelectorAll<HTMLButtonElement>("[data-apply]"))
    b.onclick = () => {
      const r = recs[Number(b.dataset.apply)]
      if (r === undefined) return
      const next = Assessment.applyRecommendation(input(), r) as unknown as Facts
      facts = Object.fromEntries(
        Object.entries(next).filter(([k, v]) => k in factNames && v !== undefined)
      ) as Facts
      renderForm()
      update()
    }
}

const update = (): void => {
  writeState()
  render()
}

const main = (): void => {
  document.documentElement.lang = lang
  $<HTMLSelectElement>("#lang").value = lang
  $<HTMLSelectElement>("#lang").onchange = (e) => {
    lang = (e.target as HTMLSelectElement).value === "en" ? "en" : "it"
    document.documentElement.lang = lang
    renderForm()
    update()
  }
  $("#form").addEventListener("change", (e) => {
    const sel = e.target as HTMLSelectElement
    if (sel.value === "") delete facts[sel.name]
    else facts[sel.name] = sel.name === "assistanceBenefit" ? sel.value === "true" : sel.value
    update()
  })
  renderForm()
  update()
  ready()
}
main()
