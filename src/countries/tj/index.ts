import type { CountryProfile } from '../country-profile.js';
import { tjHolidays } from './holidays.js';
import { tjOrganisationId, tjPersonId } from './national-id.js';

export const tajikistan: CountryProfile = {
  id: 'tj',
  names: {
    kk: 'Тәжікстан Республикасы',
    ru: 'Республика Таджикистан',
    en: 'Republic of Tajikistan',
  },
  currency: 'TJS',
  timeZone: 'Asia/Dushanbe',
  personId: tjPersonId,
  organisationId: tjOrganisationId,
  calendar: tjHolidays,
};
