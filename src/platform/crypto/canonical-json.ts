/**
 * RFC 8785 JSON Canonicalization Scheme (JCS): the one spelling of a JSON value that is signed.
 * Objects have their members sorted by the UTF-16 code units of their names, no whitespace is
 * written, strings are escaped and numbers written exactly as ECMAScript's JSON.stringify does
 * (which is what RFC 8785 prescribes). Values JSON cannot carry faithfully are refused rather than
 * silently changed: non-finite numbers, lone surrogates, undefined, functions, anything that is
 * not a plain object or array. Pure: the same value always gives the same text.
 *
 * (The audit log's canonical form, platform/audit/canonical.ts, hashes PostgreSQL's jsonb text for
 * speed; documents signed for the outside world use this standard form instead, so that anyone
 * can re-check a signature with an off-the-shelf JCS library.)
 */
export function canonicalJson(value: unknown): string {
  switch (typeof value) {
    case 'string':
      if (LONE_SURROGATE.test(value)) throw new TypeError('JCS: a string holds a lone surrogate');
      return JSON.stringify(value);
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError('JCS: numbers must be finite');
      return JSON.stringify(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'object': {
      if (value === null) return 'null';
      if (Array.isArray(value)) return `[${value.map((item) => canonicalJson(item)).join(',')}]`;
      const prototype = Object.getPrototypeOf(value) as unknown;
      if (prototype !== Object.prototype && prototype !== null)
        throw new TypeError('JCS: only plain objects, arrays and scalars can be canonicalised');
      // Default sort compares UTF-16 code units, exactly RFC 8785's order.
      const names = Object.keys(value)
        .filter((name) => (value as Record<string, unknown>)[name] !== undefined)
        .sort();
      const members = names.map(
        (name) =>
          `${canonicalJson(name)}:${canonicalJson((value as Record<string, unknown>)[name])}`,
      );
      return `{${members.join(',')}}`;
    }
    default:
      throw new TypeError(`JCS: a ${typeof value} is not JSON`);
  }
}

// A high surrogate not followed by a low one, or a low one not preceded by a high one.
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
