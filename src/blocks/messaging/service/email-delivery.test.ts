import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../../app.js';
import { loadConfig } from '../../../platform/config/config.js';
import { generateDeploymentKey } from '../../../platform/crypto/deployment-key.js';
import { createDatabase, type Database } from '../../../platform/db/database.js';
import { createTestApp, type TestApp } from '../../../../test/support/test-app.js';
import { attemptsOf } from '../repo/delivery-repo.js';
import { publishRegistered, seedMessagingWorld, setEmail } from '../test/fixtures.js';
import { parseEmail, type ParsedEmail } from '../test/parse-email.js';
import { SmtpSink } from '../test/smtp-sink.js';

/**
 * Email through a real SMTP server that the test starts (smtp-server on a free port): the app
 * sends what the feed says, retries what failed for a passing reason, records every attempt, and
 * a job committed before a restart is delivered by the next process.
 */
const MAIL_ENV = (sink: SmtpSink) => ({
  SMTP_URL: sink.url,
  MAIL_FROM: 'Ortaq <noreply@ortaq.test>',
  MAIL_RETRY_LIMIT: '2',
  MAIL_RETRY_DELAY_SECONDS: '1',
  PUBLIC_BASE_URL: 'https://ortaq.example.kz',
});

async function waitFor<T>(probe: () => Promise<T | undefined>, timeoutMs = 25_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > end) throw new Error('condition not met in time');
    await sleep(200);
  }
}

/** The attempts once the delivery has a final outcome (delivered, bounced or notSent). */
const finalAttempts = (db: Database, deliveryId: string) =>
  waitFor(async () => {
    const attempts = await attemptsOf(db, deliveryId);
    const last = attempts.at(-1)?.outcome;
    return last && last !== 'deferred' ? attempts : undefined;
  });

const receivedFor = (sink: SmtpSink, deliveryId: string): ParsedEmail[] =>
  sink.received
    .map((email) => parseEmail(email.raw))
    .filter((email) => email.headers.get('message-id') === `<${deliveryId}@ortaq.test>`);

describe('email delivery through SMTP', () => {
  let sink: SmtpSink;
  let test: TestApp;
  let world: Awaited<ReturnType<typeof seedMessagingWorld>>;

  beforeAll(async () => {
    sink = await new SmtpSink().start();
    test = await createTestApp({ env: MAIL_ENV(sink) });
    world = await seedMessagingWorld(test.app);
    await setEmail(test.app, world.alice.personId, 'alice@example.kz');
  });
  afterAll(async () => {
    await test?.close();
    await sink?.stop();
  });

  it('sends the inbox message’s own text, escaped in HTML, with the link, after the commit', async () => {
    const published = await publishRegistered(
      test.app,
      { personId: world.alice.personId },
      { params: { number: 'ЖТ-2025-000017', agency: '«Дала» <b>Tech</b> & Co' } },
    );
    const deliveryId = published.emailDeliveryIds[0]!;
    const attempts = await finalAttempts(test.database.db, deliveryId);
    expect(attempts.map((attempt) => attempt.outcome)).toEqual(['delivered']);

    const [email, ...more] = receivedFor(sink, deliveryId);
    expect(more).toEqual([]);
    const raw = sink.received.find((r) => r.raw.includes(deliveryId))!;
    expect(raw.to).toEqual(['alice@example.kz']);
    expect(raw.from).toBe('noreply@ortaq.test');
    expect(email!.headers.get('from')).toBe('Ortaq <noreply@ortaq.test>');
    expect(email!.headers.get('subject')).toBe('№ЖТ-2025-000017 өтініш тіркелді');
    expect(email!.headers.get('content-language')).toBe('kk');
    expect(email!.headers.get('auto-submitted')).toBe('auto-generated');

    const message = await test.database.db
      .selectFrom('messaging_inbox_message')
      .select('rendered')
      .where('id', '=', published.messageId)
      .executeTakeFirstOrThrow();
    const text = email!.text.replace(/\r\n/g, '\n');
    expect(text.startsWith(message.rendered.kk.text)).toBe(true);
    expect(text).toContain('Сіздің №ЖТ-2025-000017 өтінішіңізді «Дала» <b>Tech</b> & Co тіркеді.');
    expect(text).toContain('Ortaq жүйесінде ашу: https://ortaq.example.kz/e-otinish/appeals/A-1');

    expect(email!.html).toContain('«Дала» &lt;b&gt;Tech&lt;/b&gt; &amp; Co');
    expect(email!.html).not.toContain('<b>Tech');
    expect(email!.html).toContain('<a href="https://ortaq.example.kz/e-otinish/appeals/A-1">');
    expect(email!.html).toContain('<html lang="kk">');
  });

  it('writes each email in the language its recipient reads notices in', async () => {
    await setEmail(test.app, world.bob.personId, 'bob@example.kz', 'ru');
    try {
      const published = await publishRegistered(
        test.app,
        { personId: world.bob.personId },
        { params: { number: 'ЖТ-2025-000018', agency: 'Акимат' } },
      );
      const deliveryId = published.emailDeliveryIds[0]!;
      expect((await finalAttempts(test.database.db, deliveryId)).at(-1)?.outcome).toBe('delivered');
      const [email] = receivedFor(sink, deliveryId);
      expect(email!.headers.get('content-language')).toBe('ru');
      expect(email!.html).toContain('<html lang="ru">');
      const message = await test.database.db
        .selectFrom('messaging_inbox_message')
        .select('rendered')
        .where('id', '=', published.messageId)
        .executeTakeFirstOrThrow();
      expect(email!.headers.get('subject')).toBe(message.rendered.ru.subject);
      expect(email!.text.replace(/\r\n/g, '\n').startsWith(message.rendered.ru.text)).toBe(true);
    } finally {
      await test.app.platform.db
        .deleteFrom('messaging_person_contact')
        .where('person_id', '=', world.bob.personId)
        .execute();
    }
  });

  it('records a permanent refusal as bounced and does not try again', async () => {
    sink.answers.push({ code: 550, message: 'No such mailbox' });
    const published = await publishRegistered(test.app, { personId: world.alice.personId });
    const deliveryId = published.emailDeliveryIds[0]!;
    const attempts = await finalAttempts(test.database.db, deliveryId);
    expect(attempts).toMatchObject([{ attempt: 1, outcome: 'bounced' }]);
    expect(attempts[0]!.detail).toContain('No such mailbox');
    await sleep(3_000); // longer than a retry delay plus a polling interval
    expect(await attemptsOf(test.database.db, deliveryId)).toHaveLength(1);
    expect(receivedFor(sink, deliveryId)).toEqual([]);
  });

  it('retries a temporary failure with backoff and then delivers once', async () => {
    sink.answers.push({ code: 451, message: 'Greylisted, try later' });
    const published = await publishRegistered(test.app, { personId: world.alice.personId });
    const deliveryId = published.emailDeliveryIds[0]!;
    const attempts = await finalAttempts(test.database.db, deliveryId);
    expect(attempts.map((attempt) => [attempt.attempt, attempt.outcome])).toEqual([
      [1, 'deferred'],
      [2, 'delivered'],
    ]);
    expect(attempts[0]!.detail).toContain('Greylisted');
    expect(attempts[1]!.at.getTime()).toBeGreaterThan(attempts[0]!.at.getTime() + 900);
    expect(receivedFor(sink, deliveryId)).toHaveLength(1);
  });

  it('gives up after MAIL_RETRY_LIMIT retries and records notSent', async () => {
    for (let i = 0; i < 3; i++) sink.answers.push({ code: 421, message: 'Service busy' });
    const published = await publishRegistered(test.app, { personId: world.alice.personId });
    const deliveryId = published.emailDeliveryIds[0]!;
    const attempts = await finalAttempts(test.database.db, deliveryId);
    expect(attempts.map((attempt) => attempt.outcome)).toEqual(['deferred', 'deferred', 'notSent']);
    expect(attempts[2]!.detail).toMatch(/^retries exhausted: .*Service busy/);
    expect(receivedFor(sink, deliveryId)).toEqual([]);
  }, 60_000);
});

