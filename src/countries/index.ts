import type { CountryId, CountryProfile } from './country-profile.js';
import { kyrgyzstan } from './kg/index.js';
import { kazakhstan } from './kz/index.js';
import { tajikistan } from './tj/index.js';
import { uzbekistan } from './uz/index.js';

export const countryProfiles: Record<CountryId, CountryProfile> = {
  kz: kazakhstan,
  kg: kyrgyzstan,
  uz: uzbekistan,
  tj: tajikistan,
};

export const getCountryProfile = (id: CountryId): CountryProfile => countryProfiles[id];
