import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/support/test-app.js';
import { PNG } from '../../../platform/files/test-content.js';
import type { DomainError } from '../../../platform/errors.js';
import { addDays, localDate } from '../../../platform/calendar/local-date.js';
import { endOfLocalDay as deadlineInstant } from '../../../platform/calendar/local-day-bounds.js';
import { parkingPermit } from '../test/parking-permit.js';
import { createTestPorts } from '../test/ports.js';
import { SERVICE_IIN, seedWorld, type World } from '../test/world.js';
import { verifyDocument } from '../../trust/index.js';
import { signedDecisions } from '../domain/signed-decisions.js';
import { DECISION_DOCUMENT_KIND } from './decision-signer.js';
import { uploadAttachment } from './attachments.js';
import { fireDeadline, sweepDueDeadlines } from './clocks.js';
import { servicesDeps } from './deps.js';
import { ServicesEngine } from './engine.js';
import { assignApplication, performTransition } from './perform-transition.js';
import { getApplication, listMyApplications, officerQueue } from './queries.js';
import { submitApplication } from './submit-application.js';

// Tuesday 10 March 2026, 10:00 in Almaty.
let now = new Date('2026-03-10T05:00:00Z');
let test: TestApp;
let engine: ServicesEngine;
let world: World;

const form = {
  address: 'Abai avenue 10, Almaty',
  plate: '123ABC02',
  zone: 'centre',
  months: '6',
  startDate: '2026-04-01',
  ownsVehicle: 'yes',
};

const failure = async (promise: Promise<unknown>): Promise<DomainError> => {
  try {
    await promise;
  } catch (error) {
    return error as DomainError;
  }
  throw new Error('expected a refusal');
};
const rows = async (table: string, where = sql`true`) =>
  (
    await sql<Record<string, unknown>>`select * from ${sql.table(table)} where ${where}`.execute(
      test.database.db,
    )
  ).rows;
const count = async (table: string) => (await rows(table)).length;
const audit = async (action: string) =>
  (
    await sql<{
      outcome: string;
      actor: string;
      subject: string;
      details: Record<string, unknown>;
    }>`select outcome, actor, subject, details from audit_log where action = ${action} order by seq`.execute(
      test.database.db,
    )
  ).rows;

beforeAll(async () => {
  test = await createTestApp({ now: () => now });
  world = await seedWorld(test.app);
  const ports = await createTestPorts(test.database.db);
  // Decisions are signed by the real trust block, as app.ts wires it.
  engine = new ServicesEngine(servicesDeps(test.app.platform), {
    ...ports,
    decisions: test.app.servicesEngine.ports.decisions!,
  });
  engine.register(parkingPermit);
  await sql`insert into test_resident (address) values ('Abai avenue 10, Almaty'), ('Dostyk 5, Almaty')`.execute(
    test.database.db,
  );
  await sql`insert into test_fine (plate) values ('777AAA02')`.execute(test.database.db);
});
afterAll(() => test.close());