describe('email delivery turned off (SMTP_URL empty)', () => {
  let test: TestApp;
  beforeAll(async () => {
    test = await createTestApp();
  });
  afterAll(() => test.close());

  it('keeps the feed and the inbox and records the email as notSent', async () => {
    const world = await seedMessagingWorld(test.app);
    await setEmail(test.app, world.alice.personId, 'alice@example.kz');
    const published = await publishRegistered(test.app, { personId: world.alice.personId });
    const attempts = await finalAttempts(test.database.db, published.emailDeliveryIds[0]!);
    expect(attempts).toMatchObject([
      { outcome: 'notSent', detail: 'email delivery is off: SMTP_URL is empty' },
    ]);
    const message = await test.database.db
      .selectFrom('messaging_inbox_message')
      .select('id')
      .where('id', '=', published.messageId)
      .executeTakeFirst();
    expect(message).toBeDefined();
  });
});

describe('a restart', () => {
  let sink: SmtpSink;
  beforeAll(async () => {
    sink = await new SmtpSink().start();
  });
  afterAll(() => sink.stop());

  it('never loses an email: a job committed while no worker runs is sent by a fresh instance', async () => {
    const first = await createTestApp({ env: MAIL_ENV(sink) });
    try {
      const world = await seedMessagingWorld(first.app);
      await setEmail(first.app, world.alice.personId, 'alice@example.kz');
      // The first process goes away; the status is published and committed while no worker runs.
      await first.app.close();
      const published = await publishRegistered(first.app, { personId: world.alice.personId });
      const deliveryId = published.emailDeliveryIds[0]!;
      await sleep(2_500);
      expect(await attemptsOf(first.database.db, deliveryId)).toEqual([]);
      expect(sink.received).toEqual([]);

      // A new process: its own pool on the same database.
      const db = createDatabase(first.database.url, { max: 3 });
      const second = await buildApp({
        config: loadConfig({
          LOG_LEVEL: 'silent',
          DATABASE_URL: first.database.url,
          ...MAIL_ENV(sink),
        }),
        db,
        deploymentKey: generateDeploymentKey(),
      });
      await second.ready();
      try {
        const attempts = await finalAttempts(db, deliveryId);
        expect(attempts.map((attempt) => attempt.outcome)).toEqual(['delivered']);
        expect(receivedFor(sink, deliveryId)).toHaveLength(1);
      } finally {
        await second.close();
        await db.destroy();
      }
    } finally {
      await first.database.drop();
    }
  });
});
