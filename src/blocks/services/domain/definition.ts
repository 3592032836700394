import { Type, type Static, type TSchema } from '@sinclair/typebox';

/**
 * The shape of a declarative service definition. A definition is data (a TypeScript object or a
 * JSON file): loading it checks this shape first, then the rules of validate-definition.ts that
 * a schema cannot say (conditions name real fields, every state is reachable, every clock stops).
 */

/** Text in every UI language; a missing or empty one is refused at load. */
export const Localised = Type.Object(
  { kk: Type.String(), ru: Type.String(), en: Type.String() },
  { additionalProperties: false, title: 'Localised' },
);
export type Localised = Static<typeof Localised>;

const Id = Type.String({ pattern: '^[a-z][a-z0-9-]{0,62}$' });
/** Field names travel in form posts and JSON bodies: camelCase or snake_case identifiers. */
const FieldName = Type.String({ pattern: '^[a-zA-Z][a-zA-Z0-9_]{0,62}$' });

const Common = {
  name: FieldName,
  label: Localised,
  hint: Type.Optional(Localised),
  required: Type.Optional(Type.Boolean()),
  /** Shown (and so validated and kept) only when another field has this value. */
  when: Type.Optional(
    Type.Object(
      { field: Type.String(), equals: Type.Union([Type.String(), Type.Number(), Type.Boolean()]) },
      { additionalProperties: false },
    ),
  ),
};

const field = <T extends string, P extends Record<string, TSchema>>(type: T, properties: P) =>
  Type.Object(
    { type: Type.Literal(type), ...Common, ...properties },
    { additionalProperties: false },
  );

export const TextField = field('text', {
  minLength: Type.Optional(Type.Integer({ minimum: 0 })),
  maxLength: Type.Optional(Type.Integer({ minimum: 1, maximum: 10_000 })),
  /** A regular expression the whole value must match (anchored by the engine). */
  pattern: Type.Optional(Type.String({ minLength: 1 })),
});
export const LongTextField = field('long-text', {
  minLength: Type.Optional(Type.Integer({ minimum: 0 })),
  maxLength: Type.Optional(Type.Integer({ minimum: 1, maximum: 100_000 })),
});
export const NumberField = field('number', {
  min: Type.Optional(Type.Number()),
  max: Type.Optional(Type.Number()),
  integer: Type.Optional(Type.Boolean()),
});
export const DateField = field('date', {
  /** `past`: today or earlier (a birth date); `future`: today or later (a wished start date). */
  range: Type.Optional(Type.Union([Type.Literal('past'), Type.Literal('future')])),
});
export const ChoiceField = field('choice', {
  options: Type.Array(
    Type.Object(
      { value: Type.String({ minLength: 1 }), label: Localised },
      { additionalProperties: false },
    ),
    { minItems: 1 },
  ),
});
export const YesNoField = field('yes-no', {});
export const NationalIdField = field('national-id', {
  /** Whose identifier: a person's (IIN) or an organisation's (BIN). */
  of: Type.Union([Type.Literal('person'), Type.Literal('organisation')]),
});
export const AttachmentField = field('attachment', {
  /** Media types accepted, detected from the content (see platform/files/media-types.ts). */
  types: Type.Array(Type.String({ minLength: 3 }), { minItems: 1 }),
  maxBytes: Type.Integer({ minimum: 1 }),
  maxFiles: Type.Optional(Type.Integer({ minimum: 1, maximum: 20 })),
});

export const FormField = Type.Union([
  TextField,
  LongTextField,
  NumberField,
  DateField,
  ChoiceField,
  YesNoField,
  NationalIdField,
  AttachmentField,
]);
export type FormField = Static<typeof FormField>;
export type FieldType = FormField['type'];

export const Applicant = Type.Union([
  Type.Object({ kind: Type.Literal('person') }, { additionalProperties: false }),
  Type.Object({ kind: Type.Literal('organisation') }, { additionalProperties: false }),
  Type.Object(
    { kind: Type.Literal('professional'), licenceType: Type.String({ minLength: 1 }) },
    { additionalProperties: false },
  ),
]);
export type Applicant = Static<typeof Applicant>;

/** A named check the wiring provides (e.g. "is the applicant the owner"), run at submission. */
export const AutomaticCheck = Type.Object(
  {
    id: Id,
    /** The name under which the wiring registered the check. */
    check: Type.String({ minLength: 1 }),
    /** `blocking` refuses the submission; `warning` is recorded and shown to officers. */
    severity: Type.Union([Type.Literal('blocking'), Type.Literal('warning')]),
    /** Which form fields the check reads. */
    fields: Type.Optional(Type.Array(Type.String())),
  },
  { additionalProperties: false },
);
export type AutomaticCheck = Static<typeof AutomaticCheck>;

