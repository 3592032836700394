import type { FastifyBaseLogger } from 'fastify';
import {
  addSubsystem,
  bridgeDeps,
  listPassports,
  publishPassport,
  registerMember,
  setProviderCredential,
  type BridgeDeps,
  type PassportContent,
} from '../../../blocks/bridge/index.js';
import '../../../blocks/bridge/repo/tables.js';
import { findAccountByPerson } from '../../../blocks/identity/repo/accounts-repo.js';
import { createApiClient } from '../../../blocks/identity/service/api-clients.js';
import { identityDeps } from '../../../blocks/identity/service/deps.js';
import type { TrustDeps } from '../../../blocks/trust/index.js';
import { findPersonByNationalId } from '../../../blocks/identity/repo/people-repo.js';
import type { Platform } from '../../../platform/platform.js';

/**
 * The demo's provider: the Ministry of Digital Development, which runs the data exchange and
 * publishes the population register's GovStack Data API through the bridge. Its member code is
 * a BIN; its first manager is the demo officer of that ministry, who decides access requests.
 */
export const DEMO_PROVIDER = {
  memberClass: 'GOV',
  memberCode: '070540001234',
  name: 'Министерство цифрового развития Республики Казахстан',
  subsystem: 'registries',
  serviceCode: 'population',
  managerNationalId: '950604400057',
} as const;

/** The registries' Data API endpoints the passport publishes (POST: no IIN in an address). */
export const POPULATION_PASSPORT_OPENAPI = {
  openapi: '3.1.0',
  info: {
    title: 'Population register (GovStack Digital Registries Data API)',
    version: '1.0',
  },
  paths: {
    '/read': {
      post: {
        summary: 'The person’s record, by IIN',
        requestBody: {
          content: {
            'application/json': {
              schema: {
                type: 'object',
                required: ['query'],
                properties: {
                  query: {
                    type: 'object',
                    properties: {
                      content: {
                        type: 'object',
                        properties: { iin: { type: 'string', pattern: '^[0-9]{12}$' } },
                      },
                    },
                  },
                },
              },
            },
          },
        },
        responses: {
          '200': { description: 'The record: `{content: {iin, familyName, …}}`' },
          '404': { description: 'No record matches' },
        },
      },
    },
    '/exists': {
      post: {
        summary: 'Whether a record matches the query',
        responses: { '200': { description: '`{answer: {status, message}}`' } },
      },
    },
  },
};

/** The passport's content, with the provider's base URL: this deployment's own `/data` routes. */
export function populationPassport(providerOrigin: string): PassportContent {
  return {
    purpose:
      'Identification of a person by IIN: names, date of birth, current marriage, legal incapacity and date of death from the State database «Individuals».',
    legalBasis:
      'Law of the Republic of Kazakhstan No. 223-III «On national registers of identification numbers» (12.01.2007); Law No. 94-V «On personal data and their protection» (21.05.2013), Art. 9',
    dataClasses: [
      'iin',
      'familyName',
      'givenName',
      'patronymic',
      'birthDate',
      'spouseIin',
      'marriedOn',
      'incapacitatedOn',
      'deceasedDate',
    ],
    openapi: POPULATION_PASSPORT_OPENAPI,
    baseUrl: `${providerOrigin.replace(/\/$/, '')}/data/population/1.0`,
    ratePerSecond: 20,
    maxBodyBytes: 16 * 1024,
    timeoutMs: 5000,
    answerFormat: 'json',
    consentRequired: false,
    // The registries write the access record of every read themselves (accessor: the consumer's
    // subsystem, from Information-Mediator-Client); the bridge writing one too would show the
    // person each read twice.
    personIdField: null,
  };
}

/** The demo seed needs no certificate: a bridge whose trust block refuses to be used. */
const NO_TRUST = new Proxy({} as BridgeDeps['trust'], {
  get() {
    throw new Error('the smart-bridge demo seed issues no certificates');
  },
});

/**
 * Demo data of the developer portal: the provider member, its subsystem and the population
 * register's passport, whose provider is this deployment's `/data/population/1.0` (or
 * `providerOrigin`), and, given the trust block (to seal it), the gateway's key to that register. Idempotent: what exists is left as it is. Needs the demo officer (the
 * platform's demo seed creates them first); without them it does nothing.
 */
export async function seedSmartBridgeDemo(
  platform: Platform,
  log: FastifyBaseLogger,
  options: { providerOrigin?: string; managerNationalId?: string; trust?: TrustDeps } = {},
): Promise<void> {
  const deps = bridgeDeps(platform, NO_TRUST);
  const managerId = options.managerNationalId ?? DEMO_PROVIDER.managerNationalId;
  const person = await findPersonByNationalId(deps.db, platform.country.id, managerId);
  const account = person && (await findAccountByPerson(deps.db, person.id));
  if (!account) {
    log.warn('smart-bridge demo: the provider’s manager has no account; skipped');
    return;
  }
  // The operator registers the state's member (class GOV needs an administrator) and names the
  // ministry's officer its first manager.
  const actor = { accountId: account.id, admin: true };
  let member = await deps.db
    .selectFrom('bridge_member')
    .select('id')
    .where('instance', '=', deps.instance)
    .where('member_class', '=', DEMO_PROVIDER.memberClass)
    .where('member_code', '=', DEMO_PROVIDER.memberCode)
    .executeTakeFirst();
  if (!member)
    member = await registerMember(deps, actor, {
      memberClass: DEMO_PROVIDER.memberClass,
      memberCode: DEMO_PROVIDER.memberCode,
      name: DEMO_PROVIDER.name,
    });
  let subsystem = await deps.db
    .selectFrom('bridge_subsystem')
    .select('id')
    .where('member_id', '=', member.id)
    .where('code', '=', DEMO_PROVIDER.subsystem)
    .executeTakeFirst();
  if (!subsystem) {
    const added = await addSubsystem(deps, actor, member.id, DEMO_PROVIDER.subsystem);
    subsystem = added.subsystems.find((s) => s.code === DEMO_PROVIDER.subsystem)!;
  }
  const published = await listPassports(deps.db, { subsystemId: subsystem.id });
  if (published.some((p) => p.serviceCode === DEMO_PROVIDER.serviceCode)) return;
  const passport = await publishPassport(deps, actor, {
    subsystemId: subsystem.id,
    serviceCode: DEMO_PROVIDER.serviceCode,
    ...populationPassport(options.providerOrigin ?? platform.config.publicBaseUrl),
  });
  log.info('smart-bridge demo: population register passport published');
  if (!options.trust) return;
  // The registries issue the gateway its own key (population:read, and bridge:gateway: it names
  // the client it has checked), and the ministry gives it to the passport, sealed.
  const { key } = await createApiClient(
    identityDeps(platform),
    {
      name: `${deps.instance}/${DEMO_PROVIDER.memberClass}/${DEMO_PROVIDER.memberCode}/bridge-gateway`,
      scopes: ['population:read', 'bridge:gateway'],
    },
    account.id,
  );
  await setProviderCredential(
    { ...deps, trust: options.trust },
    actor,
    passport.id,
    `Bearer ${key}`,
  );
  log.info('smart-bridge demo: the gateway holds its key to the population register');
}
