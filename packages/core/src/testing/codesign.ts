/**
 * Arbitraries of co-design and co-programming processes: definitions, valid
 * histories walked along the roadmap, the events a process offers next, and
 * any event at all (offered or not) to test what `CoDesign.apply` rejects.
 *
 * @since 0.1.0
 */
import * as fc from "fast-check"
import * as Actor from "../Actor.js"
import * as CitizenshipCharter from "../CitizenshipCharter.js"
import * as CoDesign from "../CoDesign.js"
import * as Need from "../Need.js"
import * as Person from "../Person.js"
import * as Timestamp from "../Timestamp.js"

const actorPool = [
  "comune-legnano",
  "ufficio-di-piano",
  "asst-ovest-milanese",
  "forum-terzo-settore",
  "casa-volontariato",
  "coop-melograno",
  "acli-famiglie",
  "rete-vicinato",
  "fondazione-ticino-olona",
  "cgil-legnano"
].map((a) => Actor.ActorId.make(a))

const needPool = [
  "need-casa",
  "need-lavoro",
  "need-anziani-soli",
  "need-conciliazione",
  "need-vulnerabilita"
].map((n) => Need.NeedId.make(n))

const themes = ["Casa e lavoro", "Vulnerabilità", "Conciliazione famiglia-lavoro", "Anziani soli"] as const

/**
 * A process definition: a promoter (usually the municipality), one to five
 * stakeholders, zero to three trigger needs, and sometimes a call for funding.
 *
 * @category arbitraries
 * @since 0.1.0
 */
export const coDesignDefinition = (
  constraints: { readonly kind?: CoDesign.Kind } = {}
): fc.Arbitrary<CoDesign.Definition> =>
  fc
    .record({
      id: fc.integer({ min: 1, max: 999 }).map((n) => CoDesign.CoDesignId.make(`codesign-${n}`)),
      kind:
        constraints.kind === undefined
          ? fc.constantFrom<CoDesign.Kind>("co-design", "co-design", "co-programming")
          : fc.constant(constraints.kind),
      title: fc.constantFrom("Verso la Carta della cittadinanza", "Casa e lavoro", "Piano di Zona 2015-2017"),
      promoter: fc.constantFrom(...actorPool.slice(0, 4)),
      stakeholders: fc.uniqueArray(fc.constantFrom(...actorPool), { minLength: 1, maxLength: 5 }),
      needs: fc.uniqueArray(fc.constantFrom(...needPool), { maxLength: 3 }),
      call: fc.option(
        fc.constantFrom("Bando Fondazione Cariplo Welfare in azione", "Bando regionale conciliazione"),
        {
          nil: undefined
        }
      )
    })
    .map(({ call, needs, promoter, stakeholders, ...rest }) => ({
      ...rest,
      promoter,
      stakeholders: stakeholders.filter((a) => a !== promoter),
      trigger: call === undefined ? { needs } : { needs, call }
    }))

/** A tiny deterministic stream of choices drawn from a list of numbers. */
const chooser = (numbers: ReadonlyArray<number>) => {
  let i = 0
  const nat = (): number => numbers[i++ % Math.max(1, numbers.length)] ?? 0
  const pick = <A>(xs: ReadonlyArray<A>): A => xs[nat() % xs.length]!
  const some = <A>(xs: ReadonlyArray<A>, atLeastOne: boolean): Array<A> => {
    const chosen = xs.filter(() => nat() % 3 !== 0)
    return atLeastOne && chosen.length === 0 && xs.length > 0 ? [pick(xs)] : chosen
  }
  return { nat, pick, some }
}

const later = (at: string | undefined, hours: number): Timestamp.Timestamp => {
  const base = at === undefined ? Date.UTC(2015, 4, 5, 9) : Date.parse(at)
  return Timestamp.fromMillis(base + hours * 3_600_000)
}

const roleFor = (process: CoDesign.Definition, actor: Actor.ActorId, n: number): CoDesign.Role =>
  actor === process.promoter
    ? "promoter"
    : (["partner", "partner", "co-conductor", "expert", "observer"] as const)[n % 5]!

/**
 * Builds an event that `offer` allows, from a list of numbers (the choices).
 * Pure: the same process, offer and numbers give the same event.
 *
 * @category arbitraries
 * @since 0.1.0
 */
