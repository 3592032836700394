/*
 * The periods of the Administrative Procedural and Process Code of the Republic of Kazakhstan
 * (APPC, Code no. 350-VI of 29 June 2020) that the appeals app counts. One place, so that an
 * amendment to the Code is one edit here; the functions that use them cite the article.
 */
export const LEGAL_PERIODS = {
  /** Art. 76: an appeal is decided within 15 working days of its registration. */
  decisionWorkingDays: 15,
  /** Art. 65: an appeal outside the body's competence is forwarded within 3 working days. */
  forwardingWorkingDays: 3,
  /** The applicant is told of an extension within 3 working days of the extension decision. */
  extensionNoticeWorkingDays: 3,
  /** An extension may add at most 2 calendar months to the original term, in total. */
  maxExtensionMonths: 2,
  /** Art. 73: the hearing notice comes at least 3 working days before an adverse decision. */
  hearingNoticeWorkingDays: 3,
  /** Art. 92: a complaint is filed within 3 months of the decision or deemed refusal. */
  complaintMonths: 3,
} as const;
