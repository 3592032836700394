/** What the applicant said about who they are and what the appeal reports (from the form). */
export interface AppealReports {
  /** No name or no address to answer to: the APPC's anonymous appeal. */
  anonymous: boolean;
  /** The appeal reports a criminal offence, prepared or committed. */
  reportsCrime: boolean;
  /** The appeal reports a threat to state or public security. */
  reportsSecurityThreat: boolean;
}

export type Consideration =
  | { considered: true; reason: 'named' | 'anonymous-reports-crime' | 'anonymous-reports-threat' }
  | { considered: false; reason: 'anonymous' };

/**
 * Whether a registered appeal is considered (APPC, anonymous appeals): an anonymous appeal is
 * registered but not considered, unless it reports a criminal offence or a threat to state or
 * public security, which the body must act on whoever sent it. A named appeal is always
 * considered. Registration itself never depends on this (see registration.ts).
 */
export function considerationOf(reports: AppealReports): Consideration {
  if (!reports.anonymous) return { considered: true, reason: 'named' };
  if (reports.reportsCrime) return { considered: true, reason: 'anonymous-reports-crime' };
  if (reports.reportsSecurityThreat) {
    return { considered: true, reason: 'anonymous-reports-threat' };
  }
  return { considered: false, reason: 'anonymous' };
}
