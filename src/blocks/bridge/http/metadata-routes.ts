import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Type } from '@sinclair/typebox';
import { DomainError } from '../../../platform/errors.js';
import { isIdentifierProblem, parseSubsystemId, type SubsystemId } from '../domain/member-id.js';
import type { BridgeDeps } from '../service/deps.js';
import {
  allowedMethods,
  getOpenApi,
  listClients,
  listMethods,
  type ServiceMethods,
} from '../service/metadata.js';
import { ProblemRef } from './schemas.js';

const tags = ['bridge: GovStack Information Mediator'];
type Form = 'current' | 'as-tested';

const ProviderParams = Type.Object({
  instance: Type.String(),
  memberClass: Type.String(),
  memberCode: Type.String(),
  applicationCode: Type.String(),
});
const ServiceQuery = Type.Object({
  serviceId: Type.Optional(Type.String({ maxLength: 64 })),
  serviceCode: Type.Optional(Type.String({ maxLength: 64 })),
});
const ClientsQuery = Type.Object({ instanceId: Type.Optional(Type.String({ maxLength: 64 })) });
const AnyJson = Type.Object({}, { additionalProperties: true });

/** The service list in the current form (October 2023 and later) or the as-tested one. */
function serviceList(services: ServiceMethods[], form: Form) {
  return {
    member: services.map((service) => ({
      ...(form === 'current'
        ? { objectType: 'SERVICE', instanceId: service.provider.instance }
        : {
            objectType: { object_type: 'SERVICE' },
            GovStackInstance: service.provider.instance,
          }),
      serviceType: 'REST',
      memberClass: service.provider.memberClass,
      memberCode: service.provider.memberCode,
      applicationCode: service.provider.subsystem,
      serviceCode: service.serviceCode,
      serviceVersion: service.serviceVersion,
      endpointList: { member: service.endpoints.map(({ method, path }) => ({ method, path })) },
    })),
  };
}

/**
 * GovStack Information Mediator's service metadata API. Current form: `GET /listClients` and
 * `/r1/{instance}/{memberClass}/{memberCode}/{applicationCode}/{listMethods|allowedMethods|
 * getOpenAPI}`, header `X-GovStack-Client`. As-tested form (the 0.3 revision GovStack's test
 * harness calls): `GET /r1/listClients` and the same metaservices without the `/r1` prefix, with
 * `objectType: {object_type}` and `GovStackInstance`. The client is named by `X-GovStack-Client`
 * (or `Information-Mediator-Client`) as `INSTANCE/CLASS/CODE/SUBSYSTEM`.
 */
export async function metadataRoutes(app: FastifyInstance, deps: BridgeDeps) {
  const provider = (request: FastifyRequest): SubsystemId => {
    const params = request.params as {
      instance: string;
      memberClass: string;
      memberCode: string;
      applicationCode: string;
    };
    if (params.instance !== deps.instance) throw new DomainError('HTTP_NOT_FOUND', 404);
    return {
      instance: params.instance,
      memberClass: params.memberClass,
      memberCode: params.memberCode,
      subsystem: params.applicationCode,
    };
  };
  const client = (request: FastifyRequest): SubsystemId | undefined => {
    const header =
      request.headers['x-govstack-client'] ?? request.headers['information-mediator-client'];
    if (typeof header !== 'string') return undefined;
    const id = parseSubsystemId(header);
    return isIdentifierProblem(id) ? undefined : id;
  };
  const known = <T>(value: T | undefined): T => {
    if (value === undefined) throw new DomainError('BRIDGE_PROVIDER_UNKNOWN', 404);
    return value;
  };

  for (const form of ['current', 'as-tested'] as const) {
    const prefix = form === 'current' ? '/r1' : '';
    const base = `${prefix}/:instance/:memberClass/:memberCode/:applicationCode`;
    const schema = (summary: string) => ({
      tags,
      summary: `${summary} (${form} form)`,
      params: ProviderParams,
      querystring: ServiceQuery,
      response: { 200: AnyJson, 400: ProblemRef, 404: ProblemRef },
    });

    app.get(
      form === 'current' ? '/listClients' : '/r1/listClients',
      {
        schema: {
          tags,
          summary: `The members and subsystems of an instance (${form} form)`,
          querystring: ClientsQuery,
          response: { 200: AnyJson },
        },
      },
      async (request) => {
        const { instanceId } = request.query as { instanceId?: string };
        const members =
          instanceId && instanceId !== deps.instance
            ? []
            : await listClients(deps.db, deps.instance);
        const entries = members.flatMap((member) => [
          { member, subsystem: undefined as string | undefined },
          ...member.subsystems.map((s) => ({ member, subsystem: s.code as string | undefined })),
        ]);
        return {
          member: entries.map(({ member, subsystem }) => {
            const type = subsystem ? 'APPLICATION' : 'MEMBER';
            const ids = {
              memberClass: member.memberClass,
              memberCode: member.memberCode,
              ...(subsystem ? { applicationCode: subsystem } : {}),
            };
            return form === 'current'
              ? { name: member.name, id: { objectType: type, instanceId: member.instance, ...ids } }
              : { objectType: { object_type: type }, GovStackInstance: member.instance, ...ids };
          }),
        };
      },
    );

    app.get(
      `${base}/listMethods`,
      { schema: schema('The REST services and endpoints of a provider') },
      async (request) => {
        const { serviceId } = request.query as { serviceId?: string };
        return serviceList(known(await listMethods(deps.db, provider(request), serviceId)), form);
      },
    );

    app.get(
      `${base}/allowedMethods`,
      { schema: schema('The services and endpoints of a provider the client may call') },
      async (request) => {
        const { serviceId } = request.query as { serviceId?: string };
        const list = await allowedMethods(deps.db, provider(request), client(request), serviceId);
        return serviceList(known(list), form);
      },
    );

    app.get(
      `${base}/getOpenAPI`,
      { schema: schema('The OpenAPI description of one REST service') },
      async (request) => {
        const { serviceCode } = request.query as { serviceCode?: string };
        if (!serviceCode) throw new DomainError('BRIDGE_SERVICE_CODE_REQUIRED', 400);
        const document = await getOpenApi(deps.db, provider(request), serviceCode);
        if (!document) throw new DomainError('BRIDGE_SERVICE_UNKNOWN', 404);
        return document;
      },
    );
  }
}