export const State = Type.Object(
  {
    id: Id,
    names: Localised,
    final: Type.Optional(Type.Boolean()),
    /** For a final state: was the request granted or refused (statistics, GovStack status)? */
    outcome: Type.Optional(Type.Union([Type.Literal('approved'), Type.Literal('rejected')])),
  },
  { additionalProperties: false },
);
export type State = Static<typeof State>;

export const Output = Type.Union([
  /** A message to the applicant through the notifier port; `template` names the wording. */
  Type.Object(
    { kind: Type.Literal('message'), template: Type.String({ minLength: 1 }) },
    { additionalProperties: false },
  ),
  /** A signed document through the document port. */
  Type.Object(
    { kind: Type.Literal('document'), template: Type.String({ minLength: 1 }) },
    { additionalProperties: false },
  ),
  /** A write to a registry through the registry port, with the form fields it takes. */
  Type.Object(
    {
      kind: Type.Literal('registry-write'),
      registry: Type.String({ minLength: 1 }),
      fields: Type.Array(Type.String()),
    },
    { additionalProperties: false },
  ),
]);
export type Output = Static<typeof Output>;

export const Transition = Type.Object(
  {
    id: Id,
    names: Localised,
    from: Type.Array(Type.String(), { minItems: 1 }),
    to: Type.String(),
    /** Who may perform it: `applicant`, `system`, or an officer role of the agency. */
    roles: Type.Array(Type.String(), { minItems: 1 }),
    /** The actor must give a reason (kept in the history), e.g. a refusal or an extension. */
    requiresReason: Type.Optional(Type.Boolean()),
    /** The application moves to the agency named in the action's payload (`agencyCode`). */
    forwards: Type.Optional(Type.Boolean()),
    outputs: Type.Optional(Type.Array(Output)),
  },
  { additionalProperties: false },
);
export type Transition = Static<typeof Transition>;

export const ClockLength = Type.Union([
  Type.Object(
    { workingDays: Type.Integer({ minimum: 1, maximum: 3650 }) },
    { additionalProperties: false },
  ),
  Type.Object(
    { calendarMonths: Type.Integer({ minimum: 1, maximum: 120 }) },
    { additionalProperties: false },
  ),
]);
export type ClockLength = Static<typeof ClockLength>;

/** The id of the action that creates an application; clocks may start on it. */
export const SUBMIT = 'submit';

export const Clock = Type.Object(
  {
    id: Id,
    names: Localised,
    length: ClockLength,
    /** Transition ids (or `submit`) that start the clock, or start it again after a stop. */
    startOn: Type.Array(Type.String(), { minItems: 1 }),
    pauseOn: Type.Optional(Type.Array(Type.String())),
    resumeOn: Type.Optional(Type.Array(Type.String())),
    stopOn: Type.Array(Type.String()),
    /** Transitions that move the due date later, each by its own length. */
    extendOn: Type.Optional(
      Type.Array(
        Type.Object(
          { transition: Type.String(), by: ClockLength },
          { additionalProperties: false },
        ),
      ),
    ),
    /** The transition the system performs when the clock runs out (e.g. deemed refusal). */
    onExpiry: Type.Optional(Type.String()),
  },
  { additionalProperties: false },
);
export type Clock = Static<typeof Clock>;

export const ServiceDefinition = Type.Object(
  {
    id: Id,
    /** Raised whenever the definition changes; every application keeps the version it began on. */
    version: Type.Integer({ minimum: 1 }),
    names: Localised,
    descriptions: Type.Optional(Localised),
    /** Code of the agency that owns the service and works its applications by default. */
    agency: Id,
    legalBasis: Localised,
    applicants: Type.Array(Applicant, { minItems: 1 }),
    fields: Type.Array(FormField),
    checks: Type.Optional(Type.Array(AutomaticCheck)),
    states: Type.Array(State, { minItems: 1 }),
    /** The state a submitted application is in. */
    initial: Type.String(),
    transitions: Type.Array(Transition),
    clocks: Type.Optional(Type.Array(Clock)),
  },
  { additionalProperties: false, title: 'ServiceDefinition' },
);
export type ServiceDefinition = Static<typeof ServiceDefinition>;
