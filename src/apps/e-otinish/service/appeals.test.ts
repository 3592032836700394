import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/support/test-app.js';
import { buildApp } from '../../../app.js';
import {
  fireDeadline,
  performTransition,
  sweepDueDeadlines,
} from '../../../blocks/services/index.js';
import { latestStatus, listInbox } from '../../../blocks/messaging/index.js';
import { generateDeploymentKey } from '../../../platform/crypto/deployment-key.js';
import { createDatabase, type Database } from '../../../platform/db/database.js';
import { isDomainError } from '../../../platform/errors.js';
import { decisionTerm } from '../domain/decision-term.js';
import { registrationAtReceivingBody } from '../domain/forwarding.js';
import {
  APPEAL_DAY_OFF_SERVICE,
  APPEAL_SERVICE,
  T,
  UNCONSIDERED_SERVICE,
} from '../definition/appeal-service.js';
import { kz } from '../test/kz-legal-calendar.js';
import { appealForm, seedOtinishWorld, type OtinishWorld } from '../test/world.js';
import {
  commentOnHearing,
  complaintDraft,
  fileComplaint,
  joinProposal,
  rateAppeal,
} from './applicant-actions.js';
import { otinishDeps, type OtinishDeps } from './deps.js';
import { fileAppeal, pendingRegistrations, registerPending } from './file-appeal.js';
import { answerAppeal, extendTerm, forwardAppeal, notifyHearing } from './officer-actions.js';
import { appealView, publicStatistics, similarClusters, similarProposals } from './queries.js';

/**
 * The appeal through the real app (the services engine, messaging and PostgreSQL) with a fixed,
 * movable clock. Dates are 2026 in Almaty (UTC+5): Friday 20 March is a working day, Nauryz
 * 21–25 March is off.
 */
let now = new Date('2026-03-20T05:00:00Z');
let test: TestApp;
let app: FastifyInstance;
let deps: OtinishDeps;
let world: OtinishWorld;
const others: { app: FastifyInstance; db: Database }[] = [];

beforeAll(async () => {
  test = await createTestApp({ now: () => now });
  app = test.app;
  deps = otinishDeps(app);
  world = await seedOtinishWorld(app);
});
afterAll(async () => {
  for (const other of others) {
    await other.app.close().catch(() => undefined);
    await other.db.destroy().catch(() => undefined);
  }
  await test.close();
});

const t = (id: string, params?: Record<string, string | number>) =>
  app.platform.catalogue.translator('en')(id, params);
const file = (values = appealForm(), actor = world.citizen) => fileAppeal(deps, { actor, values });
const deadlines = async (id: string) =>
  (
    await sql<{ id: string; clock_id: string; due_date: string; status: string }>`
      select id, clock_id, to_char(due_date, 'YYYY-MM-DD') as due_date, status from services_deadline
      where application_id = ${id} order by created_at`.execute(test.database.db)
  ).rows;
const pending = async (id: string) => (await deadlines(id)).filter((d) => d.status === 'pending');
const refusal = async (promise: Promise<unknown>) => {
  try {
    await promise;
  } catch (error) {
    if (isDomainError(error)) return error;
    throw error;
  }
  throw new Error('expected a refusal');
};
const view = (id: string, actor = world.citizen) => appealView(deps, id, actor);