describe('submitApplication', () => {
  it('stores the application, its submit action and check findings, and starts its clock', async () => {
    const submitted = await submitApplication(engine, {
      serviceId: 'parking-permit',
      actor: world.citizen,
      values: form,
    });
    expect(submitted.reference).toMatch(/^2026-\d{6}$/);
    expect(submitted.state).toBe('submitted');
    expect(submitted.warnings).toEqual([]);
    const view = await getApplication(engine, submitted.id, world.citizen);
    expect(view.actions.map((a) => [a.action, a.actorRole])).toEqual([
      ['submit', 'applicant'],
      ['check', 'system'],
      ['check', 'system'],
    ]);
    expect(view.row.form_values).toMatchObject({ months: 6, ownsVehicle: true });
    const [clock] = view.clocks;
    // 15 working days after Tuesday 10 March 2026, skipping the Nauryz days off.
    expect(clock).toMatchObject({
      id: 'decision',
      status: 'running',
      dueDate: '2026-04-03',
      daysLeft: 15,
    });
    const deadlines = await rows('services_deadline', sql`application_id = ${submitted.id}`);
    expect(deadlines).toHaveLength(1);
    expect(deadlines[0]).toMatchObject({ status: 'pending', clock_id: 'decision' });
    expect((deadlines[0]!.due_at as Date).toISOString()).toBe(
      deadlineInstant('2026-04-03', 'Asia/Almaty').toISOString(),
    );
    expect((await audit('services.submit')).at(-1)).toMatchObject({
      outcome: 'success',
      subject: submitted.id,
    });
  });

  it('refuses an invalid form with one problem per field, writing nothing', async () => {
    const before = await count('services_application');
    const error = await failure(
      submitApplication(engine, {
        serviceId: 'parking-permit',
        actor: world.citizen,
        values: { ...form, plate: 'abc', ownsVehicle: 'no', ownerId: '123' },
      }),
    );
    expect(error.code).toBe('SERVICES_FORM_INVALID');
    expect(error.status).toBe(400);
    expect(error.fields).toEqual([
      { field: 'plate', code: 'SERVICES_FIELD_PATTERN' },
      { field: 'ownerId', code: 'IDENTITY_ID_WRONG_LENGTH', params: { label: 'IIN' } },
    ]);
    expect(await count('services_application')).toBe(before);
  });

  it('refuses when a blocking check fails, and records a warning check without refusing', async () => {
    const before = await count('services_action');
    const error = await failure(
      submitApplication(engine, {
        serviceId: 'parking-permit',
        actor: world.citizen,
        values: { ...form, address: 'Nowhere street 1' },
      }),
    );
    expect([error.code, error.status, error.fields]).toEqual([
      'SERVICES_CHECK_FAILED',
      422,
      [{ field: 'address', code: 'SERVICES_CHECK_FAILED' }],
    ]);
    expect(await count('services_action')).toBe(before);
    const warned = await submitApplication(engine, {
      serviceId: 'parking-permit',
      actor: world.citizen,
      values: { ...form, plate: '777AAA02' },
    });
    expect(warned.warnings).toEqual([{ check: 'fines', code: 'SERVICES_CHECK_FAILED' }]);
    const checks = (await getApplication(engine, warned.id, world.citizen)).actions.filter(
      (a) => a.action === 'check',
    );
    expect(checks.map((c) => c.payload)).toEqual([
      { check: 'resident', name: 'is-resident', severity: 'blocking', passed: true },
      {
        check: 'fines',
        name: 'has-unpaid-fines',
        severity: 'warning',
        passed: false,
        code: 'SERVICES_CHECK_FAILED',
        details: { fines: 1 },
      },
    ]);
  });

  it('refuses an unknown service and an applicant the service is not for', async () => {
    expect(
      (
        await failure(
          submitApplication(engine, { serviceId: 'nope', actor: world.citizen, values: {} }),
        )
      ).code,
    ).toBe('SERVICES_NOT_FOUND');
    const organisationOnly = {
      ...structuredClone(parkingPermit),
      id: 'business-permit',
      applicants: [{ kind: 'organisation' as const }],
    };
    engine.register(organisationOnly);
    const error = await failure(
      submitApplication(engine, {
        serviceId: 'business-permit',
        actor: world.citizen,
        values: form,
      }),
    );
    expect([error.code, error.status]).toEqual(['SERVICES_APPLICANT_NOT_ALLOWED', 403]);
  });
});

describe('registering definitions', () => {
  it('refuses a changed definition under a version already registered, and keeps old versions', () => {
    const changed = structuredClone(parkingPermit);
    changed.names.en = 'Parking permit (new wording)';
    const conflict = (() => {
      try {
        engine.register(changed);
      } catch (error) {
        return error as DomainError;
      }
      return undefined;
    })();
    expect([conflict?.code, conflict?.status]).toEqual(['SERVICES_DEFINITION_CONFLICT', 409]);
    expect(engine.register(structuredClone(parkingPermit)).names.en).toBe(
      'Resident parking permit',
    );
    const second = new ServicesEngine(engine.deps, engine.ports);
    second.register(parkingPermit);
    second.register({ ...changed, version: 2 });
    expect(second.get('parking-permit').version).toBe(2);
    expect(second.forApplication('parking-permit', 1).names.en).toBe('Resident parking permit');
  });

  it('refuses a definition that needs a port nobody wired', () => {
    const bare = new ServicesEngine(engine.deps, {});
    expect(() => bare.register(parkingPermit)).toThrow(
      /SERVICES_DEFINITION_UNKNOWN_CHECK[\s\S]*SERVICES_DEFINITION_OUTPUT_NOT_WIRED/,
    );
  });
});

