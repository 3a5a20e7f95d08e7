// The README's usage example, kept in sync by examples/examples.test.ts.

import { Actor, Label, Problem, Resource, Territory } from "@welfare/core"
import { Either } from "effect"

const input: unknown = {
  name: "Ambito di Legnano",
  municipalities: [{ id: "legnano", name: "Legnano" }],
  actors: [
    { id: "comune-legnano", kind: "local-authority", municipality: "legnano", resources: [] },
    {
      id: "coop-melograno",
      kind: "social-cooperative",
      resources: [{ kind: "care", amount: 400, unit: "hour" }]
    },
    { id: "p-0017", kind: "citizen", resources: [{ kind: "time", amount: 40, unit: "hour" }] }
  ]
}

const result = Territory.decode(input) // never throws: every problem, with its path
if (Either.isLeft(result)) {
  for (const problem of result.left) console.error(Problem.format(problem))
} else {
  const territory = result.right
  for (const actor of territory.actors) {
    console.log(actor.id, Label.of(Actor.sectorLabels, Actor.sectorOf(actor), "it"))
  }
  console.log(Resource.totals(territory.actors.flatMap((a) => a.resources)).care.hour) // 400
}
