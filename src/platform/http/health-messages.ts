import { defineMessages } from '../i18n/catalogue.js';

/** Messages of the operations endpoints (health, metrics). */
export const healthMessages = defineMessages({
  'error.HEALTH_NOT_READY': {
    note: 'Answer of the readiness probe when the database or the job queue is not available; read by operators and load balancers',
    kk: 'Қызмет әлі дайын емес: дерекқор немесе тапсырмалар кезегі қолжетімсіз',
    ru: 'Сервис ещё не готов: база данных или очередь задач недоступна',
    en: 'The service is not ready: the database or the job queue is not available',
  },
});
