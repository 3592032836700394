import {
  defineService,
  type ServiceDefinition,
  type Transition,
} from '../../../blocks/services/index.js';

const l = (kk: string, ru: string, en: string) => ({ kk, ru, en });

/** The agency that reviews expert-route plans and inspects registrations (the city's akimat). */
export const REDEV_AGENCY = 'akimat-almaty';
export const REDEV_SERVICE = 'redevelopment-plan';
/** The registry the registered plan versions are written to (real-estate catalogue). */
export const PLANS_REGISTRY = 'flat-plans';
/** Names of the engine's checks this app wires. */
export const CHECKS = {
  flat: 'redevelopment-flat',
  route: 'redevelopment-route',
  standing: 'redevelopment-standing',
} as const;
export const REGISTRATION_TEMPLATE = 'redevelopment.registration';

/** Transition ids the app performs (the rest are officers' steps on the engine's pages). */
export const T = {
  register: 'register',
  toExpert: 'send-to-expert-review',
  ownersRefused: 'owners-refused',
  approve: 'approve',
  refuse: 'refuse',
} as const;

/** The plan file: a PDF, checked from its content before it is stored. */
export const PLAN_MAX_BYTES = 20 * 1024 * 1024;

const count = (name: string, label: ReturnType<typeof l>, hint?: ReturnType<typeof l>) => ({
  name,
  type: 'number' as const,
  integer: true,
  min: 0,
  max: 50,
  required: true,
  label,
  ...(hint ? { hint } : {}),
});
const yesNo = (name: string, label: ReturnType<typeof l>, hint?: ReturnType<typeof l>) => ({
  name,
  type: 'yes-no' as const,
  required: true,
  label,
  ...(hint ? { hint } : {}),
});

const registration = [
  { kind: 'registry-write' as const, registry: PLANS_REGISTRY, fields: ['cadastralNumber'] },
  { kind: 'document' as const, template: REGISTRATION_TEMPLATE },
  { kind: 'message' as const, template: 'registered' },
];

const transitions: Transition[] = [
  {
    id: T.register,
    names: l('Тіркелді', 'Зарегистрировано', 'Registered'),
    from: ['awaiting-consents'],
    to: 'registered',
    roles: ['system'],
    outputs: registration,
  },
  {
    id: T.toExpert,
    names: l('Сараптамаға жіберілді', 'Направлено на экспертизу', 'Sent to expert review'),
    from: ['awaiting-consents'],
    to: 'expert-review',
    roles: ['system'],
    outputs: [{ kind: 'message', template: 'expert-review' }],
  },
  {
    id: T.ownersRefused,
    names: l('Меншік иелері келіспеді', 'Собственники не согласились', 'Owners refused'),
    from: ['awaiting-consents'],
    to: 'refused-by-owners',
    roles: ['system'],
    outputs: [{ kind: 'message', template: 'owners-refused' }],
  },
  {
    id: T.approve,
    names: l('Мақұлдау және тіркеу', 'Одобрить и зарегистрировать', 'Approve and register'),
    from: ['expert-review'],
    to: 'registered',
    roles: ['officer'],
    outputs: registration,
  },
  {
    id: T.refuse,
    names: l('Бас тарту', 'Отказать', 'Refuse'),
    from: ['expert-review'],
    to: 'refused',
    roles: ['officer'],
    requiresReason: true,
    outputs: [{ kind: 'message', template: 'refused' }],
  },
];

/**
 * A flat's redevelopment filed by a licensed architect (issue 6), on the services engine: who
 * may apply (an architect's licence), the form (cadastral number, plan PDF, the structured
 * changes, the route and the self-certification), the automatic checks (the flat exists, the
 * route is allowed for these changes, the architect is not restricted), the states and the
 * outputs of registration (the plan version in the registry, the signed document, the notices).
 * Consents, audits and sanctions are the app's own code beside it.
 */
