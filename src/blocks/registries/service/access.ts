import { recordAccess } from '../../../platform/audit/access/access-records.js';
import type { Database } from '../../../platform/db/database.js';
import { isSealed } from '../domain/definition.js';
import { personalFieldsIn } from '../domain/record-values.js';
import { insertAccessLink, type StoredRecord } from '../repo/records-repo.js';
import type { Registry } from '../repo/registries-repo.js';
import type { ReadContext, RegistriesDeps } from './deps.js';

/**
 * Writes the access records a read causes, in the reader's transaction, so the read and its
 * record commit together or not at all: one per record that is about a person and holds
 * personal data, naming the personal fields read (all of the record's, or only `fields`).
 * A record of a sealed class gets a sealed access record, hidden from the person until a
 * recorded decision lifts the seal (liftSeals). Each is linked to the registry record.
 */
export async function noteReads(
  trx: Database,
  deps: RegistriesDeps,
  context: ReadContext,
  registry: Registry,
  records: StoredRecord[],
  fields?: string[],
): Promise<void> {
  const { definition } = registry;
  for (const record of records) {
    if (!record.subjectPersonId) continue;
    const personal = personalFieldsIn(definition, record.data);
    const read = fields ? personal.filter((field) => fields.includes(field)) : personal;
    if (read.length === 0) continue;
    const sealed = isSealed(definition, record.data);
    const { id } = await recordAccess(trx, deps.now(), {
      personId: record.subjectPersonId,
      accessorAccountId: context.actor.accountId,
      accessorName: context.actor.name,
      accessorOrganisation: context.actor.organisation,
      purpose: context.purpose,
      legalBasis: context.legalBasis?.trim() || definition.legalBasis,
      fields: read,
      source: `${registry.name}@${registry.version}`,
      ...(sealed && definition.sealed
        ? { seal: { legalBasis: definition.sealed.legalBasis, decidedByAccountId: null } }
        : {}),
    });
    await insertAccessLink(trx, {
      accessRecordId: id,
      registryId: registry.id,
      recordId: record.id,
    });
  }
}
