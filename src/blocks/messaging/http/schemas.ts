import { Type, type Static } from '@sinclair/typebox';

export const InboxMessageView = Type.Object({
  id: Type.String({ format: 'uuid' }),
  subject: Type.String(),
  text: Type.String({ description: 'Plain text; paragraphs separated by a blank line' }),
  link: Type.Union([Type.String(), Type.Null()], {
    description: 'Path on this site of the page the message is about',
  }),
  createdAt: Type.String({ format: 'date-time' }),
  readAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  organisation: Type.Union([
    Type.Object({ id: Type.String({ format: 'uuid' }), name: Type.String() }),
    Type.Null(),
  ]),
  about: Type.Object({
    kind: Type.String({ description: 'Kind of subject, e.g. appeal' }),
    id: Type.String(),
    status: Type.String({ description: 'The status the message announced' }),
  }),
});
export type InboxMessageView = Static<typeof InboxMessageView>;

export const InboxListView = Type.Object({
  messages: Type.Array(InboxMessageView),
  page: Type.Integer(),
  pageSize: Type.Integer(),
  pageCount: Type.Integer(),
  total: Type.Integer(),
  unread: Type.Integer(),
});

export const InboxQuery = Type.Object(
  {
    page: Type.Optional(Type.Integer({ minimum: 1, maximum: 1_000_000 })),
    pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })),
  },
  { additionalProperties: false },
);

export const MessageParams = Type.Object({ messageId: Type.String({ maxLength: 100 }) });

const NoticeLanguage = Type.Union([Type.Literal('kk'), Type.Literal('ru'), Type.Literal('en')], {
  description: 'Language of emailed notices',
});

export const ContactView = Type.Object({
  email: Type.Union([Type.String(), Type.Null()]),
  locale: Type.Union([NoticeLanguage, Type.Null()]),
});

export const ContactBody = Type.Object(
  {
    email: Type.Union([Type.String({ maxLength: 320 }), Type.Null()]),
    locale: Type.Optional(NoticeLanguage),
  },
  { additionalProperties: false },
);
