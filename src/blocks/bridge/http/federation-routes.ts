import { Type, type Static } from '@sinclair/typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { requireRole } from '../../../platform/auth/guards.js';
import { hasRole } from '../../../platform/auth/principal.js';
import { DomainError } from '../../../platform/errors.js';
import type { Actor, BridgeDeps } from '../service/deps.js';
import {
  findFederation,
  listFederations,
  pinFederation,
  publishedConfiguration,
  refreshFederation,
  revokeFederation,
  type Federation,
} from '../service/federation.js';
import { ProblemRef } from './schemas.js';

const tags = ['bridge'];
const security = [{ session: [] }];
const guarded = { 401: ProblemRef, 403: ProblemRef };
const P = '/api/v1/bridge/federations';

const Instant = Type.String({ format: 'date-time' });
const FederationConfigView = Type.Object({
  kind: Type.String(),
  instance: Type.String(),
  serial: Type.Integer(),
  issuedAt: Instant,
  validUntil: Instant,
  authorityCertificate: Type.String(),
  gatewayUrl: Type.String(),
});
const SignedConfigView = Type.Object({ config: FederationConfigView, signature: Type.String() });
const FederationView = Type.Object({
  instance: Type.String(),
  state: Type.Union([Type.Literal('pinned'), Type.Literal('revoked')]),
  authorityFingerprint: Type.Union([Type.String(), Type.Null()]),
  configurationUrl: Type.Union([Type.String(), Type.Null()]),
  since: Instant,
  config: Type.Union([FederationConfigView, Type.Null()]),
  acceptedAt: Type.Union([Instant, Type.Null()]),
});
const PinBody = Type.Object(
  {
    instance: Type.String({ minLength: 2, maxLength: 8 }),
    authorityFingerprint: Type.String({ minLength: 64, maxLength: 95 }),
    configurationUrl: Type.String({ minLength: 1, maxLength: 2000 }),
  },
  { additionalProperties: false },
);
type PinBody = Static<typeof PinBody>;
const InstanceParams = Type.Object({ instance: Type.String({ minLength: 1, maxLength: 8 }) });

const view = (federation: Federation) => ({
  ...federation,
  since: federation.since.toISOString(),
  acceptedAt: federation.acceptedAt?.toISOString() ?? null,
});

const actorOf = (request: FastifyRequest): Actor => ({
  accountId: request.principal!.accountId,
  admin: hasRole(request.principal, 'admin'),
});

/**
 * Federation: this deployment's signed configuration, public (`GET /bridge/federation/
 * configuration`, what a partner's operators fetch after pinning this CA's fingerprint), and the
 * operators' API for partners (administrators only): list, pin, refresh, revoke.
 */
export async function federationRoutes(
  app: FastifyInstance,
  options: { deps: BridgeDeps; publicOrigin: string },
) {
  const { deps, publicOrigin } = options;
  const admin = requireRole('admin');
  const instance = (request: FastifyRequest) => (request.params as { instance: string }).instance;

  app.get(
    '/bridge/federation/configuration',
    {
      schema: {
        tags,
        summary: "This deployment's federation configuration, signed with its CA's key",
        response: { 200: SignedConfigView },
      },
    },
    async (_request, reply) => {
      reply.header('cache-control', 'no-cache');
      return publishedConfiguration(deps, publicOrigin);
    },
  );

  app.get(
    P,
    {
      preHandler: admin,
      schema: {
        tags,
        security,
        summary: 'Federated deployments (administrators)',
        response: { 200: Type.Array(FederationView), ...guarded },
      },
    },
    async () => (await listFederations(deps.db)).map(view),
  );

  app.get(
    `${P}/:instance`,
    {
      preHandler: admin,
      schema: {
        tags,
        security,
        summary: 'One federated deployment (administrators)',
        params: InstanceParams,
        response: { 200: FederationView, 404: ProblemRef, ...guarded },
      },
    },
    async (request) => {
      const federation = await findFederation(deps.db, instance(request));
      if (!federation) throw new DomainError('BRIDGE_FEDERATION_NOT_FOUND', 404);
      return view(federation);
    },
  );

  app.post(
    P,
    {
      preHandler: admin,
      schema: {
        tags,
        security,
        summary: "Federate: pin a partner's CA fingerprint and configuration URL",
        body: PinBody,
        response: {
          201: FederationView,
          400: ProblemRef,
          422: ProblemRef,
          502: ProblemRef,
          ...guarded,
        },
      },
    },
    async (request, reply) => {
      const federation = await pinFederation(deps, actorOf(request), request.body as PinBody);
      return reply.status(201).send(view(federation));
    },
  );

  app.post(
    `${P}/:instance/refresh`,
    {
      preHandler: admin,
      schema: {
        tags,
        security,
        summary: "Fetch a partner's configuration again",
        params: InstanceParams,
        response: {
          200: FederationView,
          404: ProblemRef,
          422: ProblemRef,
          502: ProblemRef,
          ...guarded,
        },
      },
    },
    async (request) => view(await refreshFederation(deps, instance(request))),
  );

  app.post(
    `${P}/:instance/revoke`,
    {
      preHandler: admin,
      schema: {
        tags,
        security,
        summary: 'Revoke a federation: the pin is removed, the next exchange is refused',
        params: InstanceParams,
        response: { 200: FederationView, 404: ProblemRef, ...guarded },
      },
    },
    async (request) => view(await revokeFederation(deps, actorOf(request), instance(request))),
  );
}