export const eventForOffer = (
  process: CoDesign.Process,
  offer: CoDesign.Offer,
  numbers: ReadonlyArray<number>
): CoDesign.Event => {
  const c = chooser(numbers)
  const common = {
    eventId: CoDesign.EventId.make(`ev-${process.events.length + 1}`),
    at: later(offer.notBefore, c.nat() % 3 === 0 ? 0 : 1 + (c.nat() % 400)),
    by: c.pick(offer.by)
  }
  switch (offer._tag) {
    case "steering-group-constituted":
      return {
        ...common,
        _tag: offer._tag,
        members: [...new Set([process.promoter, ...c.some(offer.actors ?? [], false)])],
        themes: c.some(themes, true)
      }
    case "partner-contacted":
    case "signed":
      return { ...common, _tag: offer._tag, actor: c.pick(offer.actors ?? []) }
    case "needs-identified":
      return { ...common, _tag: offer._tag, needs: c.some(needPool, true) }
    case "project-built": {
      let n = 1
      while ((offer.usedProjects ?? []).includes(CitizenshipCharter.ProjectId.make(`proj-${n}`))) n++
      // Services of either intensity, formal or informal, resourced or not (seed 003, row 54).
      const providers = c.some(offer.by, false)
      const services = providers.map(
        (provider): CoDesign.Service => ({
          provider,
          intensity: c.pick(CoDesign.intensities),
          ...(c.nat() % 3 === 0 ? {} : { formality: c.pick(["formal", "informal"] as const) }),
          resources: c.nat() % 3 === 0 ? [] : [{ kind: "time", amount: 1 + (c.nat() % 100), unit: "hour" }]
        })
      )
      return {
        ...common,
        _tag: offer._tag,
        project: CitizenshipCharter.ProjectId.make(`proj-${n}`),
        needs: c.some(offer.needs ?? [], false),
        ...(c.nat() % 4 === 0 ? {} : { services })
      }
    }
    case "feasibility-assessed":
      return { ...common, _tag: offer._tag, project: offer.project!, feasible: c.nat() % 5 !== 0 }
    case "partner-aggregated":
      return { ...common, _tag: offer._tag, project: offer.project!, actor: c.pick(offer.actors ?? []) }
    case "charter-drafted":
      return { ...common, _tag: offer._tag, projects: c.some(offer.projects ?? [], true) }
    case "pact-drafted":
      return { ...common, _tag: offer._tag, parties: c.some(offer.actors ?? [], true) }
    case "programme-drafted":
      return { ...common, _tag: offer._tag, needs: c.some(offer.needs ?? [], true) }
    case "participation-recorded": {
      const actors = c.some(offer.actors ?? [], false).map((actor) => ({
        actor,
        role: roleFor(process, actor, c.nat())
      }))
      const persons = [
        ...new Set(Array.from({ length: c.nat() % 3 }, () => Person.PersonId.make(`p-${c.nat() % 50}`)))
      ]
      const count = c.nat() % 4 === 0 ? { recipientCount: c.nat() % 30 } : {}
      return {
        ...common,
        _tag: offer._tag,
        activity: offer.activity!,
        ...(offer.project === undefined ? {} : { project: offer.project }),
        actors,
        ...(persons.length > 0 ? { persons } : {}),
        ...count
      }
    }
    case "focus-groups-started":
    case "approved":
    case "realisation-started":
    case "verification-started":
    case "closed":
      return { ...common, _tag: offer._tag }
  }
}

/**
 * Walks a process along its roadmap: at each step one of the offers of
 * `CoDesign.next` (an offer that moves the roadmap forward one time in
 * two), filled in from the numbers. Stops after `steps` events or when
 * nothing is offered.
 *
 * @category arbitraries
 * @since 0.1.0
 */
export const walk = (
  definition: CoDesign.Definition,
  numbers: ReadonlyArray<number>,
  steps: number
): CoDesign.Process => {
  let process = CoDesign.unsafeMake(definition)
  const c = chooser(numbers)
  for (let i = 0; i < steps; i++) {
    const offers = CoDesign.next(process)
    if (offers.length === 0) break
    const moving = offers.filter((o) => o._tag !== "participation-recorded" || o.activity === "public-event")
    const offer = c.nat() % 2 === 0 && moving.length > 0 ? c.pick(moving) : c.pick(offers)
    const event = eventForOffer(process, offer, [
      c.nat(),
      c.nat(),
      c.nat(),
      c.nat(),
      c.nat(),
      c.nat(),
      c.nat()
    ])
    process = { ...process, events: [...process.events, event] }
  }
  return process
}

/**
 * A valid process: a definition walked along the roadmap for up to
 * `maxEvents` events (60 by default).
 *
 * @category arbitraries
 * @since 0.1.0
 */
