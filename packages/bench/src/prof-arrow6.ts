import { scenario } from "./scenarios/tables.js"
import { Published } from "@welfare/core"
import { levelsOf, meanOf, municipalityOf, personsOf, sumOf } from "../../tables/src/internal/rows/summary.js"
import * as C from "../../tables/src/internal/arrow/columns.js"
const p: any = await scenario.prepare()
const pub = p.published
const cells = Published.cells(pub) as any[]
const run = (mask: string) => {
  const length = cells.length
  const scope = C.text(length), indicator = C.text(length), start = C.text(length), end = C.text(length), municipality = C.text(length)
  const suppressed = C.bools(length), hidden = C.text(length), count = C.ints(length), persons = C.ints(length)
  const sum = C.floats(length), mean = C.floats(length), min = C.floats(length), max = C.floats(length), levels = C.text(length)
  const T = mask.includes("t"), N = mask.includes("n"), L = mask.includes("l"), F = mask.includes("f")
  for (let i = 0; i < length; i++) {
    const c = cells[i]
    if (T) { C.setText(scope, i, "cell"); C.setText(indicator, i, c.indicator); C.setText(start, i, c.period.start); C.setText(end, i, c.period.end); C.setText(municipality, i, municipalityOf("cell", c)) }
    C.setBool(suppressed, i, c.suppressed)
    if (c.suppressed) { if (T) C.setText(hidden, i, c.hidden); C.setInt(count, i, null); C.setInt(persons, i, null); C.setFloat(sum, i, null); C.setFloat(mean, i, null); C.setFloat(min, i, null); C.setFloat(max, i, null); if (T) C.setText(levels, i, null) }
    else { if (T) C.setText(hidden, i, null); if (N) { C.setInt(count, i, c.count); C.setInt(persons, i, personsOf(c)) } if (F) { C.setFloat(sum, i, sumOf(c)); C.setFloat(mean, i, meanOf(c)); C.setFloat(min, i, c.min); C.setFloat(max, i, c.max) } if (L) C.setText(levels, i, levelsOf(c)) }
  }
  if (T) { C.textData(scope); C.textData(indicator); C.textData(start); C.textData(end); C.textData(municipality); C.textData(hidden); C.textData(levels) }
}
for (const mask of ["", "t", "n", "f", "l", "tnfl", "", "t", "n", "f", "l", "tnfl"]) {
  ;(globalThis as any).gc?.()
  const c0 = process.cpuUsage(); const t = performance.now()
  run(mask)
  const c = process.cpuUsage(c0)
  console.log(mask.padEnd(5), "wall", (performance.now() - t) | 0, "cpu", ((c.user + c.system) / 1000) | 0)
}
