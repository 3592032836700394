import type { AppManifest } from '../../platform/apps/manifest.js';
import { APPEAL_SERVICE } from './definition/appeal-service.js';
import { eOtinishPlugin } from './http/plugin.js';
import { eOtinishMigrations } from './migrations/index.js';
import { eOtinishMessages } from './messages.js';

/** e-Otinish: citizens' appeals to any state body under the Administrative Procedural Code. */
export const eOtinishManifest: AppManifest = {
  id: 'e-otinish',
  names: { kk: 'e-Өтініш', ru: 'e-Отиниш', en: 'e-Otinish' },
  descriptions: {
    kk: 'Мемлекеттік органдарға өтініштер, шағымдар, сұрау салулар мен ұсыныстар: талон, мерзімдер, жауап және шағымдану.',
    ru: 'Обращения в государственные органы: заявления, жалобы, запросы и предложения — талон, сроки, ответ и обжалование.',
    en: 'Appeals to state bodies (applications, complaints, requests, proposals): coupon, legal terms, answer and complaint.',
  },
  owningAgency: 'ministry-digital',
  routePrefix: '/e-otinish',
  permissions: [
    { id: 'e-otinish.file', roles: ['citizen'] },
    { id: 'e-otinish.answer', roles: ['officer'] },
    { id: 'e-otinish.extend', roles: ['agency-head', 'agency-deputy'] },
  ],
  migrations: eOtinishMigrations,
  messages: eOtinishMessages,
  publishedServices: [
    {
      id: APPEAL_SERVICE,
      names: { kk: 'Өтініш беру', ru: 'Подача обращения', en: 'Filing an appeal' },
    },
  ],
  plugin: eOtinishPlugin,
};