export const coDesignProcess = (
  constraints: { readonly kind?: CoDesign.Kind; readonly maxEvents?: number } = {}
): fc.Arbitrary<CoDesign.Process> =>
  fc
    .tuple(
      coDesignDefinition(constraints.kind === undefined ? {} : { kind: constraints.kind }),
      fc.array(fc.nat({ max: 1_000_000 }), { minLength: 64, maxLength: 400 }),
      fc.nat({ max: constraints.maxEvents ?? 60 })
    )
    .map(([definition, numbers, steps]) => walk(definition, numbers, steps))

/**
 * An event that `CoDesign.next(process)` offers, or `undefined` when the
 * process offers nothing.
 *
 * @category arbitraries
 * @since 0.1.0
 */
export const offeredEvent = (process: CoDesign.Process): fc.Arbitrary<CoDesign.Event | undefined> => {
  const offers = CoDesign.next(process)
  if (offers.length === 0) return fc.constant(undefined)
  return fc
    .tuple(
      fc.nat({ max: offers.length - 1 }),
      fc.array(fc.nat({ max: 1_000_000 }), { minLength: 8, maxLength: 8 })
    )
    .map(([i, numbers]) => eventForOffer(process, offers[i]!, numbers))
}

/**
 * Any event for a process, offered or not: any type, actors among the
 * process's and an unknown one, projects built or not, needs identified or
 * not, a time around the last one (sometimes earlier), and a fresh event id.
 *
 * @category arbitraries
 * @since 0.1.0
 */
export const anyEvent = (process: CoDesign.Process): fc.Arbitrary<CoDesign.Event> => {
  const last = process.events.at(-1)?.at
  const actors = [process.promoter, ...process.stakeholders, Actor.ActorId.make("act-unknown")]
  const projects = ["proj-1", "proj-2", "proj-3"].map((p) => CitizenshipCharter.ProjectId.make(p))
  const actor = fc.constantFrom(...actors)
  const project = fc.constantFrom(...projects)
  const need = fc.constantFrom(...needPool)
  const common = fc.record({
    eventId: fc.constant(CoDesign.EventId.make(`ev-${process.events.length + 1}`)),
    at: fc.integer({ min: -48, max: 200 }).map((h) => later(last, h)),
    by: actor
  })
  const some = <A>(a: fc.Arbitrary<A>, min = 1) => fc.array(a, { minLength: min, maxLength: 3 })
  const typed = fc.constantFrom(...CoDesign.eventTypes).chain((type): fc.Arbitrary<CoDesign.Event> => {
    switch (type) {
      case "steering-group-constituted":
        return fc
          .tuple(common, some(actor), some(fc.constantFrom(...themes)))
          .map(([c, members, ts]) => ({ ...c, _tag: type, members, themes: ts }))
      case "partner-contacted":
      case "signed":
        return fc.tuple(common, actor).map(([c, a]) => ({ ...c, _tag: type, actor: a }))
      case "needs-identified":
      case "programme-drafted":
        return fc.tuple(common, some(need)).map(([c, needs]) => ({ ...c, _tag: type, needs }))
      case "project-built":
        return fc
          .tuple(common, project, some(need, 0))
          .map(([c, p, needs]) => ({ ...c, _tag: type, project: p, needs }))
      case "feasibility-assessed":
        return fc
          .tuple(common, project, fc.boolean())
          .map(([c, p, feasible]) => ({ ...c, _tag: type, project: p, feasible }))
      case "partner-aggregated":
        return fc
          .tuple(common, project, actor)
          .map(([c, p, a]) => ({ ...c, _tag: type, project: p, actor: a }))
      case "charter-drafted":
        return fc.tuple(common, some(project)).map(([c, ps]) => ({ ...c, _tag: type, projects: ps }))
      case "pact-drafted":
        return fc.tuple(common, some(actor)).map(([c, parties]) => ({ ...c, _tag: type, parties }))
      case "participation-recorded":
        return fc
          .tuple(
            common,
            fc.constantFrom(...CoDesign.activities),
            fc.option(project, { nil: undefined }),
            some(fc.record({ actor, role: fc.constantFrom(...CoDesign.roles) }), 0),
            fc.option(some(fc.constantFrom(...["p-1", "p-2"].map((p) => Person.PersonId.make(p)))), {
              nil: undefined
            })
          )
          .map(([c, activity, p, as, persons]) => ({
            ...c,
            _tag: type,
            activity,
            ...(p === undefined ? {} : { project: p }),
            actors: as,
            ...(persons === undefined ? {} : { persons })
          }))
      default:
        return common.map((c) => ({ ...c, _tag: type }))
    }
  })
  return typed
}