describe('intake', () => {
  it('registers with a coupon, routes by category and region, and starts the 15-working-day clock the law counts', async () => {
    now = new Date('2026-03-20T05:00:00Z');
    const filed = await file();
    expect(filed.couponNumber).toMatch(/^AKIMAT-ALMATY-2026-\d{6}$/);
    expect(filed.bodyCode).toBe('akimat-almaty');
    const appeal = await view(filed.applicationId);
    expect(appeal.application.row.service_id).toBe(APPEAL_SERVICE);
    expect(appeal.state.term?.lastDay).toBe('2026-04-15');
    expect((await pending(filed.applicationId)).map((d) => d.due_date)).toEqual(['2026-04-15']);
    expect(appeal.coupons[0]).toMatchObject({
      bodyCode: 'akimat-almaty',
      registrationDate: '2026-03-20',
    });
    expect(appeal.latest?.status).toBe('registered');
    const inbox = await listInbox(
      app.platform.db,
      { personId: world.citizen.personId },
      { page: 1, pageSize: 50, locale: 'en' },
    );
    expect(JSON.stringify(inbox)).toContain(filed.couponNumber);
  });

  it('an appeal received on a day off is registered on the next working day, and the engine clock ends on the law’s last day', async () => {
    now = new Date('2026-03-20T20:30:00Z'); // Saturday 21 March in Almaty, Nauryz
    const filed = await file();
    const appeal = await view(filed.applicationId);
    expect(appeal.application.row.service_id).toBe(APPEAL_DAY_OFF_SERVICE);
    expect(appeal.coupons[0]!.registrationDate).toBe('2026-03-26');
    const law = decisionTerm('2026-03-26', kz);
    expect(appeal.state.term?.lastDay).toBe(law.lastDay);
    expect((await pending(filed.applicationId)).map((d) => d.due_date)).toEqual([law.lastDay]);
  });

  it('routes by the table: digital services to the ministry, anything else outside Almaty to the default body', async () => {
    now = new Date('2026-03-20T05:00:00Z');
    expect((await file(appealForm({ category: 'digital-services' }))).bodyCode).toBe(
      'ministry-digital',
    );
    expect((await file(appealForm({ region: 'astana', category: 'health' }))).bodyCode).toBe(
      'ministry-digital',
    );
  });

  it('coupon numbers are unique and run per body', async () => {
    const a = await file();
    const b = await file();
    const seq = (n: string) => Number(n.split('-').at(-1));
    expect(seq(b.couponNumber)).toBe(seq(a.couponNumber) + 1);
  });

  it('an anonymous appeal is registered but not considered, unless it reports a crime or a threat', async () => {
    const silent = await file(
      appealForm({ anonymous: 'yes', reportsCrime: 'no', reportsThreat: 'no' }),
    );
    expect(silent.considered).toBe(false);
    const appeal = await view(silent.applicationId);
    expect(appeal.application.row.service_id).toBe(UNCONSIDERED_SERVICE);
    expect(appeal.latest?.status).toBe('not-considered');
    expect(appeal.state.status).toBe('not-considered');
    expect(await deadlines(silent.applicationId)).toEqual([]);
    const crime = await file(
      appealForm({ anonymous: 'yes', reportsCrime: 'yes', reportsThreat: 'no' }),
    );
    expect(crime.considered).toBe(true);
    expect(await pending(crime.applicationId)).toHaveLength(1);
  });

  it('an interrupted registration is completed by the sweep with the instant the appeal was received', async () => {
    const { submitApplication } = await import('../../../blocks/services/index.js');
    const submitted = await submitApplication(deps.engine, {
      serviceId: APPEAL_SERVICE,
      actor: world.citizen,
      values: appealForm(),
      agencyCode: 'akimat-almaty',
    });
    expect(await pendingRegistrations(app.platform.db)).toBe(1);
    now = new Date('2026-03-20T06:00:00Z');
    expect(await registerPending(deps)).toBe(1);
    expect(await pendingRegistrations(app.platform.db)).toBe(0);
    const appeal = await view(submitted.id);
    expect(appeal.coupons[0]!.receivedAt.toISOString()).toBe('2026-03-20T05:00:00.000Z');
  });
});

describe('bad input', () => {
  it('every invalid field is refused with its own code, and nothing is stored', async () => {
    const before = await sql<{ n: string }>`select count(*) as n from services_application`.execute(
      test.database.db,
    );
    const error = await refusal(
      file({
        kind: 'letter',
        category: '',
        region: 'mars',
        topic: 'abc',
        text: 'short',
        anonymous: 'maybe',
      }),
    );
    expect(error.code).toBe('SERVICES_FORM_INVALID');
    const fields = Object.fromEntries(error.fields.map((p) => [p.field, p.code]));
    expect(fields).toMatchObject({
      kind: 'SERVICES_FIELD_NOT_AN_OPTION',
      category: 'SERVICES_FIELD_REQUIRED',
      region: 'SERVICES_FIELD_NOT_AN_OPTION',
      topic: 'SERVICES_FIELD_TOO_SHORT',
      text: 'SERVICES_FIELD_TOO_SHORT',
      anonymous: 'SERVICES_FIELD_NOT_YES_NO',
    });
    for (const problem of error.fields)
      expect(t(`error.${problem.code}`, problem.params)).not.toMatch(/^error\./);
    const after = await sql<{ n: string }>`select count(*) as n from services_application`.execute(
      test.database.db,
    );
    expect(after.rows[0]!.n).toBe(before.rows[0]!.n);
  });
});

