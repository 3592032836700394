import {
  listAccessForPerson,
  unsealAccessRecord,
  type AccessRecordView,
} from '../../../platform/audit/access/access-records.js';
import { DomainError, isDomainError } from '../../../platform/errors.js';
import { findPersonByNationalId } from '../../identity/repo/people-repo.js';
import { accessRecordsOf, findRecordById, recordsOfAccess } from '../repo/records-repo.js';
import {
  inTransaction,
  type RegistriesDeps,
  type RegistryActor,
  type RegistryRef,
} from './deps.js';
import { getRegistry } from './registries.js';

/**
 * Lifts the seal of every sealed access record of one registry record, by a recorded decision
 * (e.g. the testator's death is registered, so the heirs' notary and the heirs may now see who
 * read the will). Each lifting is written with its legal basis and audited by the kernel
 * (`access.unseal`) in one transaction; the decision as a whole is audited as
 * `registries.seal-lift`.
 *
 * Outcomes: how many seals were lifted; REGISTRY_NOT_FOUND / REGISTRY_RECORD_NOT_FOUND (404);
 * REGISTRY_REASON_REQUIRED (400); REGISTRY_NO_SEALED_ACCESS (409) when nothing was sealed.
 */
export async function liftSeals(
  deps: RegistriesDeps,
  actor: RegistryActor,
  ref: RegistryRef,
  recordId: string,
  reason: string,
): Promise<{ lifted: number }> {
  if (!reason.trim() || reason.trim().length > 1000)
    throw new DomainError('REGISTRY_REASON_REQUIRED', 400, {}, [
      { field: 'reason', code: 'REGISTRY_REASON_REQUIRED' },
    ]);
  const registry = await getRegistry(deps, ref);
  const lifted = await inTransaction(deps.db, async (trx) => {
    const record = await findRecordById(trx, registry.id, recordId);
    if (!record) throw new DomainError('REGISTRY_RECORD_NOT_FOUND', 404);
    let count = 0;
    for (const accessRecordId of await accessRecordsOf(trx, recordId)) {
      try {
        await unsealAccessRecord(trx, deps.now(), accessRecordId, {
          legalBasis: reason.trim(),
          decidedByAccountId: actor.accountId,
        });
        count += 1;
      } catch (error) {
        // Never sealed, or lifted before: the kernel refuses before writing anything.
        if (!(isDomainError(error) && error.code === 'AUDIT_ACCESS_NOT_SEALED')) throw error;
      }
    }
    if (count === 0) throw new DomainError('REGISTRY_NO_SEALED_ACCESS', 409);
    return count;
  });
  await deps.audit.append({
    action: 'registries.seal-lift',
    outcome: 'success',
    actorAccountId: actor.accountId,
    subject: recordId,
    details: { registry: `${registry.name}@${registry.version}`, lifted, by: actor.name },
  });
  return { lifted };
}

export interface PersonalDataUsage {
  record: AccessRecordView;
  /** The registry record that was read, when the read came through a registry. */
  recordId: string | null;
}

/** The largest number of access records one MyPersonalDataUsage answer carries. */
const USAGE_LIMIT = 500;

/**
 * Who read a person's data (GovStack MyPersonalDataUsage), newest first, sealed reads left out,
 * optionally only reads from one registry. The person is given by identity person id or by
 * national identifier (from a request body, never a URL).
 * Outcomes: the reads (none for an unknown person, which says nothing about who exists).
 */
export async function personalDataUsage(
  deps: RegistriesDeps,
  person: { personId: string } | { nationalId: string },
  registry?: RegistryRef,
): Promise<PersonalDataUsage[]> {
  const personId =
    'personId' in person
      ? person.personId
      : (await findPersonByNationalId(deps.db, deps.country.id, person.nationalId))?.id;
  if (!personId || !/^[0-9a-f-]{36}$/i.test(personId)) return [];
  const source = registry ? await getRegistry(deps, registry) : undefined;
  const page = await listAccessForPerson(deps.db, personId, 1, USAGE_LIMIT);
  const records = source
    ? page.records.filter(
        (record) =>
          record.source.toLowerCase() === `${source.name}@${source.version}`.toLowerCase(),
      )
    : page.records;
  const links = await recordsOfAccess(
    deps.db,
    records.map((record) => record.id),
  );
  return records.map((record) => ({ record, recordId: links.get(record.id) ?? null }));
}
