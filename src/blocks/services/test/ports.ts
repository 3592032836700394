import { sql } from 'kysely';
import type { Database } from '../../../platform/db/database.js';
import type { ServicesPorts } from '../service/ports.js';

/**
 * Real, small implementations of the engine's ports for tests: each writes a row in a table of
 * the test database (in the engine's transaction), and the checks read rows, as the messaging,
 * trust and registries blocks will. Tests then look at the rows, so a rolled-back action leaves
 * none.
 */
export async function createTestPorts(db: Database): Promise<ServicesPorts> {
  await sql`create table if not exists test_notice (id serial primary key, application_id uuid not null, person_id uuid not null, template text not null, state text not null, action text not null)`.execute(
    db,
  );
  await sql`create table if not exists test_document (id uuid primary key default gen_random_uuid(), application_id uuid not null, template text not null, decided_by uuid, decision text not null)`.execute(
    db,
  );
  await sql`create table if not exists test_registry_record (id uuid primary key default gen_random_uuid(), registry text not null, application_id uuid not null, record jsonb not null)`.execute(
    db,
  );
  await sql`create table if not exists test_resident (address text primary key)`.execute(db);
  await sql`create table if not exists test_fine (plate text not null)`.execute(db);
  await sql`create table if not exists test_licence (person_id uuid not null, licence_type text not null)`.execute(
    db,
  );
  return {
    notifier: {
      notify: async (trx, notice) => {
        await sql`insert into test_notice (application_id, person_id, template, state, action) values (${notice.applicationId}, ${notice.applicantPersonId}, ${notice.template}, ${notice.state}, ${notice.action})`.execute(
          trx,
        );
      },
    },
    documents: {
      issue: async (trx, request) => {
        const { rows } = await sql<{
          id: string;
        }>`insert into test_document (application_id, template, decided_by, decision) values (${request.applicationId}, ${request.template}, ${request.decidedByAccountId}, ${request.decision}) returning id`.execute(
          trx,
        );
        return { documentId: rows[0]!.id };
      },
    },
    registries: {
      write: async (trx, request) => {
        const { rows } = await sql<{
          id: string;
        }>`insert into test_registry_record (registry, application_id, record) values (${request.registry}, ${request.applicationId}, ${JSON.stringify(request.values)}) returning id`.execute(
          trx,
        );
        return { recordId: rows[0]!.id };
      },
    },
    licences: {
      holds: async (trx, personId, licenceType) => {
        const { rows } =
          await sql`select 1 from test_licence where person_id = ${personId} and licence_type = ${licenceType}`.execute(
            trx,
          );
        return rows.length > 0;
      },
    },
    checks: {
      'is-resident': async (trx, request) => {
        const { rows } =
          await sql`select 1 from test_resident where address = ${String(request.values.address)}`.execute(
            trx,
          );
        return rows.length > 0
          ? { passed: true }
          : { passed: false, code: 'SERVICES_CHECK_FAILED' };
      },
      'has-unpaid-fines': async (trx, request) => {
        const { rows } =
          await sql`select 1 from test_fine where plate = ${String(request.values.plate)}`.execute(
            trx,
          );
        return rows.length === 0
          ? { passed: true }
          : { passed: false, code: 'SERVICES_CHECK_FAILED', details: { fines: rows.length } };
      },
    },
  };
}