describe('attachments', () => {
  it('refuses a file that is too large or of the wrong type before storing it', async () => {
    const before = await count('platform_file');
    const big = await failure(
      uploadAttachment(engine, {
        serviceId: 'parking-permit',
        field: 'proof',
        content: Buffer.concat([PNG, Buffer.alloc(3000)]),
        originalName: 'a.png',
        actor: world.citizen,
      }),
    );
    expect([big.code, big.status, big.params]).toEqual([
      'SERVICES_ATTACHMENT_TOO_LARGE',
      413,
      { limit: '2 KB' },
    ]);
    const text = await failure(
      uploadAttachment(engine, {
        serviceId: 'parking-permit',
        field: 'proof',
        content: Buffer.from('just text, not a scan'),
        originalName: 'a.txt',
        actor: world.citizen,
      }),
    );
    expect([text.code, text.status]).toEqual(['FILES_TYPE_NOT_ALLOWED', 415]);
    const notAttachment = await failure(
      uploadAttachment(engine, {
        serviceId: 'parking-permit',
        field: 'plate',
        content: PNG,
        originalName: 'a.png',
        actor: world.citizen,
      }),
    );
    expect(notAttachment.code).toBe('SERVICES_FIELD_NOT_ATTACHMENT');
    expect(await count('platform_file')).toBe(before);
  });

  it('accepts a file of the field’s type, only for the person who uploaded it', async () => {
    const file = await uploadAttachment(engine, {
      serviceId: 'parking-permit',
      field: 'proof',
      content: PNG,
      originalName: 'proof.png',
      actor: world.citizen,
    });
    const stolen = await failure(
      submitApplication(engine, {
        serviceId: 'parking-permit',
        actor: world.neighbour,
        values: { ...form, proof: [file.id] },
      }),
    );
    expect(stolen.fields).toEqual([{ field: 'proof', code: 'SERVICES_FIELD_ATTACHMENT_UNKNOWN' }]);
    const made = await submitApplication(engine, {
      serviceId: 'parking-permit',
      actor: world.citizen,
      values: { ...form, proof: [file.id] },
    });
    expect((await getApplication(engine, made.id, world.citizen)).row.form_values.proof).toEqual([
      file.id,
    ]);
  });
});

