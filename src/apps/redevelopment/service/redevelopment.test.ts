import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/support/test-app.js';
import { performTransition, uploadAttachment, type Actor } from '../../../blocks/services/index.js';
import { verifyByCode } from '../../../blocks/trust/index.js';
import type { DomainError } from '../../../platform/errors.js';
import { IFC, PNG, pdf } from '../../../platform/files/test-content.js';
import { PLAN_MAX_BYTES, REDEV_SERVICE } from '../definition/redevelopment-service.js';
import {
  changeRecord,
  fixedClock,
  planForm,
  seedWorld,
  WORLD,
  type RedevWorld,
} from '../test/world.js';
import { decideAudit, restrictedArchitects } from './audits.js';
import { answerConsent } from './consents.js';
import { createRedevDeps, type RedevDeps } from './deps.js';
import { fileRedevelopment } from './file-plan.js';
import { filingView, myFilings, myPlanHistory } from './queries.js';

const clock = fixedClock();
let test: TestApp;
let world: RedevWorld;
let deps: RedevDeps;

const refusal = async (promise: Promise<unknown>): Promise<DomainError> => {
  try {
    await promise;
  } catch (error) {
    return error as DomainError;
  }
  throw new Error('expected a refusal');
};
const count = async (table: string) =>
  Number(
    (
      await sql<{ n: string }>`select count(*) as n from ${sql.table(table)}`.execute(
        test.app.platform.db,
      )
    ).rows[0]!.n,
  );
const written = async () => ({
  filings: await count('redev_filing'),
  registrations: await count('redev_registration'),
  documents: await count('trust_document'),
  applications: await count('services_application'),
});

const upload = (actor: Actor, content: Buffer = pdf('plan'), name = 'plan.pdf') =>
  uploadAttachment(deps.engine, {
    serviceId: REDEV_SERVICE,
    field: 'plan',
    content,
    originalName: name,
    actor,
  });
const file = async (actor: Actor, changes: Record<string, string> = {}) => {
  const plan = await upload(actor);
  return fileRedevelopment(deps, actor, { ...planForm(changes), plan: [plan.id] });
};

beforeAll(async () => {
  test = await createTestApp({ now: clock.now });
  world = await seedWorld(test.app);
  deps = createRedevDeps(test.app);
});
afterAll(() => test.close());

