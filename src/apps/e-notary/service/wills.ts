import crypto from 'node:crypto';
import { findRecord, type ReadContext } from '../../../blocks/registries/index.js';
import { appendToLedger } from '../../../blocks/trust/index.js';
import type { Principal } from '../../../platform/auth/principal.js';
import { localDate, type LocalDate } from '../../../platform/calendar/local-date.js';
import type { Database } from '../../../platform/db/database.js';
import { DomainError } from '../../../platform/errors.js';
import { assertPartyId } from '../domain/act-draft.js';
import type { PersonFact } from '../domain/facts.js';
import { openInheritanceCase } from '../domain/inheritance-case.js';
import { newRegisterNumber } from '../domain/register-number.js';
import { willChecks } from '../domain/will-draft.js';
import { canSeeWill, type WillRecord, type WillViewer } from '../domain/will-visibility.js';
import { nextSequence } from '../repo/acts-repo.js';
import {
  casesOfTestator,
  insertCase,
  insertWill,
  willsOfTestator,
  type StoredInheritanceCase,
} from '../repo/wills-repo.js';
import { momentOf, transaction, WILLS_LEDGER, type ENotaryDeps } from './deps.js';
import {
  callerOf,
  findNotaryLicence,
  notaryActor,
  NOTARY_LEGAL_BASIS,
  requireNotary,
} from './notary.js';

async function readPerson(
  trx: Database,
  deps: ENotaryDeps,
  context: ReadContext,
  iin: string,
): Promise<PersonFact | undefined> {
  const record = await findRecord(trx, deps.registries, context, 'population', { iin });
  if (!record) return undefined;
  return { iin, deathDate: (record.data.deceasedDate as LocalDate | undefined) ?? null };
}

const yearOf = (deps: ENotaryDeps, now: Date) =>
  Number(localDate(now, deps.platform.country.timeZone).slice(0, 4));

/**
 * A notary certifies a will, made in person by a living, capable testator; it enters register W
 * sealed, and a hash of its text goes to the `e-notary-wills` ledger. The text itself stays with
 * the notary: the register holds its existence and hash, which is what a later inheritance case
 * needs to find it.
 *
 * Outcomes: the will's register number; ENOTARY_NOT_A_NOTARY or a licence refusal (403);
 * ENOTARY_INVALID_IIN (400); a blocking finding of the will checks (409:
 * ENOTARY_WILL_IN_PERSON_ONLY, ENOTARY_CHECK_PERSON_NOT_FOUND, ENOTARY_CHECK_PARTY_DECEASED, …).
 */
export async function certifyWill(
  deps: ENotaryDeps,
  principal: Principal,
  input: { testatorIin: string; text: string; representativeIin?: string },
): Promise<{ registerNumber: string }> {
  return transaction(deps, async (trx) => {
    const notary = await requireNotary(trx, deps, principal);
    const testatorIin = input.testatorIin.trim();
    assertPartyId(deps.platform.country, { kind: 'person', id: testatorIin }, 'testatorIin');
    if (input.text.trim() === '') {
      throw new DomainError('ENOTARY_WILL_TEXT_REQUIRED', 400, {}, [
        { field: 'text', code: 'ENOTARY_WILL_TEXT_REQUIRED' },
      ]);
    }
    const moment = momentOf(deps);
    const testator = await readPerson(
      trx,
      deps,
      {
        actor: notaryActor(notary),
        purpose: 'e-Notary: certifying a will',
        legalBasis: NOTARY_LEGAL_BASIS,
      },
      testatorIin,
    );
    const people = new Map(testator ? [[testatorIin, testator]] : []);
    const checks = willChecks(
      {
        testatorIin,
        notaryIin: notary.iin,
        ...(input.representativeIin ? { representativeIin: input.representativeIin } : {}),
      },
      { people, notaryLicence: notary.licence },
      moment,
    );
    const refusal = checks.findings.find((finding) => finding.severity === 'blocking');
    if (refusal) throw new DomainError(refusal.code, 409, refusal.params);
    const sequence = await nextSequence(trx, 'W', notary.licenceSegment, yearOf(deps, moment.now));
    const registerNumber = newRegisterNumber('wills', notary.licenceSegment, sequence, moment);
    const id = crypto.randomUUID();
    const contentSha256 = crypto.createHash('sha256').update(input.text, 'utf8').digest('hex');
    await insertWill(trx, {
      id,
      registerNumber,
      testatorIin,
      certifiedByIin: notary.iin,
      certifiedAt: moment.now,
      contentSha256,
      checks: { findings: checks.findings },
    });
    await appendToLedger(
      trx,
      WILLS_LEDGER,
      {
        kind: 'will.certified',
        actorAccountId: notary.accountId,
        subject: id,
        details: { sha256: contentSha256 },
      },
      moment.now,
    );
    return { registerNumber };
  });
}

