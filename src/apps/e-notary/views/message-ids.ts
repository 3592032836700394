import type { ActStatus } from '../domain/act-lifecycle.js';
import type { CheckName } from '../domain/checks/run-checks.js';
import type { RevocationReason } from '../domain/power-of-attorney.js';

/** Message ids of check names, act statuses and revocation reasons, spelled whole (the catalogue test finds them). */
export const CHECK_NAME_IDS: Record<CheckName, string> = {
  licence: 'enotary.check.name.licence',
  parties: 'enotary.check.name.parties',
  'power-of-attorney': 'enotary.check.name.power-of-attorney',
  'cadastral-number': 'enotary.check.name.cadastral-number',
  ownership: 'enotary.check.name.ownership',
  encumbrances: 'enotary.check.name.encumbrances',
  'spouse-consent': 'enotary.check.name.spouse-consent',
};

export const STATUS_IDS: Record<ActStatus, string> = {
  draft: 'enotary.status.draft',
  frozen: 'enotary.status.frozen',
  signed: 'enotary.status.signed',
  cancelled: 'enotary.status.cancelled',
};

export const REASON_IDS: Record<RevocationReason, string> = {
  'no-longer-needed': 'enotary.poa.reason.no-longer-needed',
  'lost-confidence': 'enotary.poa.reason.lost-confidence',
  'document-lost': 'enotary.poa.reason.document-lost',
  'representative-changed': 'enotary.poa.reason.representative-changed',
  other: 'enotary.poa.reason.other',
};