describe('a self-certified redevelopment', () => {
  let id = '';
  it('is filed on the registry facts and waits for the flat owner’s consent', async () => {
    const filed = await file(world.architect);
    id = filed.applicationId;
    const view = await filingView(deps, world.architect, id);
    expect(view.summary.state).toBe('awaiting-consents');
    expect(view.flat.address).toContain('Әл-Фараби');
    expect(view.owners).toEqual([{ kind: 'person', id: WORLD.owner, share: '1/1' }]);
    expect(view.licence).toBe(WORLD.licence);
    expect(view.consents.status.waitingForFlatOwners).toEqual([`person:${WORLD.owner}`]);
    // The owner was asked in the inbox.
    const { rows } = await sql<{ n: string }>`
      select count(*) as n from messaging_inbox_message m
      join identity_account a on a.person_id = m.recipient_person_id
      where a.id = ${world.owner.accountId}`.execute(test.app.platform.db);
    expect(Number(rows[0]!.n)).toBeGreaterThan(0);
    // The architect signed the self-certification with their own certificate.
    const filing = await test.app.platform.db
      .selectFrom('redev_filing')
      .select('self_certification')
      .where('application_id', '=', id)
      .executeTakeFirstOrThrow();
    const code = filing.self_certification.verificationCode;
    const signed = await verifyByCode(deps.trust, code, {
      actorAccountId: null,
      channel: 'internal',
    });
    expect(signed).toMatchObject({
      status: 'valid',
      document: { kind: 'redevelopment.self-certification', issuerKind: 'architect' },
    });
  });

  it('is registered at once on the owner’s consent: plan version, signed document, notices', async () => {
    await answerConsent(deps, world.owner, id, 'given');
    const view = await filingView(deps, world.owner, id);
    expect(view.summary.state).toBe('registered');
    expect(view.summary.registration).toMatch(/^RP-2026-\d{6}$/);
    expect(view.document).not.toBeNull();
    const verified = await verifyByCode(deps.trust, view.document!.code, {
      actorAccountId: null,
      channel: 'api',
    });
    expect(verified.status).toBe('valid');
    const plans = await sql<{ data: Record<string, unknown> }>`
      select r.data from registry_record r join registry g on g.id = r.registry_id
      where g.name = 'flat-plans'`.execute(test.app.platform.db);
    expect(plans.rows.map((r) => r.data)).toContainEqual(
      expect.objectContaining({
        cadastralNumber: WORLD.flat,
        planVersion: 2,
        status: 'registered',
      }),
    );
    const history = await myPlanHistory(deps, { ...world.owner, name: 'Owner' });
    expect(history.find((h) => h.cadastralNumber === WORLD.flat)?.filings[0]?.id).toBe(id);
    expect((await myFilings(deps, world.architect)).map((f) => f.id)).toContain(id);
  });

  it('refuses a second answer and anyone who is not asked', async () => {
    expect((await refusal(answerConsent(deps, world.owner, id, 'refused'))).code).toBe(
      'REDEV_CONSENT_CLOSED',
    );
    expect((await refusal(answerConsent(deps, world.neighbour, id, 'given'))).code).toBe(
      'REDEV_NOT_AN_OWNER',
    );
    expect((await refusal(filingView(deps, world.neighbour, id))).code).toBe(
      'REDEV_FILING_NOT_FOUND',
    );
  });
});

