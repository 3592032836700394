import { DomainError } from '../../../platform/errors.js';

/** Ratings at or below this are poor: the applicant is offered the complaint route. */
export const POOR_RATING_AT_MOST = 2;

export interface Rating {
  score: 1 | 2 | 3 | 4 | 5;
  /** A poor rating offers the complaint to the higher body (complaint.ts, grounds disputed-answer). */
  offersComplaint: boolean;
}

/**
 * The applicant's rating of the answer, 1 (worst) to 5 (best). Outcomes: the rating, or
 * DomainError OTINISH_RATING_OUT_OF_RANGE (422) for anything but a whole number from 1 to 5.
 */
export function rateAnswer(score: number): Rating {
  if (!Number.isInteger(score) || score < 1 || score > 5) {
    throw new DomainError('OTINISH_RATING_OUT_OF_RANGE', 422, {}, [
      { field: 'score', code: 'OTINISH_RATING_OUT_OF_RANGE' },
    ]);
  }
  return { score: score as Rating['score'], offersComplaint: score <= POOR_RATING_AT_MOST };
}
