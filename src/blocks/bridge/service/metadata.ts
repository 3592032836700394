import type { Database } from '../../../platform/db/database.js';
import type { Grant } from '../domain/access-contract.js';
import type { Endpoint } from '../domain/endpoint-pattern.js';
import type { SubsystemId } from '../domain/member-id.js';
import { currentContract } from './contracts.js';
import { findSubsystemById, listMembers, type Member } from './members.js';
import { endpointsOf, listPassports, type Passport } from './passports.js';

/*
 * GovStack Information Mediator's service metadata (X-Road's metaservices): who the clients of
 * an instance are (listClients), which REST services and endpoints a provider offers
 * (listMethods), which of them a client may call (allowedMethods), and a service's OpenAPI
 * document (getOpenAPI). The HTTP layer renders them in the current and the as-tested form.
 */

export interface ServiceMethods {
  provider: SubsystemId;
  serviceCode: string;
  serviceVersion: string;
  endpoints: Endpoint[];
}

/** The members and subsystems of this instance (another instance's come with federation). */
export const listClients = (db: Database, instance: string): Promise<Member[]> =>
  listMembers(db, instance);

/**
 * The REST services of a provider subsystem, with every endpoint of each; `serviceCode` narrows
 * to one. Outcomes: the list; undefined when the provider subsystem is unknown.
 */
export async function listMethods(
  db: Database,
  provider: SubsystemId,
  serviceCode?: string,
): Promise<ServiceMethods[] | undefined> {
  const passports = await providerPassports(db, provider, serviceCode);
  return passports?.map((passport) => methodsOf(passport, endpointsOf(passport.openapi)));
}

/**
 * The services of a provider that `client` may call now, each with the endpoints its approved
 * contract grants (every endpoint for a grant of the whole service). Outcomes: the list (empty
 * for an unknown client); undefined when the provider subsystem is unknown.
 */
export async function allowedMethods(
  db: Database,
  provider: SubsystemId,
  client: SubsystemId | undefined,
  serviceCode?: string,
): Promise<ServiceMethods[] | undefined> {
  const passports = await providerPassports(db, provider, serviceCode);
  if (!passports) return undefined;
  const consumer = client && (await findSubsystemById(db, client));
  if (!consumer) return [];
  const allowed: ServiceMethods[] = [];
  for (const passport of passports) {
    const contract = await currentContract(db, passport.id, consumer.id);
    if (contract?.status.state !== 'approved' || !contract.status.grant) continue;
    allowed.push(methodsOf(passport, granted(passport, contract.status.grant)));
  }
  return allowed;
}

/** A passport's OpenAPI document, by provider and service code. Outcomes: it; undefined. */
export async function getOpenApi(
  db: Database,
  provider: SubsystemId,
  serviceCode: string,
): Promise<Record<string, unknown> | undefined> {
  const passports = await providerPassports(db, provider, serviceCode);
  return passports?.[0]?.openapi;
}

async function providerPassports(
  db: Database,
  provider: SubsystemId,
  serviceCode?: string,
): Promise<Passport[] | undefined> {
  const subsystem = await findSubsystemById(db, provider);
  if (!subsystem) return undefined;
  const passports = await listPassports(db, { subsystemId: subsystem.id });
  return serviceCode === undefined
    ? passports
    : passports.filter((passport) => passport.serviceCode === serviceCode);
}

const granted = (passport: Passport, grant: Grant): Endpoint[] =>
  grant.scope === 'service' ? endpointsOf(passport.openapi) : grant.endpoints;

const methodsOf = (passport: Passport, endpoints: Endpoint[]): ServiceMethods => ({
  provider: passport.address,
  serviceCode: passport.serviceCode,
  serviceVersion: `v${passport.version}`,
  endpoints,
});
