import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';

/**
 * A minimal browser for app.inject: keeps cookies between requests and reads the CSRF token from
 * the last page, so tests go through the same forms a person does.
 */
export class TestBrowser {
  readonly cookies = new Map<string, string>();
  csrfToken = '';

  constructor(private readonly app: FastifyInstance) {}

  async request(options: InjectOptions): Promise<LightMyRequestResponse> {
    const cookie = [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
    const response = await this.app.inject({
      ...options,
      headers: { accept: 'text/html', ...(cookie ? { cookie } : {}), ...options.headers },
    });
    for (const set of response.cookies) {
      const expired = set.expires !== undefined && new Date(set.expires).getTime() <= Date.now();
      if (set.value === '' || expired || set.maxAge === 0) this.cookies.delete(set.name);
      else this.cookies.set(set.name, set.value);
    }
    const token = /name="_csrf" value="([^"]+)"/.exec(response.body)?.[1];
    if (token) this.csrfToken = token;
    return response;
  }

  get(url: string, headers: Record<string, string> = {}) {
    return this.request({ method: 'GET', url, headers });
  }

  /** Posts a form with the CSRF token of the last page. */
  postForm(url: string, fields: Record<string, string>) {
    return this.request({
      method: 'POST',
      url,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ _csrf: this.csrfToken, ...fields }).toString(),
    });
  }

  /** A JSON API call with the session cookie (and so the CSRF header, as a page script would). */
  json(method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, body?: unknown) {
    return this.request({
      method,
      url,
      headers: {
        accept: 'application/json',
        'x-csrf-token': this.csrfToken,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { payload: JSON.stringify(body) }),
    });
  }

  /** Signs in through the pages; returns the response to the password form. */
  async signIn(login: string, password: string) {
    await this.get('/sign-in');
    return this.postForm('/sign-in', { login, password, return: '/' });
  }
}

/** A clock that tests move by hand. */
export function testClock(start = new Date('2025-03-03T06:00:00Z')) {
  let now = start.getTime();
  return {
    now: () => new Date(now),
    advance: (ms: number) => {
      now += ms;
    },
  };
}
