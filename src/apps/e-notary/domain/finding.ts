/**
 * The result of one pre-deal check, recorded in the act's file. A blocking finding prevents
 * signing; a warning is shown to the notary (who must bring it to the parties' attention: under the Law
 * "On Notaries" the notary explains the meaning and consequences of the act) and does not.
 */
export type Severity = 'blocking' | 'warning';

export interface Finding {
  /** Stable code, the catalogue key of its message is `error.<code>`. */
  code: string;
  severity: Severity;
  params: Record<string, string | number>;
}

export const blocking = (code: string, params: Finding['params'] = {}): Finding => ({
  code,
  severity: 'blocking',
  params,
});

export const warning = (code: string, params: Finding['params'] = {}): Finding => ({
  code,
  severity: 'warning',
  params,
});

export const hasBlocking = (findings: readonly Finding[]): boolean =>
  findings.some((finding) => finding.severity === 'blocking');
