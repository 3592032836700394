import { localDate } from '../../../../platform/calendar/local-date.js';
import type { ActDraft } from '../act-draft.js';
import type { Facts, LicenceFact, Moment } from '../facts.js';
import { blocking, type Finding } from '../finding.js';

/**
 * May this notary perform notarial acts today? Law "On Notaries", Chapter 2: only the holder
 * of a valid licence for notarial activity, while it is neither suspended nor terminated. The
 * validity dates are read as calendar days in the country's time zone, both inclusive.
 * All blocking:
 * - ENOTARY_CHECK_LICENCE_NOT_FOUND: no licence record was found for the notary;
 * - ENOTARY_CHECK_LICENCE_NOT_NOTARY {kind}: the licence is for another profession;
 * - ENOTARY_CHECK_LICENCE_NOT_HOLDER {licence}: the licence belongs to someone else;
 * - ENOTARY_CHECK_LICENCE_NOT_ACTIVE {licence, status}: suspended, revoked or terminated;
 * - ENOTARY_CHECK_LICENCE_NOT_YET_VALID {licence, validFrom};
 * - ENOTARY_CHECK_LICENCE_EXPIRED {licence, validTo}.
 */
export const licenceCheck = (draft: ActDraft, facts: Facts, moment: Moment): Finding[] =>
  notaryLicenceFindings(facts.notaryLicence, draft.notaryIin, moment);

/** The same rules for any notarial step (opening an inheritance case, revoking on application). */
export function notaryLicenceFindings(
  licence: LicenceFact | undefined,
  notaryIin: string,
  moment: Moment,
): Finding[] {
  if (!licence) return [blocking('ENOTARY_CHECK_LICENCE_NOT_FOUND')];
  if (licence.kind !== 'notary') {
    return [
      blocking('ENOTARY_CHECK_LICENCE_NOT_NOTARY', { licence: licence.number, kind: licence.kind }),
    ];
  }
  if (licence.holderIin !== notaryIin) {
    return [blocking('ENOTARY_CHECK_LICENCE_NOT_HOLDER', { licence: licence.number })];
  }
  if (licence.status !== 'active') {
    return [
      blocking('ENOTARY_CHECK_LICENCE_NOT_ACTIVE', {
        licence: licence.number,
        status: licence.status,
      }),
    ];
  }
  const today = localDate(moment.now, moment.timeZone);
  if (today < licence.validFrom) {
    return [
      blocking('ENOTARY_CHECK_LICENCE_NOT_YET_VALID', {
        licence: licence.number,
        validFrom: licence.validFrom,
      }),
    ];
  }
  if (licence.validTo !== null && today > licence.validTo) {
    return [
      blocking('ENOTARY_CHECK_LICENCE_EXPIRED', {
        licence: licence.number,
        validTo: licence.validTo,
      }),
    ];
  }
  return [];
}
