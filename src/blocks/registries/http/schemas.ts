import { Type, type Static } from '@sinclair/typebox';
import type { Problem } from '../../../platform/http/problem.js';

/** The shared problem+json schema, registered once by the kernel's OpenAPI plugin. */
export const ProblemRef = Type.Unsafe<Problem>({ $ref: 'Problem#' });

/** Field values of a record, keyed by field name (either API generation's spelling). */
export const Content = Type.Record(Type.String(), Type.Unknown(), {
  description: 'Field values by field name; `id` (or `ID`) is the record id',
});
export type Content = Static<typeof Content>;

const Wrapped = Type.Object({ content: Content });

export const RegistryParams = Type.Object({
  registryName: Type.String({ minLength: 1, maxLength: 63, description: 'Registry name' }),
  versionNumber: Type.String({ minLength: 1, maxLength: 20, description: 'Registry version' }),
});
export type RegistryParams = Static<typeof RegistryParams>;

export const ImHeaders = Type.Object({
  'information-mediator-client': Type.Optional(
    Type.String({
      description:
        'The calling system, INSTANCE/CLASS/MEMBER/SUBSYSTEM: the name of the API client whose key is sent',
    }),
  ),
});

export const WriteBody = Type.Object({ write: Wrapped });
export type WriteBody = Static<typeof WriteBody>;
export const QueryBody = Type.Object({ query: Wrapped });
export type QueryBody = Static<typeof QueryBody>;
/** Both parts optional: GovStack clients may send an update twice, the first time empty. */
export const QueryWriteBody = Type.Object({
  query: Type.Optional(Wrapped),
  write: Type.Optional(Wrapped),
});
export type QueryWriteBody = Static<typeof QueryWriteBody>;

export const ContentAnswer = Type.Object({ content: Content });

export const NotFoundAnswer = Type.Object(
  {
    type: Type.String(),
    title: Type.String(),
    status: Type.Integer(),
    code: Type.String(),
    detail: Type.Literal('no record found'),
    instance: Type.Optional(Type.String()),
    requestId: Type.Optional(Type.String()),
  },
  { description: 'problem+json whose detail is what GovStack clients look for' },
);

export const ExistsAnswer = Type.Object({
  answer: Type.Object({ status: Type.Boolean(), message: Type.String() }),
});

export const UpdatedAnswer = Type.Object({
  updated: Type.Integer({ description: 'How many records got a new version' }),
});

export const ListQuery = Type.Object(
  {
    search: Type.Optional(Type.String({ maxLength: 200 })),
    filter: Type.Optional(Type.String({ maxLength: 63, description: 'The field search looks in' })),
    ordering: Type.Optional(Type.Union([Type.Literal('ascending'), Type.Literal('descending')])),
    page: Type.Optional(Type.Integer({ minimum: 1, maximum: 1_000_000 })),
    pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000 })),
    page_size: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000 })),
  },
  {
    patternProperties: { '^query\\.': Type.String({ maxLength: 1000 }) },
    additionalProperties: false,
    description: '`query.<field>=value` filters by field value (never an identification number)',
  },
);
export type ListQuery = Static<typeof ListQuery> & Record<string, string | number | undefined>;

export const ListAnswer = Type.Object({
  count: Type.Integer({ description: 'Number of results on this page' }),
  next: Type.String({ description: 'Address of the next page' }),
  previous: Type.Union([Type.String(), Type.Null()]),
  results: Type.Array(Content),
});

export const RecordIdParams = Type.Object({
  ...RegistryParams.properties,
  ID: Type.String({ maxLength: 100, description: 'Record id (UUID)' }),
});
export const ReadValueParams = Type.Object({
  ...RegistryParams.properties,
  uuid: Type.String({ maxLength: 100, description: 'Record id (UUID)' }),
  fieldAndExt: Type.String({
    maxLength: 200,
    description: '`{field}.{ext}`: the field name and json or txt',
  }),
});

export const ReadValueAnswer = Type.Union([Type.Object({ value: Type.Unknown() }), Type.String()]);

const UsageReference = Type.Object({ ReferenceID: Type.String() });
export const UsageAsTested = Type.Object({
  ID: Type.String(),
  ReaderID: Type.String(),
  ReaderInitials: Type.String(),
  ReaderInstitutionID: Type.String(),
  ReaderInstitutionName: Type.String(),
  ReaderApplicationName: Type.String(),
  SearchDateTime: Type.String({ format: 'date-time' }),
  Refrences: Type.Array(UsageReference),
  LegalBasis: Type.String(),
  Fields: Type.Array(Type.String()),
});
export const UsageCurrent = Type.Object({
  id: Type.String(),
  readerId: Type.String(),
  readerInitials: Type.String(),
  readerInstitutionId: Type.String(),
  readerInstitutionName: Type.String(),
  readerApplicationName: Type.String(),
  searchDateTime: Type.String({ format: 'date-time' }),
  refrences: Type.Array(Type.Object({ referenceId: Type.String() })),
  legalBasis: Type.String(),
  fields: Type.Array(Type.String()),
});

export const UsageQueryAsTested = Type.Object({
  userID: Type.String({ maxLength: 100, description: 'Identity person id (UUID), never an IIN' }),
  DatabaseID: Type.Optional(Type.String({ maxLength: 63 })),
});
export const UsageQueryCurrent = Type.Object({
  userId: Type.String({ maxLength: 100, description: 'Identity person id (UUID), never an IIN' }),
  databaseId: Type.Optional(Type.String({ maxLength: 63 })),
});
export const UsageBody = Type.Object({
  userID: Type.Optional(
    Type.String({ maxLength: 100, description: 'National identifier (IIN) or person id' }),
  ),
  userId: Type.Optional(Type.String({ maxLength: 100 })),
  DatabaseID: Type.Optional(Type.String({ maxLength: 63 })),
  databaseId: Type.Optional(Type.String({ maxLength: 63 })),
});
export type UsageBody = Static<typeof UsageBody>;
