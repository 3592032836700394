/**
 * The `Information-Mediator-Client` header of GovStack (X-Road) calls names the calling system
 * as INSTANCE/CLASS/MEMBER/SUBSYSTEM, e.g. `KZ/GOV/150440012344/notary-system`. An API client
 * of the platform is registered under exactly this name, so the header and the key must agree.
 */
export interface ImClient {
  instance: string;
  memberClass: string;
  memberCode: string;
  subsystem: string;
  /** The header as sent, which is the registered API client's name. */
  id: string;
}

const PART = /^[A-Za-z0-9._-]{1,100}$/;

/** Reads the header; null when it is not four well-formed parts. */
export function parseImClient(header: string): ImClient | null {
  const parts = header.trim().split('/');
  if (parts.length !== 4 || parts.some((part) => !PART.test(part))) return null;
  const [instance, memberClass, memberCode, subsystem] = parts as [string, string, string, string];
  return { instance, memberClass, memberCode, subsystem, id: parts.join('/') };
}
