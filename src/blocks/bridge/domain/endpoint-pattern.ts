/**
 * An endpoint of a passport as its OpenAPI document names it: a method and a path template
 * (`GET /people/{iin}`). A contract may grant a whole service or only some of its endpoints;
 * the gateway matches each request's method and path (what follows the service code) here.
 */
export interface Endpoint {
  method: string;
  /** `/people/{iin}`: literal segments and `{name}` segments that match any one segment. */
  path: string;
}

const METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE']);
const TEMPLATE_SEGMENT = /^\{[A-Za-z_][A-Za-z0-9_]*\}$/;
const LITERAL_SEGMENT = /^[A-Za-z0-9._~!$&'()*+,;=:@-]+$/;

/** Is this a well-formed endpoint (known method, absolute path of literal or `{name}` parts)? */
export function isEndpoint(endpoint: Endpoint): boolean {
  if (!METHODS.has(endpoint.method)) return false;
  if (endpoint.path === '/') return true;
  if (!endpoint.path.startsWith('/')) return false;
  return endpoint.path
    .slice(1)
    .split('/')
    .every((segment) => TEMPLATE_SEGMENT.test(segment) || LITERAL_SEGMENT.test(segment));
}

/**
 * Does a request (`method`, `path` without query) fall under `endpoint`? Segments are compared
 * one by one after percent-decoding, so `/people/%7Biin%7D` is never taken for the template
 * itself, and a template segment matches exactly one non-empty segment (never `a/b`). HEAD is
 * allowed where GET is, as HTTP defines it.
 */
export function matchesEndpoint(endpoint: Endpoint, method: string, path: string): boolean {
  const wanted = method === 'HEAD' && endpoint.method === 'GET' ? 'GET' : method;
  if (endpoint.method !== wanted) return false;
  const template = segmentsOf(endpoint.path);
  const actual = segmentsOf(path).map(safeDecode);
  if (actual.some((s) => s === undefined) || template.length !== actual.length) return false;
  return template.every((segment, i) =>
    TEMPLATE_SEGMENT.test(segment) ? actual[i] !== '' : segment === actual[i],
  );
}

const segmentsOf = (path: string): string[] => (path === '/' ? [] : path.slice(1).split('/'));

function safeDecode(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined; // malformed percent-encoding matches nothing
  }
}
