import { Type } from '@sinclair/typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { requireSignedIn } from '../../../platform/auth/guards.js';
import { hasRole } from '../../../platform/auth/principal.js';
import { DomainError } from '../../../platform/errors.js';
import { giveConsent, withdrawConsent } from '../service/consents.js';
import { evidenceFor } from '../service/evidence-export.js';
import { setProviderCredential } from '../service/provider-credentials.js';
import {
  decideContract,
  getContractFor,
  listContracts,
  requestContract,
  type ContractDecision,
} from '../service/contracts.js';
import type { Actor, BridgeDeps } from '../service/deps.js';
import {
  addSubsystem,
  findMember,
  issueMemberCertificate,
  listMemberCertificates,
  listMembers,
  registerMember,
} from '../service/members.js';
import {
  findPassport,
  listPassports,
  publishPassport,
  publishPassportVersion,
  type PassportContent,
} from '../service/passports.js';
import {
  ApproveBody,
  CertificateView,
  ConsentBody,
  ConsentView,
  ContractListQuery,
  ContractView,
  IdParams,
  IssuedCertificateView,
  MemberView,
  NewContractBody,
  NewMemberBody,
  NewPassportBody,
  NewSubsystemBody,
  PassportContentBody,
  PassportView,
  ProblemRef,
  ReasonBody,
  WithdrawConsentBody,
} from './schemas.js';
import { certificateView, consentView, contractView, memberView, passportView } from './views.js';

const tags = ['bridge'];
const security = [{ session: [] }];
const guarded = { 401: ProblemRef, 403: ProblemRef };
const P = '/api/v1/bridge';

const actorOf = (request: FastifyRequest): Actor => ({
  accountId: request.principal!.accountId,
  admin: hasRole(request.principal, 'admin'),
});

const content = (body: PassportContentBody): PassportContent => ({
  purpose: body.purpose,
  legalBasis: body.legalBasis,
  dataClasses: body.dataClasses,
  openapi: body.openapi,
  baseUrl: body.baseUrl,
  ratePerSecond: body.ratePerSecond,
  maxBodyBytes: body.maxBodyBytes,
  timeoutMs: body.timeoutMs ?? 10_000,
  answerFormat: body.answerFormat,
  consentRequired: body.consentRequired,
  personIdField: body.personIdField ?? null,
});

/**
 * The bridge's catalogue API under /api/v1/bridge, for signed-in people (session cookie; JSON
 * writes also send the CSRF token): members and subsystems, member certificates, service
 * passports, access contracts and the persons' consents. Who may do what is the services' rule
 * (a member's managers act for it; only a passport's owner decides on its contracts); every
 * change is audited in its transaction.
 */
