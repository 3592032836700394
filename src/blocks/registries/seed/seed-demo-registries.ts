import fs from 'node:fs/promises';
import type { FastifyBaseLogger } from 'fastify';
import { findAccountByPerson } from '../../identity/repo/accounts-repo.js';
import { findPersonByNationalId } from '../../identity/repo/people-repo.js';
import { identityDeps } from '../../identity/service/deps.js';
import { createUser } from '../../identity/service/users.js';
import type { Platform } from '../../../platform/platform.js';
import { SYSTEM_ACTOR } from '../service/actors.js';
import { registriesDeps } from '../service/deps.js';
import { importRecords } from '../service/import.js';
import { defineRegistry } from '../service/registries.js';

/** Definition files of the Kazakhstan registries, in dependency order (references first). */
export const KZ_REGISTRIES = [
  'population',
  'legal-entities',
  'flats',
  'flat-owners',
  'encumbrances',
  'licences',
] as const;

const KZ_FOLDER = new URL('./kz/', import.meta.url);

/** The two licensed professionals of the demo, who sign in to the e-Notary and redevelopment apps. */
export const DEMO_PROFESSIONALS = [
  {
    username: 'demo-notary',
    nationalId: '750312400107',
    familyName: 'Жақыпова',
    givenName: 'Гүлнар',
    patronymic: 'Серікқызы',
  },
  {
    username: 'demo-architect',
    nationalId: '800915300200',
    familyName: 'Тоқтаров',
    givenName: 'Мұрат',
    patronymic: 'Болатұлы',
  },
] as const;

/** Reads a definition file of the Kazakhstan profile. */
export async function readKzDefinition(name: string): Promise<unknown> {
  return JSON.parse(await fs.readFile(new URL(`${name}.json`, KZ_FOLDER), 'utf8'));
}

/**
 * The Kazakhstan registries and their demo records, coherent with the demo sign-ins: the demo
 * citizen (850725400024) owns flat 20:311:004:017:1/15; the business director co-owns a
 * mortgaged flat; a flat is under arrest; a deceased person owns a flat; a notary and an
 * architect hold active licences (and sign in as demo-notary / demo-architect), another
 * architect's licence is revoked and a doctor's suspended. Idempotent: definitions already in
 * force and records already loaded (matched by their key) are left as they are.
 */
export async function seedDemoRegistries(
  platform: Platform,
  log: FastifyBaseLogger,
  options: { password: string },
): Promise<void> {
  if (platform.country.id !== 'kz') return;
  const deps = registriesDeps(platform);
  let created = 0;
  for (const name of KZ_REGISTRIES) {
    await defineRegistry(deps, SYSTEM_ACTOR, await readKzDefinition(name), 'Kazakhstan profile');
    const content = await fs.readFile(new URL(`demo/${name}.json`, KZ_FOLDER), 'utf8');
    const report = await importRecords(deps, SYSTEM_ACTOR, name, {
      format: 'json',
      content,
      allOrNothing: true,
      reason: 'Demo data',
    });
    if (!report.committed)
      throw new Error(`demo records of ${name} rejected: ${JSON.stringify(report.rejected)}`);
    created += report.created;
  }
  const identity = identityDeps(platform);
  for (const professional of DEMO_PROFESSIONALS) {
    const person = await findPersonByNationalId(platform.db, 'kz', professional.nationalId);
    if (person && (await findAccountByPerson(platform.db, person.id))) continue;
    await createUser(
      identity,
      { ...professional, role: 'citizen', password: options.password },
      null,
    );
  }
  log.info({ recordsCreated: created }, 'demo registries ready');
}
