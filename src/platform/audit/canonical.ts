import crypto from 'node:crypto';

/**
 * The canonical serialisation of an audit entry, version 1. The hash of an entry is
 *
 *   hash = SHA-256( UTF-8( "[" + J("ortaq.audit.v1") + "," + seq + "," + J(time) + "," + J(action)
 *                           + "," + J(outcome) + "," + J(actor) + "," + J(subject) + ","
 *                           + details + "," + J(prevHash) + "]" ) )
 *
 * that is, a JSON array without whitespace, where J is ECMAScript's JSON.stringify (null for a
 * missing actor or subject) and
 *   - seq      is the entry's position, a decimal integer (1, 2, 3…, no gaps);
 *   - time     is the entry's time in UTC as `YYYY-MM-DDTHH:MM:SS.ffffffZ`, always six fraction
 *              digits (the precision of timestamptz, so each stored instant has one spelling);
 *   - details  is the text PostgreSQL's jsonb output function gives for the stored value
 *              (`details::text`, e.g. `{"ip": "10.0.0.1", "code": "X"}`: keys shorter-first then
 *              bytewise, `": "` and `", "` separators, numbers as stored). The writer asks
 *              PostgreSQL for this text before hashing, and the verifier hashes the stored value's
 *              text as it streams, without re-parsing JSON: that keeps `audit verify` fast. The
 *              format has not changed since jsonb appeared (9.4); were it ever to, verification
 *              would fail loudly, never pass silently;
 *   - prevHash is the previous entry's hash as 64 lower-case hex digits; entry 1's is the genesis
 *              value, 64 zeros.
 * Changing any field, the order, or the position of an entry changes its hash and breaks the link
 * from the next entry. This module is pure: the writer and the verifier both use it.
 */
export const CANONICAL_TAG = 'ortaq.audit.v1';
export const GENESIS_HASH = '0'.repeat(64);

export interface CanonicalEntry {
  seq: number;
  /** UTC, six fraction digits; see canonicalTime. */
  time: string;
  action: string;
  outcome: string;
  actor: string | null;
  subject: string | null;
  /** PostgreSQL's text of the stored jsonb details (see above). */
  detailsJson: string;
  prevHash: string;
}

/**
 * The canonical text of one entry (the bytes that are hashed, before UTF-8 encoding). `tag` names
 * the chain's format: the audit log's by default; another hash-chained log of the same shape (the
 * trust block's legal-register ledgers) passes its own, so an entry can never pass for one of the
 * other chain's.
 */
export function canonicalEntry(entry: CanonicalEntry, tag: string = CANONICAL_TAG): string {
  const tagJson = tag === CANONICAL_TAG ? TAG_JSON : JSON.stringify(tag);
  return (
    `[${tagJson},${entry.seq},${json(entry.time)},${json(entry.action)},${json(entry.outcome)},` +
    `${json(entry.actor)},${json(entry.subject)},${entry.detailsJson},${json(entry.prevHash)}]`
  );
}

const TAG_JSON = JSON.stringify(CANONICAL_TAG);
// Strings JSON.stringify would write as `"` + s + `"` unchanged: no quote, backslash, control
// character or surrogate (a valid pair is only sent the slow way, never written differently).
// eslint-disable-next-line no-control-regex -- control characters are exactly what it looks for
const PLAIN = /^[^"\\\u0000-\u001f\ud800-\udfff]*$/;

/** JSON.stringify of a string or null, without calling it in the common case (the verifier's hot path). */
function json(value: string | null): string {
  if (value === null) return 'null';
  return PLAIN.test(value) ? `"${value}"` : JSON.stringify(value);
}

/** SHA-256 of the canonical text (with the chain's `tag`), as 64 lower-case hex digits. */
export function entryHash(entry: CanonicalEntry, tag: string = CANONICAL_TAG): string {
  return crypto.hash('sha256', canonicalEntry(entry, tag), 'hex');
}

/** A JS instant as the canonical time string (a Date has milliseconds, so microseconds are 000). */
export function canonicalTime(date: Date): string {
  const iso = date.toISOString();
  if (iso.length !== 24) throw new RangeError(`time out of range for the audit log: ${iso}`);
  return `${iso.slice(0, 23)}000Z`;
}

// A lone surrogate (in `u` mode a valid pair is one code point) or NUL: jsonb refuses both.
// eslint-disable-next-line no-control-regex -- NUL is exactly what it looks for
export const NOT_STORABLE = /[\p{Cs}\u0000]/u;

/**
 * The JSON text to store for an event's details. Only values that jsonb stores faithfully are
 * accepted: finite numbers, well-formed strings without NUL, booleans, null, arrays and plain
 * objects (`undefined` members are left out, as JSON.stringify does). Throws TypeError on
 * anything else, so that a bad event fails alone instead of failing its whole batch.
 */
export function detailsText(details: unknown): string {
  if (typeof details !== 'object' || details === null || Array.isArray(details))
    throw new TypeError('audit: details must be an object');
  check(details);
  return JSON.stringify(details);
}

function check(value: unknown): void {
  switch (typeof value) {
    case 'string':
      if (NOT_STORABLE.test(value))
        throw new TypeError('audit details: strings must be well-formed Unicode without NUL');
      return;
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError('audit details: numbers must be finite');
      return;
    case 'boolean':
    case 'undefined':
      return;
    case 'object': {
      if (value === null) return;
      if (Array.isArray(value)) {
        for (const item of value) {
          if (item === undefined)
            throw new TypeError('audit details: arrays cannot hold undefined');
          check(item);
        }
        return;
      }
      const prototype = Object.getPrototypeOf(value) as unknown;
      if (prototype !== Object.prototype && prototype !== null)
        throw new TypeError('audit details: only plain objects, arrays and scalars are allowed');
      for (const [key, item] of Object.entries(value)) {
        check(key);
        check(item);
      }
      return;
    }
    default:
      throw new TypeError(`audit details: a ${typeof value} cannot be stored`);
  }
}
