import type { FastifyInstance } from 'fastify';
import { createApiClient } from '../../identity/service/api-clients.js';
import { identityDeps } from '../../identity/service/deps.js';
import { SYSTEM_ACTOR } from '../service/actors.js';
import { registriesDeps, type RegistryActor } from '../service/deps.js';
import { defineRegistry } from '../service/registries.js';

/** Valid Kazakh IINs and BINs for tests. */
export const ID = {
  citizen: '850725400024',
  other: '900101300017',
  notary: '750312400107',
  unknown: '920315400506',
  business: '150440012344',
} as const;

/** A small population register: people, registered in identity when new. */
export const peopleDefinition = {
  name: 'people',
  version: '1.0',
  title: { kk: 'Адамдар', ru: 'Люди', en: 'People' },
  legalBasis: 'Law on national registers of identification numbers',
  key: 'iin',
  subject: 'iin',
  personDetails: { familyName: 'familyName', givenName: 'givenName', birthDate: 'birthDate' },
  fields: [
    { name: 'iin', type: 'national-id', required: true, personal: true },
    { name: 'familyName', type: 'string', required: true, personal: true },
    { name: 'givenName', type: 'string', required: true, personal: true },
    { name: 'birthDate', type: 'date', personal: true },
    { name: 'city', type: 'string', indexed: true },
  ],
  permissions: {
    read: { roles: ['officer'], scopes: ['people:read'] },
    write: { roles: ['officer'], scopes: ['people:write'] },
  },
};

/** Wills: a sealed class (sealed while status is `sealed`), about people already registered. */
export const willsDefinition = {
  name: 'wills',
  version: '1.0',
  title: { kk: 'Өсиеттер', ru: 'Завещания', en: 'Wills' },
  legalBasis: 'Civil Code, Art. 1046',
  key: 'number',
  subject: 'testatorIin',
  fields: [
    { name: 'number', type: 'string', required: true },
    { name: 'testatorIin', type: 'national-id', required: true, personal: true },
    { name: 'status', type: 'enum', values: ['sealed', 'opened'], required: true },
    { name: 'person', type: 'reference', references: { registry: 'people', field: 'iin' } },
  ],
  permissions: {
    read: { roles: ['officer'], scopes: ['wills:read'] },
    write: { roles: [], scopes: ['wills:write'] },
  },
  sealed: {
    legalBasis: 'Civil Code, Art. 1049: the secrecy of a will until the testator dies',
    when: { field: 'status', equals: 'sealed' },
  },
};

export const reader: RegistryActor = {
  accountId: null,
  name: 'KZ/GOV/150440012344/notary-system',
  organisation: 'GOV/150440012344',
  roles: [],
  scopes: ['people:read', 'wills:read'],
};

export const writer: RegistryActor = { ...reader, scopes: ['people:write', 'wills:write'] };

export async function defineTestRegistries(app: FastifyInstance): Promise<void> {
  const deps = registriesDeps(app.platform);
  await defineRegistry(deps, SYSTEM_ACTOR, peopleDefinition, 'test');
  await defineRegistry(deps, SYSTEM_ACTOR, willsDefinition, 'test');
}

/** An API client registered under its Information-Mediator-Client name; returns its key. */
export async function imClient(
  app: FastifyInstance,
  name: string,
  scopes: string[],
): Promise<string> {
  const { key } = await createApiClient(identityDeps(app.platform), { name, scopes }, null);
  return key;
}