describe('transitions, roles and clocks', () => {
  it('works an application through review, a request for information, an extension and a grant', async () => {
    now = new Date('2026-03-10T05:00:00Z');
    const { id } = await submitApplication(engine, {
      serviceId: 'parking-permit',
      actor: world.citizen,
      values: form,
    });
    await performTransition(engine, {
      applicationId: id,
      transitionId: 'take',
      actor: world.officer,
    });

    const noReason = await failure(
      performTransition(engine, {
        applicationId: id,
        transitionId: 'ask',
        actor: world.officer,
        reason: ' ',
      }),
    );
    expect([noReason.code, noReason.fields]).toEqual([
      'SERVICES_REASON_REQUIRED',
      [{ field: 'reason', code: 'SERVICES_REASON_REQUIRED' }],
    ]);

    now = new Date('2026-03-12T05:00:00Z'); // Thursday: 2 working days used
    await performTransition(engine, {
      applicationId: id,
      transitionId: 'ask',
      actor: world.officer,
      reason: 'Send the lease',
    });
    let view = await getApplication(engine, id, world.citizen);
    expect(view.status.state).toBe('more-info');
    expect(view.clocks[0]).toMatchObject({ status: 'paused', remaining: 13, daysLeft: 13 });
    expect(
      await rows('services_deadline', sql`application_id = ${id} and status = 'pending'`),
    ).toEqual([]);
    expect(await rows('test_notice', sql`application_id = ${id}`)).toEqual([
      expect.objectContaining({
        template: 'more-info',
        state: 'more-info',
        action: 'ask',
        person_id: world.citizen.personId,
      }),
    ]);

    now = new Date('2026-03-30T05:00:00Z'); // Monday after Nauryz
    await performTransition(engine, {
      applicationId: id,
      transitionId: 'answer',
      actor: world.citizen,
    });
    view = await getApplication(engine, id, world.officer);
    expect(view.clocks[0]).toMatchObject({
      status: 'running',
      dueDate: '2026-04-16',
      daysLeft: 13,
    });

    const officerExtends = await failure(
      performTransition(engine, {
        applicationId: id,
        transitionId: 'extend',
        actor: world.officer,
        reason: 'Busy',
      }),
    );
    expect(officerExtends.code).toBe('SERVICES_ROLE_NOT_ALLOWED');
    await performTransition(engine, {
      applicationId: id,
      transitionId: 'extend',
      actor: world.head,
      reason: 'Site visit needed',
    });
    view = await getApplication(engine, id, world.officer);
    expect(view.clocks[0]).toMatchObject({
      status: 'running',
      dueDate: '2026-05-18',
      extensions: 1,
    });
    const pending = await rows(
      'services_deadline',
      sql`application_id = ${id} and status = 'pending'`,
    );
    expect(pending.map((d) => (d.due_at as Date).toISOString())).toEqual([
      deadlineInstant('2026-05-18', 'Asia/Almaty').toISOString(),
    ]);

    await performTransition(engine, {
      applicationId: id,
      transitionId: 'grant',
      actor: world.head,
    });
    view = await getApplication(engine, id, world.citizen);
    expect([view.status.state, view.status.final, view.row.state]).toEqual([
      'granted',
      true,
      'granted',
    ]);
    expect(view.clocks[0]!.status).toBe('stopped');
    const documents = await rows('test_document', sql`application_id = ${id}`);
    expect(documents).toEqual([
      expect.objectContaining({
        template: 'permit',
        decided_by: world.head.accountId,
        decision: 'grant',
      }),
    ]);
    const records = await rows('test_registry_record', sql`application_id = ${id}`);
    expect(records).toEqual([
      expect.objectContaining({
        registry: 'parking-permits',
        record: { plate: '123ABC02', zone: 'centre' },
      }),
    ]);
    expect(view.actions.at(-1)!.payload).toEqual({
      decisionDocument: expect.objectContaining({ documentId: expect.any(String) }),
      documents: [documents[0]!.id],
      registryRecords: [{ registry: 'parking-permits', recordId: records[0]!.id }],
    });
    // Every officer's step is a decision signed by that officer's own certificate.
    const signed = signedDecisions(view.actions);
    expect(signed.map((d) => d.action)).toEqual(
      view.actions
        .filter((a) => !['applicant', 'system'].includes(a.actorRole) && a.action !== 'assign')
        .map((a) => a.action),
    );
    const grant = await verifyDocument(test.app.trust, signed.at(-1)!.documentId);
    expect(grant).toMatchObject({
      status: 'valid',
      document: {
        kind: DECISION_DOCUMENT_KIND,
        issuerKind: 'officer',
        issuerName: `Officer ${SERVICE_IIN.head.slice(0, 4)}`,
        registerNumber: `${view.row.reference}/${signed.at(-1)!.seq}`,
      },
    });
    expect(
      await rows('services_deadline', sql`application_id = ${id} and status = 'pending'`),
    ).toEqual([]);
    const again = await failure(
      performTransition(engine, {
        applicationId: id,
        transitionId: 'refuse',
        actor: world.head,
        reason: 'x',
      }),
    );
    expect([again.code, again.status]).toEqual(['SERVICES_TRANSITION_NOT_AVAILABLE', 409]);
  });

  it('refuses and audits a decision by a role the step does not allow, changing nothing', async () => {
    now = new Date('2026-03-10T05:00:00Z');
    const { id } = await submitApplication(engine, {
      serviceId: 'parking-permit',
      actor: world.citizen,
      values: form,
    });
    await performTransition(engine, {
      applicationId: id,
      transitionId: 'take',
      actor: world.officer,
    });
    for (const actor of [world.officer, world.citizen, world.foreignOfficer]) {
      const error = await failure(
        performTransition(engine, { applicationId: id, transitionId: 'grant', actor }),
      );
      expect([error.code, error.status]).toEqual(['SERVICES_ROLE_NOT_ALLOWED', 403]);
    }
    const refusals = (await audit('services.transition')).filter(
      (e) => e.outcome === 'failure' && e.subject === id,
    );
    expect(
      refusals.map((e) => [e.actor, e.details.code, e.details.transition, e.details.state]),
    ).toEqual([
      [world.officer.accountId, 'SERVICES_ROLE_NOT_ALLOWED', 'grant', 'in-review'],
      [world.citizen.accountId, 'SERVICES_ROLE_NOT_ALLOWED', 'grant', 'in-review'],
      [world.foreignOfficer.accountId, 'SERVICES_ROLE_NOT_ALLOWED', 'grant', 'in-review'],
    ]);
    expect((await getApplication(engine, id, world.officer)).status.state).toBe('in-review');
    expect(await rows('test_document', sql`application_id = ${id}`)).toEqual([]);
    const stranger = await failure(getApplication(engine, id, world.neighbour));
    expect(stranger.code).toBe('SERVICES_APPLICATION_NOT_FOUND');
  });

  it('forwards an application to another agency, whose officers then hold it', async () => {
    const { id } = await submitApplication(engine, {
      serviceId: 'parking-permit',
      actor: world.citizen,
      values: form,
    });
    const nowhere = await failure(
      performTransition(engine, {
        applicationId: id,
        transitionId: 'forward',
        actor: world.officer,
        reason: 'Not ours',
        agencyCode: 'no-such',
      }),
    );
    expect(nowhere.code).toBe('SERVICES_AGENCY_UNKNOWN');
    await performTransition(engine, {
      applicationId: id,
      transitionId: 'forward',
      actor: world.officer,
      reason: 'Not ours',
      agencyCode: 'ministry-digital',
    });
    const view = await getApplication(engine, id, world.foreignOfficer);
    expect([view.status.agencyCode, view.row.agency_code, view.status.state]).toEqual([
      'ministry-digital',
      'ministry-digital',
      'submitted',
    ]);
    expect(
      (
        await failure(
          performTransition(engine, {
            applicationId: id,
            transitionId: 'take',
            actor: world.officer,
          }),
        )
      ).code,
    ).toBe('SERVICES_ROLE_NOT_ALLOWED');
    await performTransition(engine, {
      applicationId: id,
      transitionId: 'take',
      actor: world.foreignOfficer,
    });
    expect((await officerQueue(engine, world.foreignOfficer)).map((s) => s.row.id)).toContain(id);
    expect((await officerQueue(engine, world.officer)).map((s) => s.row.id)).not.toContain(id);
  });

  it('assigns: an officer takes an application, the head reassigns it, nobody else may', async () => {
    const { id } = await submitApplication(engine, {
      serviceId: 'parking-permit',
      actor: world.citizen,
      values: form,
    });
    await assignApplication(engine, {
      applicationId: id,
      assigneeAccountId: world.officer.accountId,
      actor: world.officer,
    });
    const grab = await failure(
      assignApplication(engine, {
        applicationId: id,
        assigneeAccountId: world.otherOfficer.accountId,
        actor: world.otherOfficer,
      }),
    );
    expect(grab.code).toBe('SERVICES_ROLE_NOT_ALLOWED');
    const outsider = await failure(
      assignApplication(engine, {
        applicationId: id,
        assigneeAccountId: world.foreignOfficer.accountId,
        actor: world.head,
      }),
    );
    expect(outsider.code).toBe('SERVICES_ASSIGNEE_NOT_OFFICER');
    await assignApplication(engine, {
      applicationId: id,
      assigneeAccountId: world.otherOfficer.accountId,
      actor: world.head,
    });
    const view = await getApplication(engine, id, world.officer);
    expect(view.status.assigneeAccountId).toBe(world.otherOfficer.accountId);
    expect(view.row.assignee_account_id).toBe(world.otherOfficer.accountId);
    expect(
      (await audit('services.assign')).filter((e) => e.subject === id).map((e) => e.outcome),
    ).toEqual(['success', 'failure', 'success']);
  });

  it('keeps the history append-only', async () => {
    await expect(
      sql`update services_action set reason = 'changed'`.execute(test.database.db),
    ).rejects.toThrow(/append-only/);
    await expect(sql`delete from services_action`.execute(test.database.db)).rejects.toThrow(
      /append-only/,
    );
  });
});

