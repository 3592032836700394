/** One thing that happened, as the audit log records it. */
export interface AuditEvent {
  /** Dotted verb, stable across versions, e.g. `identity.sign-in`, `identity.user-create`. */
  action: string;
  outcome: 'success' | 'failure';
  /** The account that acted; null for an anonymous caller or the system itself. */
  actorAccountId: string | null;
  /** What the action was about (an account, a record id…); never a national identifier. */
  subject?: string | null;
  /** Small, non-secret facts: the failure code, the client address, the request id. */
  details?: Record<string, unknown>;
}

/** The append side of the audit log, as every module uses it. */
export interface AuditLog {
  /** Resolves once the entry is committed and chained; rejects if it could not be written. */
  append(event: AuditEvent): Promise<void>;
}
