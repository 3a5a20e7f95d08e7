/**
 * The sentence and the path of a step problem (read by the rules, which
 * build each diagnostic whole, and by the problems).
 * @internal
 */
import type { EventKind } from "./events.js"
import type { StepDiagnostic, StepProblemKind } from "./rules.js"

/**
 * What a step problem's sentence reads: its code (the kind of problem), the event and the case, what
 * was allowed, and the need.
 *
 * @category models
 * @since 0.3.0
 */
export type StepFacts = Pick<StepDiagnostic, "code" | "eventId" | "caseId" | "allowed" | "need">

/** The seed rule every step problem reads: the traceable path need, demand, choice. */
export const source = "seed 003_5df635cd6d484fa5.txt, row 29"

export const fieldOf: { readonly [K in StepProblemKind]: ReadonlyArray<string> } = {
  "other-case": ["caseId"],
  "after-close": [],
  "duplicate-event": ["eventId"],
  "time-goes-back": ["at"],
  "demand-without-need": [],
  "choice-without-demand": [],
  "step-goes-back": [],
  "out-of-order": [],
  "unknown-need": ["need"],
  "need-not-in-case": ["needs"],
  "need-already-recorded": ["need"],
  "other-person": ["person"]
}

const allowedText = (allowed: ReadonlyArray<EventKind>): string =>
  allowed.length === 0 ? "nothing (the case is closed)" : allowed.join(" or ")

/**
 * An English sentence for a step problem: which event, what is wrong, what
 * the case allowed, and how to fix it. Only ids and kinds, never free text.
 *
 * @category formatting
 * @since 0.1.0
 */
export const message = (p: StepFacts): string => {
  const ev = `event "${p.eventId}" of case "${p.caseId}"`
  switch (p.code) {
    case "other-case":
      return `${ev} belongs to another case than the one replayed: replay each case on its own, or use replayAll`
    case "after-close":
      return `${ev} comes after the case was closed: open a new case instead`
    case "duplicate-event":
      return `${ev} repeats an event id already applied: give every event its own id, or drop the copy`
    case "time-goes-back":
      return `${ev} is earlier than the event before it: time never goes back; correct its time or its place in the history`
    case "demand-without-need":
      return `${ev} comes before any need: a case opens with NeedRecorded (a demand needs a need)`
    case "choice-without-demand":
      return `${ev} is a choice without a demand: record DemandExpressed first (expected ${allowedText(p.allowed)})`
    case "step-goes-back":
      return `${ev} goes back to an earlier step: the path only moves forward (expected ${allowedText(p.allowed)})`
    case "out-of-order":
      return `${ev} is out of order: expected ${allowedText(p.allowed)}`
    case "unknown-need":
      return `${ev} records the need "${p.need}", which is not a need of the territory: add it to needs or correct the id`
    case "need-not-in-case":
      return `${ev} names the need "${p.need}", which is not recorded in this case: record it with NeedRecorded first or correct the id`
    case "need-already-recorded":
      return `${ev} records the need "${p.need}" a second time: record each need once per case`
    case "other-person":
      return `${ev} concerns another person than the case: open a separate case for each person`
  }
}
