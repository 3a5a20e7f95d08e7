/**
 * Interventions (intervento, servizio, prestazione): the observable facts the seven dimensions are read from.
 *
 * @since 0.1.0
 */
import { id } from "./internal/schema.js"

/**
 * The id of an intervention (a service, project or programme).
 *
 * @category models
 * @since 0.1.0
 */
export const InterventionId = id(
  "InterventionId",
  "int",
  "The id of an intervention (a service, project or programme)."
)

/**
 * @category models
 * @since 0.1.0
 */
export type InterventionId = typeof InterventionId.Type
