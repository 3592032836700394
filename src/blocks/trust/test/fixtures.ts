import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { issueCertificate, type NewCertificate } from '../service/certificates.js';
import { issueDocument, type NewDocument } from '../service/documents.js';

/** A person id that must never appear on a public page. */
export const SUBJECT_PERSON_ID = '0b7c5f0e-1d2a-4c3b-9e8f-0000000000a1';

export function seedCertificate(app: FastifyInstance, overrides: Partial<NewCertificate> = {}) {
  return issueCertificate(
    { deps: app.trust, actorAccountId: null },
    {
      holderKind: 'notary',
      holderId: 'notary-17',
      holderName: 'Ахметова Айгүл Серікқызы',
      ...overrides,
    },
  );
}

export function seedDocument(
  app: FastifyInstance,
  issuerCertificateId: string,
  overrides: Partial<NewDocument> = {},
  actorAccountId: string | null = null,
) {
  return issueDocument(
    { deps: app.trust, actorAccountId },
    {
      issuerCertificateId,
      kind: 'notary.sale-act',
      title: {
        kk: 'Пәтерді сатып алу-сату шарты',
        ru: 'Договор купли-продажи квартиры',
        en: 'Flat sale contract',
      },
      content: { buyer: 'Сейітов Ержан', seller: 'Петрова Анна', price: 42_000_000 },
      summary: [
        {
          label: { kk: 'Мекенжай', ru: 'Адрес', en: 'Address' },
          value: 'Алматы, Абай даңғылы 10, 5-пәтер',
        },
      ],
      subjectPersonIds: [SUBJECT_PERSON_ID],
      ...overrides,
    },
  );
}

/** Runs a statement on a table of legal records with its append-only trigger off (tests that tamper). */
export async function tamper(
  app: FastifyInstance,
  table: string,
  statement: ReturnType<typeof sql>,
) {
  const db = app.platform.db;
  await sql.raw(`alter table ${table} disable trigger ${table}_append_only`).execute(db);
  try {
    await statement.execute(db);
  } finally {
    await sql.raw(`alter table ${table} enable trigger ${table}_append_only`).execute(db);
  }
}
