import type { FastifyInstance } from 'fastify';
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

/**
 * Every request gets a locale: the one the person chose (remembered in a cookie), else Kazakh,
 * the state language. The browser's Accept-Language is deliberately not followed: most browsers
 * in the region are set to Russian or English, and the state language comes first until a
 * person chooses otherwise.
 */
export const i18nPlugin = fp(
  async (app: FastifyInstance, options: { catalogue: Catalogue; cookieSecure: boolean }) => {
    const { catalogue } = options;
    app.decorateRequest('locale', DEFAULT_LOCALE);
    app.decorateRequest('t', null as unknown as Translate);
    app.addHook('onRequest', async (request) => {
      const chosen = request.cookies[LOCALE_COOKIE];
      request.locale = isLocale(chosen) ? chosen : DEFAULT_LOCALE;
      request.t = catalogue.translator(request.locale);
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
