import type { LocalDate } from '../../../platform/calendar/local-date.js';
import type { LegalTerm } from './legal-calendar.js';

/*
 * The append-only history of an appeal. Nothing about an appeal is ever overwritten: each step
 * is an action with the instant it happened, and the status is derived from the list
 * (appeal-state.ts). Each action carries what the step decided, so the history alone tells the
 * whole story (the terms in force, who extended and why).
 */
export type AppealAction =
  | { type: 'submitted'; at: Date }
  | (
      | { type: 'registered'; at: Date; couponNumber: string; considered: true; term: LegalTerm }
      /** An anonymous appeal that reports neither a crime nor a threat: registered, not considered. */
      | { type: 'registered'; at: Date; couponNumber: string; considered: false }
    )
  /** Outside the body's competence (Art. 65); the receiving body starts a history of its own. */
  | { type: 'forwarded'; at: Date; toBodyCode: string }
  /** A reasoned extension by the head or deputy (extension.ts decides `term`). */
  | { type: 'extended'; at: Date; term: LegalTerm; deciderRole: string; reasons: string }
  /** Art. 73: the applicant is told of an intended adverse decision. */
  | { type: 'hearing-notified'; at: Date; noticeSentOn: LocalDate }
  | { type: 'decided'; at: Date; adverse: boolean }
  /** Art. 91(2): the term passed with no decision. */
  | { type: 'deemed-refused'; at: Date }
  | { type: 'rated'; at: Date; score: number }
  /** Art. 92: a complaint to the higher body; `late` with the restoration reason it was admitted on. */
  | { type: 'complaint-filed'; at: Date; late: boolean };

export type AppealActionType = AppealAction['type'];
