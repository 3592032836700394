import { Type } from '@sinclair/typebox';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import {
  addSubsystem,
  decideContract,
  findMember,
  findPassport,
  issueMemberCertificate,
  listPassports,
  registerMember,
  requestContract,
  type BridgeActor,
  type ContractDecision,
  type Endpoint,
} from '../../../blocks/bridge/index.js';
import { requireSignedIn } from '../../../platform/auth/guards.js';
import { DomainError, isDomainError } from '../../../platform/errors.js';
import { formErrorsFrom, type FormErrors } from '../../../platform/views/components/index.js';
import {
  consumerSubsystems,
  contractView,
  incomingRequests,
  memberOverview,
  membersManagedBy,
  organisationsDirectedBy,
  portalDeps,
} from '../service/portal.js';
import {
  CertificatePage,
  ContractPage,
  HomePage,
  MemberPage,
  MembersPage,
  NewMemberPage,
  PassportPage,
  PATHS,
  RequestPage,
  RequestsPage,
  ServicesPage,
} from '../views/pages.js';

const Params = Type.Object({ id: Type.String({ maxLength: 40 }) });
/** Form posts: text fields, and repeated checkboxes as arrays. */
const FormBody = Type.Record(
  Type.String(),
  Type.Union([Type.String({ maxLength: 5000 }), Type.Array(Type.String({ maxLength: 300 }))]),
);
type FormBody = Record<string, string | string[] | undefined>;

const text = (body: FormBody, name: string): string => {
  const value = body[name];
  return typeof value === 'string' ? value : '';
};
const list = (body: FormBody, name: string): string[] => {
  const value = body[name];
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
};

const actorOf = (request: FastifyRequest): BridgeActor => ({
  accountId: request.principal!.accountId,
  admin: request.principal!.roles.includes('admin'),
});

/** A refusal the page shows again with its errors; a 404 or a 5xx goes to the error pages. */
const shown = (error: unknown): error is DomainError =>
  isDomainError(error) && error.status < 500 && error.status !== 404;

/**
 * The developer portal: the public catalogue of service passports, and for signed-in people the
 * members they manage (registration, subsystems, certificates, contracts with their usage), the
 * access requests to their passports, and each contract's decisions. Forms post and redirect
 * (303); a refusal renders the page again with its error summary and the refusal's status.
 */
