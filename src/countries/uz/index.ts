import type { CountryProfile } from '../country-profile.js';
import { uzHolidays } from './holidays.js';
import { uzOrganisationId, uzPersonId } from './national-id.js';

export const uzbekistan: CountryProfile = {
  id: 'uz',
  names: {
    kk: 'Өзбекстан Республикасы',
    ru: 'Республика Узбекистан',
    en: 'Republic of Uzbekistan',
  },
  currency: 'UZS',
  timeZone: 'Asia/Tashkent',
  personId: uzPersonId,
  organisationId: uzOrganisationId,
  calendar: uzHolidays,
};
