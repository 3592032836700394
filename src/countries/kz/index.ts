import type { CountryProfile } from '../country-profile.js';
import { kzHolidays } from './holidays.js';
import { kzOrganisationId, kzPersonId } from './national-id.js';

export const kazakhstan: CountryProfile = {
  id: 'kz',
  names: { kk: 'Қазақстан Республикасы', ru: 'Республика Казахстан', en: 'Republic of Kazakhstan' },
  currency: 'KZT',
  // The whole country has kept one time zone, UTC+5, since March 2024.
  timeZone: 'Asia/Almaty',
  personId: kzPersonId,
  organisationId: kzOrganisationId,
  calendar: kzHolidays,
};
