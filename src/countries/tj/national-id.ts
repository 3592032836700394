import type { IdentifierFormat } from '../country-profile.js';
import { checkDigitsOfLength } from '../national-id-rules.js';

/*
 * Tajikistan's identifier: the taxpayer number (INN, РМА) of 9 digits, assigned by the Tax
 * Committee to people and organisations alike. Its control digit's algorithm is not published,
 * so what is checked is the length and that it is digits only.
 */

export const tjPersonId: IdentifierFormat = {
  label: 'INN',
  length: 9,
  check: (value) => checkDigitsOfLength(value, 9),
};

export const tjOrganisationId: IdentifierFormat = {
  label: 'INN',
  length: 9,
  check: (value) => checkDigitsOfLength(value, 9),
};