describe('deadlines', () => {
  it('fires once when the clock runs out: the system refuses and the applicant is told', async () => {
    now = new Date('2026-03-10T05:00:00Z');
    const { id } = await submitApplication(engine, {
      serviceId: 'parking-permit',
      actor: world.citizen,
      values: form,
    });
    const [deadline] = await rows('services_deadline', sql`application_id = ${id}`);
    expect(await fireDeadline(engine, deadline!.id as string)).toBe('not-due');
    now = deadlineInstant('2026-04-03', 'Asia/Almaty');
    expect(localDate(now, 'Asia/Almaty')).toBe(addDays('2026-04-03', 1));
    expect(await fireDeadline(engine, deadline!.id as string)).toBe('fired');
    expect(await fireDeadline(engine, deadline!.id as string)).toBe('already-closed');
    const view = await getApplication(engine, id, world.citizen);
    expect(view.status.state).toBe('refused');
    expect(view.actions.slice(-2).map((a) => [a.action, a.actorRole, a.actorAccountId])).toEqual([
      ['clock-expired', 'system', null],
      ['deem-refused', 'system', null],
    ]);
    expect((await rows('test_notice', sql`application_id = ${id}`)).map((n) => n.template)).toEqual(
      ['deemed-refused'],
    );
    // The sweep fires the other applications' due deadlines, never this one a second time.
    await sweepDueDeadlines(engine);
    const expired = (await getApplication(engine, id, world.citizen)).actions.filter(
      (a) => a.action === 'clock-expired',
    );
    expect(expired).toHaveLength(1);
    expect(await sweepDueDeadlines(engine)).toBe(0);
  });

  it('a stale deadline (the clock was paused) is cancelled, not fired', async () => {
    now = new Date('2026-03-10T05:00:00Z');
    const { id } = await submitApplication(engine, {
      serviceId: 'parking-permit',
      actor: world.citizen,
      values: form,
    });
    const [deadline] = await rows('services_deadline', sql`application_id = ${id}`);
    await performTransition(engine, {
      applicationId: id,
      transitionId: 'take',
      actor: world.officer,
    });
    await performTransition(engine, {
      applicationId: id,
      transitionId: 'ask',
      actor: world.officer,
      reason: 'More',
    });
    now = new Date('2026-05-01T00:00:00Z');
    expect(await fireDeadline(engine, deadline!.id as string)).toBe('already-closed');
    expect((await getApplication(engine, id, world.citizen)).status.state).toBe('more-info');
  });

  it('lists my applications and the officer queue with the time left on every clock', async () => {
    now = new Date('2026-03-10T05:00:00Z');
    const mine = await listMyApplications(engine, world.citizen.personId);
    expect(mine.length).toBeGreaterThan(3);
    expect(await listMyApplications(engine, world.neighbour.personId)).toEqual([]);
    const queue = await officerQueue(engine, world.officer);
    expect(queue.every((s) => s.row.agency_code === 'akimat-almaty' && !s.status.final)).toBe(true);
    const left = queue.map((s) => s.clocks[0]!.daysLeft ?? Infinity);
    expect(left.filter((d) => d !== Infinity).length).toBeGreaterThan(0);
    expect((await failure(officerQueue(engine, world.citizen))).code).toBe(
      'SERVICES_ROLE_NOT_ALLOWED',
    );
  });
});
