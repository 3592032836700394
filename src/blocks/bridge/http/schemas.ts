import { Type, type Static } from '@sinclair/typebox';
import type { Problem } from '../../../platform/http/problem.js';

export const ProblemRef = Type.Unsafe<Problem>({ $ref: 'Problem#' });

const Instant = Type.String({ format: 'date-time' });
const Id = Type.String({ format: 'uuid' });
const Text = (maxLength: number) => Type.String({ minLength: 1, maxLength });
const Part = Type.String({ minLength: 1, maxLength: 64 });

export const IdParams = Type.Object({ id: Id });

export const NewMemberBody = Type.Object(
  {
    memberClass: Part,
    memberCode: Part,
    name: Text(300),
    /** Another, federated instance: an administrator registers a foreign consumer. */
    instance: Type.Optional(Type.String({ pattern: '^[A-Z]{2,8}$' })),
  },
  { additionalProperties: false },
);
export type NewMemberBody = Static<typeof NewMemberBody>;

export const NewSubsystemBody = Type.Object({ code: Part }, { additionalProperties: false });

export const MemberView = Type.Object({
  id: Id,
  instance: Type.String(),
  memberClass: Type.String(),
  memberCode: Type.String(),
  name: Type.String(),
  registeredAt: Instant,
  subsystems: Type.Array(Type.Object({ id: Id, code: Type.String() })),
});

export const CertificateView = Type.Object({
  id: Id,
  serial: Type.String(),
  holderName: Type.String(),
  notBefore: Instant,
  notAfter: Instant,
  status: Type.String(),
  pem: Type.String(),
});

export const IssuedCertificateView = Type.Object({
  certificate: CertificateView,
  privateKeyPem: Type.String({
    description: 'PKCS#8 PEM: shown in this answer only, never again',
  }),
});

const EndpointSchema = Type.Object({
  method: Type.String({ minLength: 3, maxLength: 7 }),
  path: Type.String({ minLength: 1, maxLength: 500 }),
});

export const PassportContentBody = Type.Object(
  {
    purpose: Text(1000),
    legalBasis: Text(1000),
    dataClasses: Type.Array(Type.String({ maxLength: 64 }), { maxItems: 50 }),
    openapi: Type.Object({}, { additionalProperties: true }),
    baseUrl: Text(500),
    ratePerSecond: Type.Integer({ minimum: 1, maximum: 100_000 }),
    maxBodyBytes: Type.Integer({ minimum: 0 }),
    timeoutMs: Type.Optional(Type.Integer({ minimum: 1, maximum: 120_000 })),
    answerFormat: Type.Union([Type.Literal('json'), Type.Literal('any')]),
    consentRequired: Type.Boolean(),
    personIdField: Type.Optional(Type.Union([Type.String({ maxLength: 64 }), Type.Null()])),
  },
  { additionalProperties: false },
);
export type PassportContentBody = Static<typeof PassportContentBody>;

export const NewPassportBody = Type.Composite(
  [Type.Object({ subsystemId: Id, serviceCode: Part }), PassportContentBody],
  { additionalProperties: false },
);
export type NewPassportBody = Static<typeof NewPassportBody>;

export const PassportView = Type.Object({
  id: Id,
  service: Type.String(),
  serviceCode: Type.String(),
  subsystemId: Id,
  ownerMemberId: Id,
  ownerName: Type.String(),
  version: Type.Integer(),
  publishedAt: Instant,
  history: Type.Array(Type.Object({ version: Type.Integer(), publishedAt: Instant })),
  purpose: Type.String(),
  legalBasis: Type.String(),
  dataClasses: Type.Array(Type.String()),
  openapi: Type.Object({}, { additionalProperties: true }),
  baseUrl: Type.String(),
  ratePerSecond: Type.Integer(),
  maxBodyBytes: Type.Integer(),
  timeoutMs: Type.Integer(),
  answerFormat: Type.String(),
  consentRequired: Type.Boolean(),
  personIdField: Type.Union([Type.String(), Type.Null()]),
});

export const NewContractBody = Type.Object(
  {
    passportId: Id,
    consumerSubsystemId: Id,
    purpose: Text(1000),
    legalBasis: Text(1000),
    expectedVolume: Text(200),
  },
  { additionalProperties: false },
);
export type NewContractBody = Static<typeof NewContractBody>;

export const ApproveBody = Type.Object(
  {
    grant: Type.Union([
      Type.Object({ scope: Type.Literal('service') }, { additionalProperties: false }),
      Type.Object(
        {
          scope: Type.Literal('endpoints'),
          endpoints: Type.Array(EndpointSchema, { maxItems: 200 }),
        },
        { additionalProperties: false },
      ),
    ]),
  },
  { additionalProperties: false },
);
export type ApproveBody = Static<typeof ApproveBody>;

export const ReasonBody = Type.Object({ reason: Text(1000) }, { additionalProperties: false });
export const EmptyBody = Type.Optional(Type.Object({}, { additionalProperties: false }));

export const ContractView = Type.Object({
  id: Id,
  passportId: Id,
  service: Type.String(),
  consumerSubsystemId: Id,
  consumer: Type.String(),
  purpose: Type.String(),
  legalBasis: Type.String(),
  expectedVolume: Type.String(),
  requestedAt: Instant,
  state: Type.String(),
  grant: Type.Optional(Type.Unknown()),
  history: Type.Array(
    Type.Object({
      action: Type.String(),
      by: Type.String(),
      at: Instant,
      reason: Type.Optional(Type.String()),
      grant: Type.Optional(Type.Unknown()),
    }),
  ),
});

export const ContractListQuery = Type.Object(
  { passportId: Type.Optional(Id), consumerSubsystemId: Type.Optional(Id) },
  { additionalProperties: false },
);

export const ConsentBody = Type.Object(
  { passportId: Id, validUntil: Instant },
  { additionalProperties: false },
);
export const WithdrawConsentBody = Type.Object({ passportId: Id }, { additionalProperties: false });
export const ConsentView = Type.Object({
  granted: Type.Boolean(),
  since: Type.Optional(Instant),
  until: Type.Optional(Instant),
  reason: Type.Optional(Type.String()),
});
