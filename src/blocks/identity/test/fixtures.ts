import type { FastifyInstance } from 'fastify';
import { addAgency } from '../service/agencies.js';
import { identityDeps } from '../service/deps.js';
import { createUser, type NewUser } from '../service/users.js';

/** Valid Kazakh IINs for tests (check digits computed by the country profile). */
export const IIN = {
  citizen: '850725400024',
  officer: '950604400057',
  admin: '881120300047',
  other: '900101300017',
} as const;

export const PASSWORD = 'correct horse battery';

export async function seedAgency(app: FastifyInstance, code = 'test-ministry') {
  return app.platform.db.transaction().execute((trx) =>
    addAgency(trx, app.platform.now(), {
      code,
      names: { kk: 'Сынақ министрлігі', ru: 'Тестовое министерство', en: 'Test Ministry' },
    }),
  );
}

export function seedUser(
  app: FastifyInstance,
  input: Partial<NewUser> & Pick<NewUser, 'nationalId' | 'role'>,
) {
  return createUser(
    identityDeps(app.platform),
    { familyName: 'Test', givenName: 'Person', password: PASSWORD, ...input },
    null,
  );
}
