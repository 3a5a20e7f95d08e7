/**
 * Persons: every person is an opaque pseudonymous id. No name, address or health detail is ever a field of the model, and nothing copies personal free text into errors, traces or evidence.
 *
 * @since 0.1.0
 */
import { id } from "./internal/schema.js"

/**
 * The opaque, pseudonymous id of a person (never a name or a tax code).
 *
 * @category models
 * @since 0.1.0
 */
export const PersonId = id(
  "PersonId",
  "p",
  "The opaque, pseudonymous id of a person (never a name or a tax code)."
)

/**
 * @category models
 * @since 0.1.0
 */
export type PersonId = typeof PersonId.Type
