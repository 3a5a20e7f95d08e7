/**
 * Playground, page 3: explore the example territory of Legnano (seed 004):
 * its report, the partnership network with its brokers, and the co-design
 * roadmap as a timeline. The territory is bundled with the page (no fetch, so
 * it also works from file://).
 */
import * as CoDesign from "@welfare/core/CoDesign"
import * as Territory from "@welfare/core/Territory"
import { Analysis, From, renderHtml, Svg, territoryReport } from "@welfare/report"
import * as Either from "effect/Either"
import legnano from "../../examples/territories/legnano.json"
import { $, both, esc, type Lang, langOf, num, ready, showReport } from "./common.js"

const lang: Lang = langOf(new URLSearchParams(location.hash.slice(1)))

const main = (): void => {
  document.documentElement.lang = lang
  const langSel = $<HTMLSelectElement>("#lang")
  langSel.value = lang
  langSel.onchange = () => {
    history.replaceState(null, "", langSel.value === "en" ? "#lang=en" : "#")
    location.reload()
  }
  const decoded = Territory.decode(legnano)
  if (Either.isLeft(decoded)) {
    $("#network").textContent = "examples/territories/legnano.json does not decode"
    return
  }
  const territory = decoded.right
  const analysis = Analysis.analyse(territory)
  const net = analysis.network
  const names = new Map(territory.actors.map((a) => [a.id as string, a]))
  const view = From.network({
    actors: territory.actors.filter((a) => a.kind !== "citizen"),
    ties: net.ties.filter((tie) => tie.actors.every((id) => names.get(id)?.kind !== "citizen"))
  })
  $("#network").innerHTML = Svg.network(view, { lang, id: "explore-network" })
  $("#brokers").innerHTML = net.report.brokers
    .map((b) => {
      const a = names.get(b.actor)
      const name = a === undefined || a.kind === "citizen" ? b.actor : (a.name ?? b.actor)
      return `<li><b>${esc(name)}</b> — ${lang === "it" ? "intermediazione" : "betweenness"} ${num(b.betweenness, lang, 3)}, ${b.crossSectorPairs} ${lang === "it" ? "coppie tra settori" : "cross-sector pairs"}, ${b.sectorsReached.length} ${lang === "it" ? "settori raggiunti" : "sectors reached"}</li>`
    })
    .join("")
  const timeline = territory.coDesigns
    .map((p) => {
      const events = [...p.events].sort((x, y) => String(x.at).localeCompare(String(y.at)))
      const first = Date.parse(String(events[0]?.at ?? ""))
      const last = Date.parse(String(events.at(-1)?.at ?? ""))
      const span = Math.max(1, last - first)
      const items = events
        .map((e) => {
          const left = ((Date.parse(String(e.at)) - first) / span) * 100
          const label = CoDesign.eventTypeLabels[e._tag]
          return `<li style="--at:${left.toFixed(2)}%"><time datetime="${esc(String(e.at))}">${esc(String(e.at).slice(0, 10))}</time> ${both(label, lang)}</li>`
        })
        .join("")
      return `<section class="timeline"><h3>${esc(p.title)}</h3><p>${both(CoDesign.kindLabels[p.kind], lang)} · ${both(CoDesign.stageLabels[CoDesign.state(p).stage], lang)}</p><ol>${items}</ol></section>`
    })
    .join("")
  $("#timeline").innerHTML = timeline
  showReport($<HTMLIFrameElement>("#report"), renderHtml(territoryReport({ territory, analysis }, { lang })))
  ready()
}
main()