export async function smartBridgePlugin(app: FastifyInstance) {
  const deps = portalDeps(app);
  const signedIn = requireSignedIn();
  const page = { hide: true };

  app.get('/', { schema: page }, async (request, reply) =>
    reply.page(<HomePage signedIn={request.principal !== null} />),
  );

  app.get('/services', { schema: page }, async (_request, reply) =>
    reply.page(<ServicesPage passports={await listPassports(deps.db)} />),
  );

  const passportOr404 = async (id: string) => {
    const passport = await findPassport(deps.db, id);
    if (!passport) throw new DomainError('BRIDGE_PASSPORT_NOT_FOUND', 404);
    return passport;
  };

  app.get('/services/:id', { schema: { ...page, params: Params } }, async (request, reply) => {
    const passport = await passportOr404((request.params as { id: string }).id);
    return reply.page(<PassportPage passport={passport} signedIn={request.principal !== null} />);
  });

  const renderRequest = async (
    request: FastifyRequest,
    reply: FastifyReply,
    id: string,
    values: Record<string, string> = {},
    errors: FormErrors = {},
    status = 200,
  ) =>
    reply
      .status(status)
      .page(
        <RequestPage
          passport={await passportOr404(id)}
          subsystems={await consumerSubsystems(deps.db, request.principal!.accountId)}
          values={values}
          errors={errors}
        />,
      );

  app.get(
    '/services/:id/request',
    { schema: { ...page, params: Params }, preHandler: signedIn },
    async (request, reply) => renderRequest(request, reply, (request.params as { id: string }).id),
  );

  app.post(
    '/services/:id/request',
    { schema: { ...page, params: Params, body: FormBody }, preHandler: signedIn },
    async (request, reply) => {
      const { id } = request.params as { id: string };
      const body = request.body as FormBody;
      const values = {
        consumerSubsystemId: text(body, 'consumerSubsystemId'),
        purpose: text(body, 'purpose'),
        legalBasis: text(body, 'legalBasis'),
        expectedVolume: text(body, 'expectedVolume'),
      };
      try {
        const contract = await requestContract(deps, actorOf(request), {
          passportId: id,
          ...values,
        });
        return reply.redirect(PATHS.contract(contract.id), 303);
      } catch (error) {
        if (!shown(error)) throw error;
        const errors = formErrorsFrom(error, request.t, 'consumerSubsystemId');
        return renderRequest(request, reply, id, values, errors, error.status);
      }
    },
  );

  app.get('/members', { schema: page, preHandler: signedIn }, async (request, reply) =>
    reply.page(
      <MembersPage
        members={await membersManagedBy(deps.db, request.principal!.accountId)}
        organisations={await organisationsDirectedBy(
          deps.db,
          deps.instance,
          request.principal!.personId,
        )}
      />,
    ),
  );

  const renderNewMember = async (
    request: FastifyRequest,
    reply: FastifyReply,
    values: Record<string, string> = {},
    errors: FormErrors = {},
    status = 200,
  ) =>
    reply
      .status(status)
      .page(
        <NewMemberPage
          organisations={await organisationsDirectedBy(
            deps.db,
            deps.instance,
            request.principal!.personId,
          )}
          values={values}
          errors={errors}
        />,
      );

  app.get('/members/new', { schema: page, preHandler: signedIn }, async (request, reply) =>
    renderNewMember(request, reply),
  );

  app.post(
    '/members',
    { schema: { ...page, body: FormBody }, preHandler: signedIn },
    async (request, reply) => {
      const body = request.body as FormBody;
      const values = {
        organisation: text(body, 'organisation'),
        subsystem: text(body, 'subsystem'),
      };
      const organisations = await organisationsDirectedBy(
        deps.db,
        deps.instance,
        request.principal!.personId,
      );
      // Only an organisation the person directs, and not yet a member.
      const organisation = organisations.find(
        (o) => o.bin === values.organisation && o.memberId === null,
      );
      const errors: FormErrors = {};
      if (!organisation)
        errors['organisation'] = request.t('bridgePortal.newMember.organisationRequired');
      if (values.subsystem.trim() === '')
        errors['subsystem'] = request.t('bridgePortal.subsystem.codeRequired');
      if (!organisation || Object.keys(errors).length > 0)
        return renderNewMember(request, reply, values, errors, 400);
      try {
        // The member and its first subsystem together, or neither.
        const member = await deps.db.transaction().execute(async (trx) => {
          const inTrx = { ...deps, db: trx };
          const registered = await registerMember(inTrx, actorOf(request), {
            memberClass: 'COM',
            memberCode: organisation.bin,
            name: organisation.name,
          });
          return addSubsystem(inTrx, actorOf(request), registered.id, values.subsystem.trim());
        });
        return reply.redirect(PATHS.member(member.id), 303);
      } catch (error) {
        if (!shown(error)) throw error;
        const found = formErrorsFrom(error, request.t, 'subsystem', {
          memberCode: 'organisation',
          name: 'organisation',
        });
        return renderNewMember(request, reply, values, found, error.status);
      }
    },
  );

  const renderMember = async (
    request: FastifyRequest,
    reply: FastifyReply,
    id: string,
    values: Record<string, string> = {},
    errors: FormErrors = {},
    status = 200,
  ) =>
    reply
      .status(status)
      .page(
        <MemberPage
          overview={await memberOverview(deps, actorOf(request), id)}
          values={values}
          errors={errors}
        />,
      );

  app.get(
    '/members/:id',
    { schema: { ...page, params: Params }, preHandler: signedIn },
    async (request, reply) => renderMember(request, reply, (request.params as { id: string }).id),
  );

  app.post(
    '/members/:id/subsystems',
    { schema: { ...page, params: Params, body: FormBody }, preHandler: signedIn },
    async (request, reply) => {
      const { id } = request.params as { id: string };
      const values = { subsystem: text(request.body as FormBody, 'subsystem').trim() };
      try {
        await addSubsystem(deps, actorOf(request), id, values.subsystem);
        return reply.redirect(PATHS.member(id), 303);
      } catch (error) {
        if (!shown(error) || error.code === 'BRIDGE_NOT_MEMBER_MANAGER') throw error;
        const errors = formErrorsFrom(error, request.t, 'subsystem');
        return renderMember(request, reply, id, values, errors, error.status);
      }
    },
  );

  // The key is in this answer only: the page is not a redirect target and is never cached.
  app.post(
    '/members/:id/certificates',
    { schema: { ...page, params: Params, body: FormBody }, preHandler: signedIn },
    async (request, reply) => {
      const { id } = request.params as { id: string };
      const issued = await issueMemberCertificate(deps, actorOf(request), id);
      const member = (await findMember(deps.db, id))!;
      return reply
        .header('cache-control', 'no-store')
        .page(
          <CertificatePage
            member={member}
            certificate={issued.certificate}
            privateKeyPem={issued.privateKeyPem}
          />,
        );
    },
  );

  app.get('/requests', { schema: page, preHandler: signedIn }, async (request, reply) =>
    reply.page(<RequestsPage lines={await incomingRequests(deps, actorOf(request))} />),
  );

  const renderContract = async (
    request: FastifyRequest,
    reply: FastifyReply,
    id: string,
    values: Record<string, string> = {},
    errors: FormErrors = {},
    status = 200,
  ) =>
    reply
      .status(status)
      .page(
        <ContractPage
          view={await contractView(deps, actorOf(request), id)}
          values={values}
          errors={errors}
        />,
      );

  app.get(
    '/contracts/:id',
    { schema: { ...page, params: Params }, preHandler: signedIn },
    async (request, reply) => renderContract(request, reply, (request.params as { id: string }).id),
  );

  app.post(
    '/contracts/:id/decide',
    { schema: { ...page, params: Params, body: FormBody }, preHandler: signedIn },
    async (request, reply) => {
      const { id } = request.params as { id: string };
      const body = request.body as FormBody;
      const action = text(body, 'action');
      const reasonField = `${action}Reason`;
      const values = { scope: text(body, 'scope'), [reasonField]: text(body, reasonField) };
      let decision: ContractDecision;
      if (action === 'approve') {
        if (values.scope !== 'service' && values.scope !== 'endpoints')
          return renderContract(
            request,
            reply,
            id,
            values,
            {
              scope: request.t('bridgePortal.decide.scopeRequired'),
            },
            400,
          );
        const endpoints: Endpoint[] = list(body, 'endpoint').map((entry) => {
          const [method = '', path = ''] = entry.split(' ', 2);
          return { method, path };
        });
        decision = {
          action,
          grant:
            values.scope === 'service' ? { scope: 'service' } : { scope: 'endpoints', endpoints },
        };
      } else if (action === 'refuse' || action === 'suspend' || action === 'revoke') {
        decision = { action, reason: values[reasonField] ?? '' };
      } else if (action === 'resume') {
        decision = { action };
      } else {
        throw new DomainError('VALIDATION_INVALID_VALUE', 400);
      }
      try {
        await decideContract(deps, actorOf(request), id, decision);
        return reply.redirect(PATHS.contract(id), 303);
      } catch (error) {
        if (!shown(error) || error.code === 'BRIDGE_CONTRACT_NOT_YOURS') throw error;
        const fallback =
          action === 'approve' ? 'scope' : action === 'resume' ? 'scope' : reasonField;
        return renderContract(
          request,
          reply,
          id,
          values,
          formErrorsFrom(error, request.t, fallback),
          error.status,
        );
      }
    },
  );
}
