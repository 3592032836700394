/**
 * What a person typed as their login: a national identifier (all digits) or a username. Spaces a
 * person may type around or inside a printed number are dropped; usernames are case-insensitive.
 */
export type Login = { kind: 'national-id'; value: string } | { kind: 'username'; value: string };

export function parseLogin(raw: string): Login | null {
  const trimmed = raw.trim();
  if (trimmed === '' || trimmed.length > 100) return null;
  const compact = trimmed.replace(/[\s-]/g, '');
  if (/^[0-9]+$/.test(compact)) return { kind: 'national-id', value: compact };
  return { kind: 'username', value: trimmed.toLowerCase() };
}

export const USERNAME_PATTERN = /^[a-z][a-z0-9._-]{2,63}$/;
