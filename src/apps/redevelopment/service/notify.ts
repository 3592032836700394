import type { Transaction } from 'kysely';
import { publishStatus, type Recipient } from '../../../blocks/messaging/index.js';
import type { Database } from '../../../platform/db/database.js';
import type { Tables } from '../../../platform/db/tables.js';
import type { Owner } from '../repo/tables.js';

/** The inbox an owner is reached at, when the platform knows them (else undefined). */
export async function recipientOf(
  db: Database,
  country: string,
  owner: Pick<Owner, 'kind' | 'id'>,
): Promise<Recipient | undefined> {
  if (owner.kind === 'person') {
    const person = await db
      .selectFrom('identity_person')
      .select('id')
      .where('country', '=', country)
      .where('national_id', '=', owner.id)
      .executeTakeFirst();
    return person ? { personId: person.id } : undefined;
  }
  const organisation = await db
    .selectFrom('identity_organisation')
    .select('id')
    .where('country', '=', country)
    .where('national_id', '=', owner.id)
    .executeTakeFirst();
  return organisation ? { organisationId: organisation.id } : undefined;
}

export const filingPath = (applicationId: string) => `/redevelopment/filings/${applicationId}`;

/** Publishes a status about a filing to one recipient, in the caller's transaction. */
export const tell = (
  trx: Database,
  applicationId: string,
  recipient: Recipient,
  status: string,
  template: string,
  params: Record<string, string>,
  at: Date,
) =>
  publishStatus(trx as Transaction<Tables>, {
    subject: { kind: 'redevelopment', id: applicationId },
    recipient,
    status,
    template,
    params,
    link: filingPath(applicationId),
    at,
  });
