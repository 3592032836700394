import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { requireSignedIn } from '../../../platform/auth/guards.js';
import { problemResponses } from '../../../platform/http/problem.js';
import {
  cancelAct,
  listFrozenActs,
  listMyActs,
  openAct,
  reportNotMe,
  reviewAct,
  runChecks,
  signAct,
  viewAct,
} from '../service/acts.js';
import type { ChecksRun } from '../domain/checks/run-checks.js';
import type { ENotaryDeps } from '../service/deps.js';
import { listMyPowersOfAttorney, revokeMyPowerOfAttorney } from '../service/powers-of-attorney.js';
import { verifyAct } from '../service/verification.js';
import { certifyWill, findWillsOfTestator, openCase } from '../service/wills.js';
import {
  ActBody,
  ActParams,
  ActStatusSchema,
  CancelBody,
  ChecksRunSchema,
  InheritanceCaseSchema,
  OpenedAct,
  PowerOfAttorneySchema,
  RegisterNumberSchema,
  RevocationSchema,
  RevokeBody,
  ReviewBody,
  SignedActSchema,
  TestatorBody,
  VerificationSchema,
  VerifyBody,
  WillBody,
  WillsSchema,
} from './schemas.js';

const tags = ['e-notary'];

const checksJson = (checks: ChecksRun) => ({
  ...checks,
  ranAt: checks.ranAt.toISOString(),
  factsAsOf: checks.factsAsOf.toISOString(),
});
const session = [{ session: [] }];

/**
 * The e-Notary JSON API under /e-notary/api. Who may do what is decided by the services (a
 * notary by the licence registry, a party by the act); personal identifiers travel only in
 * bodies, never in paths. Each route lists every status it answers with.
 */
