import { defineMessages } from '../i18n/catalogue.js';

/** Messages of the operations endpoints (health, metrics) and of load shedding. */
export const healthMessages = defineMessages({
  'error.HEALTH_NOT_READY': {
    note: 'Answer of the readiness probe when the database or the job queue is not available; read by operators and load balancers',
    kk: 'Қызмет әлі дайын емес: дерекқор немесе тапсырмалар кезегі қолжетімсіз',
    ru: 'Сервис ещё не готов: база данных или очередь задач недоступна',
    en: 'The service is not ready: the database or the job queue is not available',
  },
  'error.HTTP_OVERLOADED': {
    note: 'Answer when the server is too busy to take the request now (load shedding); the answer also says after how many seconds to retry',
    kk: 'Сервер қазір бос емес. Бірнеше секундтан кейін қайталаңыз',
    ru: 'Сервер сейчас перегружен. Повторите через несколько секунд',
    en: 'The server is busy right now. Try again in a few seconds',
  },
});