export const redevelopmentService: ServiceDefinition = defineService({
  id: REDEV_SERVICE,
  version: 1,
  names: l('Пәтерді қайта жоспарлау', 'Перепланировка квартиры', 'Redevelopment of a flat'),
  descriptions: l(
    'Лицензияланған сәулетші пәтерді қайта жоспарлауды өз лицензиясымен тіркейді: меншік иелерінің келісімі, автоматты тексерулер және кейінгі аудит.',
    'Лицензированный архитектор регистрирует перепланировку квартиры под свою лицензию: согласие собственников, автоматические проверки и последующий аудит.',
    'A licensed architect registers a flat redevelopment on their own licence: owners’ consent, automatic checks and post-registration audit.',
  ),
  agency: REDEV_AGENCY,
  legalBasis: l(
    'ҚР «Сәулет, қала құрылысы және құрылыс қызметі туралы» Заңы; «Тұрғын үй қатынастары туралы» Заңы, 42-бап',
    'Закон РК «Об архитектурной, градостроительной и строительной деятельности»; Закон РК «О жилищных отношениях», ст. 42',
    'Law of Kazakhstan «On architectural, urban planning and construction activity»; Law «On housing relations», Art. 42',
  ),
  applicants: [{ kind: 'professional', licenceType: 'architect' }],
  fields: [
    {
      name: 'cadastralNumber',
      type: 'text',
      required: true,
      maxLength: 40,
      pattern: '[0-9]{2}:[0-9]{3}:[0-9]{3}:[0-9]{3,4}:[1-9][0-9]{0,2}[:/][1-9][0-9]{0,3}',
      label: l(
        'Пәтердің кадастрлық нөмірі',
        'Кадастровый номер квартиры',
        'Cadastral number of the flat',
      ),
      hint: l(
        'Мысалы: 20:311:004:017:1/15',
        'Например: 20:311:004:017:1/15',
        'For example: 20:311:004:017:1/15',
      ),
    },
    {
      name: 'plan',
      type: 'attachment',
      required: true,
      types: ['application/pdf'],
      maxBytes: PLAN_MAX_BYTES,
      maxFiles: 1,
      // The form itself names the accepted types and the size limit under the label.
      label: l('Жоспар (PDF)', 'План (PDF)', 'Plan (PDF)'),
    },
    {
      // The building model, when the architect has one: IFC (a STEP file), checked from its
      // header before it is stored.
      name: 'model',
      type: 'attachment',
      types: ['model/step'],
      maxBytes: PLAN_MAX_BYTES,
      maxFiles: 1,
      label: l('Ғимарат моделі (IFC)', 'Модель здания (IFC)', 'Building model (IFC)'),
    },
    count('wallsRemoved', l('Бұзылатын қалқалар', 'Сносимые перегородки', 'Partitions removed')),
    count('wallsAdded', l('Жаңа қалқалар', 'Новые перегородки', 'Partitions added')),
    count(
      'openingsMade',
      l('Қалқалардағы жаңа ойықтар', 'Новые проёмы в перегородках', 'New openings in partitions'),
    ),
    count(
      'loadBearingWalls',
      l(
        'Өзгертілетін көтергіш қабырғалар',
        'Затрагиваемые несущие стены',
        'Load-bearing walls changed',
      ),
      l(
        'Көтергіш қабырғадағы кез келген өзгеріс сараптамаға жіберіледі',
        'Любое изменение несущей стены направляется на экспертизу',
        'Any change to a load-bearing wall goes to expert review',
      ),
    ),
    yesNo(
      'wetAreasMoved',
      l(
        'Ас үй, ванна немесе дәретхана ауыстырыла ма?',
        'Переносятся ли кухня, ванная или туалет?',
        'Are a kitchen, bathroom or toilet moved?',
      ),
    ),
    yesNo(
      'commonPropertyAffected',
      l(
        'Ортақ мүлік қозғала ма?',
        'Затрагивается ли общее имущество?',
        'Is common property affected?',
      ),
      l(
        'Подъезд, жертөле, шатыр, қасбет, ортақ білік',
        'Подъезд, подвал, крыша, фасад, общая шахта',
        'Stairwell, basement, roof, facade, a shared shaft',
      ),
    ),
    yesNo('gasChanged', l('Газ өзгере ме?', 'Меняется ли газ?', 'Is gas changed?')),
    yesNo(
      'ventilationChanged',
      l(
        'Пәтер ішіндегі желдету өзгере ме?',
        'Меняется ли вентиляция внутри квартиры?',
        'Is ventilation inside the flat changed?',
      ),
    ),
    yesNo(
      'forResidentWithDisability',
      l(
        'Мүгедектігі бар тұрғынға бейімдеу ме?',
        'Приспособление для жильца с инвалидностью?',
        'An adaptation for a resident with a disability?',
      ),
      l(
        'Онда үй иелерінің келісімі талап етілмейді',
        'Тогда согласие собственников дома не требуется',
        'The building owners’ consent is then waived',
      ),
    ),
    {
      name: 'description',
      type: 'long-text',
      required: true,
      minLength: 10,
      maxLength: 4000,
      label: l('Өзгерістердің сипаттамасы', 'Описание изменений', 'Description of the changes'),
    },
    {
      name: 'route',
      type: 'choice',
      required: true,
      label: l('Тіркеу жолы', 'Порядок регистрации', 'Route'),
      options: [
        {
          value: 'self-certification',
          label: l(
            'Өз лицензиясыммен растаймын',
            'Самосертификация под мою лицензию',
            'Self-certification on my licence',
          ),
        },
        {
          value: 'expert-review',
          label: l('Әкімдіктің сараптамасы', 'Экспертиза акимата', 'Expert review by the akimat'),
        },
      ],
    },
    {
      name: 'selfCertified',
      type: 'yes-no',
      required: true,
      label: l(
        'Жоспар құрылыс нормаларына сай екенін лицензиямен растаймын',
        'Подтверждаю под свою лицензию соответствие плана строительным нормам',
        'I certify on my licence that the plan complies with the building codes',
      ),
    },
  ],
  checks: [
    { id: 'flat', check: CHECKS.flat, severity: 'blocking', fields: ['cadastralNumber'] },
    {
      id: 'route',
      check: CHECKS.route,
      severity: 'blocking',
      fields: [
        'route',
        'selfCertified',
        'loadBearingWalls',
        'gasChanged',
        'commonPropertyAffected',
      ],
    },
    { id: 'standing', check: CHECKS.standing, severity: 'blocking', fields: ['route'] },
  ],
  states: [
    {
      id: 'awaiting-consents',
      names: l('Келісімдер күтілуде', 'Ожидаются согласия', 'Awaiting consents'),
    },
    { id: 'expert-review', names: l('Сараптамада', 'На экспертизе', 'In expert review') },
    {
      id: 'registered',
      names: l('Тіркелді', 'Зарегистрировано', 'Registered'),
      final: true,
      outcome: 'approved',
    },
    {
      id: 'refused-by-owners',
      names: l('Меншік иелері келіспеді', 'Собственники не согласились', 'Refused by owners'),
      final: true,
      outcome: 'rejected',
    },
    {
      id: 'refused',
      names: l('Бас тартылды', 'Отказано', 'Refused'),
      final: true,
      outcome: 'rejected',
    },
  ],
  initial: 'awaiting-consents',
  transitions,
  clocks: [
    {
      id: 'expert-review',
      names: l('Сараптама мерзімі', 'Срок экспертизы', 'Expert review due'),
      length: { workingDays: 15 },
      startOn: [T.toExpert],
      stopOn: [T.approve, T.refuse],
    },
  ],
});