export async function eNotaryApiRoutes(scope: FastifyInstance, deps: ENotaryDeps) {
  const app = scope.withTypeProvider<TypeBoxTypeProvider>();
  const signedIn = { preHandler: requireSignedIn() };

  app.post(
    '/api/acts',
    {
      ...signedIn,
      schema: {
        tags,
        summary: 'Open a notarial act (a sale alerts every registered owner)',
        security: session,
        body: ActBody,
        response: { 201: OpenedAct, ...problemResponses(400, 401, 403, 409) },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await openAct(deps, request.principal!, request.body)),
  );

  app.get(
    '/api/acts',
    {
      ...signedIn,
      schema: {
        tags,
        summary: 'My acts: opened as notary, and those I am party to',
        security: session,
        response: {
          200: Type.Object({
            asNotary: Type.Array(Type.Object({ id: Type.String(), kind: Type.String() })),
            asParty: Type.Array(Type.Object({ id: Type.String(), kind: Type.String() })),
          }),
          ...problemResponses(401),
        },
      },
    },
    async (request) => listMyActs(deps, request.principal!),
  );

  app.get(
    '/api/acts/:actId',
    {
      ...signedIn,
      schema: {
        tags,
        summary: 'An act’s status and latest checks',
        security: session,
        params: ActParams,
        response: { 200: ActStatusSchema, ...problemResponses(401, 404) },
      },
    },
    async (request) => {
      const { act, state } = await viewAct(deps, request.principal!, request.params.actId);
      return {
        id: act.id,
        kind: act.kind,
        status: state.status,
        disputed: state.disputed,
        registerNumber: act.entry?.registerNumber ?? null,
        checks: state.checks && checksJson(state.checks),
      };
    },
  );

  app.post(
    '/api/acts/:actId/checks',
    {
      ...signedIn,
      schema: {
        tags,
        summary: 'Run the pre-deal checks; each result goes into the act’s file',
        security: session,
        params: ActParams,
        response: { 200: ChecksRunSchema, ...problemResponses(401, 404, 409) },
      },
    },
    async (request) => checksJson(await runChecks(deps, request.principal!, request.params.actId)),
  );

  app.post(
    '/api/acts/:actId/sign',
    {
      ...signedIn,
      schema: {
        tags,
        summary: 'Sign the act with the notary’s certificate and enter it in the register',
        security: session,
        params: ActParams,
        response: { 200: SignedActSchema, ...problemResponses(401, 403, 404, 409) },
      },
    },
    async (request) => signAct(deps, request.principal!, request.params.actId),
  );

  app.post(
    '/api/acts/:actId/not-me',
    {
      ...signedIn,
      schema: {
        tags,
        summary: 'An alerted owner reports “this is not me”: the act is frozen pending review',
        security: session,
        params: ActParams,
        response: {
          200: Type.Object({ status: Type.String(), disputed: Type.Boolean() }),
          ...problemResponses(401, 403, 404, 409),
        },
      },
    },
    async (request) => {
      const state = await reportNotMe(deps, request.principal!, request.params.actId);
      return { status: state.status, disputed: state.disputed };
    },
  );

  app.get(
    '/api/reviews',
    {
      ...signedIn,
      schema: {
        tags,
        summary:
          'Acts frozen by an owner’s “this is not me”, for a reviewer (e-notary.acts.review)',
        security: session,
        response: {
          200: Type.Array(
            Type.Object({
              actId: Type.String(),
              kind: Type.String(),
              cadastralNumber: Type.Union([Type.String(), Type.Null()]),
              notaryLicence: Type.String(),
              reports: Type.Array(
                Type.Object({ owner: Type.String(), at: Type.String({ format: 'date-time' }) }),
              ),
            }),
          ),
          ...problemResponses(401, 403),
        },
      },
    },
    async (request) =>
      (await listFrozenActs(deps, request.principal!)).map(({ act, state }) => ({
        actId: act.id,
        kind: act.kind,
        cadastralNumber: act.cadastralNumber,
        notaryLicence: act.notaryLicence,
        reports: state.reports.map((report) => ({
          owner: report.owner.id,
          at: report.at.toISOString(),
        })),
      })),
  );

  app.post(
    '/api/acts/:actId/review',
    {
      ...signedIn,
      schema: {
        tags,
        summary:
          'A reviewer (e-notary.acts.review) releases or cancels a frozen act, giving the reason',
        security: session,
        params: ActParams,
        body: ReviewBody,
        response: {
          200: Type.Object({ status: Type.String() }),
          ...problemResponses(400, 401, 403, 404, 409),
        },
      },
    },
    async (request) => {
      const state = await reviewAct(deps, request.principal!, request.params.actId, request.body);
      return { status: state.status };
    },
  );

  app.post(
    '/api/acts/:actId/cancel',
    {
      ...signedIn,
      schema: {
        tags,
        summary: 'The act’s notary cancels an unsigned act, giving the reason',
        security: session,
        params: ActParams,
        body: CancelBody,
        response: {
          200: Type.Object({ status: Type.String() }),
          ...problemResponses(400, 401, 404, 409),
        },
      },
    },
    async (request) => {
      const state = await cancelAct(
        deps,
        request.principal!,
        request.params.actId,
        request.body.reason,
      );
      return { status: state.status };
    },
  );

  app.get(
    '/api/powers-of-attorney',
    {
      ...signedIn,
      schema: {
        tags,
        summary: 'Powers of attorney I gave and those given to me',
        security: session,
        response: {
          200: Type.Object({
            given: Type.Array(PowerOfAttorneySchema),
            held: Type.Array(PowerOfAttorneySchema),
          }),
          ...problemResponses(401),
        },
      },
    },
    async (request) => {
      const { given, held } = await listMyPowersOfAttorney(deps, request.principal!);
      const view = (list: typeof given) =>
        list.map((poa) => ({
          registerNumber: poa.registerNumber,
          principalKind: poa.principal.kind,
          issuedOn: poa.issuedOn,
          validUntil: poa.validUntil,
          revokedAt: poa.revokedAt?.toISOString() ?? null,
        }));
      return { given: view(given), held: view(held) };
    },
  );

  app.post(
    '/api/powers-of-attorney/revoke',
    {
      ...signedIn,
      schema: {
        tags,
        summary: 'The principal revokes a power of attorney, effective immediately',
        security: session,
        body: RevokeBody,
        response: { 200: RevocationSchema, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const revocation = await revokeMyPowerOfAttorney(deps, request.principal!, request.body);
      return {
        registerNumber: revocation.registerNumber,
        revokedAt: revocation.revokedAt.toISOString(),
        reason: revocation.reason,
      };
    },
  );

  app.post(
    '/api/wills',
    {
      ...signedIn,
      schema: {
        tags,
        summary: 'Certify a will (sealed in register W)',
        security: session,
        body: WillBody,
        response: { 201: RegisterNumberSchema, ...problemResponses(400, 401, 403, 409) },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await certifyWill(deps, request.principal!, request.body)),
  );

  app.post(
    '/api/wills/search',
    {
      ...signedIn,
      schema: {
        tags,
        summary: 'Wills of a testator I may see (only the notary of an open inheritance case)',
        security: session,
        body: TestatorBody,
        response: { 200: WillsSchema, ...problemResponses(400, 401) },
      },
    },
    async (request) =>
      (await findWillsOfTestator(deps, request.principal!, request.body.testatorIin)).map(
        (will) => ({
          registerNumber: will.registerNumber,
          certifiedAt: will.certifiedAt.toISOString(),
        }),
      ),
  );

  app.post(
    '/api/inheritance-cases',
    {
      ...signedIn,
      schema: {
        tags,
        summary: 'Open the inheritance case of a deceased testator (register I)',
        security: session,
        body: TestatorBody,
        response: { 201: InheritanceCaseSchema, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const opened = await openCase(deps, request.principal!, request.body);
      return reply.status(201).send({
        id: opened.id,
        registerNumber: opened.registerNumber,
        openedOn: opened.openedOn,
        acceptanceEnds: opened.acceptanceEnds,
      });
    },
  );

  app.post(
    '/api/verify',
    {
      schema: {
        tags,
        summary: 'Public check of an act by register number or QR code (no sign-in)',
        body: VerifyBody,
        response: { 200: VerificationSchema, ...problemResponses(400) },
      },
    },
    async (request) => {
      const result = await verifyAct(
        deps,
        request.body.number,
        request.principal?.accountId ?? null,
      );
      return {
        status: result.status,
        registerNumber: result.document?.registerNumber ?? null,
        issuedAt: result.document?.issuedAt.toISOString() ?? null,
        issuerName: result.document?.issuerName ?? null,
      };
    },
  );
}
