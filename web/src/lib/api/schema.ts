/**
 * A schema of a service's OpenAPI description by name, or `Fallback` while the description in `openapi/` predates
 * it (a record added by the service after the description was taken). Once the description has it, the generated
 * type wins and the fallback is not used.
 */
export type SchemaOr<Schemas, Name extends string, Fallback> = Schemas extends Record<Name, infer Found> ? Found : Fallback;

/** Fields a service added to a record after the description was taken: optional until the description has them. */
export type Added<T, Extra> = T & Partial<Extra>;
