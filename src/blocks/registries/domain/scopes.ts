/**
 * API scopes of the registries block (`module:action`). A registry's own permissions name the
 * scopes that may read or write it (e.g. `population:read`); these cover the block's APIs.
 */
export const REGISTRY_SCOPES = {
  /** The Database API's read side: list registries and their schemas. */
  read: 'registries:read',
  /** Writes to registries defined through the Database API without permissions of their own. */
  write: 'registries:write',
  /** Define, modify and archive registries (Database API modify and delete). */
  admin: 'registries:admin',
  /** MyPersonalDataUsage: tell a person who read their data (a citizen portal). */
  dataUsage: 'registries:data-usage',
  /** Lift the seal on access records (a court or notary system). */
  seal: 'registries:seal',
} as const;
