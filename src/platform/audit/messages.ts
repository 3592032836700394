import { defineMessages } from '../i18n/catalogue.js';

/** Messages of the audit module: the "Who used my data" page and the access-record errors. */
export const auditMessages = defineMessages({
  'myDataUsage.title': {
    note: 'Title of the page where a signed-in person sees who read their personal data',
    kk: 'Менің деректерімді кім пайдаланды',
    ru: 'Кто использовал мои данные',
    en: 'Who used my data',
  },
  'myDataUsage.lead': {
    note: 'Introduction under the title of the "Who used my data" page',
    kk: 'Мұнда мемлекеттік органдар мен ұйымдардың сіздің дербес деректеріңізді қашан, кім және не үшін оқығаны көрсетілген, ең соңғылары басында.',
    ru: 'Здесь показано, когда, кто и зачем читал ваши персональные данные в государственных органах и организациях, сначала самые недавние.',
    en: 'This page shows when, by whom and why your personal data was read by state bodies and organisations, most recent first.',
  },
  'myDataUsage.sealedNote': {
    note: 'Explains on the "Who used my data" page why some reads may not be listed yet',
    kk: 'Заңда көзделген жағдайларда (мысалы, жасырын тергеу кезінде) жазба тек тиісті шешім қабылданғаннан кейін көрсетіледі.',
    ru: 'В случаях, предусмотренных законом (например, при негласном расследовании), запись показывается только после соответствующего решения.',
    en: 'Where the law provides for it (for example during a covert investigation), a record is shown only once a decision allows it.',
  },
  'myDataUsage.empty': {
    note: 'Shown on the "Who used my data" page when nobody has read the person’s data',
    kk: 'Әзірге ешкім сіздің деректеріңізді оқымаған.',
    ru: 'Пока никто не читал ваши данные.',
    en: 'Nobody has read your data yet.',
  },
  'myDataUsage.caption': {
    note: 'Caption of the table of data reads, read by screen readers; {total} is the number of records',
    kk: 'Деректеріңізге қол жеткізу жазбалары: барлығы {total}',
    ru: 'Записи о доступе к вашим данным: всего {total}',
    en: 'Records of access to your data: {total} in total',
  },
  'myDataUsage.column.when': {
    note: 'Table column: when the data was read',
    kk: 'Қашан',
    ru: 'Когда',
    en: 'When',
  },
  'myDataUsage.column.who': {
    note: 'Table column: the person or system that read the data, and their organisation',
    kk: 'Кім',
    ru: 'Кто',
    en: 'Who',
  },
  'myDataUsage.column.purpose': {
    note: 'Table column: why the data was read',
    kk: 'Мақсаты',
    ru: 'Цель',
    en: 'Purpose',
  },
  'myDataUsage.column.legalBasis': {
    note: 'Table column: the law or consent that allowed reading the data',
    kk: 'Құқықтық негіз',
    ru: 'Правовое основание',
    en: 'Legal basis',
  },
  'myDataUsage.column.fields': {
    note: 'Table column: which items of personal data were read',
    kk: 'Қандай деректер',
    ru: 'Какие данные',
    en: 'Which data',
  },
  'myDataUsage.column.source': {
    note: 'Table column: the registry or information system the data came from',
    kk: 'Дереккөз',
    ru: 'Источник',
    en: 'Source',
  },
  'myDataUsage.pagination': {
    note: 'Accessible name of the page navigation under the table',
    kk: 'Беттер',
    ru: 'Страницы',
    en: 'Pages',
  },
  'myDataUsage.pageOf': {
    note: 'Position in the list, e.g. "Page 2 of 5"',
    kk: '{page}-бет, барлығы {pageCount}',
    ru: 'Страница {page} из {pageCount}',
    en: 'Page {page} of {pageCount}',
  },
  'myDataUsage.previous': {
    note: 'Link to the previous (more recent) page of records',
    kk: 'Алдыңғы бет',
    ru: 'Предыдущая страница',
    en: 'Previous page',
  },
  'myDataUsage.next': {
    note: 'Link to the next (older) page of records',
    kk: 'Келесі бет',
    ru: 'Следующая страница',
    en: 'Next page',
  },
  'error.AUDIT_ACCESS_RECORD_INVALID': {
    note: 'An access record could not be stored because details were missing or malformed',
    kk: 'Қол жеткізу жазбасы толық емес немесе қате.',
    ru: 'Запись о доступе неполна или содержит ошибки.',
    en: 'The access record is incomplete or malformed.',
  },
  'error.AUDIT_ACCESS_RECORD_NOT_FOUND': {
    note: 'A seal decision named an access record that does not exist',
    kk: 'Қол жеткізу жазбасы табылмады.',
    ru: 'Запись о доступе не найдена.',
    en: 'The access record was not found.',
  },
  'error.AUDIT_ACCESS_ALREADY_SEALED': {
    note: 'Someone tried to seal an access record that is already sealed',
    kk: 'Бұл қол жеткізу жазбасы әлдеқашан жабық.',
    ru: 'Эта запись о доступе уже засекречена.',
    en: 'This access record is already sealed.',
  },
  'error.AUDIT_ACCESS_NOT_SEALED': {
    note: 'Someone tried to lift the seal of an access record that is not sealed',
    kk: 'Бұл қол жеткізу жазбасы жабық емес.',
    ru: 'Эта запись о доступе не засекречена.',
    en: 'This access record is not sealed.',
  },
});