describe('refusals: nothing is registered', () => {
  it('refuses a flat that does not exist', async () => {
    const before = await written();
    const error = await refusal(file(world.architect, { cadastralNumber: '20:311:004:017:1/999' }));
    expect(error.code).toBe('SERVICES_CHECK_FAILED');
    expect(error.fields).toContainEqual({ field: 'cadastralNumber', code: 'REDEV_FLAT_NOT_FOUND' });
    expect(await written()).toEqual(before);
  });

  it('refuses self-certifying a change that needs expert review', async () => {
    const before = await written();
    const changes: Record<string, string>[] = [
      { loadBearingWalls: '1' },
      { gasChanged: 'yes' },
      { commonPropertyAffected: 'yes' },
    ];
    for (const change of changes) {
      const error = await refusal(file(world.architect, change));
      expect(error.fields).toContainEqual({ field: 'route', code: 'REDEV_NEEDS_EXPERT_REVIEW' });
    }
    expect(await written()).toEqual(before);
  });

  it.each([
    [{ status: 'suspended' }, 'REDEV_LICENCE_SUSPENDED'],
    [{ status: 'revoked' }, 'REDEV_LICENCE_REVOKED'],
    [{ validTo: '2026-03-19' }, 'REDEV_LICENCE_EXPIRED'],
    [{ category: 'III' }, 'REDEV_LICENCE_CATEGORY'],
  ])('refuses an architect whose licence has %o', async (change, code) => {
    await changeRecord(test.app, 'licences', { number: 'ARC-2020-00500' }, change);
    try {
      const before = await written();
      const error = await refusal(file(world.otherArchitect));
      expect(error.code).toBe(code);
      expect(error.status).toBe(403);
      expect(await written()).toEqual(before);
    } finally {
      await changeRecord(
        test.app,
        'licences',
        { number: 'ARC-2020-00500' },
        {
          status: 'active',
          validTo: '2030-01-10',
          category: 'II',
        },
      );
    }
  });

  it('refuses someone with no architect licence', async () => {
    expect((await refusal(file(world.neighbour))).code).toBe('REDEV_NOT_AN_ARCHITECT');
  });

  it('refuses a plan that is not a PDF, or too large, before storing it', async () => {
    const files = await count('platform_file');
    expect((await refusal(upload(world.architect, PNG, 'plan.png'))).code).toBe(
      'FILES_TYPE_NOT_ALLOWED',
    );
    expect(await count('platform_file')).toBe(files);
    const tooLarge = await refusal(
      upload(world.architect, Buffer.concat([pdf('plan'), Buffer.alloc(PLAN_MAX_BYTES, ' ')])),
    );
    expect(tooLarge.status).toBe(413);
    expect(await count('platform_file')).toBe(files);
  });

  it('takes an IFC building model beside the plan; anything else in its place is refused unstored', async () => {
    const files = await count('platform_file');
    const notModel = await refusal(
      uploadAttachment(deps.engine, {
        serviceId: REDEV_SERVICE,
        field: 'model',
        content: pdf('plan'),
        originalName: 'model.pdf',
        actor: world.architect,
      }),
    );
    expect(notModel.code).toBe('FILES_TYPE_NOT_ALLOWED');
    expect(await count('platform_file')).toBe(files);
    const model = await uploadAttachment(deps.engine, {
      serviceId: REDEV_SERVICE,
      field: 'model',
      content: IFC,
      originalName: 'flat-15.ifc',
      actor: world.architect,
    });
    const plan = await upload(world.architect);
    const filed = await fileRedevelopment(deps, world.architect, {
      ...planForm({}),
      plan: [plan.id],
      model: [model.id],
    });
    const stored = await test.app.platform.db
      .selectFrom('services_application')
      .select('form_values')
      .where('id', '=', filed.applicationId)
      .executeTakeFirstOrThrow();
    expect((stored.form_values as Record<string, unknown>).model).toEqual([model.id]);
  });

  it('registers nothing when the flat owner refuses', async () => {
    const filed = await file(world.architect);
    await answerConsent(deps, world.owner, filed.applicationId, 'refused');
    const view = await filingView(deps, world.architect, filed.applicationId);
    expect(view.summary.state).toBe('refused-by-owners');
    expect(view.summary.registration).toBeNull();
  });
});

describe('the expert route', () => {
  it('collects two thirds of the building owners, then goes to the akimat’s queue', async () => {
    const filed = await file(world.architect, {
      commonPropertyAffected: 'yes',
      route: 'expert-review',
    });
    const id = filed.applicationId;
    let view = await filingView(deps, world.architect, id);
    // Building 20:311:004:017:1: the owner, the two co-owners of /42 and the company owning /3.
    expect(view.consents.status.building).toEqual({ owners: 4, given: 0, needed: 3 });
    await answerConsent(deps, world.owner, id, 'given');
    await answerConsent(deps, world.neighbour, id, 'given');
    await answerConsent(deps, world.neighbour2, id, 'given');
    view = await filingView(deps, world.architect, id);
    expect(view.consents.status.building).toMatchObject({ given: 3, needed: 3 });
    expect(view.summary.state).toBe('expert-review');
    expect(view.summary.registration).toBeNull();
    // The akimat's expert approves: registered as on the self-certified route, signed decision.
    const refusedByRole = await refusal(
      performTransition(deps.engine, {
        applicationId: id,
        transitionId: 'approve',
        actor: world.owner,
      }),
    );
    expect(refusedByRole.code).toBe('SERVICES_ROLE_NOT_ALLOWED');
    await performTransition(deps.engine, {
      applicationId: id,
      transitionId: 'approve',
      actor: world.inspector,
    });
    view = await filingView(deps, world.architect, id);
    expect(view.summary.state).toBe('registered');
    expect(view.summary.registration).not.toBeNull();
    const verified = await verifyByCode(deps.trust, view.document!.code, {
      actorAccountId: null,
      channel: 'internal',
    });
    expect(verified.status).toBe('valid');
  });

  it('an expert refusal needs reasons and registers nothing', async () => {
    const filed = await file(world.architect, {
      loadBearingWalls: '1',
      route: 'expert-review',
    });
    const id = filed.applicationId;
    await answerConsent(deps, world.owner, id, 'given');
    expect((await filingView(deps, world.architect, id)).summary.state).toBe('expert-review');
    const before = await written();
    const noReason = await refusal(
      performTransition(deps.engine, {
        applicationId: id,
        transitionId: 'refuse',
        actor: world.inspector,
      }),
    );
    expect(noReason.code).toBe('SERVICES_REASON_REQUIRED');
    await performTransition(deps.engine, {
      applicationId: id,
      transitionId: 'refuse',
      actor: world.inspector,
      reason: 'The wall between rooms 2 and 3 carries the slab above.',
    });
    const view = await filingView(deps, world.architect, id);
    expect(view.summary.state).toBe('refused');
    expect(view.summary.registration).toBeNull();
    const after = await written();
    expect(after.registrations).toBe(before.registrations);
  });

  it('waives the building vote for an adaptation for a resident with a disability', async () => {
    const filed = await file(world.architect, {
      commonPropertyAffected: 'yes',
      forResidentWithDisability: 'yes',
      route: 'expert-review',
    });
    const view = await filingView(deps, world.architect, filed.applicationId);
    expect(view.consents.status.buildingWaived).toBe(true);
    expect(view.consents.asked).toHaveLength(1);
  });
});

