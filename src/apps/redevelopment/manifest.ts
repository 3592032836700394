import type { AppManifest } from '../../platform/apps/manifest.js';
import { defineMessages } from '../../platform/i18n/catalogue.js';
import { REDEV_AGENCY, REDEV_SERVICE } from './definition/redevelopment-service.js';
import { redevelopmentPlugin } from './http/plugin.js';
import { redevelopmentMigrations } from './migrations/index.js';
import { redevelopmentMessages } from './messages.js';
import { redevelopmentPageMessages } from './page-messages.js';
import { CONSENT_PERMISSION, FILE_PERMISSION, INSPECT_PERMISSION } from './permissions.js';

/** Redevelopment: licensed architects register flat alterations on their own licence (issue 6). */
export const redevelopmentManifest: AppManifest = {
  id: 'redevelopment',
  names: { kk: 'Қайта жоспарлау', ru: 'Перепланировка', en: 'Redevelopment' },
  descriptions: {
    kk: 'Лицензияланған сәулетшілер пәтерді қайта жоспарлауды өз лицензиясымен тіркейді: меншік иелерінің электрондық келісімі, автоматты тексерулер, тексеру және санкциялар.',
    ru: 'Лицензированные архитекторы регистрируют перепланировку квартир под свою лицензию: электронное согласие собственников, автоматические проверки, аудит и санкции.',
    en: 'Licensed architects register flat redevelopments on their own licence: owners’ e-consent, automatic checks, audits and sanctions.',
  },
  owningAgency: REDEV_AGENCY,
  routePrefix: '/redevelopment',
  permissions: [FILE_PERMISSION, CONSENT_PERMISSION, INSPECT_PERMISSION],
  migrations: redevelopmentMigrations,
  messages: defineMessages({ ...redevelopmentMessages, ...redevelopmentPageMessages }),
  publishedServices: [
    {
      id: REDEV_SERVICE,
      names: {
        kk: 'Пәтерді қайта жоспарлау',
        ru: 'Перепланировка квартиры',
        en: 'Redevelopment of a flat',
      },
    },
  ],
  plugin: redevelopmentPlugin,
};
