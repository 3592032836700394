import type { AppManifest } from '../../platform/apps/manifest.js';
import { smartBridgePlugin } from './http/plugin.js';
import { smartBridgeMessages } from './messages.js';

/** Smart Bridge: the developer portal of the bridge block (issue 5). */
export const smartBridgeManifest: AppManifest = {
  id: 'smart-bridge',
  names: { kk: 'Smart Bridge', ru: 'Smart Bridge', en: 'Smart Bridge' },
  descriptions: {
    kk: 'Әзірлеушілер порталы: сервис паспорттарының каталогы, қолжетімділік сұраулары, қатысушы сертификаттары және пайдалану.',
    ru: 'Портал разработчика: каталог паспортов сервисов, запросы доступа, сертификаты участников и использование.',
    en: 'Developer portal: catalogue of service passports, access requests, member certificates and usage.',
  },
  owningAgency: 'ministry-digital',
  routePrefix: '/smart-bridge',
  permissions: [],
  migrations: [],
  messages: smartBridgeMessages,
  publishedServices: [],
  plugin: smartBridgePlugin,
};
