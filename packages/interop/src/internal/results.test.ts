import { readFileSync } from "node:fs"
import { join } from "node:path"
import { Actor, Disclosure, type Measurement, type Territory } from "@welfare/core"
import { fullTerritory } from "@welfare/core/testing"
import * as fc from "fast-check"
import { describe, expect, it } from "vitest"
import { results } from "./results.js"

const root = join(import.meta.dirname, "..", "..", "..", "..")
const legnano = JSON.parse(
  readFileSync(join(root, "examples/territories/legnano.json"), "utf8")
) as Territory.Territory

/**
 * The figures results() publishes, read back from its output, checked with Disclosure.audit
 * against the finest cells (municipality x sector of who measured), each standing for its
 * persons: the check is the test's own, not the implementation's decision.
 */
const leaks = (
  territory: Pick<Territory.TerritoryInput, "indicators" | "assignments" | "measurements" | "actors">,
  threshold = 5
): ReadonlyArray<Disclosure.Leak> => {
  const sectors = new Map(territory.actors.map((a) => [a.id as string, Actor.sectorOf(a)]))
  const figures = new Map<string, Set<string>>()
  const persons = new Map<string, number>()
  const counted = new Map<string, number>()
  const add = (id: string, atom: string) => figures.set(id, (figures.get(id) ?? new Set()).add(atom))
  for (const m of territory.measurements as ReadonlyArray<Measurement.Measurement>) {
    const g = `${m.indicator}|${m.period.start}/${m.period.end}`
    const sector = sectors.get(m.measuredBy) ?? "unknown"
    const atom = `${g}|${m.municipality ?? ""}|${sector}`
    persons.set(atom, (persons.get(atom) ?? 0) + (m.persons ?? 0))
    counted.set(atom, (counted.get(atom) ?? 0) + (m.persons === undefined ? 0 : 1))
    add(`total:${g}`, atom)
    if (m.municipality !== undefined) add(`municipality:${g}:${m.municipality}`, atom)
    add(`sector:${g}:${sector}`, atom)
  }
  const shown = new Set<string>()
  for (const r of results(territory, { threshold }))
    for (const p of r.periods)
      for (const a of p.actuals) {
        const g = `${r.definition.id}|${p.start}/${p.end}`
        shown.add(a.dimension === undefined ? `total:${g}` : `${a.dimension.name}:${g}:${a.dimension.value}`)
      }
  for (const id of shown) expect(figures.has(id), id).toBe(true)
  return Disclosure.audit(
    [...figures].map(([id, atoms]) => ({ id, atoms: [...atoms] })),
    (id) => shown.has(id),
    { threshold, weight: (atom) => ((counted.get(atom) ?? 0) > 0 ? persons.get(atom)! : 0) }
  )
}

describe("the results IATI and CIDS publish: municipalities and sectors decided together (issue 14)", () => {
  it("a sector whose measurements are all one hidden municipality's is hidden too", () => {
    const m = (id: string, municipality: string, persons: number, measuredBy: string) =>
      ({
        id,
        indicator: "ind-families-reached",
        assignment: "asg-families-reached",
        period: { start: "2016-01-01", end: "2016-12-31" },
        municipality,
        value: persons,
        unit: "person",
        persons,
        measuredBy,
        source: "case-records"
      }) as unknown as Measurement.Measurement
    // Canegrate's 3 families are small, Rescaldina's 12 hidden to protect them; every one of
    // Rescaldina's was counted by the public sector, which counted nothing else
    const territory = {
      ...legnano,
      measurements: [
        m("m-1", "legnano", 40, "casa-volontariato"),
        m("m-2", "canegrate", 3, "casa-volontariato"),
        m("m-3", "rescaldina", 12, "ufficio-di-piano")
      ]
    }
    expect(leaks(territory)).toEqual([])
    const shown = results(territory)
      .filter((r) => r.definition.id === "ind-families-reached")
      .flatMap((r) => r.periods.flatMap((p) => p.actuals))
      .map((a) => (a.dimension === undefined ? "total" : `${a.dimension.name}=${a.dimension.value}`))
    // the district's total stays; neither Rescaldina nor the public sector is shown
    expect(shown).toContain("total")
    expect(shown).not.toContain("municipality=rescaldina")
    expect(shown).not.toContain("municipality=canegrate")
    expect(shown).not.toContain("sector=public")
  })

  it("property: no published figure, by municipality, by sector or total, lets a hidden one or a small group be found by any combination (Disclosure.audit over the finest cells)", () => {
    fc.assert(
      fc.property(fullTerritory(), fc.integer({ min: 3, max: 11 }), (territory, threshold) => {
        expect(leaks(territory, threshold)).toEqual([])
      }),
      { numRuns: 60 }
    )
  }, 180_000)
})
