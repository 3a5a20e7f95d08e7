/**
 * The tag of a co-design event read from a structural record: `_tag` in
 * memory, `type` in JSON (a territory passed as parsed JSON, not decoded),
 * so the readers of records (`Derivation`, `TerritoryAssessment`) take both.
 * @internal
 */
export const tagOf = (e: { readonly _tag?: string; readonly type?: string }): string | undefined =>
  e._tag ?? e.type
