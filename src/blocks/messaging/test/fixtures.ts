import type { FastifyInstance } from 'fastify';
import { addOrganisation } from '../../identity/service/people.js';
import { IIN, seedUser } from '../../identity/test/fixtures.js';
import type { Locale } from '../../../platform/i18n/locales.js';
import { setPersonEmail } from '../service/contacts.js';
import { publishStatus, type PublishStatusInput } from '../service/publish-status.js';
import { registerTemplates } from '../service/templates.js';
import { appealRegisteredTemplate } from './templates.js';

/** A valid Kazakh BIN (the demo business's). */
export const BIN = '150440012344';

/** Registers the test template (idempotent) and seeds two citizens and an organisation. */
export async function seedMessagingWorld(app: FastifyInstance) {
  registerTemplates([appealRegisteredTemplate]);
  const alice = await seedUser(app, {
    nationalId: IIN.citizen,
    role: 'citizen',
    givenName: 'Alice',
  });
  const bob = await seedUser(app, { nationalId: IIN.other, role: 'citizen', givenName: 'Bob' });
  const company = await app.platform.db
    .transaction()
    .execute((trx) =>
      addOrganisation(
        trx,
        { country: app.platform.country, now: app.platform.now },
        { nationalId: BIN, name: '«Дала Тех» ЖШС', directorPersonId: bob.personId },
      ),
    );
  return { alice, bob, company };
}

export function setEmail(
  app: FastifyInstance,
  personId: string,
  email: string,
  locale: Locale = 'kk',
) {
  return app.platform.db
    .transaction()
    .execute((trx) => setPersonEmail(trx, personId, email, app.platform.now(), locale));
}

/** Publishes one "appeal registered" status in a transaction of its own. */
export function publishRegistered(
  app: FastifyInstance,
  recipient: PublishStatusInput['recipient'],
  overrides: Partial<PublishStatusInput> = {},
) {
  return app.platform.db.transaction().execute((trx) =>
    publishStatus(trx, {
      subject: { kind: 'appeal', id: 'A-1' },
      recipient,
      status: 'registered',
      template: appealRegisteredTemplate.id,
      params: { number: 'ЖТ-2025-000017', agency: 'Алматы қаласының әкімдігі' },
      link: '/e-otinish/appeals/A-1',
      ...overrides,
    }),
  );
}
