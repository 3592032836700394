import { Type, type Static } from '@sinclair/typebox';
import type { Problem } from '../../../platform/http/problem.js';
import { HOLDER_KINDS, REVOCATION_REASONS } from '../domain/holder.js';

export const ProblemRef = Type.Unsafe<Problem>({ $ref: 'Problem#' });

const Instant = Type.String({ format: 'date-time' });
const LocalisedText = Type.Union([
  Type.Object({ kk: Type.String(), ru: Type.String(), en: Type.String() }),
  Type.Object({ code: Type.String() }),
]);

export const VerificationView = Type.Object(
  {
    status: Type.Union(
      ['valid', 'revoked', 'withdrawn', 'tampered', 'unknown'].map((s) => Type.Literal(s)),
      {
        description:
          'valid; revoked (signer’s certificate); withdrawn (by the issuer); tampered; unknown',
      },
    ),
    document: Type.Optional(
      Type.Object({
        id: Type.String({ format: 'uuid' }),
        kind: Type.String(),
        title: LocalisedText,
        summary: Type.Array(Type.Object({ label: LocalisedText, value: Type.String() })),
        registerNumber: Type.Union([Type.String(), Type.Null()]),
        issuedAt: Instant,
        issuerName: Type.String(),
        issuerKind: Type.String(),
        certificateSerial: Type.String(),
        certificateRevokedAt: Type.Union([Instant, Type.Null()]),
        withdrawnAt: Type.Union([Instant, Type.Null()]),
      }),
    ),
  },
  { $id: 'TrustVerification' },
);

export const CodeParams = Type.Object({ code: Type.String({ minLength: 1, maxLength: 100 }) });
export const IdParams = Type.Object({ id: Type.String({ format: 'uuid' }) });

export const NewCertificateBody = Type.Object(
  {
    holderKind: Type.Union(HOLDER_KINDS.map((kind) => Type.Literal(kind))),
    holderId: Type.String({ minLength: 1, maxLength: 100 }),
    holderName: Type.String({ minLength: 1, maxLength: 300 }),
    validDays: Type.Optional(Type.Integer({ minimum: 1, maximum: 3650 })),
  },
  { additionalProperties: false },
);
export type NewCertificateBody = Static<typeof NewCertificateBody>;

export const RevokeBody = Type.Object(
  {
    reason: Type.Union(REVOCATION_REASONS.map((reason) => Type.Literal(reason))),
    note: Type.Optional(Type.String({ maxLength: 1000 })),
  },
  { additionalProperties: false },
);
export type RevokeBody = Static<typeof RevokeBody>;

export const CertificateView = Type.Object({
  id: Type.String({ format: 'uuid' }),
  serial: Type.String(),
  holderKind: Type.String(),
  holderId: Type.String(),
  holderName: Type.String(),
  notBefore: Instant,
  notAfter: Instant,
  issuedAt: Instant,
  status: Type.Union([Type.Literal('valid'), Type.Literal('revoked'), Type.Literal('expired')]),
  revocation: Type.Union([Type.Object({ reason: Type.String(), revokedAt: Instant }), Type.Null()]),
  pem: Type.String({ description: 'The certificate, PEM' }),
});
