import type { AppManifest } from '../../platform/apps/manifest.js';
import { defineMessages } from '../../platform/i18n/catalogue.js';
import { eNotaryMessages } from './messages.js';
import { eNotaryAppMessages } from './app-messages.js';
import { eNotaryMigrations } from './migrations/index.js';
import { PERFORM_PERMISSION, REVIEW_PERMISSION, REVOKE_PERMISSION } from './permissions.js';
import { eNotaryPlugin } from './plugin.js';

/**
 * The e-Notary app: the Unified Notarial Information System on the platform (issue 3). Owned by
 * the Ministry of Justice, which licenses notaries and keeps the notarial registers.
 */
export const eNotaryManifest: AppManifest = {
  id: 'e-notary',
  names: { kk: 'Е-Нотариат', ru: 'Е-Нотариат', en: 'e-Notary' },
  descriptions: {
    kk: 'Нотариаттық әрекеттердің, сенімхаттардың, өсиеттер мен мұрагерлік істердің бірыңғай тізілімі: мәміле алдындағы тексерулер, меншік иелеріне хабарлама, QR арқылы тексеру.',
    ru: 'Единый реестр нотариальных действий, доверенностей, завещаний и наследственных дел: предсделочные проверки, уведомления собственников, проверка по QR-коду.',
    en: 'The single register of notarial acts, powers of attorney, wills and inheritance cases: pre-deal checks, owner alerts, verification by QR code.',
  },
  owningAgency: 'ministry-justice',
  routePrefix: '/e-notary',
  permissions: [PERFORM_PERMISSION, REVIEW_PERMISSION, REVOKE_PERMISSION],
  migrations: eNotaryMigrations,
  messages: defineMessages({ ...eNotaryMessages, ...eNotaryAppMessages }),
  publishedServices: [
    {
      id: 'e-notary.verify',
      names: {
        kk: 'Нотариаттық әрекетті тексеру',
        ru: 'Проверка нотариального действия',
        en: 'Verification of a notarial act',
      },
    },
  ],
  plugin: eNotaryPlugin,
};
