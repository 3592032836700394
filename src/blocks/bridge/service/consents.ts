import { DomainError } from '../../../platform/errors.js';
import type { Database } from '../../../platform/db/database.js';
import {
  consentDecision,
  type ConsentDecision,
  type ConsentEvent,
} from '../../consent/domain/consent-decision.js';
import '../repo/tables.js';
import { announce, consentKey } from './caches.js';
import { audit, type BridgeDeps } from './deps.js';
import { consentRevision, findPassport, type Passport } from './passports.js';

/** The longest a consent given through the bridge lasts: one year, then the person is asked again. */
const MAX_CONSENT_DAYS = 366;

/**
 * A person consents to a passport's current revision (its purpose, legal basis and data
 * classes) until `validUntil`. Audited as `bridge.consent-give`.
 *
 * Outcomes: the decision now in force; BRIDGE_PASSPORT_NOT_FOUND (404);
 * BRIDGE_CONSENT_PERIOD_INVALID (400) for an end in the past or more than a year away.
 */
export async function giveConsent(
  deps: BridgeDeps,
  person: { personId: string; accountId: string },
  passportId: string,
  validUntil: Date,
): Promise<ConsentDecision> {
  const passport = await findPassport(deps.db, passportId);
  if (!passport) throw new DomainError('BRIDGE_PASSPORT_NOT_FOUND', 404);
  const now = deps.now();
  if (
    Number.isNaN(validUntil.getTime()) ||
    validUntil <= now ||
    validUntil.getTime() - now.getTime() > MAX_CONSENT_DAYS * 86_400_000
  )
    throw new DomainError('BRIDGE_CONSENT_PERIOD_INVALID', 400);
  return answer(deps, person, passport, true, now, validUntil);
}

/**
 * A person withdraws consent to a passport, from now on. Audited as `bridge.consent-withdraw`.
 * Outcomes: the decision now in force (not granted); BRIDGE_PASSPORT_NOT_FOUND (404).
 */
export async function withdrawConsent(
  deps: BridgeDeps,
  person: { personId: string; accountId: string },
  passportId: string,
): Promise<ConsentDecision> {
  const passport = await findPassport(deps.db, passportId);
  if (!passport) throw new DomainError('BRIDGE_PASSPORT_NOT_FOUND', 404);
  return answer(deps, person, passport, false, deps.now(), null);
}

async function answer(
  deps: BridgeDeps,
  person: { personId: string; accountId: string },
  passport: Passport,
  optIn: boolean,
  now: Date,
  validUntil: Date | null,
): Promise<ConsentDecision> {
  const key = consentKey(person.personId, passport.id);
  await announce(deps.caches.consents, key, deps.db, async (trx) => {
    await trx
      .insertInto('bridge_consent_event')
      .values({
        person_id: person.personId,
        passport_id: passport.id,
        revision_hash: consentRevision(passport),
        opt_in: optIn,
        at: now,
        valid_until: validUntil,
      })
      .execute();
    await audit(trx, now, {
      action: optIn ? 'bridge.consent-give' : 'bridge.consent-withdraw',
      outcome: 'success',
      actorAccountId: person.accountId,
      subject: passport.id,
    });
  });
  return consentFor(deps.db, person.personId, passport, now);
}

/** Does the person consent to the passport's current revision at `at`? (consent/domain decides.) */
export async function consentFor(
  db: Database,
  personId: string,
  passport: Passport,
  at: Date,
): Promise<ConsentDecision> {
  return judgeConsent(await consentEvents(db, personId, passport.id), personId, passport, at);
}

/** A person's answers about a passport, in the order given. */
export async function consentEvents(
  db: Database,
  personId: string,
  passportId: string,
): Promise<ConsentEvent[]> {
  const rows = await db
    .selectFrom('bridge_consent_event')
    .selectAll()
    .where('person_id', '=', personId)
    .where('passport_id', '=', passportId)
    .orderBy('id')
    .execute();
  return rows.map((row) => ({
    individual: row.person_id,
    agreementId: row.passport_id,
    revisionHash: row.revision_hash,
    optIn: row.opt_in,
    at: row.at,
    ...(row.valid_until ? { validUntil: row.valid_until } : {}),
  }));
}

/** The decision the events make for the passport's current revision at `at`. */
export const judgeConsent = (
  events: readonly ConsentEvent[],
  personId: string,
  passport: Passport,
  at: Date,
): ConsentDecision =>
  consentDecision(events, {
    individual: personId,
    agreementId: passport.id,
    currentRevisionHash: consentRevision(passport),
    at,
  });