/**
 * A notary opens the inheritance case of a deceased testator (register I), one per testator.
 * Outcomes: the case; a licence refusal (403); ENOTARY_INVALID_IIN (400);
 * ENOTARY_INHERITANCE_TESTATOR_UNKNOWN (404); ENOTARY_INHERITANCE_DEATH_NOT_RECORDED (409);
 * ENOTARY_INHERITANCE_CASE_EXISTS (409).
 */
export async function openCase(
  deps: ENotaryDeps,
  principal: Principal,
  input: { testatorIin: string },
): Promise<StoredInheritanceCase> {
  return transaction(deps, async (trx) => {
    const notary = await requireNotary(trx, deps, principal);
    const testatorIin = input.testatorIin.trim();
    assertPartyId(deps.platform.country, { kind: 'person', id: testatorIin }, 'testatorIin');
    const moment = momentOf(deps);
    const testator = await readPerson(
      trx,
      deps,
      {
        actor: notaryActor(notary),
        purpose: 'e-Notary: opening an inheritance case',
        legalBasis: NOTARY_LEGAL_BASIS,
      },
      testatorIin,
    );
    const existing = await casesOfTestator(trx, testatorIin);
    const sequence = await nextSequence(trx, 'I', notary.licenceSegment, yearOf(deps, moment.now));
    const opened = openInheritanceCase(
      {
        registerNumber: newRegisterNumber(
          'inheritance-cases',
          notary.licenceSegment,
          sequence,
          moment,
        ),
        testatorIin,
        notaryIin: notary.iin,
      },
      { testator, notaryLicence: notary.licence, openCaseExists: existing.length > 0 },
      moment,
      deps.platform.calendar,
    );
    const stored: StoredInheritanceCase = {
      id: crypto.randomUUID(),
      registerNumber: opened.registerNumber,
      testatorIin,
      notaryIin: notary.iin,
      status: 'open',
      openedOn: opened.openedOn,
      acceptanceEnds: opened.acceptanceEnds,
      openedAt: moment.now,
    };
    await insertCase(trx, stored);
    return stored;
  });
}

/**
 * The wills of a testator the signed-in person may learn of: only a notary with an open
 * inheritance case of the testator, after the death is recorded (canSeeWill). Everybody else
 * gets an empty list, the same answer as when there is no will. Every look-up is audited, with
 * the refusal reason or the case it was disclosed under.
 *
 * Outcomes: the visible wills (maybe none); ENOTARY_INVALID_IIN (400).
 */
export async function findWillsOfTestator(
  deps: ENotaryDeps,
  principal: Principal,
  testatorIin: string,
): Promise<WillRecord[]> {
  const iin = testatorIin.trim();
  assertPartyId(deps.platform.country, { kind: 'person', id: iin }, 'testatorIin');
  return transaction(deps, async (trx) => {
    const caller = await callerOf(trx, principal);
    const licence = await findNotaryLicence(trx, deps, caller);
    const viewer: WillViewer = licence
      ? { kind: 'notary', iin: caller.iin }
      : { kind: 'citizen', iin: caller.iin };
    const wills = await willsOfTestator(trx, iin);
    const cases = await casesOfTestator(trx, iin);
    // The population register is read only for a notary handling the testator's case: nobody
    // else has a reason to read the testator's data here.
    const handles = cases.some((c) => c.notaryIin === caller.iin);
    const testator =
      viewer.kind === 'notary' && handles && licence
        ? await readPerson(
            trx,
            deps,
            {
              actor: notaryActor({ ...caller, licence, licenceSegment: '' }),
              purpose: 'e-Notary: wills of the testator in an inheritance case',
              legalBasis: NOTARY_LEGAL_BASIS,
            },
            iin,
          )
        : undefined;
    const visible: WillRecord[] = [];
    for (const will of wills) {
      const verdict = canSeeWill(viewer, will, { testator, inheritanceCases: cases });
      if (verdict.visible) visible.push(will);
      await deps.platform.audit.append({
        action: 'e-notary.will-lookup',
        outcome: verdict.visible ? 'success' : 'failure',
        actorAccountId: caller.accountId,
        subject: will.registerNumber,
        details: verdict.visible
          ? { inheritanceCase: verdict.inheritanceCase }
          : { reason: verdict.reason },
      });
    }
    return visible;
  });
}