describe('audits and sanctions', () => {
  const registered = async () => {
    const filed = await file(world.architect);
    await answerConsent(deps, world.owner, filed.applicationId, 'given');
    return filed.applicationId;
  };

  it('picks registrations for inspection on risk (here: many walls opened) and an inspector revokes with reasons', async () => {
    const id = await registered();
    const view = await filingView(deps, world.inspector, id);
    expect(view.summary.auditPicked).toBe(true);
    expect(view.auditReasons).toContain('many-walls');
    // The building (2012, from the real-estate registry) is not old.
    expect(view.auditReasons).not.toContain('old-building');
    expect((await refusal(decideAudit(deps, world.architect, id, 'revoked', 'x'))).code).toBe(
      'REDEV_NOT_INSPECTOR',
    );
    expect((await refusal(decideAudit(deps, world.inspector, id, 'revoked', '  '))).code).toBe(
      'REDEV_REASONS_REQUIRED',
    );
    await decideAudit(deps, world.inspector, id, 'revoked', 'The opening cuts a lintel.');
    const after = await filingView(deps, world.architect, id);
    expect(after.summary.auditDecision).toBe('revoked');
    const verified = await verifyByCode(deps.trust, after.document!.code, {
      actorAccountId: null,
      channel: 'api',
    });
    expect(verified.status).toBe('withdrawn');
    expect((await refusal(decideAudit(deps, world.inspector, id, 'confirmed', 'ok'))).code).toBe(
      'REDEV_AUDIT_ALREADY_DECIDED',
    );
    expect(await restrictedArchitects(deps)).toEqual([]);
  });

  it('a second revocation within 12 months restricts the architect: public list, no self-certification, expert route open', async () => {
    clock.advanceDays(40);
    const id = await registered();
    await decideAudit(
      deps,
      world.inspector,
      id,
      'revoked',
      'Wet area above a neighbour’s bedroom.',
    );
    const list = await restrictedArchitects(deps);
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ licence: WORLD.licence, until: '2027-04-28' });
    expect(JSON.stringify(list)).not.toContain(WORLD.architect);
    const error = await refusal(file(world.architect));
    expect(error.fields).toContainEqual({ field: 'route', code: 'REDEV_ARCHITECT_RESTRICTED' });
    const expert = await file(world.architect, { route: 'expert-review' });
    expect((await filingView(deps, world.architect, expert.applicationId)).summary.state).toBe(
      'awaiting-consents',
    );
  });
});
