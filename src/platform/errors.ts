/**
 * An expected failure of a use case: a stable code (the key of its translated message, e.g.
 * `IDENTITY_INVALID_IIN`), an HTTP status hint and parameters for the message. Domain and service
 * code throw these; one place (platform/http/error-handler) turns them into problem+json for the
 * API and into an error summary for pages. No user-facing text lives here.
 */
export class DomainError extends Error {
  constructor(
    readonly code: string,
    readonly status: number = 400,
    readonly params: Record<string, string | number> = {},
    /** Field-level problems, keyed by field name, each a message code. */
    readonly fields: FieldProblem[] = [],
  ) {
    super(code);
    this.name = 'DomainError';
  }
}

export interface FieldProblem {
  field: string;
  code: string;
  params?: Record<string, string | number>;
}

export const isDomainError = (error: unknown): error is DomainError => error instanceof DomainError;