describe('consideration', () => {
  it('extension only by the head, with reasons, within 2 months; the engine clock and the law move together', async () => {
    now = new Date('2026-03-20T05:00:00Z');
    const { applicationId } = await file();
    now = new Date('2026-04-01T05:00:00Z');
    const role = await refusal(
      extendTerm(deps, { applicationId, actor: world.officer, days: 10, reasons: 'More checks' }),
    );
    expect(role.code).toBe('SERVICES_ROLE_NOT_ALLOWED');
    const audit = await sql<{ outcome: string; code: string }>`
      select outcome, details->>'code' as code from audit_log
      where subject = ${applicationId} and action = 'services.transition' order by seq desc limit 1`.execute(
      test.database.db,
    );
    expect(audit.rows[0]).toEqual({ outcome: 'failure', code: 'SERVICES_ROLE_NOT_ALLOWED' });
    const noReasons = await refusal(
      extendTerm(deps, { applicationId, actor: world.head, days: 10, reasons: ' ' }),
    );
    expect(noReasons.code).toBe('SERVICES_REASON_REQUIRED');
    expect(
      (await refusal(extendTerm(deps, { applicationId, actor: world.head, days: 7, reasons: 'x' })))
        .code,
    ).toBe('OTINISH_EXTENSION_STEP');

    await extendTerm(deps, {
      applicationId,
      actor: world.head,
      days: 20,
      reasons: 'An expert opinion is needed',
    });
    const extended = await view(applicationId);
    const lastDay = kz.calendar.addWorkingDays('2026-04-15', 20);
    expect(extended.state.term?.lastDay).toBe(lastDay);
    expect(extended.state.extensions).toBe(1);
    expect((await pending(applicationId)).map((d) => d.due_date)).toEqual([lastDay]);
    expect(extended.latest?.status).toBe('extended');

    // 20 + 40 working days is past 2 calendar months from 15 April: refused, nothing recorded.
    const tooLong = await refusal(
      extendTerm(deps, { applicationId, actor: world.head, days: 40, reasons: 'Still more' }),
    );
    expect(tooLong.code).toBe('OTINISH_EXTENSION_TOO_LONG');
    const after = await view(applicationId);
    expect(after.state.extensions).toBe(1);
    expect(after.application.status.state).toBe('extended');
    expect((await pending(applicationId)).map((d) => d.due_date)).toEqual([lastDay]);
  });

  it('an adverse answer needs a hearing notice three whole working days before; every answer needs legal grounds and an appeal route', async () => {
    now = new Date('2026-03-30T05:00:00Z'); // Monday
    const { applicationId } = await file();
    const incomplete = await refusal(
      answerAppeal(deps, {
        applicationId,
        actor: world.officer,
        adverse: false,
        answer: { text: 'Repaired.', legalGrounds: '', appealRoute: ' ' },
      }),
    );
    expect(incomplete.code).toBe('OTINISH_ANSWER_INCOMPLETE');
    expect(incomplete.fields.map((p) => p.field).sort()).toEqual(['appealRoute', 'legalGrounds']);
    // The engine's generic transition carries no legal grounds: the app refuses to send it.
    const generic = await refusal(
      performTransition(deps.engine, {
        applicationId,
        transitionId: T.decide,
        actor: world.officer,
        reason: 'ok',
      }),
    );
    expect(generic.code).toBe('OTINISH_ANSWER_INCOMPLETE');
    expect((await view(applicationId)).application.status.state).toBe('registered');

    const early = commentOnHearing(deps, { applicationId, actor: world.citizen, text: 'Early' });
    expect((await refusal(early)).code).toBe('OTINISH_NOT_IN_HEARING');
    await notifyHearing(deps, {
      applicationId,
      actor: world.officer,
      reasons: 'The road is not on the city’s balance',
    });
    expect((await view(applicationId)).latest?.status).toBe('hearing');
    const blank = commentOnHearing(deps, { applicationId, actor: world.citizen, text: '  ' });
    expect((await refusal(blank)).fields[0]?.field).toBe('comment');
    const said = 'The road was built by the city in 2019';
    await commentOnHearing(deps, { applicationId, actor: world.citizen, text: said });
    const seen = await appealView(deps, applicationId, world.officer);
    expect(seen.comments.map((c) => c.text)).toEqual([said]);
    const answer = {
      text: 'Refused.',
      legalGrounds: 'APPC Art. 73; Roads Act Art. 5',
      appealRoute: 'To the Government within 3 months (APPC Art. 92)',
    };
    now = new Date('2026-04-02T05:00:00Z'); // Thursday: only Tue, Wed in between
    const tooSoon = await refusal(
      answerAppeal(deps, { applicationId, actor: world.officer, adverse: true, answer }),
    );
    expect(tooSoon.code).toBe('OTINISH_HEARING_TOO_SOON');
    now = new Date('2026-04-03T05:00:00Z'); // Friday
    await answerAppeal(deps, { applicationId, actor: world.officer, adverse: true, answer });
    const decided = await view(applicationId);
    expect(decided.state.status).toBe('decided');
    expect(decided.answer).toEqual(answer);
    expect(decided.latest?.status).toBe('decided');
    expect(await pending(applicationId)).toEqual([]);

    const poor = await rateAppeal(deps, { applicationId, actor: world.citizen, score: 2 });
    expect(poor.offersComplaint).toBe(true);
    expect(
      (await refusal(rateAppeal(deps, { applicationId, actor: world.citizen, score: 4 }))).code,
    ).toBe('OTINISH_ALREADY_RATED');
    expect(
      (await refusal(rateAppeal(deps, { applicationId, actor: world.citizen, score: 9 }))).code,
    ).toBe('OTINISH_RATING_OUT_OF_RANGE');
    const draft = await complaintDraft(deps, { applicationId, actor: world.citizen });
    expect(draft).toMatchObject({ addresseeBodyCode: 'government', grounds: 'disputed-answer' });
  });

  it('forwarding registers the appeal at the competent body with a new coupon and a new 15-day clock', async () => {
    now = new Date('2026-03-30T05:00:00Z');
    const { applicationId } = await file();
    now = new Date('2026-03-31T05:00:00Z');
    await forwardAppeal(deps, {
      applicationId,
      actor: world.officer,
      toBodyCode: 'ministry-digital',
      reason: 'A question of e-government services',
    });
    const forwarded = await appealView(deps, applicationId, world.ministryOfficer);
    const law = registrationAtReceivingBody(now, kz);
    expect(forwarded.coupons.map((c) => c.bodyCode)).toEqual(['akimat-almaty', 'ministry-digital']);
    expect(forwarded.state.couponNumber).toMatch(/^MINISTRY-DIGITAL-2026-/);
    expect(forwarded.state.term?.lastDay).toBe(law.decisionTerm.lastDay);
    expect((await pending(applicationId)).map((d) => [d.clock_id, d.due_date])).toEqual([
      ['decision-competent-body', law.decisionTerm.lastDay],
    ]);
    expect(forwarded.latest?.status).toBe('forwarded');
    // The first body can no longer act on it.
    expect(
      (await refusal(notifyHearing(deps, { applicationId, actor: world.officer, reasons: 'x' })))
        .code,
    ).toBe('SERVICES_ROLE_NOT_ALLOWED');
  });
});

