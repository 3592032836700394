import crypto from 'node:crypto';

/**
 * A session token or API key is a random secret that the client holds; the database keeps only
 * its SHA-256, so a copy of the database (a backup, a replica) cannot be used to sign in.
 * 256 random bits leave nothing to guess, so a plain hash (no salt, no stretching) is enough.
 */
export const newSecret = (): string => crypto.randomBytes(32).toString('base64url');

// One-shot hashing: about half the cost of a Hash object, on every API call and page view.
export const hashSecret = (secret: string): Buffer => crypto.hash('sha256', secret, 'buffer');
