import { AsyncLocalStorage } from 'node:async_hooks';
import type { AnswerDraft } from '../domain/answer-requirements.js';

/**
 * What an officer decided beyond the engine's transition (which carries only a reason): the
 * answer with its legal grounds and appeal route, the target of a forwarding, the roles of the
 * head extending a term. The app's officer actions run the engine's transition inside this
 * context; the engine calls the app's notifier port in the same transaction, and the notifier
 * reads it here, so the engine's record and the appeal's APPC record commit together.
 */
export interface OfficerDecision {
  applicationId: string;
  answer?: AnswerDraft;
  toBodyCode?: string;
  deciderRoles?: readonly string[];
}

export const officerDecision = new AsyncLocalStorage<OfficerDecision>();
