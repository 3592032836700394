export type { PlanChanges, WallChange } from './changes.js';
export { wallsRemovedOrOpened } from './changes.js';
export { routeOf, type ExpertReason, type Route } from './route.js';
export {
  buildingVoteStillPossible,
  consentStatus,
  twoThirdsOf,
  type ConsentAnswer,
  type ConsentInput,
  type ConsentStatus,
} from './consents.js';
export { AUDIT_RULES, auditSelection, isRandomPick, type AuditReason } from './audit-sampling.js';
export {
  SANCTION_RULES,
  sanctionsOf,
  standingOn,
  type Sanction,
  type Standing,
} from './sanctions.js';
export { licenceRefusal, REDEVELOPMENT_CATEGORIES, type ArchitectLicence } from './licence.js';
export { buildingOf } from './cadastral.js';