describe('deemed refusal and complaint', () => {
  it('when the term passes the appeal is deemed refused once, even with two app instances, and the complaint is filed in one step', async () => {
    now = new Date('2026-03-20T05:00:00Z');
    const { applicationId, couponNumber } = await file();
    const [deadline] = await pending(applicationId);
    // The last day is still on time.
    now = new Date('2026-04-15T18:59:00Z');
    expect(await fireDeadline(deps.engine, deadline!.id)).toBe('not-due');

    const db = createDatabase(test.database.url, { max: 3 });
    const second = await buildApp({
      config: test.config,
      db,
      deploymentKey: generateDeploymentKey(),
      now: () => now,
    });
    await second.ready();
    others.push({ app: second, db });
    now = new Date('2026-04-15T19:00:00Z'); // midnight in Almaty after 15 April
    await Promise.all([
      fireDeadline(deps.engine, deadline!.id),
      fireDeadline(second.servicesEngine, deadline!.id),
      sweepDueDeadlines(second.servicesEngine),
    ]);
    const refused = await view(applicationId);
    expect(refused.state.status).toBe('deemed-refused');
    expect(refused.application.status.state).toBe('deemed-refused');
    const actions = await sql<{
      n: string;
    }>`select count(*) as n from otinish_action where application_id = ${applicationId} and type = 'deemed-refused'`.execute(
      test.database.db,
    );
    expect(Number(actions.rows[0]!.n)).toBe(1);
    expect(
      (await latestStatus(app.platform.db, { kind: 'appeal', id: applicationId }))?.status,
    ).toBe('deemed-refused');

    const draft = await complaintDraft(deps, { applicationId, actor: world.citizen });
    expect(draft).toMatchObject({
      addresseeBodyCode: 'government',
      grounds: 'deemed-refusal',
      appealReference: couponNumber,
    });
    const complaint = await fileComplaint(deps, { applicationId, actor: world.citizen, t });
    expect(complaint.bodyCode).toBe('government');
    expect(complaint.couponNumber).toMatch(/^GOVERNMENT-2026-/);
    const original = await view(applicationId);
    expect(original.state.status).toBe('complaint-filed');
    expect(original.latest?.status).toBe('complaint-filed');
    expect(
      (await refusal(fileComplaint(deps, { applicationId, actor: world.citizen, t }))).code,
    ).toBe('OTINISH_COMPLAINT_ALREADY_FILED');
  });

  it('a complaint after 3 months needs a restoration reason', async () => {
    now = new Date('2026-03-20T05:00:00Z');
    const { applicationId } = await file();
    await answerAppeal(deps, {
      applicationId,
      actor: world.officer,
      adverse: false,
      answer: { text: 'Done', legalGrounds: 'Roads Act', appealRoute: 'Government, 3 months' },
    });
    now = new Date('2026-07-01T05:00:00Z');
    const late = await refusal(fileComplaint(deps, { applicationId, actor: world.citizen, t }));
    expect(late.code).toBe('OTINISH_COMPLAINT_WINDOW_CLOSED');
    expect(late.fields[0]?.field).toBe('restorationReason');
    const filed = await fileComplaint(deps, {
      applicationId,
      actor: world.citizen,
      t,
      restorationReason: 'I was in hospital',
    });
    expect(filed.bodyCode).toBe('government');
  });
});

