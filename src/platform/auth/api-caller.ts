/** A machine caller authenticated by an API key (`Authorization: Bearer ortaq_…`). */
export interface ApiCaller {
  clientId: string;
  name: string;
  /** What the key may do, e.g. `identity:read`. */
  scopes: string[];
}

/** Every API key starts with this, so a leaked key is easy to recognise in logs and scanners. */
export const API_KEY_PREFIX = 'ortaq_';
