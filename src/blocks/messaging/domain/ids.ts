/**
 * True for a UUID in its text form. Ids from callers are checked before they reach PostgreSQL,
 * where a malformed uuid would abort the caller's whole transaction instead of giving a clear code.
 */
export const isUuid = (value: unknown): value is string =>
  typeof value === 'string' &&
  /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);
