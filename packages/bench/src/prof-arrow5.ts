import { scenario } from "./scenarios/tables.js"
import { summaryToArrow } from "@welfare/tables/arrow"
const p: any = await scenario.prepare()
const pub = p.published
for (let r = 0; r < 5; r++) {
  ;(globalThis as any).gc?.()
  const c0 = process.cpuUsage(); const t = performance.now()
  summaryToArrow(pub)
  const c = process.cpuUsage(c0)
  console.log("arrow wall", (performance.now() - t) | 0, "cpu", ((c.user + c.system) / 1000) | 0)
}
