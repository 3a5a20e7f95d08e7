/**
 * Open Referral HSDS 3.0 (the Human Services Data Specification): a
 * territory's organisations and interventions as a human-services directory,
 * and back.
 *
 * - actors (never citizens) become `organization`s, with the actor id kept as
 *   an `organization_identifier` (scheme `welfare`);
 * - interventions become `service`s, at a `location` per municipality of the
 *   organisations delivering them (`service_at_location`);
 * - actor kinds, sectors, policy areas, intervention facts, resources
 *   (capacity) and partnerships become `attribute`s coded with an Italian
 *   taxonomy published with the export (`taxonomy`, `taxonomy_term`).
 *
 * Every id is a name-based UUID (version 5), so the same territory always
 * exports to the same ids. See the guide "HSDS 3.0" for the mapping table.
 *
 * The implementation lives in `internal/hsds/` (the tables and their
 * vocabulary, the export, the import); this module is its public face.
 *
 * @since 0.1.0
 */
export type { NestedService } from "./internal/hsds/export.js"
export { fromTerritory, nestedServices, toCsv } from "./internal/hsds/export.js"
export type { Imported, Unmapped } from "./internal/hsds/import.js"
export { toTerritory } from "./internal/hsds/import.js"
export type {
  AttributeRow,
  Dataset,
  LocationRow,
  OrganizationIdentifierRow,
  OrganizationRow,
  ServiceAtLocationRow,
  ServiceRow,
  TaxonomyRow,
  TaxonomyTermRow
} from "./internal/hsds/model.js"
export { files, identifierScheme, tables, taxonomyName } from "./internal/hsds/model.js"
