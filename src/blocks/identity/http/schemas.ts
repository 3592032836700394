import { Type, type Static } from '@sinclair/typebox';
import type { Problem } from '../../../platform/http/problem.js';
import { OFFICER_ROLES } from '../domain/roles.js';

/** The shared problem+json schema, registered once by the kernel's OpenAPI plugin. */
export const ProblemRef = Type.Unsafe<Problem>({ $ref: 'Problem#' });

const Uuid = Type.String({ format: 'uuid' });
const Name = Type.String({ minLength: 1, maxLength: 200 });
const NationalId = Type.String({
  minLength: 1,
  maxLength: 32,
  description: 'National identifier in the country profile format (KZ: 12-digit IIN or BIN)',
});
const IsoDate = Type.String({ pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$', description: 'YYYY-MM-DD' });

export const WhoAmI = Type.Union(
  [
    Type.Object(
      {
        kind: Type.Literal('person'),
        accountId: Uuid,
        personId: Uuid,
        displayName: Type.String(),
        roles: Type.Array(Type.String()),
        agencyId: Type.Union([Uuid, Type.Null()]),
      },
      { additionalProperties: false },
    ),
    Type.Object(
      {
        kind: Type.Literal('api-client'),
        clientId: Uuid,
        name: Type.String(),
        scopes: Type.Array(Type.String()),
      },
      { additionalProperties: false },
    ),
  ],
  { title: 'WhoAmI' },
);
export type WhoAmI = Static<typeof WhoAmI>;

export const NewPersonBody = Type.Object(
  {
    nationalId: NationalId,
    familyName: Name,
    givenName: Name,
    patronymic: Type.Optional(Name),
    birthDate: Type.Optional(IsoDate),
  },
  { additionalProperties: false, title: 'NewPerson' },
);
export type NewPersonBody = Static<typeof NewPersonBody>;

export const PersonView = Type.Object(
  {
    id: Uuid,
    nationalId: Type.String(),
    familyName: Type.String(),
    givenName: Type.String(),
    patronymic: Type.Union([Type.String(), Type.Null()]),
    birthDate: Type.Union([Type.String(), Type.Null()]),
  },
  { title: 'Person' },
);

export const NewOrganisationBody = Type.Object(
  {
    nationalId: NationalId,
    name: Type.String({ minLength: 1, maxLength: 500 }),
    directorPersonId: Type.Optional(Uuid),
  },
  { additionalProperties: false, title: 'NewOrganisation' },
);
export type NewOrganisationBody = Static<typeof NewOrganisationBody>;

export const OrganisationView = Type.Object(
  {
    id: Uuid,
    nationalId: Type.String(),
    name: Type.String(),
    directorPersonId: Type.Union([Uuid, Type.Null()]),
  },
  { title: 'Organisation' },
);

const AgencyCode = Type.String({ pattern: '^[a-z][a-z0-9-]{1,62}$' });

export const NewAgencyBody = Type.Object(
  {
    code: AgencyCode,
    names: Type.Object({ kk: Name, ru: Name, en: Name }, { additionalProperties: false }),
    parentCode: Type.Optional(AgencyCode),
  },
  { additionalProperties: false, title: 'NewAgency' },
);
export type NewAgencyBody = Static<typeof NewAgencyBody>;

export const AgencyView = Type.Object(
  {
    id: Uuid,
    code: Type.String(),
    names: Type.Object({ kk: Type.String(), ru: Type.String(), en: Type.String() }),
    parentId: Type.Union([Uuid, Type.Null()]),
  },
  { title: 'Agency' },
);

const OfficerRoleSchema = Type.Union(OFFICER_ROLES.map((role) => Type.Literal(role)));

export const NewOfficerBody = Type.Object(
  {
    personId: Uuid,
    agencyCode: AgencyCode,
    roles: Type.Array(OfficerRoleSchema, { minItems: 1, maxItems: 3, uniqueItems: true }),
  },
  { additionalProperties: false, title: 'NewOfficer' },
);
export type NewOfficerBody = Static<typeof NewOfficerBody>;

export const OfficerView = Type.Object(
  { id: Uuid, personId: Uuid, agencyId: Uuid, roles: Type.Array(Type.String()) },
  { title: 'Officer' },
);

export const NewApiClientBody = Type.Object(
  {
    name: Name,
    scopes: Type.Array(Type.String({ minLength: 3, maxLength: 100 }), { maxItems: 50 }),
  },
  { additionalProperties: false, title: 'NewApiClient' },
);
export type NewApiClientBody = Static<typeof NewApiClientBody>;

export const ApiClientView = Type.Object(
  {
    id: Uuid,
    name: Type.String(),
    keyPrefix: Type.String(),
    scopes: Type.Array(Type.String()),
    createdAt: Type.String({ format: 'date-time' }),
    revokedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  },
  { title: 'ApiClient' },
);

export const CreatedApiClient = Type.Object(
  {
    client: ApiClientView,
    key: Type.String({ description: 'The API key, shown this once; only its hash is stored' }),
  },
  { title: 'CreatedApiClient' },
);
