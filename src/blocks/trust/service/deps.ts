import crypto from 'node:crypto';
import type { AuditEvent, AuditLog } from '../../../platform/audit/audit-event.js';
import { appendEntries, prepareEvent } from '../../../platform/audit/append-entries.js';
import type { DeploymentKey } from '../../../platform/crypto/deployment-key.js';
import { ChangeCache } from '../../../platform/db/change-cache.js';
import type { Database } from '../../../platform/db/database.js';
import type { Catalogue } from '../../../platform/i18n/catalogue.js';
import type { Platform } from '../../../platform/platform.js';
import type { LoadedAuthority } from './authority.js';
import type { CheckedCertificate } from './certificate-check.js';
import { VerificationAudit } from './verification-audit.js';
import type { CheckedSignature, Found } from './verification.js';
import { keySealerFor, type KeySealer } from './key-sealing.js';

/**
 * What the trust services use: the kernel's pieces, the deployment key (it signs ledger
 * checkpoints and its derived key seals private keys), and caches of what never changes once
 * written (the CA, each certificate's checked chain). Built once per app by trustPlugin
 * (`app.trust`), or by tests and benchmarks with createTrustDeps.
 */
export interface TrustDeps {
  db: Database;
  audit: AuditLog;
  now: () => Date;
  catalogue: Catalogue;
  /** PUBLIC_BASE_URL: verification links and QR codes point here. */
  publicBaseUrl: string;
  deploymentKey: DeploymentKey;
  sealer: KeySealer;
  /** The organisation (O=) in every certificate subject, e.g. `Ortaq KZ`. */
  organisation: string;
  /** Secure random bytes (verification codes, serial numbers). */
  random: (bytes: number) => Buffer;
  caches: TrustCaches;
  /** Records public verifications without making the answer wait (see verification-audit.ts). */
  verificationAudit: VerificationAudit;
}

export interface TrustCaches {
  current: Promise<LoadedAuthority> | null;
  authorities: Map<string, Promise<LoadedAuthority>>;
  /** Keyed by the SHA-256 of the certificate PEM: a changed PEM is checked afresh. */
  certificates: Map<string, CheckedCertificate>;
  /**
   * Signature checks of stored documents, keyed by the SHA-256 of exactly what was checked (the
   * certificate PEM, the statement text and the signature): a changed byte is checked afresh.
   */
  signatures: Map<string, CheckedSignature>;
  crl: { der: Buffer; until: number; revocations: number } | null;
  /**
   * The outcome of verifying each code, in every process until a change is announced on the
   * change feed: a withdrawal announces its document's code, a revocation every code
   * (EVERY_KEY), in the transaction that writes it. See README, "What verification caches".
   */
  verifications: ChangeCache<Found>;
}

/** The change feed channel of verification outcomes (payload: a verification code, or EVERY_KEY). */
export const VERIFICATION_CHANNEL = 'trust_verification';
/** At most this long an outcome is served without a change announced (changes behind the platform's back). */
const VERIFICATION_MAX_AGE_MS = 60_000;

export function createTrustDeps(
  platform: Platform,
  deploymentKey: DeploymentKey,
  log: { error: (object: object, message: string) => void },
): TrustDeps {
  return {
    db: platform.db,
    audit: platform.audit,
    now: platform.now,
    catalogue: platform.catalogue,
    publicBaseUrl: platform.config.publicBaseUrl,
    deploymentKey,
    sealer: keySealerFor(deploymentKey),
    organisation: `Ortaq ${platform.country.id.toUpperCase()}`,
    random: (bytes) => crypto.randomBytes(bytes),
    caches: {
      current: null,
      authorities: new Map(),
      certificates: new Map(),
      signatures: new Map(),
      crl: null,
      verifications: new ChangeCache(platform.changes, VERIFICATION_CHANNEL, {
        maxEntries: 20_000,
        maxAgeMs: VERIFICATION_MAX_AGE_MS,
      }),
    },
    verificationAudit: new VerificationAudit(platform.audit, (error) =>
      log.error({ err: error }, 'the audit entry of a public verification could not be written'),
    ),
  };
}

/**
 * Runs `work` as inTransaction does, handing it `changed(code)`, which announces inside the
 * transaction that the verification outcome of `code` (EVERY_KEY: of every document) changes
 * when it commits. When the transaction is the service's own, this process forgets those outcomes
 * at once after the commit; in a caller's transaction, the notification that follows its commit
 * does it, in every process alike.
 */
export async function verificationChanges<T>(
  context: TrustContext,
  work: (trx: Database, changed: (code: string) => Promise<void>) => Promise<T>,
): Promise<T> {
  const cache = context.deps.caches.verifications;
  const keys: string[] = [];
  const result = await inTransaction(context, (trx) =>
    work(trx, async (code) => {
      keys.push(code);
      await cache.changed(trx, code);
    }),
  );
  if (!context.trx) for (const key of keys) cache.invalidate(key);
  return result;
}

/**
 * Who calls a trust service, and in which transaction. Without `trx` the service opens its own;
 * with it, what the service writes commits or rolls back with the caller's other writes (e.g. an
 * act, its signed document and its ledger entry together).
 */
export interface TrustContext {
  deps: TrustDeps;
  actorAccountId: string | null;
  trx?: Database;
}

/** Runs `work` in the caller's transaction, or in a new one. */
export function inTransaction<T>(
  context: TrustContext,
  work: (trx: Database) => Promise<T>,
): Promise<T> {
  return context.trx ? work(context.trx) : context.deps.db.transaction().execute(work);
}

/** Writes an audit entry inside `trx`: it exists exactly when the change it reports does. */
export async function auditInTransaction(trx: Database, now: Date, event: AuditEvent) {
  await appendEntries(trx, [prepareEvent(event, now)]);
}

/** True for PostgreSQL's unique_violation. */
export const isUniqueViolation = (error: unknown): boolean =>
  (error as { code?: string } | undefined)?.code === '23505';
