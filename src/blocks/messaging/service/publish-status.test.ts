import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DomainError } from '../../../platform/errors.js';
import { createTestApp, type TestApp } from '../../../../test/support/test-app.js';
import { createTestDatabase } from '../../../../test/support/database.js';
import { getCountryProfile } from '../../../countries/index.js';
import { addPerson } from '../../identity/service/people.js';
import { setPersonEmail } from './contacts.js';
import { registerTemplates } from './templates.js';
import { IIN, seedUser } from '../../identity/test/fixtures.js';
import { publishRegistered, seedMessagingWorld, setEmail } from '../test/fixtures.js';
import { appealRegisteredTemplate } from '../test/templates.js';
import { publishStatus } from './publish-status.js';
import { describeStatus, latestStatus, statusHistory } from './status-feed.js';

/** The status feed and the outbox: one transaction writes everything, or nothing at all. */
describe('publishStatus', () => {
  let test: TestApp;
  let world: Awaited<ReturnType<typeof seedMessagingWorld>>;

  const counts = async () => {
    const db = test.database.db;
    const count = async (
      table: 'messaging_status_event' | 'messaging_inbox_message' | 'messaging_email_delivery',
    ) =>
      Number(
        (
          await db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const { rows } = await sql<{
      n: number;
    }>`select count(*)::int as n from pgboss.job where name = 'messaging.email-delivery'`.execute(
      db,
    );
    return {
      events: await count('messaging_status_event'),
      messages: await count('messaging_inbox_message'),
      deliveries: await count('messaging_email_delivery'),
      jobs: rows[0]!.n,
    };
  };

  beforeAll(async () => {
    test = await createTestApp();
    world = await seedMessagingWorld(test.app);
    await setEmail(test.app, world.alice.personId, 'alice@example.kz');
    await setEmail(test.app, world.bob.personId, 'bob@example.kz');
  });
  afterAll(() => test.close());

  it('writes the feed row, the inbox message in kk, ru and en, the delivery and its job', async () => {
    const before = await counts();
    const published = await publishRegistered(test.app, { personId: world.alice.personId });
    expect(await counts()).toEqual({
      events: before.events + 1,
      messages: before.messages + 1,
      deliveries: before.deliveries + 1,
      jobs: before.jobs + 1,
    });
    const message = await test.database.db
      .selectFrom('messaging_inbox_message')
      .selectAll()
      .where('id', '=', published.messageId)
      .executeTakeFirstOrThrow();
    expect(message.event_id).toBe(published.eventId);
    expect(message.rendered.kk.subject).toBe('№ЖТ-2025-000017 өтініш тіркелді');
    expect(message.rendered.ru.subject).toBe('Обращение №ЖТ-2025-000017 зарегистрировано');
    expect(message.rendered.en.subject).toBe('Appeal No. ЖТ-2025-000017 registered');

    const [deliveryId] = published.emailDeliveryIds;
    const delivery = await test.database.db
      .selectFrom('messaging_email_delivery')
      .selectAll()
      .where('id', '=', deliveryId!)
      .executeTakeFirstOrThrow();
    // The email is the inbox message's own rendering, in the default language (kk).
    expect(delivery).toMatchObject({
      to_address: 'alice@example.kz',
      locale: 'kk',
      subject: message.rendered.kk.subject,
      text_body: message.rendered.kk.text,
    });
    const { rows } = await sql<{ data: { deliveryId: string } }>`
      select data from pgboss.job where id = ${delivery.job_id}`.execute(test.database.db);
    expect(rows).toEqual([{ data: { deliveryId } }]);
  });

  it('leaves no feed row, message, delivery or job when the caller rolls back', async () => {
    const before = await counts();
    let ids: string[] = [];
    await expect(
      test.database.db.transaction().execute(async (trx) => {
        const published = await publishStatus(trx, {
          subject: { kind: 'appeal', id: 'A-rolled-back' },
          recipient: { personId: world.alice.personId },
          status: 'registered',
          template: appealRegisteredTemplate.id,
          params: { number: '2', agency: 'X' },
        });
        ids = published.emailDeliveryIds;
        throw new Error('the appeal could not be stored');
      }),
    ).rejects.toThrow('the appeal could not be stored');
    expect(ids).toHaveLength(1);
    expect(await counts()).toEqual(before);
    expect(
      await latestStatus(test.database.db, { kind: 'appeal', id: 'A-rolled-back' }),
    ).toBeUndefined();
  });

  it('makes no email for a person without an address', async () => {
    const carol = await seedUser(test.app, { nationalId: IIN.officer, role: 'citizen' });
    const published = await publishRegistered(
      test.app,
      { personId: carol.personId },
      { subject: { kind: 'appeal', id: 'A-no-email' } },
    );
    expect(published.emailDeliveryIds).toEqual([]);
    expect(
      await latestStatus(test.database.db, { kind: 'appeal', id: 'A-no-email' }),
    ).toMatchObject({
      recipientPersonId: carol.personId,
    });
  });

  it('puts an organisation’s message in its inbox and emails the person who acts for it', async () => {
    const published = await publishRegistered(
      test.app,
      { organisationId: world.company.id },
      { subject: { kind: 'appeal', id: 'A-company' } },
    );
    const message = await test.database.db
      .selectFrom('messaging_inbox_message')
      .select(['recipient_person_id', 'recipient_organisation_id'])
      .where('id', '=', published.messageId)
      .executeTakeFirstOrThrow();
    expect(message).toEqual({
      recipient_person_id: null,
      recipient_organisation_id: world.company.id,
    });
    const deliveries = await test.database.db
      .selectFrom('messaging_email_delivery')
      .select(['to_person_id', 'to_address'])
      .where('message_id', '=', published.messageId)
      .execute();
    expect(deliveries).toEqual([
      { to_person_id: world.bob.personId, to_address: 'bob@example.kz' },
    ]);
  });

  it('gives the latest status and the history of a subject from the feed', async () => {
    const subject = { kind: 'appeal', id: 'A-history' };
    await publishRegistered(
      test.app,
      { personId: world.alice.personId },
      { subject, at: new Date('2025-03-03T06:00:00Z') },
    );
    await publishRegistered(
      test.app,
      { personId: world.alice.personId },
      { subject, status: 'in-review', at: new Date('2025-03-04T06:00:00Z') },
    );
    const latest = await latestStatus(test.database.db, subject);
    expect(latest).toMatchObject({
      status: 'in-review',
      templateId: appealRegisteredTemplate.id,
      params: { number: 'ЖТ-2025-000017', agency: 'Алматы қаласының әкімдігі' },
      link: '/e-otinish/appeals/A-1',
      recipientPersonId: world.alice.personId,
      occurredAt: new Date('2025-03-04T06:00:00Z'),
    });
    expect((await statusHistory(test.database.db, subject)).map((event) => event.status)).toEqual([
      'registered',
      'in-review',
    ]);
    expect(await latestStatus(test.database.db, { kind: 'appeal', id: 'never' })).toBeUndefined();
    // The page's wording is the inbox message's wording.
    const message = await test.database.db
      .selectFrom('messaging_inbox_message')
      .select('rendered')
      .where('event_id', '=', latest!.id)
      .executeTakeFirstOrThrow();
    for (const locale of ['kk', 'ru', 'en'] as const) {
      expect(describeStatus(latest!, locale)).toEqual(message.rendered[locale]);
    }
  });

  describe('refuses bad input with a stable code and writes nothing', () => {
    const base = () => ({
      subject: { kind: 'appeal', id: 'A-bad' },
      recipient: { personId: world.alice.personId } as
        { personId: string } | { organisationId: string },
      status: 'registered',
      template: appealRegisteredTemplate.id,
      params: { number: '1', agency: 'X' } as Record<string, string | number>,
      link: '/e-otinish/appeals/A-bad' as string | undefined,
    });
    it.each([
      [
        'a subject kind with capitals',
        { subject: { kind: 'Appeal', id: 'A' } },
        'MESSAGING_INVALID_SUBJECT',
      ],
      ['an empty subject id', { subject: { kind: 'appeal', id: '' } }, 'MESSAGING_INVALID_SUBJECT'],
      [
        'a subject id with a line break',
        { subject: { kind: 'appeal', id: 'A\nB' } },
        'MESSAGING_INVALID_SUBJECT',
      ],
      ['a status with spaces', { status: 'in review' }, 'MESSAGING_INVALID_STATUS'],
      ['a link to another site', { link: '//evil.example/x' }, 'MESSAGING_INVALID_LINK'],
      ['an absolute link', { link: 'https://evil.example/x' }, 'MESSAGING_INVALID_LINK'],
      ['a link to no page', { link: '/' }, 'MESSAGING_INVALID_LINK'],
      ['an unknown template', { template: 'test-messaging.nope' }, 'MESSAGING_TEMPLATE_UNKNOWN'],
      ['a missing parameter', { params: { number: '1' } }, 'MESSAGING_TEMPLATE_PARAM_MISSING'],
      [
        'an extra parameter',
        { params: { number: '1', agency: 'X', iin: '850725400024' } },
        'MESSAGING_TEMPLATE_PARAM_UNKNOWN',
      ],
      [
        'an unknown person',
        { recipient: { personId: '00000000-0000-4000-8000-000000000000' } },
        'MESSAGING_UNKNOWN_RECIPIENT',
      ],
      [
        'a person id that is no uuid',
        { recipient: { personId: 'alice' } },
        'MESSAGING_UNKNOWN_RECIPIENT',
      ],
      [
        'an unknown organisation',
        { recipient: { organisationId: '00000000-0000-4000-8000-000000000000' } },
        'MESSAGING_UNKNOWN_RECIPIENT',
      ],
    ])('%s', async (_name, change, code) => {
      const before = await counts();
      const error = await test.database.db
        .transaction()
        .execute((trx) => publishStatus(trx, { ...base(), ...change }))
        .then(
          () => undefined,
          (caught: unknown) => caught,
        );
      expect(error).toBeInstanceOf(DomainError);
      expect((error as DomainError).code).toBe(code);
      expect(await counts()).toEqual(before);
    });
  });

  it('keeps the feed, the messages and the deliveries append-only', async () => {
    await publishRegistered(
      test.app,
      { personId: world.alice.personId },
      { subject: { kind: 'appeal', id: 'A-locked' } },
    );
    for (const statement of [
      sql`update messaging_status_event set status = 'decided'`,
      sql`delete from messaging_inbox_message`,
      sql`update messaging_email_delivery set to_address = 'x@y.kz'`,
      sql`delete from messaging_email_attempt`,
    ]) {
      await expect(statement.execute(test.database.db)).rejects.toThrow(/append-only/);
    }
  });
});

describe('publishStatus before the job queue ever started on the database', () => {
  it('refuses with a clear error and leaves nothing behind', async () => {
    const database = await createTestDatabase();
    try {
      registerTemplates([appealRegisteredTemplate]);
      const deps = { country: getCountryProfile('kz'), now: () => new Date() };
      const person = await database.db
        .transaction()
        .execute((trx) =>
          addPerson(trx, deps, { nationalId: IIN.citizen, familyName: 'A', givenName: 'B' }),
        );
      await database.db
        .transaction()
        .execute((trx) => setPersonEmail(trx, person.id, 'a@example.kz', new Date()));
      await expect(
        database.db.transaction().execute((trx) =>
          publishStatus(trx, {
            subject: { kind: 'appeal', id: 'A' },
            recipient: { personId: person.id },
            status: 'registered',
            template: appealRegisteredTemplate.id,
            params: { number: '1', agency: 'X' },
          }),
        ),
      ).rejects.toThrow(/messaging\.email-delivery queue does not exist yet/);
      const events = await database.db.selectFrom('messaging_status_event').selectAll().execute();
      expect(events).toEqual([]);
    } finally {
      await database.drop();
    }
  });
});
