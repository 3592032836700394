/**
 * An API scope names what a key may do, as `<module>:<action>` (e.g. `identity:read`). Modules
 * define their own; the identity block defines these.
 */
export const SCOPE_PATTERN = /^[a-z][a-z0-9-]*:[a-z][a-z0-9-]*$/;

export const IDENTITY_SCOPES = {
  read: 'identity:read',
} as const;
