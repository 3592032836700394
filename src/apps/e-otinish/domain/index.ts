/*
 * The e-Otinish domain: the rules of the Administrative Procedural and Process Code for appeals,
 * as pure functions. The service layer hands in the calendar, the time zone and the instants;
 * nothing here reads a clock, a configuration or the database.
 */
export type { AppealAction, AppealActionType } from './appeal-actions.js';
export {
  applyAppealAction,
  deriveAppealState,
  type AppealState,
  type AppealStatus,
} from './appeal-state.js';
export { considerationOf, type AppealReports, type Consideration } from './anonymous-appeals.js';
export { requireCompleteAnswer, type AnswerDraft } from './answer-requirements.js';
export { addCalendarMonths } from '../../../platform/calendar/calendar-months.js';
export {
  admitComplaint,
  COMPLAINT_GROUNDS,
  complaintWindow,
  draftComplaint,
  type ComplaintAdmission,
  type ComplaintDraft,
  type ComplaintGrounds,
} from './complaint.js';
export {
  formatCouponNumber,
  issueCoupon,
  parseCouponNumber,
  type Coupon,
  type CouponNumberParts,
} from './coupon.js';
export { decisionTerm, workingDayTerm } from './decision-term.js';
export { decisionStateAt, type DecisionState } from './deemed-refusal.js';
export {
  EXTENDING_ROLES,
  extendDecisionTerm,
  latestExtendedLastDay,
  type Extension,
  type ExtensionDecision,
} from './extension.js';
export {
  checkForwarding,
  forwardingTerm,
  registrationAtReceivingBody,
  type ForwardingCheck,
} from './forwarding.js';
export {
  earliestAdverseDecisionDate,
  hearingAllowsAdverseDecision,
  latestHearingNoticeDate,
} from './hearing.js';
export { isWithinTerm, legalDateOf, type LegalCalendar, type LegalTerm } from './legal-calendar.js';
export { LEGAL_PERIODS } from './legal-periods.js';
export { endOfLocalDay, startOfLocalDay } from '../../../platform/calendar/local-day-bounds.js';
export { POOR_RATING_AT_MOST, rateAnswer, type Rating } from './rating.js';
export { registrationDayOf, type RegistrationDay } from './registration-day.js';
export { registerAppeal, type AppealRegistration } from './registration.js';
export {
  areSimilar,
  clusterSimilarAppeals,
  findSimilarAppeals,
  SIMILARITY_THRESHOLD,
  topicSimilarity,
  topicTokens,
  type AppealTopic,
} from './similar-appeals.js';
export { appealStatistics, type AppealStatistics, type AppealSummary } from './statistics.js';
