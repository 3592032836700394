import { DomainError } from '../../../platform/errors.js';
import { announce } from './caches.js';
import { audit, type Actor, type BridgeDeps } from './deps.js';
import { assertManager } from './members.js';
import { findPassport } from './passports.js';

const MAX_LENGTH = 2000;
const label = (passportId: string) => `bridge_provider_credential:${passportId}`;

/**
 * The passport's owner gives the gateway what it presents to the provider: the value of the
 * Authorization header the provider issued for the gateway (e.g. `Bearer ortaq_…`, an API key
 * of the registries with the `bridge:gateway` scope). Stored sealed with the deployment key,
 * never shown again; audited without the secret. A later one replaces it.
 *
 * Outcomes: nothing; BRIDGE_PASSPORT_NOT_FOUND (404); BRIDGE_NOT_MEMBER_MANAGER (403);
 * BRIDGE_PROVIDER_CREDENTIAL_INVALID (400): empty, longer than 2,000 characters, or holding a
 * line break (it travels as a header).
 */
export async function setProviderCredential(
  deps: BridgeDeps,
  actor: Actor,
  passportId: string,
  authorization: string,
): Promise<void> {
  const passport = await findPassport(deps.db, passportId);
  if (!passport) throw new DomainError('BRIDGE_PASSPORT_NOT_FOUND', 404);
  await assertManager(deps.db, actor, passport.ownerMemberId);
  const value = typeof authorization === 'string' ? authorization.trim() : '';
  if (!value || value.length > MAX_LENGTH || /[\r\n\0]/.test(value))
    throw new DomainError('BRIDGE_PROVIDER_CREDENTIAL_INVALID', 400, {}, [
      { field: 'authorization', code: 'BRIDGE_PROVIDER_CREDENTIAL_INVALID' },
    ]);
  const now = deps.now();
  await announce(deps.caches.credentials, passport.id, deps.db, async (trx) => {
    await trx
      .insertInto('bridge_provider_credential')
      .values({
        passport_id: passport.id,
        sealed: deps.trust.sealer.seal(Buffer.from(value, 'utf8'), label(passport.id)),
        set_at: now,
        set_by_account_id: actor.accountId,
      })
      .execute();
    await audit(trx, now, {
      action: 'bridge.provider-credential-set',
      outcome: 'success',
      actorAccountId: actor.accountId,
      subject: passport.id,
      details: { service: passport.service },
    });
  });
}

/**
 * The Authorization the gateway presents to the passport's provider, if its owner gave one (the
 * latest row), opened; kept by the process (caches.credentials) until a new one is set.
 */
export function providerAuthorization(
  deps: Pick<BridgeDeps, 'db' | 'trust' | 'caches'>,
  passportId: string,
): Promise<string | undefined> {
  return deps.caches.credentials
    .get(passportId, async () => {
      const row = await deps.db
        .selectFrom('bridge_provider_credential')
        .select('sealed')
        .where('passport_id', '=', passportId)
        .orderBy('id', 'desc')
        .limit(1)
        .executeTakeFirst();
      return row ? deps.trust.sealer.open(row.sealed, label(passportId)).toString('utf8') : null;
    })
    .then((value) => value ?? undefined);
}
