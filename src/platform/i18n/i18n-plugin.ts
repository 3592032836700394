import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { Type } from '@sinclair/typebox';
import type { Catalogue, Translate } from './catalogue.js';
import { DEFAULT_LOCALE, isLocale, LOCALES, type Locale } from './locales.js';

declare module 'fastify' {
  interface FastifyRequest {
    locale: Locale;
    t: Translate;
  }
}

export const LOCALE_COOKIE = 'lang';

/** Where a request keeps its locale and translator once asked (or set); null until then. */
const CHOSEN = Symbol('locale');
const TRANSLATOR = Symbol('translator');
interface LazyLocale {
  [CHOSEN]: Locale | null;
  [TRANSLATOR]: Translate | null;
  cookies?: Record<string, string | undefined>;
}

/**
 * Every request gets a locale: the one the person chose (remembered in a cookie), else Kazakh,
 * the state language. The browser's Accept-Language is deliberately not followed: most browsers
 * in the region are set to Russian or English, and the state language comes first until a
 * person chooses otherwise.
 *
 * The locale is read from the cookie only when `request.locale` or `request.t` is first used:
 * machine-to-machine answers (JSON without an error) never ask, and pay nothing for it.
 */
export const i18nPlugin = fp(
  async (app: FastifyInstance, options: { catalogue: Catalogue; cookieSecure: boolean }) => {
    const { catalogue } = options;
    const translators = Object.fromEntries(
      LOCALES.map((locale) => [locale, catalogue.translator(locale)]),
    ) as Record<Locale, Translate>;
    const chosen = (request: LazyLocale): Locale => {
      if (request[CHOSEN] === null) {
        // Cookies are undefined when a request failed before they were parsed.
        const cookie = request.cookies?.[LOCALE_COOKIE];
        request[CHOSEN] = isLocale(cookie) ? cookie : DEFAULT_LOCALE;
      }
      return request[CHOSEN];
    };
    app.decorateRequest(CHOSEN, null);
    app.decorateRequest(TRANSLATOR, null);
    const lazy = (request: FastifyRequest) => request as unknown as LazyLocale;
    app.decorateRequest('locale', {
      getter(this: FastifyRequest) {
        return chosen(lazy(this));
      },
      setter(this: FastifyRequest, locale: Locale) {
        lazy(this)[CHOSEN] = locale;
        lazy(this)[TRANSLATOR] = null;
      },
    });
    app.decorateRequest('t', {
      getter(this: FastifyRequest) {
        return lazy(this)[TRANSLATOR] ?? translators[chosen(lazy(this))];
      },
      setter(this: FastifyRequest, t: Translate) {
        lazy(this)[TRANSLATOR] = t;
      },
    });

    // A plain link, so the switch works without JavaScript; it changes only a preference.
    app.get(
      '/language/:locale',
      {
        schema: {
          hide: true,
          params: Type.Object({ locale: Type.Union(LOCALES.map((l) => Type.Literal(l))) }),
          querystring: Type.Object({ return: Type.Optional(Type.String({ maxLength: 2000 })) }),
        },
      },
      async (request, reply) => {
        const { locale } = request.params as { locale: Locale };
        const { return: back } = request.query as { return?: string };
        reply.setCookie(LOCALE_COOKIE, locale, {
          path: '/',
          maxAge: 60 * 60 * 24 * 365,
          sameSite: 'lax',
          httpOnly: true,
          secure: options.cookieSecure,
        });
        return reply.redirect(safeReturnPath(back), 303);
      },
    );
  },
  { name: 'i18n', dependencies: ['@fastify/cookie'] },
);

/** Only a path on this site: never `//host` or `https://…`, which would make an open redirect. */
export function safeReturnPath(path: string | undefined): string {
  if (!path || !path.startsWith('/') || path.startsWith('//') || path.includes('\\')) return '/';
  return path;
}
