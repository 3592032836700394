import {
  defineService,
  type ServiceDefinition,
  type Transition,
} from '../../../blocks/services/index.js';
import { LEGAL_PERIODS } from '../domain/legal-periods.js';
import { APPEAL_CATEGORIES, APPEAL_KINDS, APPEAL_REGIONS, options } from './appeal-catalog.js';

const l = (kk: string, ru: string, en: string) => ({ kk, ru, en });

/** The owning agency of the app and the services (appeals are routed to other bodies). */
export const OTINISH_AGENCY = 'ministry-digital';

/** Service ids: one definition per intake variant (see README, "The clock"). */
export const APPEAL_SERVICE = 'e-otinish-appeal';
export const APPEAL_DAY_OFF_SERVICE = 'e-otinish-appeal-day-off';
export const UNCONSIDERED_SERVICE = 'e-otinish-appeal-unconsidered';
export const APPEAL_SERVICES = [APPEAL_SERVICE, APPEAL_DAY_OFF_SERVICE, UNCONSIDERED_SERVICE];

/**
 * The lengths (working days) an extension may add, one engine transition each: the engine moves
 * a clock by a fixed length per transition, so the head or deputy picks one of these and the
 * domain (extendDecisionTerm) checks the 2-month cap on exactly the day the engine computes.
 */
export const EXTENSION_STEPS = [5, 10, 15, 20, 25, 30, 35, 40] as const;
export const extensionTransition = (days: number) => `extend-${days}`;

/** Transition ids the app performs. */
export const T = {
  forward: 'forward',
  hearing: 'notify-hearing',
  decide: 'decide',
  decideAdverse: 'decide-adverse',
  deemRefused: 'deem-refused',
} as const;

const OPEN = ['registered', 'forwarded-in', 'extended', 'hearing'];

const legalBasis = l(
  'ҚР Әкімшілік рәсімдік-процестік кодексі (ӘРПК), 62–92-баптар',
  'Административный процедурно-процессуальный кодекс РК (АППК), ст. 62–92',
  'Administrative Procedural and Process Code of Kazakhstan (APPC), Arts. 62–92',
);

/** The appeal form: the same for every variant, so the engine validates every intake alike. */
const fields: ServiceDefinition['fields'] = [
  {
    name: 'kind',
    type: 'choice',
    required: true,
    label: l('Өтініш түрі', 'Вид обращения', 'Kind of appeal'),
    options: options(APPEAL_KINDS),
  },
  {
    name: 'category',
    type: 'choice',
    required: true,
    label: l('Тақырып санаты', 'Категория вопроса', 'Category'),
    options: options(APPEAL_CATEGORIES),
  },
  {
    name: 'region',
    type: 'choice',
    required: true,
    label: l('Өңір', 'Регион', 'Region'),
    options: options(APPEAL_REGIONS),
  },
  {
    name: 'district',
    type: 'text',
    maxLength: 200,
    label: l('Аудан, көше, үй', 'Район, улица, дом', 'District, street, house'),
    hint: l('Мәселе қай жерде екенін жазыңыз', 'Где находится проблема', 'Where the problem is'),
  },
  {
    name: 'topic',
    type: 'text',
    required: true,
    minLength: 5,
    maxLength: 200,
    label: l('Қысқаша тақырыбы', 'Краткая тема', 'Topic in a few words'),
    hint: l(
      'Мысалы: Абай даңғылындағы шұңқырлар',
      'Например: ямы на проспекте Абая',
      'For example: potholes on Abai avenue',
    ),
  },
  {
    name: 'text',
    type: 'long-text',
    required: true,
    minLength: 20,
    maxLength: 10_000,
    label: l('Өтініш мәтіні', 'Текст обращения', 'Text of the appeal'),
  },
  {
    name: 'attachments',
    type: 'attachment',
    types: ['application/pdf', 'image/png', 'image/jpeg'],
    maxBytes: 5 * 1024 * 1024,
    maxFiles: 1,
    label: l('Қосымша файл', 'Приложенный файл', 'Attached file'),
  },
  {
    name: 'anonymous',
    type: 'yes-no',
    required: true,
    label: l(
      'Атымды органға көрсетпеу (жасырын өтініш)',
      'Не сообщать органу моё имя (анонимное обращение)',
      'Hide my name from the body (anonymous appeal)',
    ),
    hint: l(
      'Жасырын өтініштер тіркеледі, бірақ қылмыс немесе қауіпсіздікке қатер туралы болмаса, қаралмайды',
      'Анонимные обращения регистрируются, но не рассматриваются, если в них не сообщается о преступлении или угрозе безопасности',
      'Anonymous appeals are registered but not considered unless they report a crime or a threat to security',
    ),
  },
  {
    name: 'reportsCrime',
    type: 'yes-no',
    when: { field: 'anonymous', equals: true },
    label: l(
      'Өтініш қылмыс туралы хабарлай ма?',
      'Сообщается ли о преступлении?',
      'Does the appeal report a crime?',
    ),
  },
  {
    name: 'reportsThreat',
    type: 'yes-no',
    when: { field: 'anonymous', equals: true },
    label: l(
      'Қауіпсіздікке қатер туралы хабарлай ма?',
      'Сообщается ли об угрозе безопасности?',
      'Does it report a threat to security?',
    ),
  },
];

const names = {
  [APPEAL_SERVICE]: l('Өтініш (ӘРПК)', 'Обращение (АППК)', 'Appeal (APPC)'),
  [APPEAL_DAY_OFF_SERVICE]: l(
    'Өтініш (демалыс күні түскен)',
    'Обращение (поступило в выходной)',
    'Appeal (received on a day off)',
  ),
  [UNCONSIDERED_SERVICE]: l(
    'Жасырын өтініш (қаралмайды)',
    'Анонимное обращение (не рассматривается)',
    'Anonymous appeal (not considered)',
  ),
};

