import type { CountryProfile } from '../country-profile.js';
import { kgHolidays } from './holidays.js';
import { kgOrganisationId, kgPersonId } from './national-id.js';

export const kyrgyzstan: CountryProfile = {
  id: 'kg',
  names: { kk: 'Қырғыз Республикасы', ru: 'Кыргызская Республика', en: 'Kyrgyz Republic' },
  currency: 'KGS',
  timeZone: 'Asia/Bishkek',
  personId: kgPersonId,
  organisationId: kgOrganisationId,
  calendar: kgHolidays,
};