export async function bridgeApiRoutes(app: FastifyInstance, deps: BridgeDeps) {
  const signedIn = requireSignedIn();
  const id = (request: FastifyRequest) => (request.params as { id: string }).id;

  app.post(
    `${P}/members`,
    {
      preHandler: signedIn,
      schema: {
        tags,
        security,
        summary: 'Register an organisation as a member (you become its manager)',
        body: NewMemberBody,
        response: { 201: MemberView, 400: ProblemRef, 409: ProblemRef, ...guarded },
      },
    },
    async (request, reply) => {
      const member = await registerMember(deps, actorOf(request), request.body as NewMemberBody);
      return reply.status(201).send(memberView(member));
    },
  );

  app.get(
    `${P}/members`,
    {
      preHandler: signedIn,
      schema: {
        tags,
        security,
        summary: 'The members of this instance and their subsystems',
        response: { 200: Type.Array(MemberView), ...guarded },
      },
    },
    async () => (await listMembers(deps.db, deps.instance)).map(memberView),
  );

  app.get(
    `${P}/members/:id`,
    {
      preHandler: signedIn,
      schema: {
        tags,
        security,
        summary: 'A member and its subsystems',
        params: IdParams,
        response: { 200: MemberView, 404: ProblemRef, ...guarded },
      },
    },
    async (request) => {
      const member = await findMember(deps.db, id(request));
      if (!member) throw new DomainError('BRIDGE_MEMBER_NOT_FOUND', 404);
      return memberView(member);
    },
  );

  app.post(
    `${P}/members/:id/subsystems`,
    {
      preHandler: signedIn,
      schema: {
        tags,
        security,
        summary: 'Add a subsystem (an information system) to a member',
        params: IdParams,
        body: NewSubsystemBody,
        response: {
          201: MemberView,
          400: ProblemRef,
          404: ProblemRef,
          409: ProblemRef,
          ...guarded,
        },
      },
    },
    async (request, reply) => {
      const { code } = request.body as { code: string };
      const member = await addSubsystem(deps, actorOf(request), id(request), code);
      return reply.status(201).send(memberView(member));
    },
  );

  app.post(
    `${P}/members/:id/certificates`,
    {
      preHandler: signedIn,
      schema: {
        tags,
        security,
        summary: 'Issue a member certificate; its private key is in this answer only',
        params: IdParams,
        response: { 201: IssuedCertificateView, 404: ProblemRef, ...guarded },
      },
    },
    async (request, reply) => {
      const issued = await issueMemberCertificate(deps, actorOf(request), id(request));
      return reply
        .status(201)
        .header('cache-control', 'no-store')
        .send({
          certificate: certificateView(issued.certificate),
          privateKeyPem: issued.privateKeyPem,
        });
    },
  );

  app.get(
    `${P}/members/:id/certificates`,
    {
      preHandler: signedIn,
      schema: {
        tags,
        security,
        summary: 'A member’s certificates, newest first (never their keys)',
        params: IdParams,
        response: { 200: Type.Array(CertificateView), 404: ProblemRef, ...guarded },
      },
    },
    async (request) =>
      (await listMemberCertificates(deps, actorOf(request), id(request))).map(certificateView),
  );

  app.post(
    `${P}/passports`,
    {
      preHandler: signedIn,
      schema: {
        tags,
        security,
        summary: 'Publish a service passport of a provider subsystem (version 1)',
        body: NewPassportBody,
        response: {
          201: PassportView,
          400: ProblemRef,
          404: ProblemRef,
          409: ProblemRef,
          ...guarded,
        },
      },
    },
    async (request, reply) => {
      const body = request.body as NewPassportBody;
      const passport = await publishPassport(deps, actorOf(request), {
        subsystemId: body.subsystemId,
        serviceCode: body.serviceCode,
        ...content(body),
      });
      return reply.status(201).send(passportView(passport));
    },
  );

  app.get(
    `${P}/passports`,
    {
      preHandler: signedIn,
      schema: {
        tags,
        security,
        summary: 'The catalogue of service passports, each at its current version',
        response: { 200: Type.Array(PassportView), ...guarded },
      },
    },
    async () => (await listPassports(deps.db)).map(passportView),
  );

  app.get(
    `${P}/passports/:id`,
    {
      preHandler: signedIn,
      schema: {
        tags,
        security,
        summary: 'A passport at its current version, with its version history',
        params: IdParams,
        response: { 200: PassportView, 404: ProblemRef, ...guarded },
      },
    },
    async (request) => {
      const passport = await findPassport(deps.db, id(request));
      if (!passport) throw new DomainError('BRIDGE_PASSPORT_NOT_FOUND', 404);
      return passportView(passport);
    },
  );

  app.post(
    `${P}/passports/:id/versions`,
    {
      preHandler: signedIn,
      schema: {
        tags,
        security,
        summary: 'Publish the next version of a passport (earlier versions stay)',
        params: IdParams,
        body: PassportContentBody,
        response: { 201: PassportView, 400: ProblemRef, 404: ProblemRef, ...guarded },
      },
    },
    async (request, reply) => {
      const passport = await publishPassportVersion(
        deps,
        actorOf(request),
        id(request),
        content(request.body as PassportContentBody),
      );
      return reply.status(201).send(passportView(passport));
    },
  );

  app.get(
    `${P}/exchanges/:id/evidence`,
    {
      preHandler: signedIn,
      schema: {
        tags,
        security,
        summary:
          'The evidence file of one exchange, for its parties: verify it offline with `ortaq bridge evidence-verify FILE --ca CA.pem`',
        params: IdParams,
        response: { 404: ProblemRef, 409: ProblemRef, ...guarded },
      },
    },
    async (request, reply) => {
      const evidence = await evidenceFor(deps, actorOf(request), id(request));
      return reply
        .header('content-disposition', `attachment; filename="evidence-${id(request)}.json"`)
        .header('cache-control', 'no-store')
        .send(evidence);
    },
  );

  app.put(
    `${P}/passports/:id/provider-credential`,
    {
      preHandler: signedIn,
      schema: {
        tags,
        security,
        summary:
          'Give the gateway the Authorization it presents to the provider (sealed, never shown again)',
        params: IdParams,
        body: Type.Object({ authorization: Type.String({ minLength: 1, maxLength: 2000 }) }),
        response: { 204: Type.Null(), 400: ProblemRef, 404: ProblemRef, ...guarded },
      },
    },
    async (request, reply) => {
      const { authorization } = request.body as { authorization: string };
      await setProviderCredential(deps, actorOf(request), id(request), authorization);
      return reply.status(204).send();
    },
  );

  app.post(
    `${P}/contracts`,
    {
      preHandler: signedIn,
      schema: {
        tags,
        security,
        summary: 'Request access to a passport for a consumer subsystem',
        body: NewContractBody,
        response: {
          201: ContractView,
          400: ProblemRef,
          404: ProblemRef,
          409: ProblemRef,
          ...guarded,
        },
      },
    },
    async (request, reply) => {
      const contract = await requestContract(
        deps,
        actorOf(request),
        request.body as NewContractBody,
      );
      return reply.status(201).send(contractView(contract));
    },
  );

  app.get(
    `${P}/contracts`,
    {
      preHandler: signedIn,
      schema: {
        tags,
        security,
        summary: 'The contracts of a passport (its owner) or of a consumer subsystem',
        querystring: ContractListQuery,
        response: { 200: Type.Array(ContractView), 400: ProblemRef, 404: ProblemRef, ...guarded },
      },
    },
    async (request) => {
      const query = request.query as { passportId?: string; consumerSubsystemId?: string };
      const filter = query.passportId
        ? { passportId: query.passportId }
        : query.consumerSubsystemId
          ? { consumerSubsystemId: query.consumerSubsystemId }
          : undefined;
      if (!filter) throw new DomainError('BRIDGE_CONTRACT_FILTER_REQUIRED', 400);
      return (await listContracts(deps, actorOf(request), filter)).map(contractView);
    },
  );

  app.get(
    `${P}/contracts/:id`,
    {
      preHandler: signedIn,
      schema: {
        tags,
        security,
        summary: 'A contract with its history and state',
        params: IdParams,
        response: { 200: ContractView, 404: ProblemRef, ...guarded },
      },
    },
    async (request) => {
      const contract = await getContractFor(deps, actorOf(request), id(request));
      return contractView(contract);
    },
  );

  const decision = (
    action: ContractDecision['action'],
    summary: string,
    body: typeof ApproveBody | typeof ReasonBody | undefined,
  ) =>
    app.post(
      `${P}/contracts/:id/${action}`,
      {
        preHandler: signedIn,
        schema: {
          tags,
          security,
          summary,
          params: IdParams,
          ...(body ? { body } : {}),
          response: {
            200: ContractView,
            400: ProblemRef,
            404: ProblemRef,
            409: ProblemRef,
            ...guarded,
          },
        },
      },
      async (request) => {
        const input = (request.body ?? {}) as Record<string, unknown>;
        const contract = await decideContract(deps, actorOf(request), id(request), {
          action,
          ...input,
        } as ContractDecision);
        return contractView(contract);
      },
    );
  decision('approve', 'The owner approves, granting the service or named endpoints', ApproveBody);
  decision('refuse', 'The owner refuses, with reasons', ReasonBody);
  decision('suspend', 'The owner suspends an approved contract, with reasons', ReasonBody);
  decision('resume', 'The owner resumes a suspended contract', undefined);
  decision('revoke', 'The owner, or the consumer, ends the contract for good', ReasonBody);

  app.post(
    `${P}/consents`,
    {
      preHandler: signedIn,
      schema: {
        tags,
        security,
        summary: 'The signed-in person consents to a passport’s purpose until a date',
        body: ConsentBody,
        response: { 200: ConsentView, 400: ProblemRef, 404: ProblemRef, ...guarded },
      },
    },
    async (request) => {
      const body = request.body as { passportId: string; validUntil: string };
      const principal = request.principal!;
      return consentView(
        await giveConsent(
          deps,
          { personId: principal.personId, accountId: principal.accountId },
          body.passportId,
          new Date(body.validUntil),
        ),
      );
    },
  );

  app.post(
    `${P}/consents/withdraw`,
    {
      preHandler: signedIn,
      schema: {
        tags,
        security,
        summary: 'The signed-in person withdraws consent to a passport, from now on',
        body: WithdrawConsentBody,
        response: { 200: ConsentView, 404: ProblemRef, ...guarded },
      },
    },
    async (request) => {
      const body = request.body as { passportId: string };
      const principal = request.principal!;
      return consentView(
        await withdrawConsent(
          deps,
          { personId: principal.personId, accountId: principal.accountId },
          body.passportId,
        ),
      );
    },
  );
}
