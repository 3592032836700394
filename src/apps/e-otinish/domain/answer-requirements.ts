import { DomainError, type FieldProblem } from '../../../platform/errors.js';

/** An answer as the officer wrote it, before it is sent. */
export interface AnswerDraft {
  /** The answer itself. */
  text: string;
  /** The legal grounds of the answer: the acts and articles it rests on. */
  legalGrounds: string;
  /** How and where the applicant may appeal it (higher body, court, period). */
  appealRoute: string;
}

/**
 * Refuses an answer that the APPC does not let a body send (an administrative act states its
 * legal grounds and how it may be appealed). Outcomes: returns the answer with its parts
 * trimmed, or throws DomainError OTINISH_ANSWER_INCOMPLETE (422) listing every missing part as a
 * field problem, so the officer's form shows them all at once.
 */
export function requireCompleteAnswer(answer: AnswerDraft): AnswerDraft {
  const trimmed = {
    text: answer.text.trim(),
    legalGrounds: answer.legalGrounds.trim(),
    appealRoute: answer.appealRoute.trim(),
  };
  const problems: FieldProblem[] = [];
  if (trimmed.text === '') problems.push({ field: 'text', code: 'OTINISH_ANSWER_EMPTY' });
  if (trimmed.legalGrounds === '') {
    problems.push({ field: 'legalGrounds', code: 'OTINISH_ANSWER_NO_LEGAL_GROUNDS' });
  }
  if (trimmed.appealRoute === '') {
    problems.push({ field: 'appealRoute', code: 'OTINISH_ANSWER_NO_APPEAL_ROUTE' });
  }
  if (problems.length > 0) throw new DomainError('OTINISH_ANSWER_INCOMPLETE', 422, {}, problems);
  return trimmed;
}