const message = (template: string) => [{ kind: 'message' as const, template }];

const transitions: Transition[] = [
  {
    id: T.forward,
    names: l(
      'Құзыретті органға жіберу',
      'Перенаправить в компетентный орган',
      'Forward to the competent body',
    ),
    from: ['registered'],
    to: 'forwarded-in',
    roles: ['officer'],
    forwards: true,
    requiresReason: true,
    outputs: message('forwarded'),
  },
  ...EXTENSION_STEPS.map<Transition>((days) => ({
    id: extensionTransition(days),
    names: l(
      `Мерзімді ${days} жұмыс күніне ұзарту`,
      `Продлить срок на ${days} рабочих дней`,
      `Extend the term by ${days} working days`,
    ),
    from: OPEN,
    to: 'extended',
    roles: ['agency-head', 'agency-deputy'],
    requiresReason: true,
    outputs: message('extended'),
  })),
  {
    id: T.hearing,
    names: l('Тыңдау туралы хабарлау', 'Уведомить о заслушивании', 'Notify a hearing'),
    from: ['registered', 'forwarded-in', 'extended'],
    to: 'hearing',
    roles: ['officer'],
    requiresReason: true,
    outputs: message('hearing'),
  },
  {
    id: T.decide,
    names: l('Жауап беру', 'Дать ответ', 'Answer'),
    from: OPEN,
    to: 'decided',
    roles: ['officer'],
    outputs: message('decided'),
  },
  {
    id: T.decideAdverse,
    names: l('Бас тарту', 'Отказать', 'Refuse'),
    from: ['hearing', 'extended'],
    to: 'decided',
    roles: ['officer'],
    outputs: message('decided'),
  },
  {
    id: T.deemRefused,
    names: l('Бас тартылды деп саналады', 'Считается отказанным', 'Deemed refused'),
    from: OPEN,
    to: 'deemed-refused',
    roles: ['system'],
    outputs: message('deemed-refused'),
  },
];

const extendOn = EXTENSION_STEPS.map((days) => ({
  transition: extensionTransition(days),
  by: { workingDays: days },
}));
const stopOn = [T.decide, T.decideAdverse, T.deemRefused];

/**
 * The appeal as a service on the engine. `decisionDays` is the engine's clock length counted
 * from the day of submission: 15 (Art. 76) when that day is a working day, 16 when it is a day
 * off (the appeal is registered on the next working day and its 15 days count from there, which
 * is the 16th working day after the day off). The competent body's clock starts again on the
 * forwarding (Art. 65: registered there on arrival).
 */
function considered(
  id: typeof APPEAL_SERVICE | typeof APPEAL_DAY_OFF_SERVICE,
  decisionDays: number,
): ServiceDefinition {
  return defineService({
    id,
    version: 1,
    names: names[id],
    agency: OTINISH_AGENCY,
    legalBasis,
    applicants: [{ kind: 'person' }],
    fields,
    states: [
      { id: 'registered', names: l('Тіркелді', 'Зарегистрировано', 'Registered') },
      {
        id: 'forwarded-in',
        names: l(
          'Құзыретті органға жіберілді',
          'Перенаправлено в компетентный орган',
          'Forwarded to the competent body',
        ),
      },
      { id: 'extended', names: l('Мерзімі ұзартылды', 'Срок продлён', 'Term extended') },
      { id: 'hearing', names: l('Тыңдау', 'Заслушивание', 'Hearing') },
      { id: 'decided', names: l('Жауап берілді', 'Дан ответ', 'Answered'), final: true },
      {
        id: 'deemed-refused',
        names: l('Бас тартылды деп саналады', 'Считается отказанным', 'Deemed refused'),
        final: true,
      },
    ],
    initial: 'registered',
    transitions,
    clocks: [
      {
        id: 'decision',
        names: l('Шешім мерзімі', 'Срок решения', 'Decision due'),
        length: { workingDays: decisionDays },
        startOn: ['submit'],
        stopOn: [T.forward, ...stopOn],
        extendOn,
        onExpiry: T.deemRefused,
      },
      {
        id: 'decision-competent-body',
        names: l(
          'Құзыретті органдағы шешім мерзімі',
          'Срок решения в компетентном органе',
          'Decision due at the competent body',
        ),
        length: { workingDays: LEGAL_PERIODS.decisionWorkingDays },
        startOn: [T.forward],
        stopOn,
        extendOn,
        onExpiry: T.deemRefused,
      },
    ],
  });
}

/** An anonymous appeal that reports neither a crime nor a threat: registered, not considered, no clock. */
const unconsidered: ServiceDefinition = defineService({
  id: UNCONSIDERED_SERVICE,
  version: 1,
  names: names[UNCONSIDERED_SERVICE],
  agency: OTINISH_AGENCY,
  legalBasis,
  applicants: [{ kind: 'person' }],
  fields,
  states: [
    {
      id: 'not-considered',
      names: l(
        'Тіркелді, қаралмайды',
        'Зарегистрировано, не рассматривается',
        'Registered, not considered',
      ),
      final: true,
    },
  ],
  initial: 'not-considered',
  transitions: [],
});

export const appealServices = (): ServiceDefinition[] => [
  considered(APPEAL_SERVICE, LEGAL_PERIODS.decisionWorkingDays),
  considered(APPEAL_DAY_OFF_SERVICE, LEGAL_PERIODS.decisionWorkingDays + 1),
  unconsidered,
];
