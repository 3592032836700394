import type { FastifyInstance } from 'fastify';
import { Type } from '@sinclair/typebox';
import { requireRole, requireScope } from '../../../platform/auth/guards.js';
import { IDENTITY_SCOPES } from '../domain/api-scopes.js';
import { appointOfficer, createAgency } from '../service/agencies.js';
import {
  createApiClient,
  revokeApiClient,
  type ApiClientView as ApiClient,
} from '../service/api-clients.js';
import { identityDeps } from '../service/deps.js';
import { createOrganisation, createPerson } from '../service/people.js';
import { requestFacts } from './request-facts.js';
import {
  AgencyView,
  ApiClientView,
  CreatedApiClient,
  NewAgencyBody,
  NewApiClientBody,
  NewOfficerBody,
  NewOrganisationBody,
  NewPersonBody,
  OfficerView,
  OrganisationView,
  PersonView,
  ProblemRef,
  WhoAmI,
} from './schemas.js';

const tags = ['identity'];
/** Every error status an authenticated route can answer with. */
const guarded = { 401: ProblemRef, 403: ProblemRef };
const writes = { ...guarded, 400: ProblemRef, 409: ProblemRef, 413: ProblemRef, 415: ProblemRef };

const clientView = (client: ApiClient) => ({
  ...client,
  createdAt: client.createdAt.toISOString(),
  revokedAt: client.revokedAt?.toISOString() ?? null,
});

/**
 * The identity JSON API under /api/v1/identity. `whoami` answers for any signed-in person or API
 * key with `identity:read`; the rest is for administrators (session cookie plus CSRF header).
 * No national identifier ever travels in a path or query string: only in bodies.
 */
export async function identityApiRoutes(app: FastifyInstance) {
  const deps = identityDeps(app.platform);
  const admin = requireRole('admin');

  app.get(
    '/api/v1/identity/whoami',
    {
      preHandler: requireScope(IDENTITY_SCOPES.read),
      schema: {
        tags,
        summary: 'Who is calling: the signed-in person or the API client',
        security: [{ bearer: [] }, { session: [] }],
        response: { 200: WhoAmI, ...guarded },
      },
    },
    async (request) => {
      if (request.principal) {
        const { accountId, personId, displayName, roles, agencyId } = request.principal;
        return { kind: 'person' as const, accountId, personId, displayName, roles, agencyId };
      }
      const caller = request.apiCaller!;
      return {
        kind: 'api-client' as const,
        clientId: caller.clientId,
        name: caller.name,
        scopes: caller.scopes,
      };
    },
  );

  app.post(
    '/api/v1/identity/people',
    {
      preHandler: admin,
      schema: {
        tags,
        summary: 'Register a person (administrators)',
        body: NewPersonBody,
        response: { 201: PersonView, ...writes },
      },
    },
    async (request, reply) => {
      const body = request.body as NewPersonBody;
      const person = await createPerson(
        deps,
        body,
        request.principal!.accountId,
        requestFacts(request),
      );
      return reply.status(201).send({
        id: person.id,
        nationalId: person.nationalId,
        familyName: person.familyName,
        givenName: person.givenName,
        patronymic: person.patronymic,
        birthDate: person.birthDate,
      });
    },
  );

  app.post(
    '/api/v1/identity/organisations',
    {
      preHandler: admin,
      schema: {
        tags,
        summary: 'Register an organisation (administrators)',
        body: NewOrganisationBody,
        response: { 201: OrganisationView, ...writes },
      },
    },
    async (request, reply) => {
      const body = request.body as NewOrganisationBody;
      const organisation = await createOrganisation(
        deps,
        body,
        request.principal!.accountId,
        requestFacts(request),
      );
      return reply.status(201).send({
        id: organisation.id,
        nationalId: organisation.nationalId,
        name: organisation.name,
        directorPersonId: organisation.directorPersonId,
      });
    },
  );

  app.post(
    '/api/v1/identity/agencies',
    {
      preHandler: admin,
      schema: {
        tags,
        summary: 'Create an agency (administrators)',
        body: NewAgencyBody,
        response: { 201: AgencyView, ...writes },
      },
    },
    async (request, reply) => {
      const body = request.body as NewAgencyBody;
      const agency = await createAgency(
        deps,
        body,
        request.principal!.accountId,
        requestFacts(request),
      );
      return reply.status(201).send(agency);
    },
  );

  app.post(
    '/api/v1/identity/officers',
    {
      preHandler: admin,
      schema: {
        tags,
        summary: 'Make a person an officer of an agency (administrators)',
        body: NewOfficerBody,
        response: { 201: OfficerView, ...writes },
      },
    },
    async (request, reply) => {
      const body = request.body as NewOfficerBody;
      const officer = await appointOfficer(
        deps,
        body,
        request.principal!.accountId,
        requestFacts(request),
      );
      return reply.status(201).send(officer);
    },
  );

  app.post(
    '/api/v1/identity/api-clients',
    {
      preHandler: admin,
      schema: {
        tags,
        summary: 'Create an API client; the key is in this answer only (administrators)',
        body: NewApiClientBody,
        response: { 201: CreatedApiClient, ...writes },
      },
    },
    async (request, reply) => {
      const body = request.body as NewApiClientBody;
      const { client, key } = await createApiClient(
        deps,
        body,
        request.principal!.accountId,
        requestFacts(request),
      );
      return reply.status(201).send({ client: clientView(client), key });
    },
  );

  app.post(
    '/api/v1/identity/api-clients/:clientId/revoke',
    {
      preHandler: admin,
      schema: {
        tags,
        summary: 'Revoke an API client key at once (administrators)',
        params: Type.Object({ clientId: Type.String({ format: 'uuid' }) }),
        response: { 200: ApiClientView, ...guarded, 400: ProblemRef, 404: ProblemRef },
      },
    },
    async (request) => {
      const { clientId } = request.params as { clientId: string };
      const client = await revokeApiClient(
        deps,
        clientId,
        request.principal!.accountId,
        requestFacts(request),
      );
      return clientView(client);
    },
  );
}
