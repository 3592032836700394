import type { LocalDate } from '../../../platform/calendar/local-date.js';

/** An architect's licence as the licence registry holds it. */
export interface ArchitectLicence {
  number: string;
  holderIin: string;
  kind: string;
  category: string | null;
  status: 'active' | 'suspended' | 'revoked';
  validFrom: LocalDate;
  validTo: LocalDate | null;
}

/**
 * The licence categories that may design a flat's redevelopment. Category III covers only
 * buildings of the lowest responsibility level (sheds, garages), not residential blocks.
 */
export const REDEVELOPMENT_CATEGORIES: readonly string[] = ['I', 'II'];

/**
 * Why an architect may not file on this licence today, as a stable code, or undefined when the
 * licence is in force: of the architect kind, held by the person, active, within its dates
 * (both ends included, calendar days of the country) and of a category that covers flats.
 */
export function licenceRefusal(
  licence: ArchitectLicence | undefined,
  iin: string,
  today: LocalDate,
): string | undefined {
  if (!licence || licence.kind !== 'architect' || licence.holderIin !== iin)
    return 'REDEV_NOT_AN_ARCHITECT';
  if (licence.status === 'suspended') return 'REDEV_LICENCE_SUSPENDED';
  if (licence.status !== 'active') return 'REDEV_LICENCE_REVOKED';
  if (today < licence.validFrom) return 'REDEV_LICENCE_NOT_YET_VALID';
  if (licence.validTo !== null && today > licence.validTo) return 'REDEV_LICENCE_EXPIRED';
  if (!REDEVELOPMENT_CATEGORIES.includes(licence.category ?? '')) return 'REDEV_LICENCE_CATEGORY';
  return undefined;
}
