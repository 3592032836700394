import type { ActionRecord } from './application-status.js';

/** An officer's decision in an application's history, with the code that verifies its signature. */
export interface SignedDecision {
  seq: number;
  action: string;
  at: Date;
  documentId: string;
  verificationCode: string;
}

/** The signed officers' decisions of a history, in order (see perform-transition's signing). */
export function signedDecisions(actions: readonly ActionRecord[]): SignedDecision[] {
  return actions.flatMap((action) => {
    const signed = action.payload.decisionDocument as
      { documentId?: unknown; verificationCode?: unknown } | undefined;
    if (typeof signed?.documentId !== 'string' || typeof signed.verificationCode !== 'string')
      return [];
    return [
      {
        seq: action.seq,
        action: action.action,
        at: action.at,
        documentId: signed.documentId,
        verificationCode: signed.verificationCode,
      },
    ];
  });
}