describe('similar appeals and proposals', () => {
  it('officers see similar appeals as a cluster; citizens find and join a public proposal', async () => {
    now = new Date('2026-03-20T05:00:00Z');
    const place = { category: 'ecology', region: 'almaty', district: 'Medeu district' };
    const a = await file(
      appealForm({ ...place, kind: 'proposal', topic: 'Plant trees in Medeu park' }),
    );
    const b = await file(
      appealForm({ ...place, topic: 'Plant more trees in Medeu park' }),
      world.neighbour,
    );
    await file(appealForm({ ...place, topic: 'Broken street lights' }));
    const clusters = await similarClusters(deps, world.officer);
    expect(
      clusters.some(
        (c) =>
          c
            .map((x) => x.id)
            .sort()
            .join() === [a.applicationId, b.applicationId].sort().join(),
      ),
    ).toBe(true);
    const found = await similarProposals(deps, { ...place, topic: 'Trees in Medeu park please' });
    expect(found.map((p) => p.id)).toEqual([a.applicationId]);
    expect(
      await joinProposal(deps, { applicationId: a.applicationId, actor: world.neighbour }),
    ).toBe(true);
    expect(
      await joinProposal(deps, { applicationId: a.applicationId, actor: world.neighbour }),
    ).toBe(false);
    expect(
      (await refusal(joinProposal(deps, { applicationId: a.applicationId, actor: world.citizen })))
        .code,
    ).toBe('OTINISH_OWN_PROPOSAL');
    expect(
      (await refusal(joinProposal(deps, { applicationId: b.applicationId, actor: world.citizen })))
        .code,
    ).toBe('OTINISH_NOT_A_PUBLIC_PROPOSAL');
    expect((await view(a.applicationId)).supporters).toBe(1);
  });

  it('public statistics count received, on time, overdue, extended and forwarded per body', async () => {
    now = new Date('2026-08-01T05:00:00Z');
    const stats = await publicStatistics(deps);
    const akimat = stats.byAgency.find((row) => row.key === 'akimat-almaty')!;
    expect(akimat.received).toBeGreaterThan(5);
    expect(akimat.extended).toBe(1);
    expect(akimat.forwarded).toBe(1);
    expect(akimat.overdue).toBeGreaterThan(0);
    expect(akimat.decidedOnTime).toBeGreaterThanOrEqual(2);
    expect(stats.byRegion.map((row) => row.key)).toContain('almaty');
  });
});
