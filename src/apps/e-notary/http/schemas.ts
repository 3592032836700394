import { Type, type Static } from '@sinclair/typebox';
import { ACT_KINDS } from '../domain/act-kinds.js';
import { REVOCATION_REASONS } from '../domain/power-of-attorney.js';

const Id12 = Type.String({ maxLength: 40, description: 'IIN (people) or BIN (organisations)' });
/** One of a list of strings, typed as that union (an `enum` in the OpenAPI document). */
const Literals = <T extends readonly string[]>(values: T) =>
  Type.Unsafe<T[number]>({ type: 'string', enum: [...values] });

export const PartyBody = Type.Object(
  {
    role: Literals([
      'seller',
      'buyer',
      'principal',
      'representative',
      'consenter',
      'recipient',
      'applicant',
    ] as const),
    kind: Literals(['person', 'organisation'] as const),
    id: Id12,
    share: Type.Optional(Type.String({ maxLength: 80, description: 'A fraction: 1, 1/2, 1/3' })),
    representative: Type.Optional(
      Type.Object(
        { iin: Id12, powerOfAttorney: Type.String({ maxLength: 60 }) },
        { additionalProperties: false },
      ),
    ),
  },
  { additionalProperties: false },
);

export const ActBody = Type.Object(
  {
    kind: Literals(ACT_KINDS),
    parties: Type.Array(PartyBody, { minItems: 1, maxItems: 20 }),
    cadastralNumber: Type.Optional(Type.String({ maxLength: 60 })),
    mortgageeConsents: Type.Optional(
      Type.Array(
        Type.Object(
          {
            encumbranceId: Type.String({ maxLength: 60 }),
            from: Type.Object(
              { kind: Literals(['person', 'organisation'] as const), id: Id12 },
              { additionalProperties: false },
            ),
          },
          { additionalProperties: false },
        ),
        { maxItems: 10 },
      ),
    ),
    attachedConsents: Type.Optional(Type.Array(Type.String({ maxLength: 60 }), { maxItems: 10 })),
    powerOfAttorney: Type.Optional(
      Type.Object(
        {
          scope: Type.Object(
            {
              actKinds: Type.Array(Literals(ACT_KINDS), { maxItems: 4 }),
              objects: Type.Union([
                Type.Literal('any'),
                Type.Array(Type.String({ maxLength: 60 }), { maxItems: 50 }),
              ]),
            },
            { additionalProperties: false },
          ),
          validUntil: Type.Union([Type.String({ format: 'date' }), Type.Null()]),
        },
        { additionalProperties: false },
      ),
    ),
  },
  { additionalProperties: false },
);
export type ActBody = Static<typeof ActBody>;

export const ActParams = Type.Object(
  { actId: Type.String({ maxLength: 40 }) },
  { additionalProperties: false },
);

export const OpenedAct = Type.Object({ actId: Type.String(), alerted: Type.Integer() });

const Finding = Type.Object({
  code: Type.String(),
  severity: Type.String(),
  params: Type.Record(Type.String(), Type.Union([Type.String(), Type.Number()])),
});

export const ChecksRunSchema = Type.Object({
  kind: Type.String(),
  ranAt: Type.String({ format: 'date-time' }),
  factsAsOf: Type.String({ format: 'date-time' }),
  signingAllowed: Type.Boolean(),
  results: Type.Array(
    Type.Object({ check: Type.String(), passed: Type.Boolean(), findings: Type.Array(Finding) }),
  ),
});

export const SignedActSchema = Type.Object({
  registerNumber: Type.String(),
  documentId: Type.String(),
  verificationCode: Type.String(),
  verificationUrl: Type.String(),
});

export const ActStatusSchema = Type.Object({
  id: Type.String(),
  kind: Type.String(),
  status: Type.String(),
  disputed: Type.Boolean(),
  registerNumber: Type.Union([Type.String(), Type.Null()]),
  checks: Type.Union([ChecksRunSchema, Type.Null()]),
});

export const ReviewBody = Type.Object(
  {
    outcome: Literals(['cleared', 'cancelled'] as const),
    reason: Type.String({
      maxLength: 2000,
      description: 'Why the act is released or cancelled (required, at most 1000 characters)',
    }),
  },
  { additionalProperties: false },
);

export const CancelBody = Type.Object(
  {
    reason: Type.String({
      maxLength: 2000,
      description: 'Why the act is cancelled (required, at most 1000 characters)',
    }),
  },
  { additionalProperties: false },
);

export const RevokeBody = Type.Object(
  {
    registerNumber: Type.String({ maxLength: 60 }),
    reason: Type.String({ maxLength: 60, description: REVOCATION_REASONS.join(', ') }),
    reasonText: Type.Optional(Type.String({ maxLength: 1000 })),
  },
  { additionalProperties: false },
);

export const RevocationSchema = Type.Object({
  registerNumber: Type.String(),
  revokedAt: Type.String({ format: 'date-time' }),
  reason: Type.String(),
});

export const PowerOfAttorneySchema = Type.Object({
  registerNumber: Type.String(),
  principalKind: Type.String(),
  issuedOn: Type.String(),
  validUntil: Type.String(),
  revokedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
});

export const TestatorBody = Type.Object({ testatorIin: Id12 }, { additionalProperties: false });

export const WillBody = Type.Object(
  {
    testatorIin: Id12,
    text: Type.String({ maxLength: 100_000 }),
    representativeIin: Type.Optional(Id12),
  },
  { additionalProperties: false },
);

export const RegisterNumberSchema = Type.Object({ registerNumber: Type.String() });

export const InheritanceCaseSchema = Type.Object({
  id: Type.String(),
  registerNumber: Type.String(),
  openedOn: Type.String(),
  acceptanceEnds: Type.String(),
});

export const WillsSchema = Type.Array(
  Type.Object({
    registerNumber: Type.String(),
    certifiedAt: Type.String({ format: 'date-time' }),
  }),
);

export const VerifyBody = Type.Object(
  { number: Type.String({ maxLength: 100, description: 'Register number or verification code' }) },
  { additionalProperties: false },
);

export const VerificationSchema = Type.Object({
  status: Type.String(),
  registerNumber: Type.Union([Type.String(), Type.Null()]),
  issuedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  issuerName: Type.Union([Type.String(), Type.Null()]),
});
